package badgerstore

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"

	"github.com/exosh/exosh/store"
)

// AddTrace writes new trace rows and their events. Everything is checked before anything
// is written, so a rejected call writes nothing. A call too large for one Badger
// transaction (a message to a very large group) commits in several.
func (s *Store) AddTrace(ctx context.Context, rows []store.TraceRow, events []store.TraceEvent) error {
	return s.writeTraces(ctx, rows, events, false)
}

// SeedTraces bulk-loads new trace rows and events through a WriteBatch, with the same
// checks as AddTrace.
func (s *Store) SeedTraces(ctx context.Context, rows []store.TraceRow, events []store.TraceEvent) error {
	return s.writeTraces(ctx, rows, events, true)
}

func (s *Store) writeTraces(ctx context.Context, rows []store.TraceRow, events []store.TraceEvent, batch bool) error {
	db, done, err := s.holdForWrite(ctx)
	if err != nil {
		return err
	}
	defer done()
	var plans []tracePlan
	err = db.View(func(txn *badger.Txn) error {
		plans, err = s.checkTraces(ctx, txn, rows, events)
		return err
	})
	if err != nil {
		return fmt.Errorf("adding message trace data: %w", err)
	}
	if err := writePlans(ctx, db, plans, (*tracePlan).emit, batch); err != nil {
		return fmt.Errorf("adding message trace data: %w", err)
	}
	return nil
}

// tracePlan is one checked write: a row (with its index entries) or an event, its key
// and lifetime settled, to be encoded once.
type tracePlan struct {
	key   []byte
	life  lifetime
	row   *store.TraceRow   // set for a row
	event *store.TraceEvent // set for an event
}

// emit encodes the row or event and hands over its entries.
func (p *tracePlan) emit(emit func(*badger.Entry) error) error {
	if p.event != nil {
		v, err := traceEventCodec.encode(p.event)
		if err != nil {
			return err
		}
		return emit(p.life.entry(p.key, v, encodingTraceEvent))
	}
	v, err := traceRowCodec.encode(p.row)
	if err != nil {
		return err
	}
	if err := emit(p.life.entry(p.key, v, encodingTraceRow)); err != nil {
		return err
	}
	for _, k := range traceIndex(p.row) {
		if err := emit(traceIndexEntry(k, v, p.life)); err != nil {
			return err
		}
	}
	return nil
}

// traceIndexEntry is the entry of index key k of a row whose encoding is v: the
// recipient index carries the row, so a recipient's trace (Get-MessageTraceV2
// -RecipientAddress, the question users ask most) is one sequential scan; the other
// indexes are empty.
func traceIndexEntry(k, v []byte, life lifetime) *badger.Entry {
	return historyIndexEntry(k, famTraceByRcpt, v, encodingTraceRow, life)
}

// rowRef names a trace row within one call: its MessageTraceId and lower-cased
// recipient.
type rowRef struct {
	id        store.ID
	recipient string
}

// rowState is what events need from their row while a call is prepared.
type rowState struct {
	row  *store.TraceRow
	life lifetime
	live bool
	seq  int // next event sequence number
}

