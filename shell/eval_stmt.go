package shell

import (
	"strings"

	"github.com/exosh/exosh/parser"
	"github.com/exosh/exosh/shell/value"
)

// sink receives the output objects of a statement.
type sink func(value.Value) error

// maxDepth bounds the nesting of statement lists (function calls, blocks).
const maxDepth = 3000

// discard is the sink of `$null = ...`, `[void]` and `| Out-Null`.
func discard(value.Value) error { return nil }

// runStatements runs a statement list. A statement-terminating error is reported and the
// next statement runs — unless a try block is active or the error is script-terminating, in
// which case it is returned.
func (s *Session) runStatements(sc *scope, stmts []parser.Statement, out sink) error {
	// Nesting depth guards against runaway recursion (`function f { f }`), which pwsh
	// reports as a call depth overflow instead of crashing.
	s.depth++
	defer func() { s.depth-- }()
	if s.depth > maxDepth && len(stmts) > 0 {
		re := s.errorAt(stmts[0], "InvalidOperation", "CallDepthOverflow",
			"System.Management.Automation.ScriptCallDepthException", "The script failed due to call depth overflow.")
		re.scriptTerm = true
		return re
	}
	for _, st := range stmts {
		if err := s.checkCancel(); err != nil {
			return err
		}
		release := s.holdStatement()
		err := s.execStmt(sc, st, out)
		release()
		if err == nil {
			continue
		}
		if isFlow(err) || isCancel(err) {
			return err
		}
		re := s.newRuntimeError(st, err)
		if !re.scriptTerm && s.preference(sc, "ErrorActionPreference") == "stop" {
			re.scriptTerm = true
		}
		if re.scriptTerm || s.tryDepth > 0 {
			return re
		}
		s.reportError(re)
	}
	return nil
}

// holdStatement keeps the tenant held for the whole of an outermost statement, so that a
// `Get-Mailbox | Set-Mailbox` sees one consistent tenant and another exosh process on the same
// state directory waits for the statement to end rather than interleaving with it. The hold is
// lazy: a statement that never touches the tenant opens nothing.
func (s *Session) holdStatement() func() {
	if s.st == nil || s.holding {
		return func() {}
	}
	s.holding = true
	if r, ok := s.clock.(ClockRefresher); ok {
		// Read lazily under the statement's hold: only a statement that asks the time
		// reads the setting, and it then costs no extra open of the state.
		r.Refresh()
	}
	release := s.st.Hold()
	return func() {
		release()
		s.holding = false
	}
}

// execStmt runs one statement, sending its output to out.
func (s *Session) execStmt(sc *scope, st parser.Statement, out sink) error {
	switch st := st.(type) {
	case *parser.Pipeline:
		return s.execPipelineStatement(sc, st, out)
	case *parser.PipelineChain:
		// && and || look at $? of the pipeline on their left.
		if err := s.execStmt(sc, st.Left, out); err != nil {
			return err
		}
		if (st.Op == "&&") == s.lastOK {
			return s.execPipelineStatement(sc, st.Right, out)
		}
		return nil
	case *parser.Assignment:
		err := s.execAssignment(sc, st)
		s.lastOK = err == nil
		return err
	case *parser.IfStatement:
		for _, c := range st.Clauses {
			v, err := s.conditionValue(sc, c.Condition)
			if err != nil {
				return err
			}
			if value.ToBool(v) {
				return s.runStatements(sc, c.Body.Statements, out)
			}
		}
		if st.Else != nil {
			return s.runStatements(sc, st.Else.Statements, out)
		}
		return nil
	case *parser.ForEachStatement:
		return s.execForEach(sc, st, out)
	case *parser.ForStatement:
		return s.execFor(sc, st, out)
	case *parser.WhileStatement:
		for {
			if done, err := s.loopRound(sc, st.Condition, st.Label, st.Body, out); done {
				return err
			}
		}
	case *parser.DoWhileStatement:
		for {
			brk, err := loopBody(st.Label, s.runStatements(sc, st.Body.Statements, out))
			if err != nil || brk {
				return err
			}
			v, err := s.conditionValue(sc, st.Condition)
			if err != nil {
				return err
			}
			if value.ToBool(v) == st.Until {
				return nil
			}
		}
	case *parser.SwitchStatement:
		return s.execSwitch(sc, st, out)
	case *parser.FunctionDefinition:
		// Functions are defined when the statement runs, in the current scope.
		sc.defineFunc(newFunction(st))
		return nil
	case *parser.ReturnStatement:
		// `return x` writes x like any output and then unwinds to the block's end.
		if st.Value != nil {
			if err := s.execStmt(sc, st.Value, out); err != nil {
				return err
			}
		}
		return flowReturn{}
	case *parser.BreakStatement:
		label, err := s.labelOf(sc, st.Label)
		if err != nil {
			return err
		}
		return &flowBreak{label: label}
	case *parser.ContinueStatement:
		label, err := s.labelOf(sc, st.Label)
		if err != nil {
			return err
		}
		return &flowContinue{label: label}
	case *parser.ExitStatement:
		code := 0
		if st.Value != nil {
			v, err := s.statementValue(sc, st.Value)
			if err != nil {
				return err
			}
			if n, err := indexInt(v); err == nil {
				code = n
			}
		}
		return &ExitError{Code: code}
	case *parser.ThrowStatement:
		return s.execThrow(sc, st)
	case *parser.TryStatement:
		return s.execTry(sc, st, out)
	}
	return s.errorAt(st, "ParserError", "UnexpectedToken", excRuntime, "Unexpected statement.")
}

