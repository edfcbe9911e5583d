package cmdlets

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/value"
	"github.com/exosh/exosh/store"
	"github.com/exosh/exosh/store/demo"
)

// rbacGroupCmdlets is the table of the role group cmdlets.
func rbacGroupCmdlets() []shell.CmdletInfo {
	return []shell.CmdletInfo{
		{Name: "Get-RoleGroup", Module: moduleEXO, Synopsis: "Retrieves management role groups.",
			New: func() shell.Cmdlet { return new(getRoleGroup) }},
		{Name: "Get-RoleGroupMember", Module: moduleEXO, Synopsis: "Retrieves the members of a management role group.",
			New: func() shell.Cmdlet { return new(getRoleGroupMember) }},
		{Name: "Add-RoleGroupMember", Module: moduleEXO, Synopsis: "Adds a member to a management role group.",
			New: func() shell.Cmdlet { return &roleGroupMember{add: true} }},
		{Name: "Remove-RoleGroupMember", Module: moduleEXO, ConfirmImpact: shell.ConfirmImpactHigh, Synopsis: "Removes a member from a management role group.",
			New: func() shell.Cmdlet { return &roleGroupMember{} }},
		{Name: "New-RoleGroup", Module: moduleEXO, Synopsis: "Creates a management role group.",
			New: func() shell.Cmdlet { return new(newRoleGroup) }},
	}
}

const (
	typeRoleGroup        = "Microsoft.Exchange.Management.RbacTasks.RoleGroup"
	excMemberExists      = "Microsoft.Exchange.Management.Tasks.MemberAlreadyExistsException"
	excMemberNotFound    = "Microsoft.Exchange.Management.Tasks.MemberNotFoundException"
	excInvalidOperation  = "System.InvalidOperationException"
	roleGroupIdParameter = "RoleGroupIdParameter"
)

// rbacTenant is the tenant with its role groups.
type rbacTenant struct {
	*tenant
	roles store.Roles
}

// openRoles opens the tenant and makes sure it has its built-in role groups.
func openRoles(c *shell.Context) (*rbacTenant, error) {
	t, err := openTenant(c)
	if err != nil {
		return nil, err
	}
	rs, ok := c.Store.(store.RoleSeeder)
	if !ok {
		return nil, &shell.ErrorRecord{Message: "Cannot process the command because this tenant store keeps no role groups.",
			Category: "ResourceUnavailable", Exception: excInvalidOperation}
	}
	if err := ensureRoleGroups(c.Ctx, rs); err != nil {
		return nil, err
	}
	return &rbacTenant{tenant: t, roles: rs}, nil
}

// roleGroup resolves a role group identity (name or Guid).
func (t *rbacTenant) roleGroup(c *shell.Context, a identityArg) (store.RoleGroup, error) {
	text := a.text
	if !a.id.IsZero() {
		text = a.id.String()
	}
	g, err := t.roles.RoleGroup(c.Ctx, text)
	if err != nil {
		return g, t.identityError(a.text, err)
	}
	return g, nil
}

// memberNames returns the Names of a group's members that still exist.
func (t *rbacTenant) memberNames(c *shell.Context, g *store.RoleGroup) []value.Value {
	out := []value.Value{}
	for _, id := range g.Members {
		if r, err := t.st.RecipientByID(c.Ctx, id); err == nil {
			out = append(out, r.Name)
		}
	}
	return out
}

// assignmentName is the name Exchange gives the assignment of a role to a role group.
func assignmentName(role, group string) string {
	n := role + "-" + group
	if len(n) > 64 {
		n = n[:64]
	}
	return n
}

