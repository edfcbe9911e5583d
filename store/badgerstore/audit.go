package badgerstore

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"

	"github.com/exosh/exosh/store"
)

// AddAudit writes new audit records with their index entries. Every record is checked
// before anything is written, so a rejected call writes nothing. A call too large for
// one Badger transaction commits in several.
func (s *Store) AddAudit(ctx context.Context, recs []store.AuditRecord) error {
	return s.writeAudit(ctx, recs, auditAdd)
}

// SeedAudit bulk-loads new audit records through a WriteBatch, with the same checks as
// AddAudit.
func (s *Store) SeedAudit(ctx context.Context, recs []store.AuditRecord) error {
	return s.writeAudit(ctx, recs, auditSeed)
}

// LoadAudit bulk-loads generated records through a WriteBatch, checked as SeedAudit's
// except for the lookup of each record's key (see store.Audit).
func (s *Store) LoadAudit(ctx context.Context, recs []store.AuditRecord) error {
	return s.writeAudit(ctx, recs, auditLoad)
}

// auditWrite is how writeAudit writes: in transactions after looking every key up
// (AddAudit), batched after looking them up (SeedAudit), or batched without lookups
// (LoadAudit).
type auditWrite int

const (
	auditAdd auditWrite = iota
	auditSeed
	auditLoad
)

func (s *Store) writeAudit(ctx context.Context, recs []store.AuditRecord, how auditWrite) error {
	batch := how != auditAdd
	db, release, err := s.hold(ctx)
	if err != nil {
		return err
	}
	defer release()
	s.writeMu.Lock()
	var plans []auditPlan
	err = db.View(func(txn *badger.Txn) error {
		plans, err = s.checkAudit(ctx, txn, recs, how != auditLoad)
		return err
	})
	if err != nil {
		s.writeMu.Unlock()
		return fmt.Errorf("adding audit records: %w", err)
	}
	if !batch {
		defer s.writeMu.Unlock()
		if err := writePlans(ctx, db, plans, (*auditPlan).emit, false); err != nil {
			return fmt.Errorf("adding audit records: %w", err)
		}
		return nil
	}
	// A bulk load writes outside the lock: the next load's checks (point reads of a large
	// log) then run while this one's entries are written, instead of after. Its keys stay
	// in auditLoading until they are written, so those checks still refuse them.
	if s.auditLoading == nil {
		s.auditLoading = map[auditPos]struct{}{}
	}
	for i := range plans {
		s.auditLoading[plans[i].pos()] = struct{}{}
	}
	s.writeMu.Unlock()
	err = writePlans(ctx, db, plans, (*auditPlan).emit, true)
	s.writeMu.Lock()
	for i := range plans {
		delete(s.auditLoading, plans[i].pos())
	}
	s.writeMu.Unlock()
	if err != nil {
		return fmt.Errorf("adding audit records: %w", err)
	}
	return nil
}

// auditPlan is a checked record, its expiry filled in, ready to be encoded and written.
type auditPlan struct {
	r    store.AuditRecord
	pk   []byte
	life lifetime
}

// emit encodes the record once and hands over its entry and its index entries.
func (p *auditPlan) emit(emit func(*badger.Entry) error) error {
	v, err := auditCodec.encode(&p.r)
	if err != nil {
		return err
	}
	if err := emit(p.life.entry(p.pk, v, encodingAudit)); err != nil {
		return err
	}
	for _, k := range auditIndex(&p.r) {
		// The mailbox index carries the record too, so that one mailbox's log (every
		// search and report of the non-owner access story) is one sequential scan
		// rather than a point read per entry.
		if err := emit(historyIndexEntry(k, famAuditByMailbox, v, encodingAudit, p.life)); err != nil {
			return err
		}
	}
	return nil
}

