package badgerstore

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"github.com/exosh/exosh/store"
	"github.com/exosh/exosh/store/storetest"
)

var bg = context.Background()

func openDir(t *testing.T, dir string, opts ...Option) *Store {
	t.Helper()
	s, err := Open(dir, opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// rawUpdate writes keys behind the store's back, as a damaged or newer state would.
func rawUpdate(t *testing.T, s *Store, fn func(txn *badger.Txn) error) {
	t.Helper()
	db, release, err := s.holdAny(bg)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	if err := db.Update(fn); err != nil {
		t.Fatal(err)
	}
}

func TestOpenIsLazy(t *testing.T) {
	dir := t.TempDir()
	s := openDir(t, dir)
	if _, err := os.Stat(s.dbDir()); !os.IsNotExist(err) {
		t.Errorf("Open created the database before the first call: %v", err)
	}
	if err := s.CreateRecipient(bg, storetest.Mailbox(1, "ann")); err != nil {
		t.Fatal(err)
	}
	if s.db != nil {
		t.Error("the database stays open after the call")
	}
}

func TestSchemaNewerRefused(t *testing.T) {
	dir := t.TempDir()
	s := openDir(t, dir)
	rawUpdate(t, s, func(txn *badger.Txn) error { return txn.Set(schemaKey(), uint32BE(schemaVersion+1)) })
	_, err := s.Recipient(bg, "ann")
	var se *store.SchemaError
	if !errors.As(err, &se) || !errors.Is(err, store.ErrSchema) || se.Found != schemaVersion+1 {
		t.Fatalf("newer schema: %v", err)
	}
	want := fmt.Sprintf("written by a newer exosh (schema version %d; this exosh supports up to %d)", schemaVersion+1, schemaVersion)
	if !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), dir) {
		t.Errorf("message %q lacks %q or the directory", err, want)
	}
	// A fresh store on the same directory refuses too, and nothing was rewritten.
	s2 := openDir(t, dir)
	if _, err := s2.Tenant(bg); !errors.Is(err, store.ErrSchema) {
		t.Errorf("second open: %v", err)
	}
}

func TestSchemaWrittenOnFirstUse(t *testing.T) {
	s := openDir(t, "", InMemory())
	if _, err := s.Tenant(bg); !errors.Is(err, store.ErrNotFound) {
		t.Fatal(err)
	}
	err := s.view(bg, func(txn *badger.Txn) error {
		item, err := txn.Get(schemaKey())
		if err != nil {
			return err
		}
		v, _ := item.ValueCopy(nil)
		if string(v) != string(uint32BE(schemaVersion)) {
			return fmt.Errorf("schema value %x", v)
		}
		return nil
	})
	if err != nil {
		t.Error(err)
	}
}

