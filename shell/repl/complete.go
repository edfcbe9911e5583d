package repl

import (
	"context"
	"sort"
	"strings"

	"github.com/exosh/exosh/shell/value"
)

// Completion is the answer to one Tab: the span of the line the candidates replace and
// the candidates themselves, already quoted where they need it.
type Completion struct {
	Start, End int // byte offsets of the word under the cursor
	Candidates []string
}

// CompletionSource is what the completer asks about the session. shellSource adapts a
// *shell.Services to it; tests give their own.
type CompletionSource interface {
	// CommandNames lists cmdlet, alias and function names.
	CommandNames() []string
	// Parameters lists the parameters of a command (resolving aliases), common ones
	// included; ok is false when the command is unknown.
	Parameters(command string) (params []ParamInfo, ok bool)
	// VariableNames lists the session's variable names, without `$`.
	VariableNames() []string
	// MemberNames lists the property and method names of a variable's value (methods
	// end with "("); ok is false when the variable is not set.
	MemberNames(variable string) (names []string, ok bool)
	// Identities lists up to limit recipient names starting with prefix.
	Identities(ctx context.Context, prefix string, limit int) []string
	// WorkDir is the current location, against which relative paths complete.
	WorkDir() string
}

// ParamInfo is what completion needs to know of one parameter.
type ParamInfo struct {
	Name     string
	Position int // 1-based; 0 when named only
	Switch   bool
	// Values are the values the parameter accepts, when it accepts a fixed set.
	Values []string
}

// identityLimit bounds the identities one Tab lists: enough to pick from, few enough to
// answer at once on a large tenant.
const identityLimit = 50

// Completer computes tab completions of a line.
type Completer struct {
	Source CompletionSource
}

// token is one word of the line before the cursor.
type token struct {
	text  string
	start int
	// cmdPos marks a word in command position (first of a pipeline element).
	cmdPos bool
}

