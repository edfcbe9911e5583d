package cmdlets

import (
	"fmt"
	"math"
	"strings"
	"unicode"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/value"
)

// coreMeasureCmdlets is the table of Measure-Object.
func coreMeasureCmdlets() []shell.CmdletInfo {
	return []shell.CmdletInfo{
		{Name: "Measure-Object", Aliases: []string{"measure"}, Module: moduleUtility,
			Synopsis: "Calculates the numeric properties of objects, and the characters, words, and lines in string objects.",
			New:      func() shell.Cmdlet { return new(measureObject) }},
	}
}

// Output type names of Measure-Object.
const (
	genericMeasureType = "Microsoft.PowerShell.Commands.GenericMeasureInfo"
	textMeasureType    = "Microsoft.PowerShell.Commands.TextMeasureInfo"
)

// stat accumulates one measured property in constant memory (Welford's method for the
// standard deviation), so a million inputs cost no more than ten.
type stat struct {
	name     string
	count    int
	sum      float64
	mean, m2 float64
	min, max value.Value
	minF     float64
	maxF     float64
	lines    int
	words    int
	chars    int
	found    bool
}

// measureObject is Measure-Object.
type measureObject struct {
	Property  []string
	Sum       bool
	Average   bool
	Maximum   bool
	Minimum   bool
	StdDev    bool
	AllStats  bool
	Line      bool
	Word      bool
	Character bool
	IgnoreWS  bool
	Input     value.Value

	stats []*stat
}

func (m *measureObject) Params() []shell.Param {
	return []shell.Param{
		{Name: "Property", Position: 1, Bind: shell.Strings(&m.Property), Help: "The properties to measure."},
		{Name: "InputObject", FromPipeline: true, Bind: anyBinder{&m.Input}, Help: "The objects to measure."},
		{Name: "StandardDeviation", Sets: []string{"GenericMeasure"}, Bind: shell.Switch(&m.StdDev), Help: "Computes the standard deviation."},
		{Name: "Sum", Sets: []string{"GenericMeasure"}, Bind: shell.Switch(&m.Sum), Help: "Computes the sum."},
		{Name: "AllStats", Sets: []string{"GenericMeasure"}, Bind: shell.Switch(&m.AllStats), Help: "Computes every statistic."},
		{Name: "Average", Sets: []string{"GenericMeasure"}, Bind: shell.Switch(&m.Average), Help: "Computes the average."},
		{Name: "Maximum", Sets: []string{"GenericMeasure"}, Bind: shell.Switch(&m.Maximum), Help: "Finds the maximum."},
		{Name: "Minimum", Sets: []string{"GenericMeasure"}, Bind: shell.Switch(&m.Minimum), Help: "Finds the minimum."},
		{Name: "Line", Sets: []string{"TextMeasure"}, Bind: shell.Switch(&m.Line), Help: "Counts lines."},
		{Name: "Word", Sets: []string{"TextMeasure"}, Bind: shell.Switch(&m.Word), Help: "Counts words."},
		{Name: "Character", Sets: []string{"TextMeasure"}, Bind: shell.Switch(&m.Character), Help: "Counts characters."},
		{Name: "IgnoreWhiteSpace", Sets: []string{"TextMeasure"}, Bind: shell.Switch(&m.IgnoreWS), Help: "Ignores white space when counting characters."},
	}
}

func (m *measureObject) Begin(c *shell.Context) error {
	if m.AllStats {
		m.Sum, m.Average, m.Maximum, m.Minimum, m.StdDev = true, true, true, true, true
	}
	if len(m.Property) == 0 {
		m.stats = []*stat{{}}
		return nil
	}
	for _, p := range m.Property {
		m.stats = append(m.stats, &stat{name: p})
	}
	return nil
}

func (m *measureObject) text() bool { return m.Line || m.Word || m.Character }

func (m *measureObject) Process(c *shell.Context) error {
	in := m.Input
	if !c.Bound("InputObject") {
		in = c.Input
	}
	if in == nil {
		return nil
	}
	for _, st := range m.stats {
		v := in
		if st.name != "" {
			var ok bool
			if v, ok = propertyOf(in, st.name); !ok {
				continue
			}
			if v == nil {
				continue
			}
		}
		st.found = true
		if m.text() {
			st.measureText(value.ToString(v), m.IgnoreWS)
			continue
		}
		if err := m.add(st, v); err != nil {
			c.WriteError(err)
		}
	}
	return nil
}

