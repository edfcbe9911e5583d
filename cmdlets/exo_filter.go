package cmdlets

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/store"
)

// OPATH filters (-Filter on Get-Mailbox, Get-Recipient, Get-User). Exchange reads the
// filter as text (a script block is passed as its source, variables unexpanded), so exosh
// parses it with its own small grammar rather than the PowerShell parser:
//
//	filter     = or
//	or         = and { "-or" and }
//	and        = unary { "-and" unary }
//	unary      = "-not" unary | "(" or ")" | comparison
//	comparison = property operator operand
//	operand    = 'text' | "text" | $true | $false | $null | bare word
//
// A filter compiles to a predicate over store records plus the equality terms on indexed
// properties that the store can answer from an index.

// opathToken is one token of a filter.
type opathToken struct {
	kind string // "(", ")", "op", "str", "var", "word", "eof"
	text string // operator name lower-cased, string value, variable name or word
	pos  int    // 0-based byte offset in the filter
}

// lexOpath splits a filter into tokens.
func lexOpath(src string) ([]opathToken, error) {
	var toks []opathToken
	i := 0
	for i < len(src) {
		c := rune(src[i])
		switch {
		case unicode.IsSpace(c):
			i++
		case c == '(' || c == ')':
			toks = append(toks, opathToken{kind: string(c), pos: i})
			i++
		case c == '\'' || c == '"' || c == '\u2018' || c == '\u2019':
			q := src[i]
			start := i
			i++
			var b strings.Builder
			closed := false
			for i < len(src) {
				if src[i] == q {
					if i+1 < len(src) && src[i+1] == q { // doubled quote
						b.WriteByte(q)
						i += 2
						continue
					}
					i++
					closed = true
					break
				}
				b.WriteByte(src[i])
				i++
			}
			if !closed {
				return nil, &opathSyntaxError{pos: start}
			}
			toks = append(toks, opathToken{kind: "str", text: b.String(), pos: start})
		case c == '-':
			start := i
			i++
			for i < len(src) && (unicode.IsLetter(rune(src[i]))) {
				i++
			}
			name := strings.ToLower(src[start+1 : i])
			if name == "" {
				return nil, &opathSyntaxError{pos: start}
			}
			toks = append(toks, opathToken{kind: "op", text: name, pos: start})
		case c == '$':
			start := i
			i++
			for i < len(src) && (unicode.IsLetter(rune(src[i])) || unicode.IsDigit(rune(src[i])) || src[i] == '_') {
				i++
			}
			toks = append(toks, opathToken{kind: "var", text: strings.ToLower(src[start+1 : i]), pos: start})
		default:
			start := i
			for i < len(src) && !unicode.IsSpace(rune(src[i])) && src[i] != '(' && src[i] != ')' && src[i] != '\'' && src[i] != '"' {
				i++
			}
			toks = append(toks, opathToken{kind: "word", text: src[start:i], pos: start})
		}
	}
	return append(toks, opathToken{kind: "eof", pos: len(src)}), nil
}

// opathSyntaxError is an invalid filter at a position.
type opathSyntaxError struct{ pos int }

func (e *opathSyntaxError) Error() string {
	return fmt.Sprintf("invalid filter syntax at position %d", e.pos)
}

// opathUnknownError is a property the cmdlet cannot filter on.
type opathUnknownError struct{ name string }

func (e *opathUnknownError) Error() string {
	return fmt.Sprintf("%q is not a recognized filterable property", e.name)
}

// opathNode is a parsed filter.
type opathNode struct {
	op       string // "and", "or", "not", or a comparison operator ("eq", "like" ...)
	kids     []*opathNode
	prop     *filterProp
	operand  string
	isNull   bool
	isBool   bool
	boolVal  bool
	position int
}

// opathParser is a recursive-descent parser over the tokens.
type opathParser struct {
	toks  []opathToken
	i     int
	props map[string]*filterProp
}

func (p *opathParser) peek() opathToken { return p.toks[p.i] }
func (p *opathParser) next() opathToken { t := p.toks[p.i]; p.i++; return t }

func (p *opathParser) parseOr() (*opathNode, error) {
	left, err := p.parseAnd()
	if err != nil {
		return nil, err
	}
	for p.peek().kind == "op" && p.peek().text == "or" {
		p.next()
		right, err := p.parseAnd()
		if err != nil {
			return nil, err
		}
		left = &opathNode{op: "or", kids: []*opathNode{left, right}}
	}
	return left, nil
}

