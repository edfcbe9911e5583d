package shell

import (
	"strings"

	"github.com/exosh/exosh/parser"
	"github.com/exosh/exosh/shell/value"
)

// function is a user-defined function or filter, or a script run with arguments.
type function struct {
	name     string
	body     *parser.ScriptBlock
	params   []*parser.Parameter
	isFilter bool
}

func newFunction(d *parser.FunctionDefinition) *function {
	f := &function{name: d.Name, body: d.Body, isFilter: d.IsFilter, params: d.Params}
	if len(f.params) == 0 {
		f.params = scriptParams(d.Body)
	}
	return f
}

// scriptParams returns the param() block's parameters.
func scriptParams(sb *parser.ScriptBlock) []*parser.Parameter {
	if sb == nil || sb.Param == nil {
		return nil
	}
	return sb.Param.Parameters
}

// advanced reports whether the function uses [CmdletBinding()] or [Parameter()]: such
// functions reject unknown parameters and extra positional arguments instead of passing
// them in $args.
func (f *function) advanced() bool {
	if f.body != nil && f.body.Param != nil {
		for _, a := range f.body.Param.Attributes {
			if strings.EqualFold(a.Name, "CmdletBinding") {
				return true
			}
		}
	}
	for _, p := range f.params {
		for _, a := range p.Attributes {
			if strings.EqualFold(a.Name, "Parameter") {
				return true
			}
		}
	}
	return false
}

// confirmImpact is the function's [CmdletBinding(ConfirmImpact=...)], Medium when absent.
// pwsh accepts only a constant there, so a literal name or number is read without running
// anything.
func (f *function) confirmImpact() ConfirmImpact {
	if f.body == nil || f.body.Param == nil {
		return ConfirmImpactMedium
	}
	for _, a := range f.body.Param.Attributes {
		if !strings.EqualFold(a.Name, "CmdletBinding") {
			continue
		}
		for _, na := range a.Named {
			if strings.EqualFold(na.Name, "ConfirmImpact") && na.Value != nil {
				if c, ok := parseConfirmImpact(constantText(na.Value)); ok {
					return c
				}
			}
		}
	}
	return ConfirmImpactMedium
}

// invocation is one call of a function or script block: its scope and bound values.
type invocation struct {
	fn      *function
	scope   *scope
	bind    *binder
	values  map[*paramSpec]value.Value
	bound   map[string]value.Value // $PSBoundParameters, in binding order
	args    []value.Value
	defined bool // parameters and defaults are set in the scope
}

// functionSpecs builds the parameter specs of a function invocation: values are stored in
// inv.values and become variables when the body starts.
func (s *Session) functionSpecs(sc *scope, inv *invocation) ([]*paramSpec, error) {
	specs := make([]*paramSpec, 0, len(inv.fn.params))
	explicitPos := false
	for _, p := range inv.fn.params {
		for _, a := range p.Attributes {
			if strings.EqualFold(a.Name, "Parameter") {
				for _, na := range a.Named {
					if strings.EqualFold(na.Name, "Position") {
						explicitPos = true
					}
				}
			}
		}
	}
	for i, p := range inv.fn.params {
		sp := &paramSpec{name: p.Name, typeName: "Object"}
		var typ string
		if p.Type != nil {
			full, ok := value.ResolveType(p.Type.Name)
			if !ok {
				return nil, value.ErrUnknownType(p.Type.Name)
			}
			typ = full
			sp.typeName = value.ShortTypeName(full)
			if full == value.TSwitch {
				sp.isSwitch = true
			}
		}
		if !explicitPos && !sp.isSwitch {
			sp.position = i + 1
		}
		for _, a := range p.Attributes {
			switch strings.ToLower(a.Name) {
			case "parameter":
				for _, na := range a.Named {
					val := true
					var v value.Value = true
					if na.Value != nil {
						x, err := s.eval(sc, na.Value)
						if err != nil {
							return nil, err
						}
						v, val = x, value.ToBool(x)
					}
					switch strings.ToLower(na.Name) {
					case "mandatory":
						sp.mandatory = val
					case "position":
						n, err := indexInt(v)
						if err != nil {
							return nil, err
						}
						sp.position = n + 1
					case "valuefrompipeline":
						sp.fromPipeline = val
					case "valuefrompipelinebypropertyname":
						sp.byPropName = val
					case "valuefromremainingarguments":
						sp.remaining = val
					case "parametersetname":
						sp.sets = []string{value.ToString(v)}
					}
				}
			case "alias":
				for _, x := range a.Args {
					v, err := s.eval(sc, x)
					if err != nil {
						return nil, err
					}
					for _, it := range enumerateAll(v) {
						sp.aliases = append(sp.aliases, value.ToString(it))
					}
				}
			case "validateset":
				var allowed []string
				for _, x := range a.Args {
					v, err := s.eval(sc, x)
					if err != nil {
						return nil, err
					}
					for _, it := range enumerateAll(v) {
						allowed = append(allowed, value.ToString(it))
					}
				}
				sp.validateSet = allowed
			}
		}
		spec := sp
		sp.set = func(v value.Value) error {
			if typ != "" && !spec.isSwitch {
				c, err := value.Convert(v, typ)
				if err != nil {
					return ArgumentTransformationError(err.Error())
				}
				v = c
			}
			if spec.isSwitch {
				b, err := boolArg(v)
				if err != nil {
					return err
				}
				v = b
			}
			if spec.validateSet != nil {
				ok := false
				for _, a := range spec.validateSet {
					if strings.EqualFold(a, value.ToString(v)) {
						ok = true
					}
				}
				if !ok {
					return ArgumentValidationError("The argument \"" + value.ToString(v) + "\" does not belong to the set \"" +
						strings.Join(spec.validateSet, ",") + "\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.")
				}
			}
			inv.values[spec] = v
			return nil
		}
		specs = append(specs, sp)
	}
	return specs, nil
}

