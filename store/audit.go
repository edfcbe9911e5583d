package store

import (
	"context"
	"time"
)

// DefaultAuditLogAgeLimit is how long a mailbox keeps its audit records when its
// AuditLogAgeLimit is not set (Exchange's default of 90.00:00:00).
const DefaultAuditLogAgeLimit = 90 * 24 * time.Hour

// Audit keeps the mailbox audit log (Search-MailboxAuditLog, the Audits folder of
// Get-MailboxFolderStatistics).
//
// Retention is per mailbox and fixed when a record is written: the record expires at
// Created plus the mailbox's AuditLogAgeLimit at that moment, so changing the limit
// affects later records only. A record is visible until the store's clock passes its
// expiry; expired records are never returned or counted, and the engine deletes them on
// its own.
type Audit interface {
	// AddAudit writes new records, each with its index entries. A record needs an ID
	// and a Mailbox; a zero Expires is filled in from the mailbox's AuditLogAgeLimit
	// (DefaultAuditLogAgeLimit when the mailbox is unknown or has none). Records already
	// expired by the store's clock are not written. An ID already stored at the same
	// Created time is ErrExists, and nothing of the call is written.
	AddAudit(ctx context.Context, recs []AuditRecord) error
	// FindAudit returns one page of the visible records q selects, newest first (by
	// Created, then ID descending), and the cursor of the next page ("" when none).
	FindAudit(ctx context.Context, q AuditQuery) ([]AuditRecord, Cursor, error)
	// AuditStats returns the number of visible records of a mailbox and the bytes they
	// take, for the Audits folder of Get-MailboxFolderStatistics.
	AuditStats(ctx context.Context, mailbox ID) (count int, bytes int64, err error)
	// SeedAudit bulk-loads new records (seed files, benchmarks) with the same rules as
	// AddAudit. The write is batched and is not one transaction.
	SeedAudit(ctx context.Context, recs []AuditRecord) error
	// LoadAudit bulk-loads generated records as SeedAudit does, but without looking each
	// one up first, so a load of millions costs no reads. The caller guarantees that a
	// record whose ID and Created may already be stored carries the same Mailbox, UserId
	// and Operation (a generator deriving its ids from them does): such a record replaces
	// its earlier copy under the same index entries. A record given twice in one call is
	// still ErrExists, and nothing of the call is written.
	LoadAudit(ctx context.Context, recs []AuditRecord) error
}

// AuditRecord is one mailbox audit log entry, as Search-MailboxAuditLog -ShowDetails
// shows it. JSON names are the Exchange property names.
type AuditRecord struct {
	// ID identifies the record (its Identity); the caller assigns it.
	ID ID `json:"ID"`
	// Mailbox is the audited mailbox (MailboxGuid).
	Mailbox ID `json:"MailboxGuid"`
	// Created is when the operation happened (LastAccessed), in UTC.
	Created time.Time `json:"LastAccessed"`
	// Expires is when the record leaves the log: Created plus the mailbox's
	// AuditLogAgeLimit at write time. The store fills it in when zero.
	Expires time.Time `json:"Expires,omitzero"`

	Operation       string `json:"Operation"`       // Update, SoftDelete, SendAs, MailboxLogin ...
	OperationResult string `json:"OperationResult"` // Succeeded, PartiallySucceeded, Failed
	LogonType       string `json:"LogonType"`       // Owner, Delegate, Admin
	ExternalAccess  bool   `json:"ExternalAccess"`
	// UserId is the acting user (a UPN, or a well-known account name): what
	// AuditQuery.Users matches.
	UserId               string `json:"UserId,omitempty"`
	LogonUserDisplayName string `json:"LogonUserDisplayName,omitempty"`
	LogonUserSid         string `json:"LogonUserSid,omitempty"`
	InternalLogonType    string `json:"InternalLogonType,omitempty"`

	MailboxOwnerUPN          string `json:"MailboxOwnerUPN,omitempty"`
	MailboxOwnerSid          string `json:"MailboxOwnerSid,omitempty"`
	MailboxResolvedOwnerName string `json:"MailboxResolvedOwnerName,omitempty"`
	DestMailboxOwnerUPN      string `json:"DestMailboxOwnerUPN,omitempty"`
	DestMailboxOwnerSid      string `json:"DestMailboxOwnerSid,omitempty"`
	DestMailboxGuid          ID     `json:"DestMailboxGuid,omitzero"`
	CrossMailboxOperation    bool   `json:"CrossMailboxOperation,omitempty"`

	FolderId           string `json:"FolderId,omitempty"`
	FolderPathName     string `json:"FolderPathName,omitempty"`
	FolderName         string `json:"FolderName,omitempty"`
	DestFolderId       string `json:"DestFolderId,omitempty"`
	DestFolderPathName string `json:"DestFolderPathName,omitempty"`

	MemberRights string `json:"MemberRights,omitempty"`
	MemberSid    string `json:"MemberSid,omitempty"`
	MemberUpn    string `json:"MemberUpn,omitempty"`

	ClientInfoString  string `json:"ClientInfoString,omitempty"`
	ClientIPAddress   string `json:"ClientIPAddress,omitempty"`
	ClientIP          string `json:"ClientIP,omitempty"`
	ClientMachineName string `json:"ClientMachineName,omitempty"`
	ClientProcessName string `json:"ClientProcessName,omitempty"`
	ClientVersion     string `json:"ClientVersion,omitempty"`
	AppId             string `json:"AppId,omitempty"`
	ClientAppId       string `json:"ClientAppId,omitempty"`

	ItemId                string   `json:"ItemId,omitempty"`
	ItemSubject           string   `json:"ItemSubject,omitempty"`
	ItemAttachments       string   `json:"ItemAttachments,omitempty"`
	ItemInternetMessageId string   `json:"ItemInternetMessageId,omitempty"`
	ItemIsRecord          bool     `json:"ItemIsRecord,omitempty"`
	ItemComplianceLabel   string   `json:"ItemComplianceLabel,omitempty"`
	SourceItems           []string `json:"SourceItems,omitempty"`   // subjects of the items acted on
	SourceFolders         []string `json:"SourceFolders,omitempty"` // folder paths acted on
	DirtyProperties       string   `json:"DirtyProperties,omitempty"`

	OriginatingServer   string `json:"OriginatingServer,omitempty"`
	SessionId           string `json:"SessionId,omitempty"`
	OperationProperties string `json:"OperationProperties,omitempty"`
}

// Visible reports whether the record is still in the log at the given time: until and
// including its expiry.
func (r *AuditRecord) Visible(now time.Time) bool { return !now.After(r.Expires) }

// AuditQuery selects audit records. All given conditions must hold; within one list any
// value matches (case-insensitively).
type AuditQuery struct {
	Mailboxes  []ID
	Users      []string // UserId
	Operations []string
	LogonTypes []string
	// ExternalAccess, when set, keeps only records whose ExternalAccess equals it.
	ExternalAccess *bool
	// Start and End bound Created: [Start, End). A zero time leaves that side open.
	Start, End time.Time
	// Limit bounds the page (0 means DefaultLimit); After resumes from a previous page.
	Limit int
	After Cursor
}
