package storetest

import (
	"fmt"
	"testing"
	"time"

	"github.com/exosh/exosh/store"
)

func searchTests() []test {
	return []test{
		{"SearchLifecycle", testSearchLifecycle},
		{"SearchListingAndQuota", testSearchListing},
		{"SearchRows", testSearchRows},
		{"SnapshotKeepsHistory", testSnapshotHistory},
	}
}

// SearchJob returns historical search job n, submitted at the given time: a message
// trace report on one sender over the 30 days before submission.
func SearchJob(n int, submitted time.Time) store.SearchJob {
	return store.SearchJob{
		JobId:         ID(5, n),
		SubmitDate:    submitted,
		ReportTitle:   fmt.Sprintf("Report %d", n),
		ReportType:    "MessageTrace",
		Status:        store.SearchNotStarted,
		StartDate:     submitted.Add(-30 * 24 * time.Hour),
		EndDate:       submitted,
		SenderAddress: []string{"ann@" + Domain},
		NotifyAddress: []string{"admin@" + Domain},
		Direction:     "All",
	}
}

func jobIDs(js []store.SearchJob) []store.ID {
	out := []store.ID{}
	for _, j := range js {
		out = append(out, j.JobId)
	}
	return out
}

func testSearchLifecycle(t *testing.T, s store.Store) {
	j := SearchJob(1, Now.Add(-time.Hour))
	wantErr(t, "create", s.CreateSearch(ctx, j), nil)
	got, err := s.Search(ctx, ID(5, 1))
	wantErr(t, "read", err, nil)
	same(t, "job read back", got, j)
	wantErr(t, "create again", s.CreateSearch(ctx, j), store.ErrExists)

	j.Status, j.Rows, j.FileUrl = store.SearchDone, 42, "https://reports.example/1.csv"
	j.SubmitDate = time.Time{} // zero keeps the stored SubmitDate
	wantErr(t, "update", s.UpdateSearch(ctx, j), nil)
	got, _ = s.Search(ctx, ID(5, 1))
	j.SubmitDate = Now.Add(-time.Hour)
	same(t, "updated job", got, j)
	moved := j
	moved.SubmitDate = Now
	wantErr(t, "SubmitDate cannot change", s.UpdateSearch(ctx, moved), store.ErrInvalid)

	_, err = s.Search(ctx, ID(5, 2))
	wantErr(t, "unknown job", err, store.ErrNotFound)
	wantErr(t, "update unknown", s.UpdateSearch(ctx, SearchJob(2, Now)), store.ErrNotFound)
	wantErr(t, "no JobId", s.CreateSearch(ctx, store.SearchJob{SubmitDate: Now}), store.ErrInvalid)
	wantErr(t, "no SubmitDate", s.CreateSearch(ctx, store.SearchJob{JobId: ID(5, 3)}), store.ErrInvalid)
}

func testSearchListing(t *testing.T, s store.Store) {
	day := 24 * time.Hour
	submitted := map[int]time.Time{
		1: Now.Add(-11 * day),             // past retention: never listed
		2: Now.Add(-10 * day),             // the edge: listed
		3: Now.Add(-9 * day),              // listed
		4: Now.Add(-25 * time.Hour),       // outside the quota window
		5: Now.Add(-24 * time.Hour),       // the quota window's edge: counted
		6: Now.Add(-3 * time.Hour),        // cancelled, still counted
		7: Now.Add(-3 * time.Hour),        // same instant as 6
		8: Now.Add(-time.Minute),          // newest
		9: Now.Add(-10*day - time.Second), // past retention
	}
	for n := 1; n <= 9; n++ {
		j := SearchJob(n, submitted[n])
		if n == 6 {
			j.Status = store.SearchCancelled
		}
		wantErr(t, fmt.Sprintf("create %d", n), s.CreateSearch(ctx, j), nil)
	}
	list, err := s.ListSearches(ctx)
	wantErr(t, "list", err, nil)
	same(t, "listed newest first", jobIDs(list), []store.ID{ID(5, 8), ID(5, 7), ID(5, 6), ID(5, 5), ID(5, 4), ID(5, 3), ID(5, 2)})
	_, err = s.Search(ctx, ID(5, 1))
	wantErr(t, "expired job", err, store.ErrNotFound)
	for _, c := range []struct {
		since time.Time
		want  int
	}{{Now.Add(-24 * time.Hour), 4}, {Now.Add(-time.Hour), 1}, {Now, 0}, {Now.Add(-30 * day), 7}} {
		n, err := s.CountSearchesSince(ctx, c.since)
		if err != nil || n != c.want {
			t.Errorf("CountSearchesSince(%s) = %d, %v; want %d", c.since, n, err, c.want)
		}
	}
}

