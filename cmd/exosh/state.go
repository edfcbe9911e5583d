package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/store"
	"github.com/exosh/exosh/store/badgerstore"
)

// envStateDir names the variable giving the state directory when -StateDir is absent.
const envStateDir = "EXOSH_STATE_DIR"

// dataDir is the per-user directory exosh keeps its files in: the default state and the
// REPL history.
func dataDir(lookup func(string) (string, bool)) (string, error) {
	get := func(k string) string { v, _ := lookup(k); return v }
	switch runtime.GOOS {
	case "windows":
		if d := get("LOCALAPPDATA"); d != "" {
			return filepath.Join(d, "exosh"), nil
		}
	case "darwin":
		if h := get("HOME"); h != "" {
			return filepath.Join(h, "Library", "Application Support", "exosh"), nil
		}
	default:
		if d := get("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
			return filepath.Join(d, "exosh"), nil
		}
		if h := get("HOME"); h != "" {
			return filepath.Join(h, ".local", "share", "exosh"), nil
		}
	}
	return "", fmt.Errorf("Cannot find a per-user data directory for the tenant state; use -StateDir, -InMemory or %s.", envStateDir)
}

// stateDir picks the state directory: -StateDir, then EXOSH_STATE_DIR, then the per-user
// data directory. A path naming something other than a directory is refused.
func stateDir(o options, lookup func(string) (string, bool)) (string, error) {
	dir := o.stateDir
	if dir == "" {
		dir, _ = lookup(envStateDir)
	}
	if dir == "" {
		return dataDir(lookup)
	}
	if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
		return "", fmt.Errorf("Cannot process the command because the state directory '%s' is not a directory.", dir)
	}
	return dir, nil
}

// openStore prepares the tenant store. Badger itself opens on the first store call, so a
// command that never touches the tenant never opens (or locks) the state directory.
func openStore(o options, clk shell.Clock, lookup func(string) (string, bool)) (store.Store, error) {
	if o.inMemory {
		return badgerstore.Open("", badgerstore.InMemory(), badgerstore.WithClock(clk))
	}
	dir, err := stateDir(o, lookup)
	if err != nil {
		return nil, err
	}
	return badgerstore.Open(dir, badgerstore.WithClock(clk))
}
