package cmdlets

import (
	"context"
	"flag"
	"fmt"
	"testing"
	"time"

	"github.com/exosh/exosh/store"
)

// benchTraceCmdletRows is the size of the trace log behind the Get-MessageTraceV2
// benchmarks; raise it (-trace.cmdletrows 10000000) to measure the 10M-row target.
var benchTraceCmdletRows = flag.Int("trace.cmdletrows", 1_000_000, "trace rows behind BenchmarkGetMessageTraceV2*")

// seedTraceLog loads n synthetic rows over the 90 days before now: 10,000 of them are
// from (and to) the "hot" addresses, about 1,100 in any 10-day window; the rest spread
// over 10,000 senders and recipients.
func seedTraceLog(b *testing.B, st store.Traces, now time.Time, n int) {
	b.Helper()
	const chunk = 50_000
	span := 89 * 24 * time.Hour
	rows := make([]store.TraceRow, 0, chunk)
	hot := max(n/10000, 1)
	for i := range n {
		sender, rcpt := fmt.Sprintf("user%05d@contoso.com", i%10000), fmt.Sprintf("rcpt%05d@fabrikam.com", (i*7)%10000)
		if i%hot == 0 {
			sender, rcpt = "hot@contoso.com", "hot@fabrikam.com"
		}
		var id store.ID
		id[0], id[1], id[2], id[3], id[15] = byte(i>>24), byte(i>>16), byte(i>>8), byte(i), 0x42
		rows = append(rows, store.TraceRow{Organization: "contoso.onmicrosoft.com", MessageId: fmt.Sprintf("<m%d@contoso.com>", i),
			Received: now.Add(-time.Duration(int64(span) / int64(n) * int64(i))), SenderAddress: sender, RecipientAddress: rcpt,
			Subject: fmt.Sprintf("Report %d", i), Status: store.TraceDelivered, Size: int64(2000 + i%5000), MessageTraceId: id,
			Direction: "Outbound"})
		if len(rows) == chunk || i == n-1 {
			if err := st.SeedTraces(context.Background(), rows, nil); err != nil {
				b.Fatal(err)
			}
			rows = rows[:0]
		}
	}
}

// BenchmarkGetMessageTraceV2Sender runs Get-MessageTraceV2 by sender over a 10-day
// window (its first 1000 rows) on a tenant on disk holding -trace.cmdletrows rows.
func BenchmarkGetMessageTraceV2Sender(b *testing.B) {
	benchTraceCmdlet(b, "Get-MessageTraceV2 -SenderAddress hot@contoso.com")
}

// BenchmarkGetMessageTraceV2Recipient is the same by recipient.
func BenchmarkGetMessageTraceV2Recipient(b *testing.B) {
	benchTraceCmdlet(b, "Get-MessageTraceV2 -RecipientAddress hot@fabrikam.com")
}

func benchTraceCmdlet(b *testing.B, cmd string) {
	s, st := newBenchSession(b, b.TempDir())
	run(b, s, "$null = Get-Mailbox john")
	release, err := st.Acquire(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(release)
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	seedTraceLog(b, st, now, *benchTraceCmdletRows)
	// The window holds more than 1000 matching rows: the query must return a full page.
	run(b, s, fmt.Sprintf("if ((%s -StartDate '2025-02-05' -EndDate '2025-02-15').Count -ne 1000) { throw 'short page' }", cmd))
	b.ResetTimer()
	for b.Loop() {
		run(b, s, "$null = "+cmd+" -StartDate '2025-02-05' -EndDate '2025-02-15'")
	}
	b.StopTimer()
	ms := float64(b.Elapsed().Microseconds()) / 1000 / float64(b.N)
	b.ReportMetric(ms, "ms/query")
}
