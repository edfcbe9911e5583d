package cmdlets

import (
	"strings"
	"time"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/value"
	"github.com/exosh/exosh/store"
)

// Search-MailboxAuditLog: the synchronous search of mailbox audit logs.

const (
	typeAuditEvent  = "Microsoft.Exchange.Management.SystemConfigurationTasks.MailboxAuditLogEvent"
	typeAuditRecord = "Microsoft.Exchange.Management.SystemConfigurationTasks.MailboxAuditLogRecord"
	typeSourceItem  = "Microsoft.Exchange.Management.SystemConfigurationTasks.MailboxAuditLogSourceItem"

	// maxAuditResultSize is the largest -ResultSize Search-MailboxAuditLog accepts.
	maxAuditResultSize = 250000
	// auditPage is how many records one store call returns while a search streams.
	auditPage = 1000
)

// searchOperations are the values -Operations accepts.
var searchOperations = []string{"AddFolderPermissions", "ApplyRecord", "Copy", "Create", "Default", "FolderBind",
	"HardDelete", "MailboxLogin", "MailItemsAccessed", "MessageBind", "ModifyFolderPermissions", "Move",
	"MoveToDeletedItems", "RecordDelete", "RemoveFolderPermissions", "Send", "SendAs", "SendOnBehalf", "SoftDelete",
	"Update", "UpdateCalendarDelegation", "UpdateComplianceTag", "UpdateFolderPermissions", "UpdateInboxRules"}

// auditScan streams the visible records q selects, newest first, to fn, at most limit of
// them (0: no limit), page by page so memory stays flat. Visibility follows the tenant
// clock, so advancing it past a record's expiry removes the record from every search.
// more reports whether a further record matched beyond limit.
func auditScan(c *shell.Context, st store.Audit, q store.AuditQuery, limit int, fn func(r *store.AuditRecord) error) (more bool, err error) {
	now := c.Clock.Now()
	n := 0
	for {
		// One more than is still wanted, so the first page of a -ResultSize 1000 search
		// also tells whether more exist.
		q.Limit = auditPage
		if limit > 0 {
			q.Limit = min(auditPage, limit-n) + 1
		}
		recs, next, err := st.FindAudit(c.Ctx, q)
		if err != nil {
			return false, err
		}
		for i := range recs {
			if !recs[i].Visible(now) {
				continue
			}
			if limit > 0 && n == limit {
				return true, nil
			}
			n++
			if err := fn(&recs[i]); err != nil {
				return false, err
			}
		}
		if next == "" {
			return false, nil
		}
		q.After = next
	}
}

// searchAuditLog is Search-MailboxAuditLog.
type searchAuditLog struct {
	Identity       identityArg
	Mailboxes      []string
	ShowDetails    bool
	StartDate      time.Time
	EndDate        time.Time
	ExternalAccess bool
	HasAttachments bool
	GroupMailbox   bool
	Inactive       bool
	LogonTypes     []string
	Operations     []string
	ResultSize     int
	t              *tenant
}

func (s *searchAuditLog) Params() []shell.Param {
	return []shell.Param{
		{Name: "Identity", Position: 1, FromPipeline: true, ByPropertyName: true, Sets: []string{"Identity"},
			Bind: identityBinder(&s.Identity, "MailboxIdParameter"), Help: "The mailbox whose log is searched."},
		{Name: "Mailboxes", Sets: []string{"MultipleMailboxesSearch"}, Bind: shell.Custom("MultiValuedProperty", func(v value.Value) error {
			s.Mailboxes = mvStrings(v)
			return nil
		}), Help: "The mailboxes whose logs are searched."},
		{Name: "ShowDetails", Sets: []string{"Identity"}, Bind: shell.Switch(&s.ShowDetails), Help: "Returns every log entry in full."},
		{Name: "StartDate", Bind: shell.Date(&s.StartDate), Help: "Start of the date range."},
		{Name: "EndDate", Bind: shell.Date(&s.EndDate), Help: "End of the date range."},
		{Name: "ExternalAccess", Bind: shell.Bool(&s.ExternalAccess), Help: "$true returns only access by Microsoft datacenter administrators."},
		{Name: "HasAttachments", Bind: shell.Bool(&s.HasAttachments), Help: "Filters on items with attachments."},
		{Name: "GroupMailbox", Bind: shell.Switch(&s.GroupMailbox), Help: "Includes Microsoft 365 group mailboxes."},
		{Name: "IncludeInactiveMailbox", Bind: shell.Switch(&s.Inactive), Help: "Includes inactive mailboxes."},
		{Name: "LogonTypes", Bind: listEnumBinder(&s.LogonTypes, "LogonTypes", []string{"Admin", "Delegate", "Owner"}), Help: "Admin, Delegate, Owner."},
		{Name: "Operations", Bind: listEnumBinder(&s.Operations, "Operations", searchOperations), Help: "The actions to return."},
		{Name: "ResultSize", Bind: rangeBinder{&s.ResultSize, 1, maxAuditResultSize}, Help: "Maximum number of entries (1 to 250000, default 1000)."},
	}
}

