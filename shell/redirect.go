package shell

import (
	"bytes"
	"os"

	"github.com/exosh/exosh/parser"
	"github.com/exosh/exosh/shell/format"
	"github.com/exosh/exosh/shell/value"
)

// applyRedirections installs a pipeline's redirections (on any of its elements) for the
// duration of the pipeline: output to files (formatted as Out-Default would, UTF-8 without
// BOM), errors/warnings/host text discarded, merged into the output, or written to files.
// It returns a restore function and the sink the pipeline's output now goes to.
//
// Merging redirections (2>&1, 3>&1) send the records into the output of the element they are
// written on; elemOut[i] is filled in by the caller once the stages exist.
func (s *Session) applyRedirections(sc *scope, p *parser.Pipeline, out sink, elemOut []sink) (func(), sink, error) {
	var reds []*parser.Redirection
	var owner []int
	for i, el := range p.Elements {
		switch e := el.(type) {
		case *parser.Command:
			reds = append(reds, e.Redirections...)
			for range e.Redirections {
				owner = append(owner, i)
			}
		case *parser.CommandExpression:
			reds = append(reds, e.Redirections...)
			for range e.Redirections {
				owner = append(owner, i)
			}
		}
	}
	if len(reds) == 0 {
		return func() {}, out, nil
	}
	oldErr, oldWarn, oldHost := s.errSink, s.warnSink, s.hostSink
	var files []*redirFile
	restore := func() {
		s.errSink, s.warnSink, s.hostSink = oldErr, oldWarn, oldHost
		for _, f := range files {
			f.close(s)
		}
	}
	for ri, r := range reds {
		elem := owner[ri]
		merged := func(v value.Value) error {
			if o := elemOut[elem]; o != nil {
				return o(v)
			}
			return out(v)
		}
		var target *redirFile
		discardIt := false
		if !r.ToOut {
			if v, ok := r.Target.(*parser.Variable); ok && lowerKey(v.Name) == "null" {
				discardIt = true
			} else {
				pv, err := s.eval(sc, r.Target)
				if err != nil {
					restore()
					return nil, nil, err
				}
				target = &redirFile{path: s.resolvePath(value.ToString(pv)), append: r.Append}
				target.out = format.NewOut(&target.buf, s.views, s.width)
				files = append(files, target)
			}
		}
		streams := []string{r.From}
		if r.From == "*" {
			streams = []string{"1", "2", "3", "4", "5", "6"}
		}
		for _, st := range streams {
			switch st {
			case "1":
				switch {
				case discardIt:
					out = discard
				case target != nil:
					t := target
					out = func(v value.Value) error { return t.out.Write(v) }
				}
			case "2":
				switch {
				case discardIt:
					s.errSink = func(*RuntimeError) error { return nil }
				case target != nil:
					t := target
					s.errSink = func(re *RuntimeError) error {
						_ = t.out.Flush()
						FormatError(&t.buf, re, false, false)
						return nil
					}
				case r.ToOut:
					s.errSink = func(re *RuntimeError) error { return merged(&errorValue{rec: re}) }
				}
			case "3":
				switch {
				case discardIt:
					s.warnSink = func(string) error { return nil }
				case target != nil:
					t := target
					s.warnSink = func(m string) error { _ = t.out.Flush(); t.buf.WriteString("WARNING: " + m + "\n"); return nil }
				case r.ToOut:
					s.warnSink = func(m string) error { return merged(m) }
				}
			case "6":
				switch {
				case discardIt:
					s.hostSink = func(string) error { return nil }
				case target != nil:
					t := target
					s.hostSink = func(m string) error { _ = t.out.Flush(); t.buf.WriteString(m); return nil }
				}
			}
		}
	}
	return restore, out, nil
}

// redirFile buffers redirected text and writes the file when the pipeline ends.
type redirFile struct {
	path   string
	append bool
	buf    bytes.Buffer
	out    *format.Out
}

func (f *redirFile) close(s *Session) {
	_ = f.out.Close()
	flag := os.O_CREATE | os.O_WRONLY | os.O_TRUNC
	if f.append {
		flag = os.O_CREATE | os.O_WRONLY | os.O_APPEND
	}
	fh, err := os.OpenFile(f.path, flag, 0o644)
	if err != nil {
		s.reportError(&RuntimeError{Message: "Could not find a part of the path '" + f.path + "'.",
			Category: "OpenError", ErrorID: "FileOpenFailure", Exception: "System.IO.DirectoryNotFoundException"})
		return
	}
	_, _ = fh.Write(f.buf.Bytes())
	_ = fh.Close()
}
