package cmdlets

import (
	"strconv"
	"time"

	"github.com/exosh/exosh/shell/value"
	"github.com/exosh/exosh/store"
	"github.com/exosh/exosh/store/demo"
)

// Type names of the Exchange objects exosh writes; the default views are keyed by them.
const (
	typeMailbox             = "Microsoft.Exchange.Data.Directory.Management.Mailbox"
	typeUser                = "Microsoft.Exchange.Data.Directory.Management.User"
	typeRecipient           = "Microsoft.Exchange.Data.Directory.Management.ReducedRecipient"
	typeMailboxPermission   = "Microsoft.Exchange.Management.RecipientTasks.MailboxAcePresentationObject"
	typeRecipientPermission = "Microsoft.Exchange.Management.RecipientTasks.RecipientPermission"
	typeOrganizationConfig  = "Microsoft.Exchange.Data.Directory.Management.OrganizationConfig"
	typeBypass              = "Microsoft.Exchange.Data.Directory.Management.MailboxAuditBypassAssociation"
	typeExchangeVersion     = "0.20 (15.0.0.0)"
)

// idNamer returns the Name of the recipient with an id (link properties show names).
type idNamer func(id store.ID) string

// strs converts a string list to a PowerShell collection (shown {a, b}).
func strs(list []string) []value.Value {
	out := make([]value.Value, len(list))
	for i, s := range list {
		out[i] = s
	}
	return out
}

// names converts linked ids to the linked objects' names.
func names(ids []store.ID, name idNamer) []value.Value {
	out := make([]value.Value, len(ids))
	for i, id := range ids {
		out[i] = name(id)
	}
	return out
}

// optDate is a DateTime property that is blank when unset.
func optDate(t time.Time) value.Value {
	if t.IsZero() {
		return nil
	}
	return t.UTC()
}

// optString is a string property shown empty when unset ($null in EXO).
func optString(s string) value.Value {
	if s == "" {
		return nil
	}
	return s
}

// identityText is how an object's Identity prints: its Name, under "Soft Deleted Objects"
// once removed.
func identityText(r *store.Recipient) string {
	if r.SoftDeleted() {
		return "Soft Deleted Objects\\" + r.Name
	}
	return r.Name
}

