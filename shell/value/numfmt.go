package value

import (
	"math"
	"strconv"
	"strings"
)

// errFormatSpecifier is .NET's FormatException for an unknown standard numeric format.
func errFormatSpecifier() error {
	return newError(excFormat, "NotSpecified", "FormatException", "Format specifier was invalid.")
}

// FormatNumber formats a number with a .NET standard (C, D, E, F, G, N, P, R, X with an
// optional precision) or custom ("0.00", "#,##0", "0%", "(###) ###-####", sections split
// by ';') numeric format string in the en-US culture. Non-numbers are converted with
// ToString.
func FormatNumber(v Value, format string) (string, error) {
	var f float64
	isInt := true
	var iv int64
	switch x := v.(type) {
	case int32:
		iv = int64(x)
	case int64:
		iv = x
	case Byte:
		iv = int64(x)
	case float64:
		f, isInt = x, false
	default:
		return ToString(v), nil
	}
	if isInt {
		f = float64(iv)
	}
	if format == "" {
		if isInt {
			return strconv.FormatInt(iv, 10), nil
		}
		return formatRoundTrip(f), nil
	}
	c := format[0]
	prec := -1
	if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') && len(format) <= 4 {
		rest := format[1:]
		std := true
		if rest != "" {
			n, err := strconv.Atoi(rest)
			if err != nil || n < 0 {
				std = false
			} else {
				prec = n
			}
		}
		if std {
			return standardNumber(v, c, prec, f, iv, isInt)
		}
	}
	return customNumber(f, format), nil
}

func standardNumber(v Value, c byte, prec int, f float64, iv int64, isInt bool) (string, error) {
	def := func(d int) int {
		if prec < 0 {
			return d
		}
		return prec
	}
	switch c {
	case 'C', 'c':
		s := fixedString(math.Abs(f), def(2), true)
		if f < 0 && hasNonZero(s) {
			return "-$" + s, nil
		}
		return "$" + s, nil
	case 'D', 'd':
		if !isInt {
			return "", errFormatSpecifier()
		}
		u := iv
		neg := u < 0
		s := strconv.FormatUint(absU(u), 10)
		if len(s) < prec {
			s = strings.Repeat("0", prec-len(s)) + s
		}
		if neg {
			s = "-" + s
		}
		return s, nil
	case 'E', 'e':
		return expString(f, def(6), c), nil
	case 'F', 'f':
		return signed(f, fixedString(math.Abs(f), def(2), false)), nil
	case 'N', 'n':
		return signed(f, fixedString(math.Abs(f), def(2), true)), nil
	case 'P', 'p':
		s := fixedString(math.Abs(f*100), def(2), true)
		return signed(f, s) + "%", nil
	case 'G', 'g':
		e := byte('E')
		if c == 'g' {
			e = 'e'
		}
		if prec <= 0 {
			if isInt {
				return strconv.FormatInt(iv, 10), nil
			}
			return formatRoundTrip(f), nil
		}
		return formatG(f, prec, e), nil
	case 'R', 'r':
		if isInt {
			return strconv.FormatInt(iv, 10), nil
		}
		return formatRoundTrip(f), nil
	case 'X', 'x':
		if !isInt {
			return "", errFormatSpecifier()
		}
		var s string
		if _, ok := v.(int32); ok {
			s = strconv.FormatUint(uint64(uint32(iv)), 16)
		} else {
			s = strconv.FormatUint(uint64(iv), 16)
		}
		if c == 'X' {
			s = strings.ToUpper(s)
		}
		if len(s) < prec {
			s = strings.Repeat("0", prec-len(s)) + s
		}
		return s, nil
	}
	return "", errFormatSpecifier()
}

func absU(n int64) uint64 {
	if n < 0 {
		return uint64(-n)
	}
	return uint64(n)
}

func hasNonZero(s string) bool { return strings.ContainsAny(s, "123456789") }

// signed prefixes '-' for negative values that do not round to zero.
func signed(f float64, s string) string {
	if f < 0 && hasNonZero(s) {
		return "-" + s
	}
	return s
}

// decimalDigits returns the significant digits of |f| (no leading zeros) and the position
// of the decimal point relative to them, with sig significant digits.
func decimalDigits(f float64, sig int) (string, int) {
	f = math.Abs(f)
	if f == 0 {
		return "0", 1
	}
	s := strconv.FormatFloat(f, 'e', sig-1, 64)
	ei := strings.IndexByte(s, 'e')
	exp, _ := strconv.Atoi(s[ei+1:])
	return strings.Replace(s[:ei], ".", "", 1), exp + 1
}

