package badgerstore

import (
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"github.com/exosh/exosh/store/storetest"
)

// TestVerifyFindsAuditSearchDamage checks that Verify notices an audit search without
// its creation-time entry, an entry without its search, and an entry at the wrong time.
func TestVerifyFindsAuditSearchDamage(t *testing.T) {
	s := openDir(t, "", InMemory(), WithClock(&movingClock{t: storetest.Now}))
	a := storetest.AuditSearch(1, storetest.Now)
	if err := s.CreateAuditSearch(bg, a); err != nil {
		t.Fatal(err)
	}
	if err := s.Verify(bg); err != nil {
		t.Fatalf("healthy state: %v", err)
	}
	index := auditSearchTimeKey(a.CreationTime, a.Identity)
	rawUpdate(t, s, func(txn *badger.Txn) error { return txn.Delete(index) })
	if err := s.Verify(bg); err == nil || !strings.Contains(err.Error(), "is missing") {
		t.Errorf("index entry removed: Verify = %v", err)
	}
	// The entry put back a second late no longer matches the search.
	rawUpdate(t, s, func(txn *badger.Txn) error {
		return txn.Set(auditSearchTimeKey(a.CreationTime.Add(time.Second), a.Identity), nil)
	})
	if err := s.Verify(bg); err == nil || !strings.Contains(err.Error(), "no record calling for it") {
		t.Errorf("misplaced index entry: Verify = %v", err)
	}
	rawUpdate(t, s, func(txn *badger.Txn) error {
		if err := txn.Delete(auditSearchKey(a.Identity)); err != nil {
			return err
		}
		return txn.Set(index, nil)
	})
	if err := s.Verify(bg); err == nil || !strings.Contains(err.Error(), "has no record") {
		t.Errorf("search removed: Verify = %v", err)
	}
}
