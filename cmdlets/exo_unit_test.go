package cmdlets

import (
	"strings"
	"testing"
	"time"

	"github.com/exosh/exosh/store"
	"github.com/exosh/exosh/store/demo"
)

func TestFormatBytes(t *testing.T) {
	for _, tc := range []struct {
		n    int64
		want string
	}{
		{0, "0 B (0 bytes)"},
		{512, "512 B (512 bytes)"},
		{262144, "256 KB (262,144 bytes)"},
		{7901842, "7.536 MB (7,901,842 bytes)"},
		{106300440576, "99 GB (106,300,440,576 bytes)"},
		{53150220288, "49.5 GB (53,150,220,288 bytes)"},
		{107374182400, "100 GB (107,374,182,400 bytes)"},
		{1 << 40, "1 TB (1,099,511,627,776 bytes)"},
	} {
		if got := formatBytes(tc.n); got != tc.want {
			t.Errorf("formatBytes(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

func TestParseSize(t *testing.T) {
	for _, tc := range []struct {
		in   any
		want store.Size
		err  string
	}{
		{int32(209715200), 209715200, ""},
		{int64(2097152), 2097152, ""},
		{"200MB", 200 << 20, ""},
		{"1.5 GB", 3 << 29, ""},
		{"100kb", 100 << 10, ""},
		{"unlimited", store.Unlimited, ""},
		{"Unlimited", store.Unlimited, ""},
		{"99 GB (106,300,440,576 bytes)", 106300440576, ""},
		{"lots", 0, "isn't a valid byte quantified size"},
		{"-5MB", 0, "isn't a valid byte quantified size"},
		{"3TB", 0, "must be between"},
	} {
		got, err := parseSize(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("parseSize(%v) error = %v, want %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("parseSize(%v) = %d, %v; want %d", tc.in, got, err, tc.want)
		}
	}
}

func TestParseTimeSpan(t *testing.T) {
	day := 24 * time.Hour
	for _, tc := range []struct {
		in   any
		want time.Duration
		ok   bool
	}{
		{"90.00:00:00", 90 * day, true},
		{"180", 180 * day, true},
		{int32(30), 30 * day, true},
		{"12:30:00", 12*time.Hour + 30*time.Minute, true},
		{"1.02:03:04", day + 2*time.Hour + 3*time.Minute + 4*time.Second, true},
		{"00:00:00", 0, true},
		{"soon", 0, false},
		{"1.25:00:00", 0, false},
	} {
		got, err := parseTimeSpan(tc.in)
		if (err == nil) != tc.ok || (tc.ok && got != tc.want) {
			t.Errorf("parseTimeSpan(%v) = %v, %v; want %v ok=%v", tc.in, got, err, tc.want, tc.ok)
		}
	}
	if s := timeSpan(90 * day).String(); s != "90.00:00:00" {
		t.Errorf("timeSpan string = %q", s)
	}
}

// TestCompileFilter checks the OPATH grammar, the index terms it extracts and its errors.
func TestCompileFilter(t *testing.T) {
	props := propIndex(mailboxFilterProps())
	r := demo.NewRecipient(demo.NewTenant(), demo.Spec{Type: "UserMailbox", Name: "Ken Kwok", Alias: "kwok",
		Department: "Finance", Title: "Analyst", Created: time.Date(2023, 1, 9, 0, 0, 0, 0, time.UTC)})
	for _, tc := range []struct {
		filter string
		match  bool
		equals int
	}{
		{"RecipientTypeDetails -eq 'UserMailbox'", true, 1},
		{"(RecipientTypeDetails -eq 'UserMailbox') -and (Alias -ne 'Admin')", true, 1},
		{"Department -eq 'Finance' -and AuditEnabled -eq $true", true, 2},
		{"Department -eq 'Sales' -or Alias -like 'kw*'", true, 0},
		{"-not (Alias -like 'k*')", false, 0},
		{"Alias -notlike 'x*'", true, 0},
		{"EmailAddresses -eq 'kwok@contoso.onmicrosoft.com'", true, 0},
		{"EmailAddresses -like 'smtp:kwok@*'", true, 0},
		{"EmailAddresses -like 'kwok@*'", false, 0},
		{"PrimarySmtpAddress -eq 'kwok@contoso.onmicrosoft.com'", true, 0},
		{"ForwardingSmtpAddress -eq $null", true, 0},
		{"ForwardingSmtpAddress -ne $null", false, 0},
		{"DisplayName -eq 'Ken Kwok'", true, 0},
		{`DisplayName -eq "Ken Kwok"`, true, 0},
		{"Name -eq 'O''Brien'", false, 0},
		{"WhenCreated -lt '1/1/2030'", true, 0},
	} {
		f, err := compileFilter(tc.filter, props)
		if err != nil {
			t.Errorf("%s: %v", tc.filter, err)
			continue
		}
		if got := f.match(&r); got != tc.match {
			t.Errorf("%s: match = %v, want %v", tc.filter, got, tc.match)
		}
		if len(f.equals) != tc.equals {
			t.Errorf("%s: %d index terms, want %d", tc.filter, len(f.equals), tc.equals)
		}
	}
	for _, tc := range []struct{ filter, want string }{
		{"Colour -eq 'Blue'", `""Colour" is not a recognized filterable property. Valid property names are: Alias,`},
		{"Alias -eq", `"Alias -eq" at position 10.`},
		{"Alias -is 'x'", `at position 7.`},
		{"(Alias -eq 'x'", `at position 15.`},
		{"Alias -eq 'x", `at position 11.`},
		{"Alias -eq $maybe", `at position 11.`},
	} {
		_, err := compileFilter(tc.filter, props)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want it to contain %q", tc.filter, err, tc.want)
		}
		if err != nil && !strings.HasPrefix(err.Error(), "Cannot bind parameter 'Filter' to the target.") {
			t.Errorf("%s: error %q lacks the binding prefix", tc.filter, err)
		}
	}
}

// TestAuditRules checks the logon-type rules and the DefaultAuditSet bookkeeping.
func TestAuditRules(t *testing.T) {
	for _, tc := range []struct {
		logon   string
		actions []string
		ok      bool
	}{
		{"Owner", []string{"MailboxLogin", "SearchQueryInitiated", "Send"}, true},
		{"Owner", []string{"SendAs"}, false},
		{"Owner", []string{"FolderBind"}, false},
		{"Admin", []string{"Copy", "MessageBind", "SendAs", "AddFolderPermissions"}, true},
		{"Admin", []string{"MailboxLogin"}, false},
		{"Delegate", []string{"Send"}, false},
		{"Delegate", []string{"FolderBind", "SendOnBehalf", "None"}, true},
	} {
		err := checkAudit(tc.logon, tc.actions)
		if (err == nil) != tc.ok {
			t.Errorf("%s %v: error %v, want ok=%v", tc.logon, tc.actions, err, tc.ok)
		}
	}
	if got := normalizeAudit([]string{"None", "AddFolderPermissions", "RemoveFolderPermissions", "Update"}); strings.Join(got, ",") != "UpdateFolderPermissions,Update" {
		t.Errorf("normalizeAudit = %v", got)
	}
	set := []string{"Delegate"}
	var admin, delegate, owner []string
	restoreAuditSet("", []string{"owner", "Admin"}, &set, &admin, &delegate, &owner)
	if strings.Join(set, ",") != "Admin,Delegate,Owner" || len(admin) != 13 || delegate != nil || len(owner) != 10 {
		t.Errorf("restoreAuditSet: set %v admin %d delegate %v owner %d", set, len(admin), delegate, len(owner))
	}
	// A 2011 tenant restores the 2011 lists: eight admin actions, none for the owner.
	set = []string{"Owner"}
	restoreAuditSet("2011", []string{"Admin", "Owner"}, &set, &admin, &delegate, &owner)
	if strings.Join(set, ",") != "Admin,Owner" || len(admin) != 8 || len(owner) != 0 {
		t.Errorf("restoreAuditSet 2011: set %v admin %v owner %v", set, admin, owner)
	}
}

// FuzzCompileFilter checks that no filter text makes the OPATH parser or evaluator panic.
func FuzzCompileFilter(f *testing.F) {
	for _, s := range []string{"RecipientTypeDetails -eq 'UserMailbox'", "(A -eq 'x') -and -not (B -like 'y*')",
		"Alias -eq", "EmailAddresses -like 'smtp:a*'", "WhenCreated -gt '8/1/2017 2:00:00 PM'", "((", "'", "-not"} {
		f.Add(s)
	}
	props := propIndex(mailboxFilterProps())
	r := demo.NewRecipient(demo.NewTenant(), demo.Spec{Type: "UserMailbox", Name: "x"})
	f.Fuzz(func(t *testing.T, s string) {
		if cf, err := compileFilter(s, props); err == nil {
			cf.match(&r)
		}
	})
}
