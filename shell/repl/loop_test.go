package repl

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/exosh/exosh/shell"
)

// step is one answer of the fake reader: a line, or an error (ErrInterrupt, io.EOF).
type step struct {
	line string
	err  error
}

// fakeReader answers ReadLine from a script and records the prompts it was shown.
type fakeReader struct {
	steps   []step
	prompts []string
	history []string
}

func (f *fakeReader) ReadLine(prompt string) (string, error) {
	f.prompts = append(f.prompts, prompt)
	if len(f.steps) == 0 {
		return "", io.EOF
	}
	s := f.steps[0]
	f.steps = f.steps[1:]
	return s.line, s.err
}

func (f *fakeReader) ReadSecret(prompt string) (string, error) {
	return f.ReadLine("(secret)" + prompt)
}
func (f *fakeReader) Close() error { return nil }
func (f *fakeReader) SaveHistory(entry string) error {
	f.history = append(f.history, entry)
	return nil
}

func lines(ls ...string) []step {
	s := make([]step, len(ls))
	for i, l := range ls {
		s[i] = step{line: l}
	}
	return s
}

// fakeRunner records what it was asked to run; run, when set, decides the result.
type fakeRunner struct {
	ran []string
	run func(ctx context.Context, text string) error
}

func (f *fakeRunner) Run(ctx context.Context, src shell.Source) error {
	f.ran = append(f.ran, src.Text)
	if f.run != nil {
		return f.run(ctx, src.Text)
	}
	return nil
}

