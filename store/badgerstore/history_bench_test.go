package badgerstore

import (
	"context"
	"flag"
	"fmt"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"github.com/exosh/exosh/store"
	"github.com/exosh/exosh/store/storetest"
)

// Sizes of the history benchmarks; raise them to measure the full targets
// (-audit.records 5000000, -trace.rows 10000000).
var (
	benchAuditRecords = flag.Int("audit.records", 200_000, "audit records seeded by BenchmarkAuditSeed")
	benchAuditFind    = flag.Int("audit.find", 500_000, "audit records behind BenchmarkFindAuditMailboxWeek")
	benchTraceRows    = flag.Int("trace.rows", 1_000_000, "trace rows behind BenchmarkTraceSeed and BenchmarkFindTraces*10Days")
)

// auditPerMailbox keeps the ratio of the 5,000,000-records-across-10,000-mailboxes target.
const auditPerMailbox = 500

// benchAudit returns audit record i of n, spread evenly over the 90 days before
// storetest.Now across n/auditPerMailbox mailboxes.
func benchAudit(i, n int) store.AuditRecord {
	mailboxes := max(n/auditPerMailbox, 1)
	span := 89 * 24 * time.Hour
	r := storetest.AuditRecord(i, storetest.ID(0, i%mailboxes), storetest.Now.Add(-time.Duration(int64(span)/int64(n)*int64(i))))
	r.Operation = []string{"Update", "SoftDelete", "MailItemsAccessed", "SendAs", "HardDelete"}[i%5]
	r.LogonType = []string{"Owner", "Delegate", "Admin"}[i%3]
	return r
}

// openBench opens a store on disk on the suite's clock, held for the benchmark.
func openBench(b *testing.B) *Store {
	b.Helper()
	s, err := Open(b.TempDir(), WithClock(benchClock{}))
	if err != nil {
		b.Fatal(err)
	}
	release, err := s.Acquire(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { release(); s.Close() })
	return s
}

// benchClock pins the benchmarks to storetest.Now.
type benchClock struct{}

func (benchClock) Now() time.Time { return storetest.Now }

// seedAudit loads n benchmark records in chunks.
func seedAudit(b *testing.B, s *Store, n int) {
	b.Helper()
	const chunk = 50_000
	recs := make([]store.AuditRecord, 0, chunk)
	for i := 0; i < n; i++ {
		recs = append(recs, benchAudit(i, n))
		if len(recs) == chunk || i == n-1 {
			if err := s.SeedAudit(context.Background(), recs); err != nil {
				b.Fatal(err)
			}
			recs = recs[:0]
		}
	}
}

// BenchmarkAuditSeed measures SeedAudit (checks, expiry, one encoding per record,
// batched writes) against Badger's own WriteBatch, with Badger's default options,
// writing the same entries (the store's encoding of each record, without any checks)
// into a fresh database in the same benchmark.
func BenchmarkAuditSeed(b *testing.B) {
	n := *benchAuditRecords
	b.Run("store", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			s := openBench(b)
			b.StartTimer()
			seedAudit(b, s, n)
		}
		b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "records/s")
	})
	b.Run("raw", func(b *testing.B) {
		life := rawLife
		for b.Loop() {
			rawBatch(b, n, func(i int, emit func(*badger.Entry) error) error {
				r := benchAudit(i, n)
				r.Created = normTime(r.Created)
				r.Expires = r.Created.Add(store.DefaultAuditLogAgeLimit)
				p := auditPlan{r: r, pk: auditKey(r.Created, r.ID), life: life}
				return p.emit(emit)
			})
		}
		b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "records/s")
	})
}

// rawLife is the expiry of the raw benchmarks' entries: far ahead, so that, as with the
// store's entries, compaction keeps them all.
var rawLife = lifetime{expiresAt: 1 << 40}

// rawBatch opens a fresh Badger database with Badger's default options (outside the
// timer) and writes n records through one WriteBatch, entries made by put.
func rawBatch(b *testing.B, n int, put func(i int, emit func(*badger.Entry) error) error) {
	b.Helper()
	b.StopTimer()
	db, err := badger.Open(badger.DefaultOptions(b.TempDir()).WithLogger(nil))
	if err != nil {
		b.Fatal(err)
	}
	b.StartTimer()
	wb := db.NewWriteBatch()
	for i := range n {
		if err := put(i, wb.SetEntry); err != nil {
			b.Fatal(err)
		}
	}
	if err := wb.Flush(); err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	if err := db.Close(); err != nil {
		b.Fatal(err)
	}
	b.StartTimer()
}

