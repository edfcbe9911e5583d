package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/exosh/exosh/store"
)

func TestStateDir(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		t.Skip("the table below spells the Unix data directory")
	}
	file := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		flag string
		env  map[string]string
		want string
		err  string
	}{
		{name: "flag wins", flag: "/s/flag", env: map[string]string{envStateDir: "/s/env"}, want: "/s/flag"},
		{name: "env", env: map[string]string{envStateDir: "/s/env", "HOME": "/h"}, want: "/s/env"},
		{name: "xdg", env: map[string]string{"XDG_DATA_HOME": "/x", "HOME": "/h"}, want: "/x/exosh"},
		{name: "relative xdg ignored", env: map[string]string{"XDG_DATA_HOME": "x", "HOME": "/h"}, want: "/h/.local/share/exosh"},
		{name: "home", env: map[string]string{"HOME": "/h"}, want: "/h/.local/share/exosh"},
		{name: "nowhere", env: map[string]string{}, err: "Cannot find a per-user data directory"},
		{name: "not a directory", flag: file, err: "is not a directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lookup := func(k string) (string, bool) { v, ok := tt.env[k]; return v, ok }
			got, err := stateDir(options{stateDir: tt.flag}, lookup)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("stateDir = %q, %v; want error containing %q", got, err, tt.err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("stateDir = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

// TestOpenStoreKeepsState checks the wiring of the state directory: what one process
// writes, the next one opened on the same directory reads, and -InMemory keeps nothing.
func TestOpenStoreKeepsState(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "state")
	lookup := func(k string) (string, bool) {
		if k == envStateDir {
			return dir, true
		}
		return "", false
	}
	clk := pinnedClock{t: time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)}
	write := func(o options, name string) {
		t.Helper()
		st, err := openStore(o, clk, lookup)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		if _, err := st.UpdateTenant(ctx, func(tn *store.Tenant) error { tn.Name = name; return nil }); err != nil {
			t.Fatal(err)
		}
	}
	read := func(o options) string {
		t.Helper()
		st, err := openStore(o, clk, lookup)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		tn, err := st.Tenant(ctx)
		if errors.Is(err, store.ErrNotFound) {
			return ""
		}
		if err != nil {
			t.Fatal(err)
		}
		return tn.Name
	}
	write(options{}, "contoso")
	if got := read(options{}); got != "contoso" {
		t.Errorf("tenant after reopening = %q, want contoso", got)
	}
	if _, err := os.Stat(dir); err != nil {
		t.Errorf("state directory from %s: %v", envStateDir, err)
	}
	write(options{inMemory: true}, "fabrikam")
	if got := read(options{inMemory: true}); got != "" {
		t.Errorf("-InMemory kept %q across processes", got)
	}
	if got := read(options{}); got != "contoso" {
		t.Errorf("-InMemory changed the state directory: %q", got)
	}
}
