package badgerstore

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/dgraph-io/badger/v4"

	"github.com/exosh/exosh/store"
)

// CreateSearch stores a new historical search job.
func (s *Store) CreateSearch(ctx context.Context, j store.SearchJob) error {
	if j.JobId.IsZero() {
		return fmt.Errorf("historical search without a JobId: %w", store.ErrInvalid)
	}
	if j.SubmitDate.IsZero() {
		return fmt.Errorf("historical search %s without a SubmitDate: %w", j.JobId, store.ErrInvalid)
	}
	if err := checkTime("SubmitDate", j.SubmitDate); err != nil {
		return err
	}
	j.SubmitDate = normTime(j.SubmitDate)
	life, live := s.lifetimeUntil(j.SubmitDate.Add(store.SearchRetention))
	if !live {
		return nil
	}
	return s.update(ctx, func(txn *badger.Txn) error {
		taken, err := exists(txn, searchKey(j.JobId))
		if err != nil {
			return err
		}
		if taken {
			return fmt.Errorf("historical search %s: %w", j.JobId, store.ErrExists)
		}
		return putSearch(txn, &j, life)
	})
}

// putSearch writes a job and its submit-time index entry with one lifetime.
func putSearch(txn *badger.Txn, j *store.SearchJob, life lifetime) error {
	v, err := jsonValue(j)
	if err != nil {
		return err
	}
	if err := txn.SetEntry(life.entry(searchKey(j.JobId), v, encodingJSON)); err != nil {
		return err
	}
	return txn.SetEntry(life.entry(searchBySubmitKey(j.SubmitDate, j.JobId), nil, 0))
}

// visibleSearch reads a job that the clock still shows; the item is returned for its
// expiry.
func (s *Store) visibleSearch(txn *badger.Txn, id store.ID) (store.SearchJob, *badger.Item, error) {
	var j store.SearchJob
	item, err := txn.Get(searchKey(id))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return j, nil, fmt.Errorf("historical search %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return j, nil, err
	}
	if err := decodeItem(item, &j); err != nil {
		return j, nil, err
	}
	if !j.Visible(s.visibleNow()) {
		return j, nil, fmt.Errorf("historical search %s: %w", id, store.ErrNotFound)
	}
	return j, item, nil
}

// Search returns a visible job.
func (s *Store) Search(ctx context.Context, id store.ID) (store.SearchJob, error) {
	var out store.SearchJob
	err := s.view(ctx, func(txn *badger.Txn) error {
		j, _, err := s.visibleSearch(txn, id)
		out = j
		return err
	})
	if err != nil {
		return store.SearchJob{}, err
	}
	return out, nil
}

// searchesSince walks the submit-time index newest first down to since (or the
// retention window, whichever is later), calling fn with each job ID.
func (s *Store) searchesSince(txn *badger.Txn, since time.Time, fn func(id store.ID) error) error {
	if now := s.visibleNow(); !now.IsZero() {
		if oldest := now.Add(-store.SearchRetention); oldest.After(since) {
			since = oldest
		}
	}
	var floor uint64
	if checkTime("since", since) == nil {
		floor = micros(since)
	}
	prefix := []byte{famSearchBySubmit}
	return scanDown(txn, prefix, seekEnd(prefix, time.Time{}), func(k []byte) (bool, error) {
		if len(k) != 1+posLen {
			return false, fmt.Errorf("search index key %x: %w", k, store.ErrSchema)
		}
		if binary.BigEndian.Uint64(k[1:]) < floor {
			return false, nil
		}
		id, _ := lastID(k)
		return true, fn(id)
	})
}

// ListSearches returns the visible jobs, newest first.
func (s *Store) ListSearches(ctx context.Context) ([]store.SearchJob, error) {
	var out []store.SearchJob
	err := s.view(ctx, func(txn *badger.Txn) error {
		return s.searchesSince(txn, time.Time{}, func(id store.ID) error {
			j, _, err := s.visibleSearch(txn, id)
			if errors.Is(err, store.ErrNotFound) {
				return nil
			}
			if err == nil {
				out = append(out, j)
			}
			return err
		})
	})
	return out, err
}

// CountSearchesSince counts the visible jobs submitted at or after t.
func (s *Store) CountSearchesSince(ctx context.Context, t time.Time) (int, error) {
	n := 0
	err := s.view(ctx, func(txn *badger.Txn) error {
		return s.searchesSince(txn, t, func(store.ID) error { n++; return nil })
	})
	return n, err
}

// UpdateSearch replaces a visible job, keeping its expiry.
func (s *Store) UpdateSearch(ctx context.Context, j store.SearchJob) error {
	return s.update(ctx, func(txn *badger.Txn) error {
		old, item, err := s.visibleSearch(txn, j.JobId)
		if err != nil {
			return err
		}
		if !j.SubmitDate.IsZero() && !normTime(j.SubmitDate).Equal(old.SubmitDate) {
			return fmt.Errorf("historical search %s: the SubmitDate cannot change: %w", j.JobId, store.ErrInvalid)
		}
		j.SubmitDate = old.SubmitDate
		return putSearch(txn, &j, lifetime{expiresAt: item.ExpiresAt()})
	})
}

