package cmdlets

import (
	"errors"
	"fmt"
	"strings"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/value"
	"github.com/exosh/exosh/store"
	"github.com/exosh/exosh/store/demo"
)

// exoMailboxCmdlets is the table of the mailbox cmdlets.
func exoMailboxCmdlets() []shell.CmdletInfo {
	return []shell.CmdletInfo{
		{Name: "Get-Mailbox", Module: moduleEXO, Synopsis: "Views mailbox objects and attributes.",
			New: func() shell.Cmdlet { return new(getMailbox) }},
		{Name: "Set-Mailbox", Module: moduleEXO, Synopsis: "Modifies the settings of existing mailboxes.",
			New: func() shell.Cmdlet { return new(setMailbox) }},
		{Name: "New-Mailbox", Module: moduleEXO, Synopsis: "Creates mailboxes.",
			New: func() shell.Cmdlet { return new(newMailbox) }},
		{Name: "Remove-Mailbox", Module: moduleEXO, ConfirmImpact: shell.ConfirmImpactHigh, Synopsis: "Removes mailboxes.",
			New: func() shell.Cmdlet { return new(removeMailbox) }},
	}
}

// getMailbox is Get-Mailbox.
type getMailbox struct {
	Identity             identityArg
	Anr                  string
	Filter               string
	OrganizationalUnit   string
	RecipientTypeDetails []string
	ResultSize           int
	SortBy               string
	Archive              bool
	GroupMailbox         bool
	PublicFolder         bool
	InactiveMailboxOnly  bool
	IncludeInactive      bool
	SoftDeletedMailbox   bool
	Migration            bool

	t      *tenant
	filter *compiledFilter
}

func (g *getMailbox) Params() []shell.Param {
	return []shell.Param{
		{Name: "Identity", Position: 1, FromPipeline: true, ByPropertyName: true, Sets: []string{"Identity"},
			Bind: identityBinder(&g.Identity, "MailboxIdParameter"), Help: "The mailbox to view."},
		{Name: "Anr", Sets: []string{"AnrSet"}, Bind: shell.String(&g.Anr), Help: "Ambiguous name resolution prefix."},
		{Name: "Filter", Bind: shell.String(&g.Filter), Help: "An OPATH filter."},
		{Name: "OrganizationalUnit", Bind: shell.String(&g.OrganizationalUnit), Help: "The organizational unit to search."},
		{Name: "RecipientTypeDetails", Bind: typeDetailsBinder(&g.RecipientTypeDetails, "RecipientTypeDetails",
			"Microsoft.Exchange.Data.Directory.Recipient.RecipientTypeDetails", lookupName(knownRecipientTypeDetails)),
			Help: "Mailbox types to return."},
		{Name: "ResultSize", Bind: resultSizeBinder(&g.ResultSize), Help: "Maximum number of results (default 1000)."},
		{Name: "SortBy", Bind: sortByBinder(&g.SortBy, "Name", "DisplayName", "Alias", "Office", "ServerLegacyDN"),
			Help: "Sorts by Name, DisplayName, Alias, Office or ServerLegacyDN."},
		{Name: "Archive", Bind: shell.Switch(&g.Archive), Help: "Returns only mailboxes with an archive."},
		{Name: "GroupMailbox", Bind: shell.Switch(&g.GroupMailbox), Help: "Returns Microsoft 365 Group mailboxes."},
		{Name: "PublicFolder", Bind: shell.Switch(&g.PublicFolder), Help: "Returns public folder mailboxes."},
		{Name: "InactiveMailboxOnly", Bind: shell.Switch(&g.InactiveMailboxOnly), Help: "Returns only inactive mailboxes."},
		{Name: "IncludeInactiveMailbox", Bind: shell.Switch(&g.IncludeInactive), Help: "Includes inactive mailboxes."},
		{Name: "SoftDeletedMailbox", Bind: shell.Switch(&g.SoftDeletedMailbox), Help: "Returns soft-deleted mailboxes."},
		{Name: "Migration", Bind: shell.Switch(&g.Migration), Help: "Returns migration mailboxes."},
	}
}

