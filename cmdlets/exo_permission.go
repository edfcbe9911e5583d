package cmdlets

import (
	"errors"
	"strings"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/value"
	"github.com/exosh/exosh/store"
)

// exoPermissionCmdlets is the table of the mailbox and recipient permission cmdlets.
func exoPermissionCmdlets() []shell.CmdletInfo {
	return []shell.CmdletInfo{
		{Name: "Get-MailboxPermission", Module: moduleEXO, Synopsis: "Retrieves permissions on a mailbox.",
			New: func() shell.Cmdlet { return new(getMailboxPermission) }},
		{Name: "Add-MailboxPermission", Module: moduleEXO, Synopsis: "Adds permissions to a mailbox.",
			New: func() shell.Cmdlet { return new(addMailboxPermission) }},
		{Name: "Remove-MailboxPermission", Module: moduleEXO, ConfirmImpact: shell.ConfirmImpactHigh, Synopsis: "Removes permissions from a mailbox.",
			New: func() shell.Cmdlet { return new(removeMailboxPermission) }},
		{Name: "Get-RecipientPermission", Module: moduleEXO, Synopsis: "Views Send As permissions.",
			New: func() shell.Cmdlet { return new(getRecipientPermission) }},
		{Name: "Add-RecipientPermission", Module: moduleEXO, ConfirmImpact: shell.ConfirmImpactHigh, Synopsis: "Adds Send As permission.",
			New: func() shell.Cmdlet { return new(addRecipientPermission) }},
		{Name: "Remove-RecipientPermission", Module: moduleEXO, ConfirmImpact: shell.ConfirmImpactHigh, Synopsis: "Removes Send As permission.",
			New: func() shell.Cmdlet { return new(removeRecipientPermission) }},
	}
}

// selfAccount is the well-known principal every mailbox grants itself.
const selfAccount = `NT AUTHORITY\SELF`

// mailboxRights are the MailboxRights enumeration names.
var mailboxRights = []string{"ChangeOwner", "ChangePermission", "DeleteItem", "ExternalAccount", "FullAccess", "ReadPermission"}

// inheritanceTypes are the ActiveDirectorySecurityInheritance names.
var inheritanceTypes = []string{"None", "All", "Descendents", "SelfAndChildren", "Children"}

// principalClasses are the recipients that can hold permissions.
var principalClasses = []store.Class{store.ClassUser, store.ClassMailbox, store.ClassMailUser, store.ClassGroup}

// resolveTrustee resolves a -User/-Trustee argument to a trustee and its display text.
func (t *tenant) resolveTrustee(c *shell.Context, a identityArg) (store.Trustee, string, error) {
	if strings.EqualFold(a.text, selfAccount) {
		return store.Trustee{Name: selfAccount}, selfAccount, nil
	}
	r, err := t.resolve(c, a, principalClasses...)
	if err != nil {
		return store.Trustee{}, "", err
	}
	return store.Trustee{ID: r.Guid}, principalText(&r), nil
}

// principalText is how a trustee prints: a user's UPN, else its name.
func principalText(r *store.Recipient) string {
	if r.UserPrincipalName != "" {
		return r.UserPrincipalName
	}
	return r.Name
}

// trusteeText prints a stored trustee.
func (t *tenant) trusteeText(c *shell.Context, tr store.Trustee) string {
	if tr.ID.IsZero() {
		return tr.Name
	}
	r, err := t.st.RecipientByID(c.Ctx, tr.ID)
	if err != nil {
		return tr.ID.String()
	}
	return principalText(&r)
}

// mailboxPermissionObject is one access control entry as Get-MailboxPermission shows it.
func mailboxPermissionObject(mailbox *store.Recipient, user string, p store.MailboxPermission) *value.Object {
	inh := p.InheritanceType
	if inh == "" {
		inh = "All"
	}
	o := value.NewObject(typeMailboxPermission,
		value.Property{Name: "AccessRights", Value: strs(p.AccessRights)},
		value.Property{Name: "Deny", Value: p.Deny},
		value.Property{Name: "InheritanceType", Value: inh},
		value.Property{Name: "User", Value: user},
		value.Property{Name: "UserSid", Value: nil},
		value.Property{Name: "Identity", Value: identityText(mailbox)},
		value.Property{Name: "IsInherited", Value: p.IsInherited},
		value.Property{Name: "IsValid", Value: true},
		value.Property{Name: "ObjectState", Value: "Unchanged"},
	)
	return o
}

