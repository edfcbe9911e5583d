package value

import (
	"strconv"
	"strings"
	"time"
)

// Standard date formats of the en-US culture, expanded to custom patterns.
var standardDateFormats = map[byte]string{
	'd': "M/d/yyyy",
	'D': "dddd, MMMM d, yyyy",
	'f': "dddd, MMMM d, yyyy h:mm tt",
	'F': "dddd, MMMM d, yyyy h:mm:ss tt",
	'g': "M/d/yyyy h:mm tt",
	'G': "M/d/yyyy h:mm:ss tt",
	'm': "MMMM d",
	'M': "MMMM d",
	'o': "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
	'O': "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
	'r': "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
	'R': "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
	's': "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
	't': "h:mm tt",
	'T': "h:mm:ss tt",
	'u': "yyyy'-'MM'-'dd HH':'mm':'ss'Z'",
	'U': "dddd, MMMM d, yyyy h:mm:ss tt",
	'y': "MMMM yyyy",
	'Y': "MMMM yyyy",
}

// errDateFormat is .NET's FormatException text for a bad format string.
const errDateFormat = "Input string was not in a correct format."

// FormatDate formats t with a .NET standard ("d", "G", "o", "s", "u" ...) or custom
// ("yyyy-MM-dd HH:mm:ss", "dddd MMMM d", "fff", "tt" ...) format string in the en-US culture.
// An empty format gives the general "G" form. An invalid standard format letter yields the
// format itself, the way Get-Date -Format reports nothing better; use FormatDateErr to get
// the error.
func FormatDate(t time.Time, format string) string {
	s, err := FormatDateErr(t, format)
	if err != nil {
		return format
	}
	return s
}

// FormatDateErr is FormatDate with .NET's FormatException for unknown standard formats.
func FormatDateErr(t time.Time, format string) (string, error) {
	if format == "" {
		format = "G"
	}
	if len(format) == 1 {
		p, ok := standardDateFormats[format[0]]
		if !ok {
			return "", newError(excFormat, "NotSpecified", "FormatException", errDateFormat)
		}
		if format == "r" || format == "R" || format == "U" {
			t = t.UTC()
		}
		format = p
	}
	return customDate(t, format), nil
}

// runLen counts how many times format[i] repeats from i.
func runLen(format string, i int) int {
	n := 1
	for i+n < len(format) && format[i+n] == format[i] {
		n++
	}
	return n
}

func customDate(t time.Time, format string) string {
	var b strings.Builder
	for i := 0; i < len(format); {
		c := format[i]
		switch c {
		case 'd', 'M', 'y', 'h', 'H', 'm', 's', 'f', 'F', 't', 'z', 'K', 'g':
			n := runLen(format, i)
			writeDatePart(&b, t, c, n)
			i += n
		case '\'', '"':
			j := i + 1
			for j < len(format) && format[j] != c {
				if format[j] == '\\' && j+1 < len(format) {
					j++
				}
				b.WriteByte(format[j])
				j++
			}
			i = j + 1
		case '\\':
			if i+1 < len(format) {
				b.WriteByte(format[i+1])
			}
			i += 2
		case '%':
			// "%d" is the single custom specifier d.
			i++
			if i < len(format) {
				writeDatePart(&b, t, format[i], 1)
				i++
			}
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

func writeDatePart(b *strings.Builder, t time.Time, c byte, n int) {
	num := func(v, width int) {
		s := strconv.Itoa(v)
		for k := len(s); k < width; k++ {
			b.WriteByte('0')
		}
		b.WriteString(s)
	}
	switch c {
	case 'd':
		switch n {
		case 1, 2:
			num(t.Day(), n)
		case 3:
			b.WriteString(t.Weekday().String()[:3])
		default:
			b.WriteString(t.Weekday().String())
		}
	case 'M':
		switch n {
		case 1, 2:
			num(int(t.Month()), n)
		case 3:
			b.WriteString(t.Month().String()[:3])
		default:
			b.WriteString(t.Month().String())
		}
	case 'y':
		switch n {
		case 1:
			num(t.Year()%100, 1)
		case 2:
			num(t.Year()%100, 2)
		default:
			num(t.Year(), n)
		}
	case 'h':
		h := t.Hour() % 12
		if h == 0 {
			h = 12
		}
		num(h, min(n, 2))
	case 'H':
		num(t.Hour(), min(n, 2))
	case 'm':
		num(t.Minute(), min(n, 2))
	case 's':
		num(t.Second(), min(n, 2))
	case 'f', 'F':
		n = min(n, 7)
		frac := strconv.Itoa(t.Nanosecond() / 100)
		frac = strings.Repeat("0", 7-len(frac)) + frac
		frac = frac[:n]
		if c == 'F' {
			frac = strings.TrimRight(frac, "0")
			if frac == "" && b.Len() > 0 {
				// .NET drops a preceding '.' along with an all-zero F field.
				if s := b.String(); strings.HasSuffix(s, ".") {
					b.Reset()
					b.WriteString(s[:len(s)-1])
				}
			}
		}
		b.WriteString(frac)
	case 't':
		ampm := "AM"
		if t.Hour() >= 12 {
			ampm = "PM"
		}
		if n == 1 {
			ampm = ampm[:1]
		}
		b.WriteString(ampm)
	case 'g':
		b.WriteString("A.D.")
	case 'z':
		_, off := t.Zone()
		sign := byte('+')
		if off < 0 {
			sign = '-'
			off = -off
		}
		b.WriteByte(sign)
		switch n {
		case 1:
			num(off/3600, 1)
		case 2:
			num(off/3600, 2)
		default:
			num(off/3600, 2)
			b.WriteByte(':')
			num(off%3600/60, 2)
		}
	case 'K':
		if t.Location() == time.UTC {
			b.WriteByte('Z')
			return
		}
		writeDatePart(b, t, 'z', 3)
	}
}
