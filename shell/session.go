package shell

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/exosh/exosh/parser"
	"github.com/exosh/exosh/shell/format"
	"github.com/exosh/exosh/shell/value"
	"github.com/exosh/exosh/store"
)

// Session is one exosh shell: its scopes, command table, output and error streams. It is not
// safe for concurrent use.
type Session struct {
	st          store.Store
	clock       Clock
	stdin       io.Reader
	stdout      io.Writer
	stderr      io.Writer
	interactive bool
	color       bool
	width       int
	readLineFn  func(prompt string, secure bool) (string, error)
	getenv      func(string) (string, bool)
	envOverride map[string]*string // $env:X assignments (nil value: removed)
	tempDir     string
	workDir     string

	cmdlets     map[string]*CmdletInfo // lower-cased name
	cmdletOrder []*CmdletInfo
	aliases     map[string]string // lower-cased alias → target command name
	aliasNames  map[string]string // lower-cased alias → alias as declared
	viewList    []format.View
	views       *format.Views
	svc         *Services

	global   *scope
	errList  *value.List // $Error, newest first
	lastOK   bool
	failed   bool // an error was reported during the current pipeline
	ctx      context.Context
	out      *format.Out // Out-Default of the current Run
	sources  map[string]Source
	seq      int
	tryDepth int
	depth    int // nesting of running statement lists
	// errSink, when set, receives error records instead of the console (2>&1, 2>$null).
	errSink func(*RuntimeError) error
	// warnSink, when set, receives warnings instead of the console (3>&1, 3>$null).
	warnSink func(string) error
	// hostSink, when set, receives host text instead of the console (6>, *>).
	hostSink func(string) error
	guidSeq  uint64
	holding  bool // an outermost statement holds the tenant (see holdStatement)
	varCache map[*parser.Variable]varCacheEntry
	lines    *lineSource
	access   accessState // grants of the acting user (see access.go)

	// nonInteractive is pwsh's -NonInteractive: prompts fail instead of reading input.
	nonInteractive bool
}

// Option configures a Session.
type Option func(*Session) error

// Source is one piece of script text to run. Name is the script path ("report.ps1") or ""
// for interactive input; File marks text read from a script file (errors then show the
// "path:line" header and a trailing blank line).
type Source struct {
	Name string
	Text string
	File bool
}

// WithStore sets the tenant store cmdlets use.
func WithStore(st store.Store) Option { return func(s *Session) error { s.st = st; return nil } }

// WithClock sets the session clock, the one source of "now".
func WithClock(c Clock) Option { return func(s *Session) error { s.clock = c; return nil } }

// WithCmdlets adds cmdlets (and their aliases) to the command table.
func WithCmdlets(infos ...CmdletInfo) Option {
	return func(s *Session) error {
		for i := range infos {
			info := infos[i]
			if info.Name == "" || info.New == nil {
				return fmt.Errorf("cmdlet table entry %d has no name or constructor", i)
			}
			s.cmdlets[strings.ToLower(info.Name)] = &info
			s.cmdletOrder = append(s.cmdletOrder, &info)
			for _, a := range info.Aliases {
				s.aliases[strings.ToLower(a)] = info.Name
				s.aliasNames[strings.ToLower(a)] = a
			}
		}
		return nil
	}
}

// WithViews registers default table and list views.
func WithViews(views ...format.View) Option {
	return func(s *Session) error { s.viewList = append(s.viewList, views...); return nil }
}

// WithIO sets the standard streams.
func WithIO(stdin io.Reader, stdout, stderr io.Writer) Option {
	return func(s *Session) error {
		s.stdin, s.stdout, s.stderr = stdin, stdout, stderr
		return nil
	}
}

// WithInteractive marks a REPL session: Run then returns an incomplete parse error unprinted
// so that the REPL can ask for a continuation line. Error layout does not depend on it: as in
// pwsh, an error on line 1 of input that is not a script file prints in the one-line
// ConciseView form, and everything else in the "Line |" block form.
func WithInteractive(on bool) Option {
	return func(s *Session) error { s.interactive = on; return nil }
}

// WithNonInteractive makes confirmation prompts fail with pwsh's NonInteractive error
// instead of asking (pwsh -NonInteractive). Read-Host's refusal belongs to the line reader
// passed with WithLineReader.
func WithNonInteractive(on bool) Option {
	return func(s *Session) error { s.nonInteractive = on; return nil }
}

