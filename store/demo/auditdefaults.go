package demo

import (
	"strings"

	"github.com/exosh/exosh/store"
)

// Versions of the mailbox audit defaults a tenant hands to new mailboxes
// (store.Tenant.AuditDefaults; the empty setting is AuditDefaultsCurrent).
const (
	// AuditDefaultsCurrent are Exchange Online's defaults today (DefaultAuditAdmin ...).
	AuditDefaultsCurrent = "Current"
	// AuditDefaults2011 are the defaults of Office 365 in 2011 (the Exchange 2010 service),
	// in which the non-owner mailbox access report of the Exchange Control Panel was
	// documented.
	AuditDefaults2011 = "2011"
)

// AuditDefaultsVersions lists the versions, the current one first.
var AuditDefaultsVersions = []string{AuditDefaultsCurrent, AuditDefaults2011}

// The 2011 defaults, from the table of the 2011 "Run a Non-Owner Mailbox Access Report"
// topic: per action, whether an administrator's and a delegate's use of it is logged. The
// topic has no owner column: in that service nothing an owner does was logged until an
// admin asked for it, so the owner list is empty. Order as Exchange stores them (the
// enumeration's order, which is also the topic's).
var (
	legacyAuditAdmin = []string{"Update", "Move", "MoveToDeletedItems", "SoftDelete", "HardDelete",
		"FolderBind", "SendAs", "SendOnBehalf"}
	legacyAuditDelegate = []string{"Update", "SoftDelete", "HardDelete", "SendAs"}
	legacyAuditOwner    = []string{}
)

// AuditTableActions are the actions a version's defaults table lists, in the order its
// source gives them: for 2011 the rows of the 2011 topic's table (which names no owner
// actions), for Current every action a logon type can audit in Exchange Online, by name.
func AuditTableActions(version string) []string {
	if IsAuditDefaults2011(version) {
		return []string{"Update", "Copy", "Move", "MoveToDeletedItems", "SoftDelete", "HardDelete",
			"FolderBind", "SendAs", "SendOnBehalf", "MessageBind"}
	}
	return []string{"ApplyRecord", "Copy", "Create", "FolderBind", "HardDelete", "MailboxLogin",
		"MailItemsAccessed", "MessageBind", "Move", "MoveToDeletedItems", "RecordDelete",
		"SearchQueryInitiated", "Send", "SendAs", "SendOnBehalf", "SoftDelete", "Update",
		"UpdateCalendarDelegation", "UpdateComplianceTag", "UpdateFolderPermissions", "UpdateInboxRules"}
}

// IsAuditDefaults2011 reports whether a version setting names the 2011 defaults.
func IsAuditDefaults2011(version string) bool { return strings.EqualFold(version, AuditDefaults2011) }

// AuditDefaultsFor returns a copy of the default action list of a logon type ("Admin",
// "Delegate" or "Owner", any case) in a version of the defaults, or nil for another
// logon type. An empty or unknown version means the current defaults.
func AuditDefaultsFor(version, logonType string) []string {
	if !IsAuditDefaults2011(version) {
		return DefaultAuditActions(logonType)
	}
	switch strings.ToLower(logonType) {
	case "admin":
		return clone(legacyAuditAdmin)
	case "delegate":
		return clone(legacyAuditDelegate)
	case "owner":
		return clone(legacyAuditOwner)
	}
	return nil
}

// ApplyAuditDefaults gives the logon types in r's DefaultAuditSet the default lists of a
// version, as Exchange does for the lists it manages; customised logon types, which have
// left DefaultAuditSet, keep theirs. It reports whether a list changed.
func ApplyAuditDefaults(r *store.Recipient, version string) bool {
	changed := false
	for _, lt := range r.DefaultAuditSet {
		var list *[]string
		switch strings.ToLower(lt) {
		case "admin":
			list = &r.AuditAdmin
		case "delegate":
			list = &r.AuditDelegate
		case "owner":
			list = &r.AuditOwner
		default:
			continue
		}
		want := AuditDefaultsFor(version, lt)
		if !sameList(*list, want) {
			*list = want
			changed = true
		}
	}
	return changed
}

// sameList reports whether two action lists hold the same names in the same order.
func sameList(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !strings.EqualFold(a[i], b[i]) {
			return false
		}
	}
	return true
}
