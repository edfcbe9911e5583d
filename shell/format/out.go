package format

import (
	"io"
	"strings"
	"time"

	"github.com/exosh/exosh/shell/value"
)

// DefaultWidth is the console width pwsh assumes when the output is not a terminal.
const DefaultWidth = 120

// maxBufferedRows bounds how many rows a property-generated table holds back to compute its
// column widths. pwsh uses the rows that arrive within its first 300 ms; exosh produces
// objects without delay, so it is deterministic instead: widths come from every row
// buffered until Flush, Close, or this many rows, whichever comes first. Later rows are
// fitted (and if need be cut) to those widths.
const maxBufferedRows = 1000

// mode is the shape the first non-scalar object fixed for the whole run.
type mode int

const (
	modeNone  mode = iota // nothing but scalars so far
	modeTable             // a table: header written once, rows under it
	modeList              // a list: each object as "Label : value" lines
	modeDate              // DateTime's own view: one long-form line per date
)

// pending is output held back while a table's widths are not fixed yet: a row's cell texts,
// or lines (scalars, out-of-band objects) that must keep their place among the rows.
type pending struct {
	row   []string
	lines []string
}

// Out is the state of one Out-Default run (one per script, or one per REPL input line):
// pwsh fixes the shape and table columns with the first non-scalar object for the whole run.
type Out struct {
	w     io.Writer
	views *Views
	width int
	err   error

	// Format-Table / Format-List settings; the zero values are Out-Default's behaviour.
	forceTable, forceList bool
	columns               []Column
	autoSize, wrap, hide  bool
	unbounded             bool // buffer every row before fixing widths (Format-Table)

	mode    mode
	view    *View  // the registered view that fixed the shape; nil when property-generated
	group   string // the current group's value, for a view with GroupBy
	tbl     *table
	held    []pending
	heldRow int
}

// NewOut returns the Out-Default state for one run writing to w. A nil views uses the
// built-in views only; a width of 0 or less means DefaultWidth.
func NewOut(w io.Writer, views *Views, width int) *Out {
	if views == nil {
		views = NewViews()
	}
	if width <= 0 {
		width = DefaultWidth
	}
	return &Out{w: w, views: views, width: width}
}

// Write formats one pipeline output object. Arrays are normally enumerated by the caller;
// a collection written here is enumerated as Out-Default does, one element at a time.
func (o *Out) Write(v value.Value) error {
	if o.err == nil {
		o.write(v)
	}
	return o.err
}

// Flush renders what is buffered now, fixing the table's column widths if they are not fixed
// yet, but keeps the table open: later rows continue under the same header. The runtime calls
// it before anything else reaches the console (host text, warnings, errors, prompts).
func (o *Out) Flush() error {
	if o.err == nil && o.mode == modeTable && o.tbl.widths == nil {
		o.fixTable()
	}
	return o.err
}

// Close ends the run: it renders what is buffered and writes the blank line that ends the
// last table or date block. The Out can be used again afterwards as a new run.
func (o *Out) Close() error {
	if o.err == nil {
		o.endBlock()
	}
	return o.err
}

func (o *Out) write(v value.Value) {
	switch classify(v) {
	case kindNone:
	case kindRendered:
		o.endBlock()
		o.writeLines(v.(*Rendered).Lines...)
	case kindCollection:
		var items []value.Value
		if l, ok := v.(*value.List); ok {
			items = l.Items
		} else {
			items = v.([]value.Value)
		}
		for _, it := range items {
			o.write(it)
		}
	case kindDictionary:
		for _, e := range dictionaryEntries(v.(*value.Hashtable)) {
			o.object(e)
		}
	case kindScalar:
		o.emit(DisplayString(v))
	default:
		o.object(v)
	}
}

// object formats one non-scalar value according to the run's shape.
func (o *Out) object(v value.Value) {
	if o.mode == modeNone {
		o.start(v)
		return
	}
	_, isDate := v.(time.Time)
	switch o.mode {
	case modeTable:
		if o.view != nil && o.view.GroupBy != "" && o.matches(v) && groupValue(v, o.view) != o.group {
			// A new group starts a table of its own under its group line.
			o.endBlock()
			o.start(v)
			return
		}
		if o.view == nil || o.matches(v) {
			o.addRow(v)
			return
		}
	case modeList:
		if o.view == nil {
			o.emit(append(listEntries(v, o.listColumns(v), o.width), "")...)
			return
		}
		if o.matches(v) {
			o.emit(append(listEntries(v, o.view.Columns, o.width), "")...)
			return
		}
	case modeDate:
		if isDate {
			o.emit(DisplayString(v))
			return
		}
	}
	o.outOfBand(v)
}

// matches reports whether v has the same registered view as the one that fixed the shape.
func (o *Out) matches(v value.Value) bool {
	vw, ok := o.views.Lookup(typeNamesOf(v))
	return ok && sameView(vw, *o.view)
}

