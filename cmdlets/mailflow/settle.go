package mailflow

import (
	"context"
	"time"

	"github.com/exosh/exosh/store"
)

// Settle brings a Pending row up to date at now: when its deferral schedule has run out
// on the tenant clock, the retries, and the final delivery or failure, are appended and
// the row takes its final status. Other rows, and Pending rows still waiting, come back
// unchanged.
func Settle(ctx context.Context, st store.Traces, row store.TraceRow, now time.Time) (store.TraceRow, error) {
	if row.Status != store.TracePending {
		return row, nil
	}
	evs, err := st.TraceEvents(ctx, row.MessageTraceId, row.RecipientAddress)
	if err != nil {
		return row, err
	}
	var first *store.TraceEvent
	for i := range evs {
		if evs[i].Event == EventDefer && dataValue(evs[i].Data, "RetryOutcome") != "" {
			first = &evs[i]
			break
		}
	}
	if first == nil {
		return row, nil
	}
	until, err := time.Parse(time.RFC3339, dataValue(first.Data, "RetryUntil"))
	if err != nil || now.Before(until) {
		return row, nil
	}
	outcome := dataValue(first.Data, "RetryOutcome")
	step := retryInterval
	if outcome == "Fail" {
		step = expireRetry
	}
	led := dataValue(first.Data, "StatusCode")
	var add []store.TraceEvent
	for at := first.Date.Add(step); at.Before(until); at = at.Add(step) {
		add = append(add, eventAt(&row, at, EventDefer, "", reason(led, ""), data(str("StatusCode", led))))
	}
	status := store.TraceDelivered
	if outcome == "Fail" {
		status = store.TraceFailed
		add = append(add, eventAt(&row, until, EventFail, "", reason(ledExpired, ""), data(str("StatusCode", ledExpired))))
	} else if row.ToIP != "" || row.Direction == "Outbound" {
		d := domainOf(row.RecipientAddress)
		ip := externalIP(d)
		add = append(add, eventAt(&row, until, EventSendExternal, "", "Message sent to "+mxHost(d)+" at "+ip+" using TLS1.2 with AES256",
			data(str("RemoteHost", mxHost(d)), str("RemoteIP", ip))))
	} else {
		add = append(add, eventAt(&row, until, EventDeliver, "", "The message was successfully delivered.",
			data(str("DeliveryFolder", "Inbox"), integer("TotalLatency", int64(until.Sub(row.Received)/time.Second)))))
	}
	row, err = st.UpdateTraceStatus(ctx, row, status, add)
	if err != nil || status != store.TraceDelivered {
		return row, err
	}
	return row, fileLate(ctx, st, row)
}

// fileLate puts a message delivered after its deferrals into the recipient's Inbox,
// when the store keeps mailbox items and the recipient is a mailbox of the tenant.
func fileLate(ctx context.Context, st store.Traces, row store.TraceRow) error {
	dir, ok := st.(interface {
		store.Items
		store.Recipients
	})
	if !ok {
		return nil
	}
	r, err := dir.Recipient(ctx, row.RecipientAddress, store.ClassMailbox)
	if err != nil {
		return nil // not a mailbox of the tenant: sent out, nothing to file
	}
	var key [32]byte
	copy(key[:], r.Guid[:])
	for i := range key[:16] {
		key[i] ^= row.MessageTraceId[i]
	}
	return dir.PutItem(ctx, store.Item{Mailbox: r.Guid, ID: traceID(key), Folder: "Inbox", Subject: row.Subject,
		Created: row.Received, Size: row.Size, InternetMessageID: row.MessageId})
}
