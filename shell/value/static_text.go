package value

import (
	"math"
	"strings"
	"time"
)

// dateStatic implements [datetime]::Parse, ParseExact, DaysInMonth, IsLeapYear and new.
func dateStatic(c *call, env *Env) (Value, bool, error) {
	n := c.n()
	switch strings.ToLower(c.method) {
	case "parse":
		if n < 1 || n > 3 {
			return nil, true, c.overload()
		}
		s := c.str(0)
		if t, ok := ParseDate(s, env.now()); ok {
			return t, true, nil
		}
		return nil, true, methodError(c.method, n, "String '"+s+"' was not recognized as a valid DateTime.")
	case "parseexact":
		if n < 3 || n > 4 {
			return nil, true, c.overload()
		}
		s := c.str(0)
		for _, f := range items(c.args[1]) {
			if t, ok := ParseDateExact(s, ToString(f)); ok {
				return t, true, nil
			}
		}
		return nil, true, methodError(c.method, n, "String '"+s+"' was not recognized as a valid DateTime.")
	case "daysinmonth":
		if n != 2 {
			return nil, true, c.overload()
		}
		y, err := c.int(0, "year")
		if err != nil {
			return nil, true, err
		}
		m, err := c.int(1, "month")
		if err != nil {
			return nil, true, err
		}
		if m < 1 || m > 12 {
			return nil, true, methodError(c.method, n, "Month must be between one and twelve. (Parameter 'month')")
		}
		return int32(daysIn(y, time.Month(m))), true, nil
	case "isleapyear":
		if n != 1 {
			return nil, true, c.overload()
		}
		y, err := c.int(0, "year")
		if err != nil {
			return nil, true, err
		}
		return daysIn(y, time.February) == 29, true, nil
	case "new":
		return newDate(c)
	}
	return nil, false, nil
}

// newDate is [datetime]::new(y, m, d[, h, mi, s]).
func newDate(c *call) (Value, bool, error) {
	n := c.n()
	if n != 3 && n != 6 {
		return nil, true, c.overload()
	}
	parts := make([]int, 6)
	for i := range n {
		v, err := c.int(i, "value")
		if err != nil {
			return nil, true, err
		}
		parts[i] = v
	}
	if parts[1] < 1 || parts[1] > 12 || parts[2] < 1 || parts[2] > daysIn(parts[0], time.Month(parts[1])) ||
		parts[3] > 23 || parts[4] > 59 || parts[5] > 59 {
		return nil, true, methodError(c.method, n, "Year, Month, and Day parameters describe an un-representable DateTime.")
	}
	return time.Date(parts[0], time.Month(parts[1]), parts[2], parts[3], parts[4], parts[5], 0, time.Local), true, nil
}

// timeSpanStatic implements [timespan]::From*, Parse and new.
func timeSpanStatic(c *call) (Value, bool, error) {
	n := c.n()
	from := func(unit float64) (Value, bool, error) {
		if n != 1 {
			return nil, true, c.overload()
		}
		f, err := c.float(0, "value")
		if err != nil {
			return nil, true, err
		}
		return time.Duration(math.Round(f*unit*1e4)) * 100, true, nil
	}
	switch strings.ToLower(c.method) {
	case "fromdays":
		return from(86400e3)
	case "fromhours":
		return from(3600e3)
	case "fromminutes":
		return from(60e3)
	case "fromseconds":
		return from(1e3)
	case "frommilliseconds":
		return from(1)
	case "fromticks":
		if n != 1 {
			return nil, true, c.overload()
		}
		v, err := Convert(c.args[0], TInt64)
		if err != nil {
			return nil, true, c.convErr(0, "value", TInt64, err)
		}
		return time.Duration(v.(int64)) * 100, true, nil
	case "parse":
		if n != 1 {
			return nil, true, c.overload()
		}
		if d, ok := ParseTimeSpan(c.str(0)); ok {
			return d, true, nil
		}
		return nil, true, methodError(c.method, n, "String '"+c.str(0)+"' was not recognized as a valid TimeSpan.")
	case "new":
		if n != 3 && n != 4 {
			return nil, true, c.overload()
		}
		var p [4]int
		for i := range n {
			v, err := c.int(i, "value")
			if err != nil {
				return nil, true, err
			}
			p[4-n+i] = v
		}
		d := time.Duration(p[0])*24*time.Hour + time.Duration(p[1])*time.Hour + time.Duration(p[2])*time.Minute + time.Duration(p[3])*time.Second
		return d, true, nil
	}
	return nil, false, nil
}

