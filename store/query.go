package store

import "strings"

// Cursor is an opaque resume point returned with a page of results. The empty Cursor
// starts at the beginning; a returned empty Cursor means there is nothing more.
type Cursor string

// DefaultLimit is the page size used when a query leaves Limit at zero; it is also
// Exchange's default ResultSize.
const DefaultLimit = 1000

// Property names an indexed recipient property. Equality filters on these are answered
// from an index, never by reading every recipient.
type Property string

// Indexed properties. Values compare case-insensitively; booleans index as "true" and
// "false".
const (
	PropRecipientTypeDetails  Property = "RecipientTypeDetails"
	PropDepartment            Property = "Department"
	PropCity                  Property = "City"
	PropOffice                Property = "Office"
	PropCompany               Property = "Company"
	PropCountryOrRegion       Property = "CountryOrRegion"
	PropDatabase              Property = "Database"
	PropAuditEnabled          Property = "AuditEnabled"
	PropLitigationHoldEnabled Property = "LitigationHoldEnabled"
	PropHiddenFromGAL         Property = "HiddenFromAddressListsEnabled"
)

// IndexedProperties lists the indexed properties in the order a query plan prefers them
// (most selective first).
var IndexedProperties = []Property{
	PropDepartment, PropOffice, PropCity, PropCompany, PropCountryOrRegion, PropDatabase,
	PropRecipientTypeDetails, PropLitigationHoldEnabled, PropAuditEnabled, PropHiddenFromGAL,
}

// LookupProperty returns the indexed property with the given name (case-insensitive).
func LookupProperty(name string) (Property, bool) {
	for _, p := range IndexedProperties {
		if strings.EqualFold(string(p), name) {
			return p, true
		}
	}
	return "", false
}

// Value returns the indexed value of p in r.
func (p Property) Value(r *Recipient) string {
	switch p {
	case PropRecipientTypeDetails:
		return r.RecipientTypeDetails
	case PropDepartment:
		return r.Department
	case PropCity:
		return r.City
	case PropOffice:
		return r.Office
	case PropCompany:
		return r.Company
	case PropCountryOrRegion:
		return r.CountryOrRegion
	case PropDatabase:
		return r.Database
	case PropAuditEnabled:
		return boolText(r.AuditEnabled)
	case PropLitigationHoldEnabled:
		return boolText(r.LitigationHoldEnabled)
	case PropHiddenFromGAL:
		return boolText(r.HiddenFromAddressListsEnabled)
	}
	return ""
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// Equal is an equality filter on an indexed property. Value "" matches recipients whose
// property is blank (OPATH's -eq $null).
type Equal struct {
	Property Property
	Value    string
}

// RecipientQuery selects recipients. All given conditions must hold. Results come ordered
// by Name (case-insensitive), then Guid.
type RecipientQuery struct {
	// Classes limits the classes returned; empty means every class.
	Classes []Class
	// SoftDeleted lists soft-deleted recipients instead of active ones.
	SoftDeleted bool
	// Identity, when set, selects what the identity matches: every object an exact
	// identity resolves to (Get-* returns all of them), or, when it contains '*', every
	// object whose Name, Alias, DisplayName or UserPrincipalName matches the pattern.
	Identity string
	// Name and Alias are wildcard patterns ('*' and '?') on those properties.
	Name  string
	Alias string
	// Equals are equality filters on indexed properties.
	Equals []Equal
	// Limit bounds the page (0 means DefaultLimit); After resumes from a previous page.
	Limit int
	After Cursor
}

// HasWildcard reports whether s contains a wildcard character of -like patterns.
func HasWildcard(s string) bool { return strings.ContainsAny(s, "*?") }

// LiteralPrefix returns the part of a wildcard pattern before its first wildcard.
func LiteralPrefix(pattern string) string {
	if i := strings.IndexAny(pattern, "*?"); i >= 0 {
		return pattern[:i]
	}
	return pattern
}

// MatchWildcard reports whether s matches the -like pattern ('*' any run, '?' any one
// character), ignoring case.
func MatchWildcard(pattern, s string) bool {
	p := []rune(strings.ToLower(pattern))
	t := []rune(strings.ToLower(s))
	// Iterative matcher with one backtrack point: linear in practice, never exponential.
	pi, ti, star, mark := 0, 0, -1, 0
	for ti < len(t) {
		switch {
		case pi < len(p) && (p[pi] == '?' || (p[pi] != '*' && p[pi] == t[ti])):
			pi++
			ti++
		case pi < len(p) && p[pi] == '*':
			star, mark = pi, ti
			pi++
		case star >= 0:
			pi = star + 1
			mark++
			ti = mark
		default:
			return false
		}
	}
	for pi < len(p) && p[pi] == '*' {
		pi++
	}
	return pi == len(p)
}
