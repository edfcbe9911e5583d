package parser

import (
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"
)

// Token types. The lexer is lossless: concatenating the values of all tokens gives the
// source back, which is how a script block's verbatim Text is recovered.
const (
	tokEOF           = lexer.EOF
	tokSpace         = lexer.TokenType(-2 - iota) // blanks and backtick line continuations (elided)
	tokComment                                    // # line and <# block #> comments (elided)
	tokNewline                                    // \n or \r\n
	tokWord                                       // a run of generic characters, backtick escapes included
	tokNumber                                     // a numeric literal followed by a non-word character
	tokVar                                        // $name ${name} $scope:name $$ $? $^
	tokSplat                                      // @name
	tokSQ                                         // 'single quoted'
	tokDQ                                         // "double quoted"
	tokSQHere                                     // @' here-string '@
	tokDQHere                                     // @" here-string "@
	tokRedir                                      // > >> 2> 2>> 2>&1 *> ...
	tokPunct                                      // operators and brackets
	tokBadString                                  // unterminated string or here-string (to end of input)
	tokBadHereHeader                              // characters after @" or @' on the header line
	tokBadComment                                 // unterminated <# comment
	tokBadVar                                     // $name: not followed by a name character, or unterminated ${
	tokBadEscape                                  // a backtick at the very end of the input
)

// definition is the participle lexer.Definition for PowerShell source.
type definition struct{}

// Symbols names the token types for participle. It builds the table on each call because
// the grammar is built during package initialisation, before package variables it does
// not visibly depend on are set.
func (definition) Symbols() map[string]lexer.TokenType {
	return map[string]lexer.TokenType{
		"EOF": tokEOF, "Space": tokSpace, "Comment": tokComment, "Newline": tokNewline,
		"Word": tokWord, "Number": tokNumber, "Var": tokVar, "Splat": tokSplat,
		"SQ": tokSQ, "DQ": tokDQ, "SQHere": tokSQHere, "DQHere": tokDQHere,
		"Redir": tokRedir, "Punct": tokPunct, "BadString": tokBadString,
		"BadHereHeader": tokBadHereHeader, "BadComment": tokBadComment, "BadVar": tokBadVar,
		"BadEscape": tokBadEscape,
	}
}

func (definition) Lex(filename string, r io.Reader) (lexer.Lexer, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return newScanner(string(b), lexer.Position{Filename: filename, Line: 1, Column: 1}), nil
}

// LexString avoids copying the source through a reader.
func (definition) LexString(filename, src string) (lexer.Lexer, error) {
	return newScanner(src, lexer.Position{Filename: filename, Line: 1, Column: 1}), nil
}

// scanner produces tokens from src. base is the position of src[0]; it is not the start of
// the file when a string's $( ) body is lexed on its own.
type scanner struct {
	src  string
	i    int
	pos  lexer.Position
	done bool
}

func newScanner(src string, base lexer.Position) *scanner {
	return &scanner{src: src, pos: base}
}

// Next implements lexer.Lexer.
func (s *scanner) Next() (lexer.Token, error) {
	if s.i >= len(s.src) {
		return lexer.Token{Type: tokEOF, Pos: s.pos}, nil
	}
	typ, n := scanToken(s.src, s.i)
	tok := lexer.Token{Type: typ, Value: s.src[s.i : s.i+n], Pos: s.pos}
	s.advance(n)
	return tok, nil
}

// advance moves over n bytes, keeping line and column (in runes) up to date.
func (s *scanner) advance(n int) {
	s.pos = advancePos(s.pos, s.src[s.i:s.i+n])
	s.i += n
}

// Character classes.

func isSingleQuote(r rune) bool {
	return r == '\'' || r == '\u2018' || r == '\u2019' || r == '\u201a' || r == '\u201b'
}

func isDoubleQuote(r rune) bool {
	return r == '"' || r == '\u201c' || r == '\u201d' || r == '\u201e'
}

func isDashRune(r rune) bool { return r == '-' || r == '\u2013' || r == '\u2014' || r == '\u2015' }

func isBlank(r rune) bool {
	return r == ' ' || r == '\t' || r == '\f' || r == '\v' || r == '\u00a0' ||
		(r > 0x7f && r != '\u0085' && unicode.IsSpace(r) && r != '\u2028' && r != '\u2029')
}

