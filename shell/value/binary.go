package value

import (
	"strings"
	"time"
)

// Binary applies a binary operator. op is the lower-cased operator text: "+", "-", "*", "/",
// "%", "..", "-f", the comparison operators with their "c"/"i" variants ("-eq", "-ceq",
// "-ieq", "-like", "-match", "-replace", "-contains", "-in", ...), "-is", "-isnot", "-as",
// "-split", "-join", "-band", "-bor", "-bxor", "-shl", "-shr", "-xor". The logical -and/-or
// short-circuit and belong to the evaluator; the result of -match here does not set $Matches
// (use Match for that).
func Binary(op string, x, y Value) (Value, error) {
	if intPair(x, y) {
		switch op {
		case "+", "-", "*", "/", "%":
			return arith(op, x, y)
		}
	}
	switch op {
	case "+":
		return add(x, y)
	case "-":
		return subtract(x, y)
	case "*":
		return multiply(x, y)
	case "/", "%":
		return divideOrMod(op, x, y)
	case "-band", "-bor", "-bxor", "-shl", "-shr":
		return bitwise(op, x, y)
	case "-xor":
		return ToBool(x) != ToBool(y), nil
	case "-and":
		return ToBool(x) && ToBool(y), nil
	case "-or":
		return ToBool(x) || ToBool(y), nil
	case "..":
		return Range(x, y)
	case "-f":
		s, err := FormatString(ToString(x), formatArgs(y))
		if err != nil {
			return nil, newError(excRuntime, "InvalidOperation", "FormatError", "Error formatting a string: %s.", err.Error())
		}
		return s, nil
	case "-is", "-isnot":
		ok, err := Is(x, typeArg(y))
		if err != nil {
			return nil, err
		}
		return ok == (op == "-is"), nil
	case "-as":
		t := typeArg(y)
		if _, ok := ResolveType(t); !ok {
			return nil, ErrUnknownType(t)
		}
		r, err := Convert(x, t)
		if err != nil {
			return nil, nil
		}
		return r, nil
	case "-join":
		return joinOp(x, ToString(y)), nil
	}
	base, cs := splitCase(op)
	switch base {
	case "-eq", "-ne", "-gt", "-ge", "-lt", "-le":
		return compareOp(base, x, y, cs)
	case "-like", "-notlike":
		return likeOp(x, y, cs, base == "-notlike")
	case "-match", "-notmatch":
		r, _, err := Match(x, y, cs, base == "-notmatch")
		return r, err
	case "-replace":
		return replaceOp(x, y, cs)
	case "-split":
		return splitOp(x, y, cs)
	case "-contains", "-notcontains":
		return containsOp(x, y, cs) == (base == "-contains"), nil
	case "-in", "-notin":
		return containsOp(y, x, cs) == (base == "-in"), nil
	}
	return nil, newError(excRuntime, "InvalidOperation", "OperatorNotSupported", "The operator '%s' is not supported.", op)
}

// intPair reports whether both operands are Int32 or Int64, the arithmetic fast path.
func intPair(x, y Value) bool {
	switch x.(type) {
	case int32, int64:
		switch y.(type) {
		case int32, int64:
			return true
		}
	}
	return false
}

// splitCase removes the "c"/"i" case prefix from a comparison operator.
func splitCase(op string) (string, bool) {
	if len(op) > 2 && op[0] == '-' {
		switch op[1] {
		case 'c':
			if isCaseOp(op[2:]) {
				return "-" + op[2:], true
			}
		case 'i':
			if isCaseOp(op[2:]) {
				return "-" + op[2:], false
			}
		}
	}
	return op, false
}

func isCaseOp(s string) bool {
	switch s {
	case "eq", "ne", "gt", "ge", "lt", "le", "like", "notlike", "match", "notmatch",
		"replace", "split", "contains", "notcontains", "in", "notin":
		return true
	}
	return false
}

// typeArg extracts the type name of -is/-as's right operand.
func typeArg(y Value) string {
	if t, ok := y.(TypeValue); ok {
		return t.Name
	}
	return ToString(y)
}

