package cmdlets

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/store/badgerstore"
	"github.com/exosh/exosh/store/demo"
)

// benchSession returns a session over a demo tenant (in memory when dir is "", else in
// dir) with n extra mailboxes (bench00001 ...), seeded through New-SimMailbox.
func benchSession(b *testing.B, dir string, n int) (*shell.Session, *badgerstore.Store) {
	b.Helper()
	s, st := newBenchSession(b, dir)
	run(b, s, fmt.Sprintf("New-SimMailbox -Count %d -Prefix bench -Department Benchmarks", n))
	return s, st
}

// newBenchSession returns a session over a fresh demo tenant.
func newBenchSession(b *testing.B, dir string) (*shell.Session, *badgerstore.Store) {
	b.Helper()
	base := fixedBase{time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)}
	opts := []badgerstore.Option{badgerstore.WithClock(base)}
	if dir == "" {
		opts = append(opts, badgerstore.InMemory())
	}
	st, err := badgerstore.Open(dir, opts...)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	s, err := shell.New(
		shell.WithStore(st),
		shell.WithClock(demo.NewClock(base, st)),
		shell.WithCmdlets(All()...),
		shell.WithViews(Views()...),
		shell.WithIO(strings.NewReader(""), io.Discard, io.Discard),
		shell.WithWidth(120),
	)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s, st
}

func run(b *testing.B, s *shell.Session, code string) {
	b.Helper()
	if err := s.Run(context.Background(), shell.Source{Text: code}); err != nil {
		b.Fatalf("%s: %v", code, err)
	}
}

// BenchmarkGetMailbox resolves one mailbox by alias, by address and through an indexed
// filter in tenants of 10,000 and 100,000 mailboxes on disk: the cost must not grow with
// the tenant. The tenant is held open across the loop, as it is while a statement or a
// script runs, so the figure is the command's own; BenchmarkStatementOnDisk is what a
// statement adds for opening and closing the state.
func BenchmarkGetMailbox(b *testing.B) {
	for _, n := range []int{10000, 100000} {
		s, st := benchSession(b, b.TempDir(), n)
		release, err := st.Acquire(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		cases := []struct{ name, code string }{
			{"alias", "$null = Get-Mailbox bench04321"},
			{"address", "$null = Get-Mailbox bench04321@contoso.com"},
			{"filter", "$null = Get-Mailbox -Filter \"Department -eq 'Customer Service'\""},
		}
		for _, tc := range cases {
			b.Run(fmt.Sprintf("%s/%d", tc.name, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					run(b, s, tc.code)
				}
			})
		}
		release()
	}
}

// BenchmarkStatementOnDisk is one statement reading a mailbox from a state directory
// that no statement holds: Badger opens and closes around it, which lets a second exosh
// process use the tenant between statements.
func BenchmarkStatementOnDisk(b *testing.B) {
	s, _ := benchSession(b, b.TempDir(), 10000)
	b.ReportAllocs()
	for b.Loop() {
		run(b, s, "$null = Get-Mailbox bench04321")
	}
}

// BenchmarkAuditPipeline is `Get-Mailbox -ResultSize Unlimited | Set-Mailbox
// -AuditEnabled $true` over 10,000 mailboxes (each run flips the value, so every mailbox
// is written), on disk as exosh runs it and in memory. The target is under 2 s per run.
func BenchmarkAuditPipeline(b *testing.B) {
	for _, where := range []string{"disk", "memory"} {
		b.Run(where, func(b *testing.B) {
			dir := ""
			if where == "disk" {
				dir = b.TempDir()
			}
			s, _ := benchSession(b, dir, 10000)
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				v := []string{"$false", "$true"}[i%2]
				i++
				run(b, s, "Get-Mailbox -ResultSize Unlimited | Set-Mailbox -AuditEnabled "+v)
			}
		})
	}
}

// BenchmarkSeedMailboxes is `New-SimMailbox -Count 100000` into a fresh demo tenant on
// disk.
func BenchmarkSeedMailboxes(b *testing.B) {
	for b.Loop() {
		s, _ := newBenchSession(b, b.TempDir())
		run(b, s, "New-SimMailbox -Count 100000 -Prefix bench -Department Benchmarks")
	}
	b.ReportMetric(float64(100000*b.N)/b.Elapsed().Seconds(), "mailboxes/s")
}

// BenchmarkSnapshotCmdlets is Save-SimSnapshot and Restore-SimSnapshot of a tenant of
// 10,000 mailboxes on disk; the target is well under a second each.
func BenchmarkSnapshotCmdlets(b *testing.B) {
	s, _ := benchSession(b, b.TempDir(), 10000)
	b.Run("save", func(b *testing.B) {
		for b.Loop() {
			run(b, s, "$null = Save-SimSnapshot -Name bench -Force -ErrorAction Stop")
		}
	})
	b.Run("restore", func(b *testing.B) {
		for b.Loop() {
			run(b, s, "Restore-SimSnapshot -Name bench -Confirm:$false -ErrorAction Stop")
		}
	})
}

// fixedBase is a fixed clock beneath the tenant clock.
type fixedBase struct{ t time.Time }

func (f fixedBase) Now() time.Time { return f.t }
