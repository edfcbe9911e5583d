package value

import (
	"strings"
	"unicode"
)

// stringMethod implements System.String's instance methods on runes (characters outside
// the Basic Multilingual Plane count as one).
func stringMethod(s string, c *call) (Value, bool, error) {
	rs := []rune(s)
	n := c.n()
	switch strings.ToLower(c.method) {
	case "toupper", "toupperinvariant":
		return strings.ToUpper(s), true, nil
	case "tolower", "tolowerinvariant":
		return strings.ToLower(s), true, nil
	case "trim", "trimstart", "trimend":
		cut := unicode.IsSpace
		if n > 0 {
			var set []rune
			for _, a := range c.args {
				for _, e := range items(a) {
					set = append(set, []rune(ToString(e))...)
				}
			}
			cut = func(r rune) bool { return strings.ContainsRune(string(set), r) }
		}
		switch strings.ToLower(c.method) {
		case "trim":
			return strings.TrimFunc(s, cut), true, nil
		case "trimstart":
			return strings.TrimLeftFunc(s, cut), true, nil
		}
		return strings.TrimRightFunc(s, cut), true, nil
	case "split":
		return stringSplit(s, c)
	case "replace":
		if n < 2 || n > 3 {
			return nil, true, c.overload()
		}
		old := c.str(0)
		if old == "" {
			return nil, true, methodError(c.method, n, "String cannot be of zero length. (Parameter 'oldValue')")
		}
		if n == 3 && c.ignoreCase(2) {
			return replaceFold(s, old, c.str(1)), true, nil
		}
		return strings.ReplaceAll(s, old, c.str(1)), true, nil
	case "contains":
		if n < 1 || n > 2 {
			return nil, true, c.overload()
		}
		if n == 2 && c.ignoreCase(1) {
			return strings.Contains(strings.ToLower(s), strings.ToLower(c.str(0))), true, nil
		}
		return strings.Contains(s, c.str(0)), true, nil
	case "startswith", "endswith":
		if n < 1 || n > 3 {
			return nil, true, c.overload()
		}
		a, b := s, c.str(0)
		if n >= 2 && c.ignoreCase(1) {
			a, b = strings.ToLower(a), strings.ToLower(b)
		}
		if strings.EqualFold(c.method, "startswith") {
			return strings.HasPrefix(a, b), true, nil
		}
		return strings.HasSuffix(a, b), true, nil
	case "indexof", "lastindexof":
		return stringIndexOf(rs, c)
	case "substring":
		if n < 1 || n > 2 {
			return nil, true, c.overload()
		}
		start, err := c.int(0, "startIndex")
		if err != nil {
			return nil, true, err
		}
		if start < 0 || start > len(rs) {
			return nil, true, methodError(c.method, n, "startIndex cannot be larger than length of string. (Parameter 'startIndex')")
		}
		if n == 1 {
			return string(rs[start:]), true, nil
		}
		length, err := c.int(1, "length")
		if err != nil {
			return nil, true, err
		}
		if length < 0 || start+length > len(rs) {
			return nil, true, methodError(c.method, n, "Index and length must refer to a location within the string. (Parameter 'length')")
		}
		return string(rs[start : start+length]), true, nil
	case "padleft", "padright":
		if n < 1 || n > 2 {
			return nil, true, c.overload()
		}
		width, err := c.int(0, "totalWidth")
		if err != nil {
			return nil, true, err
		}
		if width < 0 {
			return nil, true, methodError(c.method, n, "Non-negative number required. (Parameter 'totalWidth')")
		}
		pad := " "
		if n == 2 {
			ch, err := Convert(c.args[1], TChar)
			if err != nil {
				return nil, true, c.convErr(1, "paddingChar", TChar, err)
			}
			pad = ToString(ch)
		}
		if width <= len(rs) {
			return s, true, nil
		}
		fill := strings.Repeat(pad, width-len(rs))
		if strings.EqualFold(c.method, "padleft") {
			return fill + s, true, nil
		}
		return s + fill, true, nil
	case "insert":
		if n != 2 {
			return nil, true, c.overload()
		}
		i, err := c.int(0, "startIndex")
		if err != nil {
			return nil, true, err
		}
		if i < 0 || i > len(rs) {
			return nil, true, methodError(c.method, n, "Specified argument was out of the range of valid values. (Parameter 'startIndex')")
		}
		return string(rs[:i]) + c.str(1) + string(rs[i:]), true, nil
	case "remove":
		if n < 1 || n > 2 {
			return nil, true, c.overload()
		}
		i, err := c.int(0, "startIndex")
		if err != nil {
			return nil, true, err
		}
		if i < 0 || i > len(rs) {
			return nil, true, methodError(c.method, n, "startIndex must be less than length of string. (Parameter 'startIndex')")
		}
		if n == 1 {
			return string(rs[:i]), true, nil
		}
		cnt, err := c.int(1, "count")
		if err != nil {
			return nil, true, err
		}
		if cnt < 0 || i+cnt > len(rs) {
			return nil, true, methodError(c.method, n, "Index and count must refer to a location within the string. (Parameter 'count')")
		}
		return string(rs[:i]) + string(rs[i+cnt:]), true, nil
	case "equals":
		if n < 1 || n > 2 {
			return nil, true, c.overload()
		}
		other, ok := c.args[0].(string)
		if !ok {
			return false, true, nil
		}
		if n == 2 && c.ignoreCase(1) {
			return strings.EqualFold(s, other), true, nil
		}
		return s == other, true, nil
	case "compareto":
		if n != 1 {
			return nil, true, c.overload()
		}
		if c.args[0] == nil {
			return int32(1), true, nil
		}
		return int32(CompareStrings(s, c.str(0), true)), true, nil
	case "tochararray":
		if n != 0 {
			return nil, true, c.overload()
		}
		out := make([]Value, len(rs))
		for i, r := range rs {
			out[i] = Char(r)
		}
		return out, true, nil
	case "tostring", "clone":
		return s, true, nil
	case "getenumerator":
		out := make([]Value, len(rs))
		for i, r := range rs {
			out[i] = Char(r)
		}
		return out, true, nil
	case "isnormalized":
		return true, true, nil
	}
	return nil, false, nil
}

