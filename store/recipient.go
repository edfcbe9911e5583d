package store

import (
	"strings"
	"time"
)

// Size is a byte quantity (ByteQuantifiedSize). Unlimited marks the "Unlimited" value.
type Size int64

// Unlimited is the Size and limit value Exchange prints as "Unlimited".
const Unlimited Size = -1

// Recipient is one directory object of the tenant: a user, a mailbox (user, shared,
// room ...), a mail user, a contact or a group. Exchange keeps these as one Active
// Directory object seen through several cmdlets (Get-User, Get-Mailbox, Get-Recipient), so
// the store keeps one record whose RecipientTypeDetails decides its Class. Fields that do
// not apply to a class stay zero.
//
// JSON names are the Exchange property names, so seed files read like Get-Mailbox output.
type Recipient struct {
	// Identity.
	Guid                      ID     `json:"Guid"` // primary key (= ExchangeObjectId)
	ExchangeGuid              ID     `json:"ExchangeGuid,omitzero"`
	ExternalDirectoryObjectId string `json:"ExternalDirectoryObjectId,omitempty"`
	Name                      string `json:"Name"`
	Alias                     string `json:"Alias,omitempty"`
	DisplayName               string `json:"DisplayName,omitempty"`
	DistinguishedName         string `json:"DistinguishedName,omitempty"`
	LegacyExchangeDN          string `json:"LegacyExchangeDN,omitempty"`
	SamAccountName            string `json:"SamAccountName,omitempty"`
	UserPrincipalName         string `json:"UserPrincipalName,omitempty"`
	PrimarySmtpAddress        string `json:"PrimarySmtpAddress,omitempty"`
	WindowsEmailAddress       string `json:"WindowsEmailAddress,omitempty"`
	// EmailAddresses are proxy addresses with their prefix: exactly one "SMTP:" (the
	// primary), secondaries "smtp:", and "SIP:", "SPO:", "X500:" entries.
	EmailAddresses []string `json:"EmailAddresses,omitempty"`
	// ExternalEmailAddress is the target address of a mail user or contact.
	ExternalEmailAddress string `json:"ExternalEmailAddress,omitempty"`
	RecipientType        string `json:"RecipientType,omitempty"`
	RecipientTypeDetails string `json:"RecipientTypeDetails"`

	// User (Get-User) properties.
	FirstName       string `json:"FirstName,omitempty"`
	LastName        string `json:"LastName,omitempty"`
	Initials        string `json:"Initials,omitempty"`
	Title           string `json:"Title,omitempty"`
	Department      string `json:"Department,omitempty"`
	Company         string `json:"Company,omitempty"`
	Office          string `json:"Office,omitempty"`
	City            string `json:"City,omitempty"`
	StateOrProvince string `json:"StateOrProvince,omitempty"`
	CountryOrRegion string `json:"CountryOrRegion,omitempty"`
	PostalCode      string `json:"PostalCode,omitempty"`
	StreetAddress   string `json:"StreetAddress,omitempty"`
	Phone           string `json:"Phone,omitempty"`
	MobilePhone     string `json:"MobilePhone,omitempty"`
	Manager         ID     `json:"Manager,omitzero"`
	// CustomAttributes holds CustomAttribute1..15 (index 0 is CustomAttribute1).
	CustomAttributes [15]string `json:"CustomAttributes,omitzero"`

	// Mailbox properties.
	Database                      string        `json:"Database,omitempty"`
	HiddenFromAddressListsEnabled bool          `json:"HiddenFromAddressListsEnabled,omitempty"`
	ForwardingAddress             ID            `json:"ForwardingAddress,omitzero"`
	ForwardingSmtpAddress         string        `json:"ForwardingSmtpAddress,omitempty"`
	DeliverToMailboxAndForward    bool          `json:"DeliverToMailboxAndForward,omitempty"`
	GrantSendOnBehalfTo           []ID          `json:"GrantSendOnBehalfTo,omitempty"`
	LitigationHoldEnabled         bool          `json:"LitigationHoldEnabled,omitempty"`
	LitigationHoldDate            time.Time     `json:"LitigationHoldDate,omitzero"`
	LitigationHoldOwner           string        `json:"LitigationHoldOwner,omitempty"`
	RetentionPolicy               string        `json:"RetentionPolicy,omitempty"`
	RoleAssignmentPolicy          string        `json:"RoleAssignmentPolicy,omitempty"`
	SharingPolicy                 string        `json:"SharingPolicy,omitempty"`
	SingleItemRecoveryEnabled     bool          `json:"SingleItemRecoveryEnabled,omitempty"`
	RetainDeletedItemsFor         time.Duration `json:"RetainDeletedItemsFor,omitempty"`
	UseDatabaseQuotaDefaults      bool          `json:"UseDatabaseQuotaDefaults,omitempty"`
	RecipientLimits               int64         `json:"RecipientLimits,omitempty"` // Unlimited (-1) allowed
	MaxSendSize                   Size          `json:"MaxSendSize,omitempty"`
	MaxReceiveSize                Size          `json:"MaxReceiveSize,omitempty"`
	IssueWarningQuota             Size          `json:"IssueWarningQuota,omitempty"`
	ProhibitSendQuota             Size          `json:"ProhibitSendQuota,omitempty"`
	ProhibitSendReceiveQuota      Size          `json:"ProhibitSendReceiveQuota,omitempty"`
	RecoverableItemsQuota         Size          `json:"RecoverableItemsQuota,omitempty"`
	RecoverableItemsWarningQuota  Size          `json:"RecoverableItemsWarningQuota,omitempty"`
	CalendarLoggingQuota          Size          `json:"CalendarLoggingQuota,omitempty"`
	ArchiveQuota                  Size          `json:"ArchiveQuota,omitempty"`
	ArchiveWarningQuota           Size          `json:"ArchiveWarningQuota,omitempty"`
	RulesQuota                    Size          `json:"RulesQuota,omitempty"`
	ArchiveGuid                   ID            `json:"ArchiveGuid,omitzero"`
	ArchiveStatus                 string        `json:"ArchiveStatus,omitempty"`
	ArchiveState                  string        `json:"ArchiveState,omitempty"`
	// MailTip is the custom MailTip as Exchange keeps it, HTML-wrapped
	// (<html><body>text</body></html>); MailTipTranslations are "culture:text" entries,
	// the default MailTip among them as "default:...".
	MailTip             string   `json:"MailTip,omitempty"`
	MailTipTranslations []string `json:"MailTipTranslations,omitempty"`
	// PasswordLastSet is when Set-Mailbox -Password last reset the user's password. Only
	// the fact and time are kept: the password itself never reaches the store.
	PasswordLastSet time.Time `json:"PasswordLastSet,omitzero"`
	// MailboxOwner is the owner Add-MailboxPermission -Owner set; zero is the default
	// owner.
	MailboxOwner ID `json:"MailboxOwner,omitzero"`

	// Mailbox audit properties.
	AuditEnabled     bool          `json:"AuditEnabled,omitempty"`
	AuditLogAgeLimit time.Duration `json:"AuditLogAgeLimit,omitempty"`
	AuditAdmin       []string      `json:"AuditAdmin,omitempty"`
	AuditDelegate    []string      `json:"AuditDelegate,omitempty"`
	AuditOwner       []string      `json:"AuditOwner,omitempty"`
	DefaultAuditSet  []string      `json:"DefaultAuditSet,omitempty"`

	// Group properties. Members are kept apart (AddMember, Members, MemberOf) because a
	// group can be large and mail flow needs the reverse direction.
	ManagedBy                          []ID   `json:"ManagedBy,omitempty"`
	MemberJoinRestriction              string `json:"MemberJoinRestriction,omitempty"`
	MemberDepartRestriction            string `json:"MemberDepartRestriction,omitempty"`
	RequireSenderAuthenticationEnabled bool   `json:"RequireSenderAuthenticationEnabled,omitempty"`

	// Life cycle. The store never sets times itself: cmdlets stamp them from the tenant
	// clock.
	WhenCreated            time.Time `json:"WhenCreated,omitzero"`
	WhenChanged            time.Time `json:"WhenChanged,omitzero"`
	WhenMailboxCreated     time.Time `json:"WhenMailboxCreated,omitzero"`
	IsSoftDeletedByRemove  bool      `json:"IsSoftDeletedByRemove,omitempty"`
	IsSoftDeletedByDisable bool      `json:"IsSoftDeletedByDisable,omitempty"`
	IsInactiveMailbox      bool      `json:"IsInactiveMailbox,omitempty"`
	WhenSoftDeleted        time.Time `json:"WhenSoftDeleted,omitzero"`
}