// getMailboxPermission is Get-MailboxPermission.
type getMailboxPermission struct {
	Identity           identityArg
	User               identityArg
	Owner              bool
	ResultSize         int
	SoftDeletedMailbox bool
	GroupMailbox       bool
	IncludeUnresolved  bool
	IncludeSoftDeleted bool
	t                  *tenant
}

func (g *getMailboxPermission) Params() []shell.Param {
	return []shell.Param{
		{Name: "Identity", Position: 1, Mandatory: true, FromPipeline: true, ByPropertyName: true,
			Bind: identityBinder(&g.Identity, "MailboxIdParameter"), Help: "The mailbox."},
		{Name: "User", Sets: []string{"AccessRights"}, Bind: identityBinder(&g.User, "SecurityPrincipalIdParameter"),
			Help: "Returns only the entries of this user."},
		{Name: "Owner", Sets: []string{"Owner"}, Bind: shell.Switch(&g.Owner), Help: "Returns the owner of the mailbox."},
		{Name: "ResultSize", Bind: resultSizeBinder(&g.ResultSize), Help: "Maximum number of results."},
		{Name: "SoftDeletedMailbox", Bind: shell.Switch(&g.SoftDeletedMailbox), Help: "The mailbox is soft-deleted."},
		{Name: "GroupMailbox", Bind: shell.Switch(&g.GroupMailbox), Help: "The mailbox is a group mailbox."},
		{Name: "IncludeUnresolvedPermissions", Bind: shell.Switch(&g.IncludeUnresolved), Help: "Includes unresolved entries."},
		{Name: "IncludeSoftDeletedUserPermissions", Bind: shell.Switch(&g.IncludeSoftDeleted), Help: "Includes soft-deleted users' entries."},
	}
}

func (g *getMailboxPermission) Process(c *shell.Context) error {
	if err := openTenantOnce(c, &g.t); err != nil {
		return err
	}
	var mb store.Recipient
	var err error
	if g.SoftDeletedMailbox {
		mb, err = g.t.resolveDeleted(c, g.Identity, false)
	} else {
		mb, err = g.t.resolve(c, g.Identity, store.ClassMailbox)
	}
	if err != nil {
		c.WriteError(err)
		return nil
	}
	if g.Owner {
		return c.WriteObject(mailboxOwnerObject(c, g.t, &mb))
	}
	var only *store.Trustee
	if g.User.set {
		tr, _, err := g.t.resolveTrustee(c, g.User)
		if err != nil {
			c.WriteError(err)
			return nil
		}
		only = &tr
	}
	entries := []store.MailboxPermission{{Mailbox: mb.Guid, User: store.Trustee{Name: selfAccount},
		AccessRights: []string{"FullAccess", "ReadPermission"}, InheritanceType: "All"}}
	stored, err := g.t.st.MailboxPermissions(c.Ctx, mb.Guid)
	if err != nil {
		return err
	}
	entries = append(entries, stored...)
	n := 0
	for _, p := range entries {
		if only != nil && p.User.Key() != only.Key() {
			continue
		}
		if g.ResultSize > 0 && n >= g.ResultSize {
			c.WriteWarning(warnMoreResults)
			break
		}
		n++
		if err := c.WriteObject(mailboxPermissionObject(&mb, g.t.trusteeText(c, p.User), p)); err != nil {
			return err
		}
	}
	return nil
}

// addMailboxPermission is Add-MailboxPermission: grants rights (-User, -AccessRights) or
// sets the mailbox's owner (-Owner).
type addMailboxPermission struct {
	Identity        identityArg
	User            identityArg
	Owner           identityArg
	AccessRights    []string
	AutoMapping     bool
	Deny            bool
	InheritanceType string
	GroupMailbox    bool
	IgnoreScope     bool
	t               *tenant
}