// bindFunction binds command arguments to a function's parameters.
func (s *Session) bindFunction(inv *invocation, args []cmdArg, node parser.Node) error {
	inv.values = map[*paramSpec]value.Value{}
	specs, err := s.functionSpecs(inv.scope, inv)
	if err != nil {
		return err
	}
	adv := inv.fn.advanced()
	if adv {
		specs = append(specs, s.functionCommonSpecs(inv)...)
	}
	b := &binder{s: s, specs: specs, command: inv.fn.name, node: node, extraToArgs: !adv}
	inv.bind = b
	if err := b.bindArgs(args); err != nil {
		return err
	}
	inv.args = b.extra
	return nil
}

// functionCommonSpecs gives advanced functions the common parameters; they set the
// preference variables of the function's scope.
func (s *Session) functionCommonSpecs(inv *invocation) []*paramSpec {
	pref := func(name, variable string, aliases ...string) *paramSpec {
		return &paramSpec{name: name, aliases: aliases, common: true, typeName: "ActionPreference",
			set: func(v value.Value) error {
				str, err := actionPreference(v)
				if err != nil {
					return err
				}
				inv.scope.set(variable, str)
				return nil
			}}
	}
	sw := func(name, variable string, on, off value.Value, aliases ...string) *paramSpec {
		return &paramSpec{name: name, aliases: aliases, common: true, isSwitch: true, typeName: "SwitchParameter",
			set: func(v value.Value) error {
				if value.ToBool(v) {
					inv.scope.set(variable, on)
				} else {
					inv.scope.set(variable, off)
				}
				return nil
			}}
	}
	ignore := func(name string, aliases ...string) *paramSpec {
		return &paramSpec{name: name, aliases: aliases, common: true, typeName: "String", set: func(value.Value) error { return nil }}
	}
	return []*paramSpec{
		sw("Verbose", "VerbosePreference", "Continue", "SilentlyContinue", "vb"),
		sw("Debug", "DebugPreference", "Continue", "SilentlyContinue", "db"),
		pref("ErrorAction", "ErrorActionPreference", "ea"),
		pref("WarningAction", "WarningPreference", "wa"),
		pref("InformationAction", "InformationPreference", "infa"),
		pref("ProgressAction", "ProgressPreference", "proga"),
		ignore("ErrorVariable", "ev"),
		ignore("WarningVariable", "wv"),
		ignore("InformationVariable", "iv"),
		ignore("OutVariable", "ov"),
		ignore("OutBuffer", "ob"),
		ignore("PipelineVariable", "pv"),
		sw("WhatIf", "WhatIfPreference", true, false, "wi"),
		sw("Confirm", "ConfirmPreference", "Low", "None", "cf"),
	}
}

