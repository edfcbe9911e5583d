package parser

import (
	"strings"

	"github.com/alecthomas/participle/v2/lexer"
)

// scriptBlockBody parses the inside of a script block up to closer ("" for end of input):
// an optional `[attributes] param(...)`, then begin/process/end blocks or statements.
func (p *parser) scriptBlockBody(closer string) (*ScriptBlock, error) {
	sb := &ScriptBlock{}
	p.skipSeparators()
	start := p.peek().Pos
	param, err := p.maybeParamBlock()
	if err != nil {
		return nil, err
	}
	sb.Param = param
	p.skipSeparators()
	if p.atNamedBlock() {
		for {
			p.skipSeparators()
			t := p.peek()
			if closes(t, closer) || t.EOF() {
				break
			}
			if !p.atNamedBlock() {
				for _, kw := range []string{"begin", "process", "end"} {
					if p.isKeywordToken(kw) {
						p.next()
						return nil, p.errBlockMissing(tokenEnd(t), msgMissingNamedBlock, strings.ToLower(t.Value))
					}
				}
				return nil, p.unexpected(t)
			}
			nb, err := p.namedBlock()
			if err != nil {
				return nil, err
			}
			switch nb.Name {
			case "begin":
				sb.Begin = nb
			case "process":
				sb.Process = nb
			default:
				sb.End = nb
			}
		}
	} else {
		list, err := p.statements(closer)
		if err != nil {
			return nil, err
		}
		sb.End = &NamedBlock{Span: p.spanFrom(start), Name: "end", Unnamed: true, Statements: list}
	}
	sb.Span = p.spanFrom(start)
	return sb, nil
}

// skipSeparators consumes the newlines and semicolons between statements (and between
// the entries of a hashtable or a switch body).
func (p *parser) skipSeparators() {
	for t := p.peek(); t.Type == tokNewline || isPunct(t, ";"); t = p.peek() {
		p.next()
	}
}

// atNamedBlock reports whether begin, process or end followed by '{' is next.
func (p *parser) atNamedBlock() bool {
	for _, kw := range []string{"begin", "process", "end"} {
		if p.isKeywordToken(kw) {
			m := p.mark()
			p.next()
			p.skipNewlines()
			ok := isPunct(p.peek(), "{")
			p.reset(m)
			return ok
		}
	}
	return false
}

// namedBlock parses `begin { }`, `process { }` or `end { }`; atNamedBlock has checked it.
func (p *parser) namedBlock() (*NamedBlock, error) {
	t := p.next()
	p.skipNewlines()
	body, err := p.statementBlock()
	if err != nil {
		return nil, err
	}
	return &NamedBlock{Span: p.spanFrom(t.Pos), Name: strings.ToLower(t.Value), Statements: body.Statements}, nil
}

// maybeParamBlock parses `[attributes] param( ... )` when it is next; otherwise it consumes
// nothing.
func (p *parser) maybeParamBlock() (*ParamBlock, error) {
	m := p.mark()
	start := p.peek().Pos
	var attrs []*Attribute
	for isPunct(p.peek(), "[") {
		a, tn, err := p.attributeOrType()
		if err != nil && IsIncomplete(err) {
			return nil, err
		}
		if err != nil || tn != nil {
			p.reset(m)
			return nil, nil
		}
		attrs = append(attrs, a)
		p.skipNewlines()
	}
	if !p.isKeywordToken("param") {
		if len(attrs) > 0 {
			// An attribute such as [CmdletBinding()] must be followed by param( ).
			e := &Error{Pos: attrs[0].Pos, EndPos: attrs[0].EndPos, Msg: msgUnexpectedAttribute.format(attrs[0].Name),
				ErrorID: msgUnexpectedAttribute.id, Incomplete: p.peek().EOF()}
			return nil, e
		}
		p.reset(m)
		return nil, nil
	}
	p.next()
	p.skipNewlines()
	if !p.accept("(") {
		return nil, p.errBlockMissing(p.prevEnd, msgMissingOpenParenLoop, "param")
	}
	params, err := p.parameterList()
	if err != nil {
		return nil, err
	}
	return &ParamBlock{Span: p.spanFrom(start), Attributes: attrs, Parameters: params}, nil
}

// parameterList parses `param, param ... )`; the '(' has been consumed.
func (p *parser) parameterList() ([]*Parameter, error) {
	var params []*Parameter
	p.skipNewlines()
	if p.accept(")") {
		return params, nil
	}
	for {
		prm, err := p.parameter()
		if err != nil {
			return nil, err
		}
		params = append(params, prm)
		p.skipNewlines()
		if p.accept(",") {
			p.skipNewlines()
			continue
		}
		if p.accept(")") {
			return params, nil
		}
		if t := p.peek(); isBadToken(t) {
			return nil, p.lexError(t)
		}
		return nil, p.errAtPos(p.prevEnd, msgMissingParamClose)
	}
}

