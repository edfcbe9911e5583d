package demo

import (
	"strings"
	"time"

	"github.com/exosh/exosh/store"
)

// The demo tenant's names.
const (
	TenantName    = "contoso"
	DisplayName   = "Contoso"
	InitialDomain = "contoso.onmicrosoft.com"
	VanityDomain  = "contoso.com"
	// Server is the directory server Exchange names in not-found errors.
	Server = "SN6PR11A004DC02.NAMPR11A004.PROD.OUTLOOK.COM"
	// forestDC is the DC part of distinguished names in the tenant's forest.
	forestDC = "DC=NAMPR11A004,DC=PROD,DC=OUTLOOK,DC=COM"
	// ouPath is the OrganizationalUnit every recipient of the tenant lives in.
	ouPath = "nampr11a004.prod.outlook.com/Microsoft Exchange Hosted Organizations/" + InitialDomain
	// AdminUPN is the tenant's global administrator, the default acting admin.
	AdminUPN = "admin@" + InitialDomain
	// DiscoveryName is the system discovery mailbox every tenant has.
	DiscoveryName = "DiscoverySearchMailbox{D919BA05-46A6-415f-80AD-7E09334BB852}"
)

// Byte sizes.
const (
	KB store.Size = 1 << 10
	MB store.Size = 1 << 20
	GB store.Size = 1 << 30
)

// Default mailbox audit actions per logon type, in the order Exchange Online stores them.
var (
	DefaultAuditAdmin = []string{"Update", "MoveToDeletedItems", "SoftDelete", "HardDelete", "SendAs",
		"SendOnBehalf", "Create", "UpdateFolderPermissions", "UpdateInboxRules", "UpdateCalendarDelegation",
		"ApplyRecord", "MailItemsAccessed", "Send"}
	DefaultAuditDelegate = []string{"Update", "MoveToDeletedItems", "SoftDelete", "HardDelete", "SendAs",
		"SendOnBehalf", "Create", "UpdateFolderPermissions", "UpdateInboxRules", "ApplyRecord", "MailItemsAccessed"}
	DefaultAuditOwner = []string{"Update", "MoveToDeletedItems", "SoftDelete", "HardDelete",
		"UpdateFolderPermissions", "UpdateInboxRules", "UpdateCalendarDelegation", "ApplyRecord",
		"MailItemsAccessed", "Send"}
	// DefaultAuditSet lists the logon types whose actions Microsoft manages.
	DefaultAuditSet = []string{"Admin", "Delegate", "Owner"}
)

// DefaultAuditActions returns a copy of the default action list of a logon type
// ("Admin", "Delegate" or "Owner", any case), or nil for another name.
func DefaultAuditActions(logonType string) []string {
	switch strings.ToLower(logonType) {
	case "admin":
		return clone(DefaultAuditAdmin)
	case "delegate":
		return clone(DefaultAuditDelegate)
	case "owner":
		return clone(DefaultAuditOwner)
	}
	return nil
}

func clone(s []string) []string { return append([]string(nil), s...) }

// NewTenant returns the tenant settings of contoso.onmicrosoft.com with the vanity domain
// contoso.com as the default accepted domain.
func NewTenant() store.Tenant {
	return store.Tenant{
		Name:          TenantName,
		DisplayName:   DisplayName,
		InitialDomain: InitialDomain,
		AcceptedDomains: []store.AcceptedDomain{
			{Name: VanityDomain, DomainName: VanityDomain, DomainType: "Authoritative", Default: true},
			{Name: InitialDomain, DomainName: InitialDomain, DomainType: "Authoritative", Initial: true},
		},
		Server: Server,
	}
}

// NewOrganizationConfig returns the organization config of a new tenant.
func NewOrganizationConfig() store.OrganizationConfig {
	return store.OrganizationConfig{
		Name:                        InitialDomain,
		DisplayName:                 DisplayName,
		Guid:                        DeriveID("org", InitialDomain),
		AuditDisabled:               false,
		IsDehydrated:                false,
		OAuth2ClientProfileEnabled:  true,
		MailTipsAllTipsEnabled:      true,
		MailTipsExternalRecipients:  false,
		SendFromAliasEnabled:        false,
		AutoExpandingArchiveEnabled: false,
	}
}

// DefaultDomain returns the tenant's default accepted domain (the initial domain when
// none is marked default).
func DefaultDomain(t store.Tenant) string {
	for _, d := range t.AcceptedDomains {
		if d.Default {
			return d.DomainName
		}
	}
	if t.InitialDomain != "" {
		return t.InitialDomain
	}
	return InitialDomain
}

