package mailflow

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/exosh/exosh/store"
)

// TrafficOptions describes a run of generated traffic.
type TrafficOptions struct {
	// End is the end of the generated period (normally the tenant's now); the traffic
	// covers the Days before it. Nothing is generated after End.
	End    time.Time
	Days   int
	PerDay int
	Seed   uint64
	// Progress, when set, is told how many messages of the total are done.
	Progress func(done, total int)
	// Stopwatch, when set, is the wall clock that WriteTime is measured with (benchmarks
	// pass one; exosh itself never reads the wall clock outside cmd/).
	Stopwatch func() time.Time
}

// TrafficStats counts what a run produced.
type TrafficStats struct {
	Messages int
	Rows     int
	Events   int
	// WriteTime is the time the store spent writing (SeedTraces), which overlaps the
	// routing of the next batch; measured only when TrafficOptions.Stopwatch is set.
	WriteTime time.Duration
}

// Shares of the generated traffic, in percent of messages.
var trafficMix = []struct {
	kind  string
	share int
}{
	{"internal", 42}, {"inbound", 24}, {"outbound", 16}, {"group", 6},
	{"spam", 6}, {"phish", 1}, {"malware", 1}, {"unknown", 3}, {"defer", 1},
}

var externalDomains = []string{"fabrikam.com", "tailspintoys.com", "adatum.com", "northwindtraders.com",
	"woodgrovebank.com", "litwareinc.com", "wingtiptoys.com", "proseware.com"}

var externalPeople = []string{"michelle", "robert", "sara", "david", "lena", "omar", "yuki", "carlos", "ines", "peter"}

var subjects = []string{"Quarterly report", "Meeting notes", "Invoice %d", "Re: Project timeline", "Lunch on Friday?",
	"Contract draft v%d", "Updated price list", "Fw: Customer feedback", "Travel approval", "Weekly status %d",
	"Re: Budget review", "Welcome aboard", "Shipping confirmation %d", "Password expiry notice", "Team offsite"}

var spamSubjects = []string{"You have won a prize", "Cheap meds online", "Your account is suspended", "Act now: limited offer",
	"Crypto investment opportunity"}

