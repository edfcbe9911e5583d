package shell

import (
	"errors"
	"io"
	"strings"

	"github.com/exosh/exosh/parser"
	"github.com/exosh/exosh/shell/value"
)

// commonParams holds the common parameters given to one cmdlet invocation.
type commonParams struct {
	errorAction, warningAction   string // "" means: use the preference variable
	errorVar, warningVar, outVar string
	verbose, debug               *bool
	whatIf, confirm              *bool
}

// cmdletStage runs one cmdlet in a pipeline; it is also the runtime behind the cmdlet's
// Context.
type cmdletStage struct {
	s       *Session
	sc      *scope
	info    *CmdletInfo
	cmd     Cmdlet
	node    *parser.Command
	b       *binder
	c       Context
	out     sink
	common  commonParams
	stopErr error
	hasIn   bool
	errVar  *value.List
	warnVar *value.List
	outVar  *value.List
	// confirm remembers Yes to All / No to All for the rest of this command's input.
	confirm confirmMemory
}

// cmdletStage creates and binds a cmdlet.
func (s *Session) cmdletStage(sc *scope, info *CmdletInfo, args []cmdArg, node *parser.Command, out sink, hasInput bool) (*cmdletStage, error) {
	st := &cmdletStage{s: s, sc: sc, info: info, cmd: info.New(), node: node, out: out, hasIn: hasInput}
	st.c = Context{Ctx: s.ctx, Store: s.st, Clock: s.clock, rt: st}
	params := st.cmd.Params()
	specs := make([]*paramSpec, 0, len(params)+14)
	allowed := s.paramFilter(info.Name)
	for i := range params {
		p := &params[i]
		if allowed != nil && !allowed(p.Name) {
			continue
		}
		sp := &paramSpec{name: p.Name, aliases: p.Aliases, position: p.Position, mandatory: p.Mandatory,
			sets: p.Sets, fromPipeline: p.FromPipeline, byPropName: p.ByPropertyName, remaining: p.Remaining}
		if p.Bind != nil {
			sp.typeName = p.Bind.TypeName()
			sp.set = p.Bind.Set
			if _, ok := p.Bind.(SwitchBinder); ok {
				sp.isSwitch = true
			}
		} else {
			sp.typeName = "Object"
			sp.set = func(value.Value) error { return nil }
		}
		specs = append(specs, sp)
	}
	specs = append(specs, st.commonSpecs()...)
	st.b = &binder{s: s, specs: specs, command: info.Name, node: node, allowDelay: hasInput, strictPipeline: true}
	if err := st.b.bindArgs(args); err != nil {
		return nil, err
	}
	if err := st.b.checkMandatory(hasInput); err != nil {
		return nil, err
	}
	if st.common.errorVar != "" {
		st.errVar = st.variableList(st.common.errorVar)
	}
	if st.common.warningVar != "" {
		st.warnVar = st.variableList(st.common.warningVar)
	}
	if st.common.outVar != "" {
		st.outVar = st.variableList(st.common.outVar)
	}
	return st, nil
}

// variableList prepares the ArrayList behind -ErrorVariable/-WarningVariable/-OutVariable;
// a leading + appends to the existing content.
func (st *cmdletStage) variableList(name string) *value.List {
	appendTo := strings.HasPrefix(name, "+")
	name = strings.TrimPrefix(name, "+")
	l := &value.List{TypeName: value.TArrayList}
	if appendTo {
		if cur, ok := st.s.lookupVar(st.sc, "", name); ok {
			l.Items = append(l.Items, enumerateAll(cur)...)
		}
	}
	st.sc.set(name, l)
	return l
}

