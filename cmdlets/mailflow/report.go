package mailflow

import (
	"context"
	"encoding/csv"
	"io"
	"strings"
	"time"

	"github.com/exosh/exosh/store"
)

// Report types of historical searches that exosh has data for, and the number of rows
// each report holds at most.
var ReportLimits = map[string]int{
	"MessageTrace":       100000, // enhanced summary
	"MessageTraceDetail": 1000,   // extended report
	"SPAM":               100000,
	"Malware":            100000,
}

// ReportColumns returns the CSV columns of a report type.
func ReportColumns(reportType string) []string {
	if reportType == "MessageTraceDetail" {
		return []string{"date_time_utc", "client_ip", "client_hostname", "server_ip", "server_hostname", "source_context",
			"connector_id", "source", "event_id", "internal_message_id", "message_id", "network_message_id",
			"recipient_address", "recipient_status", "total_bytes", "recipient_count", "related_recipient_address",
			"reference", "message_subject", "sender_address", "return_path", "message_info", "directionality",
			"tenant_id", "original_client_ip", "original_server_ip", "custom_data"}
	}
	return []string{"origin_timestamp_utc", "sender_address", "recipient_status", "message_subject", "total_bytes",
		"message_id", "network_message_id", "original_client_ip", "directionality", "connector_id", "delivery_priority"}
}

// ReportQuery selects what a historical search reads.
type ReportQuery struct {
	ReportType       string
	Start, End       time.Time
	Senders          []string
	Recipients       []string
	MessageIDs       []string
	DeliveryStatus   string // Delivered, Expanded, Failed
	Direction        string // All, Received, Sent
	OriginalClientIP string
}

// BuildReport reads the trace rows q selects page by page and hands the report's rows
// to emit in batches, stopping at the report type's limit. Memory stays flat however
// many rows the report has. It returns the number of rows emitted.
func BuildReport(ctx context.Context, st store.Traces, q ReportQuery, emit func([]store.SearchRow) error) (int, error) {
	limit := ReportLimits[q.ReportType]
	tq := store.TraceQuery{Start: q.Start, End: q.End, Senders: q.Senders, Recipients: q.Recipients, MessageIDs: q.MessageIDs, Limit: 1000}
	switch q.ReportType {
	case "SPAM":
		tq.Statuses = []string{store.TraceFilteredAsSpam, store.TraceQuarantined}
	case "Malware":
		tq.Statuses = []string{store.TraceQuarantined}
	}
	if q.DeliveryStatus != "" {
		tq.Statuses = append(tq.Statuses, q.DeliveryStatus)
	}
	n := 0
	for n < limit {
		rows, next, err := st.FindTraces(ctx, tq)
		if err != nil {
			return n, err
		}
		var out []store.SearchRow
		for i := range rows {
			r := &rows[i]
			if !directionMatches(q.Direction, r.Direction) || (q.OriginalClientIP != "" && r.FromIP != q.OriginalClientIP) {
				continue
			}
			if q.ReportType == "MessageTraceDetail" {
				evs, err := st.TraceEvents(ctx, r.MessageTraceId, r.RecipientAddress)
				if err != nil {
					return n, err
				}
				for j := range evs {
					if n+len(out) >= limit {
						break
					}
					out = append(out, detailRow(r, &evs[j]))
				}
			} else if n+len(out) < limit {
				out = append(out, summaryRow(r))
			}
		}
		if len(out) > 0 {
			if err := emit(out); err != nil {
				return n, err
			}
			n += len(out)
		}
		if next == "" {
			break
		}
		tq.After = next
	}
	return n, nil
}

// directionMatches applies Start-HistoricalSearch -Direction: Received is mail coming
// into the tenant, Sent is mail leaving it.
func directionMatches(want, dir string) bool {
	switch strings.ToLower(want) {
	case "received":
		return dir == "Inbound"
	case "sent":
		return dir == "Outbound"
	}
	return true
}

func csvTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.0000000Z") }

// summaryRow is one enhanced summary line.
func summaryRow(r *store.TraceRow) store.SearchRow {
	dir := "Originating"
	if r.Direction == "Inbound" {
		dir = "Incoming"
	}
	return store.SearchRow{csvTime(r.Received), r.SenderAddress, r.RecipientAddress + "##" + r.Status, r.Subject,
		itoa(r.Size), r.MessageId, r.MessageTraceId.String(), r.FromIP, dir, "", "Normal"}
}

// detailRow is one extended report line: one event of one recipient.
func detailRow(r *store.TraceRow, e *store.TraceEvent) store.SearchRow {
	dir := "Originating"
	if r.Direction == "Inbound" {
		dir = "Incoming"
	}
	host := dataValue(e.Data, "ServerHostName")
	return store.SearchRow{csvTime(e.Date), r.FromIP, "", "", host, e.Detail, "", "SMTP", strings.ToUpper(strings.ReplaceAll(e.Event, " ", "")),
		"", r.MessageId, r.MessageTraceId.String(), r.RecipientAddress, r.Status, itoa(r.Size), "1", "", "", r.Subject,
		r.SenderAddress, r.SenderAddress, "", dir, "", r.FromIP, "", ""}
}

func itoa(n int64) string {
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// WriteCSV streams a report as CSV: the header, then every page next returns until it
// reports no more. Only one page is in memory at a time.
func WriteCSV(w io.Writer, header []string, next func() ([]store.SearchRow, bool, error)) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	for {
		rows, more, err := next()
		if err != nil {
			return err
		}
		for _, r := range rows {
			if err := cw.Write(r); err != nil {
				return err
			}
		}
		if !more {
			break
		}
	}
	cw.Flush()
	return cw.Error()
}
