package format

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/exosh/exosh/shell/value"
)

// testGuid stands for System.Guid: pwsh shows it as a one-column table.
type testGuid string

func (g testGuid) TypeNames() []string {
	return []string{"System.Guid", "System.ValueType", "System.Object"}
}
func (g testGuid) String() string { return string(g) }

// testEnum stands for an enum value: a scalar.
type testEnum string

func (e testEnum) TypeNames() []string {
	return []string{"System.DayOfWeek", "System.Enum", "System.Object"}
}
func (e testEnum) String() string { return string(e) }

// obj builds a PSCustomObject from name, value pairs.
func obj(kv ...value.Value) *value.Object {
	return typed("", kv...)
}

func typed(typeName string, kv ...value.Value) *value.Object {
	o := value.NewObject(typeName)
	for i := 0; i+1 < len(kv); i += 2 {
		o.Set(kv[i].(string), kv[i+1])
	}
	return o
}

func hashtable(kv ...value.Value) *value.Hashtable {
	h := value.NewHashtable()
	for i := 0; i+1 < len(kv); i += 2 {
		h.Set(kv[i], kv[i+1])
	}
	return h
}

// text joins lines, each followed by a newline, as the console shows them.
func text(lines ...string) string { return strings.Join(lines, "\n") + "\n" }

// step is one call on an Out: a value to Write, or a Flush.
type step struct {
	v     value.Value
	flush bool
}

