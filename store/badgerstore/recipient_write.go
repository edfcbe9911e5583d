package badgerstore

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"github.com/exosh/exosh/store"
)

// CreateRecipient adds a new recipient with its index entries in one transaction.
func (s *Store) CreateRecipient(ctx context.Context, r store.Recipient) error {
	return s.update(ctx, func(txn *badger.Txn) error {
		if r.Guid.IsZero() {
			return fmt.Errorf("recipient %q has no Guid: %w", r.Name, store.ErrInvalid)
		}
		taken, err := exists(txn, recipientKey(r.Guid))
		if err != nil {
			return err
		}
		if taken {
			return &store.ConflictError{Property: "Guid", Value: r.Guid.String(), Owner: r.Guid}
		}
		return putRecipient(txn, nil, &r)
	})
}

// UpdateRecipient is a read-modify-write of one recipient in one transaction.
func (s *Store) UpdateRecipient(ctx context.Context, id store.ID, fn func(r *store.Recipient) error) (store.Recipient, bool, error) {
	var out store.Recipient
	var changed bool
	err := s.update(ctx, func(txn *badger.Txn) error {
		changed = false
		item, err := txn.Get(recipientKey(id))
		if errors.Is(err, badger.ErrKeyNotFound) {
			return fmt.Errorf("recipient %s: %w", id, store.ErrNotFound)
		}
		if err != nil {
			return err
		}
		raw, err := item.ValueCopy(nil)
		if err != nil {
			return err
		}
		// Decode twice: fn may change slices in place, and the old index must come from
		// the record as stored.
		var old, cur store.Recipient
		if err := json.Unmarshal(raw, &old); err != nil {
			return err
		}
		if err := json.Unmarshal(raw, &cur); err != nil {
			return err
		}
		if err := fn(&cur); err != nil {
			return err
		}
		if cur.Guid != id {
			return fmt.Errorf("recipient %s: the Guid cannot change: %w", id, store.ErrInvalid)
		}
		out = cur
		// Compare re-encodings of both, not the stored bytes, so a record written by an
		// older exosh (with fewer fields) does not look changed.
		before, err := json.Marshal(&old)
		if err != nil {
			return err
		}
		next, err := json.Marshal(&cur)
		if err != nil {
			return err
		}
		if bytes.Equal(next, before) {
			return nil
		}
		changed = true
		return putRecipient(txn, &old, &cur)
	})
	if err != nil {
		return store.Recipient{}, false, err
	}
	return out, changed, nil
}

// putRecipient writes r and brings its index entries from old's (nil for a new
// recipient) to r's, refusing identities another recipient owns.
func putRecipient(txn *badger.Txn, old, r *store.Recipient) error {
	newUnique, newPlain, err := recipientIndex(r)
	if err != nil {
		return err
	}
	oldKeys := map[string]bool{}
	if old != nil {
		oldUnique, oldPlain, err := recipientIndex(old)
		if err != nil {
			return err
		}
		for _, u := range oldUnique {
			oldKeys[string(u.key)] = true
		}
		for _, k := range oldPlain {
			oldKeys[string(k)] = true
		}
	}
	keep := map[string]bool{}
	for _, u := range newUnique {
		keep[string(u.key)] = true
		if oldKeys[string(u.key)] {
			continue
		}
		owner, err := identityOwner(txn, u.key)
		if err != nil {
			return err
		}
		if !owner.IsZero() && owner != r.Guid {
			return &store.ConflictError{Property: kindProperty[u.kind], Value: u.value, Owner: owner}
		}
		if err := txn.Set(u.key, append([]byte(nil), r.Guid[:]...)); err != nil {
			return err
		}
	}
	for _, k := range newPlain {
		keep[string(k)] = true
		if oldKeys[string(k)] {
			continue
		}
		if err := txn.Set(k, nil); err != nil {
			return err
		}
	}
	for k := range oldKeys {
		if !keep[k] {
			if err := txn.Delete([]byte(k)); err != nil {
				return err
			}
		}
	}
	return setJSON(txn, recipientKey(r.Guid), r)
}

// identityOwner returns the ID a unique identity key points to (zero when free).
func identityOwner(txn *badger.Txn, key []byte) (store.ID, error) {
	var id store.ID
	item, err := txn.Get(key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return id, nil
	}
	if err != nil {
		return id, err
	}
	err = item.Value(func(v []byte) error {
		if len(v) != 16 {
			return fmt.Errorf("identity key %x holds %d bytes: %w", key, len(v), store.ErrSchema)
		}
		copy(id[:], v)
		return nil
	})
	return id, err
}

// pairChunk bounds the memberships one transaction of DeleteRecipient removes.
var pairChunk = 2000

// DeleteRecipient removes a recipient and everything that hangs off it. Memberships go
// first, in transactions of at most pairChunk pairs, because a large group's member list
// does not fit in one Badger transaction; each of those keeps both directions
// consistent. The record, its indexes and its permissions then go in one transaction.
func (s *Store) DeleteRecipient(ctx context.Context, id store.ID) error {
	db, release, err := s.hold(ctx)
	if err != nil {
		return err
	}
	defer release()
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	for _, prefix := range [][]byte{memberPrefix(id), memberOfPrefix(id)} {
		for {
			n := 0
			err := updateDB(ctx, db, func(txn *badger.Txn) error {
				n = 0
				var keys [][]byte
				err := scanKeys(txn, prefix, nil, func(k []byte) (bool, error) {
					other, _ := lastID(k)
					if k[0] == famMember {
						keys = append(keys, bytes.Clone(k), memberOfKey(other, id))
					} else {
						keys = append(keys, bytes.Clone(k), memberKey(other, id))
					}
					n++
					return n < pairChunk, nil
				})
				if err != nil {
					return err
				}
				for _, k := range keys {
					if err := txn.Delete(k); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				return err
			}
			if n == 0 {
				break
			}
		}
	}
	return updateDB(ctx, db, func(txn *badger.Txn) error {
		var r store.Recipient
		if err := getJSON(txn, recipientKey(id), &r); err != nil {
			if errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("recipient %s: %w", id, store.ErrNotFound)
			}
			return err
		}
		unique, plain, err := recipientIndex(&r)
		if err != nil {
			return err
		}
		for _, u := range unique {
			plain = append(plain, u.key)
		}
		plain = append(plain, recipientKey(id), auditBypassKey(id))
		// Permissions on the object (grants held as trustee stay, as orphaned entries do
		// in Exchange).
		for _, fam := range [][2]byte{{famMailboxPerm, famMailboxPermBy}, {famRecipientPerm, famRecipientPermBy}} {
			err = scanKeys(txn, permPrefix(fam[0], id), nil, func(k []byte) (bool, error) {
				trustee, rest, ok := splitString(k[17:])
				if !ok || len(rest) != 1 {
					return false, fmt.Errorf("permission key %x: %w", k, store.ErrSchema)
				}
				plain = append(plain, bytes.Clone(k), permByKey(fam[1], trustee, id, rest[0] == 1))
				return true, nil
			})
			if err != nil {
				return err
			}
		}
		for _, k := range plain {
			if err := txn.Delete(k); err != nil {
				return err
			}
		}
		return nil
	})
}
