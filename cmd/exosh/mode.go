package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/repl"
)

// host is what the modes need besides the session: the process's streams, whether they
// are terminals, and the line reader shared by the prompt and Read-Host.
type host struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	stdinTTY       bool
	reader         repl.LineReader
	noLogo         bool
	prompt         func() string // the REPL's primary prompt
	tenant         func() string // the tenant's short name, for the banner
}

// runMode does what the command line asked for and returns the process exit code. main
// has already turned -Command - into modeCommand with the text of standard input.
func runMode(ctx context.Context, o options, sess *shell.Session, h host) int {
	code, done := 0, false
	switch o.mode {
	case modeCommand:
		err := sess.Run(ctx, shell.Source{Text: o.command})
		code = commandExit(err, sess)
		_, done = exitCode(err)
	case modeFile:
		code, done = runFile(ctx, o, sess, h)
	case modeFileStdin:
		code, done = runStdinScript(ctx, sess, h)
	case modeDefault:
		if !h.stdinTTY {
			code, done = runStdinScript(ctx, sess, h)
			break
		}
		return runREPL(ctx, sess, h, !h.noLogo)
	}
	if done || !o.noExit {
		return code
	}
	return runREPL(ctx, sess, h, false)
}

// runFile runs a script file with its arguments. done reports an `exit`, which ends the
// process even under -NoExit.
func runFile(ctx context.Context, o options, sess *shell.Session, h host) (code int, done bool) {
	path, err := filepath.Abs(o.file)
	if err != nil {
		return failed(h, err), true
	}
	text, err := os.ReadFile(path)
	if err != nil {
		return failed(h, err), true
	}
	// pwsh names a script by its full path in errors and $PSCommandPath.
	err = sess.RunScript(ctx, shell.Source{Name: path, Text: decodeScript(text), File: true}, o.fileArgs)
	return scriptExit(err)
}

// runStdinScript runs standard input as one script: a parse error anywhere runs
// nothing, and an uncaught terminating error ends it with exit code 1.
func runStdinScript(ctx context.Context, sess *shell.Session, h host) (code int, done bool) {
	text, err := io.ReadAll(h.stdin)
	if err != nil {
		return failed(h, err), true
	}
	return scriptExit(sess.Run(ctx, shell.Source{Text: decodeScript(text)}))
}

// runREPL runs the interactive loop until Ctrl-D or exit.
func runREPL(ctx context.Context, sess *shell.Session, h host, showBanner bool) int {
	loop := repl.Loop{Session: sess, Reader: h.reader, Out: h.stdout, Prompt: h.prompt}
	if showBanner {
		loop.Banner = banner()
		if h.tenant != nil {
			if n := h.tenant(); n != "" {
				loop.Banner += "; tenant " + n
			}
		}
	}
	code, err := loop.Run(ctx)
	if err != nil {
		return failed(h, err)
	}
	return code
}

// commandExit is pwsh's exit code for -Command: the code of exit, else 1 when the last
// pipeline failed (or a terminating or parse error stopped the command), else 0.
func commandExit(err error, sess *shell.Session) int {
	if code, exited := exitCode(err); exited {
		return code
	}
	if err != nil || !sess.LastSucceeded() {
		return 1
	}
	return 0
}

// scriptExit is pwsh's exit code for a script: the code of exit, else 1 when a
// terminating or parse error ended it, else 0 whatever the last pipeline did.
func scriptExit(err error) (code int, done bool) {
	if code, exited := exitCode(err); exited {
		return code, true
	}
	if err != nil {
		return 1, false
	}
	return 0, false
}

// exitCode reports the code of an `exit` statement.
func exitCode(err error) (int, bool) {
	var ee *shell.ExitError
	if errors.As(err, &ee) {
		return ee.Code, true
	}
	return 0, false
}

// failed reports an error of the host itself (reading the script or the terminal).
func failed(h host, err error) int {
	fmt.Fprintln(h.stderr, err)
	return 1
}
