package main

import (
	"testing"
	"time"

	"github.com/exosh/exosh/store/demo"
)

func TestClockFromEnv(t *testing.T) {
	lookup := func(v string, set bool) func(string) (string, bool) {
		return func(k string) (string, bool) {
			if k == envNow && set {
				return v, true
			}
			return "", false
		}
	}
	c, err := clockFromEnv(lookup("", false))
	tc, ok := c.(*demo.Clock)
	if err != nil || !ok {
		t.Fatalf("unset EXOSH_NOW: got %#v, %v; want the tenant clock", c, err)
	}
	// With no tenant attached yet, the tenant clock follows the real clock.
	if d := tc.Now().Sub(time.Now()); d < -time.Minute || d > time.Minute {
		t.Fatalf("tenant clock over the real clock is off by %v", d)
	}
	c, err = clockFromEnv(lookup("2025-03-01T12:00:00Z", true))
	if err != nil {
		t.Fatal(err)
	}
	want := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	for range 2 { // pinned: asking twice gives the same instant
		if got := c.Now(); !got.Equal(want) {
			t.Fatalf("Now() = %v, want %v", got, want)
		}
	}
	c, err = clockFromEnv(lookup("2025-03-01T12:00:00.5+02:00", true))
	if err != nil || !c.Now().Equal(time.Date(2025, 3, 1, 10, 0, 0, 5e8, time.UTC)) {
		t.Fatalf("offset time: got %v, %v", c, err)
	}
	_, err = clockFromEnv(lookup("yesterday", true))
	const msg = "Cannot process the command because EXOSH_NOW 'yesterday' is not an RFC 3339 time such as 2025-03-01T12:00:00Z."
	if err == nil || err.Error() != msg {
		t.Fatalf("bad EXOSH_NOW: got %v, want %q", err, msg)
	}
}
