package repl

import (
	"errors"
	"io"
	"os"

	"github.com/chzyer/readline"
)

// TerminalConfig configures the readline-backed reader.
type TerminalConfig struct {
	// History holds the inputs entered so far (Up/Down, Ctrl-R) and records new ones;
	// nil keeps them in memory for this session only.
	History *History
	// Completer answers Tab; nil leaves Tab without completion.
	Completer *Completer
	// Stdin, Stdout and Stderr default to the process's.
	Stdin          io.Reader
	Stdout, Stderr io.Writer
}

// terminalReader is a LineReader over a readline instance: line editing, history
// (Up/Down, Ctrl-R), Ctrl-C and Ctrl-D.
type terminalReader struct {
	rl      *readline.Instance
	stdin   io.Closer
	history *History
}

// NewTerminalReader returns a LineReader with readline editing on the terminal.
func NewTerminalReader(cfg TerminalConfig) (LineReader, error) {
	var in io.Reader = os.Stdin
	if cfg.Stdin != nil {
		in = cfg.Stdin
	}
	// readline's Close does not stop its own reader of standard input and then waits
	// for it forever; closing a cancelable reader we own first lets Close return.
	stdin := readline.NewCancelableStdin(&keyReader{in: in})
	var out io.Writer = os.Stdout
	if cfg.Stdout != nil {
		out = cfg.Stdout
	}
	rc := &readline.Config{
		DisableAutoSaveHistory: true, // the loop saves whole inputs, not continuation lines
		HistoryLimit:           HistoryLimit,
		HistorySearchFold:      true,
		InterruptPrompt:        "^C",
		Stdin:                  stdin,
		Stdout:                 cfg.Stdout,
		Stderr:                 cfg.Stderr,
	}
	h := cfg.History
	if h == nil {
		h, _ = LoadHistory("")
	}
	keys := &keyListener{hist: &prefixWalk{entries: h.Entries}}
	if cfg.Completer != nil {
		rc.AutoComplete = noCompletion{}
		keys.tab = &tabCycler{c: cfg.Completer, out: out}
	}
	rc.Listener = keys
	rl, err := readline.NewEx(rc)
	if err != nil {
		return nil, err
	}
	for _, e := range h.Entries() {
		_ = rl.SaveHistory(e) // in memory only: readline has no history file here
	}
	return &terminalReader{rl: rl, stdin: stdin, history: h}, nil
}

func (t *terminalReader) ReadLine(prompt string) (string, error) {
	t.rl.SetPrompt(prompt)
	line, err := t.rl.Readline()
	return line, translate(err)
}

func (t *terminalReader) ReadSecret(prompt string) (string, error) {
	b, err := t.rl.ReadPassword(prompt)
	return string(b), translate(err)
}

// SaveHistory records a complete input in the history (file included) and in readline's
// recall list; an input holding a secret goes to neither.
func (t *terminalReader) SaveHistory(entry string) error {
	ok, err := t.history.Add(entry)
	if ok {
		_ = t.rl.SaveHistory(entry)
	}
	return err
}

func (t *terminalReader) Close() error {
	t.stdin.Close()
	return t.rl.Close()
}

// translate maps readline's errors onto the LineReader contract.
func translate(err error) error {
	if errors.Is(err, readline.ErrInterrupt) {
		return ErrInterrupt
	}
	return err
}

// IsTerminal reports whether f is a terminal.
func IsTerminal(f *os.File) bool {
	return f != nil && readline.IsTerminal(int(f.Fd()))
}

// TerminalWidth returns the width of the terminal on standard output, or 0 when it has
// none.
func TerminalWidth() int {
	if w := readline.GetScreenWidth(); w > 0 {
		return w
	}
	return 0
}