// Spec describes a recipient to build: the names an admin chooses, the rest is derived.
type Spec struct {
	// RecipientTypeDetails: UserMailbox, SharedMailbox, RoomMailbox, EquipmentMailbox,
	// DiscoveryMailbox, GroupMailbox, User, MailContact, MailUniversalDistributionGroup,
	// MailUniversalSecurityGroup ...
	Type        string
	Name        string
	Alias       string
	DisplayName string
	FirstName   string
	LastName    string
	Title       string
	Department  string
	Company     string
	Office      string
	City        string
	Country     string
	Phone       string
	// PrimarySmtpAddress overrides alias@<default domain>.
	PrimarySmtpAddress string
	// UserPrincipalName overrides alias@<initial domain> (users and mailboxes).
	UserPrincipalName string
	// ExternalEmailAddress is the target of a contact or mail user.
	ExternalEmailAddress string
	// Created stamps WhenCreated/WhenChanged.
	Created time.Time
}

// NewRecipient builds the record of a new recipient in tenant t with Exchange Online's
// defaults for its type: identities (Guid, ExchangeGuid, directory object id, DN,
// LegacyExchangeDN, SamAccountName), addresses, quotas and audit settings.
func NewRecipient(t store.Tenant, s Spec) store.Recipient {
	initial := t.InitialDomain
	if initial == "" {
		initial = InitialDomain
	}
	if s.Alias == "" {
		s.Alias = aliasFrom(s.Name)
	}
	if s.DisplayName == "" {
		s.DisplayName = s.Name
	}
	key := strings.ToLower(s.Name)
	r := store.Recipient{
		Guid:                 DeriveID("guid", initial, key),
		Name:                 s.Name,
		Alias:                s.Alias,
		DisplayName:          s.DisplayName,
		DistinguishedName:    "CN=" + EscapeDN(s.Name) + ",OU=" + initial + ",OU=Microsoft Exchange Hosted Organizations," + forestDC,
		RecipientTypeDetails: s.Type,
		RecipientType:        store.RecipientTypeOf(s.Type),
		FirstName:            s.FirstName,
		LastName:             s.LastName,
		Title:                s.Title,
		Department:           s.Department,
		Company:              s.Company,
		Office:               s.Office,
		City:                 s.City,
		CountryOrRegion:      s.Country,
		Phone:                s.Phone,
		WhenCreated:          s.Created.UTC(),
		WhenChanged:          s.Created.UTC(),
	}
	class, _ := store.ClassOf(s.Type)
	switch class {
	case store.ClassUser:
		r.ExternalDirectoryObjectId = DeriveID("edoid", initial, key).String()
		r.UserPrincipalName = orDefault(s.UserPrincipalName, s.Alias+"@"+initial)
		r.SamAccountName = samAccountName(initial, key)
		r.Alias = ""
	case store.ClassMailbox:
		setAddresses(&r, t, s)
		r.UserPrincipalName = orDefault(s.UserPrincipalName, s.Alias+"@"+initial)
		r.ExchangeGuid = DeriveID("exchangeguid", initial, key)
		r.ExternalDirectoryObjectId = DeriveID("edoid", initial, key).String()
		r.SamAccountName = samAccountName(initial, key)
		r.LegacyExchangeDN = "/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=" + hex32(initial, key) + "-" + s.Alias
		r.WhenMailboxCreated = r.WhenCreated
		applyMailboxDefaults(&r, initial, key, t.AuditDefaults)
	case store.ClassMailUser, store.ClassContact:
		setAddresses(&r, t, s)
		if s.ExternalEmailAddress != "" {
			r.ExternalEmailAddress = "SMTP:" + s.ExternalEmailAddress
			r.PrimarySmtpAddress = s.ExternalEmailAddress
			r.WindowsEmailAddress = s.ExternalEmailAddress
			r.EmailAddresses = []string{"SMTP:" + s.ExternalEmailAddress}
		}
		r.ExternalDirectoryObjectId = DeriveID("edoid", initial, key).String()
		r.LegacyExchangeDN = "/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=" + hex32(initial, key) + "-" + s.Alias
	case store.ClassGroup:
		setAddresses(&r, t, s)
		r.ExternalDirectoryObjectId = DeriveID("edoid", initial, key).String()
		r.SamAccountName = samAccountName(initial, key)
		r.LegacyExchangeDN = "/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=" + hex32(initial, key) + "-" + s.Alias
		r.MemberJoinRestriction = "Closed"
		r.MemberDepartRestriction = "Closed"
		r.RequireSenderAuthenticationEnabled = true
	}
	return r
}

