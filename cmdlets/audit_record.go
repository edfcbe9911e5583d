package cmdlets

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/store"
	"github.com/exosh/exosh/store/demo"
)

// The recording rules of mailbox audit logging: whether Exchange writes an entry for an
// action, and the entry it writes.

// actor is the account performing a mailbox action.
type actor struct {
	rec *store.Recipient // nil for a Microsoft datacenter account (External)
	// name is the account as typed when it is not a recipient of the tenant.
	name string
}

// upn is the acting account's user id as audit entries show it.
func (a actor) upn() string {
	if a.rec != nil {
		return a.rec.UserPrincipalName
	}
	return a.name
}

// display is the acting account's display name.
func (a actor) display() string {
	if a.rec == nil {
		return a.name
	}
	if a.rec.DisplayName != "" {
		return a.rec.DisplayName
	}
	return a.rec.Name
}

// sid is the acting account's SID (datacenter accounts have a well-known one of their own).
func (a actor) sid() string {
	if a.rec == nil {
		return sidOf(demo.DeriveID("external", strings.ToLower(a.name)))
	}
	return sidOf(a.rec.Guid)
}

// auditList is the mailbox's list of audited actions for a logon type. Datacenter
// administrators are administrator logons.
func auditList(m *store.Recipient, logonType string) []string {
	switch logonType {
	case "Owner":
		return m.AuditOwner
	case "Delegate":
		return m.AuditDelegate
	}
	return m.AuditAdmin
}

// recordKind says why an action is or is not logged, for the verbose stream.
type recordKind int

const (
	recordWrite recordKind = iota
	recordOrgDisabled
	recordMailboxType
	recordNotAudited
	recordBypassed
	recordNotLogged
	recordConsolidated
)

var recordReasons = map[recordKind]string{
	recordWrite:        "written",
	recordOrgDisabled:  "not written: mailbox auditing is turned off for the organization (AuditDisabled)",
	recordMailboxType:  "not written: mailbox auditing does not cover this type of mailbox",
	recordNotAudited:   "not written: the action is not in the mailbox's audit list for this logon type",
	recordBypassed:     "not written: the acting account bypasses mailbox audit logging",
	recordNotLogged:    "not written: Exchange Online no longer logs this action",
	recordConsolidated: "not written: delegate folder binds are logged once per folder in 24 hours",
}

// shouldRecord applies Exchange's rules: org auditing on (per-mailbox AuditEnabled is
// ignored while it is, as in Exchange Online), a mailbox type that is audited, the action in
// the mailbox's list for the logon type, an account that is not bypassed, MessageBind never,
// and delegate FolderBind consolidated to one entry per folder per 24 hours.
func (t *tenant) shouldRecord(c *shell.Context, org *store.OrganizationConfig, m *store.Recipient, who actor,
	logonType, action, folder string, at time.Time) (recordKind, error) {
	if org.AuditDisabled {
		return recordOrgDisabled, nil
	}
	if !exoContains(auditedTypes, m.RecipientTypeDetails) {
		return recordMailboxType, nil
	}
	if action == "MessageBind" {
		return recordNotLogged, nil
	}
	if !exoContains(auditList(m, logonType), action) {
		return recordNotAudited, nil
	}
	if who.rec != nil {
		b, err := t.st.AuditBypass(c.Ctx, who.rec.Guid)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return 0, err
		}
		if err == nil && b.AuditBypassEnabled {
			return recordBypassed, nil
		}
	}
	if action == "FolderBind" && logonType == "Delegate" {
		recs, _, err := t.st.FindAudit(c.Ctx, store.AuditQuery{Mailboxes: []store.ID{m.Guid}, Users: []string{who.upn()},
			Operations: []string{"FolderBind"}, Start: at.Add(-24 * time.Hour), End: at.Add(time.Microsecond), Limit: 1000})
		if err != nil {
			return 0, err
		}
		for _, r := range recs {
			if strings.EqualFold(r.FolderPathName, displayPath(folder)) && r.Visible(c.Clock.Now()) {
				return recordConsolidated, nil
			}
		}
	}
	return recordWrite, nil
}

