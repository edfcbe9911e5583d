package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"

	"github.com/exosh/exosh/shell"
)

// profilePath is the user's profile script: profile.ps1 in exosh's directory under the
// per-user configuration directory. "" when there is no such directory.
func profilePath(lookup func(string) (string, bool)) string {
	get := func(k string) string { v, _ := lookup(k); return v }
	if runtime.GOOS == "windows" {
		if d := get("APPDATA"); d != "" {
			return filepath.Join(d, "exosh", "profile.ps1")
		}
		return ""
	}
	if d := get("XDG_CONFIG_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "exosh", "profile.ps1")
	}
	if h := get("HOME"); h != "" {
		return filepath.Join(h, ".config", "exosh", "profile.ps1")
	}
	return ""
}

// loadProfile sets $PROFILE and, unless -NoProfile, runs the profile script in the
// global scope (dot-sourced, as pwsh runs profiles) when it exists. Its errors are
// printed and the shell goes on; an `exit` in it ends the process, as in pwsh.
func loadProfile(ctx context.Context, sess *shell.Session, path string, run bool) (code int, exited bool) {
	sess.SetVariable("PROFILE", path)
	if !run || path == "" {
		return 0, false
	}
	text, err := os.ReadFile(path)
	if err != nil {
		return 0, false // no profile is the usual case
	}
	err = sess.Run(ctx, shell.Source{Name: path, Text: decodeScript(text)})
	var ee *shell.ExitError
	if errors.As(err, &ee) {
		return ee.Code, true
	}
	return 0, false
}
