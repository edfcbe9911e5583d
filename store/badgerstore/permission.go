package badgerstore

import (
	"bytes"
	"context"
	"fmt"
	"sort"

	"github.com/dgraph-io/badger/v4"

	"github.com/exosh/exosh/store"
)

// permFamily pairs a permission family with its by-trustee index.
type permFamily struct {
	primary, byTrustee byte
	what               string // for messages
}

var (
	mailboxPerms   = permFamily{famMailboxPerm, famMailboxPermBy, "mailbox permission"}
	recipientPerms = permFamily{famRecipientPerm, famRecipientPermBy, "recipient permission"}
)

// MailboxPermissions lists the entries on a mailbox in grant order.
func (s *Store) MailboxPermissions(ctx context.Context, mailbox store.ID) ([]store.MailboxPermission, error) {
	var out []store.MailboxPermission
	err := s.view(ctx, func(txn *badger.Txn) error {
		return listPerms(txn, mailboxPerms.primary, mailbox, &out)
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].Seq < out[j].Seq })
	return out, err
}

// RecipientPermissions lists the entries on a recipient in grant order.
func (s *Store) RecipientPermissions(ctx context.Context, recipient store.ID) ([]store.RecipientPermission, error) {
	var out []store.RecipientPermission
	err := s.view(ctx, func(txn *badger.Txn) error {
		return listPerms(txn, recipientPerms.primary, recipient, &out)
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].Seq < out[j].Seq })
	return out, err
}

func listPerms[T any](txn *badger.Txn, fam byte, object store.ID, out *[]T) error {
	return scanItems(txn, permPrefix(fam, object), func(item *badger.Item) (bool, error) {
		var p T
		if err := decodeItem(item, &p); err != nil {
			return false, err
		}
		*out = append(*out, p)
		return true, nil
	})
}

// PutMailboxPermission creates or replaces an entry on an existing mailbox.
func (s *Store) PutMailboxPermission(ctx context.Context, p store.MailboxPermission) error {
	return s.update(ctx, func(txn *badger.Txn) error {
		return putPerm(txn, mailboxPerms, p.Mailbox, p.User, p.Deny, &p.Seq, &p)
	})
}

// PutRecipientPermission creates or replaces an entry on an existing recipient.
func (s *Store) PutRecipientPermission(ctx context.Context, p store.RecipientPermission) error {
	return s.update(ctx, func(txn *badger.Txn) error {
		return putPerm(txn, recipientPerms, p.Recipient, p.Trustee, p.Deny(), &p.Seq, &p)
	})
}

// putPerm writes one entry and its by-trustee index. A new entry gets the next sequence
// number of its object; a replaced one keeps its place.
func putPerm(txn *badger.Txn, fam permFamily, object store.ID, t store.Trustee, deny bool, seq *uint64, rec any) error {
	key := t.Key()
	if key == "" {
		return fmt.Errorf("%s without a trustee: %w", fam.what, store.ErrInvalid)
	}
	if err := checkString("trustee", key); err != nil {
		return err
	}
	ok, err := exists(txn, recipientKey(object))
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("%s on %s: %w", fam.what, object, store.ErrNotFound)
	}
	pk := permKey(fam.primary, object, key, deny)
	var max uint64
	var prior struct{ Seq uint64 }
	replaced := false
	err = scanItems(txn, permPrefix(fam.primary, object), func(item *badger.Item) (bool, error) {
		var e struct{ Seq uint64 }
		if err := decodeItem(item, &e); err != nil {
			return false, err
		}
		if bytes.Equal(item.Key(), pk) {
			prior, replaced = e, true
		}
		max = maxU(max, e.Seq)
		return true, nil
	})
	if err != nil {
		return err
	}
	if replaced {
		*seq = prior.Seq
	} else {
		*seq = max + 1
	}
	if err := setJSON(txn, pk, rec); err != nil {
		return err
	}
	return txn.Set(permByKey(fam.byTrustee, key, object, deny), nil)
}

