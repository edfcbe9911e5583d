package parser

import (
	"strings"

	"github.com/alecthomas/participle/v2/lexer"
)

// assignOps are the assignment operators.
var assignOps = map[string]bool{"=": true, "+=": true, "-=": true, "*=": true, "/=": true, "%=": true, "??=": true}

// unaryWords are the operators written -word that may begin an expression.
var unaryWords = map[string]bool{"not": true, "bnot": true, "split": true, "join": true, "csplit": true, "isplit": true, "cjoin": true, "ijoin": true}

// startsExpression reports whether the next token begins an expression rather than a
// command (PAR PipelineRule): numbers, strings, variables, brackets, unary operators.
func (p *parser) startsExpression() bool {
	t := p.peek()
	switch t.Type {
	case tokNumber, tokSQ, tokDQ, tokSQHere, tokDQHere, tokVar, tokSplat:
		return true
	case tokPunct:
		switch t.Value {
		case "(", "$(", "@(", "@{", "{", "[", "!", ",", "++", "--", "+":
			return true
		}
		if isDash(t) {
			// A dash is the minus operator unless it begins a parameter-like word such as
			// -foo; -not and the other unary words are operators.
			n, glued := p.peekGlued()
			if !glued {
				return true
			}
			if n.Type == tokWord {
				return unaryWords[strings.ToLower(n.Value)]
			}
			return !isPunct(n, "?")
		}
	}
	return false
}

// isPipeEnd reports whether t ends a pipeline element.
func isPipeEnd(t *lexer.Token) bool { return isStatementEnd(t) || isPunct(t, "|") }

// pipeline parses `element ('|' element)*`, or an assignment whose left side is the first
// expression.
func (p *parser) pipeline() (Statement, error) {
	start := p.peek().Pos
	pl := &Pipeline{}
	if p.startsExpression() {
		expr, err := p.expression()
		if err != nil {
			return nil, err
		}
		if expr == nil {
			return nil, p.unexpected(p.peek())
		}
		if t := p.peek(); t.Type == tokPunct && assignOps[t.Value] {
			return p.assignment(expr)
		}
		ce := &CommandExpression{Expression: expr}
		if err := p.redirections(&ce.Redirections); err != nil {
			return nil, err
		}
		ce.Span = p.spanFrom(start)
		pl.Elements = append(pl.Elements, ce)
	} else {
		cmd, err := p.command()
		if err != nil {
			return nil, err
		}
		pl.Elements = append(pl.Elements, cmd)
	}
	for p.atPipe() {
		bar := p.next()
		p.skipNewlines()
		t := p.peek()
		if isPipeEnd(t) {
			if isBadToken(t) {
				return nil, p.lexError(t)
			}
			return nil, p.errAtPos(tokenEnd(bar), msgMissingPipelineElement)
		}
		if p.startsExpression() {
			return nil, p.errAt(t, msgExpressionsFirst)
		}
		cmd, err := p.command()
		if err != nil {
			return nil, err
		}
		pl.Elements = append(pl.Elements, cmd)
	}
	pl.Span = p.spanFrom(start)
	return pl, nil
}

// atPipe reports whether a '|' continues the pipeline, either on this line or at the start
// of the next non-comment line (pwsh 7); for the latter the newlines are consumed.
func (p *parser) atPipe() bool {
	if isPunct(p.peek(), "|") {
		return true
	}
	if p.peek().Type != tokNewline {
		return false
	}
	m := p.mark()
	for p.peek().Type == tokNewline {
		p.next()
		if isPunct(p.peek(), "|") {
			return true
		}
		if p.peek().Type != tokNewline {
			break
		}
		// Another newline follows: only a comment line may sit in between, not a blank one.
		if t, _ := p.lex.PeekAny(func(t lexer.Token) bool { return t.Type == tokComment }); t.Type != tokComment {
			break
		}
	}
	p.reset(m)
	return false
}

