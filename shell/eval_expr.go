package shell

import (
	"strings"

	"github.com/exosh/exosh/parser"
	"github.com/exosh/exosh/shell/value"
)

// eval evaluates an expression to one value.
func (s *Session) eval(sc *scope, e parser.Expression) (value.Value, error) {
	switch e := e.(type) {
	case *parser.Constant:
		return e.Value, nil
	case *parser.StringConstant:
		return e.Value, nil
	case *parser.ExpandableString:
		return s.expandString(sc, e)
	case *parser.Variable:
		return s.getVar(sc, e), nil
	case *parser.BinaryExpression:
		return s.evalBinary(sc, e)
	case *parser.UnaryExpression:
		return s.evalUnary(sc, e)
	case *parser.TernaryExpression:
		c, err := s.eval(sc, e.Condition)
		if err != nil {
			return nil, err
		}
		if value.ToBool(c) {
			return s.eval(sc, e.IfTrue)
		}
		return s.eval(sc, e.IfFalse)
	case *parser.ConvertExpression:
		return s.evalConvert(sc, e)
	case *parser.TypeExpression:
		name, ok := value.ResolveType(e.Type.Name)
		if !ok {
			return nil, value.ErrUnknownType(e.Type.Name)
		}
		return value.TypeValue{Name: name}, nil
	case *parser.MemberExpression:
		return s.evalMember(sc, e)
	case *parser.InvokeMemberExpression:
		return s.evalInvoke(sc, e)
	case *parser.IndexExpression:
		return s.evalIndex(sc, e)
	case *parser.ArrayLiteral:
		out := make([]value.Value, len(e.Elements))
		for i, x := range e.Elements {
			v, err := s.eval(sc, x)
			if err != nil {
				return nil, err
			}
			out[i] = v
		}
		return out, nil
	case *parser.ArrayExpression:
		// @( ) always yields an array, even for no output or a single object.
		items, err := s.collectStatements(sc, e.Statements)
		if err != nil {
			return nil, err
		}
		if items == nil {
			items = []value.Value{}
		}
		return items, nil
	case *parser.SubExpression:
		// $( ) runs a statement list; its output collapses like an assignment's.
		items, err := s.collectStatements(sc, e.Statements)
		if err != nil {
			return nil, err
		}
		return unwrap(items), nil
	case *parser.ParenExpression:
		return s.evalParen(sc, e)
	case *parser.HashtableExpression:
		return s.evalHashtable(sc, e)
	case *parser.ScriptBlockExpression:
		// Script blocks are not closures: they run in whatever scope invokes them.
		return &value.ScriptBlock{Text: e.Block.Text, Body: e.Block}, nil
	}
	return nil, s.errorAt(e, "ParserError", "UnexpectedToken", excRuntime, "Unexpected expression.")
}

// unwrap turns collected pipeline output into a value the way assignment does: nothing is
// $null, one object is itself, more are an array.
func unwrap(items []value.Value) value.Value {
	switch len(items) {
	case 0:
		return nil
	case 1:
		return items[0]
	}
	return items
}

// evalParen evaluates `( pipeline )`; an assignment inside parentheses yields its value.
func (s *Session) evalParen(sc *scope, e *parser.ParenExpression) (value.Value, error) {
	if x, ok := simpleExpression(e.Pipeline); ok {
		return s.eval(sc, x)
	}
	if a, ok := e.Pipeline.(*parser.Assignment); ok {
		if err := s.execAssignment(sc, a); err != nil {
			return nil, err
		}
		return s.eval(sc, a.Target)
	}
	items, err := s.collect(sc, e.Pipeline)
	if err != nil {
		return nil, err
	}
	return unwrap(items), nil
}

