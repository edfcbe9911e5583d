package demo_test

import (
	"context"
	"testing"

	"github.com/exosh/exosh/store"
	"github.com/exosh/exosh/store/badgerstore"
	"github.com/exosh/exosh/store/demo"
)

func open(t *testing.T) store.Store {
	t.Helper()
	st, err := badgerstore.Open("", badgerstore.InMemory())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// TestSeed checks that the demo tenant loads and that the objects the documented
// snippets name resolve.
func TestSeed(t *testing.T) {
	ctx := context.Background()
	st := open(t)
	seeded, err := demo.Ensure(ctx, st)
	if err != nil || !seeded {
		t.Fatalf("Ensure = %v, %v", seeded, err)
	}
	if again, err := demo.Ensure(ctx, st); err != nil || again {
		t.Fatalf("second Ensure = %v, %v; want false, nil", again, err)
	}
	for _, id := range []string{"Florence Flipo", "john@contoso.com", "John Woods", "laura@contoso.onmicrosoft.com",
		"Room222", "Room 222", "MarketingSG", "Help Desk", "Svc-MyApplication", "KevinKelly", "JeroenC", "admin@contoso.com"} {
		if _, err := st.Recipient(ctx, id); err != nil {
			t.Errorf("Recipient(%q): %v", id, err)
		}
	}
	for _, id := range []string{"Sales", "Sales Department", "ChrisAshton"} {
		if _, err := st.Recipient(ctx, id); err == nil {
			t.Errorf("Recipient(%q) exists; the snippets create it", id)
		}
	}
	rs, _, err := st.FindRecipients(ctx, store.RecipientQuery{SoftDeleted: true, Identity: "Laura"})
	if err != nil || len(rs) != 1 {
		t.Errorf("soft-deleted Laura: %d, %v", len(rs), err)
	}
}

// TestSeedEmpty checks the empty tenant: the admin and the discovery mailbox.
func TestSeedEmpty(t *testing.T) {
	ctx := context.Background()
	st := open(t)
	if err := demo.Reset(ctx, st, true); err != nil {
		t.Fatal(err)
	}
	rs, _, err := st.FindRecipients(ctx, store.RecipientQuery{})
	if err != nil || len(rs) != 2 {
		t.Fatalf("empty tenant has %d recipients (%v); want 2", len(rs), err)
	}
}

// TestDeterministic checks that two seeds give identical records.
func TestDeterministic(t *testing.T) {
	ctx := context.Background()
	a, b := open(t), open(t)
	for _, st := range []store.Store{a, b} {
		if err := demo.Seed(ctx, st); err != nil {
			t.Fatal(err)
		}
	}
	ra, _, _ := a.FindRecipients(ctx, store.RecipientQuery{Limit: 5000})
	rb, _, _ := b.FindRecipients(ctx, store.RecipientQuery{Limit: 5000})
	if len(ra) != len(rb) || len(ra) < 60 {
		t.Fatalf("counts %d and %d", len(ra), len(rb))
	}
	for i := range ra {
		if ra[i].Guid != rb[i].Guid || ra[i].Name != rb[i].Name || ra[i].Database != rb[i].Database {
			t.Fatalf("record %d differs: %s/%s", i, ra[i].Name, rb[i].Name)
		}
	}
}
