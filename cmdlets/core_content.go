package cmdlets

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/value"
)

// coreContentCmdlets is the table of the file content cmdlets.
func coreContentCmdlets() []shell.CmdletInfo {
	return []shell.CmdletInfo{
		{Name: "Get-Content", Aliases: []string{"gc", "cat", "type"}, Module: moduleMgmt,
			Synopsis: "Gets the content of the item at the specified location.",
			New:      func() shell.Cmdlet { return new(getContent) }},
		{Name: "Set-Content", Aliases: []string{"sc"}, Module: moduleMgmt,
			Synopsis: "Writes new content or replaces existing content in a file.",
			New:      func() shell.Cmdlet { return &setContent{action: "Set Content"} }},
		{Name: "Add-Content", Aliases: []string{"ac"}, Module: moduleMgmt,
			Synopsis: "Adds content to the specified items, such as adding words to a file.",
			New:      func() shell.Cmdlet { return &setContent{action: "Add Content", appendTo: true} }},
		{Name: "Test-Path", Module: moduleMgmt,
			Synopsis: "Determines whether all elements of a path exist.",
			New:      func() shell.Cmdlet { return new(testPath) }},
	}
}

// encodings are the -Encoding names pwsh accepts. exosh reads and writes UTF-8 whatever is
// asked, adding a byte order mark only for utf8BOM.
var encodings = []string{"ascii", "bigendianunicode", "bigendianutf32", "oem", "unicode", "utf7", "utf8",
	"utf8BOM", "utf8NoBOM", "utf32", "default", "byte", "string", "unknown", "ansi", "latin1"}

// globPaths expands one -Path argument against the working directory. A pattern that matches
// nothing, or a literal path that does not exist, gives pwsh's PathNotFound error.
func globPaths(c *shell.Context, p string) ([]string, error) {
	full, err := resolvePath(c, p)
	if err != nil {
		return nil, err
	}
	if hasWildcard(p) {
		matches, err := filepath.Glob(full)
		if err == nil && len(matches) > 0 {
			return matches, nil
		}
		return nil, pathNotFound(full)
	}
	if _, err := os.Stat(full); err != nil {
		return nil, pathNotFound(full)
	}
	return []string{full}, nil
}

// getContent is Get-Content.
type getContent struct {
	Path       []string
	Raw        bool
	TotalCount int
	Tail       int
	Encoding   string
	ReadCount  int
}

func (g *getContent) Params() []shell.Param {
	return []shell.Param{
		{Name: "Path", Aliases: []string{"LiteralPath", "PSPath", "LP"}, Position: 1, Mandatory: true, ByPropertyName: true,
			Bind: shell.Strings(&g.Path), Help: "The files to read."},
		{Name: "ReadCount", Bind: shell.Int(&g.ReadCount), Help: "Accepted for compatibility; lines are always sent one at a time."},
		{Name: "TotalCount", Aliases: []string{"First", "Head"}, Bind: shell.Int(&g.TotalCount), Help: "Number of lines from the start."},
		{Name: "Tail", Aliases: []string{"Last"}, Bind: shell.Int(&g.Tail), Help: "Number of lines from the end."},
		{Name: "Raw", Bind: shell.Switch(&g.Raw), Help: "Returns the whole file as one string."},
		{Name: "Encoding", Bind: shell.Enum(&g.Encoding, encodings...), Help: "Accepted; files are read as UTF-8."},
	}
}

func (g *getContent) Process(c *shell.Context) error {
	for _, p := range g.Path {
		files, err := globPaths(c, p)
		if err != nil {
			c.WriteError(err)
			continue
		}
		for _, f := range files {
			if err := g.read(c, f); err != nil {
				var rec *shell.ErrorRecord
				if errors.As(err, &rec) {
					c.WriteError(err)
					continue
				}
				return err
			}
		}
	}
	return nil
}

