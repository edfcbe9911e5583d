package mailflow_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/exosh/exosh/cmdlets/mailflow"
	"github.com/exosh/exosh/store"
	"github.com/exosh/exosh/store/badgerstore"
	"github.com/exosh/exosh/store/demo"
)

type fixedClock time.Time

func (c fixedClock) Now() time.Time { return time.Time(c) }

var testNow = time.Date(2026, 9, 18, 15, 0, 0, 0, time.UTC)

// demoTenant opens an in-memory demo tenant whose clock stands at testNow.
func demoTenant(t testing.TB) *badgerstore.Store {
	t.Helper()
	st, err := badgerstore.Open("", badgerstore.InMemory(), badgerstore.WithClock(fixedClock(testNow)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := demo.Seed(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	return st
}

func send(t *testing.T, st mailflow.Store, m mailflow.Message) mailflow.Result {
	t.Helper()
	rt, err := mailflow.NewRouter(context.Background(), st)
	if err != nil {
		t.Fatal(err)
	}
	if m.Received.IsZero() {
		m.Received = testNow
	}
	res, err := rt.Send(context.Background(), m)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func events(t *testing.T, st store.Traces, res mailflow.Result, rcpt string) []string {
	t.Helper()
	evs, err := st.TraceEvents(context.Background(), res.TraceID, rcpt)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range evs {
		out = append(out, e.Event)
	}
	return out
}

func TestRouteFates(t *testing.T) {
	st := demoTenant(t)
	tests := []struct {
		name   string
		m      mailflow.Message
		rcpt   string
		status string
		events string
		nrows  int
	}{
		{"mailbox", mailflow.Message{From: "john@contoso.com", To: []string{"robert@contoso.com"}}, "robert@contoso.com",
			store.TraceDelivered, "Receive,Submit,Deliver", 1},
		{"unknown in accepted domain", mailflow.Message{From: "john@contoso.com", To: []string{"nobody@contoso.com"}}, "nobody@contoso.com",
			store.TraceFailed, "Receive,Submit,Fail", 2},
		{"external", mailflow.Message{From: "john@contoso.com", To: []string{"sara@fabrikam.com"}}, "sara@fabrikam.com",
			store.TraceDelivered, "Receive,Submit,Send external", 1},
		{"group", mailflow.Message{From: "john@contoso.com", To: []string{"auditors@contoso.com"}}, "auditors@contoso.com",
			store.TraceExpanded, "Receive,Submit,Expand DL,Drop", 3},
		{"spam", mailflow.Message{From: "x@spam.example.com", To: []string{"robert@contoso.com"}, Verdict: mailflow.VerdictSpam}, "robert@contoso.com",
			store.TraceFilteredAsSpam, "Receive,Spam", 1},
		{"malware", mailflow.Message{From: "x@spam.example.com", To: []string{"robert@contoso.com"}, Verdict: mailflow.VerdictMalware}, "robert@contoso.com",
			store.TraceQuarantined, "Receive,Malware", 1},
		{"rule", mailflow.Message{From: "john@contoso.com", To: []string{"robert@contoso.com"}, Verdict: mailflow.VerdictTransportRuleBlock}, "robert@contoso.com",
			store.TraceFailed, "Receive,Submit,Transport rule,Fail", 2},
		{"deferred", mailflow.Message{From: "john@contoso.com", To: []string{"robert@contoso.com"}, Verdict: mailflow.VerdictDefer}, "robert@contoso.com",
			store.TracePending, "Receive,Submit,Defer", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.m.Subject = tt.name
			res := send(t, st, tt.m)
			if got := res.Status(tt.rcpt); got != tt.status {
				t.Errorf("status %q, want %q", got, tt.status)
			}
			if got := strings.Join(events(t, st, res, tt.rcpt), ","); got != tt.events {
				t.Errorf("events %s, want %s", got, tt.events)
			}
			if len(res.Rows) != tt.nrows {
				t.Errorf("%d rows, want %d", len(res.Rows), tt.nrows)
			}
		})
	}
}

func TestFailedDetailAndNDR(t *testing.T) {
	st := demoTenant(t)
	res := send(t, st, mailflow.Message{From: "john@contoso.com", To: []string{"nobody@contoso.com"}, Subject: "Hello"})
	evs, _ := st.TraceEvents(context.Background(), res.TraceID, "nobody@contoso.com")
	last := evs[len(evs)-1]
	if !strings.Contains(last.Detail, "550 5.1.10 RESOLVER.ADR.RecipientNotFound") {
		t.Errorf("fail detail %q", last.Detail)
	}
	ndr := res.Rows[len(res.Rows)-1]
	if ndr.Subject != "Undeliverable: Hello" || !strings.EqualFold(ndr.RecipientAddress, "john@contoso.com") ||
		!strings.HasPrefix(ndr.SenderAddress, "MicrosoftExchange") || ndr.Status != store.TraceDelivered {
		t.Errorf("NDR row %+v", ndr)
	}
}

func TestSizeLimitAndForwarding(t *testing.T) {
	st := demoTenant(t)
	ctx := context.Background()
	r, err := st.Recipient(ctx, "robert@contoso.com")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.UpdateRecipient(ctx, r.Guid, func(x *store.Recipient) error {
		x.ForwardingSmtpAddress = "smtp:robert@fabrikam.com"
		x.DeliverToMailboxAndForward = true
		x.MaxReceiveSize = 1 << 20
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	res := send(t, st, mailflow.Message{From: "john@contoso.com", To: []string{"robert@contoso.com"}, Subject: "fwd"})
	if got := strings.Join(events(t, st, res, "robert@contoso.com"), ","); got != "Receive,Submit,Redirect,Deliver" {
		t.Errorf("forwarded events %s", got)
	}
	if res.Status("robert@fabrikam.com") != store.TraceDelivered || len(res.Delivered) != 1 {
		t.Errorf("forward copy: %+v", res.Rows)
	}
	big := send(t, st, mailflow.Message{From: "john@contoso.com", To: []string{"robert@contoso.com"}, Subject: "big", Size: 2 << 20})
	if big.Status("robert@contoso.com") != store.TraceFailed {
		t.Errorf("oversize status %q", big.Status("robert@contoso.com"))
	}
}

func TestSettleDeferred(t *testing.T) {
	st := demoTenant(t)
	ctx := context.Background()
	res := send(t, st, mailflow.Message{From: "john@contoso.com", To: []string{"sara@fabrikam.com"}, Verdict: mailflow.VerdictDeferExpire})
	row := res.Rows[0]
	same, err := mailflow.Settle(ctx, st, row, testNow.Add(time.Hour))
	if err != nil || same.Status != store.TracePending {
		t.Fatalf("before expiry: %v %v", same.Status, err)
	}
	done, err := mailflow.Settle(ctx, st, row, testNow.Add(25*time.Hour))
	if err != nil || done.Status != store.TraceFailed {
		t.Fatalf("after expiry: %v %v", done.Status, err)
	}
	got := events(t, st, res, "sara@fabrikam.com")
	if got[len(got)-1] != mailflow.EventFail || len(got) < 20 {
		t.Errorf("events after expiry: %v", got)
	}
}

func TestTrafficRepeats(t *testing.T) {
	count := func(seed uint64) (mailflow.TrafficStats, []store.TraceRow) {
		st := demoTenant(t)
		stats, err := mailflow.Traffic(context.Background(), st, mailflow.TrafficOptions{End: testNow, Days: 2, PerDay: 300, Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		rows, _, err := st.FindTraces(context.Background(), store.TraceQuery{Limit: 5000})
		if err != nil {
			t.Fatal(err)
		}
		return stats, rows
	}
	s1, r1 := count(42)
	s2, r2 := count(42)
	s3, _ := count(7)
	s1.WriteTime, s2.WriteTime, s3.WriteTime = 0, 0, 0
	if s1 != s2 || len(r1) != len(r2) || r1[0].MessageTraceId != r2[0].MessageTraceId {
		t.Errorf("same seed differs: %+v vs %+v", s1, s2)
	}
	if s1 == s3 {
		t.Errorf("different seeds gave identical stats %+v", s1)
	}
	statuses := map[string]int{}
	for _, r := range r1 {
		statuses[r.Status]++
	}
	for _, want := range []string{store.TraceDelivered, store.TraceFailed, store.TraceFilteredAsSpam, store.TraceExpanded} {
		if statuses[want] == 0 {
			t.Errorf("no %s rows in generated traffic: %v", want, statuses)
		}
	}
}
