package value

import (
	"math"
	"strings"
	"time"
)

// Convert converts v to the named type with PowerShell's conversion rules (used by casts,
// parameter binding and -as). typeName may be an accelerator or a full name, in any case.
func Convert(v Value, typeName string) (Value, error) {
	return ConvertEnv(v, typeName, nil)
}

// ConvertEnv is Convert with the session environment, needed to convert time-only strings
// to DateTime (their date is today).
func ConvertEnv(v Value, typeName string, env *Env) (Value, error) {
	t, ok := ResolveType(typeName)
	if !ok {
		return nil, ErrUnknownType(typeName)
	}
	return convertTo(v, t, env)
}

// castError is "Cannot convert the "v" value of type "T" to type "U"."
func castError(v Value, target string) error {
	return newError(excInvalidCast, "InvalidArgument", "ConvertToFinalInvalidCastException",
		"Cannot convert the \"%s\" value of type \"%s\" to type \"%s\".", ToString(v), TypeName(v), target)
}

// valueError is "Cannot convert value "v" to type "T". Error: "inner""
func valueError(v Value, target, id, inner string) error {
	return newError(excInvalidCast, "InvalidArgument", id,
		"Cannot convert value \"%s\" to type \"%s\". Error: \"%s\"", ToString(v), target, inner)
}

func formatInner(s string) string {
	return "The input string '" + s + "' was not in a correct format."
}

func convertTo(v Value, t string, env *Env) (Value, error) {
	if strings.HasSuffix(t, "[]") {
		return toArray(v, t[:len(t)-2], env)
	}
	if strings.HasPrefix(t, TListPrefix) {
		elem := strings.TrimSuffix(t[len(TListPrefix):], "]]")
		return toList(v, t, elem, env)
	}
	switch t {
	case TObject, TPSObject:
		return v, nil
	case "System.Void":
		return nil, nil
	case TString:
		if v == nil {
			return "", nil
		}
		return ToString(v), nil
	case TBool, TSwitch:
		return ToBool(v), nil
	case TInt32, TInt64, "System.Int16", "System.UInt32", "System.UInt64", TByte:
		return toInteger(v, t)
	case TDouble, TSingle, TDecimal:
		return toDouble(v, t)
	case TDateTime:
		return toDate(v, env)
	case TTimeSpan:
		return toTimeSpan(v)
	case TGuid:
		switch x := v.(type) {
		case Guid:
			return x, nil
		case string:
			if g, ok := ParseGuid(x); ok {
				return g, nil
			}
			return nil, valueError(v, t, "InvalidCastParseTargetInvocation", "Unrecognized Guid format.")
		}
	case TChar:
		return toChar(v)
	case TArray:
		return toArray(v, TObject, env)
	case THashtable:
		if h, ok := v.(*Hashtable); ok {
			return h, nil
		}
	case TOrdered:
		if h, ok := v.(*Hashtable); ok {
			if h.Ordered {
				return h, nil
			}
			c := h.Copy()
			c.Ordered = true
			return c, nil
		}
	case TPSCustom:
		switch x := v.(type) {
		case *Hashtable:
			o := NewObject("")
			for i, k := range x.keys {
				o.Set(ToString(k), x.vals[i])
			}
			return o, nil
		case nil:
			return NewObject(""), nil
		}
		return v, nil
	case TRegex:
		if v == nil {
			return nil, nil
		}
		return ToString(v), nil
	case TSecure:
		if s, ok := v.(*SecureString); ok {
			return s, nil
		}
	case TScriptBlock:
		if s, ok := v.(*ScriptBlock); ok {
			return s, nil
		}
	case TArrayList:
		return toList(v, TArrayList, TObject, env)
	case "System.Type":
		switch x := v.(type) {
		case TypeValue:
			return x, nil
		case string:
			if n, ok := ResolveType(x); ok {
				return TypeValue{Name: n}, nil
			}
			return nil, valueError(v, t, "InvalidCastFromStringToType", "Unable to find type ["+x+"].")
		}
	}
	if v == nil {
		return nil, nil
	}
	if TypeName(v) == t {
		return v, nil
	}
	return nil, castError(v, t)
}

// integerRange gives the bounds of an integer type.
func integerRange(t string) (lo, hi float64, what string) {
	switch t {
	case TInt32:
		return math.MinInt32, math.MaxInt32, "an Int32"
	case "System.Int16":
		return math.MinInt16, math.MaxInt16, "an Int16"
	case "System.UInt32":
		return 0, math.MaxUint32, "a UInt32"
	case "System.UInt64":
		return 0, math.MaxUint64, "a UInt64"
	case TByte:
		return 0, math.MaxUint8, "an unsigned byte"
	}
	return math.MinInt64, math.MaxInt64, "an Int64"
}

