package cmdlets

import (
	"sort"
	"strings"
)

// Management roles are built into Exchange Online: each grants a set of cmdlets, and for
// some cmdlets only some of their parameters. Role groups (stored in the tenant) are
// assigned roles; a role group's members may run what its roles grant. The tables below
// cover every Exchange cmdlet exosh implements or is about to (the audit and message
// trace cmdlets are listed by name). Cmdlets in no table are not governed: the pwsh core
// cmdlets, the module's connection cmdlets (Connect-ExchangeOnline,
// Disconnect-ExchangeOnline, Get-ConnectionInformation) and the emulator's Sim cmdlets,
// which are always available.

// roleEntry grants one cmdlet: every parameter, or only those listed in only, or every
// parameter except those in except.
type roleEntry struct {
	cmdlet string
	only   []string
	except []string
}

// grants reports whether the entry grants the parameter.
func (e roleEntry) grants(param string) bool {
	if e.only != nil {
		return containsFold(e.only, param)
	}
	return !containsFold(e.except, param)
}

// managementRole is one built-in management role.
type managementRole struct {
	name     string
	roleType string
	entries  []roleEntry
}

// full grants cmdlets with all their parameters.
func full(cmdlets ...string) []roleEntry {
	out := make([]roleEntry, len(cmdlets))
	for i, c := range cmdlets {
		out[i] = roleEntry{cmdlet: c}
	}
	return out
}