// SoftDeleted reports whether the recipient is in the soft-deleted state. Soft-deleted
// recipients keep their identities reserved (as in Exchange, where a soft-deleted
// mailbox's proxy addresses still collide) but are invisible to lookups and lists unless
// asked for.
func (r *Recipient) SoftDeleted() bool { return r.IsSoftDeletedByRemove || r.IsSoftDeletedByDisable }

// Class is the broad kind of a recipient, derived from RecipientTypeDetails. Get-Mailbox
// works on ClassMailbox, Get-User on users (ClassUser, ClassMailbox, ClassMailUser),
// Get-Recipient on everything mail-enabled.
type Class uint8

// Classes. The numeric values are stored in index keys: never renumber.
const (
	ClassUser     Class = 1 // a user without any Exchange attributes
	ClassMailbox  Class = 2 // any mailbox: user, shared, room, equipment, discovery ...
	ClassMailUser Class = 3 // mail user or guest mail user
	ClassContact  Class = 4 // mail contact
	ClassGroup    Class = 5 // distribution, security, Microsoft 365, dynamic groups, room lists
)

// Class groups used by the cmdlets' views.
var (
	// UserClasses are the recipients Get-User shows.
	UserClasses = []Class{ClassUser, ClassMailbox, ClassMailUser}
	// MailClasses are the recipients Get-Recipient shows.
	MailClasses = []Class{ClassMailbox, ClassMailUser, ClassContact, ClassGroup}
	// AllClasses is every class, in numeric order.
	AllClasses = []Class{ClassUser, ClassMailbox, ClassMailUser, ClassContact, ClassGroup}
)

