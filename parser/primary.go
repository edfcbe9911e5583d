package parser

import (
	"strings"

	"github.com/alecthomas/participle/v2/lexer"
)

// primary parses literals, variables and bracketed expressions; nil when none is next.
func (p *parser) primary() (Expression, error) {
	t := p.peek()
	switch t.Type {
	case tokNumber:
		p.next()
		return p.constant(t), nil
	case tokVar, tokSplat:
		p.next()
		return p.variable(t), nil
	case tokSQ:
		p.next()
		return &StringConstant{Span: span(t.Pos, tokenEnd(t)), Value: singleQuotedValue(t.Value), Kind: SingleQuoted}, nil
	case tokSQHere:
		p.next()
		return &StringConstant{Span: span(t.Pos, tokenEnd(t)), Value: hereStringBody(t.Value), Kind: SingleQuotedHereString}, nil
	case tokDQ:
		p.next()
		return p.expandable(t, DoubleQuoted)
	case tokDQHere:
		p.next()
		return p.expandable(t, DoubleQuotedHereString)
	case tokPunct:
		switch t.Value {
		case "(":
			return p.parenExpression()
		case "$(":
			return p.subExpression()
		case "@(":
			return p.arrayExpression()
		case "@{":
			return p.hashtable()
		case "{":
			sb, err := p.scriptBlockLiteral()
			if err != nil {
				return nil, err
			}
			return &ScriptBlockExpression{Span: sb.Span, Block: sb}, nil
		}
	}
	if isBadToken(t) {
		return nil, p.lexError(t)
	}
	return nil, nil
}

// parenExpression parses `( pipeline )`.
func (p *parser) parenExpression() (Expression, error) {
	open := p.next()
	p.skipNewlines()
	if isPunct(p.peek(), ")") || p.peek().EOF() {
		if p.peek().EOF() {
			return nil, p.errAtPos(p.peek().Pos, msgMissingEndParen)
		}
		return nil, p.errAtPos(tokenEnd(open), msgExpectedExpression)
	}
	st, err := p.statement()
	if err != nil {
		return nil, err
	}
	p.skipNewlines()
	if !p.accept(")") {
		if t := p.peek(); !t.EOF() {
			return nil, p.unexpected(t)
		}
		return nil, p.errAtPos(p.peek().Pos, msgMissingEndParen)
	}
	return &ParenExpression{Span: p.spanFrom(open.Pos), Pipeline: st}, nil
}

// subExpression parses `$( statements )`.
func (p *parser) subExpression() (*SubExpression, error) {
	sp, list, err := p.parenStatements()
	if err != nil {
		return nil, err
	}
	return &SubExpression{Span: sp, Statements: list}, nil
}

// arrayExpression parses `@( statements )`.
func (p *parser) arrayExpression() (Expression, error) {
	sp, list, err := p.parenStatements()
	if err != nil {
		return nil, err
	}
	return &ArrayExpression{Span: sp, Statements: list}, nil
}

// parenStatements parses the opener `$(` or `@(`, a statement list and the closing ')',
// returning the span of the whole.
func (p *parser) parenStatements() (Span, []Statement, error) {
	open := p.next()
	list, err := p.statements(")")
	if err != nil {
		return Span{}, nil, err
	}
	if !p.accept(")") {
		return Span{}, nil, p.errAtPos(p.peek().Pos, msgMissingEndParenSubexpr)
	}
	return p.spanFrom(open.Pos), list, nil
}

// hashtable parses `@{ key = statement (newline|;) ... }`.
func (p *parser) hashtable() (Expression, error) {
	open := p.next()
	h := &HashtableExpression{}
	for {
		p.skipSeparators()
		t := p.peek()
		switch {
		case isPunct(t, "}"):
			p.next()
			h.Span = p.spanFrom(open.Pos)
			return h, nil
		case t.EOF():
			return nil, p.errAtPos(open.Pos, msgMissingEndCurlyHash)
		}
		key, err := p.hashKey()
		if err != nil {
			return nil, err
		}
		if key == nil {
			if isPunct(t, "=") {
				return nil, p.errAt(t, msgMissingHashKey)
			}
			return nil, p.unexpected(t)
		}
		if !p.accept("=") {
			if p.peek().EOF() {
				return nil, p.errAtPos(p.prevEnd, msgMissingEqualsInHash)
			}
			return nil, p.errAt(p.peek(), msgMissingEqualsInHash)
		}
		eq := p.prevEnd
		p.skipNewlines()
		if isStatementEnd(p.peek()) {
			if isBadToken(p.peek()) {
				return nil, p.lexError(p.peek())
			}
			return nil, p.errAtPos(eq, msgMissingHashValue)
		}
		value, err := p.statement()
		if err != nil {
			return nil, err
		}
		h.Pairs = append(h.Pairs, &KeyValuePair{Span: span(key.Extent().Pos.toLexer(), p.prevEnd), Key: key, Value: value})
		if t := p.peek(); !(t.Type == tokNewline || isPunct(t, ";") || isPunct(t, "}")) {
			if t.EOF() {
				return nil, p.errAtPos(open.Pos, msgMissingEndCurlyHash)
			}
			return nil, p.unexpected(t)
		}
	}
}

// hashKey parses a key: a bareword (glued up to '='), a number, a string or an expression.
func (p *parser) hashKey() (Expression, error) {
	t := p.peek()
	if t.Type == tokWord || (t.Type == tokNumber && p.nextAdjacentToken() && !isPunct(p.peekSecond(), "=")) {
		p.next()
		text := unescapeBackticks(t.Value)
		for p.adjacent() {
			n := p.peek()
			if isArgEnder(n) || isPunct(n, "=") || n.Type == tokVar || n.Type == tokSQ || n.Type == tokDQ {
				break
			}
			text += p.next().Value
		}
		return &StringConstant{Span: p.spanFrom(t.Pos), Value: text, Kind: BareWord}, nil
	}
	return p.unary()
}

