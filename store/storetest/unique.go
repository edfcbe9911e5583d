package storetest

import (
	"errors"
	"strconv"
	"testing"

	"github.com/exosh/exosh/store"
)

func uniqueTests() []test {
	return []test{
		{"UniqueOnCreate", testUniqueOnCreate},
		{"UniqueOnUpdate", testUniqueOnUpdate},
		{"UpdateReindexes", testUpdateReindexes},
		{"UpdateNoChange", testUpdateNoChange},
		{"UpdateErrors", testUpdateErrors},
		{"InvalidRecords", testInvalidRecords},
		{"Delete", testDelete},
		{"Seed", testSeed},
		{"ConcurrentUpdates", testConcurrentUpdates},
	}
}

func testUniqueOnCreate(t *testing.T, s store.Store) {
	create(t, s, Mailbox(1, "adele"))
	cases := []struct {
		property string
		change   func(r *store.Recipient)
	}{
		{"Guid", func(r *store.Recipient) { r.Guid = ID(0, 1) }},
		{"Name", func(r *store.Recipient) { r.Name = "ADELE" }},
		{"Alias", func(r *store.Recipient) { r.Alias = "Adele" }},
		{"UserPrincipalName", func(r *store.Recipient) { r.UserPrincipalName = "adele@" + Domain }},
		{"EmailAddresses", func(r *store.Recipient) { r.EmailAddresses = append(r.EmailAddresses, "smtp:ADELE@contoso.com") }},
		{"EmailAddresses", func(r *store.Recipient) { r.PrimarySmtpAddress = "adele@contoso.com" }},
		{"EmailAddresses", func(r *store.Recipient) { r.EmailAddresses = append(r.EmailAddresses, "x500:/o=Legacy/cn=adele") }},
		{"ExternalDirectoryObjectId", func(r *store.Recipient) { r.ExternalDirectoryObjectId = ID(2, 1).String() }},
		{"ExchangeGuid", func(r *store.Recipient) { r.ExchangeGuid = ID(1, 1) }},
		{"DistinguishedName", func(r *store.Recipient) { r.DistinguishedName = Mailbox(1, "adele").DistinguishedName }},
		{"LegacyExchangeDN", func(r *store.Recipient) { r.LegacyExchangeDN = Mailbox(1, "adele").LegacyExchangeDN }},
		{"SamAccountName", func(r *store.Recipient) { r.SamAccountName = Mailbox(1, "adele").SamAccountName }},
	}
	for _, c := range cases {
		r := Mailbox(2, "bob")
		c.change(&r)
		err := s.CreateRecipient(ctx, r)
		var ce *store.ConflictError
		if !errors.As(err, &ce) || !errors.Is(err, store.ErrExists) {
			t.Errorf("%s collision: error %v, want a ConflictError", c.property, err)
			continue
		}
		if ce.Property != c.property || ce.Owner != ID(0, 1) {
			t.Errorf("%s collision: got %+v", c.property, ce)
		}
	}
	// Nothing of the refused recipients was written.
	_, err := s.Recipient(ctx, "bob")
	wantErr(t, "Recipient(bob) after refused creates", err, store.ErrNotFound)
	same(t, "list", find(t, s, store.RecipientQuery{}), []string{"adele"})
	// Display names need not be unique.
	b := Mailbox(2, "bob")
	b.DisplayName = "Adele"
	create(t, s, b)
}

func testUniqueOnUpdate(t *testing.T, s store.Store) {
	create(t, s, Mailbox(1, "adele"), Mailbox(2, "bob"))
	_, _, err := s.UpdateRecipient(ctx, ID(0, 2), func(r *store.Recipient) error {
		r.Alias = "adele"
		r.Department = "Changed"
		return nil
	})
	wantErr(t, "alias taken", err, store.ErrExists)
	r, _ := s.RecipientByID(ctx, ID(0, 2))
	if r.Alias != "bob" || r.Department != "Sales" {
		t.Errorf("refused update changed the record: %+v", r)
	}
	same(t, "department index after refused update", find(t, s, store.RecipientQuery{Equals: []store.Equal{eq(store.PropDepartment, "Changed")}}), []string{})
}

