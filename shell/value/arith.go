package value

import (
	"math"
	"strings"
	"time"
)

// numeric converts an arithmetic operand to a number: numbers stay, $null is 0, bools and
// chars become Int32, strings are parsed with the literal rules. other names the type of the
// other operand, used in the conversion error like pwsh does.
func numeric(v Value, other Value) (Value, error) {
	switch x := v.(type) {
	case int32, int64, float64:
		return x, nil
	case nil:
		return int32(0), nil
	case bool:
		return int32(boolInt(x)), nil
	case Char:
		return int32(x), nil
	case Byte:
		return int32(x), nil
	case string:
		if strings.TrimSpace(x) == "" {
			return int32(0), nil
		}
		if n, ok := ParseNumber(x); ok {
			if b, isByte := n.(Byte); isByte {
				return int32(b), nil
			}
			return n, nil
		}
		target := TInt32
		if isNumber(other) {
			target = TypeName(other)
		}
		return nil, valueError(v, target, "InvalidCastFromStringToInteger", formatInner(x))
	}
	return nil, nil
}

// opMissing is "Method invocation failed because [T] does not contain a method named 'op_X'."
func opMissing(v Value, op string) error {
	return newError(excRuntime, "InvalidOperation", "MethodNotFound",
		"Method invocation failed because [%s] does not contain a method named '%s'.", TypeName(v), op)
}

var opMethods = map[string]string{"+": "op_Addition", "-": "op_Subtraction", "*": "op_Multiply", "/": "op_Division", "%": "op_Modulus"}

// arith applies + - * / % to two numbers with PowerShell's typing: Int32 op Int32 stays
// Int32 when the result fits and is exact, widening to Double otherwise (Int64 likewise);
// anything with a Double is Double.
func arith(op string, a, b Value) (Value, error) {
	switch x := a.(type) {
	case int32:
		switch y := b.(type) {
		case int32:
			return intArith(op, int64(x), int64(y), true)
		case int64:
			return intArith(op, int64(x), y, false)
		}
	case int64:
		switch y := b.(type) {
		case int32:
			return intArith(op, x, int64(y), false)
		case int64:
			return intArith(op, x, y, false)
		}
	}
	return floatArith(op, asFloat(a), asFloat(b))
}

func intArith(op string, x, y int64, narrow bool) (Value, error) {
	var r int64
	switch op {
	case "+":
		r = x + y
		if (r > x) != (y > 0) {
			return float64(x) + float64(y), nil
		}
	case "-":
		r = x - y
		if (r < x) != (y > 0) {
			return float64(x) - float64(y), nil
		}
	case "*":
		if x != 0 && y != 0 {
			hi, _ := mulOverflows(x, y)
			if hi {
				return float64(x) * float64(y), nil
			}
		}
		r = x * y
	case "/":
		if y == 0 {
			return nil, ErrDivideByZero()
		}
		if x%y != 0 || (x == math.MinInt64 && y == -1) {
			return float64(x) / float64(y), nil
		}
		r = x / y
	case "%":
		if y == 0 {
			return nil, ErrDivideByZero()
		}
		if y == -1 {
			return narrowInt(0, narrow), nil
		}
		r = x % y
	}
	if narrow {
		if r < math.MinInt32 || r > math.MaxInt32 {
			return float64(r), nil
		}
		return int32(r), nil
	}
	return r, nil
}

func narrowInt(r int64, narrow bool) Value {
	if narrow {
		return int32(r)
	}
	return r
}

// mulOverflows reports whether x*y overflows int64.
func mulOverflows(x, y int64) (bool, int64) {
	r := x * y
	if (x == -1 && y == math.MinInt64) || (y == -1 && x == math.MinInt64) || r/y != x {
		return true, 0
	}
	return false, r
}

func floatArith(op string, x, y float64) (Value, error) {
	switch op {
	case "+":
		return x + y, nil
	case "-":
		return x - y, nil
	case "*":
		return x * y, nil
	case "/":
		if y == 0 {
			return nil, ErrDivideByZero()
		}
		return x / y, nil
	case "%":
		if y == 0 {
			return nil, ErrDivideByZero()
		}
		return math.Mod(x, y), nil
	}
	return nil, nil
}

// add is the + operator.
func add(x, y Value) (Value, error) {
	// Int32 fast path: no conversions.
	if a, ok := x.(int32); ok {
		if b, ok := y.(int32); ok {
			r := int64(a) + int64(b)
			if r < math.MinInt32 || r > math.MaxInt32 {
				return float64(r), nil
			}
			return int32(r), nil
		}
	}
	switch a := x.(type) {
	case nil:
		return y, nil
	case string:
		return a + ToString(y), nil
	case []Value:
		return appendValues(a, y), nil
	case *List:
		return appendValues(a.Items, y), nil
	case *Hashtable:
		h, ok := y.(*Hashtable)
		if !ok {
			return nil, newError(excRuntime, "InvalidOperation", "AddHashTableToNonHashTable",
				"A hash table can only be added to another hash table.")
		}
		c := a.Copy()
		for i, k := range h.keys {
			if err := c.Add(k, h.vals[i]); err != nil {
				return nil, err
			}
		}
		return c, nil
	case time.Time:
		if d, ok := y.(time.Duration); ok {
			return a.Add(d), nil
		}
		return nil, opMissing(x, "op_Addition")
	case time.Duration:
		if d, ok := y.(time.Duration); ok {
			return a + d, nil
		}
		if t, ok := y.(time.Time); ok {
			return t.Add(a), nil
		}
		return nil, opMissing(x, "op_Addition")
	}
	return numericOp("+", x, y)
}

