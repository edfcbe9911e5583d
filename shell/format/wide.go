package format

import "github.com/exosh/exosh/shell/value"

// WideOptions are Format-Wide's settings.
type WideOptions struct {
	Column   *Column // -Property; nil = the object's display name property
	Columns  int     // -Column; 0 = two, or as many as fit with AutoSize
	AutoSize bool
}

// wideNameCandidates are the properties Format-Wide shows when no property is given, in
// order of preference; wildcard ones match any property with that ending.
var wideNameCandidates = []string{"Name", "Id", "Key", "*Key", "*Name", "*Id"}

// RenderWide formats objects as Format-Wide does: one value per object, laid out left to
// right in equal columns (two by default; with AutoSize as many as fit the widest value),
// framed by blank lines. Scalars print as lines in place.
func RenderWide(objs []value.Value, opt WideOptions, width int) *Rendered {
	if width <= 0 {
		width = DefaultWidth
	}
	var items []value.Value
	for _, v := range objs {
		items = appendEnumerated(items, v)
	}
	var out, texts []string
	started := false
	for _, v := range items {
		switch classify(v) {
		case kindNone:
			continue
		case kindScalar:
			if !started {
				out = append(out, DisplayString(v))
				continue
			}
		}
		started = true
		texts = append(texts, wideText(v, opt.Column))
	}
	if started {
		out = append(out, "")
		out = append(out, wideRows(texts, opt, width)...)
		out = append(out, "")
	}
	return &Rendered{Lines: out}
}

// appendEnumerated adds v, with collections and hashtables enumerated one level.
func appendEnumerated(items []value.Value, v value.Value) []value.Value {
	switch x := v.(type) {
	case []value.Value:
		return append(items, x...)
	case *value.List:
		return append(items, x.Items...)
	case *value.Hashtable:
		return append(items, dictionaryEntries(x)...)
	}
	return append(items, v)
}

// wideText is the one value Format-Wide shows for v.
func wideText(v value.Value, col *Column) string {
	if col != nil {
		return listText(*col, columnValue(*col, v))
	}
	if classify(v) != kindObject {
		return listString(v)
	}
	props := properties(v)
	for _, cand := range wideNameCandidates {
		for _, p := range props {
			if value.MatchWildcard(cand, p.Name, false) {
				return listString(p.Value)
			}
		}
	}
	if len(props) > 0 {
		return listString(props[0].Value)
	}
	return value.ToString(v)
}

// wideRows lays the values out in rows of equal, left-aligned columns.
func wideRows(texts []string, opt WideOptions, width int) []string {
	perRow := 2
	switch {
	case opt.AutoSize:
		longest := 0
		for _, s := range texts {
			longest = max(longest, cells(s))
		}
		perRow = bestItemsPerRow(longest, width)
	case opt.Columns > 0:
		perRow = opt.Columns
	}
	t := &table{console: width, right: make([]bool, perRow)}
	w := make([]int, perRow)
	if rest := width - (perRow - 1); rest >= perRow {
		shareRest(w, rest)
	}
	for i := range w {
		w[i] = max(w[i], 1)
	}
	t.widths = shrinkToFit(w, width)
	var out []string
	for start := 0; start < len(texts); start += perRow {
		row := make([]string, perRow)
		copy(row, texts[start:min(start+perRow, len(texts))])
		out = append(out, t.line(row))
	}
	return out
}

// bestItemsPerRow is how many values of the given width fit on one line with a separator
// between them; pwsh stops one short of filling the line exactly.
func bestItemsPerRow(longest, width int) int {
	if longest <= 0 || longest >= width {
		return 1
	}
	n := 1
	for longest*(n+1)+n < width {
		n++
	}
	return n
}
