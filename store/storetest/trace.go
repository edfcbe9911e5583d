package storetest

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/exosh/exosh/store"
)

func traceTests() []test {
	return []test{
		{"TracePathsAndFilters", testTracePaths},
		{"TraceEvents", testTraceEvents},
		{"TraceStatusUpdate", testTraceStatusUpdate},
		{"TraceRetention", testTraceRetention},
		{"TraceInvalid", testTraceInvalid},
	}
}

// TraceRow returns the trace row of message n for one recipient: delivered, received
// at the given time, sent by sender.
func TraceRow(n int, sender, recipient string, received time.Time) store.TraceRow {
	return store.TraceRow{
		Organization:     Domain,
		MessageId:        fmt.Sprintf("<msg%d@contoso.com>", n),
		Received:         received,
		SenderAddress:    sender,
		RecipientAddress: recipient,
		Subject:          fmt.Sprintf("Report %d", n),
		Status:           store.TraceDelivered,
		FromIP:           "203.0.113.7",
		Size:             int64(1000 + n),
		MessageTraceId:   ID(4, n),
	}
}

// traceData is the varied trace log of testTracePaths: 14 messages from four senders
// (in mixed case) to one to three recipients each, two messages received at the same
// instant, several statuses, subjects and IPs.
func traceData() []store.TraceRow {
	senders := []string{"ann@contoso.com", "Ben@Fabrikam.com", "ANN@contoso.com", "carl@contoso.com"}
	pool := []string{"dora@contoso.com", "Eve@contoso.com", "frank@fabrikam.com", "ann@contoso.com"}
	statuses := []string{store.TraceDelivered, store.TraceFailed, store.TracePending, store.TraceDelivered, store.TraceFilteredAsSpam}
	var rows []store.TraceRow
	for m := 1; m <= 14; m++ {
		at := Now.Add(-time.Duration(m) * 7 * time.Hour)
		if m == 6 {
			at = Now.Add(-5 * 7 * time.Hour) // same instant as message 5
		}
		for k := 0; k <= m%3; k++ {
			r := TraceRow(m, senders[m%4], pool[(m+k)%4], at)
			r.Status = statuses[(m+k)%5]
			r.Subject = []string{"Quarterly report", "Lunch on Friday", "RE: quarterly numbers"}[m%3]
			if m%4 == 1 {
				r.FromIP, r.ToIP = "198.51.100.2", "192.0.2.10"
			}
			rows = append(rows, r)
		}
	}
	return rows
}

// wantTraces filters and orders rows as the store must: the reference for every query.
func wantTraces(rows []store.TraceRow, q store.TraceQuery) []string {
	wild := func(list []string, v string) bool { return anyMatch(list, v, store.MatchWildcard) }
	var keep []store.TraceRow
	for _, r := range rows {
		ids := len(q.TraceIDs) == 0
		for _, id := range q.TraceIDs {
			ids = ids || id == r.MessageTraceId
		}
		ok := ids && wild(q.Senders, r.SenderAddress) && wild(q.Recipients, r.RecipientAddress) &&
			wild(q.MessageIDs, r.MessageId) && wild(q.Statuses, r.Status) &&
			(q.FromIP == "" || q.FromIP == r.FromIP) && (q.ToIP == "" || q.ToIP == r.ToIP) &&
			(q.Subject == "" || q.SubjectFilter.Match(q.Subject, r.Subject)) &&
			(q.Start.IsZero() || !r.Received.Before(q.Start)) && (q.End.IsZero() || r.Received.Before(q.End))
		if ok {
			keep = append(keep, r)
		}
	}
	sort.Slice(keep, func(i, j int) bool {
		a, b := keep[i], keep[j]
		if !a.Received.Equal(b.Received) {
			return a.Received.After(b.Received)
		}
		if a.MessageTraceId != b.MessageTraceId {
			return string(a.MessageTraceId[:]) > string(b.MessageTraceId[:])
		}
		return strings.ToLower(a.RecipientAddress) < strings.ToLower(b.RecipientAddress)
	})
	out := []string{}
	for _, r := range keep {
		out = append(out, rowName(r))
	}
	return out
}