// simpleExpression returns the expression of a statement that is a one-element expression
// pipeline without redirections, so it can be evaluated without enumerating its result.
func simpleExpression(st parser.Statement) (parser.Expression, bool) {
	p, ok := st.(*parser.Pipeline)
	if !ok || len(p.Elements) != 1 {
		return nil, false
	}
	ce, ok := p.Elements[0].(*parser.CommandExpression)
	if !ok || len(ce.Redirections) > 0 {
		return nil, false
	}
	return ce.Expression, true
}

// expandString evaluates a double-quoted string or expandable bareword.
func (s *Session) expandString(sc *scope, e *parser.ExpandableString) (value.Value, error) {
	var b strings.Builder
	for _, p := range e.Parts {
		switch p := p.(type) {
		case *parser.StringText:
			b.WriteString(p.Text)
		case *parser.Variable:
			b.WriteString(s.interpolate(sc, s.getVar(sc, p)))
		case *parser.SubExpression:
			items, err := s.collectStatements(sc, p.Statements)
			if err != nil {
				return nil, err
			}
			b.WriteString(s.interpolate(sc, unwrap(items)))
		}
	}
	return b.String(), nil
}

// interpolate converts a value for string expansion, joining arrays with $OFS.
func (s *Session) interpolate(sc *scope, v value.Value) string {
	if items, ok := value.Enumerate(v); ok {
		if ofs, ok := s.lookupVar(sc, "", "OFS"); ok && ofs != nil {
			parts := make([]string, len(items))
			for i, it := range items {
				parts[i] = value.ToString(it)
			}
			return strings.Join(parts, value.ToString(ofs))
		}
	}
	return value.ToString(v)
}

// evalHashtable builds a hashtable literal.
func (s *Session) evalHashtable(sc *scope, e *parser.HashtableExpression) (*value.Hashtable, error) {
	h := value.NewHashtable()
	for _, kv := range e.Pairs {
		k, err := s.eval(sc, kv.Key)
		if err != nil {
			return nil, err
		}
		v, err := s.statementValue(sc, kv.Value)
		if err != nil {
			return nil, err
		}
		if err := h.Add(k, v); err != nil {
			return nil, s.errorAt(kv, "InvalidOperation", "DuplicateKeyInHashLiteral", excRuntime,
				"Duplicate keys '"+value.ToString(k)+"' are not allowed in hash literals.")
		}
	}
	return h, nil
}

// statementValue evaluates the right side of an assignment or hashtable entry: a simple
// expression keeps its value as is (so `@()` stays an empty array); anything else is run and
// its output collected.
func (s *Session) statementValue(sc *scope, st parser.Statement) (value.Value, error) {
	if x, ok := simpleExpression(st); ok {
		return s.eval(sc, x)
	}
	items, err := s.collect(sc, st)
	if err != nil {
		return nil, err
	}
	return unwrap(items), nil
}

// evalBinary evaluates binary operators; -and/-or short-circuit.
func (s *Session) evalBinary(sc *scope, e *parser.BinaryExpression) (value.Value, error) {
	x, err := s.eval(sc, e.X)
	if err != nil {
		return nil, err
	}
	switch e.Op {
	case "-and":
		if !value.ToBool(x) {
			return false, nil
		}
		y, err := s.eval(sc, e.Y)
		if err != nil {
			return nil, err
		}
		return value.ToBool(y), nil
	case "-or":
		if value.ToBool(x) {
			return true, nil
		}
		y, err := s.eval(sc, e.Y)
		if err != nil {
			return nil, err
		}
		return value.ToBool(y), nil
	case "??":
		if x != nil {
			return x, nil
		}
		return s.eval(sc, e.Y)
	}
	y, err := s.eval(sc, e.Y)
	if err != nil {
		return nil, err
	}
	// -match on a scalar sets $Matches in the current scope; a collection on the left
	// filters and leaves $Matches alone (value.Match returns no table then).
	switch e.Op {
	case "-match", "-notmatch", "-cmatch", "-cnotmatch", "-imatch", "-inotmatch":
		cs := strings.HasPrefix(e.Op, "-c")
		neg := strings.Contains(e.Op, "not")
		r, m, err := value.Match(x, y, cs, neg)
		if err != nil {
			return nil, err
		}
		if m != nil {
			if err := s.setVar(sc, "", "Matches", m); err != nil {
				return nil, err
			}
		}
		return r, nil
	case "-replace", "-creplace", "-ireplace":
		if sb := replacementBlock(y); sb != nil {
			return s.replaceWithBlock(sc, x, y, sb, e.Op == "-creplace")
		}
	case "..":
		// Ranges used directly as pipeline input or a foreach collection are streamed
		// elsewhere; here the array is needed.
		return value.Range(x, y)
	}
	return value.Binary(e.Op, x, y)
}

