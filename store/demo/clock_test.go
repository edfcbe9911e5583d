package demo_test

import (
	"context"
	"testing"
	"time"

	"github.com/exosh/exosh/store"
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
