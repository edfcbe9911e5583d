package storetest

import (
	"fmt"
	"testing"
	"time"

	"github.com/exosh/exosh/store"
)

func auditSearchTests() []test {
	return []test{
		{"AuditSearchLifecycle", testAuditSearchLifecycle},
		{"AuditSearchListing", testAuditSearchListing},
		{"AuditSearchSnapshotAndReset", testAuditSearchSnapshot},
	}
}

// auditSearches returns the store's audit search family or skips the test for stores
// that keep none.
func auditSearches(t *testing.T, s store.Store) store.AuditSearches {
	t.Helper()
	as, ok := s.(store.AuditSearches)
	if !ok {
		t.Skip("store keeps no audit log searches")
	}
	return as
}

// AuditSearch returns audit log search n, created at the given time: a mailbox audit
// search of two mailboxes over the week before creation.
func AuditSearch(n int, created time.Time) store.AuditLogSearch {
	yes := true
	return store.AuditLogSearch{
		Identity:             ID(6, n),
		Type:                 store.AuditSearchMailbox,
		Name:                 fmt.Sprintf("Search %d", n),
		CreationTime:         created,
		StartDateUtc:         created.Add(-7 * 24 * time.Hour),
		EndDateUtc:           created,
		StatusMailRecipients: []string{"admin@" + Domain},
		CreatedBy:            "admin@" + Domain,
		ExternalAccess:       &yes,
		Mailboxes:            []string{"Ann", "Bob"},
		LogonTypes:           []string{"Admin", "Delegate"},
		QueryComplexity:      "Low",
	}
}

func searchIdentities(as []store.AuditLogSearch) []store.ID {
	out := []store.ID{}
	for _, a := range as {
		out = append(out, a.Identity)
	}
	return out
}

func testAuditSearchLifecycle(t *testing.T, s store.Store) {
	as := auditSearches(t, s)
	a := AuditSearch(1, Now.Add(-time.Hour))
	wantErr(t, "create", as.CreateAuditSearch(ctx, a), nil)
	got, err := as.AuditSearch(ctx, ID(6, 1))
	wantErr(t, "read", err, nil)
	same(t, "search read back", got, a)
	wantErr(t, "create again", as.CreateAuditSearch(ctx, a), store.ErrExists)
	_, err = as.AuditSearch(ctx, ID(6, 2))
	wantErr(t, "unknown search", err, store.ErrNotFound)
	wantErr(t, "no Identity", as.CreateAuditSearch(ctx, store.AuditLogSearch{CreationTime: Now}), store.ErrInvalid)
	wantErr(t, "no CreationTime", as.CreateAuditSearch(ctx, store.AuditLogSearch{Identity: ID(6, 3)}), store.ErrInvalid)
	wantErr(t, "before 1970", as.CreateAuditSearch(ctx, AuditSearch(4, time.Date(1969, 1, 1, 0, 0, 0, 0, time.UTC))), store.ErrInvalid)
	// Times are kept in UTC to the microsecond, whatever zone they were given in.
	local := AuditSearch(5, Now.In(time.FixedZone("X", 3600)).Add(1500*time.Nanosecond))
	wantErr(t, "create in another zone", as.CreateAuditSearch(ctx, local), nil)
	got, _ = as.AuditSearch(ctx, ID(6, 5))
	if !got.CreationTime.Equal(Now.Add(time.Microsecond)) || got.CreationTime.Location() != time.UTC {
		t.Errorf("CreationTime read back as %v", got.CreationTime)
	}
}

func testAuditSearchListing(t *testing.T, s store.Store) {
	as := auditSearches(t, s)
	created := map[int]time.Time{
		1: Now.Add(-30 * 24 * time.Hour), // old searches are kept: the cmdlets decide
		2: Now.Add(-2 * time.Hour),
		3: Now.Add(-time.Hour),
		4: Now.Add(-time.Hour), // same instant as 3: ordered by Identity, newest first
		5: Now,
	}
	for _, n := range []int{3, 1, 5, 2, 4} {
		wantErr(t, fmt.Sprint("create ", n), as.CreateAuditSearch(ctx, AuditSearch(n, created[n])), nil)
	}
	list := func(after, before time.Time) []store.ID {
		t.Helper()
		got, err := as.ListAuditSearches(ctx, after, before)
		wantErr(t, "list", err, nil)
		return searchIdentities(got)
	}
	ids := func(ns ...int) []store.ID {
		out := []store.ID{}
		for _, n := range ns {
			out = append(out, ID(6, n))
		}
		return out
	}
	var zero time.Time
	same(t, "all, newest first", list(zero, zero), ids(5, 4, 3, 2, 1))
	// after is inclusive, before exclusive.
	same(t, "after", list(Now.Add(-time.Hour), zero), ids(5, 4, 3))
	same(t, "before", list(zero, Now.Add(-time.Hour)), ids(2, 1))
	same(t, "between", list(Now.Add(-3*time.Hour), Now), ids(4, 3, 2))
	same(t, "empty window", list(Now, Now), ids())
	same(t, "before 1970", list(zero, time.Date(1960, 1, 1, 0, 0, 0, 0, time.UTC)), ids())
}

// testAuditSearchSnapshot checks that a snapshot restores the audit searches exactly and
// that a reset removes them.
func testAuditSearchSnapshot(t *testing.T, s store.Store) {
	as := auditSearches(t, s)
	for n := 1; n <= 3; n++ {
		wantErr(t, "create", as.CreateAuditSearch(ctx, AuditSearch(n, Now.Add(time.Duration(n)*time.Minute))), nil)
	}
	before, err := as.ListAuditSearches(ctx, time.Time{}, time.Time{})
	wantErr(t, "list", err, nil)
	_, err = s.SaveSnapshot(ctx, "searches", false)
	wantErr(t, "save", err, nil)
	wantErr(t, "create after save", as.CreateAuditSearch(ctx, AuditSearch(4, Now)), nil)
	wantErr(t, "restore", s.RestoreSnapshot(ctx, "searches"), nil)
	after, err := as.ListAuditSearches(ctx, time.Time{}, time.Time{})
	wantErr(t, "list after restore", err, nil)
	same(t, "restored searches", after, before)
	_, err = as.AuditSearch(ctx, ID(6, 4))
	wantErr(t, "search made after the snapshot", err, store.ErrNotFound)
	wantErr(t, "reset", s.Reset(ctx), nil)
	after, err = as.ListAuditSearches(ctx, time.Time{}, time.Time{})
	wantErr(t, "list after reset", err, nil)
	same(t, "after reset", searchIdentities(after), []store.ID{})
}
