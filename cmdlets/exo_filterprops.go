package cmdlets

import (
	"strconv"
	"strings"
	"time"

	"github.com/exosh/exosh/store"
)

// propKind says how a filterable property compares.
type propKind int

const (
	propString propKind = iota
	propBool
	propDate
	propProxy // proxy addresses: the prefix is optional unless wildcards are used
)

// filterProp is one property an OPATH filter may name.
type filterProp struct {
	name  string
	kind  propKind
	index store.Property // the store index answering -eq, or ""
	get   func(r *store.Recipient) []string
}

func one(f func(r *store.Recipient) string) func(r *store.Recipient) []string {
	return func(r *store.Recipient) []string { return []string{f(r)} }
}

func boolProp(f func(r *store.Recipient) bool) func(r *store.Recipient) []string {
	return func(r *store.Recipient) []string { return []string{strconv.FormatBool(f(r))} }
}

func dateProp(f func(r *store.Recipient) time.Time) func(r *store.Recipient) []string {
	return func(r *store.Recipient) []string {
		t := f(r)
		if t.IsZero() {
			return []string{""}
		}
		return []string{t.UTC().Format(time.RFC3339Nano)}
	}
}

func sizeProp(f func(r *store.Recipient) store.Size) func(r *store.Recipient) []string {
	return func(r *store.Recipient) []string { return []string{sizeValue(f(r)).String()} }
}

// commonFilterProps are filterable on every recipient cmdlet.
func commonFilterProps() []*filterProp {
	props := []*filterProp{
		{name: "Alias", get: one(func(r *store.Recipient) string { return r.Alias })},
		{name: "City", index: store.PropCity, get: one(func(r *store.Recipient) string { return r.City })},
		{name: "Company", index: store.PropCompany, get: one(func(r *store.Recipient) string { return r.Company })},
		{name: "CountryOrRegion", index: store.PropCountryOrRegion, get: one(func(r *store.Recipient) string { return r.CountryOrRegion })},
		{name: "Department", index: store.PropDepartment, get: one(func(r *store.Recipient) string { return r.Department })},
		{name: "DisplayName", get: one(func(r *store.Recipient) string { return r.DisplayName })},
		{name: "DistinguishedName", get: one(func(r *store.Recipient) string { return r.DistinguishedName })},
		{name: "EmailAddresses", kind: propProxy, get: func(r *store.Recipient) []string { return r.EmailAddresses }},
		{name: "ExternalDirectoryObjectId", get: one(func(r *store.Recipient) string { return r.ExternalDirectoryObjectId })},
		{name: "FirstName", get: one(func(r *store.Recipient) string { return r.FirstName })},
		{name: "Guid", get: one(func(r *store.Recipient) string { return r.Guid.String() })},
		{name: "HiddenFromAddressListsEnabled", kind: propBool, index: store.PropHiddenFromGAL,
			get: boolProp(func(r *store.Recipient) bool { return r.HiddenFromAddressListsEnabled })},
		{name: "Id", get: one(func(r *store.Recipient) string { return r.DistinguishedName })},
		{name: "LastName", get: one(func(r *store.Recipient) string { return r.LastName })},
		{name: "LegacyExchangeDN", get: one(func(r *store.Recipient) string { return r.LegacyExchangeDN })},
		{name: "Name", get: one(func(r *store.Recipient) string { return r.Name })},
		{name: "Office", index: store.PropOffice, get: one(func(r *store.Recipient) string { return r.Office })},
		{name: "Phone", get: one(func(r *store.Recipient) string { return r.Phone })},
		// PrimarySmtpAddress filters search every proxy address, as Exchange's do.
		{name: "PrimarySmtpAddress", kind: propProxy, get: func(r *store.Recipient) []string { return r.EmailAddresses }},
		{name: "RecipientType", get: one(func(r *store.Recipient) string { return r.RecipientType })},
		{name: "RecipientTypeDetails", index: store.PropRecipientTypeDetails, get: one(func(r *store.Recipient) string { return r.RecipientTypeDetails })},
		{name: "SamAccountName", get: one(func(r *store.Recipient) string { return r.SamAccountName })},
		{name: "StateOrProvince", get: one(func(r *store.Recipient) string { return r.StateOrProvince })},
		{name: "Title", get: one(func(r *store.Recipient) string { return r.Title })},
		{name: "WhenChanged", kind: propDate, get: dateProp(func(r *store.Recipient) time.Time { return r.WhenChanged })},
		{name: "WhenChangedUTC", kind: propDate, get: dateProp(func(r *store.Recipient) time.Time { return r.WhenChanged })},
		{name: "WhenCreated", kind: propDate, get: dateProp(func(r *store.Recipient) time.Time { return r.WhenCreated })},
		{name: "WhenCreatedUTC", kind: propDate, get: dateProp(func(r *store.Recipient) time.Time { return r.WhenCreated })},
		{name: "WindowsEmailAddress", get: one(func(r *store.Recipient) string { return r.WindowsEmailAddress })},
	}
	for i := range 15 {
		i := i
		props = append(props, &filterProp{name: "CustomAttribute" + strconv.Itoa(i+1),
			get: one(func(r *store.Recipient) string { return r.CustomAttributes[i] })})
	}
	return props
}

