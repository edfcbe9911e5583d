package main

import (
	"context"
	"fmt"
	"time"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/store/demo"
)

// envNow names the variable that pins the session clock to one instant.
const envNow = "EXOSH_NOW"

// realClock reads the system time. This is the only place in exosh that calls time.Now;
// everything else asks the session's clock.
type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

// Sleep waits d of real time, or until ctx is cancelled (Ctrl-C): Start-Sleep asks the
// session clock to sleep, and only the real clock really waits.
func (realClock) Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// pinnedClock always answers the same instant, so that a run is reproducible.
type pinnedClock struct{ t time.Time }

func (c pinnedClock) Now() time.Time { return c.t }

// clockFromEnv returns the session clock: the tenant's virtual clock over the real clock
// (moved or pinned by Set-SimClock, persisted in the tenant; attach the store to it once
// opened), or, when EXOSH_NOW is set, that time for this process alone. A value that is
// not an RFC 3339 time is a usage error.
func clockFromEnv(lookup func(string) (string, bool)) (shell.Clock, error) {
	v, ok := lookup(envNow)
	if !ok || v == "" {
		return demo.NewClock(realClock{}, nil), nil
	}
	t, err := time.Parse(time.RFC3339Nano, v)
	if err != nil {
		return nil, fmt.Errorf("Cannot process the command because %s '%s' is not an RFC 3339 time such as 2025-03-01T12:00:00Z.", envNow, v)
	}
	return pinnedClock{t: t}, nil
}
