package value

import "strings"

// Value is any PowerShell value. Its dynamic type is one of:
//
//	nil                  $null
//	bool                 System.Boolean
//	int32                System.Int32
//	int64                System.Int64
//	float64              System.Double (decimal literals are kept as float64 too)
//	string               System.String
//	time.Time            System.DateTime (Kind decided by Location: UTC or Local)
//	time.Duration        System.TimeSpan
//	[]Value              System.Object[]
//	*List                System.Collections.ArrayList / List[T] (mutable, Add/Remove)
//	*Hashtable           System.Collections.Hashtable / OrderedDictionary
//	*Object              PSCustomObject and every Exchange object (ordered NoteProperties)
//	*ScriptBlock         System.Management.Automation.ScriptBlock
//	Custom               any other .NET-like value implemented in Go (Guid, SecureString,
//	                     ByteQuantifiedSize, type literals ...)
type Value = any

// Custom is implemented by Go types that stand for .NET objects not covered by the basic set.
type Custom interface {
	// TypeNames lists the type hierarchy, most specific first, e.g.
	// {"System.Guid", "System.ValueType", "System.Object"}.
	TypeNames() []string
	// String is what ToString() and string expansion give.
	String() string
}

// Property is one named property of an Object.
type Property struct {
	Name  string
	Value Value
}

// Object is a PSObject: an ordered set of properties with a case-insensitive index, and a
// list of type names (most specific first) that formatting uses to pick a view.
type Object struct {
	typeNames []string
	props     []Property
	// index maps lower-cased names to positions in props. It is built on the first
	// lookup of an object with more than linearProps properties: most objects a cmdlet
	// emits are only passed along, counted or exported, and building a map for each of
	// a search's thousand 56-property rows cost more than the search itself.
	index map[string]int
	str   string // ToString() text when the object defines its own
}

// linearProps is the number of properties up to which lookups scan the list instead of
// building the index.
const linearProps = 8

// NewObject returns an object with the given type name (plus the implicit
// "System.Management.Automation.PSCustomObject" and "System.Object" when typeName is empty or
// a custom name) and properties, in order. The names must differ (case-insensitively):
// callers pass fixed property lists, and a long list is taken as it is, unchecked.
func NewObject(typeName string, props ...Property) *Object {
	o := &Object{typeNames: make([]string, 0, 3), props: make([]Property, 0, len(props))}
	if typeName != "" {
		o.typeNames = append(o.typeNames, typeName)
	}
	if typeName != "System.Management.Automation.PSCustomObject" {
		o.typeNames = append(o.typeNames, "System.Management.Automation.PSCustomObject")
	}
	o.typeNames = append(o.typeNames, "System.Object")
	if len(props) <= linearProps {
		for _, p := range props {
			o.Set(p.Name, p.Value)
		}
		return o
	}
	o.props = append(o.props, props...)
	return o
}

// buildIndex builds the name index, merging properties whose names repeat.
func (o *Object) buildIndex() {
	o.index = make(map[string]int, len(o.props))
	out := o.props[:0]
	for _, p := range o.props {
		key := strings.ToLower(p.Name)
		if i, ok := o.index[key]; ok {
			out[i].Value = p.Value
			continue
		}
		o.index[key] = len(out)
		out = append(out, p)
	}
	clear(o.props[len(out):])
	o.props = out
}

// find returns the position of the property, matching the name case-insensitively.
func (o *Object) find(name string) (int, bool) {
	if o.index == nil {
		if len(o.props) <= linearProps {
			for i := range o.props {
				if strings.EqualFold(o.props[i].Name, name) {
					return i, true
				}
			}
			return 0, false
		}
		o.buildIndex()
	}
	i, ok := o.index[strings.ToLower(name)]
	return i, ok
}

// TypeNames returns the object's type names, most specific first.
func (o *Object) TypeNames() []string { return o.typeNames }

// SetTypeNames replaces the type names.
func (o *Object) SetTypeNames(names []string) { o.typeNames = names }

// SetString sets the text ToString() and string expansion give for the object (Exchange
// objects show their identity); by default an object renders as "@{Name=x; Count=3}".
func (o *Object) SetString(s string) { o.str = s }

// Get returns the property's value, matching the name case-insensitively.
func (o *Object) Get(name string) (Value, bool) {
	i, ok := o.find(name)
	if !ok {
		return nil, false
	}
	return o.props[i].Value, true
}

// Set adds the property at the end, or replaces its value in place when it exists.
func (o *Object) Set(name string, v Value) {
	if i, ok := o.find(name); ok {
		o.props[i].Value = v
		return
	}
	if o.index != nil {
		o.index[strings.ToLower(name)] = len(o.props)
	}
	o.props = append(o.props, Property{Name: name, Value: v})
}

// Has reports whether the property exists.
func (o *Object) Has(name string) bool {
	_, ok := o.find(name)
	return ok
}

// Properties returns the properties in order. The caller must not modify the slice.
func (o *Object) Properties() []Property { return o.props }

// Remove deletes a property, keeping the order of the others.
func (o *Object) Remove(name string) {
	i, ok := o.find(name)
	if !ok {
		return
	}
	o.props = append(o.props[:i], o.props[i+1:]...)
	o.index = nil // rebuilt on the next lookup that needs it
}

// Copy returns a shallow copy (same property values, new property list).
func (o *Object) Copy() *Object {
	return &Object{typeNames: append([]string(nil), o.typeNames...), props: append([]Property(nil), o.props...), str: o.str}
}

// Hashtable is @{...}: case-insensitive string keys (other key types are compared with Equal),
// kept in insertion order so that output is deterministic. Ordered marks [ordered] literals
// (System.Collections.Specialized.OrderedDictionary).
type Hashtable struct {
	Ordered bool
	keys    []Value
	vals    []Value
	index   map[string]int // normalized key → position
}

// NewHashtable returns an empty hashtable.
func NewHashtable() *Hashtable { return &Hashtable{index: map[string]int{}} }

// List is a mutable list (ArrayList, List[T]).
type List struct {
	TypeName string // "System.Collections.ArrayList", "System.Collections.Generic.List`1[[System.String]]" ...
	Items    []Value
}

// ScriptBlock is a script block value. Body holds the parsed *parser.ScriptBlock; value does
// not import parser, so it is kept as any. Text is the verbatim source between the braces.
type ScriptBlock struct {
	Text string
	Body any
}

// String returns the script block's source text, as ToString() does in PowerShell.
func (s *ScriptBlock) String() string { return s.Text }