// roleGroupObject is a role group as Get-RoleGroup shows it.
func (t *rbacTenant) roleGroupObject(c *shell.Context, g *store.RoleGroup) *value.Object {
	var assignments []string
	for _, r := range g.Roles {
		assignments = append(assignments, assignmentName(r, g.Name))
	}
	kind := "Standard"
	if g.BuiltIn {
		kind = "BuiltIn"
	}
	o := value.NewObject(typeRoleGroup,
		value.Property{Name: "RunspaceId", Value: nil},
		value.Property{Name: "ManagedBy", Value: strs(g.ManagedBy)},
		value.Property{Name: "RoleAssignments", Value: strs(assignments)},
		value.Property{Name: "Roles", Value: strs(g.Roles)},
		value.Property{Name: "DisplayName", Value: g.Name},
		value.Property{Name: "ExternalDirectoryObjectId", Value: ""},
		value.Property{Name: "Members", Value: t.memberNames(c, g)},
		value.Property{Name: "SamAccountName", Value: strings.ReplaceAll(g.Name, " ", "")},
		value.Property{Name: "Description", Value: g.Description},
		value.Property{Name: "RoleGroupType", Value: kind},
		value.Property{Name: "LinkedGroup", Value: ""},
		value.Property{Name: "Capabilities", Value: []value.Value{}},
		value.Property{Name: "AssignedRoles", Value: strs(g.Roles)},
		value.Property{Name: "Name", Value: g.Name},
		value.Property{Name: "Identity", Value: g.Name},
		value.Property{Name: "Guid", Value: g.Guid.String()},
		value.Property{Name: "WhenChanged", Value: g.WhenChanged},
		value.Property{Name: "WhenCreated", Value: g.WhenCreated},
		value.Property{Name: "WhenChangedUTC", Value: g.WhenChanged.UTC()},
		value.Property{Name: "WhenCreatedUTC", Value: g.WhenCreated.UTC()},
		value.Property{Name: "IsValid", Value: true},
	)
	o.SetString(g.Name)
	return o
}

// getRoleGroup is Get-RoleGroup.
type getRoleGroup struct {
	Identity          identityArg
	ResultSize        int
	ShowPartnerLinked bool
}

func (g *getRoleGroup) Params() []shell.Param {
	return []shell.Param{
		{Name: "Identity", Position: 1, FromPipeline: true, ByPropertyName: true,
			Bind: identityBinder(&g.Identity, roleGroupIdParameter), Help: "The role group (name or Guid)."},
		{Name: "ResultSize", Bind: resultSizeBinder(&g.ResultSize), Help: "Maximum number of results."},
		{Name: "ShowPartnerLinked", Bind: shell.Switch(&g.ShowPartnerLinked), Help: "Accepted; exosh has no partner-linked groups."},
	}
}

func (g *getRoleGroup) Process(c *shell.Context) error {
	t, err := openRoles(c)
	if err != nil {
		return err
	}
	if g.Identity.set && g.Identity.text != "" {
		grp, err := t.roleGroup(c, g.Identity)
		if err != nil {
			c.WriteError(err)
			return nil
		}
		return c.WriteObject(t.roleGroupObject(c, &grp))
	}
	all, err := t.roles.RoleGroups(c.Ctx)
	if err != nil {
		return err
	}
	for i := range all {
		if g.ResultSize > 0 && i >= g.ResultSize {
			break
		}
		if err := c.WriteObject(t.roleGroupObject(c, &all[i])); err != nil {
			return err
		}
	}
	return nil
}

// getRoleGroupMember is Get-RoleGroupMember.
type getRoleGroupMember struct {
	Identity   identityArg
	ResultSize int
}

func (g *getRoleGroupMember) Params() []shell.Param {
	return []shell.Param{
		{Name: "Identity", Position: 1, Mandatory: true, FromPipeline: true, ByPropertyName: true,
			Bind: identityBinder(&g.Identity, roleGroupIdParameter), Help: "The role group."},
		{Name: "ResultSize", Bind: resultSizeBinder(&g.ResultSize), Help: "Maximum number of results."},
	}
}

func (g *getRoleGroupMember) Process(c *shell.Context) error {
	t, err := openRoles(c)
	if err != nil {
		return err
	}
	grp, err := t.roleGroup(c, g.Identity)
	if err != nil {
		c.WriteError(err)
		return nil
	}
	n := 0
	for _, id := range grp.Members {
		r, err := t.st.RecipientByID(c.Ctx, id)
		if err != nil {
			continue
		}
		if g.ResultSize > 0 && n >= g.ResultSize {
			break
		}
		n++
		if err := c.WriteObject(recipientObject(t.tenant, &r)); err != nil {
			return err
		}
	}
	return nil
}