func (a *addMailboxPermission) Params() []shell.Param {
	return []shell.Param{
		{Name: "Identity", Position: 1, Mandatory: true, FromPipeline: true, ByPropertyName: true,
			Bind: identityBinder(&a.Identity, "MailboxIdParameter"), Help: "The mailbox."},
		{Name: "User", Sets: []string{"AccessRights"}, Mandatory: true, Bind: identityBinder(&a.User, "SecurityPrincipalIdParameter"),
			Help: "Who gets the permission."},
		{Name: "AccessRights", Sets: []string{"AccessRights"}, Mandatory: true, Bind: enumsBinder(&a.AccessRights,
			"Microsoft.Exchange.Management.RecipientTasks.MailboxRights", mailboxRights...), Help: "The rights to grant."},
		{Name: "Owner", Sets: []string{"Owner"}, Mandatory: true, Bind: identityBinder(&a.Owner, "SecurityPrincipalIdParameter"),
			Help: "Makes this user or security group the mailbox's owner."},
		{Name: "AutoMapping", Sets: []string{"AccessRights"}, Bind: shell.Bool(&a.AutoMapping), Help: "Adds the mailbox to the user's Outlook (default $true)."},
		{Name: "Deny", Sets: []string{"AccessRights"}, Bind: shell.Switch(&a.Deny), Help: "Denies the rights instead."},
		{Name: "InheritanceType", Sets: []string{"AccessRights"}, Bind: shell.Enum(&a.InheritanceType, inheritanceTypes...),
			Help: "How the entry is inherited (default All)."},
		{Name: "GroupMailbox", Sets: []string{"AccessRights", "Owner"}, Bind: shell.Switch(&a.GroupMailbox), Help: "The mailbox is a group mailbox."},
		{Name: "IgnoreDefaultScope", Bind: shell.Switch(&a.IgnoreScope), Help: "Ignores the default recipient scope."},
	}
}

func (a *addMailboxPermission) Process(c *shell.Context) error {
	if err := openTenantOnce(c, &a.t); err != nil {
		return err
	}
	if !a.Owner.set && !a.User.set {
		return errNoPermissionSet()
	}
	mb, err := a.t.resolve(c, a.Identity, store.ClassMailbox)
	if err != nil {
		c.WriteError(err)
		return nil
	}
	if a.Owner.set {
		return setMailboxOwner(c, a.t, &mb, a.Owner)
	}
	tr, text, err := a.t.resolveTrustee(c, a.User)
	if err != nil {
		c.WriteError(err)
		return nil
	}
	inh := a.InheritanceType
	if inh == "" {
		inh = "All"
	}
	auto := !c.Bound("AutoMapping") || a.AutoMapping
	if !c.ShouldProcess(identityText(&mb), "Add-MailboxPermission") {
		return nil
	}
	p := store.MailboxPermission{Mailbox: mb.Guid, User: tr, AccessRights: a.AccessRights, Deny: a.Deny,
		InheritanceType: inh, AutoMapping: auto}
	existing, err := a.t.st.MailboxPermissions(c.Ctx, mb.Guid)
	if err != nil {
		return err
	}
	for _, e := range existing {
		if e.User.Key() == tr.Key() && e.Deny == a.Deny {
			for _, r := range e.AccessRights {
				if !exoContains(p.AccessRights, r) {
					p.AccessRights = append(p.AccessRights, r)
				}
			}
		}
	}
	if err := a.t.st.PutMailboxPermission(c.Ctx, p); err != nil {
		return err
	}
	shown := p
	shown.AccessRights = a.AccessRights
	return c.WriteObject(mailboxPermissionObject(&mb, text, shown))
}

// removeMailboxPermission is Remove-MailboxPermission.
type removeMailboxPermission struct {
	Identity                                                                                              identityArg
	User                                                                                                  identityArg
	AccessRights                                                                                          []string
	Deny                                                                                                  bool
	InheritanceType                                                                                       string
	ClearAutoMapping, ResetDefault, BypassMasterAccountSid, GroupMailbox, SoftDeletedMailbox, IgnoreScope bool
	t                                                                                                     *tenant
}

