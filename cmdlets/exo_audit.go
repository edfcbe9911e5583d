package cmdlets

import (
	"strings"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/store/demo"
)

// auditOperations are the MailboxAuditOperations enumeration names, in enum order.
var auditOperations = []string{"None", "Update", "Copy", "Move", "MoveToDeletedItems", "SoftDelete", "HardDelete",
	"FolderBind", "SendAs", "SendOnBehalf", "MessageBind", "Create", "UpdateFolderPermissions",
	"AddFolderPermissions", "ModifyFolderPermissions", "RemoveFolderPermissions", "UpdateInboxRules",
	"UpdateCalendarDelegation", "RecordDelete", "ApplyRecord", "MailItemsAccessed", "UpdateComplianceTag",
	"Send", "SearchQueryInitiated", "MailboxLogin"}

// auditAllowed lists the actions each logon type can audit in Exchange Online.
var auditAllowed = map[string][]string{
	"Admin": {"ApplyRecord", "Copy", "Create", "FolderBind", "HardDelete", "MailItemsAccessed", "MessageBind", "Move",
		"MoveToDeletedItems", "RecordDelete", "Send", "SendAs", "SendOnBehalf", "SoftDelete", "Update",
		"UpdateCalendarDelegation", "UpdateComplianceTag", "UpdateFolderPermissions", "UpdateInboxRules"},
	"Delegate": {"ApplyRecord", "Create", "FolderBind", "HardDelete", "MailItemsAccessed", "Move", "MoveToDeletedItems",
		"RecordDelete", "SendAs", "SendOnBehalf", "SoftDelete", "Update", "UpdateComplianceTag",
		"UpdateFolderPermissions", "UpdateInboxRules"},
	"Owner": {"ApplyRecord", "Create", "HardDelete", "MailboxLogin", "MailItemsAccessed", "Move", "MoveToDeletedItems",
		"RecordDelete", "SearchQueryInitiated", "Send", "SoftDelete", "Update", "UpdateCalendarDelegation",
		"UpdateComplianceTag", "UpdateFolderPermissions", "UpdateInboxRules"},
}

// auditBinder binds -AuditAdmin/-AuditDelegate/-AuditOwner: action names (or the
// hashtable edit form), checked against the enumeration at binding time.
func auditBinder(dst *mvEdit, param string) shell.Binder {
	inner := mvBinder(dst, param)
	return shell.Custom("MultiValuedProperty", func(v any) error {
		if err := inner.Set(v); err != nil {
			return err
		}
		for _, list := range []*[]string{&dst.replace, &dst.add, &dst.remove} {
			for i, a := range *list {
				name, ok := lookupName(auditOperations)(a)
				if !ok {
					return &enumError{value: a, enum: "Microsoft.Exchange.Data.Directory.MailboxAuditOperations", names: auditOperations}
				}
				(*list)[i] = name
			}
		}
		return nil
	})
}

// enumError is a failed conversion to an enumeration.
type enumError struct {
	value, enum string
	names       []string
}

func (e *enumError) Error() string {
	return "Cannot convert value \"" + e.value + "\" to type \"" + e.enum + "\". Error: \"Unable to match the identifier name " +
		e.value + " to a valid enumerator name. Specify one of the following enumerator names and try again:\n" +
		strings.Join(e.names, ", ") + "\""
}

// normalizeAudit folds the folder-permission actions into UpdateFolderPermissions and
// drops None, keeping the order given.
func normalizeAudit(list []string) []string {
	var out []string
	for _, a := range list {
		switch a {
		case "None":
			continue
		case "AddFolderPermissions", "ModifyFolderPermissions", "RemoveFolderPermissions":
			a = "UpdateFolderPermissions"
		}
		if !exoContains(out, a) {
			out = append(out, a)
		}
	}
	return out
}

// checkAudit rejects actions a logon type cannot audit, with the first offending action.
func checkAudit(logonType string, actions []string) error {
	for _, a := range normalizeAudit(actions) {
		if !exoContains(auditAllowed[logonType], a) {
			return exoError(excValidation, "The audit operation '"+a+"' isn't valid for the logon type '"+logonType+"'. Valid operations for this logon type are: "+
				strings.Join(auditAllowed[logonType], ", ")+".", a)
		}
	}
	return nil
}

// restoreAuditSet applies -DefaultAuditSet: the named logon types get Microsoft's default
// actions back (those of the tenant's version of the defaults) and join DefaultAuditSet
// (kept in Admin, Delegate, Owner order).
func restoreAuditSet(version string, types []string, set *[]string, admin, delegate, owner *[]string) {
	for _, t := range types {
		switch strings.ToLower(t) {
		case "admin":
			*admin = demo.AuditDefaultsFor(version, "Admin")
		case "delegate":
			*delegate = demo.AuditDefaultsFor(version, "Delegate")
		case "owner":
			*owner = demo.AuditDefaultsFor(version, "Owner")
		}
	}
	var out []string
	for _, lt := range demo.DefaultAuditSet {
		if exoContains(*set, lt) || exoContains(types, lt) {
			out = append(out, lt)
		}
	}
	*set = out
}

// dropFromAuditSet removes a customised logon type from DefaultAuditSet.
func dropFromAuditSet(set []string, logonType string) []string {
	var out []string
	for _, s := range set {
		if !strings.EqualFold(s, logonType) {
			out = append(out, s)
		}
	}
	return out
}
