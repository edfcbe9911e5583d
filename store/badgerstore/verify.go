package badgerstore

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"github.com/exosh/exosh/store"
)

// maxProblems bounds the problems Verify reports.
const maxProblems = 20

// Verify checks that indexes and records agree: every recipient has exactly the index
// entries its fields call for, every index entry points at a record that calls for it,
// memberships and permissions exist in both directions, and every trace, audit and
// search record has exactly its index entries. It returns nil or an error
// listing the first problems. Crash tests and the checker of a suspicious state use it.
func (s *Store) Verify(ctx context.Context) error {
	var problems []error
	report := func(format string, args ...any) bool {
		problems = append(problems, fmt.Errorf(format, args...))
		return len(problems) < maxProblems
	}
	err := s.view(ctx, func(txn *badger.Txn) error {
		// 1. Records and the entries they call for.
		want := map[string][]byte{} // index key -> expected value (nil: empty)
		err := scanItems(txn, []byte{famRecipient}, func(item *badger.Item) (bool, error) {
			var r store.Recipient
			if err := decodeItem(item, &r); err != nil {
				return report("record %x: %v", item.Key(), err), nil
			}
			if !bytes.Equal(item.Key(), recipientKey(r.Guid)) {
				return report("record %x holds recipient %s", item.Key(), r.Guid), nil
			}
			unique, plain, err := recipientIndex(&r)
			if err != nil {
				return report("recipient %s: %v", r.Guid, err), nil
			}
			for _, u := range unique {
				if prev, dup := want[string(u.key)]; dup {
					if !report("identity %q of %s is also claimed by %x", u.value, r.Guid, prev) {
						return false, nil
					}
				}
				want[string(u.key)] = r.Guid[:]
			}
			for _, k := range plain {
				want[string(k)] = nil
			}
			return true, ctx.Err()
		})
		if err != nil {
			return err
		}
		// 2. Every index entry must be wanted, with the right value; then nothing wanted
		// may be missing.
		seen := map[string]bool{}
		for _, fam := range []byte{famIdentity, famName, famDisplayName, famProperty} {
			err := scanItems(txn, []byte{fam}, func(item *badger.Item) (bool, error) {
				k := string(item.Key())
				v, ok := want[k]
				if !ok {
					return report("index entry %x has no record calling for it", item.Key()), nil
				}
				seen[k] = true
				got, err := item.ValueCopy(nil)
				if err != nil {
					return false, err
				}
				if !bytes.Equal(got, v) {
					return report("index entry %x holds %x, want %x", item.Key(), got, v), nil
				}
				return true, nil
			})
			if err != nil {
				return err
			}
		}
		for k := range want {
			if !seen[k] && !report("index entry %x is missing", []byte(k)) {
				break
			}
		}
		// 3. Memberships and permissions in both directions.
		pairs := []struct {
			fam, rev byte
			what     string
			revKey   func(k []byte) ([]byte, bool)
		}{
			{famMember, famMemberOf, "member", swapIDs(famMemberOf)},
			{famMemberOf, famMember, "member-of", swapIDs(famMember)},
			{famMailboxPerm, famMailboxPermBy, "mailbox permission", permToBy(famMailboxPermBy)},
			{famMailboxPermBy, famMailboxPerm, "mailbox permission by trustee", byToPerm(famMailboxPerm)},
			{famRecipientPerm, famRecipientPermBy, "recipient permission", permToBy(famRecipientPermBy)},
			{famRecipientPermBy, famRecipientPerm, "recipient permission by trustee", byToPerm(famRecipientPerm)},
		}
		for _, p := range pairs {
			err := scanKeys(txn, []byte{p.fam}, nil, func(k []byte) (bool, error) {
				rk, ok := p.revKey(k)
				if !ok {
					return report("%s key %x is malformed", p.what, k), nil
				}
				found, err := exists(txn, rk)
				if err != nil {
					return false, err
				}
				if !found {
					return report("%s key %x has no counterpart %x", p.what, k, rk), nil
				}
				if p.fam == famMember || p.fam == famMailboxPerm || p.fam == famRecipientPerm {
					var id store.ID
					copy(id[:], k[1:17])
					if ok, err := exists(txn, recipientKey(id)); err != nil || !ok {
						return report("%s key %x: recipient %s is missing", p.what, k, id), err
					}
				}
				return true, nil
			})
			if err != nil {
				return err
			}
		}
		// 4. The expiring families (message traces, audit records, historical searches)
		// and the role groups with their name index.
		for _, check := range []func(*badger.Txn, func(string, ...any) bool) error{verifyTraces, verifyAudit, verifyAuditSearches, verifySearches, verifyRoleGroups} {
			if err := check(txn, report); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return errors.Join(problems...)
}

// swapIDs turns "fam a16 b16" into "rev b16 a16".
func swapIDs(rev byte) func(k []byte) ([]byte, bool) {
	return func(k []byte) ([]byte, bool) {
		if len(k) != 33 {
			return nil, false
		}
		out := append([]byte{rev}, k[17:33]...)
		return append(out, k[1:17]...), true
	}
}

// permToBy turns "fam object16 trustee 00 deny1" into "rev trustee 00 object16 deny1".
func permToBy(rev byte) func(k []byte) ([]byte, bool) {
	return func(k []byte) ([]byte, bool) {
		if len(k) < 19 {
			return nil, false
		}
		var id store.ID
		copy(id[:], k[1:17])
		trustee, rest, ok := splitString(k[17:])
		if !ok || len(rest) != 1 {
			return nil, false
		}
		return permByKey(rev, trustee, id, rest[0] == 1), true
	}
}

// byToPerm is the inverse of permToBy.
func byToPerm(rev byte) func(k []byte) ([]byte, bool) {
	return func(k []byte) ([]byte, bool) {
		trustee, rest, ok := splitString(k[1:])
		if !ok || len(rest) != 17 {
			return nil, false
		}
		var id store.ID
		copy(id[:], rest[:16])
		return permKey(rev, id, trustee, rest[16] == 1), true
	}
}

// wantKeys reports each of keys that is missing; what names the record calling for them.
func wantKeys(txn *badger.Txn, report func(string, ...any) bool, what string, keys [][]byte) (bool, error) {
	for _, k := range keys {
		ok, err := exists(txn, k)
		if err != nil {
			return false, err
		}
		if !ok && !report("%s: index entry %x is missing", what, k) {
			return false, nil
		}
	}
	return true, nil
}

// orphanCheck checks one index entry of an expiring family: its record (decoded into rec
// by load) must exist and call for it through index(). It reports and returns false to
// stop after too many problems.
func orphanCheck(report func(string, ...any) bool, k []byte, load func() error, index func() [][]byte) (bool, error) {
	err := load()
	if errors.Is(err, store.ErrNotFound) {
		return report("index entry %x has no record", k), nil
	}
	if err != nil {
		return report("index entry %x: record: %v", k, err), nil
	}
	for _, want := range index() {
		if bytes.Equal(want, k) {
			return true, nil
		}
	}
	return report("index entry %x has no record calling for it", k), nil
}

// verifyCarried checks the entries of index family fam that carry their record (the
// audit log's mailbox index, the trace recipient index): each must hold the bytes and
// encoding of the record primary names. Entries of an earlier exosh that carry nothing
// are valid; malformed keys and orphans are reported by the index checks.
func verifyCarried(txn *badger.Txn, report func(string, ...any) bool, fam byte, primary func(k []byte) ([]byte, bool)) error {
	return scanItems(txn, []byte{fam}, func(item *badger.Item) (bool, error) {
		pk, ok := primary(item.Key())
		if !ok || item.UserMeta() == 0 {
			return true, nil
		}
		rec, err := txn.Get(pk)
		if errors.Is(err, badger.ErrKeyNotFound) {
			return true, nil
		}
		if err != nil {
			return false, err
		}
		a, err := item.ValueCopy(nil)
		if err != nil {
			return false, err
		}
		b, err := rec.ValueCopy(nil)
		if err != nil {
			return false, err
		}
		if !bytes.Equal(a, b) || item.UserMeta() != rec.UserMeta() {
			return report("index entry %x differs from its record", item.Key()), nil
		}
		return true, nil
	})
}