// defineParams turns bound values into variables of the invocation scope and evaluates the
// defaults of unbound parameters.
func (s *Session) defineParams(inv *invocation) error {
	if inv.defined {
		return nil
	}
	inv.defined = true
	sc := inv.scope
	bound := value.NewHashtable()
	for _, sp := range inv.bind.specs {
		if sp.common {
			continue
		}
		v, ok := inv.values[sp]
		if ok {
			bound.Set(sp.name, v)
		}
	}
	for i, p := range inv.fn.params {
		sp := inv.bind.specs[i]
		v, ok := inv.values[sp]
		if !ok {
			switch {
			case p.Default != nil:
				d, err := s.eval(sc, p.Default)
				if err != nil {
					return err
				}
				v = d
			case sp.isSwitch:
				v = false
			}
			if p.Type != nil && !sp.isSwitch && v != nil {
				full, _ := value.ResolveType(p.Type.Name)
				c, err := value.Convert(v, full)
				if err != nil {
					return err
				}
				v = c
			} else if p.Type != nil && v == nil {
				full, _ := value.ResolveType(p.Type.Name)
				switch full {
				case value.TInt32, value.TInt64, value.TDouble, value.TBool, value.TString:
					v, _ = value.Convert(nil, full)
				}
			}
		}
		x := sc.set(p.Name, v)
		if p.Type != nil && !sp.isSwitch {
			x.typ, _ = value.ResolveType(p.Type.Name)
		}
	}
	args := inv.args
	if args == nil {
		args = []value.Value{}
	}
	sc.set("args", args)
	sc.set("PSBoundParameters", bound)
	if inv.fn.advanced() {
		sc.set("PSCmdlet", &psCmdlet{s: s, inv: inv})
	}
	return nil
}

// runFunctionBody runs a whole function call without pipeline input (begin, process once,
// end).
func (s *Session) runFunctionBody(inv *invocation, input []value.Value, out sink) error {
	st := &scriptStage{s: s, inv: inv, out: out}
	if err := st.begin(); err != nil {
		return err
	}
	if input == nil {
		if err := st.process(nil, false); err != nil {
			return err
		}
	} else {
		for _, v := range input {
			if err := st.process(v, true); err != nil {
				return err
			}
		}
	}
	return st.end()
}

// scriptStage runs a function or script block as a pipeline stage.
type scriptStage struct {
	s        *Session
	inv      *invocation
	out      sink
	input    []value.Value
	hasInput bool
	// pipelineComing defers the mandatory check of pipeline parameters to each object.
	pipelineComing bool
	// scriptFile marks a .ps1 run with `&`: its `exit N` ends only the script, setting
	// $LASTEXITCODE, and the caller goes on.
	scriptFile bool
	exited     bool
}

// exitResult turns `exit` inside a script file into the end of that script.
func (st *scriptStage) exitResult(err error) error {
	if e, ok := err.(*ExitError); ok && st.scriptFile {
		st.exited = true
		st.s.global.set("LASTEXITCODE", int32(e.Code))
		return nil
	}
	return err
}

func (st *scriptStage) blocks() (begin, process, end *parser.NamedBlock) {
	b := st.inv.fn.body
	if b == nil {
		return nil, nil, nil
	}
	begin, process, end = b.Begin, b.Process, b.End
	if st.inv.fn.isFilter && process == nil {
		process, end = end, nil
	}
	return begin, process, end
}

func (st *scriptStage) begin() error {
	if err := st.inv.bind.checkMandatory(st.pipelineComing); err != nil {
		return err
	}
	if err := st.s.defineParams(st.inv); err != nil {
		return err
	}
	if b, _, _ := st.blocks(); b != nil {
		return st.exitResult(blockResult(st.s.runStatements(st.inv.scope, b.Statements, st.out)))
	}
	return nil
}

func (st *scriptStage) process(v value.Value, has bool) error {
	_, p, _ := st.blocks()
	if has {
		st.hasInput = true
		if err := st.inv.bind.bindPipeline(v); err != nil {
			return err
		}
		if st.inv.bind.pipeMandatory {
			if err := st.inv.bind.checkMandatory(false); err != nil {
				return err
			}
		}
		for _, sp := range st.inv.bind.specs {
			if val, ok := st.inv.values[sp]; ok && (sp.fromPipeline || sp.byPropName) && st.inv.bind.isPipeBound(sp) {
				st.inv.scope.set(sp.name, val)
			}
		}
	}
	if p == nil || st.exited {
		if has {
			st.input = append(st.input, v)
		}
		return nil
	}
	sc := st.inv.scope
	sc.set("_", v)
	sc.set("PSItem", v)
	return st.exitResult(blockResult(st.s.runStatements(sc, p.Statements, st.out)))
}

func (st *scriptStage) end() error {
	_, _, e := st.blocks()
	if e == nil || st.exited {
		return nil
	}
	sc := st.inv.scope
	in := st.input
	if in == nil {
		in = []value.Value{}
	}
	sc.set("input", in)
	return st.exitResult(blockResult(st.s.runStatements(sc, e.Statements, st.out)))
}

// blockResult ends a named block: `return` only leaves the block.
func blockResult(err error) error {
	if _, ok := err.(flowReturn); ok {
		return nil
	}
	return err
}

