package demo_test

import (
	"slices"
	"testing"

	"github.com/exosh/exosh/store"
	"github.com/exosh/exosh/store/demo"
)

// TestAuditDefaultsVersions: a new mailbox gets the audit lists of its tenant's version,
// and the 2011 lists are exactly the yes cells of the 2011 topic's table.
func TestAuditDefaultsVersions(t *testing.T) {
	spec := demo.Spec{Type: "UserMailbox", Name: "Florence Flipo"}
	cur := demo.NewRecipient(demo.NewTenant(), spec)
	if !slices.Equal(cur.AuditAdmin, demo.DefaultAuditAdmin) || !slices.Equal(cur.AuditOwner, demo.DefaultAuditOwner) {
		t.Errorf("current tenant: admin %v, owner %v", cur.AuditAdmin, cur.AuditOwner)
	}
	tn := demo.NewTenant()
	tn.AuditDefaults = demo.AuditDefaults2011
	old := demo.NewRecipient(tn, spec)
	wantAdmin := []string{"Update", "Move", "MoveToDeletedItems", "SoftDelete", "HardDelete", "FolderBind", "SendAs", "SendOnBehalf"}
	wantDelegate := []string{"Update", "SoftDelete", "HardDelete", "SendAs"}
	if !slices.Equal(old.AuditAdmin, wantAdmin) || !slices.Equal(old.AuditDelegate, wantDelegate) || len(old.AuditOwner) != 0 {
		t.Errorf("2011 tenant: admin %v, delegate %v, owner %v", old.AuditAdmin, old.AuditDelegate, old.AuditOwner)
	}
	if !slices.Equal(old.DefaultAuditSet, demo.DefaultAuditSet) {
		t.Errorf("2011 DefaultAuditSet: %v", old.DefaultAuditSet)
	}
	// Every default action is a row of its version's table.
	for _, v := range demo.AuditDefaultsVersions {
		rows := demo.AuditTableActions(v)
		for _, lt := range demo.DefaultAuditSet {
			for _, a := range demo.AuditDefaultsFor(v, lt) {
				if !slices.Contains(rows, a) {
					t.Errorf("%s %s default %s is not in the table", v, lt, a)
				}
			}
		}
	}
	// Lists handed out are copies.
	demo.AuditDefaultsFor("2011", "Admin")[0] = "Copy"
	if demo.AuditDefaultsFor("2011", "Admin")[0] != "Update" {
		t.Error("AuditDefaultsFor shares its list")
	}
}

// TestApplyAuditDefaults: only the logon types still in DefaultAuditSet are rewritten.
func TestApplyAuditDefaults(t *testing.T) {
	r := demo.NewRecipient(demo.NewTenant(), demo.Spec{Type: "SharedMailbox", Name: "HR Project"})
	r.AuditAdmin = []string{"Copy"}
	r.DefaultAuditSet = []string{"Delegate", "Owner"}
	if !demo.ApplyAuditDefaults(&r, "2011") {
		t.Fatal("no change reported")
	}
	if !slices.Equal(r.AuditAdmin, []string{"Copy"}) || len(r.AuditOwner) != 0 || len(r.AuditDelegate) != 4 {
		t.Errorf("after 2011: %v / %v / %v", r.AuditAdmin, r.AuditDelegate, r.AuditOwner)
	}
	if demo.ApplyAuditDefaults(&r, "2011") {
		t.Error("a second apply reports a change")
	}
	var none store.Recipient
	if demo.ApplyAuditDefaults(&none, "") {
		t.Error("a recipient without DefaultAuditSet changed")
	}
	if !demo.ApplyAuditDefaults(&r, "") || !slices.Equal(r.AuditDelegate, demo.DefaultAuditDelegate) {
		t.Errorf("back to current: %v", r.AuditDelegate)
	}
}