func makeInteger(n int64, t string) Value {
	switch t {
	case TInt32, "System.Int16":
		return int32(n)
	case TByte:
		return Byte(n)
	}
	return n
}

func toInteger(v Value, t string) (Value, error) {
	lo, hi, short := integerRange(t)
	overflow := func() error {
		return valueError(v, t, "InvalidCastIConvertible", "Value was either too large or too small for "+short+".")
	}
	var n Value
	switch x := v.(type) {
	case nil:
		return makeInteger(0, t), nil
	case bool:
		if x {
			return makeInteger(1, t), nil
		}
		return makeInteger(0, t), nil
	case int32, int64, float64, Byte:
		n = x
	case Char:
		n = int64(x)
	case string:
		if strings.TrimSpace(x) == "" {
			return makeInteger(0, t), nil
		}
		p, ok := ParseNumber(x)
		if !ok {
			return nil, valueError(v, t, "InvalidCastFromStringToInteger", formatInner(x))
		}
		n = p
	default:
		return nil, castError(v, t)
	}
	switch x := n.(type) {
	case int32:
		if float64(x) < lo || float64(x) > hi {
			return nil, overflow()
		}
		return makeInteger(int64(x), t), nil
	case int64:
		if float64(x) < lo || float64(x) > hi {
			return nil, overflow()
		}
		return makeInteger(x, t), nil
	case Byte:
		return makeInteger(int64(x), t), nil
	case float64:
		r := roundEven(x)
		if math.IsNaN(r) || r < lo || r > hi || r >= math.MaxInt64 {
			return nil, overflow()
		}
		return makeInteger(int64(r), t), nil
	}
	return nil, castError(v, t)
}

func toDouble(v Value, t string) (Value, error) {
	switch x := v.(type) {
	case nil:
		return 0.0, nil
	case bool:
		return asFloat(x), nil
	case int32, int64, float64, Byte, Char:
		return asFloat(x), nil
	case string:
		s := strings.TrimSpace(x)
		if s == "" {
			return 0.0, nil
		}
		if p, ok := ParseNumber(s); ok {
			return asFloat(p), nil
		}
		switch strings.ToLower(s) {
		case "nan":
			return math.NaN(), nil
		case "infinity", "∞":
			return math.Inf(1), nil
		case "-infinity", "-∞":
			return math.Inf(-1), nil
		}
		return nil, valueError(v, t, "InvalidCastFromStringToDoubleOrSingle", formatInner(x))
	}
	return nil, castError(v, t)
}

func toDate(v Value, env *Env) (Value, error) {
	switch x := v.(type) {
	case nil:
		return time.Time{}, nil
	case time.Time:
		return x, nil
	case int32:
		return ticksToTime(int64(x)), nil
	case int64:
		return ticksToTime(x), nil
	case string:
		if t, ok := ParseDate(x, env.now()); ok {
			return t, nil
		}
		return nil, valueError(v, TDateTime, "InvalidCastParseTargetInvocation",
			"String '"+x+"' was not recognized as a valid DateTime.")
	}
	return nil, castError(v, TDateTime)
}

// ticksToTime turns .NET ticks (100 ns since 0001-01-01) into a time.
func ticksToTime(ticks int64) time.Time {
	base := time.Date(1, 1, 1, 0, 0, 0, 0, time.Local)
	const day = 864_000_000_000
	return base.AddDate(0, 0, int(ticks/day)).Add(time.Duration(ticks%day) * 100)
}

// timeTicks gives a time's .NET ticks: 100 ns units of its wall clock since 0001-01-01.
func timeTicks(t time.Time) int64 {
	const unixToDotnet = 62135596800 // seconds from 0001-01-01 to 1970-01-01
	wall := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
	return (wall.Unix()+unixToDotnet)*10_000_000 + int64(wall.Nanosecond()/100)
}

func toTimeSpan(v Value) (Value, error) {
	switch x := v.(type) {
	case nil:
		return time.Duration(0), nil
	case time.Duration:
		return x, nil
	case int32:
		return time.Duration(x) * 100, nil
	case int64:
		return time.Duration(x) * 100, nil
	case string:
		if d, ok := ParseTimeSpan(x); ok {
			return d, nil
		}
		return nil, valueError(v, TTimeSpan, "InvalidCastParseTargetInvocation",
			"String '"+x+"' was not recognized as a valid TimeSpan.")
	}
	return nil, castError(v, TTimeSpan)
}