// isWordRune reports whether r continues a generic word. '@' and '#' are ordinary inside a
// word but special at its start, so the caller passes inside=true when a word is under way.
func isWordRune(r rune, inside bool) bool {
	if r < 0 {
		return false
	}
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', '`', '$', ',', ';', '(', ')', '{', '}', '[', ']',
		'|', '&', '.', ':', '=', '+', '*', '/', '%', '!', '?', '<', '>', utf8.RuneError:
		return false
	case '@', '#':
		return inside
	}
	if isSingleQuote(r) || isDoubleQuote(r) || isDashRune(r) || isBlank(r) {
		return false
	}
	return true
}

// isNameRune reports whether r may appear in a $variable name.
func isNameRune(r rune) bool {
	return r == '_' || r == '?' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

func runeAt(src string, i int) rune {
	if i >= len(src) || i < 0 {
		return -1
	}
	r, _ := utf8.DecodeRuneInString(src[i:])
	return r
}

func runeBefore(src string, i int) rune {
	if i <= 0 {
		return -1
	}
	r, _ := utf8.DecodeLastRuneInString(src[:i])
	return r
}

// atTokenStart reports whether position i begins a new token, i.e. the previous character
// cannot be part of a word.
func atTokenStart(src string, i int) bool {
	p := runeBefore(src, i)
	return p < 0 || !isWordRune(p, true)
}

// puncts lists the multi-character punctuation first so that the longest match wins.
var puncts = []string{
	"??=", "$(", "@(", "@{", "&&", "||", "..", "::", "+=", "-=", "*=", "/=", "%=", "??", "++", "--",
	"(", ")", "{", "}", "[", "]", ";", ",", "|", "&", ".", ":", "=", "+", "-", "*", "/", "%",
	"!", "?", "<", ">",
}

// scanToken returns the type and byte length of the token starting at src[i].
func scanToken(src string, i int) (lexer.TokenType, int) {
	r, size := utf8.DecodeRuneInString(src[i:])
	start := atTokenStart(src, i)
	switch {
	case r == '\n':
		return tokNewline, 1
	case r == '\r':
		if runeAt(src, i+1) == '\n' {
			return tokNewline, 2
		}
		return tokSpace, 1
	case isBlank(r):
		n := size
		for i+n < len(src) && isBlank(runeAt(src, i+n)) {
			_, sz := utf8.DecodeRuneInString(src[i+n:])
			n += sz
		}
		return tokSpace, n
	case r == '`':
		return scanBacktick(src, i)
	case r == '#':
		// A '#' inside a word was consumed with the word, so here it begins a token: a
		// comment, also right after a variable or a closing bracket.
		n := strings.IndexAny(src[i:], "\r\n")
		if n < 0 {
			n = len(src) - i
		}
		return tokComment, n
	case r == '<' && runeAt(src, i+1) == '#':
		end := strings.Index(src[i+2:], "#>")
		if end < 0 {
			return tokBadComment, len(src) - i
		}
		return tokComment, end + 4
	case isSingleQuote(r):
		return scanQuoted(src, i, false)
	case isDoubleQuote(r):
		return scanQuoted(src, i, true)
	case r == '$':
		return scanDollar(src, i)
	case r == '@' && start:
		return scanAt(src, i)
	}
	if start {
		if n := scanRedirection(src, i); n > 0 {
			return tokRedir, n
		}
		if n := scanNumber(src, i); n > 0 && !isWordRune(runeAt(src, i+n), true) && runeAt(src, i+n) != '`' {
			return tokNumber, n
		}
	}
	if isWordRune(r, true) || r == '@' || r == '#' {
		return tokWord, scanWord(src, i)
	}
	if isDashRune(r) {
		if r == '-' {
			for _, p := range []string{"--", "-="} {
				if strings.HasPrefix(src[i:], p) {
					return tokPunct, 2
				}
			}
		}
		return tokPunct, size
	}
	for _, p := range puncts {
		if strings.HasPrefix(src[i:], p) {
			return tokPunct, len(p)
		}
	}
	// Unreachable for valid UTF-8; an invalid byte becomes a one-byte word.
	return tokWord, size
}

// scanBacktick handles a backtick outside strings: before a newline it continues the line;
// otherwise it escapes the next character and starts a word.
func scanBacktick(src string, i int) (lexer.TokenType, int) {
	n := 0
	switch next := runeAt(src, i+1); {
	case next < 0:
		return tokBadEscape, 1
	case next == '\n':
		n = 2
	case next == '\r' && runeAt(src, i+2) == '\n':
		n = 3
	}
	if n > 0 {
		// A continuation with nothing after it still waits for the continued line.
		if strings.TrimLeft(src[i+n:], " \t") == "" {
			return tokBadEscape, n
		}
		return tokSpace, n
	}
	return tokWord, scanWord(src, i)
}

// scanWord scans generic characters and backtick escapes.
func scanWord(src string, i int) int {
	j := i
	for j < len(src) {
		r, size := utf8.DecodeRuneInString(src[j:])
		if r == '`' {
			next := runeAt(src, j+1)
			if next < 0 || next == '\n' || next == '\r' {
				break
			}
			_, sz := utf8.DecodeRuneInString(src[j+1:])
			j += 1 + sz
			continue
		}
		if !isWordRune(r, true) && !(j == i && (r == '@' || r == '#')) {
			break
		}
		j += size
	}
	if j == i {
		_, size := utf8.DecodeRuneInString(src[i:])
		return size
	}
	return j - i
}

