package storetest

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/exosh/exosh/store"
)

// Now is the instant the store's clock must show while the suite runs: stores under
// test are opened with a clock pinned to it. Retention tests write records relative to it.
var Now = fixedTime

func auditTests() []test {
	return []test{
		{"AuditPathsAndFilters", testAuditPaths},
		{"AuditRetention", testAuditRetention},
		{"AuditInvalid", testAuditInvalid},
		{"AuditLoad", testAuditLoad},
	}
}

// AuditRecord returns audit record number n of a mailbox: an owner's Update of an item
// by the mailbox's user, at the given time.
func AuditRecord(n int, mailbox store.ID, created time.Time) store.AuditRecord {
	return store.AuditRecord{
		ID:              ID(3, n),
		Mailbox:         mailbox,
		Created:         created,
		Operation:       "Update",
		OperationResult: "Succeeded",
		LogonType:       "Owner",
		UserId:          fmt.Sprintf("user%d@%s", n%50, Domain),
		ClientIPAddress: "203.0.113.7",
		ItemSubject:     fmt.Sprintf("Item %d", n),
		FolderPathName:  `\Inbox`,
	}
}

// auditData is the varied audit log of testAuditPaths: three mailboxes, four users
// (written in mixed case), five operations, three logon types, pairs of records at the
// same instant (so the ID breaks ties).
func auditData() []store.AuditRecord {
	users := []string{"ann@contoso.com", "BEN@contoso.com", "cat@contoso.com", "Ann@Contoso.com"}
	ops := []string{"Update", "SoftDelete", "HardDelete", "SendAs", "MailboxLogin"}
	logons := []string{"Owner", "Delegate", "Admin"}
	var recs []store.AuditRecord
	for n := 1; n <= 40; n++ {
		r := AuditRecord(n, ID(0, 1+n%3), Now.Add(-time.Duration(n/2)*5*time.Hour))
		r.UserId, r.Operation, r.LogonType = users[n%4], ops[n%5], logons[n%3]
		r.ExternalAccess = n%7 == 0
		recs = append(recs, r)
	}
	return recs
}

// wantAudit filters and orders recs as the store must: the reference for every query.
func wantAudit(recs []store.AuditRecord, q store.AuditQuery) []store.ID {
	fold := func(list []string, v string) bool { return anyMatch(list, v, strings.EqualFold) }
	var keep []store.AuditRecord
	for _, r := range recs {
		mb := len(q.Mailboxes) == 0
		for _, m := range q.Mailboxes {
			mb = mb || m == r.Mailbox
		}
		ok := mb && fold(q.Users, r.UserId) && fold(q.Operations, r.Operation) && fold(q.LogonTypes, r.LogonType) &&
			(q.ExternalAccess == nil || *q.ExternalAccess == r.ExternalAccess) &&
			(q.Start.IsZero() || !r.Created.Before(q.Start)) && (q.End.IsZero() || r.Created.Before(q.End))
		if ok {
			keep = append(keep, r)
		}
	}
	sort.Slice(keep, func(i, j int) bool {
		if !keep[i].Created.Equal(keep[j].Created) {
			return keep[i].Created.After(keep[j].Created)
		}
		return string(keep[i].ID[:]) > string(keep[j].ID[:])
	})
	out := []store.ID{}
	for _, r := range keep {
		out = append(out, r.ID)
	}
	return out
}

// findAudit pages through an audit query with the given page size and returns the IDs.
func findAudit(t *testing.T, s store.Store, q store.AuditQuery, page int) []store.ID {
	t.Helper()
	q.Limit = page
	return pageAll(t, "FindAudit", page, func(after store.Cursor) ([]store.AuditRecord, store.Cursor, error) {
		q.After = after
		return s.FindAudit(ctx, q)
	}, func(r store.AuditRecord) store.ID { return r.ID })
}