func (g *getMailbox) Begin(c *shell.Context) error {
	t, err := openTenant(c)
	if err != nil {
		return err
	}
	g.t = t
	if c.Bound("Filter") && g.Filter != "" {
		f, err := compileFilter(g.Filter, propIndex(mailboxFilterProps()))
		if err != nil {
			return err
		}
		g.filter = f
	}
	return nil
}

func (g *getMailbox) Process(c *shell.Context) error {
	if c.Bound("OrganizationalUnit") && !g.t.knownOU(g.OrganizationalUnit) {
		c.WriteError(g.t.ouNotFound(g.OrganizationalUnit))
		return nil
	}
	if g.Migration {
		// The tenant has no migration mailboxes.
		return nil
	}
	spec := listSpec{
		classes:     []store.Class{store.ClassMailbox},
		softDeleted: g.SoftDeletedMailbox || g.InactiveMailboxOnly,
		filter:      g.filter,
		resultSize:  g.ResultSize,
		sortBy:      g.SortBy,
		keep:        g.keep,
	}
	if g.Identity.set && g.Identity.text != "" {
		spec.identity = g.Identity
	}
	emit := func(r *store.Recipient) error { return c.WriteObject(mailboxObject(g.t, r, g.t.namer(c))) }
	if err := g.t.list(c, spec, emit); err != nil {
		return err
	}
	if g.IncludeInactive && !spec.softDeleted {
		spec.softDeleted = true
		k := spec.keep
		spec.keep = func(r *store.Recipient) bool { return r.IsInactiveMailbox && k(r) }
		return g.t.list(c, spec, emit)
	}
	return nil
}

// keep applies the switches and -RecipientTypeDetails/-Anr to one mailbox.
func (g *getMailbox) keep(r *store.Recipient) bool {
	rtd := r.RecipientTypeDetails
	switch {
	case g.GroupMailbox:
		if !strings.EqualFold(rtd, "GroupMailbox") {
			return false
		}
	case g.PublicFolder:
		if !strings.EqualFold(rtd, "PublicFolderMailbox") {
			return false
		}
	case strings.EqualFold(rtd, "GroupMailbox"), strings.EqualFold(rtd, "PublicFolderMailbox"):
		return false
	}
	if g.InactiveMailboxOnly && !r.IsInactiveMailbox {
		return false
	}
	if g.Archive && !strings.EqualFold(r.ArchiveStatus, "Active") {
		return false
	}
	if len(g.RecipientTypeDetails) > 0 && !exoContains(g.RecipientTypeDetails, rtd) {
		return false
	}
	if g.Anr != "" && !anrMatch(g.Anr, r) {
		return false
	}
	return true
}

// namer resolves linked ids to names for object conversion.
func (t *tenant) namer(c *shell.Context) idNamer {
	return func(id store.ID) string { return t.nameOf(c, id) }
}

// knownOU reports whether ou names the tenant's organizational unit (the only one an
// Exchange Online tenant has).
func (t *tenant) knownOU(ou string) bool {
	ou = strings.Trim(strings.TrimSpace(ou), "/")
	full := demo.OrganizationalUnit(t.t)
	return ou == "" || strings.EqualFold(ou, full) || strings.EqualFold(ou, t.t.InitialDomain) ||
		strings.EqualFold(ou, "OU="+t.t.InitialDomain)
}

// ouNotFound is Exchange's error for an organizational unit that does not exist.
func (t *tenant) ouNotFound(ou string) error {
	return exoError(excNotFound, fmt.Sprintf("The operation couldn't be performed because object '%s' couldn't be found on '%s'.", ou, t.server()), ou)
}

