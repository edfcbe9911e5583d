package storetest

import (
	"testing"

	"github.com/exosh/exosh/store"
)

func snapshotTests() []test {
	return []test{
		{"SnapshotRestoreExact", testSnapshotRestoreExact},
		{"SnapshotCatalog", testSnapshotCatalog},
		{"Reset", testReset},
	}
}

// tenantDump is everything the store holds, read through the interfaces.
type tenantDump struct {
	Active, SoftDeleted []store.Recipient
	Members             map[store.ID][]store.ID
	MailboxPerms        map[store.ID][]store.MailboxPermission
	RecipientPerms      map[store.ID][]store.RecipientPermission
	Tenant              store.Tenant
	Org                 store.OrganizationConfig
	Bypasses            []store.AuditBypass
}

func dump(t *testing.T, s store.Store) tenantDump {
	t.Helper()
	d := tenantDump{Members: map[store.ID][]store.ID{}, MailboxPerms: map[store.ID][]store.MailboxPermission{}, RecipientPerms: map[store.ID][]store.RecipientPermission{}}
	var err error
	d.Active, _, err = s.FindRecipients(ctx, store.RecipientQuery{Limit: 10000})
	wantErr(t, "dump active", err, nil)
	d.SoftDeleted, _, err = s.FindRecipients(ctx, store.RecipientQuery{Limit: 10000, SoftDeleted: true})
	wantErr(t, "dump soft-deleted", err, nil)
	for _, r := range append(append([]store.Recipient{}, d.Active...), d.SoftDeleted...) {
		if ids, _, _ := s.Members(ctx, r.Guid, 10000, ""); len(ids) > 0 {
			d.Members[r.Guid] = ids
		}
		if ps, _ := s.MailboxPermissions(ctx, r.Guid); len(ps) > 0 {
			d.MailboxPerms[r.Guid] = ps
		}
		if ps, _ := s.RecipientPermissions(ctx, r.Guid); len(ps) > 0 {
			d.RecipientPerms[r.Guid] = ps
		}
	}
	d.Tenant, _ = s.Tenant(ctx)
	d.Org, _ = s.OrganizationConfig(ctx)
	d.Bypasses, _, _ = s.AuditBypasses(ctx, 10000, "")
	return d
}

// populate fills a small but varied tenant.
func populate(t *testing.T, s store.Store) {
	t.Helper()
	for i := 1; i <= 20; i++ {
		create(t, s, Mailbox(i, "user"+string(rune('a'+i))))
	}
	create(t, s, Group(50, "sales"))
	wantErr(t, "member", s.AddMember(ctx, ID(0, 50), ID(0, 3)), nil)
	update(t, s, ID(0, 4), func(r *store.Recipient) { r.IsSoftDeletedByRemove = true })
	wantErr(t, "perm", s.PutMailboxPermission(ctx, store.MailboxPermission{Mailbox: ID(0, 1), User: store.Trustee{ID: ID(0, 2)}, AccessRights: []string{"FullAccess"}}), nil)
	wantErr(t, "sendas", s.PutRecipientPermission(ctx, store.RecipientPermission{Recipient: ID(0, 50), Trustee: store.Trustee{ID: ID(0, 2)}, AccessRights: []string{"SendAs"}}), nil)
	_, err := s.UpdateTenant(ctx, func(t *store.Tenant) error {
		t.Name, t.Clock = "contoso", store.ClockSetting{Mode: store.ClockPinned, Pinned: fixedTime}
		t.AuditDefaults = "2011"
		return nil
	})
	wantErr(t, "tenant", err, nil)
	_, err = s.UpdateOrganizationConfig(ctx, func(c *store.OrganizationConfig) error { c.Name = "contoso"; return nil })
	wantErr(t, "org", err, nil)
	wantErr(t, "bypass", s.PutAuditBypass(ctx, store.AuditBypass{ID: ID(0, 5), Name: "userf", AuditBypassEnabled: true}), nil)
}

