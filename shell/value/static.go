package value

import (
	"math"
	"strings"
	"time"
)

// staticType resolves the type of a static member access.
func staticType(typeName string) (string, error) {
	t, ok := ResolveType(typeName)
	if !ok {
		return "", ErrUnknownType(typeName)
	}
	return t, nil
}

// GetStatic reads a static property ([math]::PI, [datetime]::Now, [int]::MaxValue,
// [string]::Empty, [System.Environment]::NewLine ...). An unknown property of a known type
// is $null, as in pwsh.
func GetStatic(typeName, name string, env *Env) (Value, error) {
	t, err := staticType(typeName)
	if err != nil {
		return nil, err
	}
	n := strings.ToLower(name)
	switch t {
	case "System.Math":
		switch n {
		case "pi":
			return math.Pi, nil
		case "e":
			return math.E, nil
		case "tau":
			return 2 * math.Pi, nil
		}
	case TDateTime:
		switch n {
		case "now", "utcnow", "today":
			if env == nil || env.Now == nil {
				return nil, newError(excRuntime, "InvalidOperation", "NoClock", "The clock is not available.")
			}
			now := env.Now()
			switch n {
			case "now":
				return now.In(time.Local), nil
			case "utcnow":
				return now.UTC(), nil
			}
			y, m, d := now.In(time.Local).Date()
			return time.Date(y, m, d, 0, 0, 0, 0, time.Local), nil
		case "minvalue":
			return time.Date(1, 1, 1, 0, 0, 0, 0, time.Local), nil
		case "maxvalue":
			return time.Date(9999, 12, 31, 23, 59, 59, 999999900, time.Local), nil
		case "unixepoch":
			return time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC), nil
		}
	case TTimeSpan:
		switch n {
		case "zero":
			return time.Duration(0), nil
		case "maxvalue":
			return time.Duration(math.MaxInt64), nil
		case "minvalue":
			return time.Duration(math.MinInt64), nil
		}
	case TString:
		if n == "empty" {
			return "", nil
		}
	case TInt32:
		switch n {
		case "maxvalue":
			return int32(math.MaxInt32), nil
		case "minvalue":
			return int32(math.MinInt32), nil
		}
	case TInt64:
		switch n {
		case "maxvalue":
			return int64(math.MaxInt64), nil
		case "minvalue":
			return int64(math.MinInt64), nil
		}
	case TDouble:
		switch n {
		case "maxvalue":
			return math.MaxFloat64, nil
		case "minvalue":
			return -math.MaxFloat64, nil
		case "epsilon":
			return math.SmallestNonzeroFloat64, nil
		case "nan":
			return math.NaN(), nil
		case "positiveinfinity":
			return math.Inf(1), nil
		case "negativeinfinity":
			return math.Inf(-1), nil
		}
	case TByte:
		switch n {
		case "maxvalue":
			return Byte(255), nil
		case "minvalue":
			return Byte(0), nil
		}
	case TGuid:
		if n == "empty" {
			return Guid{}, nil
		}
	case "System.Environment":
		switch n {
		case "newline":
			return "\n", nil
		case "machinename", "username", "userdomainname":
			if env != nil && env.Getenv != nil {
				key := map[string]string{"machinename": "HOSTNAME", "username": "USER", "userdomainname": "USERDOMAIN"}[n]
				if s, ok := env.Getenv(key); ok {
					return s, nil
				}
			}
			return "", nil
		}
	case "System.IO.Path":
		switch n {
		case "directoryseparatorchar", "altdirectoryseparatorchar":
			return Char('/'), nil
		case "pathseparator":
			return Char(':'), nil
		}
	}
	return nil, nil
}

// InvokeStatic calls a static method ([math]::Round(2.5), [string]::Join(',', $a),
// [datetime]::ParseExact(...), [guid]::NewGuid(), [System.IO.Path]::Combine(...) ...).
func InvokeStatic(typeName, name string, args []Value, env *Env) (Value, error) {
	t, err := staticType(typeName)
	if err != nil {
		return nil, err
	}
	c := &call{method: name, args: args}
	var (
		r  Value
		ok bool
	)
	switch t {
	case "System.Math":
		r, ok, err = mathStatic(c)
	case TDateTime:
		r, ok, err = dateStatic(c, env)
	case TTimeSpan:
		r, ok, err = timeSpanStatic(c)
	case TString:
		r, ok, err = stringStatic(c)
	case TInt32, TInt64, TDouble, TDecimal, TSingle, TByte, "System.Int16", "System.UInt32", "System.UInt64", TBool:
		r, ok, err = parseStatic(t, c)
	case TGuid:
		r, ok, err = guidStatic(c, env)
	case "System.IO.Path":
		r, ok, err = pathStatic(c, env)
	case "System.Environment":
		r, ok, err = environmentStatic(c, env)
	case TRegex:
		r, ok, err = regexStatic(c)
	}
	if ok || err != nil {
		return r, err
	}
	return nil, newError(excMethodNF, "InvalidOperation", "MethodNotFound",
		"Method invocation failed because [%s] does not contain a method named '%s'.", t, name)
}