// rowName names a row in test output: message number and recipient.
func rowName(r store.TraceRow) string {
	return fmt.Sprintf("%d:%s", r.Size-1000, strings.ToLower(r.RecipientAddress))
}

// findTraces pages through a trace query with the given page size.
func findTraces(t *testing.T, s store.Store, q store.TraceQuery, page int) []string {
	t.Helper()
	q.Limit = page
	return pageAll(t, "FindTraces", page, func(after store.Cursor) ([]store.TraceRow, store.Cursor, error) {
		q.After = after
		return s.FindTraces(ctx, q)
	}, rowName)
}

func testTracePaths(t *testing.T, s store.Store) {
	rows := traceData()
	wantErr(t, "AddTrace", s.AddTrace(ctx, rows[:9], nil), nil)
	wantErr(t, "AddTrace more", s.AddTrace(ctx, rows[9:], nil), nil)
	cases := []struct {
		what string
		q    store.TraceQuery
	}{
		{"everything", store.TraceQuery{}},
		{"sender any case", store.TraceQuery{Senders: []string{"Ann@Contoso.com"}}},
		{"two senders", store.TraceQuery{Senders: []string{"ben@fabrikam.com", "carl@contoso.com"}}},
		{"sender wildcard", store.TraceQuery{Senders: []string{"*@fabrikam.com"}}},
		{"recipient", store.TraceQuery{Recipients: []string{"EVE@contoso.com"}}},
		{"two recipients", store.TraceQuery{Recipients: []string{"dora@contoso.com", "ann@contoso.com", "dora@contoso.com"}}},
		{"recipient wildcard", store.TraceQuery{Recipients: []string{"*@fabrikam.com"}}},
		{"sender and recipient", store.TraceQuery{Senders: []string{"ann@contoso.com"}, Recipients: []string{"dora@contoso.com", "eve@contoso.com"}}},
		{"message ids", store.TraceQuery{MessageIDs: []string{"<MSG5@contoso.com>", "<msg6@contoso.com>"}}},
		{"message id and recipient", store.TraceQuery{MessageIDs: []string{"<msg5@contoso.com>"}, Recipients: []string{"frank@fabrikam.com"}}},
		{"statuses", store.TraceQuery{Statuses: []string{"failed", "Pending"}}},
		{"trace ids", store.TraceQuery{TraceIDs: []store.ID{ID(4, 2), ID(4, 11)}}},
		{"from ip", store.TraceQuery{FromIP: "198.51.100.2"}},
		{"to ip on a path", store.TraceQuery{ToIP: "192.0.2.10", Senders: []string{"ben@fabrikam.com"}}},
		{"subject contains", store.TraceQuery{Subject: "QUARTERLY"}},
		{"subject starts", store.TraceQuery{Subject: "quarterly", SubjectFilter: store.SubjectStartsWith}},
		{"subject ends", store.TraceQuery{Subject: "friday", SubjectFilter: store.SubjectEndsWith}},
		{"window, end exclusive", store.TraceQuery{Start: Now.Add(-63 * time.Hour), End: Now.Add(-21 * time.Hour)}},
		{"window on a path", store.TraceQuery{Recipients: []string{"ann@contoso.com"}, Start: Now.Add(-50 * time.Hour), End: Now}},
		{"unknown sender", store.TraceQuery{Senders: []string{"nobody@contoso.com"}}},
	}
	for _, c := range cases {
		want := wantTraces(rows, c.q)
		for _, page := range []int{1000, 1, 2, 3} {
			same(t, fmt.Sprintf("%s (pages of %d)", c.what, page), findTraces(t, s, c.q, page), want)
		}
	}
	// A row reads back as written.
	got, _, err := s.FindTraces(ctx, store.TraceQuery{TraceIDs: []store.ID{rows[0].MessageTraceId}, Recipients: []string{rows[0].RecipientAddress}})
	if err != nil || len(got) != 1 {
		t.Fatalf("row of message 1: %v, %v", got, err)
	}
	same(t, "row read back", got[0], rows[0])
	// The cursor stays valid across calls, also when newer rows arrive in between.
	q := store.TraceQuery{Limit: 5}
	first, next, err := s.FindTraces(ctx, q)
	wantErr(t, "page 1", err, nil)
	wantErr(t, "newer row", s.AddTrace(ctx, []store.TraceRow{TraceRow(50, "zed@contoso.com", "ann@contoso.com", Now.Add(-time.Minute))}, nil), nil)
	q.After, q.Limit = next, 1000
	rest, _, err := s.FindTraces(ctx, q)
	wantErr(t, "page 2", err, nil)
	var names []string
	for _, r := range append(first, rest...) {
		names = append(names, rowName(r))
	}
	same(t, "pages around a new row", names, wantTraces(rows, store.TraceQuery{}))
}