// replacementBlock returns the script block of `-replace pattern, { ... }`.
func replacementBlock(y value.Value) *value.ScriptBlock {
	items, ok := y.([]value.Value)
	if !ok || len(items) != 2 {
		return nil
	}
	sb, _ := items[1].(*value.ScriptBlock)
	return sb
}

// evalUnary evaluates prefix and postfix operators, including ++ and --.
func (s *Session) evalUnary(sc *scope, e *parser.UnaryExpression) (value.Value, error) {
	switch e.Op {
	case "++", "--", "post++", "post--":
		old, err := s.eval(sc, e.X)
		if err != nil {
			return nil, err
		}
		op := "+"
		if strings.HasSuffix(e.Op, "--") {
			op = "-"
		}
		if old == nil {
			old = int32(0)
		}
		nv, err := value.Binary(op, old, int32(1))
		if err != nil {
			return nil, err
		}
		if err := s.assignTo(sc, e.X, nv); err != nil {
			return nil, err
		}
		if strings.HasPrefix(e.Op, "post") {
			return old, nil
		}
		return nv, nil
	}
	x, err := s.eval(sc, e.X)
	if err != nil {
		return nil, err
	}
	// Unary comma wraps its operand in a one-element array (`,$list` keeps a list whole).
	if e.Op == "," {
		return []value.Value{x}, nil
	}
	return value.Unary(e.Op, x)
}

// evalConvert evaluates a cast.
func (s *Session) evalConvert(sc *scope, e *parser.ConvertExpression) (value.Value, error) {
	lower := strings.ToLower(strings.TrimSpace(e.Type.Name))
	if h, ok := e.X.(*parser.HashtableExpression); ok {
		switch lower {
		case "ordered", "system.collections.specialized.ordereddictionary":
			t, err := s.evalHashtable(sc, h)
			if err != nil {
				return nil, err
			}
			t.Ordered = true
			return t, nil
		case "pscustomobject", "system.management.automation.pscustomobject":
			t, err := s.evalHashtable(sc, h)
			if err != nil {
				return nil, err
			}
			o := value.NewObject("")
			for i, k := range t.Keys() {
				o.Set(value.ToString(k), t.Values()[i])
			}
			return o, nil
		}
	}
	x, err := s.eval(sc, e.X)
	if err != nil {
		return nil, err
	}
	// [void] evaluates for side effects and discards the value.
	if lower == "void" || lower == "system.void" {
		return nil, nil
	}
	name, ok := value.ResolveType(e.Type.Name)
	if !ok {
		return nil, value.ErrUnknownType(e.Type.Name)
	}
	return value.ConvertEnv(x, name, s.valueEnv())
}

// evalMember evaluates `X.Name` and `[T]::Name`.
func (s *Session) evalMember(sc *scope, e *parser.MemberExpression) (value.Value, error) {
	name, err := s.memberName(sc, e.Member)
	if err != nil {
		return nil, err
	}
	if e.Static {
		t, err := s.staticType(sc, e.X)
		if err != nil {
			return nil, err
		}
		return value.GetStatic(t, name, s.valueEnv())
	}
	x, err := s.eval(sc, e.X)
	if err != nil {
		return nil, err
	}
	return memberOf(x, name), nil
}