// mathStatic implements [math]::Round, Floor, Ceiling, Truncate, Abs, Sign, Max, Min, Pow,
// Sqrt, Log, Log10 and Exp.
func mathStatic(c *call) (Value, bool, error) {
	n := c.n()
	one := func(f func(float64) float64) (Value, bool, error) {
		if n != 1 {
			return nil, true, c.overload()
		}
		x, err := c.float(0, "d")
		if err != nil {
			return nil, true, err
		}
		return f(x), true, nil
	}
	switch strings.ToLower(c.method) {
	case "round":
		if n < 1 || n > 3 {
			return nil, true, c.overload()
		}
		x, err := c.float(0, "value")
		if err != nil {
			return nil, true, err
		}
		digits := 0
		away := false
		if n >= 2 {
			if s, isStr := c.args[1].(string); isStr && n == 2 && !isNumericString(s) {
				away = strings.EqualFold(s, "AwayFromZero")
			} else if digits, err = c.int(1, "digits"); err != nil {
				return nil, true, err
			}
		}
		if n == 3 {
			away = strings.EqualFold(c.str(2), "AwayFromZero") || c.str(2) == "1"
		}
		if digits < 0 || digits > 15 {
			return nil, true, methodError(c.method, n, "Rounding digits must be between 0 and 15, inclusive. (Parameter 'digits')")
		}
		return roundDigitsFloat(x, digits, away), true, nil
	case "floor":
		return one(math.Floor)
	case "ceiling":
		return one(math.Ceil)
	case "truncate":
		return one(math.Trunc)
	case "sqrt":
		return one(math.Sqrt)
	case "log10":
		return one(math.Log10)
	case "exp":
		return one(math.Exp)
	case "log":
		if n == 2 {
			a, err := c.float(0, "a")
			if err != nil {
				return nil, true, err
			}
			b, err := c.float(1, "newBase")
			if err != nil {
				return nil, true, err
			}
			return math.Log(a) / math.Log(b), true, nil
		}
		return one(math.Log)
	case "abs":
		if n != 1 {
			return nil, true, c.overload()
		}
		switch x := c.args[0].(type) {
		case int32:
			if x < 0 {
				if x == math.MinInt32 {
					return nil, true, methodError(c.method, n, "Negating the minimum value of a twos complement number is invalid.")
				}
				return -x, true, nil
			}
			return x, true, nil
		case int64:
			if x < 0 {
				return -x, true, nil
			}
			return x, true, nil
		}
		return one(math.Abs)
	case "sign":
		if n != 1 {
			return nil, true, c.overload()
		}
		x, err := c.float(0, "value")
		if err != nil {
			return nil, true, err
		}
		return int32(cmpFloat(x, 0)), true, nil
	case "pow":
		if n != 2 {
			return nil, true, c.overload()
		}
		x, err := c.float(0, "x")
		if err != nil {
			return nil, true, err
		}
		y, err := c.float(1, "y")
		if err != nil {
			return nil, true, err
		}
		return math.Pow(x, y), true, nil
	case "max", "min":
		if n != 2 {
			return nil, true, c.overload()
		}
		a, b := c.args[0], c.args[1]
		wantMax := strings.EqualFold(c.method, "max")
		if _, ok := a.(int32); ok {
			if _, ok := b.(int32); ok {
				if (a.(int32) > b.(int32)) == wantMax {
					return a, true, nil
				}
				return b, true, nil
			}
		}
		x, err := c.float(0, "val1")
		if err != nil {
			return nil, true, err
		}
		y, err := c.float(1, "val2")
		if err != nil {
			return nil, true, err
		}
		if (x > y) == wantMax {
			return x, true, nil
		}
		return y, true, nil
	}
	return nil, false, nil
}

func isNumericString(s string) bool {
	_, ok := ParseNumber(s)
	return ok
}

// roundDigitsFloat is Math.Round(x, digits[, mode]): scale, round the midpoint half to even
// (or away from zero), scale back, as .NET does for digits up to 15.
func roundDigitsFloat(x float64, digits int, away bool) float64 {
	p := math.Pow10(digits)
	if away {
		return math.Round(x*p) / p
	}
	return math.RoundToEven(x*p) / p
}
