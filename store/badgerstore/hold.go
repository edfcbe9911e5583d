package badgerstore

import "sync"

// lazyHold is one pending statement hold: it takes a real hold (holders++) the first time
// any call opens the database while it is active, and gives it back on release.
type lazyHold struct{ pinned bool }

// Hold implements store.Holder: a statement-long hold that costs nothing until the
// statement first touches the tenant. Badger's open and close (several milliseconds each)
// then happen once per statement instead of once per call, and no other process can slip in
// between a statement's reads and writes.
func (s *Store) Hold() func() {
	h := &lazyHold{}
	s.mu.Lock()
	s.lazy = append(s.lazy, h)
	s.mu.Unlock()
	var once sync.Once
	return func() { once.Do(func() { s.releaseLazy(h) }) }
}

// pinLazyHolds turns every pending lazy hold into a real one. Called with s.mu held, right
// after a call took its own hold, so the database is open.
func (s *Store) pinLazyHolds() {
	for _, h := range s.lazy {
		if !h.pinned {
			h.pinned = true
			s.holders++
		}
	}
}

// releaseLazy ends a lazy hold, releasing the real hold it took, if any.
func (s *Store) releaseLazy(h *lazyHold) {
	s.mu.Lock()
	for i, x := range s.lazy {
		if x == h {
			s.lazy = append(s.lazy[:i], s.lazy[i+1:]...)
			break
		}
	}
	pinned := h.pinned
	s.mu.Unlock()
	if pinned {
		s.release()
	}
}