// mailboxFilterProps are the properties Get-Mailbox filters on.
func mailboxFilterProps() []*filterProp {
	return append(commonFilterProps(),
		&filterProp{name: "AuditEnabled", kind: propBool, index: store.PropAuditEnabled,
			get: boolProp(func(r *store.Recipient) bool { return r.AuditEnabled })},
		&filterProp{name: "Database", index: store.PropDatabase, get: one(func(r *store.Recipient) string { return r.Database })},
		&filterProp{name: "DeliverToMailboxAndForward", kind: propBool,
			get: boolProp(func(r *store.Recipient) bool { return r.DeliverToMailboxAndForward })},
		&filterProp{name: "ExchangeGuid", get: one(func(r *store.Recipient) string { return r.ExchangeGuid.String() })},
		&filterProp{name: "ForwardingSmtpAddress", kind: propProxy, get: func(r *store.Recipient) []string {
			if r.ForwardingSmtpAddress == "" {
				return []string{""}
			}
			return []string{"smtp:" + r.ForwardingSmtpAddress}
		}},
		&filterProp{name: "IsInactiveMailbox", kind: propBool, get: boolProp(func(r *store.Recipient) bool { return r.IsInactiveMailbox })},
		&filterProp{name: "IssueWarningQuota", get: sizeProp(func(r *store.Recipient) store.Size { return r.IssueWarningQuota })},
		&filterProp{name: "LitigationHoldEnabled", kind: propBool, index: store.PropLitigationHoldEnabled,
			get: boolProp(func(r *store.Recipient) bool { return r.LitigationHoldEnabled })},
		&filterProp{name: "ProhibitSendQuota", get: sizeProp(func(r *store.Recipient) store.Size { return r.ProhibitSendQuota })},
		&filterProp{name: "UserPrincipalName", get: one(func(r *store.Recipient) string { return r.UserPrincipalName })},
	)
}

// recipientFilterProps are the properties Get-Recipient filters on (no AuditEnabled, no
// UserPrincipalName).
func recipientFilterProps() []*filterProp {
	return append(commonFilterProps(),
		&filterProp{name: "Database", index: store.PropDatabase, get: one(func(r *store.Recipient) string { return r.Database })},
		&filterProp{name: "ExternalEmailAddress", kind: propProxy, get: one(func(r *store.Recipient) string { return r.ExternalEmailAddress })},
	)
}

// userFilterProps are the properties Get-User filters on.
func userFilterProps() []*filterProp {
	return append(commonFilterProps(),
		&filterProp{name: "UserPrincipalName", get: one(func(r *store.Recipient) string { return r.UserPrincipalName })},
		&filterProp{name: "MobilePhone", get: one(func(r *store.Recipient) string { return r.MobilePhone })},
		&filterProp{name: "PostalCode", get: one(func(r *store.Recipient) string { return r.PostalCode })},
		&filterProp{name: "StreetAddress", get: one(func(r *store.Recipient) string { return r.StreetAddress })},
	)
}

// propIndex keys a property list by lower-cased name.
func propIndex(props []*filterProp) map[string]*filterProp {
	m := make(map[string]*filterProp, len(props))
	for _, p := range props {
		m[strings.ToLower(p.name)] = p
	}
	return m
}
