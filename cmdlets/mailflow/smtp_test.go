package mailflow_test

import (
	"context"
	"fmt"
	"net"
	"net/smtp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/exosh/exosh/cmdlets/mailflow"
	"github.com/exosh/exosh/store"
)

// listen starts the listener on a free loopback port and returns its address.
func listen(t testing.TB, st mailflow.Store) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- mailflow.ServeListener(ctx, l, mailflow.NewTenantHandler(st, fixedClock(testNow)), mailflow.ServeOptions{})
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	return l.Addr().String()
}

func TestSMTPClient(t *testing.T) {
	st := demoTenant(t)
	addr := listen(t, st)
	msg := "From: Sara <sara@fabrikam.com>\r\nTo: john@contoso.com, nobody@contoso.com\r\nSubject: Proposal from Fabrikam\r\n" +
		"Message-ID: <proposal-1@fabrikam.com>\r\n\r\nHello John.\r\n"
	if err := smtp.SendMail(addr, nil, "sara@fabrikam.com", []string{"john@contoso.com", "nobody@contoso.com"}, []byte(msg)); err != nil {
		t.Fatal(err)
	}
	rows, _, err := st.FindTraces(context.Background(), store.TraceQuery{Senders: []string{"sara@fabrikam.com"}})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range rows {
		got[strings.ToLower(r.RecipientAddress)] = r.Status
		if r.Subject != "Proposal from Fabrikam" || r.MessageId != "<proposal-1@fabrikam.com>" || r.FromIP != "127.0.0.1" {
			t.Errorf("row %+v", r)
		}
	}
	if got["john@contoso.com"] != store.TraceDelivered || got["nobody@contoso.com"] != store.TraceFailed {
		t.Errorf("statuses %v", got)
	}
	evs, _ := st.TraceEvents(context.Background(), rows[0].MessageTraceId, "john@contoso.com")
	if len(evs) == 0 || evs[0].Event != mailflow.EventReceive || evs[len(evs)-1].Event != mailflow.EventDeliver {
		t.Errorf("events %+v", evs)
	}
	// Relaying between two outside domains is refused at RCPT time.
	err = smtp.SendMail(addr, nil, "sara@fabrikam.com", []string{"bob@tailspintoys.com"}, []byte(msg))
	if err == nil || !strings.Contains(err.Error(), "5.7.54") {
		t.Errorf("relay: %v", err)
	}
}

func TestServeLoopbackOnly(t *testing.T) {
	err := mailflow.Serve(context.Background(), "0.0.0.0:0", nil, mailflow.ServeOptions{})
	if err == nil || !strings.Contains(err.Error(), "loopback") {
		t.Errorf("Serve on 0.0.0.0: %v", err)
	}
}

// BenchmarkSMTPListener measures messages per second from 8 concurrent clients, each
// keeping one connection open and sending message after message.
func BenchmarkSMTPListener(b *testing.B) {
	st := demoTenant(b)
	addr := listen(b, st)
	const clients = 8
	var wg sync.WaitGroup
	per := (b.N + clients - 1) / clients
	b.ResetTimer()
	start := time.Now()
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cl, err := smtp.Dial(addr)
			if err != nil {
				b.Error(err)
				return
			}
			defer cl.Close()
			for i := range per {
				if err := send1(cl, fmt.Sprintf("bench %d-%d", c, i)); err != nil {
					b.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	b.ReportMetric(float64(per*clients)/time.Since(start).Seconds(), "msgs/s")
}

func send1(cl *smtp.Client, subject string) error {
	if err := cl.Mail("sara@fabrikam.com"); err != nil {
		return err
	}
	if err := cl.Rcpt("john@contoso.com"); err != nil {
		return err
	}
	w, err := cl.Data()
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Subject: %s\r\n\r\nbody\r\n", subject)
	return w.Close()
}
