package shell

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/exosh/exosh/parser"
)

// FormatError writes err the way pwsh 7's ConciseView shows it: the one-line
// "Reason: message" form for an error on line 1 of input that is not a script file, and the
// "Line |" block form otherwise (script files, later lines of multi-line input, parse
// errors). interactive is accepted for the host's sake; pwsh itself decides by the error's
// position, and so does exosh. color wraps the text in red. An *ExitError prints nothing.
func FormatError(w io.Writer, err error, interactive, color bool) {
	_ = interactive
	var ee *ExitError
	if err == nil || errors.As(err, &ee) {
		return
	}
	var re *RuntimeError
	if !errors.As(err, &re) {
		var pe *parser.Error
		if errors.As(err, &pe) {
			re = &RuntimeError{Message: pe.Msg, Category: "ParserError", ErrorID: pe.ErrorID,
				Span: parser.Span{Pos: pe.Pos, EndPos: pe.EndPos}}
		} else {
			re = &RuntimeError{Message: err.Error(), Category: "NotSpecified", Exception: excRuntime}
		}
	}
	var b strings.Builder
	reason := errorReason(re)
	// pwsh decides by the error's position, not by the host: an error outside a script file
	// on line 1 prints on one line; anything else (a script file, a later line of
	// multi-line input, a parse error) prints the block.
	oneLine := !re.Source.File && re.Category != "ParserError" && re.Span.Pos.Line <= 1
	if oneLine || re.Span.Pos.Line == 0 {
		b.WriteString(reason + ": " + re.Message + "\n")
	} else {
		writeBlock(&b, re, reason)
	}
	text := b.String()
	if color {
		lines := strings.SplitAfter(text, "\n")
		for i, l := range lines {
			if body := strings.TrimSuffix(l, "\n"); body != "" {
				lines[i] = ansiRed + body + ansiReset + l[len(body):]
			}
		}
		text = strings.Join(lines, "")
	}
	_, _ = io.WriteString(w, text)
}

// errorReason is the ConciseView reason: "Exception" for throw, else the command name, else
// the category (unless NotSpecified), else the exception's short type name.
func errorReason(re *RuntimeError) string {
	switch {
	case re.Thrown:
		return "Exception"
	case re.Command != "":
		return re.Command
	case re.Category != "" && re.Category != "NotSpecified":
		return re.Category
	case re.Exception != "":
		return shortName(re.Exception)
	}
	return "RuntimeException"
}

// positionMessage is InvocationInfo.PositionMessage: "At file:line char:col", the source
// line and the ~ marker, each of the last two after "+ ".
func positionMessage(re *RuntimeError) string {
	if re.Span.Pos.Line == 0 {
		return ""
	}
	file := "line"
	if re.Source.File {
		file = re.Source.Name
	}
	text, before, n := markedLine(re)
	return fmt.Sprintf("At %s:%d char:%d\n+ %s\n+ %s%s", file, re.Span.Pos.Line, re.Span.Pos.Column,
		text, strings.Repeat(" ", before), strings.Repeat("~", n))
}

// writeBlock writes the "Line |" form.
func writeBlock(b *strings.Builder, re *RuntimeError, reason string) {
	line := re.Span.Pos.Line
	header := ""
	if re.Source.File {
		header = fmt.Sprintf("%s:%d", re.Source.Name, line)
	}
	if reason != "" {
		b.WriteString(reason + ": " + header + "\n")
	}
	num := fmt.Sprintf("%d", line)
	width := max(4, len(num))
	gutter := strings.Repeat(" ", width) + " | "
	src, before, n := markedLine(re)
	b.WriteString(fmt.Sprintf("%*s |\n", width, "Line"))
	b.WriteString(fmt.Sprintf("%*s |  %s\n", width, num, src))
	b.WriteString(gutter + " " + strings.Repeat(" ", before) + strings.Repeat("~", n) + "\n")
	// Messages of script-file and parse errors are flattened and wrapped at the console
	// width, and the block is followed by a blank line; for multi-line interactive input
	// the message is printed as it is.
	if !re.Source.File && re.Category != "ParserError" {
		b.WriteString(gutter + re.Message + "\n")
		return
	}
	msg := strings.NewReplacer("\r\n", " ", "\n", " ", "\t", " ").Replace(re.Message)
	for _, l := range wrapWords(msg, 120-len(gutter)) {
		b.WriteString(gutter + l + "\n")
	}
	if reason != "" {
		b.WriteString("\n")
	}
}

// wrapWords breaks text into lines of at most width characters at spaces.
func wrapWords(text string, width int) []string {
	if len([]rune(text)) <= width {
		return []string{text}
	}
	var lines []string
	var cur strings.Builder
	for _, w := range strings.Split(text, " ") {
		if cur.Len() > 0 && len([]rune(cur.String()))+1+len([]rune(w)) > width {
			lines = append(lines, cur.String())
			cur.Reset()
		}
		if cur.Len() > 0 {
			cur.WriteString(" ")
		}
		cur.WriteString(w)
	}
	return append(lines, cur.String())
}

// maxShownLine is the longest source text pwsh shows under an error; longer lines are cut
// around the error and marked with "…".
const maxShownLine = 69

// markedLine returns the source line of an error as pwsh's position message shows it (tabs
// expanded, long lines shortened around the error), the number of characters before the
// error, and the number of ~ to draw.
func markedLine(re *RuntimeError) (string, int, int) {
	line := []rune(strings.TrimRight(sourceLine(re.Source.Text, re.Span.Pos.Line), " \t\r"))
	start := min(max(re.Span.Pos.Column-1, 0), len(line))
	n := len(line) - start
	if re.Span.EndPos.Line == re.Span.Pos.Line && re.Span.EndPos.Column-1 <= len(line) {
		n = re.Span.EndPos.Column - 1 - start
	}
	n = max(n, 0)
	// Tabs count as four columns.
	expand := func(r []rune) []rune { return []rune(strings.ReplaceAll(string(r), "\t", "    ")) }
	pre, mid, post := expand(line[:start]), expand(line[start:start+n]), expand(line[start+n:])
	text := append(append(append([]rune{}, pre...), mid...), post...)
	before, errLen := len(pre), len(mid)
	dotsBefore, dotsAfter := false, false
	if len(text) > maxShownLine {
		// Keep the error with up to 12 characters of context before it and 8 after, then
		// widen the window (preferring the text before) to fill the line.
		prefix := min(before, 12)
		totalSuffix := len(text) - errLen - before
		suffix := min(totalSuffix, 8)
		if prefix+errLen+suffix >= maxShownLine {
			if prefix+errLen >= maxShownLine {
				errLen = maxShownLine - prefix
			}
			dotsAfter = true
		} else {
			cand := prefix + errLen + suffix
			if extra := before - prefix; extra > 0 {
				prefix += min(extra, maxShownLine-cand)
				cand = prefix + errLen + suffix
			}
			if cand < maxShownLine && totalSuffix > 0 {
				suffix += min(totalSuffix, maxShownLine-cand)
			}
			dotsAfter = suffix < totalSuffix
		}
		dotsBefore = prefix < before
		from := max(before-prefix, 0)
		text = text[from:min(from+maxShownLine, len(text))]
		before = min(before, prefix)
		errLen = min(errLen, maxShownLine-before)
	}
	out := string(text)
	if dotsBefore {
		out = "\u2026 " + out
		before += 2
	}
	if dotsAfter {
		out += " \u2026"
	}
	return out, before, max(errLen, 1)
}
