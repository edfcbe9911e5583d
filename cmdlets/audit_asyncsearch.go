package cmdlets

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/value"
	"github.com/exosh/exosh/store"
	"github.com/exosh/exosh/store/demo"
)

// New-MailboxAuditLogSearch: the asynchronous search. Its result is a message with the
// entries attached as SearchResult.xml, delivered to the StatusMailRecipients' mailboxes
// in the tenant once the search completes on the tenant clock, and the same XML written
// under the state directory.

const typeAuditLogSearch = "Microsoft.Exchange.Management.SystemConfigurationTasks.MailboxAuditLogSearch"

// auditSearchDelay is how long an asynchronous search takes before its message arrives.
const auditSearchDelay = 15 * time.Minute

// auditSearchMax bounds the entries one asynchronous search returns (the synchronous
// search's maximum).
const auditSearchMax = maxAuditResultSize

// asyncOperations are the values New-MailboxAuditLogSearch -Operations accepts.
var asyncOperations = []string{"Copy", "Create", "FolderBind", "HardDelete", "MailboxLogin", "MessageBind", "Move",
	"MoveToDeletedItems", "SendAs", "SendOnBehalf", "SoftDelete", "Update"}

// newAuditLogSearch is New-MailboxAuditLogSearch.
type newAuditLogSearch struct {
	Name           string
	StartDate      time.Time
	EndDate        time.Time
	Recipients     []string
	Mailboxes      []string
	LogonTypes     []string
	Operations     []string
	ExternalAccess bool
	HasAttachments bool
	GroupMailbox   bool
	ShowDetails    bool
}

func (n *newAuditLogSearch) Params() []shell.Param {
	mv := func(dst *[]string) shell.Binder {
		return shell.Custom("MultiValuedProperty", func(v value.Value) error { *dst = mvStrings(v); return nil })
	}
	return []shell.Param{
		// The reference page lists -Name as named, yet its own first example passes the name
		// positionally (New-MailboxAuditLogSearch "Admin and Delegate Access" ...); admins
		// paste that example, so the name binds at position 1.
		{Name: "Name", Position: 1, Bind: shell.String(&n.Name), Help: "The search's name (up to 64 characters)."},
		{Name: "StartDate", Mandatory: true, Bind: shell.Date(&n.StartDate), Help: "Start of the date range."},
		{Name: "EndDate", Mandatory: true, Bind: shell.Date(&n.EndDate), Help: "End of the date range."},
		{Name: "StatusMailRecipients", Mandatory: true, Bind: mv(&n.Recipients), Help: "Who receives the results."},
		{Name: "Mailboxes", Bind: mv(&n.Mailboxes), Help: "The mailboxes searched (default: all)."},
		{Name: "LogonTypes", Bind: listEnumBinder(&n.LogonTypes, "LogonTypes", []string{"Admin", "Delegate", "External", "Owner"}),
			Help: "Admin, Delegate, External, Owner."},
		{Name: "Operations", Bind: listEnumBinder(&n.Operations, "Operations", asyncOperations), Help: "The actions returned."},
		{Name: "ExternalAccess", Bind: shell.Bool(&n.ExternalAccess), Help: "$true returns only access by Microsoft datacenter administrators."},
		{Name: "HasAttachments", Bind: shell.Bool(&n.HasAttachments), Help: "Filters on items with attachments."},
		{Name: "GroupMailbox", Bind: shell.Switch(&n.GroupMailbox), Help: "Includes Microsoft 365 group mailboxes."},
		{Name: "ShowDetails", Bind: shell.Switch(&n.ShowDetails), Help: "Returns every log entry in full."},
	}
}

