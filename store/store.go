package store

import (
	"context"
	"io"
)

// Store is the tenant state: every record family plus the holding of the state
// directory. Later families are added as further embedded interfaces without changing
// these.
type Store interface {
	Holder
	Recipients
	Groups
	Permissions
	Settings
	Snapshots
	Traces
	Audit
	Searches
	io.Closer
}

// Holder controls when the state directory is held. Every store call holds it for the
// call's duration; the shell wraps each statement in Acquire/release so a whole statement
// (Get-Mailbox | Set-Mailbox ...) sees one consistent tenant and no other exosh process
// interleaves with it. Between statements nothing is held, so two shells can share one
// state directory.
type Holder interface {
	// Acquire holds the state until release is called. Calls nest. It waits briefly
	// when another process holds the directory and then fails with ErrLocked.
	Acquire(ctx context.Context) (release func(), err error)
	// Hold is a lazy Acquire: it opens nothing, but once any call opens the state before
	// release, the state stays held until release. The shell wraps every statement in
	// Hold, so statements that never touch the tenant cost nothing.
	Hold() (release func())
}

// Recipients keeps users, mailboxes, mail users, contacts and groups.
type Recipients interface {
	// Recipient resolves identity to exactly one active recipient of the given classes
	// (all classes when none are given). It accepts every form Exchange resolves: Guid,
	// ExchangeGuid, ExternalDirectoryObjectId, DistinguishedName, any SMTP or X500 proxy
	// address, UserPrincipalName, LegacyExchangeDN, Alias, DisplayName, Name and
	// SamAccountName (also as DOMAIN\sam). No match is ErrNotFound, several ErrAmbiguous.
	Recipient(ctx context.Context, identity string, classes ...Class) (Recipient, error)
	// RecipientByID returns the recipient with the given Guid, soft-deleted or not.
	RecipientByID(ctx context.Context, id ID) (Recipient, error)
	// FindRecipients returns one page of the recipients q selects, ordered by Name, and
	// the cursor of the next page ("" when there is none).
	FindRecipients(ctx context.Context, q RecipientQuery) ([]Recipient, Cursor, error)
	// CreateRecipient adds r. A taken Guid or unique identity (Name, Alias, UPN, proxy
	// address, ExchangeGuid, ExternalDirectoryObjectId, DistinguishedName,
	// LegacyExchangeDN, SamAccountName) fails with a *ConflictError (ErrExists).
	CreateRecipient(ctx context.Context, r Recipient) error
	// UpdateRecipient reads the recipient, lets fn change it and writes it back with its
	// indexes, all in one transaction. fn may run more than once (the transaction is
	// retried on a conflict), so it must not have side effects, and it must not call the
	// store (resolve other identities before the call). The Guid cannot change.
	// changed is false (and nothing is written) when fn left the record as it was.
	UpdateRecipient(ctx context.Context, id ID, fn func(r *Recipient) error) (r Recipient, changed bool, err error)
	// DeleteRecipient removes the recipient, its indexes, its group memberships (and
	// its member list when it is a group) and the permissions on it.
	DeleteRecipient(ctx context.Context, id ID) error
	// SeedRecipients bulk-loads new recipients (seed files, benchmarks). Identities are
	// checked against the tenant and each other first; the write itself is batched and
	// is not one transaction.
	SeedRecipients(ctx context.Context, rs []Recipient) error
}

// Groups keeps group membership in both directions.
type Groups interface {
	// AddMember makes member a member of group: ErrNotFound when either is missing,
	// ErrInvalid when group is not a group, ErrExists when already a member.
	AddMember(ctx context.Context, group, member ID) error
	// RemoveMember ends a membership: ErrNotFound when it does not exist.
	RemoveMember(ctx context.Context, group, member ID) error
	// Members returns one page of the group's member IDs (in ID order) and the next cursor.
	Members(ctx context.Context, group ID, limit int, after Cursor) ([]ID, Cursor, error)
	// MemberOf returns one page of the IDs of the groups member belongs to directly.
	MemberOf(ctx context.Context, member ID, limit int, after Cursor) ([]ID, Cursor, error)
}

