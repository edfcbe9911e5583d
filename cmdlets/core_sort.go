package cmdlets

import (
	"sort"
	"strings"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/value"
)

// coreSortCmdlets is the table of Sort-Object and Group-Object.
func coreSortCmdlets() []shell.CmdletInfo {
	return []shell.CmdletInfo{
		{Name: "Sort-Object", Aliases: []string{"sort"}, Module: moduleUtility,
			Synopsis: "Sorts objects by property values.",
			New:      func() shell.Cmdlet { return new(sortObject) }},
		{Name: "Group-Object", Aliases: []string{"group"}, Module: moduleUtility,
			Synopsis: "Groups objects that contain the same value for specified properties.",
			New:      func() shell.Cmdlet { return new(groupObject) }},
	}
}

// sortKey is one evaluated sort key of one object.
type sortKey struct {
	v       value.Value
	missing bool // the object lacks the property: sorts last in both directions
}

// sortRow is an input object with its keys.
type sortRow struct {
	obj  value.Value
	keys []sortKey
}

// sortObject is Sort-Object. It sorts stably, so equal keys keep their input order and the
// output is deterministic.
type sortObject struct {
	Property      []value.Value
	Descending    bool
	Unique        bool
	CaseSensitive bool
	Top           int
	Bottom        int
	Stable        bool
	Input         value.Value

	props []calcProp
	rows  []sortRow
}

func (s *sortObject) Params() []shell.Param {
	return []shell.Param{
		{Name: "Property", Position: 1, Bind: propsBinder{&s.Property}, Help: "The properties to sort by."},
		{Name: "Descending", Bind: shell.Switch(&s.Descending), Help: "Sorts in descending order."},
		{Name: "Unique", Bind: shell.Switch(&s.Unique), Help: "Removes duplicates (case-insensitive)."},
		{Name: "InputObject", FromPipeline: true, Bind: anyBinder{&s.Input}, Help: "The objects to sort."},
		{Name: "CaseSensitive", Bind: shell.Switch(&s.CaseSensitive), Help: "Compares strings case-sensitively."},
		{Name: "Stable", Sets: []string{"Default"}, Bind: shell.Switch(&s.Stable), Help: "Keeps the input order of equal objects."},
		{Name: "Top", Sets: []string{"Top"}, Bind: shell.Int(&s.Top), Help: "Number of objects to take from the start."},
		{Name: "Bottom", Sets: []string{"Bottom"}, Bind: shell.Int(&s.Bottom), Help: "Number of objects to take from the end."},
	}
}

func (s *sortObject) Begin(c *shell.Context) error {
	props, err := parseProps(s.Property, sortKeys)
	if err != nil {
		return invalidArgument("DictionaryKeyIllegal", err.Error(), nil)
	}
	s.props = props
	return nil
}

func (s *sortObject) Process(c *shell.Context) error {
	in := s.Input
	if !c.Bound("InputObject") {
		in = c.Input
	}
	if in == nil && !c.HasInput {
		return nil
	}
	keys, err := evalKeys(c, s.props, in)
	if err != nil {
		return err
	}
	s.rows = append(s.rows, sortRow{obj: in, keys: keys})
	return nil
}

// evalKeys computes the sort keys of in: the listed properties, or the object itself.
func evalKeys(c *shell.Context, props []calcProp, in value.Value) ([]sortKey, error) {
	if len(props) == 0 {
		return []sortKey{{v: in}}, nil
	}
	keys := make([]sortKey, 0, len(props))
	for _, p := range expand(props, in) {
		if name, ok := p.Expr.(string); ok {
			v, found := propertyOf(in, name)
			keys = append(keys, sortKey{v: v, missing: !found})
			continue
		}
		if p.Expr == nil {
			keys = append(keys, sortKey{v: in})
			continue
		}
		v, err := p.eval(c, in)
		if err != nil {
			return nil, err
		}
		keys = append(keys, sortKey{v: v})
	}
	return keys, nil
}

func (s *sortObject) End(c *shell.Context) error {
	desc := make([]bool, max(len(s.props), 1))
	desc[0] = s.Descending
	for i, p := range s.props {
		desc[i] = s.Descending
		if p.Descending != nil {
			desc[i] = *p.Descending
		}
	}
	if c.Bound("Bottom") {
		// -Bottom takes the end of the ascending order.
		for i := range desc {
			desc[i] = !desc[i]
		}
	}
	less := func(a, b sortRow) int {
		for i := range a.keys {
			if i >= len(b.keys) {
				break
			}
			d := desc[len(desc)-1]
			if i < len(desc) {
				d = desc[i]
			}
			n := compareKeys(a.keys[i], b.keys[i], s.CaseSensitive, d)
			if n != 0 {
				return n
			}
		}
		return 0
	}
	sort.SliceStable(s.rows, func(i, j int) bool { return less(s.rows[i], s.rows[j]) < 0 })
	rows := s.rows
	if s.Unique {
		var kept []sortRow
		for _, r := range rows {
			if len(kept) > 0 && equalKeys(kept[len(kept)-1].keys, r.keys, s.CaseSensitive) {
				continue
			}
			kept = append(kept, r)
		}
		rows = kept
	}
	switch {
	case c.Bound("Top") && s.Top < len(rows):
		rows = rows[:max(s.Top, 0)]
	case c.Bound("Bottom"):
		n := min(max(s.Bottom, 0), len(rows))
		rows = rows[:n]
		// Bottom was sorted reversed to take the end; put it back in ascending order.
		for i, j := 0, len(rows)-1; i < j; i, j = i+1, j-1 {
			rows[i], rows[j] = rows[j], rows[i]
		}
	}
	for _, r := range rows {
		if err := c.WriteObject(r.obj); err != nil {
			return err
		}
	}
	return nil
}

