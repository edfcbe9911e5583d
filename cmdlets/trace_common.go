package cmdlets

import (
	"fmt"
	"strings"
	"time"

	"github.com/exosh/exosh/cmdlets/mailflow"
	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/format"
	"github.com/exosh/exosh/shell/value"
	"github.com/exosh/exosh/store"
)

// messageTraceCmdlets returns the message trace cmdlets.
func messageTraceCmdlets() []shell.CmdletInfo {
	return []shell.CmdletInfo{
		{Name: "Get-MessageTrace", Module: moduleEXO, Synopsis: "Traces messages of the last 10 days (replaced by Get-MessageTraceV2).",
			New: func() shell.Cmdlet { return &getMessageTrace{v2: false} }},
		{Name: "Get-MessageTraceV2", Module: moduleEXO, Synopsis: "Traces messages of the last 90 days, 10 days per query.",
			New: func() shell.Cmdlet { return &getMessageTrace{v2: true} }},
		{Name: "Get-MessageTraceDetail", Module: moduleEXO, Synopsis: "Shows the events of one traced message and recipient.",
			New: func() shell.Cmdlet { return &getMessageTraceDetail{v2: false} }},
		{Name: "Get-MessageTraceDetailV2", Module: moduleEXO, Synopsis: "Shows the events of one traced message and recipient.",
			New: func() shell.Cmdlet { return &getMessageTraceDetail{v2: true} }},
		{Name: "Get-MailFilterListReport", Module: moduleEXO, Synopsis: "Lists the values other reporting cmdlets accept for their filters.",
			New: func() shell.Cmdlet { return new(getMailFilterListReport) }},
		{Name: "Set-SimThrottling", Module: moduleSim, Synopsis: "Turns the message trace throttling budget on or off.",
			New: func() shell.Cmdlet { return new(setSimThrottling) }},
	}
}

// Type names of the message trace objects.
const (
	typeMessageTrace         = "Microsoft.Exchange.Management.FfoReporting.MessageTrace"
	typeMessageTraceV2       = "Microsoft.Exchange.Management.FfoReporting.MessageTraceV2"
	typeMessageTraceDetail   = "Microsoft.Exchange.Management.FfoReporting.MessageTraceDetail"
	typeMessageTraceDetailV2 = "Microsoft.Exchange.Management.FfoReporting.MessageTraceDetailV2"
)

// traceViews are the default tables of the trace objects.
func traceViews() []format.View {
	left := format.AlignLeft
	rows := []format.Column{
		{Label: "Received", Property: "Received", Align: left},
		{Label: "Sender Address", Property: "SenderAddress", Align: left},
		{Label: "Recipient Address", Property: "RecipientAddress", Align: left},
		{Label: "Subject", Property: "Subject", Align: left},
		{Label: "Status", Property: "Status", Align: left},
	}
	details := []format.Column{
		{Property: "Date", Align: left},
		{Property: "Event", Align: left},
		{Property: "Detail", Align: left},
	}
	return []format.View{
		{TypeName: typeMessageTrace, Kind: format.TableView, Columns: rows},
		{TypeName: typeMessageTraceV2, Kind: format.TableView, Columns: rows},
		{TypeName: typeMessageTraceDetail, Kind: format.TableView, Columns: details},
		{TypeName: typeMessageTraceDetailV2, Kind: format.TableView, Columns: details},
	}
}

// Exception types of the reporting cmdlets' errors.
const (
	excTraceExpression = "Microsoft.Exchange.Management.FfoReporting.Common.InvalidExpressionException"
	excTraceArgument   = "System.ArgumentException"
)

// Look-back windows and limits of message trace (exchange-model §5).
const (
	traceV1LookBack = 10 * 24 * time.Hour
	traceV2LookBack = 90 * 24 * time.Hour
	traceMaxSpan    = 10 * 24 * time.Hour
	traceDefaultAge = 48 * time.Hour
)

// utcWall reads a bound date as UTC: plain date strings carry no zone, and the service
// takes them as UTC.
func utcWall(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
}