func testTraceEvents(t *testing.T, s store.Store) {
	at := Now.Add(-time.Hour)
	rows := []store.TraceRow{
		TraceRow(1, "ann@contoso.com", "Ben@contoso.com", at),
		TraceRow(1, "ann@contoso.com", "carl@contoso.com", at),
	}
	ev := func(recipient, event string, after time.Duration) store.TraceEvent {
		return store.TraceEvent{MessageTraceId: ID(4, 1), RecipientAddress: recipient, Date: at.Add(after), Event: event,
			Action: strings.ToUpper(event), Detail: event + " detail", Data: `<root><MEP Name="ServerHostName" String="AM0PR00MB0001" /></root>`}
	}
	events := []store.TraceEvent{
		ev("ben@contoso.com", "Deliver", 2*time.Second), // out of time order on purpose
		ev("BEN@contoso.com", "Receive", 0),
		ev("ben@contoso.com", "Submit", time.Second),
		ev("ben@contoso.com", "Spam", time.Second), // same time: kept in the order given
		ev("carl@contoso.com", "Receive", 0),
	}
	wantErr(t, "AddTrace", s.AddTrace(ctx, rows, events), nil)
	got, err := s.TraceEvents(ctx, ID(4, 1), "ben@CONTOSO.com")
	wantErr(t, "TraceEvents", err, nil)
	var names []string
	for _, e := range got {
		names = append(names, e.Event)
		if e.MessageTraceId != ID(4, 1) || e.RecipientAddress != "Ben@contoso.com" || !e.Received.Equal(at) {
			t.Errorf("event %s: %+v", e.Event, e)
		}
	}
	same(t, "events in time order", names, []string{"Receive", "Submit", "Spam", "Deliver"})
	if len(got) > 0 {
		want := events[1]
		want.RecipientAddress, want.Received = "Ben@contoso.com", at
		same(t, "event read back", got[0], want)
	}
	got, _ = s.TraceEvents(ctx, ID(4, 1), "carl@contoso.com")
	if len(got) != 1 {
		t.Errorf("carl's events: %+v", got)
	}
	for _, c := range []struct {
		id        store.ID
		recipient string
	}{{ID(4, 2), "ben@contoso.com"}, {ID(4, 1), "nobody@contoso.com"}, {ID(4, 1), "x\x00"}} {
		got, err := s.TraceEvents(ctx, c.id, c.recipient)
		if err != nil || len(got) != 0 {
			t.Errorf("TraceEvents(%s, %q) = %v, %v", c.id, c.recipient, got, err)
		}
	}
	orphan := ev("dora@contoso.com", "Receive", 0)
	wantErr(t, "event without a row", s.AddTrace(ctx, []store.TraceRow{TraceRow(2, "a@x.com", "b@x.com", at)}, []store.TraceEvent{orphan}), store.ErrInvalid)
	got, _ = s.TraceEvents(ctx, ID(4, 1), "dora@contoso.com")
	rs, _, _ := s.FindTraces(ctx, store.TraceQuery{})
	if len(got) != 0 || len(rs) != 2 {
		t.Errorf("rejected call wrote %d events, %d rows", len(got), len(rs))
	}
}

