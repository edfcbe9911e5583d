package parser

import (
	"strings"

	"github.com/alecthomas/participle/v2/lexer"
)

// closes reports whether t is the closer of the current statement list ("" means end of
// input).
func closes(t *lexer.Token, closer string) bool {
	if closer == "" {
		return t.EOF()
	}
	return isPunct(t, closer)
}

// isStatementEnd reports whether t ends a statement.
func isStatementEnd(t *lexer.Token) bool {
	if t.EOF() || t.Type == tokNewline {
		return true
	}
	if t.Type != tokPunct {
		return false
	}
	switch t.Value {
	case ";", ")", "}", "&&", "||":
		return true
	}
	return false
}

// statements parses a statement list up to (not including) its closer.
func (p *parser) statements(closer string) ([]Statement, error) {
	var list []Statement
	for {
		p.skipSeparators()
		t := p.peek()
		switch {
		case closes(t, closer) || t.EOF():
			return list, nil
		case isPunct(t, ")") || isPunct(t, "}"):
			return nil, p.errAt(t, msgUnexpectedToken, t.Value)
		}
		s, err := p.statement()
		if err != nil {
			return nil, err
		}
		list = append(list, s)
		if t := p.peek(); !isStatementEnd(t) || isPunct(t, "&&") || isPunct(t, "||") {
			return nil, p.unexpected(t)
		}
	}
}

// unexpected reports t as an unexpected token, naming the whole glued word as pwsh does.
func (p *parser) unexpected(t *lexer.Token) *Error {
	if isBadToken(t) {
		return p.lexError(t)
	}
	if isPunct(t, "<") {
		return p.errAt(t, msgRedirectionNotSupported)
	}
	text := t.Value
	end := tokenEnd(t)
	if t.Type == tokWord || t.Type == tokNumber || isDash(t) {
		m := p.mark()
		p.next()
		for p.adjacent() && !isArgEnder(p.peek()) {
			nt := p.next()
			text += nt.Value
			end = tokenEnd(nt)
		}
		p.reset(m)
	}
	return &Error{Pos: Pos(t.Pos), EndPos: Pos(end), Msg: msgUnexpectedToken.format(text), ErrorID: msgUnexpectedToken.id}
}

// isKeywordToken reports whether the next token is the keyword kw standing alone (a keyword
// glued to more characters, as in ForEach-Object, is a command name).
func (p *parser) isKeywordToken(kw string) bool {
	t := p.peek()
	if !isKeyword(t, kw) {
		return false
	}
	n, glued := p.peekGlued()
	if !glued {
		return true
	}
	return n.Type == tokNewline || isPunct(n, "(") || isPunct(n, "{") || isPunct(n, ";") ||
		isPunct(n, ")") || isPunct(n, "}") || isPunct(n, "|")
}

// keyword returns the production for a statement keyword; ok with a nil production marks
// a reserved keyword that exosh does not support.
func keyword(kw string) (fn func(p *parser, label string) (Statement, error), ok bool) {
	switch kw {
	case "if":
		return (*parser).ifStatement, true
	case "foreach":
		return (*parser).foreachStatement, true
	case "for":
		return (*parser).forStatement, true
	case "while":
		return (*parser).whileStatement, true
	case "do":
		return (*parser).doStatement, true
	case "switch":
		return (*parser).switchStatement, true
	case "function", "filter":
		return (*parser).functionStatement, true
	case "return", "exit", "throw", "break", "continue":
		return (*parser).flowStatement, true
	case "try":
		return (*parser).tryStatement, true
	case "trap", "data", "class", "enum", "using", "configuration", "workflow", "dynamicparam",
		"parallel", "sequence", "inlinescript":
		return nil, true
	}
	return nil, false
}

// misplaced are keywords that cannot begin a statement.
// begin, process and end are not listed: outside a script block's head they are ordinary
// command names.
var misplaced = []string{"else", "elseif", "catch", "finally", "until", "in", "param"}

