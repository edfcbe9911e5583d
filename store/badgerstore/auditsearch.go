package badgerstore

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"time"

	"github.com/dgraph-io/badger/v4"

	"github.com/exosh/exosh/store"
)

// Asynchronous audit log searches: the record under 34 and its creation-time entry under
// 35, written together. Searches do not expire: a tenant makes few of them, and the
// cmdlets decide from the tenant clock which are still pending.

// CreateAuditSearch stores a new audit log search.
func (s *Store) CreateAuditSearch(ctx context.Context, a store.AuditLogSearch) error {
	if a.Identity.IsZero() {
		return fmt.Errorf("audit log search without an Identity: %w", store.ErrInvalid)
	}
	if a.CreationTime.IsZero() {
		return fmt.Errorf("audit log search %s without a CreationTime: %w", a.Identity, store.ErrInvalid)
	}
	if err := checkTime("CreationTime", a.CreationTime); err != nil {
		return err
	}
	a.CreationTime = normTime(a.CreationTime)
	return s.update(ctx, func(txn *badger.Txn) error {
		taken, err := exists(txn, auditSearchKey(a.Identity))
		if err != nil {
			return err
		}
		if taken {
			return fmt.Errorf("audit log search %s: %w", a.Identity, store.ErrExists)
		}
		if err := setJSON(txn, auditSearchKey(a.Identity), &a); err != nil {
			return err
		}
		return txn.Set(auditSearchTimeKey(a.CreationTime, a.Identity), nil)
	})
}

// AuditSearch returns one audit log search.
func (s *Store) AuditSearch(ctx context.Context, id store.ID) (store.AuditLogSearch, error) {
	var a store.AuditLogSearch
	err := s.view(ctx, func(txn *badger.Txn) error { return getJSON(txn, auditSearchKey(id), &a) })
	if err != nil {
		return store.AuditLogSearch{}, fmt.Errorf("audit log search %s: %w", id, err)
	}
	return a, nil
}

// ListAuditSearches walks the creation-time entries newest first from before down to
// after.
func (s *Store) ListAuditSearches(ctx context.Context, after, before time.Time) ([]store.AuditLogSearch, error) {
	var out []store.AuditLogSearch
	prefix := []byte{famAuditSearchTime}
	var floor uint64
	if !after.IsZero() && checkTime("after", after) == nil {
		floor = micros(after)
	}
	from := seekEnd(prefix, time.Time{})
	if !before.IsZero() {
		if checkTime("before", before) != nil {
			return nil, nil // nothing was created before 1970
		}
		from = seekEnd(prefix, before)
	}
	err := s.view(ctx, func(txn *badger.Txn) error {
		return scanDown(txn, prefix, from, func(k []byte) (bool, error) {
			if len(k) != 1+posLen {
				return false, fmt.Errorf("audit search index key %x: %w", k, store.ErrSchema)
			}
			// seekEnd lands on the last key <= prefix·before, which may be an entry
			// created exactly at before: the bound is exclusive.
			at := binary.BigEndian.Uint64(k[1:])
			if !before.IsZero() && at >= micros(before) {
				return true, nil
			}
			if !after.IsZero() && at < floor {
				return false, nil
			}
			id, _ := lastID(k)
			var a store.AuditLogSearch
			if err := getJSON(txn, auditSearchKey(id), &a); err != nil {
				return false, fmt.Errorf("audit search index key %x: %w", k, err)
			}
			out = append(out, a)
			return true, nil
		})
	})
	return out, err
}

// verifyAuditSearches checks that every audit search has its creation-time entry and
// every entry its search (part of Verify).
func verifyAuditSearches(txn *badger.Txn, report func(string, ...any) bool) error {
	err := scanItems(txn, []byte{famAuditSearch}, func(item *badger.Item) (bool, error) {
		var a store.AuditLogSearch
		if err := decodeItem(item, &a); err != nil {
			return report("audit search %x: %v", item.Key(), err), nil
		}
		if !bytes.Equal(item.Key(), auditSearchKey(a.Identity)) {
			return report("audit search %x holds search %s", item.Key(), a.Identity), nil
		}
		return wantKeys(txn, report, "audit search "+a.Identity.String(), [][]byte{auditSearchTimeKey(a.CreationTime, a.Identity)})
	})
	if err != nil {
		return err
	}
	return scanKeys(txn, []byte{famAuditSearchTime}, nil, func(k []byte) (bool, error) {
		id, ok := lastID(k)
		if !ok || len(k) != 1+posLen {
			return report("audit search index entry %x is malformed", k), nil
		}
		var a store.AuditLogSearch
		return orphanCheck(report, k, func() error { return getJSON(txn, auditSearchKey(id), &a) },
			func() [][]byte { return [][]byte{auditSearchTimeKey(a.CreationTime, a.Identity)} })
	})
}