// BenchmarkFindAuditMailboxWeek reads the last week of one mailbox (about 40 of its 500
// records) from a log of -audit.find records.
func BenchmarkFindAuditMailboxWeek(b *testing.B) {
	n := *benchAuditFind
	s := openBench(b)
	seedAudit(b, s, n)
	mailboxes := max(n/auditPerMailbox, 1)
	ctx := context.Background()
	b.ReportAllocs()
	i, found := 0, 0
	for b.Loop() {
		recs, _, err := s.FindAudit(ctx, store.AuditQuery{
			Mailboxes: []store.ID{storetest.ID(0, i%mailboxes)},
			Start:     storetest.Now.Add(-7 * 24 * time.Hour),
			End:       storetest.Now,
		})
		if err != nil || len(recs) == 0 {
			b.Fatalf("FindAudit: %d records, %v", len(recs), err)
		}
		found += len(recs)
		i += 7
	}
	b.ReportMetric(float64(found)/float64(b.N), "records/op")
}

// benchTrace returns trace row i of n, spread over the 89 days before storetest.Now:
// 100 senders (n/100 rows each) and 1,000 recipients.
func benchTrace(i, n int) store.TraceRow {
	span := 89 * 24 * time.Hour
	r := storetest.TraceRow(i, fmt.Sprintf("sender%03d@contoso.com", i%100), fmt.Sprintf("rcpt%04d@fabrikam.com", (i*7)%1000),
		storetest.Now.Add(-time.Duration(int64(span)/int64(n)*int64(i))))
	r.MessageTraceId = storetest.ID(4, i)
	return r
}

func seedTraces(b *testing.B, s *Store, n int) {
	b.Helper()
	const chunk = 50_000
	rows := make([]store.TraceRow, 0, chunk)
	for i := 0; i < n; i++ {
		rows = append(rows, benchTrace(i, n))
		if len(rows) == chunk || i == n-1 {
			if err := s.SeedTraces(context.Background(), rows, nil); err != nil {
				b.Fatal(err)
			}
			rows = rows[:0]
		}
	}
}

// BenchmarkTraceSeed measures SeedTraces against Badger's own WriteBatch writing the same
// entries (the store's encoding of each row, without any checks) into a fresh database
// with Badger's default options, in the same benchmark.
func BenchmarkTraceSeed(b *testing.B) {
	n := *benchTraceRows
	b.Run("store", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			s := openBench(b)
			b.StartTimer()
			seedTraces(b, s, n)
		}
		b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "rows/s")
	})
	b.Run("raw", func(b *testing.B) {
		life := rawLife
		for b.Loop() {
			rawBatch(b, n, func(i int, emit func(*badger.Entry) error) error {
				r := benchTrace(i, n)
				r.Received = normTime(r.Received)
				p := tracePlan{key: traceKey(r.Received, r.MessageTraceId, r.RecipientAddress), life: life, row: &r}
				return p.emit(emit)
			})
		}
		b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "rows/s")
	})
}

// tenDays bounds a query to a 10-day window ending 20 days before storetest.Now.
func tenDays(q store.TraceQuery) store.TraceQuery {
	q.End = storetest.Now.Add(-20 * 24 * time.Hour)
	q.Start = q.End.Add(-10 * 24 * time.Hour)
	return q
}

// BenchmarkFindTracesSender10Days reads the first page (1000 rows) of a 10-day window
// by sender (about 1,100 rows in the window at 1M rows) over -trace.rows rows.
func BenchmarkFindTracesSender10Days(b *testing.B) {
	benchFindTraces(b, func(i int) store.TraceQuery {
		return tenDays(store.TraceQuery{Senders: []string{fmt.Sprintf("sender%03d@contoso.com", i%100)}})
	})
}

// BenchmarkFindTracesRecipient10Days reads a 10-day window by recipient (about 110 rows
// at 1M rows).
func BenchmarkFindTracesRecipient10Days(b *testing.B) {
	benchFindTraces(b, func(i int) store.TraceQuery {
		return tenDays(store.TraceQuery{Recipients: []string{fmt.Sprintf("rcpt%04d@fabrikam.com", i%1000)}})
	})
}

func benchFindTraces(b *testing.B, query func(i int) store.TraceQuery) {
	n := *benchTraceRows
	s := openBench(b)
	seedTraces(b, s, n)
	ctx := context.Background()
	b.ReportAllocs()
	i, found := 0, 0
	for b.Loop() {
		rows, _, err := s.FindTraces(ctx, query(i))
		if err != nil || len(rows) == 0 {
			b.Fatalf("FindTraces: %d rows, %v", len(rows), err)
		}
		found += len(rows)
		i += 13
	}
	b.ReportMetric(float64(found)/float64(b.N), "rows/op")
}
