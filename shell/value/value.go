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
	index     map[string]int // lower-cased name → position in props
	str       string         // ToString() text when the object defines its own
}

// NewObject returns an object with the given type name (plus the implicit
// "System.Management.Automation.PSCustomObject" and "System.Object" when typeName is empty or
// a custom name) and properties, in order.
func NewObject(typeName string, props ...Property) *Object {
	o := &Object{index: make(map[string]int, len(props))}
	if typeName != "" {
		o.typeNames = append(o.typeNames, typeName)
	}
	if typeName != "System.Management.Automation.PSCustomObject" {
		o.typeNames = append(o.typeNames, "System.Management.Automation.PSCustomObject")
	}
	o.typeNames = append(o.typeNames, "System.Object")
	for _, p := range props {
		o.Set(p.Name, p.Value)
	}
	return o
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
	i, ok := o.index[strings.ToLower(name)]
	if !ok {
		return nil, false
	}
	return o.props[i].Value, true
}

// Set adds the property at the end, or replaces its value in place when it exists.
func (o *Object) Set(name string, v Value) {
	key := strings.ToLower(name)
	if i, ok := o.index[key]; ok {
		o.props[i].Value = v
		return
	}
	o.index[key] = len(o.props)
	o.props = append(o.props, Property{Name: name, Value: v})
}

// Has reports whether the property exists.
func (o *Object) Has(name string) bool {
	_, ok := o.index[strings.ToLower(name)]
	return ok
}

// Properties returns the properties in order. The caller must not modify the slice.
func (o *Object) Properties() []Property { return o.props }

// Remove deletes a property, keeping the order of the others.
func (o *Object) Remove(name string) {
	key := strings.ToLower(name)
	i, ok := o.index[key]
	if !ok {
		return
	}
	o.props = append(o.props[:i], o.props[i+1:]...)
	delete(o.index, key)
	for j := i; j < len(o.props); j++ {
		o.index[strings.ToLower(o.props[j].Name)] = j
	}
}

// Copy returns a shallow copy (same property values, new property list).
func (o *Object) Copy() *Object {
	c := &Object{typeNames: append([]string(nil), o.typeNames...), index: make(map[string]int, len(o.props)), str: o.str}
	for _, p := range o.props {
		c.Set(p.Name, p.Value)
	}
	return c
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
