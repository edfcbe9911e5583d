package repl

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
)

func TestPlainReader(t *testing.T) {
	var out strings.Builder
	r := NewPlainReader(strings.NewReader("one\r\ntwo\n\nlast"), &out)
	var got []string
	for {
		line, err := r.ReadLine("> ")
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, line)
	}
	want := []string{"one", "two", "", "last"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("lines = %q, want %q", got, want)
	}
	if out.String() != "> > > > > " {
		t.Errorf("prompts written = %q", out.String())
	}
	if s, err := NewPlainReader(strings.NewReader("pw\n"), nil).ReadSecret("Password: "); s != "pw" || err != nil {
		t.Errorf("ReadSecret = %q, %v", s, err)
	}
}

func TestHostReader(t *testing.T) {
	f := &fakeReader{steps: lines("plain", "secret")}
	read := HostReader(f)
	if s, _ := read("Name: ", false); s != "plain" {
		t.Errorf("plain read = %q", s)
	}
	if s, _ := read("Password: ", true); s != "secret" {
		t.Errorf("secure read = %q", s)
	}
	if strings.Join(f.prompts, "|") != "Name: |(secret)Password: " {
		t.Errorf("prompts = %q", f.prompts)
	}
	f = &fakeReader{steps: []step{{err: ErrInterrupt}, {err: io.EOF}}}
	read = HostReader(f)
	if _, err := read("Name: ", false); !errors.Is(err, context.Canceled) {
		t.Errorf("Ctrl-C at Read-Host = %v, want context.Canceled", err)
	}
	if _, err := read("Name: ", false); !errors.Is(err, io.EOF) {
		t.Errorf("end of input at Read-Host = %v, want io.EOF", err)
	}
}

func TestLazyReader(t *testing.T) {
	opened := 0
	f := &fakeReader{steps: lines("a", "b")}
	l := Lazy(func() (LineReader, error) { opened++; return f, nil })
	if opened != 0 {
		t.Fatal("Lazy opened its reader before it was used")
	}
	a, _ := l.ReadLine("")
	b, _ := l.ReadLine("")
	if a != "a" || b != "b" || opened != 1 {
		t.Errorf("got %q %q after %d opens", a, b, opened)
	}
	if err := l.(HistorySaver).SaveHistory("x"); err != nil || len(f.history) != 1 {
		t.Errorf("SaveHistory: %v, history %q", err, f.history)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}

	// Closing a reader that was never opened keeps it from opening later.
	l = Lazy(func() (LineReader, error) { opened++; return f, nil })
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := l.ReadLine(""); err == nil || opened != 1 {
		t.Errorf("ReadLine after Close: %v (opens %d)", err, opened)
	}
	failing := Lazy(func() (LineReader, error) { return nil, errors.New("no tty") })
	if _, err := failing.ReadLine(""); err == nil || err.Error() != "no tty" {
		t.Errorf("open error = %v", err)
	}
}
