package value

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// OFS is the separator used when an array is converted to a string.
const OFS = " "

// ToString converts v to a string the way PowerShell does for string expansion, [string]
// casts and -join: invariant culture, arrays joined with a space, $null as "".
func ToString(v Value) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case bool:
		if v {
			return "True"
		}
		return "False"
	case int32:
		return strconv.FormatInt(int64(v), 10)
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return FormatDouble(v)
	case time.Time:
		return FormatDate(v, "MM'/'dd'/'yyyy HH':'mm':'ss")
	case time.Duration:
		return FormatTimeSpan(v)
	case []Value:
		return joinValues(v, OFS)
	case *List:
		return joinValues(v.Items, OFS)
	case *Hashtable:
		return TypeName(v)
	case *Object:
		return objectString(v)
	case *ScriptBlock:
		return v.Text
	case Custom:
		return v.String()
	}
	return TypeName(v)
}

func joinValues(items []Value, sep string) string {
	var b strings.Builder
	for i, it := range items {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(elementString(it))
	}
	return b.String()
}

// elementString converts a value nested inside another (an array element, a property
// value): nested collections are not flattened but show their type name.
func elementString(v Value) string {
	switch v := v.(type) {
	case []Value, *List:
		return TypeName(v)
	}
	return ToString(v)
}

// objectString is PSObject.ToString: the object's own text when it has one, else the
// "@{Name=x; Count=3}" form.
func objectString(o *Object) string {
	if o.str != "" {
		return o.str
	}
	var b strings.Builder
	b.WriteString("@{")
	for i, p := range o.props {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(p.Name)
		b.WriteByte('=')
		b.WriteString(elementString(p.Value))
	}
	b.WriteByte('}')
	return b.String()
}

// FormatDouble renders a double with up to 15 significant digits (.NET "G15"), which is
// how PowerShell converts doubles to text: 0.1+0.2 → "0.3", 1e16 → "1E+16".
func FormatDouble(f float64) string { return formatG(f, 15, 'E') }

// formatG is .NET's "G<prec>" format in the invariant culture.
func formatG(f float64, prec int, e byte) string { return formatGSci(f, prec, prec, e) }

// formatGSci rounds to prec significant digits and switches to exponent form when the
// exponent reaches sciAt or falls below -4.
func formatGSci(f float64, prec, sciAt int, e byte) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f == 0:
		if math.Signbit(f) {
			return "-0"
		}
		return "0"
	}
	s := strconv.FormatFloat(f, 'e', prec-1, 64) // -d.dddde±xx
	neg := s[0] == '-'
	if neg {
		s = s[1:]
	}
	ei := strings.IndexByte(s, 'e')
	mant, expS := s[:ei], s[ei+1:]
	exp, _ := strconv.Atoi(expS)
	digits := strings.Replace(mant, ".", "", 1)
	digits = strings.TrimRight(digits, "0")
	if digits == "" {
		digits = "0"
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	if exp >= sciAt || exp < -4 {
		b.WriteByte(digits[0])
		if len(digits) > 1 {
			b.WriteByte('.')
			b.WriteString(digits[1:])
		}
		b.WriteByte(e)
		if exp < 0 {
			b.WriteByte('-')
			exp = -exp
		} else {
			b.WriteByte('+')
		}
		if exp < 10 {
			b.WriteByte('0')
		}
		b.WriteString(strconv.Itoa(exp))
		return b.String()
	}
	if exp < 0 {
		b.WriteString("0.")
		b.WriteString(strings.Repeat("0", -exp-1))
		b.WriteString(digits)
		return b.String()
	}
	if len(digits) <= exp+1 {
		b.WriteString(digits)
		b.WriteString(strings.Repeat("0", exp+1-len(digits)))
		return b.String()
	}
	b.WriteString(digits[:exp+1])
	b.WriteByte('.')
	b.WriteString(digits[exp+1:])
	return b.String()
}

// FormatTimeSpan renders a TimeSpan in its constant ("c") form: [-][d.]hh:mm:ss[.fffffff].
func FormatTimeSpan(d time.Duration) string {
	var b strings.Builder
	ticks := int64(d / 100)
	if ticks < 0 {
		b.WriteByte('-')
		ticks = -ticks
	}
	const tps = int64(10_000_000)
	days := ticks / (86400 * tps)
	rem := ticks % (86400 * tps)
	if days > 0 {
		b.WriteString(strconv.FormatInt(days, 10))
		b.WriteByte('.')
	}
	h := rem / (3600 * tps)
	m := rem / (60 * tps) % 60
	s := rem / tps % 60
	frac := rem % tps
	b.WriteString(pad2(h))
	b.WriteByte(':')
	b.WriteString(pad2(m))
	b.WriteByte(':')
	b.WriteString(pad2(s))
	if frac > 0 {
		f := strconv.FormatInt(frac, 10)
		b.WriteByte('.')
		b.WriteString(strings.Repeat("0", 7-len(f)))
		b.WriteString(f)
	}
	return b.String()
}

func pad2(n int64) string {
	if n < 10 {
		return "0" + strconv.FormatInt(n, 10)
	}
	return strconv.FormatInt(n, 10)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// ToBool is PowerShell's truthiness (LanguagePrimitives.IsTrue).
func ToBool(v Value) bool {
	switch v := v.(type) {
	case nil:
		return false
	case bool:
		return v
	case string:
		return v != ""
	case int32:
		return v != 0
	case int64:
		return v != 0
	case float64:
		return v != 0
	case Char:
		return v != 0
	case Byte:
		return v != 0
	case []Value:
		return listTruth(v)
	case *List:
		return listTruth(v.Items)
	}
	return true
}

func listTruth(items []Value) bool {
	switch len(items) {
	case 0:
		return false
	case 1:
		switch e := items[0].(type) {
		case []Value:
			return len(e) > 0
		case *List:
			return len(e.Items) > 0
		}
		return ToBool(items[0])
	}
	return true
}