// assignment parses `target op statement`.
func (p *parser) assignment(target Expression) (Statement, error) {
	op := p.next()
	if !assignable(target) {
		return nil, &Error{Pos: target.Extent().Pos, EndPos: target.Extent().EndPos, Msg: msgInvalidLeftHandSide.text,
			ErrorID: msgInvalidLeftHandSide.id}
	}
	p.skipNewlines()
	if isPipeEnd(p.peek()) {
		if isBadToken(p.peek()) {
			return nil, p.lexError(p.peek())
		}
		return nil, p.errAtPos(tokenEnd(op), msgMissingAssignValue, op.Value)
	}
	value, err := p.statement()
	if err != nil {
		return nil, err
	}
	return &Assignment{Span: span(target.Extent().Pos.toLexer(), p.prevEnd), Target: target, Op: op.Value, Value: value}, nil
}

// assignable reports whether e can be the target of an assignment.
func assignable(e Expression) bool {
	switch x := e.(type) {
	case *Variable:
		return !x.Splat
	case *MemberExpression, *IndexExpression:
		return true
	case *ConvertExpression:
		return assignable(x.X)
	case *ArrayLiteral:
		for _, el := range x.Elements {
			if !assignable(el) {
				return false
			}
		}
		return true
	case *ParenExpression:
		if pl, ok := x.Pipeline.(*Pipeline); ok && len(pl.Elements) == 1 {
			if ce, ok := pl.Elements[0].(*CommandExpression); ok {
				return assignable(ce.Expression)
			}
		}
	}
	return false
}

// command parses a command in argument mode.
func (p *parser) command() (*Command, error) {
	start := p.peek()
	cmd := &Command{}
	t := start
	if isPunct(t, "&") || (isPunct(t, ".") && !p.nextAdjacentToken()) {
		cmd.InvocationOperator = p.next().Value
		if isPipeEnd(p.peek()) {
			return nil, p.errAtPos(tokenEnd(t), msgMissingInvocationTarget, t.Value)
		}
		name, err := p.argPrimary()
		if err != nil {
			return nil, err
		}
		if name == nil {
			return nil, p.unexpected(p.peek())
		}
		cmd.Elements = append(cmd.Elements, name.(CommandElement))
	} else {
		if isBadToken(t) {
			return nil, p.lexError(t)
		}
		if isPunct(t, "<") {
			return nil, p.errAt(t, msgRedirectionNotSupported)
		}
		if t.Type == tokRedir {
			return nil, p.errAt(t, msgUnexpectedToken, t.Value)
		}
		name, err := p.bareword()
		if err != nil {
			return nil, err
		}
		cmd.Elements = append(cmd.Elements, name.(CommandElement))
	}
	endOfParams := false
	for {
		t := p.peek()
		switch {
		case isPipeEnd(t):
			cmd.Span = p.spanFrom(start.Pos)
			return cmd, nil
		case isBadToken(t):
			return nil, p.lexError(t)
		case t.Type == tokRedir:
			if err := p.redirections(&cmd.Redirections); err != nil {
				return nil, err
			}
		case isPunct(t, "<"):
			return nil, p.errAt(t, msgRedirectionNotSupported)
		case isPunct(t, "&"):
			return nil, p.errAt(t, msgUnexpectedToken, t.Value)
		case isPunct(t, ","):
			return nil, p.errAt(t, msgMissingArgument)
		case isPunct(t, "--") && !p.nextAdjacentToken() && !endOfParams:
			p.next()
			endOfParams = true
		case isDash(t) && !endOfParams && p.atParameter():
			el, err := p.parameterElement()
			if err != nil {
				return nil, err
			}
			cmd.Elements = append(cmd.Elements, el)
		default:
			arg, err := p.commandArgument()
			if err != nil {
				return nil, err
			}
			cmd.Elements = append(cmd.Elements, arg.(CommandElement))
		}
	}
}

// nextAdjacentToken reports whether the token after the next one touches it.
func (p *parser) nextAdjacentToken() bool {
	n, glued := p.peekGlued()
	return glued && !isPipeEnd(n)
}

// atParameter reports whether a dash starts a parameter token: a dash touching a letter,
// '_' or '?'.
func (p *parser) atParameter() bool {
	n, glued := p.peekGlued()
	if !glued {
		return false
	}
	if isPunct(n, "?") {
		return true
	}
	if n.Type != tokWord {
		return false
	}
	r := []rune(n.Value)[0]
	return r == '_' || isLetter(r)
}

