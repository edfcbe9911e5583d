package format

import (
	"strings"
	"testing"

	"github.com/exosh/exosh/shell/value"
)

func TestRenderTable(t *testing.T) {
	people := []value.Value{obj("Name", "Alice", "Age", int32(30)), obj("Name", "Bo", "Age", int32(4))}
	upper := Column{Label: "Upper", Value: func(v value.Value) value.Value {
		n, _ := v.(*value.Object).Get("Name")
		return strings.ToUpper(n.(string))
	}}
	wide := obj("a", int32(1), "b", int32(2), "c", int32(3), "d", int32(4), "e", int32(5), "f", int32(6),
		"g", int32(7), "h", int32(8), "i", int32(9), "j", int32(10), "k", int32(11))
	fox := "the quick brown fox jumps over the lazy dog again and again"
	tests := []struct {
		name  string
		objs  []value.Value
		opt   TableOptions
		width int
		want  []string
	}{
		{"default columns", people, TableOptions{}, 0,
			[]string{"", "Name  Age", "----  ---", "Alice  30", "Bo      4", ""}},
		{"explicit and calculated columns", people, TableOptions{Columns: []Column{upper, {Property: "Age", Align: AlignLeft}}}, 0,
			[]string{"", "Upper Age", "----- ---", "ALICE 30", "BO    4", ""}},
		{"explicit width and right alignment", people, TableOptions{Columns: []Column{{Property: "Name", Width: 8, Align: AlignRight}, {Property: "Age"}}}, 0,
			[]string{"", "    Name Age", "    ---- ---", "   Alice  30", "      Bo   4", ""}},
		{"hide table headers", people, TableOptions{HideTableHeaders: true}, 0,
			[]string{"", "Alice  30", "Bo      4", ""}},
		{"five properties still a table", []value.Value{obj("a", int32(1), "b", int32(2), "c", int32(3), "d", int32(4), "e", int32(5))}, TableOptions{}, 0,
			[]string{"", "a b c d e", "- - - - -", "1 2 3 4 5", ""}},
		{"at most ten properties", []value.Value{wide}, TableOptions{}, 0,
			[]string{"", "a b c d e f g h i  j", "- - - - - - - - -  -", "1 2 3 4 5 6 7 8 9 10", ""}},
		{"format string", []value.Value{obj("Items", int32(1234567), "Size", 2.5)},
			TableOptions{Columns: []Column{{Property: "Items", FormatString: "{0:N0}"}, {Property: "Size", FormatString: "{0:N1} MB"}}}, 0,
			[]string{"", "    Items   Size", "    -----   ----", "1,234,567 2.5 MB", ""}},
		{"missing property gives an empty column", []value.Value{obj("x", int32(1))}, TableOptions{Columns: []Column{{Property: "x"}, {Property: "Nope"}}}, 0,
			[]string{"", "x Nope", "- ----", "1 ", ""}},
		{"star expands every property", []value.Value{obj("x", int32(1), "y", "z")}, TableOptions{Columns: []Column{{Property: "*"}}}, 0,
			[]string{"", "x y", "- -", "1 z", ""}},
		{"hashtable with view widths", []value.Value{hashtable("a", int32(1))}, TableOptions{}, 0,
			[]string{"", "Name                           Value", "----                           -----", "a                              1", ""}},
		{"hashtable autosize", []value.Value{hashtable("a", int32(1), "bb", "two")}, TableOptions{AutoSize: true}, 0,
			[]string{"", "Name Value", "---- -----", "a    1", "bb   two", ""}},
		{"wrap", []value.Value{obj("Name", "x", "Desc", fox)}, TableOptions{Wrap: true}, 30,
			[]string{"", "Name Desc", "---- ----", "x    the quick brown fox", "     jumps over the lazy dog", "     again and again", ""}},
		{"no wrap cuts", []value.Value{obj("Name", "x", "Desc", fox)}, TableOptions{}, 30,
			[]string{"", "Name Desc", "---- ----", "x    the quick brown fox jump…", ""}},
		{"wrap multi-line value", []value.Value{obj("A", "one\ntwo", "B", "b")}, TableOptions{Wrap: true}, 0,
			[]string{"", "A       B", "-       -", "one     b", "two", ""}},
		{"wrap narrow header", []value.Value{obj("Count", int32(7), "Name", "n")}, TableOptions{Wrap: true, Columns: []Column{{Property: "Count", Width: 3}, {Property: "Name"}}}, 0,
			[]string{"", "Cou Name", " nt", "--- ----", "  7 n", ""}},
		{"wrap right-aligned lines", []value.Value{obj("N", "aaaa bb", "Z", "z")}, TableOptions{Wrap: true, Columns: []Column{{Property: "N", Width: 5, Align: AlignRight}, {Property: "Z"}}}, 0,
			[]string{"", "    N Z", "    - -", "aaaa  z", "   bb", ""}},
		{"scalars print in place", []value.Value{"s", obj("A", int32(1))}, TableOptions{}, 0,
			[]string{"s", "", "A", "-", "1", ""}},
		{"nothing", nil, TableOptions{}, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := RenderTable(tt.objs, tt.opt, nil, tt.width).Lines
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") || len(got) != len(tt.want) {
				t.Errorf("got:\n%s\nwant:\n%s\ngot  %q\nwant %q", strings.Join(got, "\n"), strings.Join(tt.want, "\n"), got, tt.want)
			}
		})
	}
}

