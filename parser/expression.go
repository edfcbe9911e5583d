package parser

import (
	"strings"
	"unicode"
)

func isLetter(r rune) bool { return unicode.IsLetter(r) }

// Binary operator precedence, loosest first (PAR BinaryExpressionRule, TKN precedence).
const (
	precLogical    = 1 // -and -or -xor
	precBitwise    = 2 // -band -bor -bxor
	precComparison = 3 // -eq ... -replace -split -join -is -as -shl -shr
	precCoalesce   = 4 // ??
	precAdditive   = 5 // + -
	precMultiply   = 6 // * / %
	precFormat     = 7 // -f
	precRange      = 8 // ..
)

// comparisonOps may carry an i or c prefix for case sensitivity.
var comparisonOps = []string{"eq", "ne", "gt", "ge", "lt", "le", "like", "notlike", "match", "notmatch",
	"replace", "contains", "notcontains", "in", "notin", "split"}

// wordOps maps -word binary operators to their precedence.
var wordOps = func() map[string]int {
	m := map[string]int{
		"and": precLogical, "or": precLogical, "xor": precLogical,
		"band": precBitwise, "bor": precBitwise, "bxor": precBitwise,
		"is": precComparison, "isnot": precComparison, "as": precComparison, "join": precComparison,
		"shl": precComparison, "shr": precComparison, "f": precFormat,
	}
	for _, op := range comparisonOps {
		m[op], m["i"+op], m["c"+op] = precComparison, precComparison, precComparison
	}
	return m
}()

var symbolOps = map[string]int{"+": precAdditive, "-": precAdditive, "*": precMultiply, "/": precMultiply,
	"%": precMultiply, "..": precRange, "??": precCoalesce}

// peekBinaryOp returns the binary operator that comes next, its precedence and how many
// tokens spell it.
func (p *parser) peekBinaryOp() (string, int, int) {
	t := p.peek()
	if t.Type != tokPunct {
		return "", 0, 0
	}
	if isDash(t) {
		if n, glued := p.peekGlued(); glued && n.Type == tokWord {
			w := strings.ToLower(n.Value)
			if prec, ok := wordOps[w]; ok {
				return "-" + w, prec, 2
			}
			return "", 0, 0
		}
		return "-", precAdditive, 1
	}
	if prec, ok := symbolOps[t.Value]; ok {
		return t.Value, prec, 1
	}
	return "", 0, 0
}

// expression parses a full expression: ternary over binary over the comma operator.
func (p *parser) expression() (Expression, error) { return p.ternary(false) }

// expressionNoComma parses an expression in which ',' separates (method and attribute
// arguments, parameter defaults).
func (p *parser) expressionNoComma() (Expression, error) { return p.ternary(true) }

func (p *parser) ternary(noComma bool) (Expression, error) {
	cond, err := p.binary(precLogical, noComma)
	if err != nil || cond == nil {
		return cond, err
	}
	if !isPunct(p.peek(), "?") {
		return cond, nil
	}
	q := p.next()
	p.skipNewlines()
	a, err := p.ternary(noComma)
	if err != nil {
		return nil, err
	}
	if a == nil {
		return nil, p.errAtPos(tokenEnd(q), msgMissingTernaryBranch, "?")
	}
	p.skipNewlines()
	if !p.accept(":") {
		return nil, p.errAtPos(p.prevEnd, msgMissingTernaryColon)
	}
	colon := p.prevEnd
	p.skipNewlines()
	b, err := p.ternary(noComma)
	if err != nil {
		return nil, err
	}
	if b == nil {
		return nil, p.errAtPos(colon, msgMissingTernaryBranch, ":")
	}
	return &TernaryExpression{Span: span(cond.Extent().Pos.toLexer(), p.prevEnd), Condition: cond, IfTrue: a, IfFalse: b}, nil
}

// binary is precedence climbing over the binary operators; operands are array literals
// (the comma binds tighter than every binary operator).
func (p *parser) binary(minPrec int, noComma bool) (Expression, error) {
	if err := p.enter(p.peek()); err != nil {
		return nil, err
	}
	defer p.leave()
	left, err := p.arrayLiteral(noComma)
	if err != nil || left == nil {
		return left, err
	}
	for {
		op, prec, n := p.peekBinaryOp()
		if n == 0 || prec < minPrec {
			return left, nil
		}
		opTok := p.next()
		if n == 2 {
			opTok = p.next()
		}
		p.skipNewlines()
		right, err := p.binary(prec+1, noComma)
		if err != nil {
			return nil, err
		}
		if right == nil {
			if isBadToken(p.peek()) {
				return nil, p.lexError(p.peek())
			}
			return nil, p.errAtPos(tokenEnd(opTok), msgMissingBinaryOperand, op)
		}
		left = &BinaryExpression{Span: span(left.Extent().Pos.toLexer(), p.prevEnd), X: left, Op: op, Y: right}
	}
}