func (p *opathParser) parseAnd() (*opathNode, error) {
	left, err := p.parseUnary()
	if err != nil {
		return nil, err
	}
	for p.peek().kind == "op" && p.peek().text == "and" {
		p.next()
		right, err := p.parseUnary()
		if err != nil {
			return nil, err
		}
		left = &opathNode{op: "and", kids: []*opathNode{left, right}}
	}
	return left, nil
}

// comparisonOps are the operators Exchange accepts in filters.
var comparisonOps = map[string]bool{"eq": true, "ne": true, "lt": true, "gt": true, "le": true, "ge": true,
	"like": true, "notlike": true}

func (p *opathParser) parseUnary() (*opathNode, error) {
	t := p.peek()
	switch {
	case t.kind == "op" && t.text == "not":
		p.next()
		x, err := p.parseUnary()
		if err != nil {
			return nil, err
		}
		return &opathNode{op: "not", kids: []*opathNode{x}}, nil
	case t.kind == "(":
		p.next()
		x, err := p.parseOr()
		if err != nil {
			return nil, err
		}
		if p.peek().kind != ")" {
			return nil, &opathSyntaxError{pos: p.peek().pos}
		}
		p.next()
		return x, nil
	case t.kind == "word":
		p.next()
		prop, ok := p.props[strings.ToLower(t.text)]
		if !ok {
			return nil, &opathUnknownError{name: t.text}
		}
		op := p.next()
		if op.kind != "op" || !comparisonOps[op.text] {
			return nil, &opathSyntaxError{pos: op.pos}
		}
		n := &opathNode{op: op.text, prop: prop, position: t.pos}
		v := p.next()
		switch v.kind {
		case "str", "word":
			n.operand = v.text
		case "var":
			switch v.text {
			case "true", "false":
				n.isBool, n.boolVal = true, v.text == "true"
				n.operand = map[bool]string{true: "True", false: "False"}[n.boolVal]
			case "null":
				n.isNull = true
			default:
				return nil, &opathSyntaxError{pos: v.pos}
			}
		default:
			return nil, &opathSyntaxError{pos: v.pos}
		}
		return n, nil
	}
	return nil, &opathSyntaxError{pos: t.pos}
}

// compiledFilter is a filter ready to run.
type compiledFilter struct {
	root   *opathNode
	equals []store.Equal // indexed equality terms implied by the filter
}

// compileFilter parses text against the cmdlet's filterable properties. Errors carry
// Exchange's texts, as a parameter-binding failure of -Filter.
func compileFilter(text string, props map[string]*filterProp) (*compiledFilter, error) {
	toks, err := lexOpath(text)
	if err == nil {
		p := &opathParser{toks: toks, props: props}
		var root *opathNode
		root, err = p.parseOr()
		if err == nil && p.peek().kind != "eof" {
			err = &opathSyntaxError{pos: p.peek().pos}
		}
		if err == nil {
			f := &compiledFilter{root: root}
			f.collectEquals(root)
			return f, nil
		}
	}
	return nil, filterError(text, err, props)
}

// filterError words a filter failure the way Exchange does.
func filterError(text string, err error, props map[string]*filterProp) error {
	var msg string
	switch e := err.(type) {
	case *opathUnknownError:
		names := make([]string, 0, len(props))
		seen := map[string]bool{}
		for _, p := range props {
			if !seen[p.name] {
				seen[p.name] = true
				names = append(names, p.name)
			}
		}
		sort.Strings(names)
		msg = fmt.Sprintf("\"\"%s\" is not a recognized filterable property. Valid property names are: %s.\"", e.name, strings.Join(names, ", "))
	case *opathSyntaxError:
		msg = fmt.Sprintf("\"Invalid filter syntax. For a description of the filter parameter syntax see the command help.\n\"%s\" at position %d.\"", text, e.pos+1)
	default:
		msg = "\"" + err.Error() + "\""
	}
	return &shell.ErrorRecord{
		Message:   "Cannot bind parameter 'Filter' to the target. Exception setting \"Filter\": " + msg,
		Category:  "InvalidArgument",
		ErrorID:   "ParameterBindingFailed",
		Exception: "System.Management.Automation.ParameterBindingException",
	}
}

