package cmdlets

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/store/badgerstore"
	"github.com/exosh/exosh/store/demo"
)

// stateSession is a session over the state directory dir, as one exosh process has it:
// its own Store, so the Badger directory lock separates it from every other session on
// dir exactly as it separates two processes.
func stateSession(t *testing.T, dir string, lockWait time.Duration) (*shell.Session, *bytes.Buffer) {
	t.Helper()
	base := fixedBase{time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)}
	clk := demo.NewClock(base, nil)
	st, err := badgerstore.Open(dir, badgerstore.WithClock(clk), badgerstore.WithLockWait(lockWait))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	clk.Attach(st)
	var out bytes.Buffer
	s, err := shell.New(
		shell.WithStore(st),
		shell.WithClock(clk),
		shell.WithCmdlets(All()...),
		shell.WithViews(Views()...),
		shell.WithIO(strings.NewReader(""), &out, &out),
		shell.WithWidth(120),
	)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, &out
}

func runText(t *testing.T, s *shell.Session, code string) {
	t.Helper()
	if err := s.Run(context.Background(), shell.Source{Name: "test", Text: code}); err != nil {
		t.Fatalf("%s: %v", code, err)
	}
}

// Two sessions on one state directory, each changing a different property of the same
// mailboxes one statement at a time: they take turns on the directory, and every change
// of both survives.
func TestTwoSessionsNoLostUpdate(t *testing.T) {
	dir := t.TempDir()
	setup, out := stateSession(t, dir, 10*time.Second)
	runText(t, setup, "New-SimMailbox -Count 20 -Prefix race")
	const rounds = 3
	var wg sync.WaitGroup
	errs := make(chan error, 2)
	for _, who := range []struct{ attr, tag string }{{"CustomAttribute1", "a"}, {"CustomAttribute2", "b"}} {
		s, buf := stateSession(t, dir, 10*time.Second)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range rounds {
				for i := 1; i <= 20; i++ {
					code := fmt.Sprintf("Set-Mailbox race%04d -%s %s%d", i, who.attr, who.tag, r)
					if err := s.Run(context.Background(), shell.Source{Name: "race", Text: code}); err != nil {
						errs <- fmt.Errorf("%s: %v", code, err)
						return
					}
				}
			}
			if buf.Len() > 0 {
				errs <- fmt.Errorf("%s session printed:\n%s", who.attr, buf)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	out.Reset()
	runText(t, setup, `$m = Get-Mailbox race* -ResultSize Unlimited
"$($m.Count) $(($m | Where-Object CustomAttribute1 -eq 'a2').Count) $(($m | Where-Object CustomAttribute2 -eq 'b2').Count)"`)
	if got := strings.TrimSpace(out.String()); got != "20 20 20" {
		t.Errorf("mailboxes, with both sessions' last values: %q, want \"20 20 20\"", got)
	}
}

// A state directory another process keeps past the lock wait fails the command with a
// message that says what happened and what to do, and the session goes on.
func TestLockedStateError(t *testing.T) {
	dir := t.TempDir()
	holder, _ := stateSession(t, dir, time.Second)
	runText(t, holder, "$null = Get-Mailbox 'Florence Flipo'")
	hs, err := badgerstore.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer hs.Close()
	release, err := hs.Acquire(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	s, out := stateSession(t, dir, 50*time.Millisecond)
	runText(t, s, "Get-Mailbox 'Florence Flipo'; 'after'")
	got := out.String()
	want := "Get-Mailbox: Cannot process the command because the state directory is in use by another process: " + dir
	if !strings.Contains(got, want) || !strings.Contains(got, "Wait for the command running there to finish, then try again.") ||
		!strings.HasSuffix(got, "after\n") {
		t.Errorf("output:\n%s\nwant it to contain %q, the advice, and end with the next statement's output", got, want)
	}
	release()
	out.Reset()
	runText(t, s, "(Get-Mailbox 'Florence Flipo').Alias")
	if got := out.String(); got != "florencef\n" {
		t.Errorf("after the release: %q", got)
	}
}