func (n *newAuditLogSearch) Process(c *shell.Context) error {
	t, err := openTenant(c)
	if err != nil {
		return err
	}
	searches, err := auditSearchStore(c)
	if err != nil {
		return err
	}
	if err := nameTooLong(n.Name, n.Name); err != nil {
		c.WriteError(err)
		return nil
	}
	q := store.AuditQuery{Start: n.StartDate.UTC(), End: n.EndDate.UTC(), Operations: n.Operations}
	classes := []store.Class{store.ClassMailbox}
	if n.GroupMailbox {
		classes = append(classes, store.ClassGroup)
	}
	var boxes []string
	for _, m := range n.Mailboxes {
		r, err := t.resolve(c, identityArg{text: m, set: true}, classes...)
		if err != nil {
			c.WriteError(err)
			return nil
		}
		q.Mailboxes = append(q.Mailboxes, r.Guid)
		boxes = append(boxes, identityText(&r))
	}
	// External is not a logon type of its own: it is datacenter access, recorded as Admin.
	external := exoContains(n.LogonTypes, "External") || n.ExternalAccess
	for _, lt := range n.LogonTypes {
		if lt != "External" {
			q.LogonTypes = append(q.LogonTypes, lt)
		}
	}
	if len(q.LogonTypes) == 0 {
		q.LogonTypes = []string{"Admin", "Delegate"}
	}
	q.ExternalAccess = &external
	var deliver []store.Recipient
	for _, addr := range n.Recipients {
		if r, err := t.st.Recipient(c.Ctx, addr, store.ClassMailbox); err == nil {
			deliver = append(deliver, r)
		}
	}
	now := c.Clock.Now().UTC()
	name := n.Name
	id := demo.DeriveID("mailbox-audit-search", now.Format(time.RFC3339Nano), name, strings.Join(n.Recipients, ","))
	// The same search made twice at one instant (a pinned clock) still gets its own
	// identity; the first keeps the identity it always had.
	for seq := 1; ; seq++ {
		if _, err := searches.AuditSearch(c.Ctx, id); errors.Is(err, store.ErrNotFound) {
			break
		} else if err != nil {
			return err
		}
		id = demo.DeriveID("mailbox-audit-search", now.Format(time.RFC3339Nano), name, strings.Join(n.Recipients, ","), fmt.Sprint(seq))
	}
	if name == "" {
		name = "Search" + now.Format("20060102150405")
	}
	if !c.ShouldProcess(name, "New-MailboxAuditLogSearch") {
		return nil
	}
	xmlText, count, err := n.resultXML(c, t, q)
	if err != nil {
		return err
	}
	file := ""
	if d, ok := c.Store.(interface{ Dir() string }); ok && d.Dir() != "" {
		file = filepath.Join(d.Dir(), "mailbox-audit-searches", id.String(), "SearchResult.xml")
		if err := writeFileAll(file, xmlText); err != nil {
			return err
		}
	}
	if err := n.deliver(c, t, deliver, name, id, now, xmlText, count); err != nil {
		return err
	}
	createdBy := c.Services().Identity
	if createdBy == "" {
		createdBy = demo.AdminUPN
	}
	a := store.AuditLogSearch{
		Identity: id, Type: store.AuditSearchMailbox, Name: name, CreationTime: now,
		StartDateUtc: n.StartDate.UTC(), EndDateUtc: n.EndDate.UTC(),
		StatusMailRecipients: n.Recipients, CreatedBy: createdBy,
		ExternalAccess: optBoolPtr(c.Bound("ExternalAccess"), n.ExternalAccess),
		HasAttachments: optBoolPtr(c.Bound("HasAttachments"), n.HasAttachments),
		Mailboxes:      boxes, LogonTypes: n.LogonTypes, Operations: n.Operations, ShowDetails: n.ShowDetails,
		QueryComplexity: queryComplexity(len(n.Mailboxes), n.StartDate, n.EndDate), ResultFile: file,
	}
	// The search is kept so Get-AuditLogSearch lists it until its result is mailed.
	if err := searches.CreateAuditSearch(c.Ctx, a); err != nil {
		return err
	}
	return c.WriteObject(auditSearchObject(&a, "New"))
}