// ParseTimeSpan reads TimeSpan.Parse's forms: "d", "hh:mm", "hh:mm:ss", "d.hh:mm:ss",
// "d:hh:mm:ss" and any of them with ".fffffff" seconds fractions and a leading '-'.
func ParseTimeSpan(s string) (time.Duration, bool) {
	s = strings.TrimSpace(s)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	if s == "" {
		return 0, false
	}
	var days, h, m, sec, frac int64
	num := func(p string, max int64) (int64, bool) {
		if p == "" || len(p) > 8 {
			return 0, false
		}
		var n int64
		for i := 0; i < len(p); i++ {
			if !isDigit(p[i]) {
				return 0, false
			}
			n = n*10 + int64(p[i]-'0')
		}
		return n, max < 0 || n <= max
	}
	parts := strings.Split(s, ":")
	ok := true
	var okk bool
	switch len(parts) {
	case 1:
		days, ok = num(parts[0], -1)
	case 2, 3, 4:
		first := parts[0]
		if len(parts) == 4 {
			days, ok = num(first, -1)
			parts = parts[1:]
		} else if i := strings.IndexByte(first, '.'); i >= 0 {
			days, ok = num(first[:i], -1)
			parts[0] = first[i+1:]
		}
		h, okk = num(parts[0], 23)
		ok = ok && okk
		m, okk = num(parts[1], 59)
		ok = ok && okk
		if len(parts) == 3 {
			secPart := parts[2]
			if i := strings.IndexByte(secPart, '.'); i >= 0 {
				f := secPart[i+1:]
				if len(f) == 0 || len(f) > 7 {
					return 0, false
				}
				frac, okk = num(f+strings.Repeat("0", 7-len(f)), -1)
				ok = ok && okk
				secPart = secPart[:i]
			}
			sec, okk = num(secPart, 59)
			ok = ok && okk
		}
	default:
		return 0, false
	}
	if !ok {
		return 0, false
	}
	ticks := ((days*24+h)*60+m)*60*10_000_000 + sec*10_000_000 + frac
	d := time.Duration(ticks) * 100
	if neg {
		d = -d
	}
	return d, true
}

func toChar(v Value) (Value, error) {
	switch x := v.(type) {
	case Char:
		return x, nil
	case string:
		r := []rune(x)
		if len(r) != 1 {
			return nil, valueError(v, TChar, "InvalidCastParseTargetInvocation", "String must be exactly one character long.")
		}
		return Char(r[0]), nil
	case int32, int64, float64, Byte:
		f := asFloat(x)
		if f < 0 || f > 0xFFFF {
			return nil, valueError(v, TChar, "InvalidCastIConvertible", "Value was either too large or too small for a character.")
		}
		return Char(rune(f)), nil
	case nil:
		return Char(0), nil
	}
	return nil, castError(v, TChar)
}

// items returns the elements PowerShell would enumerate from v, or v alone.
func items(v Value) []Value {
	if it, ok := Enumerate(v); ok {
		return it
	}
	return []Value{v}
}

func toArray(v Value, elem string, env *Env) (Value, error) {
	if v == nil {
		return nil, nil
	}
	if str, ok := v.(string); ok && elem == TChar {
		// A string converts to char[] character by character.
		out := make([]Value, 0, len(str))
		for _, r := range str {
			out = append(out, Char(r))
		}
		return out, nil
	}
	src := items(v)
	out := make([]Value, len(src))
	for i, it := range src {
		c, err := convertTo(it, elem, env)
		if err != nil {
			if TypeName(v) == TObjectArray || len(src) > 1 {
				return nil, castError(v, elem+"[]")
			}
			return nil, err
		}
		out[i] = c
	}
	return out, nil
}

func toList(v Value, t, elem string, env *Env) (Value, error) {
	if l, ok := v.(*List); ok && TypeName(l) == t {
		return l, nil
	}
	l := &List{TypeName: t}
	if v == nil {
		return l, nil
	}
	for _, it := range items(v) {
		c, err := convertTo(it, elem, env)
		if err != nil {
			return nil, err
		}
		l.Items = append(l.Items, c)
	}
	return l, nil
}

// Enumerate reports whether PowerShell enumerates v in a pipeline or a foreach loop, and if
// so returns its elements: arrays and lists are enumerated; strings, hashtables and other
// objects are not. The slice may be shared with v: do not modify it.
func Enumerate(v Value) ([]Value, bool) {
	switch x := v.(type) {
	case []Value:
		return x, true
	case *List:
		return x.Items, true
	}
	return nil, false
}

// ForEach calls fn for each element PowerShell would enumerate from v (v itself when it is
// not a collection; nothing for $null) and stops at the first error.
func ForEach(v Value, fn func(Value) error) error {
	if v == nil {
		return nil
	}
	if it, ok := Enumerate(v); ok {
		for _, e := range it {
			if err := fn(e); err != nil {
				return err
			}
		}
		return nil
	}
	return fn(v)
}