func testTraceStatusUpdate(t *testing.T, s store.Store) {
	at := Now.Add(-3 * time.Hour)
	row := TraceRow(1, "ann@contoso.com", "ben@fabrikam.com", at)
	row.Status = store.TracePending
	other := TraceRow(2, "ann@contoso.com", "carl@fabrikam.com", at.Add(time.Minute))
	other.Status = store.TracePending
	wantErr(t, "AddTrace", s.AddTrace(ctx, []store.TraceRow{row, other}, []store.TraceEvent{
		{MessageTraceId: ID(4, 1), RecipientAddress: "ben@fabrikam.com", Date: at, Event: "Receive"},
		{MessageTraceId: ID(4, 1), RecipientAddress: "ben@fabrikam.com", Date: at.Add(time.Second), Event: "Defer"},
	}), nil)
	pending := store.TraceQuery{Statuses: []string{store.TracePending}}
	same(t, "pending before", findTraces(t, s, pending, 10), []string{"2:carl@fabrikam.com", "1:ben@fabrikam.com"})

	got, err := s.UpdateTraceStatus(ctx, row, store.TraceDelivered, []store.TraceEvent{
		{Date: at.Add(time.Hour), Event: "Deliver", Detail: "The message was successfully delivered."},
	})
	wantErr(t, "UpdateTraceStatus", err, nil)
	want := row
	want.Status = store.TraceDelivered
	same(t, "updated row", got, want)
	same(t, "pending after", findTraces(t, s, pending, 10), []string{"2:carl@fabrikam.com"})
	same(t, "delivered by sender", findTraces(t, s, store.TraceQuery{Senders: []string{"ann@contoso.com"}, Statuses: []string{"Delivered"}}, 10),
		[]string{"1:ben@fabrikam.com"})
	evs, _ := s.TraceEvents(ctx, ID(4, 1), "ben@fabrikam.com")
	var names []string
	for _, e := range evs {
		names = append(names, e.Event)
	}
	same(t, "events after the update", names, []string{"Receive", "Defer", "Deliver"})

	// A second update with an event at an existing instant keeps every event.
	_, err = s.UpdateTraceStatus(ctx, row, store.TraceFailed, []store.TraceEvent{{Date: at, Event: "Fail"}})
	wantErr(t, "second update", err, nil)
	evs, _ = s.TraceEvents(ctx, ID(4, 1), "ben@fabrikam.com")
	if len(evs) != 4 || evs[1].Event != "Fail" {
		t.Errorf("events after the second update: %+v", evs)
	}
	missing := row
	missing.RecipientAddress = "nobody@fabrikam.com"
	_, err = s.UpdateTraceStatus(ctx, missing, store.TraceDelivered, nil)
	wantErr(t, "unknown row", err, store.ErrNotFound)
	moved := row
	moved.Received = at.Add(time.Second)
	_, err = s.UpdateTraceStatus(ctx, moved, store.TraceDelivered, nil)
	wantErr(t, "wrong Received", err, store.ErrNotFound)
	_, err = s.UpdateTraceStatus(ctx, other, store.TraceDelivered, []store.TraceEvent{{MessageTraceId: ID(4, 1), Date: at, Event: "Deliver"}})
	wantErr(t, "event of another row", err, store.ErrInvalid)
	same(t, "refused update wrote nothing", findTraces(t, s, pending, 10), []string{"2:carl@fabrikam.com"})
}