// memberOf reads a property; .Count and .Length work on every value (1 for scalars, 0 for
// $null) and a missing property is $null.
func memberOf(x value.Value, name string) value.Value {
	if x == nil {
		if strings.EqualFold(name, "Count") || strings.EqualFold(name, "Length") {
			return int32(0)
		}
		return nil
	}
	if v, ok := value.GetMember(x, name); ok {
		return v
	}
	if strings.EqualFold(name, "Count") || strings.EqualFold(name, "Length") {
		return int32(1)
	}
	return nil
}

// memberName evaluates a member name: a plain name or `$x.$name` / `$x.($expr)`.
func (s *Session) memberName(sc *scope, m parser.Expression) (string, error) {
	if c, ok := m.(*parser.StringConstant); ok {
		return c.Value, nil
	}
	v, err := s.eval(sc, m)
	if err != nil {
		return "", err
	}
	return value.ToString(v), nil
}

// staticType resolves the type of `[T]::Member`.
func (s *Session) staticType(sc *scope, x parser.Expression) (string, error) {
	if t, ok := x.(*parser.TypeExpression); ok {
		name, ok := value.ResolveType(t.Type.Name)
		if !ok {
			return "", value.ErrUnknownType(t.Type.Name)
		}
		return name, nil
	}
	v, err := s.eval(sc, x)
	if err != nil {
		return "", err
	}
	if tv, ok := v.(value.TypeValue); ok {
		return tv.Name, nil
	}
	name, ok := value.ResolveType(value.ToString(v))
	if !ok {
		return "", value.ErrUnknownType(value.ToString(v))
	}
	return name, nil
}

// evalInvoke evaluates method calls, including the intrinsic .Where() and .ForEach().
func (s *Session) evalInvoke(sc *scope, e *parser.InvokeMemberExpression) (value.Value, error) {
	name, err := s.memberName(sc, e.Member)
	if err != nil {
		return nil, err
	}
	args := make([]value.Value, len(e.Args))
	for i, a := range e.Args {
		v, err := s.eval(sc, a)
		if err != nil {
			return nil, err
		}
		args[i] = v
	}
	if e.Static {
		t, err := s.staticType(sc, e.X)
		if err != nil {
			return nil, err
		}
		return value.InvokeStatic(t, name, args, s.valueEnv())
	}
	x, err := s.eval(sc, e.X)
	if err != nil {
		return nil, err
	}
	// .Where() and .ForEach() exist on every value (PowerShell's intrinsic members), so
	// they are handled before the value's own methods.
	switch strings.ToLower(name) {
	case "where":
		return s.intrinsicWhere(sc, x, args)
	case "foreach":
		return s.intrinsicForEach(sc, x, args)
	}
	if sb, ok := x.(*value.ScriptBlock); ok {
		switch strings.ToLower(name) {
		case "invoke", "invokereturnasis":
			var out []value.Value
			err := s.invokeBlock(sc, sb, nil, false, args, func(v value.Value) error {
				out = append(out, v)
				return nil
			}, true)
			if err != nil {
				return nil, err
			}
			if out == nil {
				out = []value.Value{}
			}
			return out, nil
		}
	}
	// Calling a method on $null is a statement-terminating error, unlike reading a
	// property of $null, which is just $null.
	if x == nil {
		return nil, &ErrorRecord{Message: "You cannot call a method on a null-valued expression.",
			Category: "InvalidOperation", ErrorID: "InvokeMethodOnNull", Exception: excRuntime}
	}
	return value.InvokeMethod(x, name, args)
}

// evalIndex evaluates `X[i]`.
func (s *Session) evalIndex(sc *scope, e *parser.IndexExpression) (value.Value, error) {
	x, err := s.eval(sc, e.X)
	if err != nil {
		return nil, err
	}
	idx, err := s.eval(sc, e.Index)
	if err != nil {
		return nil, err
	}
	return indexValue(x, idx)
}
