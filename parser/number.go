package parser

import (
	"math"
	"strconv"
	"strings"
)

func isDigit(c byte) bool    { return c >= '0' && c <= '9' }
func isHexDigit(c byte) bool { return isDigit(c) || (c|0x20 >= 'a' && c|0x20 <= 'f') }

// numberSuffixes are the type suffixes, longest first.
var numberSuffixes = []string{"ul", "us", "uy", "l", "d", "u", "s", "y", "n"}

// multipliers are the kb..pb multipliers (powers of 1024).
var multipliers = map[string]float64{"kb": 1 << 10, "mb": 1 << 20, "gb": 1 << 30, "tb": 1 << 40, "pb": 1 << 50}

// scanNumber returns the length of the numeric literal at src[i], or 0. It does not look at
// the character after the literal; the caller decides whether the literal stands alone.
func scanNumber(src string, i int) int {
	j := i
	hex, binary := false, false
	switch {
	case j+2 < len(src) && src[j] == '0' && src[j+1]|0x20 == 'x' && isHexDigit(src[j+2]):
		hex = true
		j += 2
		for j < len(src) && isHexDigit(src[j]) {
			j++
		}
	case j+2 < len(src) && src[j] == '0' && src[j+1]|0x20 == 'b' && (src[j+2] == '0' || src[j+2] == '1'):
		binary = true
		j += 2
		for j < len(src) && (src[j] == '0' || src[j] == '1') {
			j++
		}
	default:
		for j < len(src) && isDigit(src[j]) {
			j++
		}
		// A fraction needs a digit after the dot, so that 1..5 stays a range.
		if j+1 < len(src) && src[j] == '.' && isDigit(src[j+1]) {
			j++
			for j < len(src) && isDigit(src[j]) {
				j++
			}
		}
		if j == i {
			return 0
		}
		if j < len(src) && src[j]|0x20 == 'e' {
			k := j + 1
			if k < len(src) && (src[k] == '+' || src[k] == '-') {
				k++
			}
			if k < len(src) && isDigit(src[k]) {
				for k < len(src) && isDigit(src[k]) {
					k++
				}
				j = k
			}
		}
	}
	rest := strings.ToLower(src[j:min(len(src), j+4)])
	for _, s := range numberSuffixes {
		if strings.HasPrefix(rest, s) && !(hex && s == "d") && !(binary && s == "d") {
			j += len(s)
			rest = rest[len(s):]
			break
		}
	}
	if len(rest) >= 2 {
		if _, ok := multipliers[rest[:2]]; ok {
			j += 2
		}
	}
	return j - i
}

// ParseNumber converts a complete numeric literal (as written, e.g. "200MB", "0xFF", "1.5e3",
// "10L") to int32, int64 or float64 following PowerShell's rules: the narrowest of Int32 and
// Int64 that holds an integer, Double for reals, hex and binary as two's complement. It
// reports false when text is not a numeric literal (then it is a bareword in argument mode).
// The runtime may use it for string-to-number conversion, which reuses the literal rules.
func ParseNumber(text string) (any, bool) {
	neg := false
	body := text
	if len(body) > 0 && (body[0] == '-' || body[0] == '+') {
		neg = body[0] == '-'
		body = body[1:]
	}
	if body == "" || scanNumber(body, 0) != len(body) {
		return nil, false
	}
	lower := strings.ToLower(body)
	mult := 1.0
	if len(lower) > 2 {
		if m, ok := multipliers[lower[len(lower)-2:]]; ok {
			mult = m
			lower = lower[:len(lower)-2]
		}
	}
	suffix := ""
	isHex := strings.HasPrefix(lower, "0x")
	isBin := strings.HasPrefix(lower, "0b")
	for _, s := range numberSuffixes {
		if (isHex || isBin) && s == "d" {
			continue // a hex digit, not the decimal suffix
		}
		if strings.HasSuffix(lower, s) && len(lower) > len(s) {
			suffix = s
			lower = lower[:len(lower)-len(s)]
			break
		}
	}
	var v any
	switch {
	case isHex || isBin:
		base := 16
		if isBin {
			base = 2
		}
		digits := strings.TrimLeft(lower[2:], "0")
		if digits == "" {
			digits = "0"
		}
		u, err := strconv.ParseUint(digits, base, 64)
		if err != nil {
			return nil, false
		}
		bits := len(digits) * 4
		if isBin {
			bits = len(digits)
		}
		switch {
		case bits <= 32 && suffix != "l" && suffix != "ul":
			v = int32(uint32(u))
			if suffix == "u" || suffix == "ul" {
				v = int64(uint32(u))
			}
		default:
			v = int64(u)
		}
	case strings.ContainsAny(lower, ".e"):
		f, err := strconv.ParseFloat(lower, 64)
		if err != nil {
			return nil, false
		}
		v = f
		if suffix != "" && suffix != "d" {
			v = roundToInt(math.RoundToEven(f))
		}
	default:
		u, err := strconv.ParseUint(lower, 10, 64)
		if err != nil {
			f, ferr := strconv.ParseFloat(lower, 64)
			if ferr != nil {
				return nil, false
			}
			v = f
		} else if u <= math.MaxInt64 {
			v = narrowInt(int64(u), suffix)
		} else {
			v = float64(u)
		}
	}
	if suffix == "d" {
		v = toFloat(v)
	}
	if mult != 1 {
		v = multiply(v, mult, suffix)
	}
	if neg {
		v = negate(v)
		// -2147483648 is scanned as 2147483648 (Int64) and fits Int32 once negated.
		if n, ok := v.(int64); ok && suffix == "" && !isHex && !isBin && n >= math.MinInt32 {
			v = int32(n)
		}
	}
	return v, true
}

func roundToInt(f float64) any {
	if f >= math.MinInt32 && f <= math.MaxInt32 {
		return int32(f)
	}
	if f >= math.MinInt64 && f <= math.MaxInt64 {
		return int64(f)
	}
	return f
}

// narrowInt picks Int32 when the value fits and no suffix asks for a wider type.
func narrowInt(n int64, suffix string) any {
	switch suffix {
	case "l", "ul", "n":
		return n
	case "u":
		return n // UInt32 or UInt64 in pwsh; Int64 holds both here
	}
	if n >= math.MinInt32 && n <= math.MaxInt32 {
		return int32(n)
	}
	return n
}

func toFloat(v any) float64 {
	switch n := v.(type) {
	case int32:
		return float64(n)
	case int64:
		return float64(n)
	case float64:
		return n
	}
	return 0
}

// multiply applies a kb..pb multiplier before the narrowest type is chosen, so 1gb is an
// Int32 and 1tb an Int64; reals stay Double.
func multiply(v any, m float64, suffix string) any {
	if f, ok := v.(float64); ok {
		return f * m
	}
	p := toFloat(v) * m
	if p > math.MaxInt64 || p < math.MinInt64 {
		return p
	}
	return narrowInt(int64(p), suffix)
}

func negate(v any) any {
	switch n := v.(type) {
	case int32:
		if n == math.MinInt32 {
			return -int64(n)
		}
		return -n
	case int64:
		return -n
	case float64:
		return -n
	}
	return v
}
