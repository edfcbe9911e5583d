package parser

import (
	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// scriptGrammar is the participle grammar of a script:
//
//	Script = Sep* [ ParamBlock ] Sep* { NamedBlock Sep* } [ Statement { Sep+ [ Statement ] } ] EOF
//	Sep    = Newline | ";"
//
// ParamBlock, NamedBlock and Statement are Parseable productions (paramNode, namedNode,
// statementNode) written as recursive descent over the same token stream, because
// PowerShell's argument mode and expression mode read the same tokens differently.
type scriptGrammar struct {
	Param      *paramNode       `parser:"( Newline | \";\" )* @@?"`
	Named      []*namedNode     `parser:"( Newline | \";\" )* ( @@ ( Newline | \";\" )* )*"`
	Statements []*statementNode `parser:"( @@ ( ( Newline | \";\" )+ @@? )* )?"`
}

var grammar = participle.MustBuild[scriptGrammar](
	participle.Lexer(definition{}),
	participle.Elide("Space", "Comment"),
)

// A production that fails keeps its *Error and consumes the rest of the input: participle
// treats an error raised before the lookahead is exhausted as "no match" and would report a
// generic unexpected token instead of pwsh's message. scriptBlock returns the first kept error.

// skipToEnd consumes every remaining token.
func skipToEnd(lex *lexer.PeekingLexer) {
	for !lex.Peek().EOF() {
		lex.Next()
	}
}

// statementNode is one top-level statement.
type statementNode struct {
	stmt Statement
	err  error
}

// Parse implements participle.Parseable.
func (n *statementNode) Parse(lex *lexer.PeekingLexer) error {
	t := lex.Peek()
	if t.EOF() || t.Type == tokNewline || isPunct(t, ";") || isPunct(t, ")") || isPunct(t, "}") {
		return participle.NextMatch
	}
	p := &parser{lex: lex}
	n.stmt, n.err = p.statement()
	if n.err == nil && (isPunct(lex.Peek(), "&&") || isPunct(lex.Peek(), "||")) {
		n.err = p.unexpected(lex.Peek())
	}
	if n.err != nil {
		skipToEnd(lex)
	}
	return nil
}

// paramNode is the script's `[attributes] param( ... )` block.
type paramNode struct {
	block *ParamBlock
	err   error
}

// Parse implements participle.Parseable.
func (n *paramNode) Parse(lex *lexer.PeekingLexer) error {
	p := &parser{lex: lex}
	n.block, n.err = p.maybeParamBlock()
	if n.err != nil {
		skipToEnd(lex)
		return nil
	}
	if n.block == nil {
		return participle.NextMatch
	}
	return nil
}

// namedNode is a script-level begin, process or end block.
type namedNode struct {
	block *NamedBlock
	err   error
}

// Parse implements participle.Parseable.
func (n *namedNode) Parse(lex *lexer.PeekingLexer) error {
	p := &parser{lex: lex}
	if !p.atNamedBlock() {
		return participle.NextMatch
	}
	n.block, n.err = p.namedBlock()
	if n.err != nil {
		skipToEnd(lex)
	}
	return nil
}

// scriptBlock converts the grammar tree to the script's ScriptBlock, or returns the first
// error a production kept.
func (g *scriptGrammar) scriptBlock(name, src string) (*ScriptBlock, error) {
	end := endPos(name, src)
	sb := &ScriptBlock{Span: Span{Pos: Pos{Filename: name, Line: 1, Column: 1}, EndPos: end}, Text: src}
	if g.Param != nil {
		if g.Param.err != nil {
			return nil, g.Param.err
		}
		sb.Param = g.Param.block
	}
	for _, n := range g.Named {
		if n.err != nil {
			return nil, n.err
		}
		switch n.block.Name {
		case "begin":
			sb.Begin = n.block
		case "process":
			sb.Process = n.block
		default:
			sb.End = n.block
		}
	}
	var list []Statement
	for _, n := range g.Statements {
		if n.err != nil {
			return nil, n.err
		}
		list = append(list, n.stmt)
	}
	if len(g.Named) > 0 {
		if len(list) > 0 {
			first := list[0].Extent()
			return nil, &Error{Pos: first.Pos, EndPos: first.EndPos, ErrorID: msgUnexpectedToken.id,
				Msg: msgUnexpectedToken.format(src[first.Pos.Offset:first.EndPos.Offset])}
		}
		return sb, nil
	}
	body := Span{Pos: sb.Pos, EndPos: end}
	if len(list) > 0 {
		body = Span{Pos: list[0].Extent().Pos, EndPos: list[len(list)-1].Extent().EndPos}
	}
	sb.End = &NamedBlock{Span: body, Name: "end", Unnamed: true, Statements: list}
	return sb, nil
}