var loopKeywords = []string{"foreach", "for", "while", "do", "switch"}

// statement parses one statement.
func (p *parser) statement() (Statement, error) {
	t := p.peek()
	if err := p.enter(t); err != nil {
		return nil, err
	}
	defer p.leave()
	if isBadToken(t) {
		return nil, p.lexError(t)
	}
	if isPunct(t, ":") {
		m := p.mark()
		p.next()
		if p.adjacent() && p.peek().Type == tokWord {
			label := p.next().Value
			for _, kw := range loopKeywords {
				if p.isKeywordToken(kw) {
					fn, _ := keyword(kw)
					return fn(p, label)
				}
			}
			return nil, &Error{Pos: Pos(t.Pos), EndPos: Pos(p.prevEnd), ErrorID: msgUnexpectedToken.id,
				Msg: msgUnexpectedToken.format(":" + label), Incomplete: p.peek().EOF()}
		}
		p.reset(m)
	}
	if t.Type == tokWord {
		kw := strings.ToLower(t.Value)
		if fn, ok := keyword(kw); ok && p.isKeywordToken(kw) {
			if fn == nil {
				return nil, p.errAt(t, msgUnsupported, kw)
			}
			return fn(p, "")
		}
		for _, m := range misplaced {
			if kw == m && p.isKeywordToken(kw) {
				return nil, p.errAt(t, msgUnexpectedToken, t.Value)
			}
		}
	}
	return p.pipelineChain()
}

// pipelineChain parses `pipeline (('&&' | '||') pipeline)*`.
func (p *parser) pipelineChain() (Statement, error) {
	left, err := p.pipeline()
	if err != nil {
		return nil, err
	}
	if _, ok := left.(*Pipeline); !ok {
		return left, nil
	}
	for isPunct(p.peek(), "&&") || isPunct(p.peek(), "||") {
		op := p.next()
		p.skipNewlines()
		if isStatementEnd(p.peek()) {
			return nil, p.errAtPos(tokenEnd(op), msgEmptyChainElement)
		}
		right, err := p.pipeline()
		if err != nil {
			return nil, err
		}
		rp, ok := right.(*Pipeline)
		if !ok {
			return nil, p.errAt(op, msgUnexpectedToken, op.Value)
		}
		left = &PipelineChain{Span: span(lexer.Position(left.Extent().Pos), p.prevEnd), Left: left, Op: op.Value, Right: rp}
	}
	return left, nil
}

// statementBlock parses `{ statements }`; the caller has checked that '{' is next.
func (p *parser) statementBlock() (*StatementBlock, error) {
	open := p.next()
	list, err := p.statements("}")
	if err != nil {
		return nil, err
	}
	if !p.accept("}") {
		return nil, p.errAtPos(open.Pos, msgMissingEndCurly)
	}
	return &StatementBlock{Span: p.spanFrom(open.Pos), Statements: list}, nil
}

// blockAfterNewlines parses a statement block that may start on a later line, or reports m.
func (p *parser) blockAfterNewlines(at lexer.Position, m message, args ...any) (*StatementBlock, error) {
	if !p.peekAfterNewlines(func(t *lexer.Token) bool { return isPunct(t, "{") }) {
		return nil, p.errBlockMissing(at, m, args...)
	}
	return p.statementBlock()
}

func (p *parser) errBlockMissing(at lexer.Position, m message, args ...any) *Error {
	t := p.peek()
	if isBadToken(t) {
		return p.lexError(t)
	}
	e := p.errAtPos(at, m, args...)
	e.Incomplete = t.EOF() || (t.Type == tokNewline && p.onlyNewlinesLeft())
	return e
}

// onlyNewlinesLeft reports whether nothing but blank lines remains.
func (p *parser) onlyNewlinesLeft() bool {
	m := p.mark()
	defer p.reset(m)
	p.skipNewlines()
	return p.peek().EOF()
}