// mailboxObject is the Get-Mailbox object of r, with Exchange Online's property names and
// order.
func mailboxObject(t *tenant, r *store.Recipient, name idNamer) *value.Object {
	fwd := value.Value(nil)
	if !r.ForwardingAddress.IsZero() {
		fwd = name(r.ForwardingAddress)
	}
	fwdSMTP := value.Value(nil)
	if r.ForwardingSmtpAddress != "" {
		fwdSMTP = "smtp:" + r.ForwardingSmtpAddress
	}
	archiveGuid := r.ArchiveGuid.String()
	archiveName := []value.Value{}
	if !r.ArchiveGuid.IsZero() {
		archiveName = []value.Value{"In-Place Archive -" + r.DisplayName}
	}
	litDuration := value.Value("Unlimited")
	props := make([]value.Property, 0, 112)
	props = append(props,
		value.Property{Name: "Database", Value: optString(r.Database)},
		value.Property{Name: "MailboxProvisioningConstraint", Value: nil},
		value.Property{Name: "IsMonitoringMailbox", Value: false},
		value.Property{Name: "MailboxRegion", Value: nil},
		value.Property{Name: "UseDatabaseRetentionDefaults", Value: false},
		value.Property{Name: "RetainDeletedItemsUntilBackup", Value: false},
		value.Property{Name: "DeliverToMailboxAndForward", Value: r.DeliverToMailboxAndForward},
		value.Property{Name: "IsExcludedFromServingHierarchy", Value: false},
		value.Property{Name: "LitigationHoldEnabled", Value: r.LitigationHoldEnabled},
		value.Property{Name: "SingleItemRecoveryEnabled", Value: r.SingleItemRecoveryEnabled},
		value.Property{Name: "RetentionHoldEnabled", Value: false},
		value.Property{Name: "LitigationHoldDate", Value: optDate(r.LitigationHoldDate)},
		value.Property{Name: "LitigationHoldOwner", Value: optString(r.LitigationHoldOwner)},
		value.Property{Name: "LitigationHoldDuration", Value: litDuration},
		value.Property{Name: "RetentionPolicy", Value: optString(r.RetentionPolicy)},
		value.Property{Name: "ExchangeGuid", Value: r.ExchangeGuid.String()},
		value.Property{Name: "ArchiveGuid", Value: archiveGuid},
		value.Property{Name: "ArchiveName", Value: archiveName},
		value.Property{Name: "ArchiveQuota", Value: sizeValue(r.ArchiveQuota)},
		value.Property{Name: "ArchiveWarningQuota", Value: sizeValue(r.ArchiveWarningQuota)},
		value.Property{Name: "ArchiveStatus", Value: orNone(r.ArchiveStatus)},
		value.Property{Name: "ArchiveState", Value: orNone(r.ArchiveState)},
		value.Property{Name: "UseDatabaseQuotaDefaults", Value: r.UseDatabaseQuotaDefaults},
		value.Property{Name: "IssueWarningQuota", Value: sizeValue(r.IssueWarningQuota)},
		value.Property{Name: "ProhibitSendQuota", Value: sizeValue(r.ProhibitSendQuota)},
		value.Property{Name: "ProhibitSendReceiveQuota", Value: sizeValue(r.ProhibitSendReceiveQuota)},
		value.Property{Name: "RecoverableItemsQuota", Value: sizeValue(r.RecoverableItemsQuota)},
		value.Property{Name: "RecoverableItemsWarningQuota", Value: sizeValue(r.RecoverableItemsWarningQuota)},
		value.Property{Name: "CalendarLoggingQuota", Value: sizeValue(r.CalendarLoggingQuota)},
		value.Property{Name: "IsSoftDeletedByRemove", Value: r.IsSoftDeletedByRemove},
		value.Property{Name: "IsSoftDeletedByDisable", Value: r.IsSoftDeletedByDisable},
		value.Property{Name: "IsInactiveMailbox", Value: r.IsInactiveMailbox},
		value.Property{Name: "WhenSoftDeleted", Value: optDate(r.WhenSoftDeleted)},
		value.Property{Name: "InPlaceHolds", Value: []value.Value{}},
		value.Property{Name: "RoleAssignmentPolicy", Value: optString(r.RoleAssignmentPolicy)},
		value.Property{Name: "SharingPolicy", Value: optString(r.SharingPolicy)},
		value.Property{Name: "ForwardingAddress", Value: fwd},
		value.Property{Name: "ForwardingSmtpAddress", Value: fwdSMTP},
		value.Property{Name: "RetainDeletedItemsFor", Value: timeSpan(r.RetainDeletedItemsFor)},
		value.Property{Name: "RulesQuota", Value: sizeValue(r.RulesQuota)},
		value.Property{Name: "RecipientLimits", Value: limitValue(r.RecipientLimits)},
		value.Property{Name: "AuditEnabled", Value: r.AuditEnabled},
		value.Property{Name: "AuditLogAgeLimit", Value: timeSpan(r.AuditLogAgeLimit)},
		value.Property{Name: "AuditAdmin", Value: strs(r.AuditAdmin)},
		value.Property{Name: "AuditDelegate", Value: strs(r.AuditDelegate)},
		value.Property{Name: "AuditOwner", Value: strs(r.AuditOwner)},
		value.Property{Name: "DefaultAuditSet", Value: strs(r.DefaultAuditSet)},
		value.Property{Name: "WhenMailboxCreated", Value: optDate(r.WhenMailboxCreated)},
		value.Property{Name: "Office", Value: optString(r.Office)},
		value.Property{Name: "UserPrincipalName", Value: r.UserPrincipalName},
		value.Property{Name: "SamAccountName", Value: r.SamAccountName},
		value.Property{Name: "Alias", Value: r.Alias},
	)
	for i, a := range r.CustomAttributes {
		props = append(props, value.Property{Name: customAttributeNames[i], Value: optString(a)})
	}
	props = append(props, []value.Property{
		{Name: "DisplayName", Value: r.DisplayName},
		{Name: "EmailAddresses", Value: strs(r.EmailAddresses)},
		{Name: "GrantSendOnBehalfTo", Value: names(r.GrantSendOnBehalfTo, name)},
		{Name: "HiddenFromAddressListsEnabled", Value: r.HiddenFromAddressListsEnabled},
		{Name: "MaxSendSize", Value: sizeValue(r.MaxSendSize)},
		{Name: "MaxReceiveSize", Value: sizeValue(r.MaxReceiveSize)},
		{Name: "OrganizationalUnit", Value: demo.OrganizationalUnit(t.t)},
		{Name: "PrimarySmtpAddress", Value: r.PrimarySmtpAddress},
		{Name: "RecipientType", Value: r.RecipientType},
		{Name: "RecipientTypeDetails", Value: r.RecipientTypeDetails},
		{Name: "WindowsEmailAddress", Value: r.WindowsEmailAddress},
		{Name: "ExternalDirectoryObjectId", Value: r.ExternalDirectoryObjectId},
		{Name: "LegacyExchangeDN", Value: r.LegacyExchangeDN},
		// Exchange Online lists the MailTip pair last, right before the directory
		// properties that start at Identity.
		{Name: "MailTip", Value: optString(r.MailTip)},
		{Name: "MailTipTranslations", Value: strs(r.MailTipTranslations)},
	}...)
	o := value.NewObject(typeMailbox, adProperties(props, r)...)
	o.SetString(identityText(r))
	return o
}

