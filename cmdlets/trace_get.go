package cmdlets

import (
	"slices"
	"strings"
	"time"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/store"
)

// getMessageTrace is Get-MessageTrace (v2 false) and Get-MessageTraceV2.
type getMessageTrace struct {
	v2 bool

	SenderAddress, RecipientAddress, MessageId, Status []string
	MessageTraceId                                     store.ID
	StartDate, EndDate                                 time.Time
	FromIP, ToIP, ProbeTag                             string
	Page, PageSize                                     int
	ResultSize                                         int
	StartingRecipientAddress                           string
	Subject, SubjectFilterType                         string
}

func (g *getMessageTrace) Params() []shell.Param {
	pos := func(n int) int {
		if g.v2 {
			return n
		}
		return 0
	}
	ps := []shell.Param{
		{Name: "EndDate", Position: pos(1), Bind: shell.Date(&g.EndDate)},
		{Name: "FromIP", Position: pos(2), Bind: shell.String(&g.FromIP)},
		{Name: "MessageId", Position: pos(3), Bind: shell.Strings(&g.MessageId)},
		{Name: "MessageTraceId", Position: pos(4), Bind: guidBinder(&g.MessageTraceId)},
		{Name: "RecipientAddress", Position: pos(5), Bind: shell.Strings(&g.RecipientAddress)},
		{Name: "SenderAddress", Position: pos(7), Bind: shell.Strings(&g.SenderAddress)},
		{Name: "StartDate", Position: pos(8), Bind: shell.Date(&g.StartDate)},
		{Name: "Status", Position: pos(10), Bind: shell.Strings(&g.Status)},
		{Name: "ToIP", Position: pos(13), Bind: shell.String(&g.ToIP)},
	}
	if g.v2 {
		return append(ps,
			shell.Param{Name: "ResultSize", Position: 6, Bind: rangeBinder{&g.ResultSize, 1, 5000}},
			shell.Param{Name: "StartingRecipientAddress", Position: 9, Bind: shell.String(&g.StartingRecipientAddress)},
			shell.Param{Name: "Subject", Position: 11, Bind: shell.String(&g.Subject)},
			shell.Param{Name: "SubjectFilterType", Position: 12, Bind: enumBinder{&g.SubjectFilterType, "System.String",
				[]string{"Contains", "EndsWith", "StartsWith"}}},
		)
	}
	return append(ps,
		shell.Param{Name: "Page", Bind: rangeBinder{&g.Page, 1, 1000}},
		shell.Param{Name: "PageSize", Bind: rangeBinder{&g.PageSize, 1, 5000}},
		shell.Param{Name: "ProbeTag", Bind: shell.String(&g.ProbeTag)},
	)
}

func (g *getMessageTrace) Process(c *shell.Context) error {
	if _, err := openTenant(c); err != nil {
		return err
	}
	if g.v2 {
		if err := spendTraceBudget(c); err != nil {
			return err
		}
	}
	start, end, err := traceWindow(c, g.StartDate, g.EndDate, g.v2)
	if err != nil {
		return err
	}
	if g.v2 && c.Bound("StartingRecipientAddress") && !c.Bound("EndDate") {
		return exoError(excTraceArgument, "The StartingRecipientAddress parameter must be used together with the EndDate parameter.", nil)
	}
	q := store.TraceQuery{
		Start:         start,
		End:           end,
		Senders:       cleanList(g.SenderAddress),
		Recipients:    cleanList(g.RecipientAddress),
		MessageIDs:    cleanList(g.MessageId),
		Statuses:      cleanList(g.Status),
		FromIP:        g.FromIP,
		ToIP:          g.ToIP,
		Subject:       g.Subject,
		SubjectFilter: store.SubjectMatch(g.SubjectFilterType),
	}
	if !g.MessageTraceId.IsZero() {
		q.TraceIDs = []store.ID{g.MessageTraceId}
	}
	starting := strings.ToLower(strings.TrimSpace(g.StartingRecipientAddress))
	if starting != "" {
		// The continuation row's own instant is part of the next page.
		q.End = end.Add(time.Microsecond)
	}
	want, skip := 1000, 0
	if g.v2 && g.ResultSize > 0 {
		want = g.ResultSize
	}
	if !g.v2 {
		size, page := 1000, 1
		if g.PageSize > 0 {
			size = g.PageSize
		}
		if g.Page > 0 {
			page = g.Page
		}
		want, skip = size, (page-1)*size
	}
	// A Pending row may have settled on the tenant clock since it was stored: with a
	// -Status filter the store is also asked for Pending rows, each is settled first, and
	// the filter is applied to the status the row has now.
	statuses := q.Statuses
	if len(statuses) > 0 && !exoContains(statuses, store.TracePending) {
		q.Statuses = append(slices.Clone(statuses), store.TracePending)
	}
	now := c.Clock.Now()
	var out []store.TraceRow
	for seen := 0; len(out) < want; {
		q.Limit = min(want+skip-seen+1, 5000)
		rows, next, err := c.Store.FindTraces(c.Ctx, q)
		if err != nil {
			return err
		}
		for i := range rows {
			r := &rows[i]
			if !traceVisible(r, now) {
				continue
			}
			if starting != "" && r.Received.Equal(end) && strings.ToLower(r.RecipientAddress) <= starting {
				continue
			}
			if err := settleRows(c, rows[i:i+1]); err != nil {
				return err
			}
			if len(statuses) > 0 && !exoContains(statuses, r.Status) {
				continue
			}
			if seen++; seen <= skip {
				continue
			}
			if len(out) < want {
				out = append(out, *r)
			}
		}
		if next == "" {
			break
		}
		q.After = next
	}
	for i := range out {
		if err := c.WriteObject(traceObject(&out[i], g.v2, start, end, skip+i)); err != nil {
			return err
		}
	}
	return nil
}