// RawAuditEntries returns the entries the store writes for r, its expiry and keys as
// given and nothing checked, for benchmarks that write them through Badger directly:
// the store's seeding rate is judged against Badger's own rate for the same entries.
func RawAuditEntries(r *store.AuditRecord, expiresAt uint64) ([]*badger.Entry, error) {
	p := auditPlan{r: *r, pk: auditKey(r.Created, r.ID), life: lifetime{expiresAt: expiresAt}}
	var out []*badger.Entry
	err := p.emit(func(e *badger.Entry) error {
		out = append(out, e)
		return nil
	})
	return out, err
}

// pos is the plan's place in the log.
func (p *auditPlan) pos() auditPos { return auditPos{micros(p.r.Created), p.r.ID} }

// checkAudit validates recs, fills in their expiry and refuses records given twice and,
// with lookup, records already stored or being bulk-loaded; it returns the live records
// to write. The caller holds writeMu. Nothing is encoded yet, and
// nothing that follows can fail on a record's content.
func (s *Store) checkAudit(ctx context.Context, txn *badger.Txn, recs []store.AuditRecord, lookup bool) ([]auditPlan, error) {
	limits := map[store.ID]time.Duration{} // AuditLogAgeLimit by mailbox
	seen := make(map[auditPos]bool, len(recs))
	plans := make([]auditPlan, 0, len(recs))
	for i := range recs {
		r := recs[i]
		if err := validateAudit(&r); err != nil {
			return nil, err
		}
		if r.Expires.IsZero() {
			limit, ok := limits[r.Mailbox]
			if !ok {
				var mb store.Recipient
				err := getJSON(txn, recipientKey(r.Mailbox), &mb)
				if err != nil && !errors.Is(err, store.ErrNotFound) {
					return nil, err
				}
				limit = mb.AuditLogAgeLimit
				if limit <= 0 {
					limit = store.DefaultAuditLogAgeLimit
				}
				limits[r.Mailbox] = limit
			}
			r.Expires = r.Created.Add(limit)
		}
		r.Expires = normTime(r.Expires)
		if err := checkYear("audit record Expires", r.Expires); err != nil {
			return nil, err
		}
		life, live := s.lifetimeUntil(r.Expires)
		if !live {
			continue
		}
		pos := auditPos{micros(r.Created), r.ID}
		if seen[pos] {
			return nil, fmt.Errorf("audit record %s at %s is given twice: %w", r.ID, r.Created, store.ErrExists)
		}
		seen[pos] = true
		pk := auditKey(r.Created, r.ID)
		taken := false
		if lookup {
			var err error
			if taken, err = exists(txn, pk); err != nil {
				return nil, err
			}
			_, loading := s.auditLoading[pos]
			taken = taken || loading
		}
		if taken {
			return nil, fmt.Errorf("audit record %s at %s: %w", r.ID, r.Created, store.ErrExists)
		}
		plans = append(plans, auditPlan{r: r, pk: pk, life: life})
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
	}
	return plans, nil
}

// auditPos is a record's place in the log, what its primary key is made of.
type auditPos struct {
	created uint64
	id      store.ID
}

// validateAudit checks what the store relies on and normalises the record's times.
func validateAudit(r *store.AuditRecord) error {
	if r.ID.IsZero() {
		return fmt.Errorf("audit record without an ID: %w", store.ErrInvalid)
	}
	if r.Mailbox.IsZero() {
		return fmt.Errorf("audit record %s without a mailbox: %w", r.ID, store.ErrInvalid)
	}
	if err := checkTime("audit record LastAccessed", r.Created); err != nil {
		return err
	}
	if err := checkYear("audit record LastAccessed", r.Created); err != nil {
		return err
	}
	r.Created = normTime(r.Created)
	if err := checkString("UserId", r.UserId); err != nil {
		return err
	}
	return checkString("Operation", r.Operation)
}

// auditIndex returns the index keys of a record. Keeping this in one function is what
// lets writes and Verify agree.
func auditIndex(r *store.AuditRecord) [][]byte {
	return [][]byte{
		auditUserKey(r.UserId, r.Created, r.ID),
		auditOpKey(r.Operation, r.Created, r.ID),
		auditMailboxKey(r.Mailbox, r.Created, r.ID),
	}
}

// auditPath is how FindAudit reaches candidate records.
type auditPath int