// compareKeys orders two keys; a missing property sorts last whatever the direction.
func compareKeys(a, b sortKey, cs, desc bool) int {
	switch {
	case a.missing && b.missing:
		return 0
	case a.missing:
		return 1
	case b.missing:
		return -1
	}
	n := compareValues(a.v, b.v, cs)
	if desc {
		return -n
	}
	return n
}

func equalKeys(a, b []sortKey, cs bool) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].missing != b[i].missing || compareValues(a[i].v, b[i].v, cs) != 0 {
			return false
		}
	}
	return true
}

// compareValues is Sort-Object's comparer: $null first, numbers numerically, strings
// case-insensitively (lower case first on ties when case-sensitive, as en-US does), other
// values through value.Compare and finally by their text.
func compareValues(a, b value.Value, cs bool) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return -1
	case b == nil:
		return 1
	}
	sa, aStr := a.(string)
	sb, bStr := b.(string)
	if aStr && bStr {
		return value.CompareStrings(sa, sb, cs)
	}
	if n, err := value.Compare(a, b, cs); err == nil {
		return n
	}
	return value.CompareStrings(value.ToString(a), value.ToString(b), cs)
}

// groupObject is Group-Object.
type groupObject struct {
	Property      []value.Value
	NoElement     bool
	AsHashTable   bool
	AsString      bool
	CaseSensitive bool
	Input         value.Value

	props  []calcProp
	groups []*group
	byKey  map[string]*group
}

// group is one Group-Object bucket.
type group struct {
	name   string
	values []value.Value
	items  []value.Value
}

func (g *groupObject) Params() []shell.Param {
	return []shell.Param{
		{Name: "Property", Position: 1, Bind: propsBinder{&g.Property}, Help: "The properties to group by."},
		{Name: "NoElement", Bind: shell.Switch(&g.NoElement), Help: "Omits the members of each group."},
		{Name: "AsHashTable", Aliases: []string{"AHT"}, Sets: []string{"HashTable"}, Bind: shell.Switch(&g.AsHashTable), Help: "Returns a hashtable of the groups."},
		{Name: "AsString", Sets: []string{"HashTable"}, Bind: shell.Switch(&g.AsString), Help: "Uses string keys in the hashtable."},
		{Name: "InputObject", FromPipeline: true, Bind: anyBinder{&g.Input}, Help: "The objects to group."},
		{Name: "CaseSensitive", Bind: shell.Switch(&g.CaseSensitive), Help: "Groups case-sensitively."},
	}
}

func (g *groupObject) Begin(c *shell.Context) error {
	props, err := parseProps(g.Property, groupKeys)
	if err != nil {
		return invalidArgument("DictionaryKeyIllegal", err.Error(), nil)
	}
	g.props = props
	g.byKey = map[string]*group{}
	return nil
}

func (g *groupObject) Process(c *shell.Context) error {
	in := g.Input
	if !c.Bound("InputObject") {
		in = c.Input
	}
	if in == nil && !c.HasInput {
		return nil
	}
	keys, err := evalKeys(c, g.props, in)
	if err != nil {
		return err
	}
	vals := make([]value.Value, len(keys))
	names := make([]string, len(keys))
	for i, k := range keys {
		vals[i] = k.v
		names[i] = value.ToString(k.v)
	}
	name := strings.Join(names, ", ")
	id := name
	if !g.CaseSensitive {
		id = strings.ToLower(id)
	}
	gr := g.byKey[id]
	if gr == nil {
		gr = &group{name: name, values: vals}
		g.byKey[id] = gr
		g.groups = append(g.groups, gr)
	}
	gr.items = append(gr.items, in)
	return nil
}

func (g *groupObject) End(c *shell.Context) error {
	sort.SliceStable(g.groups, func(i, j int) bool {
		a, b := g.groups[i].values, g.groups[j].values
		for k := range a {
			if k < len(b) {
				if n := compareValues(a[k], b[k], g.CaseSensitive); n != 0 {
					return n < 0
				}
			}
		}
		return false
	})
	if g.AsHashTable {
		h := value.NewHashtable()
		for _, gr := range g.groups {
			var key value.Value = gr.name
			if !g.AsString && len(gr.values) == 1 {
				key = gr.values[0]
			}
			h.Set(key, gr.items)
		}
		return c.WriteObject(h)
	}
	for _, gr := range g.groups {
		if err := c.WriteObject(groupInfo(gr, g.NoElement)); err != nil {
			return err
		}
	}
	return nil
}

// Type names of Group-Object's output; Views registers their table view.
const (
	groupInfoType          = "Microsoft.PowerShell.Commands.GroupInfo"
	groupInfoNoElementType = "Microsoft.PowerShell.Commands.GroupInfoNoElement"
)

// groupInfo builds the GroupInfo object of one group.
func groupInfo(gr *group, noElement bool) *value.Object {
	vals := &value.List{TypeName: "System.Collections.ArrayList", Items: gr.values}
	if noElement {
		o := value.NewObject(groupInfoNoElementType,
			value.Property{Name: "Values", Value: vals},
			value.Property{Name: "Count", Value: int32(len(gr.items))},
			value.Property{Name: "Group", Value: nil},
			value.Property{Name: "Name", Value: gr.name})
		o.SetTypeNames([]string{groupInfoNoElementType, groupInfoType, "System.Object"})
		return o
	}
	o := value.NewObject(groupInfoType,
		value.Property{Name: "Values", Value: vals},
		value.Property{Name: "Count", Value: int32(len(gr.items))},
		value.Property{Name: "Group", Value: append([]value.Value(nil), gr.items...)},
		value.Property{Name: "Name", Value: gr.name})
	o.SetTypeNames([]string{groupInfoType, "System.Object"})
	return o
}
