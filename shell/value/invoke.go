package value

import (
	"strings"
	"time"
)

// ErrNullMethod is pwsh's error for calling a method on $null.
func ErrNullMethod() error {
	return newError(excRuntime, "InvalidOperation", "InvokeMethodOnNull", "You cannot call a method on a null-valued expression.")
}

// InvokeMethod calls a .NET-style instance method on v. Methods that run script blocks
// (.Where, .ForEach, ScriptBlock.Invoke) belong to the runtime. Unknown methods and wrong
// argument counts fail with pwsh's error texts.
func InvokeMethod(v Value, name string, args []Value) (Value, error) {
	if v == nil {
		return nil, ErrNullMethod()
	}
	c := &call{method: name, args: args}
	var (
		r   Value
		ok  bool
		err error
	)
	switch x := v.(type) {
	case string:
		r, ok, err = stringMethod(x, c)
	case time.Time:
		r, ok, err = dateMethod(x, c)
	case time.Duration:
		r, ok, err = timeSpanMethod(x, c)
	case int32, int64, float64, Byte:
		r, ok, err = numberMethod(x, c)
	case []Value:
		r, ok, err = arrayMethod(x, c)
	case *List:
		r, ok, err = listMethod(x, c)
	case *Hashtable:
		r, ok, err = hashtableMethod(x, c)
	case Guid:
		if strings.EqualFold(name, "ToString") && len(args) == 1 {
			s, ferr := formatGuid(x, ToString(args[0]))
			if ferr != nil {
				return nil, methodError(name, 1, ferr.Error())
			}
			return s, nil
		}
	case Methoded:
		r, ok, err = x.Method(name, args)
	}
	if ok || err != nil {
		return r, err
	}
	return commonMethod(v, c)
}

// commonMethod implements the System.Object methods every value has, plus CompareTo on
// comparable scalars.
func commonMethod(v Value, c *call) (Value, error) {
	n := c.n()
	switch strings.ToLower(c.method) {
	case "gettype":
		if n != 0 {
			return nil, c.overload()
		}
		if _, ok := v.(*Object); ok {
			// Type names such as "Selected.X" are PSObject annotations; the .NET type of
			// every such object is PSCustomObject.
			return TypeValue{Name: TPSCustom}, nil
		}
		return TypeValue{Name: TypeName(v)}, nil
	case "tostring":
		if n != 0 {
			return nil, c.overload()
		}
		if _, isArr := v.([]Value); isArr {
			return TObjectArray, nil
		}
		if l, isList := v.(*List); isList {
			return TypeName(l), nil
		}
		return ToString(v), nil
	case "equals":
		if n != 1 {
			return nil, c.overload()
		}
		switch v.(type) {
		case []Value, *List, *Hashtable, *Object, *ScriptBlock:
			return sameRef(v, c.args[0]), nil
		}
		return Equal(v, c.args[0], true), nil
	case "gethashcode":
		if n != 0 {
			return nil, c.overload()
		}
		return int32(hashString(TypeName(v) + "\x00" + ToString(v))), nil
	case "compareto":
		if n != 1 {
			return nil, c.overload()
		}
		switch v.(type) {
		case int32, int64, float64, bool, time.Time, time.Duration, Char, Guid, Byte:
			r, err := Compare(v, c.args[0], true)
			if err != nil {
				return nil, methodError(c.method, n, "Object must be of type "+ShortTypeName(TypeName(v))+".")
			}
			return int32(r), nil
		}
	case "gettypecode":
		if n == 0 && isNumber(v) {
			return ShortTypeName(TypeName(v)), nil
		}
	}
	return nil, ErrMethodNotFound(v, c.method)
}

// hashString is a deterministic 32-bit FNV-1a hash.
func hashString(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}
