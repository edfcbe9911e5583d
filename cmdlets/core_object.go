package cmdlets

import (
	"fmt"
	"strings"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/value"
)

// coreObjectCmdlets is the table of the two per-object pipeline cmdlets.
func coreObjectCmdlets() []shell.CmdletInfo {
	return []shell.CmdletInfo{
		{Name: "ForEach-Object", Aliases: []string{"foreach", "%"}, Module: moduleCore,
			Synopsis: "Performs an operation against each item in a collection of input objects.",
			New:      func() shell.Cmdlet { return new(forEachObject) }},
		{Name: "Where-Object", Aliases: []string{"where", "?"}, Module: moduleCore,
			Synopsis: "Selects objects from a collection based on their property values.",
			New:      func() shell.Cmdlet { return new(whereObject) }},
	}
}

// Module names shown in Get-Command's Source column.
const (
	moduleCore    = "Microsoft.PowerShell.Core"
	moduleUtility = "Microsoft.PowerShell.Utility"
	moduleMgmt    = "Microsoft.PowerShell.Management"
	moduleSecure  = "Microsoft.PowerShell.Security"
	moduleGet     = "PowerShellGet"
	moduleEXO     = "ExchangeOnlineManagement"
)

// forEachObject is ForEach-Object. The first positional argument is either a script block
// (the ScriptBlockSet) or a member name (the PropertyAndMethodSet); further positional
// arguments are more script blocks or the method's arguments, as in pwsh.
type forEachObject struct {
	Blocks    []*value.ScriptBlock // -Process and positional blocks
	BeginB    []*value.ScriptBlock
	EndB      []*value.ScriptBlock
	Member    string
	hasMember bool
	Remaining []value.Value
	ArgList   []value.Value
	Input     value.Value

	// Resolved in Begin from the blocks above.
	process []*value.ScriptBlock
	end     *value.ScriptBlock
}

func (f *forEachObject) Params() []shell.Param {
	return []shell.Param{
		{Name: "Process", Position: 1, Bind: blockOrNameBinder{blocks: &f.Blocks, name: &f.Member, set: &f.hasMember, typ: "ScriptBlock[]"},
			Help: "The operation performed on each input object, as a script block."},
		{Name: "InputObject", FromPipeline: true, Bind: anyBinder{&f.Input},
			Help: "The input objects."},
		{Name: "Begin", Sets: []string{"ScriptBlockSet"}, Bind: scriptBlocksBinder{&f.BeginB},
			Help: "A script block that runs before the first input object."},
		{Name: "End", Sets: []string{"ScriptBlockSet"}, Bind: scriptBlocksBinder{&f.EndB},
			Help: "A script block that runs after the last input object."},
		{Name: "RemainingScripts", Remaining: true, Sets: []string{"ScriptBlockSet"}, Bind: collectBinder{&f.Remaining, "ScriptBlock[]"},
			Help: "The script blocks not taken by -Process."},
		{Name: "MemberName", Sets: []string{"PropertyAndMethodSet"}, Bind: blockOrNameBinder{blocks: &f.Blocks, name: &f.Member, set: &f.hasMember, typ: "String"},
			Help: "The name of the property to get or the method to call."},
		{Name: "ArgumentList", Aliases: []string{"Args"}, Sets: []string{"PropertyAndMethodSet"}, Bind: collectBinder{&f.ArgList, "Object[]"},
			Help: "The arguments of a method call."},
	}
}

func (f *forEachObject) Begin(c *shell.Context) error {
	if f.hasMember {
		// Leftover positional arguments are the method's arguments.
		f.ArgList = append(f.ArgList, f.Remaining...)
		return nil
	}
	blocks := append([]*value.ScriptBlock(nil), f.Blocks...)
	for _, r := range f.Remaining {
		sb, ok := r.(*value.ScriptBlock)
		if !ok {
			return &shell.ErrorRecord{
				Message:  fmt.Sprintf("A positional parameter cannot be found that accepts argument '%s'.", value.ToString(r)),
				Category: "InvalidArgument", ErrorID: "PositionalParameterNotFound",
				Exception: "System.Management.Automation.ParameterBindingException",
			}
		}
		blocks = append(blocks, sb)
	}
	var begin *value.ScriptBlock
	switch {
	case len(f.BeginB) > 0:
		begin = f.BeginB[0]
	case len(blocks) >= 2:
		// Two or more positional blocks: the first is the begin block.
		begin, blocks = blocks[0], blocks[1:]
	}
	switch {
	case len(f.EndB) > 0:
		f.end = f.EndB[0]
	case len(blocks) >= 2:
		f.end, blocks = blocks[len(blocks)-1], blocks[:len(blocks)-1]
	}
	f.process = blocks
	if begin != nil {
		return c.Invoke(begin, nil, nil, c.WriteObject)
	}
	return nil
}

