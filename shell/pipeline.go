package shell

import (
	"context"
	"errors"
	"os"
	"strings"

	"github.com/exosh/exosh/parser"
	"github.com/exosh/exosh/shell/value"
)

// StopPipeline is returned by a cmdlet's Process (or passed back from WriteObject) when it
// needs no more input (Select-Object -First): upstream stages stop, and the End steps of
// this stage and the ones after it still run.
var StopPipeline = errors.New("pipeline stopped by a downstream command")

// stage is one running pipeline element.
type stage interface {
	begin() error
	// process runs the stage for one input object; has is false for the single call of a
	// first stage that has no input.
	process(v value.Value, has bool) error
	end() error
}

// stopAt marks which stage of which pipeline asked to stop. Pipelines nest (a ForEach-Object
// block runs its own pipelines whose output flows into the outer one), so a stop raised by
// an outer stage must pass through the inner pipelines untouched: each pipeline only acts
// on its own stops.
type stopAt struct {
	owner *pipelineRun
	index int
}

// pipelineRun identifies one running pipeline. It must not be zero-sized: Go may give every
// zero-sized allocation the same address, and the pointer is the identity.
type pipelineRun struct{ _ byte }

func (s *stopAt) Error() string { return StopPipeline.Error() }

func isCancel(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// runPipeline runs a pipeline: all stages are bound first, then begun in order, fed one
// object at a time, and ended in order.
func (s *Session) runPipeline(sc *scope, p *parser.Pipeline, out sink) error {
	var elemOut []sink
	if hasRedirections(p) {
		elemOut = make([]sink, len(p.Elements))
		restore, rout, err := s.applyRedirections(sc, p, out, elemOut)
		if err != nil {
			return err
		}
		defer restore()
		out = rout
	}
	elems := p.Elements
	if len(elems) == 0 {
		return nil
	}
	var first *parser.CommandExpression
	offset := 0
	if ce, ok := elems[0].(*parser.CommandExpression); ok {
		first = ce
		elems = elems[1:]
		offset = 1
	}
	stages := make([]stage, len(elems))
	run := &pipelineRun{}
	// Stages are bound first to last, as pwsh does (the first unknown command is the one
	// reported, and arguments are evaluated in order); each stage writes through outs[i],
	// which is filled in once its successor exists.
	outs := make([]sink, len(elems))
	for i := range elems {
		cmd, ok := elems[i].(*parser.Command)
		if !ok {
			return s.errorAt(elems[i], "ParserError", "ExpressionsMustBeFirstInPipeline", excRuntime,
				"Expressions are only allowed as the first element of a pipeline.")
		}
		hasInput := i > 0 || first != nil
		st, err := s.newStage(sc, cmd, func(v value.Value) error { return outs[i](v) }, hasInput, i)
		if err != nil {
			return err
		}
		stages[i] = st
	}
	next := out
	for i := len(stages) - 1; i >= 0; i-- {
		outs[i] = next
		if elemOut != nil {
			elemOut[i+offset] = next
		}
		st, idx := stages[i], i
		next = func(v value.Value) error {
			if err := s.checkCancel(); err != nil {
				return err
			}
			err := st.process(v, true)
			if errors.Is(err, StopPipeline) {
				if _, ok := err.(*stopAt); !ok {
					return &stopAt{owner: run, index: idx}
				}
			}
			return err
		}
	}
	feed := next
	if first != nil && elemOut != nil {
		elemOut[0] = feed
	}
	from := 0
	if err := s.drivePipeline(sc, run, first, stages, feed); err != nil {
		sa, ok := stopIndex(err, run)
		if !ok {
			return err
		}
		from = sa
	}
	for i := from; i < len(stages); i++ {
		if err := stages[i].end(); err != nil {
			if _, ok := stopIndex(err, run); ok {
				continue
			}
			return err
		}
	}
	return nil
}

// stopIndex reports which stage stopped the pipeline run, when err is its own stop signal.
func stopIndex(err error, run *pipelineRun) (int, bool) {
	var sa *stopAt
	if errors.As(err, &sa) && sa.owner == run {
		return sa.index, true
	}
	return 0, false
}

// hasRedirections reports whether any element of p has a redirection.
func hasRedirections(p *parser.Pipeline) bool {
	for _, el := range p.Elements {
		switch e := el.(type) {
		case *parser.Command:
			if len(e.Redirections) > 0 {
				return true
			}
		case *parser.CommandExpression:
			if len(e.Redirections) > 0 {
				return true
			}
		}
	}
	return false
}

// drivePipeline begins the stages and feeds the first one.
func (s *Session) drivePipeline(sc *scope, run *pipelineRun, first *parser.CommandExpression, stages []stage, feed sink) error {
	for _, st := range stages {
		if err := st.begin(); err != nil {
			return err
		}
	}
	if first == nil {
		if len(stages) == 0 {
			return nil
		}
		err := stages[0].process(nil, false)
		if errors.Is(err, StopPipeline) {
			if _, ok := err.(*stopAt); !ok {
				return &stopAt{owner: run, index: 0}
			}
		}
		return err
	}
	return s.emitExpression(sc, first.Expression, feed)
}

// emitExpression evaluates a pipeline's first expression and enumerates its value into
// out; ranges are streamed without building the array.
func (s *Session) emitExpression(sc *scope, e parser.Expression, out sink) error {
	if b, ok := e.(*parser.BinaryExpression); ok && b.Op == ".." {
		return s.iterateRange(sc, b, func(v value.Value) (bool, error) {
			err := out(v)
			return err != nil, err
		})
	}
	if u, ok := e.(*parser.UnaryExpression); ok && (u.Op == "++" || u.Op == "--" || u.Op == "post++" || u.Op == "post--") {
		// An increment used as a statement writes nothing.
		_, err := s.eval(sc, e)
		return err
	}
	if c, ok := e.(*parser.ConvertExpression); ok {
		if l := strings.ToLower(strings.TrimSpace(c.Type.Name)); l == "void" || l == "system.void" {
			_, err := s.eval(sc, c.X)
			return err
		}
	}
	v, err := s.eval(sc, e)
	if err != nil {
		return err
	}
	if items, ok := value.Enumerate(v); ok {
		for _, it := range items {
			if err := out(it); err != nil {
				return err
			}
		}
		return nil
	}
	if v == nil {
		if isNullProducing(e) {
			return nil
		}
	}
	return out(v)
}

// isNullProducing reports whether an expression's $null result means "no output" rather
// than a $null object: `$null | ForEach-Object {}` runs once, but a statement like
// `$x.Method()` that returns void writes nothing.
func isNullProducing(e parser.Expression) bool {
	switch e.(type) {
	case *parser.InvokeMemberExpression, *parser.SubExpression, *parser.ParenExpression, *parser.UnaryExpression:
		return true
	}
	return false
}

// newStage resolves a command and binds its command-line arguments.
func (s *Session) newStage(sc *scope, cmd *parser.Command, out sink, hasInput bool, index int) (stage, error) {
	if len(cmd.Elements) == 0 {
		return nil, s.errorAt(cmd, "ParserError", "MissingExpression", excRuntime, "Missing expression after '&' in pipeline element.")
	}
	args, err := s.evalArgs(sc, cmd)
	if err != nil {
		return nil, err
	}
	nameNode := cmd.Elements[0]
	var target value.Value
	if c, ok := nameNode.(*parser.StringConstant); ok && cmd.InvocationOperator == "" {
		target = c.Value
	} else if x, ok := nameNode.(parser.Expression); ok {
		v, err := s.eval(sc, x)
		if err != nil {
			return nil, err
		}
		target = v
	}
	if sb, ok := target.(*value.ScriptBlock); ok {
		body, _ := sb.Body.(*parser.ScriptBlock)
		fn := &function{body: body, params: scriptParams(body)}
		child := cmd.InvocationOperator != "."
		inv := &invocation{fn: fn, scope: childScope(sc, child)}
		if err := s.bindFunction(inv, args, cmd); err != nil {
			return nil, err
		}
		return &scriptStage{s: s, inv: inv, out: out, pipelineComing: hasInput}, nil
	}
	name := value.ToString(target)
	if f := sc.lookupFunc(strings.ToLower(name)); f != nil {
		return s.functionStage(sc, f, args, cmd, out, hasInput)
	}
	resolved := name
	if t, ok := s.aliases[strings.ToLower(name)]; ok {
		resolved = t
		if f := sc.lookupFunc(strings.ToLower(t)); f != nil {
			return s.functionStage(sc, f, args, cmd, out, hasInput)
		}
	}
	if strings.HasSuffix(strings.ToLower(name), ".ps1") {
		if st, ok, err := s.scriptFileStage(sc, name, args, cmd, out, hasInput); ok {
			return st, err
		}
	}
	info, ok := s.cmdlets[strings.ToLower(resolved)]
	if !ok && !strings.Contains(name, "-") {
		info, ok = s.cmdlets["get-"+strings.ToLower(name)]
	}
	if ok {
		// A cmdlet the acting user has no grant for is not there at all.
		allowed, err := s.commandAllowed(info.Name)
		if err != nil {
			// The grants live in the tenant: failing to read them (a state directory held
			// by another process) is that command's error.
			re := s.newRuntimeError(cmd, err)
			re.Command = info.Name
			return nil, re
		}
		ok = allowed
	}
	if !ok {
		re := s.errorAt(nameNode, "ObjectNotFound", "CommandNotFoundException", excCommandNotFound,
			"The term '"+name+"' is not recognized as a name of a cmdlet, function, script file, or executable program.\n"+
				"Check the spelling of the name, or if a path was included, verify that the path is correct and try again.")
		re.Command = name
		re.TargetObject = name
		return nil, re
	}
	return s.cmdletStage(sc, info, args, cmd, out, hasInput)
}

// functionStage binds a function call.
func (s *Session) functionStage(sc *scope, f *function, args []cmdArg, cmd *parser.Command, out sink, hasInput bool) (stage, error) {
	fsc := newScope(sc, scopeFunction)
	fsc.fname = f.name
	inv := &invocation{fn: f, scope: fsc}
	if err := s.bindFunction(inv, args, cmd); err != nil {
		return nil, err
	}
	return &scriptStage{s: s, inv: inv, out: out, pipelineComing: hasInput}, nil
}

// evalArgs evaluates a command's arguments (everything after the name), expanding splats
// and honouring `--`.
func (s *Session) evalArgs(sc *scope, cmd *parser.Command) ([]cmdArg, error) {
	var args []cmdArg
	endOfParams := false
	for _, el := range cmd.Elements[1:] {
		if p, ok := el.(*parser.CommandParameter); ok {
			if !endOfParams && p.Name == "-" && !p.Colon {
				endOfParams = true
				continue
			}
			if endOfParams {
				args = append(args, cmdArg{val: "-" + p.Name, node: p})
				continue
			}
			a := cmdArg{param: p.Name, isParam: true, colon: p.Colon, node: p, text: "-" + p.Name}
			if p.Colon {
				a.text += ":"
				if p.Argument != nil {
					v, err := s.eval(sc, p.Argument)
					if err != nil {
						return nil, err
					}
					a.val = v
				}
			}
			args = append(args, a)
			continue
		}
		x, ok := el.(parser.Expression)
		if !ok {
			continue
		}
		if c, ok := x.(*parser.StringConstant); ok && c.Kind == parser.BareWord && c.Value == "--" && !endOfParams {
			endOfParams = true
			continue
		}
		if v, ok := x.(*parser.Variable); ok && v.Splat {
			val := s.getVar(sc, v)
			switch t := val.(type) {
			case *value.Hashtable:
				for i, k := range t.Keys() {
					args = append(args, cmdArg{param: value.ToString(k), isParam: true, colon: true, val: t.Values()[i], node: v})
				}
			default:
				for _, it := range enumerateAll(val) {
					args = append(args, cmdArg{val: it, node: v})
				}
			}
			continue
		}
		val, err := s.eval(sc, x)
		if err != nil {
			return nil, err
		}
		args = append(args, cmdArg{val: val, node: x})
	}
	return args, nil
}

// scriptFileStage runs `& ./x.ps1 args` (or `./x.ps1 args`): the file is parsed and run in a
// new script scope. ok is false when the file does not exist, so that the caller reports
// pwsh's command-not-found error.
func (s *Session) scriptFileStage(sc *scope, name string, args []cmdArg, cmd *parser.Command, out sink, hasInput bool) (stage, bool, error) {
	path := s.resolvePath(name)
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, false, nil
	}
	src := Source{Name: path, Text: string(data), File: true}
	body, err := s.parse(src)
	if err != nil {
		re := s.parseErrorRecord(err, src)
		re.reported = true
		return nil, true, re
	}
	ssc := newScope(sc, scopeScript)
	s.setScriptVars(ssc, src)
	inv := &invocation{fn: &function{name: name, body: body, params: scriptParams(body)}, scope: ssc}
	if err := s.bindFunction(inv, args, cmd); err != nil {
		return nil, true, err
	}
	return &scriptStage{s: s, inv: inv, out: out, pipelineComing: hasInput, scriptFile: true}, true, nil
}