// newMailbox is New-Mailbox: a user mailbox (with -MicrosoftOnlineServicesID and
// -Password), or a shared, room or equipment mailbox.
type newMailbox struct {
	Name, Alias, DisplayName, FirstName, LastName, Initials string
	MicrosoftOnlineServicesID, PrimarySmtpAddress           string
	Office, Phone                                           string
	Password, RoomMailboxPassword                           value.Value
	Shared, Room, Equipment, Force, Archive                 bool
	RoleAssignmentPolicy                                    string
	ResetPasswordOnNextLogon, EnableRoomMailboxAccount      bool
	ResourceCapacity                                        int
}

func (n *newMailbox) Params() []shell.Param {
	return []shell.Param{
		{Name: "Name", Position: 1, Mandatory: true, Bind: shell.String(&n.Name), Help: "The unique name of the mailbox."},
		{Name: "Alias", Bind: shell.String(&n.Alias), Help: "The alias (mail nickname)."},
		{Name: "DisplayName", Bind: shell.String(&n.DisplayName), Help: "The display name."},
		{Name: "FirstName", Bind: shell.String(&n.FirstName), Help: "The user's first name."},
		{Name: "LastName", Bind: shell.String(&n.LastName), Help: "The user's last name."},
		{Name: "Initials", Bind: shell.String(&n.Initials), Help: "The user's initials."},
		{Name: "MicrosoftOnlineServicesID", Sets: []string{"User"}, Bind: shell.String(&n.MicrosoftOnlineServicesID),
			Help: "The user ID (user principal name)."},
		{Name: "Password", Bind: shell.Value(&n.Password), Help: "The account password (SecureString)."},
		{Name: "PrimarySmtpAddress", Bind: shell.String(&n.PrimarySmtpAddress), Help: "The primary email address."},
		{Name: "Office", Bind: shell.String(&n.Office), Help: "The office."},
		{Name: "Phone", Bind: shell.String(&n.Phone), Help: "The phone number."},
		{Name: "Shared", Sets: []string{"Shared"}, Bind: shell.Switch(&n.Shared), Help: "Creates a shared mailbox."},
		{Name: "Room", Sets: []string{"Room"}, Bind: shell.Switch(&n.Room), Help: "Creates a room mailbox."},
		{Name: "Equipment", Sets: []string{"Equipment"}, Bind: shell.Switch(&n.Equipment), Help: "Creates an equipment mailbox."},
		{Name: "ResetPasswordOnNextLogon", Bind: shell.Bool(&n.ResetPasswordOnNextLogon), Help: "Requires a password change at next sign-in."},
		{Name: "EnableRoomMailboxAccount", Sets: []string{"Room"}, Bind: shell.Bool(&n.EnableRoomMailboxAccount), Help: "Enables the room's account."},
		{Name: "RoomMailboxPassword", Sets: []string{"Room"}, Bind: shell.Value(&n.RoomMailboxPassword), Help: "The room account's password."},
		{Name: "ResourceCapacity", Bind: shell.Int(&n.ResourceCapacity), Help: "The capacity of a room."},
		{Name: "Force", Bind: shell.Switch(&n.Force), Help: "Suppresses confirmation."},
		{Name: "Archive", Bind: shell.Switch(&n.Archive), Help: "Creates the mailbox with an archive."},
		{Name: "RoleAssignmentPolicy", Bind: shell.String(&n.RoleAssignmentPolicy), Help: "The role assignment policy."},
	}
}

