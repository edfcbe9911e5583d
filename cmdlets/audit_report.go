package cmdlets

import (
	"strings"
	"time"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/format"
	"github.com/exosh/exosh/shell/value"
	"github.com/exosh/exosh/store"
)

// Get-SimNonOwnerAccessReport: the non-owner mailbox access report of the Exchange admin
// center (Compliance management > Auditing), as one cmdlet.

const typeNonOwnerRow = "Exosh.NonOwnerMailboxAccess"

// reportLogTypes are the report's "search for access by" options.
var reportLogTypes = []string{"AllNonOwners", "External", "AdminsAndDelegates", "Admins"}

// reportDefaultWindow is the admin center's default date range: the last two weeks.
const reportDefaultWindow = 14 * 24 * time.Hour

// nonOwnerReport is Get-SimNonOwnerAccessReport.
type nonOwnerReport struct {
	StartDate time.Time
	EndDate   time.Time
	Mailbox   []string
	LogType   string
}

func (n *nonOwnerReport) Params() []shell.Param {
	return []shell.Param{
		{Name: "StartDate", Bind: shell.Date(&n.StartDate), Help: "Start of the date range (default: two weeks ago)."},
		{Name: "EndDate", Bind: shell.Date(&n.EndDate), Help: "End of the date range (default: now)."},
		{Name: "Mailbox", Position: 1, Bind: shell.Strings(&n.Mailbox), Help: "The mailboxes reported (default: all)."},
		{Name: "LogType", Bind: shell.Enum(&n.LogType, reportLogTypes...),
			Help: "AllNonOwners (default), External, AdminsAndDelegates or Admins."},
	}
}

// reportQuery maps a log type to the search the admin center runs: all non-owners are
// administrators and delegates including Microsoft datacenter staff; External is only the
// latter; the other two leave them out.
func reportQuery(logType string) store.AuditQuery {
	yes, no := true, false
	switch logType {
	case "External":
		return store.AuditQuery{LogonTypes: []string{"Admin", "Delegate"}, ExternalAccess: &yes}
	case "AdminsAndDelegates":
		return store.AuditQuery{LogonTypes: []string{"Admin", "Delegate"}, ExternalAccess: &no}
	case "Admins":
		return store.AuditQuery{LogonTypes: []string{"Admin"}, ExternalAccess: &no}
	}
	return store.AuditQuery{LogonTypes: []string{"Admin", "Delegate"}}
}

func (n *nonOwnerReport) Process(c *shell.Context) error {
	t, err := openTenant(c)
	if err != nil {
		return err
	}
	q := reportQuery(n.LogType)
	now := c.Clock.Now()
	q.End = now.UTC()
	if c.Bound("EndDate") {
		q.End = n.EndDate.UTC()
	}
	q.Start = q.End.Add(-reportDefaultWindow)
	if c.Bound("StartDate") {
		q.Start = n.StartDate.UTC()
	}
	cache := recipientCache{t: t, c: c}
	for _, id := range n.Mailbox {
		r, err := t.resolve(c, identityArg{text: id, set: true}, store.ClassMailbox, store.ClassGroup)
		if err != nil {
			c.WriteError(err)
			return nil
		}
		q.Mailboxes = append(q.Mailboxes, r.Guid)
	}
	_, err = auditScan(c, t.st, q, 0, func(r *store.AuditRecord) error {
		return c.WriteObject(reportRow(r, cache.get(r.Mailbox)))
	})
	return err
}

// reportRow is one line of the report: which mailbox, who accessed it and how, when, the
// action, the item and folder, and whether it succeeded.
func reportRow(r *store.AuditRecord, m *store.Recipient) *value.Object {
	item := r.ItemSubject
	if item == "" {
		item = strings.Join(r.SourceItems, ", ")
	}
	accessedBy := r.LogonUserDisplayName
	if accessedBy == "" {
		accessedBy = r.UserId
	}
	logon := r.LogonType
	if r.ExternalAccess {
		logon = "External"
	}
	return value.NewObject(typeNonOwnerRow,
		value.Property{Name: "Date", Value: r.Created},
		value.Property{Name: "Mailbox", Value: mailboxOwnerName(m)},
		value.Property{Name: "AccessedBy", Value: accessedBy},
		value.Property{Name: "LogonType", Value: logon},
		value.Property{Name: "Action", Value: r.Operation},
		value.Property{Name: "Item", Value: optString(item)},
		value.Property{Name: "Folder", Value: optString(r.FolderPathName)},
		value.Property{Name: "DestinationFolder", Value: optString(r.DestFolderPathName)},
		value.Property{Name: "Result", Value: r.OperationResult},
		value.Property{Name: "ClientIPAddress", Value: optString(r.ClientIPAddress)},
		value.Property{Name: "MailboxOwnerUPN", Value: optString(r.MailboxOwnerUPN)},
		value.Property{Name: "UserId", Value: optString(r.UserId)},
	)
}

// auditViews are the default views of the audit objects.
func auditViews() []format.View {
	left := format.AlignLeft
	return append(itemViews(), format.View{TypeName: typeNonOwnerRow, Kind: format.TableView, Columns: []format.Column{
		{Property: "Date", Align: left},
		{Property: "Mailbox", Align: left},
		{Property: "AccessedBy", Label: "Accessed By", Align: left},
		{Property: "LogonType", Label: "Logon Type", Align: left},
		{Property: "Action", Align: left},
		{Property: "Item", Align: left},
		{Property: "Folder", Align: left},
		{Property: "Result", Align: left},
	}})
}

// auditCmdlets is the table of the mailbox audit cmdlets.
func auditCmdlets() []shell.CmdletInfo {
	return []shell.CmdletInfo{
		{Name: "Search-MailboxAuditLog", Module: moduleEXO, Synopsis: "Searches mailbox audit log entries.",
			New: func() shell.Cmdlet { return new(searchAuditLog) }},
		{Name: "New-MailboxAuditLogSearch", Module: moduleEXO, Synopsis: "Searches mailbox audit logs and mails the results.",
			New: func() shell.Cmdlet { return new(newAuditLogSearch) }},
		{Name: "Get-AuditLogSearch", Module: moduleEXO, Synopsis: "Lists the pending audit log searches.",
			New: func() shell.Cmdlet { return new(getAuditLogSearch) }},
		{Name: "Get-MailboxFolderStatistics", Module: moduleEXO, Synopsis: "Views the folders of a mailbox: item counts and sizes.",
			New: func() shell.Cmdlet { return new(getFolderStatistics) }},
		{Name: "Invoke-SimMailboxAction", Module: moduleSim, Synopsis: "Performs a user's or administrator's action in a mailbox, with its audit entry.",
			New: func() shell.Cmdlet { return new(invokeMailboxAction) }},
		{Name: "Get-SimMailboxItem", Module: moduleSim, Synopsis: "Lists the items of a mailbox.",
			New: func() shell.Cmdlet { return new(getMailboxItem) }},
		{Name: "Get-SimNonOwnerAccessReport", Module: moduleSim, Synopsis: "Runs the non-owner mailbox access report.",
			New: func() shell.Cmdlet { return new(nonOwnerReport) }},
	}
}
