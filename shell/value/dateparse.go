package value

import (
	"strings"
	"time"
)

// dateLayouts are the en-US forms DateTime.Parse accepts that admin scripts use, as Go
// layouts over the upper-cased, blank-collapsed input.
var dateLayouts = []string{
	"1/2/2006",
	"1/2/2006 15:04",
	"1/2/2006 15:04:05",
	"1/2/2006 3:04 PM",
	"1/2/2006 3:04:05 PM",
	"1/2/2006 3 PM",
	"1/2/06",
	"1/2/06 15:04",
	"1/2/06 15:04:05",
	"1/2/06 3:04 PM",
	"1/2/06 3:04:05 PM",
	"1-2-2006",
	"2006-1-2",
	"2006-1-2 15:04",
	"2006-1-2 15:04:05",
	"2006-1-2 3:04 PM",
	"2006-1-2 3:04:05 PM",
	"2006-1-2T15:04",
	"2006-1-2T15:04:05",
	"2006/1/2",
	"2006/1/2 15:04",
	"2006/1/2 15:04:05",
	"2006.1.2",
	"January 2, 2006",
	"January 2 2006",
	"January 2, 2006 15:04",
	"January 2, 2006 15:04:05",
	"January 2, 2006 3:04 PM",
	"January 2, 2006 3:04:05 PM",
	"Jan 2, 2006",
	"Jan 2 2006",
	"Jan 2, 2006 15:04:05",
	"Jan 2, 2006 3:04:05 PM",
	"Jan 2, 2006 3:04 PM",
	"Jan 2 2006 3:04 PM",
	"2 January 2006",
	"2 Jan 2006",
	"2 January 2006 15:04:05",
	"2 Jan 2006 15:04:05",
	"2-Jan-2006",
	"2-Jan-06",
	"Monday, January 2, 2006",
	"Monday, January 2, 2006 3:04 PM",
	"Monday, January 2, 2006 3:04:05 PM",
	"Monday, January 2, 2006 15:04:05",
	"January 2006",
	"Mon Jan 2 15:04:05 2006",
}

// zonedLayouts carry an explicit offset or Z: the result is converted to local time, as
// DateTime.Parse does.
var zonedLayouts = []string{
	"2006-1-2T15:04:05Z07:00",
	"2006-1-2T15:04Z07:00",
	"2006-1-2 15:04:05Z07:00",
	"2006-1-2 15:04:05Z",
	"Mon, 02 Jan 2006 15:04:05 GMT",
	"Mon, 2 Jan 2006 15:04:05 GMT",
}

// timeLayouts are time-only forms; the date part is today.
var timeLayouts = []string{"15:04", "15:04:05", "3:04 PM", "3:04:05 PM", "3 PM"}

// ParseDate parses s as DateTime.Parse does in the en-US culture (month before day).
// Time-only strings take their date from today, which needs now; without it (nil) they fail.
// Strings with an offset or Z are converted to local time; others are local already.
func ParseDate(s string, now func() time.Time) (time.Time, bool) {
	s = strings.Join(strings.Fields(strings.ToUpper(s)), " ")
	if s == "" {
		return time.Time{}, false
	}
	for _, l := range zonedLayouts {
		if strings.HasSuffix(l, "GMT") || strings.HasSuffix(l, " 15:04:05Z") {
			if t, err := time.ParseInLocation(l, s, time.UTC); err == nil {
				return t.In(time.Local), true
			}
			continue
		}
		if t, err := time.Parse(l, s); err == nil {
			return t.In(time.Local), true
		}
	}
	for _, l := range dateLayouts {
		if t, err := time.ParseInLocation(l, s, time.Local); err == nil {
			return t, true
		}
	}
	if now != nil {
		for _, l := range timeLayouts {
			if t, err := time.ParseInLocation(l, s, time.Local); err == nil {
				n := now().In(time.Local)
				return time.Date(n.Year(), n.Month(), n.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.Local), true
			}
		}
	}
	return time.Time{}, false
}

// ParseDateExact parses s with a .NET custom or standard format, as DateTime.ParseExact does
// with the invariant culture.
func ParseDateExact(s, format string) (time.Time, bool) {
	if len(format) == 1 {
		p, ok := standardDateFormats[format[0]]
		if !ok {
			return time.Time{}, false
		}
		format = p
	}
	layout, zoned := goLayout(format)
	if layout == "" {
		return time.Time{}, false
	}
	if zoned {
		t, err := time.Parse(layout, s)
		if err != nil {
			return time.Time{}, false
		}
		return t.In(time.Local), true
	}
	t, err := time.ParseInLocation(layout, s, time.Local)
	if err != nil {
		return time.Time{}, false
	}
	return t, true
}

// goLayout translates a .NET custom date format into a Go layout; "" when it uses a
// specifier Go cannot parse.
func goLayout(format string) (string, bool) {
	var b strings.Builder
	zoned := false
	for i := 0; i < len(format); {
		c := format[i]
		n := runLen(format, i)
		var part string
		switch c {
		case 'd':
			part = [...]string{"", "2", "02", "Mon", "Monday"}[min(n, 4)]
		case 'M':
			part = [...]string{"", "1", "01", "Jan", "January"}[min(n, 4)]
		case 'y':
			if n <= 2 {
				part = "06"
			} else {
				part = "2006"
			}
		case 'h':
			part = [...]string{"", "3", "03"}[min(n, 2)]
		case 'H':
			part = "15"
		case 'm':
			part = [...]string{"", "4", "04"}[min(n, 2)]
		case 's':
			part = [...]string{"", "5", "05"}[min(n, 2)]
		case 'f', 'F':
			part = strings.Repeat("0", min(n, 9))
			if c == 'F' {
				part = strings.Repeat("9", min(n, 9))
			}
			// Go needs the fraction to follow a '.'; .NET formats write it explicitly.
		case 't':
			part = "PM"
		case 'z', 'K':
			part = "Z07:00"
			zoned = true
		case '\'', '"':
			j := i + 1
			for j < len(format) && format[j] != c {
				j++
			}
			b.WriteString(format[i+1 : min(j, len(format))])
			i = j + 1
			continue
		case '\\':
			if i+1 < len(format) {
				b.WriteByte(format[i+1])
			}
			i += 2
			continue
		default:
			b.WriteString(format[i : i+n])
		}
		b.WriteString(part)
		i += n
	}
	return b.String(), zoned
}
