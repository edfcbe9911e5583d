package badgerstore_test

import (
	"testing"
	"time"

	"github.com/exosh/exosh/store"
	"github.com/exosh/exosh/store/badgerstore"
	"github.com/exosh/exosh/store/storetest"
)

// fixedClock is the tests' clock.
type fixedClock struct{ t time.Time }

func (c fixedClock) Now() time.Time { return c.t }

var testClock = fixedClock{time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)}

func TestConformanceOnDisk(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := badgerstore.Open(t.TempDir(), badgerstore.WithClock(testClock))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestConformanceInMemory(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := badgerstore.Open("", badgerstore.InMemory(), badgerstore.WithClock(testClock))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}