// formatArgs spreads -f's right operand: an array gives the argument list.
func formatArgs(y Value) []Value {
	if it, ok := Enumerate(y); ok {
		return it
	}
	return []Value{y}
}

func joinOp(x Value, sep string) string {
	it, ok := Enumerate(x)
	if !ok {
		return ToString(x)
	}
	return joinValues(it, sep)
}

// compareOp applies -eq -ne -gt -ge -lt -le; a collection on the left filters.
func compareOp(op string, x, y Value, cs bool) (Value, error) {
	if it, ok := Enumerate(x); ok {
		out := make([]Value, 0)
		for _, e := range it {
			ok, err := compareScalar(op, e, y, cs)
			if err != nil {
				return nil, err
			}
			if ok {
				out = append(out, e)
			}
		}
		return out, nil
	}
	ok, err := compareScalar(op, x, y, cs)
	if err != nil {
		return nil, err
	}
	return ok, nil
}

func compareScalar(op string, x, y Value, cs bool) (bool, error) {
	switch op {
	case "-eq":
		return Equal(x, y, cs), nil
	case "-ne":
		return !Equal(x, y, cs), nil
	}
	c, err := Compare(x, y, cs)
	if err != nil {
		return false, err
	}
	switch op {
	case "-gt":
		return c > 0, nil
	case "-ge":
		return c >= 0, nil
	case "-lt":
		return c < 0, nil
	}
	return c <= 0, nil
}

// containsOp is -contains with coll on the left (any element equal to v, the element driving
// the conversion).
func containsOp(coll, v Value, cs bool) bool {
	it, ok := Enumerate(coll)
	if !ok {
		return Equal(coll, v, cs)
	}
	for _, e := range it {
		if Equal(e, v, cs) {
			return true
		}
	}
	return false
}

// likeOp is -like / -notlike; on a collection the matching elements are returned as strings.
func likeOp(x, y Value, cs, negate bool) (Value, error) {
	w := CompileWildcardCase(ToString(y), cs)
	if err := w.Err(); err != nil {
		return nil, err
	}
	if it, ok := Enumerate(x); ok {
		out := make([]Value, 0)
		for _, e := range it {
			s := ToString(e)
			if w.Match(s) != negate {
				out = append(out, s)
			}
		}
		return out, nil
	}
	return w.Match(ToString(x)) != negate, nil
}

// Unary applies a prefix operator: "-not", "!", "-bnot", "-", "+", "-split", "-join".
func Unary(op string, x Value) (Value, error) {
	switch strings.ToLower(op) {
	case "-not", "!":
		return !ToBool(x), nil
	case "-bnot":
		n, narrow, err := toBitInt(x)
		if err != nil {
			return nil, err
		}
		return narrowInt(^n, narrow), nil
	case "-":
		switch n := x.(type) {
		case int32:
			if n == -1<<31 {
				return -float64(n), nil
			}
			return -n, nil
		case int64:
			if n == -1<<63 {
				return -float64(n), nil
			}
			return -n, nil
		case float64:
			return -n, nil
		case []Value, *List, *Hashtable, *Object:
			return nil, opMissing(x, "op_UnaryNegation")
		case time.Duration:
			return -n, nil
		}
		return subtract(int32(0), x)
	case "+":
		switch x.(type) {
		case int32, int64, float64:
			return x, nil
		}
		return add(int32(0), x)
	case "-split":
		return splitWhitespace(x), nil
	case "-join":
		return joinOp(x, ""), nil
	}
	return nil, newError(excRuntime, "InvalidOperation", "OperatorNotSupported", "The operator '%s' is not supported.", op)
}

// splitWhitespace is unary -split: runs of whitespace separate, leading and trailing
// whitespace is dropped.
func splitWhitespace(x Value) Value {
	var out []Value
	for _, e := range items(x) {
		for _, f := range strings.Fields(ToString(e)) {
			out = append(out, f)
		}
	}
	if out == nil {
		out = []Value{}
	}
	return out
}
