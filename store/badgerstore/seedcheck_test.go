package badgerstore

import (
	"errors"
	"testing"
	"time"

	"github.com/exosh/exosh/store"
	"github.com/exosh/exosh/store/storetest"
)

// Bulk loads encode while Badger already writes the first part of the batch, so
// everything that could make encoding fail is checked up front: a bad record late in a
// large call is refused and nothing of the call is written.
func TestSeedRefusesBeforeWriting(t *testing.T) {
	s := openDir(t, "", InMemory(), WithClock(benchClock{}))
	const n = 30_000 // several Badger transactions' worth of entries
	late := time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)

	recs := make([]store.AuditRecord, n)
	for i := range recs {
		recs[i] = benchAudit(i, n)
	}
	recs[n-1].Expires = late
	if err := s.SeedAudit(bg, recs); !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("SeedAudit with an expiry past 9999: %v, want ErrInvalid", err)
	}
	recs[n-1] = benchAudit(n-1, n)
	recs[n-1].Created = late
	if err := s.SeedAudit(bg, recs); !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("SeedAudit with a time past 9999: %v, want ErrInvalid", err)
	}
	if got, _, err := s.FindAudit(bg, store.AuditQuery{Limit: 1}); err != nil || len(got) != 0 {
		t.Fatalf("after refused seeds: %d records, %v", len(got), err)
	}

	rows := make([]store.TraceRow, n)
	for i := range rows {
		rows[i] = benchTrace(i, n)
	}
	events := []store.TraceEvent{{MessageTraceId: rows[n-1].MessageTraceId, RecipientAddress: rows[n-1].RecipientAddress, Date: late, Event: "Deliver"}}
	if err := s.SeedTraces(bg, rows, events); !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("SeedTraces with an event past 9999: %v, want ErrInvalid", err)
	}
	rows[0].Received = late
	if err := s.SeedTraces(bg, rows, nil); !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("SeedTraces with a row past 9999: %v, want ErrInvalid", err)
	}
	if got, _, err := s.FindTraces(bg, store.TraceQuery{Limit: 1}); err != nil || len(got) != 0 {
		t.Fatalf("after refused seeds: %d rows, %v", len(got), err)
	}

	// The same calls, corrected, load everything, and the indexes agree with the records.
	recs[n-1] = benchAudit(n-1, n)
	rows[0] = benchTrace(0, n)
	events[0].Date = storetest.Now.Add(-time.Minute)
	if err := s.SeedAudit(bg, recs); err != nil {
		t.Fatal(err)
	}
	if err := s.SeedTraces(bg, rows, events); err != nil {
		t.Fatal(err)
	}
	if got, _, err := s.FindAudit(bg, store.AuditQuery{Limit: n + 1}); err != nil || len(got) != n {
		t.Fatalf("seeded audit: %d records, %v", len(got), err)
	}
	if got, _, err := s.FindTraces(bg, store.TraceQuery{Limit: n + 1}); err != nil || len(got) != n {
		t.Fatalf("seeded traces: %d rows, %v", len(got), err)
	}
	if ev, err := s.TraceEvents(bg, rows[n-1].MessageTraceId, rows[n-1].RecipientAddress); err != nil || len(ev) != 1 {
		t.Fatalf("seeded event: %d, %v", len(ev), err)
	}
	if err := s.SeedAudit(bg, recs[:1]); !errors.Is(err, store.ErrExists) {
		t.Errorf("seeding a record again: %v, want ErrExists", err)
	}
	if err := s.Verify(bg); err != nil {
		t.Error(err)
	}
}
