package cmdlets

import (
	"strings"
	"time"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/format"
	"github.com/exosh/exosh/shell/value"
	"github.com/exosh/exosh/store"
	"github.com/exosh/exosh/store/demo"
)

// rbacCmdlets is the table of the role-based access cmdlets: role groups, roles, role
// assignments, the connection's identity and the emulator's access refresh.
func rbacCmdlets() []shell.CmdletInfo {
	return append(rbacGroupCmdlets(),
		shell.CmdletInfo{Name: "Get-ManagementRole", Module: moduleEXO, Synopsis: "Retrieves management roles.",
			New: func() shell.Cmdlet { return new(getManagementRole) }},
		shell.CmdletInfo{Name: "Get-ManagementRoleAssignment", Module: moduleEXO, Synopsis: "Retrieves management role assignments.",
			New: func() shell.Cmdlet { return new(getRoleAssignment) }},
		shell.CmdletInfo{Name: "Get-ConnectionInformation", Module: moduleEXO, Synopsis: "Shows the Exchange Online connection of the session.",
			New: func() shell.Cmdlet { return new(getConnectionInformation) }},
		shell.CmdletInfo{Name: "Update-SimAccess", Module: moduleSim,
			Synopsis: "Re-reads the acting user's role grants now, as reconnecting does in Exchange Online.",
			New:      func() shell.Cmdlet { return new(updateSimAccess) }},
	)
}

const (
	typeManagementRole = "Microsoft.Exchange.Management.RbacTasks.ExchangeRole"
	typeRoleAssignment = "Microsoft.Exchange.Management.RbacTasks.ExchangeRoleAssignmentPresentationObject"
	typeConnectionInfo = "Microsoft.Exchange.Management.ExoPowershellSnapin.ConnectionInformation"
	// roleEntrySnapin prefixes every role entry, as Exchange lists them.
	roleEntrySnapin = "(Microsoft.Exchange.Management.PowerShell.E2010) "
)

// rbacViews are the default tables of the role objects.
func rbacViews() []format.View {
	left := format.AlignLeft
	return []format.View{
		{TypeName: typeRoleGroup, Kind: format.TableView, Columns: []format.Column{
			{Property: "Name", Align: left}, {Property: "AssignedRoles", Align: left},
			{Property: "RoleAssignments", Align: left}, {Property: "ManagedBy", Align: left},
		}},
		{TypeName: typeManagementRole, Kind: format.TableView, Columns: []format.Column{
			{Property: "Name", Align: left}, {Property: "RoleType", Align: left},
		}},
		{TypeName: typeRoleAssignment, Kind: format.TableView, Columns: []format.Column{
			{Property: "Name", Align: left}, {Property: "Role", Align: left},
			{Property: "RoleAssigneeName", Align: left}, {Property: "RoleAssigneeType", Align: left},
			{Property: "AssignmentMethod", Align: left}, {Property: "EffectiveUserName", Align: left},
		}},
	}
}

// cmdletParams lists the declared parameters of a cmdlet of the table, or nil.
func cmdletParams(name string) []string {
	for _, info := range All() {
		if strings.EqualFold(info.Name, name) {
			var out []string
			for _, p := range info.New().Params() {
				out = append(out, p.Name)
			}
			return out
		}
	}
	return nil
}

// roleEntries renders a role's entries as Exchange lists them: the snap-in, the cmdlet
// and the parameters it grants.
func roleEntries(r *managementRole) []value.Value {
	out := []value.Value{}
	for _, e := range r.entries {
		var ps []string
		for _, p := range cmdletParams(e.cmdlet) {
			if e.grants(p) {
				ps = append(ps, "-"+p)
			}
		}
		line := roleEntrySnapin + e.cmdlet
		if len(ps) > 0 {
			line += " " + strings.Join(ps, " ")
		}
		out = append(out, line)
	}
	return out
}

func managementRoleObject(r *managementRole) *value.Object {
	o := value.NewObject(typeManagementRole,
		value.Property{Name: "Name", Value: r.name},
		value.Property{Name: "RoleType", Value: r.roleType},
		value.Property{Name: "RoleEntries", Value: roleEntries(r)},
		value.Property{Name: "IsRootRole", Value: true},
		value.Property{Name: "IsEndUserRole", Value: false},
		value.Property{Name: "ImplicitRecipientReadScope", Value: "Organization"},
		value.Property{Name: "ImplicitRecipientWriteScope", Value: "Organization"},
		value.Property{Name: "Identity", Value: r.name},
		value.Property{Name: "Guid", Value: demo.DeriveID("role", r.name).String()},
		value.Property{Name: "IsValid", Value: true},
	)
	o.SetString(r.name)
	return o
}

// getManagementRole is Get-ManagementRole.
type getManagementRole struct {
	Identity        identityArg
	Cmdlet          string
	CmdletParameter []string
	RoleType        string
	Recurse         bool
	GetChildren     bool
}

