package store

import (
	"context"
	"time"
)

// SearchRetention is how long a historical search job and its result rows are kept and
// listed: 10 days after submission.
const SearchRetention = 10 * 24 * time.Hour

// Historical search job statuses.
const (
	SearchNotStarted = "NotStarted"
	SearchInProgress = "InProgress"
	SearchDone       = "Done"
	SearchFailed     = "Failed"
	SearchCancelled  = "Cancelled"
)

// Searches keeps historical search jobs (Start-HistoricalSearch, Get-HistoricalSearch,
// Stop-HistoricalSearch) and their result rows. A job and its rows are visible until
// the store's clock passes SubmitDate plus SearchRetention. Status changes are the
// cmdlets' business (there is no background worker): they read a job, advance it by the
// clock and write it back.
type Searches interface {
	// CreateSearch stores a new job: ErrInvalid without a JobId or SubmitDate,
	// ErrExists when the JobId is taken. A job already past retention is not written.
	CreateSearch(ctx context.Context, j SearchJob) error
	// Search returns a visible job; ErrNotFound when none.
	Search(ctx context.Context, id ID) (SearchJob, error)
	// ListSearches returns the visible jobs, newest SubmitDate first.
	ListSearches(ctx context.Context) ([]SearchJob, error)
	// UpdateSearch replaces a visible job (same JobId) with j, keeping its retention
	// (SubmitDate cannot change); ErrNotFound when there is none.
	UpdateSearch(ctx context.Context, j SearchJob) error
	// CountSearchesSince counts the jobs submitted at or after t, cancelled ones
	// included: the 250-per-24-hours quota.
	CountSearchesSince(ctx context.Context, t time.Time) (int, error)
	// PutSearchRows appends result rows to a visible job (numbered on from the rows
	// already stored); ErrNotFound when there is no such job.
	PutSearchRows(ctx context.Context, id ID, rows []SearchRow) error
	// SearchRows returns up to limit result rows (0 means DefaultLimit) in the order
	// they were added, from the cursor on, and the cursor of the next page ("" when
	// none).
	SearchRows(ctx context.Context, id ID, after Cursor, limit int) ([]SearchRow, Cursor, error)
}

// SearchJob is one historical search (Get-HistoricalSearch). JSON names are the Exchange
// property names.
type SearchJob struct {
	JobId       ID        `json:"JobId"`
	SubmitDate  time.Time `json:"SubmitDate"` // UTC
	ReportTitle string    `json:"ReportTitle"`
	ReportType  string    `json:"ReportType"` // MessageTrace, MessageTraceDetail, DLP ...
	Status      string    `json:"Status"`     // one of the Search* statuses
	Rows        int       `json:"Rows"`
	// ReportStatusDescription is the free text beside Status.
	ReportStatusDescription string `json:"ReportStatusDescription,omitempty"`
	ErrorCode               string `json:"ErrorCode,omitempty"`
	ErrorDescription        string `json:"ErrorDescription,omitempty"`
	FileUrl                 string `json:"FileUrl,omitempty"`

	StartDate        time.Time `json:"StartDate"`
	EndDate          time.Time `json:"EndDate"`
	NotifyAddress    []string  `json:"NotifyAddress,omitempty"`
	SenderAddress    []string  `json:"SenderAddress,omitempty"`
	RecipientAddress []string  `json:"RecipientAddress,omitempty"`
	MessageID        []string  `json:"MessageID,omitempty"`
	Direction        string    `json:"Direction,omitempty"`      // All, Received, Sent
	DeliveryStatus   string    `json:"DeliveryStatus,omitempty"` // Delivered, Expanded, Failed
	OriginalClientIP string    `json:"OriginalClientIP,omitempty"`
	Locale           string    `json:"Locale,omitempty"`
	// SubmittedBy is the admin who started the search.
	SubmittedBy string `json:"SubmittedBy,omitempty"`
	// Extra holds further parameters of the search by name.
	Extra map[string]string `json:"Extra,omitempty"`
}

// Visible reports whether the job is still kept at the given time: SubmitDate is at
// most SearchRetention before now.
func (j *SearchJob) Visible(now time.Time) bool {
	return !now.After(j.SubmitDate.Add(SearchRetention))
}

// SearchRow is one result row of a job: the report's column values in column order.
type SearchRow []string
