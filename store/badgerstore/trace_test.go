package badgerstore

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/exosh/exosh/store"
	"github.com/exosh/exosh/store/storetest"
)

func TestPlanTraces(t *testing.T) {
	cases := []struct {
		name string
		q    store.TraceQuery
		want tracePath
	}{
		{"everything", store.TraceQuery{}, traceByTime},
		{"message id first", store.TraceQuery{MessageIDs: []string{"<a@b>"}, Senders: []string{"a@b"}, Recipients: []string{"c@d"}}, traceByMessageID},
		{"sender before recipient", store.TraceQuery{Senders: []string{"a@b"}, Recipients: []string{"c@d"}}, traceBySender},
		{"wildcard sender falls to recipient", store.TraceQuery{Senders: []string{"*@b"}, Recipients: []string{"c@d"}}, traceByRecipient},
		{"one wildcard spoils the list", store.TraceQuery{Senders: []string{"a@b", "x?@b"}}, traceByTime},
		{"recipient", store.TraceQuery{Recipients: []string{"c@d"}, Statuses: []string{"Failed"}}, traceByRecipient},
		{"wildcard recipient", store.TraceQuery{Recipients: []string{"*"}}, traceByTime},
		{"filters only", store.TraceQuery{Statuses: []string{"Failed"}, FromIP: "1.2.3.4", Subject: "x", TraceIDs: []store.ID{testID(1)}}, traceByTime},
	}
	for _, c := range cases {
		if got := planTraces(c.q); got != c.want {
			t.Errorf("%s: planTraces = %d, want %d", c.name, got, c.want)
		}
	}
	q := store.TraceQuery{Recipients: []string{"Bob@X.com", "bob@x.com"}}
	scans := traceScans(planTraces(q), q)
	if len(scans) != 1 || !bytes.Equal(scans[0].prefix, []byte("\x22bob@x.com\x00")) || scans[0].recipient != "Bob@X.com" {
		t.Errorf("traceScans = %+v", scans)
	}
}

func TestTraceKeys(t *testing.T) {
	at := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	id := testID(7)
	group := append(binaryTime(at), id.Bytes()...)
	primary := append(append([]byte{0x20}, group...), "bob@x.com\x00"...)
	cases := []struct {
		name      string
		key       []byte
		want      []byte
		prefixLen int
		recipient string
	}{
		{"row", traceKey(at, id, "Bob@X.com"), primary, 1, ""},
		{"by sender", traceSenderKey("Ann@X.com", at, id, "Bob@X.com"), append([]byte("\x21ann@x.com\x00"), primary[1:]...), 11, ""},
		{"by recipient", traceRecipientKey("Bob@X.com", at, id), append([]byte("\x22bob@x.com\x00"), group...), 11, "BOB@x.com"},
		{"by message id", traceMessageIDKey("<A@B>", at, id, "Bob@X.com"), append([]byte("\x23<a@b>\x00"), primary[1:]...), 7, ""},
	}
	for _, c := range cases {
		if !bytes.Equal(c.key, c.want) {
			t.Errorf("%s: key %q, want %q", c.name, c.key, c.want)
		}
		if pk, ok := tracePrimary(c.key[c.prefixLen:], c.recipient); !ok || !bytes.Equal(pk, primary) {
			t.Errorf("%s: tracePrimary = %q, %v", c.name, pk, ok)
		}
	}
	for _, bad := range [][]byte{group[:10], append(bytes.Clone(group), "bob"...), append(bytes.Clone(group), "a\x00b\x00"...)} {
		if _, ok := tracePrimary(bad, ""); ok {
			t.Errorf("tracePrimary(%q) accepted", bad)
		}
	}
	ev := traceEventKey(id, "Bob@X.com", at, 258)
	want := append(append(append([]byte{0x24}, id.Bytes()...), "bob@x.com\x00"...), binaryTime(at)...)
	if !bytes.Equal(ev, append(want, 1, 2)) || !bytes.HasPrefix(ev, traceEventPrefix(id, "BOB@x.com")) {
		t.Errorf("event key %q", ev)
	}
}

