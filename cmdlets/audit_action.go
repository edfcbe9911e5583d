package cmdlets

import (
	"fmt"
	"strings"
	"time"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/store"
	"github.com/exosh/exosh/store/demo"
)

// mailboxActions are the actions Invoke-SimMailboxAction performs: every action mailbox
// auditing knows.
var mailboxActions = []string{"Update", "Copy", "Move", "MoveToDeletedItems", "SoftDelete", "HardDelete",
	"FolderBind", "SendAs", "SendOnBehalf", "MessageBind", "Create", "UpdateFolderPermissions",
	"UpdateInboxRules", "UpdateCalendarDelegation", "RecordDelete", "ApplyRecord", "MailItemsAccessed",
	"UpdateComplianceTag", "Send", "SearchQueryInitiated", "MailboxLogin",
	"AddFolderPermissions", "ModifyFolderPermissions", "RemoveFolderPermissions"}

// itemActions need -Subject: they act on items.
var itemActions = []string{"Update", "Copy", "Move", "MoveToDeletedItems", "SoftDelete", "HardDelete",
	"SendAs", "SendOnBehalf", "MessageBind", "Create", "RecordDelete", "ApplyRecord", "UpdateComplianceTag", "Send"}

// defaultFolder is the folder an action works in when -Folder is not given ("" for
// mailbox-level actions).
func defaultFolder(action string) string {
	switch action {
	case "MailboxLogin", "SearchQueryInitiated":
		return ""
	case "Send", "SendAs", "SendOnBehalf":
		return folderSentItems
	case "UpdateCalendarDelegation":
		return "Calendar"
	}
	return "Inbox"
}

// invokeMailboxAction is Invoke-SimMailboxAction: it performs what a user or an
// administrator would do in a mailbox, changes the mailbox's items accordingly and writes
// the audit entry Exchange would write.
type invokeMailboxAction struct {
	Identity   identityArg
	User       string
	Action     string
	LogonType  string
	Folder     string
	Subject    string
	DestFolder string
	ClientIP   string
	ClientInfo string
	Result     string
	Date       time.Time
	Count      int
	t          *tenant
	// pending are bulk entries not yet written (see flush); loads are the batches being
	// written.
	pending []store.AuditRecord
	loads   bulkLoads
	bases   map[store.ID]bool // bulk id bases used by this command (see bulkBase)
}

func (a *invokeMailboxAction) Params() []shell.Param {
	return []shell.Param{
		{Name: "Identity", Position: 1, Mandatory: true, FromPipeline: true, ByPropertyName: true,
			Bind: identityBinder(&a.Identity, "MailboxIdParameter"), Help: "The mailbox acted in."},
		{Name: "User", Mandatory: true, Bind: shell.String(&a.User), Help: "The acting account (for External, any name)."},
		{Name: "Action", Mandatory: true, Bind: shell.Enum(&a.Action, mailboxActions...), Help: "The action performed."},
		{Name: "LogonType", Bind: shell.Enum(&a.LogonType, "Owner", "Delegate", "Admin", "External"),
			Help: "How the account opens the mailbox (derived from its rights when omitted)."},
		{Name: "Folder", Bind: shell.String(&a.Folder), Help: "The folder acted in (default depends on the action)."},
		{Name: "Subject", Bind: shell.String(&a.Subject), Help: "The subject of the item acted on."},
		{Name: "DestinationFolder", Bind: shell.String(&a.DestFolder), Help: "The target folder of Move and Copy."},
		{Name: "ClientIPAddress", Bind: shell.String(&a.ClientIP), Help: "The client's IP address."},
		{Name: "ClientInfoString", Bind: shell.String(&a.ClientInfo), Help: "The client's description."},
		{Name: "Result", Bind: shell.Enum(&a.Result, "Succeeded", "Failed", "PartiallySucceeded"), Help: "The outcome (default Succeeded)."},
		{Name: "Date", Bind: shell.Date(&a.Date), Help: "When the action happens (default: now on the tenant clock)."},
		{Name: "Count", Bind: rangeBinder{&a.Count, 1, 100_000_000}, Help: "Repeat the action this many times, one second apart, ending at -Date."},
	}
}

// simError is an error of an emulator-only cmdlet about its own input.
func simError(msg string, target any) *shell.ErrorRecord {
	return &shell.ErrorRecord{Message: msg, Category: "InvalidArgument", ErrorID: "SimMailboxAction",
		Exception: "System.ArgumentException", TargetObject: target}
}

// accessDenied is the error of an action the account has no right to perform.
func accessDenied(target any) *shell.ErrorRecord {
	return exoError("Microsoft.Exchange.Data.Storage.AccessDeniedException", "Access is denied. Check credentials and try again.", target)
}

