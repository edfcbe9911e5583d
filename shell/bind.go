package shell

import (
	"fmt"
	"sort"
	"strings"

	"github.com/exosh/exosh/parser"
	"github.com/exosh/exosh/shell/value"
)

// paramSpec is one bindable parameter of a cmdlet, function or script.
type paramSpec struct {
	name         string
	aliases      []string
	position     int // 1-based; 0 = named only
	mandatory    bool
	sets         []string
	fromPipeline bool
	byPropName   bool
	remaining    bool
	isSwitch     bool
	common       bool
	typeName     string // short .NET name for messages
	validateSet  []string
	set          func(v value.Value) error
	bound        bool // bound by argument or by the current pipeline object
}

// cmdArg is one evaluated command element.
type cmdArg struct {
	param   string // parameter name without the dash
	isParam bool
	colon   bool // -Name:value (val holds the value)
	val     value.Value
	node    parser.Node
	text    string // the parameter token as written, for remaining-arguments data
}

// binder matches command arguments and pipeline input to parameters.
type binder struct {
	s       *Session
	specs   []*paramSpec
	command string
	node    parser.Node // the command, for errors without a more precise extent
	// extraToArgs passes unknown parameters and extra positional arguments to $args
	// (simple functions and scripts).
	extraToArgs bool
	extra       []value.Value
	byName      map[string]*paramSpec // isBound lookups by exact spelling
	pipeBound   []*paramSpec          // bound from the current pipeline object
	// pipeSpecs caches the parameters that take pipeline input, in declaration order.
	pipeSpecs []*paramSpec
	// pipeMandatory: some pipeline parameter is mandatory (checked per object).
	pipeMandatory bool
	// hasSets: some parameter belongs to named parameter sets.
	hasSets bool
	// cmdSets caches the sets consistent with the command-line arguments.
	cmdSets    map[string]bool
	setsCached bool
	// strictPipeline makes input that binds to nothing an error (cmdlets); functions
	// without pipeline parameters just see it in $_ and $input.
	strictPipeline bool
	// allowDelay enables delay-bind script blocks (pipeline input is coming).
	allowDelay bool
	// delayed holds script blocks given to by-property-name parameters: they are evaluated
	// per input object with $_ set.
	delayed map[*paramSpec]*value.ScriptBlock
}

// bindError builds a ParameterBindingException record at node n.
func (b *binder) bindError(n parser.Node, id, category, msg string) *RuntimeError {
	if n == nil {
		n = b.node
	}
	re := b.s.errorAt(n, category, id, excParamBinding, msg)
	re.Command = b.command
	return re
}

// lookup resolves a parameter name: exact name or alias, else a unique prefix; a prefix that
// also matches common parameters resolves to the single cmdlet-declared match.
func (b *binder) lookup(name string, n parser.Node) (*paramSpec, error) {
	var matches []*paramSpec
	for _, sp := range b.specs {
		if strings.EqualFold(sp.name, name) {
			return sp, nil
		}
		for _, a := range sp.aliases {
			if strings.EqualFold(a, name) {
				return sp, nil
			}
		}
	}
	lower := strings.ToLower(name)
	for _, sp := range b.specs {
		hit := strings.HasPrefix(strings.ToLower(sp.name), lower)
		for _, a := range sp.aliases {
			if strings.HasPrefix(strings.ToLower(a), lower) {
				hit = true
			}
		}
		if hit {
			matches = append(matches, sp)
		}
	}
	switch len(matches) {
	case 0:
		return nil, nil
	case 1:
		return matches[0], nil
	}
	var own []*paramSpec
	for _, m := range matches {
		if !m.common {
			own = append(own, m)
		}
	}
	if len(own) == 1 {
		return own[0], nil
	}
	var list strings.Builder
	for _, m := range matches {
		list.WriteString(" -" + m.name)
	}
	return nil, b.bindError(n, "AmbiguousParameter", "InvalidArgument", fmt.Sprintf(
		"Parameter cannot be processed because the parameter name '%s' is ambiguous. Possible matches include:%s.", name, list.String()))
}

