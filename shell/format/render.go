package format

import (
	"strings"

	"github.com/exosh/exosh/shell/value"
)

// Rendered is pre-formatted text produced by Format-Table or Format-List: Out prints its
// lines verbatim (ending any current table first) and Out-String joins them.
type Rendered struct{ Lines []string }

// String joins the lines as Out-String does, each followed by a newline.
func (r *Rendered) String() string {
	var b strings.Builder
	for _, l := range r.Lines {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return b.String()
}

// TableOptions are Format-Table's settings.
type TableOptions struct {
	Columns                          []Column // explicit -Property; nil = the view's or the object's properties
	AutoSize, Wrap, HideTableHeaders bool
}

// RenderTable formats objects as Format-Table does: the first non-scalar object chooses the
// columns (explicit ones, its table view, or its first ten properties), every row is used for
// the widths, and the block is framed by blank lines. Scalars print as lines in place.
func RenderTable(objs []value.Value, opt TableOptions, views *Views, width int) *Rendered {
	var b strings.Builder
	o := NewOut(&b, views, width)
	o.forceTable, o.unbounded = true, true
	o.columns = opt.Columns
	o.autoSize, o.wrap, o.hide = opt.AutoSize, opt.Wrap, opt.HideTableHeaders
	return run(o, &b, objs)
}

// RenderList formats objects as Format-List does: each object as "Label : value" lines for
// cols (nil = its list view or all its properties; a "*" column expands to all properties),
// a blank line before the first object and after each one.
func RenderList(objs []value.Value, cols []Column, views *Views, width int) *Rendered {
	var b strings.Builder
	o := NewOut(&b, views, width)
	o.forceList = true
	o.columns = cols
	return run(o, &b, objs)
}

func run(o *Out, b *strings.Builder, objs []value.Value) *Rendered {
	for _, v := range objs {
		o.write(v)
	}
	o.endBlock()
	s := strings.TrimSuffix(b.String(), "\n")
	if s == "" && b.Len() == 0 {
		return &Rendered{}
	}
	return &Rendered{Lines: strings.Split(s, "\n")}
}
