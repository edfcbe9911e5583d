package demo_test

import (
	"context"
	"testing"
	"time"

	"github.com/exosh/exosh/store"
	"github.com/exosh/exosh/store/badgerstore"
	"github.com/exosh/exosh/store/demo"
)

type fixed struct{ t time.Time }

func (f fixed) Now() time.Time { return f.t }

// TestClock checks that the tenant clock follows the persisted setting, read once, and
// takes new settings without a store call.
func TestClock(t *testing.T) {
	ctx := context.Background()
	st := open(t)
	real := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	pinned := time.Date(2024, 12, 24, 18, 0, 0, 0, time.UTC)
	if _, err := st.UpdateTenant(ctx, func(x *store.Tenant) error {
		x.Clock = store.ClockSetting{Mode: store.ClockPinned, Pinned: pinned}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	c := demo.NewClock(fixed{real}, st)
	if got := c.Now(); !got.Equal(pinned) {
		t.Fatalf("pinned clock = %v, want %v", got, pinned)
	}
	c.SetSetting(store.ClockSetting{Mode: store.ClockOffset, Offset: 48 * time.Hour})
	if got := c.Now(); !got.Equal(real.Add(48 * time.Hour)) {
		t.Fatalf("offset clock = %v", got)
	}
	if got := c.Base(); !got.Equal(real) {
		t.Fatalf("base = %v", got)
	}
	// A store without a tenant leaves the clock on the real time.
	empty := demo.NewClock(fixed{real}, open(t))
	if got := empty.Now(); !got.Equal(real) {
		t.Fatalf("clock of an empty store = %v", got)
	}
}

// TestClockRefresh checks that a setting another process wrote (straight to the store,
// not through this clock) is seen only after Refresh.
func TestClockRefresh(t *testing.T) {
	ctx := context.Background()
	st := open(t)
	real := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	c := demo.NewClock(fixed{real}, st)
	if got := c.Now(); !got.Equal(real) {
		t.Fatalf("clock = %v, want the real time", got)
	}
	pinned := time.Date(2024, 12, 24, 18, 0, 0, 0, time.UTC)
	if _, err := st.UpdateTenant(ctx, func(x *store.Tenant) error {
		x.Clock = store.ClockSetting{Mode: store.ClockPinned, Pinned: pinned}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if got := c.Now(); !got.Equal(real) {
		t.Fatalf("clock before Refresh = %v, want the cached real time", got)
	}
	c.Refresh()
	if got := c.Now(); !got.Equal(pinned) {
		t.Fatalf("clock after Refresh = %v, want %v", got, pinned)
	}
}

// TestRetentionFollowsTenantClock runs a store on the tenant clock, attached after the
// store opened as a program does: moving the clock with the tenant's setting (what
// Set-SimClock writes) expires audit records, and releasing it brings them back into
// view.
func TestRetentionFollowsTenantClock(t *testing.T) {
	ctx := context.Background()
	real := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	clk := demo.NewClock(fixed{real}, nil)
	st, err := badgerstore.Open(t.TempDir(), badgerstore.WithClock(clk))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	clk.Attach(st)
	if _, err := demo.Ensure(ctx, st); err != nil {
		t.Fatal(err)
	}
	mb, err := st.Recipient(ctx, "Florence Flipo", store.ClassMailbox)
	if err != nil {
		t.Fatal(err)
	}
	rec := store.AuditRecord{ID: store.ID{1}, Mailbox: mb.Guid, Created: real.Add(-time.Hour),
		Operation: "Update", OperationResult: "Succeeded", LogonType: "Owner"}
	if err := st.AddAudit(ctx, []store.AuditRecord{rec}); err != nil {
		t.Fatal(err)
	}
	count := func() int {
		t.Helper()
		rs, _, err := st.FindAudit(ctx, store.AuditQuery{Mailboxes: []store.ID{mb.Guid}})
		if err != nil {
			t.Fatal(err)
		}
		return len(rs)
	}
	if n := count(); n != 1 {
		t.Fatalf("before moving the clock: %d records", n)
	}
	set := func(s store.ClockSetting) {
		t.Helper()
		nt, err := st.UpdateTenant(ctx, func(x *store.Tenant) error { x.Clock = s; return nil })
		if err != nil {
			t.Fatal(err)
		}
		clk.SetSetting(nt.Clock)
	}
	set(store.ClockSetting{Mode: store.ClockOffset, Offset: store.DefaultAuditLogAgeLimit + time.Hour})
	if n := count(); n != 0 {
		t.Errorf("past the mailbox's AuditLogAgeLimit: %d records", n)
	}
	// A second process reads the setting from the tenant.
	other := demo.NewClock(fixed{real}, st)
	if got := other.Now(); !got.Equal(real.Add(store.DefaultAuditLogAgeLimit + time.Hour)) {
		t.Errorf("another clock on the tenant reads %v", got)
	}
	set(store.ClockSetting{Mode: store.ClockReal})
	if n := count(); n != 1 {
		t.Errorf("back on the real time: %d records", n)
	}
}