// PutSearchRows appends result rows to a visible job, with the job's expiry. Rows too
// many for one transaction commit in several.
func (s *Store) PutSearchRows(ctx context.Context, id store.ID, rows []store.SearchRow) error {
	db, done, err := s.holdForWrite(ctx)
	if err != nil {
		return err
	}
	defer done()
	var entries []*badger.Entry
	err = db.View(func(txn *badger.Txn) error {
		_, item, err := s.visibleSearch(txn, id)
		if err != nil {
			return err
		}
		life := lifetime{expiresAt: item.ExpiresAt()}
		next := uint64(0)
		prefix := searchRowPrefix(id)
		err = scanDown(txn, prefix, append(bytes.Clone(prefix), 0xff, 0xff, 0xff, 0xff), func(k []byte) (bool, error) {
			if len(k) != len(prefix)+4 {
				return false, fmt.Errorf("search row key %x: %w", k, store.ErrSchema)
			}
			next = uint64(binary.BigEndian.Uint32(k[len(prefix):])) + 1
			return false, nil
		})
		if err != nil {
			return err
		}
		if next+uint64(len(rows)) > math.MaxUint32 {
			return fmt.Errorf("historical search %s has too many rows: %w", id, store.ErrInvalid)
		}
		for i, r := range rows {
			v, err := jsonValue(r)
			if err != nil {
				return err
			}
			entries = append(entries, life.entry(searchRowKey(id, uint32(next)+uint32(i)), v, encodingJSON))
		}
		return nil
	})
	if err != nil {
		return err
	}
	return writeTxns(ctx, db, entries)
}

// SearchRows returns one page of a visible job's rows in order.
func (s *Store) SearchRows(ctx context.Context, id store.ID, after store.Cursor, limit int) ([]store.SearchRow, store.Cursor, error) {
	a, err := decodeCursor(after)
	if err != nil {
		return nil, "", err
	}
	if a != nil && len(a) != 4 {
		return nil, "", fmt.Errorf("cursor %q: %w", after, store.ErrInvalid)
	}
	if limit <= 0 {
		limit = store.DefaultLimit
	}
	prefix := searchRowPrefix(id)
	start := prefix
	if a != nil {
		// The row after the cursor's; a cursor at the last possible row has nothing after.
		n := binary.BigEndian.Uint32(a)
		if n == math.MaxUint32 {
			return nil, "", nil
		}
		start = searchRowKey(id, n+1)
	}
	var out []store.SearchRow
	var last []byte
	more := false
	err = s.view(ctx, func(txn *badger.Txn) error {
		if _, _, err := s.visibleSearch(txn, id); err != nil {
			return err
		}
		return scanKeys(txn, prefix, start, func(k []byte) (bool, error) {
			if len(out) == limit {
				more = true
				return false, nil
			}
			var r store.SearchRow
			if err := getJSON(txn, bytes.Clone(k), &r); err != nil {
				return false, err
			}
			out = append(out, r)
			last = bytes.Clone(k[len(prefix):])
			return true, nil
		})
	})
	if err != nil {
		return nil, "", err
	}
	var next store.Cursor
	if more {
		next = encodeCursor(last)
	}
	return out, next, nil
}

// verifySearches checks that every job has its submit-time entry, every entry its job
// and every result row a job (part of Verify).
func verifySearches(txn *badger.Txn, report func(string, ...any) bool) error {
	err := scanItems(txn, []byte{famSearch}, func(item *badger.Item) (bool, error) {
		var j store.SearchJob
		if err := decodeItem(item, &j); err != nil {
			return report("historical search %x: %v", item.Key(), err), nil
		}
		if !bytes.Equal(item.Key(), searchKey(j.JobId)) {
			return report("historical search %x holds job %s", item.Key(), j.JobId), nil
		}
		return wantKeys(txn, report, "historical search "+j.JobId.String(), [][]byte{searchBySubmitKey(j.SubmitDate, j.JobId)})
	})
	if err != nil {
		return err
	}
	err = scanKeys(txn, []byte{famSearchBySubmit}, nil, func(k []byte) (bool, error) {
		id, ok := lastID(k)
		if !ok || len(k) != 1+posLen {
			return report("search index entry %x is malformed", k), nil
		}
		var j store.SearchJob
		return orphanCheck(report, k, func() error { return getJSON(txn, searchKey(id), &j) },
			func() [][]byte { return [][]byte{searchBySubmitKey(j.SubmitDate, j.JobId)} })
	})
	if err != nil {
		return err
	}
	return scanKeys(txn, []byte{famSearchRow}, nil, func(k []byte) (bool, error) {
		if len(k) != 21 {
			return report("search row key %x is malformed", k), nil
		}
		var id store.ID
		copy(id[:], k[1:17])
		ok, err := exists(txn, searchKey(id))
		if err != nil || ok {
			return err == nil, err
		}
		return report("search row %x has no job", k), nil
	})
}