// roundDigits rounds digits (decimal point after point digits) to decimals places, half away
// from zero as .NET formatting does, returning the integer and fraction digit strings.
func roundDigits(digits string, point, decimals int) (string, string) {
	keep := point + decimals
	var d []byte
	switch {
	case keep < 0:
		d = nil
		point = 0
		keep = 0
	case keep >= len(digits):
		d = []byte(digits + strings.Repeat("0", keep-len(digits)))
	default:
		d = []byte(digits[:keep])
		if digits[keep] >= '5' {
			i := len(d) - 1
			for ; i >= 0; i-- {
				if d[i] == '9' {
					d[i] = '0'
					continue
				}
				d[i]++
				break
			}
			if i < 0 {
				d = append([]byte{'1'}, d...)
				point++
				keep++
			}
		}
	}
	var intPart, frac string
	if point <= 0 {
		intPart = "0"
		frac = strings.Repeat("0", -point) + string(d)
	} else {
		intPart = string(d[:point])
		frac = string(d[point:])
	}
	if len(frac) > decimals {
		frac = frac[:decimals]
	}
	intPart = strings.TrimLeft(intPart, "0")
	if intPart == "" {
		intPart = "0"
	}
	return intPart, frac
}

// fixedString formats |f| with decimals places, optionally grouping thousands.
func fixedString(f float64, decimals int, group bool) string {
	digits, point := decimalDigits(f, 40)
	intPart, frac := roundDigits(digits, point, decimals)
	if group {
		intPart = groupThousands(intPart)
	}
	if decimals > 0 {
		return intPart + "." + frac
	}
	return intPart
}

func groupThousands(s string) string {
	if len(s) <= 3 {
		return s
	}
	var b strings.Builder
	pre := len(s) % 3
	if pre > 0 {
		b.WriteString(s[:pre])
	}
	for i := pre; i < len(s); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(s[i : i+3])
	}
	return b.String()
}

// expString is the "E" format: d.ddd…E+ddd.
func expString(f float64, decimals int, e byte) string {
	if f == 0 {
		s := "0"
		if decimals > 0 {
			s += "." + strings.Repeat("0", decimals)
		}
		return s + string(e) + "+000"
	}
	s := strconv.FormatFloat(math.Abs(f), 'e', decimals, 64)
	ei := strings.IndexByte(s, 'e')
	exp, _ := strconv.Atoi(s[ei+1:])
	sign := "+"
	if exp < 0 {
		sign = "-"
		exp = -exp
	}
	es := strconv.Itoa(exp)
	for len(es) < 3 {
		es = "0" + es
	}
	return signed(f, s[:ei]) + string(e) + sign + es
}

// formatRoundTrip is double.ToString() in .NET: the shortest text that round-trips,
// switching to exponent form from 1E+15 up and from 1E-05 down.
func formatRoundTrip(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) || f == 0 {
		return formatG(f, 15, 'E')
	}
	s := strconv.FormatFloat(f, 'e', -1, 64)
	n := len(strings.Replace(strings.TrimPrefix(s[:strings.IndexByte(s, 'e')], "-"), ".", "", 1))
	return formatGSci(f, max(n, 15), 15, 'E')
}

// customNumber applies a custom numeric format string.
func customNumber(f float64, format string) string {
	sections := splitSections(format)
	sec := sections[0]
	neg := f < 0
	switch {
	case neg && len(sections) > 1 && sections[1] != "":
		sec = sections[1]
		neg = false
		f = -f
	case f == 0 && len(sections) > 2:
		sec = sections[2]
	}
	s := applyCustom(math.Abs(f), sec)
	if neg && hasNonZero(s) {
		return "-" + s
	}
	return s
}

func splitSections(format string) []string {
	var out []string
	start := 0
	var quote byte
	for i := 0; i < len(format); i++ {
		c := format[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '\\':
			i++
		case c == ';':
			out = append(out, format[start:i])
			start = i + 1
		}
	}
	return append(out, format[start:])
}

type fmtToken struct {
	lit   string
	digit byte // '0' or '#', 0 for a literal
}

