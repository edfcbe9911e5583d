package shelltest

import (
	"testing"
	"time"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/store/badgerstore"
	"github.com/exosh/exosh/store/demo"
)

// fixedBase is a base clock standing still at one instant.
type fixedBase time.Time

func (c fixedBase) Now() time.Time { return time.Time(c) }

// Tenant opens a fresh in-memory tenant store for a test, wired as main wires the real one:
// the store's retention follows the tenant clock over a base clock fixed at now, and the
// tenant clock reads its setting (Set-SimClock) from the store. It returns the session
// options for both and the function that closes the store; callers that open many
// tenants in one test close each as soon as it is done.
func Tenant(t testing.TB, now time.Time) (opts []shell.Option, closeStore func()) {
	t.Helper()
	clk := demo.NewClock(fixedBase(now), nil)
	st, err := badgerstore.Open("", badgerstore.InMemory(), badgerstore.WithClock(clk))
	if err != nil {
		t.Fatal(err)
	}
	clk.Attach(st)
	return []shell.Option{shell.WithStore(st), shell.WithClock(clk)}, func() { st.Close() }
}
