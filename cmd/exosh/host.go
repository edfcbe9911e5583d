package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/repl"
)

// errNonInteractive is pwsh's refusal to read input under -NonInteractive.
var errNonInteractive = errors.New("PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.")

// openReader returns the line reader for the prompt and Read-Host: readline with the
// tenant's history and tab completion on a terminal, plain lines otherwise.
func openReader(stdinTTY bool, hist *repl.History, sess *shell.Session) (repl.LineReader, error) {
	if !stdinTTY {
		return repl.NewPlainReader(os.Stdin, os.Stdout), nil
	}
	cfg := repl.TerminalConfig{History: hist}
	if sess != nil {
		cfg.Completer = &repl.Completer{Source: repl.ServicesSource{Services: sess.Services()}}
	}
	return repl.NewTerminalReader(cfg)
}

// hostReader is Read-Host's input: the shared line reader, or pwsh's error under
// -NonInteractive.
func hostReader(lr repl.LineReader, nonInteractive bool) func(prompt string, secure bool) (string, error) {
	if nonInteractive {
		return func(string, bool) (string, error) { return "", errNonInteractive }
	}
	return repl.HostReader(lr)
}

// interactiveRendering reports whether errors print in pwsh's interactive form (one line
// for single-line input): at the prompt and for -Command, but not for scripts. A command
// that stops inside an unfinished statement is the exception: the interactive session
// leaves that parse error to the prompt, which asks for more lines, but -Command has no
// more lines to give, so the error must print (in the block form every parse error has).
func interactiveRendering(o options, stdinTTY bool) bool {
	switch o.mode {
	case modeCommand:
		return !repl.Incomplete(o.command)
	case modeDefault:
		return stdinTTY
	}
	return false
}

// badArgs reports a bad command line as pwsh does: the message on the error stream, then
// the usage on standard output when it helps.
func badArgs(msg string, showUsage bool) int {
	fmt.Fprintln(os.Stderr, msg)
	if showUsage {
		io.WriteString(os.Stdout, "\n"+usage)
	}
	return exitBadArgs
}

// isFile reports whether path names an existing file (not a directory).
func isFile(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && !fi.IsDir()
}
