package repl

import (
	"os"
	"os/signal"
)

// NotifyInterrupt delivers each Ctrl-C (SIGINT) pressed while a command runs on the
// returned channel, instead of letting it end the process. stop restores the default
// behaviour. While readline reads a line the terminal is in raw mode, so Ctrl-C reaches
// the reader as a key (ErrInterrupt), not as a signal.
func NotifyInterrupt() (interrupts <-chan struct{}, stop func()) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	out := make(chan struct{}, 1)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-sig:
				select {
				case out <- struct{}{}:
				default: // one pending interrupt is enough
				}
			case <-done:
				return
			}
		}
	}()
	return out, func() {
		signal.Stop(sig)
		close(done)
	}
}