// customAttributeNames are the names CustomAttribute1 ... CustomAttribute15.
var customAttributeNames = func() [15]string {
	var n [15]string
	for i := range n {
		n[i] = "CustomAttribute" + strconv.Itoa(i+1)
	}
	return n
}()

// adProperties appends the properties every Exchange directory object ends with.
func adProperties(props []value.Property, r *store.Recipient) []value.Property {
	return append(props, []value.Property{
		{Name: "Identity", Value: identityText(r)},
		{Name: "Id", Value: identityText(r)},
		{Name: "IsValid", Value: true},
		{Name: "ExchangeVersion", Value: typeExchangeVersion},
		{Name: "Name", Value: r.Name},
		{Name: "DistinguishedName", Value: r.DistinguishedName},
		{Name: "WhenChanged", Value: optDate(r.WhenChanged)},
		{Name: "WhenCreated", Value: optDate(r.WhenCreated)},
		{Name: "WhenChangedUTC", Value: optDate(r.WhenChanged)},
		{Name: "WhenCreatedUTC", Value: optDate(r.WhenCreated)},
		{Name: "ExchangeObjectId", Value: r.Guid.String()},
		{Name: "Guid", Value: r.Guid.String()},
		{Name: "ObjectState", Value: "Unchanged"},
	}...)
}

func orNone(s string) string {
	if s == "" {
		return "None"
	}
	return s
}

// limitValue is an Unlimited<int> property.
func limitValue(n int64) value.Value {
	if n < 0 {
		return "Unlimited"
	}
	return value.Int(n)
}