// applyCustom formats a non-negative number with one custom section.
func applyCustom(f float64, sec string) string {
	var intToks, fracToks []fmtToken
	inFrac, group, hasPoint := false, false, false
	scale, percent := 0, 0
	pendingCommas := 0
	add := func(t fmtToken) {
		if inFrac {
			fracToks = append(fracToks, t)
		} else {
			intToks = append(intToks, t)
		}
	}
	for i := 0; i < len(sec); i++ {
		c := sec[i]
		if c != ',' && pendingCommas > 0 {
			if c == '0' || c == '#' {
				group = true
			}
			pendingCommas = 0
		}
		switch c {
		case '0', '#':
			add(fmtToken{digit: c})
		case '.':
			if !inFrac {
				inFrac, hasPoint = true, true
			}
		case ',':
			if !inFrac {
				pendingCommas++
				// Commas right before the point (or the end) scale by 1000 each.
				j := i + 1
				for j < len(sec) && sec[j] == ',' {
					j++
				}
				if j >= len(sec) || sec[j] == '.' || sec[j] == ';' {
					scale += j - i
					i = j - 1
					pendingCommas = 0
				}
			}
		case '%':
			percent++
			add(fmtToken{lit: "%"})
		case '\'', '"':
			j := strings.IndexByte(sec[i+1:], c)
			if j < 0 {
				add(fmtToken{lit: sec[i+1:]})
				i = len(sec)
			} else {
				add(fmtToken{lit: sec[i+1 : i+1+j]})
				i += j + 1
			}
		case '\\':
			if i+1 < len(sec) {
				add(fmtToken{lit: sec[i+1 : i+2]})
				i++
			}
		default:
			add(fmtToken{lit: string(c)})
		}
	}
	for range percent {
		f *= 100
	}
	for range scale {
		f /= 1000
	}
	fracMax, fracMin := 0, 0
	for i, t := range fracToks {
		if t.digit != 0 {
			fracMax++
			if t.digit == '0' {
				fracMin = fracCount(fracToks[:i+1])
			}
		}
	}
	intMin, seenZero := 0, false
	for _, t := range intToks {
		if t.digit == '0' {
			seenZero = true
		}
		if t.digit != 0 && seenZero {
			intMin++
		}
	}
	digits, point := decimalDigits(f, 15)
	intPart, frac := roundDigits(digits, point, fracMax)
	frac = strings.TrimRight(frac, "0")
	for len(frac) < fracMin {
		frac += "0"
	}
	if intPart == "0" {
		intPart = ""
	}
	for len(intPart) < intMin {
		intPart = "0" + intPart
	}
	if group {
		intPart = groupThousands(intPart)
	}
	var b strings.Builder
	b.WriteString(fillInt(intToks, intPart, group))
	if hasPoint && frac != "" {
		b.WriteByte('.')
	}
	k := 0
	for _, t := range fracToks {
		if t.digit == 0 {
			b.WriteString(t.lit)
			continue
		}
		if k < len(frac) {
			b.WriteByte(frac[k])
			k++
		}
	}
	return b.String()
}

func fracCount(toks []fmtToken) int {
	n := 0
	for _, t := range toks {
		if t.digit != 0 {
			n++
		}
	}
	return n
}

// fillInt places the integer digits into the integer part of the pattern from the right;
// the leftmost placeholder takes any surplus digits.
func fillInt(toks []fmtToken, digits string, grouped bool) string {
	first := -1
	for i, t := range toks {
		if t.digit != 0 {
			first = i
			break
		}
	}
	if first < 0 {
		var b strings.Builder
		for _, t := range toks {
			b.WriteString(t.lit)
		}
		return b.String()
	}
	if grouped {
		// Grouped digits fill the placeholder run as one block.
		var b strings.Builder
		placed := false
		for _, t := range toks {
			if t.digit != 0 {
				if !placed {
					b.WriteString(digits)
					placed = true
				}
				continue
			}
			b.WriteString(t.lit)
		}
		return b.String()
	}
	out := make([]string, len(toks))
	rest := digits
	for i := len(toks) - 1; i >= 0; i-- {
		t := toks[i]
		if t.digit == 0 {
			out[i] = t.lit
			continue
		}
		if i == first {
			out[i] = rest
			rest = ""
			continue
		}
		if rest != "" {
			out[i] = rest[len(rest)-1:]
			rest = rest[:len(rest)-1]
		}
	}
	return strings.Join(out, "")
}