// outOfBand prints an object that does not fit the run's view as a list of its own, framed
// by blank lines, at its place in the output.
func (o *Out) outOfBand(v value.Value) {
	if _, ok := v.(time.Time); ok {
		o.emit("", DisplayString(v), "")
		return
	}
	lines := listEntries(v, o.listColumns(v), o.width)
	if len(lines) == 0 {
		return
	}
	o.emit(append(append([]string{""}, lines...), "")...)
}

// listColumns are the list entries of an object: the explicit Format-List properties, else
// its registered list view, else all its properties.
func (o *Out) listColumns(v value.Value) []Column {
	if o.columns != nil {
		return expandColumns(o.columns, v, false)
	}
	if vw, ok := o.views.Lookup(typeNamesOf(v)); ok && vw.Kind == ListView {
		return vw.Columns
	}
	return generatedColumns(v, 0)
}

// start fixes the run's shape from its first non-scalar object.
func (o *Out) start(v value.Value) {
	if _, ok := v.(time.Time); ok && o.columns == nil && !o.forceList {
		o.mode = modeDate
		o.writeLines("", DisplayString(v))
		return
	}
	if o.forceList {
		lines := listEntries(v, o.listColumns(v), o.width)
		if len(lines) == 0 {
			return
		}
		o.mode = modeList
		o.writeLines(append(append([]string{""}, lines...), "")...)
		return
	}
	vw, hasView := o.views.Lookup(typeNamesOf(v))
	cols := o.columns
	fromContent := true
	switch {
	case cols != nil:
		cols = expandColumns(cols, v, true)
	case hasView && vw.Kind == ListView && !o.forceTable:
		o.mode, o.view = modeList, &vw
		o.writeLines(append(append([]string{""}, listEntries(v, vw.Columns, o.width)...), "")...)
		return
	case hasView && vw.Kind == TableView:
		o.view = &vw
		cols = vw.Columns
		if vw.GroupBy != "" {
			o.group = groupValue(v, &vw)
			o.writeLines("", "   "+vw.GroupLabel+": "+o.group)
		}
		// pwsh sizes a view's columns from the content only when the view gives no width
		// for its first column; -AutoSize always does.
		fromContent = o.autoSize || len(cols) == 0 || cols[0].Width == 0
	default:
		n := len(properties(v))
		if n == 0 {
			return
		}
		if n > 4 && !o.forceTable {
			o.mode = modeList
			o.writeLines(append(append([]string{""}, listEntries(v, generatedColumns(v, 0), o.width)...), "")...)
			return
		}
		// Format-Table shows at most the first ten properties.
		cols = generatedColumns(v, 10)
	}
	o.mode = modeTable
	o.tbl = newTable(cols, fromContent, o.width)
	o.tbl.autoSize, o.tbl.wrap, o.tbl.hideHeaders = o.autoSize, o.wrap, o.hide
	o.tbl.twoDecimals = o.view == nil
	row := o.tbl.cellsOf(v)
	if !fromContent {
		o.tbl.fix(nil)
		o.writeLines(append([]string{""}, o.tbl.header()...)...)
	}
	o.addCells(row)
}

// addRow renders or buffers one table row.
func (o *Out) addRow(v value.Value) {
	o.addCells(o.tbl.cellsOf(v))
}

// addCells renders or buffers a row's cell texts.
func (o *Out) addCells(row []string) {
	if o.tbl.widths != nil {
		o.writeLines(o.tbl.row(row)...)
		return
	}
	o.held = append(o.held, pending{row: row})
	o.heldRow++
	if !o.unbounded && o.heldRow >= maxBufferedRows {
		o.fixTable()
	}
}

// fixTable fixes the widths from the buffered rows and writes the header and everything
// held back.
func (o *Out) fixTable() {
	var rows [][]string
	for _, p := range o.held {
		if p.row != nil {
			rows = append(rows, p.row)
		}
	}
	o.tbl.fix(rows)
	o.writeLines(append([]string{""}, o.tbl.header()...)...)
	for _, p := range o.held {
		if p.row != nil {
			o.writeLines(o.tbl.row(p.row)...)
		} else {
			o.writeLines(p.lines...)
		}
	}
	o.held, o.heldRow = nil, 0
}

// emit writes lines at the current position: held back while a table's widths are open.
func (o *Out) emit(lines ...string) {
	if o.mode == modeTable && o.tbl.widths == nil {
		o.held = append(o.held, pending{lines: lines})
		return
	}
	o.writeLines(lines...)
}

// endBlock closes the current shape with its trailing blank line and resets the run.
func (o *Out) endBlock() {
	switch o.mode {
	case modeTable:
		if o.tbl.widths == nil {
			o.fixTable()
		}
		o.writeLines("")
	case modeDate:
		o.writeLines("")
	}
	o.mode, o.view, o.tbl = modeNone, nil, nil
}

func (o *Out) writeLines(lines ...string) {
	if o.err != nil || len(lines) == 0 {
		return
	}
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	_, o.err = io.WriteString(o.w, b.String())
}

// groupValue is the text of v's GroupBy property under view vw.
func groupValue(v value.Value, vw *View) string {
	g, _ := value.GetMember(v, vw.GroupBy)
	return value.ToString(g)
}