// numericOp converts both operands to numbers and applies op.
func numericOp(op string, x, y Value) (Value, error) {
	a, err := numeric(x, y)
	if err != nil {
		return nil, err
	}
	if a == nil {
		return nil, opMissing(x, opMethods[op])
	}
	switch y.(type) {
	case []Value, *List:
		return nil, opMissing(y, opMethods[op])
	}
	b, err := numeric(y, a)
	if err != nil {
		return nil, err
	}
	if b == nil {
		return nil, castError(y, TypeName(a))
	}
	return arith(op, a, b)
}

func appendValues(a []Value, y Value) []Value {
	more, ok := Enumerate(y)
	if !ok {
		more = []Value{y}
	}
	out := make([]Value, 0, len(a)+len(more))
	out = append(out, a...)
	return append(out, more...)
}

// subtract is the - operator: numeric, plus DateTime and TimeSpan arithmetic.
func subtract(x, y Value) (Value, error) {
	switch a := x.(type) {
	case time.Time:
		switch b := y.(type) {
		case time.Time:
			return time.Duration(timeTicks(a)-timeTicks(b)) * 100, nil
		case time.Duration:
			return a.Add(-b), nil
		}
		return nil, opMissing(x, "op_Subtraction")
	case time.Duration:
		if b, ok := y.(time.Duration); ok {
			return a - b, nil
		}
		return nil, opMissing(x, "op_Subtraction")
	case []Value, *List, *Hashtable, *Object:
		return nil, opMissing(x, "op_Subtraction")
	}
	return numericOp("-", x, y)
}

// multiply is the * operator: repetition for strings and arrays, else numeric.
func multiply(x, y Value) (Value, error) {
	switch a := x.(type) {
	case nil:
		return nil, nil
	case string:
		n, err := repeatCount(y)
		if err != nil {
			return nil, err
		}
		return strings.Repeat(a, n), nil
	case []Value, *List:
		it, _ := Enumerate(a)
		n, err := repeatCount(y)
		if err != nil {
			return nil, err
		}
		out := make([]Value, 0, len(it)*n)
		for range n {
			out = append(out, it...)
		}
		return out, nil
	case time.Duration, time.Time, *Hashtable, *Object:
		return nil, opMissing(x, "op_Multiply")
	}
	return numericOp("*", x, y)
}

func repeatCount(y Value) (int, error) {
	c, err := Convert(y, TInt32)
	if err != nil {
		return 0, err
	}
	n := int(c.(int32))
	if n < 0 {
		return 0, newError(excArgument, "InvalidArgument", "ArgumentOutOfRange",
			"Specified argument was out of the range of valid values.")
	}
	return n, nil
}

// divide and modulo are numeric only.
func divideOrMod(op string, x, y Value) (Value, error) {
	switch x.(type) {
	case []Value, *List, *Hashtable, *Object, time.Time, time.Duration:
		return nil, opMissing(x, opMethods[op])
	}
	if x == nil {
		x = int32(0)
	}
	if y == nil {
		y = int32(0)
	}
	return numericOp(op, x, y)
}

// bitwise applies -band -bor -bxor -shl -shr on integers: both operands are converted to
// integers; the result is Int32 when both are Int32-sized, else Int64.
func bitwise(op string, x, y Value) (Value, error) {
	a, na, err := toBitInt(x)
	if err != nil {
		return nil, err
	}
	b, nb, err := toBitInt(y)
	if err != nil {
		return nil, err
	}
	narrow := na && nb
	switch op {
	case "-band":
		return narrowInt(a&b, narrow), nil
	case "-bor":
		return narrowInt(a|b, narrow), nil
	case "-bxor":
		return narrowInt(a^b, narrow), nil
	case "-shl":
		if na {
			return int32(a) << (b & 31), nil
		}
		return a << (b & 63), nil
	case "-shr":
		if na {
			return int32(a) >> (b & 31), nil
		}
		return a >> (b & 63), nil
	}
	return nil, nil
}

func toBitInt(v Value) (int64, bool, error) {
	switch x := v.(type) {
	case int32:
		return int64(x), true, nil
	case int64:
		return x, false, nil
	case nil:
		return 0, true, nil
	}
	n, err := numeric(v, nil)
	if err != nil {
		return 0, false, err
	}
	if n == nil {
		return 0, false, castError(v, TInt64)
	}
	switch x := n.(type) {
	case int32:
		return int64(x), true, nil
	case int64:
		return x, false, nil
	}
	c, err := toInteger(n, TInt64)
	if err != nil {
		return 0, false, err
	}
	i := c.(int64)
	return i, i >= math.MinInt32 && i <= math.MaxInt32, nil
}
