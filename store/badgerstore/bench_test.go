package badgerstore_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/exosh/exosh/store"
	"github.com/exosh/exosh/store/badgerstore"
	"github.com/exosh/exosh/store/storetest"
)

// seedTenant returns a store on disk holding n mailboxes, seeded in batches, and held
// open for the caller (as a statement would hold it).
func seedTenant(b testing.TB, n int) *badgerstore.Store {
	b.Helper()
	s, err := badgerstore.Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	release, err := s.Acquire(ctx)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { release(); s.Close() })
	const batch = 5000
	rs := make([]store.Recipient, 0, batch)
	for i := 0; i < n; i++ {
		r := storetest.Mailbox(i, fmt.Sprintf("user%06d", i))
		r.Department = fmt.Sprintf("dept%03d", i%500)
		rs = append(rs, r)
		if len(rs) == batch || i == n-1 {
			if err := s.SeedRecipients(ctx, rs); err != nil {
				b.Fatal(err)
			}
			rs = rs[:0]
		}
	}
	return s
}

func BenchmarkSeed100k(b *testing.B) {
	for b.Loop() {
		seedTenant(b, 100_000)
	}
	b.ReportMetric(float64(100_000*b.N)/b.Elapsed().Seconds(), "mailboxes/s")
}

func benchLookup(b *testing.B, n int, lookup func(s store.Store, i int) error) {
	s := seedTenant(b, n)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if err := lookup(s, i%n); err != nil {
			b.Fatal(err)
		}
		i += 7919
	}
}

func BenchmarkLookup(b *testing.B) {
	ctx := context.Background()
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("alias/%d", n), func(b *testing.B) {
			benchLookup(b, n, func(s store.Store, i int) error {
				_, err := s.Recipient(ctx, fmt.Sprintf("user%06d", i))
				return err
			})
		})
		b.Run(fmt.Sprintf("address/%d", n), func(b *testing.B) {
			benchLookup(b, n, func(s store.Store, i int) error {
				_, err := s.Recipient(ctx, fmt.Sprintf("user%06d@contoso.com", i))
				return err
			})
		})
		b.Run(fmt.Sprintf("filter/%d", n), func(b *testing.B) {
			benchLookup(b, n, func(s store.Store, i int) error {
				// A page of 20 from one department (n/500 members).
				rs, _, err := s.FindRecipients(ctx, store.RecipientQuery{
					Classes: []store.Class{store.ClassMailbox},
					Equals:  []store.Equal{{Property: store.PropDepartment, Value: fmt.Sprintf("dept%03d", i%500)}},
					Limit:   20,
				})
				if err == nil && len(rs) == 0 {
					err = fmt.Errorf("no results")
				}
				return err
			})
		})
	}
}

// BenchmarkUpdate10k updates 10,000 mailboxes, one transaction each (Set-Mailbox over a
// pipeline), within one held statement.
func BenchmarkUpdate10k(b *testing.B) {
	ctx := context.Background()
	s := seedTenant(b, 10_000)
	round := 0
	for b.Loop() {
		round++
		for i := 0; i < 10_000; i++ {
			_, _, err := s.UpdateRecipient(ctx, storetest.ID(0, i), func(r *store.Recipient) error {
				r.Office = fmt.Sprintf("office%d", round)
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkSnapshot10k(b *testing.B) {
	ctx := context.Background()
	s := seedTenant(b, 10_000)
	b.Run("save", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.SaveSnapshot(ctx, "bench", true); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("restore", func(b *testing.B) {
		for b.Loop() {
			if err := s.RestoreSnapshot(ctx, "bench"); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkOpenClose is the cost of one unheld store call: open Badger, read, close.
func BenchmarkOpenClose(b *testing.B) {
	ctx := context.Background()
	s, err := badgerstore.Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if err := s.CreateRecipient(ctx, storetest.Mailbox(1, "ann")); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := s.Recipient(ctx, "ann"); err != nil {
			b.Fatal(err)
		}
	}
}
