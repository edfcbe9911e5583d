package cmdlets

import (
	"strings"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/format"
	"github.com/exosh/exosh/shell/value"
)

// coreFormatCmdlets is the table of the Format-* cmdlets and Out-String / Out-Null /
// Out-Host.
func coreFormatCmdlets() []shell.CmdletInfo {
	return []shell.CmdletInfo{
		{Name: "Format-Table", Aliases: []string{"ft"}, Module: moduleUtility,
			Synopsis: "Formats the output as a table.",
			New:      func() shell.Cmdlet { return &formatCmd{table: true} }},
		{Name: "Format-List", Aliases: []string{"fl"}, Module: moduleUtility,
			Synopsis: "Formats the output as a list of properties in which each property appears on a new line.",
			New:      func() shell.Cmdlet { return new(formatCmd) }},
		{Name: "Out-String", Module: moduleUtility,
			Synopsis: "Outputs input objects as a string.",
			New:      func() shell.Cmdlet { return new(outString) }},
		{Name: "Out-Null", Module: moduleCore,
			Synopsis: "Hides the output instead of sending it down the pipeline or displaying it.",
			New:      func() shell.Cmdlet { return new(outNull) }},
		{Name: "Out-Host", Aliases: []string{"oh"}, Module: moduleCore,
			Synopsis: "Sends output to the command line.",
			New:      func() shell.Cmdlet { return new(outHost) }},
		{Name: "Out-File", Module: moduleUtility,
			Synopsis: "Sends output to a file.",
			New:      func() shell.Cmdlet { return new(outFile) }},
		{Name: "Tee-Object", Aliases: []string{"tee"}, Module: moduleUtility,
			Synopsis: "Saves command output in a file or variable and also sends it down the pipeline.",
			New:      func() shell.Cmdlet { return new(teeObject) }},
	}
}

// formatCmd is Format-Table and Format-List: it gathers its input and writes one
// format.Rendered block that Out-Default prints verbatim.
type formatCmd struct {
	table bool

	Property []value.Value
	AutoSize bool
	Wrap     bool
	Hide     bool
	Force    bool
	Input    value.Value

	props []calcProp
	objs  []value.Value
}

func (f *formatCmd) Params() []shell.Param {
	ps := []shell.Param{
		{Name: "Property", Position: 1, Bind: propsBinder{&f.Property}, Help: "The properties to show, with calculated properties."},
		{Name: "InputObject", FromPipeline: true, Bind: anyBinder{&f.Input}, Help: "The objects to format."},
		{Name: "Force", Bind: shell.Switch(&f.Force), Help: "Accepted."},
	}
	if f.table {
		ps = append(ps,
			shell.Param{Name: "AutoSize", Bind: shell.Switch(&f.AutoSize), Help: "Sizes every column to its content."},
			shell.Param{Name: "HideTableHeaders", Bind: shell.Switch(&f.Hide), Help: "Omits the header lines."},
			shell.Param{Name: "Wrap", Bind: shell.Switch(&f.Wrap), Help: "Wraps long values instead of cutting them."},
		)
	}
	return ps
}

func (f *formatCmd) Begin(c *shell.Context) error {
	props, err := parseProps(f.Property, formatKeys)
	if err != nil {
		return invalidArgument("DictionaryKeyIllegal", err.Error(), nil)
	}
	f.props = props
	return nil
}

func (f *formatCmd) Process(c *shell.Context) error {
	in := f.Input
	if !c.Bound("InputObject") {
		in = c.Input
	}
	if in == nil && !c.HasInput && !c.Bound("InputObject") {
		return nil
	}
	f.objs = append(f.objs, in)
	return nil
}

func (f *formatCmd) End(c *shell.Context) error {
	if len(f.objs) == 0 {
		return nil
	}
	svc := c.Services()
	cols := f.columns(c)
	if f.table {
		return c.WriteObject(format.RenderTable(f.objs, format.TableOptions{
			Columns: cols, AutoSize: f.AutoSize, Wrap: f.Wrap, HideTableHeaders: f.Hide,
		}, svc.Views, svc.Width))
	}
	return c.WriteObject(format.RenderList(f.objs, cols, svc.Views, svc.Width))
}