// setParam converts and stores one argument, wrapping a conversion failure in pwsh's text.
func (b *binder) setParam(sp *paramSpec, v value.Value, n parser.Node) error {
	if sp.mandatory && !sp.isSwitch {
		// Mandatory parameters reject $null and empty strings, as [AllowNull()] is absent.
		if v == nil {
			return b.bindError(n, "ParameterArgumentValidationErrorNullNotAllowed", "InvalidData",
				fmt.Sprintf("Cannot bind argument to parameter '%s' because it is null.", sp.name))
		}
		if str, ok := v.(string); ok && str == "" && strings.EqualFold(sp.typeName, "String") {
			return b.bindError(n, "ParameterArgumentValidationErrorEmptyStringNotAllowed", "InvalidData",
				fmt.Sprintf("Cannot bind argument to parameter '%s' because it is an empty string.", sp.name))
		}
	}
	if err := sp.set(v); err != nil {
		if re, ok := err.(*RuntimeError); ok {
			return re
		}
		if f, ok := err.(*bindFailure); ok {
			cat := "InvalidData"
			if f.kind == failRequiredBy {
				cat = "InvalidArgument"
			}
			return b.bindError(n, f.errorID(), cat, f.message(sp.name))
		}
		return b.bindError(n, "CannotConvertArgumentNoMessage", "InvalidArgument",
			fmt.Sprintf("Cannot bind parameter '%s'. %s", sp.name, err.Error()))
	}
	sp.bound = true
	return nil
}

// bindArgs binds the command-line arguments: named first, then positional, then the
// remaining-arguments parameter; finally the parameter set is checked.
func (b *binder) bindArgs(args []cmdArg) error {
	var positional []cmdArg
	var remaining *paramSpec
	for _, sp := range b.specs {
		if sp.remaining {
			remaining = sp
		}
	}
	var rest []value.Value
	for i := 0; i < len(args); i++ {
		a := args[i]
		if !a.isParam {
			positional = append(positional, a)
			continue
		}
		sp, err := b.lookup(a.param, a.node)
		if err != nil {
			return err
		}
		if sp == nil {
			if remaining != nil || b.extraToArgs {
				text := a.text
				if text == "" {
					text = "-" + a.param
				}
				positional = append(positional, cmdArg{val: text, node: a.node, text: "param"})
				if a.colon {
					positional = append(positional, cmdArg{val: a.val, node: a.node})
				}
				continue
			}
			return b.bindError(a.node, "NamedParameterNotFound", "InvalidArgument",
				fmt.Sprintf("A parameter cannot be found that matches parameter name '%s'.", a.param))
		}
		if sp.bound {
			return b.bindError(a.node, "ParameterAlreadyBound", "InvalidArgument", fmt.Sprintf(
				"Cannot bind parameter because parameter '%s' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, \"-parameter value1,value2,value3\".", sp.name))
		}
		var v value.Value
		argNode := a.node
		switch {
		case a.colon:
			v = a.val
		case sp.isSwitch:
			v = true
		case i+1 < len(args) && !args[i+1].isParam:
			i++
			v, argNode = args[i].val, args[i].node
		default:
			return b.bindError(a.node, "MissingArgument", "InvalidArgument", fmt.Sprintf(
				"Missing an argument for parameter '%s'. Specify a parameter of type '%s' and try again.", sp.name, fullTypeName(sp.typeName)))
		}
		if sb, ok := v.(*value.ScriptBlock); ok && b.allowDelay && sp.byPropName && !takesScriptBlock(sp.typeName) {
			if b.delayed == nil {
				b.delayed = map[*paramSpec]*value.ScriptBlock{}
			}
			b.delayed[sp] = sb
			sp.bound = true
			continue
		}
		if err := b.setParam(sp, v, argNode); err != nil {
			return err
		}
	}
	// Positional binding in ascending Position order within the still-possible sets.
	var pos []*paramSpec
	for _, sp := range b.specs {
		if sp.position > 0 && !sp.remaining {
			pos = append(pos, sp)
		}
	}
	sort.SliceStable(pos, func(i, j int) bool { return pos[i].position < pos[j].position })
	for _, a := range positional {
		var target *paramSpec
		if a.text != "param" {
			sets := b.activeSets()
			for _, sp := range pos {
				if !sp.bound && inSets(sp, sets) {
					target = sp
					break
				}
			}
		}
		if target == nil {
			if remaining != nil || b.extraToArgs {
				rest = append(rest, a.val)
				continue
			}
			return b.bindError(a.node, "PositionalParameterNotFound", "InvalidArgument", fmt.Sprintf(
				"A positional parameter cannot be found that accepts argument '%s'.", value.ToString(a.val)))
		}
		if err := b.setParam(target, a.val, a.node); err != nil {
			return err
		}
	}
	if remaining != nil && rest != nil {
		// A single leftover argument binds as itself, so `Write-Output 1,2,3` passes the
		// array (which the cmdlet then enumerates) rather than an array holding it.
		var v value.Value = rest
		if len(rest) == 1 {
			v = rest[0]
		}
		if err := b.setParam(remaining, v, b.node); err != nil {
			return err
		}
	} else if rest != nil {
		b.extra = rest
	}
	if sets := b.activeSets(); sets != nil && len(sets) == 0 {
		return b.setError()
	}
	return nil
}

