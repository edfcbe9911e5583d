package cmdlets

import (
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/store"
	"github.com/exosh/exosh/store/demo"
)

// The mailbox side of auditing: the standard folders every mailbox has, the items in
// them, and who may open a mailbox with which logon type.

// standardFolders are the folders of every mailbox, as paths below the root, in the order
// Get-MailboxFolderStatistics lists them.
var standardFolders = []string{
	"Top of Information Store", "Archive", "Calendar", "Contacts", "Conversation History", "Deleted Items",
	"Drafts", "Inbox", "Journal", "Junk Email", "Notes", "Outbox", "Sent Items", "Tasks",
	"Recoverable Items", `Recoverable Items\Audits`, `Recoverable Items\Calendar Logging`,
	`Recoverable Items\Deletions`, `Recoverable Items\DiscoveryHolds`, `Recoverable Items\Purges`,
	`Recoverable Items\Versions`,
}

// Folders the actions move items into.
const (
	folderDeletedItems = "Deleted Items"
	folderDeletions    = `Recoverable Items\Deletions`
	folderPurges       = `Recoverable Items\Purges`
	folderSentItems    = "Sent Items"
	folderAudits       = `Recoverable Items\Audits`
)

// errFolderNotFound and errItemNotFound are the store's (EWS's) texts for a missing folder
// or item.
const (
	errFolderNotFound = "The specified folder could not be found in the store."
	errItemNotFound   = "The specified object was not found in the store."
)

