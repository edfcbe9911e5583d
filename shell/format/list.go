package format

import (
	"github.com/exosh/exosh/shell/value"
)

// listEntries renders one object as list lines "Label : value": labels padded to the
// longest label of this object, long values wrapped and multi-line values continued under
// the value column. A width too small for any value prints nothing, as pwsh does.
func listEntries(v value.Value, cols []Column, width int) []string {
	if len(cols) == 0 {
		return nil
	}
	labelWidth := 0
	for _, c := range cols {
		labelWidth = max(labelWidth, cells(c.label()))
	}
	const sep = " : "
	// Labels longer than the line allows are clipped so that one value cell remains.
	if limit := width - len(sep) - 1; labelWidth > limit {
		if limit < 1 {
			return nil
		}
		labelWidth = limit
	}
	field := width - labelWidth - len(sep)
	indent := spaces(labelWidth + len(sep))
	var out []string
	for _, c := range cols {
		label := c.label()
		if cells(label) > labelWidth {
			label = head(label, labelWidth)
		}
		prefix := label + spaces(labelWidth-cells(label)) + sep
		text := listText(c, columnValue(c, v))
		for i, l := range wrapLines(text, field) {
			if i == 0 {
				out = append(out, prefix+l)
			} else {
				out = append(out, indent+l)
			}
		}
	}
	return out
}

// listText renders a list value, applying the column's format string when it has one.
func listText(c Column, v value.Value) string {
	if c.FormatString != "" && v != nil {
		if s, err := value.FormatString(c.FormatString, []value.Value{v}); err == nil {
			return s
		}
	}
	return listString(v)
}
