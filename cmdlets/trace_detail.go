package cmdlets

import (
	"strings"
	"time"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/value"
	"github.com/exosh/exosh/store"
)

// getMessageTraceDetail is Get-MessageTraceDetail (v2 false) and
// Get-MessageTraceDetailV2: the events of one message and recipient, usually piped from
// Get-MessageTrace(V2).
type getMessageTraceDetail struct {
	v2 bool

	MessageTraceId     store.ID
	RecipientAddress   string
	Action, Event      []string
	StartDate, EndDate time.Time
	MessageId          string
	SenderAddress      string
	Page, PageSize     int
	ProbeTag           string
}

func (g *getMessageTraceDetail) Params() []shell.Param {
	pos := func(n int) int {
		if g.v2 {
			return n
		}
		return 0
	}
	ps := []shell.Param{
		{Name: "Action", Position: pos(1), Bind: shell.Strings(&g.Action)},
		{Name: "EndDate", Position: pos(2), Bind: shell.Date(&g.EndDate)},
		{Name: "Event", Position: pos(3), Bind: shell.Strings(&g.Event)},
		{Name: "MessageId", Position: pos(4), Bind: shell.String(&g.MessageId)},
		{Name: "MessageTraceId", Position: pos(5), Mandatory: true, ByPropertyName: true, Bind: guidBinder(&g.MessageTraceId)},
		{Name: "RecipientAddress", Position: pos(6), Mandatory: true, ByPropertyName: true, Bind: shell.String(&g.RecipientAddress)},
		{Name: "SenderAddress", Position: pos(7), Bind: shell.String(&g.SenderAddress)},
		{Name: "StartDate", Position: pos(8), Bind: shell.Date(&g.StartDate)},
	}
	if !g.v2 {
		ps = append(ps,
			shell.Param{Name: "Page", Bind: rangeBinder{&g.Page, 1, 1000}},
			shell.Param{Name: "PageSize", Bind: rangeBinder{&g.PageSize, 1, 5000}},
			shell.Param{Name: "ProbeTag", Bind: shell.String(&g.ProbeTag)},
		)
	}
	return ps
}

func (g *getMessageTraceDetail) Process(c *shell.Context) error {
	if _, err := openTenant(c); err != nil {
		return err
	}
	start, end, err := traceWindow(c, g.StartDate, g.EndDate, g.v2)
	if err != nil {
		return err
	}
	rows, _, err := c.Store.FindTraces(c.Ctx, store.TraceQuery{TraceIDs: []store.ID{g.MessageTraceId},
		Recipients: []string{g.RecipientAddress}, Limit: 1})
	if err != nil {
		return err
	}
	now := c.Clock.Now()
	if len(rows) == 0 || !traceVisible(&rows[0], now) {
		return nil
	}
	row := rows[0]
	// The window selects the message (by when it was received), as the service does;
	// all of its events are shown.
	if row.Received.Before(start) || !row.Received.Before(end) {
		return nil
	}
	if g.MessageId != "" && !strings.EqualFold(g.MessageId, row.MessageId) {
		return nil
	}
	if g.SenderAddress != "" && !strings.EqualFold(g.SenderAddress, row.SenderAddress) {
		return nil
	}
	if err := settleRows(c, rows[:1]); err != nil {
		return err
	}
	evs, err := c.Store.TraceEvents(c.Ctx, row.MessageTraceId, row.RecipientAddress)
	if err != nil {
		return err
	}
	size, page := 1000, 1
	if g.PageSize > 0 {
		size = g.PageSize
	}
	if g.Page > 0 {
		page = g.Page
	}
	n := 0
	for i := range evs {
		e := &evs[i]
		if len(g.Event) > 0 && !containsFold(g.Event, e.Event) {
			continue
		}
		if len(g.Action) > 0 && !containsFold(g.Action, e.Action) {
			continue
		}
		if n++; n <= (page-1)*size || n > page*size {
			continue
		}
		if err := c.WriteObject(detailObject(&row, e, g.v2, start, end)); err != nil {
			return err
		}
	}
	return nil
}

// detailObject is one Get-MessageTraceDetail(V2) result.
func detailObject(row *store.TraceRow, e *store.TraceEvent, v2 bool, start, end time.Time) *value.Object {
	var props []value.Property
	if !v2 {
		props = append(props, value.Property{Name: "Organization", Value: row.Organization})
	}
	props = append(props,
		value.Property{Name: "MessageId", Value: row.MessageId},
		value.Property{Name: "MessageTraceId", Value: row.MessageTraceId.String()},
		value.Property{Name: "SenderAddress", Value: row.SenderAddress},
		value.Property{Name: "RecipientAddress", Value: row.RecipientAddress},
		value.Property{Name: "Date", Value: e.Date.UTC()},
		value.Property{Name: "Event", Value: e.Event},
		value.Property{Name: "Action", Value: optString(e.Action)},
		value.Property{Name: "Detail", Value: e.Detail},
		value.Property{Name: "Data", Value: e.Data},
	)
	typ := typeMessageTraceDetailV2
	if !v2 {
		typ = typeMessageTraceDetail
		props = append(props, value.Property{Name: "StartDate", Value: start}, value.Property{Name: "EndDate", Value: end})
	}
	return value.NewObject(typ, props...)
}
