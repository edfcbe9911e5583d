package store

import (
	"errors"
	"reflect"
	"testing"
	"time"
)

func TestParseID(t *testing.T) {
	const want = "a117ac14-ab10-4fa3-a17a-4f2ca8ccc35c"
	good := []string{
		want,
		"A117AC14-AB10-4FA3-A17A-4F2CA8CCC35C",
		"{a117ac14-ab10-4fa3-a17a-4f2ca8ccc35c}",
		"(a117ac14-ab10-4fa3-a17a-4f2ca8ccc35c)",
		"a117ac14ab104fa3a17a4f2ca8ccc35c",
		" a117ac14-ab10-4fa3-a17a-4f2ca8ccc35c ",
	}
	for _, s := range good {
		id, err := ParseID(s)
		if err != nil || id.String() != want {
			t.Errorf("ParseID(%q) = %v, %v", s, id, err)
		}
	}
	bad := []string{"", "adele", "a117ac14-ab10-4fa3-a17a-4f2ca8ccc35", "a117ac14ab10-4fa3-a17a-4f2ca8ccc35c0",
		"g117ac14-ab10-4fa3-a17a-4f2ca8ccc35c", "{a117ac14-ab10-4fa3-a17a-4f2ca8ccc35c", "a117ac14-ab10-4fa3-a17a+4f2ca8ccc35c"}
	for _, s := range bad {
		if _, err := ParseID(s); err == nil {
			t.Errorf("ParseID(%q) succeeded", s)
		}
	}
	var id ID
	if !id.IsZero() || id.String() != "00000000-0000-0000-0000-000000000000" {
		t.Errorf("zero ID: %v", id)
	}
	b, _ := MustParseID(want).MarshalText()
	if err := id.UnmarshalText(b); err != nil || id.String() != want {
		t.Errorf("text round trip: %v %v", id, err)
	}
}

func TestMatchWildcard(t *testing.T) {
	cases := []struct {
		pattern, s string
		want       bool
	}{
		{"smith*", "Smith.A", true},
		{"smith*", "asmith", false},
		{"*smith", "asmith", true},
		{"*", "", true},
		{"", "", true},
		{"", "a", false},
		{"a?c", "abc", true},
		{"a?c", "ac", false},
		{"a*b*c", "aXXbYYc", true},
		{"a*b*c", "aXXbYY", false},
		{"*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false},
		{"ÄB*", "äbc", true},
	}
	for _, c := range cases {
		if got := MatchWildcard(c.pattern, c.s); got != c.want {
			t.Errorf("MatchWildcard(%q, %q) = %v", c.pattern, c.s, got)
		}
	}
	if LiteralPrefix("ab*c?") != "ab" || LiteralPrefix("abc") != "abc" || LiteralPrefix("*x") != "" {
		t.Error("LiteralPrefix")
	}
}

func TestClassOf(t *testing.T) {
	cases := map[string]Class{"UserMailbox": ClassMailbox, "sharedmailbox": ClassMailbox, "User": ClassUser,
		"GuestMailUser": ClassMailUser, "MailContact": ClassContact, "RoomList": ClassGroup,
		"MailUniversalSecurityGroup": ClassGroup}
	for rtd, want := range cases {
		if got, ok := ClassOf(rtd); !ok || got != want {
			t.Errorf("ClassOf(%q) = %v, %v", rtd, got, ok)
		}
	}
	if _, ok := ClassOf("Spaceship"); ok {
		t.Error("unknown type accepted")
	}
	if RecipientTypeOf("RoomMailbox") != "UserMailbox" || RecipientTypeOf("x") != "" {
		t.Error("RecipientTypeOf")
	}
}

func TestAddresses(t *testing.T) {
	r := Recipient{
		PrimarySmtpAddress: "Ann@contoso.com",
		EmailAddresses:     []string{"SMTP:ann@contoso.com", "smtp:ann@fabrikam.com", "SIP:ann@contoso.com", "X500:/o=x/cn=ann", "bare@x.com"},
	}
	if got, want := r.SmtpAddresses(), []string{"Ann@contoso.com", "ann@fabrikam.com", "bare@x.com"}; !reflect.DeepEqual(got, want) {
		t.Errorf("SmtpAddresses = %q", got)
	}
	if got := r.X500Addresses(); !reflect.DeepEqual(got, []string{"/o=x/cn=ann"}) {
		t.Errorf("X500Addresses = %q", got)
	}
}

func TestClockSetting(t *testing.T) {
	real := time.Date(2025, 3, 1, 12, 0, 0, 0, time.FixedZone("x", 3600))
	pinned := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		c    ClockSetting
		want time.Time
	}{
		{ClockSetting{}, real.UTC()},
		{ClockSetting{Mode: ClockReal}, real.UTC()},
		{ClockSetting{Mode: ClockPinned, Pinned: pinned}, pinned},
		{ClockSetting{Mode: ClockOffset, Offset: time.Hour}, real.Add(time.Hour).UTC()},
	}
	for _, c := range cases {
		if got := c.c.Now(real); !got.Equal(c.want) || got.Location() != time.UTC {
			t.Errorf("%+v.Now = %v", c.c, got)
		}
		if err := c.c.Validate(); err != nil {
			t.Errorf("%+v.Validate: %v", c.c, err)
		}
	}
	for _, bad := range []ClockSetting{{Mode: ClockPinned}, {Mode: "Later"}} {
		if err := bad.Validate(); !errors.Is(err, ErrInvalid) {
			t.Errorf("%+v.Validate = %v", bad, err)
		}
	}
}

func TestCheckSnapshotName(t *testing.T) {
	for _, good := range []string{"x", "Before change", "v1.2_final-3", "Überblick"} {
		if err := CheckSnapshotName(good); err != nil {
			t.Errorf("%q: %v", good, err)
		}
	}
	for _, bad := range []string{"", ".x", " x", "x ", "a/b", `a\b`, "a:b", "x\x00"} {
		if err := CheckSnapshotName(bad); !errors.Is(err, ErrInvalid) {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestErrorTexts(t *testing.T) {
	ce := &ConflictError{Property: "Alias", Value: "ann", Owner: MustParseID("a117ac14-ab10-4fa3-a17a-4f2ca8ccc35c")}
	if ce.Error() != `Alias "ann" is already used by a117ac14-ab10-4fa3-a17a-4f2ca8ccc35c: already exists` || !errors.Is(ce, ErrExists) {
		t.Errorf("ConflictError: %v", ce)
	}
	se := &SchemaError{Dir: "/s", Found: 3, Supported: 1}
	if !errors.Is(se, ErrSchema) {
		t.Error("SchemaError does not wrap ErrSchema")
	}
}

func TestLookupProperty(t *testing.T) {
	if p, ok := LookupProperty("department"); !ok || p != PropDepartment {
		t.Errorf("LookupProperty = %v %v", p, ok)
	}
	if _, ok := LookupProperty("Title"); ok {
		t.Error("Title is not indexed")
	}
	r := Recipient{AuditEnabled: true, Department: "IT"}
	if PropAuditEnabled.Value(&r) != "true" || PropLitigationHoldEnabled.Value(&r) != "false" || PropDepartment.Value(&r) != "IT" {
		t.Error("Property.Value")
	}
}