// optBoolPtr is a nullable Boolean setting as stored: nil unless the parameter was given.
func optBoolPtr(given, v bool) *bool {
	if !given {
		return nil
	}
	return &v
}

// auditSearchObject is the MailboxAuditLogSearch object of New-MailboxAuditLogSearch
// (ObjectState New) and Get-AuditLogSearch (Unchanged). The property names come from
// Exchange's AuditLogSearchBase and MailboxAuditLogSearch classes; the order and
// CreationTime's place among them are inferred.
func auditSearchObject(a *store.AuditLogSearch, state string) *value.Object {
	nb := func(b *bool) value.Value {
		if b == nil {
			return nil
		}
		return *b
	}
	o := value.NewObject(typeAuditLogSearch,
		value.Property{Name: "Mailboxes", Value: strs(a.Mailboxes)},
		value.Property{Name: "LogonTypes", Value: strs(a.LogonTypes)},
		value.Property{Name: "Operations", Value: strs(a.Operations)},
		value.Property{Name: "ShowDetails", Value: a.ShowDetails},
		value.Property{Name: "HasAttachments", Value: nb(a.HasAttachments)},
		value.Property{Name: "Identity", Value: a.Identity.String()},
		value.Property{Name: "Name", Value: a.Name},
		value.Property{Name: "CreationTime", Value: a.CreationTime.UTC()},
		value.Property{Name: "StartDateUtc", Value: a.StartDateUtc.UTC()},
		value.Property{Name: "EndDateUtc", Value: a.EndDateUtc.UTC()},
		value.Property{Name: "StatusMailRecipients", Value: strs(a.StatusMailRecipients)},
		value.Property{Name: "CreatedBy", Value: a.CreatedBy},
		value.Property{Name: "ExternalAccess", Value: nb(a.ExternalAccess)},
		value.Property{Name: "QueryComplexity", Value: a.QueryComplexity},
		value.Property{Name: "ResultFile", Value: optString(a.ResultFile)},
		value.Property{Name: "IsValid", Value: true},
		value.Property{Name: "ObjectState", Value: state},
	)
	o.SetString(a.Identity.String())
	return o
}

// queryComplexity grades a search the way the service schedules it: by the number of
// mailboxes and the length of the window.
func queryComplexity(mailboxes int, start, end time.Time) string {
	switch {
	case mailboxes == 0 || mailboxes > 100 || end.Sub(start) > 90*24*time.Hour:
		return "High"
	case mailboxes > 10 || end.Sub(start) > 30*24*time.Hour:
		return "Medium"
	}
	return "Low"
}