// isArgEnder reports whether t ends a bareword in argument mode.
func isArgEnder(t *lexer.Token) bool {
	switch t.Type {
	case tokEOF, tokNewline, tokRedir, tokSplat, tokBadHereHeader, tokBadComment, tokBadEscape:
		return true
	case tokPunct:
		switch t.Value {
		case ";", ",", "|", "&", "&&", "||", "(", ")", "{", "}", "@(", "@{":
			return true
		}
	}
	return false
}

// parameterElement parses -Name, -Name:arg or -Name: arg. A quote inside the token turns
// it into a bareword argument, as in -a"b".
func (p *parser) parameterElement() (CommandElement, error) {
	m := p.mark()
	dash := p.next()
	name := ""
	for p.adjacent() {
		n := p.peek()
		if n.Type == tokSQ || n.Type == tokDQ {
			p.reset(m)
			arg, err := p.commandArgument()
			if err != nil {
				return nil, err
			}
			return arg.(CommandElement), nil
		}
		if n.Type != tokWord && n.Type != tokNumber && n.Type != tokPunct {
			break
		}
		if n.Type == tokPunct {
			switch n.Value {
			case "{", "}", "(", ")", ";", ",", "|", "&", "&&", "||", ".", "..", "[", ":", "::", "$(", "@(", "@{":
				n = nil
			}
		}
		if n == nil {
			break
		}
		name += p.next().Value
	}
	param := &CommandParameter{Name: name}
	if p.adjacent() && isPunct(p.peek(), ":") {
		p.next()
		param.Colon = true
		if isPipeEnd(p.peek()) {
			return nil, &Error{Pos: Pos(dash.Pos), EndPos: Pos(p.prevEnd), Msg: msgParameterNeedsArgument.format("-" + name + ":"),
				ErrorID: msgParameterNeedsArgument.id, Incomplete: p.peek().EOF()}
		}
		arg, err := p.commandArgument()
		if err != nil {
			return nil, err
		}
		param.Argument = arg
	}
	param.Span = p.spanFrom(dash.Pos)
	return param, nil
}

// commandArgument parses one argument: a primary or a comma-separated list of them.
func (p *parser) commandArgument() (Expression, error) {
	start := p.peek().Pos
	first, err := p.argPrimary()
	if err != nil {
		return nil, err
	}
	if first == nil {
		return nil, p.unexpected(p.peek())
	}
	if !isPunct(p.peek(), ",") {
		return first, nil
	}
	list := &ArrayLiteral{Elements: []Expression{first}}
	for p.accept(",") {
		comma := p.prevEnd
		p.skipNewlines()
		t := p.peek()
		if isPipeEnd(t) || isPunct(t, ",") || t.Type == tokRedir {
			if isBadToken(t) {
				return nil, p.lexError(t)
			}
			return nil, p.errAtPos(comma, msgMissingArgument)
		}
		el, err := p.argPrimary()
		if err != nil {
			return nil, err
		}
		if el == nil {
			return nil, p.unexpected(p.peek())
		}
		list.Elements = append(list.Elements, el)
	}
	list.Span = p.spanFrom(start)
	return list, nil
}

// argPrimary parses one argument-mode element without commas: a value expression with its
// member/index suffixes, a number standing alone, or a bareword.
func (p *parser) argPrimary() (Expression, error) {
	t := p.peek()
	switch {
	case isBadToken(t):
		return nil, p.lexError(t)
	case isPunct(t, "<"):
		return nil, p.errAt(t, msgRedirectionNotSupported)
	case t.Type == tokNumber:
		m := p.mark()
		p.next()
		if p.adjacent() && !isArgEnder(p.peek()) {
			p.reset(m)
			return p.bareword()
		}
		return p.constant(t), nil
	case t.Type == tokVar:
		m := p.mark()
		p.next()
		if p.adjacent() && !isArgEnder(p.peek()) && !p.atPostfix() {
			p.reset(m)
			return p.bareword()
		}
		return p.postfix(p.variable(t), true)
	case t.Type == tokSplat:
		p.next()
		return p.variable(t), nil
	case t.Type == tokSQ || t.Type == tokDQ || t.Type == tokSQHere || t.Type == tokDQHere:
		m := p.mark()
		p.next()
		if (t.Type == tokSQ || t.Type == tokDQ) && p.adjacent() && !isArgEnder(p.peek()) && !p.atPostfix() {
			p.reset(m)
			return p.bareword()
		}
		p.reset(m)
		s, err := p.primary()
		if err != nil {
			return nil, err
		}
		return p.postfix(s, true)
	case isPunct(t, "(") || isPunct(t, "$(") || isPunct(t, "@(") || isPunct(t, "@{") || isPunct(t, "{"):
		e, err := p.primary()
		if err != nil {
			return nil, err
		}
		return p.postfix(e, true)
	case isArgEnder(t):
		return nil, nil
	}
	return p.bareword()
}

