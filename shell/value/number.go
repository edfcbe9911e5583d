package value

import (
	"math"
	"strconv"
	"strings"
)

// ParseNumber reads s with PowerShell's numeric-literal rules, as string-to-number
// conversion does at run time: surrounding blanks are ignored; decimal integers become Int32,
// Int64 or Double by size; reals are Double; hex (0x) and binary (0b) literals of up to 32
// bits are Int32 in two's complement; type suffixes (l, d, u, s, y, n, ul, us, uy) and
// multipliers (kb, mb, gb, tb, pb) apply. Decimal values are kept as Double.
func ParseNumber(s string) (Value, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, false
	}
	neg := false
	switch s[0] {
	case '-', '+':
		neg = s[0] == '-'
		s = s[1:]
	case 0xe2: // en dash, em dash and horizontal bar count as minus signs
		for _, d := range []string{"\u2013", "\u2014", "\u2015"} {
			if strings.HasPrefix(s, d) {
				neg = true
				s = s[len(d):]
				break
			}
		}
	}
	if s == "" {
		return nil, false
	}
	lower := strings.ToLower(s)
	// Multiplier.
	mult := int64(1)
	for i, m := range []string{"kb", "mb", "gb", "tb", "pb"} {
		if strings.HasSuffix(lower, m) {
			mult = int64(1) << (10 * (i + 1))
			lower = lower[:len(lower)-2]
			break
		}
	}
	if strings.HasPrefix(lower, "0x") || strings.HasPrefix(lower, "0b") {
		return parseRadix(lower, neg, mult)
	}
	// Type suffix.
	suffix := ""
	for _, sf := range []string{"ul", "us", "uy", "l", "u", "s", "y", "n", "d"} {
		if strings.HasSuffix(lower, sf) && len(lower) > len(sf) {
			suffix = sf
			lower = lower[:len(lower)-len(sf)]
			break
		}
	}
	// Validate the shape: digits [. digits] [e [sign] digits].
	i, n := 0, len(lower)
	intDigits := 0
	for i < n && isDigit(lower[i]) {
		i++
		intDigits++
	}
	real := false
	fracDigits := 0
	if i < n && lower[i] == '.' {
		real = true
		i++
		for i < n && isDigit(lower[i]) {
			i++
			fracDigits++
		}
	}
	if intDigits+fracDigits == 0 {
		return nil, false
	}
	if i < n && lower[i] == 'e' {
		real = true
		i++
		if i < n && (lower[i] == '+' || lower[i] == '-') {
			i++
		}
		expDigits := 0
		for i < n && isDigit(lower[i]) {
			i++
			expDigits++
		}
		if expDigits == 0 {
			return nil, false
		}
	}
	if i != n {
		return nil, false
	}
	text := lower
	if neg {
		text = "-" + text
	}
	if real || suffix == "d" {
		f, err := strconv.ParseFloat(text, 64)
		if err != nil && !isRangeErr(err) {
			return nil, false
		}
		f *= float64(mult)
		if suffix == "" || suffix == "d" {
			return f, true
		}
		return integerSuffix(roundEven(f), suffix)
	}
	x, err := strconv.ParseInt(text, 10, 64)
	if err != nil {
		f, ferr := strconv.ParseFloat(text, 64)
		if ferr != nil && !isRangeErr(ferr) {
			return nil, false
		}
		return f * float64(mult), true
	}
	if mult != 1 {
		if x > math.MaxInt64/mult || x < math.MinInt64/mult {
			return float64(x) * float64(mult), true
		}
		x *= mult
	}
	if suffix != "" {
		return integerSuffix(float64(x), suffix)
	}
	return Int(x), true
}

func isRangeErr(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// integerSuffix types an integral value by its literal suffix, failing when out of range.
func integerSuffix(f float64, suffix string) (Value, bool) {
	in := func(lo, hi float64) bool { return f >= lo && f <= hi }
	switch suffix {
	case "l", "n":
		if in(math.MinInt64, math.MaxInt64) {
			return int64(f), true
		}
		if suffix == "n" {
			return f, true
		}
	case "u":
		if in(0, math.MaxUint32) {
			return int64(f), true
		}
		if in(0, math.MaxInt64) {
			return int64(f), true
		}
	case "ul":
		if in(0, math.MaxInt64) {
			return int64(f), true
		}
		if in(0, math.MaxUint64) {
			return f, true
		}
	case "s":
		if in(math.MinInt16, math.MaxInt16) {
			return int32(f), true
		}
	case "us":
		if in(0, math.MaxUint16) {
			return int32(f), true
		}
	case "y":
		if in(math.MinInt8, math.MaxInt8) {
			return int32(f), true
		}
	case "uy":
		if in(0, math.MaxUint8) {
			return Byte(f), true
		}
	}
	return nil, false
}

// parseRadix reads 0x / 0b literals (already lower-cased, without sign or multiplier).
func parseRadix(s string, neg bool, mult int64) (Value, bool) {
	base := 16
	if s[1] == 'b' {
		base = 2
	}
	s = s[2:]
	long := false
	if strings.HasSuffix(s, "l") {
		long = true
		s = s[:len(s)-1]
	}
	if s == "" {
		return nil, false
	}
	u, err := strconv.ParseUint(s, base, 64)
	if err != nil {
		return nil, false
	}
	bits := len(s) * 4
	if base == 2 {
		bits = len(s)
	}
	var x int64
	if bits <= 32 && !long {
		x = int64(int32(uint32(u)))
	} else {
		x = int64(u)
	}
	if neg {
		x = -x
	}
	if mult != 1 {
		x *= mult
	}
	if long {
		return x, true
	}
	return Int(x), true
}

// roundEven rounds half to even, as .NET's Math.Round and integer casts do.
func roundEven(f float64) float64 { return math.RoundToEven(f) }

// isNumber reports whether v is one of the numeric kinds.
func isNumber(v Value) bool {
	switch v.(type) {
	case int32, int64, float64, Byte:
		return true
	}
	return false
}

// asFloat returns a numeric value as float64.
func asFloat(v Value) float64 {
	switch v := v.(type) {
	case int32:
		return float64(v)
	case int64:
		return float64(v)
	case float64:
		return v
	case Byte:
		return float64(v)
	case Char:
		return float64(v)
	case bool:
		if v {
			return 1
		}
	}
	return 0
}