func render(t *testing.T, views *Views, width int, steps ...step) string {
	t.Helper()
	var b strings.Builder
	o := NewOut(&b, views, width)
	for _, s := range steps {
		var err error
		if s.flush {
			err = o.Flush()
		} else {
			err = o.Write(s.v)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := o.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func w(vs ...value.Value) []step {
	s := make([]step, len(vs))
	for i, v := range vs {
		s[i] = step{v: v}
	}
	return s
}

var mailboxView = View{
	TypeName: "Deserialized.Microsoft.Exchange.Data.Directory.Management.Mailbox",
	Kind:     TableView,
	Columns: []Column{
		{Property: "Name"}, {Property: "Alias"}, {Property: "Database"},
		{Property: "ProhibitSendQuota"}, {Property: "ExternalDirectoryObjectId"},
	},
}

func mailbox(name string) *value.Object {
	return typed(mailboxView.TypeName,
		"Name", name, "Alias", strings.ToLower(name), "Database", "NAMPR01DB001",
		"ProhibitSendQuota", "99 GB (106,300,440,576 bytes)",
		"ExternalDirectoryObjectId", "8a6d4e3c-0000-4000-8000-00000000000"+name[:1],
		"PrimarySmtpAddress", strings.ToLower(name)+"@contoso.com")
}

func TestOut(t *testing.T) {
	longDesc := strings.Repeat("y", 200)
	tests := []struct {
		name  string
		width int
		steps []step
		want  string
	}{
		{"scalars one per line", 0, w("a", int32(1), 1.5, true, 0.1+0.2, testEnum("Monday")),
			text("a", "1", "1.5", "True", "0.3", "Monday")},
		{"null prints nothing", 0, w(nil, nil), ""},
		{"empty string prints empty line", 0, w(""), text("")},
		{"multi-line string", 0, w("a\nb"), text("a", "b")},
		{"small object is a table", 0, w(obj("Name", "Alice", "Age", int32(30))),
			text("", "Name  Age", "----  ---", "Alice  30", "")},
		{"width from values and headers", 0, w(obj("Name", "Al", "Description", "x"), obj("Name", "Bartholomew", "Description", "yy")),
			text("", "Name        Description", "----        -----------", "Al          x", "Bartholomew yy", "")},
		{"boolean and double right aligned, two decimals", 0, w(obj("Enabled", true, "Price", 1.5, "Note", "n")),
			text("", "Enabled Price Note", "------- ----- ----", "   True  1.50 n", "")},
		{"alignment from first object", 0, w(obj("A", int32(1)), obj("A", "text")),
			text("", "   A", "   -", "   1", "text", "")},
		{"null first value is left aligned", 0, w(obj("A", nil, "B", "b"), obj("A", int32(12345), "B", "b")),
			text("", "A     B", "-     -", "      b", "12345 b", "")},
		{"right aligned last column keeps header over values", 0, w(obj("Name", "x", "Count", int32(123456))),
			text("", "Name  Count", "----  -----", "x    123456", "")},
		{"five properties is a list", 0, w(obj("a", int32(1), "bb", int32(2), "c", int32(3), "d", int32(4), "Description", "x")),
			text("", "a           : 1", "bb          : 2", "c           : 3", "d           : 4", "Description : x", "")},
		{"list labels padded per object", 0, w(
			obj("a", int32(1), "b", int32(2), "c", int32(3), "d", int32(4), "e", int32(5)),
			obj("Name", "x", "PrimarySmtpAddress", "x@contoso.com", "c", nil, "d", "", "e", 1.5)),
			text("", "a : 1", "b : 2", "c : 3", "d : 4", "e : 5", "",
				"Name               : x", "PrimarySmtpAddress : x@contoso.com", "c                  : ",
				"d                  : ", "e                  : 1.5", "")},
		{"later object of another type gives empty cells", 0, w(obj("Name", "Alice", "Age", int32(30)), obj("Other", int32(1)), obj("Name", "Bob")),
			text("", "Name  Age", "----  ---", "Alice  30", "         ", "Bob      ", "")},
		{"scalar inside a table keeps its place", 0, w(obj("A", int32(1)), "hello", obj("A", int32(2))),
			text("", "A", "-", "1", "hello", "2", "")},
		{"scalar before a table", 0, w("first", obj("A", "x")),
			text("first", "", "A", "-", "x", "")},
		{"hashtable", 0, w(hashtable("a", int32(1), "Name", "Alice")),
			text("", "Name                           Value", "----                           -----",
				"a                              1", "Name                           Alice", "")},
		{"two hashtables share one table", 0, w(hashtable("a", int32(1)), hashtable("b", 2.5)),
			text("", "Name                           Value", "----                           -----",
				"a                              1", "b                              2.5", "")},
		{"hashtable key longer than its column", 0, w(hashtable(strings.Repeat("k", 35), "v")),
			text("", "Name                           Value", "----                           -----",
				strings.Repeat("k", 29)+"… v", "")},
		{"object after a view is an out-of-band list", 0, w(hashtable("a", int32(1)), obj("x", int32(1)), hashtable("b", int32(2))),
			text("", "Name                           Value", "----                           -----",
				"a                              1", "", "x : 1", "", "b                              2", "")},
		{"date alone", 0, w(june13), text("", "Wednesday, June 13, 2018 9:15:00 AM", "")},
		{"dates grouped", 0, w(june13, june13.Add(time.Hour)),
			text("", "Wednesday, June 13, 2018 9:15:00 AM", "Wednesday, June 13, 2018 10:15:00 AM", "")},
		{"date in a table cell", 0, w(obj("When", june13)),
			text("", "When", "----", "6/13/2018 9:15:00 AM", "")},
		{"timespan alone is a list", 0, w(90 * time.Minute),
			text("",
				"Days              : 0",
				"Hours             : 1",
				"Minutes           : 30",
				"Seconds           : 0",
				"Milliseconds      : 0",
				"Ticks             : 54000000000",
				"TotalDays         : 0.0625",
				"TotalHours        : 1.5",
				"TotalMinutes      : 90",
				"TotalSeconds      : 5400",
				"TotalMilliseconds : 5400000",
				"")},
		{"guid is a one-column table", 0, w(testGuid("0f8fad5b-d9cb-469f-a165-70867728950e")),
			text("", "Guid", "----", "0f8fad5b-d9cb-469f-a165-70867728950e", "")},
		{"collection enumerated", 0, w([]value.Value{obj("A", int32(1)), obj("A", int32(2))}),
			text("", "A", "-", "1", "2", "")},
		{"collections and truncation in cells", 0, w(obj("Few", []value.Value{"a", "b", "c"}, "Many", []value.Value{int32(1), int32(2), int32(3), int32(4), int32(5)})),
			text("", "Few       Many", "---       ----", "{a, b, c} {1, 2, 3, 4…}", "")},
		{"nested object shows its ToString", 0, w(obj("Owner", obj("Name", "x"))),
			text("", "Owner", "-----", "@{Name=x}", "")},
		{"multi-line value shows first line", 0, w(obj("Text", "line1\nline2", "B", "b")),
			text("", "Text        B", "----        -", "line1…      b", "")},
		{"long last column cut at console width", 120, w(obj("Name", "x", "Desc", longDesc)),
			text("", "Name Desc", "---- ----", "x    "+strings.Repeat("y", 114)+"…", "")},
		{"narrow console hides columns", 10, w(obj("Name", "abcdefghijkl", "B", "b")),
			text("", "Name", "----      ", "abcdefghi…", "")},
		{"flush fixes widths, later rows cut", 0, []step{{v: obj("A", int32(1))}, {flush: true}, {v: obj("A", int32(12345))}},
			text("", "A", "-", "1", "5", "")},
		{"flush keeps the table open", 0, []step{{v: obj("A", "x")}, {flush: true}, {v: "s"}, {v: obj("A", "y")}},
			text("", "A", "-", "x", "s", "y", "")},
		{"first object with a five-property list then scalar", 0, w(obj("a", int32(1), "b", int32(2), "c", int32(3), "d", int32(4), "e", int32(5)), "x"),
			text("", "a : 1", "b : 2", "c : 3", "d : 4", "e : 5", "", "x")},
		{"enum right aligned", 0, w(obj("Day", testEnum("Monday")), obj("Day", testEnum("Friday"))),
			text("", "   Day", "   ---", "Monday", "Friday", "")},
		{"value package types", 0, w(obj("Id", value.Guid{0x0f, 0x8f}, "B", value.Byte(7), "C", value.Char('x'), "S", value.NewSecureString("p"))),
			text("", "Id                                   B C S", "--                                   - - -",
				"0f8f0000-0000-0000-0000-000000000000 7 x System.Security.SecureString", "")},
		{"value guid alone", 0, w(value.Guid{0x0f, 0x8f}),
			text("", "Guid", "----", "0f8f0000-0000-0000-0000-000000000000", "")},
		{"secure string alone is a scalar", 0, w(value.NewSecureString("p")), text("System.Security.SecureString")},
		{"empty object prints nothing", 0, w(obj()), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(t, nil, tt.width, tt.steps...)
			if got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s\ngot  %q\nwant %q", got, tt.want, got, tt.want)
			}
		})
	}
}

func TestOutRegisteredViews(t *testing.T) {
	views := NewViews(mailboxView,
		View{TypeName: "Test.Fixed", Kind: TableView, Columns: []Column{
			{Property: "Id", Width: 6, Align: AlignRight}, {Label: "Display Name", Property: "Name", Width: 12}, {Property: "Note"},
		}},
		View{TypeName: "Test.Listed", Kind: ListView, Columns: []Column{
			{Property: "Name"}, {Label: "Size (MB)", Value: func(v value.Value) value.Value { return int32(42) }},
		}})
	tests := []struct {
		name  string
		width int
		steps []step
		want  string
	}{
		{"view columns sized from content", 0, w(mailbox("Alice"), mailbox("Bob")),
			text("",
				"Name  Alias Database     ProhibitSendQuota             ExternalDirectoryObjectId",
				"----  ----- --------     -----------------             -------------------------",
				"Alice alice NAMPR01DB001 99 GB (106,300,440,576 bytes) 8a6d4e3c-0000-4000-8000-00000000000A",
				"Bob   bob   NAMPR01DB001 99 GB (106,300,440,576 bytes) 8a6d4e3c-0000-4000-8000-00000000000B",
				"")},
		{"other type after a view is an out-of-band list", 0, w(mailbox("Alice"), obj("x", int32(1)), mailbox("Bob")),
			text("",
				"Name  Alias Database     ProhibitSendQuota             ExternalDirectoryObjectId",
				"----  ----- --------     -----------------             -------------------------",
				"Alice alice NAMPR01DB001 99 GB (106,300,440,576 bytes) 8a6d4e3c-0000-4000-8000-00000000000A",
				"",
				"x : 1",
				"",
				"Bob   bob   NAMPR01DB001 99 GB (106,300,440,576 bytes) 8a6d4e3c-0000-4000-8000-00000000000B",
				"")},
		{"fixed view widths, open column takes the rest", 40, w(typed("Test.Fixed", "Id", int32(7), "Name", "a very long display name", "Note", strings.Repeat("n", 30))),
			text("",
				"    Id Display Name Note",
				"    -- ------------ ----",
				"     7 a very long… "+strings.Repeat("n", 19)+"…",
				"")},
		{"list view", 0, w(typed("Test.Listed", "Name", "x"), typed("Test.Listed", "Name", "y")),
			text("", "Name      : x", "Size (MB) : 42", "", "Name      : y", "Size (MB) : 42", "")},
		{"group info", 0, w(typed(typeGroupInfo, "Count", int32(2), "Name", "Sales", "Group", []value.Value{obj("Name", "a"), obj("Name", "b")})),
			text("",
				"Count Name                      Group",
				"----- ----                      -----",
				"    2 Sales                     {@{Name=a}, @{Name=b}}",
				"")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(t, views, tt.width, tt.steps...)
			if got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s\ngot  %q\nwant %q", got, tt.want, got, tt.want)
			}
		})
	}
}