func testSearchRows(t *testing.T, s store.Store) {
	wantErr(t, "create", s.CreateSearch(ctx, SearchJob(1, Now.Add(-time.Hour))), nil)
	wantErr(t, "create other", s.CreateSearch(ctx, SearchJob(2, Now.Add(-time.Hour))), nil)
	row := func(i int) store.SearchRow {
		return store.SearchRow{fmt.Sprintf("2025-02-28T%02d:00:00Z", i%24), "ann@contoso.com", fmt.Sprintf("rcpt%d@fabrikam.com", i), "Delivered"}
	}
	var want []store.SearchRow
	for i := 0; i < 25; i++ {
		want = append(want, row(i))
	}
	wantErr(t, "put", s.PutSearchRows(ctx, ID(5, 1), want[:12]), nil)
	wantErr(t, "put more", s.PutSearchRows(ctx, ID(5, 1), want[12:]), nil)
	wantErr(t, "put other", s.PutSearchRows(ctx, ID(5, 2), []store.SearchRow{{"x"}}), nil)
	var got []store.SearchRow
	var after store.Cursor
	for i := 0; ; i++ {
		rows, next, err := s.SearchRows(ctx, ID(5, 1), after, 10)
		wantErr(t, "rows", err, nil)
		if len(rows) > 10 || (next != "" && len(rows) != 10) || i > 5 {
			t.Fatalf("page %d: %d rows, next %q", i, len(rows), next)
		}
		got = append(got, rows...)
		if next == "" {
			break
		}
		after = next
	}
	same(t, "rows in order", got, want)
	all, next, err := s.SearchRows(ctx, ID(5, 1), "", 0)
	if err != nil || len(all) != 25 || next != "" {
		t.Errorf("default limit: %d rows, %q, %v", len(all), next, err)
	}
	wantErr(t, "put to unknown job", s.PutSearchRows(ctx, ID(5, 3), want), store.ErrNotFound)
	_, _, err = s.SearchRows(ctx, ID(5, 3), "", 10)
	wantErr(t, "rows of unknown job", err, store.ErrNotFound)
	_, _, err = s.SearchRows(ctx, ID(5, 1), "abcd", 10)
	wantErr(t, "bad cursor", err, store.ErrInvalid)
}

// history is the audit, trace and search state, read through the interfaces.
type history struct {
	Audit    []store.AuditRecord
	Traces   []store.TraceRow
	Events   []store.TraceEvent
	Searches []store.SearchJob
	Rows     []store.SearchRow
}

func readHistory(t *testing.T, s store.Store) history {
	t.Helper()
	var h history
	var err error
	h.Audit, _, err = s.FindAudit(ctx, store.AuditQuery{Limit: 10000})
	wantErr(t, "audit", err, nil)
	h.Traces, _, err = s.FindTraces(ctx, store.TraceQuery{Limit: 10000})
	wantErr(t, "traces", err, nil)
	for _, r := range h.Traces {
		evs, err := s.TraceEvents(ctx, r.MessageTraceId, r.RecipientAddress)
		wantErr(t, "events", err, nil)
		h.Events = append(h.Events, evs...)
	}
	h.Searches, err = s.ListSearches(ctx)
	wantErr(t, "searches", err, nil)
	for _, j := range h.Searches {
		rows, _, err := s.SearchRows(ctx, j.JobId, "", 10000)
		wantErr(t, "search rows", err, nil)
		h.Rows = append(h.Rows, rows...)
	}
	return h
}

