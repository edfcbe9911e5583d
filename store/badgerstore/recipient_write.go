package badgerstore

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"

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
		return putRecipient(txn, &r)
	})
}

// UpdateRecipient is a read-modify-write of one recipient in one transaction. The
// record is decoded once; a record fn left equal is not written, and only the index
// entries that changed are touched (none when no indexed field changed).
func (s *Store) UpdateRecipient(ctx context.Context, id store.ID, fn func(r *store.Recipient) error) (store.Recipient, bool, error) {
	var out store.Recipient
	var changed bool
	err := s.update(ctx, func(txn *badger.Txn) error {
		changed = false
		var cur store.Recipient
		if err := getRecipient(txn, id, &cur); err != nil {
			return err
		}
		// The record as stored, for its index entries: fn may change EmailAddresses (the
		// one slice the index reads) in place.
		old := cur
		old.EmailAddresses = slices.Clone(cur.EmailAddresses)
		// Compare encodings of the decoded record, not the stored bytes, so a record
		// written by an older exosh (as JSON, or with fewer fields) does not look changed.
		before, err := appendRecipient(nil, &cur)
		if err != nil {
			return err
		}
		if err := fn(&cur); err != nil {
			return err
		}
		if cur.Guid != id {
			return fmt.Errorf("recipient %s: the Guid cannot change: %w", id, store.ErrInvalid)
		}
		out = cur
		next, err := appendRecipient(make([]byte, 0, len(before)+64), &cur)
		if err != nil {
			return err
		}
		if bytes.Equal(next, before) {
			return nil
		}
		changed = true
		if sameIndex(&old, &cur) {
			return setRecipient(txn, &cur, next)
		}
		oldEntries, err := recipientEntries(&old)
		if err != nil {
			return err
		}
		return writeRecipient(txn, oldEntries, &cur, next)
	})
	if err != nil {
		return store.Recipient{}, false, err
	}
	return out, changed, nil
}

// getRecipient reads the recipient with the given Guid.
func getRecipient(txn *badger.Txn, id store.ID, r *store.Recipient) error {
	err := getJSON(txn, recipientKey(id), r)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("recipient %s: %w", id, store.ErrNotFound)
	}
	return err
}

// indexEntry is one index key of a recipient; unique is set for identity keys (family
// 11), whose value is the owner's ID.
type indexEntry struct {
	key    []byte
	unique *uniqueEntry
}

// recipientEntries returns every index entry r calls for, sorted by key.
func recipientEntries(r *store.Recipient) ([]indexEntry, error) {
	unique, plain, err := recipientIndex(r)
	if err != nil {
		return nil, err
	}
	out := make([]indexEntry, 0, len(unique)+len(plain))
	for i := range unique {
		out = append(out, indexEntry{key: unique[i].key, unique: &unique[i]})
	}
	for _, k := range plain {
		out = append(out, indexEntry{key: k})
	}
	slices.SortFunc(out, func(a, b indexEntry) int { return bytes.Compare(a.key, b.key) })
	return out, nil
}

// putRecipient writes a new recipient and its index entries.
func putRecipient(txn *badger.Txn, r *store.Recipient) error {
	enc, err := appendRecipient(nil, r)
	if err != nil {
		return err
	}
	return writeRecipient(txn, nil, r, enc)
}

// writeRecipient writes r (encoded as enc) and brings its index entries from old (the
// sorted entries of the record as stored; nil for a new recipient) to r's, touching
// only the keys that differ and refusing identities another recipient owns.
func writeRecipient(txn *badger.Txn, old []indexEntry, r *store.Recipient, enc []byte) error {
	cur, err := recipientEntries(r)
	if err != nil {
		return err
	}
	i, j := 0, 0
	for i < len(old) || j < len(cur) {
		c := 0
		switch {
		case i == len(old):
			c = 1
		case j == len(cur):
			c = -1
		default:
			c = bytes.Compare(old[i].key, cur[j].key)
		}
		switch {
		case c == 0: // kept
			i++
			j++
		case c < 0: // gone
			if err := txn.Delete(old[i].key); err != nil {
				return err
			}
			i++
		default: // new
			if err := addIndexEntry(txn, r.Guid, cur[j]); err != nil {
				return err
			}
			j++
		}
	}
	return setRecipient(txn, r, enc)
}

// setRecipient writes the record of r, encoded as enc, leaving its index entries alone.
func setRecipient(txn *badger.Txn, r *store.Recipient, enc []byte) error {
	return txn.SetEntry(badger.NewEntry(recipientKey(r.Guid), enc).WithMeta(encodingRecipient))
}

// addIndexEntry writes one new index entry of the recipient id.
func addIndexEntry(txn *badger.Txn, id store.ID, e indexEntry) error {
	if e.unique == nil {
		return txn.Set(e.key, nil)
	}
	owner, err := identityOwner(txn, e.key)
	if err != nil {
		return err
	}
	if !owner.IsZero() && owner != id {
		return &store.ConflictError{Property: kindProperty[e.unique.kind], Value: e.unique.value, Owner: owner}
	}
	return txn.Set(e.key, append([]byte(nil), id[:]...))
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
	db, done, err := s.holdForWrite(ctx)
	if err != nil {
		return err
	}
	defer done()
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
		if err := getRecipient(txn, id, &r); err != nil {
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
