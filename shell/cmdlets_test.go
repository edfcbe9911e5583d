package shell_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/value"
)

// Minimal test-only cmdlets; the real core cmdlets live in the cmdlets package, which shell
// must not import.

type fixedClock struct{}

func (fixedClock) Now() time.Time { return time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC) }

func testCmdlets() []shell.CmdletInfo {
	return []shell.CmdletInfo{
		{Name: "Write-Output", Aliases: []string{"echo"}, New: func() shell.Cmdlet { return new(writeOutput) }},
		{Name: "ForEach-Object", Aliases: []string{"%", "foreach"}, New: func() shell.Cmdlet { return new(forEachObject) }},
		{Name: "Measure-Object", New: func() shell.Cmdlet { return new(measureObject) }},
		{Name: "Get-Thing", New: func() shell.Cmdlet { return new(getThing) }},
		{Name: "Set-Thing", New: func() shell.Cmdlet { return new(setThing) }},
		{Name: "Write-Error", New: func() shell.Cmdlet { return new(writeError) }},
		{Name: "Write-Warning", New: func() shell.Cmdlet { return new(writeWarning) }},
		{Name: "Out-Null", New: func() shell.Cmdlet { return new(outNull) }},
		{Name: "Select-First", New: func() shell.Cmdlet { return new(selectFirst) }},
		{Name: "Get-Set", New: func() shell.Cmdlet { return new(getSet) }},
		{Name: "Write-Host", New: func() shell.Cmdlet { return new(writeHost) }},
		{Name: "Remove-Thing", ConfirmImpact: shell.ConfirmImpactHigh, New: func() shell.Cmdlet { return new(removeThing) }},
		{Name: "Rename-Thing", ConfirmImpact: shell.ConfirmImpactLow, New: func() shell.Cmdlet { return new(removeThing) }},
	}
}

// removeThing asks ShouldProcess for each identity and reports what it did.
type removeThing struct{ identity string }

func (r *removeThing) Params() []shell.Param {
	return []shell.Param{{Name: "Identity", Position: 1, Mandatory: true, FromPipeline: true, Bind: shell.String(&r.identity)}}
}

func (r *removeThing) Process(c *shell.Context) error {
	if !c.ShouldProcess(r.identity, "Change thing") {
		return nil
	}
	return c.WriteObject("changed " + r.identity)
}

type writeOutput struct{ objs []value.Value }

func (w *writeOutput) Params() []shell.Param {
	return []shell.Param{{Name: "InputObject", Position: 1, FromPipeline: true, Remaining: true, Bind: shell.Values(&w.objs)}}
}

func (w *writeOutput) Process(c *shell.Context) error {
	for _, o := range w.objs {
		if err := c.WriteObject(o); err != nil {
			return err
		}
	}
	return nil
}

type forEachObject struct {
	block *value.ScriptBlock
	in    value.Value
}

func (f *forEachObject) Params() []shell.Param {
	return []shell.Param{
		{Name: "Process", Position: 1, Mandatory: true, Bind: shell.ScriptBlock(&f.block)},
		{Name: "InputObject", FromPipeline: true, Bind: shell.Value(&f.in)},
	}
}

func (f *forEachObject) Process(c *shell.Context) error {
	return c.Invoke(f.block, c.Input, nil, c.WriteObject)
}

type measureObject struct {
	sum   bool
	in    value.Value
	total float64
	count int
}

func (m *measureObject) Params() []shell.Param {
	return []shell.Param{
		{Name: "Sum", Bind: shell.Switch(&m.sum)},
		{Name: "InputObject", FromPipeline: true, Bind: shell.Value(&m.in)},
	}
}

func (m *measureObject) Process(c *shell.Context) error {
	if !c.HasInput {
		return nil
	}
	m.count++
	if m.sum {
		v, err := value.Convert(c.Input, value.TDouble)
		if err != nil {
			return err
		}
		m.total += v.(float64)
	}
	return nil
}

func (m *measureObject) End(c *shell.Context) error {
	var sum value.Value
	if m.sum {
		sum = m.total
	}
	return c.WriteObject(value.NewObject("Microsoft.PowerShell.Commands.GenericMeasureInfo",
		value.Property{Name: "Count", Value: int32(m.count)},
		value.Property{Name: "Sum", Value: sum}))
}

type getThing struct {
	identity string
	count    int
}

func (g *getThing) Params() []shell.Param {
	return []shell.Param{
		{Name: "Identity", Position: 1, Bind: shell.String(&g.identity)},
		{Name: "Count", Bind: shell.Int(&g.count)},
	}
}