// entry is what one action did, for its audit record.
type entry struct {
	action, logonType, result string
	external                  bool
	at                        time.Time
	folder, destFolder        string
	item                      *store.Item  // the item an item-level action worked on
	sourceItems               []store.Item // the items moved, copied or deleted
	clientIP, clientInfo      string
	salt                      int // distinguishes otherwise identical entries
}

// auditRecord builds the log entry Exchange writes for e in mailbox m by who.
func (t *tenant) auditRecord(m *store.Recipient, who actor, e *entry) store.AuditRecord {
	r := store.AuditRecord{
		ID: demo.DeriveID("audit", m.Guid.String(), e.at.UTC().Format(time.RFC3339Nano), e.action, who.upn(),
			fmt.Sprint(e.salt)),
		Mailbox:                  m.Guid,
		Created:                  e.at.UTC(),
		Operation:                e.action,
		OperationResult:          e.result,
		LogonType:                e.logonType,
		ExternalAccess:           e.external,
		UserId:                   who.upn(),
		LogonUserDisplayName:     who.display(),
		LogonUserSid:             who.sid(),
		InternalLogonType:        e.logonType,
		MailboxOwnerUPN:          m.UserPrincipalName,
		MailboxOwnerSid:          sidOf(m.Guid),
		MailboxResolvedOwnerName: mailboxOwnerName(m),
		ClientInfoString:         e.clientInfo,
		ClientIPAddress:          e.clientIP,
		ClientIP:                 e.clientIP,
		OriginatingServer:        originatingServer(t),
		SessionId:                demo.DeriveID("session", m.Guid.String(), who.upn(), e.at.UTC().Format("2006-01-02")).String(),
	}
	if e.folder != "" {
		r.FolderPathName = displayPath(e.folder)
		r.FolderId = folderID(m.Guid, e.folder)
		r.FolderName = e.folder[strings.LastIndexByte(e.folder, '\\')+1:]
	}
	if e.destFolder != "" {
		r.DestFolderPathName = displayPath(e.destFolder)
		r.DestFolderId = folderID(m.Guid, e.destFolder)
		r.DestMailboxGuid = m.ExchangeGuid
		r.DestMailboxOwnerUPN = m.UserPrincipalName
		r.DestMailboxOwnerSid = sidOf(m.Guid)
	}
	if e.item != nil {
		r.ItemId = itemIDText(m.Guid, e.item.ID)
		r.ItemSubject = e.item.Subject
		r.ItemInternetMessageId = e.item.InternetMessageID
		r.ItemIsRecord = e.item.IsRecord
		r.ItemAttachments = strings.Join(e.item.Attachments, ", ")
	}
	for _, it := range e.sourceItems {
		r.SourceItems = append(r.SourceItems, it.Subject)
		r.SourceFolders = append(r.SourceFolders, displayPath(it.Folder))
	}
	if len(e.sourceItems) == 1 {
		r.ItemId = itemIDText(m.Guid, e.sourceItems[0].ID)
	}
	return r
}

// mailboxOwnerName is the resolved owner name of a mailbox.
func mailboxOwnerName(m *store.Recipient) string {
	if m.DisplayName != "" {
		return m.DisplayName
	}
	return m.Name
}

// originatingServer is the mailbox server that wrote the entry: a mailbox server of the
// tenant's directory site (the directory server's name up to its role letters, then MB)
// and its build.
func originatingServer(t *tenant) string {
	host, _, _ := strings.Cut(t.server(), ".")
	if i := strings.Index(host, "A0"); i > 0 {
		host = host[:i]
	}
	return host + "MB4012 (15.20.8722.020)"
}

// addAuditRecord writes a record, moving it by a salt when an identical one (same
// mailbox, time, action and account) was already written.
func (t *tenant) addAuditRecord(c *shell.Context, m *store.Recipient, who actor, e *entry) error {
	for range 16 {
		err := t.st.AddAudit(c.Ctx, []store.AuditRecord{t.auditRecord(m, who, e)})
		if !errors.Is(err, store.ErrExists) {
			return err
		}
		e.salt++
	}
	return fmt.Errorf("audit record of %s: %w", m.Name, store.ErrExists)
}