func (f *forEachObject) Process(c *shell.Context) error {
	in := f.Input
	if !c.Bound("InputObject") {
		in = c.Input
	}
	if f.hasMember {
		return f.member(c, in)
	}
	for _, sb := range f.process {
		if err := c.Invoke(sb, in, nil, c.WriteObject); err != nil {
			return err
		}
	}
	return nil
}

// member outputs a property of in, or calls the method of that name.
func (f *forEachObject) member(c *shell.Context, in value.Value) error {
	if len(f.ArgList) == 0 {
		if v, ok := propertyOf(in, f.Member); ok {
			return writeEnumerated(c, v)
		}
	}
	res, err := value.InvokeMethod(in, f.Member, f.ArgList)
	if err != nil {
		if len(f.ArgList) == 0 && strings.Contains(err.Error(), "does not contain a method") {
			// pwsh ignores a missing member outside strict mode.
			return nil
		}
		c.WriteError(&shell.ErrorRecord{Message: err.Error(), Category: "InvalidOperation",
			ErrorID: "MethodInvocationError", Exception: "System.Management.Automation.MethodInvocationException", TargetObject: in})
		return nil
	}
	return writeEnumerated(c, res)
}

func (f *forEachObject) End(c *shell.Context) error {
	if f.end != nil {
		return c.Invoke(f.end, nil, nil, c.WriteObject)
	}
	return nil
}

// writeEnumerated writes v, enumerating a collection one level.
func writeEnumerated(c *shell.Context, v value.Value) error {
	if isCollection(v) {
		for _, x := range items(v) {
			if err := c.WriteObject(x); err != nil {
				return err
			}
		}
		return nil
	}
	return c.WriteObject(v)
}

// whereOps lists Where-Object's operator switches with the comparison each stands for.
var whereOps = [...]struct{ name, op string }{
	{"EQ", "eq"}, {"CEQ", "ceq"}, {"NE", "ne"}, {"CNE", "cne"},
	{"GT", "gt"}, {"CGT", "cgt"}, {"LT", "lt"}, {"CLT", "clt"},
	{"GE", "ge"}, {"CGE", "cge"}, {"LE", "le"}, {"CLE", "cle"},
	{"Like", "like"}, {"CLike", "clike"}, {"NotLike", "notlike"}, {"CNotLike", "cnotlike"},
	{"Match", "match"}, {"CMatch", "cmatch"}, {"NotMatch", "notmatch"}, {"CNotMatch", "cnotmatch"},
	{"Contains", "contains"}, {"CContains", "ccontains"}, {"NotContains", "notcontains"}, {"CNotContains", "cnotcontains"},
	{"In", "in"}, {"CIn", "cin"}, {"NotIn", "notin"}, {"CNotIn", "cnotin"},
	{"Is", "is"}, {"IsNot", "isnot"}, {"Not", "not"},
}

// whereObject is Where-Object, in its script block and simplified forms.
type whereObject struct {
	Filter   []*value.ScriptBlock
	Property string
	hasProp  bool
	Value    value.Value
	Input    value.Value
	ops      [len(whereOps)]bool // parallel to whereOps

	op string
}