func TestInterruptedRestoreRefused(t *testing.T) {
	dir := t.TempDir()
	s := openDir(t, dir)
	if err := s.CreateRecipient(bg, storetest.Mailbox(1, "ann")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveSnapshot(bg, "base", false); err != nil {
		t.Fatal(err)
	}
	// As if a restore had been killed after dropping the old keys.
	rawUpdate(t, s, func(txn *badger.Txn) error { return txn.Set(singletonKey(restoringName), []byte("base")) })
	s.Close()
	s = openDir(t, dir)
	_, err := s.Recipient(bg, "ann")
	if !errors.Is(err, store.ErrSchema) || !strings.Contains(err.Error(), `restoring snapshot "base" was interrupted`) {
		t.Fatalf("after interrupted restore: %v", err)
	}
	if err := s.RestoreSnapshot(bg, "base"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Recipient(bg, "ann"); err != nil {
		t.Errorf("after restore: %v", err)
	}
}

func TestVerifyFindsDamage(t *testing.T) {
	s := openDir(t, "", InMemory())
	ann := storetest.Mailbox(1, "ann")
	if err := s.CreateRecipient(bg, ann); err != nil {
		t.Fatal(err)
	}
	if err := s.Verify(bg); err != nil {
		t.Fatalf("healthy state: %v", err)
	}
	cases := []struct {
		name   string
		damage func(txn *badger.Txn) error
		undo   func(txn *badger.Txn) error
		want   string
	}{
		{"missing identity",
			func(txn *badger.Txn) error { return txn.Delete(identityKey(kindAlias, "ann")) },
			func(txn *badger.Txn) error { return txn.Set(identityKey(kindAlias, "ann"), ann.Guid.Bytes()) },
			"is missing"},
		{"stray index entry",
			func(txn *badger.Txn) error { return txn.Set(nameKey(0, store.ClassMailbox, "ghost", testID(9)), nil) },
			func(txn *badger.Txn) error { return txn.Delete(nameKey(0, store.ClassMailbox, "ghost", testID(9))) },
			"no record calling for it"},
		{"wrong owner",
			func(txn *badger.Txn) error { return txn.Set(identityKey(kindAlias, "ann"), testID(9).Bytes()) },
			func(txn *badger.Txn) error { return txn.Set(identityKey(kindAlias, "ann"), ann.Guid.Bytes()) },
			"holds"},
		{"one-sided membership",
			func(txn *badger.Txn) error { return txn.Set(memberKey(ann.Guid, testID(9)), nil) },
			func(txn *badger.Txn) error { return txn.Delete(memberKey(ann.Guid, testID(9))) },
			"no counterpart"},
	}
	for _, c := range cases {
		rawUpdate(t, s, c.damage)
		err := s.Verify(bg)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: Verify = %v, want %q", c.name, err, c.want)
		}
		rawUpdate(t, s, c.undo)
		if err := s.Verify(bg); err != nil {
			t.Errorf("%s undone: %v", c.name, err)
		}
	}
}

func TestLockedByAnotherHolder(t *testing.T) {
	dir := t.TempDir()
	a := openDir(t, dir)
	b := openDir(t, dir, WithLockWait(50*time.Millisecond))
	release, err := a.Acquire(bg)
	if err != nil {
		t.Fatal(err)
	}
	_, err = b.Recipient(bg, "ann")
	if !errors.Is(err, store.ErrLocked) {
		t.Fatalf("while held: %v", err)
	}
	if want := fmt.Sprintf("held by process %d", os.Getpid()); !strings.Contains(err.Error(), want) {
		t.Errorf("message %q lacks %q", err, want)
	}
	// A holder that releases in time lets the waiter through.
	go func() {
		time.Sleep(20 * time.Millisecond)
		release()
	}()
	c := openDir(t, dir, WithLockWait(5*time.Second))
	if err := c.CreateRecipient(bg, storetest.Mailbox(1, "ann")); err != nil {
		t.Errorf("after release: %v", err)
	}
	if _, err := a.Recipient(bg, "ann"); err != nil {
		t.Errorf("first store after the second wrote: %v", err)
	}
	// Cancelling the context stops the wait.
	release, err = a.Acquire(bg)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	cctx, cancel := context.WithCancel(bg)
	cancel()
	if _, err := c.Recipient(cctx, "ann"); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled wait: %v", err)
	}
}

func TestClosed(t *testing.T) {
	s := openDir(t, "", InMemory())
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Recipient(bg, "ann"); err == nil {
		t.Error("a closed store answered")
	}
}

func TestDeleteLargeGroupInChunks(t *testing.T) {
	defer func(n int) { pairChunk = n }(pairChunk)
	pairChunk = 3
	s := openDir(t, "", InMemory())
	if err := s.CreateRecipient(bg, storetest.Group(1, "big")); err != nil {
		t.Fatal(err)
	}
	for i := 10; i < 21; i++ {
		if err := s.CreateRecipient(bg, storetest.Mailbox(i, fmt.Sprintf("m%d", i))); err != nil {
			t.Fatal(err)
		}
		if err := s.AddMember(bg, storetest.ID(0, 1), storetest.ID(0, i)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.DeleteRecipient(bg, storetest.ID(0, 1)); err != nil {
		t.Fatal(err)
	}
	if ids, _, _ := s.MemberOf(bg, storetest.ID(0, 15), 0, ""); len(ids) != 0 {
		t.Errorf("memberships left: %v", ids)
	}
	if err := s.Verify(bg); err != nil {
		t.Error(err)
	}
}

func TestForeignDataRefused(t *testing.T) {
	dir := t.TempDir()
	s := openDir(t, dir)
	if err := os.MkdirAll(s.dbDir(), 0o755); err != nil {
		t.Fatal(err)
	}
	db, err := badger.Open(s.badgerOptions())
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(txn *badger.Txn) error { return txn.Set([]byte("other"), []byte("x")) }); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := s.Tenant(bg); !errors.Is(err, store.ErrSchema) || !strings.Contains(err.Error(), "without an exosh schema version") {
		t.Errorf("foreign data: %v", err)
	}
}