const (
	auditByMailbox   auditPath = iota // index 33, one scan per mailbox
	auditByUser                       // index 31, one scan per user
	auditByOperation                  // index 32, one scan per operation
	auditByTime                       // the records themselves, in time order
)

// planAudit chooses the single access path of an audit query, in a fixed order:
// mailbox, acting user, operation, else time. The other conditions are checked on each
// record.
func planAudit(q store.AuditQuery) auditPath {
	switch {
	case len(q.Mailboxes) > 0:
		return auditByMailbox
	case len(q.Users) > 0:
		return auditByUser
	case len(q.Operations) > 0:
		return auditByOperation
	}
	return auditByTime
}

// auditPrefixes returns the key prefixes the path scans, one per distinct value.
func auditPrefixes(path auditPath, q store.AuditQuery) [][]byte {
	var out [][]byte
	seen := map[string]bool{}
	add := func(k []byte) {
		if !seen[string(k)] {
			seen[string(k)] = true
			out = append(out, k)
		}
	}
	switch path {
	case auditByMailbox:
		for _, m := range q.Mailboxes {
			add(newKey(famAuditByMailbox).id(m).bytes())
		}
	case auditByUser:
		for _, u := range q.Users {
			add(newKey(famAuditByUser).str(u).bytes())
		}
	case auditByOperation:
		for _, o := range q.Operations {
			add(newKey(famAuditByOp).str(o).bytes())
		}
	default:
		add([]byte{famAudit})
	}
	return out
}

// auditHit is a matching record with its position ("created8 id16").
type auditHit struct {
	pos []byte
	r   store.AuditRecord
}

