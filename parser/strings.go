package parser

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"
)

// singleQuotedValue strips the quotes of a 'string' and collapses doubled quotes.
func singleQuotedValue(raw string) string {
	_, first := utf8.DecodeRuneInString(raw)
	_, last := utf8.DecodeLastRuneInString(raw)
	body := raw[first : len(raw)-last]
	var b strings.Builder
	for i := 0; i < len(body); {
		r, sz := utf8.DecodeRuneInString(body[i:])
		b.WriteRune(r)
		i += sz
		if isSingleQuote(r) && i < len(body) {
			if r2, sz2 := utf8.DecodeRuneInString(body[i:]); isSingleQuote(r2) {
				i += sz2
			}
		}
	}
	return b.String()
}

// hereStringBody returns the text between a here-string's header line and its terminator
// line; the newline before the terminator is not part of the value.
func hereStringBody(raw string) string {
	body, _ := hereStringSplit(raw)
	return body
}

// hereStringSplit returns the body and its byte offset inside raw.
func hereStringSplit(raw string) (string, int) {
	start := strings.IndexByte(raw, '\n') + 1
	end := len(raw) - 2 // before the '@ or "@ terminator
	if end <= start {
		return "", start
	}
	body := raw[start:end]
	body = strings.TrimSuffix(body, "\n")
	body = strings.TrimSuffix(body, "\r")
	return body, start
}

// escapes maps backtick escape letters to their characters.
var escapes = map[byte]string{'0': "\x00", 'a': "\a", 'b': "\b", 'e': "\x1b", 'f': "\f", 'n': "\n", 'r': "\r", 't': "\t", 'v': "\v"}

// escape decodes the escape at s[i] (just after a backtick) and returns the text and the
// number of bytes consumed.
func escape(s string, i int) (string, int) {
	if i >= len(s) {
		return "`", 0
	}
	if e, ok := escapes[s[i]]; ok {
		return e, 1
	}
	if s[i] == 'u' && i+1 < len(s) && s[i+1] == '{' {
		if end := strings.IndexByte(s[i:], '}'); end > 2 && end <= 8 {
			if cp, err := strconv.ParseUint(s[i+2:i+end], 16, 32); err == nil && utf8.ValidRune(rune(cp)) {
				return string(rune(cp)), end + 1
			}
		}
	}
	r, sz := utf8.DecodeRuneInString(s[i:])
	return string(r), sz
}

// unescapeBackticks processes backtick escapes in a bareword.
func unescapeBackticks(s string) string {
	if !strings.Contains(s, "`") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] == '`' {
			text, n := escape(s, i+1)
			b.WriteString(text)
			i += 1 + n
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// advancePos moves pos over s.
func advancePos(pos lexer.Position, s string) lexer.Position {
	for len(s) > 0 {
		// Decode by hand: an invalid byte counts as one column and one byte.
		r, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		pos.Offset += size
		if r == '\n' {
			pos.Line++
			pos.Column = 1
		} else {
			pos.Column++
		}
	}
	return pos
}

// expandable splits a double-quoted (here-)string into literal text, variables and $( )
// subexpressions. Member access and indexing are not expanded ("$u.Name" is $u then ".Name").
func (p *parser) expandable(t *lexer.Token, kind StringKind) (*ExpandableString, error) {
	var body string
	var offset int
	here := kind == DoubleQuotedHereString
	if here {
		body, offset = hereStringSplit(t.Value)
	} else {
		_, first := utf8.DecodeRuneInString(t.Value)
		_, last := utf8.DecodeLastRuneInString(t.Value)
		body, offset = t.Value[first:len(t.Value)-last], first
	}
	base := advancePos(t.Pos, t.Value[:offset])
	es := &ExpandableString{Span: span(t.Pos, tokenEnd(t)), Kind: kind, Raw: body}
	var text strings.Builder
	textStart := 0
	flush := func(end int) {
		if text.Len() > 0 {
			from := advancePos(base, body[:textStart])
			to := advancePos(base, body[:end])
			es.Parts = append(es.Parts, &StringText{Span: span(from, to), Text: text.String()})
			text.Reset()
		}
	}
	for i := 0; i < len(body); {
		r, sz := utf8.DecodeRuneInString(body[i:])
		if text.Len() == 0 {
			textStart = i
		}
		switch {
		case r == '`':
			s, n := escape(body, i+1)
			text.WriteString(s)
			i += 1 + n
		case !here && isDoubleQuote(r) && i+sz < len(body) && isDoubleQuote(runeAt(body, i+sz)):
			text.WriteRune(r)
			_, sz2 := utf8.DecodeRuneInString(body[i+sz:])
			i += sz + sz2
		case r == '$':
			part, n, err := p.stringDollar(body, i, advancePos(base, body[:i]))
			if err != nil {
				return nil, err
			}
			if part == nil {
				text.WriteByte('$')
				i++
				continue
			}
			flush(i)
			es.Parts = append(es.Parts, part)
			i += n
		default:
			text.WriteRune(r)
			i += sz
		}
	}
	flush(len(body))
	return es, nil
}

// stringDollar parses what a '$' at body[i] starts inside a string: a variable, ${name}, or
// $( statements ). It returns nil for a literal '$'.
func (p *parser) stringDollar(body string, i int, pos lexer.Position) (StringPart, int, error) {
	switch next := runeAt(body, i+1); {
	case next == '(':
		end, ok := skipSubExpression(body, i+2)
		if !ok {
			return nil, 0, &Error{Pos: Pos(pos), EndPos: Pos(pos), Msg: msgMissingEndParenSubexpr.text,
				ErrorID: msgMissingEndParenSubexpr.id, Incomplete: true}
		}
		sub, err := p.parseSubExpression(body[i+2:end-1], advancePos(pos, "$("))
		if err != nil {
			return nil, 0, err
		}
		sub.Span = span(pos, advancePos(pos, body[i:end]))
		return sub, end - i, nil
	case next == '{', next == '$', next == '?', next == '^', next >= 0 && isNameRune(next):
		typ, n := scanDollar(body, i)
		if typ == tokBadVar {
			e := &Error{Pos: Pos(pos), EndPos: Pos(advancePos(pos, body[i:i+n])), ErrorID: msgInvalidVarDrive.id, Msg: msgInvalidVarDrive.text}
			if strings.HasPrefix(body[i:], "${") {
				e.Msg, e.ErrorID = msgIncompleteVar.text, msgIncompleteVar.id
			}
			return nil, 0, e
		}
		tok := lexer.Token{Type: tokVar, Value: body[i : i+n], Pos: pos}
		return p.variable(&tok), n, nil
	}
	return nil, 0, nil
}

// parseSubExpression parses the statements of a $( ) inside a string, with positions
// relative to the whole source.
func (p *parser) parseSubExpression(src string, base lexer.Position) (*SubExpression, error) {
	lex, err := lexer.Upgrade(newScanner(src, base), tokSpace, tokComment)
	if err != nil {
		return nil, err
	}
	sub := &parser{lex: lex, depth: p.depth + 1}
	list, err := sub.statements("")
	if err != nil {
		return nil, err
	}
	return &SubExpression{Statements: list}, nil
}
