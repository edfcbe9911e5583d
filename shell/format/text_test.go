package format

import (
	"math"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/exosh/exosh/shell/value"
)

var june13 = time.Date(2018, 6, 13, 9, 15, 0, 0, time.UTC)

func TestDisplayString(t *testing.T) {
	tests := []struct {
		name string
		in   value.Value
		want string
	}{
		{"null", nil, ""},
		{"string", "abc", "abc"},
		{"true", true, "True"},
		{"false", false, "False"},
		{"int32", int32(-42), "-42"},
		{"int64", int64(10485760), "10485760"},
		{"double tenth sum", 0.1 + 0.2, "0.3"},
		{"double third", 1.0 / 3, "0.333333333333333"},
		{"pi", math.Pi, "3.14159265358979"},
		{"double integral", 2.0, "2"},
		{"double half", 2.5, "2.5"},
		{"big double", 1e16, "1E+16"},
		{"tiny double", 0.00001, "1E-05"},
		{"small double", 0.0001, "0.0001"},
		{"fifteen digits", 123456789012345.0, "123456789012345"},
		{"sixteen digits", 1234567890123456.0, "1.23456789012346E+15"},
		{"nan", math.NaN(), "NaN"},
		{"infinity", math.Inf(1), "∞"},
		{"date long form", june13, "Wednesday, June 13, 2018 9:15:00 AM"},
		{"date afternoon", time.Date(2024, 1, 5, 15, 4, 5, 0, time.UTC), "Friday, January 5, 2024 3:04:05 PM"},
		{"date midnight", time.Date(2024, 1, 5, 0, 0, 0, 0, time.UTC), "Friday, January 5, 2024 12:00:00 AM"},
		{"timespan", 90 * time.Minute, "01:30:00"},
		{"timespan days", 26*time.Hour + 3*time.Minute + 4*time.Second, "1.02:03:04"},
		{"timespan fraction", 1500 * time.Millisecond, "00:00:01.5000000"},
		{"timespan negative", -90 * time.Second, "-00:01:30"},
		{"array one per line", []value.Value{"a", int32(1)}, "a\n1"},
		{"script block", &value.ScriptBlock{Text: " $_.Name "}, " $_.Name "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DisplayString(tt.in); got != tt.want {
				t.Errorf("DisplayString(%#v) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCellString(t *testing.T) {
	tests := []struct {
		name string
		in   value.Value
		want string
	}{
		{"null", nil, ""},
		{"double two decimals", 1.5, "1.50"},
		{"double rounded", 3.14159, "3.14"},
		{"double large", 1234.56789, "1234.57"},
		{"double integral", 2.0, "2.00"},
		{"int unchanged", int32(30), "30"},
		{"bool", true, "True"},
		{"date short form", june13, "6/13/2018 9:15:00 AM"},
		{"timespan", 90 * time.Minute, "01:30:00"},
		{"array", []value.Value{"a", "b", "c"}, "{a, b, c}"},
		{"array at limit", []value.Value{int32(1), int32(2), int32(3), int32(4)}, "{1, 2, 3, 4}"},
		{"array over limit", []value.Value{int32(1), int32(2), int32(3), int32(4), int32(5)}, "{1, 2, 3, 4…}"},
		{"empty array", []value.Value{}, "{}"},
		{"array doubles keep digits", []value.Value{1.5, 2.0}, "{1.5, 2}"},
		{"nested array", []value.Value{int32(1), []value.Value{int32(2)}}, "{1, System.Object[]}"},
		{"list", &value.List{TypeName: "System.Collections.ArrayList", Items: []value.Value{"x"}}, "{x}"},
		{"hashtable", hashtable("a", int32(1), "b", int32(2)), "{System.Collections.DictionaryEntry, System.Collections.DictionaryEntry}"},
		{"empty hashtable", value.NewHashtable(), "{}"},
		{"pscustomobject", obj("Name", "x", "Count", int32(3)), "@{Name=x; Count=3}"},
		{"custom", testGuid("0f8fad5b-d9cb-469f-a165-70867728950e"), "0f8fad5b-d9cb-469f-a165-70867728950e"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CellString(tt.in); got != tt.want {
				t.Errorf("CellString(%#v) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestListStringKeepsDigits(t *testing.T) {
	if got := listString(1234.56789); got != "1234.56789" {
		t.Errorf("listString = %q, want 1234.56789", got)
	}
}

func TestWrapLines(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  []string
	}{
		{"short", 10, []string{"short"}},
		{"one two three", 8, []string{"one two ", "three"}},
		{"abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"ab cdefghij", 4, []string{"ab c", "defg", "hij"}},
		{"a\r\nb", 4, []string{"a", "b"}},
		{"", 4, []string{""}},
	}
	for _, tt := range tests {
		got := wrapLines(tt.in, tt.width)
		if len(got) != len(tt.want) {
			t.Errorf("wrapLines(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("wrapLines(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
				break
			}
		}
	}
}

func TestField(t *testing.T) {
	tests := []struct {
		in              string
		width           int
		right, padRight bool
		want            string
	}{
		{"abc", 3, false, true, "abc"},
		{"ab", 4, false, true, "ab  "},
		{"ab", 4, false, false, "ab"},
		{"ab", 4, true, false, "  ab"},
		{"abcdef", 4, false, true, "abc…"},
		{"abcdef", 4, true, true, "…def"},
		{"abcdef", 1, false, true, "a"},
		{"abcdef", 1, true, true, "f"},
		{"héllo wörld", 6, false, true, "héllo…"},
	}
	for _, tt := range tests {
		if got := field(tt.in, tt.width, tt.right, tt.padRight); got != tt.want {
			t.Errorf("field(%q, %d, %v, %v) = %q, want %q", tt.in, tt.width, tt.right, tt.padRight, got, tt.want)
		}
	}
}

func FuzzWrapLines(f *testing.F) {
	f.Add("the quick brown fox", 5)
	f.Add("a\r\nbb ccc\tdddd", 2)
	f.Add("héllo wörld…", 3)
	f.Fuzz(func(t *testing.T, s string, width int) {
		if width < 1 || width > 200 || !utf8.ValidString(s) {
			return
		}
		lines := wrapLines(s, width)
		if got, want := strings.Join(lines, ""), strings.Join(splitLines(s), ""); got != want {
			t.Fatalf("wrapLines(%q, %d) lost text: %q", s, width, lines)
		}
		for _, l := range lines {
			if cells(l) > width {
				t.Fatalf("wrapLines(%q, %d) line %q is too long", s, width, l)
			}
		}
		for _, right := range []bool{false, true} {
			if c := cells(field(s, width, right, true)); c != width && !strings.ContainsAny(s, "\n\r") {
				t.Fatalf("field(%q, %d, %v) has %d cells", s, width, right, c)
			}
		}
	})
}
