package value

import "testing"

// The fuzz targets check that text from scripts never panics the value layer.

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"42", "0x1F", "1.5gb", "3.72y", "-0b101", "1e", " 7 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if v, ok := ParseNumber(s); ok && !isNumber(v) {
			t.Fatalf("ParseNumber(%q) = %v, not a number", s, v)
		}
	})
}

func FuzzFormatString(f *testing.F) {
	for _, s := range []string{"{0}", "{0,-5:N2}", "{{}}", "{0:#,##0.00;(0);zero}", "{0:yyyy}", "{0:(###) ###-####}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = FormatString(s, []Value{1234.5678, int32(-7)})
		_, _ = FormatString(s, []Value{date(2018, 6, 13, 9, 15, 0)})
		_, _ = FormatNumber(-0.5, s)
		_, _ = FormatDateErr(date(2018, 6, 13, 9, 15, 0), s)
		_, _ = FormatTimeSpanSpec(90e9, s)
	})
}

func FuzzWildcard(f *testing.F) {
	for _, s := range []string{"*a?[b-d]`*", "[", "``", "[a-]"} {
		f.Add(s, "abc")
	}
	f.Fuzz(func(t *testing.T, p, s string) {
		_ = MatchWildcard(p, s, false)
	})
}

func FuzzConvert(f *testing.F) {
	for _, s := range []string{"1/1/2018", "1:30:00", "90.00:00:00", "{00000000-0000-0000-0000-000000000000}", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, typ := range []string{"int", "long", "double", "datetime", "timespan", "guid", "char", "byte", "bool", "int[]"} {
			_, _ = Convert(s, typ)
		}
		_, _ = Binary("-split", s, s)
		_, _, _ = Match(s, s, false, false)
	})
}