func (w *whereObject) Params() []shell.Param {
	ps := []shell.Param{
		{Name: "FilterScript", Position: 1, Bind: blockOrNameBinder{blocks: &w.Filter, name: &w.Property, set: &w.hasProp, typ: "ScriptBlock"},
			Help: "The script block that decides whether an object passes."},
		{Name: "InputObject", FromPipeline: true, Bind: anyBinder{&w.Input},
			Help: "The objects to filter."},
		{Name: "Property", Sets: []string{"Simplified"}, Bind: blockOrNameBinder{blocks: &w.Filter, name: &w.Property, set: &w.hasProp, typ: "String"},
			Help: "The property compared by the simplified syntax."},
		{Name: "Value", Position: 2, Sets: []string{"Simplified"}, Bind: anyBinder{&w.Value},
			Help: "The value the property is compared with."},
	}
	for i, o := range whereOps {
		ps = append(ps, shell.Param{Name: o.name, Sets: []string{"Simplified"}, Bind: shell.Switch(&w.ops[i]),
			Help: "Compares with -" + o.op + "."})
	}
	return ps
}

func (w *whereObject) Begin(c *shell.Context) error {
	if len(w.Filter) > 0 && w.hasProp {
		return &shell.ErrorRecord{Message: "Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.",
			Category: "InvalidArgument", ErrorID: "AmbiguousParameterSet", Exception: "System.Management.Automation.ParameterBindingException"}
	}
	n := 0
	for i, on := range w.ops {
		if on {
			w.op = whereOps[i].op
			n++
		}
	}
	if n > 1 {
		return &shell.ErrorRecord{Message: "Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.",
			Category: "InvalidArgument", ErrorID: "AmbiguousParameterSet", Exception: "System.Management.Automation.ParameterBindingException"}
	}
	if len(w.Filter) == 0 && !w.hasProp {
		return &shell.ErrorRecord{Message: "Cannot process command because of one or more missing mandatory parameters: FilterScript.",
			Category: "InvalidArgument", ErrorID: "MissingMandatoryParameter", Exception: "System.Management.Automation.ParameterBindingException"}
	}
	return nil
}

func (w *whereObject) Process(c *shell.Context) error {
	in := w.Input
	if !c.Bound("InputObject") {
		in = c.Input
	}
	if len(w.Filter) > 0 {
		out, err := c.InvokeCollect(w.Filter[0], in)
		if err != nil {
			return err
		}
		if truthOfOutput(out) {
			return c.WriteObject(in)
		}
		return nil
	}
	prop, err := w.lookup(in)
	if err != nil {
		c.WriteError(err)
		return nil
	}
	var pass bool
	switch w.op {
	case "":
		pass = value.ToBool(prop)
	case "not":
		pass = !value.ToBool(prop)
	default:
		res, err := value.Binary("-"+w.op, prop, w.Value)
		if err != nil {
			c.WriteError(&shell.ErrorRecord{Message: err.Error(), Category: "InvalidArgument",
				ErrorID: "OperatorFailed", TargetObject: in})
			return nil
		}
		pass = value.ToBool(res)
	}
	if pass {
		return c.WriteObject(in)
	}
	return nil
}

// lookup reads the simplified form's property; a wildcard name must match one member.
func (w *whereObject) lookup(in value.Value) (value.Value, error) {
	if h, ok := in.(*value.Hashtable); ok {
		if v, ok := h.Get(w.Property); ok {
			return v, nil
		}
	}
	if !hasWildcard(w.Property) {
		v, _ := propertyOf(in, w.Property)
		return v, nil
	}
	var hits []string
	for _, n := range propertyNames(in) {
		if wildcardMatch(w.Property, n, false) {
			hits = append(hits, n)
		}
	}
	switch len(hits) {
	case 0:
		return nil, nil
	case 1:
		v, _ := propertyOf(in, hits[0])
		return v, nil
	}
	return nil, &shell.ErrorRecord{
		Message:  fmt.Sprintf("The input name \"%s\" is ambiguous. It can be resolved to multiple matched members: %s.", w.Property, strings.Join(hits, ", ")),
		Category: "InvalidArgument", ErrorID: "AmbiguousPropertyOrMethodName", TargetObject: in}
}

// truthOfOutput is the truth of a script block's output: nothing is false, one value is its
// own truth, several values are an array's truth.
func truthOfOutput(out []value.Value) bool {
	switch len(out) {
	case 0:
		return false
	case 1:
		return value.ToBool(out[0])
	}
	return value.ToBool(out)
}