// setAddresses gives r its primary address at the default domain and a secondary one at
// the initial domain.
func setAddresses(r *store.Recipient, t store.Tenant, s Spec) {
	initial := t.InitialDomain
	if initial == "" {
		initial = InitialDomain
	}
	primary := orDefault(s.PrimarySmtpAddress, s.Alias+"@"+DefaultDomain(t))
	r.PrimarySmtpAddress = primary
	r.WindowsEmailAddress = primary
	r.EmailAddresses = []string{"SMTP:" + primary}
	if second := s.Alias + "@" + initial; !strings.EqualFold(second, primary) {
		r.EmailAddresses = append(r.EmailAddresses, "smtp:"+second)
	}
}

// applyMailboxDefaults sets the quotas, policies and audit settings of a new mailbox:
// the 100 GB plan for user mailboxes, 50 GB for every other kind, and the audit defaults
// of the tenant's version of them.
func applyMailboxDefaults(r *store.Recipient, initial, key, auditVersion string) {
	r.Database = databaseName(initial, key)
	r.RetentionPolicy = "Default MRM Policy"
	r.RoleAssignmentPolicy = "Default Role Assignment Policy"
	r.SharingPolicy = "Default Sharing Policy"
	r.SingleItemRecoveryEnabled = true
	r.RetainDeletedItemsFor = 14 * 24 * time.Hour
	r.RecipientLimits = 500
	r.MaxSendSize = 35 * MB
	r.MaxReceiveSize = 36 * MB
	r.RecoverableItemsQuota = 30 * GB
	r.RecoverableItemsWarningQuota = 20 * GB
	r.CalendarLoggingQuota = 6 * GB
	r.ArchiveQuota = 100 * GB
	r.ArchiveWarningQuota = 90 * GB
	r.RulesQuota = 256 * KB
	r.ArchiveStatus = "None"
	r.ArchiveState = "None"
	if strings.EqualFold(r.RecipientTypeDetails, "UserMailbox") {
		r.IssueWarningQuota = 98 * GB
		r.ProhibitSendQuota = 99 * GB
		r.ProhibitSendReceiveQuota = 100 * GB
	} else {
		r.IssueWarningQuota = 49 * GB
		r.ProhibitSendQuota = 49*GB + 512*MB
		r.ProhibitSendReceiveQuota = 50 * GB
	}
	r.AuditEnabled = true
	r.AuditLogAgeLimit = 90 * 24 * time.Hour
	r.AuditAdmin = AuditDefaultsFor(auditVersion, "Admin")
	r.AuditDelegate = AuditDefaultsFor(auditVersion, "Delegate")
	r.AuditOwner = AuditDefaultsFor(auditVersion, "Owner")
	r.DefaultAuditSet = clone(DefaultAuditSet)
}

// applyPlan1 gives a user mailbox the 50 GB quotas of Exchange Online Plan 1.
func applyPlan1(r *store.Recipient) {
	r.IssueWarningQuota = 49 * GB
	r.ProhibitSendQuota = 49*GB + 512*MB
	r.ProhibitSendReceiveQuota = 50 * GB
	r.ArchiveQuota = 50 * GB
	r.ArchiveWarningQuota = 45 * GB
}

// EnableArchive gives a mailbox an active archive.
func EnableArchive(r *store.Recipient) {
	r.ArchiveGuid = DeriveID("archive", r.Guid.String())
	r.ArchiveStatus = "Active"
	r.ArchiveState = "Local"
}

func orDefault(s, def string) string {
	if s != "" {
		return s
	}
	return def
}

// aliasFrom derives an alias from a name the way Exchange does: characters that are not
// allowed in an alias are dropped.
func aliasFrom(name string) string {
	var b strings.Builder
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case strings.ContainsRune("!#$%&'*+-/=?^_`{|}~.", r):
			b.WriteRune(r)
		}
	}
	return strings.Trim(b.String(), ".")
}

// AliasFrom is aliasFrom for the cmdlets (New-Mailbox without -Alias).
func AliasFrom(name string) string { return aliasFrom(name) }

// EscapeDN escapes the characters a relative distinguished name must escape (a renamed
// recipient's new CN goes through it too).
func EscapeDN(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(",+\"\\<>;=", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// OrganizationalUnit is the OrganizationalUnit every recipient of the demo forest shows.
func OrganizationalUnit(t store.Tenant) string {
	if t.InitialDomain == "" || strings.EqualFold(t.InitialDomain, InitialDomain) {
		return ouPath
	}
	return "nampr11a004.prod.outlook.com/Microsoft Exchange Hosted Organizations/" + t.InitialDomain
}
