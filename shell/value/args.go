package value

import (
	"strings"
	"time"
)

// call carries one method invocation's arguments and converts them the way the .NET
// binder does, with pwsh's argument-conversion error text.
type call struct {
	method string
	args   []Value
}

func (c *call) n() int { return len(c.args) }

func (c *call) convErr(i int, param, target string, err error) error {
	return newError(excMethod, "NotSpecified", "MethodArgumentConversionInvalidCastArgument",
		"Cannot convert argument \"%s\", with value: \"%s\", for \"%s\" to type \"%s\": \"%s\"",
		param, ToString(c.args[i]), c.method, target, err.Error())
}

func (c *call) str(i int) string {
	if c.args[i] == nil {
		return ""
	}
	return ToString(c.args[i])
}

func (c *call) int(i int, param string) (int, error) {
	v, err := Convert(c.args[i], TInt32)
	if err != nil {
		return 0, c.convErr(i, param, TInt32, err)
	}
	return int(v.(int32)), nil
}

func (c *call) float(i int, param string) (float64, error) {
	v, err := Convert(c.args[i], TDouble)
	if err != nil {
		return 0, c.convErr(i, param, TDouble, err)
	}
	return v.(float64), nil
}

func (c *call) bool(i int) bool { return ToBool(c.args[i]) }

func (c *call) duration(i int, param string) (time.Duration, error) {
	v, err := Convert(c.args[i], TTimeSpan)
	if err != nil {
		return 0, c.convErr(i, param, TTimeSpan, err)
	}
	return v.(time.Duration), nil
}

// ignoreCase reads a StringComparison argument ("OrdinalIgnoreCase", "CurrentCultureIgnoreCase"
// ... or its number) or a Boolean ignoreCase argument.
func (c *call) ignoreCase(i int) bool {
	switch x := c.args[i].(type) {
	case bool:
		return x
	case int32:
		return x%2 == 1
	}
	return strings.HasSuffix(strings.ToLower(c.str(i)), "ignorecase")
}

func (c *call) overload() error { return ErrOverload(c.method, len(c.args)) }