// execPipelineStatement runs a pipeline and sets $? from its outcome.
func (s *Session) execPipelineStatement(sc *scope, p *parser.Pipeline, out sink) error {
	prev := s.failed
	s.failed = false
	err := s.runPipeline(sc, p, out)
	ok := !s.failed && (err == nil || isFlow(err))
	s.failed = prev || !ok
	s.lastOK = ok
	return err
}

// conditionValue evaluates the pipeline inside `if ( )`, `while ( )` ...
func (s *Session) conditionValue(sc *scope, st parser.Statement) (value.Value, error) {
	if st == nil {
		return true, nil
	}
	if a, ok := st.(*parser.Assignment); ok {
		if err := s.execAssignment(sc, a); err != nil {
			return nil, err
		}
		return s.eval(sc, a.Target)
	}
	return s.statementValue(sc, st)
}

// labelOf evaluates the label of break/continue.
func (s *Session) labelOf(sc *scope, e parser.Expression) (string, error) {
	if e == nil {
		return "", nil
	}
	v, err := s.eval(sc, e)
	if err != nil {
		return "", err
	}
	return value.ToString(v), nil
}

// loopBody interprets the result of one loop iteration: brk is true when the loop must stop;
// err is an error (or a signal for an outer loop) to pass on.
func loopBody(label string, err error) (brk bool, _ error) {
	switch f := err.(type) {
	case nil:
		return false, nil
	case *flowBreak:
		if f.label == "" || strings.EqualFold(f.label, label) {
			return true, nil
		}
	case *flowContinue:
		if f.label == "" || strings.EqualFold(f.label, label) {
			return false, nil
		}
	}
	return true, err
}

// execForEach runs `foreach ($v in collection) { }`, iterating ranges lazily.
func (s *Session) execForEach(sc *scope, st *parser.ForEachStatement, out sink) error {
	v := st.Variable
	assign := func(x value.Value) error { return s.setVar(sc, v.Scope, v.Name, x) }
	if v.Scope == "" {
		slot := sc.local(lowerKey(v.Name))
		if slot == nil {
			slot = sc.set(v.Name, nil)
		}
		if slot.typ == "" {
			assign = func(x value.Value) error { slot.val = x; return nil }
		}
	}
	body := func(x value.Value) (bool, error) {
		if err := assign(x); err != nil {
			return true, err
		}
		return loopBody(st.Label, s.runStatements(sc, st.Body.Statements, out))
	}
	if x, ok := simpleExpression(st.Collection); ok {
		if b, ok := x.(*parser.BinaryExpression); ok && b.Op == ".." {
			return s.iterateRange(sc, b, body)
		}
	}
	coll, err := s.statementValue(sc, st.Collection)
	if err != nil {
		return err
	}
	for _, x := range enumerateAll(coll) {
		if err := s.checkCancel(); err != nil {
			return err
		}
		brk, err := body(x)
		if err != nil || brk {
			return err
		}
	}
	return nil
}

// iterateRange calls body for each element of `a..b` without building the array.
func (s *Session) iterateRange(sc *scope, b *parser.BinaryExpression, body func(value.Value) (bool, error)) error {
	lo, err := s.eval(sc, b.X)
	if err != nil {
		return err
	}
	hi, err := s.eval(sc, b.Y)
	if err != nil {
		return err
	}
	seq, err := value.RangeIter(lo, hi)
	if err != nil {
		return err
	}
	var ferr error
	seq(func(x value.Value) bool {
		if ferr = s.checkCancel(); ferr != nil {
			return false
		}
		var brk bool
		brk, ferr = body(x)
		return !brk && ferr == nil
	})
	return ferr
}

