package value

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

func errBadFormat() error {
	return newError(excFormat, "NotSpecified", "FormatException", "Input string was not in a correct format.")
}

func errFormatIndex() error {
	return newError(excFormat, "NotSpecified", "FormatException",
		"Index (zero based) must be greater than or equal to zero and less than the size of the argument list.")
}

// FormatString is .NET composite formatting (String.Format) in the en-US culture:
// "{index[,alignment][:format]}" items, "{{" and "}}" for literal braces.
func FormatString(format string, args []Value) (string, error) {
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		c := format[i]
		switch c {
		case '}':
			if i+1 < len(format) && format[i+1] == '}' {
				b.WriteByte('}')
				i++
				continue
			}
			return "", errBadFormat()
		case '{':
			if i+1 < len(format) && format[i+1] == '{' {
				b.WriteByte('{')
				i++
				continue
			}
			end, err := formatItem(&b, format, i+1, args)
			if err != nil {
				return "", err
			}
			i = end
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}

// formatItem writes one "{...}" item starting after its '{' and returns the index of its '}'.
func formatItem(b *strings.Builder, format string, i int, args []Value) (int, error) {
	skipBlanks := func() {
		for i < len(format) && format[i] == ' ' {
			i++
		}
	}
	skipBlanks()
	start := i
	for i < len(format) && isDigit(format[i]) {
		i++
	}
	if i == start {
		return 0, errBadFormat()
	}
	idx, err := strconv.Atoi(format[start:i])
	if err != nil {
		return 0, errFormatIndex()
	}
	skipBlanks()
	align := 0
	if i < len(format) && format[i] == ',' {
		i++
		skipBlanks()
		neg := false
		if i < len(format) && format[i] == '-' {
			neg = true
			i++
		}
		s := i
		for i < len(format) && isDigit(format[i]) {
			i++
		}
		if s == i {
			return 0, errBadFormat()
		}
		align, _ = strconv.Atoi(format[s:i])
		if neg {
			align = -align
		}
		skipBlanks()
	}
	spec := ""
	if i < len(format) && format[i] == ':' {
		i++
		var sb strings.Builder
		for i < len(format) {
			if format[i] == '}' {
				if i+1 < len(format) && format[i+1] == '}' {
					sb.WriteByte('}')
					i += 2
					continue
				}
				break
			}
			if format[i] == '{' {
				if i+1 < len(format) && format[i+1] == '{' {
					sb.WriteByte('{')
					i += 2
					continue
				}
				return 0, errBadFormat()
			}
			sb.WriteByte(format[i])
			i++
		}
		spec = sb.String()
	}
	if i >= len(format) || format[i] != '}' {
		return 0, errBadFormat()
	}
	if idx >= len(args) {
		return 0, errFormatIndex()
	}
	s, err := FormatValue(args[idx], spec)
	if err != nil {
		return 0, err
	}
	if n := utf8.RuneCountInString(s); n < abs(align) {
		pad := strings.Repeat(" ", abs(align)-n)
		if align > 0 {
			s = pad + s
		} else {
			s += pad
		}
	}
	b.WriteString(s)
	return i, nil
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// FormatValue formats one value as a composite-format item or ToString(format) would in
// the en-US culture: numbers and dates with their format strings, a DateTime without a
// format as "6/13/2018 9:15:00 AM", doubles as their shortest round-trip text.
func FormatValue(v Value, spec string) (string, error) {
	switch x := v.(type) {
	case nil:
		return "", nil
	case int32, int64, float64, Byte:
		return FormatNumber(x, spec)
	case time.Time:
		return FormatDateErr(x, spec)
	case time.Duration:
		return FormatTimeSpanSpec(x, spec)
	case Guid:
		return formatGuid(x, spec)
	}
	return elementString(v), nil
}

func formatGuid(g Guid, spec string) (string, error) {
	d := g.String()
	switch spec {
	case "", "D", "d":
		return d, nil
	case "N", "n":
		return strings.ReplaceAll(d, "-", ""), nil
	case "B", "b":
		return "{" + d + "}", nil
	case "P", "p":
		return "(" + d + ")", nil
	}
	return "", newError(excFormat, "NotSpecified", "FormatException",
		"Format string can be only \"D\", \"d\", \"N\", \"n\", \"P\", \"p\", \"B\", \"b\", \"X\" or \"x\".")
}

// FormatTimeSpanSpec formats a TimeSpan with "c" (the default), "g", "G" or a custom
// format (d, hh, mm, ss, fff, literals quoted or backslash-escaped).
func FormatTimeSpanSpec(d time.Duration, spec string) (string, error) {
	ticks := int64(d / 100)
	neg := ticks < 0
	if neg {
		ticks = -ticks
	}
	const tps = 10_000_000
	days := ticks / (86400 * tps)
	h := ticks / (3600 * tps) % 24
	m := ticks / (60 * tps) % 60
	s := ticks / tps % 60
	frac := ticks % tps
	sign := ""
	if neg {
		sign = "-"
	}
	fracStr := strconv.FormatInt(frac, 10)
	fracStr = strings.Repeat("0", 7-len(fracStr)) + fracStr
	switch spec {
	case "", "c", "t", "T":
		return FormatTimeSpan(d), nil
	case "g":
		out := sign
		if days > 0 {
			out += strconv.FormatInt(days, 10) + ":"
		}
		out += strconv.FormatInt(h, 10) + ":" + pad2(m) + ":" + pad2(s)
		if frac > 0 {
			out += "." + strings.TrimRight(fracStr, "0")
		}
		return out, nil
	case "G":
		return sign + strconv.FormatInt(days, 10) + ":" + pad2(h) + ":" + pad2(m) + ":" + pad2(s) + "." + fracStr, nil
	}
	if len(spec) == 1 {
		return "", errBadFormat()
	}
	var b strings.Builder
	for i := 0; i < len(spec); {
		c := spec[i]
		n := runLen(spec, i)
		num := func(v int64, w int) {
			t := strconv.FormatInt(v, 10)
			for k := len(t); k < w; k++ {
				b.WriteByte('0')
			}
			b.WriteString(t)
		}
		switch c {
		case 'd':
			num(days, n)
		case 'h':
			num(h, min(n, 2))
		case 'm':
			num(m, min(n, 2))
		case 's':
			num(s, min(n, 2))
		case 'f':
			b.WriteString(fracStr[:min(n, 7)])
		case 'F':
			b.WriteString(strings.TrimRight(fracStr[:min(n, 7)], "0"))
		case '\'', '"':
			j := strings.IndexByte(spec[i+1:], c)
			if j < 0 {
				return "", errBadFormat()
			}
			b.WriteString(spec[i+1 : i+1+j])
			i += j + 2
			continue
		case '\\':
			if i+1 >= len(spec) {
				return "", errBadFormat()
			}
			b.WriteByte(spec[i+1])
			i += 2
			continue
		default:
			return "", errBadFormat()
		}
		i += n
	}
	return b.String(), nil
}