func (g *getManagementRole) Params() []shell.Param {
	return []shell.Param{
		{Name: "Identity", Position: 1, FromPipeline: true, ByPropertyName: true,
			Bind: identityBinder(&g.Identity, "RoleIdParameter"), Help: "The role (name; wildcards allowed)."},
		{Name: "Cmdlet", Bind: shell.String(&g.Cmdlet), Help: "Returns the roles that grant this cmdlet."},
		{Name: "CmdletParameters", Bind: shell.Strings(&g.CmdletParameter), Help: "Returns the roles that grant these parameters."},
		{Name: "RoleType", Bind: shell.String(&g.RoleType), Help: "Returns the roles of this type."},
		{Name: "Recurse", Bind: shell.Switch(&g.Recurse), Help: "Accepted; built-in roles have no children."},
		{Name: "GetChildren", Bind: shell.Switch(&g.GetChildren), Help: "Accepted; built-in roles have no children."},
	}
}

func (g *getManagementRole) Process(c *shell.Context) error {
	t, err := openRoles(c)
	if err != nil {
		return err
	}
	pattern := strings.TrimSpace(g.Identity.text)
	found := false
	for i := range managementRoles {
		r := &managementRoles[i]
		if pattern != "" && !value.CompileWildcard(pattern).Match(r.name) {
			continue
		}
		if g.RoleType != "" && !strings.EqualFold(g.RoleType, r.roleType) {
			continue
		}
		if (g.Cmdlet != "" || len(g.CmdletParameter) > 0) && !roleGrants(r, g.Cmdlet, g.CmdletParameter) {
			continue
		}
		found = true
		if err := c.WriteObject(managementRoleObject(r)); err != nil {
			return err
		}
	}
	if !found && pattern != "" && !strings.ContainsAny(pattern, "*?[") && g.Cmdlet == "" && g.RoleType == "" {
		c.WriteError(t.notFoundError(pattern))
	}
	return nil
}

