package shell

import (
	"regexp"
	"strings"

	"github.com/exosh/exosh/shell/value"
)

// errNullIndex is pwsh's error for indexing $null.
func errNullIndex() error {
	return &ErrorRecord{Message: "Cannot index into a null array.", Category: "InvalidOperation",
		ErrorID: "NullArray", Exception: excRuntime}
}

// indexValue implements `x[idx]`: arrays and lists (negative indexes count from the end,
// out-of-range gives $null, an array of indexes gives a slice), hashtables by key, strings
// by character.
func indexValue(x, idx value.Value) (value.Value, error) {
	if x == nil {
		return nil, errNullIndex()
	}
	if h, ok := x.(*value.Hashtable); ok {
		if keys, ok := idx.([]value.Value); ok {
			out := make([]value.Value, 0, len(keys))
			for _, k := range keys {
				v, _ := h.Get(k)
				out = append(out, v)
			}
			return out, nil
		}
		v, _ := h.Get(idx)
		return v, nil
	}
	if idxs, ok := idx.([]value.Value); ok {
		out := make([]value.Value, 0, len(idxs))
		for _, i := range idxs {
			v, err := indexValue(x, i)
			if err != nil {
				return nil, err
			}
			if v != nil || inRange(x, i) {
				out = append(out, v)
			}
		}
		return out, nil
	}
	switch c := x.(type) {
	case []value.Value:
		return indexSlice(c, idx)
	case *value.List:
		return indexSlice(c.Items, idx)
	case string:
		// Indexing a string yields a [char].
		n, err := indexInt(idx)
		if err != nil {
			return nil, err
		}
		r := []rune(c)
		if n < 0 {
			n += len(r)
		}
		if n < 0 || n >= len(r) {
			return nil, nil
		}
		return value.Char(r[n]), nil
	case *value.Object:
		if k, ok := idx.(string); ok {
			v, _ := c.Get(k)
			return v, nil
		}
		return nil, nil
	}
	// A scalar behaves as a one-element collection: [0] and [-1] are the value itself.
	n, err := indexInt(idx)
	if err != nil {
		return nil, err
	}
	if n == 0 || n == -1 {
		return x, nil
	}
	return nil, nil
}

func inRange(x, idx value.Value) bool {
	items, ok := value.Enumerate(x)
	if !ok {
		return false
	}
	n, err := indexInt(idx)
	if err != nil {
		return false
	}
	if n < 0 {
		n += len(items)
	}
	return n >= 0 && n < len(items)
}

func indexSlice(items []value.Value, idx value.Value) (value.Value, error) {
	n, err := indexInt(idx)
	if err != nil {
		return nil, err
	}
	if n < 0 {
		n += len(items)
	}
	if n < 0 || n >= len(items) {
		return nil, nil
	}
	return items[n], nil
}

func indexInt(idx value.Value) (int, error) {
	v, err := value.Convert(idx, value.TInt32)
	if err != nil {
		return 0, err
	}
	n, _ := v.(int32)
	return int(n), nil
}

// setIndex implements `x[idx] = v`.
func setIndex(x, idx, v value.Value) error {
	switch c := x.(type) {
	case nil:
		return errNullIndex()
	case *value.Hashtable:
		c.Set(idx, v)
		return nil
	case []value.Value:
		return setSlice(c, idx, v)
	case *value.List:
		return setSlice(c.Items, idx, v)
	case *value.Object:
		return value.SetMember(c, value.ToString(idx), v)
	}
	return &ErrorRecord{Message: "Unable to index into an object of type " + value.TypeName(x) + ".",
		Category: "InvalidOperation", ErrorID: "CannotIndex", Exception: excRuntime}
}

func setSlice(items []value.Value, idx, v value.Value) error {
	n, err := indexInt(idx)
	if err != nil {
		return err
	}
	if n < 0 {
		n += len(items)
	}
	if n < 0 || n >= len(items) {
		return &ErrorRecord{Message: "Index was outside the bounds of the array.", Category: "OperationStopped",
			ErrorID: "System.IndexOutOfRangeException", Exception: "System.IndexOutOfRangeException"}
	}
	items[n] = v
	return nil
}