// String names the class.
func (c Class) String() string {
	switch c {
	case ClassUser:
		return "User"
	case ClassMailbox:
		return "Mailbox"
	case ClassMailUser:
		return "MailUser"
	case ClassContact:
		return "Contact"
	case ClassGroup:
		return "Group"
	}
	return "Unknown"
}

// recipientTypes maps each RecipientTypeDetails value (lower-cased) to its class and its
// RecipientType, following exchange-model §1.4.
var recipientTypes = map[string]struct {
	class Class
	rtype string
}{
	"user":                           {ClassUser, "User"},
	"disableduser":                   {ClassUser, "User"},
	"usermailbox":                    {ClassMailbox, "UserMailbox"},
	"sharedmailbox":                  {ClassMailbox, "UserMailbox"},
	"roommailbox":                    {ClassMailbox, "UserMailbox"},
	"equipmentmailbox":               {ClassMailbox, "UserMailbox"},
	"discoverymailbox":               {ClassMailbox, "UserMailbox"},
	"schedulingmailbox":              {ClassMailbox, "UserMailbox"},
	"teammailbox":                    {ClassMailbox, "UserMailbox"},
	"groupmailbox":                   {ClassMailbox, "UserMailbox"},
	"linkedmailbox":                  {ClassMailbox, "UserMailbox"},
	"linkedroommailbox":              {ClassMailbox, "UserMailbox"},
	"legacymailbox":                  {ClassMailbox, "UserMailbox"},
	"publicfoldermailbox":            {ClassMailbox, "UserMailbox"},
	"mailuser":                       {ClassMailUser, "MailUser"},
	"guestmailuser":                  {ClassMailUser, "MailUser"},
	"mailcontact":                    {ClassContact, "MailContact"},
	"mailuniversaldistributiongroup": {ClassGroup, "MailUniversalDistributionGroup"},
	"mailuniversalsecuritygroup":     {ClassGroup, "MailUniversalSecurityGroup"},
	"mailnonuniversalgroup":          {ClassGroup, "MailNonUniversalGroup"},
	"dynamicdistributiongroup":       {ClassGroup, "DynamicDistributionGroup"},
	"roomlist":                       {ClassGroup, "MailUniversalDistributionGroup"},
}

// ClassOf returns the class of a RecipientTypeDetails value (case-insensitive) and
// false when the value is not one Exchange knows.
func ClassOf(recipientTypeDetails string) (Class, bool) {
	t, ok := recipientTypes[strings.ToLower(recipientTypeDetails)]
	return t.class, ok
}

// RecipientTypeOf returns the RecipientType that belongs to a RecipientTypeDetails value
// ("UserMailbox" for every mailbox subtype), or "" when the value is unknown.
func RecipientTypeOf(recipientTypeDetails string) string {
	return recipientTypes[strings.ToLower(recipientTypeDetails)].rtype
}

// SmtpAddresses returns the SMTP proxy addresses of r without their prefix, primary
// first, plus PrimarySmtpAddress when it is missing from EmailAddresses. These are the
// addresses that identify r and must be unique in the tenant.
func (r *Recipient) SmtpAddresses() []string {
	var out []string
	seen := map[string]bool{}
	add := func(a string) {
		k := strings.ToLower(a)
		if a == "" || seen[k] {
			return
		}
		seen[k] = true
		out = append(out, a)
	}
	add(r.PrimarySmtpAddress)
	for _, p := range r.EmailAddresses {
		if prefix, addr, ok := strings.Cut(p, ":"); ok && strings.EqualFold(prefix, "smtp") {
			add(addr)
		} else if !ok {
			add(p)
		}
	}
	return out
}

// X500Addresses returns the X500 proxy addresses of r without their prefix.
func (r *Recipient) X500Addresses() []string {
	var out []string
	for _, p := range r.EmailAddresses {
		if prefix, addr, ok := strings.Cut(p, ":"); ok && strings.EqualFold(prefix, "x500") && addr != "" {
			out = append(out, addr)
		}
	}
	return out
}
