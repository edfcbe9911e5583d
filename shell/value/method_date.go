package value

import (
	"math"
	"strings"
	"time"
)

// dateMethod implements System.DateTime's instance methods.
func dateMethod(t time.Time, c *call) (Value, bool, error) {
	n := c.n()
	addUnit := func(unit float64) (Value, bool, error) {
		if n != 1 {
			return nil, true, c.overload()
		}
		f, err := c.float(0, "value")
		if err != nil {
			return nil, true, err
		}
		// .NET rounds the added amount to whole milliseconds... of the unit scaled.
		ms := math.Round(f * unit)
		return t.Add(time.Duration(ms) * time.Millisecond), true, nil
	}
	switch strings.ToLower(c.method) {
	case "adddays":
		return addUnit(86400e3)
	case "addhours":
		return addUnit(3600e3)
	case "addminutes":
		return addUnit(60e3)
	case "addseconds":
		return addUnit(1e3)
	case "addmilliseconds":
		return addUnit(1)
	case "addticks":
		if n != 1 {
			return nil, true, c.overload()
		}
		v, err := Convert(c.args[0], TInt64)
		if err != nil {
			return nil, true, c.convErr(0, "value", TInt64, err)
		}
		return t.Add(time.Duration(v.(int64)) * 100), true, nil
	case "addmonths", "addyears":
		if n != 1 {
			return nil, true, c.overload()
		}
		k, err := c.int(0, strings.ToLower(c.method[3:]))
		if err != nil {
			return nil, true, err
		}
		months := k
		if strings.EqualFold(c.method, "addyears") {
			months = k * 12
		}
		return addMonths(t, months), true, nil
	case "add":
		if n != 1 {
			return nil, true, c.overload()
		}
		d, err := c.duration(0, "value")
		if err != nil {
			return nil, true, err
		}
		return t.Add(d), true, nil
	case "subtract":
		if n != 1 {
			return nil, true, c.overload()
		}
		if o, ok := c.args[0].(time.Time); ok {
			return time.Duration(timeTicks(t)-timeTicks(o)) * 100, true, nil
		}
		d, err := c.duration(0, "value")
		if err != nil {
			return nil, true, err
		}
		return t.Add(-d), true, nil
	case "tostring":
		switch n {
		case 0:
			return FormatDate(t, "G"), true, nil
		case 1, 2:
			s, err := FormatDateErr(t, c.str(0))
			if err != nil {
				return nil, true, methodError(c.method, n, err.Error())
			}
			return s, true, nil
		}
		return nil, true, c.overload()
	case "touniversaltime":
		return t.UTC(), true, nil
	case "tolocaltime":
		return t.In(time.Local), true, nil
	case "toshortdatestring":
		return FormatDate(t, "d"), true, nil
	case "tolongdatestring":
		return FormatDate(t, "D"), true, nil
	case "toshorttimestring":
		return FormatDate(t, "t"), true, nil
	case "tolongtimestring":
		return FormatDate(t, "T"), true, nil
	case "tofiletime", "tofiletimeutc":
		const fileEpoch = 504911232000000000 // ticks of 1601-01-01
		return timeTicks(t.UTC()) - fileEpoch, true, nil
	case "isdaylightsavingtime":
		return t.IsDST(), true, nil
	}
	return nil, false, nil
}

// addMonths is DateTime.AddMonths: the day is clamped to the target month's length.
func addMonths(t time.Time, months int) time.Time {
	y, m, d := t.Date()
	total := int(m) - 1 + months
	ny := y + total/12
	nm := total % 12
	if nm < 0 {
		nm += 12
		ny--
	}
	last := daysIn(ny, time.Month(nm+1))
	if d > last {
		d = last
	}
	return time.Date(ny, time.Month(nm+1), d, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Location())
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// timeSpanMethod implements System.TimeSpan's instance methods.
func timeSpanMethod(d time.Duration, c *call) (Value, bool, error) {
	n := c.n()
	switch strings.ToLower(c.method) {
	case "tostring":
		switch n {
		case 0:
			return FormatTimeSpan(d), true, nil
		case 1, 2:
			s, err := FormatTimeSpanSpec(d, c.str(0))
			if err != nil {
				return nil, true, methodError(c.method, n, err.Error())
			}
			return s, true, nil
		}
		return nil, true, c.overload()
	case "add", "subtract":
		if n != 1 {
			return nil, true, c.overload()
		}
		o, err := c.duration(0, "ts")
		if err != nil {
			return nil, true, err
		}
		if strings.EqualFold(c.method, "add") {
			return d + o, true, nil
		}
		return d - o, true, nil
	case "negate":
		return -d, true, nil
	case "duration":
		if d < 0 {
			return -d, true, nil
		}
		return d, true, nil
	}
	return nil, false, nil
}

// numberMethod implements ToString(format) on numbers.
func numberMethod(v Value, c *call) (Value, bool, error) {
	if !strings.EqualFold(c.method, "tostring") {
		return nil, false, nil
	}
	switch c.n() {
	case 0:
		s, err := FormatValue(v, "")
		return s, true, err
	case 1, 2:
		s, err := FormatNumber(v, c.str(0))
		if err != nil {
			return nil, true, methodError(c.method, c.n(), err.Error())
		}
		return s, true, nil
	}
	return nil, true, c.overload()
}