// condition parses `( pipeline )` after a keyword such as if, while, switch.
func (p *parser) condition(kw string, after lexer.Position, missingOpen, missingCond message) (Statement, error) {
	p.skipNewlines()
	if !p.accept("(") {
		return nil, p.errBlockMissing(after, missingOpen, kw)
	}
	open := p.prevEnd
	p.skipNewlines()
	if isStatementEnd(p.peek()) {
		if isBadToken(p.peek()) {
			return nil, p.lexError(p.peek())
		}
		return nil, p.errAtPos(open, missingCond, kw)
	}
	cond, err := p.pipelineChain()
	if err != nil {
		return nil, err
	}
	p.skipNewlines()
	if !p.accept(")") {
		return nil, p.missingCloseParen(kw)
	}
	return cond, nil
}

// missingCloseParen reports a keyword's condition that is not closed by ')'.
func (p *parser) missingCloseParen(kw string) *Error {
	if t := p.peek(); isBadToken(t) {
		return p.lexError(t)
	}
	switch kw {
	case "foreach":
		return p.errAtPos(p.prevEnd, msgMissingForeachClose)
	case "switch":
		return p.errAtPos(p.prevEnd, msgMissingSwitchClose)
	}
	return p.errAtPos(p.prevEnd, msgMissingEndParenAfter, kw)
}

// ifStatement parses `if (c) {} elseif (c) {} else {}`.
func (p *parser) ifStatement(string) (Statement, error) {
	kw := p.next()
	st := &IfStatement{}
	word := strings.ToLower(kw.Value)
	for {
		cond, err := p.condition(word, tokenEnd(kw), msgMissingOpenParen, msgIfMissingCondition)
		if err != nil {
			return nil, err
		}
		body, err := p.blockAfterNewlines(p.prevEnd, msgMissingIfBlock, word)
		if err != nil {
			return nil, err
		}
		st.Clauses = append(st.Clauses, &IfClause{Span: p.spanFrom(kw.Pos), Condition: cond, Body: body})
		if p.peekAfterNewlines(func(t *lexer.Token) bool { return isKeyword(t, "elseif") }) {
			kw = p.next()
			word = "elseif"
			continue
		}
		if p.peekAfterNewlines(func(t *lexer.Token) bool { return isKeyword(t, "else") }) {
			e := p.next()
			st.Else, err = p.blockAfterNewlines(tokenEnd(e), msgMissingElseBlock)
			if err != nil {
				return nil, err
			}
		}
		break
	}
	st.Span = p.spanFrom(st.Clauses[0].Pos.toLexer())
	return st, nil
}

// foreachStatement parses `foreach ($v in pipeline) { }`.
func (p *parser) foreachStatement(label string) (Statement, error) {
	kw := p.next()
	p.skipNewlines()
	if !p.accept("(") {
		return nil, p.errBlockMissing(tokenEnd(kw), msgMissingOpenParenLoop, "foreach")
	}
	p.skipNewlines()
	vt := p.peek()
	if vt.Type != tokVar {
		return nil, p.errBlockMissing(p.prevEnd, msgMissingForeachVariable)
	}
	p.next()
	v := p.variable(vt)
	p.skipNewlines()
	if !isKeyword(p.peek(), "in") {
		return nil, p.errBlockMissing(p.prevEnd, msgMissingForeachIn)
	}
	p.next()
	p.skipNewlines()
	if isStatementEnd(p.peek()) {
		return nil, p.errBlockMissing(p.prevEnd, msgMissingForeachPipeline)
	}
	coll, err := p.pipelineChain()
	if err != nil {
		return nil, err
	}
	p.skipNewlines()
	if !p.accept(")") {
		return nil, p.missingCloseParen("foreach")
	}
	body, err := p.blockAfterNewlines(p.prevEnd, msgMissingForeachBody)
	if err != nil {
		return nil, err
	}
	return &ForEachStatement{Span: p.spanFrom(kw.Pos), Label: label, Variable: v, Collection: coll, Body: body}, nil
}

