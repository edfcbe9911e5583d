package value

import (
	"errors"
	"regexp"
	"regexp/syntax"
	"strconv"
	"strings"
	"sync"
)

// regexCache keeps compiled patterns: scripts apply the same few patterns in loops.
var regexCache = struct {
	sync.Mutex
	m map[string]*regexp.Regexp
}{m: map[string]*regexp.Regexp{}}

// CompileRegex compiles a .NET regular expression for Go's engine, case-insensitive unless
// caseSensitive. Constructs the engine lacks (lookaround, backreferences) fail loudly.
func CompileRegex(pattern string, caseSensitive bool) (*regexp.Regexp, error) {
	key := pattern
	if !caseSensitive {
		key = "i:" + pattern
	} else {
		key = "c:" + pattern
	}
	regexCache.Lock()
	re, ok := regexCache.m[key]
	regexCache.Unlock()
	if ok {
		return re, nil
	}
	src := translateRegex(pattern)
	if !caseSensitive {
		src = "(?i)" + src
	}
	re, err := regexp.Compile(src)
	if err != nil {
		return nil, regexError(pattern, err)
	}
	regexCache.Lock()
	if len(regexCache.m) > 512 {
		regexCache.m = map[string]*regexp.Regexp{}
	}
	regexCache.m[key] = re
	regexCache.Unlock()
	return re, nil
}

// translateRegex rewrites the .NET-only spellings Go's syntax spells differently.
func translateRegex(p string) string {
	if !strings.Contains(p, "(?'") && !strings.Contains(p, `\Z`) {
		return p
	}
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		switch {
		case p[i] == '\\' && i+1 < len(p):
			if p[i+1] == 'Z' {
				b.WriteString(`(?:\n?\z)`)
			} else {
				b.WriteString(p[i : i+2])
			}
			i++
		case strings.HasPrefix(p[i:], "(?'"):
			j := strings.IndexByte(p[i+3:], '\'')
			if j < 0 {
				b.WriteByte(p[i])
				continue
			}
			b.WriteString("(?P<" + p[i+3:i+3+j] + ">")
			i += 3 + j
		default:
			b.WriteByte(p[i])
		}
	}
	return b.String()
}

func regexError(pattern string, err error) error {
	reason := err.Error()
	var se *syntax.Error
	if errors.As(err, &se) {
		switch se.Code {
		case syntax.ErrMissingParen:
			reason = "Not enough )'s."
		case syntax.ErrUnexpectedParen:
			reason = "Too many )'s."
		case syntax.ErrMissingBracket:
			reason = "Unterminated [] set."
		case syntax.ErrMissingRepeatArgument:
			reason = "Quantifier '" + se.Expr + "' following nothing."
		case syntax.ErrInvalidPerlOp, syntax.ErrInvalidEscape:
			reason = "Unsupported construct " + strconv.Quote(se.Expr) + " (lookaround and backreferences are not available)."
		default:
			reason = strings.ToUpper(string(se.Code)[:1]) + string(se.Code)[1:] + ": " + se.Expr + "."
		}
	}
	return newError(excArgument, "InvalidArgument", "RegexParseException",
		"Invalid pattern '%s' at offset %d. %s", pattern, len(pattern), reason)
}

// Match is -match / -notmatch. On a scalar left operand it returns a Boolean and, when the
// match succeeded (or -notmatch failed), the $Matches hashtable: key 0 is the whole match,
// numbered groups have Int32 keys and named groups their names. On a collection it returns
// the matching elements and no hashtable.
func Match(x, pattern Value, caseSensitive, negate bool) (Value, *Hashtable, error) {
	re, err := CompileRegex(ToString(pattern), caseSensitive)
	if err != nil {
		return nil, nil, err
	}
	if it, ok := Enumerate(x); ok {
		out := make([]Value, 0)
		for _, e := range it {
			if re.MatchString(ToString(e)) != negate {
				out = append(out, e)
			}
		}
		return out, nil, nil
	}
	s := ToString(x)
	loc := re.FindStringSubmatchIndex(s)
	if loc == nil {
		return negate, nil, nil
	}
	return !negate, matchesTable(re, s, loc), nil
}

func matchesTable(re *regexp.Regexp, s string, loc []int) *Hashtable {
	h := NewHashtable()
	names := re.SubexpNames()
	for i := 1; i < len(names); i++ {
		if names[i] != "" && loc[2*i] >= 0 {
			h.Set(names[i], s[loc[2*i]:loc[2*i+1]])
		}
	}
	order := groupOrder(re)
	for k := len(order) - 1; k >= 0; k-- {
		i := order[k]
		if (k == 0 || names[i] == "") && loc[2*i] >= 0 {
			h.Set(int32(k), s[loc[2*i]:loc[2*i+1]])
		}
	}
	return h
}

