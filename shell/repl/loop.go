package repl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/exosh/exosh/parser"
	"github.com/exosh/exosh/shell"
)

// Prompts pwsh shows without a profile: the primary prompt and the continuation prompt
// for input that is not complete yet.
const (
	DefaultPrompt      = "PS> "
	ContinuationPrompt = ">> "
)

// Runner runs one complete input. *shell.Session implements it.
type Runner interface {
	Run(ctx context.Context, src shell.Source) error
}

// Loop is the read-eval-print loop.
type Loop struct {
	// Session runs each complete input; it prints output and errors itself.
	Session Runner
	// Reader supplies the input lines.
	Reader LineReader
	// Out receives the banner.
	Out io.Writer
	// Banner is printed once before the first prompt; "" prints nothing.
	Banner string
	// Prompt returns the primary prompt; nil means DefaultPrompt.
	Prompt func() string
	// Interrupts delivers the Ctrl-C presses that arrive while a command runs. nil means
	// the process's SIGINT, taken over for as long as Run lasts.
	Interrupts <-chan struct{}
}

// Run reads and runs inputs until the input ends (Ctrl-D) or the session runs `exit`, and
// returns the process exit code: the code given to exit, else 0. The error is non-nil
// only when reading the input failed.
func (l *Loop) Run(ctx context.Context) (int, error) {
	if l.Banner != "" && l.Out != nil {
		fmt.Fprintln(l.Out, l.Banner)
	}
	interrupts := l.Interrupts
	if interrupts == nil {
		ch, stop := NotifyInterrupt()
		defer stop()
		interrupts = ch
	}
	for {
		if err := ctx.Err(); err != nil {
			return 1, err
		}
		text, err := l.readInput()
		switch {
		case errors.Is(err, ErrInterrupt):
			continue // Ctrl-C abandons the input being typed, never the shell
		case errors.Is(err, io.EOF):
			// Ctrl-D ends the shell; a statement left unfinished is dropped with it.
			return 0, nil
		case err != nil:
			return 1, err
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		code, exit := l.runOne(ctx, text, interrupts)
		// Saved once it has run, as pwsh does: Get-History never lists itself.
		l.saveHistory(text)
		if exit {
			return code, nil
		}
	}
}

// readInput reads one complete input: a first line, then continuation lines for as long
// as the text parses as incomplete (an open brace or quote, a trailing pipe).
func (l *Loop) readInput() (string, error) {
	prompt := DefaultPrompt
	if l.Prompt != nil {
		prompt = l.Prompt()
	}
	var lines []string
	for {
		line, err := l.Reader.ReadLine(prompt)
		if err != nil {
			return strings.Join(lines, "\n"), err
		}
		lines = append(lines, line)
		text := strings.Join(lines, "\n")
		if !Incomplete(text) {
			return text, nil
		}
		prompt = ContinuationPrompt
	}
}

// runOne runs text with a context that the next Ctrl-C cancels, and reports whether the
// session asked to exit.
func (l *Loop) runOne(ctx context.Context, text string, interrupts <-chan struct{}) (code int, exit bool) {
	// A Ctrl-C pressed before this command started belongs to no command.
	select {
	case <-interrupts:
	default:
	}
	cctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		select {
		case <-interrupts:
			cancel()
		case <-done:
		}
	}()
	err := l.Session.Run(cctx, shell.Source{Text: text})
	close(done)
	cancel()
	var ee *shell.ExitError
	if errors.As(err, &ee) {
		return ee.Code, true
	}
	return 0, false
}

// saveHistory records a complete input. A history file that cannot be written must not
// stop the shell or clutter every prompt, so its error is dropped.
func (l *Loop) saveHistory(text string) {
	hs, ok := l.Reader.(HistorySaver)
	if !ok {
		return
	}
	_ = hs.SaveHistory(text)
}

// Incomplete reports whether text stops inside an unfinished statement (an open brace
// or quote, a trailing pipe), so that more input could complete it.
func Incomplete(text string) bool {
	_, err := parser.Parse("", text)
	return parser.IsIncomplete(err)
}
