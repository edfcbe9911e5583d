package repl

import (
	"errors"
	"io"
	"os"

	"github.com/chzyer/readline"
)

// TerminalConfig configures the readline-backed reader.
type TerminalConfig struct {
	// HistoryFile is where entered commands are kept between sessions; "" keeps none.
	HistoryFile string
	// Stdin, Stdout and Stderr default to the process's.
	Stdin          io.Reader
	Stdout, Stderr io.Writer
}

// terminalReader is a LineReader over a readline instance: line editing, history
// (Up/Down, Ctrl-R), Ctrl-C and Ctrl-D.
type terminalReader struct {
	rl    *readline.Instance
	stdin io.Closer
}

// NewTerminalReader returns a LineReader with readline editing on the terminal.
func NewTerminalReader(cfg TerminalConfig) (LineReader, error) {
	var in io.Reader = os.Stdin
	if cfg.Stdin != nil {
		in = cfg.Stdin
	}
	// readline's Close does not stop its own reader of standard input and then waits
	// for it forever; closing a cancelable reader we own first lets Close return.
	stdin := readline.NewCancelableStdin(in)
	rl, err := readline.NewEx(&readline.Config{
		HistoryFile:            cfg.HistoryFile,
		DisableAutoSaveHistory: true, // the loop saves whole inputs, not continuation lines
		HistorySearchFold:      true,
		InterruptPrompt:        "^C",
		Stdin:                  stdin,
		Stdout:                 cfg.Stdout,
		Stderr:                 cfg.Stderr,
	})
	if err != nil {
		return nil, err
	}
	return &terminalReader{rl: rl, stdin: stdin}, nil
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

func (t *terminalReader) SaveHistory(entry string) error { return t.rl.SaveHistory(entry) }

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
