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

// benchSession returns a session over a demo tenant with n extra mailboxes
// (bench00001 ...), seeded through New-SimMailbox.
func benchSession(b *testing.B, n int) *shell.Session {
	b.Helper()
	base := fixedBase{time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)}
	st, err := badgerstore.Open("", badgerstore.InMemory(), badgerstore.WithClock(base))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	s, err := shell.New(
		shell.WithStore(st),
		shell.WithClock(demo.NewClock(base, st)),
		shell.WithCmdlets(All()...),
		shell.WithViews(append(Views(), exchangeViews()...)...),
		shell.WithIO(strings.NewReader(""), io.Discard, io.Discard),
		shell.WithWidth(120),
	)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	run(b, s, fmt.Sprintf("New-SimMailbox -Count %d -Prefix bench -Department Benchmarks", n))
	return s
}

func run(b *testing.B, s *shell.Session, code string) {
	b.Helper()
	if err := s.Run(context.Background(), shell.Source{Text: code}); err != nil {
		b.Fatalf("%s: %v", code, err)
	}
}

// BenchmarkGetMailbox resolves one mailbox by alias, by address and through an indexed
// filter in tenants of 10,000 and 100,000 mailboxes: the cost must not grow with the
// tenant.
func BenchmarkGetMailbox(b *testing.B) {
	for _, n := range []int{10000, 100000} {
		s := benchSession(b, n)
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
	}
}

// BenchmarkAuditPipeline is `Get-Mailbox -ResultSize Unlimited | Set-Mailbox
// -AuditEnabled $true` over 10,000 mailboxes (each run flips the value, so every mailbox
// is written). The target is under 2 s per run.
func BenchmarkAuditPipeline(b *testing.B) {
	s := benchSession(b, 10000)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		v := []string{"$false", "$true"}[i%2]
		i++
		run(b, s, "Get-Mailbox -ResultSize Unlimited | Set-Mailbox -AuditEnabled "+v)
	}
}

// fixedBase is a fixed clock beneath the tenant clock.
type fixedBase struct{ t time.Time }

func (f fixedBase) Now() time.Time { return f.t }