func testUpdateReindexes(t *testing.T, s store.Store) {
	create(t, s, Mailbox(1, "adele"), Mailbox(2, "bob"))
	update(t, s, ID(0, 1), func(r *store.Recipient) {
		r.Name = "zoe"
		r.Alias = "zoe"
		r.DisplayName = "Zoe Z"
		r.EmailAddresses = []string{"SMTP:zoe@" + Domain}
		r.PrimarySmtpAddress = "zoe@" + Domain
		r.UserPrincipalName = "zoe@" + Domain
		r.Department = "Marketing"
		r.RecipientTypeDetails = "SharedMailbox"
		r.AuditEnabled = false
	})
	for _, old := range []string{"adele", "Adele", "adele@contoso.com", "adele@" + Domain, "x500:/o=Legacy/cn=adele"} {
		_, err := s.Recipient(ctx, old)
		wantErr(t, "old identity "+old, err, store.ErrNotFound)
	}
	for _, now := range []string{"zoe", "Zoe Z", "zoe@" + Domain} {
		r, err := s.Recipient(ctx, now)
		if err != nil || r.Guid != ID(0, 1) {
			t.Errorf("new identity %s: %q, %v", now, r.Name, err)
		}
	}
	same(t, "order after rename", find(t, s, store.RecipientQuery{}), []string{"bob", "zoe"})
	same(t, "old department", find(t, s, store.RecipientQuery{Equals: []store.Equal{eq(store.PropDepartment, "sales")}}), []string{"bob"})
	same(t, "new department", find(t, s, store.RecipientQuery{Equals: []store.Equal{eq(store.PropDepartment, "MARKETING")}}), []string{"zoe"})
	same(t, "type", find(t, s, store.RecipientQuery{Equals: []store.Equal{eq(store.PropRecipientTypeDetails, "SharedMailbox")}}), []string{"zoe"})
	same(t, "audit", find(t, s, store.RecipientQuery{Equals: []store.Equal{eq(store.PropAuditEnabled, "false")}}), []string{"zoe"})
	// The freed address can be taken by someone else.
	update(t, s, ID(0, 2), func(r *store.Recipient) { r.EmailAddresses = append(r.EmailAddresses, "smtp:adele@contoso.com") })
	r, err := s.Recipient(ctx, "adele@contoso.com")
	if err != nil || r.Name != "bob" {
		t.Errorf("freed address: %q, %v", r.Name, err)
	}
}

func testUpdateNoChange(t *testing.T, s store.Store) {
	create(t, s, Mailbox(1, "adele"))
	r, changed, err := s.UpdateRecipient(ctx, ID(0, 1), func(r *store.Recipient) error {
		r.Department = "Sales" // already so
		return nil
	})
	if err != nil || changed || r.Name != "adele" {
		t.Errorf("no-op update: changed=%v err=%v", changed, err)
	}
	_, changed, err = s.UpdateRecipient(ctx, ID(0, 1), func(r *store.Recipient) error {
		r.AuditOwner = append(r.AuditOwner, "MailboxLogin")
		return nil
	})
	if err != nil || !changed {
		t.Errorf("real update: changed=%v err=%v", changed, err)
	}
}

func testUpdateErrors(t *testing.T, s store.Store) {
	create(t, s, Mailbox(1, "adele"))
	_, _, err := s.UpdateRecipient(ctx, ID(0, 9), func(*store.Recipient) error { return nil })
	wantErr(t, "missing", err, store.ErrNotFound)
	_, _, err = s.UpdateRecipient(ctx, ID(0, 1), func(r *store.Recipient) error { r.Guid = ID(0, 5); return nil })
	wantErr(t, "guid change", err, store.ErrInvalid)
	boom := errors.New("boom")
	_, _, err = s.UpdateRecipient(ctx, ID(0, 1), func(r *store.Recipient) error { r.Alias = "x"; return boom })
	wantErr(t, "fn error", err, boom)
	if r, _ := s.RecipientByID(ctx, ID(0, 1)); r.Alias != "adele" {
		t.Errorf("failed update was written: alias %q", r.Alias)
	}
}

