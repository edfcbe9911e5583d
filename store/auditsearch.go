package store

import (
	"context"
	"time"
)

// Audit log search types (Get-AuditLogSearch -Type).
const (
	AuditSearchMailbox = "Mailbox"
	AuditSearchAdmin   = "Admin"
)

// AuditSearches keeps the asynchronous audit log searches (New-MailboxAuditLogSearch),
// so Get-AuditLogSearch can list them. Whether a search is still pending, and so listed,
// is the cmdlets' business: they compare its CreationTime with the tenant clock.
//
// AuditSearches is not part of Store: cmdlets that need it ask for it with a type
// assertion, so stores written before it keep compiling.
type AuditSearches interface {
	// CreateAuditSearch stores a new search: ErrInvalid without an Identity or a
	// CreationTime, ErrExists when the Identity is taken.
	CreateAuditSearch(ctx context.Context, s AuditLogSearch) error
	// AuditSearch returns the search with the given Identity; ErrNotFound when none.
	AuditSearch(ctx context.Context, id ID) (AuditLogSearch, error)
	// ListAuditSearches returns the searches created in [after, before) (a zero time
	// leaves that end open), newest CreationTime first.
	ListAuditSearches(ctx context.Context, after, before time.Time) ([]AuditLogSearch, error)
}

// AuditLogSearch is one asynchronous audit log search as New-MailboxAuditLogSearch
// created it. JSON names are the Exchange property names.
type AuditLogSearch struct {
	Identity ID `json:"Identity"`
	// Type is AuditSearchMailbox or AuditSearchAdmin.
	Type                 string    `json:"Type"`
	Name                 string    `json:"Name"`
	CreationTime         time.Time `json:"CreationTime"` // UTC
	StartDateUtc         time.Time `json:"StartDateUtc"`
	EndDateUtc           time.Time `json:"EndDateUtc"`
	StatusMailRecipients []string  `json:"StatusMailRecipients,omitempty"`
	CreatedBy            string    `json:"CreatedBy,omitempty"`
	// ExternalAccess and HasAttachments are nil unless the search was given them.
	ExternalAccess  *bool    `json:"ExternalAccess,omitempty"`
	HasAttachments  *bool    `json:"HasAttachments,omitempty"`
	Mailboxes       []string `json:"Mailboxes,omitempty"`
	LogonTypes      []string `json:"LogonTypes,omitempty"`
	Operations      []string `json:"Operations,omitempty"`
	ShowDetails     bool     `json:"ShowDetails,omitempty"`
	QueryComplexity string   `json:"QueryComplexity,omitempty"`
	// ResultFile is where the search's SearchResult.xml was written, if anywhere.
	ResultFile string `json:"ResultFile,omitempty"`
}