// userObject is the Get-User object of r.
func userObject(t *tenant, r *store.Recipient, name idNamer) *value.Object {
	manager := value.Value(nil)
	if !r.Manager.IsZero() {
		manager = name(r.Manager)
	}
	o := value.NewObject(typeUser, adProperties([]value.Property{
		{Name: "IsSecurityPrincipal", Value: true},
		value.Property{Name: "SamAccountName", Value: r.SamAccountName},
		value.Property{Name: "UserPrincipalName", Value: r.UserPrincipalName},
		value.Property{Name: "ExternalDirectoryObjectId", Value: r.ExternalDirectoryObjectId},
		value.Property{Name: "City", Value: r.City},
		value.Property{Name: "Company", Value: r.Company},
		value.Property{Name: "CountryOrRegion", Value: optString(r.CountryOrRegion)},
		value.Property{Name: "Department", Value: r.Department},
		value.Property{Name: "DisplayName", Value: r.DisplayName},
		value.Property{Name: "FirstName", Value: r.FirstName},
		value.Property{Name: "Initials", Value: r.Initials},
		value.Property{Name: "LastName", Value: r.LastName},
		value.Property{Name: "Manager", Value: manager},
		value.Property{Name: "MobilePhone", Value: r.MobilePhone},
		value.Property{Name: "Office", Value: r.Office},
		value.Property{Name: "Phone", Value: r.Phone},
		value.Property{Name: "PostalCode", Value: r.PostalCode},
		value.Property{Name: "StateOrProvince", Value: r.StateOrProvince},
		value.Property{Name: "StreetAddress", Value: r.StreetAddress},
		value.Property{Name: "Title", Value: r.Title},
		value.Property{Name: "WindowsEmailAddress", Value: r.WindowsEmailAddress},
		value.Property{Name: "RecipientType", Value: userRecipientType(r)},
		value.Property{Name: "RecipientTypeDetails", Value: r.RecipientTypeDetails},
		value.Property{Name: "OrganizationalUnit", Value: demo.OrganizationalUnit(t.t)},
	}, r)...)
	o.SetString(identityText(r))
	return o
}

// userRecipientType is RecipientType as Get-User shows it: User, UserMailbox or MailUser.
func userRecipientType(r *store.Recipient) string {
	if r.RecipientType != "" {
		return r.RecipientType
	}
	return store.RecipientTypeOf(r.RecipientTypeDetails)
}

// recipientObject is the Get-Recipient object of r.
func recipientObject(t *tenant, r *store.Recipient) *value.Object {
	o := value.NewObject(typeRecipient, adProperties([]value.Property{
		{Name: "Alias", Value: r.Alias},
		value.Property{Name: "City", Value: optString(r.City)},
		value.Property{Name: "Company", Value: optString(r.Company)},
		value.Property{Name: "Database", Value: optString(r.Database)},
		value.Property{Name: "Department", Value: optString(r.Department)},
		value.Property{Name: "DisplayName", Value: r.DisplayName},
		value.Property{Name: "EmailAddresses", Value: strs(r.EmailAddresses)},
		value.Property{Name: "ExternalDirectoryObjectId", Value: r.ExternalDirectoryObjectId},
		value.Property{Name: "ExternalEmailAddress", Value: optString(r.ExternalEmailAddress)},
		value.Property{Name: "FirstName", Value: r.FirstName},
		value.Property{Name: "HiddenFromAddressListsEnabled", Value: r.HiddenFromAddressListsEnabled},
		value.Property{Name: "LastName", Value: r.LastName},
		value.Property{Name: "Office", Value: optString(r.Office)},
		value.Property{Name: "OrganizationalUnit", Value: demo.OrganizationalUnit(t.t)},
		value.Property{Name: "PrimarySmtpAddress", Value: r.PrimarySmtpAddress},
		value.Property{Name: "RecipientType", Value: r.RecipientType},
		value.Property{Name: "RecipientTypeDetails", Value: r.RecipientTypeDetails},
		value.Property{Name: "Title", Value: optString(r.Title)},
		value.Property{Name: "WindowsEmailAddress", Value: r.WindowsEmailAddress},
	}, r)...)
	o.SetString(identityText(r))
	return o
}
