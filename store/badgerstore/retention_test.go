package badgerstore

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"github.com/exosh/exosh/store"
	"github.com/exosh/exosh/store/storetest"
)

// movingClock is a clock the test advances.
type movingClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *movingClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *movingClock) advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

const day = 24 * time.Hour

// historyStore returns an in-memory store on a movable clock holding one mailbox
// (AuditLogAgeLimit 30 days), an audit record, a trace row with an event and a search job,
// all written at the clock's start.
func historyStore(t *testing.T) (*Store, *movingClock) {
	t.Helper()
	clk := &movingClock{t: storetest.Now}
	s := openDir(t, "", InMemory(), WithClock(clk))
	mb := storetest.Mailbox(1, "ann")
	mb.AuditLogAgeLimit = 30 * day
	if err := s.CreateRecipient(bg, mb); err != nil {
		t.Fatal(err)
	}
	if err := s.AddAudit(bg, []store.AuditRecord{storetest.AuditRecord(1, mb.Guid, storetest.Now)}); err != nil {
		t.Fatal(err)
	}
	row := storetest.TraceRow(1, "ann@contoso.com", "ben@contoso.com", storetest.Now)
	ev := store.TraceEvent{MessageTraceId: row.MessageTraceId, RecipientAddress: row.RecipientAddress, Date: storetest.Now, Event: "Receive"}
	if err := s.AddTrace(bg, []store.TraceRow{row}, []store.TraceEvent{ev}); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateSearch(bg, storetest.SearchJob(1, storetest.Now)); err != nil {
		t.Fatal(err)
	}
	if err := s.PutSearchRows(bg, storetest.ID(5, 1), []store.SearchRow{{"a"}}); err != nil {
		t.Fatal(err)
	}
	return s, clk
}

// counts reads how much of the history is visible.
func counts(t *testing.T, s *Store) (audit, stats, traces, events, searches, quota int) {
	t.Helper()
	recs, _, err := s.FindAudit(bg, store.AuditQuery{})
	if err != nil {
		t.Fatal(err)
	}
	stats, _, err = s.AuditStats(bg, storetest.ID(0, 1))
	if err != nil {
		t.Fatal(err)
	}
	rows, _, err := s.FindTraces(bg, store.TraceQuery{Senders: []string{"ann@contoso.com"}})
	if err != nil {
		t.Fatal(err)
	}
	evs, err := s.TraceEvents(bg, storetest.ID(4, 1), "ben@contoso.com")
	if err != nil {
		t.Fatal(err)
	}
	jobs, err := s.ListSearches(bg)
	if err != nil {
		t.Fatal(err)
	}
	quota, err = s.CountSearchesSince(bg, storetest.Now.Add(-30*day))
	if err != nil {
		t.Fatal(err)
	}
	return len(recs), stats, len(rows), len(evs), len(jobs), quota
}

// Records leave every query as the clock passes their retention, each family by its own
// rule, without anything being rewritten.
func TestRetentionAsTheClockMoves(t *testing.T) {
	s, clk := historyStore(t)
	steps := []struct {
		advance                                       time.Duration
		audit, stats, traces, events, searches, quota int
	}{
		{0, 1, 1, 1, 1, 1, 1},
		{10 * day, 1, 1, 1, 1, 1, 1},                  // the search's last day
		{time.Microsecond, 1, 1, 1, 1, 0, 0},          // search gone
		{20*day - time.Microsecond, 1, 1, 1, 1, 0, 0}, // the audit record's last instant (30-day mailbox)
		{time.Microsecond, 0, 0, 1, 1, 0, 0},          // audit gone
		{60*day - time.Microsecond, 0, 0, 1, 1, 0, 0}, // the trace's last instant
		{time.Microsecond, 0, 0, 0, 0, 0, 0},          // trace gone
	}
	for i, st := range steps {
		clk.advance(st.advance)
		a, sa, tr, ev, se, q := counts(t, s)
		if a != st.audit || sa != st.stats || tr != st.traces || ev != st.events || se != st.searches || q != st.quota {
			t.Errorf("step %d (%s): audit %d, stats %d, traces %d, events %d, searches %d, quota %d; want %+v",
				i, clk.Now().Format(time.RFC3339Nano), a, sa, tr, ev, se, q, st)
		}
	}
	if _, err := s.Search(bg, storetest.ID(5, 1)); err == nil {
		t.Error("an expired search is still readable")
	}
	if _, _, err := s.SearchRows(bg, storetest.ID(5, 1), "", 10); err == nil {
		t.Error("the rows of an expired search are still readable")
	}
	if err := s.UpdateSearch(bg, storetest.SearchJob(1, storetest.Now)); err == nil {
		t.Error("an expired search can be updated")
	}
	if err := s.Verify(bg); err != nil {
		t.Errorf("Verify: %v", err)
	}
}