// checkTraces validates rows and events, refuses rows already stored or given twice,
// and returns what to write, rows first. Nothing is encoded yet, and nothing that
// follows can fail on a row's or event's content.
func (s *Store) checkTraces(ctx context.Context, txn *badger.Txn, rows []store.TraceRow, events []store.TraceEvent) ([]tracePlan, error) {
	state := make(map[rowRef]*rowState, len(rows))
	plans := make([]tracePlan, 0, len(rows)+len(events))
	// One allocation holds the checked copies of all rows.
	checked := make([]store.TraceRow, len(rows))
	for i := range rows {
		r := &checked[i]
		*r = rows[i]
		if err := validateTraceRow(r); err != nil {
			return nil, err
		}
		ref := rowRef{r.MessageTraceId, strings.ToLower(r.RecipientAddress)}
		if state[ref] != nil {
			return nil, fmt.Errorf("trace row %s for %s is given twice: %w", r.MessageTraceId, r.RecipientAddress, store.ErrExists)
		}
		life, live := s.lifetimeUntil(r.Received.Add(store.TraceRetention))
		state[ref] = &rowState{row: r, life: life, live: live}
		if !live {
			continue
		}
		pk := traceKey(r.Received, r.MessageTraceId, r.RecipientAddress)
		taken, err := exists(txn, pk)
		if err != nil {
			return nil, err
		}
		if taken {
			return nil, fmt.Errorf("trace row %s for %s: %w", r.MessageTraceId, r.RecipientAddress, store.ErrExists)
		}
		plans = append(plans, tracePlan{key: pk, life: life, row: r})
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
	}
	checkedEvents := make([]store.TraceEvent, len(events))
	for i := range events {
		e := &checkedEvents[i]
		*e = events[i]
		st := state[rowRef{e.MessageTraceId, strings.ToLower(e.RecipientAddress)}]
		if st == nil {
			return nil, fmt.Errorf("trace event %q of %s for %s has no row in the same call: %w",
				e.Event, e.MessageTraceId, e.RecipientAddress, store.ErrInvalid)
		}
		if !st.live {
			continue
		}
		k, err := prepareEvent(e, st)
		if err != nil {
			return nil, err
		}
		plans = append(plans, tracePlan{key: k, life: st.life, event: e})
	}
	return plans, nil
}

// prepareEvent checks one event of a row, gives it the row's identity and Received and
// the row's next sequence number, and returns its key.
func prepareEvent(e *store.TraceEvent, st *rowState) ([]byte, error) {
	if err := checkTime("trace event Date", e.Date); err != nil {
		return nil, err
	}
	if err := checkYear("trace event Date", e.Date); err != nil {
		return nil, err
	}
	if st.seq > math.MaxUint16 {
		return nil, fmt.Errorf("trace row %s for %s has too many events: %w", st.row.MessageTraceId, st.row.RecipientAddress, store.ErrInvalid)
	}
	e.Date = normTime(e.Date)
	e.MessageTraceId = st.row.MessageTraceId
	e.RecipientAddress = st.row.RecipientAddress
	e.Received = st.row.Received
	k := traceEventKey(e.MessageTraceId, e.RecipientAddress, e.Date, uint16(st.seq))
	st.seq++
	return k, nil
}

// checkYear refuses times past year 9999, which JSON cannot hold: checking them with
// the rest means encoding never fails after the first entry of a batch is written.
func checkYear(property string, t time.Time) error {
	if t.Year() > 9999 {
		return fmt.Errorf("%s %s is after year 9999: %w", property, t.UTC().Format(time.RFC3339), store.ErrInvalid)
	}
	return nil
}

