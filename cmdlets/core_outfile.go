package cmdlets

import (
	"bufio"
	"fmt"
	"os"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/format"
	"github.com/exosh/exosh/shell/value"
)

// fileSink writes rendered output to a file as the objects arrive: Out-File and Tee-Object
// share it.
type fileSink struct {
	f   *os.File
	w   *bufio.Writer
	out *format.Out
}

// openSink creates (or, with appendTo, extends) path, after -WhatIf/-Confirm agree. It
// returns nil without error when ShouldProcess declined.
func openSink(c *shell.Context, path string, appendTo, noClobber bool, width int, action string) (*fileSink, error) {
	full, err := resolvePath(c, path)
	if err != nil {
		return nil, err
	}
	if !c.ShouldProcess(full, action) {
		return nil, nil
	}
	if noClobber && !appendTo {
		if _, err := os.Stat(full); err == nil {
			return nil, &shell.ErrorRecord{
				Message:  fmt.Sprintf("The file '%s' already exists.", full),
				Category: "ResourceExists", ErrorID: "NoClobber",
				Exception: "System.IO.IOException", TargetObject: full}
		}
	}
	flag := os.O_CREATE | os.O_WRONLY | os.O_TRUNC
	if appendTo {
		flag = os.O_CREATE | os.O_WRONLY | os.O_APPEND
	}
	f, err := os.OpenFile(full, flag, 0o644)
	if err != nil {
		return nil, accessError(full, err)
	}
	if width <= 0 {
		width = c.Services().Width
	}
	w := bufio.NewWriter(f)
	return &fileSink{f: f, w: w, out: format.NewOut(w, c.Services().Views, width)}, nil
}

// close ends the formatting run and the file.
func (s *fileSink) close() error {
	err := s.out.Close()
	if ferr := s.w.Flush(); err == nil {
		err = ferr
	}
	if cerr := s.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return accessError(s.f.Name(), err)
	}
	return nil
}

// outFile is Out-File: the input rendered as Out-Default would print it, into a file.
type outFile struct {
	Path      string
	Encoding  string
	Append    bool
	Force     bool
	NoClobber bool
	Width     int
	NoNewline bool
	Input     value.Value

	sink   *fileSink
	opened bool
}

func (o *outFile) Params() []shell.Param {
	return []shell.Param{
		{Name: "FilePath", Aliases: []string{"Path", "LiteralPath", "PSPath", "LP"}, Position: 1, Mandatory: true, Bind: shell.String(&o.Path), Help: "The file to write."},
		{Name: "Encoding", Position: 2, Bind: shell.Enum(&o.Encoding, encodings...), Help: "Accepted; files are written as UTF-8."},
		{Name: "Append", Bind: shell.Switch(&o.Append), Help: "Adds the output to the end of the file."},
		{Name: "Force", Bind: shell.Switch(&o.Force), Help: "Overwrites read-only files."},
		{Name: "NoClobber", Aliases: []string{"NoOverwrite"}, Bind: shell.Switch(&o.NoClobber), Help: "Does not overwrite an existing file."},
		{Name: "Width", Bind: shell.Int(&o.Width), Help: "The line width (default: the console width)."},
		{Name: "NoNewline", Bind: shell.Switch(&o.NoNewline), Help: "Writes the objects' text with no newlines."},
		{Name: "InputObject", FromPipeline: true, Bind: anyBinder{&o.Input}, Help: "The objects to write."},
	}
}

// open creates the file once, on the first object or at the end when nothing came.
func (o *outFile) open(c *shell.Context) error {
	o.opened = true
	s, err := openSink(c, o.Path, o.Append, o.NoClobber, o.Width, "Output to File")
	o.sink = s
	return err
}

func (o *outFile) Process(c *shell.Context) error {
	if !o.opened {
		if err := o.open(c); err != nil {
			return err
		}
	}
	if o.sink == nil {
		return nil
	}
	in := o.Input
	if !c.Bound("InputObject") {
		in = c.Input
	}
	if o.NoNewline {
		for _, x := range items(in) {
			if _, err := o.sink.w.WriteString(format.DisplayString(x)); err != nil {
				return accessError(o.sink.f.Name(), err)
			}
		}
		return nil
	}
	return o.sink.out.Write(in)
}

func (o *outFile) End(c *shell.Context) error {
	if !o.opened {
		if err := o.open(c); err != nil {
			return err
		}
	}
	if o.sink == nil {
		return nil
	}
	return o.sink.close()
}

// teeObject is Tee-Object: every input object goes down the pipeline and also into a file
// (rendered like Out-File) or a variable.
type teeObject struct {
	Path     string
	Variable string
	Append   bool
	Encoding string
	Input    value.Value

	sink   *fileSink
	opened bool
	vals   []value.Value
}

func (t *teeObject) Params() []shell.Param {
	return []shell.Param{
		{Name: "FilePath", Aliases: []string{"Path"}, Position: 1, Sets: []string{"File"}, Bind: shell.String(&t.Path), Help: "The file to save the output in."},
		{Name: "Variable", Sets: []string{"Variable"}, Bind: shell.String(&t.Variable), Help: "The variable to save the output in (no $)."},
		{Name: "Append", Sets: []string{"File"}, Bind: shell.Switch(&t.Append), Help: "Adds to the end of the file."},
		{Name: "Encoding", Sets: []string{"File"}, Bind: shell.Enum(&t.Encoding, encodings...), Help: "Accepted; files are written as UTF-8."},
		{Name: "InputObject", FromPipeline: true, Bind: anyBinder{&t.Input}, Help: "The objects to save."},
	}
}

func (t *teeObject) Process(c *shell.Context) error {
	in := t.Input
	if !c.Bound("InputObject") {
		in = c.Input
	}
	if t.Path != "" {
		if !t.opened {
			t.opened = true
			s, err := openSink(c, t.Path, t.Append, false, 0, "Output to File")
			if err != nil {
				return err
			}
			t.sink = s
		}
		if t.sink != nil {
			if err := t.sink.out.Write(in); err != nil {
				return err
			}
		}
	} else {
		t.vals = append(t.vals, in)
	}
	return c.WriteObject(in)
}

func (t *teeObject) End(c *shell.Context) error {
	if t.sink != nil {
		return t.sink.close()
	}
	if t.Path == "" && t.Variable != "" {
		// As Set-Variable does with pipeline input: one object is stored as itself.
		var v value.Value = t.vals
		if len(t.vals) == 1 {
			v = t.vals[0]
		}
		return c.SetVariable(t.Variable, v)
	}
	return nil
}