// read streams one file's lines (or its whole text with -Raw).
func (g *getContent) read(c *shell.Context, path string) error {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return &shell.ErrorRecord{
			Message:  fmt.Sprintf("Unable to get content because it is a directory: '%s'. Please use 'Get-ChildItem' instead.", path),
			Category: "InvalidOperation", ErrorID: "GetContainerContentException",
			Exception: "System.Management.Automation.PSInvalidOperationException", TargetObject: path}
	}
	f, err := os.Open(path)
	if err != nil {
		return accessError(path, err)
	}
	defer f.Close()
	if g.Raw {
		b, err := io.ReadAll(f)
		if err != nil {
			return accessError(path, err)
		}
		if len(b) == 0 {
			return nil
		}
		return c.WriteObject(strings.TrimPrefix(string(b), "\ufeff"))
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 64*1024*1024)
	var tail []string
	n := 0
	for sc.Scan() {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if n == 0 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		n++
		if c.Bound("Tail") {
			if g.Tail <= 0 {
				continue
			}
			if len(tail) == g.Tail {
				tail = tail[1:]
			}
			tail = append(tail, line)
			continue
		}
		if c.Bound("TotalCount") && g.TotalCount >= 0 && n > g.TotalCount {
			break
		}
		if err := c.WriteObject(line); err != nil {
			return err
		}
		if err := c.Ctx.Err(); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return accessError(path, err)
	}
	for _, l := range tail {
		if err := c.WriteObject(l); err != nil {
			return err
		}
	}
	return nil
}

// accessError turns an OS error on path into pwsh's wording.
func accessError(path string, err error) *shell.ErrorRecord {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &shell.ErrorRecord{Message: fmt.Sprintf("Could not find a part of the path '%s'.", path),
			Category: "ObjectNotFound", ErrorID: "DirectoryNotFoundException",
			Exception: "System.IO.DirectoryNotFoundException", TargetObject: path}
	case errors.Is(err, fs.ErrPermission):
		return &shell.ErrorRecord{Message: fmt.Sprintf("Access to the path '%s' is denied.", path),
			Category: "PermissionDenied", ErrorID: "UnauthorizedAccessException",
			Exception: "System.UnauthorizedAccessException", TargetObject: path}
	}
	return &shell.ErrorRecord{Message: err.Error(), Category: "WriteError", ErrorID: "IOException",
		Exception: "System.IO.IOException", TargetObject: path}
}

// setContent is Set-Content and Add-Content: each value's text on its own line (or run
// together with -NoNewline), written as the values arrive.
type setContent struct {
	action   string // ShouldProcess action: "Set Content" or "Add Content"
	appendTo bool

	Path      []string
	Value     []value.Value
	NoNewline bool
	Encoding  string
	Force     bool
	PassThru  bool

	files []*os.File
	begun bool
}

func (s *setContent) Params() []shell.Param {
	return []shell.Param{
		{Name: "Path", Aliases: []string{"LiteralPath", "PSPath", "LP"}, Position: 1, Mandatory: true, ByPropertyName: true,
			Bind: shell.Strings(&s.Path), Help: "The files to write."},
		{Name: "Value", Position: 2, Mandatory: true, FromPipeline: true, ByPropertyName: true,
			Bind: shell.Values(&s.Value), Help: "The content to write."},
		{Name: "PassThru", Bind: shell.Switch(&s.PassThru), Help: "Writes the content to the pipeline too."},
		{Name: "NoNewline", Bind: shell.Switch(&s.NoNewline), Help: "Writes no newlines between or after the values."},
		{Name: "Encoding", Bind: shell.Enum(&s.Encoding, encodings...), Help: "Accepted; files are written as UTF-8."},
		{Name: "Force", Bind: shell.Switch(&s.Force), Help: "Writes even to read-only files."},
	}
}