func testSnapshotRestoreExact(t *testing.T, s store.Store) {
	populate(t, s)
	before := dump(t, s)
	info, err := s.SaveSnapshot(ctx, "Baseline", false)
	wantErr(t, "save", err, nil)
	if info.Name != "Baseline" || info.Recipients != 21 {
		t.Errorf("snapshot info: %+v", info)
	}
	// Change everything in every family.
	wantErr(t, "delete", s.DeleteRecipient(ctx, ID(0, 1)), nil)
	update(t, s, ID(0, 2), func(r *store.Recipient) { r.Alias = "renamed"; r.Department = "IT" })
	create(t, s, Mailbox(99, "newcomer"))
	wantErr(t, "remove member", s.RemoveMember(ctx, ID(0, 50), ID(0, 3)), nil)
	_, err = s.UpdateOrganizationConfig(ctx, func(c *store.OrganizationConfig) error { c.AuditDisabled = true; return nil })
	wantErr(t, "org", err, nil)
	_, err = s.UpdateTenant(ctx, func(t *store.Tenant) error { t.Clock, t.AuditDefaults = store.ClockSetting{}, ""; return nil })
	wantErr(t, "clock", err, nil)
	wantErr(t, "bypass", s.DeleteAuditBypass(ctx, ID(0, 5)), nil)

	wantErr(t, "restore", s.RestoreSnapshot(ctx, "baseline"), nil)
	same(t, "restored tenant", dump(t, s), before)
	_, err = s.Recipient(ctx, "newcomer")
	wantErr(t, "newcomer gone", err, store.ErrNotFound)
	r, err := s.Recipient(ctx, "userc")
	if err != nil || r.Alias != "userc" {
		t.Errorf("restored identity: %q, %v", r.Alias, err)
	}
	// The restored state is fully usable.
	create(t, s, Mailbox(99, "newcomer"))
	wantErr(t, "restore twice", s.RestoreSnapshot(ctx, "Baseline"), nil)
	same(t, "restored twice", dump(t, s), before)
}

func testSnapshotCatalog(t *testing.T, s store.Store) {
	populate(t, s)
	list, err := s.ListSnapshots(ctx)
	if err != nil || len(list) != 0 {
		t.Errorf("no snapshots yet: %v, %v", list, err)
	}
	for _, n := range []string{"b-two", "A one", "c_3.x"} {
		if _, err := s.SaveSnapshot(ctx, n, false); err != nil {
			t.Errorf("save %q: %v", n, err)
		}
	}
	_, err = s.SaveSnapshot(ctx, "A ONE", false)
	wantErr(t, "save existing", err, store.ErrExists)
	_, err = s.SaveSnapshot(ctx, "A ONE", true)
	wantErr(t, "replace", err, nil)
	for _, bad := range []string{"", "../x", "a/b", ".hidden", "x\x00"} {
		_, err := s.SaveSnapshot(ctx, bad, false)
		wantErr(t, "bad name "+bad, err, store.ErrInvalid)
	}
	list, err = s.ListSnapshots(ctx)
	wantErr(t, "list", err, nil)
	var got []string
	for _, i := range list {
		got = append(got, i.Name)
		if i.Size <= 0 || i.Recipients != 21 {
			t.Errorf("snapshot %q: %+v", i.Name, i)
		}
	}
	same(t, "names", got, []string{"A ONE", "b-two", "c_3.x"})
	wantErr(t, "delete", s.DeleteSnapshot(ctx, "B-TWO"), nil)
	wantErr(t, "delete again", s.DeleteSnapshot(ctx, "b-two"), store.ErrNotFound)
	wantErr(t, "restore missing", s.RestoreSnapshot(ctx, "b-two"), store.ErrNotFound)
	list, _ = s.ListSnapshots(ctx)
	if len(list) != 2 {
		t.Errorf("after delete: %v", list)
	}
}

func testReset(t *testing.T, s store.Store) {
	populate(t, s)
	_, err := s.SaveSnapshot(ctx, "keep", false)
	wantErr(t, "save", err, nil)
	wantErr(t, "reset", s.Reset(ctx), nil)
	same(t, "empty", find(t, s, store.RecipientQuery{}), []string{})
	_, err = s.Tenant(ctx)
	wantErr(t, "tenant after reset", err, store.ErrNotFound)
	_, err = s.Recipient(ctx, "userb")
	wantErr(t, "identity after reset", err, store.ErrNotFound)
	create(t, s, Mailbox(2, "userb")) // identities are free
	list, _ := s.ListSnapshots(ctx)
	if len(list) != 1 {
		t.Errorf("snapshots after reset: %v", list)
	}
	wantErr(t, "restore after reset", s.RestoreSnapshot(ctx, "keep"), nil)
	if got := len(find(t, s, store.RecipientQuery{})); got != 20 {
		t.Errorf("after restore: %d active recipients", got)
	}
}
