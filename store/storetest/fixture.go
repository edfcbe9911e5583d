package storetest

import (
	"encoding/binary"
	"fmt"
	"strings"

	"github.com/exosh/exosh/store"
)

// Domain is the initial domain of the fixture tenant.
const Domain = "contoso.onmicrosoft.com"

// Vanity is the fixture tenant's custom domain (secondary addresses).
const Vanity = "contoso.com"

// ID returns a deterministic ID for n in the given space (0 object Guids, 1 ExchangeGuids,
// 2 directory object ids), so fixtures never need randomness.
func ID(space byte, n int) store.ID {
	var id store.ID
	id[0] = 0xa0 + space
	binary.BigEndian.PutUint64(id[8:], uint64(n))
	return id
}

// Mailbox returns user mailbox number n with every identity form filled in from alias:
// Name = alias, DisplayName from the alias, UPN and primary address at Domain, a
// secondary address at Vanity, an X500 address, DN, LegacyExchangeDN, SamAccountName,
// ExchangeGuid and ExternalDirectoryObjectId.
func Mailbox(n int, alias string) store.Recipient {
	upn := alias + "@" + Domain
	dn := fmt.Sprintf("CN=%s,OU=%s,OU=Microsoft Exchange Hosted Organizations,DC=EURPR06A001,DC=PROD,DC=OUTLOOK,DC=COM", alias, Domain)
	return store.Recipient{
		Guid:                      ID(0, n),
		ExchangeGuid:              ID(1, n),
		ExternalDirectoryObjectId: ID(2, n).String(),
		Name:                      alias,
		Alias:                     alias,
		DisplayName:               displayName(alias),
		DistinguishedName:         dn,
		LegacyExchangeDN:          fmt.Sprintf("/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=%032x-%s", n, alias),
		SamAccountName:            fmt.Sprintf("$SAM%06d", n),
		UserPrincipalName:         upn,
		PrimarySmtpAddress:        upn,
		WindowsEmailAddress:       upn,
		EmailAddresses: []string{
			"SMTP:" + upn,
			"smtp:" + alias + "@" + Vanity,
			"X500:/o=Legacy/cn=" + alias,
			"SIP:" + upn,
		},
		RecipientType:        "UserMailbox",
		RecipientTypeDetails: "UserMailbox",
		Department:           "Sales",
		City:                 "Seattle",
		Office:               "B1",
		AuditEnabled:         true,
		ProhibitSendQuota:    106300440576,
		AuditAdmin:           []string{"Update", "MoveToDeletedItems"},
	}
}

// Group returns distribution group number n.
func Group(n int, alias string) store.Recipient {
	addr := alias + "@" + Domain
	return store.Recipient{
		Guid:                 ID(0, n),
		Name:                 alias,
		Alias:                alias,
		DisplayName:          displayName(alias),
		PrimarySmtpAddress:   addr,
		EmailAddresses:       []string{"SMTP:" + addr},
		RecipientType:        "MailUniversalDistributionGroup",
		RecipientTypeDetails: "MailUniversalDistributionGroup",
	}
}

// User returns user number n without a mailbox.
func User(n int, name string) store.Recipient {
	return store.Recipient{
		Guid:                      ID(0, n),
		ExternalDirectoryObjectId: ID(2, n).String(),
		Name:                      name,
		DisplayName:               displayName(name),
		UserPrincipalName:         name + "@" + Domain,
		RecipientType:             "User",
		RecipientTypeDetails:      "User",
	}
}

// displayName turns "adele.vance" into "Adele Vance".
func displayName(alias string) string {
	parts := strings.FieldsFunc(alias, func(r rune) bool { return r == '.' || r == '_' || r == '-' })
	for i, p := range parts {
		parts[i] = strings.ToUpper(p[:1]) + p[1:]
	}
	return strings.Join(parts, " ")
}