// A record and its index entries share one Badger expiry; without a clock nothing
// expires; records past retention are not written at all.
func TestLifetimeOnDisk(t *testing.T) {
	s, _ := historyStore(t)
	expiries := map[byte][]uint64{}
	err := s.view(bg, func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			k := it.Item().Key()
			if k[0] >= famTrace {
				expiries[k[0]&0xf0] = append(expiries[k[0]&0xf0], it.Item().ExpiresAt())
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Trace row + 3 indexes + event; audit record + 3 indexes; job + index + 1 row.
	for fam, n := range map[byte]int{famTrace: 5, famAudit: 4, famSearch: 3} {
		e := expiries[fam]
		if len(e) != n {
			t.Errorf("family %x: %d entries, want %d", fam, len(e), n)
			continue
		}
		for _, x := range e {
			if x == 0 || x != e[0] {
				t.Errorf("family %x: expiries %v", fam, e)
				break
			}
		}
	}
	// The trace lives 90 days, the audit record 30, the search 10: their Badger expiries
	// keep those distances.
	trace, audit, search := expiries[famTrace][0], expiries[famAudit][0], expiries[famSearch][0]
	// Computed at slightly different instants: allow a second.
	for _, c := range []struct {
		what string
		a, b uint64
		want time.Duration
	}{{"trace and audit", trace, audit, 60 * day}, {"audit and search", audit, search, 20 * day}} {
		if d := int64(c.a-c.b) - int64(c.want/time.Second); d < -1 || d > 1 {
			t.Errorf("%s expiries are %d s apart, want %d", c.what, c.a-c.b, c.want/time.Second)
		}
	}

	noClock := openDir(t, "", InMemory())
	if err := noClock.AddAudit(bg, []store.AuditRecord{storetest.AuditRecord(1, storetest.ID(0, 1), storetest.Now)}); err != nil {
		t.Fatal(err)
	}
	err = noClock.view(bg, func(txn *badger.Txn) error {
		return scanItems(txn, []byte{famAudit}, func(item *badger.Item) (bool, error) {
			if item.ExpiresAt() != 0 {
				t.Errorf("without a clock: expiry %d", item.ExpiresAt())
			}
			return true, nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}

	old := storetest.AuditRecord(2, storetest.ID(0, 1), storetest.Now.Add(-31*day))
	if err := s.AddAudit(bg, []store.AuditRecord{old}); err != nil {
		t.Fatal(err)
	}
	err = s.view(bg, func(txn *badger.Txn) error {
		for _, k := range append(auditIndex(&old), auditKey(old.Created, old.ID)) {
			if ok, err := exists(txn, k); err != nil || ok {
				t.Errorf("expired record written: %x", k)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestVerifyFindsHistoryDamage(t *testing.T) {
	s, _ := historyStore(t)
	if err := s.Verify(bg); err != nil {
		t.Fatalf("healthy state: %v", err)
	}
	rec := storetest.AuditRecord(1, storetest.ID(0, 1), storetest.Now)
	row := storetest.TraceRow(1, "ann@contoso.com", "ben@contoso.com", storetest.Now)
	cases := []struct {
		name string
		key  []byte
		want string
	}{
		{"audit index entry missing", auditOpKey("update", rec.Created, rec.ID), "is missing"},
		{"audit record missing", auditKey(rec.Created, rec.ID), "has no record"},
		{"trace index entry missing", traceRecipientKey("ben@contoso.com", row.Received, row.MessageTraceId), "is missing"},
		{"trace row missing", traceKey(row.Received, row.MessageTraceId, row.RecipientAddress), "has no row"},
		{"search index entry missing", searchBySubmitKey(storetest.Now, storetest.ID(5, 1)), "is missing"},
		{"search job missing", searchKey(storetest.ID(5, 1)), "has no job"},
	}
	for _, c := range cases {
		var saved *badger.Entry
		rawUpdate(t, s, func(txn *badger.Txn) error {
			item, err := txn.Get(c.key)
			if err != nil {
				return err
			}
			v, err := item.ValueCopy(nil)
			if err != nil {
				return err
			}
			saved = badger.NewEntry(bytes.Clone(c.key), v).WithMeta(item.UserMeta())
			saved.ExpiresAt = item.ExpiresAt()
			return txn.Delete(c.key)
		})
		err := s.Verify(bg)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: Verify = %v, want %q", c.name, err, c.want)
		}
		rawUpdate(t, s, func(txn *badger.Txn) error { return txn.SetEntry(saved) })
		if err := s.Verify(bg); err != nil {
			t.Errorf("%s undone: %v", c.name, err)
		}
	}
	// An index entry pointing at a record that does not call for it.
	stray := auditUserKey("mallory@contoso.com", rec.Created, rec.ID)
	rawUpdate(t, s, func(txn *badger.Txn) error { return txn.Set(stray, nil) })
	if err := s.Verify(bg); err == nil || !strings.Contains(err.Error(), "no record calling for it") {
		t.Errorf("stray audit index entry: %v", err)
	}
}

// A snapshot keeps each entry's expiry, so restored history ages out as the original
// would have.
func TestSnapshotKeepsExpiry(t *testing.T) {
	s, _ := historyStore(t)
	expiries := func() map[string]uint64 {
		out := map[string]uint64{}
		err := s.view(bg, func(txn *badger.Txn) error {
			it := txn.NewIterator(badger.DefaultIteratorOptions)
			defer it.Close()
			for it.Rewind(); it.Valid(); it.Next() {
				if k := it.Item().Key(); k[0] >= famTrace {
					out[string(k)] = it.Item().ExpiresAt()
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	before := expiries()
	if _, err := s.SaveSnapshot(bg, "x", false); err != nil {
		t.Fatal(err)
	}
	if err := s.Reset(bg); err != nil {
		t.Fatal(err)
	}
	if len(expiries()) != 0 {
		t.Fatal("Reset left history")
	}
	if err := s.RestoreSnapshot(bg, "x"); err != nil {
		t.Fatal(err)
	}
	after := expiries()
	if len(after) != len(before) || len(before) != 12 {
		t.Fatalf("%d entries before, %d after", len(before), len(after))
	}
	for k, e := range before {
		if after[k] != e || e == 0 {
			t.Errorf("key %x: expiry %d, restored %d", k, e, after[k])
		}
	}
}