// FindAudit returns one page of the visible records q selects, newest first.
func (s *Store) FindAudit(ctx context.Context, q store.AuditQuery) ([]store.AuditRecord, store.Cursor, error) {
	for _, v := range append(append([]string{}, q.Users...), q.Operations...) {
		if err := checkString("audit query", v); err != nil {
			return nil, "", err
		}
	}
	after, err := decodeCursor(q.After)
	if err != nil {
		return nil, "", err
	}
	if after != nil && len(after) != posLen {
		return nil, "", fmt.Errorf("cursor %q: %w", q.After, store.ErrInvalid)
	}
	limit := q.Limit
	if limit <= 0 {
		limit = store.DefaultLimit
	}
	if !q.End.IsZero() && checkTime("EndDate", q.End) != nil {
		return nil, "", nil // nothing is older than 1970
	}
	var start uint64
	if !q.Start.IsZero() && checkTime("StartDate", q.Start) == nil {
		start = micros(q.Start)
	}
	now := s.visibleNow()
	var found []auditHit
	err = s.view(ctx, func(txn *badger.Txn) error {
		for _, prefix := range auditPrefixes(planAudit(q), q) {
			from := seekEnd(prefix, q.End)
			if after != nil {
				from = minKey(from, append(bytes.Clone(prefix), after...))
			}
			n, scanned := 0, 0
			err := scanDownItems(txn, prefix, from, func(item *badger.Item) (bool, error) {
				k := item.Key()
				if scanned++; scanned%4096 == 0 {
					if err := ctx.Err(); err != nil {
						return false, err
					}
				}
				pk, ok := auditPrimary(k)
				if !ok || len(k) < len(prefix)+posLen {
					return false, fmt.Errorf("audit key %x: %w", k, store.ErrSchema)
				}
				pos := pk[1:]
				if binary.BigEndian.Uint64(pos) < start {
					return false, nil
				}
				if after != nil && bytes.Compare(pos, after) >= 0 {
					return true, nil
				}
				var r store.AuditRecord
				rec, err := recordItem(txn, item, pk)
				if err == nil {
					err = decodeItem(rec, &r)
				}
				if err != nil {
					return false, fmt.Errorf("audit key %x: record: %w", k, err)
				}
				if !r.Visible(now) || !auditMatch(&q, &r) {
					return true, nil
				}
				found = append(found, auditHit{pos: pos, r: r})
				n++
				return n <= limit, nil
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, "", err
	}
	// Each scan contributed at most limit+1 hits, newest first; merge and cut the page.
	sort.Slice(found, func(i, j int) bool { return bytes.Compare(found[i].pos, found[j].pos) > 0 })
	var next store.Cursor
	if len(found) > limit {
		found = found[:limit]
		next = encodeCursor(found[limit-1].pos)
	}
	out := make([]store.AuditRecord, len(found))
	for i, h := range found {
		out[i] = h.r
	}
	return out, next, nil
}

// auditMatch checks the query's conditions on a record.
func auditMatch(q *store.AuditQuery, r *store.AuditRecord) bool {
	if len(q.Mailboxes) > 0 {
		ok := false
		for _, m := range q.Mailboxes {
			ok = ok || m == r.Mailbox
		}
		if !ok {
			return false
		}
	}
	if !anyFold(q.Users, r.UserId) || !anyFold(q.Operations, r.Operation) || !anyFold(q.LogonTypes, r.LogonType) {
		return false
	}
	if q.ExternalAccess != nil && *q.ExternalAccess != r.ExternalAccess {
		return false
	}
	if !q.Start.IsZero() && r.Created.Before(q.Start) {
		return false
	}
	return q.End.IsZero() || r.Created.Before(q.End)
}

// anyFold reports whether list is empty or holds v, ignoring case.
func anyFold(list []string, v string) bool {
	if len(list) == 0 {
		return true
	}
	for _, x := range list {
		if strings.EqualFold(x, v) {
			return true
		}
	}
	return false
}

// AuditStats counts the visible records of a mailbox and their bytes, from the mailbox
// index alone when its entries carry the records.
func (s *Store) AuditStats(ctx context.Context, mailbox store.ID) (int, int64, error) {
	now := s.visibleNow()
	var count int
	var size int64
	err := s.view(ctx, func(txn *badger.Txn) error {
		return scanItems(txn, newKey(famAuditByMailbox).id(mailbox).bytes(), func(item *badger.Item) (bool, error) {
			pk, ok := auditPrimary(item.Key())
			if !ok {
				return false, fmt.Errorf("audit key %x: %w", item.Key(), store.ErrSchema)
			}
			rec, err := recordItem(txn, item, pk)
			if err != nil {
				return false, fmt.Errorf("audit key %x: record: %w", pk, err)
			}
			var r store.AuditRecord
			if err := decodeItem(rec, &r); err != nil {
				return false, err
			}
			if r.Visible(now) {
				count++
				size += rec.ValueSize()
			}
			return true, ctx.Err()
		})
	})
	return count, size, err
}

// verifyAudit checks that every audit record has its index entries and every index
// entry its record (part of Verify).
func verifyAudit(txn *badger.Txn, report func(string, ...any) bool) error {
	err := scanItems(txn, []byte{famAudit}, func(item *badger.Item) (bool, error) {
		var r store.AuditRecord
		if err := decodeItem(item, &r); err != nil {
			return report("audit record %x: %v", item.Key(), err), nil
		}
		if !bytes.Equal(item.Key(), auditKey(r.Created, r.ID)) {
			return report("audit record %x holds %s at %s", item.Key(), r.ID, r.Created), nil
		}
		return wantKeys(txn, report, "audit record "+r.ID.String(), auditIndex(&r))
	})
	if err != nil {
		return err
	}
	// A mailbox index entry that carries the record must carry the record's bytes.
	err = verifyCarried(txn, report, famAuditByMailbox, auditPrimary)
	if err != nil {
		return err
	}
	for _, fam := range []byte{famAuditByUser, famAuditByOp, famAuditByMailbox} {
		err := scanKeys(txn, []byte{fam}, nil, func(k []byte) (bool, error) {
			pk, ok := auditPrimary(k)
			if !ok {
				return report("audit index entry %x is malformed", k), nil
			}
			var r store.AuditRecord
			return orphanCheck(report, k, func() error { return getJSON(txn, pk, &r) }, func() [][]byte { return auditIndex(&r) })
		})
		if err != nil {
			return err
		}
	}
	return nil
}
