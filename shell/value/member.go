package value

import (
	"math"
	"strings"
	"time"
	"unicode/utf16"
)

// GetMember reads a property: an object's property (case-insensitive), a hashtable key (or
// Keys/Values/Count when no such key), a string's Length, DateTime and TimeSpan parts, a
// collection's Count/Length, and otherwise member-access enumeration over a collection's
// elements (one result unwrapped, several as an array). ok is false when nothing has such a
// member; PowerShell then yields $null.
func GetMember(v Value, name string) (Value, bool) {
	if v != nil && strings.EqualFold(name, "PSObject") {
		if o, ok := v.(*Object); !ok || !o.Has(name) {
			return PSObjectOf(v), true
		}
	}
	switch x := v.(type) {
	case nil:
		return nil, false
	case *Object:
		if r, ok := x.Get(name); ok {
			return r, true
		}
		if strings.EqualFold(name, "PSTypeNames") {
			return stringsToValues(x.typeNames), true
		}
		return nil, false
	case *Hashtable:
		if r, ok := x.Get(name); ok {
			return r, true
		}
		switch strings.ToLower(name) {
		case "keys":
			return append([]Value{}, x.keys...), true
		case "values":
			return append([]Value{}, x.vals...), true
		case "count":
			return int32(x.Len()), true
		case "isreadonly", "isfixedsize", "issynchronized":
			return false, true
		}
		return nil, false
	case string:
		if strings.EqualFold(name, "Length") {
			return int32(utf16Len(x)), true
		}
		return nil, false
	case []Value:
		switch strings.ToLower(name) {
		case "count", "length":
			return int32(len(x)), true
		case "longlength":
			return int64(len(x)), true
		case "rank":
			return int32(1), true
		case "isreadonly", "issynchronized":
			return false, true
		case "isfixedsize":
			return true, true
		}
		return enumerateMember(x, name)
	case *List:
		switch strings.ToLower(name) {
		case "count":
			return int32(len(x.Items)), true
		case "capacity":
			return int32(cap(x.Items)), true
		}
		return enumerateMember(x.Items, name)
	case time.Time:
		return dateMember(x, name)
	case time.Duration:
		return timeSpanMember(x, name)
	case *ScriptBlock:
		return nil, false
	case Membered:
		return x.Member(name)
	}
	return nil, false
}

func stringsToValues(s []string) []Value {
	out := make([]Value, len(s))
	for i, n := range s {
		out[i] = n
	}
	return out
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// enumerateMember is member-access enumeration: the member of each element that has it.
func enumerateMember(items []Value, name string) (Value, bool) {
	var out []Value
	found := false
	for _, e := range items {
		r, ok := GetMember(e, name)
		if !ok {
			continue
		}
		found = true
		if inner, isArr := r.([]Value); isArr {
			if _, elemArr := e.([]Value); elemArr {
				out = append(out, inner...)
				continue
			}
		}
		out = append(out, r)
	}
	if !found {
		return nil, false
	}
	if len(out) == 1 {
		return out[0], true
	}
	return out, true
}

// Kind returns a DateTime's Kind: "Utc" or "Local".
func Kind(t time.Time) string {
	if t.Location() == time.UTC {
		return "Utc"
	}
	return "Local"
}

func dateMember(t time.Time, name string) (Value, bool) {
	switch strings.ToLower(name) {
	case "year":
		return int32(t.Year()), true
	case "month":
		return int32(t.Month()), true
	case "day":
		return int32(t.Day()), true
	case "hour":
		return int32(t.Hour()), true
	case "minute":
		return int32(t.Minute()), true
	case "second":
		return int32(t.Second()), true
	case "millisecond":
		return int32(t.Nanosecond() / 1e6), true
	case "microsecond":
		return int32(t.Nanosecond() / 1e3 % 1000), true
	case "dayofweek":
		return t.Weekday().String(), true
	case "dayofyear":
		return int32(t.YearDay()), true
	case "date":
		y, m, d := t.Date()
		return time.Date(y, m, d, 0, 0, 0, 0, t.Location()), true
	case "timeofday":
		y, m, d := t.Date()
		return t.Sub(time.Date(y, m, d, 0, 0, 0, 0, t.Location())), true
	case "ticks":
		return timeTicks(t), true
	case "kind":
		return Kind(t), true
	case "datetime":
		return FormatDate(t, "F"), true
	}
	return nil, false
}

func timeSpanMember(d time.Duration, name string) (Value, bool) {
	ticks := int64(d / 100)
	const tps = 10_000_000
	switch strings.ToLower(name) {
	case "days":
		return int32(ticks / (86400 * tps)), true
	case "hours":
		return int32(ticks / (3600 * tps) % 24), true
	case "minutes":
		return int32(ticks / (60 * tps) % 60), true
	case "seconds":
		return int32(ticks / tps % 60), true
	case "milliseconds":
		return int32(ticks / 10_000 % 1000), true
	case "ticks":
		return ticks, true
	case "totaldays":
		return float64(ticks) / (86400 * tps), true
	case "totalhours":
		return float64(ticks) / (3600 * tps), true
	case "totalminutes":
		return float64(ticks) / (60 * tps), true
	case "totalseconds":
		return float64(ticks) / tps, true
	case "totalmilliseconds":
		return math.Trunc(float64(ticks)/1e4*1e3) / 1e3, true
	}
	return nil, false
}

// SetMember assigns a property: an existing property of an object, a hashtable key (added
// when missing). Anything else fails with pwsh's error.
func SetMember(v Value, name string, x Value) error {
	switch o := v.(type) {
	case *Object:
		if !o.Has(name) {
			return ErrPropertyNotFound(name)
		}
		o.Set(name, x)
		return nil
	case *Hashtable:
		o.Set(name, x)
		return nil
	case nil:
		return ErrPropertyNotFound(name)
	}
	if _, ok := GetMember(v, name); ok {
		return newError(excProperty, "NotSpecified", "SetWithoutSetterFromPSPropertyInfo",
			"'%s' is a ReadOnly property.", memberName(v, name))
	}
	return ErrPropertyNotFound(name)
}

// memberName returns the declared spelling of a built-in member, for messages.
func memberName(v Value, name string) string {
	for _, m := range Members(v) {
		if strings.EqualFold(m.Name, name) {
			return m.Name
		}
	}
	return name
}
