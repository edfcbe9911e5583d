package cmdlets

import (
	"fmt"
	"strings"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/value"
)

// coreSelectCmdlets is the table of Select-Object.
func coreSelectCmdlets() []shell.CmdletInfo {
	return []shell.CmdletInfo{
		{Name: "Select-Object", Aliases: []string{"select"}, Module: moduleUtility,
			Synopsis: "Selects objects or object properties.",
			New:      func() shell.Cmdlet { return new(selectObject) }},
	}
}

// selectObject is Select-Object. Without -Last and -Unique it streams; -Last holds the
// trailing objects until End.
type selectObject struct {
	Property []value.Value
	Exclude  []string
	Expand   string
	First    int
	Last     int
	Skip     int
	Index    []int
	Unique   bool
	Input    value.Value

	props   []calcProp
	seen    int             // input objects seen so far
	emitted int             // objects passed by -First
	tail    []value.Value   // ring of the last -Last objects
	uniq    map[string]bool // keys already written by -Unique
	index   map[int]bool
}

func (s *selectObject) Params() []shell.Param {
	return []shell.Param{
		{Name: "Property", Position: 1, Bind: propsBinder{&s.Property}, Help: "The properties to select."},
		{Name: "InputObject", FromPipeline: true, Bind: anyBinder{&s.Input}, Help: "The objects to select from."},
		{Name: "ExcludeProperty", Bind: shell.Strings(&s.Exclude), Help: "Properties to leave out."},
		{Name: "ExpandProperty", Bind: shell.String(&s.Expand), Help: "A property whose value is output instead of the object."},
		{Name: "Unique", Bind: shell.Switch(&s.Unique), Help: "Writes each distinct object once (case-sensitive)."},
		{Name: "Last", Bind: shell.Int(&s.Last), Help: "Number of objects to select from the end."},
		{Name: "First", Bind: shell.Int(&s.First), Help: "Number of objects to select from the start."},
		{Name: "Skip", Bind: shell.Int(&s.Skip), Help: "Number of objects to skip."},
		{Name: "Index", Bind: intsBinder{&s.Index}, Help: "Zero-based positions of the objects to select."},
	}
}

func (s *selectObject) Begin(c *shell.Context) error {
	props, err := parseProps(s.Property, selectKeys)
	if err != nil {
		return invalidArgument("DictionaryKeyIllegal", err.Error(), nil)
	}
	s.props = props
	if s.Unique {
		s.uniq = map[string]bool{}
	}
	if c.Bound("Index") {
		s.index = map[int]bool{}
		for _, i := range s.Index {
			s.index[i] = true
		}
	}
	return nil
}

func (s *selectObject) Process(c *shell.Context) error {
	in := s.Input
	if !c.Bound("InputObject") {
		in = c.Input
	}
	n := s.seen
	s.seen++
	if s.index != nil {
		if s.index[n] {
			delete(s.index, n)
			if err := s.emit(c, in); err != nil {
				return err
			}
			if len(s.index) == 0 {
				// Every requested position is written: upstream can stop.
				return shell.StopPipeline
			}
		}
		return nil
	}
	if n < s.Skip {
		return nil
	}
	first, last := c.Bound("First"), c.Bound("Last")
	switch {
	case first && s.emitted < s.First:
		s.emitted++
		if err := s.emit(c, in); err != nil {
			return err
		}
		if s.emitted >= s.First && !last {
			// -First is satisfied: stop the commands upstream, as pwsh does.
			return shell.StopPipeline
		}
		return nil
	case first && !last:
		return shell.StopPipeline
	case last:
		if s.Last <= 0 {
			return nil
		}
		if len(s.tail) == s.Last {
			copy(s.tail, s.tail[1:])
			s.tail = s.tail[:len(s.tail)-1]
		}
		s.tail = append(s.tail, in)
		return nil
	case first:
		return nil
	}
	return s.emit(c, in)
}

func (s *selectObject) End(c *shell.Context) error {
	for _, v := range s.tail {
		if err := s.emit(c, v); err != nil {
			return err
		}
	}
	return nil
}

