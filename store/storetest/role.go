package storetest

import (
	"testing"

	"github.com/exosh/exosh/store"
)

func roleTests() []test {
	return []test{
		{"RoleGroupLifecycle", testRoleGroupLifecycle},
		{"RoleGroupRefusals", testRoleGroupRefusals},
		{"SeedRoleGroups", testSeedRoleGroups},
		{"RoleGroupSnapshotReset", testRoleGroupSnapshotReset},
	}
}

// roles returns the store's role groups or fails: every Store keeps them.
func roles(t *testing.T, s store.Store) store.Roles {
	t.Helper()
	r, ok := s.(store.Roles)
	if !ok {
		t.Fatalf("%T does not keep role groups (store.Roles)", s)
	}
	return r
}

func roleGroup(n int, name string, members ...store.ID) store.RoleGroup {
	return store.RoleGroup{Guid: ID(5, n), Name: name, Roles: []string{"Mail Recipients"}, Members: members,
		WhenCreated: fixedTime, WhenChanged: fixedTime}
}

func testRoleGroupLifecycle(t *testing.T, s store.Store) {
	r := roles(t, s)
	wantErr(t, "create", r.CreateRoleGroup(ctx, roleGroup(1, "Zeta Admins", ID(0, 1))), nil)
	wantErr(t, "create", r.CreateRoleGroup(ctx, roleGroup(2, "Alpha Admins")), nil)
	for _, identity := range []string{"zeta admins", "ZETA ADMINS", ID(5, 1).String()} {
		g, err := r.RoleGroup(ctx, identity)
		wantErr(t, "RoleGroup("+identity+")", err, nil)
		if g.Name != "Zeta Admins" || !g.HasMember(ID(0, 1)) {
			t.Errorf("RoleGroup(%s) = %+v", identity, g)
		}
	}
	all, err := r.RoleGroups(ctx)
	wantErr(t, "RoleGroups", err, nil)
	if len(all) != 2 || all[0].Name != "Alpha Admins" || all[1].Name != "Zeta Admins" {
		t.Errorf("RoleGroups not ordered by name: %+v", all)
	}
	g, err := r.UpdateRoleGroup(ctx, ID(5, 2), func(g *store.RoleGroup) error {
		g.Members = append(g.Members, ID(0, 7))
		g.Roles = append(g.Roles, "Audit Logs")
		return nil
	})
	wantErr(t, "UpdateRoleGroup", err, nil)
	got, _ := r.RoleGroup(ctx, "Alpha Admins")
	same(t, "updated group", got, g)
	wantErr(t, "DeleteRoleGroup", r.DeleteRoleGroup(ctx, ID(5, 1)), nil)
	_, err = r.RoleGroup(ctx, "Zeta Admins")
	wantErr(t, "deleted group", err, store.ErrNotFound)
	// The name is free again.
	wantErr(t, "re-create", r.CreateRoleGroup(ctx, roleGroup(3, "zeta admins")), nil)
}

func testRoleGroupRefusals(t *testing.T, s store.Store) {
	r := roles(t, s)
	wantErr(t, "create", r.CreateRoleGroup(ctx, roleGroup(1, "Auditors")), nil)
	wantErr(t, "same name", r.CreateRoleGroup(ctx, roleGroup(2, "AUDITORS")), store.ErrExists)
	wantErr(t, "same Guid", r.CreateRoleGroup(ctx, roleGroup(1, "Other")), store.ErrExists)
	wantErr(t, "no name", r.CreateRoleGroup(ctx, roleGroup(3, " ")), store.ErrInvalid)
	wantErr(t, "NUL", r.CreateRoleGroup(ctx, roleGroup(4, "a\x00b")), store.ErrInvalid)
	_, err := r.UpdateRoleGroup(ctx, ID(5, 1), func(g *store.RoleGroup) error { g.Name = "Renamed"; return nil })
	wantErr(t, "rename", err, store.ErrInvalid)
	_, err = r.UpdateRoleGroup(ctx, ID(5, 1), func(g *store.RoleGroup) error {
		g.Members = []store.ID{ID(0, 1)}
		return store.ErrInvalid
	})
	wantErr(t, "fn error", err, store.ErrInvalid)
	g, _ := r.RoleGroup(ctx, "Auditors")
	if len(g.Members) != 0 {
		t.Errorf("refused update was written: %+v", g)
	}
	_, err = r.UpdateRoleGroup(ctx, ID(5, 9), func(*store.RoleGroup) error { return nil })
	wantErr(t, "update missing", err, store.ErrNotFound)
	wantErr(t, "delete missing", r.DeleteRoleGroup(ctx, ID(5, 9)), store.ErrNotFound)
	_, err = r.RoleGroup(ctx, "Nobody")
	wantErr(t, "missing", err, store.ErrNotFound)
	_, err = r.RoleGroup(ctx, "x\x00")
	wantErr(t, "NUL lookup", err, store.ErrNotFound)
}