// intrinsicWhere implements `.Where({ cond }[, mode[, count]])`.
func (s *Session) intrinsicWhere(sc *scope, x value.Value, args []value.Value) (value.Value, error) {
	if len(args) == 0 || len(args) > 3 {
		return nil, value.ErrOverload("Where", len(args))
	}
	sb, ok := args[0].(*value.ScriptBlock)
	if !ok {
		return nil, &ErrorRecord{Message: "Cannot convert the \"" + value.ToString(args[0]) +
			"\" value of type \"" + value.TypeName(args[0]) + "\" to type \"System.Management.Automation.ScriptBlock\".",
			Category: "InvalidArgument", ErrorID: "ConvertToFinalInvalidCastException", Exception: excRuntime}
	}
	// The optional mode selects pwsh's WhereOperatorSelectionMode: Default, First, Last,
	// SkipUntil, Until, Split; the count limits the result (0 = no limit).
	mode := "default"
	if len(args) > 1 {
		mode = strings.ToLower(value.ToString(args[1]))
	}
	limit := 0
	if len(args) > 2 {
		n, err := indexInt(args[2])
		if err != nil {
			return nil, err
		}
		limit = n
	}
	items := enumerateAll(x)
	out := []value.Value{}
	var rest []value.Value
	matched := false
	for _, it := range items {
		res, err := s.invokeCollect(sc, sb, it)
		if err != nil {
			return nil, err
		}
		ok := value.ToBool(unwrap(res))
		switch mode {
		case "first":
			if ok {
				out = append(out, it)
				if len(out) == max(limit, 1) {
					return out, nil
				}
			}
		case "last":
			if ok {
				out = append(out, it)
			}
		case "skipuntil":
			if ok || matched {
				matched = true
				out = append(out, it)
			}
		case "until":
			if ok {
				return out, nil
			}
			out = append(out, it)
		case "split":
			if ok && (limit == 0 || len(out) < limit) {
				out = append(out, it)
			} else {
				rest = append(rest, it)
			}
		default:
			if ok {
				out = append(out, it)
				if limit > 0 && len(out) == limit {
					return out, nil
				}
			}
		}
	}
	switch mode {
	case "last":
		n := max(limit, 1)
		if len(out) > n {
			out = out[len(out)-n:]
		}
	case "split":
		if rest == nil {
			rest = []value.Value{}
		}
		return []value.Value{out, rest}, nil
	}
	return out, nil
}

// intrinsicForEach implements `.ForEach({ ... })`, `.ForEach('Property')` and
// `.ForEach('Method', args...)`.
func (s *Session) intrinsicForEach(sc *scope, x value.Value, args []value.Value) (value.Value, error) {
	if len(args) == 0 {
		return nil, value.ErrOverload("ForEach", 0)
	}
	items := enumerateAll(x)
	out := []value.Value{}
	if sb, ok := args[0].(*value.ScriptBlock); ok {
		for _, it := range items {
			err := s.invokeBlock(sc, sb, it, true, args[1:], func(v value.Value) error {
				out = append(out, v)
				return nil
			}, false)
			if err != nil {
				return nil, err
			}
		}
		return out, nil
	}
	name := value.ToString(args[0])
	for _, it := range items {
		if len(args) == 1 {
			if v, ok := value.GetMember(it, name); ok {
				out = append(out, v)
				continue
			}
		}
		v, err := value.InvokeMethod(it, name, args[1:])
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// enumerateAll lists the elements of a collection, or the value itself ($null: nothing).
func enumerateAll(x value.Value) []value.Value {
	if x == nil {
		return nil
	}
	if items, ok := value.Enumerate(x); ok {
		return items
	}
	return []value.Value{x}
}

// replaceWithBlock implements `-replace pattern, { script }` with $_ as the match.
func (s *Session) replaceWithBlock(sc *scope, x, y value.Value, sb *value.ScriptBlock, cs bool) (value.Value, error) {
	pattern := value.ToString(y.([]value.Value)[0])
	re, err := compileRegex(pattern, cs)
	if err != nil {
		return nil, err
	}
	one := func(str string) (string, error) {
		var ferr error
		res := re.ReplaceAllStringFunc(str, func(m string) string {
			out, err := s.invokeCollect(sc, sb, matchObject(re, m))
			if err != nil {
				ferr = err
				return m
			}
			return value.ToString(unwrap(out))
		})
		return res, ferr
	}
	if items, ok := value.Enumerate(x); ok {
		out := make([]value.Value, len(items))
		for i, it := range items {
			r, err := one(value.ToString(it))
			if err != nil {
				return nil, err
			}
			out[i] = r
		}
		return out, nil
	}
	return one(value.ToString(x))
}

// compileRegex compiles a .NET-style pattern, case-insensitive unless cs.
func compileRegex(pattern string, cs bool) (*regexp.Regexp, error) {
	p := pattern
	if !cs {
		p = "(?i)" + p
	}
	re, err := regexp.Compile(p)
	if err != nil {
		return nil, &ErrorRecord{Message: "The regular expression pattern " + pattern + " is not valid.",
			Category: "InvalidOperation", ErrorID: "InvalidRegularExpression", Exception: excRuntime}
	}
	return re, nil
}

// regexMatch is the System.Text.RegularExpressions.Match a -replace script block sees as
// $_: it converts to the matched text.
type regexMatch struct {
	text   string
	groups []string
}

func matchObject(re *regexp.Regexp, m string) regexMatch {
	return regexMatch{text: m, groups: re.FindStringSubmatch(m)}
}

func (m regexMatch) TypeNames() []string {
	return []string{"System.Text.RegularExpressions.Match", "System.Text.RegularExpressions.Group", value.TObject}
}

func (m regexMatch) String() string { return m.text }

// Member exposes Value, Groups, Success and Length.
func (m regexMatch) Member(name string) (value.Value, bool) {
	switch strings.ToLower(name) {
	case "value":
		return m.text, true
	case "success":
		return true, true
	case "length":
		return int32(len([]rune(m.text))), true
	case "groups":
		gs := make([]value.Value, len(m.groups))
		for i, g := range m.groups {
			gs[i] = regexMatch{text: g}
		}
		return gs, true
	}
	return nil, false
}