// Traffic generates realistic, repeatable mail traffic for the tenant: internal,
// inbound, outbound and group mail, a share of spam, phishing, malware, deferrals and
// failed deliveries. The same options on the same tenant always produce the same
// messages. Rows are bulk-loaded (SeedTraces); mailbox items are not created for
// generated traffic.
func Traffic(ctx context.Context, st Store, o TrafficOptions) (TrafficStats, error) {
	var stats TrafficStats
	if o.Days <= 0 || o.PerDay <= 0 {
		return stats, nil
	}
	rt, err := NewRouter(ctx, st)
	if err != nil {
		return stats, err
	}
	people, groups, err := directory(ctx, st)
	if err != nil {
		return stats, err
	}
	if len(people) == 0 {
		return stats, fmt.Errorf("the tenant has no mailboxes to send mail: %w", store.ErrInvalid)
	}
	rng := rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15))
	end := o.End.UTC().Truncate(time.Second)
	start := end.Add(-time.Duration(o.Days) * 24 * time.Hour)
	total := o.Days * o.PerDay
	const batch = 5000
	var rows []store.TraceRow
	var events []store.TraceEvent
	// Routing runs while the previous batch is written: one writer goroutine takes
	// finished batches, so generation and the store's work overlap.
	type chunk struct {
		rows   []store.TraceRow
		events []store.TraceEvent
	}
	work := make(chan chunk, 1)
	written := make(chan error, 1)
	var writeTime time.Duration
	go func() {
		var werr error
		for c := range work {
			if werr != nil {
				continue
			}
			var t0 time.Time
			if o.Stopwatch != nil {
				t0 = o.Stopwatch()
			}
			werr = st.SeedTraces(ctx, c.rows, c.events)
			if o.Stopwatch != nil {
				writeTime += o.Stopwatch().Sub(t0)
			}
			if errors.Is(werr, store.ErrExists) {
				werr = fmt.Errorf("the traffic of seed %d is already in the tenant: %w", o.Seed, werr)
			}
		}
		written <- werr
	}()
	closed := false
	finish := func() error {
		if !closed {
			closed = true
			close(work)
			return <-written
		}
		return nil
	}
	defer finish()
	flush := func() error {
		if len(rows) == 0 {
			return nil
		}
		stats.Rows += len(rows)
		stats.Events += len(events)
		work <- chunk{rows, events}
		rows, events = make([]store.TraceRow, 0, batch+64), make([]store.TraceEvent, 0, 4*batch)
		return nil
	}
	domain := ""
	for _, d := range rt.tenant.AcceptedDomains {
		if d.Default {
			domain = d.DomainName
		}
	}
	if domain == "" {
		domain = rt.tenant.InitialDomain
	}
	for i := range total {
		if err := ctx.Err(); err != nil {
			return stats, err
		}
		day := i / o.PerDay
		// Office hours are busier: two thirds of the day's mail falls in 08:00-18:00.
		var secs int
		if rng.IntN(3) < 2 {
			secs = 8*3600 + rng.IntN(10*3600)
		} else {
			secs = rng.IntN(24 * 3600)
		}
		at := start.Add(time.Duration(day)*24*time.Hour + time.Duration(secs)*time.Second)
		if at.After(end) {
			continue
		}
		m := Message{Received: at, Nonce: int(o.Seed%1_000_000)*1_000_000 + i}
		m.Subject = subjects[rng.IntN(len(subjects))]
		if strings.Contains(m.Subject, "%d") {
			m.Subject = fmt.Sprintf(m.Subject, 1000+rng.IntN(9000))
		}
		m.Size = int64(4000 + rng.IntN(60000))
		if rng.IntN(10) == 0 {
			m.Size += int64(rng.IntN(5_000_000))
		}
		person := func() string { return people[rng.IntN(len(people))] }
		external := func() string {
			return externalPeople[rng.IntN(len(externalPeople))] + "@" + externalDomains[rng.IntN(len(externalDomains))]
		}
		switch pick(rng) {
		case "internal":
			m.From, m.To = person(), []string{person()}
			if rng.IntN(4) == 0 {
				m.Cc = []string{person()}
			}
		case "inbound":
			m.From, m.To = external(), []string{person()}
		case "outbound":
			m.From, m.To = person(), []string{external()}
		case "group":
			if len(groups) == 0 {
				m.From, m.To = person(), []string{person()}
			} else {
				m.From, m.To = person(), []string{groups[rng.IntN(len(groups))]}
			}
		case "spam":
			m.From, m.To, m.Verdict = external(), []string{person()}, VerdictSpam
			m.Subject = spamSubjects[rng.IntN(len(spamSubjects))]
		case "phish":
			m.From, m.To, m.Verdict = external(), []string{person()}, VerdictPhish
			m.Subject = spamSubjects[rng.IntN(len(spamSubjects))]
		case "malware":
			m.From, m.To, m.Verdict = external(), []string{person()}, VerdictMalware
			m.Subject = "Invoice attached"
		case "unknown":
			m.From, m.To = person(), []string{fmt.Sprintf("former.employee%d@%s", rng.IntN(50), domain)}
		case "defer":
			m.From, m.To, m.Verdict = person(), []string{external()}, VerdictDefer
		}
		res, err := rt.plan(ctx, m, 0, true)
		if err != nil {
			return stats, err
		}
		rows = append(rows, res.Rows...)
		events = append(events, res.Events...)
		stats.Messages++
		if len(rows) >= batch {
			if err := flush(); err != nil {
				return stats, err
			}
		}
		if o.Progress != nil && (i+1)%500 == 0 {
			o.Progress(i+1, total)
		}
	}
	if err := flush(); err != nil {
		return stats, err
	}
	err = finish()
	stats.WriteTime = writeTime
	if err != nil {
		return stats, err
	}
	if o.Progress != nil {
		o.Progress(total, total)
	}
	return stats, nil
}

// pick draws a traffic kind by the mix's shares.
func pick(rng *rand.Rand) string {
	n := rng.IntN(100)
	for _, k := range trafficMix {
		if n < k.share {
			return k.kind
		}
		n -= k.share
	}
	return "internal"
}

// directory lists the primary addresses of the tenant's user mailboxes and groups, in
// name order (so generation is repeatable).
func directory(ctx context.Context, st Store) (people, groups []string, err error) {
	var after store.Cursor
	for {
		rs, next, err := st.FindRecipients(ctx, store.RecipientQuery{Classes: []store.Class{store.ClassMailbox, store.ClassGroup},
			Limit: 1000, After: after})
		if err != nil {
			return nil, nil, err
		}
		for _, r := range rs {
			if r.PrimarySmtpAddress == "" || r.SoftDeleted() {
				continue
			}
			switch {
			case strings.EqualFold(r.RecipientTypeDetails, "UserMailbox"):
				people = append(people, r.PrimarySmtpAddress)
			case strings.HasPrefix(strings.ToLower(r.RecipientTypeDetails), "mail") && strings.Contains(strings.ToLower(r.RecipientTypeDetails), "group"):
				groups = append(groups, r.PrimarySmtpAddress)
			}
		}
		if next == "" {
			return people, groups, nil
		}
		after = next
	}
}

// SeedHistory gives a new tenant ten days of traffic before now (200 messages a day,
// seed 1): the history the demo tenant ships with.
func SeedHistory(ctx context.Context, st Store, now time.Time) error {
	_, err := Traffic(ctx, st, TrafficOptions{End: now, Days: 10, PerDay: 200, Seed: 1})
	return err
}