// add folds one value into st.
func (m *measureObject) add(st *stat, v value.Value) error {
	st.count++
	numeric := m.Sum || m.Average || m.StdDev
	if !numeric && !m.Maximum && !m.Minimum {
		return nil
	}
	f, err := toDouble(v)
	if err != nil {
		if numeric {
			st.count--
			return &shell.ErrorRecord{Message: fmt.Sprintf("Input object \"%s\" is not numeric.", value.ToString(v)),
				Category: "InvalidType", ErrorID: "NonNumericInputObject",
				Exception: "System.Management.Automation.PSInvalidOperationException", TargetObject: v}
		}
		// Maximum/Minimum of non-numbers compare the values themselves.
		if st.max == nil || compareValues(v, st.max, false) > 0 {
			st.max = v
		}
		if st.min == nil || compareValues(v, st.min, false) < 0 {
			st.min = v
		}
		return nil
	}
	st.sum += f
	d := f - st.mean
	st.mean += d / float64(st.count)
	st.m2 += d * (f - st.mean)
	if st.max == nil || isNum(st.max) && f > st.maxF {
		st.max, st.maxF = f, f
	}
	if st.min == nil || isNum(st.min) && f < st.minF {
		st.min, st.minF = f, f
	}
	return nil
}

func isNum(v value.Value) bool { _, ok := v.(float64); return ok }

// toDouble converts v to a Double as Measure-Object does.
func toDouble(v value.Value) (float64, error) {
	switch t := v.(type) {
	case int32:
		return float64(t), nil
	case int64:
		return float64(t), nil
	case float64:
		return t, nil
	}
	x, err := value.Convert(v, value.TDouble)
	if err != nil {
		return 0, err
	}
	f, ok := x.(float64)
	if !ok {
		return 0, fmt.Errorf("not a number")
	}
	return f, nil
}

// measureText counts lines, words and characters of one string.
func (st *stat) measureText(s string, ignoreWS bool) {
	st.count++
	if s != "" {
		st.lines += strings.Count(s, "\n") + 1
		if strings.HasSuffix(s, "\n") {
			st.lines--
		}
	}
	st.words += len(strings.Fields(s))
	for _, r := range s {
		if ignoreWS && unicode.IsSpace(r) {
			continue
		}
		st.chars++
	}
}

func (m *measureObject) End(c *shell.Context) error {
	for _, st := range m.stats {
		if st.name != "" && !st.found {
			c.WriteError(&shell.ErrorRecord{
				Message:  fmt.Sprintf("The property \"%s\" cannot be found in the input for any objects.", st.name),
				Category: "InvalidArgument", ErrorID: "GenericMeasurePropertyNotFound",
				Exception: "System.Management.Automation.PSArgumentException", TargetObject: st.name})
			continue
		}
		if err := c.WriteObject(m.result(st)); err != nil {
			return err
		}
	}
	return nil
}

// result builds the GenericMeasureInfo or TextMeasureInfo for st; statistics not asked
// for stay $null.
func (m *measureObject) result(st *stat) *value.Object {
	var prop value.Value
	if st.name != "" {
		prop = st.name
	}
	if m.text() {
		opt := func(on bool, n int) value.Value {
			if on {
				return int32(n)
			}
			return nil
		}
		o := value.NewObject(textMeasureType,
			value.Property{Name: "Lines", Value: opt(m.Line, st.lines)},
			value.Property{Name: "Words", Value: opt(m.Word, st.words)},
			value.Property{Name: "Characters", Value: opt(m.Character, st.chars)},
			value.Property{Name: "Property", Value: prop})
		o.SetTypeNames([]string{textMeasureType, "Microsoft.PowerShell.Commands.MeasureInfo", "System.Object"})
		return o
	}
	var avg, sum, mx, mn, sd value.Value
	if m.Sum {
		sum = st.sum
	}
	if m.Average && st.count > 0 {
		avg = st.sum / float64(st.count)
	}
	if m.Maximum {
		mx = st.max
	}
	if m.Minimum {
		mn = st.min
	}
	if m.StdDev && st.count > 1 {
		sd = math.Sqrt(st.m2 / float64(st.count-1))
	} else if m.StdDev {
		sd = 0.0
	}
	o := value.NewObject(genericMeasureType,
		value.Property{Name: "Count", Value: int32(st.count)},
		value.Property{Name: "Average", Value: avg},
		value.Property{Name: "Sum", Value: sum},
		value.Property{Name: "Maximum", Value: mx},
		value.Property{Name: "Minimum", Value: mn},
		value.Property{Name: "StandardDeviation", Value: sd},
		value.Property{Name: "Property", Value: prop})
	o.SetTypeNames([]string{genericMeasureType, "Microsoft.PowerShell.Commands.MeasureInfo", "System.Object"})
	return o
}