func (a *invokeMailboxAction) Process(c *shell.Context) error {
	if err := openTenantOnce(c, &a.t); err != nil {
		return err
	}
	t := a.t
	m, err := t.resolve(c, a.Identity, store.ClassMailbox, store.ClassGroup)
	if err != nil {
		c.WriteError(err)
		return nil
	}
	who, err := a.actor(c)
	if err != nil {
		c.WriteError(err)
		return nil
	}
	logon, acc, err := a.logon(c, &m, who)
	if err != nil {
		c.WriteError(err)
		return nil
	}
	// Folder permission changes are logged as UpdateFolderPermissions.
	e := &entry{action: normalizeAudit([]string{a.Action})[0], logonType: logon, external: a.LogonType == "External", result: a.Result,
		clientIP: a.ClientIP, clientInfo: a.ClientInfo, at: a.Date}
	if e.external {
		e.logonType = "Admin"
	}
	if e.result == "" {
		e.result = "Succeeded"
	}
	if !c.Bound("Date") {
		e.at = c.Clock.Now()
	}
	e.at = e.at.UTC()
	a.defaults(e, who)
	logged, denied := a.denied(logon, acc)
	if a.Count > 1 {
		if denied != nil {
			c.WriteError(denied)
			return nil
		}
		return a.bulk(c, &m, who, e)
	}
	// Single actions see the bulk entries written before them (folder bind consolidation).
	if err := a.flush(c); err != nil {
		return err
	}
	if denied != nil && !logged {
		c.WriteError(denied)
		return nil
	}
	if denied != nil {
		e.result = "Failed"
	}
	if err := a.perform(c, &m, e); err != nil {
		c.WriteError(err)
		return nil
	}
	org, err := t.st.OrganizationConfig(c.Ctx)
	if err != nil {
		return err
	}
	kind, err := t.shouldRecord(c, &org, &m, who, e.logonType, e.action, e.folder, e.at)
	if err != nil {
		return err
	}
	c.WriteVerbose("Audit entry " + recordReasons[kind] + ".")
	if kind == recordWrite {
		if err := t.addAuditRecord(c, &m, who, e); err != nil {
			return err
		}
	}
	if denied != nil {
		c.WriteError(denied)
	}
	return nil
}

// actor resolves -User: a user of the tenant, or for an External logon any account name
// (Microsoft datacenter staff are not in the tenant's directory).
func (a *invokeMailboxAction) actor(c *shell.Context) (actor, error) {
	r, err := a.t.resolve(c, identityArg{text: a.User, set: true}, store.UserClasses...)
	if err == nil {
		return actor{rec: &r}, nil
	}
	if a.LogonType == "External" {
		return actor{name: a.User}, nil
	}
	return actor{}, err
}

// logon decides the logon type: the one asked for, when the account may log on that way,
// or the one its rights give it (owner, then delegate, then administrator). An account
// without any way in is denied before anything happens, so nothing is logged.
func (a *invokeMailboxAction) logon(c *shell.Context, m *store.Recipient, who actor) (string, access, error) {
	if who.rec == nil {
		return "External", access{admin: true}, nil
	}
	acc, err := a.t.accessOf(c, m, who.rec)
	if err != nil {
		return "", acc, err
	}
	ok := map[string]bool{"Owner": acc.owner, "Delegate": acc.delegate() && !acc.owner, "Admin": acc.admin && !acc.owner,
		"External": true}
	if a.LogonType != "" {
		if !ok[a.LogonType] {
			return "", acc, accessDenied(identityText(m))
		}
		if a.LogonType == "External" {
			return "Admin", acc, nil
		}
		return a.LogonType, acc, nil
	}
	for _, lt := range []string{"Owner", "Delegate", "Admin"} {
		if ok[lt] {
			return lt, acc, nil
		}
	}
	return "", acc, accessDenied(identityText(m))
}

// denied checks the right the action itself needs. A send the account has no right to is
// refused once the mailbox is open, so it is still logged, as Failed (logged is true); an
// account that cannot open the mailbox's folders at all gets nothing logged.
func (a *invokeMailboxAction) denied(logon string, acc access) (logged bool, err error) {
	sendDenied := exoError("Microsoft.Exchange.Data.Storage.SendAsDeniedException",
		"You can't send a message on behalf of this user unless you have permission to do so. Please make sure you're sending on behalf of the correct sender, or request the necessary permission.", a.Action)
	switch a.Action {
	case "MailboxLogin", "SearchQueryInitiated":
		if logon != "Owner" {
			return false, accessDenied(a.Action)
		}
	case "SendAs":
		if logon == "Owner" {
			return false, sendDenied
		}
		if !acc.sendAs {
			return true, sendDenied
		}
	case "SendOnBehalf":
		if logon == "Owner" {
			return false, sendDenied
		}
		if !acc.sendOnBehalf {
			return true, sendDenied
		}
	case "Send":
		if logon == "Delegate" {
			return false, accessDenied(a.Action)
		}
	default:
		if logon == "Delegate" && !acc.fullAccess {
			return false, accessDenied(a.Action)
		}
	}
	return false, nil
}

// defaults fills in the client an action comes from when not given: Outlook on the web
// for people, the administrative tools for administrator logons.
func (a *invokeMailboxAction) defaults(e *entry, who actor) {
	if e.clientInfo == "" {
		switch {
		case e.external:
			e.clientInfo = "Client=ExchangeInternal;Action=DatacenterAdmin"
		case e.logonType == "Admin":
			e.clientInfo = "Client=MSExchangeRPC"
		default:
			e.clientInfo = "Client=OWA;Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0;"
		}
	}
	if e.clientIP == "" {
		d := demo.DeriveID("ip", strings.ToLower(who.upn()))
		e.clientIP = fmt.Sprintf("203.0.113.%d", 1+int(d[0])%254)
		if e.external {
			e.clientIP = fmt.Sprintf("2603:10b6:%x::%x", d[1], d[2])
		}
	}
}
