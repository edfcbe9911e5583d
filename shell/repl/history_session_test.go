package repl_test

import (
	"context"
	"strings"
	"testing"

	"github.com/exosh/exosh/cmdlets"
	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/repl"
)

// historyReader is a scripted reader that keeps its history as the terminal reader does.
type historyReader struct {
	scriptedReader
	h *repl.History
}

func (r *historyReader) SaveHistory(entry string) error {
	_, err := r.h.Add(entry)
	return err
}

func TestHistoryCmdlets(t *testing.T) {
	h, _ := repl.LoadHistory("")
	r := &historyReader{h: h, scriptedReader: scriptedReader{lines: []string{
		"1 + 1",
		"'a' + 'b'",
		"Get-History",
		"r 1",
		`Invoke-History "'a"`,
		"Get-History -Count 2 | ForEach-Object CommandLine",
		"Clear-History",
		"(Get-History).Count", // the Clear-History line itself, entered after clearing
		"Invoke-History 9",
	}}}
	var out, errOut strings.Builder
	sess, err := shell.New(
		shell.WithClock(fixedClock{}),
		shell.WithCmdlets(cmdlets.All()...),
		shell.WithViews(cmdlets.Views()...),
		shell.WithIO(strings.NewReader(""), &out, &errOut),
		shell.WithInteractive(true),
	)
	if err != nil {
		t.Fatal(err)
	}
	sess.Services().History = h.Book()
	loop := repl.Loop{Session: sess, Reader: r, Interrupts: make(chan struct{})}
	if _, err := loop.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	want := "2\nab\n\n  Id CommandLine\n  -- -----------\n   1 1 + 1\n   2 'a' + 'b'\n\n" +
		"1 + 1\n2\n'a' + 'b'\nab\nr 1\nInvoke-History \"'a\"\n1\n"
	if got := out.String(); got != want {
		t.Errorf("output:\n%s\nwant:\n%s", got, want)
	}
	if !strings.Contains(errOut.String(), "Cannot locate history for Id 9.") {
		t.Errorf("errors: %s", errOut.String())
	}
}
