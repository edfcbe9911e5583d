package store

import "strings"

// Trustee names the security principal a permission is granted to. A recipient of the
// tenant is named by its ID (so a rename does not orphan the grant); a well-known
// principal ("NT AUTHORITY\SELF") or an unresolved account by its name with a zero ID.
type Trustee struct {
	ID   ID     `json:"ID,omitzero"`
	Name string `json:"Name,omitempty"`
}

// Key is the trustee's stable key: the ID's string form when set, else the lower-cased
// name. Permissions are unique per (object, trustee key, deny).
func (t Trustee) Key() string {
	if !t.ID.IsZero() {
		return t.ID.String()
	}
	return strings.ToLower(t.Name)
}

// MailboxPermission is one access control entry on a mailbox (Add-MailboxPermission).
type MailboxPermission struct {
	Mailbox         ID       `json:"Mailbox"`
	User            Trustee  `json:"User"`
	AccessRights    []string `json:"AccessRights"` // FullAccess, ReadPermission, ChangeOwner ...
	Deny            bool     `json:"Deny,omitempty"`
	InheritanceType string   `json:"InheritanceType,omitempty"` // All, None, Children, Descendents, SelfAndChildren
	AutoMapping     bool     `json:"AutoMapping,omitempty"`
	IsInherited     bool     `json:"IsInherited,omitempty"`
	// Seq orders entries as they were granted (ACL order); the store assigns it when a
	// new entry is created and keeps it when an entry is replaced.
	Seq uint64 `json:"Seq,omitempty"`
}

// RecipientPermission is one Send As entry on a recipient (Add-RecipientPermission).
type RecipientPermission struct {
	Recipient         ID       `json:"Recipient"`
	Trustee           Trustee  `json:"Trustee"`
	AccessRights      []string `json:"AccessRights"` // SendAs
	AccessControlType string   `json:"AccessControlType,omitempty"`
	InheritanceType   string   `json:"InheritanceType,omitempty"`
	IsInherited       bool     `json:"IsInherited,omitempty"`
	Seq               uint64   `json:"Seq,omitempty"` // as MailboxPermission.Seq
}

// Deny reports whether the entry denies rather than allows.
func (p *RecipientPermission) Deny() bool { return strings.EqualFold(p.AccessControlType, "Deny") }

// AuditBypass is a mailbox audit bypass association (Set-MailboxAuditBypassAssociation).
// Accounts without a record are not bypassed.
type AuditBypass struct {
	ID                 ID     `json:"ID"` // the user's or computer's Guid
	Name               string `json:"Name"`
	AuditBypassEnabled bool   `json:"AuditBypassEnabled"`
}
