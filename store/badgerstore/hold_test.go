package badgerstore

import (
	"errors"
	"testing"

	"github.com/exosh/exosh/store"
)

// isOpen reports whether the database is currently open (the directory held).
func isOpen(s *Store) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.db != nil
}

// TestHoldIsLazy pins the statement hold: nothing opens until a call needs the state, the
// state then stays held across calls until release, and a hold whose statement never touched
// the tenant leaves nothing open.
func TestHoldIsLazy(t *testing.T) {
	s := openDir(t, t.TempDir())

	release := s.Hold()
	if isOpen(s) {
		t.Fatal("Hold opened the state before any call")
	}
	release()
	if isOpen(s) {
		t.Fatal("an unused hold left the state open")
	}

	release = s.Hold()
	if _, err := s.Tenant(bg); err != nil && !isNotFound(err) {
		t.Fatal(err)
	}
	if !isOpen(s) {
		t.Fatal("the state closed between calls of one held statement")
	}
	release()
	release() // a second release is harmless
	if isOpen(s) {
		t.Fatal("release left the state open")
	}

	// Without a hold, each call opens and closes on its own.
	if _, err := s.Tenant(bg); err != nil && !isNotFound(err) {
		t.Fatal(err)
	}
	if isOpen(s) {
		t.Fatal("an unheld call left the state open")
	}
}

func isNotFound(err error) bool { return errors.Is(err, store.ErrNotFound) }