// roleGroupMember is Add-RoleGroupMember and Remove-RoleGroupMember.
type roleGroupMember struct {
	add      bool
	Identity identityArg
	Member   identityArg
	Bypass   bool
}

func (m *roleGroupMember) Params() []shell.Param {
	return []shell.Param{
		{Name: "Identity", Position: 1, Mandatory: true,
			Bind: identityBinder(&m.Identity, roleGroupIdParameter), Help: "The role group."},
		{Name: "Member", Mandatory: true, FromPipeline: true, ByPropertyName: true,
			Bind: identityBinder(&m.Member, "SecurityPrincipalIdParameter"), Help: "The user or group to add or remove."},
		{Name: "BypassSecurityGroupManagerCheck", Bind: shell.Switch(&m.Bypass), Help: "Accepted; ManagedBy is not enforced."},
	}
}

func (m *roleGroupMember) Process(c *shell.Context) error {
	t, err := openRoles(c)
	if err != nil {
		return err
	}
	grp, err := t.roleGroup(c, m.Identity)
	if err != nil {
		c.WriteError(err)
		return nil
	}
	r, err := t.resolve(c, m.Member, principalClasses...)
	if err != nil {
		if errors.Is(err, store.ErrAmbiguous) || isAmbiguous(err) {
			c.WriteError(err)
			return nil
		}
		c.WriteError(exoError(excNotFound, fmt.Sprintf("Couldn't find object \"%s\". Please make sure that it was spelled correctly or specify a different object.",
			m.Member.text), m.Member.text))
		return nil
	}
	action := "Remove-RoleGroupMember"
	if m.add {
		action = "Add-RoleGroupMember"
	}
	now := c.Clock.Now().UTC()
	// Exchange validates before it asks: a change it would refuse fails without a prompt.
	trial := grp
	trial.Members = append([]store.ID(nil), grp.Members...)
	if err := changeMembers(&trial, r.Guid, m.add, now); err != nil {
		return m.refuse(c, err, &r)
	}
	if !c.ShouldProcess(grp.Name, action) {
		return nil
	}
	_, err = t.roles.UpdateRoleGroup(c.Ctx, grp.Guid, func(g *store.RoleGroup) error {
		return changeMembers(g, r.Guid, m.add, now)
	})
	return m.refuse(c, err, &r)
}

// refuse writes Exchange's refusal of a membership change as a non-terminating error; any
// other error is returned.
func (m *roleGroupMember) refuse(c *shell.Context, err error, r *store.Recipient) error {
	var refusal *shell.ErrorRecord
	if errors.As(err, &refusal) {
		refusal.TargetObject = m.Member.text
		if strings.Contains(refusal.Message, "%s") {
			refusal.Message = fmt.Sprintf(refusal.Message, principalText(r))
		}
		c.WriteError(refusal)
		return nil
	}
	return err
}

// changeMembers adds or removes one member, refusing what Exchange refuses: a member
// twice, a non-member, and leaving Organization Management empty. %s in a refusal's
// message stands for the member, filled in by the caller.
func changeMembers(g *store.RoleGroup, id store.ID, add bool, now time.Time) error {
	has := g.HasMember(id)
	switch {
	case add && has:
		return exoError(excMemberExists, "The recipient \"%s\" is already a member of the group \""+g.Name+"\".", nil)
	case add:
		g.Members = append(g.Members, id)
	case !has:
		return exoError(excMemberNotFound, "The recipient \"%s\" isn't a member of the group \""+g.Name+"\".", nil)
	case len(g.Members) == 1 && strings.EqualFold(g.Name, store.OrganizationManagement):
		return exoError(excInvalidOperation, "The last member of the role group \""+g.Name+"\" can't be removed. At least one member must remain to manage role assignments in the organization.", nil)
	default:
		kept := g.Members[:0:0]
		for _, m := range g.Members {
			if m != id {
				kept = append(kept, m)
			}
		}
		g.Members = kept
	}
	g.WhenChanged = now
	return nil
}

