package format

import (
	"strings"
	"time"

	"github.com/exosh/exosh/shell/value"
)

// kind is how Out-Default treats one value.
type kind int

const (
	kindNone       kind = iota // $null: prints nothing
	kindScalar                 // one line (or lines) of DisplayString
	kindCollection             // enumerated, each element written on its own
	kindDictionary             // enumerated as DictionaryEntry objects
	kindDate                   // DateTime's own view: the long form on one line
	kindObject                 // an object with properties: table or list
	kindRendered               // Format-* output, printed verbatim
)

// PropertyLister is implemented by Custom values that display as objects with properties
// (a table or a list) rather than as their ToString on one line, the way System.Guid shows a
// "Guid" column. Custom values without it print as scalars.
type PropertyLister interface {
	DisplayProperties() []value.Property
}

func classify(v value.Value) kind {
	switch x := v.(type) {
	case nil:
		return kindNone
	case *Rendered:
		return nilOr(x == nil, kindRendered)
	case []value.Value:
		return kindCollection
	case *value.List:
		return nilOr(x == nil, kindCollection)
	case *value.Hashtable:
		return nilOr(x == nil, kindDictionary)
	case time.Time:
		return kindDate
	case *value.Object:
		return nilOr(x == nil, kindObject)
	case time.Duration, PropertyLister:
		return kindObject
	case value.Custom:
		if isGuid(x) {
			return kindObject
		}
	}
	return kindScalar
}

// nilOr guards against typed nil pointers, which print nothing like $null.
func nilOr(isNil bool, k kind) kind {
	if isNil {
		return kindNone
	}
	return k
}

func isGuid(c value.Custom) bool {
	names := c.TypeNames()
	return len(names) > 0 && strings.EqualFold(names[0], "System.Guid")
}

// typeNamesOf is the type hierarchy used to find a view.
func typeNamesOf(v value.Value) []string {
	switch x := v.(type) {
	case *value.Object:
		return x.TypeNames()
	case time.Duration:
		return []string{typeTimeSpan, "System.ValueType", "System.Object"}
	case time.Time:
		return []string{typeDateTime, "System.ValueType", "System.Object"}
	case value.Custom:
		return x.TypeNames()
	}
	return nil
}

// properties lists the visible properties of an object, in order.
func properties(v value.Value) []value.Property {
	switch x := v.(type) {
	case *value.Object:
		return x.Properties()
	case time.Duration:
		cols := timeSpanColumns()
		props := make([]value.Property, len(cols))
		for i, c := range cols {
			props[i] = value.Property{Name: c.Property, Value: c.Value(x)}
		}
		return props
	case PropertyLister:
		return x.DisplayProperties()
	case value.Custom:
		if isGuid(x) {
			return []value.Property{{Name: "Guid", Value: x.String()}}
		}
	}
	return nil
}

// propertyValue reads one property for a column, case-insensitively; a missing property
// reads as $null, which shows as an empty cell.
func propertyValue(v value.Value, name string) value.Value {
	switch x := v.(type) {
	case *value.Object:
		r, _ := x.Get(name)
		return r
	case value.Membered:
		if r, ok := x.Member(name); ok {
			return r
		}
	}
	for _, p := range properties(v) {
		if strings.EqualFold(p.Name, name) {
			return p.Value
		}
	}
	if r, ok := value.GetMember(v, name); ok {
		return r
	}
	return nil
}

// columnValue evaluates a column against an object.
func columnValue(c Column, v value.Value) value.Value {
	if c.Value != nil {
		return c.Value(v)
	}
	return propertyValue(v, c.Property)
}

// generatedColumns are the columns of a property-generated table or list: one per property,
// at most max of them (0 = all).
func generatedColumns(v value.Value, max int) []Column {
	props := properties(v)
	if max > 0 && len(props) > max {
		props = props[:max]
	}
	cols := make([]Column, len(props))
	for i, p := range props {
		cols[i] = Column{Property: p.Name}
	}
	return cols
}

// expandColumns resolves the property names of explicit columns against v, as pwsh does
// with -Property: a wildcard name ("*", "Ews*List") becomes one column per matching property,
// in the object's order. A plain name that v lacks is kept when keepMissing (a table shows an
// empty column) and dropped otherwise (a list shows nothing for it).
func expandColumns(cols []Column, v value.Value, keepMissing bool) []Column {
	var out []Column
	for _, c := range cols {
		switch {
		case c.Value != nil:
			out = append(out, c)
		case value.HasWildcard(c.Property):
			for _, p := range properties(v) {
				if value.MatchWildcard(c.Property, p.Name, false) {
					out = append(out, Column{Property: p.Name, Width: c.Width, Align: c.Align, FormatString: c.FormatString})
				}
			}
		case keepMissing || hasProperty(v, c.Property):
			out = append(out, c)
		}
	}
	return out
}

// hasProperty reports whether v has the named property.
func hasProperty(v value.Value, name string) bool {
	if o, ok := v.(*value.Object); ok {
		return o.Has(name)
	}
	if m, ok := v.(value.Membered); ok {
		if _, ok := m.Member(name); ok {
			return true
		}
	}
	for _, p := range properties(v) {
		if strings.EqualFold(p.Name, name) {
			return true
		}
	}
	_, ok := value.GetMember(v, name)
	return ok
}

// dictionaryEntries turns a hashtable into the DictionaryEntry objects pwsh's formatter
// enumerates it into (Name is an alias of Key).
func dictionaryEntries(h *value.Hashtable) []value.Value {
	keys, vals := h.Keys(), h.Values()
	out := make([]value.Value, len(keys))
	for i, k := range keys {
		out[i] = value.NewObject(typeDictionaryEntry,
			value.Property{Name: "Name", Value: k},
			value.Property{Name: "Key", Value: k},
			value.Property{Name: "Value", Value: vals[i]})
	}
	return out
}

// timeSpanColumns are the entries of TimeSpan's list view.
func timeSpanColumns() []Column {
	ticks := func(v value.Value) (int64, bool) {
		d, ok := v.(time.Duration)
		return int64(d / 100), ok
	}
	part := func(name string, div, mod int64) Column {
		return Column{Property: name, Value: func(v value.Value) value.Value {
			t, ok := ticks(v)
			if !ok {
				return nil
			}
			return int32(t / div % mod)
		}}
	}
	total := func(name string, per float64) Column {
		return Column{Property: name, Value: func(v value.Value) value.Value {
			t, ok := ticks(v)
			if !ok {
				return nil
			}
			return float64(t) / per
		}}
	}
	const (
		ms  = 10_000
		sec = 1000 * ms
		min = 60 * sec
		hr  = 60 * min
		day = 24 * hr
	)
	return []Column{
		{Property: "Days", Value: func(v value.Value) value.Value {
			t, ok := ticks(v)
			if !ok {
				return nil
			}
			return int32(t / day)
		}},
		part("Hours", hr, 24),
		part("Minutes", min, 60),
		part("Seconds", sec, 60),
		part("Milliseconds", ms, 1000),
		{Property: "Ticks", Value: func(v value.Value) value.Value {
			t, ok := ticks(v)
			if !ok {
				return nil
			}
			return t
		}},
		total("TotalDays", day),
		total("TotalHours", hr),
		total("TotalMinutes", min),
		total("TotalSeconds", sec),
		total("TotalMilliseconds", ms),
	}
}
