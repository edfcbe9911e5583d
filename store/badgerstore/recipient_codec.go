package badgerstore

import "github.com/exosh/exosh/store"

// encodingRecipient is the UserMeta of a recipient stored in the binary record codec
// (record_codec.go). Recipients are the records every Get-Mailbox | Set-Mailbox
// pipeline reads and rewrites, so they are stored in it rather than as JSON, which spent
// most of such a pipeline's time parsing. Recipients written as JSON (encodingJSON) by
// an earlier exosh stay readable; they are rewritten in this codec on their next change.
const encodingRecipient byte = 2

// recipientField is one stored field of store.Recipient; tags are stored: never
// renumber or reuse one. TestRecipientCodecCoversEveryField fails when a field of
// store.Recipient has no entry here.
type recipientField = codecField[store.Recipient]

var recipientFields = []recipientField{
	{1, "Guid", func(r *store.Recipient) any { return &r.Guid }},
	{2, "ExchangeGuid", func(r *store.Recipient) any { return &r.ExchangeGuid }},
	{3, "ExternalDirectoryObjectId", func(r *store.Recipient) any { return &r.ExternalDirectoryObjectId }},
	{4, "Name", func(r *store.Recipient) any { return &r.Name }},
	{5, "Alias", func(r *store.Recipient) any { return &r.Alias }},
	{6, "DisplayName", func(r *store.Recipient) any { return &r.DisplayName }},
	{7, "DistinguishedName", func(r *store.Recipient) any { return &r.DistinguishedName }},
	{8, "LegacyExchangeDN", func(r *store.Recipient) any { return &r.LegacyExchangeDN }},
	{9, "SamAccountName", func(r *store.Recipient) any { return &r.SamAccountName }},
	{10, "UserPrincipalName", func(r *store.Recipient) any { return &r.UserPrincipalName }},
	{11, "PrimarySmtpAddress", func(r *store.Recipient) any { return &r.PrimarySmtpAddress }},
	{12, "WindowsEmailAddress", func(r *store.Recipient) any { return &r.WindowsEmailAddress }},
	{13, "EmailAddresses", func(r *store.Recipient) any { return &r.EmailAddresses }},
	{14, "ExternalEmailAddress", func(r *store.Recipient) any { return &r.ExternalEmailAddress }},
	{15, "RecipientType", func(r *store.Recipient) any { return &r.RecipientType }},
	{16, "RecipientTypeDetails", func(r *store.Recipient) any { return &r.RecipientTypeDetails }},
	{17, "FirstName", func(r *store.Recipient) any { return &r.FirstName }},
	{18, "LastName", func(r *store.Recipient) any { return &r.LastName }},
	{19, "Initials", func(r *store.Recipient) any { return &r.Initials }},
	{20, "Title", func(r *store.Recipient) any { return &r.Title }},
	{21, "Department", func(r *store.Recipient) any { return &r.Department }},
	{22, "Company", func(r *store.Recipient) any { return &r.Company }},
	{23, "Office", func(r *store.Recipient) any { return &r.Office }},
	{24, "City", func(r *store.Recipient) any { return &r.City }},
	{25, "StateOrProvince", func(r *store.Recipient) any { return &r.StateOrProvince }},
	{26, "CountryOrRegion", func(r *store.Recipient) any { return &r.CountryOrRegion }},
	{27, "PostalCode", func(r *store.Recipient) any { return &r.PostalCode }},
	{28, "StreetAddress", func(r *store.Recipient) any { return &r.StreetAddress }},
	{29, "Phone", func(r *store.Recipient) any { return &r.Phone }},
	{30, "MobilePhone", func(r *store.Recipient) any { return &r.MobilePhone }},
	{31, "Manager", func(r *store.Recipient) any { return &r.Manager }},
	{32, "CustomAttributes", func(r *store.Recipient) any { return &r.CustomAttributes }},
	{33, "Database", func(r *store.Recipient) any { return &r.Database }},
	{34, "HiddenFromAddressListsEnabled", func(r *store.Recipient) any { return &r.HiddenFromAddressListsEnabled }},
	{35, "ForwardingAddress", func(r *store.Recipient) any { return &r.ForwardingAddress }},
	{36, "ForwardingSmtpAddress", func(r *store.Recipient) any { return &r.ForwardingSmtpAddress }},
	{37, "DeliverToMailboxAndForward", func(r *store.Recipient) any { return &r.DeliverToMailboxAndForward }},
	{38, "GrantSendOnBehalfTo", func(r *store.Recipient) any { return &r.GrantSendOnBehalfTo }},
	{39, "LitigationHoldEnabled", func(r *store.Recipient) any { return &r.LitigationHoldEnabled }},
	{40, "LitigationHoldDate", func(r *store.Recipient) any { return &r.LitigationHoldDate }},
	{41, "LitigationHoldOwner", func(r *store.Recipient) any { return &r.LitigationHoldOwner }},
	{42, "RetentionPolicy", func(r *store.Recipient) any { return &r.RetentionPolicy }},
	{43, "RoleAssignmentPolicy", func(r *store.Recipient) any { return &r.RoleAssignmentPolicy }},
	{44, "SharingPolicy", func(r *store.Recipient) any { return &r.SharingPolicy }},
	{45, "SingleItemRecoveryEnabled", func(r *store.Recipient) any { return &r.SingleItemRecoveryEnabled }},
	{46, "RetainDeletedItemsFor", func(r *store.Recipient) any { return &r.RetainDeletedItemsFor }},
	{47, "UseDatabaseQuotaDefaults", func(r *store.Recipient) any { return &r.UseDatabaseQuotaDefaults }},
	{48, "RecipientLimits", func(r *store.Recipient) any { return &r.RecipientLimits }},
	{49, "MaxSendSize", func(r *store.Recipient) any { return &r.MaxSendSize }},
	{50, "MaxReceiveSize", func(r *store.Recipient) any { return &r.MaxReceiveSize }},
	{51, "IssueWarningQuota", func(r *store.Recipient) any { return &r.IssueWarningQuota }},
	{52, "ProhibitSendQuota", func(r *store.Recipient) any { return &r.ProhibitSendQuota }},
	{53, "ProhibitSendReceiveQuota", func(r *store.Recipient) any { return &r.ProhibitSendReceiveQuota }},
	{54, "RecoverableItemsQuota", func(r *store.Recipient) any { return &r.RecoverableItemsQuota }},
	{55, "RecoverableItemsWarningQuota", func(r *store.Recipient) any { return &r.RecoverableItemsWarningQuota }},
	{56, "CalendarLoggingQuota", func(r *store.Recipient) any { return &r.CalendarLoggingQuota }},
	{57, "ArchiveQuota", func(r *store.Recipient) any { return &r.ArchiveQuota }},
	{58, "ArchiveWarningQuota", func(r *store.Recipient) any { return &r.ArchiveWarningQuota }},
	{59, "RulesQuota", func(r *store.Recipient) any { return &r.RulesQuota }},
	{60, "ArchiveGuid", func(r *store.Recipient) any { return &r.ArchiveGuid }},
	{61, "ArchiveStatus", func(r *store.Recipient) any { return &r.ArchiveStatus }},
	{62, "ArchiveState", func(r *store.Recipient) any { return &r.ArchiveState }},
	{63, "AuditEnabled", func(r *store.Recipient) any { return &r.AuditEnabled }},
	{64, "AuditLogAgeLimit", func(r *store.Recipient) any { return &r.AuditLogAgeLimit }},
	{65, "AuditAdmin", func(r *store.Recipient) any { return &r.AuditAdmin }},
	{66, "AuditDelegate", func(r *store.Recipient) any { return &r.AuditDelegate }},
	{67, "AuditOwner", func(r *store.Recipient) any { return &r.AuditOwner }},
	{68, "DefaultAuditSet", func(r *store.Recipient) any { return &r.DefaultAuditSet }},
	{69, "ManagedBy", func(r *store.Recipient) any { return &r.ManagedBy }},
	{70, "MemberJoinRestriction", func(r *store.Recipient) any { return &r.MemberJoinRestriction }},
	{71, "MemberDepartRestriction", func(r *store.Recipient) any { return &r.MemberDepartRestriction }},
	{72, "RequireSenderAuthenticationEnabled", func(r *store.Recipient) any { return &r.RequireSenderAuthenticationEnabled }},
	{73, "WhenCreated", func(r *store.Recipient) any { return &r.WhenCreated }},
	{74, "WhenChanged", func(r *store.Recipient) any { return &r.WhenChanged }},
	{75, "WhenMailboxCreated", func(r *store.Recipient) any { return &r.WhenMailboxCreated }},
	{76, "IsSoftDeletedByRemove", func(r *store.Recipient) any { return &r.IsSoftDeletedByRemove }},
	{77, "IsSoftDeletedByDisable", func(r *store.Recipient) any { return &r.IsSoftDeletedByDisable }},
	{78, "IsInactiveMailbox", func(r *store.Recipient) any { return &r.IsInactiveMailbox }},
	{79, "WhenSoftDeleted", func(r *store.Recipient) any { return &r.WhenSoftDeleted }},
	{80, "MailTip", func(r *store.Recipient) any { return &r.MailTip }},
	{81, "MailTipTranslations", func(r *store.Recipient) any { return &r.MailTipTranslations }},
	{82, "PasswordLastSet", func(r *store.Recipient) any { return &r.PasswordLastSet }},
	{83, "MailboxOwner", func(r *store.Recipient) any { return &r.MailboxOwner }},
}

// recipientCodec encodes recipients with recipientFields.
var recipientCodec = newCodecTable("recipient", recipientFields)

// appendRecipient appends the encoding of r to b.
func appendRecipient(b []byte, r *store.Recipient) ([]byte, error) {
	return recipientCodec.append(b, r)
}

// decodeRecipient decodes data (from appendRecipient) into r, replacing all of r.
func decodeRecipient(data []byte, r *store.Recipient) error { return recipientCodec.decode(data, r) }