func TestLoopContinuation(t *testing.T) {
	tests := []struct {
		name    string
		steps   []step
		ran     []string
		prompts []string
	}{
		{name: "one line", steps: lines("1+1"), ran: []string{"1+1"},
			prompts: []string{"PS> ", "PS> "}},
		{name: "open brace", steps: lines("if ($true) {", "  'yes'", "}", "2"),
			ran:     []string{"if ($true) {\n  'yes'\n}", "2"},
			prompts: []string{"PS> ", ">> ", ">> ", "PS> ", "PS> "}},
		{name: "open quote", steps: lines(`"a`, `b"`), ran: []string{"\"a\nb\""},
			prompts: []string{"PS> ", ">> ", "PS> "}},
		{name: "trailing pipe", steps: lines("1,2 |", "Sort-Object"), ran: []string{"1,2 |\nSort-Object"},
			prompts: []string{"PS> ", ">> ", "PS> "}},
		{name: "blank lines inside a block are kept", steps: lines("function f {", "", "1", "}"),
			ran: []string{"function f {\n\n1\n}"}, prompts: []string{"PS> ", ">> ", ">> ", ">> ", "PS> "}},
		{name: "empty lines run nothing", steps: lines("", "   ", "3"), ran: []string{"3"},
			prompts: []string{"PS> ", "PS> ", "PS> ", "PS> "}},
		{name: "syntax error is not a continuation", steps: lines("1 +* 2"), ran: []string{"1 +* 2"},
			prompts: []string{"PS> ", "PS> "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &fakeReader{steps: tt.steps}
			run := &fakeRunner{}
			code, err := (&Loop{Session: run, Reader: r, Interrupts: make(chan struct{})}).Run(context.Background())
			if err != nil || code != 0 {
				t.Fatalf("Run = %d, %v; want 0, nil", code, err)
			}
			if diff := cmp.Diff(tt.ran, run.ran); diff != "" {
				t.Errorf("ran (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.prompts, r.prompts); diff != "" {
				t.Errorf("prompts (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.ran, r.history); diff != "" {
				t.Errorf("history (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLoopInterruptCancelsInput(t *testing.T) {
	r := &fakeReader{steps: []step{
		{line: "if ($true) {"}, {err: ErrInterrupt}, // Ctrl-C in a continuation line
		{line: "'typed'"},
		{err: ErrInterrupt}, {err: ErrInterrupt}, // Ctrl-C at the prompt, twice
	}}
	run := &fakeRunner{}
	code, err := (&Loop{Session: run, Reader: r, Interrupts: make(chan struct{})}).Run(context.Background())
	if err != nil || code != 0 {
		t.Fatalf("Run = %d, %v; want 0, nil", code, err)
	}
	if diff := cmp.Diff([]string{"'typed'"}, run.ran); diff != "" {
		t.Errorf("ran (-want +got):\n%s", diff)
	}
	want := []string{"PS> ", ">> ", "PS> ", "PS> ", "PS> ", "PS> "}
	if diff := cmp.Diff(want, r.prompts); diff != "" {
		t.Errorf("prompts (-want +got):\n%s", diff)
	}
}

func TestLoopInterruptCancelsRunningCommand(t *testing.T) {
	interrupts := make(chan struct{}, 1)
	started := make(chan struct{})
	var cancelled []bool
	run := &fakeRunner{run: func(ctx context.Context, text string) error {
		if text != "'slow'" {
			cancelled = append(cancelled, ctx.Err() != nil)
			return nil
		}
		close(started)
		select {
		case <-ctx.Done():
			cancelled = append(cancelled, true)
			return ctx.Err()
		case <-time.After(10 * time.Second):
			cancelled = append(cancelled, false)
			return nil
		}
	}}
	go func() {
		<-started
		interrupts <- struct{}{} // Ctrl-C while 'slow' runs
	}()
	r := &fakeReader{steps: lines("'slow'", "'next'")}
	code, err := (&Loop{Session: run, Reader: r, Interrupts: interrupts}).Run(context.Background())
	if err != nil || code != 0 {
		t.Fatalf("Run = %d, %v; want 0, nil", code, err)
	}
	// The first command was cancelled; the shell went on, and the next one ran with a
	// fresh context.
	if diff := cmp.Diff([]bool{true, false}, cancelled); diff != "" {
		t.Errorf("cancelled (-want +got):\n%s", diff)
	}
}

func TestLoopStaleInterruptIsDropped(t *testing.T) {
	interrupts := make(chan struct{}, 1)
	interrupts <- struct{}{} // pressed while no command ran
	var cancelled bool
	run := &fakeRunner{run: func(ctx context.Context, text string) error {
		time.Sleep(10 * time.Millisecond)
		cancelled = ctx.Err() != nil
		return nil
	}}
	r := &fakeReader{steps: lines("1")}
	if _, err := (&Loop{Session: run, Reader: r, Interrupts: interrupts}).Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if cancelled {
		t.Error("an interrupt pressed before the command started cancelled it")
	}
}

func TestLoopExit(t *testing.T) {
	run := &fakeRunner{run: func(ctx context.Context, text string) error {
		if strings.HasPrefix(text, "exit") {
			return &shell.ExitError{Code: 7}
		}
		return nil
	}}
	r := &fakeReader{steps: lines("1", "exit 7", "'not read'")}
	code, err := (&Loop{Session: run, Reader: r, Interrupts: make(chan struct{})}).Run(context.Background())
	if err != nil || code != 7 {
		t.Fatalf("Run = %d, %v; want 7, nil", code, err)
	}
	if diff := cmp.Diff([]string{"1", "exit 7"}, run.ran); diff != "" {
		t.Errorf("ran (-want +got):\n%s", diff)
	}
}

func TestLoopEndOfInput(t *testing.T) {
	// Ctrl-D on an empty prompt ends the shell with 0, whatever failed before.
	run := &fakeRunner{run: func(context.Context, string) error { return errors.New("failed") }}
	r := &fakeReader{steps: []step{{line: "Get-Nothing"}, {err: io.EOF}, {line: "'not read'"}}}
	code, err := (&Loop{Session: run, Reader: r, Interrupts: make(chan struct{})}).Run(context.Background())
	if err != nil || code != 0 {
		t.Fatalf("Run = %d, %v; want 0, nil", code, err)
	}
	// Input that ends inside an unfinished statement is dropped.
	run = &fakeRunner{}
	r = &fakeReader{steps: lines("1", "if ($true) {")}
	if _, err := (&Loop{Session: run, Reader: r, Interrupts: make(chan struct{})}).Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"1"}, run.ran); diff != "" {
		t.Errorf("ran (-want +got):\n%s", diff)
	}
}

func TestLoopReadError(t *testing.T) {
	bad := errors.New("terminal gone")
	r := &fakeReader{steps: []step{{err: bad}}}
	code, err := (&Loop{Session: &fakeRunner{}, Reader: r, Interrupts: make(chan struct{})}).Run(context.Background())
	if !errors.Is(err, bad) || code != 1 {
		t.Fatalf("Run = %d, %v; want 1, %v", code, err, bad)
	}
}

func TestLoopBanner(t *testing.T) {
	var out strings.Builder
	r := &fakeReader{}
	l := &Loop{Session: &fakeRunner{}, Reader: r, Out: &out, Banner: "exosh 1.0", Interrupts: make(chan struct{}),
		Prompt: func() string { return "PS contoso> " }}
	if _, err := l.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if out.String() != "exosh 1.0\n" {
		t.Errorf("banner = %q", out.String())
	}
	if diff := cmp.Diff([]string{"PS contoso> "}, r.prompts); diff != "" {
		t.Errorf("prompts (-want +got):\n%s", diff)
	}
}