func (g *getThing) Process(c *shell.Context) error {
	n := max(g.count, 1)
	for i := 1; i <= n; i++ {
		name := g.identity
		if name == "" {
			name = fmt.Sprintf("thing%d", i)
		}
		if name == "missing" {
			return &shell.ErrorRecord{Message: "The operation couldn't be performed because object 'missing' couldn't be found.",
				Category: "ObjectNotFound", ErrorID: "ManagementObjectNotFoundException", TargetObject: name}
		}
		if err := c.WriteObject(value.NewObject("Test.Thing",
			value.Property{Name: "Identity", Value: name},
			value.Property{Name: "Enabled", Value: false})); err != nil {
			return err
		}
	}
	return nil
}

type setThing struct {
	identity string
	enabled  bool
	mode     string
}

func (s *setThing) Params() []shell.Param {
	return []shell.Param{
		{Name: "Identity", Position: 1, Mandatory: true, FromPipeline: true, ByPropertyName: true, Bind: shell.String(&s.identity)},
		{Name: "Enabled", Bind: shell.Bool(&s.enabled)},
		{Name: "Mode", Bind: shell.Enum(&s.mode, "Fast", "Slow")},
	}
}

func (s *setThing) Process(c *shell.Context) error {
	if !c.ShouldProcess(s.identity, "Set-Thing") {
		return nil
	}
	c.WriteHost(fmt.Sprintf("set %s enabled=%v mode=%s", s.identity, s.enabled, s.mode), true, "")
	return nil
}

type writeError struct{ msg string }

func (w *writeError) Params() []shell.Param {
	return []shell.Param{{Name: "Message", Position: 1, Bind: shell.String(&w.msg)}}
}

func (w *writeError) Process(c *shell.Context) error {
	c.WriteError(&shell.ErrorRecord{Message: w.msg, Category: "NotSpecified", ErrorID: "Microsoft.PowerShell.Commands.WriteErrorException",
		Exception: "Microsoft.PowerShell.Commands.WriteErrorException"})
	return nil
}

type writeWarning struct{ msg string }

func (w *writeWarning) Params() []shell.Param {
	return []shell.Param{{Name: "Message", Position: 1, Mandatory: true, FromPipeline: true, Bind: shell.String(&w.msg)}}
}

func (w *writeWarning) Process(c *shell.Context) error {
	c.WriteWarning(w.msg)
	return nil
}

type outNull struct{ in value.Value }

func (o *outNull) Params() []shell.Param {
	return []shell.Param{{Name: "InputObject", FromPipeline: true, Bind: shell.Value(&o.in)}}
}

func (o *outNull) Process(*shell.Context) error { return nil }

// selectFirst passes n objects on and then stops the pipeline upstream.
type selectFirst struct {
	n    int
	in   value.Value
	seen int
}

func (s *selectFirst) Params() []shell.Param {
	return []shell.Param{
		{Name: "First", Position: 1, Bind: shell.Int(&s.n)},
		{Name: "InputObject", FromPipeline: true, Bind: shell.Value(&s.in)},
	}
}

func (s *selectFirst) Process(c *shell.Context) error {
	if s.seen >= s.n {
		return shell.StopPipeline
	}
	s.seen++
	if err := c.WriteObject(c.Input); err != nil {
		return err
	}
	if s.seen == s.n {
		return shell.StopPipeline
	}
	return nil
}

func (s *selectFirst) End(c *shell.Context) error {
	c.WriteHost(fmt.Sprintf("end after %d", s.seen), true, "")
	return nil
}

// getSet has two parameter sets: A alone, or B with an optional positional C.
type getSet struct{ a, b, c string }

func (g *getSet) Params() []shell.Param {
	return []shell.Param{
		{Name: "A", Position: 1, Sets: []string{"ByA"}, Bind: shell.String(&g.a)},
		{Name: "B", Sets: []string{"ByB"}, Mandatory: true, Bind: shell.String(&g.b)},
		{Name: "C", Position: 1, Sets: []string{"ByB"}, Bind: shell.String(&g.c)},
	}
}

func (g *getSet) Process(c *shell.Context) error {
	if c.Bound("A") {
		return c.WriteObject("A=" + g.a)
	}
	return c.WriteObject("B=" + g.b + " C=" + g.c)
}

type writeHost struct{ objs []value.Value }

func (w *writeHost) Params() []shell.Param {
	return []shell.Param{{Name: "Object", Position: 1, Remaining: true, Bind: shell.Values(&w.objs)}}
}

func (w *writeHost) Process(c *shell.Context) error {
	parts := make([]string, len(w.objs))
	for i, o := range w.objs {
		parts[i] = value.ToString(o)
	}
	c.WriteHost(strings.Join(parts, " "), true, "")
	return nil
}