// roleGrants reports whether the role grants the cmdlet ("" any) and all the parameters.
func roleGrants(r *managementRole, cmdlet string, params []string) bool {
	for _, e := range r.entries {
		if cmdlet != "" && !strings.EqualFold(e.cmdlet, cmdlet) {
			continue
		}
		ok := true
		for _, p := range params {
			if !e.grants(p) || !containsFold(cmdletParams(e.cmdlet), p) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// getRoleAssignment is Get-ManagementRoleAssignment. Every built-in assignment assigns a
// role to a role group over the whole organization.
type getRoleAssignment struct {
	Identity         identityArg
	Role             string
	RoleAssignee     identityArg
	GetEffectiveUser bool
	Enabled          bool
	Delegating       bool
}

func (g *getRoleAssignment) Params() []shell.Param {
	return []shell.Param{
		{Name: "Identity", Position: 1, FromPipeline: true, ByPropertyName: true,
			Bind: identityBinder(&g.Identity, "RoleAssignmentIdParameter"), Help: "The assignment (\"<role>-<role group>\")."},
		{Name: "Role", Bind: shell.String(&g.Role), Help: "Returns the assignments of this role."},
		{Name: "RoleAssignee", Bind: identityBinder(&g.RoleAssignee, "RoleAssigneeIdParameter"),
			Help: "Returns the assignments of this role group, or those a user gets through role groups."},
		{Name: "GetEffectiveUsers", Bind: shell.Switch(&g.GetEffectiveUser), Help: "Lists each user an assignment applies to."},
		{Name: "Enabled", Bind: shell.Bool(&g.Enabled), Help: "Accepted; every assignment is enabled."},
		{Name: "Delegating", Bind: shell.Bool(&g.Delegating), Help: "Accepted; no assignment is delegating."},
	}
}

func (g *getRoleAssignment) Process(c *shell.Context) error {
	t, err := openRoles(c)
	if err != nil {
		return err
	}
	if g.Role != "" {
		if _, ok := roleByName(g.Role); !ok {
			c.WriteError(t.notFoundError(g.Role))
			return nil
		}
	}
	groups, err := t.roles.RoleGroups(c.Ctx)
	if err != nil {
		return err
	}
	// -RoleAssignee is a role group, or a user whose role groups are wanted.
	var user *store.Recipient
	if g.RoleAssignee.set {
		if grp, err := t.roles.RoleGroup(c.Ctx, g.RoleAssignee.text); err == nil {
			groups = []store.RoleGroup{grp}
		} else {
			r, err := t.resolve(c, g.RoleAssignee, principalClasses...)
			if err != nil {
				c.WriteError(err)
				return nil
			}
			user = &r
			if groups, err = roleGroupsOf(c.Ctx, t.st, t.roles, r.Guid); err != nil {
				return err
			}
		}
	}
	found := false
	for i := range groups {
		grp := &groups[i]
		for _, role := range grp.Roles {
			name := assignmentName(role, grp.Name)
			if g.Role != "" && !strings.EqualFold(g.Role, role) {
				continue
			}
			if g.Identity.text != "" && !value.CompileWildcard(g.Identity.text).Match(name) {
				continue
			}
			found = true
			for _, o := range t.assignmentObjects(c, grp, role, name, user, g.GetEffectiveUser) {
				if err := c.WriteObject(o); err != nil {
					return err
				}
			}
		}
	}
	if !found && g.Identity.text != "" && !strings.ContainsAny(g.Identity.text, "*?[") {
		c.WriteError(t.notFoundError(g.Identity.text))
	}
	return nil
}

// assignmentObjects renders one assignment: once, or per effective user.
func (t *rbacTenant) assignmentObjects(c *shell.Context, grp *store.RoleGroup, role, name string, user *store.Recipient, effective bool) []*value.Object {
	mk := func(method, effectiveUser string) *value.Object {
		o := value.NewObject(typeRoleAssignment,
			value.Property{Name: "Name", Value: name},
			value.Property{Name: "Role", Value: role},
			value.Property{Name: "RoleAssigneeName", Value: grp.Name},
			value.Property{Name: "RoleAssigneeType", Value: "RoleGroup"},
			value.Property{Name: "RoleAssignee", Value: grp.Name},
			value.Property{Name: "AssignmentMethod", Value: method},
			value.Property{Name: "EffectiveUserName", Value: effectiveUser},
			value.Property{Name: "RoleAssignmentDelegationType", Value: "Regular"},
			value.Property{Name: "RecipientReadScope", Value: "Organization"},
			value.Property{Name: "RecipientWriteScope", Value: "Organization"},
			value.Property{Name: "ConfigReadScope", Value: "OrganizationConfig"},
			value.Property{Name: "ConfigWriteScope", Value: "OrganizationConfig"},
			value.Property{Name: "Enabled", Value: true},
			value.Property{Name: "Identity", Value: name},
			value.Property{Name: "IsValid", Value: true},
		)
		o.SetString(name)
		return o
	}
	switch {
	case user != nil:
		return []*value.Object{mk("RoleGroup", user.Name)}
	case effective:
		var out []*value.Object
		for _, id := range grp.Members {
			if r, err := t.st.RecipientByID(c.Ctx, id); err == nil {
				out = append(out, mk("RoleGroup", r.Name))
			}
		}
		return out
	}
	return []*value.Object{mk("Direct", "All Group Members")}
}

// getConnectionInformation is Get-ConnectionInformation: exosh's one connection, to the
// emulated tenant, as the acting admin.
type getConnectionInformation struct {
	ConnectionID []string
	ModulePrefix []string
}

func (g *getConnectionInformation) Params() []shell.Param {
	return []shell.Param{
		{Name: "ConnectionId", Bind: shell.Strings(&g.ConnectionID), Help: "Returns only these connections."},
		{Name: "ModulePrefix", Bind: shell.Strings(&g.ModulePrefix), Help: "Returns only the connections with these prefixes."},
	}
}

func (g *getConnectionInformation) Process(c *shell.Context) error {
	t, err := openTenant(c)
	if err != nil {
		return err
	}
	upn := actingUser(c.Services().Identity)
	id := demo.DeriveID("connection", upn).String()
	if len(g.ConnectionID) > 0 && !containsFold(g.ConnectionID, id) {
		return nil
	}
	if len(g.ModulePrefix) > 0 {
		return nil
	}
	now := c.Clock.Now().UTC()
	module := "tmpEXO_" + strings.ReplaceAll(demo.DeriveID("module", id).String()[:13], "-", "")
	o := value.NewObject(typeConnectionInfo,
		value.Property{Name: "ConnectionId", Value: id},
		value.Property{Name: "State", Value: "Connected"},
		value.Property{Name: "Id", Value: 1},
		value.Property{Name: "Name", Value: "ExchangeOnline_1"},
		value.Property{Name: "UserPrincipalName", Value: upn},
		value.Property{Name: "ConnectionUri", Value: "https://outlook.office365.com"},
		value.Property{Name: "AzureAdAuthorizationEndpointUri", Value: "https://login.microsoftonline.com/organizations"},
		value.Property{Name: "TokenExpiryTimeUTC", Value: now.Add(time.Hour)},
		value.Property{Name: "CertificateAuthentication", Value: false},
		value.Property{Name: "ModuleName", Value: module},
		value.Property{Name: "ModulePrefix", Value: ""},
		value.Property{Name: "Organization", Value: t.t.InitialDomain},
		value.Property{Name: "DelegatedOrganization", Value: ""},
		value.Property{Name: "AppId", Value: ""},
		value.Property{Name: "PageSize", Value: 1000},
		value.Property{Name: "TenantID", Value: demo.DeriveID("tenant", t.t.InitialDomain).String()},
		value.Property{Name: "TokenStatus", Value: "Active"},
		value.Property{Name: "ConnectionUsedForInbuiltCmdlets", Value: true},
		value.Property{Name: "IsEopSession", Value: false},
	)
	return c.WriteObject(o)
}

// updateSimAccess is Update-SimAccess: the emulator's equivalent of reconnecting, so a
// role change made in this session applies to the acting user at once.
type updateSimAccess struct{}

func (*updateSimAccess) Params() []shell.Param { return nil }

func (*updateSimAccess) Process(c *shell.Context) error {
	c.Services().RefreshAccess()
	return nil
}