func maxU(a, b uint64) uint64 {
	if a > b {
		return a
	}
	return b
}

// DeleteMailboxPermission removes one entry.
func (s *Store) DeleteMailboxPermission(ctx context.Context, mailbox store.ID, t store.Trustee, deny bool) error {
	return s.update(ctx, func(txn *badger.Txn) error { return deletePerm(txn, mailboxPerms, mailbox, t, deny) })
}

// DeleteRecipientPermission removes one entry.
func (s *Store) DeleteRecipientPermission(ctx context.Context, recipient store.ID, t store.Trustee, deny bool) error {
	return s.update(ctx, func(txn *badger.Txn) error { return deletePerm(txn, recipientPerms, recipient, t, deny) })
}

func deletePerm(txn *badger.Txn, fam permFamily, object store.ID, t store.Trustee, deny bool) error {
	key := t.Key()
	if checkString("trustee", key) != nil {
		return fmt.Errorf("%s: %w", fam.what, store.ErrNotFound)
	}
	pk := permKey(fam.primary, object, key, deny)
	ok, err := exists(txn, pk)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("%s on %s for %q: %w", fam.what, object, key, store.ErrNotFound)
	}
	if err := txn.Delete(pk); err != nil {
		return err
	}
	return txn.Delete(permByKey(fam.byTrustee, key, object, deny))
}

// MailboxPermissionsOf pages through a trustee's mailbox permissions.
func (s *Store) MailboxPermissionsOf(ctx context.Context, t store.Trustee, limit int, after store.Cursor) ([]store.MailboxPermission, store.Cursor, error) {
	var out []store.MailboxPermission
	next, err := s.permsOf(ctx, mailboxPerms, t, limit, after, func(txn *badger.Txn, k []byte) error {
		var p store.MailboxPermission
		if err := getJSON(txn, k, &p); err != nil {
			return err
		}
		out = append(out, p)
		return nil
	})
	return out, next, err
}

// RecipientPermissionsOf pages through a trustee's recipient permissions.
func (s *Store) RecipientPermissionsOf(ctx context.Context, t store.Trustee, limit int, after store.Cursor) ([]store.RecipientPermission, store.Cursor, error) {
	var out []store.RecipientPermission
	next, err := s.permsOf(ctx, recipientPerms, t, limit, after, func(txn *badger.Txn, k []byte) error {
		var p store.RecipientPermission
		if err := getJSON(txn, k, &p); err != nil {
			return err
		}
		out = append(out, p)
		return nil
	})
	return out, next, err
}

// permsOf walks the by-trustee index ("trustee 00 object16 deny1") from the cursor and
// hands each primary key to add; the cursor is the "object16 deny1" tail.
func (s *Store) permsOf(ctx context.Context, fam permFamily, t store.Trustee, limit int, after store.Cursor,
	add func(txn *badger.Txn, primary []byte) error) (store.Cursor, error) {
	if limit <= 0 {
		limit = store.DefaultLimit
	}
	key := t.Key()
	if key == "" || checkString("trustee", key) != nil {
		return "", nil
	}
	a, err := decodeCursor(after)
	if err != nil {
		return "", err
	}
	prefix := permByPrefix(fam.byTrustee, key)
	start := prefix
	if a != nil {
		start = append(append(bytes.Clone(prefix), a...), 0)
	}
	var next store.Cursor
	err = s.view(ctx, func(txn *badger.Txn) error {
		n := 0
		var last []byte
		return scanKeys(txn, prefix, start, func(k []byte) (bool, error) {
			tail := k[len(prefix):]
			if len(tail) != 17 {
				return false, fmt.Errorf("key %x: %w", k, store.ErrSchema)
			}
			if n == limit {
				next = encodeCursor(last)
				return false, nil
			}
			var object store.ID
			copy(object[:], tail[:16])
			if err := add(txn, permKey(fam.primary, object, key, tail[16] == 1)); err != nil {
				return false, err
			}
			n++
			last = bytes.Clone(tail)
			return true, nil
		})
	})
	return next, err
}