func testSnapshotHistory(t *testing.T, s store.Store) {
	create(t, s, Mailbox(1, "ann"))
	var recs []store.AuditRecord
	var rows []store.TraceRow
	var events []store.TraceEvent
	for i := 1; i <= 10; i++ {
		recs = append(recs, AuditRecord(i, ID(0, 1), Now.Add(-time.Duration(i)*time.Hour)))
		r := TraceRow(i, "ann@contoso.com", fmt.Sprintf("user%d@fabrikam.com", i), Now.Add(-time.Duration(i)*time.Hour))
		r.Status = store.TracePending
		rows = append(rows, r)
		events = append(events, store.TraceEvent{MessageTraceId: r.MessageTraceId, RecipientAddress: r.RecipientAddress, Date: r.Received, Event: "Receive"})
	}
	wantErr(t, "audit", s.AddAudit(ctx, recs), nil)
	wantErr(t, "traces", s.AddTrace(ctx, rows, events), nil)
	wantErr(t, "search", s.CreateSearch(ctx, SearchJob(1, Now.Add(-time.Hour))), nil)
	wantErr(t, "search rows", s.PutSearchRows(ctx, ID(5, 1), []store.SearchRow{{"a", "b"}, {"c"}}), nil)
	before := readHistory(t, s)
	if len(before.Audit) != 10 || len(before.Traces) != 10 || len(before.Events) != 10 || len(before.Rows) != 2 {
		t.Fatalf("history before the snapshot: %d audit, %d traces, %d events, %d rows",
			len(before.Audit), len(before.Traces), len(before.Events), len(before.Rows))
	}
	_, err := s.SaveSnapshot(ctx, "history", false)
	wantErr(t, "save", err, nil)

	wantErr(t, "more audit", s.AddAudit(ctx, []store.AuditRecord{AuditRecord(50, ID(0, 1), Now)}), nil)
	_, err = s.UpdateTraceStatus(ctx, rows[0], store.TraceDelivered, []store.TraceEvent{{Date: Now, Event: "Deliver"}})
	wantErr(t, "status", err, nil)
	wantErr(t, "more traces", s.AddTrace(ctx, []store.TraceRow{TraceRow(50, "x@contoso.com", "y@contoso.com", Now)}, nil), nil)
	j := SearchJob(1, Now.Add(-time.Hour))
	j.Status = store.SearchDone
	wantErr(t, "update search", s.UpdateSearch(ctx, j), nil)
	wantErr(t, "another search", s.CreateSearch(ctx, SearchJob(2, Now)), nil)
	wantErr(t, "more rows", s.PutSearchRows(ctx, ID(5, 1), []store.SearchRow{{"d"}}), nil)

	wantErr(t, "restore", s.RestoreSnapshot(ctx, "history"), nil)
	same(t, "restored history", readHistory(t, s), before)
	n, _ := s.CountSearchesSince(ctx, Now.Add(-24*time.Hour))
	if n != 1 {
		t.Errorf("quota count after restore: %d", n)
	}
	// The restored history keeps working, then Reset empties it.
	wantErr(t, "add after restore", s.AddAudit(ctx, []store.AuditRecord{AuditRecord(50, ID(0, 1), Now)}), nil)
	wantErr(t, "reset", s.Reset(ctx), nil)
	same(t, "after reset", readHistory(t, s), history{Audit: []store.AuditRecord{}, Traces: []store.TraceRow{}})
}