// emit projects in (properties or expanded value) and writes it, once per distinct value
// under -Unique.
func (s *selectObject) emit(c *shell.Context, in value.Value) error {
	if s.Expand != "" {
		v, ok := propertyOf(in, s.Expand)
		if !ok && !hasWildcard(s.Expand) {
			c.WriteError(&shell.ErrorRecord{
				Message:  fmt.Sprintf("Property \"%s\" cannot be found.", s.Expand),
				Category: "InvalidArgument", ErrorID: "ExpandPropertyNotFound",
				Exception: "System.Management.Automation.PSArgumentException", TargetObject: in})
			return nil
		}
		if hasWildcard(s.Expand) {
			v = nil
			for _, n := range propertyNames(in) {
				if wildcardMatch(s.Expand, n, false) {
					v, _ = propertyOf(in, n)
					break
				}
			}
		}
		for _, x := range items(v) {
			if len(s.props) > 0 {
				x = s.attach(c, in, x)
			}
			if err := s.write(c, x); err != nil {
				return err
			}
		}
		return nil
	}
	if len(s.props) == 0 && len(s.Exclude) == 0 {
		return s.write(c, in)
	}
	obj, err := s.project(c, in)
	if err != nil {
		return err
	}
	return s.write(c, obj)
}

// project builds the Selected.<TypeName> object for in.
func (s *selectObject) project(c *shell.Context, in value.Value) (*value.Object, error) {
	props := s.props
	if len(props) == 0 {
		props = []calcProp{{Name: "*", Wildcard: true}}
	}
	obj := value.NewObject("Selected." + selectedBase(in))
	for _, p := range expand(props, in) {
		if s.excluded(p.Name) {
			continue
		}
		if obj.Has(p.Name) {
			c.WriteError(&shell.ErrorRecord{
				Message:  fmt.Sprintf("The property cannot be processed because the property \"%s\" already exists.", p.Name),
				Category: "InvalidOperation", ErrorID: "AlreadyExistingUserSpecifiedPropertyNoExpand",
				Exception: "System.Management.Automation.PSArgumentException", TargetObject: in})
			continue
		}
		v, err := p.eval(c, in)
		if err != nil {
			return nil, err
		}
		obj.Set(p.Name, v)
	}
	return obj, nil
}

// selectedBase is the type name after "Selected.": the input's own type, or
// PSCustomObject for a hashtable (pwsh reads the keys as properties).
func selectedBase(in value.Value) string {
	if t := firstTypeName(in); t != "" {
		return t
	}
	return "System.Management.Automation.PSCustomObject"
}

// attach adds the selected properties of in to an expanded value that is an object.
func (s *selectObject) attach(c *shell.Context, in, x value.Value) value.Value {
	o, ok := x.(*value.Object)
	if !ok {
		return x
	}
	o = o.Copy()
	for _, p := range expand(s.props, in) {
		if v, err := p.eval(c, in); err == nil && !o.Has(p.Name) {
			o.Set(p.Name, v)
		}
	}
	return o
}

func (s *selectObject) excluded(name string) bool {
	for _, e := range s.Exclude {
		if wildcardMatch(e, name, false) {
			return true
		}
	}
	return false
}

// write sends v on, dropping repeats under -Unique.
func (s *selectObject) write(c *shell.Context, v value.Value) error {
	if s.uniq != nil {
		k := uniqueKey(v, true)
		if s.uniq[k] {
			return nil
		}
		s.uniq[k] = true
	}
	return c.WriteObject(v)
}

// uniqueKey identifies a value for -Unique: its type and text, or for an object every
// property's text.
func uniqueKey(v value.Value, caseSensitive bool) string {
	var b strings.Builder
	b.WriteString(firstTypeName(v))
	b.WriteByte(0)
	if o, ok := v.(*value.Object); ok {
		for _, p := range o.Properties() {
			b.WriteString(p.Name)
			b.WriteByte(1)
			b.WriteString(value.ToString(p.Value))
			b.WriteByte(0)
		}
	} else {
		b.WriteString(value.ToString(v))
	}
	if caseSensitive {
		return b.String()
	}
	return strings.ToLower(b.String())
}
