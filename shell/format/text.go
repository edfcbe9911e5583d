package format

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/exosh/exosh/shell/value"
)

// FormatEnumerationLimit is pwsh's $FormatEnumerationLimit: how many items of a collection a
// table cell or list value shows before "…".
const FormatEnumerationLimit = 4

// ellipsis marks text cut by the formatter (U+2026, as pwsh 7 prints it).
const ellipsis = "…"

// en-US layouts: the long form is DateTime's DisplayHint view, the short form is
// DateTime.ToString() in the current culture.
const (
	longDateLayout  = "Monday, January 2, 2006 3:04:05 PM"
	shortDateLayout = "1/2/2006 3:04:05 PM"
)

// DisplayString is how a value prints on its own line: ToString in the en-US culture, with
// doubles up to 15 significant digits, DateTime in the long form
// ("Wednesday, June 13, 2018 9:15:00 AM") and TimeSpan as "1.02:03:04". Collections print one
// element per line; $null prints as the empty string.
func DisplayString(v value.Value) string {
	switch x := v.(type) {
	case time.Time:
		return x.Format(longDateLayout)
	case []value.Value:
		return joinLines(x)
	case *value.List:
		return joinLines(x.Items)
	}
	return scalarString(v)
}

func joinLines(items []value.Value) string {
	parts := make([]string, len(items))
	for i, it := range items {
		parts[i] = DisplayString(it)
	}
	return strings.Join(parts, "\n")
}

// CellString is how a value prints in a table cell: like a list value, except that doubles
// show two decimals ("1.50") as pwsh 7.3+ does for property-generated cells.
func CellString(v value.Value) string {
	if f, ok := v.(float64); ok {
		return formatFixed2(f)
	}
	return listString(v)
}

// listString is how a value prints after "Label : " in a list: the culture-specific
// ToString, DateTime in the short form, collections as "{a, b, c…}".
func listString(v value.Value) string {
	switch x := v.(type) {
	case time.Time:
		return x.Format(shortDateLayout)
	case []value.Value:
		return enumerationString(x)
	case *value.List:
		return enumerationString(x.Items)
	case *value.Hashtable:
		// The formatter enumerates a dictionary; its DictionaryEntry items have no ToString
		// of their own, so each shows its type name.
		entries := make([]value.Value, x.Len())
		for i := range entries {
			entries[i] = typeDictionaryEntry
		}
		return enumerationString(entries)
	}
	return scalarString(v)
}

// enumerationString renders a collection as pwsh's formatter does: braces, ", " between
// items, at most FormatEnumerationLimit items and "…" when there are more.
func enumerationString(items []value.Value) string {
	var b strings.Builder
	b.WriteByte('{')
	for i, it := range items {
		if i == FormatEnumerationLimit {
			b.WriteString(ellipsis)
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(elementString(it))
	}
	b.WriteByte('}')
	return b.String()
}

// elementString renders one item inside "{...}": nested collections are not expanded again.
func elementString(v value.Value) string {
	switch v.(type) {
	case []value.Value:
		return "System.Object[]"
	case *value.List:
		return value.TypeName(v)
	}
	return listString(v)
}

// scalarString is the culture-specific ToString of a single value.
func scalarString(v value.Value) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case bool:
		if x {
			return "True"
		}
		return "False"
	case int32:
		return strconv.FormatInt(int64(x), 10)
	case int64:
		return strconv.FormatInt(x, 10)
	case int:
		return strconv.Itoa(x)
	case float64:
		return formatG15(x)
	case time.Time:
		return x.Format(shortDateLayout)
	case time.Duration:
		return formatTimeSpan(x)
	case *value.ScriptBlock:
		return x.Text
	case value.Custom:
		return x.String()
	}
	return value.ToString(v)
}

// formatG15 formats a double as .NET's "G15": up to 15 significant digits, scientific
// notation ("1E+16", "1E-05") outside the fixed range.
func formatG15(f float64) string {
	if s, ok := nonFinite(f); ok {
		return s
	}
	s := strconv.FormatFloat(f, 'g', 15, 64)
	if i := strings.IndexByte(s, 'e'); i >= 0 {
		s = s[:i] + "E" + s[i+1:]
	}
	return s
}

// formatFixed2 formats a double as .NET's "F" in en-US: two decimals, no group separators.
func formatFixed2(f float64) string {
	if s, ok := nonFinite(f); ok {
		return s
	}
	return strconv.FormatFloat(f, 'f', 2, 64)
}

func nonFinite(f float64) (string, bool) {
	switch {
	case math.IsNaN(f):
		return "NaN", true
	case math.IsInf(f, 1):
		return "∞", true
	case math.IsInf(f, -1):
		return "-∞", true
	}
	return "", false
}

// formatTimeSpan formats a duration as TimeSpan's constant ("c") form:
// [-][d.]hh:mm:ss[.fffffff].
func formatTimeSpan(d time.Duration) string {
	ticks := int64(d / 100)
	var b strings.Builder
	if ticks < 0 {
		b.WriteByte('-')
		ticks = -ticks
	}
	const (
		perSecond = 10_000_000
		perMinute = 60 * perSecond
		perHour   = 60 * perMinute
		perDay    = 24 * perHour
	)
	days := ticks / perDay
	if days > 0 {
		b.WriteString(strconv.FormatInt(days, 10))
		b.WriteByte('.')
	}
	two := func(n int64) {
		if n < 10 {
			b.WriteByte('0')
		}
		b.WriteString(strconv.FormatInt(n, 10))
	}
	two(ticks % perDay / perHour)
	b.WriteByte(':')
	two(ticks % perHour / perMinute)
	b.WriteByte(':')
	two(ticks % perMinute / perSecond)
	if frac := ticks % perSecond; frac != 0 {
		s := strconv.FormatInt(frac, 10)
		b.WriteByte('.')
		b.WriteString(strings.Repeat("0", 7-len(s)))
		b.WriteString(s)
	}
	return b.String()
}

// isNumeric reports whether v is a number, a Boolean or an enum value: such values are
// right-aligned in tables.
func isNumeric(v value.Value) bool {
	switch x := v.(type) {
	case int32, int64, int, float64, bool:
		return true
	case value.Custom:
		for _, n := range x.TypeNames() {
			if numericTypeNames[n] {
				return true
			}
		}
	}
	return false
}

// numericTypeNames are the .NET types, other than exosh's basic numbers, whose values pwsh
// right-aligns.
var numericTypeNames = map[string]bool{
	"System.Enum": true, "System.Byte": true, "System.SByte": true, "System.Int16": true,
	"System.UInt16": true, "System.UInt32": true, "System.UInt64": true, "System.Single": true,
	"System.Decimal": true, "System.Numerics.BigInteger": true,
}