// scanRedirection recognises > >> n> n>> n>&m *> *>> *>&1 at the start of a token.
func scanRedirection(src string, i int) int {
	j := i
	if c := src[j]; (c >= '1' && c <= '6') || c == '*' {
		j++
	}
	if j >= len(src) || src[j] != '>' {
		return 0
	}
	j++
	switch {
	case j < len(src) && src[j] == '>':
		j++
	case j+1 < len(src) && src[j] == '&' && src[j+1] >= '1' && src[j+1] <= '6' && j > i+1:
		j += 2
	}
	return j - i
}

// scanQuoted scans a single- or double-quoted string, including doubled quotes, backtick
// escapes and $( ) bodies of double-quoted strings.
func scanQuoted(src string, i int, double bool) (lexer.TokenType, int) {
	_, size := utf8.DecodeRuneInString(src[i:])
	j := i + size
	isQuote := isSingleQuote
	typ := tokSQ
	if double {
		isQuote, typ = isDoubleQuote, tokDQ
	}
	for j < len(src) {
		r, sz := utf8.DecodeRuneInString(src[j:])
		switch {
		case isQuote(r):
			if isQuote(runeAt(src, j+sz)) {
				_, sz2 := utf8.DecodeRuneInString(src[j+sz:])
				j += sz + sz2
				continue
			}
			return typ, j + sz - i
		case double && r == '`' && j+1 < len(src):
			_, sz2 := utf8.DecodeRuneInString(src[j+1:])
			j += 1 + sz2
			continue
		case double && r == '$' && runeAt(src, j+1) == '(':
			end, ok := skipSubExpression(src, j+2)
			if !ok {
				return tokBadString, len(src) - i
			}
			j = end
			continue
		}
		j += sz
	}
	return tokBadString, len(src) - i
}

// skipSubExpression returns the index just after the ')' closing a $( whose body starts at
// i, lexing the body so that parentheses inside strings and comments do not count.
func skipSubExpression(src string, i int) (int, bool) {
	depth := 0
	for i < len(src) {
		typ, n := scanToken(src, i)
		switch typ {
		case tokBadString, tokBadComment, tokBadEscape:
			return 0, false
		case tokPunct:
			switch src[i : i+n] {
			case "(", "$(", "@(":
				depth++
			case ")":
				if depth == 0 {
					return i + 1, true
				}
				depth--
			}
		}
		i += n
	}
	return 0, false
}

// scanDollar scans a variable, $( or a lone $.
func scanDollar(src string, i int) (lexer.TokenType, int) {
	next := runeAt(src, i+1)
	switch {
	case next == '(':
		return tokPunct, 2
	case next == '{':
		j := i + 2
		for j < len(src) {
			switch src[j] {
			case '`':
				j += 2
				continue
			case '}':
				return tokVar, j + 1 - i
			}
			j++
		}
		return tokBadVar, len(src) - i
	case next == '$' || next == '?' || next == '^':
		return tokVar, 2
	case next >= 0 && isNameRune(next):
		j := scanName(src, i+1)
		if j < len(src) && src[j] == ':' && runeAt(src, j+1) != ':' {
			if r := runeAt(src, j+1); r >= 0 && isNameRune(r) {
				return tokVar, scanName(src, j+1) - i
			}
			return tokBadVar, j + 1 - i
		}
		return tokVar, j - i
	}
	return tokWord, 1
}

func scanName(src string, j int) int {
	for j < len(src) {
		r, sz := utf8.DecodeRuneInString(src[j:])
		if !isNameRune(r) {
			break
		}
		j += sz
	}
	return j
}

// scanAt scans what an '@' at the start of a token begins: @( @{ @name or a here-string.
func scanAt(src string, i int) (lexer.TokenType, int) {
	next := runeAt(src, i+1)
	switch {
	case next == '(' || next == '{':
		return tokPunct, 2
	case next == '\'' || next == '"':
		return scanHereString(src, i, next == '"')
	case next >= 0 && isNameRune(next):
		return tokSplat, scanName(src, i+1) - i
	}
	return tokWord, scanWord(src, i)
}

// scanHereString scans @' ... '@ or @" ... "@; the header must end its line and the
// terminator must start one.
func scanHereString(src string, i int, double bool) (lexer.TokenType, int) {
	j := i + 2
	for j < len(src) && isBlank(runeAt(src, j)) {
		j++
	}
	switch {
	case j >= len(src):
		return tokBadString, len(src) - i
	case src[j] == '\r' && j+1 < len(src) && src[j+1] == '\n':
		j += 2
	case src[j] == '\n':
		j++
	default:
		return tokBadHereHeader, j - i
	}
	quote := "'@"
	typ := tokSQHere
	if double {
		quote, typ = "\"@", tokDQHere
	}
	// The body may be empty, so the terminator can follow the header line directly.
	if strings.HasPrefix(src[j:], quote) {
		return typ, j + 2 - i
	}
	for k := j; k < len(src); k++ {
		if src[k] == '\n' && strings.HasPrefix(src[k+1:], quote) {
			return typ, k + 3 - i
		}
	}
	return tokBadString, len(src) - i
}
