package parser

import (
	"errors"
	"strings"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// maxDepth caps nesting (parentheses, blocks, operands) so that hostile input ends in an
// error instead of exhausting the stack.
const maxDepth = 200

// Parse parses a whole script (or one REPL entry) named name. On failure the error is a
// *Error; its Incomplete flag says whether more input could complete the source.
func Parse(name, src string) (*ScriptBlock, error) {
	g, err := grammar.ParseString(name, src)
	if err != nil {
		return nil, toError(err, src)
	}
	return g.scriptBlock(name, src)
}

// toError maps every failure out of participle to *Error, in one place. Errors raised by
// the productions are already *Error; a token participle did not expect is pwsh's
// "Unexpected token" (or the error its malformed token stands for), and an unexpected end
// of input is Incomplete.
func toError(err error, src string) error {
	var pe *Error
	if errors.As(err, &pe) {
		return pe
	}
	var ute *participle.UnexpectedTokenError
	if errors.As(err, &ute) {
		t := ute.Unexpected
		pos := Pos(t.Pos)
		switch {
		case t.EOF():
			// Defensive: the script grammar has no required token, so participle does not
			// reach the end of input expecting one.
			return &Error{Pos: pos, EndPos: pos, Msg: msgMissingStatementAfter.format("end of input"),
				ErrorID: msgMissingStatementAfter.id, Incomplete: true}
		case isBadToken(&t):
			return badTokenError(&t)
		case isPunct(&t, "<"):
			return &Error{Pos: pos, EndPos: Pos(tokenEnd(&t)), Msg: msgRedirectionNotSupported.text, ErrorID: msgRedirectionNotSupported.id}
		}
		text := gluedText(src, t.Pos.Offset, t.Value)
		return &Error{Pos: pos, EndPos: Pos(advancePos(t.Pos, text)), Msg: msgUnexpectedToken.format(text),
			ErrorID: msgUnexpectedToken.id}
	}
	var perr participle.Error
	if errors.As(err, &perr) {
		pos := Pos(perr.Position())
		return &Error{Pos: pos, EndPos: pos, Msg: perr.Message(), ErrorID: "ParseError"}
	}
	end := endPos("", src)
	return &Error{Pos: end, EndPos: end, Msg: err.Error(), ErrorID: "ParseError"}
}

// gluedText is the argument-mode token starting at offset: pwsh names a whole word such
// as foo-bar in "Unexpected token", not just its first piece.
func gluedText(src string, offset int, first string) string {
	if offset+len(first) > len(src) || first == "" {
		return first
	}
	end := offset + len(first)
	typ, _ := scanToken(src, offset)
	if typ != tokWord && typ != tokNumber && !isDashRune(runeAt(src, offset)) {
		return first
	}
	for end < len(src) {
		typ, n := scanToken(src, end)
		tok := lexer.Token{Type: typ, Value: src[end : end+n]}
		if typ == tokSpace || typ == tokComment || isArgEnder(&tok) || isBadToken(&tok) {
			break
		}
		end += n
	}
	return src[offset:end]
}

// endPos is the position just after src.
func endPos(name, src string) Pos {
	p := Pos{Filename: name, Offset: len(src), Line: 1 + strings.Count(src, "\n"), Column: 1}
	if i := strings.LastIndexByte(src, '\n'); i >= 0 {
		p.Column += len([]rune(src[i+1:]))
	} else {
		p.Column += len([]rune(src))
	}
	return p
}

// parser is the recursive-descent state shared by the productions of one parse.
type parser struct {
	lex     *lexer.PeekingLexer
	depth   int
	prevEnd lexer.Position // end of the last consumed token
}

// peek returns the next significant token.
func (p *parser) peek() *lexer.Token { return p.lex.Peek() }

// next consumes the next significant token.
func (p *parser) next() *lexer.Token {
	t := p.lex.Next()
	p.prevEnd = tokenEnd(t)
	return t
}

// toLexer converts a node position back to participle's type.
func (pos Pos) toLexer() lexer.Position { return lexer.Position(pos) }

// tokenEnd is the position just after t.
func tokenEnd(t *lexer.Token) lexer.Position { return advancePos(t.Pos, t.Value) }

// adjacent reports whether the next token touches the last consumed one.
func (p *parser) adjacent() bool {
	t := p.peek()
	return !t.EOF() && t.Pos.Offset == p.prevEnd.Offset
}

// peekGlued looks past the next token without consuming anything: it returns the token
// after it and whether that one touches it (nothing between them), which is how a dash,
// a dot or a keyword tells what it begins.
func (p *parser) peekGlued() (*lexer.Token, bool) {
	m := p.mark()
	defer p.reset(m)
	p.next()
	return p.peek(), p.adjacent()
}

// mark and reset give backtracking over the token stream.
type mark struct {
	cp      lexer.Checkpoint
	prevEnd lexer.Position
}

func (p *parser) mark() mark     { return mark{p.lex.MakeCheckpoint(), p.prevEnd} }
func (p *parser) reset(m mark)   { p.lex.LoadCheckpoint(m.cp); p.prevEnd = m.prevEnd }
func (p *parser) rawCursor() int { return int(p.lex.RawCursor()) }

// rawText is the verbatim source between two raw cursors.
func (p *parser) rawText(from, to int) string {
	var sb strings.Builder
	for _, t := range p.lex.Range(lexer.RawCursor(from), lexer.RawCursor(to)) {
		sb.WriteString(t.Value)
	}
	return sb.String()
}

// isPunct reports whether t is the punctuation s (any dash counts as '-').
func isPunct(t *lexer.Token, s string) bool {
	if t.Type != tokPunct {
		return false
	}
	if s == "-" {
		return t.Value == "-" || t.Value == "\u2013" || t.Value == "\u2014" || t.Value == "\u2015"
	}
	return t.Value == s
}

// isDash reports whether t is a single dash.
func isDash(t *lexer.Token) bool { return isPunct(t, "-") }

// isKeyword reports whether t is the word kw (case-insensitive).
func isKeyword(t *lexer.Token, kw string) bool {
	return t.Type == tokWord && strings.EqualFold(t.Value, kw)
}

// accept consumes the punctuation s if it is next.
func (p *parser) accept(s string) bool {
	if isPunct(p.peek(), s) {
		p.next()
		return true
	}
	return false
}

// skipNewlines consumes newline tokens.
func (p *parser) skipNewlines() {
	for p.peek().Type == tokNewline {
		p.next()
	}
}

// acceptAfterNewlines consumes newlines and then the punctuation or keyword s when it
// follows them; otherwise it consumes nothing.
func (p *parser) peekAfterNewlines(match func(*lexer.Token) bool) bool {
	m := p.mark()
	p.skipNewlines()
	if match(p.peek()) {
		return true
	}
	p.reset(m)
	return false
}

// errAt builds an *Error at token t; it is Incomplete when t is the end of input.
func (p *parser) errAt(t *lexer.Token, m message, args ...any) *Error {
	e := &Error{Pos: Pos(t.Pos), EndPos: Pos(tokenEnd(t)), Msg: m.format(args...), ErrorID: m.id}
	if t.EOF() {
		e.Incomplete = true
	}
	return e
}

// errAtPos builds an *Error at pos, Incomplete when the parser has reached the end of input.
func (p *parser) errAtPos(pos lexer.Position, m message, args ...any) *Error {
	return &Error{Pos: Pos(pos), EndPos: Pos(pos), Msg: m.format(args...), ErrorID: m.id,
		Incomplete: p.peek().EOF()}
}

// lexError reports a malformed token (unterminated string or comment ...).
func (p *parser) lexError(t *lexer.Token) *Error {
	if isBadToken(t) {
		return badTokenError(t)
	}
	return p.errAt(t, msgUnexpectedToken, t.Value)
}

// badTokenError is the error a malformed token stands for. Tokens that run to the end of
// input (unterminated strings, comments, ${ names, a final backtick) are Incomplete.
func badTokenError(t *lexer.Token) *Error {
	at := func(pos lexer.Position, m message, args ...any) *Error {
		return &Error{Pos: Pos(pos), EndPos: Pos(tokenEnd(t)), Msg: m.format(args...), ErrorID: m.id, Incomplete: true}
	}
	switch t.Type {
	case tokBadString:
		quote := "\""
		switch {
		case strings.HasPrefix(t.Value, "@'"):
			quote = "'@"
		case strings.HasPrefix(t.Value, "@"):
			quote = "\"@"
		case isSingleQuote([]rune(t.Value)[0]):
			quote = "'"
		}
		return at(t.Pos, msgStringTerminator, quote)
	case tokBadHereHeader:
		e := at(tokenEnd(t), msgHereHeader)
		e.Incomplete = false
		return e
	case tokBadComment:
		return at(t.Pos, msgCommentTerminator)
	case tokBadEscape:
		return at(t.Pos, msgEscapeAtEnd)
	case tokBadVar:
		if strings.HasPrefix(t.Value, "${") {
			return at(t.Pos, msgIncompleteVar)
		}
		e := at(t.Pos, msgInvalidVarDrive)
		e.Incomplete = false
		return e
	}
	return at(t.Pos, msgUnexpectedToken, t.Value)
}

func isBadToken(t *lexer.Token) bool {
	switch t.Type {
	case tokBadString, tokBadHereHeader, tokBadComment, tokBadVar, tokBadEscape:
		return true
	}
	return false
}

// enter and leave track nesting depth.
func (p *parser) enter(t *lexer.Token) error {
	p.depth++
	if p.depth > maxDepth {
		return &Error{Pos: Pos(t.Pos), EndPos: Pos(tokenEnd(t)), Msg: msgNestingTooDeep.text,
			ErrorID: msgNestingTooDeep.id}
	}
	return nil
}

func (p *parser) leave() { p.depth-- }

func span(from lexer.Position, to lexer.Position) Span { return Span{Pos: Pos(from), EndPos: Pos(to)} }

// spanFrom is the span from pos to the end of the last consumed token.
func (p *parser) spanFrom(pos lexer.Position) Span { return span(pos, p.prevEnd) }