// peekSecond returns the token after the next one.
func (p *parser) peekSecond() *lexer.Token {
	n, _ := p.peekGlued()
	return n
}

// postfix parses member access, static access, method calls, indexing and postfix ++/--.
// In argument mode the suffixes must touch and ++/-- are not operators.
func (p *parser) postfix(x Expression, argMode bool) (Expression, error) {
	start := x.Extent().Pos.toLexer()
	for p.adjacent() {
		t := p.peek()
		switch {
		case isPunct(t, ".") || isPunct(t, "::"):
			if argMode && !p.atPostfix() {
				return x, nil
			}
			p.next()
			if !argMode {
				p.skipNewlines()
			}
			member, err := p.memberName()
			if err != nil {
				return nil, err
			}
			if member == nil {
				n := p.peek()
				if isBadToken(n) {
					return nil, p.lexError(n)
				}
				return nil, p.errAtPos(tokenEnd(t), msgMissingPropertyName)
			}
			static := t.Value == "::"
			if p.adjacent() && isPunct(p.peek(), "(") {
				args, err := p.methodArguments()
				if err != nil {
					return nil, err
				}
				x = &InvokeMemberExpression{Span: p.spanFrom(start), X: x, Member: member, Args: args, Static: static}
				continue
			}
			x = &MemberExpression{Span: p.spanFrom(start), X: x, Member: member, Static: static}
		case isPunct(t, "["):
			open := p.next()
			p.skipNewlines()
			idx, err := p.expression()
			if err != nil {
				return nil, err
			}
			if idx == nil {
				if isBadToken(p.peek()) {
					return nil, p.lexError(p.peek())
				}
				return nil, p.errAtPos(tokenEnd(open), msgMissingArrayIndex)
			}
			p.skipNewlines()
			if !p.accept("]") {
				if n := p.peek(); !n.EOF() {
					return nil, p.unexpected(n)
				}
				return nil, p.errAtPos(p.prevEnd, msgMissingEndBracketIndex)
			}
			x = &IndexExpression{Span: p.spanFrom(start), X: x, Index: idx}
		case !argMode && (isPunct(t, "++") || isPunct(t, "--")):
			p.next()
			x = &UnaryExpression{Span: p.spanFrom(start), Op: "post" + t.Value, X: x}
		default:
			return x, nil
		}
	}
	return x, nil
}

// memberName parses the name after '.' or '::'.
func (p *parser) memberName() (Expression, error) {
	t := p.peek()
	switch {
	case t.Type == tokWord || t.Type == tokNumber:
		p.next()
		return &StringConstant{Span: span(t.Pos, tokenEnd(t)), Value: t.Value, Kind: BareWord}, nil
	case t.Type == tokVar || t.Type == tokSQ || t.Type == tokDQ || isPunct(t, "(") || isPunct(t, "$("):
		return p.primary()
	}
	return nil, nil
}

// methodArguments parses `( arg, arg ... )`.
func (p *parser) methodArguments() ([]Expression, error) {
	p.next()
	var args []Expression
	p.skipNewlines()
	if p.accept(")") {
		return args, nil
	}
	for {
		p.skipNewlines()
		a, err := p.expressionNoComma()
		if err != nil {
			return nil, err
		}
		if a == nil {
			t := p.peek()
			if t.EOF() {
				return nil, p.errAtPos(p.prevEnd, msgMissingEndParenMethod)
			}
			if isPunct(t, ",") {
				return nil, p.errAtPos(p.prevEnd, msgMissingAfterComma, ",")
			}
			return nil, p.unexpected(t)
		}
		args = append(args, a)
		p.skipNewlines()
		if p.accept(",") {
			continue
		}
		if p.accept(")") {
			return args, nil
		}
		if t := p.peek(); !t.EOF() {
			return nil, p.unexpected(t)
		}
		return nil, p.errAtPos(p.prevEnd, msgMissingEndParenMethod)
	}
}

// constant converts a number token.
func (p *parser) constant(t *lexer.Token) *Constant {
	v, ok := ParseNumber(t.Value)
	if !ok {
		v = float64(0)
	}
	return &Constant{Span: span(t.Pos, tokenEnd(t)), Value: v, Text: t.Value}
}

// scopes are the recognised scope and drive qualifiers of $scope:name.
var scopes = map[string]bool{"global": true, "script": true, "local": true, "private": true, "env": true,
	"using": true, "variable": true, "function": true}

// variable converts a variable or splat token.
func (p *parser) variable(t *lexer.Token) *Variable {
	v := &Variable{Span: span(t.Pos, tokenEnd(t))}
	name := t.Value[1:]
	if t.Type == tokSplat {
		v.Splat = true
	}
	if strings.HasPrefix(name, "{") {
		v.Braced = true
		name = unescapeBraced(strings.TrimSuffix(name[1:], "}"))
	}
	if i := strings.IndexByte(name, ':'); i > 0 && !v.Splat {
		scope := strings.ToLower(name[:i])
		if scopes[scope] || !v.Braced {
			v.Scope = scope
			name = name[i+1:]
		}
	}
	v.Name = name
	return v
}

// unescapeBraced removes backtick escapes from a ${...} name.
func unescapeBraced(s string) string {
	if !strings.Contains(s, "`") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '`' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