// Permissions keeps mailbox permissions (FullAccess ...) and recipient permissions
// (SendAs). Entries are unique per (object, trustee, deny).
type Permissions interface {
	// MailboxPermissions lists the entries on a mailbox in the order they were granted.
	MailboxPermissions(ctx context.Context, mailbox ID) ([]MailboxPermission, error)
	// MailboxPermissionsOf lists one page of the entries granted to a trustee on any
	// mailbox, ordered by mailbox ID.
	MailboxPermissionsOf(ctx context.Context, trustee Trustee, limit int, after Cursor) ([]MailboxPermission, Cursor, error)
	// PutMailboxPermission creates or replaces an entry; ErrNotFound when the mailbox
	// does not exist.
	PutMailboxPermission(ctx context.Context, p MailboxPermission) error
	// DeleteMailboxPermission removes the entry for (mailbox, trustee, deny);
	// ErrNotFound when there is none.
	DeleteMailboxPermission(ctx context.Context, mailbox ID, trustee Trustee, deny bool) error

	// RecipientPermissions lists the entries on a recipient in the order granted.
	RecipientPermissions(ctx context.Context, recipient ID) ([]RecipientPermission, error)
	// RecipientPermissionsOf lists one page of a trustee's entries on any recipient.
	RecipientPermissionsOf(ctx context.Context, trustee Trustee, limit int, after Cursor) ([]RecipientPermission, Cursor, error)
	// PutRecipientPermission creates or replaces an entry.
	PutRecipientPermission(ctx context.Context, p RecipientPermission) error
	// DeleteRecipientPermission removes the entry for (recipient, trustee, deny).
	DeleteRecipientPermission(ctx context.Context, recipient ID, trustee Trustee, deny bool) error
}

// Settings keeps the tenant singletons and the audit bypass associations.
type Settings interface {
	// Tenant returns the tenant settings; ErrNotFound before they are first written.
	Tenant(ctx context.Context) (Tenant, error)
	// UpdateTenant changes the tenant settings in one transaction (fn sees the zero
	// Tenant the first time). fn may run more than once.
	UpdateTenant(ctx context.Context, fn func(t *Tenant) error) (Tenant, error)
	// OrganizationConfig returns the organization config; ErrNotFound before it is first
	// written.
	OrganizationConfig(ctx context.Context) (OrganizationConfig, error)
	// UpdateOrganizationConfig changes the organization config in one transaction.
	UpdateOrganizationConfig(ctx context.Context, fn func(c *OrganizationConfig) error) (OrganizationConfig, error)

	// AuditBypass returns the association for an account; ErrNotFound when none.
	AuditBypass(ctx context.Context, id ID) (AuditBypass, error)
	// AuditBypasses returns one page of associations, ordered by ID.
	AuditBypasses(ctx context.Context, limit int, after Cursor) ([]AuditBypass, Cursor, error)
	// PutAuditBypass creates or replaces an association.
	PutAuditBypass(ctx context.Context, b AuditBypass) error
	// DeleteAuditBypass removes an association; ErrNotFound when none.
	DeleteAuditBypass(ctx context.Context, id ID) error
}

// Snapshots saves and restores the whole tenant.
type Snapshots interface {
	// SaveSnapshot saves the tenant under name (case-insensitive; letters, digits,
	// '-', '_', '.' and spaces). An existing snapshot is ErrExists unless replace is set.
	SaveSnapshot(ctx context.Context, name string, replace bool) (SnapshotInfo, error)
	// RestoreSnapshot replaces the whole tenant with the snapshot's content exactly.
	RestoreSnapshot(ctx context.Context, name string) error
	// ListSnapshots lists the snapshots ordered by name.
	ListSnapshots(ctx context.Context) ([]SnapshotInfo, error)
	// DeleteSnapshot removes a snapshot; ErrNotFound when none.
	DeleteSnapshot(ctx context.Context, name string) error
	// Reset empties the tenant (every record of every family). Snapshots are kept.
	Reset(ctx context.Context) error
}