// groupOrder maps .NET group numbers to Go's: .NET numbers the unnamed groups first, left
// to right, and the named groups after them, while Go numbers all groups by position.
func groupOrder(re *regexp.Regexp) []int {
	names := re.SubexpNames()
	order := make([]int, 1, len(names))
	for i := 1; i < len(names); i++ {
		if names[i] == "" {
			order = append(order, i)
		}
	}
	for i := 1; i < len(names); i++ {
		if names[i] != "" {
			order = append(order, i)
		}
	}
	return order
}

// MatchObject builds the System.Text.RegularExpressions.Match object a -replace script
// block receives as $_: Value, Index, Length, Success and Groups.
func MatchObject(re *regexp.Regexp, s string, loc []int) *Object {
	names := re.SubexpNames()
	groups := make([]Value, 0, len(names))
	for k, i := range groupOrder(re) {
		name := names[i]
		if name == "" {
			name = strconv.Itoa(k)
		}
		g := NewObject("System.Text.RegularExpressions.Group")
		g.Set("Name", name)
		ok := loc[2*i] >= 0
		g.Set("Success", ok)
		if ok {
			g.Set("Index", int32(len([]rune(s[:loc[2*i]]))))
			g.Set("Length", int32(len([]rune(s[loc[2*i]:loc[2*i+1]]))))
			g.Set("Value", s[loc[2*i]:loc[2*i+1]])
		} else {
			g.Set("Index", int32(0))
			g.Set("Length", int32(0))
			g.Set("Value", "")
		}
		g.SetString(ToString(g.props[len(g.props)-1].Value))
		groups = append(groups, g)
	}
	m := NewObject("System.Text.RegularExpressions.Match")
	m.Set("Groups", groups)
	m.Set("Success", true)
	m.Set("Name", "0")
	m.Set("Index", int32(len([]rune(s[:loc[0]]))))
	m.Set("Length", int32(len([]rune(s[loc[0]:loc[1]]))))
	m.Set("Value", s[loc[0]:loc[1]])
	m.SetString(s[loc[0]:loc[1]])
	return m
}

// replaceOp is -replace: y is the pattern, or an array of pattern and replacement.
func replaceOp(x, y Value, caseSensitive bool) (Value, error) {
	pattern, repl := Value(nil), Value("")
	if args, ok := Enumerate(y); ok {
		switch len(args) {
		case 1:
			pattern = args[0]
		case 2:
			pattern, repl = args[0], args[1]
		default:
			return nil, newError(excRuntime, "InvalidOperation", "BadReplaceArgument",
				"The -replace operator allows only two elements to follow it, not %d.", len(args))
		}
	} else {
		pattern = y
	}
	if _, ok := repl.(*ScriptBlock); ok {
		return nil, newError(excRuntime, "InvalidOperation", "ReplaceScriptBlock",
			"A script block replacement must be evaluated by the runtime (ReplaceWith).")
	}
	replacement := ToString(repl)
	return ReplaceWith(x, ToString(pattern), caseSensitive, func(re *regexp.Regexp, s string, loc []int) (string, error) {
		return expandReplacement(re, replacement, s, loc), nil
	})
}

// ReplaceWith applies -replace with a replacement computed per match (the runtime uses it
// for script-block replacements, building $_ with MatchObject). A collection on the left is
// processed element by element.
func ReplaceWith(x Value, pattern string, caseSensitive bool, fn func(re *regexp.Regexp, s string, loc []int) (string, error)) (Value, error) {
	re, err := CompileRegex(pattern, caseSensitive)
	if err != nil {
		return nil, err
	}
	one := func(s string) (string, error) {
		var b strings.Builder
		last := 0
		for _, loc := range re.FindAllStringSubmatchIndex(s, -1) {
			b.WriteString(s[last:loc[0]])
			r, err := fn(re, s, loc)
			if err != nil {
				return "", err
			}
			b.WriteString(r)
			last = loc[1]
		}
		b.WriteString(s[last:])
		return b.String(), nil
	}
	if it, ok := Enumerate(x); ok {
		out := make([]Value, len(it))
		for i, e := range it {
			r, err := one(ToString(e))
			if err != nil {
				return nil, err
			}
			out[i] = r
		}
		return out, nil
	}
	return one(ToString(x))
}

// RegexReplace replaces every match of pattern in input with a .NET replacement string
// ([regex]::Replace, case-sensitive like .NET's default).
func RegexReplace(input, pattern, replacement string, caseSensitive bool) (string, error) {
	r, err := ReplaceWith(input, pattern, caseSensitive, func(re *regexp.Regexp, s string, loc []int) (string, error) {
		return expandReplacement(re, replacement, s, loc), nil
	})
	if err != nil {
		return "", err
	}
	return r.(string), nil
}

