package repl

import (
	"context"
	"io"
	"strings"
	"time"

	"github.com/chzyer/readline"
)

// completionTimeout bounds one Tab, so a slow source never freezes the prompt.
const completionTimeout = 2 * time.Second

// tabCycler implements Tab as PSReadLine's Windows mode does: the word under the cursor
// is replaced by the first candidate, each further Tab replaces it by the next one
// (wrapping around), and when there are several candidates they are listed once below
// the line, as Ctrl+Space lists them. Any other key ends the cycle.
type tabCycler struct {
	c   *Completer
	out io.Writer // the terminal, for the candidate list

	// The cycle in progress: the line and cursor as the last Tab left them, the
	// candidates, the one shown and where it starts.
	line  []rune
	pos   int
	cands []string
	idx   int
	start int
}

// OnChange is readline's key listener.
func (t *tabCycler) OnChange(line []rune, pos int, key rune) ([]rune, int, bool) {
	if key != readline.CharTab {
		t.cands = nil
		return nil, 0, false
	}
	if t.cands != nil && pos == t.pos && string(line) == string(t.line) {
		old := t.cands[t.idx]
		t.idx = (t.idx + 1) % len(t.cands)
		return t.replace(line, t.start, t.start+len([]rune(old)), t.cands[t.idx])
	}
	text := string(line)
	bytePos := len(string(line[:pos]))
	ctx, cancel := context.WithTimeout(context.Background(), completionTimeout)
	res := t.c.Complete(ctx, text, bytePos)
	cancel()
	if len(res.Candidates) == 0 {
		t.cands = nil
		return nil, 0, false
	}
	if len(res.Candidates) > 1 && t.out != nil {
		io.WriteString(t.out, "\r\n"+columns(res.Candidates, TerminalWidth())+"\r\n")
	}
	t.cands, t.idx = res.Candidates, 0
	start := len([]rune(text[:res.Start]))
	end := len([]rune(text[:res.End]))
	return t.replace(line, start, end, t.cands[0])
}

// replace puts cand in place of line[start:end] and remembers the result for the next
// Tab.
func (t *tabCycler) replace(line []rune, start, end int, cand string) ([]rune, int, bool) {
	c := []rune(cand)
	out := make([]rune, 0, len(line)-(end-start)+len(c))
	out = append(out, line[:start]...)
	out = append(out, c...)
	out = append(out, line[end:]...)
	t.line, t.pos, t.start = out, start+len(c), start
	return out, t.pos, true
}

// columns lays names out in columns across width (80 when unknown), as a completion
// menu does.
func columns(names []string, width int) string {
	if width <= 0 {
		width = 80
	}
	w := 0
	for _, n := range names {
		if l := len([]rune(n)); l > w {
			w = l
		}
	}
	w += 2
	per := max(width/w, 1)
	rows := (len(names) + per - 1) / per
	var b strings.Builder
	for r := 0; r < rows; r++ {
		if r > 0 {
			b.WriteString("\r\n")
		}
		line := ""
		for col := 0; col < per; col++ {
			i := col*rows + r
			if i >= len(names) {
				break
			}
			line += names[i] + strings.Repeat(" ", w-len([]rune(names[i])))
		}
		b.WriteString(strings.TrimRight(line, " "))
	}
	return b.String()
}

// noCompletion makes readline treat Tab as handled (no bell, no tab character) and
// leaves the work to the key listener.
type noCompletion struct{}

func (noCompletion) Do([]rune, int) ([][]rune, int) { return nil, 0 }