func replaceFold(s, old, repl string) string {
	var b strings.Builder
	ls, lo := strings.ToLower(s), strings.ToLower(old)
	for {
		i := strings.Index(ls, lo)
		if i < 0 || len(ls) != len(s) {
			if i >= 0 {
				// Lower-casing changed byte lengths; fall back to a case-sensitive replace.
				return b.String() + strings.ReplaceAll(s, old, repl)
			}
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		b.WriteString(repl)
		s, ls = s[i+len(old):], ls[i+len(old):]
	}
}

// stringSplit is String.Split: a string argument is one separator (the .NET Core overload
// pwsh 7 picks), a char or an array gives several; an optional count and
// StringSplitOptions (None, RemoveEmptyEntries, TrimEntries) follow.
func stringSplit(s string, c *call) (Value, bool, error) {
	var seps []string
	limit := -1
	removeEmpty, trim := false, false
	for i, a := range c.args {
		switch x := a.(type) {
		case int32, int64:
			if i == 0 {
				return nil, true, c.overload()
			}
			l, err := c.int(i, "count")
			if err != nil {
				return nil, true, err
			}
			limit = l
			continue
		case string:
			if i > 0 {
				opt := strings.ToLower(x)
				removeEmpty = removeEmpty || strings.Contains(opt, "removeemptyentries")
				trim = trim || strings.Contains(opt, "trimentries")
				continue
			}
			seps = append(seps, x)
		case Char:
			seps = append(seps, x.String())
		case []Value:
			for _, e := range x {
				seps = append(seps, ToString(e))
			}
		default:
			seps = append(seps, ToString(x))
		}
	}
	var parts []string
	switch {
	case len(seps) == 0:
		parts = splitAny(s, nil, limit)
	case strings.Join(seps, "") == "":
		parts = []string{s}
	default:
		parts = splitAny(s, seps, limit)
	}
	out := make([]Value, 0, len(parts))
	for _, p := range parts {
		if trim {
			p = strings.TrimSpace(p)
		}
		if removeEmpty && p == "" {
			continue
		}
		out = append(out, p)
	}
	return out, true, nil
}

// splitAny splits at any of seps (whitespace when seps is nil), keeping empty fields, at most
// limit pieces when limit >= 0.
func splitAny(s string, seps []string, limit int) []string {
	if limit == 0 {
		return nil
	}
	var out []string
	start := 0
	for i := 0; i < len(s); {
		if limit > 0 && len(out) == limit-1 {
			break
		}
		matched := 0
		if seps == nil {
			r := []rune(s[i:])[0]
			if unicode.IsSpace(r) {
				matched = len(string(r))
			}
		} else {
			for _, sep := range seps {
				if sep != "" && strings.HasPrefix(s[i:], sep) {
					matched = len(sep)
					break
				}
			}
		}
		if matched > 0 {
			out = append(out, s[start:i])
			i += matched
			start = i
			continue
		}
		i += len(string([]rune(s[i:])[0]))
	}
	return append(out, s[start:])
}

// stringIndexOf is IndexOf / LastIndexOf with a string or char and an optional start.
func stringIndexOf(rs []rune, c *call) (Value, bool, error) {
	n := c.n()
	if n < 1 || n > 3 {
		return nil, true, c.overload()
	}
	needle := []rune(c.str(0))
	last := strings.EqualFold(c.method, "lastindexof")
	fold := false
	start := -1
	if n >= 2 {
		switch c.args[1].(type) {
		case string:
			fold = c.ignoreCase(1)
		default:
			st, err := c.int(1, "startIndex")
			if err != nil {
				return nil, true, err
			}
			if st < 0 || st > len(rs) {
				return nil, true, methodError(c.method, n, "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'startIndex')")
			}
			start = st
		}
	}
	if n == 3 {
		fold = c.ignoreCase(2)
	}
	eq := func(a, b rune) bool {
		if fold {
			return unicode.ToLower(a) == unicode.ToLower(b)
		}
		return a == b
	}
	at := func(i int) bool {
		if i < 0 || i+len(needle) > len(rs) {
			return false
		}
		for k, r := range needle {
			if !eq(rs[i+k], r) {
				return false
			}
		}
		return true
	}
	if last {
		from := len(rs) - len(needle)
		if start >= 0 {
			from = min(from, start-len(needle)+1)
		}
		for i := from; i >= 0; i-- {
			if at(i) {
				return int32(i), true, nil
			}
		}
		return int32(-1), true, nil
	}
	if start < 0 {
		start = 0
	}
	for i := start; i+len(needle) <= len(rs); i++ {
		if at(i) {
			return int32(i), true, nil
		}
	}
	return int32(-1), true, nil
}
