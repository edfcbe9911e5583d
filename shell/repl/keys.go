package repl

import (
	"bytes"
	"io"
	"strings"

	"github.com/chzyer/readline"
)

// keyListener is readline's listener: Tab goes to the completion cycle, Up and Down to
// the prefix history walk, and every key ends whichever it does not belong to.
type keyListener struct {
	tab  *tabCycler  // nil without completion
	hist *prefixWalk // nil without history
}

func (k *keyListener) OnChange(line []rune, pos int, key rune) ([]rune, int, bool) {
	if k.hist != nil {
		if nl, np, ok := k.hist.OnChange(line, pos, key); ok {
			return nl, np, true
		}
	}
	if k.tab != nil {
		return k.tab.OnChange(line, pos, key)
	}
	return nil, 0, false
}

// prefixWalk makes Up and Down walk only the history entries that start with what was
// typed before the first Up (all of them when nothing was typed), newest first, as
// PSReadLine's HistorySearchBackward and HistorySearchForward do.
type prefixWalk struct {
	entries func() []string

	last    []rune // the line as the previous key left it
	walking bool
	prefix  string
	idx     int // index into the entries of the one shown; len(entries) is the typed line
}

func (w *prefixWalk) OnChange(line []rune, pos int, key rune) ([]rune, int, bool) {
	defer func() { w.last = append(w.last[:0], line...) }()
	if key != readline.CharPrev && key != readline.CharNext {
		w.walking = false
		return nil, 0, false
	}
	entries := w.entries()
	if !w.walking {
		w.walking, w.prefix, w.idx = true, string(w.last), len(entries)
	}
	step := -1
	if key == readline.CharNext {
		step = 1
	}
	for i := w.idx + step; i >= 0 && i <= len(entries); i += step {
		if i == len(entries) {
			w.idx = i
			out := []rune(w.prefix)
			line = out
			return out, len(out), true
		}
		if len(entries[i]) >= len(w.prefix) && strings.EqualFold(entries[i][:len(w.prefix)], w.prefix) {
			w.idx = i
			out := []rune(entries[i])
			line = out
			return out, len(out), true
		}
	}
	// Nothing further in that direction: the line stays as it was before the key.
	line = append([]rune(nil), w.last...)
	return line, len(line), true
}

// keySequences maps the escape sequences terminals send for PSReadLine's word and line
// keys onto the ones readline understands: Ctrl+Left and Ctrl+Right move by word (as
// Alt+B and Alt+F do), and the vt220 Home and End keys go to the start and end of line.
var keySequences = []struct{ from, to string }{
	{"\x1b[1;5D", "\x1bb"}, {"\x1b[1;5C", "\x1bf"},
	{"\x1b[5D", "\x1bb"}, {"\x1b[5C", "\x1bf"},
	{"\x1b[1~", "\x1b[H"}, {"\x1b[4~", "\x1b[F"},
	{"\x1b[7~", "\x1b[H"}, {"\x1b[8~", "\x1b[F"},
}

// keyReader rewrites those sequences in the terminal's input. A read that ends inside a
// possible sequence keeps the start back until the next read completes it.
type keyReader struct {
	in      io.Reader
	pending []byte
	out     []byte
}

func (k *keyReader) Read(p []byte) (int, error) {
	for len(k.out) == 0 {
		buf := make([]byte, 256)
		n, err := k.in.Read(buf)
		data := append(k.pending, buf[:n]...)
		k.pending = nil
		if err == nil {
			if cut := partialSequence(data); cut >= 0 {
				k.pending = append([]byte(nil), data[cut:]...)
				data = data[:cut]
			}
		}
		for _, s := range keySequences {
			data = bytes.ReplaceAll(data, []byte(s.from), []byte(s.to))
		}
		k.out = data
		if err != nil {
			if len(k.out) == 0 {
				return 0, err
			}
			break
		}
	}
	n := copy(p, k.out)
	k.out = k.out[n:]
	return n, nil
}

// partialSequence returns where data ends with the unfinished start of a rewritten
// sequence, or -1.
func partialSequence(data []byte) int {
	i := bytes.LastIndexByte(data, 0x1b)
	if i < 0 {
		return -1
	}
	tail := string(data[i:])
	for _, s := range keySequences {
		if len(tail) < len(s.from) && strings.HasPrefix(s.from, tail) {
			return i
		}
	}
	return -1
}