func binaryTime(t time.Time) []byte { return (&keyBuf{}).time(t).bytes() }

// Result order is newest first, then MessageTraceId descending, then recipient
// ascending; cursors round-trip.
func TestTracePosOrder(t *testing.T) {
	at := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	pos := func(tm time.Time, id byte, rcpt string) tracePos {
		return tracePos{group: append(binaryTime(tm), testID(id).Bytes()...), recipient: rcpt}
	}
	ordered := []tracePos{
		pos(at.Add(time.Second), 1, "zed@x.com"),
		pos(at, 9, "bob@x.com"),
		pos(at, 2, "ann@x.com"),
		pos(at, 2, "ann@x.com.au"),
		pos(at, 2, "bob@x.com"),
		pos(at.Add(-time.Hour), 5, "ann@x.com"),
	}
	for i := range ordered {
		for j := range ordered {
			if got := ordered[i].before(ordered[j]); got != (i < j) {
				t.Errorf("%d before %d = %v", i, j, got)
			}
		}
		back, err := decodeTraceCursor(ordered[i].cursor())
		if err != nil || !bytes.Equal(back.group, ordered[i].group) || back.recipient != ordered[i].recipient {
			t.Errorf("cursor round trip %d: %+v, %v", i, back, err)
		}
	}
	if c, err := decodeTraceCursor(""); c != nil || err != nil {
		t.Errorf("empty cursor: %v, %v", c, err)
	}
}

// Queries read Badger's on-disk tables (not only the memtable) the same way: each index
// path agrees with the time-ordered scan, page by page.
func TestFindOnDiskTables(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 40,000 records")
	}
	const n = 20_000
	s := openDir(t, t.TempDir(), WithClock(benchClock{}))
	rows := make([]store.TraceRow, 0, n)
	recs := make([]store.AuditRecord, 0, n)
	for i := 0; i < n; i++ {
		rows = append(rows, benchTrace(i, n))
		recs = append(recs, benchAudit(i, n))
	}
	if err := s.SeedTraces(bg, rows, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.SeedAudit(bg, recs); err != nil {
		t.Fatal(err)
	}
	if tables := s.tableCount(t); tables == 0 {
		t.Fatal("everything is still in the memtable")
	}
	window := func(q store.TraceQuery) store.TraceQuery {
		q.Start, q.End = storetest.Now.Add(-40*24*time.Hour), storetest.Now.Add(-10*24*time.Hour)
		return q
	}
	pairs := []struct{ indexed, scanned store.TraceQuery }{
		{window(store.TraceQuery{Senders: []string{"sender007@contoso.com"}}), window(store.TraceQuery{Senders: []string{"sender007@contoso.co*"}})},
		{window(store.TraceQuery{Recipients: []string{"rcpt0042@fabrikam.com"}}), window(store.TraceQuery{Recipients: []string{"rcpt0042@fabrikam.co?"}})},
		{store.TraceQuery{MessageIDs: []string{"<msg77@contoso.com>", "<msg19999@contoso.com>"}}, store.TraceQuery{TraceIDs: []store.ID{storetest.ID(4, 77), storetest.ID(4, 19999)}}},
	}
	for i, p := range pairs {
		want := allTraces(t, s, p.scanned, 1000)
		if len(want) == 0 {
			t.Fatalf("pair %d: no rows", i)
		}
		for _, page := range []int{1000, 7} {
			if got := allTraces(t, s, p.indexed, page); !equalStrings(got, want) {
				t.Errorf("pair %d, pages of %d: %d rows, want %d", i, page, len(got), len(want))
			}
		}
	}
	// Audit: the mailbox path against the full time-ordered log filtered here.
	all, _, err := s.FindAudit(bg, store.AuditQuery{Limit: n + 1})
	if err != nil || len(all) != n {
		t.Fatalf("whole log: %d, %v", len(all), err)
	}
	start, end := storetest.Now.Add(-30*24*time.Hour), storetest.Now.Add(-20*24*time.Hour)
	var want []string
	for _, r := range all {
		if r.Mailbox == storetest.ID(0, 3) && !r.Created.Before(start) && r.Created.Before(end) {
			want = append(want, r.ID.String())
		}
	}
	q := store.AuditQuery{Mailboxes: []store.ID{storetest.ID(0, 3)}, Start: start, End: end, Limit: 3}
	var got []string
	for {
		recs, next, err := s.FindAudit(bg, q)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range recs {
			got = append(got, r.ID.String())
		}
		if next == "" {
			break
		}
		q.After = next
	}
	if len(want) == 0 || !equalStrings(got, want) {
		t.Errorf("mailbox window: %v, want %v", got, want)
	}
}

