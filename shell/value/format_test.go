package value

import (
	"testing"
	"time"
)

func TestFormatString(t *testing.T) {
	d := date(2018, 6, 13, 9, 15, 0)
	tests := []struct {
		format string
		args   []Value
		want   string
	}{
		{"{0}", arr(int32(1)), "1"},
		{"{0} and {1}", arr("a", "b"), "a and b"},
		{"[{0,5}]", arr("ab"), "[   ab]"},
		{"[{0,-5}]", arr("ab"), "[ab   ]"},
		{"{0:N2}", arr(1234.5), "1,234.50"},
		{"{0:N0}", arr(int32(1234567)), "1,234,567"},
		{"{0:N1}", arr(-0.04), "0.0"},
		{"{0:D3}", arr(int32(7)), "007"},
		{"{0:D}", arr(int32(-7)), "-7"},
		{"{0:P1}", arr(0.125), "12.5%"},
		{"{0:P}", arr(0.5), "50.00%"},
		{"{0:X}", arr(int32(255)), "FF"},
		{"{0:x4}", arr(int32(255)), "00ff"},
		{"{0:X}", arr(int32(-1)), "FFFFFFFF"},
		{"{0:F1}", arr(2.25), "2.3"},
		{"{0:F2}", arr(0.125), "0.13"},
		{"{0:F0}", arr(2.5), "3"},
		{"{0:F}", arr(int32(3)), "3.00"},
		{"{0:C}", arr(1234.5), "$1,234.50"},
		{"{0:C0}", arr(-5.0), "-$5"},
		{"{0:E2}", arr(1234.5), "1.23E+003"},
		{"{0:G}", arr(runtimeSum(0.1, 0.2)), "0.30000000000000004"},
		{"{0}", arr(1234567890123456.0), "1.234567890123456E+15"},
		{"{0}", arr(123456789012345.6), "123456789012345.6"},
		{"{0}", arr(runtimeSum(0.1, 0.2)), "0.30000000000000004"},
		{"{0}", arr(1e15), "1E+15"},
		{"{0}", arr(1.5), "1.5"},
		{"{0:0.00}", arr(3.14159), "3.14"},
		{"{0:#,##0.00}", arr(1234567.891), "1,234,567.89"},
		{"{0:0.##}", arr(2.5), "2.5"},
		{"{0:0.##}", arr(2.0), "2"},
		{"{0:000}", arr(int32(5)), "005"},
		{"{0:#}", arr(int32(0)), ""},
		{"{0:0%}", arr(0.25), "25%"},
		{"{0:(###) ###-####}", arr(int64(5551234567)), "(555) 123-4567"},
		{"{0:0.0;(0.0);zero}", arr(-1.5), "(1.5)"},
		{"{0:0.0;(0.0);zero}", arr(0.0), "zero"},
		{"{0:#,0,,}M", arr(int64(5000000000)), "5,000M"},
		{"{0:yyyy-MM-dd}", arr(d), "2018-06-13"},
		{"{0}", arr(d), "6/13/2018 9:15:00 AM"},
		{"{0:d}", arr(d), "6/13/2018"},
		{"{0}", arr(90 * time.Minute), "01:30:00"},
		{"{0:hh\\:mm}", arr(90 * time.Minute), "01:30"},
		{"{0:g}", arr(26*time.Hour + time.Second), "1:2:00:01"},
		{"{0}", arr(nil), ""},
		{"{0}", arr(true), "True"},
		{"{0}", arr(arr(int32(1))), "System.Object[]"},
		{"{{0}} {0}", arr("x"), "{0} x"},
		{"{ 0 }", arr("x"), "x"},
		{"{0:B}", arr(Guid{1}), "{01000000-0000-0000-0000-000000000000}"},
	}
	for _, tt := range tests {
		got, err := FormatString(tt.format, tt.args)
		if err != nil {
			t.Errorf("%q: %v", tt.format, err)
			continue
		}
		check(t, tt.format, got, tt.want)
	}
	errs := []struct{ format, want string }{
		{"{1}", "Index (zero based) must be greater than or equal to zero and less than the size of the argument list."},
		{"{0", "Input string was not in a correct format."},
		{"a}b", "Input string was not in a correct format."},
		{"{x}", "Input string was not in a correct format."},
		{"{0:D}", "Format specifier was invalid."},
	}
	for _, tt := range errs {
		args := arr("a")
		if tt.format == "{0:D}" {
			args = arr(1.5)
		}
		_, err := FormatString(tt.format, args)
		check(t, tt.format, errText(err), tt.want)
	}
}

func TestFormatDate(t *testing.T) {
	d := time.Date(2018, 6, 3, 14, 5, 9, 123456700, time.UTC)
	tests := []struct{ format, want string }{
		{"d", "6/3/2018"},
		{"D", "Sunday, June 3, 2018"},
		{"f", "Sunday, June 3, 2018 2:05 PM"},
		{"F", "Sunday, June 3, 2018 2:05:09 PM"},
		{"g", "6/3/2018 2:05 PM"},
		{"G", "6/3/2018 2:05:09 PM"},
		{"", "6/3/2018 2:05:09 PM"},
		{"M", "June 3"},
		{"s", "2018-06-03T14:05:09"},
		{"u", "2018-06-03 14:05:09Z"},
		{"o", "2018-06-03T14:05:09.1234567Z"},
		{"r", "Sun, 03 Jun 2018 14:05:09 GMT"},
		{"t", "2:05 PM"},
		{"T", "2:05:09 PM"},
		{"y", "June 2018"},
		{"yyyy-MM-dd HH:mm:ss", "2018-06-03 14:05:09"},
		{"yyyyMMdd", "20180603"},
		{"dd/MM/yy", "03/06/18"},
		{"dddd MMMM d", "Sunday June 3"},
		{"ddd MMM", "Sun Jun"},
		{"hh:mm tt", "02:05 PM"},
		{"h t", "2 P"},
		{"fff", "123"},
		{"FFFFFFF", "1234567"},
		{"HH'h'mm", "14h05"},
		{`HH\hmm`, "14h05"},
		{"%d", "3"},
		{"%K", "Z"},
		{"yyyy-MM-ddTHH:mm:ss.fffK", "2018-06-03T14:05:09.123Z"},
	}
	for _, tt := range tests {
		check(t, tt.format, FormatDate(d, tt.format), tt.want)
	}
	if _, err := FormatDateErr(d, "q"); err == nil {
		t.Error("unknown standard format accepted")
	}
	midnight := time.Date(2018, 6, 3, 0, 0, 0, 0, time.UTC)
	check(t, "midnight", FormatDate(midnight, "h:mm tt"), "12:00 AM")
	check(t, "F drops dot", FormatDate(midnight, "ss.FFF"), "00")
}

func TestParseDateExact(t *testing.T) {
	tests := []struct{ s, format, want string }{
		{"2018-06-13", "yyyy-MM-dd", "06/13/2018 00:00:00"},
		{"13/06/2018 14:05", "dd/MM/yyyy HH:mm", "06/13/2018 14:05:00"},
		{"20180613", "yyyyMMdd", "06/13/2018 00:00:00"},
		{"June 13 2018", "MMMM d yyyy", "06/13/2018 00:00:00"},
	}
	for _, tt := range tests {
		got, ok := ParseDateExact(tt.s, tt.format)
		res := "fail"
		if ok {
			res = ToString(got)
		}
		check(t, tt.s, res, tt.want)
	}
	if _, ok := ParseDateExact("2018-13-01", "yyyy-MM-dd"); ok {
		t.Error("month 13 accepted")
	}
}