// atPostfix reports whether a member access or index follows directly.
func (p *parser) atPostfix() bool {
	if !p.adjacent() {
		return false
	}
	t := p.peek()
	if isPunct(t, "[") {
		return true
	}
	if !isPunct(t, ".") && !isPunct(t, "::") {
		return false
	}
	n, glued := p.peekGlued()
	if !glued {
		return false
	}
	return n.Type == tokWord || n.Type == tokVar || n.Type == tokSQ || n.Type == tokDQ || isPunct(n, "(")
}

// bareword glues touching tokens into one argument-mode string: literal pieces, quoted
// pieces (concatenated) and variables or $( ) (which make it expandable).
func (p *parser) bareword() (Expression, error) {
	start := p.peek().Pos
	var parts []StringPart
	var raw strings.Builder
	expandable := false
	addText := func(pos, end lexer.Position, s string) {
		if n := len(parts); n > 0 {
			if st, ok := parts[n-1].(*StringText); ok {
				st.Text += s
				st.EndPos = Pos(end)
				return
			}
		}
		parts = append(parts, &StringText{Span: span(pos, end), Text: s})
	}
	for first := true; first || (p.adjacent() && !isArgEnder(p.peek())); first = false {
		t := p.peek()
		if isBadToken(t) {
			return nil, p.lexError(t)
		}
		switch t.Type {
		case tokVar:
			p.next()
			parts = append(parts, p.variable(t))
			expandable = true
		case tokSQ:
			p.next()
			addText(t.Pos, tokenEnd(t), singleQuotedValue(t.Value))
		case tokDQ:
			p.next()
			es, err := p.expandable(t, DoubleQuoted)
			if err != nil {
				return nil, err
			}
			for _, part := range es.Parts {
				if st, ok := part.(*StringText); ok {
					addText(st.Pos.toLexer(), st.EndPos.toLexer(), st.Text)
				} else {
					parts = append(parts, part)
					expandable = true
				}
			}
		case tokPunct:
			if t.Value == "$(" {
				from := p.rawCursor()
				sub, err := p.subExpression()
				if err != nil {
					return nil, err
				}
				parts = append(parts, sub)
				expandable = true
				raw.WriteString(p.rawText(from, p.rawCursor()))
				continue
			}
			p.next()
			addText(t.Pos, tokenEnd(t), t.Value)
		case tokWord:
			p.next()
			addText(t.Pos, tokenEnd(t), unescapeBackticks(t.Value))
		default:
			p.next()
			addText(t.Pos, tokenEnd(t), t.Value)
		}
		raw.WriteString(t.Value)
	}
	sp := p.spanFrom(start)
	if !expandable {
		text := ""
		for _, part := range parts {
			text += part.(*StringText).Text
		}
		return &StringConstant{Span: sp, Value: text, Kind: BareWord}, nil
	}
	return &ExpandableString{Span: sp, Kind: BareWord, Parts: parts, Raw: raw.String()}, nil
}

// redirections parses any redirection operators that follow.
func (p *parser) redirections(out *[]*Redirection) error {
	for p.peek().Type == tokRedir {
		t := p.next()
		r := &Redirection{From: "1", Append: strings.Contains(t.Value, ">>"), ToOut: strings.Contains(t.Value, "&")}
		if c := t.Value[0]; c != '>' {
			r.From = string(c)
		}
		if !r.ToOut {
			if isPipeEnd(p.peek()) || p.peek().Type == tokRedir {
				return p.errAtPos(tokenEnd(t), msgMissingFileSpec)
			}
			target, err := p.argPrimary()
			if err != nil {
				return err
			}
			if target == nil {
				return p.errAtPos(tokenEnd(t), msgMissingFileSpec)
			}
			r.Target = target
		}
		r.Span = p.spanFrom(t.Pos)
		*out = append(*out, r)
	}
	return nil
}
