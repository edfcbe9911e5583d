package badgerstore

import (
	"bytes"
	"context"
	"errors"
	"time"

	"github.com/dgraph-io/badger/v4"
)

// Retention and time.
//
// Visibility is decided when a record is read, by the store's clock: a record is
// returned only until the clock passes its expiry (recordTime >= now - retention). That
// is what callers observe, and it works with any clock, including a pinned test date.
//
// Physical deletion is Badger's TTL. Badger judges expiry by the wall clock, so an
// entry's remaining lifetime is computed through our clock (expiry minus clock.Now) and
// handed to Badger as a TTL, plus a grace period: with the real clock this is the
// record's own expiry (a day late), and with a pinned date Badger does not delete what
// the clock still shows while a test or session runs. A record and all its index entries
// get one identical ExpiresAt, so they vanish together.

// deletionGrace is how long after its logical expiry a record is physically deleted.
// Nothing reads it then (visibility is decided by the clock), so the delay costs only
// disk space.
const deletionGrace = 24 * time.Hour

// lifetime is the Badger expiry of a record and its index entries.
type lifetime struct {
	expiresAt uint64 // Badger ExpiresAt (Unix seconds); 0 means never
}

// lifetimeUntil returns the lifetime of a record that expires at until, and false when
// the store's clock is already past it (such records are not written). Without
// a clock nothing expires.
func (s *Store) lifetimeUntil(until time.Time) (lifetime, bool) {
	if s.cfg.clock == nil {
		return lifetime{}, true
	}
	remaining := until.Sub(s.now())
	if remaining < 0 {
		return lifetime{}, false
	}
	// WithTTL turns the remaining lifetime into Badger's wall-clock expiry. The grace
	// period keeps the physical deletion from ever preceding the expiry readers see (and,
	// under a pinned clock, lets records at the edge of retention survive a day of real
	// time). The result is copied to every entry of the record instead of calling WithTTL
	// per entry, which could straddle a second.
	return lifetime{expiresAt: badger.NewEntry(nil, nil).WithTTL(remaining + deletionGrace).ExpiresAt}, true
}

// entry builds a Badger entry with this lifetime.
func (l lifetime) entry(key, value []byte, meta byte) *badger.Entry {
	e := badger.NewEntry(key, value)
	if meta != 0 {
		e = e.WithMeta(meta)
	}
	e.ExpiresAt = l.expiresAt
	return e
}

// visibleNow is the store's clock for visibility checks; the zero time (no clock) makes
// every record visible.
func (s *Store) visibleNow() time.Time { return s.now() }

// normTime is how record times are kept: UTC, to the microsecond (the precision of
// keys), so a record read back names the same key it was written under.
func normTime(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

// scanDown walks the keys under prefix in descending order, starting at the last key
// that is <= from (from must begin with prefix). fn returns false to stop. The key passed
// to fn is only valid during the call. Newest-first queries use it: with keys ordered by
// time, seeking to prefix·end lands on the last key before end.
func scanDown(txn *badger.Txn, prefix, from []byte, fn func(k []byte) (bool, error)) error {
	return scanDownItems(txn, prefix, from, func(item *badger.Item) (bool, error) { return fn(item.Key()) })
}

// scanDownItems is scanDown for index families whose values are needed.
func scanDownItems(txn *badger.Txn, prefix, from []byte, fn func(item *badger.Item) (bool, error)) error {
	opts := badger.DefaultIteratorOptions
	opts.PrefetchValues = false
	opts.Reverse = true
	opts.Prefix = prefix
	it := txn.NewIterator(opts)
	defer it.Close()
	for it.Seek(from); it.ValidForPrefix(prefix); it.Next() {
		more, err := fn(it.Item())
		if err != nil || !more {
			return err
		}
	}
	return nil
}

// seekEnd returns prefix·end8 for an exclusive time bound, or the end of the prefix's
// range when end is zero.
func seekEnd(prefix []byte, end time.Time) []byte {
	k := bytes.Clone(prefix)
	if end.IsZero() {
		return append(k, bytes.Repeat([]byte{0xff}, posLen+2)...)
	}
	return (&keyBuf{b: k}).time(end).bytes()
}

// minKey returns the smaller of two keys.
func minKey(a, b []byte) []byte {
	if bytes.Compare(a, b) <= 0 {
		return a
	}
	return b
}

// writeTxns writes entries in as few transactions as Badger allows: one for an ordinary
// call, more when the entries exceed one transaction's size. The entries are blind
// writes checked beforehand under writeMu, so they cannot conflict.
func writeTxns(ctx context.Context, db *badger.DB, entries []*badger.Entry) error {
	txn := db.NewTransaction(true)
	defer func() { txn.Discard() }()
	for _, e := range entries {
		err := txn.SetEntry(e)
		if errors.Is(err, badger.ErrTxnTooBig) {
			if err := txn.Commit(); err != nil {
				return err
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			txn = db.NewTransaction(true)
			err = txn.SetEntry(e)
		}
		if err != nil {
			return err
		}
	}
	return txn.Commit()
}

// streamBatch writes the entries fill produces through a WriteBatch, the bulk path of the
// Seed calls: Badger commits full parts of the batch in the background while fill
// encodes the rest. fill must only produce entries that were checked beforehand, since
// parts may already be written when it returns an error.
func streamBatch(db *badger.DB, fill func(emit func(*badger.Entry) error) error) error {
	wb := db.NewWriteBatch()
	defer wb.Cancel()
	if err := fill(wb.SetEntry); err != nil {
		return err
	}
	return wb.Flush()
}

// writePlans writes checked plans, each encoding itself through emit: through a streaming
// WriteBatch for the bulk (Seed) calls, else collected and written in as few transactions
// as Badger allows. The error names what failed to encode; the caller adds its context.
func writePlans[P any](ctx context.Context, db *badger.DB, plans []P, emit func(*P, func(*badger.Entry) error) error, batch bool) error {
	if batch {
		// Every plan is checked, so encoding can feed the WriteBatch directly: Badger
		// commits the filled parts in the background while later plans are encoded.
		return streamBatch(db, func(put func(*badger.Entry) error) error {
			for i := range plans {
				if err := emit(&plans[i], put); err != nil {
					return err
				}
			}
			return nil
		})
	}
	entries, err := planEntries(plans, emit)
	if err != nil {
		return err
	}
	return writeTxns(ctx, db, entries)
}

// planEntries encodes checked plans into the entries to write.
func planEntries[P any](plans []P, emit func(*P, func(*badger.Entry) error) error) ([]*badger.Entry, error) {
	entries := make([]*badger.Entry, 0, 4*len(plans))
	for i := range plans {
		err := emit(&plans[i], func(e *badger.Entry) error { entries = append(entries, e); return nil })
		if err != nil {
			return nil, err
		}
	}
	return entries, nil
}