func testTraceRetention(t *testing.T, s store.Store) {
	day := 24 * time.Hour
	rows := []store.TraceRow{
		TraceRow(1, "ann@contoso.com", "ben@contoso.com", Now.Add(-89*day)),
		TraceRow(2, "ann@contoso.com", "ben@contoso.com", Now.Add(-90*day)),             // the edge: kept
		TraceRow(3, "ann@contoso.com", "ben@contoso.com", Now.Add(-90*day-time.Second)), // gone
		TraceRow(4, "ann@contoso.com", "ben@contoso.com", Now.Add(-200*day)),            // gone
		TraceRow(5, "ann@contoso.com", "ben@contoso.com", Now.Add(-time.Hour)),
	}
	events := []store.TraceEvent{
		{MessageTraceId: ID(4, 3), RecipientAddress: "ben@contoso.com", Date: rows[2].Received, Event: "Receive"},
		{MessageTraceId: ID(4, 2), RecipientAddress: "ben@contoso.com", Date: rows[1].Received, Event: "Receive"},
	}
	wantErr(t, "AddTrace", s.AddTrace(ctx, rows, events), nil)
	want := []string{"5:ben@contoso.com", "1:ben@contoso.com", "2:ben@contoso.com"}
	same(t, "by time", findTraces(t, s, store.TraceQuery{}, 10), want)
	same(t, "by sender", findTraces(t, s, store.TraceQuery{Senders: []string{"ann@contoso.com"}}, 2), want)
	same(t, "by recipient, old start", findTraces(t, s, store.TraceQuery{Recipients: []string{"ben@contoso.com"}, Start: Now.Add(-300 * day)}, 10), want)
	same(t, "by message id", findTraces(t, s, store.TraceQuery{MessageIDs: []string{"<msg3@contoso.com>", "<msg4@contoso.com>"}}, 10), []string{})
	if evs, _ := s.TraceEvents(ctx, ID(4, 3), "ben@contoso.com"); len(evs) != 0 {
		t.Errorf("events of an expired row: %+v", evs)
	}
	if evs, _ := s.TraceEvents(ctx, ID(4, 2), "ben@contoso.com"); len(evs) != 1 {
		t.Errorf("events of the edge row: %+v", evs)
	}
	_, err := s.UpdateTraceStatus(ctx, rows[2], store.TraceFailed, nil)
	wantErr(t, "update of an expired row", err, store.ErrNotFound)
	wantErr(t, "seed", s.SeedTraces(ctx, []store.TraceRow{TraceRow(6, "ann@contoso.com", "ben@contoso.com", Now.Add(-91*day)),
		TraceRow(7, "ann@contoso.com", "ben@contoso.com", Now.Add(-2*time.Hour))}, nil), nil)
	same(t, "after the seed", findTraces(t, s, store.TraceQuery{}, 10),
		[]string{"5:ben@contoso.com", "7:ben@contoso.com", "1:ben@contoso.com", "2:ben@contoso.com"})
}

func testTraceInvalid(t *testing.T, s store.Store) {
	good := TraceRow(1, "ann@contoso.com", "ben@contoso.com", Now.Add(-time.Hour))
	noID := good
	noID.MessageTraceId = store.ID{}
	noRecipient := good
	noRecipient.RecipientAddress = ""
	nul := good
	nul.SenderAddress = "ann\x00@contoso.com"
	old := good
	old.Received = time.Date(1960, 1, 1, 0, 0, 0, 0, time.UTC)
	for what, r := range map[string]store.TraceRow{"no id": noID, "no recipient": noRecipient, "NUL": nul, "before 1970": old} {
		wantErr(t, what, s.AddTrace(ctx, []store.TraceRow{TraceRow(2, "a@x.com", "b@x.com", Now), r}, nil), store.ErrInvalid)
	}
	wantErr(t, "first write", s.AddTrace(ctx, []store.TraceRow{good}, nil), nil)
	again := good
	again.RecipientAddress = "BEN@contoso.com"
	wantErr(t, "again", s.AddTrace(ctx, []store.TraceRow{again}, nil), store.ErrExists)
	wantErr(t, "twice in one call", s.AddTrace(ctx, []store.TraceRow{TraceRow(3, "a@x.com", "b@x.com", Now), TraceRow(3, "a@x.com", "B@x.com", Now)}, nil), store.ErrExists)
	wantErr(t, "seed duplicate", s.SeedTraces(ctx, []store.TraceRow{good}, nil), store.ErrExists)
	same(t, "rejected calls wrote nothing", findTraces(t, s, store.TraceQuery{}, 10), []string{"1:ben@contoso.com"})
	for _, c := range []store.Cursor{"zz", "00ff"} {
		_, _, err := s.FindTraces(ctx, store.TraceQuery{After: c})
		wantErr(t, "bad cursor "+string(c), err, store.ErrInvalid)
	}
	_, _, err := s.FindTraces(ctx, store.TraceQuery{Senders: []string{"a\x00"}})
	wantErr(t, "NUL in query", err, store.ErrInvalid)
}