// open opens every target once, on the first value (so -WhatIf and errors come once).
func (s *setContent) open(c *shell.Context) {
	s.begun = true
	for _, p := range s.Path {
		full, err := resolvePath(c, p)
		if err != nil {
			c.WriteError(err)
			continue
		}
		if !c.ShouldProcess("Path: "+full, s.action) {
			continue
		}
		flag := os.O_CREATE | os.O_WRONLY | os.O_TRUNC
		if s.appendTo {
			flag = os.O_CREATE | os.O_WRONLY | os.O_APPEND
		}
		if s.Force {
			if st, err := os.Stat(full); err == nil && st.Mode().Perm()&0o200 == 0 {
				_ = os.Chmod(full, st.Mode().Perm()|0o200)
			}
		}
		f, err := os.OpenFile(full, flag, 0o644)
		if err != nil {
			c.WriteError(accessError(full, err))
			continue
		}
		if s.Encoding == "utf8BOM" && !s.appendTo {
			_, _ = f.WriteString("\ufeff")
		}
		s.files = append(s.files, f)
	}
}

func (s *setContent) Process(c *shell.Context) error {
	if !s.begun {
		s.open(c)
	}
	var b strings.Builder
	for _, v := range s.Value {
		b.WriteString(value.ToString(v))
		if !s.NoNewline {
			b.WriteString("\n")
		}
	}
	for _, f := range s.files {
		if _, err := f.WriteString(b.String()); err != nil {
			return accessError(f.Name(), err)
		}
	}
	if s.PassThru {
		for _, v := range s.Value {
			if err := c.WriteObject(v); err != nil {
				return err
			}
		}
	}
	return nil
}

func (s *setContent) End(c *shell.Context) error {
	var first error
	for _, f := range s.files {
		if err := f.Close(); err != nil && first == nil {
			first = accessError(f.Name(), err)
		}
	}
	s.files = nil
	return first
}

// testPath is Test-Path.
type testPath struct {
	Path     []string
	PathType string
	IsValid  bool
}

func (t *testPath) Params() []shell.Param {
	return []shell.Param{
		{Name: "Path", Aliases: []string{"LiteralPath", "PSPath", "LP"}, Position: 1, Mandatory: true, FromPipeline: true, ByPropertyName: true,
			Bind: shell.Strings(&t.Path), Help: "The paths to test."},
		{Name: "PathType", Aliases: []string{"Type"}, Bind: shell.Enum(&t.PathType, "Any", "Container", "Leaf"), Help: "Any, Container or Leaf."},
		{Name: "IsValid", Bind: shell.Switch(&t.IsValid), Help: "Tests only the syntax of the path."},
	}
}

func (t *testPath) Process(c *shell.Context) error {
	for _, p := range t.Path {
		if p == "" {
			return &shell.ErrorRecord{
				Message:  "Cannot bind argument to parameter 'Path' because it is an empty string.",
				Category: "InvalidData", ErrorID: "ParameterArgumentValidationErrorEmptyStringNotAllowed",
				Exception: "System.Management.Automation.ParameterBindingValidationException"}
		}
		if t.IsValid {
			if err := c.WriteObject(!strings.ContainsRune(p, 0)); err != nil {
				return err
			}
			continue
		}
		if err := c.WriteObject(t.exists(c, p)); err != nil {
			return err
		}
	}
	return nil
}

// exists reports whether p (maybe a wildcard) names an item of the wanted kind.
func (t *testPath) exists(c *shell.Context, p string) bool {
	full, err := resolvePath(c, p)
	if err != nil {
		return false // pwsh's Test-Path answers False for a drive that does not exist
	}
	paths := []string{full}
	if hasWildcard(p) {
		paths, _ = filepath.Glob(full)
	}
	for _, q := range paths {
		st, err := os.Stat(q)
		if err != nil {
			continue
		}
		switch strings.ToLower(t.PathType) {
		case "container":
			if st.IsDir() {
				return true
			}
		case "leaf":
			if !st.IsDir() {
				return true
			}
		default:
			return true
		}
	}
	return false
}
