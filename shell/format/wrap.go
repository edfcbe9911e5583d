package format

import (
	"strings"
	"unicode/utf8"
)

// cells is the display width of s. exosh counts one cell per rune: the hosts it targets show
// admin data, where wide East Asian characters are rare.
func cells(s string) int { return utf8.RuneCountInString(s) }

// head returns the first n cells of s.
func head(s string, n int) string {
	if n <= 0 {
		return ""
	}
	i := 0
	for pos := range s {
		if i == n {
			return s[:pos]
		}
		i++
	}
	return s
}

// tail returns the last n cells of s.
func tail(s string, n int) string {
	c := cells(s)
	if n >= c {
		return s
	}
	skip := c - n
	i := 0
	for pos := range s {
		if i == skip {
			return s[pos:]
		}
		i++
	}
	return ""
}

func spaces(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat(" ", n)
}

// splitLines splits on "\n", dropping every "\r" as pwsh's formatter does.
func splitLines(s string) []string {
	s = strings.ReplaceAll(s, "\r", "")
	return strings.Split(s, "\n")
}

// firstLine cuts a multi-line value at its first line break and marks the cut with "…".
func firstLine(s string) string {
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		return s[:i] + ellipsis
	}
	return s
}

// field fits one line of text into a column of width cells: shorter text is padded
// (right-aligned text on the left; left-aligned text on the right only when padRight), longer
// text is cut with "…" on the cut side (left-aligned text keeps its head, right-aligned text
// its tail), and a one-cell column is cut without "…".
func field(s string, width int, right, padRight bool) string {
	n := cells(s)
	switch {
	case n < width:
		if right {
			return spaces(width-n) + s
		}
		if padRight {
			return s + spaces(width-n)
		}
		return s
	case n > width:
		keep := width - 1 // "…" takes one cell
		switch {
		case keep > 0 && right:
			return ellipsis + tail(s, keep)
		case keep > 0:
			return head(s, keep) + ellipsis
		case right:
			return tail(s, width)
		default:
			return head(s, width)
		}
	}
	return s
}

// wrapLines breaks s into lines of at most width cells: embedded line breaks are kept, and
// long lines break after the space that ends a word (the space stays on the line, as in pwsh's
// word wrap for English); a word longer than a line is split by cells.
func wrapLines(s string, width int) []string {
	var out []string
	for _, line := range splitLines(s) {
		if cells(line) <= width || width <= 0 {
			out = append(out, line)
			continue
		}
		var cur strings.Builder
		left := width
		for _, w := range words(line) {
			ww := cells(w)
			if ww > width {
				for _, r := range w {
					if left < 1 {
						out = append(out, cur.String())
						cur.Reset()
						left = width
					}
					cur.WriteRune(r)
					left--
				}
				continue
			}
			if ww > left {
				out = append(out, cur.String())
				cur.Reset()
				left = width
			}
			cur.WriteString(w)
			left -= ww
		}
		out = append(out, cur.String())
	}
	return out
}

// words splits a line into words that each keep the space or tab ending them.
func words(line string) []string {
	var out []string
	start := 0
	for i := 0; i < len(line); i++ {
		if line[i] == ' ' || line[i] == '\t' {
			out = append(out, line[start:i+1])
			start = i + 1
		}
	}
	return append(out, line[start:])
}