// traceWindow works out [start, end] for a trace query and applies the cmdlet's rules:
// the default of the last 48 hours, the look-back window and the 10-day span.
func traceWindow(c *shell.Context, start, end time.Time, v2 bool) (time.Time, time.Time, error) {
	now := c.Clock.Now().UTC()
	hasStart, hasEnd := c.Bound("StartDate"), c.Bound("EndDate")
	if hasStart {
		start = utcWall(start)
	}
	if hasEnd {
		end = utcWall(end)
	} else {
		// Without -EndDate the query runs up to and including now.
		end = now.Add(time.Microsecond)
	}
	if !hasStart {
		start = end.Add(-traceDefaultAge)
	}
	lookBack, days := traceV1LookBack, 10
	if v2 {
		lookBack, days = traceV2LookBack, 90
	}
	if start.Before(now.Add(-lookBack)) {
		return start, end, exoError(excTraceExpression, fmt.Sprintf("Invalid StartDate value. The StartDate can't be older than %d days from today.", days), nil)
	}
	if end.Before(start) {
		return start, end, exoError(excTraceExpression, "Invalid EndDate value. The EndDate should be later than the StartDate.", nil)
	}
	if end.Sub(start) > traceMaxSpan {
		return start, end, exoError(excTraceExpression, "The interval between StartDate and EndDate can't be longer than 10 days.", nil)
	}
	return start, end, nil
}

// guidBinder binds a System.Guid parameter.
func guidBinder(dst *store.ID) shell.Binder {
	return shell.Custom("Guid", func(v value.Value) error {
		if l := items(v); len(l) == 1 {
			v = l[0]
		}
		if o, ok := v.(*value.Object); ok {
			if g, ok := o.Get("Guid"); ok {
				v = g
			}
		}
		s := value.ToString(v)
		id, err := store.ParseID(s)
		if err != nil {
			return fmt.Errorf("Cannot convert value \"%s\" to type \"System.Guid\". Error: \"Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).\"", s)
		}
		*dst = id
		return nil
	})
}

// traceObject is one Get-MessageTrace(V2) result.
func traceObject(r *store.TraceRow, v2 bool, start, end time.Time, index int) *value.Object {
	props := []value.Property{}
	if !v2 {
		props = append(props, value.Property{Name: "Organization", Value: r.Organization})
	}
	props = append(props,
		value.Property{Name: "MessageId", Value: r.MessageId},
		value.Property{Name: "Received", Value: r.Received.UTC()},
		value.Property{Name: "SenderAddress", Value: r.SenderAddress},
		value.Property{Name: "RecipientAddress", Value: r.RecipientAddress},
		value.Property{Name: "Subject", Value: r.Subject},
		value.Property{Name: "Status", Value: r.Status},
		value.Property{Name: "ToIP", Value: optString(r.ToIP)},
		value.Property{Name: "FromIP", Value: optString(r.FromIP)},
		value.Property{Name: "Size", Value: r.Size},
		value.Property{Name: "MessageTraceId", Value: r.MessageTraceId.String()},
	)
	typ := typeMessageTraceV2
	if !v2 {
		typ = typeMessageTrace
		props = append(props,
			value.Property{Name: "StartDate", Value: start},
			value.Property{Name: "EndDate", Value: end},
			value.Property{Name: "Index", Value: int64(index)},
		)
	}
	return value.NewObject(typ, props...)
}

// traceFilter is a visible-at check by the tenant clock: the store judges retention by
// its own clock, the service by the tenant's.
func traceVisible(r *store.TraceRow, now time.Time) bool {
	return !r.Received.Before(now.Add(-store.TraceRetention))
}

// settleRows brings Pending rows up to date on the tenant clock.
func settleRows(c *shell.Context, rows []store.TraceRow) error {
	now := c.Clock.Now()
	for i := range rows {
		if rows[i].Status != store.TracePending {
			continue
		}
		r, err := mailflow.Settle(c.Ctx, c.Store, rows[i], now)
		if err != nil {
			return err
		}
		rows[i] = r
	}
	return nil
}

// cleanList drops empty entries and trims the others.
func cleanList(list []string) []string {
	var out []string
	for _, s := range list {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
