package mailflow_test

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"github.com/exosh/exosh/cmdlets/mailflow"
	"github.com/exosh/exosh/store"
	"github.com/exosh/exosh/store/badgerstore"
	"github.com/exosh/exosh/store/demo"
)

// diskTenant opens a demo tenant on disk, held for the benchmark.
func diskTenant(b *testing.B) *badgerstore.Store {
	b.Helper()
	st, err := badgerstore.Open(b.TempDir(), badgerstore.WithClock(fixedClock(testNow)))
	if err != nil {
		b.Fatal(err)
	}
	release, err := st.Acquire(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { release(); st.Close() })
	if err := demo.Seed(context.Background(), st); err != nil {
		b.Fatal(err)
	}
	return st
}

// BenchmarkTrafficSeedVsBadger generates 30 days of 2,000 messages a day (routing plus
// SeedTraces, rows and events) and compares the rate with Badger's own WriteBatch
// writing the same number of entries, encoded as the store encodes them, prepared in
// advance.
func BenchmarkTrafficSeedVsBadger(b *testing.B) {
	var ours, write, raw float64
	for b.Loop() {
		st := diskTenant(b)
		start := time.Now()
		stats, err := mailflow.Traffic(context.Background(), st, mailflow.TrafficOptions{End: testNow, Days: 30, PerDay: 2000, Seed: 42, Stopwatch: time.Now})
		if err != nil {
			b.Fatal(err)
		}
		ours = float64(stats.Rows) / time.Since(start).Seconds()
		write = float64(stats.Rows) / stats.WriteTime.Seconds()

		// The same volume straight into Badger: per row the entries the store writes for a
		// typical row (its record and three index keys) and for each event, the same
		// encoding and sizes, prepared in advance with distinct keys.
		db, err := badger.Open(badger.DefaultOptions(b.TempDir()).WithLogger(nil))
		if err != nil {
			b.Fatal(err)
		}
		sample, err := badgerstore.RawTraceEntries(store.TraceRow{MessageId: "<0123456789ABCDEF01234567@contoso.com>",
			Received: testNow, SenderAddress: "john@contoso.com", RecipientAddress: "robert@contoso.com",
			Subject: "Quarterly report", Status: "Delivered", Size: 12345, Direction: "Intra-org",
			MessageTraceId: store.ID{1, 2, 3}, FromIP: "203.0.113.7"},
			[]store.TraceEvent{{Date: testNow, Event: "Deliver", Detail: "The message was successfully delivered.",
				Data: `<root><MEP Name="ServerHostName" String="SN6PR11MB1234.namprd11.prod.outlook.com" /></root>`}}, 0)
		if err != nil {
			b.Fatal(err)
		}
		rowEntries, ev := sample[:4], sample[4]
		type kv struct {
			k, v []byte
			meta byte
		}
		unique := func(k []byte, i int) []byte {
			k = append([]byte(nil), k...)
			n := len(k)
			k[n-4], k[n-3], k[n-2], k[n-1] = byte(i>>24), byte(i>>16), byte(i>>8), byte(i)
			return k
		}
		var entries []kv
		for i := range stats.Rows {
			for _, e := range rowEntries {
				entries = append(entries, kv{unique(e.Key, i), e.Value, e.UserMeta})
			}
		}
		for i := range stats.Events {
			entries = append(entries, kv{unique(ev.Key, i), ev.Value, ev.UserMeta})
		}
		start = time.Now()
		wb := db.NewWriteBatch()
		for _, e := range entries {
			if err := wb.SetEntry(badger.NewEntry(e.k, e.v).WithMeta(e.meta)); err != nil {
				b.Fatal(err)
			}
		}
		if err := wb.Flush(); err != nil {
			b.Fatal(err)
		}
		raw = float64(stats.Rows) / time.Since(start).Seconds()
		db.Close()
	}
	b.ReportMetric(ours, "rows/s")
	b.ReportMetric(write, "seed-rows/s")
	b.ReportMetric(raw, "badger-rows/s")
	b.ReportMetric(raw/ours, "x-slower")
}

// BenchmarkHistoricalSearchCSV builds a 100,000-row enhanced summary report over 90 days
// and streams it as CSV, sampling the live heap while it runs: the streaming peak must
// not grow with the report. (The build peak includes Badger's memtables, which absorb
// the stored rows.)
func BenchmarkHistoricalSearchCSV(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) { benchReportCSV(b, n) })
	}
}

func benchReportCSV(b *testing.B, n int) {
	st := diskTenant(b)
	ctx := context.Background()
	rows := make([]store.TraceRow, 0, 10_000)
	for i := range n {
		var id store.ID
		id[0], id[1], id[2], id[3], id[15] = byte(i>>24), byte(i>>16), byte(i>>8), byte(i), 7
		rows = append(rows, store.TraceRow{MessageId: "<m@contoso.com>", SenderAddress: "john@contoso.com",
			RecipientAddress: "robert@contoso.com", Subject: "Report", Status: store.TraceDelivered, Size: 4000,
			Received: testNow.Add(-time.Duration(i) * (89 * 24 * time.Hour / time.Duration(n))), MessageTraceId: id, Direction: "Intra-org"})
		if len(rows) == cap(rows) {
			if err := st.SeedTraces(ctx, rows, nil); err != nil {
				b.Fatal(err)
			}
			rows = rows[:0]
		}
	}
	var peak, base uint64
	// sample collects garbage first, so it sees the live heap: what the report holds,
	// not what the collector has yet to sweep.
	sample := func() {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		peak = max(peak, m.HeapAlloc)
	}
	for b.Loop() {
		job := store.SearchJob{JobId: store.ID{byte(b.N), 1}, SubmitDate: testNow, ReportType: "MessageTrace", Status: store.SearchInProgress}
		if err := st.CreateSearch(ctx, job); err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		base, peak = m.HeapAlloc, m.HeapAlloc
		pages := 0
		got, err := mailflow.BuildReport(ctx, st, mailflow.ReportQuery{ReportType: "MessageTrace", Start: testNow.Add(-90 * 24 * time.Hour),
			End: testNow.Add(time.Second), Senders: []string{"john@contoso.com"}}, func(rs []store.SearchRow) error {
			if pages++; pages%20 == 0 {
				sample()
			}
			return st.PutSearchRows(ctx, job.JobId, rs)
		})
		if err != nil || got != n {
			b.Fatalf("report: %d rows, %v", got, err)
		}
		buildPeak := peak - base
		// Stream twice: the first pass also pays for Badger settling the rows just
		// written (memtable flushes, table indexes); the second is the steady state.
		for pass := 0; pass < 2; pass++ {
			runtime.GC()
			runtime.ReadMemStats(&m)
			base, peak = m.HeapAlloc, m.HeapAlloc
			var after store.Cursor
			err = mailflow.WriteCSV(io.Discard, mailflow.ReportColumns("MessageTrace"), func() ([]store.SearchRow, bool, error) {
				rs, next, err := st.SearchRows(ctx, job.JobId, after, 1000)
				after = next
				if pages++; pages%20 == 0 {
					sample()
				}
				return rs, next != "", err
			})
			if err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(buildPeak)/(1<<20), "build-peak-MB")
	}
	b.ReportMetric(float64(peak-base)/(1<<20), "stream-peak-MB")
}
