package repl_test

import (
	"context"
	"testing"
	"time"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/repl"
)

// BenchmarkCompleteIdentity completes a mailbox identity on a tenant of 100,000
// mailboxes; the issue asks for an answer within 50 ms.
func BenchmarkCompleteIdentity(b *testing.B) {
	sess := tenantSession(b)
	if err := sess.Run(context.Background(), shell.Source{Text: "New-SimMailbox -Count 100000 -Prefix bench"}); err != nil {
		b.Fatal(err)
	}
	c := &repl.Completer{Source: repl.ServicesSource{Services: sess.Services()}}
	for _, line := range []string{"Get-Mailbox -Identity bench04217", "Get-MailboxPermission -Identity ben"} {
		b.Run(line, func(b *testing.B) {
			var worst time.Duration
			for b.Loop() {
				start := time.Now()
				res := c.Complete(context.Background(), line, len(line))
				if d := time.Since(start); d > worst {
					worst = d
				}
				if len(res.Candidates) == 0 {
					b.Fatal("no candidates")
				}
			}
			b.ReportMetric(float64(worst.Microseconds())/1000, "worst-ms")
			if worst > 50*time.Millisecond {
				b.Errorf("slowest completion took %v, more than 50ms", worst)
			}
		})
	}
}
