package storetest

import (
	"testing"

	"github.com/exosh/exosh/store"
)

func permissionTests() []test {
	return []test{
		{"MailboxPermissions", testMailboxPermissions},
		{"MailboxPermissionsOf", testMailboxPermissionsOf},
		{"RecipientPermissions", testRecipientPermissions},
	}
}

var self = store.Trustee{Name: `NT AUTHORITY\SELF`}

func testMailboxPermissions(t *testing.T, s store.Store) {
	create(t, s, Mailbox(1, "shared"), Mailbox(2, "ann"), Mailbox(3, "ben"))
	ann, ben := store.Trustee{ID: ID(0, 2), Name: "ann@" + Domain}, store.Trustee{ID: ID(0, 3)}
	perms := []store.MailboxPermission{
		{Mailbox: ID(0, 1), User: self, AccessRights: []string{"FullAccess", "ReadPermission"}, InheritanceType: "All"},
		{Mailbox: ID(0, 1), User: ben, AccessRights: []string{"FullAccess"}, InheritanceType: "All", AutoMapping: true},
		{Mailbox: ID(0, 1), User: ann, AccessRights: []string{"FullAccess"}, InheritanceType: "All", AutoMapping: true},
		{Mailbox: ID(0, 1), User: ann, AccessRights: []string{"DeleteItem"}, Deny: true, InheritanceType: "All"},
	}
	for _, p := range perms {
		wantErr(t, "put", s.PutMailboxPermission(ctx, p), nil)
	}
	got, err := s.MailboxPermissions(ctx, ID(0, 1))
	wantErr(t, "list", err, nil)
	for i := range perms {
		perms[i].Seq = uint64(i + 1)
	}
	same(t, "grant order", got, perms)
	// Replacing keeps the place; the trustee name is case-insensitive.
	repl := store.MailboxPermission{Mailbox: ID(0, 1), User: store.Trustee{Name: `nt authority\self`}, AccessRights: []string{"FullAccess"}}
	wantErr(t, "replace", s.PutMailboxPermission(ctx, repl), nil)
	got, _ = s.MailboxPermissions(ctx, ID(0, 1))
	if len(got) != 4 || got[0].Seq != 1 || len(got[0].AccessRights) != 1 {
		t.Errorf("after replace: %+v", got)
	}
	wantErr(t, "delete deny", s.DeleteMailboxPermission(ctx, ID(0, 1), ann, true), nil)
	wantErr(t, "delete again", s.DeleteMailboxPermission(ctx, ID(0, 1), ann, true), store.ErrNotFound)
	got, _ = s.MailboxPermissions(ctx, ID(0, 1))
	if len(got) != 3 || got[2].Deny {
		t.Errorf("after delete: %+v", got)
	}
	wantErr(t, "missing mailbox", s.PutMailboxPermission(ctx, store.MailboxPermission{Mailbox: ID(0, 9), User: ann}), store.ErrNotFound)
	wantErr(t, "no trustee", s.PutMailboxPermission(ctx, store.MailboxPermission{Mailbox: ID(0, 1)}), store.ErrInvalid)
	// Deleting the mailbox removes the entries on it.
	wantErr(t, "delete mailbox", s.DeleteRecipient(ctx, ID(0, 1)), nil)
	got, _ = s.MailboxPermissions(ctx, ID(0, 1))
	same(t, "after mailbox delete", got, []store.MailboxPermission(nil))
	of, _, _ := s.MailboxPermissionsOf(ctx, ann, 0, "")
	same(t, "trustee after mailbox delete", of, []store.MailboxPermission(nil))
}

func testMailboxPermissionsOf(t *testing.T, s store.Store) {
	admin := store.Trustee{ID: ID(0, 100)}
	create(t, s, Mailbox(100, "admin"))
	var want []store.ID
	for i := 1; i <= 12; i++ {
		create(t, s, Mailbox(i, "m"+string(rune('a'+i))))
		wantErr(t, "put", s.PutMailboxPermission(ctx, store.MailboxPermission{Mailbox: ID(0, i), User: admin, AccessRights: []string{"FullAccess"}}), nil)
		want = append(want, ID(0, i))
	}
	var got []store.ID
	var after store.Cursor
	for {
		ps, next, err := s.MailboxPermissionsOf(ctx, admin, 5, after)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range ps {
			got = append(got, p.Mailbox)
		}
		if next == "" {
			break
		}
		after = next
	}
	same(t, "trustee's mailboxes", got, want)
	none, _, err := s.MailboxPermissionsOf(ctx, store.Trustee{Name: "nobody"}, 0, "")
	if err != nil || len(none) != 0 {
		t.Errorf("unknown trustee: %v, %v", none, err)
	}
}

func testRecipientPermissions(t *testing.T, s store.Store) {
	create(t, s, Mailbox(1, "shared"), Group(2, "sales"), Mailbox(3, "ann"))
	ann := store.Trustee{ID: ID(0, 3)}
	p := store.RecipientPermission{Recipient: ID(0, 2), Trustee: ann, AccessRights: []string{"SendAs"}, AccessControlType: "Allow"}
	wantErr(t, "put", s.PutRecipientPermission(ctx, p), nil)
	q := store.RecipientPermission{Recipient: ID(0, 1), Trustee: self, AccessRights: []string{"SendAs"}, AccessControlType: "Allow"}
	wantErr(t, "put self", s.PutRecipientPermission(ctx, q), nil)
	got, err := s.RecipientPermissions(ctx, ID(0, 2))
	wantErr(t, "list", err, nil)
	p.Seq = 1
	same(t, "entries", got, []store.RecipientPermission{p})
	of, _, err := s.RecipientPermissionsOf(ctx, ann, 0, "")
	wantErr(t, "of", err, nil)
	same(t, "trustee's entries", of, []store.RecipientPermission{p})
	wantErr(t, "delete", s.DeleteRecipientPermission(ctx, ID(0, 2), ann, false), nil)
	wantErr(t, "delete again", s.DeleteRecipientPermission(ctx, ID(0, 2), ann, false), store.ErrNotFound)
	of, _, _ = s.RecipientPermissionsOf(ctx, ann, 0, "")
	same(t, "trustee's entries after delete", of, []store.RecipientPermission(nil))
}
