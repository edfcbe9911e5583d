package main

import (
	"context"
	"os"
	"path/filepath"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/repl"
	"github.com/exosh/exosh/store"
	"github.com/exosh/exosh/store/demo"
)

// tenantName is the short name of the tenant the prompt and banner show ("contoso"). A
// state directory no Exchange cmdlet has touched yet holds no tenant record; the demo
// tenant is the one its first Exchange cmdlet will create.
func tenantName(st store.Store) string {
	t, err := st.Tenant(context.Background())
	if err != nil || t.Name == "" {
		return demo.NewTenant().Name
	}
	return t.Name
}

// promptFunc returns the primary prompt, `PS contoso> `, naming the tenant and, while
// the tenant clock is pinned, the pinned time, so that nobody forgets time stands still.
func promptFunc(st store.Store, clk shell.Clock) func() string {
	return func() string {
		p := "PS"
		if n := tenantName(st); n != "" {
			p += " " + n
		}
		if tc, ok := clk.(*demo.Clock); ok {
			tc.Refresh() // another process may have moved the tenant clock since
			if s := tc.Setting(); s.Mode == store.ClockPinned {
				p += " [" + s.Pinned.UTC().Format("2006-01-02 15:04") + " UTC]"
			}
		}
		return p + "> "
	}
}

// historyFile is where the REPL keeps the inputs of one tenant: beside its state, so
// each state directory has its own history. An in-memory tenant keeps none.
func historyFile(o options, lookup func(string) (string, bool)) string {
	if o.inMemory {
		return ""
	}
	dir, err := stateDir(o, lookup)
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "history.txt")
}

// loadHistory reads the tenant's history; one that cannot be read starts empty rather
// than keeping the shell from starting.
func loadHistory(o options) *repl.History {
	h, err := repl.LoadHistory(historyFile(o, os.LookupEnv))
	if err != nil {
		h, _ = repl.LoadHistory("")
	}
	return h
}