// WithColor turns on ANSI colours for errors, warnings and verbose text (terminals only).
func WithColor(on bool) Option { return func(s *Session) error { s.color = on; return nil } }

// WithWidth sets the console width formatting uses (default 120).
func WithWidth(cols int) Option {
	return func(s *Session) error {
		if cols > 0 {
			s.width = cols
		}
		return nil
	}
}

// WithLineReader sets the source of Read-Host input; the default reads lines of stdin.
func WithLineReader(read func(prompt string, secure bool) (string, error)) Option {
	return func(s *Session) error { s.readLineFn = read; return nil }
}

// WithEnv sets the lookup behind $env: (default os.LookupEnv).
func WithEnv(getenv func(string) (string, bool)) Option {
	return func(s *Session) error { s.getenv = getenv; return nil }
}

// WithTempDir sets the directory [System.IO.Path]::GetTempPath() returns.
func WithTempDir(dir string) Option { return func(s *Session) error { s.tempDir = dir; return nil } }

// WithWorkDir sets the working directory ($PWD) that relative paths resolve against; the
// default is the process's working directory.
func WithWorkDir(dir string) Option { return func(s *Session) error { s.workDir = dir; return nil } }

// New builds a session. Without options it has no cmdlets, no store, and writes to the
// process's standard streams.
func New(opts ...Option) (*Session, error) {
	s := &Session{
		stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr,
		width:   120,
		getenv:  os.LookupEnv,
		cmdlets: map[string]*CmdletInfo{}, aliases: map[string]string{}, aliasNames: map[string]string{},
		envOverride: map[string]*string{},
		sources:     map[string]Source{},
		lastOK:      true,
		ctx:         context.Background(),
	}
	for _, o := range opts {
		if err := o(s); err != nil {
			return nil, err
		}
	}
	if s.clock == nil {
		return nil, errors.New("shell: a clock is required (WithClock)")
	}
	if s.workDir == "" {
		if wd, err := os.Getwd(); err == nil {
			s.workDir = wd
		}
	}
	if s.tempDir == "" {
		s.tempDir = os.TempDir()
	}
	s.views = format.NewViews(s.viewList...)
	s.svc = &Services{Width: s.width, Views: s.views, session: s}
	s.lines = &lineSource{r: s.stdin}
	s.global = newScope(nil, scopeGlobal)
	s.errList = &value.List{TypeName: value.TArrayList}
	s.initAutomatic()
	return s, nil
}

// SetVariable sets a global variable.
func (s *Session) SetVariable(name string, v value.Value) { s.global.set(name, v) }

// LastSucceeded reports $? after the last pipeline.
func (s *Session) LastSucceeded() bool { return s.lastOK }

// Close flushes pending output. The session stays usable.
func (s *Session) Close() error {
	if s.out != nil {
		err := s.out.Close()
		s.out = nil
		return err
	}
	return nil
}

// Services returns the session-wide services.
func (s *Session) Services() *Services { return s.svc }

// register records src under a unique internal name so that error positions can show the
// source line later, even for functions defined by earlier interactive input.
func (s *Session) register(src Source) string {
	name := src.Name
	if !src.File || name == "" {
		s.seq++
		name = fmt.Sprintf("<input #%d>", s.seq)
	}
	s.sources[name] = src
	return name
}

// sourceOf finds the source a span points into.
func (s *Session) sourceOf(sp parser.Span) Source { return s.sources[sp.Pos.Filename] }

// Run parses src and runs it as one unit of output (one Out-Default run). Errors are printed
// to the error stream in pwsh's format before Run returns them — except an incomplete parse
// error in an interactive session, which is returned unprinted so that the REPL can ask for a
// continuation line. The result is a *parser.Error, a *RuntimeError (a terminating error
// that ended the script), an *ExitError (`exit N`), or nil. Cancelling ctx ends the running
// pipeline at its next object silently, and Run returns nil.
func (s *Session) Run(ctx context.Context, src Source) error {
	sb, err := s.parse(src)
	if err != nil {
		return err
	}
	sc := s.global
	if src.File {
		sc = newScope(s.global, scopeScript)
		s.setScriptVars(sc, src)
	}
	return s.runTop(ctx, func() error { return s.runScriptBody(sc, sb, nil, s.topSink) })
}

