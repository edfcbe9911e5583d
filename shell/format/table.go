package format

import (
	"strings"

	"github.com/exosh/exosh/shell/value"
)

// table is one table being written: its columns, their alignment (decided by the first
// row) and, once fixed, their widths.
type table struct {
	cols   []Column
	labels []string
	right  []bool // resolved alignment per column
	widths []int  // nil until fixed; a hidden column has width 0
	// fromContent: widths come from the header and the buffered cells (property-generated
	// tables, views without widths, -AutoSize); otherwise the view's widths are used and
	// the columns without one share the rest of the line.
	fromContent bool
	// twoDecimals: doubles show two decimals, as in pwsh's property-generated tables; a
	// registered view's cells use the plain rendering.
	twoDecimals bool
	autoSize    bool
	wrap        bool
	hideHeaders bool
	console     int
}

// newTable prepares a table; the alignment of AlignDefault columns is decided by its first
// row.
func newTable(cols []Column, fromContent bool, console int) *table {
	t := &table{cols: cols, fromContent: fromContent, console: console}
	t.labels = make([]string, len(cols))
	for i, c := range cols {
		t.labels[i] = c.label()
	}
	return t
}

// cellsOf evaluates one object's row, each column once (a calculated column may have side
// effects).
func (t *table) cellsOf(v value.Value) []string {
	vals := make([]value.Value, len(t.cols))
	for i, c := range t.cols {
		vals[i] = columnValue(c, v)
	}
	if t.right == nil {
		t.right = make([]bool, len(t.cols))
		for i, c := range t.cols {
			t.right[i] = c.Align == AlignRight || c.Align == AlignDefault && isNumeric(vals[i])
		}
	}
	row := make([]string, len(t.cols))
	for i, c := range t.cols {
		row[i] = cellText(c, vals[i], t.twoDecimals)
	}
	return row
}

// cellText renders a column value, applying the column's format string when it has one.
func cellText(c Column, v value.Value, twoDecimals bool) string {
	if c.FormatString != "" && v != nil {
		if s, err := value.FormatString(c.FormatString, []value.Value{v}); err == nil {
			return s
		}
	}
	if twoDecimals {
		return CellString(v)
	}
	return listString(v)
}

// fix decides the column widths from the rows seen so far, then fits them to the console.
func (t *table) fix(rows [][]string) {
	w := make([]int, len(t.cols))
	if t.fromContent {
		for i, l := range t.labels {
			w[i] = cells(l)
		}
		for _, r := range rows {
			for i, s := range r {
				w[i] = max(w[i], cells(s))
			}
		}
	}
	// A width given for a column (a view's or a calculated property's Width) holds, unless
	// -AutoSize asked for every width to come from the content.
	if !t.autoSize {
		for i, c := range t.cols {
			if c.Width > 0 {
				w[i] = c.Width
			}
		}
	}
	used, open := 0, 0
	for _, x := range w {
		used += x
		if x == 0 {
			open++
		}
	}
	if rest := t.console - used - (len(w) - 1); open > 0 && rest >= open {
		shareRest(w, rest)
	}
	for i := range w {
		w[i] = max(w[i], 1)
	}
	t.widths = shrinkToFit(w, t.console)
}

// shareRest gives the columns without a width (0) an even share of rest cells; the first of
// them take one more cell each while the division leaves a remainder, as pwsh hands out the
// space one cell at a time from the left.
func shareRest(w []int, rest int) {
	open := 0
	for _, x := range w {
		if x == 0 {
			open++
		}
	}
	if open == 0 {
		return
	}
	share, extra := rest/open, rest%open
	for i, x := range w {
		if x != 0 {
			continue
		}
		w[i] = share
		if extra > 0 {
			w[i]++
			extra--
		}
	}
}

// shrinkToFit narrows the last visible column until the row fits the console; a column
// that would drop below one cell is hidden (width 0) and the next one to its left shrinks.
func shrinkToFit(w []int, console int) []int {
	for {
		total, last := 0, -1
		for i, x := range w {
			if x > 0 {
				if last >= 0 {
					total++
				}
				total += x
				last = i
			}
		}
		excess := total - console
		if excess <= 0 || last < 0 {
			return w
		}
		if w[last]-excess >= 1 {
			w[last] -= excess
			return w
		}
		w[last] = 0
	}
}

// visible lists the indexes of the shown columns.
func (t *table) visible() []int {
	var out []int
	for i, w := range t.widths {
		if w > 0 {
			out = append(out, i)
		}
	}
	return out
}

// header renders the header: the labels (wrapped when a column is narrower than its label)
// and the dash line, whose dashes underline the label text only.
func (t *table) header() []string {
	if t.hideHeaders || len(t.visible()) == 0 {
		return nil
	}
	dashes := make([]string, len(t.labels))
	for i, l := range t.labels {
		dashes[i] = strings.Repeat("-", min(cells(l), t.widths[i]))
	}
	return append(t.wrapped(t.labels), t.line(dashes))
}

// row renders one row: each value cut to its first line and to its column, or with -Wrap
// wrapped within its column over as many lines as needed.
func (t *table) row(texts []string) []string {
	if len(t.visible()) == 0 {
		return nil
	}
	if t.wrap {
		return t.wrapped(texts)
	}
	return []string{t.line(texts)}
}

// line renders one single-line row. Only the table's last column is left unpadded, so when
// that column is hidden the last shown one keeps its padding, as in pwsh.
func (t *table) line(texts []string) string {
	var b strings.Builder
	first := true
	for i, s := range texts {
		w := t.widths[i]
		if w <= 0 {
			continue
		}
		if !first {
			b.WriteByte(' ')
		}
		first = false
		b.WriteString(field(firstLine(s), w, t.right[i], i < len(texts)-1))
	}
	return b.String()
}

// wrapped renders a row whose values wrap within their columns. On every physical line the
// text ends with the last column that still has content there, without trailing blanks
// (unless the row fits on one line); shorter columns are filled with blanks.
func (t *table) wrapped(texts []string) []string {
	vis := t.visible()
	parts := make([][]string, len(vis))
	height := 0
	for k, i := range vis {
		padded := k < len(vis)-1
		lines := wrapLines(texts[i], t.widths[i])
		if padded || t.right[i] {
			for j, l := range lines {
				if cells(l) < t.widths[i] {
					lines[j] = field(l, t.widths[i], t.right[i], padded)
				}
			}
		}
		if k > 0 {
			for j := range lines {
				lines[j] = " " + lines[j]
			}
		}
		parts[k] = lines
		height = max(height, len(lines))
	}
	out := make([]string, height)
	for r := range height {
		lastWithContent := 0
		for k := range parts {
			if len(parts[k]) > r {
				lastWithContent = k
			}
		}
		var b strings.Builder
		for k := range parts {
			var s string
			switch {
			case r < len(parts[k]):
				s = parts[k][r]
			case k > lastWithContent:
				s = ""
			case k < len(parts)-1:
				s = spaces(t.widths[vis[k]] + min(k, 1))
			}
			if k == lastWithContent && height > 1 {
				s = strings.TrimRight(s, " ")
			}
			b.WriteString(s)
		}
		out[r] = b.String()
	}
	return out
}