// arrayLiteral parses `unary (',' unary)*`.
func (p *parser) arrayLiteral(noComma bool) (Expression, error) {
	first, err := p.unary()
	if err != nil || first == nil || noComma || !isPunct(p.peek(), ",") {
		return first, err
	}
	list := &ArrayLiteral{Elements: []Expression{first}}
	for p.accept(",") {
		comma := p.prevEnd
		p.skipNewlines()
		el, err := p.unary()
		if err != nil {
			return nil, err
		}
		if el == nil {
			if isBadToken(p.peek()) {
				return nil, p.lexError(p.peek())
			}
			return nil, p.errAtPos(comma, msgMissingAfterComma, ",")
		}
		list.Elements = append(list.Elements, el)
	}
	list.Span = span(first.Extent().Pos.toLexer(), p.prevEnd)
	return list, nil
}

// unary parses prefix operators and casts; it returns nil when no expression starts here.
func (p *parser) unary() (Expression, error) {
	t := p.peek()
	if err := p.enter(t); err != nil {
		return nil, err
	}
	defer p.leave()
	if isBadToken(t) {
		return nil, p.lexError(t)
	}
	if t.Type != tokPunct {
		e, err := p.primary()
		if err != nil || e == nil {
			return e, err
		}
		return p.postfix(e, false)
	}
	op := ""
	switch {
	case isDash(t):
		m := p.mark()
		p.next()
		if p.adjacent() {
			n := p.peek()
			if n.Type == tokWord && unaryWords[strings.ToLower(n.Value)] {
				p.next()
				op = "-" + strings.ToLower(n.Value)
				break
			}
			if n.Type == tokNumber {
				p.next()
				c := p.constant(n)
				if v, ok := ParseNumber("-" + n.Value); ok {
					c.Value = v
				}
				c.Text = "-" + n.Value
				c.Span = p.spanFrom(t.Pos)
				return p.postfix(c, false)
			}
			if n.Type == tokWord {
				p.reset(m)
				return nil, nil
			}
		}
		op = "-"
	case t.Value == "!" || t.Value == "+" || t.Value == "," || t.Value == "++" || t.Value == "--":
		p.next()
		op = t.Value
	case t.Value == "[":
		return p.typeOrCast()
	default:
		e, err := p.primary()
		if err != nil || e == nil {
			return e, err
		}
		return p.postfix(e, false)
	}
	opEnd := p.prevEnd
	p.skipNewlines()
	x, err := p.unary()
	if err != nil {
		return nil, err
	}
	if x == nil {
		if isBadToken(p.peek()) {
			return nil, p.lexError(p.peek())
		}
		if op == "," {
			return nil, p.errAtPos(opEnd, msgMissingAfterComma, ",")
		}
		return nil, p.errAtPos(opEnd, msgMissingUnaryOperand, op)
	}
	return &UnaryExpression{Span: p.spanFrom(t.Pos), Op: op, X: x}, nil
}

// typeOrCast parses `[type]` followed by an operand (a cast) or used as a value.
func (p *parser) typeOrCast() (Expression, error) {
	tn, err := p.typeName()
	if err != nil {
		return nil, err
	}
	if p.adjacent() && (isPunct(p.peek(), "::") || isPunct(p.peek(), ".") || isPunct(p.peek(), "[")) {
		return p.postfix(&TypeExpression{Span: tn.Span, Type: tn}, false)
	}
	if p.peek().Type != tokNewline && p.startsOperand() {
		x, err := p.unary()
		if err != nil {
			return nil, err
		}
		if x != nil {
			return &ConvertExpression{Span: span(tn.Pos.toLexer(), p.prevEnd), Type: tn, X: x}, nil
		}
	}
	return p.postfix(&TypeExpression{Span: tn.Span, Type: tn}, false)
}

// startsOperand reports whether the next token can begin a unary expression.
func (p *parser) startsOperand() bool {
	t := p.peek()
	if t.Type == tokPunct && (t.Value == "{" || isDash(t)) {
		if isDash(t) {
			_, _, n := p.peekBinaryOp()
			return n == 1 // a lone dash negates; -eq and friends are operators
		}
		return true
	}
	return p.startsExpression()
}

// typeName parses `[ name ]` with nested brackets for generics and arrays.
func (p *parser) typeName() (*TypeName, error) {
	open := p.next()
	var name strings.Builder
	depth := 0
	for {
		t := p.peek()
		switch {
		case isBadToken(t):
			return nil, p.lexError(t)
		case t.EOF() || t.Type == tokNewline:
			return nil, p.errAtPos(p.prevEnd, msgMissingTypeClose)
		case isPunct(t, "["):
			depth++
		case isPunct(t, "]"):
			if depth == 0 {
				p.next()
				if name.Len() == 0 {
					e := p.errAtPos(tokenEnd(open), msgMissingTypeName)
					e.Incomplete = false
					return nil, e
				}
				return &TypeName{Span: p.spanFrom(open.Pos), Name: name.String()}, nil
			}
			depth--
		case t.Type == tokWord || t.Type == tokNumber || isPunct(t, ".") || isPunct(t, ",") || isPunct(t, "+") || isDash(t):
		default:
			return nil, p.errAt(t, msgMissingTypeClose)
		}
		name.WriteString(p.next().Value)
	}
}