// commonSpecs declares the common parameters every cmdlet accepts.
func (st *cmdletStage) commonSpecs() []*paramSpec {
	str := func(dst *string) func(value.Value) error {
		return func(v value.Value) error { *dst = value.ToString(v); return nil }
	}
	pref := func(dst *string) func(value.Value) error {
		return func(v value.Value) error {
			a, err := actionPreference(v)
			if err != nil {
				return err
			}
			*dst = a
			return nil
		}
	}
	sw := func(dst **bool) func(value.Value) error {
		return func(v value.Value) error {
			b, err := boolArg(v)
			if err != nil {
				return err
			}
			*dst = &b
			return nil
		}
	}
	c := &st.common
	none := func(value.Value) error { return nil }
	return []*paramSpec{
		{name: "Verbose", aliases: []string{"vb"}, common: true, isSwitch: true, typeName: "SwitchParameter", set: sw(&c.verbose)},
		{name: "Debug", aliases: []string{"db"}, common: true, isSwitch: true, typeName: "SwitchParameter", set: sw(&c.debug)},
		{name: "ErrorAction", aliases: []string{"ea"}, common: true, typeName: "ActionPreference", set: pref(&c.errorAction)},
		{name: "WarningAction", aliases: []string{"wa"}, common: true, typeName: "ActionPreference", set: pref(&c.warningAction)},
		{name: "InformationAction", aliases: []string{"infa"}, common: true, typeName: "ActionPreference", set: none},
		{name: "ProgressAction", aliases: []string{"proga"}, common: true, typeName: "ActionPreference", set: none},
		{name: "ErrorVariable", aliases: []string{"ev"}, common: true, typeName: "String", set: str(&c.errorVar)},
		{name: "WarningVariable", aliases: []string{"wv"}, common: true, typeName: "String", set: str(&c.warningVar)},
		{name: "InformationVariable", aliases: []string{"iv"}, common: true, typeName: "String", set: none},
		{name: "OutVariable", aliases: []string{"ov"}, common: true, typeName: "String", set: str(&c.outVar)},
		{name: "OutBuffer", aliases: []string{"ob"}, common: true, typeName: "Int32", set: none},
		{name: "PipelineVariable", aliases: []string{"pv"}, common: true, typeName: "String", set: none},
		{name: "WhatIf", aliases: []string{"wi"}, common: true, isSwitch: true, typeName: "SwitchParameter", set: sw(&c.whatIf)},
		{name: "Confirm", aliases: []string{"cf"}, common: true, isSwitch: true, typeName: "SwitchParameter", set: sw(&c.confirm)},
	}
}

func (st *cmdletStage) begin() error {
	if b, ok := st.cmd.(Beginner); ok {
		st.c.Input, st.c.HasInput = nil, st.hasIn
		return st.result(b.Begin(&st.c))
	}
	return nil
}

func (st *cmdletStage) process(v value.Value, has bool) error {
	if has {
		if err := st.b.bindPipeline(v); err != nil {
			return err
		}
		if st.b.delayed != nil {
			if err := st.b.bindDelayed(st.sc, v); err != nil {
				return err
			}
		}
		if st.b.pipeMandatory {
			if err := st.b.checkMandatory(false); err != nil {
				return err
			}
		}
	}
	st.c.Input, st.c.HasInput = v, has
	return st.result(st.cmd.Process(&st.c))
}

func (st *cmdletStage) end() error {
	if e, ok := st.cmd.(Ender); ok {
		st.c.Input = nil
		return st.result(e.End(&st.c))
	}
	return nil
}

// result turns what a cmdlet step returned into the pipeline's outcome: an -ErrorAction Stop
// error recorded by WriteError wins; other errors become statement-terminating error records
// naming the cmdlet.
func (st *cmdletStage) result(err error) error {
	if st.stopErr != nil {
		e := st.stopErr
		st.stopErr = nil
		return e
	}
	if err == nil || isFlow(err) || isCancel(err) || errors.Is(err, StopPipeline) {
		return err
	}
	var re *RuntimeError
	if errors.As(err, &re) {
		return re
	}
	re = st.s.newRuntimeError(st.node, err)
	re.Command = st.info.Name
	if st.errorAction() == "stop" {
		re.scriptTerm = true
	}
	return re
}

// errorAction returns the effective ErrorAction, lower-cased.
func (st *cmdletStage) errorAction() string {
	if st.common.errorAction != "" {
		return strings.ToLower(st.common.errorAction)
	}
	return st.s.preference(st.sc, "ErrorActionPreference")
}

// runtime implementation for Context.

func (st *cmdletStage) writeObject(v value.Value) error {
	if st.stopErr != nil {
		return st.stopErr
	}
	if st.outVar != nil {
		st.outVar.Items = append(st.outVar.Items, v)
	}
	return st.out(v)
}

func (st *cmdletStage) writeError(err error) {
	re := st.s.newRuntimeError(st.node, err)
	if re.Command == "" {
		re.Command = st.info.Name
		// Write-Error reports on behalf of its caller: inside a function the reason is the
		// function's name.
		if strings.EqualFold(st.info.Name, "Write-Error") {
			if fn := st.sc.functionName(); fn != "" {
				re.Command = fn
			}
		}
	}
	if st.errVar != nil {
		st.errVar.Items = append(st.errVar.Items, &errorValue{rec: re})
	}
	switch st.errorAction() {
	case "ignore":
		return
	case "silentlycontinue":
		st.s.recordError(re)
		st.s.failed = true
		return
	case "stop":
		if st.stopErr == nil {
			re.scriptTerm = true
			st.stopErr = re
		}
		return
	}
	st.s.reportError(re)
}