func (b *binder) setError() *RuntimeError {
	return b.bindError(b.node, "AmbiguousParameterSet", "InvalidArgument",
		"Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.")
}

// activeSets returns the parameter sets consistent with the bound parameters; nil means
// every set.
func (b *binder) activeSets() map[string]bool {
	var sets map[string]bool
	for _, sp := range b.specs {
		if !sp.bound || len(sp.sets) == 0 {
			continue
		}
		mine := map[string]bool{}
		for _, n := range sp.sets {
			mine[strings.ToLower(n)] = true
		}
		if sets == nil {
			sets = mine
			continue
		}
		for n := range sets {
			if !mine[n] {
				delete(sets, n)
			}
		}
	}
	return sets
}

func inSets(sp *paramSpec, sets map[string]bool) bool {
	if sets == nil || len(sp.sets) == 0 {
		return true
	}
	for _, n := range sp.sets {
		if sets[strings.ToLower(n)] {
			return true
		}
	}
	return false
}

// checkMandatory fails when mandatory parameters of the chosen set are unbound. With
// pipeline input coming, parameters that take it are checked per object instead.
func (b *binder) checkMandatory(pipelineComing bool) error {
	sets := b.activeSets()
	allSets := map[string]bool{}
	for _, sp := range b.specs {
		for _, n := range sp.sets {
			allSets[strings.ToLower(n)] = true
		}
	}
	var missing []string
	for _, sp := range b.specs {
		if !sp.mandatory || sp.bound || b.isPipeBound(sp) {
			continue
		}
		if pipelineComing && (sp.fromPipeline || sp.byPropName) {
			continue
		}
		if len(sp.sets) > 0 {
			if sets == nil {
				// No set chosen yet: only parameters mandatory in every set are required.
				if len(allSets) > 1 && len(sp.sets) < len(allSets) {
					continue
				}
			} else if !inSets(sp, sets) {
				continue
			}
		}
		missing = append(missing, " "+sp.name)
	}
	if len(missing) == 0 {
		return nil
	}
	return b.bindError(b.node, "MissingMandatoryParameter", "InvalidArgument",
		"Cannot process command because of one or more missing mandatory parameters:"+strings.Join(missing, "")+".")
}

// bindPipeline binds one pipeline input object: by value without conversion, by property
// name without conversion, by value with conversion, by property name with conversion.
func (b *binder) bindPipeline(v value.Value) error {
	if b.pipeSpecs == nil {
		b.pipeSpecs = []*paramSpec{}
		for _, sp := range b.specs {
			if sp.fromPipeline || sp.byPropName {
				b.pipeSpecs = append(b.pipeSpecs, sp)
				b.pipeMandatory = b.pipeMandatory || sp.mandatory
			}
			b.hasSets = b.hasSets || len(sp.sets) > 0
		}
	}
	if len(b.pipeSpecs) == 0 && len(b.delayed) == 0 && !b.strictPipeline {
		return nil
	}
	for _, sp := range b.pipeBound {
		sp.bound = false
	}
	b.pipeBound = b.pipeBound[:0]
	any := false
	try := func(sp *paramSpec, x value.Value) bool {
		if sp.bound || b.isPipeBound(sp) {
			return false
		}
		if err := sp.set(x); err != nil {
			return false
		}
		b.pipeBound = append(b.pipeBound, sp)
		any = true
		return true
	}
	// The sets chosen by the command-line arguments do not change between objects.
	if b.hasSets && !b.setsCached {
		b.cmdSets, b.setsCached = b.activeSets(), true
	}
	sets := b.cmdSets
	byValueDone := false
	for phase := 0; phase < 4; phase++ {
		conv := phase >= 2
		for _, sp := range b.pipeSpecs {
			if !inSets(sp, sets) {
				continue
			}
			if phase%2 == 0 {
				if !sp.fromPipeline || byValueDone || (!conv && !typeMatches(v, sp.typeName)) {
					continue
				}
				if try(sp, v) {
					byValueDone = true
				}
				continue
			}
			if !sp.byPropName {
				continue
			}
			if pv, ok := propertyFor(v, sp); ok && (conv || typeMatches(pv, sp.typeName)) {
				try(sp, pv)
			}
		}
	}
	if !any && len(b.delayed) == 0 {
		return b.bindError(b.node, "InputObjectNotBound", "InvalidArgument",
			"The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.")
	}
	for _, sp := range b.pipeBound {
		sp.bound = true
	}
	return nil
}