// expandReplacement applies .NET substitutions: $1, ${name}, $$, $&, $`, $', $+, $_.
func expandReplacement(re *regexp.Regexp, repl, s string, loc []int) string {
	if !strings.Contains(repl, "$") {
		return repl
	}
	order := groupOrder(re)
	byGo := func(i int) string {
		if i < 0 || 2*i+1 >= len(loc) || loc[2*i] < 0 {
			return ""
		}
		return s[loc[2*i]:loc[2*i+1]]
	}
	group := func(k int) string {
		if k < 0 || k >= len(order) {
			return ""
		}
		return byGo(order[k])
	}
	var b strings.Builder
	for i := 0; i < len(repl); i++ {
		c := repl[i]
		if c != '$' || i+1 >= len(repl) {
			b.WriteByte(c)
			continue
		}
		n := repl[i+1]
		switch {
		case n == '$':
			b.WriteByte('$')
			i++
		case n == '&':
			b.WriteString(group(0))
			i++
		case n == '`':
			b.WriteString(s[:loc[0]])
			i++
		case n == '\'':
			b.WriteString(s[loc[1]:])
			i++
		case n == '_':
			b.WriteString(s)
			i++
		case n == '+':
			b.WriteString(group(len(loc)/2 - 1))
			i++
		case n == '{':
			j := strings.IndexByte(repl[i+2:], '}')
			if j < 0 {
				b.WriteByte(c)
				continue
			}
			name := repl[i+2 : i+2+j]
			if k, err := strconv.Atoi(name); err == nil && k <= re.NumSubexp() {
				b.WriteString(group(k))
			} else if idx := re.SubexpIndex(name); idx >= 0 {
				b.WriteString(byGo(idx))
			} else {
				b.WriteString(repl[i : i+3+j])
			}
			i += 2 + j
		case isDigit(n):
			// The longest run of digits naming an existing group.
			j := i + 1
			for j < len(repl) && isDigit(repl[j]) {
				j++
			}
			for j > i+1 {
				k, _ := strconv.Atoi(repl[i+1 : j])
				if k <= re.NumSubexp() {
					break
				}
				j--
			}
			k, _ := strconv.Atoi(repl[i+1 : j])
			if j == i+1 || k > re.NumSubexp() {
				b.WriteByte(c)
				continue
			}
			b.WriteString(group(k))
			i = j - 1
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// splitOp is binary -split: y is the pattern, or pattern, max-substrings[, options].
func splitOp(x, y Value, caseSensitive bool) (Value, error) {
	var pattern Value
	maxN := 0
	simple := false
	if args, ok := Enumerate(y); ok && len(args) > 0 {
		pattern = args[0]
		if len(args) > 1 {
			n, err := Convert(args[1], TInt32)
			if err != nil {
				return nil, err
			}
			maxN = int(n.(int32))
		}
		if len(args) > 2 {
			for _, o := range strings.Split(ToString(args[2]), ",") {
				switch strings.ToLower(strings.TrimSpace(o)) {
				case "simplematch":
					simple = true
				case "regexmatch", "ignorecase", "cultureinvariant", "ignorepatternwhitespace", "multiline", "singleline", "explicitcapture", "none", "":
					if strings.EqualFold(strings.TrimSpace(o), "ignorecase") {
						caseSensitive = false
					}
				default:
					return nil, valueError(args[2], "System.Management.Automation.SplitOptions", "InvalidCastFromStringToEnum",
						"Unable to match the identifier name "+strings.TrimSpace(o)+" to a valid enumerator name. Specify one of the following enumerator names and try again:\nSimpleMatch, RegexMatch, CultureInvariant, IgnorePatternWhitespace, Multiline, Singleline, IgnoreCase, ExplicitCapture")
				}
			}
		}
	} else {
		pattern = y
	}
	if _, ok := pattern.(*ScriptBlock); ok {
		return nil, newError(excRuntime, "InvalidOperation", "SplitScriptBlock",
			"A script block delimiter must be evaluated by the runtime.")
	}
	p := ToString(pattern)
	if simple {
		p = regexp.QuoteMeta(p)
	}
	re, err := CompileRegex(p, caseSensitive)
	if err != nil {
		return nil, err
	}
	var out []Value
	for _, e := range items(x) {
		for _, part := range SplitRegex(re, ToString(e), maxN) {
			out = append(out, part)
		}
	}
	if out == nil {
		out = []Value{}
	}
	return out, nil
}

// SplitRegex splits s at the matches of re, keeping captured groups between the pieces.
// maxN > 0 limits the number of pieces (the last holds the rest); maxN < 0 splits from the
// end; 0 splits at every match.
func SplitRegex(re *regexp.Regexp, s string, maxN int) []string {
	locs := re.FindAllStringSubmatchIndex(s, -1)
	if maxN > 0 && len(locs) > maxN-1 {
		locs = locs[:maxN-1]
	}
	if maxN < 0 && len(locs) > -maxN-1 {
		locs = locs[len(locs)-(-maxN-1):]
	}
	out := make([]string, 0, len(locs)+1)
	last := 0
	for _, loc := range locs {
		out = append(out, s[last:loc[0]])
		for g := 1; 2*g < len(loc); g++ {
			if loc[2*g] >= 0 {
				out = append(out, s[loc[2*g]:loc[2*g+1]])
			}
		}
		last = loc[1]
	}
	return append(out, s[last:])
}
