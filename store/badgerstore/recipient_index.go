package badgerstore

import (
	"fmt"
	"slices"

	"github.com/exosh/exosh/store"
)

// uniqueEntry is one unique identity of a recipient (family 11).
type uniqueEntry struct {
	kind  idKind
	value string // as given, for error messages
	key   []byte
}

// recipientIndex validates r and returns every index entry it must have: its unique
// identities and its plain (empty-valued) index keys. Keeping this in one function is what
// lets writes, deletes and Verify agree on the index.
func recipientIndex(r *store.Recipient) ([]uniqueEntry, [][]byte, error) {
	class, err := validateRecipient(r)
	if err != nil {
		return nil, nil, err
	}
	var unique []uniqueEntry
	seen := map[string]bool{}
	addUnique := func(kind idKind, v string) {
		if v == "" {
			return
		}
		k := identityKey(kind, v)
		if seen[string(k)] {
			return
		}
		seen[string(k)] = true
		unique = append(unique, uniqueEntry{kind: kind, value: v, key: k})
	}
	addUnique(kindName, r.Name)
	addUnique(kindAlias, r.Alias)
	addUnique(kindUPN, r.UserPrincipalName)
	for _, a := range r.SmtpAddresses() {
		addUnique(kindSMTP, a)
	}
	for _, a := range r.X500Addresses() {
		addUnique(kindX500, a)
	}
	addUnique(kindEDOID, r.ExternalDirectoryObjectId)
	if !r.ExchangeGuid.IsZero() {
		addUnique(kindExchangeGuid, r.ExchangeGuid.String())
	}
	addUnique(kindDN, r.DistinguishedName)
	addUnique(kindLegacyDN, r.LegacyExchangeDN)
	addUnique(kindSam, r.SamAccountName)

	state := stateOf(r)
	plain := [][]byte{nameKey(state, class, r.Name, r.Guid)}
	if r.DisplayName != "" {
		plain = append(plain, displayNameKey(r.DisplayName, r.Guid))
	}
	for _, p := range store.IndexedProperties {
		plain = append(plain, propertyKey(state, class, p, p.Value(r), r.Name, r.Guid))
	}
	return unique, plain, nil
}

// sameIndex reports whether a and b call for the same index entries: it compares every
// field recipientIndex reads, so keep the two in step (TestSameIndexCoversIndexFields
// fails when they drift). An update that changes no indexed field, like most
// Set-Mailbox calls, then skips building and diffing the entries.
func sameIndex(a, b *store.Recipient) bool {
	if a.Guid != b.Guid || a.Name != b.Name || a.Alias != b.Alias || a.DisplayName != b.DisplayName ||
		a.UserPrincipalName != b.UserPrincipalName || a.PrimarySmtpAddress != b.PrimarySmtpAddress ||
		a.ExternalDirectoryObjectId != b.ExternalDirectoryObjectId || a.ExchangeGuid != b.ExchangeGuid ||
		a.DistinguishedName != b.DistinguishedName || a.LegacyExchangeDN != b.LegacyExchangeDN ||
		a.SamAccountName != b.SamAccountName || a.RecipientTypeDetails != b.RecipientTypeDetails ||
		a.SoftDeleted() != b.SoftDeleted() || !slices.Equal(a.EmailAddresses, b.EmailAddresses) {
		return false
	}
	for _, p := range store.IndexedProperties {
		if p.Value(a) != p.Value(b) {
			return false
		}
	}
	return true
}

// validateRecipient checks what the store itself relies on: a Guid, a Name, a known
// RecipientTypeDetails and no NUL in any indexed string.
func validateRecipient(r *store.Recipient) (store.Class, error) {
	if r.Guid.IsZero() {
		return 0, fmt.Errorf("recipient %q has no Guid: %w", r.Name, store.ErrInvalid)
	}
	if r.Name == "" {
		return 0, fmt.Errorf("recipient %s has no Name: %w", r.Guid, store.ErrInvalid)
	}
	class, ok := store.ClassOf(r.RecipientTypeDetails)
	if !ok {
		return 0, fmt.Errorf("recipient %q: RecipientTypeDetails %q is not a recipient type: %w",
			r.Name, r.RecipientTypeDetails, store.ErrInvalid)
	}
	fields := []struct{ name, v string }{
		{"Name", r.Name}, {"Alias", r.Alias}, {"DisplayName", r.DisplayName},
		{"UserPrincipalName", r.UserPrincipalName}, {"PrimarySmtpAddress", r.PrimarySmtpAddress},
		{"ExternalDirectoryObjectId", r.ExternalDirectoryObjectId}, {"DistinguishedName", r.DistinguishedName},
		{"LegacyExchangeDN", r.LegacyExchangeDN}, {"SamAccountName", r.SamAccountName},
	}
	for _, e := range r.EmailAddresses {
		fields = append(fields, struct{ name, v string }{"EmailAddresses", e})
	}
	for _, p := range store.IndexedProperties {
		fields = append(fields, struct{ name, v string }{string(p), p.Value(r)})
	}
	for _, f := range fields {
		if err := checkString(f.name, f.v); err != nil {
			return 0, err
		}
	}
	return class, nil
}
