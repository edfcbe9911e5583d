package repl

import (
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/chzyer/readline"
)

func TestPrefixWalk(t *testing.T) {
	entries := []string{"Get-Mailbox", "Get-Recipient", "get-mailbox -ResultSize 5", "Set-Mailbox x"}
	w := &prefixWalk{entries: func() []string { return entries }}
	typed := func(s string) {
		for i := range s {
			w.OnChange([]rune(s[:i+1]), i+1, rune(s[i]))
		}
	}
	key := func(k rune) string {
		line, _, ok := w.OnChange(w.last, len(w.last), k)
		if !ok {
			t.Fatalf("key %d not handled", k)
		}
		return string(line)
	}
	typed("Get-Mail")
	for _, want := range []string{"get-mailbox -ResultSize 5", "Get-Mailbox", "Get-Mailbox"} {
		if got := key(readline.CharPrev); got != want {
			t.Errorf("Up = %q, want %q", got, want)
		}
	}
	for _, want := range []string{"get-mailbox -ResultSize 5", "Get-Mail", "Get-Mail"} {
		if got := key(readline.CharNext); got != want {
			t.Errorf("Down = %q, want %q", got, want)
		}
	}
	// Typing ends the walk; an empty line walks every entry.
	w.OnChange(nil, 0, readline.CharKill)
	if got := key(readline.CharPrev); got != "Set-Mailbox x" {
		t.Errorf("Up on an empty line = %q", got)
	}
}

func TestKeyReader(t *testing.T) {
	in := "abc\x1b[1;5Dd\x1b[1;5Ce\x1b[1~\x1b[4~\x1b[A"
	want := "abc\x1bbd\x1bfe\x1b[H\x1b[F\x1b[A"
	// One byte at a time: every sequence arrives split.
	got, err := io.ReadAll(&keyReader{in: iotest.OneByteReader(strings.NewReader(in))})
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestColumns(t *testing.T) {
	got := columns([]string{"a", "bb", "ccc", "d", "e"}, 12)
	want := "a    d\r\nbb   e\r\nccc"
	if got != want {
		t.Errorf("columns = %q, want %q", got, want)
	}
}