// stringStatic implements [string]::IsNullOrEmpty, Join, Format, Concat, Compare, Equals.
func stringStatic(c *call) (Value, bool, error) {
	n := c.n()
	switch strings.ToLower(c.method) {
	case "isnullorempty":
		if n != 1 {
			return nil, true, c.overload()
		}
		return c.args[0] == nil || c.str(0) == "", true, nil
	case "isnullorwhitespace":
		if n != 1 {
			return nil, true, c.overload()
		}
		return strings.TrimSpace(c.str(0)) == "", true, nil
	case "join":
		if n < 2 {
			return nil, true, c.overload()
		}
		var parts []Value
		if n == 2 {
			parts = items(c.args[1])
		} else {
			parts = c.args[1:]
		}
		return joinValues(parts, c.str(0)), true, nil
	case "format":
		if n < 1 {
			return nil, true, c.overload()
		}
		var fargs []Value
		if n == 2 {
			fargs = items(c.args[1])
		} else {
			fargs = c.args[1:]
		}
		s, err := FormatString(c.str(0), fargs)
		if err != nil {
			return nil, true, methodError(c.method, n, err.Error())
		}
		return s, true, nil
	case "concat":
		var b strings.Builder
		all := c.args
		if n == 1 {
			all = items(c.args[0])
		}
		for _, a := range all {
			b.WriteString(ToString(a))
		}
		return b.String(), true, nil
	case "compare":
		if n < 2 || n > 3 {
			return nil, true, c.overload()
		}
		cs := !(n == 3 && c.ignoreCase(2))
		return int32(CompareStrings(c.str(0), c.str(1), cs)), true, nil
	case "equals":
		if n < 2 || n > 3 {
			return nil, true, c.overload()
		}
		if n == 3 && c.ignoreCase(2) {
			return strings.EqualFold(c.str(0), c.str(1)), true, nil
		}
		return c.str(0) == c.str(1), true, nil
	case "new":
		if n == 2 {
			k, err := c.int(1, "count")
			if err != nil {
				return nil, true, err
			}
			return strings.Repeat(c.str(0), k), true, nil
		}
		return nil, true, c.overload()
	}
	return nil, false, nil
}

// parseStatic is Parse/TryParse-free parsing on numeric types: [int]::Parse("5").
func parseStatic(t string, c *call) (Value, bool, error) {
	if !strings.EqualFold(c.method, "parse") {
		return nil, false, nil
	}
	if c.n() < 1 || c.n() > 2 {
		return nil, true, c.overload()
	}
	if t == TBool {
		switch strings.ToLower(strings.TrimSpace(c.str(0))) {
		case "true":
			return true, true, nil
		case "false":
			return false, true, nil
		}
		return nil, true, methodError(c.method, c.n(), "String '"+c.str(0)+"' was not recognized as a valid Boolean.")
	}
	if strings.TrimSpace(c.str(0)) == "" {
		return nil, true, methodError(c.method, c.n(), formatInner(c.str(0)))
	}
	r, err := Convert(c.str(0), t)
	if err != nil {
		msg := err.Error()
		if i := strings.Index(msg, "Error: \""); i >= 0 {
			msg = strings.TrimSuffix(msg[i+8:], "\"")
		}
		return nil, true, methodError(c.method, c.n(), msg)
	}
	return r, true, nil
}