func testAuditPaths(t *testing.T, s store.Store) {
	for i := 1; i <= 3; i++ {
		create(t, s, Mailbox(i, fmt.Sprintf("box%d", i)))
	}
	recs := auditData()
	wantErr(t, "AddAudit", s.AddAudit(ctx, recs[:25]), nil)
	wantErr(t, "AddAudit more", s.AddAudit(ctx, recs[25:]), nil)
	yes, no := true, false
	cases := []struct {
		what string
		q    store.AuditQuery
	}{
		{"everything", store.AuditQuery{}},
		{"one mailbox", store.AuditQuery{Mailboxes: []store.ID{ID(0, 2)}}},
		{"two mailboxes", store.AuditQuery{Mailboxes: []store.ID{ID(0, 1), ID(0, 3), ID(0, 1)}}},
		{"unknown mailbox", store.AuditQuery{Mailboxes: []store.ID{ID(0, 9)}}},
		{"user any case", store.AuditQuery{Users: []string{"ANN@contoso.COM"}}},
		{"two users", store.AuditQuery{Users: []string{"ben@contoso.com", "cat@contoso.com"}}},
		{"operations", store.AuditQuery{Operations: []string{"softdelete", "HardDelete"}}},
		{"mailbox and operation", store.AuditQuery{Mailboxes: []store.ID{ID(0, 1)}, Operations: []string{"Update", "SendAs"}}},
		{"user and operation", store.AuditQuery{Users: []string{"ann@contoso.com"}, Operations: []string{"MailboxLogin"}}},
		{"logon types", store.AuditQuery{LogonTypes: []string{"delegate", "Admin"}}},
		{"external", store.AuditQuery{ExternalAccess: &yes}},
		{"not external", store.AuditQuery{ExternalAccess: &no, Mailboxes: []store.ID{ID(0, 2)}}},
		{"window, end exclusive", store.AuditQuery{Start: Now.Add(-60 * time.Hour), End: Now.Add(-20 * time.Hour)}},
		{"window on a path", store.AuditQuery{Users: []string{"cat@contoso.com"}, Start: Now.Add(-50 * time.Hour)}},
		{"only end", store.AuditQuery{Operations: []string{"Update"}, End: Now.Add(-30 * time.Hour)}},
		{"empty window", store.AuditQuery{Start: Now.Add(-10 * time.Hour), End: Now.Add(-10 * time.Hour)}},
	}
	for _, c := range cases {
		want := wantAudit(recs, c.q)
		for _, page := range []int{1000, 1, 4} {
			same(t, fmt.Sprintf("%s (pages of %d)", c.what, page), findAudit(t, s, c.q, page), want)
		}
	}
	// Records come back as written, with the expiry the store gave them.
	got, _, err := s.FindAudit(ctx, store.AuditQuery{Mailboxes: []store.ID{ID(0, 2)}, Limit: 1})
	wantErr(t, "FindAudit", err, nil)
	want := recs[0] // n = 1: the newest record of mailbox 2
	want.Expires = want.Created.Add(store.DefaultAuditLogAgeLimit)
	if len(got) != 1 {
		t.Fatalf("newest record of box2: %v", got)
	}
	same(t, "record read back", got[0], want)
	// The cursor stays valid when newer records arrive between pages.
	q := store.AuditQuery{Limit: 10}
	first, next, err := s.FindAudit(ctx, q)
	wantErr(t, "page 1", err, nil)
	wantErr(t, "newer record", s.AddAudit(ctx, []store.AuditRecord{AuditRecord(99, ID(0, 1), Now.Add(-time.Minute))}), nil)
	q.After, q.Limit = next, 1000
	rest, _, err := s.FindAudit(ctx, q)
	wantErr(t, "page 2", err, nil)
	var ids []store.ID
	for _, r := range append(first, rest...) {
		ids = append(ids, r.ID)
	}
	same(t, "pages around a new record", ids, wantAudit(recs, store.AuditQuery{}))
}

func testAuditRetention(t *testing.T, s store.Store) {
	short := Mailbox(2, "short")
	short.AuditLogAgeLimit = 30 * 24 * time.Hour
	create(t, s, Mailbox(1, "plain"), short)
	day := 24 * time.Hour
	recs := []store.AuditRecord{
		AuditRecord(1, ID(0, 1), Now.Add(-89*day)),             // default 90 days: visible
		AuditRecord(2, ID(0, 1), Now.Add(-90*day)),             // expires now: still visible
		AuditRecord(9, ID(0, 1), Now.Add(-90*day-time.Second)), // gone
		AuditRecord(3, ID(0, 2), Now.Add(-29*day)),             // 30 days: visible
		AuditRecord(4, ID(0, 2), Now.Add(-31*day)),             // gone
		AuditRecord(5, ID(0, 7), Now.Add(-60*day)),             // unknown mailbox: default limit
		AuditRecord(6, ID(0, 1), Now.Add(-day)),                // visible
		AuditRecord(7, ID(0, 1), Now.Add(-95*day+time.Hour)),   // gone
	}
	custom := AuditRecord(8, ID(0, 1), Now.Add(-2*day))
	custom.Expires = Now.Add(-day) // the caller's expiry wins: already gone
	recs = append(recs, custom)
	wantErr(t, "AddAudit", s.AddAudit(ctx, recs), nil)
	same(t, "visible", findAudit(t, s, store.AuditQuery{}, 100), []store.ID{ID(3, 6), ID(3, 3), ID(3, 5), ID(3, 1), ID(3, 2)})
	got, _, err := s.FindAudit(ctx, store.AuditQuery{Mailboxes: []store.ID{ID(0, 2)}})
	if err != nil || len(got) != 1 || !got[0].Expires.Equal(Now.Add(day)) {
		t.Errorf("record of the 30-day mailbox: %+v, %v", got, err)
	}
	// Changing the limit affects only records written afterwards.
	update(t, s, ID(0, 1), func(r *store.Recipient) { r.AuditLogAgeLimit = 10 * day })
	wantErr(t, "AddAudit after change", s.AddAudit(ctx, []store.AuditRecord{
		AuditRecord(10, ID(0, 1), Now.Add(-20*day)), // gone under the new limit
		AuditRecord(11, ID(0, 1), Now.Add(-9*day)),
	}), nil)
	same(t, "after the change", findAudit(t, s, store.AuditQuery{Mailboxes: []store.ID{ID(0, 1)}}, 100),
		[]store.ID{ID(3, 6), ID(3, 11), ID(3, 1), ID(3, 2)})
	// The Audits folder counts what is visible.
	for _, c := range []struct {
		mailbox store.ID
		count   int
	}{{ID(0, 1), 4}, {ID(0, 2), 1}, {ID(0, 7), 1}, {ID(0, 9), 0}} {
		n, size, err := s.AuditStats(ctx, c.mailbox)
		if err != nil || n != c.count || (n > 0) != (size > 0) {
			t.Errorf("AuditStats(%s) = %d, %d, %v; want %d records", c.mailbox, n, size, err, c.count)
		}
	}
}