func allTraces(t *testing.T, s *Store, q store.TraceQuery, page int) []string {
	t.Helper()
	q.Limit = page
	var out []string
	for {
		rows, next, err := s.FindTraces(bg, q)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			out = append(out, r.MessageTraceId.String()+" "+r.RecipientAddress)
		}
		if next == "" {
			return out
		}
		q.After = next
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// tableCount returns how many SSTables the database has.
func (s *Store) tableCount(t *testing.T) int {
	t.Helper()
	db, release, err := s.hold(bg)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	return len(db.Tables())
}

// A call larger than one Badger transaction (a message to a very large group, a big
// report) is written whole, in several transactions.
func TestLargeCalls(t *testing.T) {
	s := openDir(t, "", InMemory(), WithClock(benchClock{}))
	const n = 12_000
	rows := make([]store.TraceRow, n)
	events := make([]store.TraceEvent, n)
	for i := range rows {
		rows[i] = storetest.TraceRow(1, "ann@contoso.com", fmt.Sprintf("member%05d@contoso.com", i), storetest.Now.Add(-time.Hour))
		rows[i].Subject = strings.Repeat("x", 200)
		events[i] = store.TraceEvent{MessageTraceId: rows[i].MessageTraceId, RecipientAddress: rows[i].RecipientAddress, Date: storetest.Now.Add(-time.Hour), Event: "Deliver"}
	}
	if err := s.AddTrace(bg, rows, events); err != nil {
		t.Fatal(err)
	}
	got, next, err := s.FindTraces(bg, store.TraceQuery{MessageIDs: []string{rows[0].MessageId}, Limit: n})
	if err != nil || len(got) != n || next != "" {
		t.Fatalf("FindTraces: %d rows, %q, %v", len(got), next, err)
	}
	if got[0].RecipientAddress != "member00000@contoso.com" || got[n-1].RecipientAddress != fmt.Sprintf("member%05d@contoso.com", n-1) {
		t.Errorf("order: first %s, last %s", got[0].RecipientAddress, got[n-1].RecipientAddress)
	}
	if err := s.CreateSearch(bg, storetest.SearchJob(1, storetest.Now)); err != nil {
		t.Fatal(err)
	}
	report := make([]store.SearchRow, 40_000)
	for i := range report {
		report[i] = store.SearchRow{fmt.Sprint(i), strings.Repeat("y", 100)}
	}
	if err := s.PutSearchRows(bg, storetest.ID(5, 1), report); err != nil {
		t.Fatal(err)
	}
	back, next, err := s.SearchRows(bg, storetest.ID(5, 1), "", len(report))
	if err != nil || len(back) != len(report) || next != "" || back[len(back)-1][0] != fmt.Sprint(len(report)-1) {
		t.Fatalf("SearchRows: %d rows, %q, %v", len(back), next, err)
	}
	if err := s.Verify(bg); err != nil {
		t.Error(err)
	}
}