// isAmbiguous reports whether err is Exchange's ambiguous-identity error.
func isAmbiguous(err error) bool {
	var rec *shell.ErrorRecord
	return errors.As(err, &rec) && rec.Exception == excAmbiguous
}

// newRoleGroup is New-RoleGroup.
type newRoleGroup struct {
	Name        string
	DisplayName string
	Description string
	Roles       []string
	Members     []string
	ManagedBy   []string
	Bypass      bool
}

func (n *newRoleGroup) Params() []shell.Param {
	return []shell.Param{
		{Name: "Name", Position: 1, Mandatory: true, Bind: shell.String(&n.Name), Help: "The name of the role group (at most 64 characters)."},
		{Name: "DisplayName", Bind: shell.String(&n.DisplayName), Help: "Accepted; the display name is the name."},
		{Name: "Description", Bind: shell.String(&n.Description), Help: "The description Get-RoleGroup shows."},
		{Name: "Roles", Bind: shell.Strings(&n.Roles), Help: "The management roles to assign."},
		{Name: "Members", Bind: shell.Strings(&n.Members), Help: "The initial members."},
		{Name: "ManagedBy", Bind: shell.Strings(&n.ManagedBy), Help: "Who may manage the membership (informational)."},
		{Name: "BypassSecurityGroupManagerCheck", Bind: shell.Switch(&n.Bypass), Help: "Accepted."},
	}
}

func (n *newRoleGroup) Process(c *shell.Context) error {
	t, err := openRoles(c)
	if err != nil {
		return err
	}
	name := strings.TrimSpace(n.Name)
	if err := nameTooLong(name, n.Name); err != nil {
		return err
	}
	if _, err := t.roles.RoleGroup(c.Ctx, name); err == nil {
		return exoError(excNameInUse, fmt.Sprintf("The name \"%s\" is already being used. Please try another name.", name), n.Name)
	}
	// Check everything before writing anything: a bad role or member leaves no group.
	var roles []string
	for _, r := range n.Roles {
		role, ok := roleByName(strings.TrimSpace(r))
		if !ok {
			return t.notFoundError(r)
		}
		if !containsFold(roles, role.name) {
			roles = append(roles, role.name)
		}
	}
	var members []store.ID
	for _, m := range n.Members {
		r, err := t.resolve(c, identityArg{text: m, set: true}, principalClasses...)
		if err != nil {
			if isAmbiguous(err) {
				return err
			}
			return exoError(excNotFound, fmt.Sprintf("Couldn't find object \"%s\". Please make sure that it was spelled correctly or specify a different object.", m), m)
		}
		if !containsID(members, r.Guid) {
			members = append(members, r.Guid)
		}
	}
	if !c.ShouldProcess(name, "New-RoleGroup") {
		return nil
	}
	now := c.Clock.Now().UTC()
	g := store.RoleGroup{Guid: newRoleGroupID(name, now), Name: name, Description: n.Description, Roles: roles,
		Members: members, ManagedBy: n.ManagedBy, WhenCreated: now, WhenChanged: now}
	if err := t.roles.CreateRoleGroup(c.Ctx, g); err != nil {
		if errors.Is(err, store.ErrExists) {
			return exoError(excNameInUse, fmt.Sprintf("The name \"%s\" is already being used. Please try another name.", name), n.Name)
		}
		return err
	}
	return c.WriteObject(t.roleGroupObject(c, &g))
}

// newRoleGroupID gives a new role group a Guid that depends only on its name and
// creation time, so transcripts stay deterministic.
func newRoleGroupID(name string, at time.Time) store.ID {
	return demo.DeriveID("rolegroup", name, at.Format(time.RFC3339Nano))
}

func containsID(ids []store.ID, id store.ID) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}