// execFor runs `for (init; cond; iter) { }`.
func (s *Session) execFor(sc *scope, st *parser.ForStatement, out sink) error {
	if st.Init != nil {
		// pwsh writes the initializer's output too (`for ($i = 0; ...)` writes nothing
		// because an assignment has no output).
		if err := s.execStmt(sc, st.Init, out); err != nil {
			return err
		}
	}
	for {
		if err := s.checkCancel(); err != nil {
			return err
		}
		if done, err := s.loopRound(sc, st.Condition, st.Label, st.Body, out); done {
			return err
		}
		if st.Iterator != nil {
			if err := s.execStmt(sc, st.Iterator, out); err != nil {
				return err
			}
		}
	}
}

// loopRound runs one round of a while or for loop: the condition and, while it holds,
// the body. done reports that the loop ends here: the condition failed, the body broke
// out of the loop, or an error (returned).
func (s *Session) loopRound(sc *scope, cond parser.Statement, label string, body *parser.StatementBlock, out sink) (done bool, err error) {
	v, err := s.conditionValue(sc, cond)
	if err != nil {
		return true, err
	}
	if !value.ToBool(v) {
		return true, nil
	}
	brk, err := loopBody(label, s.runStatements(sc, body.Statements, out))
	return err != nil || brk, err
}

// execThrow raises a script-terminating error from `throw`.
func (s *Session) execThrow(sc *scope, st *parser.ThrowStatement) error {
	var v value.Value
	if st.Value != nil {
		x, err := s.statementValue(sc, st.Value)
		if err != nil {
			return err
		}
		v = x
	}
	if v == nil && st.Value == nil {
		// A bare throw inside catch rethrows the error being handled.
		if cur, ok := s.lookupVar(sc, "", "_"); ok {
			if ev, ok := cur.(*errorValue); ok {
				ev.rec.scriptTerm = true
				return ev.rec
			}
		}
	}
	if ev, ok := v.(*errorValue); ok {
		re := *ev.rec
		re.scriptTerm, re.reported = true, false
		return &re
	}
	msg := "ScriptHalted"
	if v != nil {
		msg = value.ToString(v)
	}
	re := s.errorAt(st, "OperationStopped", msg, excRuntime, msg)
	re.Thrown, re.scriptTerm, re.thrownValue, re.TargetObject = true, true, v, v
	return re
}

// execTry runs try/catch/finally.
func (s *Session) execTry(sc *scope, st *parser.TryStatement, out sink) error {
	// While a try body runs, statement-terminating errors unwind to it instead of being
	// reported by the statement list (also across function calls it makes).
	s.tryDepth++
	err := s.runStatements(sc, st.Body.Statements, out)
	s.tryDepth--
	if err != nil && !isFlow(err) && !isCancel(err) {
		re := s.newRuntimeError(st.Body, err)
		if clause := s.matchCatch(st.Catches, re); clause != nil {
			// A caught error is still recorded in $Error, and $_ is its ErrorRecord for
			// the catch block only.
			s.recordError(re)
			ev := &errorValue{rec: re}
			old, had := sc.vars["_"]
			var oldVal value.Value
			if had {
				oldVal = old.val
			}
			sc.set("_", ev)
			sc.set("PSItem", ev)
			err = s.runStatements(sc, clause.Body.Statements, out)
			if had {
				sc.set("_", oldVal)
				sc.set("PSItem", oldVal)
			} else {
				sc.remove("_")
				sc.remove("PSItem")
			}
		} else {
			err = re
		}
	}
	if st.Finally != nil {
		if ferr := s.runStatements(sc, st.Finally.Statements, out); ferr != nil {
			return ferr
		}
	}
	return err
}

// matchCatch picks the first catch clause whose types match the error's exception.
func (s *Session) matchCatch(clauses []*parser.CatchClause, re *RuntimeError) *parser.CatchClause {
	types := exceptionTypes(re.Exception)
	if re.inner != "" {
		types = append(types, exceptionTypes(re.inner)...)
	}
	for _, c := range clauses {
		if len(c.Types) == 0 {
			return c
		}
		for _, t := range c.Types {
			want := strings.ToLower(strings.TrimSpace(t.Name))
			if full, ok := value.ResolveType(t.Name); ok {
				want = strings.ToLower(full)
			}
			for _, have := range types {
				h := strings.ToLower(have)
				if h == want || strings.ToLower(shortName(have)) == want || "system."+want == h {
					return c
				}
			}
		}
	}
	return nil
}