// RunScript runs src as a script file invoked with arguments (`exosh -File x.ps1 a b`): the
// arguments bind to the script's param() block, the rest land in $args. Errors are printed
// as by Run.
func (s *Session) RunScript(ctx context.Context, src Source, args []string) error {
	src.File = true
	sb, err := s.parse(src)
	if err != nil {
		return err
	}
	sc := newScope(s.global, scopeScript)
	s.setScriptVars(sc, src)
	fn := &function{name: src.Name, body: sb, params: scriptParams(sb)}
	return s.runTop(ctx, func() error {
		cargs := make([]cmdArg, 0, len(args))
		for _, a := range args {
			if isParamToken(a) {
				name, colon := strings.TrimPrefix(a, "-"), false
				if strings.HasSuffix(name, ":") {
					name, colon = name[:len(name)-1], true
				}
				cargs = append(cargs, cmdArg{param: name, isParam: true, colon: colon, text: a})
				continue
			}
			cargs = append(cargs, cmdArg{val: a, text: a})
		}
		inv := &invocation{fn: fn, scope: sc}
		if err := s.bindFunction(inv, cargs, nil); err != nil {
			return err
		}
		return s.runFunctionBody(inv, nil, s.topSink)
	})
}

// parse parses src, printing the error unless it is an incomplete interactive input.
func (s *Session) parse(src Source) (*parser.ScriptBlock, error) {
	name := s.register(src)
	sb, err := parser.Parse(name, src.Text)
	if err != nil {
		var pe *parser.Error
		if errors.As(err, &pe) && pe.Incomplete && s.interactive {
			return nil, err
		}
		s.lastOK = false
		s.printError(s.parseErrorRecord(err, src))
		return nil, err
	}
	return sb, nil
}

// runTop runs one unit of output with its own Out-Default, turning leftover control flow
// into pwsh's top-level behaviour.
func (s *Session) runTop(ctx context.Context, body func() error) error {
	s.ctx = ctx
	s.out = format.NewOut(s.stdout, s.views, s.width)
	err := body()
	if cerr := s.Close(); err == nil && cerr != nil {
		err = cerr
	}
	s.ctx = context.Background()
	switch e := err.(type) {
	case nil:
		return nil
	case *flowBreak, *flowContinue, flowReturn:
		// break/continue outside any loop silently end the script, as in pwsh.
		return nil
	case *ExitError:
		s.global.set("LASTEXITCODE", int32(e.Code))
		return e
	case *RuntimeError:
		if !e.reported {
			s.reportError(e)
		}
		return e
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		s.lastOK = false
		return nil
	}
	re := s.newRuntimeError(nil, err)
	s.reportError(re)
	return re
}

// topSink writes a top-level statement's output to Out-Default; error records merged into
// the output (2>&1) print as errors.
func (s *Session) topSink(v value.Value) error {
	if ev, ok := v.(*errorValue); ok {
		if err := s.out.Flush(); err != nil {
			return err
		}
		FormatError(s.stdout, ev.rec, s.interactive, s.color)
		return nil
	}
	return s.out.Write(v)
}

// setScriptVars sets $PSScriptRoot, $PSCommandPath and $MyInvocation for a script scope.
func (s *Session) setScriptVars(sc *scope, src Source) {
	path := src.Name
	if path != "" && !isAbs(path) {
		path = joinPath(s.workDir, path)
	}
	sc.set("PSCommandPath", path)
	sc.set("PSScriptRoot", dirName(path))
	sc.set("MyInvocation", value.NewObject("System.Management.Automation.InvocationInfo",
		value.Property{Name: "MyCommand", Value: baseName(path)},
		value.Property{Name: "ScriptName", Value: path},
		value.Property{Name: "PSScriptRoot", Value: dirName(path)},
		value.Property{Name: "PSCommandPath", Value: path},
		value.Property{Name: "InvocationName", Value: src.Name},
		value.Property{Name: "Line", Value: ""},
	))
}

// checkCancel returns the context's error once Ctrl-C has been pressed.
func (s *Session) checkCancel() error {
	if s.ctx != nil {
		select {
		case <-s.ctx.Done():
			return s.ctx.Err()
		default:
		}
	}
	return nil
}