func TestViewsLookup(t *testing.T) {
	vs := NewViews(View{TypeName: "Base.Type", Kind: ListView})
	if _, ok := vs.Lookup([]string{"Derived.Type", "BASE.TYPE", "System.Object"}); !ok {
		t.Error("lookup along the hierarchy, case-insensitively, failed")
	}
	if _, ok := vs.Lookup([]string{"Other"}); ok {
		t.Error("lookup of an unregistered type succeeded")
	}
	vs.Add(View{TypeName: "base.type", Kind: TableView})
	if v, _ := vs.Lookup([]string{"Base.Type"}); v.Kind != TableView {
		t.Error("Add did not replace the view registered under the same name")
	}
	var none *Views
	if _, ok := none.Lookup([]string{"x"}); ok {
		t.Error("nil Views found a view")
	}
}

// testQuota is a Custom value that displays as an object.
type testQuota struct{ gb int32 }

func (q testQuota) TypeNames() []string { return []string{"Test.Quota", "System.Object"} }
func (q testQuota) String() string      { return "quota" }
func (q testQuota) DisplayProperties() []value.Property {
	return []value.Property{{Name: "IsUnlimited", Value: false}, {Name: "Value", Value: q.gb}}
}

func TestOutEdgeValues(t *testing.T) {
	var nilObj *value.Object
	var nilTable *value.Hashtable
	var nilRendered *Rendered
	tests := []struct {
		name  string
		steps []step
		want  string
	}{
		{"typed nils print nothing", w(nilObj, nilTable, nilRendered, "x"), text("x")},
		{"array list enumerated", w(&value.List{Items: []value.Value{"a", obj("A", int32(1))}}),
			text("a", "", "A", "-", "1", "")},
		{"custom value with properties", w(testQuota{50}),
			text("", "IsUnlimited Value", "----------- -----", "      False    50", "")},
		{"rendered after scalars only", w("s", &Rendered{Lines: []string{"", "X", ""}}, "t"),
			text("s", "", "X", "", "t")},
		{"nested collection enumerated again", w([]value.Value{"a", []value.Value{"b", "c"}}), text("a", "b", "c")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(t, nil, 0, tt.steps...); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestOutBufferLimit(t *testing.T) {
	var steps []step
	for range maxBufferedRows {
		steps = append(steps, step{v: obj("Name", "ab")})
	}
	steps = append(steps, step{v: obj("Name", "abcdef")})
	got := strings.Split(render(t, nil, 0, steps...), "\n")
	if got[1] != "Name" || got[2] != "----" {
		t.Fatalf("header = %q %q", got[1], got[2])
	}
	if last := got[len(got)-3]; last != "abc…" {
		t.Errorf("row after the buffered rows = %q, want it cut to the fixed width: %q", last, "abc…")
	}
}

func TestOutWriteError(t *testing.T) {
	o := NewOut(failWriter{}, nil, 0)
	if err := o.Write("x"); err == nil {
		t.Fatal("Write did not report the writer's error")
	}
	if err := o.Close(); err == nil {
		t.Fatal("Close did not keep the writer's error")
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errFail }

var errFail = errors.New("disk full")
