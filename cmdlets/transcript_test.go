package cmdlets_test

import (
	"testing"
	"time"

	"github.com/exosh/exosh/cmdlets"
	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/shelltest"
	"github.com/exosh/exosh/store/badgerstore"
	"github.com/exosh/exosh/store/demo"
)

// TestTranscripts runs every testdata/*.txtar session against the full cmdlet table and a
// fresh in-memory demo tenant whose clock starts at the transcript's `clock` directive.
// Regenerate the expected output with `go test ./cmdlets -run TestTranscripts -update`.
func TestTranscripts(t *testing.T) {
	shelltest.Run(t, "testdata", cmdlets.All(), tenant)
}

// tenant gives a transcript its own in-memory tenant, the tenant clock over the transcript
// clock, and the default views.
func tenant(t *testing.T, env shelltest.Env) []shell.Option {
	// As in main: the store's retention follows the tenant clock, which reads its setting
	// from the store once attached.
	clk := demo.NewClock(baseClock(env.Clock), nil)
	st, err := badgerstore.Open("", badgerstore.InMemory(), badgerstore.WithClock(clk))
	if err != nil {
		t.Fatal(err)
	}
	clk.Attach(st)
	t.Cleanup(func() { st.Close() })
	return []shell.Option{
		shell.WithStore(st),
		shell.WithClock(clk),
		shell.WithViews(cmdlets.Views()...),
		shell.WithAccess(cmdlets.AccessPolicy()),
	}
}

// baseClock is the fixed clock beneath the tenant clock.
type baseClock time.Time

func (c baseClock) Now() time.Time { return time.Time(c) }