// folderPath canonicalises a folder argument ("inbox", `\Inbox`, "/Sent Items") to its
// standard path; ok is false when the mailbox has no such folder.
func folderPath(arg string) (string, bool) {
	p := strings.Trim(strings.ReplaceAll(strings.TrimSpace(arg), "/", `\`), `\`)
	for _, f := range standardFolders {
		if strings.EqualFold(f, p) {
			return f, true
		}
	}
	return "", false
}

// displayPath is a folder as audit records show it: with a leading backslash.
func displayPath(folder string) string {
	if folder == "" {
		return ""
	}
	return `\` + folder
}

// folderID is the stable store id of a mailbox folder, in the base64 form Exchange prints.
func folderID(mailbox store.ID, folder string) string {
	return entryID("folder", mailbox, folder)
}

// itemIDText is an item's id in the base64 form Exchange prints.
func itemIDText(mailbox, item store.ID) string {
	return entryID("item", mailbox, item.String())
}

// entryID derives a 46-byte store entry id (the shape of an EWS id) from its parts.
func entryID(kind string, mailbox store.ID, part string) string {
	b := make([]byte, 0, 46)
	b = append(b, 0, 0, 0, 0)
	b = append(b, mailbox[:]...)
	h := demo.DeriveID(kind, mailbox.String(), part)
	b = append(b, 7, 0)
	b = append(b, h[:]...)
	b = binary.BigEndian.AppendUint64(b, uint64(len(part)))
	return base64.StdEncoding.EncodeToString(b)
}

// sidOf is the security identifier of a directory account, derived from its Guid the way
// cloud accounts get theirs: the tenant's domain SID and a relative id.
func sidOf(id store.ID) string {
	d := demo.DeriveID("sid", id.String())
	return fmt.Sprintf("S-1-5-21-%d-%d-%d-%d", binary.BigEndian.Uint32(d[0:4])>>1, binary.BigEndian.Uint32(d[4:8])>>1,
		binary.BigEndian.Uint32(d[8:12])>>1, 1000+binary.BigEndian.Uint32(d[12:16])%90000000)
}

// itemStore returns the store's mailbox content family, or Exchange's error when this
// store keeps none.
func itemStore(c *shell.Context) (store.Items, error) {
	if is, ok := c.Store.(store.Items); ok {
		return is, nil
	}
	return nil, &shell.ErrorRecord{Message: "Cannot process the command because this tenant store keeps no mailbox content.",
		Category: "ResourceUnavailable", Exception: "System.InvalidOperationException"}
}

// deliveredItems returns the items of a mailbox that are there by the tenant clock
// (messages still on their way are left out).
func deliveredItems(c *shell.Context, mailbox store.ID) ([]store.Item, error) {
	is, err := itemStore(c)
	if err != nil {
		return nil, err
	}
	all, err := is.MailboxItems(c.Ctx, mailbox)
	if err != nil {
		return nil, err
	}
	now := c.Clock.Now()
	out := all[:0]
	for _, it := range all {
		if it.Delivered(now) {
			out = append(out, it)
		}
	}
	return out, nil
}

// findItems returns the items of folder whose subject is subject (case-insensitively).
func findItems(all []store.Item, folder, subject string) []store.Item {
	var out []store.Item
	for _, it := range all {
		if strings.EqualFold(it.Folder, folder) && strings.EqualFold(it.Subject, subject) {
			out = append(out, it)
		}
	}
	return out
}

// access is what an acting account may do in a mailbox.
type access struct {
	owner        bool
	fullAccess   bool
	sendAs       bool
	sendOnBehalf bool
	admin        bool
}

// delegate reports whether the account holds any delegate right on the mailbox.
func (a access) delegate() bool { return a.fullAccess || a.sendAs || a.sendOnBehalf }

// adminRoleGroups are the role groups whose members open other people's mailboxes with an
// administrator logon (eDiscovery, mailbox export, MAPI tools).
var adminRoleGroups = []string{store.OrganizationManagement, "Discovery Management"}

// isTenantAdmin reports whether the account is one of the tenant's administrators: a
// member of an administrator role group when the store keeps role groups, and in any case
// the tenant's admin account and the account this session is connected as.
func isTenantAdmin(c *shell.Context, u *store.Recipient) bool {
	for _, upn := range []string{demo.AdminUPN, c.Services().Identity} {
		if upn != "" && strings.EqualFold(u.UserPrincipalName, upn) {
			return true
		}
	}
	if rs, ok := c.Store.(store.Roles); ok {
		for _, name := range adminRoleGroups {
			if g, err := rs.RoleGroup(c.Ctx, name); err == nil && g.HasMember(u.Guid) {
				return true
			}
		}
	}
	return false
}

// accessOf works out the rights of user on mailbox: ownership, FullAccess (granted to the
// user or to a group the user belongs to, and not denied), Send As, Send on Behalf and
// administrator rights.
func (t *tenant) accessOf(c *shell.Context, mailbox, user *store.Recipient) (access, error) {
	a := access{owner: mailbox.Guid == user.Guid, admin: isTenantAdmin(c, user)}
	principals := map[store.ID]bool{user.Guid: true}
	var after store.Cursor
	for {
		groups, next, err := t.st.MemberOf(c.Ctx, user.Guid, 100, after)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return a, err
		}
		for _, g := range groups {
			principals[g] = true
		}
		if next == "" || err != nil {
			break
		}
		after = next
	}
	perms, err := t.st.MailboxPermissions(c.Ctx, mailbox.Guid)
	if err != nil {
		return a, err
	}
	denied := false
	for _, p := range perms {
		if !principals[p.User.ID] || !exoContains(p.AccessRights, "FullAccess") {
			continue
		}
		if p.Deny {
			denied = true
		} else {
			a.fullAccess = true
		}
	}
	a.fullAccess = a.fullAccess && !denied
	rps, err := t.st.RecipientPermissions(c.Ctx, mailbox.Guid)
	if err != nil {
		return a, err
	}
	for _, p := range rps {
		if principals[p.Trustee.ID] && exoContains(p.AccessRights, "SendAs") && !p.Deny() {
			a.sendAs = true
		}
	}
	for _, id := range mailbox.GrantSendOnBehalfTo {
		if principals[id] {
			a.sendOnBehalf = true
		}
	}
	return a, nil
}

// auditedTypes are the mailbox types mailbox auditing covers: user, shared and
// Microsoft 365 group mailboxes (not resource or public folder mailboxes).
var auditedTypes = []string{"UserMailbox", "SharedMailbox", "GroupMailbox"}
