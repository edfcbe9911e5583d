package badgerstore_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/exosh/exosh/store"
	"github.com/exosh/exosh/store/badgerstore"
	"github.com/exosh/exosh/store/storetest"
)

// Child processes are this test binary re-executed with childEnv set to
// "mode:dir[:arg]"; TestMain runs the child instead of the tests.
const childEnv = "EXOSH_BADGERSTORE_CHILD"

func TestMain(m *testing.M) {
	if spec := os.Getenv(childEnv); spec != "" {
		if err := runChild(spec); err != nil {
			fmt.Fprintln(os.Stderr, "child:", err)
			os.Exit(2)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func runChild(spec string) error {
	parts := strings.SplitN(spec, ":", 3)
	if len(parts) < 2 {
		return fmt.Errorf("bad spec %q", spec)
	}
	s, err := badgerstore.Open(parts[1], badgerstore.WithLockWait(2*time.Minute))
	if err != nil {
		return err
	}
	defer s.Close()
	ctx := context.Background()
	switch parts[0] {
	case "crash":
		return crashChild(ctx, s)
	case "increment":
		n, _ := strconv.Atoi(parts[2])
		return incrementChild(ctx, s, n)
	}
	return fmt.Errorf("unknown mode %q", parts[0])
}

// child starts this binary in the given mode.
func child(t *testing.T, spec string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+spec)
	cmd.Stderr = os.Stderr
	return cmd
}

// crashOps is how many changes the crash child attempts.
const crashOps = 10000

// crashOp applies change k of a fixed sequence: per recipient i (k = 4i+j) create it,
// rename its alias and department, add an address, then delete it (every fifth) or
// change its city. Each change is one store call.
func crashOp(ctx context.Context, s store.Store, k int) error {
	i, j := k/4, k%4
	id := storetest.ID(0, i)
	switch j {
	case 0:
		return s.CreateRecipient(ctx, storetest.Mailbox(i, fmt.Sprintf("u%05d", i)))
	case 1:
		_, _, err := s.UpdateRecipient(ctx, id, func(r *store.Recipient) error {
			r.Alias = fmt.Sprintf("a%05d", i)
			r.Department = fmt.Sprintf("d%d", i%7)
			return nil
		})
		return err
	case 2:
		_, _, err := s.UpdateRecipient(ctx, id, func(r *store.Recipient) error {
			r.EmailAddresses = append(r.EmailAddresses, fmt.Sprintf("smtp:x%05d@contoso.com", i))
			return nil
		})
		return err
	}
	if i%5 == 0 {
		return s.DeleteRecipient(ctx, id)
	}
	_, _, err := s.UpdateRecipient(ctx, id, func(r *store.Recipient) error {
		r.City = "Oslo"
		return nil
	})
	return err
}

// crashChild holds the state (as a long statement would) and acknowledges each change
// on stdout once the store call has returned.
func crashChild(ctx context.Context, s *badgerstore.Store) error {
	release, err := s.Acquire(ctx)
	if err != nil {
		return err
	}
	defer release()
	for k := 0; k < crashOps; k++ {
		if err := crashOp(ctx, s, k); err != nil {
			return fmt.Errorf("op %d: %w", k, err)
		}
		if _, err := fmt.Fprintln(os.Stdout, k); err != nil {
			return err
		}
	}
	return nil
}

// checkCrashOps checks that every acknowledged change up to last is in the state.
func checkCrashOps(t *testing.T, s store.Store, last int) {
	t.Helper()
	ctx := context.Background()
	for i := 0; 4*i <= last; i++ {
		id := storetest.ID(0, i)
		r, err := s.RecipientByID(ctx, id)
		done := func(j int) bool { return 4*i+j <= last }
		if done(3) && i%5 == 0 {
			if !errors.Is(err, store.ErrNotFound) {
				t.Fatalf("recipient %d was deleted (acknowledged), got %v", i, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("recipient %d (acknowledged) missing: %v", i, err)
		}
		if done(1) && (r.Alias != fmt.Sprintf("a%05d", i) || r.Department != fmt.Sprintf("d%d", i%7)) {
			t.Fatalf("recipient %d: acknowledged rename missing: %q %q", i, r.Alias, r.Department)
		}
		if done(2) {
			got, err := s.Recipient(ctx, fmt.Sprintf("x%05d@contoso.com", i))
			if err != nil || got.Guid != id {
				t.Fatalf("recipient %d: acknowledged address missing: %v", i, err)
			}
		}
		if done(3) && r.City != "Oslo" {
			t.Fatalf("recipient %d: acknowledged city missing", i)
		}
	}
}

func TestKillDuringWrites(t *testing.T) {
	if testing.Short() {
		t.Skip("re-executes the test binary")
	}
	dir := t.TempDir()
	cmd := child(t, "crash:"+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill once a good share of the changes is acknowledged; the child keeps writing
	// until the signal lands, so the kill hits it mid-transaction at a random point.
	last := -1
	sc := bufio.NewScanner(out)
	killed := false
	for sc.Scan() {
		n, err := strconv.Atoi(sc.Text())
		if err != nil {
			t.Fatalf("child said %q", sc.Text())
		}
		last = n
		if n >= crashOps/3 && !killed {
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			killed = true
		}
	}
	io.Copy(io.Discard, out)
	cmd.Wait()
	if !killed {
		t.Fatalf("child ended before the kill (last ack %d)", last)
	}
	t.Logf("killed after %d acknowledged changes", last+1)

	s, err := badgerstore.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	release, err := s.Acquire(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	if err := s.Verify(context.Background()); err != nil {
		t.Fatalf("indexes and records disagree after kill -9: %v", err)
	}
	checkCrashOps(t, s, last)
}

// incrementChild adds 1 to CustomAttribute1 of recipient 1, n times, one store call
// each, releasing the directory between calls like a shell between statements.
func incrementChild(ctx context.Context, s *badgerstore.Store, n int) error {
	for range n {
		_, _, err := s.UpdateRecipient(ctx, storetest.ID(0, 1), func(r *store.Recipient) error {
			v, _ := strconv.Atoi(r.CustomAttributes[0])
			r.CustomAttributes[0] = strconv.Itoa(v + 1)
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func TestTwoProcessesNoLostUpdate(t *testing.T) {
	if testing.Short() {
		t.Skip("re-executes the test binary")
	}
	dir := t.TempDir()
	s, err := badgerstore.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := s.CreateRecipient(ctx, storetest.Mailbox(1, "counter")); err != nil {
		t.Fatal(err)
	}
	const n = 25
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for p := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[p] = child(t, fmt.Sprintf("increment:%s:%d", dir, n)).Run()
		}()
	}
	// This process takes part too, through its own store.
	if err := incrementChild(ctx, s, n); err != nil {
		t.Errorf("parent: %v", err)
	}
	wg.Wait()
	for p, err := range errs {
		if err != nil {
			t.Errorf("child %d: %v", p, err)
		}
	}
	r, err := s.RecipientByID(ctx, storetest.ID(0, 1))
	if err != nil {
		t.Fatal(err)
	}
	if want := strconv.Itoa(3 * n); r.CustomAttributes[0] != want {
		t.Errorf("counter = %s, want %s (lost updates)", r.CustomAttributes[0], want)
	}
	if err := s.Verify(ctx); err != nil {
		t.Error(err)
	}
	s.Close()
}
