//go:build unix

package repl

import (
	"context"
	"syscall"
	"testing"
	"time"
)

// TestLoopSignalCancelsCommand sends a real SIGINT while a command runs: the loop, which
// owns SIGINT for as long as it runs, cancels the command and the process lives on.
func TestLoopSignalCancelsCommand(t *testing.T) {
	var cancelled bool
	run := &fakeRunner{run: func(ctx context.Context, text string) error {
		if err := syscall.Kill(syscall.Getpid(), syscall.SIGINT); err != nil {
			t.Error(err)
		}
		select {
		case <-ctx.Done():
			cancelled = true
		case <-time.After(10 * time.Second):
		}
		return nil
	}}
	r := &fakeReader{steps: lines("'slow'", "'next'")}
	code, err := (&Loop{Session: run, Reader: r}).Run(context.Background())
	if err != nil || code != 0 {
		t.Fatalf("Run = %d, %v; want 0, nil", code, err)
	}
	if !cancelled {
		t.Error("SIGINT did not cancel the running command")
	}
	if len(run.ran) != 2 {
		t.Errorf("ran %q; the loop should go on after Ctrl-C", run.ran)
	}
}
