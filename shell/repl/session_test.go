package repl_test

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/exosh/exosh/cmdlets"
	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/repl"
)

type fixedClock struct{}

func (fixedClock) Now() time.Time { return time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC) }

// scriptedReader plays typed lines and records the prompts shown.
type scriptedReader struct {
	lines   []string
	prompts []string
}

func (s *scriptedReader) ReadLine(prompt string) (string, error) {
	s.prompts = append(s.prompts, prompt)
	if len(s.lines) == 0 {
		return "", io.EOF
	}
	l := s.lines[0]
	s.lines = s.lines[1:]
	return l, nil
}

func (s *scriptedReader) ReadSecret(prompt string) (string, error) { return s.ReadLine(prompt) }
func (s *scriptedReader) Close() error                             { return nil }

// TestSessionReadHost runs the loop on a real session: Read-Host takes the next line
// from the same reader as the prompt, continuation lines build one input, and exit ends
// the loop with its code.
func TestSessionReadHost(t *testing.T) {
	r := &scriptedReader{lines: []string{
		"$n = Read-Host 'Your name'",
		"Bob",
		`"Hello, $n"`,
		"if ($n -eq 'Bob') {",
		"  'yes'",
		"}",
		"exit 5",
		"'never'",
	}}
	var out, errOut strings.Builder
	sess, err := shell.New(
		shell.WithClock(fixedClock{}),
		shell.WithCmdlets(cmdlets.All()...),
		shell.WithIO(strings.NewReader(""), &out, &errOut),
		shell.WithInteractive(true),
		shell.WithLineReader(repl.HostReader(r)),
	)
	if err != nil {
		t.Fatal(err)
	}
	loop := repl.Loop{Session: sess, Reader: r, Interrupts: make(chan struct{})}
	code, err := loop.Run(context.Background())
	if err != nil || code != 5 {
		t.Fatalf("Run = %d, %v; want 5, nil", code, err)
	}
	if got, want := out.String(), "Hello, Bob\nyes\n"; got != want {
		t.Errorf("output = %q, want %q", got, want)
	}
	if errOut.Len() != 0 {
		t.Errorf("errors: %s", errOut.String())
	}
	wantPrompts := []string{"PS> ", "Your name: ", "PS> ", "PS> ", ">> ", ">> ", "PS> "}
	if diff := cmp.Diff(wantPrompts, r.prompts); diff != "" {
		t.Errorf("prompts (-want +got):\n%s", diff)
	}
}