func (n *newMailbox) Process(c *shell.Context) error {
	t, err := openTenant(c)
	if err != nil {
		return err
	}
	kind := "UserMailbox"
	switch {
	case n.Shared:
		kind = "SharedMailbox"
	case n.Room:
		kind = "RoomMailbox"
	case n.Equipment:
		kind = "EquipmentMailbox"
	}
	if kind == "UserMailbox" {
		var missing []string
		if n.MicrosoftOnlineServicesID == "" {
			missing = append(missing, "MicrosoftOnlineServicesID")
		}
		if n.Password == nil {
			missing = append(missing, "Password")
		}
		if len(missing) > 0 {
			return &shell.ErrorRecord{
				Message:   "Cannot process command because of one or more missing mandatory parameters: " + strings.Join(missing, " ") + ".",
				Category:  "InvalidArgument",
				ErrorID:   "MissingMandatoryParameter",
				Exception: "System.Management.Automation.ParameterBindingException",
			}
		}
	}
	alias := n.Alias
	if alias == "" {
		alias = demo.AliasFrom(n.Name)
		if kind == "UserMailbox" {
			alias, _, _ = strings.Cut(n.MicrosoftOnlineServicesID, "@")
		}
	}
	spec := demo.Spec{Type: kind, Name: n.Name, Alias: alias, DisplayName: n.DisplayName,
		FirstName: n.FirstName, LastName: n.LastName, Office: n.Office, Phone: n.Phone,
		PrimarySmtpAddress: n.PrimarySmtpAddress, UserPrincipalName: n.MicrosoftOnlineServicesID,
		Created: c.Clock.Now()}
	r := demo.NewRecipient(t.t, spec)
	r.Initials = n.Initials
	if n.Archive {
		demo.EnableArchive(&r)
	}
	if n.RoleAssignmentPolicy != "" {
		r.RoleAssignmentPolicy = n.RoleAssignmentPolicy
	}
	if kind == "UserMailbox" && n.PrimarySmtpAddress == "" {
		// A user's primary address is its user ID.
		r.PrimarySmtpAddress = n.MicrosoftOnlineServicesID
		r.WindowsEmailAddress = n.MicrosoftOnlineServicesID
		r.EmailAddresses = []string{"SMTP:" + n.MicrosoftOnlineServicesID}
		if second := alias + "@" + t.t.InitialDomain; !strings.EqualFold(second, n.MicrosoftOnlineServicesID) {
			r.EmailAddresses = append(r.EmailAddresses, "smtp:"+second)
		}
	}
	if !c.ShouldProcess(n.Name, "New-Mailbox") {
		return nil
	}
	if err := t.st.CreateRecipient(c.Ctx, r); err != nil {
		if errors.Is(err, store.ErrExists) {
			c.WriteError(t.conflictError(c, err, n.Name))
			return nil
		}
		return err
	}
	return c.WriteObject(mailboxObject(t, &r, t.namer(c)))
}

// removeMailbox is Remove-Mailbox: soft-deletes a mailbox (kept 30 days, listed by
// Get-Mailbox -SoftDeletedMailbox), or purges it with -PermanentlyDelete.
type removeMailbox struct {
	Identity          identityArg
	PermanentlyDelete bool
	Force             bool
	t                 *tenant
}

func (m *removeMailbox) Params() []shell.Param {
	return []shell.Param{
		{Name: "Identity", Position: 1, Mandatory: true, FromPipeline: true, ByPropertyName: true,
			Bind: identityBinder(&m.Identity, "MailboxIdParameter"), Help: "The mailbox to remove."},
		{Name: "PermanentlyDelete", Bind: shell.Switch(&m.PermanentlyDelete), Help: "Purges the mailbox at once."},
		{Name: "Force", Bind: shell.Switch(&m.Force), Help: "Suppresses confirmation."},
	}
}

func (m *removeMailbox) Process(c *shell.Context) error {
	if err := openTenantOnce(c, &m.t); err != nil {
		return err
	}
	r, err := m.t.resolve(c, m.Identity, store.ClassMailbox)
	if err != nil && m.PermanentlyDelete {
		r, err = m.t.resolveDeleted(c, m.Identity, false)
	}
	if err != nil {
		c.WriteError(err)
		return nil
	}
	if !c.ShouldProcess(identityText(&r), "Remove-Mailbox") {
		return nil
	}
	if m.PermanentlyDelete {
		return m.t.st.DeleteRecipient(c.Ctx, r.Guid)
	}
	now := c.Clock.Now().UTC()
	_, _, err = m.t.st.UpdateRecipient(c.Ctx, r.Guid, func(x *store.Recipient) error {
		x.IsSoftDeletedByRemove = true
		x.WhenSoftDeleted = now
		x.WhenChanged = now
		return nil
	})
	return err
}
