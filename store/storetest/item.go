package storetest

import (
	"errors"
	"testing"
	"time"

	"github.com/exosh/exosh/store"
)

func itemTests() []test {
	return []test{
		{"ItemsPutListDelete", testItems},
	}
}

// testItems checks the mailbox content family: items are kept per mailbox in ID order,
// replaced in place, deleted one by one, and invalid items are refused. Stores that do not
// keep mailbox content skip it.
func testItems(t *testing.T, s store.Store) {
	items, ok := s.(store.Items)
	if !ok {
		t.Skip("store keeps no mailbox content")
	}
	a, b := ID(0, 1), ID(0, 2)
	at := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	put := func(it store.Item) {
		t.Helper()
		if err := items.PutItem(ctx, it); err != nil {
			t.Fatalf("PutItem(%s): %v", it.Subject, err)
		}
	}
	put(store.Item{Mailbox: a, ID: ID(5, 2), Folder: "Inbox", Subject: "second", Created: at, Size: 10})
	put(store.Item{Mailbox: a, ID: ID(5, 1), Folder: "Inbox", Subject: "first", Created: at})
	put(store.Item{Mailbox: b, ID: ID(5, 3), Folder: "Sent Items", Subject: "other", Created: at})
	got, err := items.MailboxItems(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Subject != "first" || got[1].Subject != "second" || got[1].Size != 10 {
		t.Fatalf("MailboxItems(a) = %+v, want first then second", got)
	}
	put(store.Item{Mailbox: a, ID: ID(5, 2), Folder: `Recoverable Items\Deletions`, Subject: "second", Created: at})
	got, _ = items.MailboxItems(ctx, a)
	if len(got) != 2 || got[1].Folder != `Recoverable Items\Deletions` {
		t.Fatalf("after moving: %+v", got)
	}
	if err := items.DeleteItem(ctx, a, ID(5, 1)); err != nil {
		t.Fatal(err)
	}
	if err := items.DeleteItem(ctx, a, ID(5, 1)); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("deleting twice: %v, want ErrNotFound", err)
	}
	got, _ = items.MailboxItems(ctx, a)
	if len(got) != 1 || got[0].Subject != "second" {
		t.Fatalf("after delete: %+v", got)
	}
	if got, _ := items.MailboxItems(ctx, b); len(got) != 1 || got[0].Subject != "other" {
		t.Fatalf("MailboxItems(b) = %+v", got)
	}
	if err := items.PutItem(ctx, store.Item{Mailbox: a, ID: ID(5, 9)}); !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("item without folder: %v, want ErrInvalid", err)
	}
}
