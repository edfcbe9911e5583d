package cmdlets

import (
	"strings"
	"testing"

	"github.com/exosh/exosh/store"
)

// alwaysAvailable are the Exchange module's cmdlets no role governs: the connection
// cmdlets every session has.
var alwaysAvailable = []string{"Connect-ExchangeOnline", "Disconnect-ExchangeOnline", "Get-ConnectionInformation"}

// TestEveryExchangeCmdletIsGoverned: each Exchange Online cmdlet in the table is granted
// by some role, except the connection cmdlets.
func TestEveryExchangeCmdletIsGoverned(t *testing.T) {
	for _, info := range All() {
		if info.Module != moduleEXO || containsFold(alwaysAvailable, info.Name) {
			continue
		}
		if !governedCmdlets[strings.ToLower(info.Name)] {
			t.Errorf("%s is in no management role", info.Name)
		}
	}
	for _, name := range alwaysAvailable {
		if governedCmdlets[strings.ToLower(name)] {
			t.Errorf("%s must stay available to everyone", name)
		}
	}
	for _, info := range All() {
		if info.Module == moduleSim && governedCmdlets[strings.ToLower(info.Name)] {
			t.Errorf("emulator cmdlet %s must not be governed", info.Name)
		}
	}
}

// grantsOf evaluates the grants of a role group's roles.
func grantsOf(t *testing.T, group string) grantSet {
	t.Helper()
	g := grantSet{}
	for _, b := range store.BuiltinRoleGroups() {
		if b.Name != group {
			continue
		}
		for _, name := range b.Roles {
			role, ok := roleByName(name)
			if !ok {
				t.Fatalf("role group %s names unknown role %q", group, name)
			}
			for _, e := range role.entries {
				g[strings.ToLower(e.cmdlet)] = append(g[strings.ToLower(e.cmdlet)], e)
			}
		}
		return g
	}
	t.Fatalf("no built-in role group %s", group)
	return nil
}

// TestOrganizationManagementGrantsEverything: the default admin can run every cmdlet with
// every parameter, so every documented example keeps running.
func TestOrganizationManagementGrantsEverything(t *testing.T) {
	om := grantsOf(t, store.OrganizationManagement)
	for _, info := range All() {
		if !governedCmdlets[strings.ToLower(info.Name)] {
			continue
		}
		if !om.Command(info.Name) {
			t.Errorf("Organization Management cannot run %s", info.Name)
			continue
		}
		for _, p := range info.New().Params() {
			if !om.Parameter(info.Name, p.Name) {
				t.Errorf("Organization Management cannot use %s -%s", info.Name, p.Name)
			}
		}
	}
}

// TestBuiltinRoleGroupsNameKnownRoles: every role a built-in group is assigned exists,
// and roles are listed once, in name order.
func TestBuiltinRoleGroupsNameKnownRoles(t *testing.T) {
	for _, b := range store.BuiltinRoleGroups() {
		grantsOf(t, b.Name)
	}
	for i := 1; i < len(managementRoles); i++ {
		if strings.ToLower(managementRoles[i-1].name) >= strings.ToLower(managementRoles[i].name) {
			t.Errorf("roles out of order: %s before %s", managementRoles[i-1].name, managementRoles[i].name)
		}
	}
}

// TestRoleGroupGrants checks the rules the issue names against the role tables.
func TestRoleGroupGrants(t *testing.T) {
	type check struct {
		group, cmdlet, param string
		want                 bool
	}
	for _, c := range []check{
		{"Help Desk", "Get-MessageTrace", "", true},
		{"Help Desk", "Get-MessageTraceV2", "", true},
		{"Help Desk", "Get-Mailbox", "Identity", true},
		{"Help Desk", "Set-Mailbox", "ForwardingSmtpAddress", true},
		{"Help Desk", "Set-Mailbox", "AuditEnabled", false},
		{"Help Desk", "Search-MailboxAuditLog", "", false},
		{"Compliance Management", "Search-MailboxAuditLog", "", true},
		{"Compliance Management", "New-MailboxAuditLogSearch", "", true},
		{"Compliance Management", "Get-AuditLogSearch", "", true},
		{"Records Management", "Get-AuditLogSearch", "Type", true},
		{"Help Desk", "Get-AuditLogSearch", "", false},
		{"Help Desk", "Get-MailFilterListReport", "SelectionTarget", true},
		{"Compliance Management", "Get-MailFilterListReport", "", true},
		{"Recipient Management", "Get-MailFilterListReport", "", false},
		{"Compliance Management", "Get-MessageTrace", "", true},
		{"Compliance Management", "Set-Mailbox", "AuditEnabled", true},
		{"Compliance Management", "Set-Mailbox", "ProhibitSendQuota", false},
		{"View-Only Organization Management", "Get-OrganizationConfig", "", true},
		{"View-Only Organization Management", "Set-OrganizationConfig", "", false},
		{"View-Only Organization Management", "Set-Mailbox", "", false},
		{"View-Only Organization Management", "Add-RoleGroupMember", "", false},
		{"Recipient Management", "New-Mailbox", "", true},
		{"Recipient Management", "Set-Mailbox", "AuditEnabled", false},
		{"Recipient Management", "Set-Mailbox", "ProhibitSendQuota", true},
		{"Recipient Management", "Set-Mailbox", "Password", true},
		{"Recipient Management", "Set-Mailbox", "MailTip", true},
		{"Help Desk", "Set-Mailbox", "Password", true},
		{"Help Desk", "Set-Mailbox", "MailTip", false},
		{"Compliance Management", "Set-Mailbox", "Password", false},
	} {
		g := grantsOf(t, c.group)
		got := g.Command(c.cmdlet)
		if c.param != "" && got {
			got = g.Parameter(c.cmdlet, c.param)
		}
		if got != c.want {
			t.Errorf("%s: %s -%s granted = %v, want %v", c.group, c.cmdlet, c.param, got, c.want)
		}
	}
}
