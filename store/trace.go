package store

import (
	"context"
	"strings"
	"time"
)

// TraceRetention is how long message trace data stays queryable: 90 days after the
// message was received.
const TraceRetention = 90 * 24 * time.Hour

// Trace statuses (Get-MessageTrace's Status). None exists in V1 output only.
const (
	TraceDelivered      = "Delivered"
	TraceFailed         = "Failed"
	TracePending        = "Pending"
	TraceExpanded       = "Expanded"
	TraceQuarantined    = "Quarantined"
	TraceFilteredAsSpam = "FilteredAsSpam"
	TraceGettingStatus  = "GettingStatus"
	TraceNone           = "None"
)

// Traces keeps message trace data: one row per message and recipient, and the detail
// events of each row (Get-MessageTrace, Get-MessageTraceDetail and their V2 forms).
// A row and its events are visible until the store's clock passes Received plus
// TraceRetention.
type Traces interface {
	// AddTrace writes new rows and their events. Every event must belong to a row of
	// the same call (same MessageTraceId and RecipientAddress). A row needs a
	// MessageTraceId and a RecipientAddress; a row already stored is ErrExists and
	// nothing of the call is written. Rows already past retention are not written.
	AddTrace(ctx context.Context, rows []TraceRow, events []TraceEvent) error
	// FindTraces returns one page of the visible rows q selects, newest Received first,
	// then by MessageTraceId descending and RecipientAddress ascending, and the cursor
	// of the next page ("" when none). The cursor stays valid across calls.
	FindTraces(ctx context.Context, q TraceQuery) ([]TraceRow, Cursor, error)
	// TraceEvents returns the events of one row in time order (events of the same time
	// in the order they were added); none when the row is unknown or expired.
	TraceEvents(ctx context.Context, traceID ID, recipient string) ([]TraceEvent, error)
	// UpdateTraceStatus sets the Status of the row that key names (by Received,
	// MessageTraceId and RecipientAddress, as FindTraces returned it) and appends events
	// to it, in one transaction, keeping the row's retention. It returns the updated
	// row; ErrNotFound when there is no such visible row.
	UpdateTraceStatus(ctx context.Context, key TraceRow, status string, events []TraceEvent) (TraceRow, error)
	// SeedTraces bulk-loads new rows and events (seed files, benchmarks) with the same
	// rules as AddTrace. The write is batched and is not one transaction.
	SeedTraces(ctx context.Context, rows []TraceRow, events []TraceEvent) error
}

// TraceRow is one message trace result: one message as seen by one recipient. JSON
// names are the Exchange property names.
type TraceRow struct {
	Organization     string    `json:"Organization,omitempty"`
	MessageId        string    `json:"MessageId"` // Internet Message-ID, with its angle brackets
	Received         time.Time `json:"Received"`  // UTC
	SenderAddress    string    `json:"SenderAddress"`
	RecipientAddress string    `json:"RecipientAddress"`
	Subject          string    `json:"Subject"`
	Status           string    `json:"Status"` // one of the Trace* statuses
	ToIP             string    `json:"ToIP,omitempty"`
	FromIP           string    `json:"FromIP,omitempty"`
	Size             int64     `json:"Size"`
	MessageTraceId   ID        `json:"MessageTraceId"`
	// Direction is Inbound, Outbound or Intra-org (historical search -Direction).
	Direction string `json:"Direction,omitempty"`
}

// Visible reports whether the row is within trace retention at the given time: Received
// is at most TraceRetention before now.
func (r *TraceRow) Visible(now time.Time) bool {
	return !r.Received.Before(now.Add(-TraceRetention))
}

// TraceEvent is one detail event of a trace row (Get-MessageTraceDetail).
type TraceEvent struct {
	MessageTraceId   ID        `json:"MessageTraceId"`
	RecipientAddress string    `json:"RecipientAddress"`
	Date             time.Time `json:"Date"`  // UTC
	Event            string    `json:"Event"` // Receive, Submit, Deliver, Fail, Defer, Expand DL ...
	Action           string    `json:"Action,omitempty"`
	Detail           string    `json:"Detail"`
	// Data is the event's XML: <root><MEP Name="..." String="..." />...</root>.
	Data string `json:"Data,omitempty"`
	// Received is the Received time of the row the event belongs to; the store sets it
	// (the event expires with its row).
	Received time.Time `json:"Received"`
}

// SubjectMatch says how TraceQuery.Subject compares (Get-MessageTraceV2
// -SubjectFilterType).
type SubjectMatch string

// Subject filter types. The zero value means Contains.
const (
	SubjectContains   SubjectMatch = "Contains"
	SubjectStartsWith SubjectMatch = "StartsWith"
	SubjectEndsWith   SubjectMatch = "EndsWith"
)

// Match reports whether subject matches pattern under m, ignoring case.
func (m SubjectMatch) Match(pattern, subject string) bool {
	p, s := strings.ToLower(pattern), strings.ToLower(subject)
	switch m {
	case SubjectStartsWith:
		return strings.HasPrefix(s, p)
	case SubjectEndsWith:
		return strings.HasSuffix(s, p)
	}
	return strings.Contains(s, p)
}

// TraceQuery selects trace rows. All given conditions must hold; within one list any
// value matches. Addresses compare case-insensitively and may hold the wildcard '*'
// ("*@contoso.com").
type TraceQuery struct {
	// Start and End bound Received: [Start, End). A zero time leaves that side open.
	Start, End time.Time
	Senders    []string
	Recipients []string
	MessageIDs []string // exact Message-IDs, angle brackets included
	Statuses   []string
	TraceIDs   []ID // MessageTraceId
	FromIP     string
	ToIP       string
	Subject    string
	// SubjectFilter says how Subject compares (Contains when empty).
	SubjectFilter SubjectMatch
	// Limit bounds the page (0 means DefaultLimit); After resumes from a previous page.
	Limit int
	After Cursor
}
