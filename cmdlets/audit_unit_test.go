package cmdlets

import (
	"slices"
	"testing"

	"github.com/exosh/exosh/store"
)

func TestFolderPath(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"Inbox", "Inbox", true},
		{`\inbox`, "Inbox", true},
		{"/Sent Items/", "Sent Items", true},
		{`recoverable items\deletions`, `Recoverable Items\Deletions`, true},
		{"Recoverable Items/Purges", `Recoverable Items\Purges`, true},
		{"Projects", "", false},
		{"", "", false},
	} {
		got, ok := folderPath(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("folderPath(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

// TestReportQuery checks the mapping of the report's log types to searches: all
// non-owners include datacenter staff, External is only them, the other two exclude them.
func TestReportQuery(t *testing.T) {
	for _, tc := range []struct {
		logType  string
		logons   []string
		external *bool
	}{
		{"AllNonOwners", []string{"Admin", "Delegate"}, nil},
		{"", []string{"Admin", "Delegate"}, nil},
		{"External", []string{"Admin", "Delegate"}, new(true)},
		{"AdminsAndDelegates", []string{"Admin", "Delegate"}, new(false)},
		{"Admins", []string{"Admin"}, new(false)},
	} {
		q := reportQuery(tc.logType)
		if !slices.Equal(q.LogonTypes, tc.logons) {
			t.Errorf("%s: LogonTypes %v, want %v", tc.logType, q.LogonTypes, tc.logons)
		}
		if (q.ExternalAccess == nil) != (tc.external == nil) || q.ExternalAccess != nil && *q.ExternalAccess != *tc.external {
			t.Errorf("%s: ExternalAccess %v, want %v", tc.logType, q.ExternalAccess, tc.external)
		}
	}
}

// TestAuditRecordFields checks which fields an entry fills for item, move and
// mailbox-level actions.
func TestAuditRecordFields(t *testing.T) {
	tn := &tenant{}
	m := &store.Recipient{Guid: store.ID{1}, ExchangeGuid: store.ID{2}, Name: "kwok", DisplayName: "Ken Kwok",
		UserPrincipalName: "kwok@contoso.com", RecipientTypeDetails: "UserMailbox"}
	who := actor{rec: &store.Recipient{Guid: store.ID{3}, DisplayName: "Ben Smith", UserPrincipalName: "bsmith@contoso.com"}}
	it := store.Item{Mailbox: m.Guid, ID: store.ID{9}, Folder: "Inbox", Subject: "Plan"}

	r := tn.auditRecord(m, who, &entry{action: "Update", logonType: "Delegate", result: "Succeeded", folder: "Inbox", item: &it})
	if r.ItemSubject != "Plan" || r.FolderPathName != `\Inbox` || r.FolderName != "Inbox" || r.DestFolderPathName != "" ||
		r.UserId != "bsmith@contoso.com" || r.LogonUserDisplayName != "Ben Smith" || r.MailboxResolvedOwnerName != "Ken Kwok" {
		t.Errorf("Update record: %+v", r)
	}
	r = tn.auditRecord(m, who, &entry{action: "Move", logonType: "Admin", result: "Succeeded", folder: "Inbox", destFolder: "Archive",
		sourceItems: []store.Item{it}})
	if r.ItemSubject != "" || !slices.Equal(r.SourceItems, []string{"Plan"}) || r.DestFolderPathName != `\Archive` ||
		r.DestMailboxGuid != m.ExchangeGuid || r.ItemId == "" {
		t.Errorf("Move record: %+v", r)
	}
	r = tn.auditRecord(m, actor{name: "Microsoft Operator"}, &entry{action: "MailboxLogin", logonType: "Admin", external: true})
	if r.FolderPathName != "" || r.UserId != "Microsoft Operator" || !r.ExternalAccess || r.LogonUserSid == "" {
		t.Errorf("external record: %+v", r)
	}
	if a, b := sidOf(store.ID{1}), sidOf(store.ID{1}); a != b || a == sidOf(store.ID{2}) {
		t.Errorf("sidOf is not stable and distinct: %s %s", a, b)
	}
}

// TestActionDenied checks which rights each action needs and whether a refusal is logged.
func TestActionDenied(t *testing.T) {
	for _, tc := range []struct {
		action, logon string
		acc           access
		denied, log   bool
	}{
		{"Update", "Delegate", access{fullAccess: true}, false, false},
		{"Update", "Delegate", access{sendAs: true}, true, false},
		{"SendAs", "Delegate", access{fullAccess: true}, true, true},
		{"SendAs", "Delegate", access{sendAs: true}, false, false},
		{"SendOnBehalf", "Delegate", access{sendOnBehalf: true}, false, false},
		{"SendAs", "Owner", access{owner: true}, true, false},
		{"Send", "Delegate", access{fullAccess: true}, true, false},
		{"MailboxLogin", "Admin", access{admin: true}, true, false},
		{"MailboxLogin", "Owner", access{owner: true}, false, false},
		{"HardDelete", "Admin", access{admin: true}, false, false},
	} {
		a := &invokeMailboxAction{Action: tc.action}
		logged, err := a.denied(tc.logon, tc.acc)
		if (err != nil) != tc.denied || logged != tc.log {
			t.Errorf("%s as %s with %+v: err %v logged %v; want denied %v logged %v", tc.action, tc.logon, tc.acc, err, logged, tc.denied, tc.log)
		}
	}
}
