package cmdlets

import (
	"testing"
	"time"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/value"
)

func TestParseCalc(t *testing.T) {
	h := value.NewHashtable()
	h.Set("n", "Upper")
	h.Set("e", "Name")
	props, err := parseProps([]value.Value{"Age", "*Mail*", h}, selectKeys)
	if err != nil {
		t.Fatal(err)
	}
	if len(props) != 3 || props[0].Name != "Age" || !props[1].Wildcard || props[2].Name != "Upper" || props[2].Expr != "Name" {
		t.Fatalf("unexpected props %+v", props)
	}
	bad := value.NewHashtable()
	bad.Set("Bogus", 1)
	if _, err := parseProps([]value.Value{bad}, selectKeys); err == nil || err.Error() != `The "Bogus" key is not valid.` {
		t.Errorf("bogus key error = %v", err)
	}
	noExpr := value.NewHashtable()
	noExpr.Set("Name", "x")
	if _, err := parseProps([]value.Value{noExpr}, selectKeys); err == nil {
		t.Error("a calculated property without Expression was accepted")
	}
}

func TestCsvRow(t *testing.T) {
	tests := []struct {
		quotes string
		vals   []string
		nulls  []bool
		want   string
	}{
		{"", []string{"a", `b"c`}, []bool{false, false}, `"a","b""c"`},
		{"AsNeeded", []string{"a", "b,c", ""}, []bool{false, false, true}, `a,"b,c",`},
		{"Never", []string{"a", "b,c"}, []bool{false, false}, `a,b,c`},
	}
	for _, tt := range tests {
		tc := &toCsv{UseQuotes: tt.quotes, delim: ','}
		if got := tc.rowNulls(tt.vals, tt.nulls); got != tt.want {
			t.Errorf("UseQuotes %q: got %s, want %s", tt.quotes, got, tt.want)
		}
	}
}

func TestJSONScalars(t *testing.T) {
	tests := []struct {
		f    float64
		want string
	}{
		{1, "1.0"}, {1.5, "1.5"}, {-0.25, "-0.25"}, {1e20, "1E+20"},
	}
	for _, tt := range tests {
		if got := jsonFloat(tt.f); got != tt.want {
			t.Errorf("jsonFloat(%v) = %s, want %s", tt.f, got, tt.want)
		}
	}
	d := time.Date(2025, 3, 1, 10, 0, 0, 500000000, time.UTC)
	if got := isoDate(d); got != "2025-03-01T10:00:00.5Z" {
		t.Errorf("isoDate = %s", got)
	}
	if got := isoDate(d.In(time.FixedZone("", 3600))); got != "2025-03-01T11:00:00.5+01:00" {
		t.Errorf("isoDate local = %s", got)
	}
}

func TestSyntaxLine(t *testing.T) {
	var id, size string
	var force bool
	params := []shell.Param{
		{Name: "Identity", Position: 1, Bind: shell.String(&id)},
		{Name: "ResultSize", Bind: shell.String(&size)},
		{Name: "Force", Bind: shell.Switch(&force)},
	}
	want := "Get-Thing [[-Identity] <String>] [-ResultSize <String>] [-Force] [<CommonParameters>]"
	if got := syntaxLine("Get-Thing", params); got != want {
		t.Errorf("syntaxLine =\n%s\nwant\n%s", got, want)
	}
}

func TestAllUniqueNames(t *testing.T) {
	seen := map[string]bool{}
	for _, info := range All() {
		for _, n := range append([]string{info.Name}, info.Aliases...) {
			if seen[n] {
				t.Errorf("command or alias %q appears twice", n)
			}
			seen[n] = true
		}
		if info.New == nil || info.Synopsis == "" || info.Module == "" {
			t.Errorf("%s: incomplete table entry", info.Name)
		}
		names := map[string]bool{}
		for _, p := range info.New().Params() {
			if names[p.Name] {
				t.Errorf("%s: parameter %s declared twice", info.Name, p.Name)
			}
			names[p.Name] = true
			if p.Bind == nil {
				t.Errorf("%s: parameter %s has no binder", info.Name, p.Name)
			}
		}
	}
}
