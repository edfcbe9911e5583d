package badgerstore

import (
	"bytes"
	"context"
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"github.com/exosh/exosh/store"
)

// AddMember records a membership in both directions in one transaction.
func (s *Store) AddMember(ctx context.Context, group, member store.ID) error {
	return s.update(ctx, func(txn *badger.Txn) error {
		var g, m store.Recipient
		if err := getJSON(txn, recipientKey(group), &g); err != nil {
			return fmt.Errorf("group %s: %w", group, err)
		}
		if c, _ := store.ClassOf(g.RecipientTypeDetails); c != store.ClassGroup {
			return fmt.Errorf("%q is not a group: %w", g.Name, store.ErrInvalid)
		}
		if err := getJSON(txn, recipientKey(member), &m); err != nil {
			return fmt.Errorf("member %s: %w", member, err)
		}
		taken, err := exists(txn, memberKey(group, member))
		if err != nil {
			return err
		}
		if taken {
			return fmt.Errorf("%q is already a member of %q: %w", m.Name, g.Name, store.ErrExists)
		}
		if err := txn.Set(memberKey(group, member), nil); err != nil {
			return err
		}
		return txn.Set(memberOfKey(member, group), nil)
	})
}

// RemoveMember removes a membership in both directions.
func (s *Store) RemoveMember(ctx context.Context, group, member store.ID) error {
	return s.update(ctx, func(txn *badger.Txn) error {
		ok, err := exists(txn, memberKey(group, member))
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("%s is not a member of %s: %w", member, group, store.ErrNotFound)
		}
		if err := txn.Delete(memberKey(group, member)); err != nil {
			return err
		}
		return txn.Delete(memberOfKey(member, group))
	})
}

// Members pages through a group's members in ID order.
func (s *Store) Members(ctx context.Context, group store.ID, limit int, after store.Cursor) ([]store.ID, store.Cursor, error) {
	return s.pageIDs(ctx, memberPrefix(group), limit, after)
}

// MemberOf pages through the groups a recipient belongs to directly.
func (s *Store) MemberOf(ctx context.Context, member store.ID, limit int, after store.Cursor) ([]store.ID, store.Cursor, error) {
	return s.pageIDs(ctx, memberOfPrefix(member), limit, after)
}

// pageIDs lists the trailing IDs of keys "prefix id16", one page at a time; the cursor
// is the last ID returned.
func (s *Store) pageIDs(ctx context.Context, prefix []byte, limit int, after store.Cursor) ([]store.ID, store.Cursor, error) {
	if limit <= 0 {
		limit = store.DefaultLimit
	}
	a, err := decodeCursor(after)
	if err != nil {
		return nil, "", err
	}
	start := prefix
	if a != nil {
		start = append(append(bytes.Clone(prefix), a...), 0)
	}
	var ids []store.ID
	err = s.view(ctx, func(txn *badger.Txn) error {
		return scanKeys(txn, prefix, start, func(k []byte) (bool, error) {
			id, ok := lastID(k)
			if !ok || len(k) != len(prefix)+16 {
				return false, fmt.Errorf("key %x: %w", k, store.ErrSchema)
			}
			ids = append(ids, id)
			return len(ids) <= limit, nil
		})
	})
	if err != nil {
		return nil, "", err
	}
	var next store.Cursor
	if len(ids) > limit {
		ids = ids[:limit]
		next = encodeCursor(ids[limit-1][:])
	}
	return ids, next, nil
}