// parameter parses `[attr][type] $name [= default]`.
func (p *parser) parameter() (*Parameter, error) {
	start := p.peek().Pos
	prm := &Parameter{}
	for isPunct(p.peek(), "[") {
		a, tn, err := p.attributeOrType()
		if err != nil {
			return nil, err
		}
		if a != nil {
			prm.Attributes = append(prm.Attributes, a)
		} else {
			prm.Type = tn
		}
		p.skipNewlines()
	}
	t := p.peek()
	if t.Type != tokVar {
		if isBadToken(t) {
			return nil, p.lexError(t)
		}
		if t.EOF() {
			return nil, p.errAtPos(p.prevEnd, msgMissingParamClose)
		}
		return nil, p.errAt(t, msgMissingParamVariable)
	}
	p.next()
	prm.Name = p.variable(t).Name
	if p.accept("=") {
		eq := p.prevEnd
		p.skipNewlines()
		def, err := p.expressionNoComma()
		if err != nil {
			return nil, err
		}
		if def == nil {
			return nil, p.errAtPos(eq, msgMissingBinaryOperand, "=")
		}
		prm.Default = def
	}
	prm.Span = p.spanFrom(start)
	return prm, nil
}

// attributeOrType parses `[Name(args)]` (an attribute) or `[type]`.
func (p *parser) attributeOrType() (*Attribute, *TypeName, error) {
	open := p.peek()
	m := p.mark()
	p.next()
	name := ""
	for {
		t := p.peek()
		if t.Type == tokWord || t.Type == tokNumber || isPunct(t, ".") {
			name += p.next().Value
			continue
		}
		break
	}
	if name == "" || !isPunct(p.peek(), "(") {
		p.reset(m)
		tn, err := p.typeName()
		return nil, tn, err
	}
	p.next()
	a := &Attribute{Name: name}
	p.skipNewlines()
	if !p.accept(")") {
		for {
			p.skipNewlines()
			t := p.peek()
			if t.Type == tokWord {
				mk := p.mark()
				p.next()
				p.skipNewlines()
				switch n := p.peek(); {
				case isPunct(n, "="):
					p.next()
					eq := p.prevEnd
					p.skipNewlines()
					v, err := p.expressionNoComma()
					if err != nil {
						return nil, nil, err
					}
					if v == nil {
						return nil, nil, p.errAtPos(eq, msgMissingAttrArgument)
					}
					a.Named = append(a.Named, &NamedAttributeArgument{Span: p.spanFrom(t.Pos), Name: t.Value, Value: v})
				case isPunct(n, ",") || isPunct(n, ")"):
					a.Named = append(a.Named, &NamedAttributeArgument{Span: span(t.Pos, tokenEnd(t)), Name: t.Value})
				case n.EOF():
					return nil, nil, p.errAtPos(p.prevEnd, msgMissingEndParen)
				default:
					p.reset(mk)
					return nil, nil, p.unexpected(t)
				}
			} else {
				v, err := p.expressionNoComma()
				if err != nil {
					return nil, nil, err
				}
				if v == nil {
					if isBadToken(t) {
						return nil, nil, p.lexError(t)
					}
					if t.EOF() {
						return nil, nil, p.errAtPos(p.prevEnd, msgMissingEndParen)
					}
					return nil, nil, p.unexpected(t)
				}
				a.Args = append(a.Args, v)
			}
			p.skipNewlines()
			if p.accept(",") {
				continue
			}
			if p.accept(")") {
				break
			}
			if p.peek().EOF() {
				return nil, nil, p.errAtPos(p.prevEnd, msgMissingEndParen)
			}
			return nil, nil, p.unexpected(p.peek())
		}
	}
	if !p.accept("]") {
		return nil, nil, p.errAtPos(p.prevEnd, msgMissingTypeClose)
	}
	a.Span = p.spanFrom(open.Pos)
	return a, nil, nil
}

// functionStatement parses `function Name [(params)] { body }` and `filter Name { }`.
func (p *parser) functionStatement(string) (Statement, error) {
	kw := p.next()
	word := strings.ToLower(kw.Value)
	fd := &FunctionDefinition{IsFilter: word == "filter"}
	t := p.peek()
	if isStatementEnd(t) || isPunct(t, "(") || isPunct(t, "{") || t.Type == tokSQ || t.Type == tokDQ {
		return nil, p.errBlockMissing(tokenEnd(kw), msgMissingFunctionName, word)
	}
	p.next()
	fd.Name = t.Value
	for p.adjacent() {
		n := p.peek()
		if isArgEnder(n) || n.Type == tokNewline {
			break
		}
		fd.Name += p.next().Value
	}
	p.skipNewlines()
	if p.accept("(") {
		params, err := p.parameterList()
		if err != nil {
			return nil, err
		}
		fd.Params = params
	}
	if !p.peekAfterNewlines(func(t *lexer.Token) bool { return isPunct(t, "{") }) {
		return nil, p.errBlockMissing(p.prevEnd, msgMissingFunctionBody)
	}
	body, err := p.scriptBlockLiteral()
	if err != nil {
		return nil, err
	}
	fd.Body = body
	fd.Span = p.spanFrom(kw.Pos)
	return fd, nil
}

// scriptBlockLiteral parses `{ ... }` into a ScriptBlock whose Text is the verbatim source
// between the braces.
func (p *parser) scriptBlockLiteral() (*ScriptBlock, error) {
	open := p.next()
	from := p.rawCursor()
	sb, err := p.scriptBlockBody("}")
	if err != nil {
		return nil, err
	}
	if !isPunct(p.peek(), "}") {
		if t := p.peek(); !t.EOF() {
			return nil, p.unexpected(t)
		}
		return nil, p.errAtPos(open.Pos, msgMissingEndCurly)
	}
	_, to := p.lex.PeekAny(func(lexer.Token) bool { return false })
	sb.Text = p.rawText(from, int(to))
	p.next()
	sb.Span = p.spanFrom(open.Pos)
	return sb, nil
}