// Complete returns the completions for the word that ends at pos in line.
func (c *Completer) Complete(ctx context.Context, line string, pos int) Completion {
	if pos > len(line) {
		pos = len(line)
	}
	toks, cur := scan(line[:pos])
	end := pos
	// A word continues past the cursor up to the next blank: Tab replaces all of it.
	for end < len(line) && !isSeparator(line[end]) {
		end++
	}
	res := Completion{Start: cur.start, End: end}
	word := cur.text
	switch {
	case strings.HasPrefix(word, "$") && strings.Contains(word, "."):
		// `$var.Prop`: the members of the variable's value, the text before the last dot
		// kept as it is.
		dot := strings.LastIndexByte(word, '.')
		res.Start = cur.start + dot + 1
		res.Candidates = c.members(word[1:dot], word[dot+1:])
	case strings.HasPrefix(word, "$"):
		res.Candidates = c.variables(word[1:])
	case cur.cmdPos && (strings.HasPrefix(word, ".") || strings.ContainsAny(word, `/\`)):
		// A script path in command position: `./Get-Report.ps1`.
		res.Candidates = c.paths(word)
	case cur.cmdPos:
		res.Candidates = c.commands(word)
	case strings.HasPrefix(word, "-") && !strings.Contains(word, ":"):
		res.Candidates = c.parameters(commandOf(toks), word[1:])
	default:
		res.Candidates = c.argument(ctx, toks, word)
	}
	return res
}

// scan splits the text before the cursor into words, honouring quotes, and returns the
// complete words and the (possibly empty) word under the cursor.
func scan(s string) (toks []token, cur token) {
	cmdPos := true
	var quote byte
	start := -1
	flush := func(i int) {
		if start >= 0 {
			toks = append(toks, token{text: s[start:i], start: start, cmdPos: cmdPos})
			cmdPos = false
			start = -1
		}
	}
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if quote != 0 {
			if ch == quote {
				quote = 0
			}
			continue
		}
		switch {
		case ch == '\'' || ch == '"':
			if start < 0 {
				start = i
			}
			quote = ch
		case ch == ' ' || ch == '\t':
			flush(i)
		case ch == '|' || ch == ';' || ch == '{' || ch == '(' || ch == '}' || ch == ')':
			flush(i)
			toks = append(toks, token{text: string(ch), start: i})
			cmdPos = ch != '}' && ch != ')'
		default:
			if start < 0 {
				start = i
			}
		}
	}
	if start >= 0 {
		return toks, token{text: s[start:], start: start, cmdPos: cmdPos}
	}
	return toks, token{start: len(s), cmdPos: cmdPos}
}

func isSeparator(ch byte) bool {
	return strings.IndexByte(" \t|;{}()", ch) >= 0
}

// commandOf returns the command of the pipeline element the cursor is in.
func commandOf(toks []token) string {
	for i := len(toks) - 1; i >= 0; i-- {
		if toks[i].cmdPos {
			return toks[i].text
		}
		if len(toks[i].text) == 1 && isSeparator(toks[i].text[0]) {
			return ""
		}
	}
	return ""
}

// argsOf returns the words after the command of the pipeline element the cursor is in.
func argsOf(toks []token) []token {
	for i := len(toks) - 1; i >= 0; i-- {
		if toks[i].cmdPos {
			return toks[i+1:]
		}
		if len(toks[i].text) == 1 && isSeparator(toks[i].text[0]) {
			return nil
		}
	}
	return nil
}

// commands completes a command name: the word is a prefix, and may hold wildcards.
func (c *Completer) commands(word string) []string {
	pattern := word
	if !strings.HasSuffix(word, "*") {
		pattern += "*"
	}
	var out []string
	for _, n := range c.Source.CommandNames() {
		if value.MatchWildcard(pattern, n, false) {
			out = append(out, n)
		}
	}
	return sortUnique(out)
}

// parameters completes `-Name` for the command under the cursor.
func (c *Completer) parameters(command, prefix string) []string {
	params, ok := c.Source.Parameters(command)
	if !ok {
		return nil
	}
	var out []string
	for _, p := range params {
		if hasPrefixFold(p.Name, prefix) {
			out = append(out, "-"+p.Name)
		}
	}
	return out
}

// variables completes `$name`.
func (c *Completer) variables(prefix string) []string {
	var out []string
	for _, n := range c.Source.VariableNames() {
		if hasPrefixFold(n, prefix) {
			out = append(out, "$"+quoteVariable(n))
		}
	}
	return sortUnique(out)
}

// members completes a member name of a variable's value. Only a plain `$name.` is
// known without running anything; deeper paths are left alone.
func (c *Completer) members(variable, prefix string) []string {
	if strings.ContainsAny(variable, ".[(") {
		return nil
	}
	names, ok := c.Source.MemberNames(strings.Trim(variable, "{}"))
	if !ok {
		return nil
	}
	var out []string
	for _, n := range names {
		if hasPrefixFold(n, prefix) {
			out = append(out, n)
		}
	}
	return out
}

// argument completes a parameter's value: the parameter is the named one just before
// the word, or the positional one the word stands at.
func (c *Completer) argument(ctx context.Context, toks []token, word string) []string {
	command := commandOf(toks)
	params, ok := c.Source.Parameters(command)
	if !ok {
		return c.paths(word)
	}
	p, found := paramAt(params, argsOf(toks))
	if !found {
		return c.paths(word)
	}
	prefix := unquote(word)
	switch {
	case len(p.Values) > 0:
		var out []string
		for _, v := range p.Values {
			if hasPrefixFold(v, prefix) {
				out = append(out, quoteArg(v))
			}
		}
		return out
	case pathParams[strings.ToLower(p.Name)]:
		return c.paths(word)
	case identityParams[strings.ToLower(p.Name)]:
		var out []string
		for _, n := range c.Source.Identities(ctx, prefix, identityLimit) {
			out = append(out, quoteArg(n))
		}
		return out
	}
	return c.paths(word)
}

// paramAt decides which parameter the word under the cursor is the value of: the named
// parameter just before it when that takes a value, else the next free position.
func paramAt(params []ParamInfo, args []token) (ParamInfo, bool) {
	byName := func(name string) (ParamInfo, bool) {
		var hit []ParamInfo
		for _, p := range params {
			if strings.EqualFold(p.Name, name) {
				return p, true
			}
			if hasPrefixFold(p.Name, name) {
				hit = append(hit, p)
			}
		}
		if len(hit) == 1 {
			return hit[0], true
		}
		return ParamInfo{}, false
	}
	if n := len(args); n > 0 && strings.HasPrefix(args[n-1].text, "-") && !strings.Contains(args[n-1].text, ":") {
		if p, ok := byName(args[n-1].text[1:]); ok && !p.Switch {
			return p, true
		}
	}
	// Count the positional words already given.
	pos := 0
	for i := 0; i < len(args); i++ {
		t := args[i].text
		if strings.HasPrefix(t, "-") && len(t) > 1 {
			if p, ok := byName(strings.SplitN(t[1:], ":", 2)[0]); ok && !p.Switch && !strings.Contains(t, ":") {
				i++ // its value
			}
			continue
		}
		pos++
	}
	for _, p := range params {
		if p.Position == pos+1 {
			return p, true
		}
	}
	return ParamInfo{}, false
}

// identityParams are the parameters whose value is a mailbox or recipient identity.
var identityParams = map[string]bool{
	"identity": true, "user": true, "trustee": true, "senderaddress": true,
	"recipientaddress": true, "mailbox": true, "grantsendonbehalfto": true,
}

// sortUnique sorts names case-insensitively and drops repeats.
func sortUnique(names []string) []string {
	sort.SliceStable(names, func(i, j int) bool { return strings.ToLower(names[i]) < strings.ToLower(names[j]) })
	out := names[:0]
	for i, n := range names {
		if i > 0 && strings.EqualFold(n, names[i-1]) {
			continue
		}
		out = append(out, n)
	}
	return out
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// unquote strips the quotes of a word being typed, closed or not.
func unquote(w string) string {
	if w == "" || (w[0] != '\'' && w[0] != '"') {
		return w
	}
	q := w[0]
	w = w[1:]
	if strings.HasSuffix(w, string(q)) {
		w = w[:len(w)-1]
	}
	if q == '\'' {
		w = strings.ReplaceAll(w, "''", "'")
	}
	return w
}

// quoteArg quotes a value that would not stay one word, as pwsh's completion does.
func quoteArg(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t'\"$`;|&(){}@#,<>") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// quoteVariable writes a variable name that is not a plain identifier in braces.
func quoteVariable(n string) string {
	for _, r := range n {
		if !(r == '_' || r == '?' || r == ':' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127) {
			return "{" + n + "}"
		}
	}
	return n
}