// RawTraceEntries returns the entries the store writes for a row and its events, the
// row's time and the events' owner filled in as the store fills them and nothing
// checked, for benchmarks that write them through Badger directly: the store's seeding
// rate is judged against Badger's own rate for the same entries.
func RawTraceEntries(row store.TraceRow, events []store.TraceEvent, expiresAt uint64) ([]*badger.Entry, error) {
	row.Received = normTime(row.Received)
	life := lifetime{expiresAt: expiresAt}
	p := tracePlan{key: traceKey(row.Received, row.MessageTraceId, row.RecipientAddress), life: life, row: &row}
	var out []*badger.Entry
	collect := func(e *badger.Entry) error {
		out = append(out, e)
		return nil
	}
	if err := p.emit(collect); err != nil {
		return nil, err
	}
	st := &rowState{row: &row, life: life, live: true}
	for i := range events {
		e, err := eventEntry(&events[i], st)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// eventEntry prepares and encodes one event of a row (see prepareEvent).
func eventEntry(e *store.TraceEvent, st *rowState) (*badger.Entry, error) {
	k, err := prepareEvent(e, st)
	if err != nil {
		return nil, err
	}
	v, err := traceEventCodec.encode(e)
	if err != nil {
		return nil, err
	}
	return st.life.entry(k, v, encodingTraceEvent), nil
}

// validateTraceRow checks what the store relies on and normalises the row's time.
func validateTraceRow(r *store.TraceRow) error {
	if r.MessageTraceId.IsZero() {
		return fmt.Errorf("trace row without a MessageTraceId: %w", store.ErrInvalid)
	}
	if r.RecipientAddress == "" {
		return fmt.Errorf("trace row %s without a RecipientAddress: %w", r.MessageTraceId, store.ErrInvalid)
	}
	if err := checkTime("trace row Received", r.Received); err != nil {
		return err
	}
	if err := checkYear("trace row Received", r.Received); err != nil {
		return err
	}
	r.Received = normTime(r.Received)
	for _, f := range []struct{ name, v string }{
		{"SenderAddress", r.SenderAddress}, {"RecipientAddress", r.RecipientAddress}, {"MessageId", r.MessageId},
	} {
		if err := checkString(f.name, f.v); err != nil {
			return err
		}
	}
	return nil
}

// traceIndex returns the index keys of a row. Keeping this in one function is what lets
// writes, status updates and Verify agree.
func traceIndex(r *store.TraceRow) [][]byte {
	return [][]byte{
		traceSenderKey(r.SenderAddress, r.Received, r.MessageTraceId, r.RecipientAddress),
		traceRecipientKey(r.RecipientAddress, r.Received, r.MessageTraceId),
		traceMessageIDKey(r.MessageId, r.Received, r.MessageTraceId, r.RecipientAddress),
	}
}

// TraceEvents returns the events of one visible row in time order.
func (s *Store) TraceEvents(ctx context.Context, traceID store.ID, recipient string) ([]store.TraceEvent, error) {
	if checkString("RecipientAddress", recipient) != nil {
		return nil, nil
	}
	now := s.visibleNow()
	var out []store.TraceEvent
	err := s.view(ctx, func(txn *badger.Txn) error {
		return scanItems(txn, traceEventPrefix(traceID, recipient), func(item *badger.Item) (bool, error) {
			var e store.TraceEvent
			if err := decodeItem(item, &e); err != nil {
				return false, err
			}
			row := store.TraceRow{Received: e.Received}
			if row.Visible(now) {
				out = append(out, e)
			}
			return true, nil
		})
	})
	return out, err
}

// UpdateTraceStatus sets a row's status and appends events in one transaction. The row
// and its index entries are rewritten with the expiry they already had.
func (s *Store) UpdateTraceStatus(ctx context.Context, key store.TraceRow, status string, events []store.TraceEvent) (store.TraceRow, error) {
	if checkTime("Received", key.Received) != nil || checkString("RecipientAddress", key.RecipientAddress) != nil {
		return store.TraceRow{}, fmt.Errorf("trace row %s for %s: %w", key.MessageTraceId, key.RecipientAddress, store.ErrNotFound)
	}
	now := s.visibleNow()
	var out store.TraceRow
	err := s.update(ctx, func(txn *badger.Txn) error {
		pk := traceKey(normTime(key.Received), key.MessageTraceId, key.RecipientAddress)
		item, err := txn.Get(pk)
		if errors.Is(err, badger.ErrKeyNotFound) {
			return fmt.Errorf("trace row %s for %s: %w", key.MessageTraceId, key.RecipientAddress, store.ErrNotFound)
		}
		if err != nil {
			return err
		}
		var r store.TraceRow
		if err := decodeItem(item, &r); err != nil {
			return err
		}
		if !r.Visible(now) {
			return fmt.Errorf("trace row %s for %s: %w", key.MessageTraceId, key.RecipientAddress, store.ErrNotFound)
		}
		r.Status = status
		life := lifetime{expiresAt: item.ExpiresAt()}
		v, err := traceRowCodec.encode(&r)
		if err != nil {
			return err
		}
		if err := txn.SetEntry(life.entry(pk, v, encodingTraceRow)); err != nil {
			return err
		}
		for _, k := range traceIndex(&r) {
			if err := txn.SetEntry(traceIndexEntry(k, v, life)); err != nil {
				return err
			}
		}
		// Events are numbered on from those already stored (none is ever removed alone).
		st := &rowState{row: &r, life: life, live: true}
		err = scanKeys(txn, traceEventPrefix(r.MessageTraceId, r.RecipientAddress), nil, func([]byte) (bool, error) {
			st.seq++
			return true, nil
		})
		if err != nil {
			return err
		}
		for i := range events {
			e := events[i]
			if (!e.MessageTraceId.IsZero() && e.MessageTraceId != r.MessageTraceId) ||
				(e.RecipientAddress != "" && !strings.EqualFold(e.RecipientAddress, r.RecipientAddress)) {
				return fmt.Errorf("trace event %q belongs to another row: %w", e.Event, store.ErrInvalid)
			}
			ent, err := eventEntry(&e, st)
			if err != nil {
				return err
			}
			if err := txn.SetEntry(ent); err != nil {
				return err
			}
		}
		out = r
		return nil
	})
	if err != nil {
		return store.TraceRow{}, err
	}
	return out, nil
}

// tracePath is how FindTraces reaches candidate rows.
type tracePath int

const (
	traceByMessageID tracePath = iota // index 23, one scan per Message-ID
	traceBySender                     // index 21, one scan per sender address
	traceByRecipient                  // index 22, one scan per recipient address
	traceByTime                       // the rows themselves, in time order
)

// planTraces chooses the single access path of a trace query, in a fixed order:
// Message-ID, sender, recipient, else time. An address list with a wildcard cannot use
// its index. The other conditions are checked on each row.
func planTraces(q store.TraceQuery) tracePath {
	literal := func(list []string) bool {
		for _, a := range list {
			if store.HasWildcard(a) {
				return false
			}
		}
		return len(list) > 0
	}
	switch {
	case len(q.MessageIDs) > 0:
		return traceByMessageID
	case literal(q.Senders):
		return traceBySender
	case literal(q.Recipients):
		return traceByRecipient
	}
	return traceByTime
}

// traceScan is one index range to scan: its prefix and, for the recipient index, the
// recipient the prefix names.
type traceScan struct {
	prefix    []byte
	recipient string
}

// traceScans returns the ranges the path scans, one per distinct value.
func traceScans(path tracePath, q store.TraceQuery) []traceScan {
	var out []traceScan
	seen := map[string]bool{}
	add := func(k []byte, recipient string) {
		if !seen[string(k)] {
			seen[string(k)] = true
			out = append(out, traceScan{prefix: k, recipient: recipient})
		}
	}
	switch path {
	case traceByMessageID:
		for _, m := range q.MessageIDs {
			add(newKey(famTraceByMsgID).str(m).bytes(), "")
		}
	case traceBySender:
		for _, a := range q.Senders {
			add(newKey(famTraceBySender).str(a).bytes(), "")
		}
	case traceByRecipient:
		for _, a := range q.Recipients {
			add(newKey(famTraceByRcpt).str(a).bytes(), a)
		}
	default:
		add([]byte{famTrace}, "")
	}
	return out
}

// tracePos is a row's place in result order: its "received8 traceID16" group (newest
// first) and its lower-cased recipient (ascending within the group).
type tracePos struct {
	group     []byte
	recipient string
}

// before reports whether a comes before b in result order.
func (a tracePos) before(b tracePos) bool {
	if c := bytes.Compare(a.group, b.group); c != 0 {
		return c > 0
	}
	return a.recipient < b.recipient
}

func (a tracePos) cursor() store.Cursor {
	return encodeCursor(append(bytes.Clone(a.group), a.recipient...))
}

func decodeTraceCursor(c store.Cursor) (*tracePos, error) {
	b, err := decodeCursor(c)
	if err != nil || b == nil {
		return nil, err
	}
	if len(b) < posLen {
		return nil, fmt.Errorf("cursor %q: %w", c, store.ErrInvalid)
	}
	return &tracePos{group: b[:posLen], recipient: string(b[posLen:])}, nil
}

// traceHit is a matching row with its position.
type traceHit struct {
	pos tracePos
	r   store.TraceRow
}

// FindTraces returns one page of the visible rows q selects, newest first.
//
// Keys come newest first but, within one message, with recipients in descending order,
// while results list them ascending. So a scan that has its limit+1 hits still finishes
// the message it is in; merging and sorting the hits then yields the exact page.
func (s *Store) FindTraces(ctx context.Context, q store.TraceQuery) ([]store.TraceRow, store.Cursor, error) {
	for _, v := range append(append(append([]string{}, q.Senders...), q.Recipients...), q.MessageIDs...) {
		if err := checkString("trace query", v); err != nil {
			return nil, "", err
		}
	}
	after, err := decodeTraceCursor(q.After)
	if err != nil {
		return nil, "", err
	}
	limit := q.Limit
	if limit <= 0 {
		limit = store.DefaultLimit
	}
	if !q.End.IsZero() && checkTime("EndDate", q.End) != nil {
		return nil, "", nil // nothing is older than 1970
	}
	now := s.visibleNow()
	// Rows older than retention are invisible, so the scan stops there too.
	start := q.Start
	if oldest := now.Add(-store.TraceRetention); !now.IsZero() && oldest.After(start) {
		start = oldest
	}
	var startMicros uint64
	if checkTime("StartDate", start) == nil {
		startMicros = micros(start)
	}
	var found []traceHit
	err = s.view(ctx, func(txn *badger.Txn) error {
		for _, sc := range traceScans(planTraces(q), q) {
			from := seekEnd(sc.prefix, q.End)
			if after != nil {
				k := append(append(bytes.Clone(sc.prefix), after.group...), 0xff, 0xff)
				from = minKey(from, k)
			}
			var last []byte // group of the latest hit
			n, scanned := 0, 0
			err := scanDownItems(txn, sc.prefix, from, func(item *badger.Item) (bool, error) {
				k := item.Key()
				if scanned++; scanned%4096 == 0 {
					if err := ctx.Err(); err != nil {
						return false, err
					}
				}
				tail := k[len(sc.prefix):]
				pk, ok := tracePrimary(tail, sc.recipient)
				if !ok {
					return false, fmt.Errorf("trace key %x: %w", k, store.ErrSchema)
				}
				group := pk[1 : 1+posLen]
				if binary.BigEndian.Uint64(group) < startMicros {
					return false, nil
				}
				if n > limit && !bytes.Equal(group, last) {
					return false, nil
				}
				pos := tracePos{group: group, recipient: string(pk[1+posLen : len(pk)-1])}
				if after != nil && !after.before(pos) {
					return true, nil
				}
				// The row itself (a scan of the rows) and the recipient index carry the
				// row; the other indexes lead to it.
				var r store.TraceRow
				rec, err := recordItem(txn, item, pk)
				if err == nil {
					err = decodeItem(rec, &r)
				}
				if err != nil {
					return false, fmt.Errorf("trace key %x: row: %w", k, err)
				}
				if !r.Visible(now) || !traceMatch(&q, &r) {
					return true, nil
				}
				found = append(found, traceHit{pos: pos, r: r})
				last = group
				n++
				return true, nil
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
	sort.Slice(found, func(i, j int) bool { return found[i].pos.before(found[j].pos) })
	var next store.Cursor
	if len(found) > limit {
		found = found[:limit]
		next = found[limit-1].pos.cursor()
	}
	out := make([]store.TraceRow, len(found))
	for i, h := range found {
		out[i] = h.r
	}
	return out, next, nil
}

// traceMatch checks the query's conditions on a row.
func traceMatch(q *store.TraceQuery, r *store.TraceRow) bool {
	if !q.Start.IsZero() && r.Received.Before(q.Start) {
		return false
	}
	if !q.End.IsZero() && !r.Received.Before(q.End) {
		return false
	}
	if !anyWildcard(q.Senders, r.SenderAddress) || !anyWildcard(q.Recipients, r.RecipientAddress) ||
		!anyFold(q.MessageIDs, r.MessageId) || !anyFold(q.Statuses, r.Status) {
		return false
	}
	if len(q.TraceIDs) > 0 {
		ok := false
		for _, id := range q.TraceIDs {
			ok = ok || id == r.MessageTraceId
		}
		if !ok {
			return false
		}
	}
	if (q.FromIP != "" && !strings.EqualFold(q.FromIP, r.FromIP)) || (q.ToIP != "" && !strings.EqualFold(q.ToIP, r.ToIP)) {
		return false
	}
	return q.Subject == "" || q.SubjectFilter.Match(q.Subject, r.Subject)
}

// anyWildcard reports whether patterns is empty or one of them matches v.
func anyWildcard(patterns []string, v string) bool {
	if len(patterns) == 0 {
		return true
	}
	for _, p := range patterns {
		if store.MatchWildcard(p, v) {
			return true
		}
	}
	return false
}

// verifyTraces checks that every trace row has its index entries, every index entry
// its row, and every event a row (part of Verify).
func verifyTraces(txn *badger.Txn, report func(string, ...any) bool) error {
	err := scanItems(txn, []byte{famTrace}, func(item *badger.Item) (bool, error) {
		var r store.TraceRow
		if err := decodeItem(item, &r); err != nil {
			return report("trace row %x: %v", item.Key(), err), nil
		}
		if !bytes.Equal(item.Key(), traceKey(r.Received, r.MessageTraceId, r.RecipientAddress)) {
			return report("trace row %x holds %s for %s", item.Key(), r.MessageTraceId, r.RecipientAddress), nil
		}
		return wantKeys(txn, report, "trace row "+r.MessageTraceId.String(), traceIndex(&r))
	})
	if err != nil {
		return err
	}
	err = verifyCarried(txn, report, famTraceByRcpt, func(k []byte) ([]byte, bool) {
		recipient, tail, ok := splitString(k[1:])
		pk, ok2 := tracePrimary(tail, recipient)
		return pk, ok && ok2
	})
	if err != nil {
		return err
	}
	for _, fam := range []byte{famTraceBySender, famTraceByRcpt, famTraceByMsgID} {
		err := scanKeys(txn, []byte{fam}, nil, func(k []byte) (bool, error) {
			value, tail, ok := splitString(k[1:])
			recipient := ""
			if fam == famTraceByRcpt {
				recipient = value
			}
			pk, ok2 := tracePrimary(tail, recipient)
			if !ok || !ok2 {
				return report("trace index entry %x is malformed", k), nil
			}
			var r store.TraceRow
			return orphanCheck(report, k, func() error { return getJSON(txn, pk, &r) }, func() [][]byte { return traceIndex(&r) })
		})
		if err != nil {
			return err
		}
	}
	return scanItems(txn, []byte{famTraceEvent}, func(item *badger.Item) (bool, error) {
		var e store.TraceEvent
		if err := decodeItem(item, &e); err != nil {
			return report("trace event %x: %v", item.Key(), err), nil
		}
		if !bytes.HasPrefix(item.Key(), traceEventPrefix(e.MessageTraceId, e.RecipientAddress)) {
			return report("trace event %x holds an event of %s for %s", item.Key(), e.MessageTraceId, e.RecipientAddress), nil
		}
		ok, err := exists(txn, traceKey(e.Received, e.MessageTraceId, e.RecipientAddress))
		if err != nil || ok {
			return err == nil, err
		}
		return report("trace event %x has no row", item.Key()), nil
	})
}