// execSwitch runs a switch statement.
func (s *Session) execSwitch(sc *scope, st *parser.SwitchStatement, out sink) error {
	cond, err := s.statementValue(sc, st.Condition)
	if err != nil {
		return err
	}
	// A collection is switched element by element; $null is one $null item.
	items := enumerateAll(cond)
	if cond == nil {
		items = []value.Value{nil}
	}
	old, had := sc.vars["_"]
	var oldVal value.Value
	if had {
		oldVal = old.val
	}
	defer func() {
		if had {
			sc.set("_", oldVal)
		} else {
			sc.remove("_")
		}
	}()
	for _, item := range items {
		sc.set("_", item)
		matched := false
		for _, c := range st.Clauses {
			ok, err := s.switchMatch(sc, st, c, item)
			if err != nil {
				return err
			}
			if !ok {
				continue
			}
			matched = true
			sc.set("_", item)
			err = s.runStatements(sc, c.Body.Statements, out)
			if brk, cont, rerr := switchFlow(st.Label, err); rerr != nil {
				return rerr
			} else if brk {
				return nil
			} else if cont {
				goto next
			}
		}
		if !matched && st.Default != nil {
			err := s.runStatements(sc, st.Default.Statements, out)
			if brk, _, rerr := switchFlow(st.Label, err); rerr != nil {
				return rerr
			} else if brk {
				return nil
			}
		}
	next:
	}
	return nil
}

// switchFlow interprets break/continue inside a switch body.
func switchFlow(label string, err error) (brk, cont bool, _ error) {
	switch f := err.(type) {
	case nil:
		return false, false, nil
	case *flowBreak:
		if f.label == "" || strings.EqualFold(f.label, label) {
			return true, false, nil
		}
	case *flowContinue:
		if f.label == "" || strings.EqualFold(f.label, label) {
			return false, true, nil
		}
	}
	return false, false, err
}

// switchMatch tests one clause against the current item.
func (s *Session) switchMatch(sc *scope, st *parser.SwitchStatement, c *parser.SwitchClause, item value.Value) (bool, error) {
	if sbe, ok := c.Test.(*parser.ScriptBlockExpression); ok {
		sb := &value.ScriptBlock{Text: sbe.Block.Text, Body: sbe.Block}
		res, err := s.invokeCollect(sc, sb, item)
		if err != nil {
			return false, err
		}
		return value.ToBool(unwrap(res)), nil
	}
	test, err := s.eval(sc, c.Test)
	if err != nil {
		return false, err
	}
	switch {
	case st.Regex:
		r, m, err := value.Match(value.ToString(item), value.ToString(test), st.CaseSensitive, false)
		if err != nil {
			return false, err
		}
		if m != nil {
			sc.set("Matches", m)
		}
		return value.ToBool(r), nil
	case st.Wildcard:
		return value.MatchWildcard(value.ToString(test), value.ToString(item), st.CaseSensitive), nil
	}
	// A string test compares as strings (case-insensitive unless -CaseSensitive); other
	// tests use -eq semantics with the item on the left.
	if _, isStr := test.(string); isStr || st.Exact {
		return value.EqualStrings(value.ToString(item), value.ToString(test), st.CaseSensitive), nil
	}
	return value.Equal(item, test, st.CaseSensitive), nil
}

// collect runs a statement and gathers its output.
func (s *Session) collect(sc *scope, st parser.Statement) ([]value.Value, error) {
	var items []value.Value
	err := s.execStmt(sc, st, func(v value.Value) error {
		items = append(items, v)
		return nil
	})
	return items, err
}

// collectStatements runs a statement list (`$( )`, `@( )`) and gathers its output.
func (s *Session) collectStatements(sc *scope, stmts []parser.Statement) ([]value.Value, error) {
	var items []value.Value
	err := s.runStatements(sc, stmts, func(v value.Value) error {
		items = append(items, v)
		return nil
	})
	return items, err
}

// preference returns a preference variable's value, lower-cased.
func (s *Session) preference(sc *scope, name string) string {
	v, _ := s.lookupVar(sc, "", name)
	return strings.ToLower(value.ToString(v))
}