// forStatement parses `for (init; cond; iter) { }`.
func (p *parser) forStatement(label string) (Statement, error) {
	kw := p.next()
	p.skipNewlines()
	if !p.accept("(") {
		return nil, p.errBlockMissing(tokenEnd(kw), msgMissingOpenParenLoop, "for")
	}
	var parts [3]Statement
	for k := 0; k < 3; k++ {
		p.skipNewlines()
		t := p.peek()
		if isPunct(t, ")") {
			break
		}
		if !isPunct(t, ";") {
			s, err := p.pipelineChain()
			if err != nil {
				return nil, err
			}
			parts[k] = s
		}
		if p.peek().Type != tokNewline && !p.accept(";") {
			break
		}
	}
	p.skipNewlines()
	if !p.accept(")") {
		return nil, p.missingCloseParen("for")
	}
	body, err := p.blockAfterNewlines(p.prevEnd, msgMissingLoopBody, "for")
	if err != nil {
		return nil, err
	}
	return &ForStatement{Span: p.spanFrom(kw.Pos), Label: label, Init: parts[0], Condition: parts[1],
		Iterator: parts[2], Body: body}, nil
}

// whileStatement parses `while (cond) { }`.
func (p *parser) whileStatement(label string) (Statement, error) {
	kw := p.next()
	cond, err := p.condition("while", tokenEnd(kw), msgMissingOpenParenLoop, msgMissingLoopCondition)
	if err != nil {
		return nil, err
	}
	body, err := p.blockAfterNewlines(p.prevEnd, msgMissingLoopBody, "while")
	if err != nil {
		return nil, err
	}
	return &WhileStatement{Span: p.spanFrom(kw.Pos), Label: label, Condition: cond, Body: body}, nil
}

// doStatement parses `do { } while (cond)` and `do { } until (cond)`.
func (p *parser) doStatement(label string) (Statement, error) {
	kw := p.next()
	body, err := p.blockAfterNewlines(tokenEnd(kw), msgMissingLoopBody, "do")
	if err != nil {
		return nil, err
	}
	isLoopWord := func(t *lexer.Token) bool { return isKeyword(t, "while") || isKeyword(t, "until") }
	if !p.peekAfterNewlines(isLoopWord) {
		return nil, p.errBlockMissing(p.prevEnd, msgMissingWhileOrUntil)
	}
	w := p.next()
	until := strings.EqualFold(w.Value, "until")
	cond, err := p.condition(strings.ToLower(w.Value), tokenEnd(w), msgMissingOpenParenLoop, msgMissingLoopCondition)
	if err != nil {
		return nil, err
	}
	return &DoWhileStatement{Span: p.spanFrom(kw.Pos), Label: label, Body: body, Condition: cond, Until: until}, nil
}

// switchStatement parses `switch [-flags] (pipeline) { test { body } ... default { } }`.
func (p *parser) switchStatement(label string) (Statement, error) {
	kw := p.next()
	st := &SwitchStatement{Label: label}
	for isDash(p.peek()) {
		d := p.next()
		if !p.adjacent() || p.peek().Type != tokWord {
			return nil, p.errAt(d, msgInvalidSwitchFlag, d.Value)
		}
		w := p.next()
		switch strings.ToLower(w.Value) {
		case "regex":
			st.Regex = true
		case "wildcard":
			st.Wildcard = true
		case "exact":
			st.Exact = true
		case "casesensitive":
			st.CaseSensitive = true
		default:
			return nil, &Error{Pos: Pos(d.Pos), EndPos: Pos(tokenEnd(w)), Msg: msgInvalidSwitchFlag.format("-" + w.Value),
				ErrorID: msgInvalidSwitchFlag.id}
		}
	}
	cond, err := p.condition("switch", p.prevEnd, msgMissingOpenParenLoop, msgMissingSwitchValue)
	if err != nil {
		return nil, err
	}
	st.Condition = cond
	if !p.peekAfterNewlines(func(t *lexer.Token) bool { return isPunct(t, "{") }) {
		return nil, p.errBlockMissing(p.prevEnd, msgMissingSwitchBody)
	}
	open := p.next()
	for {
		p.skipSeparators()
		t := p.peek()
		switch {
		case isPunct(t, "}"):
			p.next()
			st.Span = p.spanFrom(kw.Pos)
			return st, nil
		case t.EOF():
			return nil, p.errAtPos(open.Pos, msgMissingEndCurly)
		}
		isDefault := p.isKeywordToken("default")
		var test Expression
		if isDefault {
			p.next()
		} else {
			test, err = p.argPrimary()
			if err != nil {
				return nil, err
			}
			if test == nil {
				return nil, p.errAt(t, msgMissingSwitchCondition)
			}
		}
		body, err := p.blockAfterNewlines(p.prevEnd, msgMissingSwitchClauseBody)
		if err != nil {
			return nil, err
		}
		if isDefault {
			st.Default = body
		} else {
			st.Clauses = append(st.Clauses, &SwitchClause{Span: p.spanFrom(t.Pos), Test: test, Body: body})
		}
	}
}