func testInvalidRecords(t *testing.T, s store.Store) {
	cases := map[string]func(r *store.Recipient){
		"no guid":      func(r *store.Recipient) { r.Guid = store.ID{} },
		"no name":      func(r *store.Recipient) { r.Name = "" },
		"unknown type": func(r *store.Recipient) { r.RecipientTypeDetails = "Spaceship" },
		"nul in alias": func(r *store.Recipient) { r.Alias = "a\x00b" },
		"nul in addr":  func(r *store.Recipient) { r.EmailAddresses = []string{"smtp:a\x00@x"} },
		"nul in dept":  func(r *store.Recipient) { r.Department = "x\x00" },
	}
	for name, change := range cases {
		r := Mailbox(1, "adele")
		change(&r)
		wantErr(t, name, s.CreateRecipient(ctx, r), store.ErrInvalid)
	}
	same(t, "nothing written", find(t, s, store.RecipientQuery{}), []string{})
}

func testDelete(t *testing.T, s store.Store) {
	a := Mailbox(1, "adele")
	create(t, s, a, Mailbox(2, "bob"))
	wantErr(t, "delete", s.DeleteRecipient(ctx, a.Guid), nil)
	wantErr(t, "delete again", s.DeleteRecipient(ctx, a.Guid), store.ErrNotFound)
	for _, f := range []string{"adele", a.PrimarySmtpAddress, a.Guid.String(), "Adele"} {
		_, err := s.Recipient(ctx, f)
		wantErr(t, "after delete "+f, err, store.ErrNotFound)
	}
	same(t, "list", find(t, s, store.RecipientQuery{}), []string{"bob"})
	same(t, "by department", find(t, s, store.RecipientQuery{Equals: []store.Equal{eq(store.PropDepartment, "Sales")}}), []string{"bob"})
	// Every identity is free again.
	create(t, s, Mailbox(3, "adele"))
}

func testSeed(t *testing.T, s store.Store) {
	create(t, s, Mailbox(1, "adele"))
	var rs []store.Recipient
	for i := 10; i < 60; i++ {
		rs = append(rs, Mailbox(i, "user"+string(rune('a'+i%26))+string(rune('a'+i/26))))
	}
	wantErr(t, "seed", s.SeedRecipients(ctx, rs), nil)
	if got := len(findAll(t, s, store.RecipientQuery{}, 7)); got != 51 {
		t.Errorf("after seed: %d recipients, want 51", got)
	}
	r, err := s.Recipient(ctx, rs[3].PrimarySmtpAddress)
	if err != nil || r.Guid != rs[3].Guid {
		t.Errorf("seeded address: %q, %v", r.Name, err)
	}
	// A collision with the tenant or within the batch writes nothing.
	clash := []store.Recipient{Mailbox(100, "fresh"), Mailbox(101, "adele")}
	wantErr(t, "seed clash with tenant", s.SeedRecipients(ctx, clash), store.ErrExists)
	twice := []store.Recipient{Mailbox(102, "twin"), Mailbox(103, "twin")}
	wantErr(t, "seed clash within batch", s.SeedRecipients(ctx, twice), store.ErrExists)
	_, err = s.Recipient(ctx, "fresh")
	wantErr(t, "refused seed", err, store.ErrNotFound)
}

// testConcurrentUpdates runs read-modify-writes of one record from several goroutines:
// none may be lost (the store retries transactions that lose a conflict).
func testConcurrentUpdates(t *testing.T, s store.Store) {
	create(t, s, Mailbox(1, "counter"))
	release, err := s.Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	const workers, each = 4, 50
	errs := make(chan error, workers)
	for range workers {
		go func() {
			var err error
			for range each {
				_, _, err = s.UpdateRecipient(ctx, ID(0, 1), func(r *store.Recipient) error {
					n, _ := strconv.Atoi(r.CustomAttributes[0])
					r.CustomAttributes[0] = strconv.Itoa(n + 1)
					return nil
				})
				if err != nil {
					break
				}
			}
			errs <- err
		}()
	}
	for range workers {
		if err := <-errs; err != nil {
			t.Errorf("worker: %v", err)
		}
	}
	r, _ := s.RecipientByID(ctx, ID(0, 1))
	if r.CustomAttributes[0] != strconv.Itoa(workers*each) {
		t.Errorf("counter = %q, want %d", r.CustomAttributes[0], workers*each)
	}
}