// invokeBlock runs a script block. With newScope false it runs in sc itself (ForEach-Object
// semantics: assignments persist); setUnder sets $_ and $PSItem for the duration. `return`
// ends only this invocation.
func (s *Session) invokeBlock(sc *scope, sb *value.ScriptBlock, dollarUnder value.Value, setUnder bool, args []value.Value, out sink, newScope bool) error {
	body, ok := sb.Body.(*parser.ScriptBlock)
	if !ok || body == nil {
		return &ErrorRecord{Message: "The script block cannot be invoked because it has no body.",
			Category: "InvalidOperation", ErrorID: "ScriptBlockInvoke", Exception: excRuntime}
	}
	if newScope || body.Param != nil {
		fn := &function{name: "", body: body, params: scriptParams(body)}
		inv := &invocation{fn: fn, scope: childScope(sc, newScope)}
		cargs := make([]cmdArg, len(args))
		for i, a := range args {
			cargs[i] = cmdArg{val: a}
		}
		if err := s.bindFunction(inv, cargs, nil); err != nil {
			return err
		}
		if setUnder {
			inv.scope.set("_", dollarUnder)
			inv.scope.set("PSItem", dollarUnder)
		}
		st := &scriptStage{s: s, inv: inv, out: out}
		if err := st.begin(); err != nil {
			return err
		}
		_, p, _ := st.blocks()
		if p != nil {
			if err := st.process(dollarUnder, false); err != nil {
				return err
			}
		}
		return st.end()
	}
	// $_, $PSItem and $args live in the caller's scope for the duration of the call; the
	// slots are reused across calls (ForEach-Object calls this once per object).
	var slots [3]*variable
	var savedVal [3]value.Value
	for i, n := range [3]string{"_", "psitem", "args"} {
		x := sc.vars[n]
		if x == nil {
			x = &variable{name: n}
			sc.add(n, x)
		}
		slots[i], savedVal[i] = x, x.val
	}
	if setUnder {
		slots[0].val, slots[1].val = dollarUnder, dollarUnder
	}
	if args == nil {
		slots[2].val = noArgsValue
	} else {
		slots[2].val = args
	}
	var err error
	if body.Begin != nil {
		err = s.runStatements(sc, body.Begin.Statements, out)
	}
	if err == nil && body.Process != nil {
		err = blockResult(s.runStatements(sc, body.Process.Statements, out))
	}
	if err == nil && body.End != nil {
		err = s.runStatements(sc, body.End.Statements, out)
	}
	for i := range slots {
		slots[i].val = savedVal[i]
	}
	return blockResult(err)
}

// noArgs is the empty $args of a block invoked without arguments.
var noArgs = []value.Value{}

// noArgsValue is noArgs as a value, boxed once so that hot paths do not allocate.
var noArgsValue value.Value = noArgs

// childScope returns a child scope of sc, or sc itself for dot-sourcing.
func childScope(sc *scope, child bool) *scope {
	if child {
		return newScope(sc, scopeBlock)
	}
	return sc
}

// invokeCollect runs a block in sc with $_ set and gathers its output.
func (s *Session) invokeCollect(sc *scope, sb *value.ScriptBlock, dollarUnder value.Value) ([]value.Value, error) {
	var out []value.Value
	err := s.invokeBlock(sc, sb, dollarUnder, true, nil, func(v value.Value) error {
		out = append(out, v)
		return nil
	}, false)
	return out, err
}

// runScriptBody runs a parsed script (or interactive input) in sc: its named blocks in
// order, or its statements.
func (s *Session) runScriptBody(sc *scope, sb *parser.ScriptBlock, _ []value.Value, out sink) error {
	if sb.Param != nil {
		fn := &function{body: sb, params: scriptParams(sb)}
		inv := &invocation{fn: fn, scope: sc}
		if err := s.bindFunction(inv, nil, nil); err != nil {
			return err
		}
		return s.runFunctionBody(inv, nil, out)
	}
	for _, b := range []*parser.NamedBlock{sb.Begin, sb.Process, sb.End} {
		if b == nil {
			continue
		}
		if err := s.runStatements(sc, b.Statements, out); err != nil {
			if _, ok := err.(flowReturn); ok {
				return nil
			}
			return err
		}
	}
	return nil
}

// constantText is the text of a constant attribute argument: 'High', "High", 3, or
// [System.Management.Automation.ConfirmImpact]::High.
func constantText(e parser.Expression) string {
	switch x := e.(type) {
	case *parser.StringConstant:
		return x.Value
	case *parser.ExpandableString:
		if len(x.Parts) <= 1 {
			return x.Raw
		}
	case *parser.Constant:
		return value.ToString(x.Value)
	case *parser.MemberExpression:
		if x.Static {
			return constantText(x.Member)
		}
	}
	return ""
}