func (r *removeMailboxPermission) Params() []shell.Param {
	return []shell.Param{
		{Name: "Identity", Position: 1, Mandatory: true, FromPipeline: true, ByPropertyName: true,
			Bind: identityBinder(&r.Identity, "MailboxIdParameter"), Help: "The mailbox."},
		{Name: "User", Sets: []string{"AccessRights"}, Bind: identityBinder(&r.User, "SecurityPrincipalIdParameter"), Help: "Whose permission to remove."},
		{Name: "AccessRights", Sets: []string{"AccessRights"}, Bind: enumsBinder(&r.AccessRights,
			"Microsoft.Exchange.Management.RecipientTasks.MailboxRights", mailboxRights...), Help: "The rights to remove."},
		{Name: "Deny", Bind: shell.Switch(&r.Deny), Help: "Removes a deny entry."},
		{Name: "InheritanceType", Bind: shell.Enum(&r.InheritanceType, inheritanceTypes...), Help: "The entry's inheritance."},
		{Name: "ClearAutoMapping", Sets: []string{"ClearAutoMapping"}, Bind: shell.Switch(&r.ClearAutoMapping), Help: "Turns automapping off for every user."},
		{Name: "ResetDefault", Sets: []string{"ResetDefault"}, Bind: shell.Switch(&r.ResetDefault), Help: "Removes every non-default entry."},
		{Name: "BypassMasterAccountSid", Bind: shell.Switch(&r.BypassMasterAccountSid), Help: "Ignores the master account SID."},
		{Name: "GroupMailbox", Bind: shell.Switch(&r.GroupMailbox), Help: "The mailbox is a group mailbox."},
		{Name: "SoftDeletedMailbox", Bind: shell.Switch(&r.SoftDeletedMailbox), Help: "The mailbox is soft-deleted."},
		{Name: "IgnoreDefaultScope", Bind: shell.Switch(&r.IgnoreScope), Help: "Ignores the default recipient scope."},
	}
}

func (r *removeMailboxPermission) Process(c *shell.Context) error {
	if err := openTenantOnce(c, &r.t); err != nil {
		return err
	}
	mb, err := r.t.resolve(c, r.Identity, store.ClassMailbox)
	if err != nil {
		c.WriteError(err)
		return nil
	}
	entries, err := r.t.st.MailboxPermissions(c.Ctx, mb.Guid)
	if err != nil {
		return err
	}
	if r.ClearAutoMapping || r.ResetDefault {
		if !c.ShouldProcess(identityText(&mb), "Remove-MailboxPermission") {
			return nil
		}
		for _, e := range entries {
			if r.ResetDefault {
				err = r.t.st.DeleteMailboxPermission(c.Ctx, mb.Guid, e.User, e.Deny)
			} else if e.AutoMapping {
				e.AutoMapping = false
				err = r.t.st.PutMailboxPermission(c.Ctx, e)
			}
			if err != nil {
				return err
			}
		}
		return nil
	}
	if !r.User.set || len(r.AccessRights) == 0 {
		return &shell.ErrorRecord{Message: "Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.",
			Category: "InvalidArgument", ErrorID: "AmbiguousParameterSet", Exception: "System.Management.Automation.ParameterBindingException"}
	}
	tr, text, err := r.t.resolveTrustee(c, r.User)
	if err != nil {
		c.WriteError(err)
		return nil
	}
	if !c.ShouldProcess(identityText(&mb), "Remove-MailboxPermission") {
		return nil
	}
	for _, e := range entries {
		if e.User.Key() != tr.Key() || e.Deny != r.Deny || !hasAll(e.AccessRights, r.AccessRights) {
			continue
		}
		var rest []string
		for _, x := range e.AccessRights {
			if !exoContains(r.AccessRights, x) {
				rest = append(rest, x)
			}
		}
		if len(rest) == 0 {
			return r.t.st.DeleteMailboxPermission(c.Ctx, mb.Guid, e.User, e.Deny)
		}
		e.AccessRights = rest
		return r.t.st.PutMailboxPermission(c.Ctx, e)
	}
	c.WriteWarning(aceMissing(&mb, text))
	return nil
}

// aceMissing is Exchange's warning when the entry to remove does not exist.
func aceMissing(obj *store.Recipient, account string) string {
	return "Can't remove the access control entry on the object \"" + obj.DistinguishedName + "\" for account \"" +
		account + "\" because the ACE doesn't exist on the object."
}

func hasAll(have, want []string) bool {
	for _, w := range want {
		if !exoContains(have, w) {
			return false
		}
	}
	return true
}

