package cmdlets

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/store"
	"github.com/exosh/exosh/store/demo"
)

// AccessPolicy is Exchange Online's role-based access control for the shell
// (shell.WithAccess): the acting user may run the cmdlets, and use the parameters, that
// the roles of the role groups they belong to grant. The grants are evaluated when the
// session first needs them and again whenever the acting user changes
// (Connect-ExchangeOnline -UserPrincipalName) or Update-SimAccess is run: as in Exchange
// Online, role changes take effect in the next session.
func AccessPolicy() shell.AccessPolicy { return rbacPolicy{} }

type rbacPolicy struct{}

// Governs reports whether some role grants the cmdlet.
func (rbacPolicy) Governs(cmdlet string) bool { return governedCmdlets[strings.ToLower(cmdlet)] }

// Grants evaluates the roles of identity ("" is the tenant's default admin).
func (rbacPolicy) Grants(ctx context.Context, st store.Store, identity string) (shell.Access, error) {
	if st == nil {
		// Without a tenant no Exchange cmdlet can do anything; leave them to say so.
		return allAccess{}, nil
	}
	rs, ok := st.(store.RoleSeeder)
	if !ok {
		return allAccess{}, nil
	}
	if _, err := demo.Ensure(ctx, st); err != nil {
		return nil, stateError(err)
	}
	if err := ensureRoleGroups(ctx, rs); err != nil {
		return nil, stateError(err)
	}
	g, err := evaluateGrants(ctx, st, rs, actingUser(identity))
	if err != nil {
		return nil, stateError(err)
	}
	return g, nil
}

// actingUser is who a session acts as: the connected user, else the default admin.
func actingUser(identity string) string {
	if identity == "" {
		return demo.AdminUPN
	}
	return identity
}

// demoRoleMembers are the demo tenant's role group members, so that every kind of admin
// can be rehearsed: the global admin manages the organization, and a few staff hold the
// narrower built-in role groups. Identities missing from the tenant are skipped.
var demoRoleMembers = map[string][]string{
	store.OrganizationManagement:        {demo.AdminUPN},
	"Help Desk":                         {"QuinnB", "ayla"},
	"Compliance Management":             {"aprils"},
	"View-Only Organization Management": {"gabrielal"},
	"Recipient Management":              {"chris"},
	"Discovery Management":              {"laura"},
}

// ensureRoleGroups gives a tenant without role groups the built-in ones with the demo
// members (every Exchange Online tenant has them). Demo seeding may call
// store.SeedRoleGroups itself; a tenant that has role groups is left alone.
func ensureRoleGroups(ctx context.Context, st store.RoleSeeder) error {
	at := roleGroupsCreated
	if admin, err := st.Recipient(ctx, demo.AdminUPN); err == nil {
		at = admin.WhenCreated
	}
	return store.SeedRoleGroups(ctx, st, at, demoRoleMembers)
}

// roleGroupsCreated stamps the built-in role groups of a tenant whose admin account is
// gone (they are normally as old as the admin account, which is as old as the tenant).
var roleGroupsCreated = time.Date(2023, 1, 9, 16, 20, 0, 0, time.UTC)

// roleGroupsOf returns the role groups user belongs to, directly or through a group it
// is a direct member of.
func roleGroupsOf(ctx context.Context, st store.Store, rs store.Roles, user store.ID) ([]store.RoleGroup, error) {
	principals := map[store.ID]bool{user: true}
	groups, _, err := st.MemberOf(ctx, user, 1000, "")
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return nil, err
	}
	for _, g := range groups {
		principals[g] = true
	}
	all, err := rs.RoleGroups(ctx)
	if err != nil {
		return nil, err
	}
	var out []store.RoleGroup
	for _, g := range all {
		for _, m := range g.Members {
			if principals[m] {
				out = append(out, g)
				break
			}
		}
	}
	return out, nil
}

// evaluateGrants collects the entries of every role of every role group of the user.
func evaluateGrants(ctx context.Context, st store.Store, rs store.Roles, identity string) (shell.Access, error) {
	g := grantSet{}
	r, err := st.Recipient(ctx, identity)
	if errors.Is(err, store.ErrNotFound) || errors.Is(err, store.ErrAmbiguous) || errors.Is(err, store.ErrInvalid) {
		// Someone the tenant does not know holds no roles.
		return g, nil
	}
	if err != nil {
		return nil, err
	}
	groups, err := roleGroupsOf(ctx, st, rs, r.Guid)
	if err != nil {
		return nil, err
	}
	for _, grp := range groups {
		for _, name := range grp.Roles {
			role, ok := roleByName(name)
			if !ok {
				continue
			}
			for _, e := range role.entries {
				key := strings.ToLower(e.cmdlet)
				g[key] = append(g[key], e)
			}
		}
	}
	return g, nil
}

// grantSet is the evaluated access of one user: the role entries per lower-cased cmdlet.
type grantSet map[string][]roleEntry

// Command reports whether some role grants the cmdlet.
func (g grantSet) Command(cmdlet string) bool { return len(g[strings.ToLower(cmdlet)]) > 0 }

// Parameter reports whether some role's entry for the cmdlet grants the parameter.
func (g grantSet) Parameter(cmdlet, param string) bool {
	for _, e := range g[strings.ToLower(cmdlet)] {
		if e.grants(param) {
			return true
		}
	}
	return false
}

// allAccess grants everything (sessions without a tenant that keeps role groups).
type allAccess struct{}

func (allAccess) Command(string) bool           { return true }
func (allAccess) Parameter(string, string) bool { return true }