func testAuditInvalid(t *testing.T, s store.Store) {
	create(t, s, Mailbox(1, "ann"))
	good := AuditRecord(1, ID(0, 1), Now.Add(-time.Hour))
	noID := good
	noID.ID = store.ID{}
	noMailbox := good
	noMailbox.Mailbox = store.ID{}
	nul := good
	nul.Operation = "Up\x00date"
	old := good
	old.Created = time.Date(1969, 1, 1, 0, 0, 0, 0, time.UTC)
	for what, r := range map[string]store.AuditRecord{"no ID": noID, "no mailbox": noMailbox, "NUL": nul, "before 1970": old} {
		wantErr(t, what, s.AddAudit(ctx, []store.AuditRecord{AuditRecord(2, ID(0, 1), Now), r}), store.ErrInvalid)
	}
	wantErr(t, "first write", s.AddAudit(ctx, []store.AuditRecord{good}), nil)
	wantErr(t, "again", s.AddAudit(ctx, []store.AuditRecord{AuditRecord(3, ID(0, 1), Now), good}), store.ErrExists)
	dup := AuditRecord(4, ID(0, 1), Now)
	wantErr(t, "twice in one call", s.AddAudit(ctx, []store.AuditRecord{dup, dup}), store.ErrExists)
	same(t, "rejected calls wrote nothing", findAudit(t, s, store.AuditQuery{}, 10), []store.ID{ID(3, 1)})
	_, _, err := s.FindAudit(ctx, store.AuditQuery{After: "zz"})
	wantErr(t, "bad cursor", err, store.ErrInvalid)
	_, _, err = s.FindAudit(ctx, store.AuditQuery{Users: []string{"a\x00"}})
	wantErr(t, "NUL in query", err, store.ErrInvalid)
	wantErr(t, "seed duplicate", s.SeedAudit(ctx, []store.AuditRecord{good}), store.ErrExists)
	wantErr(t, "seed", s.SeedAudit(ctx, []store.AuditRecord{AuditRecord(5, ID(0, 1), Now.Add(-time.Minute))}), nil)
	same(t, "seeded", findAudit(t, s, store.AuditQuery{}, 10), []store.ID{ID(3, 5), ID(3, 1)})
}

// testAuditLoad checks LoadAudit: generated records load without lookups, a record
// loaded again replaces its copy (one entry, indexes intact: the suite verifies after the
// test), a record given twice in one call is refused whole, and invalid records are
// refused as by AddAudit.
func testAuditLoad(t *testing.T, s store.Store) {
	ctx := t.Context()
	var recs []store.AuditRecord
	for i := range 20 {
		recs = append(recs, AuditRecord(i, ID(0, i%3), Now.Add(-time.Duration(i)*time.Minute)))
	}
	wantErr(t, "load", s.LoadAudit(ctx, recs), nil)
	wantErr(t, "load again", s.LoadAudit(ctx, recs[:5]), nil)
	same(t, "loaded", findAudit(t, s, store.AuditQuery{Mailboxes: []store.ID{ID(0, 1)}}, 100),
		wantAudit(recs, store.AuditQuery{Mailboxes: []store.ID{ID(0, 1)}}))
	if n, _, err := s.AuditStats(ctx, ID(0, 0)); err != nil || n != 7 {
		t.Errorf("AuditStats after loading twice = %d, %v; want 7", n, err)
	}
	extra := AuditRecord(30, ID(0, 1), Now)
	wantErr(t, "twice in one call", s.LoadAudit(ctx, []store.AuditRecord{extra, extra}), store.ErrExists)
	bad := extra
	bad.Mailbox = store.ID{}
	wantErr(t, "no mailbox", s.LoadAudit(ctx, []store.AuditRecord{extra, bad}), store.ErrInvalid)
	same(t, "refused calls wrote nothing", findAudit(t, s, store.AuditQuery{Mailboxes: []store.ID{ID(0, 1)}}, 100),
		wantAudit(recs, store.AuditQuery{Mailboxes: []store.ID{ID(0, 1)}}))
}