func TestRenderList(t *testing.T) {
	long := strings.Repeat("word ", 30)
	tests := []struct {
		name  string
		objs  []value.Value
		cols  []Column
		width int
		want  []string
	}{
		{"all properties", []value.Value{obj("Name", "x", "PrimarySmtpAddress", "x@contoso.com")}, nil, 0,
			[]string{"", "Name               : x", "PrimarySmtpAddress : x@contoso.com", ""}},
		{"two objects", []value.Value{obj("A", int32(1)), obj("LongName", 1234.56789)}, nil, 0,
			[]string{"", "A : 1", "", "LongName : 1234.56789", ""}},
		{"selected and calculated", []value.Value{obj("Name", "x", "Size", int32(5))},
			[]Column{{Property: "Size"}, {Label: "Twice", Value: func(v value.Value) value.Value { return int32(10) }}, {Property: "Missing"}}, 0,
			[]string{"", "Size  : 5", "Twice : 10", ""}},
		{"wildcard names", []value.Value{obj("EwsApplicationAccessPolicy", "x", "EwsAllowList", nil, "EwsBlockList", "b", "Other", int32(1))},
			[]Column{{Property: "EwsApplicationAccessPolicy"}, {Property: "Ews*List"}}, 0,
			[]string{"", "EwsApplicationAccessPolicy : x", "EwsAllowList               : ", "EwsBlockList               : b", ""}},
		{"star", []value.Value{obj("Name", "x", "Size", int32(5))}, []Column{{Property: "*"}}, 0,
			[]string{"", "Name : x", "Size : 5", ""}},
		{"long value wraps under the value column", []value.Value{obj("Description", long)}, nil, 0,
			[]string{"", "Description : " + strings.Repeat("word ", 21), "              " + strings.Repeat("word ", 9), ""}},
		{"multi-line value indented", []value.Value{obj("Notes", "one\r\ntwo", "Id", int32(1))}, nil, 0,
			[]string{"", "Notes : one", "        two", "Id    : 1", ""}},
		{"collection value", []value.Value{obj("Emails", []value.Value{"a", "b", "c", "d", "e"})}, nil, 0,
			[]string{"", "Emails : {a, b, c, d…}", ""}},
		{"hashtable entries", []value.Value{hashtable("k", "v")}, nil, 0,
			[]string{"", "Name  : k", "Key   : k", "Value : v", ""}},
		{"scalar in place", []value.Value{"s", obj("A", int32(1))}, nil, 0,
			[]string{"s", "", "A : 1", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := RenderList(tt.objs, tt.cols, nil, tt.width).Lines
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") || len(got) != len(tt.want) {
				t.Errorf("got:\n%s\nwant:\n%s\ngot  %q\nwant %q", strings.Join(got, "\n"), strings.Join(tt.want, "\n"), got, tt.want)
			}
		})
	}
}

func TestRenderedThroughOut(t *testing.T) {
	ft := RenderTable([]value.Value{obj("B", "b")}, TableOptions{}, nil, 0)
	got := render(t, nil, 0, w(obj("A", "a"), ft, obj("A", "c"))...)
	want := text("", "A", "-", "a", "", "", "B", "-", "b", "", "", "A", "-", "c", "")
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if s := ft.String(); s != "\nB\n-\nb\n\n" {
		t.Errorf("Rendered.String() = %q", s)
	}
}

func BenchmarkOutTable10000(b *testing.B) {
	rows := make([]value.Value, 10000)
	for i := range rows {
		rows[i] = obj("Name", "user"+strings.Repeat("x", i%17), "Count", int32(i), "Size", float64(i)/3, "Enabled", i%2 == 0)
	}
	b.ReportAllocs()
	for b.Loop() {
		var sb strings.Builder
		o := NewOut(&sb, nil, 0)
		for _, r := range rows {
			if err := o.Write(r); err != nil {
				b.Fatal(err)
			}
		}
		if err := o.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

func TestRenderWide(t *testing.T) {
	names := []value.Value{obj("Name", "alpha", "Size", int32(1)), obj("Name", "beta"), obj("Name", "gamma")}
	tests := []struct {
		name  string
		objs  []value.Value
		opt   WideOptions
		width int
		want  []string
	}{
		{"two columns by default", names, WideOptions{}, 20,
			[]string{"", "alpha      beta", "gamma      ", ""}},
		{"explicit column count", names, WideOptions{Columns: 3}, 20,
			[]string{"", "alpha  beta   gamma", ""}},
		{"autosize fits as many as possible", names, WideOptions{AutoSize: true}, 20,
			[]string{"", "alpha  beta   gamma", ""}},
		{"autosize stops short of an exact fit", names, WideOptions{AutoSize: true}, 17,
			[]string{"", "alpha    beta", "gamma    ", ""}},
		{"explicit property", names, WideOptions{Column: &Column{Property: "Size"}}, 20,
			[]string{"", "1          ", "           ", ""}},
		{"name candidates", []value.Value{obj("Other", "o", "DisplayName", "dn")}, WideOptions{}, 20,
			[]string{"", "dn         ", ""}},
		{"long value cut", []value.Value{obj("Name", "abcdefghijklmnop")}, WideOptions{}, 20,
			[]string{"", "abcdefghi… ", ""}},
		{"scalars before objects", []value.Value{"s", obj("Name", "n")}, WideOptions{}, 20,
			[]string{"s", "", "n          ", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := RenderWide(tt.objs, tt.opt, tt.width).Lines
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") || len(got) != len(tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestCalculatedColumnEvaluatedOncePerRow(t *testing.T) {
	calls := 0
	col := Column{Label: "N", Value: func(v value.Value) value.Value { calls++; return int32(calls) }}
	got := RenderTable([]value.Value{obj("a", int32(1)), obj("a", int32(2))}, TableOptions{Columns: []Column{col}}, nil, 0).Lines
	if calls != 2 {
		t.Errorf("calculated column evaluated %d times for 2 rows", calls)
	}
	if want := []string{"", "N", "-", "1", "2", ""}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}