// columns turns -Property into format columns. Wildcards other than a lone "*" are
// expanded against the first object that has properties, as pwsh does.
func (f *formatCmd) columns(c *shell.Context) []format.Column {
	if len(f.props) == 0 {
		return nil
	}
	var first value.Value
	for _, o := range f.objs {
		if _, ok := o.(*value.Object); ok {
			first = o
			break
		}
		if o != nil && first == nil {
			first = o
		}
	}
	var cols []format.Column
	for _, p := range f.props {
		if p.Wildcard && p.Name == "*" {
			cols = append(cols, format.Column{Property: "*"})
			continue
		}
		if p.Wildcard {
			for _, e := range expand([]calcProp{p}, first) {
				cols = append(cols, format.Column{Property: e.Name})
			}
			continue
		}
		col := format.Column{Label: p.Name, Width: p.Width, FormatString: p.FormatStr}
		switch strings.ToLower(p.Alignment) {
		case "left":
			col.Align = format.AlignLeft
		case "right":
			col.Align = format.AlignRight
		}
		if s, ok := p.Expr.(string); ok && strings.EqualFold(s, p.Name) {
			col.Property = s
			col.Label = ""
			// Show the member's own spelling in the header.
			for _, n := range propertyNames(first) {
				if strings.EqualFold(n, s) {
					col.Property = n
				}
			}
		} else {
			pp := p
			col.Value = func(v value.Value) value.Value {
				r, err := pp.eval(c, v)
				if err != nil {
					return nil
				}
				return r
			}
		}
		cols = append(cols, col)
	}
	return cols
}

// outString is Out-String: the input rendered as Out-Default would print it, as one string
// or (with -Stream) one string per line.
type outString struct {
	Stream bool
	Width  int
	Input  value.Value

	buf strings.Builder
	out *format.Out
}

func (o *outString) Params() []shell.Param {
	return []shell.Param{
		{Name: "Stream", Bind: shell.Switch(&o.Stream), Help: "Writes each line as its own string."},
		{Name: "Width", Bind: shell.Int(&o.Width), Help: "The line width (default: the console width)."},
		{Name: "InputObject", FromPipeline: true, Bind: anyBinder{&o.Input}, Help: "The objects to render."},
	}
}

func (o *outString) Begin(c *shell.Context) error {
	w := c.Services().Width
	if c.Bound("Width") {
		w = o.Width
	}
	o.out = format.NewOut(&o.buf, c.Services().Views, w)
	return nil
}

func (o *outString) Process(c *shell.Context) error {
	in := o.Input
	if !c.Bound("InputObject") {
		in = c.Input
	}
	return o.out.Write(in)
}

func (o *outString) End(c *shell.Context) error {
	if err := o.out.Close(); err != nil {
		return err
	}
	s := o.buf.String()
	if !o.Stream {
		if s == "" {
			return nil
		}
		return c.WriteObject(s)
	}
	for _, l := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
		if s == "" {
			break
		}
		if err := c.WriteObject(l); err != nil {
			return err
		}
	}
	return nil
}

// outNull is Out-Null: it discards its input.
type outNull struct{ Input value.Value }

func (o *outNull) Params() []shell.Param {
	return []shell.Param{{Name: "InputObject", FromPipeline: true, Bind: anyBinder{&o.Input}, Help: "The objects to discard."}}
}

func (o *outNull) Process(c *shell.Context) error { return nil }

// outHost is Out-Host: the input rendered and written straight to the host, bypassing the
// pipeline's output.
type outHost struct {
	Paging bool
	Input  value.Value
	objs   []value.Value
}

func (o *outHost) Params() []shell.Param {
	return []shell.Param{
		{Name: "Paging", Bind: shell.Switch(&o.Paging), Help: "Accepted; output is not paged."},
		{Name: "InputObject", FromPipeline: true, Bind: anyBinder{&o.Input}, Help: "The objects to show."},
	}
}

func (o *outHost) Process(c *shell.Context) error {
	in := o.Input
	if !c.Bound("InputObject") {
		in = c.Input
	}
	o.objs = append(o.objs, in)
	return nil
}

func (o *outHost) End(c *shell.Context) error {
	var b strings.Builder
	out := format.NewOut(&b, c.Services().Views, c.Services().Width)
	for _, v := range o.objs {
		if err := out.Write(v); err != nil {
			return err
		}
	}
	if err := out.Close(); err != nil {
		return err
	}
	if s := b.String(); s != "" {
		c.WriteHost(strings.TrimSuffix(s, "\n"), true, "")
	}
	return nil
}