// propertyFor finds the property (or hashtable key) named like the parameter or an alias.
func propertyFor(v value.Value, sp *paramSpec) (value.Value, bool) {
	names := append([]string{sp.name}, sp.aliases...)
	for _, n := range names {
		switch x := v.(type) {
		case *value.Object:
			if pv, ok := x.Get(n); ok {
				return pv, true
			}
		case *value.Hashtable:
			continue
		case value.Membered:
			if pv, ok := x.Member(n); ok {
				return pv, true
			}
		}
	}
	return nil, false
}

// takesScriptBlock reports whether a parameter type accepts a script block as such.
func takesScriptBlock(typeName string) bool {
	switch strings.ToLower(typeName) {
	case "scriptblock", "scriptblock[]", "object", "object[]", "psobject":
		return true
	}
	return false
}

// bindDelayed evaluates the delay-bind script blocks for one input object.
func (b *binder) bindDelayed(sc *scope, v value.Value) error {
	for sp, sb := range b.delayed {
		out, err := b.s.invokeCollect(sc, sb, v)
		if err != nil {
			return err
		}
		if err := b.setParam(sp, unwrap(out), b.node); err != nil {
			return err
		}
	}
	return nil
}

// isPipeBound reports whether sp was bound from the current pipeline object.
func (b *binder) isPipeBound(sp *paramSpec) bool {
	for _, x := range b.pipeBound {
		if x == sp {
			return true
		}
	}
	return false
}

// typeMatches reports whether v already has the parameter's type (no conversion needed).
func typeMatches(v value.Value, typeName string) bool {
	switch typeName {
	case "Object", "PSObject", "Object[]":
		return true
	}
	switch strings.ToLower(typeName) {
	case "object", "psobject", "object[]":
		return true
	}
	if v == nil {
		return false
	}
	want := strings.TrimSuffix(strings.ToLower(typeName), "[]")
	for _, t := range value.TypeNames(v) {
		if strings.ToLower(value.ShortTypeName(t)) == want {
			return true
		}
	}
	return false
}

// isBound reports whether a parameter (by name, case-insensitive) was bound.
func (b *binder) isBound(name string) bool {
	sp, ok := b.byName[name]
	if !ok {
		for _, x := range b.specs {
			if strings.EqualFold(x.name, name) {
				sp = x
				break
			}
		}
		if b.byName == nil {
			b.byName = map[string]*paramSpec{}
		}
		// Cmdlets ask with constant names, so caching by the exact spelling stays small.
		b.byName[name] = sp
	}
	return sp != nil && sp.bound
}

// actionPreference validates an ActionPreference value.
func actionPreference(v value.Value) (string, error) {
	s := value.ToString(v)
	for _, a := range []string{"SilentlyContinue", "Stop", "Continue", "Inquire", "Ignore", "Suspend", "Break"} {
		if strings.EqualFold(a, s) {
			if a == "Suspend" {
				break
			}
			return a, nil
		}
	}
	return "", fmt.Errorf("Cannot convert value \"%s\" to type \"System.Management.Automation.ActionPreference\". Error: \"Unable to match the identifier name %s to a valid enumerator name. Specify one of the following enumerator names and try again:\nSilentlyContinue, Stop, Continue, Inquire, Ignore, Suspend, Break\"", s, s)
}

// isParamToken reports whether a -File argument looks like a parameter (-Name).
func isParamToken(a string) bool {
	if len(a) < 2 || a[0] != '-' {
		return false
	}
	c := a[1]
	return c == '_' || c == '?' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
