package badgerstore

import (
	"context"
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"github.com/exosh/exosh/store"
)

// SeedRecipients bulk-loads new recipients through a WriteBatch. Every identity is
// checked first, against the tenant and within rs, so a rejected seed writes nothing.
// The batch itself commits in several transactions: a process killed during a seed can
// leave part of it, which Verify reports.
func (s *Store) SeedRecipients(ctx context.Context, rs []store.Recipient) error {
	db, release, err := s.hold(ctx)
	if err != nil {
		return err
	}
	defer release()

	type entry struct {
		key, value []byte
		rec        *store.Recipient // set for the record itself
	}
	var entries []entry
	owner := map[string]store.ID{} // unique identity key -> seeded owner
	err = db.View(func(txn *badger.Txn) error {
		for i := range rs {
			r := &rs[i]
			unique, plain, err := recipientIndex(r)
			if err != nil {
				return err
			}
			rk := recipientKey(r.Guid)
			if _, dup := owner[string(rk)]; dup {
				return &store.ConflictError{Property: "Guid", Value: r.Guid.String(), Owner: r.Guid}
			}
			if ok, err := exists(txn, rk); err != nil || ok {
				if err == nil {
					err = &store.ConflictError{Property: "Guid", Value: r.Guid.String(), Owner: r.Guid}
				}
				return err
			}
			owner[string(rk)] = r.Guid
			for _, u := range unique {
				if o, dup := owner[string(u.key)]; dup {
					return &store.ConflictError{Property: kindProperty[u.kind], Value: u.value, Owner: o}
				}
				o, err := identityOwner(txn, u.key)
				if err != nil {
					return err
				}
				if !o.IsZero() {
					return &store.ConflictError{Property: kindProperty[u.kind], Value: u.value, Owner: o}
				}
				owner[string(u.key)] = r.Guid
				entries = append(entries, entry{key: u.key, value: append([]byte(nil), r.Guid[:]...)})
			}
			for _, k := range plain {
				entries = append(entries, entry{key: k})
			}
			entries = append(entries, entry{key: rk, rec: r})
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("seeding recipients: %w", err)
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	wb := db.NewWriteBatch()
	defer wb.Cancel()
	for _, e := range entries {
		if e.rec != nil {
			b, err := appendRecipient(nil, e.rec)
			if err != nil {
				return err
			}
			if err := wb.SetEntry(badger.NewEntry(e.key, b).WithMeta(encodingRecipient)); err != nil {
				return err
			}
			continue
		}
		if err := wb.Set(e.key, e.value); err != nil {
			return err
		}
	}
	return wb.Flush()
}