// recipientPermissionObject is one Send As entry.
func recipientPermissionObject(obj *store.Recipient, trustee string, p store.RecipientPermission) *value.Object {
	act := p.AccessControlType
	if act == "" {
		act = "Allow"
	}
	inh := p.InheritanceType
	if inh == "" {
		inh = "None"
	}
	return value.NewObject(typeRecipientPermission,
		value.Property{Name: "Identity", Value: identityText(obj)},
		value.Property{Name: "Trustee", Value: trustee},
		value.Property{Name: "AccessControlType", Value: act},
		value.Property{Name: "AccessRights", Value: strs(p.AccessRights)},
		value.Property{Name: "IsInherited", Value: p.IsInherited},
		value.Property{Name: "InheritanceType", Value: inh},
	)
}

// getRecipientPermission is Get-RecipientPermission.
type getRecipientPermission struct {
	Identity     identityArg
	Trustee      identityArg
	AccessRights []string
	ResultSize   int
	t            *tenant
	n            int
	warned       bool
}

func (g *getRecipientPermission) Params() []shell.Param {
	return []shell.Param{
		{Name: "Identity", Position: 1, FromPipeline: true, ByPropertyName: true,
			Bind: identityBinder(&g.Identity, "RecipientIdParameter"), Help: "The recipient."},
		{Name: "Trustee", Bind: identityBinder(&g.Trustee, "SecurityPrincipalIdParameter"), Help: "Returns only this trustee's entries."},
		{Name: "AccessRights", Bind: enumsBinder(&g.AccessRights, "Microsoft.Exchange.Management.RecipientTasks.RecipientAccessRight", "SendAs"),
			Help: "Filters by right (SendAs)."},
		{Name: "ResultSize", Bind: resultSizeBinder(&g.ResultSize), Help: "Maximum number of results (default 1000)."},
	}
}

func (g *getRecipientPermission) Process(c *shell.Context) error {
	if err := openTenantOnce(c, &g.t); err != nil {
		return err
	}
	var only *store.Trustee
	if g.Trustee.set {
		tr, _, err := g.t.resolveTrustee(c, g.Trustee)
		if err != nil {
			c.WriteError(err)
			return nil
		}
		only = &tr
	}
	if g.Identity.set && g.Identity.text != "" {
		r, err := g.t.resolve(c, g.Identity, store.MailClasses...)
		if err != nil {
			c.WriteError(err)
			return nil
		}
		return g.emitFor(c, &r, only)
	}
	if only != nil && !only.ID.IsZero() {
		var after store.Cursor
		for {
			ps, next, err := g.t.st.RecipientPermissionsOf(c.Ctx, *only, store.DefaultLimit, after)
			if err != nil {
				return err
			}
			for _, p := range ps {
				r, err := g.t.st.RecipientByID(c.Ctx, p.Recipient)
				if err != nil {
					continue
				}
				if !g.emit(c, &r, p) {
					return nil
				}
			}
			if next == "" {
				return nil
			}
			after = next
		}
	}
	return g.t.list(c, listSpec{classes: store.MailClasses, resultSize: unlimitedSize}, func(r *store.Recipient) error {
		return g.emitFor(c, r, only)
	})
}

// emitFor writes the entries on one recipient: the implicit SELF entry first.
func (g *getRecipientPermission) emitFor(c *shell.Context, r *store.Recipient, only *store.Trustee) error {
	entries := []store.RecipientPermission{{Recipient: r.Guid, Trustee: store.Trustee{Name: selfAccount},
		AccessRights: []string{"SendAs"}, AccessControlType: "Allow"}}
	stored, err := g.t.st.RecipientPermissions(c.Ctx, r.Guid)
	if err != nil {
		return err
	}
	for _, p := range append(entries, stored...) {
		if only != nil && p.Trustee.Key() != only.Key() {
			continue
		}
		if !g.emit(c, r, p) {
			return nil
		}
	}
	return nil
}

// emit writes one entry and reports whether the listing may go on (-ResultSize).
func (g *getRecipientPermission) emit(c *shell.Context, r *store.Recipient, p store.RecipientPermission) bool {
	limit := g.ResultSize
	if limit == 0 {
		limit = store.DefaultLimit
	}
	if limit != unlimitedSize && g.n >= limit {
		if !g.warned {
			g.warned = true
			c.WriteWarning(warnMoreResults)
		}
		return false
	}
	g.n++
	return c.WriteObject(recipientPermissionObject(r, g.t.trusteeText(c, p.Trustee), p)) == nil
}

// addRecipientPermission is Add-RecipientPermission (Send As).
type addRecipientPermission struct {
	Identity     identityArg
	Trustee      identityArg
	AccessRights []string
}