// entries concatenates grant lists.
func entries(lists ...[]roleEntry) []roleEntry {
	var out []roleEntry
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// Parameters of Set-Mailbox that belong to a specialised role rather than to Mail
// Recipients: mailbox auditing (Audit Logs) and holds (Legal Hold).
var (
	auditMailboxParams = []string{"Identity", "AuditEnabled", "AuditAdmin", "AuditDelegate", "AuditOwner",
		"AuditLogAgeLimit", "DefaultAuditSet"}
	holdMailboxParams = []string{"Identity", "InactiveMailbox", "LitigationHoldEnabled", "LitigationHoldOwner",
		"ExcludeFromAllHolds", "ExcludeFromOrgHolds", "RemoveDelayHoldApplied", "RemoveDelayReleaseHoldApplied",
		"RemoveComplianceTagHoldApplied", "RemoveOrphanedHolds"}
	// A password reset is the Reset Password role's, not Mail Recipients'.
	passwordMailboxParams = []string{"Identity", "Password"}
)

// Cmdlet groups several roles share.
var (
	traceReadCmdlets = []string{"Get-MessageTrace", "Get-MessageTraceV2", "Get-MessageTraceDetail",
		"Get-MessageTraceDetailV2", "Get-HistoricalSearch"}
	traceCmdlets     = append(append([]string(nil), traceReadCmdlets...), "Start-HistoricalSearch", "Stop-HistoricalSearch")
	recipientReaders = []string{"Get-Mailbox", "Get-Recipient", "Get-User"}
	mailboxReaders   = []string{"Get-MailboxFolderStatistics", "Get-MailboxStatistics", "Get-MailboxPermission",
		"Get-RecipientPermission"}
	roleReaders = []string{"Get-RoleGroup", "Get-RoleGroupMember", "Get-ManagementRole", "Get-ManagementRoleAssignment"}
)

// managementRoles are Exchange Online's built-in administrative roles, ordered by name
// (the order Get-ManagementRole lists them in). Roles whose cmdlets exosh does not
// implement grant nothing here but still exist, so role groups can name them.
var managementRoles = []managementRole{
	{"Address Lists", "AddressLists", nil},
	{"Audit Logs", "AuditLogs", entries(
		full("Search-MailboxAuditLog", "New-MailboxAuditLogSearch", "Get-AuditLogSearch",
			"Get-MailboxAuditBypassAssociation", "Set-MailboxAuditBypassAssociation"),
		[]roleEntry{{cmdlet: "Set-Mailbox", only: auditMailboxParams}},
		[]roleEntry{{cmdlet: "Set-OrganizationConfig", only: []string{"AuditDisabled"}}},
		full(recipientReaders...),
	)},
	{"Compliance Admin", "ComplianceAdmin", full(traceCmdlets...)},
	// Data Loss Prevention and View-Only Recipients grant the reporting cmdlets, among
	// them Get-MailFilterListReport (Exchange's tenant role definitions).
	{"Data Loss Prevention", "DataLossPrevention", full("Get-MailFilterListReport")},
	{"Distribution Groups", "DistributionGroups", full("Get-Recipient")},
	{"E-Mail Address Policies", "EmailAddressPolicies", nil},
	{"Federated Sharing", "FederatedSharing", nil},
	{"Information Rights Management", "InformationRightsManagement", nil},
	{"Journaling", "Journaling", nil},
	{"Legal Hold", "LegalHold", entries(
		[]roleEntry{{cmdlet: "Set-Mailbox", only: holdMailboxParams}},
		full("Get-Mailbox", "Get-Recipient"),
	)},
	{"Mail Enabled Public Folders", "MailEnabledPublicFolders", nil},
	{"Mail Recipient Creation", "MailRecipientCreation", full("New-Mailbox", "Remove-Mailbox", "Get-Mailbox", "Get-Recipient", "Get-User")},
	{"Mail Recipients", "MailRecipients", entries(
		full(recipientReaders...),
		[]roleEntry{{cmdlet: "Set-Mailbox", except: append(append(append([]string(nil), auditMailboxParams[1:]...),
			holdMailboxParams[1:]...), passwordMailboxParams[1:]...)}},
		full(mailboxReaders...),
		full("Add-MailboxPermission", "Remove-MailboxPermission", "Add-RecipientPermission", "Remove-RecipientPermission"),
	)},
	{"Mail Tips", "MailTips", nil},
	{"Mailbox Import Export", "MailboxImportExport", nil},
	{"Mailbox Search", "MailboxSearch", full("Get-Mailbox", "Get-Recipient")},
	{"Message Tracking", "MessageTracking", full(traceCmdlets...)},
	{"Migration", "Migration", nil},
	{"Move Mailboxes", "MoveMailboxes", nil},
	{"Org Custom Apps", "OrgCustomApps", nil},
	{"Org Marketplace Apps", "OrgMarketplaceApps", nil},
	{"Organization Client Access", "OrganizationClientAccess", nil},
	{"Organization Configuration", "OrganizationConfiguration", full("Get-OrganizationConfig", "Set-OrganizationConfig")},
	{"Organization Transport Settings", "OrganizationTransportSettings", nil},
	{"Public Folders", "PublicFolders", nil},
	{"Recipient Policies", "RecipientPolicies", nil},
	{"Remote and Accepted Domains", "RemoteAndAcceptedDomains", nil},
	{"Reset Password", "ResetPassword", []roleEntry{{cmdlet: "Set-Mailbox", only: passwordMailboxParams}}},
	{"Retention Management", "RetentionManagement", []roleEntry{{cmdlet: "Set-Mailbox",
		only: []string{"Identity", "RetentionPolicy", "RetainDeletedItemsFor", "SingleItemRecoveryEnabled"}}}},
	{"Role Management", "RoleManagement", full(append(append([]string(nil), roleReaders...),
		"Add-RoleGroupMember", "Remove-RoleGroupMember", "New-RoleGroup")...)},
	{"Security Admin", "SecurityAdmin", full(traceCmdlets...)},
	{"Security Group Creation and Membership", "SecurityGroupCreationAndMembership", nil},
	{"Security Reader", "SecurityReader", full(traceReadCmdlets...)},
	{"Team Mailboxes", "TeamMailboxes", nil},
	{"Transport Hygiene", "TransportHygiene", nil},
	{"Transport Rules", "TransportRules", nil},
	{"UM Mailboxes", "UMMailboxes", nil},
	{"UM Prompts", "UMPrompts", nil},
	{"Unified Messaging", "UnifiedMessaging", nil},
	// User Options lets an admin change what users can change on their own mailbox.
	{"User Options", "UserOptions", []roleEntry{{cmdlet: "Set-Mailbox",
		only: []string{"Identity", "ForwardingSmtpAddress", "DeliverToMailboxAndForward"}}}},
	{"View-Only Audit Logs", "ViewOnlyAuditLogs", full("Search-MailboxAuditLog", "New-MailboxAuditLogSearch",
		"Get-AuditLogSearch", "Get-MailboxAuditBypassAssociation")},
	{"View-Only Configuration", "ViewOnlyConfiguration", full(append([]string{"Get-OrganizationConfig"}, roleReaders...)...)},
	// Message trace is read access to recipients' mail flow: View-Only Recipients grants
	// it, which is how Help Desk members may trace mail.
	{"View-Only Recipients", "ViewOnlyRecipients", entries(full(recipientReaders...), full(mailboxReaders...),
		full(traceCmdlets...), full("Get-MailFilterListReport"))},
}

// roleByName finds a built-in role (any case).
func roleByName(name string) (*managementRole, bool) {
	for i := range managementRoles {
		if strings.EqualFold(managementRoles[i].name, name) {
			return &managementRoles[i], true
		}
	}
	return nil, false
}

// governedCmdlets is every cmdlet some role grants, lower-cased: the cmdlets whose
// availability depends on the acting user's roles.
var governedCmdlets = func() map[string]bool {
	m := map[string]bool{}
	for _, r := range managementRoles {
		for _, e := range r.entries {
			m[strings.ToLower(e.cmdlet)] = true
		}
	}
	return m
}()

// governedNames lists the governed cmdlets in name order (tests, Get-ManagementRole).
func governedNames() []string {
	seen := map[string]string{}
	for _, r := range managementRoles {
		for _, e := range r.entries {
			seen[strings.ToLower(e.cmdlet)] = e.cmdlet
		}
	}
	out := make([]string, 0, len(seen))
	for _, n := range seen {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