// listEnumBinder binds a MultiValuedProperty whose values come from a fixed list,
// storing the canonical spelling.
func listEnumBinder(dst *[]string, param string, allowed []string) shell.Binder {
	return shell.Custom("MultiValuedProperty", func(v value.Value) error {
		*dst = nil
		for _, x := range mvStrings(v) {
			name, ok := lookupName(allowed)(x)
			if !ok {
				return &enumError{value: x, enum: param, names: allowed}
			}
			if !exoContains(*dst, name) {
				*dst = append(*dst, name)
			}
		}
		return nil
	})
}

// errOwnerNeedsDetails is the error for -LogonTypes Owner without -ShowDetails.
const errOwnerNeedsDetails = "The Owner logon type can only be used with the ShowDetails switch."

func (s *searchAuditLog) Process(c *shell.Context) error {
	if err := openTenantOnce(c, &s.t); err != nil {
		return err
	}
	if exoContains(s.LogonTypes, "Owner") && !s.ShowDetails {
		c.WriteError(exoError(excArgument, errOwnerNeedsDetails, "Owner"))
		return nil
	}
	q, boxes, err := s.query(c)
	if err != nil {
		c.WriteError(err)
		return nil
	}
	limit := s.ResultSize
	if limit == 0 {
		limit = store.DefaultLimit
	}
	cache := recipientCache{t: s.t, c: c, m: boxes}
	var summaries []*value.Object
	byMailbox := map[store.ID]bool{}
	more, err := auditScan(c, s.t.st, q, limit, func(r *store.AuditRecord) error {
		if c.Bound("HasAttachments") && (r.ItemAttachments != "") != s.HasAttachments {
			return nil
		}
		m := cache.get(r.Mailbox)
		if s.ShowDetails {
			return c.WriteObject(auditEventObject(r, m))
		}
		if !byMailbox[r.Mailbox] {
			byMailbox[r.Mailbox] = true
			summaries = append(summaries, auditSummaryObject(r, m))
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, o := range summaries {
		if err := c.WriteObject(o); err != nil {
			return err
		}
	}
	if more {
		if c.Bound("ResultSize") {
			c.WriteWarning(warnMoreResults)
		} else {
			c.WriteWarning(warnDefaultResultSize)
		}
	}
	return nil
}

// query builds the store query from the parameters: the mailboxes (resolved), the logon
// types (Admin and Delegate unless given), operations, the external-access filter and the
// date range.
func (s *searchAuditLog) query(c *shell.Context) (store.AuditQuery, map[store.ID]*store.Recipient, error) {
	classes := []store.Class{store.ClassMailbox}
	if s.GroupMailbox {
		classes = append(classes, store.ClassGroup)
	}
	boxes := map[store.ID]*store.Recipient{}
	var q store.AuditQuery
	var ids []identityArg
	if s.Identity.set && s.Identity.text != "" {
		ids = append(ids, s.Identity)
	}
	for _, m := range s.Mailboxes {
		ids = append(ids, identityArg{text: m, set: true})
	}
	for _, a := range ids {
		r, err := s.t.resolve(c, a, classes...)
		if err != nil && s.Inactive {
			r, err = s.t.resolveDeleted(c, a, true)
		}
		if err != nil {
			return q, nil, err
		}
		boxes[r.Guid] = &r
		q.Mailboxes = append(q.Mailboxes, r.Guid)
	}
	q.LogonTypes = s.LogonTypes
	if len(q.LogonTypes) == 0 {
		q.LogonTypes = []string{"Admin", "Delegate"}
	}
	for _, op := range s.Operations {
		switch op {
		case "Default":
			continue
		case "AddFolderPermissions", "ModifyFolderPermissions", "RemoveFolderPermissions":
			op = "UpdateFolderPermissions"
		}
		if !exoContains(q.Operations, op) {
			q.Operations = append(q.Operations, op)
		}
	}
	ext := s.ExternalAccess
	q.ExternalAccess = &ext
	if c.Bound("StartDate") {
		q.Start = s.StartDate.UTC()
	}
	if c.Bound("EndDate") {
		q.End = s.EndDate.UTC()
	}
	return q, boxes, nil
}

// recipientCache remembers the mailboxes records name while a search runs.
type recipientCache struct {
	t *tenant
	c *shell.Context
	m map[store.ID]*store.Recipient
}

// get returns the mailbox with the given Guid (a placeholder named by the Guid when it no
// longer exists).
func (rc *recipientCache) get(id store.ID) *store.Recipient {
	if r, ok := rc.m[id]; ok {
		return r
	}
	r, err := rc.t.st.RecipientByID(rc.c.Ctx, id)
	if err != nil {
		r = store.Recipient{Guid: id, Name: id.String(), ExchangeGuid: id}
	}
	if rc.m == nil {
		rc.m = map[store.ID]*store.Recipient{}
	}
	rc.m[id] = &r
	return &r
}

// auditIdentity is a log entry's Identity: its id in the base64 form Exchange prints.
func auditIdentity(r *store.AuditRecord) string { return entryID("audit", r.Mailbox, r.ID.String()) }

// auditSummaryObject is the per-mailbox record Search-MailboxAuditLog returns without
// -ShowDetails: the newest non-owner access of the mailbox.
func auditSummaryObject(r *store.AuditRecord, m *store.Recipient) *value.Object {
	o := value.NewObject(typeAuditRecord,
		value.Property{Name: "MailboxGuid", Value: m.ExchangeGuid.String()},
		value.Property{Name: "MailboxResolvedOwnerName", Value: mailboxOwnerName(m)},
		value.Property{Name: "LastAccessed", Value: r.Created},
		value.Property{Name: "Identity", Value: identityText(m)},
		value.Property{Name: "IsValid", Value: true},
		value.Property{Name: "ObjectState", Value: "New"},
	)
	o.SetString(identityText(m))
	return o
}

// auditEventObject is one log entry as -ShowDetails returns it, with Exchange's property
// names in Exchange's order.
func auditEventObject(r *store.AuditRecord, m *store.Recipient) *value.Object {
	var sources []value.Value
	var ids, folders []string
	for i, subj := range r.SourceItems {
		folder := ""
		if i < len(r.SourceFolders) {
			folder = r.SourceFolders[i]
		}
		id := ""
		if len(r.SourceItems) == 1 {
			id = r.ItemId
		}
		src := value.NewObject(typeSourceItem,
			value.Property{Name: "SourceItemId", Value: optString(id)},
			value.Property{Name: "SourceItemSubject", Value: subj},
			value.Property{Name: "SourceItemFolderPathName", Value: optString(folder)},
		)
		src.SetString(subj)
		sources = append(sources, src)
		ids = append(ids, id)
		folders = append(folders, folder)
	}
	var dest value.Value
	var cross value.Value
	if !r.DestMailboxGuid.IsZero() {
		dest = r.DestMailboxGuid.String()
		cross = r.CrossMailboxOperation
	}
	ident := auditIdentity(r)
	itemID := r.ItemId
	if len(r.SourceItems) > 0 {
		itemID = ""
	}
	o := value.NewObject(typeAuditEvent,
		value.Property{Name: "Operation", Value: r.Operation},
		value.Property{Name: "OperationResult", Value: r.OperationResult},
		value.Property{Name: "LogonType", Value: r.LogonType},
		value.Property{Name: "ExternalAccess", Value: r.ExternalAccess},
		value.Property{Name: "DestFolderId", Value: optString(r.DestFolderId)},
		value.Property{Name: "DestFolderPathName", Value: optString(r.DestFolderPathName)},
		value.Property{Name: "FolderId", Value: optString(r.FolderId)},
		value.Property{Name: "FolderPathName", Value: optString(r.FolderPathName)},
		value.Property{Name: "FolderName", Value: optString(r.FolderName)},
		value.Property{Name: "MemberRights", Value: optString(r.MemberRights)},
		value.Property{Name: "MemberSid", Value: optString(r.MemberSid)},
		value.Property{Name: "MemberUpn", Value: optString(r.MemberUpn)},
		value.Property{Name: "ClientInfoString", Value: optString(r.ClientInfoString)},
		value.Property{Name: "ClientIPAddress", Value: optString(r.ClientIPAddress)},
		value.Property{Name: "ClientIP", Value: optString(r.ClientIP)},
		value.Property{Name: "ClientMachineName", Value: optString(r.ClientMachineName)},
		value.Property{Name: "ClientProcessName", Value: optString(r.ClientProcessName)},
		value.Property{Name: "ClientVersion", Value: optString(r.ClientVersion)},
		value.Property{Name: "InternalLogonType", Value: r.InternalLogonType},
		value.Property{Name: "MailboxOwnerUPN", Value: optString(r.MailboxOwnerUPN)},
		value.Property{Name: "MailboxOwnerSid", Value: optString(r.MailboxOwnerSid)},
		value.Property{Name: "DestMailboxOwnerUPN", Value: optString(r.DestMailboxOwnerUPN)},
		value.Property{Name: "DestMailboxOwnerSid", Value: optString(r.DestMailboxOwnerSid)},
		value.Property{Name: "DestMailboxGuid", Value: dest},
		value.Property{Name: "CrossMailboxOperation", Value: cross},
		value.Property{Name: "LogonUserDisplayName", Value: optString(r.LogonUserDisplayName)},
		value.Property{Name: "LogonUserSid", Value: optString(r.LogonUserSid)},
		value.Property{Name: "SourceItems", Value: sources},
		value.Property{Name: "SourceFolders", Value: []value.Value{}},
		value.Property{Name: "SourceItemIdsList", Value: optString(strings.Join(ids, ", "))},
		value.Property{Name: "SourceItemSubjectsList", Value: optString(strings.Join(r.SourceItems, ", "))},
		value.Property{Name: "SourceItemAttachmentsList", Value: nil},
		value.Property{Name: "SourceItemFolderPathNamesList", Value: optString(strings.Join(folders, ", "))},
		value.Property{Name: "SourceFolderPathNamesList", Value: nil},
		value.Property{Name: "SourceItemInternetMessageIdsList", Value: nil},
		value.Property{Name: "ItemId", Value: optString(itemID)},
		value.Property{Name: "ItemSubject", Value: optString(r.ItemSubject)},
		value.Property{Name: "ItemAttachments", Value: optString(r.ItemAttachments)},
		value.Property{Name: "ItemInternetMessageId", Value: optString(r.ItemInternetMessageId)},
		value.Property{Name: "DirtyProperties", Value: optString(r.DirtyProperties)},
		value.Property{Name: "OriginatingServer", Value: optString(r.OriginatingServer)},
		value.Property{Name: "SessionId", Value: optString(r.SessionId)},
		value.Property{Name: "OperationProperties", Value: optString(r.OperationProperties)},
		value.Property{Name: "AuditOperationsCountInAggregatedRecord", Value: nil},
		value.Property{Name: "AggregatedRecordFoldersData", Value: nil},
		value.Property{Name: "AppId", Value: optString(r.AppId)},
		value.Property{Name: "ClientAppId", Value: optString(r.ClientAppId)},
		value.Property{Name: "ItemIsRecord", Value: r.ItemIsRecord},
		value.Property{Name: "ItemComplianceLabel", Value: optString(r.ItemComplianceLabel)},
		value.Property{Name: "MailboxGuid", Value: m.ExchangeGuid.String()},
		value.Property{Name: "MailboxResolvedOwnerName", Value: optString(mailboxOwnerName(m))},
		value.Property{Name: "LastAccessed", Value: r.Created},
		value.Property{Name: "Identity", Value: ident},
		value.Property{Name: "IsValid", Value: true},
		value.Property{Name: "ObjectState", Value: "New"},
	)
	o.SetString(ident)
	return o
}