// writeFileAll writes a file, creating its directory.
func writeFileAll(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

// deliver puts the status message into each recipient's Inbox, arriving when the search
// completes on the tenant clock.
func (n *newAuditLogSearch) deliver(c *shell.Context, t *tenant, to []store.Recipient, name string, id store.ID,
	now time.Time, xmlText []byte, count int) error {
	if len(to) == 0 {
		return nil
	}
	is, err := itemStore(c)
	if err != nil {
		return err
	}
	for _, r := range to {
		it := store.Item{Mailbox: r.Guid, ID: demo.DeriveID("audit-search-message", id.String(), r.Guid.String()),
			Folder: "Inbox", Subject: "Mailbox Audit Log Search '" + name + "' Results (" + fmt.Sprint(count) + " entries)",
			Created: now.Add(auditSearchDelay), Size: int64(len(xmlText)) + 4096, From: "MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@" + t.t.InitialDomain,
			Attachments: []string{"SearchResult.xml"}, InternetMessageID: "<" + id.String() + "@" + strings.ToLower(firstLabel(t.server())) + ".prod.outlook.com>"}
		if err := is.PutItem(c.Ctx, it); err != nil {
			return err
		}
	}
	return nil
}

// auditXMLEvent is one <Event> of SearchResult.xml: the entry's fields as attributes and
// the items it touched as <SourceItems>.
type auditXMLEvent struct {
	XMLName xml.Name    `xml:"Event"`
	Attrs   []xml.Attr  `xml:",any,attr"`
	Items   *xmlSources `xml:"SourceItems,omitempty"`
}

type xmlSources struct {
	Items []xmlSourceItem `xml:"ItemId"`
}

type xmlSourceItem struct {
	Subject        string `xml:"Subject,attr,omitempty"`
	FolderPathName string `xml:"FolderPathName,attr,omitempty"`
	ID             string `xml:",chardata"`
}

// resultXML runs the search and renders SearchResult.xml.
func (n *newAuditLogSearch) resultXML(c *shell.Context, t *tenant, q store.AuditQuery) ([]byte, int, error) {
	var b strings.Builder
	w := bufio.NewWriter(&b)
	w.WriteString(xml.Header + "<SearchResults>\n")
	enc := xml.NewEncoder(w)
	enc.Indent("  ", "  ")
	cache := recipientCache{t: t, c: c}
	count := 0
	_, err := auditScan(c, t.st, q, auditSearchMax, func(r *store.AuditRecord) error {
		if c.Bound("HasAttachments") && (r.ItemAttachments != "") != n.HasAttachments {
			return nil
		}
		m := cache.get(r.Mailbox)
		count++
		ev := auditXMLEvent{}
		add := func(name, v string) {
			if v != "" {
				ev.Attrs = append(ev.Attrs, xml.Attr{Name: xml.Name{Local: name}, Value: v})
			}
		}
		add("MailboxGuid", m.ExchangeGuid.String())
		add("Owner", mailboxOwnerName(m))
		add("LastAccessed", r.Created.Format("2006-01-02T15:04:05.000Z"))
		add("Operation", r.Operation)
		add("OperationResult", r.OperationResult)
		add("LogonType", r.LogonType)
		add("ExternalAccess", fmt.Sprint(r.ExternalAccess))
		add("FolderId", r.FolderId)
		add("FolderPathName", r.FolderPathName)
		add("DestFolderId", r.DestFolderId)
		add("DestFolderPathName", r.DestFolderPathName)
		add("ClientInfoString", r.ClientInfoString)
		add("ClientIPAddress", r.ClientIPAddress)
		add("ClientMachineName", r.ClientMachineName)
		add("ClientProcessName", r.ClientProcessName)
		add("ClientVersion", r.ClientVersion)
		add("InternalLogonType", r.InternalLogonType)
		add("MailboxOwnerUPN", r.MailboxOwnerUPN)
		add("MailboxOwnerSid", r.MailboxOwnerSid)
		add("DestMailboxOwnerUPN", r.DestMailboxOwnerUPN)
		add("LogonUserDisplayName", r.LogonUserDisplayName)
		add("LogonUserSid", r.LogonUserSid)
		add("ItemId", r.ItemId)
		add("ItemSubject", r.ItemSubject)
		add("OriginatingServer", r.OriginatingServer)
		if len(r.SourceItems) > 0 {
			ev.Items = &xmlSources{}
			for i, subj := range r.SourceItems {
				si := xmlSourceItem{Subject: subj}
				if i < len(r.SourceFolders) {
					si.FolderPathName = r.SourceFolders[i]
				}
				if len(r.SourceItems) == 1 {
					si.ID = r.ItemId
				}
				ev.Items.Items = append(ev.Items.Items, si)
			}
		}
		return enc.Encode(ev)
	})
	if err != nil {
		return nil, 0, err
	}
	if err := enc.Flush(); err != nil {
		return nil, 0, err
	}
	w.WriteString("\n</SearchResults>\n")
	if err := w.Flush(); err != nil {
		return nil, 0, err
	}
	return []byte(b.String()), count, nil
}