func (a *addRecipientPermission) Params() []shell.Param {
	return []shell.Param{
		{Name: "Identity", Position: 1, Mandatory: true, FromPipeline: true, ByPropertyName: true,
			Bind: identityBinder(&a.Identity, "RecipientIdParameter"), Help: "The recipient."},
		{Name: "Trustee", Mandatory: true, Bind: identityBinder(&a.Trustee, "SecurityPrincipalIdParameter"), Help: "Who gets Send As."},
		{Name: "AccessRights", Mandatory: true, Bind: enumsBinder(&a.AccessRights,
			"Microsoft.Exchange.Management.RecipientTasks.RecipientAccessRight", "SendAs"), Help: "SendAs."},
	}
}

func (a *addRecipientPermission) Process(c *shell.Context) error {
	t, err := openTenant(c)
	if err != nil {
		return err
	}
	r, err := t.resolve(c, a.Identity, store.MailClasses...)
	if err != nil {
		c.WriteError(err)
		return nil
	}
	tr, _, err := t.resolveTrustee(c, a.Trustee)
	if err != nil {
		c.WriteError(err)
		return nil
	}
	if !c.ShouldProcess(identityText(&r), "Add-RecipientPermission") {
		return nil
	}
	p := store.RecipientPermission{Recipient: r.Guid, Trustee: tr, AccessRights: []string{"SendAs"},
		AccessControlType: "Allow", InheritanceType: "None"}
	if err := t.st.PutRecipientPermission(c.Ctx, p); err != nil {
		return err
	}
	// Right after adding, Exchange shows the trustee by its directory object id.
	shown := t.trusteeText(c, tr)
	if x, err := t.st.RecipientByID(c.Ctx, tr.ID); err == nil && x.ExternalDirectoryObjectId != "" {
		shown = x.ExternalDirectoryObjectId
	}
	return c.WriteObject(recipientPermissionObject(&r, shown, p))
}

// removeRecipientPermission is Remove-RecipientPermission.
type removeRecipientPermission struct {
	Identity                              identityArg
	Trustee                               identityArg
	AccessRights                          []string
	Deny                                  bool
	SkipContact, SkipMailUser, SkipShared bool
}

func (rm *removeRecipientPermission) Params() []shell.Param {
	return []shell.Param{
		{Name: "Identity", Position: 1, Mandatory: true, FromPipeline: true, ByPropertyName: true,
			Bind: identityBinder(&rm.Identity, "RecipientIdParameter"), Help: "The recipient."},
		{Name: "Trustee", Mandatory: true, Bind: identityBinder(&rm.Trustee, "SecurityPrincipalIdParameter"), Help: "Whose Send As to remove."},
		{Name: "AccessRights", Mandatory: true, Bind: enumsBinder(&rm.AccessRights,
			"Microsoft.Exchange.Management.RecipientTasks.RecipientAccessRight", "SendAs"), Help: "SendAs."},
		{Name: "Deny", Bind: shell.Switch(&rm.Deny), Help: "Removes a deny entry."},
		{Name: "SkipDomainValidationForMailContact", Bind: shell.Switch(&rm.SkipContact), Help: "Skips domain validation."},
		{Name: "SkipDomainValidationForMailUser", Bind: shell.Switch(&rm.SkipMailUser), Help: "Skips domain validation."},
		{Name: "SkipDomainValidationForSharedMailbox", Bind: shell.Switch(&rm.SkipShared), Help: "Skips domain validation."},
	}
}

func (rm *removeRecipientPermission) Process(c *shell.Context) error {
	t, err := openTenant(c)
	if err != nil {
		return err
	}
	r, err := t.resolve(c, rm.Identity, store.MailClasses...)
	if err != nil {
		c.WriteError(err)
		return nil
	}
	tr, text, err := t.resolveTrustee(c, rm.Trustee)
	if err != nil {
		c.WriteError(err)
		return nil
	}
	if !c.ShouldProcess(identityText(&r), "Remove-RecipientPermission") {
		return nil
	}
	err = t.st.DeleteRecipientPermission(c.Ctx, r.Guid, tr, rm.Deny)
	if errors.Is(err, store.ErrNotFound) {
		c.WriteWarning(aceMissing(&r, text))
		return nil
	}
	return err
}