func testSeedRoleGroups(t *testing.T, s store.Store) {
	create(t, s, Mailbox(1, "admin"), Mailbox(2, "quinn"))
	seeder, ok := s.(store.RoleSeeder)
	if !ok {
		t.Fatalf("%T cannot seed role groups", s)
	}
	members := map[string][]string{
		store.OrganizationManagement: {"admin@" + Domain, "nobody@" + Domain},
		"Help Desk":                  {"quinn"},
	}
	wantErr(t, "seed", store.SeedRoleGroups(ctx, seeder, fixedTime, members), nil)
	all, _ := seeder.RoleGroups(ctx)
	if len(all) != len(store.BuiltinRoleGroups()) {
		t.Fatalf("seeded %d role groups, want %d", len(all), len(store.BuiltinRoleGroups()))
	}
	om, err := seeder.RoleGroup(ctx, store.OrganizationManagement)
	wantErr(t, "Organization Management", err, nil)
	same(t, "Organization Management members", om.Members, []store.ID{ID(0, 1)})
	if !om.BuiltIn || om.Guid != store.RoleGroupID(store.OrganizationManagement) {
		t.Errorf("Organization Management: %+v", om)
	}
	hd, _ := seeder.RoleGroup(ctx, "help desk")
	same(t, "Help Desk members", hd.Members, []store.ID{ID(0, 2)})
	// A second seeding leaves the tenant's groups alone.
	_, _ = seeder.UpdateRoleGroup(ctx, hd.Guid, func(g *store.RoleGroup) error { g.Members = nil; return nil })
	wantErr(t, "seed again", store.SeedRoleGroups(ctx, seeder, fixedTime, members), nil)
	hd, _ = seeder.RoleGroup(ctx, "help desk")
	if len(hd.Members) != 0 {
		t.Errorf("second seeding changed Help Desk: %+v", hd.Members)
	}
	if err := s.Reset(ctx); err != nil {
		t.Fatal(err)
	}
	err = store.SeedRoleGroups(ctx, seeder, fixedTime, map[string][]string{"No Such Group": {"admin"}})
	wantErr(t, "unknown group", err, store.ErrNotFound)
}

func testRoleGroupSnapshotReset(t *testing.T, s store.Store) {
	r := roles(t, s)
	wantErr(t, "create", r.CreateRoleGroup(ctx, roleGroup(1, "Auditors", ID(0, 3))), nil)
	if _, err := s.SaveSnapshot(ctx, "before", false); err != nil {
		t.Fatal(err)
	}
	_, _ = r.UpdateRoleGroup(ctx, ID(5, 1), func(g *store.RoleGroup) error { g.Members = nil; return nil })
	wantErr(t, "create", r.CreateRoleGroup(ctx, roleGroup(2, "Later")), nil)
	wantErr(t, "restore", s.RestoreSnapshot(ctx, "before"), nil)
	all, _ := r.RoleGroups(ctx)
	if len(all) != 1 || !all[0].HasMember(ID(0, 3)) {
		t.Errorf("after restore: %+v", all)
	}
	wantErr(t, "reset", s.Reset(ctx), nil)
	all, _ = r.RoleGroups(ctx)
	if len(all) != 0 {
		t.Errorf("after reset: %+v", all)
	}
}
