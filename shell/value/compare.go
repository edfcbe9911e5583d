package value

import (
	"cmp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Equal is PowerShell's -eq on two scalars (LanguagePrimitives.Equals): the left operand
// drives conversion, strings compare case-insensitively unless caseSensitive, and a failed
// conversion of the right operand yields false rather than an error.
func Equal(a, b Value, caseSensitive bool) bool {
	// Fast paths for the common same-kind cases, without allocation.
	switch x := a.(type) {
	case nil:
		return b == nil
	case int32:
		switch y := b.(type) {
		case int32:
			return x == y
		case int64:
			return int64(x) == y
		case float64:
			return float64(x) == y
		}
	case int64:
		switch y := b.(type) {
		case int32:
			return x == int64(y)
		case int64:
			return x == y
		case float64:
			return float64(x) == y
		}
	case float64:
		if isNumber(b) {
			return x == asFloat(b)
		}
	case string:
		if y, ok := b.(string); ok {
			return EqualStrings(x, y, caseSensitive)
		}
		if b == nil {
			return false
		}
		return EqualStrings(x, ToString(b), caseSensitive)
	case Char:
		if b == nil {
			return false
		}
		return EqualStrings(x.String(), ToString(b), caseSensitive)
	case bool:
		if b == nil {
			return false
		}
		return x == ToBool(b)
	case time.Time:
		c, err := toDate(b, nil)
		if err != nil {
			return false
		}
		return timeTicks(x) == timeTicks(c.(time.Time))
	case TypeValue:
		switch y := b.(type) {
		case TypeValue:
			return strings.EqualFold(x.Name, y.Name)
		case string:
			n, ok := ResolveType(y)
			return ok && n == x.Name
		}
		return false
	}
	if b == nil {
		return false
	}
	switch a.(type) {
	case int32, int64, float64, Byte, time.Duration, Guid:
		c, err := convertTo(b, TypeName(a), nil)
		if err != nil {
			return false
		}
		if isNumber(a) {
			return asFloat(a) == asFloat(c)
		}
		return a == c
	case []Value, *List, *Hashtable, *Object, *ScriptBlock, *SecureString:
		return sameRef(a, b)
	}
	if ca, ok := a.(Custom); ok {
		if cb, ok := b.(Custom); ok && TypeName(ca) == TypeName(cb) {
			return ca.String() == cb.String()
		}
	}
	return false
}

// sameRef reports whether two reference values are the same object.
func sameRef(a, b Value) bool {
	switch x := a.(type) {
	case []Value:
		y, ok := b.([]Value)
		return ok && len(x) == len(y) && (len(x) == 0 || &x[0] == &y[0])
	case *List:
		y, ok := b.(*List)
		return ok && x == y
	case *Hashtable:
		y, ok := b.(*Hashtable)
		return ok && x == y
	case *Object:
		y, ok := b.(*Object)
		return ok && x == y
	case *ScriptBlock:
		y, ok := b.(*ScriptBlock)
		return ok && x == y
	case *SecureString:
		y, ok := b.(*SecureString)
		return ok && x == y
	}
	return false
}

// EqualStrings compares two strings for -eq: case-insensitively (invariant culture) unless
// caseSensitive.
func EqualStrings(a, b string, caseSensitive bool) bool {
	if caseSensitive {
		return a == b
	}
	return strings.EqualFold(a, b)
}

// Compare orders a and b as -lt/-gt do (LanguagePrimitives.Compare): the right operand is
// converted to the left one's type; a failed conversion is pwsh's "Could not compare" error.
func Compare(a, b Value, caseSensitive bool) (int, error) {
	switch x := a.(type) {
	case nil:
		if b == nil {
			return 0, nil
		}
		if isNumber(b) {
			return cmpFloat(0, asFloat(b)), nil
		}
		if s, ok := b.(string); ok && s == "" {
			return 0, nil
		}
		return -1, nil
	case int32:
		switch y := b.(type) {
		case int32:
			return cmp.Compare(int64(x), int64(y)), nil
		case int64:
			return cmp.Compare(int64(x), y), nil
		}
	case int64:
		switch y := b.(type) {
		case int32:
			return cmp.Compare(x, int64(y)), nil
		case int64:
			return cmp.Compare(x, y), nil
		}
	case string:
		if b == nil {
			return 1, nil
		}
		return CompareStrings(x, ToString(b), caseSensitive), nil
	case Char:
		if b == nil {
			return 1, nil
		}
		return CompareStrings(x.String(), ToString(b), caseSensitive), nil
	}
	if b == nil {
		if isNumber(a) {
			return cmpFloat(asFloat(a), 0), nil
		}
		return 1, nil
	}
	if isNumber(a) && isNumber(b) {
		return cmpFloat(asFloat(a), asFloat(b)), nil
	}
	switch x := a.(type) {
	case int32, int64, float64, Byte, bool, time.Time, time.Duration:
		c, err := convertTo(b, TypeName(a), nil)
		if err != nil {
			return 0, compareError(a, b, err)
		}
		switch x := x.(type) {
		case bool:
			return cmp.Compare(boolInt(x), boolInt(c.(bool))), nil
		case time.Time:
			return cmp.Compare(timeTicks(x), timeTicks(c.(time.Time))), nil
		case time.Duration:
			return cmp.Compare(int64(x), int64(c.(time.Duration))), nil
		}
		return cmpFloat(asFloat(a), asFloat(c)), nil
	case Guid:
		return CompareStrings(x.String(), ToString(b), false), nil
	}
	return 0, newError(excRuntime, "InvalidOperation", "NotIcomparable",
		"Cannot compare \"%s\" because it is not IComparable.", ToString(a))
}

func compareError(a, b Value, err error) error {
	return newError(excRuntime, "InvalidOperation", "ComparisonFailure",
		"Could not compare \"%s\" to \"%s\". Error: \"%s\"", ToString(a), ToString(b), err.Error())
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// cmpFloat orders two doubles; unlike cmp.Compare it ties NaN with every number.
func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// CompareStrings orders strings the way the invariant culture does closely enough for
// sorting and -lt/-gt: punctuation before digits before letters, letters compared without
// case first; when caseSensitive, a lower-case letter sorts before its upper-case form.
func CompareStrings(a, b string, caseSensitive bool) int {
	tie := 0
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		a, b = a[na:], b[nb:]
		if ra == rb {
			continue
		}
		ka, kb := collationKey(ra), collationKey(rb)
		if ka != kb {
			return cmp.Compare(int64(ka), int64(kb))
		}
		if tie == 0 {
			// Same letter, different case: lower case first.
			if unicode.IsLower(ra) {
				tie = -1
			} else {
				tie = 1
			}
		}
	}
	switch {
	case a == "" && b != "":
		return -1
	case a != "" && b == "":
		return 1
	}
	if caseSensitive {
		return tie
	}
	return 0
}

// collationKey groups runes: blanks and punctuation, then digits, then letters (case
// folded), each group ordered by code point.
func collationKey(r rune) int64 {
	switch {
	case unicode.IsDigit(r):
		return 1<<32 | int64(r)
	case unicode.IsLetter(r):
		return 2<<32 | int64(unicode.ToLower(r))
	}
	return int64(r)
}
