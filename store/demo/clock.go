package demo

import (
	"context"
	"sync"
	"time"

	"github.com/exosh/exosh/store"
)

// BaseClock is the real time source a tenant clock follows (shell.Clock without the
// import).
type BaseClock interface{ Now() time.Time }

// Clock is the tenant's virtual clock: the base clock moved or pinned by the tenant's
// persisted ClockSetting (Set-SimClock). The setting is read from the store on first use
// and again on the first use after Refresh (the shell refreshes before each statement, so
// another process's Set-SimClock is seen by the next statement); in between it is kept
// up to date by SetSetting, so reading the time costs no store call.
type Clock struct {
	base BaseClock
	st   store.Settings

	mu      sync.Mutex
	loaded  bool
	loading bool
	setting store.ClockSetting
}

// NewClock returns the tenant clock of st over base.
func NewClock(base BaseClock, st store.Settings) *Clock { return &Clock{base: base, st: st} }

// Now returns the tenant time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	if !c.loaded && !c.loading && c.st != nil {
		// The store may ask this clock for the time while it answers; loading makes that
		// nested call see the base time instead of recursing.
		c.loading = true
		c.mu.Unlock()
		t, err := c.st.Tenant(context.Background())
		c.mu.Lock()
		c.loading = false
		if err == nil {
			c.setting = t.Clock
		}
		c.loaded = true
	}
	s := c.setting
	c.mu.Unlock()
	return s.Now(c.base.Now())
}

// Attach gives the clock its tenant store, for a clock made with a nil store. The store
// wants its clock when it is opened (retention and snapshot times follow the tenant
// clock) and the tenant clock wants the store, so a program makes the clock first,
// opens the store with it and then attaches the store. The setting is read again on
// the next Now.
func (c *Clock) Attach(st store.Settings) {
	c.mu.Lock()
	c.st, c.loaded = st, false
	c.mu.Unlock()
}

// Refresh makes the next Now read the tenant's setting again, which another process
// sharing the tenant may have changed.
func (c *Clock) Refresh() {
	c.mu.Lock()
	c.loaded = false
	c.mu.Unlock()
}

// Sleep waits d on the base clock when the base can wait (Start-Sleep asks the session
// clock to sleep), so a tenant clock over the real clock keeps Start-Sleep working. A
// base that cannot sleep (a fixed test clock) returns at once.
func (c *Clock) Sleep(ctx context.Context, d time.Duration) error {
	if s, ok := c.base.(interface {
		Sleep(ctx context.Context, d time.Duration) error
	}); ok {
		return s.Sleep(ctx, d)
	}
	return ctx.Err()
}

// Base returns the time of the underlying clock.
func (c *Clock) Base() time.Time { return c.base.Now() }

// SetSetting replaces the cached setting after the tenant's setting was changed (by
// Set-SimClock, a snapshot restore or a reset).
func (c *Clock) SetSetting(s store.ClockSetting) {
	c.mu.Lock()
	c.setting, c.loaded = s, true
	c.mu.Unlock()
}

// Setting returns the cached setting.
func (c *Clock) Setting() store.ClockSetting {
	c.Now()
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.setting
}
