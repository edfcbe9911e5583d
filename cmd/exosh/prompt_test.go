package main

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/exosh/exosh/store"
	"github.com/exosh/exosh/store/badgerstore"
	"github.com/exosh/exosh/store/demo"
)

func TestPrompt(t *testing.T) {
	base := pinnedClock{t: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
	st, err := badgerstore.Open("", badgerstore.InMemory(), badgerstore.WithClock(base))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	clk := demo.NewClock(base, st)
	prompt := promptFunc(st, clk)
	if got := prompt(); got != "PS contoso> " {
		t.Errorf("prompt = %q, want %q", got, "PS contoso> ")
	}
	clk.SetSetting(store.ClockSetting{Mode: store.ClockPinned, Pinned: time.Date(2025, 12, 24, 18, 30, 0, 0, time.UTC)})
	if got, want := prompt(), "PS contoso [2025-12-24 18:30 UTC]> "; got != want {
		t.Errorf("pinned prompt = %q, want %q", got, want)
	}
	// The process clock of EXOSH_NOW is no tenant clock: the prompt names the tenant only.
	if got := promptFunc(st, base)(); got != "PS contoso> " {
		t.Errorf("prompt = %q", got)
	}
}

func TestHistoryFile(t *testing.T) {
	lookup := func(k string) (string, bool) {
		if k == envStateDir {
			return "/srv/tenant", true
		}
		return "", false
	}
	if got, want := historyFile(options{}, lookup), filepath.Join("/srv/tenant", "history.txt"); got != want {
		t.Errorf("historyFile = %q", got)
	}
	if got := historyFile(options{inMemory: true}, lookup); got != "" {
		t.Errorf("in-memory historyFile = %q, want none", got)
	}
}