// flowStatement parses return, exit, throw (optional pipeline) and break, continue
// (optional label).
func (p *parser) flowStatement(string) (Statement, error) {
	kw := p.next()
	word := strings.ToLower(kw.Value)
	var value Statement
	var label Expression
	if t := p.peek(); !isStatementEnd(t) && !isPunct(t, "|") {
		var err error
		switch word {
		case "break", "continue":
			if t.Type == tokWord {
				label, err = p.bareword()
			} else {
				label, err = p.expression()
				if err == nil && label == nil {
					return nil, p.unexpected(t)
				}
			}
		default:
			value, err = p.pipelineChain()
		}
		if err != nil {
			return nil, err
		}
	}
	sp := p.spanFrom(kw.Pos)
	switch word {
	case "return":
		return &ReturnStatement{Span: sp, Value: value}, nil
	case "exit":
		return &ExitStatement{Span: sp, Value: value}, nil
	case "throw":
		return &ThrowStatement{Span: sp, Value: value}, nil
	case "break":
		return &BreakStatement{Span: sp, Label: label}, nil
	}
	return &ContinueStatement{Span: sp, Label: label}, nil
}

// tryStatement parses `try { } catch [types] { } finally { }`.
func (p *parser) tryStatement(string) (Statement, error) {
	kw := p.next()
	body, err := p.blockAfterNewlines(tokenEnd(kw), msgMissingTryBlock)
	if err != nil {
		return nil, err
	}
	st := &TryStatement{Body: body}
	for p.peekAfterNewlines(func(t *lexer.Token) bool { return isKeyword(t, "catch") }) {
		c := p.next()
		clause := &CatchClause{}
		for isPunct(p.peek(), "[") {
			tn, err := p.typeName()
			if err != nil {
				return nil, err
			}
			clause.Types = append(clause.Types, tn)
			if !p.accept(",") {
				break
			}
			p.skipNewlines()
			if !isPunct(p.peek(), "[") {
				return nil, p.errAt(p.peek(), msgMissingCatchType)
			}
		}
		clause.Body, err = p.blockAfterNewlines(p.prevEnd, msgMissingCatchBlock)
		if err != nil {
			return nil, err
		}
		clause.Span = p.spanFrom(c.Pos)
		st.Catches = append(st.Catches, clause)
	}
	if p.peekAfterNewlines(func(t *lexer.Token) bool { return isKeyword(t, "finally") }) {
		f := p.next()
		st.Finally, err = p.blockAfterNewlines(tokenEnd(f), msgMissingFinallyBlock)
		if err != nil {
			return nil, err
		}
	}
	if st.Finally == nil && len(st.Catches) == 0 {
		return nil, p.errBlockMissing(p.prevEnd, msgMissingCatchOrFinally)
	}
	st.Span = p.spanFrom(kw.Pos)
	return st, nil
}