// collectEquals gathers the -eq terms on indexed properties that every match must satisfy
// (those reachable through -and only).
func (f *compiledFilter) collectEquals(n *opathNode) {
	switch n.op {
	case "and":
		for _, k := range n.kids {
			f.collectEquals(k)
		}
	case "eq":
		if n.prop.index == "" {
			return
		}
		v := n.operand
		if n.isNull {
			v = ""
		}
		if n.prop.kind == propBool {
			b, ok := parseBoolText(v)
			if !ok {
				return
			}
			v = strconv.FormatBool(b)
		}
		if !store.HasWildcard(v) {
			f.equals = append(f.equals, store.Equal{Property: n.prop.index, Value: v})
		}
	}
}

// match evaluates the filter on r.
func (f *compiledFilter) match(r *store.Recipient) bool { return evalOpath(f.root, r) }

func evalOpath(n *opathNode, r *store.Recipient) bool {
	switch n.op {
	case "and":
		return evalOpath(n.kids[0], r) && evalOpath(n.kids[1], r)
	case "or":
		return evalOpath(n.kids[0], r) || evalOpath(n.kids[1], r)
	case "not":
		return !evalOpath(n.kids[0], r)
	}
	vals := n.prop.get(r)
	negated := n.op == "ne" || n.op == "notlike"
	if n.isNull {
		blank := true
		for _, v := range vals {
			if v != "" {
				blank = false
			}
		}
		if negated {
			return !blank
		}
		return n.op == "eq" && blank
	}
	// Multi-valued properties match when any value matches; a negated operator holds
	// when no value matches the positive form.
	op := n.op
	if negated {
		op = map[string]string{"ne": "eq", "notlike": "like"}[op]
	}
	any := false
	for _, v := range vals {
		if compareOpath(n, op, v) {
			any = true
			break
		}
	}
	if negated {
		return !any
	}
	return any
}

// compareOpath applies one positive operator to one property value.
func compareOpath(n *opathNode, op, v string) bool {
	want := n.operand
	switch n.prop.kind {
	case propBool:
		b, ok := parseBoolText(want)
		if !ok {
			return false
		}
		got, _ := parseBoolText(v)
		switch op {
		case "eq", "like":
			return got == b
		}
		return false
	case propDate:
		got, err1 := time.Parse(time.RFC3339Nano, v)
		w, err2 := parseFilterDate(want)
		if err1 != nil || err2 != nil {
			return false
		}
		switch op {
		case "eq":
			return got.Equal(w)
		case "lt":
			return got.Before(w)
		case "gt":
			return got.After(w)
		case "le":
			return !got.After(w)
		case "ge":
			return !got.Before(w)
		}
		return false
	case propProxy:
		// Without wildcards a proxy address matches with or without its prefix; a
		// wildcard pattern is matched against the prefixed form.
		if op == "like" && store.HasWildcard(want) {
			return store.MatchWildcard(want, v)
		}
		_, addr, _ := strings.Cut(v, ":")
		if _, wa, ok := strings.Cut(want, ":"); ok {
			return strings.EqualFold(v, want) || strings.EqualFold(addr, wa)
		}
		return strings.EqualFold(addr, want) || strings.EqualFold(v, want)
	}
	switch op {
	case "eq":
		return strings.EqualFold(v, want)
	case "like":
		return store.MatchWildcard(want, v)
	case "lt", "gt", "le", "ge":
		c := strings.Compare(strings.ToLower(v), strings.ToLower(want))
		if a, err1 := strconv.ParseInt(v, 10, 64); err1 == nil {
			if b, err2 := strconv.ParseInt(want, 10, 64); err2 == nil {
				c = int(a - b)
			}
		}
		switch op {
		case "lt":
			return c < 0
		case "gt":
			return c > 0
		case "le":
			return c <= 0
		}
		return c >= 0
	}
	return false
}

// parseBoolText reads True/False (and 1/0) as a filter value.
func parseBoolText(s string) (bool, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "1", "$true":
		return true, true
	case "false", "0", "$false":
		return false, true
	}
	return false, false
}

// parseFilterDate reads a date in a filter ('8/1/2017 2:00:00 PM', ISO forms).
func parseFilterDate(s string) (time.Time, error) {
	for _, layout := range []string{"1/2/2006 3:04:05 PM", "1/2/2006 15:04:05", "1/2/2006 3:04 PM", "1/2/2006",
		"2006-01-02T15:04:05Z07:00", "2006-01-02 15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("not a date: %q", s)
}
