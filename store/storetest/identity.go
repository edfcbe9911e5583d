package storetest

import (
	"errors"
	"strings"
	"testing"

	"github.com/exosh/exosh/store"
)

func identityTests() []test {
	return []test{
		{"IdentityEveryForm", testIdentityEveryForm},
		{"IdentityNotFound", testIdentityNotFound},
		{"IdentityAmbiguous", testIdentityAmbiguous},
		{"IdentityTierOrder", testIdentityTierOrder},
		{"IdentityClasses", testIdentityClasses},
		{"IdentitySoftDeleted", testIdentitySoftDeleted},
	}
}

func testIdentityEveryForm(t *testing.T, s store.Store) {
	adele := Mailbox(1, "adele.vance")
	create(t, s, adele, Mailbox(2, "bob"), Group(3, "sales"))
	g := adele.Guid.String()
	forms := []string{
		g,
		strings.ToUpper(g),
		"{" + g + "}",
		strings.ReplaceAll(g, "-", ""),
		adele.ExchangeGuid.String(),
		adele.ExternalDirectoryObjectId,
		adele.DistinguishedName,
		strings.ToLower(adele.DistinguishedName),
		adele.PrimarySmtpAddress,
		"ADELE.VANCE@CONTOSO.ONMICROSOFT.COM",
		"adele.vance@contoso.com",
		"smtp:adele.vance@contoso.com",
		"X500:/o=Legacy/cn=adele.vance",
		adele.UserPrincipalName,
		adele.LegacyExchangeDN,
		"adele.vance",
		"Adele Vance",
		"ADELE VANCE",
		adele.SamAccountName,
		`CONTOSO\` + adele.SamAccountName,
	}
	for _, f := range forms {
		r, err := s.Recipient(ctx, f)
		if err != nil {
			t.Errorf("Recipient(%q): %v", f, err)
			continue
		}
		if r.Guid != adele.Guid {
			t.Errorf("Recipient(%q) = %s, want adele.vance", f, r.Name)
		}
	}
	r, err := s.Recipient(ctx, "sales", store.ClassGroup)
	if err != nil || r.Name != "sales" {
		t.Errorf("Recipient(sales, group) = %q, %v", r.Name, err)
	}
	// The record comes back whole.
	r, err = s.RecipientByID(ctx, adele.Guid)
	wantErr(t, "RecipientByID", err, nil)
	same(t, "RecipientByID", r, adele)
}

func testIdentityNotFound(t *testing.T, s store.Store) {
	create(t, s, Mailbox(1, "adele"))
	for _, f := range []string{"nobody", "", "adele@elsewhere.com", ID(0, 99).String(), "adel", "adele*x", "a\x00b"} {
		_, err := s.Recipient(ctx, f)
		wantErr(t, "Recipient("+f+")", err, store.ErrNotFound)
	}
	_, err := s.RecipientByID(ctx, ID(0, 99))
	wantErr(t, "RecipientByID", err, store.ErrNotFound)
}

func testIdentityAmbiguous(t *testing.T, s store.Store) {
	a, b := Mailbox(1, "jsmith"), Mailbox(2, "john.smith")
	a.DisplayName, b.DisplayName = "John Smith", "John Smith"
	create(t, s, a, b)
	_, err := s.Recipient(ctx, "John Smith")
	wantErr(t, "Recipient(John Smith)", err, store.ErrAmbiguous)
	// A Get-* lookup returns every match.
	same(t, "FindRecipients(Identity)", find(t, s, store.RecipientQuery{Identity: "john smith"}), []string{"john.smith", "jsmith"})
	// Unique forms still resolve.
	r, err := s.Recipient(ctx, "jsmith")
	if err != nil || r.Guid != a.Guid {
		t.Errorf("Recipient(jsmith) = %q, %v", r.Name, err)
	}
}

func testIdentityTierOrder(t *testing.T, s store.Store) {
	// "bob" is A's Name but B's Alias: the alias search comes before Name, as in Exchange.
	a, b := Mailbox(1, "alice"), Mailbox(2, "robert")
	a.Name = "bob"
	b.Alias = "bob"
	create(t, s, a, b)
	r, err := s.Recipient(ctx, "bob")
	if err != nil || r.Guid != b.Guid {
		t.Errorf("Recipient(bob) = %q, %v; want the one whose Alias is bob", r.Name, err)
	}
	r, err = s.Recipient(ctx, "alice")
	if err != nil || r.Guid != a.Guid {
		t.Errorf("Recipient(alice) = %q, %v", r.Name, err)
	}
}

func testIdentityClasses(t *testing.T, s store.Store) {
	create(t, s, Mailbox(1, "adele"), Group(2, "sales"), User(3, "guest"))
	_, err := s.Recipient(ctx, "sales", store.ClassMailbox)
	wantErr(t, "Recipient(sales, mailbox)", err, store.ErrNotFound)
	_, err = s.Recipient(ctx, "guest", store.UserClasses...)
	wantErr(t, "Recipient(guest, users)", err, nil)
	_, err = s.Recipient(ctx, "guest", store.MailClasses...)
	wantErr(t, "Recipient(guest, mail)", err, store.ErrNotFound)
	_, err = s.Recipient(ctx, "adele", store.UserClasses...)
	wantErr(t, "Recipient(adele, users)", err, nil)
}

func testIdentitySoftDeleted(t *testing.T, s store.Store) {
	a := Mailbox(1, "adele")
	create(t, s, a, Mailbox(2, "bob"))
	update(t, s, a.Guid, func(r *store.Recipient) { r.IsSoftDeletedByRemove = true })
	_, err := s.Recipient(ctx, "adele")
	wantErr(t, "Recipient(soft-deleted)", err, store.ErrNotFound)
	same(t, "soft-deleted list", find(t, s, store.RecipientQuery{SoftDeleted: true}), []string{"adele"})
	same(t, "soft-deleted by identity", find(t, s, store.RecipientQuery{SoftDeleted: true, Identity: "adele@contoso.com"}), []string{"adele"})
	same(t, "active list", find(t, s, store.RecipientQuery{}), []string{"bob"})
	r, err := s.RecipientByID(ctx, a.Guid)
	if err != nil || !r.SoftDeleted() {
		t.Errorf("RecipientByID(soft-deleted) = %v, %v", r.SoftDeleted(), err)
	}
	// Its identities stay reserved.
	c := Mailbox(3, "carol")
	c.EmailAddresses = append(c.EmailAddresses, "smtp:adele@contoso.com")
	var ce *store.ConflictError
	if err := s.CreateRecipient(ctx, c); !errors.As(err, &ce) || ce.Owner != a.Guid {
		t.Errorf("CreateRecipient with a soft-deleted address: %v", err)
	}
	// Restoring it makes it visible again.
	update(t, s, a.Guid, func(r *store.Recipient) { r.IsSoftDeletedByRemove = false })
	_, err = s.Recipient(ctx, "adele")
	wantErr(t, "Recipient(restored)", err, nil)
}