func (st *cmdletStage) writeWarning(msg string) {
	action := strings.ToLower(st.common.warningAction)
	if action == "" {
		action = st.s.preference(st.sc, "WarningPreference")
	}
	if st.warnVar != nil {
		st.warnVar.Items = append(st.warnVar.Items, msg)
	}
	switch action {
	case "silentlycontinue", "ignore":
		return
	case "stop":
		if st.stopErr == nil {
			re := st.s.errorAt(st.node, "OperationStopped", "ActionPreferenceStop", excStop,
				"The running command stopped because the preference variable \"WarningPreference\" or common parameter is set to Stop: "+msg)
			re.Command, re.scriptTerm = st.info.Name, true
			st.stopErr = re
		}
		return
	}
	st.s.writeWarningText(msg)
}

func (st *cmdletStage) writeVerbose(msg string) {
	on := st.s.preference(st.sc, "VerbosePreference") == "continue"
	if st.common.verbose != nil {
		on = *st.common.verbose
	}
	if on {
		st.s.writeStreamLine("VERBOSE: "+msg, ansiYellow)
	}
}

func (st *cmdletStage) writeHost(text string, newline bool, fg string) {
	st.s.writeHost(text, newline, fg)
}

// writeProgress draws nothing: exosh's output is line-oriented and pwsh shows no progress
// when output is redirected; the progress record is accepted and dropped.
func (st *cmdletStage) writeProgress(activity, status string, percent int, completed bool) {}

func (st *cmdletStage) bound(name string) bool { return st.b.isBound(name) }

func (st *cmdletStage) invoke(sb *value.ScriptBlock, dollarUnder value.Value, args []value.Value, out func(value.Value) error) error {
	return st.s.invokeBlock(st.sc, sb, dollarUnder, true, args, out, false)
}

// shouldProcess implements -WhatIf and -Confirm (see Session.shouldProcess). A prompt that
// fails is kept as the error that ends the current step, like an -ErrorAction Stop error.
func (st *cmdletStage) shouldProcess(description, query, caption string) bool {
	if st.stopErr != nil {
		return false
	}
	whatIf := value.ToBool(st.s.getVarValue(st.sc, "WhatIfPreference"))
	if st.common.whatIf != nil {
		whatIf = *st.common.whatIf
	}
	// Only the -Verbose switch reports auto-confirmed operations, not $VerbosePreference.
	verbose := st.common.verbose != nil && *st.common.verbose
	ok, err := st.s.shouldProcess(&st.confirm, shouldProcessCall{
		description: description,
		query:       query,
		caption:     caption,
		whatIf:      whatIf,
		threshold:   st.s.confirmThreshold(st.sc, st.common.confirm),
		impact:      st.info.ConfirmImpact,
		verbose:     verbose,
	})
	if err != nil {
		if isCancel(err) {
			st.stopErr = err
			return false
		}
		re := st.s.newRuntimeError(st.node, err)
		re.Command = st.info.Name
		if st.errorAction() == "stop" {
			re.scriptTerm = true
		}
		st.stopErr = re
	}
	return ok
}

func (st *cmdletStage) readLine(prompt string, secure bool) (string, error) {
	return st.s.readLine(prompt, secure)
}

func (st *cmdletStage) getVariable(name string) (value.Value, bool) {
	qual, n := splitQualifier(name)
	return st.s.lookupVar(st.sc, qual, n)
}

func (st *cmdletStage) setVariable(name string, v value.Value) error {
	qual, n := splitQualifier(name)
	return st.s.setVar(st.sc, qual, n, v)
}

func (st *cmdletStage) services() *Services { return st.s.svc }

// splitQualifier splits "script:x" into ("script", "x").
func splitQualifier(name string) (string, string) {
	if i := strings.IndexByte(name, ':'); i > 0 {
		q := strings.ToLower(name[:i])
		switch q {
		case "global", "script", "local", "private", "env":
			return q, name[i+1:]
		}
	}
	return "", name
}

// getVarValue reads a variable visible from sc.
func (s *Session) getVarValue(sc *scope, name string) value.Value {
	v, _ := s.lookupVar(sc, "", name)
	return v
}

// readLine reads a line for Read-Host.
func (s *Session) readLine(prompt string, secure bool) (string, error) {
	if s.out != nil {
		_ = s.out.Flush()
	}
	if s.readLineFn != nil {
		return s.readLineFn(prompt, secure)
	}
	if prompt != "" {
		_, _ = io.WriteString(s.stdout, prompt)
	}
	return s.lines.readLine()
}
