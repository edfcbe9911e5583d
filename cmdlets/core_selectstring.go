package cmdlets

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/value"
)

// coreSelectStringCmdlets is the table of Select-String.
func coreSelectStringCmdlets() []shell.CmdletInfo {
	return []shell.CmdletInfo{
		{Name: "Select-String", Aliases: []string{"sls"}, Module: moduleUtility,
			Synopsis: "Finds text in strings and files.",
			New:      func() shell.Cmdlet { return new(selectString) }},
	}
}

// Type names of Select-String's output.
const (
	matchInfoType = "Microsoft.PowerShell.Commands.MatchInfo"
	matchType     = "System.Text.RegularExpressions.Match"
)

// selectString is Select-String over input strings or files. Each hit is a MatchInfo
// object that displays as its line (with "file:line:" in front for files).
type selectString struct {
	Pattern       []string
	Input         value.Value
	Path          []string
	Simple        bool
	CaseSensitive bool
	NotMatch      bool
	AllMatches    bool
	Quiet         bool
	List          bool

	res    []*regexp.Regexp
	lineNo int
	found  bool
}

func (s *selectString) Params() []shell.Param {
	return []shell.Param{
		{Name: "Pattern", Position: 1, Mandatory: true, Bind: shell.Strings(&s.Pattern), Help: "The text or regular expressions to find."},
		{Name: "Path", Position: 2, ByPropertyName: true, Sets: []string{"File"}, Bind: shell.Strings(&s.Path), Help: "Files to search."},
		{Name: "InputObject", FromPipeline: true, Sets: []string{"Object"}, Bind: anyBinder{&s.Input}, Help: "The text to search."},
		{Name: "SimpleMatch", Bind: shell.Switch(&s.Simple), Help: "Matches literal text instead of regular expressions."},
		{Name: "CaseSensitive", Bind: shell.Switch(&s.CaseSensitive), Help: "Matches case-sensitively."},
		{Name: "NotMatch", Bind: shell.Switch(&s.NotMatch), Help: "Returns the lines that do not match."},
		{Name: "AllMatches", Bind: shell.Switch(&s.AllMatches), Help: "Finds every match in each line."},
		{Name: "Quiet", Bind: shell.Switch(&s.Quiet), Help: "Returns True when anything matched, else False."},
		{Name: "List", Bind: shell.Switch(&s.List), Help: "Returns only the first match per file."},
	}
}

func (s *selectString) Begin(c *shell.Context) error {
	if len(s.Pattern) == 0 {
		return &shell.ErrorRecord{Message: "Cannot bind argument to parameter 'Pattern' because it is an empty array.",
			Category: "InvalidData", ErrorID: "ParameterArgumentValidationErrorEmptyArrayNotAllowed",
			Exception: "System.Management.Automation.ParameterBindingValidationException"}
	}
	for _, p := range s.Pattern {
		src := p
		if s.Simple {
			src = regexp.QuoteMeta(p)
		}
		re, err := value.CompileRegex(src, s.CaseSensitive)
		if err != nil {
			return err
		}
		s.res = append(s.res, re)
	}
	return nil
}

func (s *selectString) Process(c *shell.Context) error {
	if len(s.Path) > 0 && !c.HasInput {
		for _, p := range s.Path {
			files, err := globPaths(c, p)
			if err != nil {
				c.WriteError(err)
				continue
			}
			for _, f := range files {
				if err := s.file(c, f); err != nil {
					return err
				}
			}
		}
		return nil
	}
	in := s.Input
	if c.HasInput {
		in = c.Input
	}
	if in == nil {
		return nil
	}
	s.lineNo++
	_, err := s.line(c, value.ToString(in), s.lineNo, "InputStream", "InputStream", "")
	return err
}

// file searches one file line by line.
func (s *selectString) file(c *shell.Context, path string) error {
	f, err := os.Open(path)
	if err != nil {
		c.WriteError(accessError(path, err))
		return nil
	}
	defer f.Close()
	// A hit shows the path relative to the working directory, as pwsh does.
	shown := path
	if rel, err := filepath.Rel(workingDir(c), path); err == nil && !strings.HasPrefix(rel, "..") {
		shown = rel
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 64*1024*1024)
	n := 0
	for sc.Scan() {
		n++
		hit, err := s.line(c, strings.TrimSuffix(sc.Text(), "\r"), n, filepath.Base(path), path, shown)
		if err != nil {
			return err
		}
		if hit && s.List {
			break
		}
	}
	return nil
}

// line tests one line and writes its MatchInfo when it is selected; hit reports selection.
func (s *selectString) line(c *shell.Context, text string, n int, name, path, shown string) (hit bool, err error) {
	var found *regexp.Regexp
	var locs [][]int
	for _, re := range s.res {
		if s.AllMatches {
			locs = re.FindAllStringIndex(text, -1)
		} else if l := re.FindStringIndex(text); l != nil {
			locs = [][]int{l}
		}
		if locs != nil {
			found = re
			break
		}
	}
	if (found != nil) == s.NotMatch {
		return false, nil
	}
	s.found = true
	if s.Quiet {
		return true, nil
	}
	pattern := s.Pattern[0]
	if found != nil {
		for i, re := range s.res {
			if re == found {
				pattern = s.Pattern[i]
			}
		}
	}
	matches := make([]value.Value, 0, len(locs))
	for _, l := range locs {
		m := value.NewObject(matchType,
			value.Property{Name: "Groups", Value: []value.Value{text[l[0]:l[1]]}},
			value.Property{Name: "Success", Value: true},
			value.Property{Name: "Name", Value: "0"},
			value.Property{Name: "Captures", Value: []value.Value{text[l[0]:l[1]]}},
			value.Property{Name: "Index", Value: int32(len([]rune(text[:l[0]])))},
			value.Property{Name: "Length", Value: int32(len([]rune(text[l[0]:l[1]])))},
			value.Property{Name: "Value", Value: text[l[0]:l[1]]})
		m.SetTypeNames([]string{matchType, "System.Text.RegularExpressions.Group", "System.Text.RegularExpressions.Capture", "System.Object"})
		matches = append(matches, m)
	}
	display := text
	if path != "InputStream" {
		display = fmt.Sprintf("%s:%d:%s", shown, n, text)
	}
	o := &matchInfo{display: display, props: []value.Property{
		{Name: "IgnoreCase", Value: !s.CaseSensitive},
		{Name: "LineNumber", Value: int32(n)},
		{Name: "Line", Value: text},
		{Name: "Filename", Value: name},
		{Name: "Path", Value: path},
		{Name: "Pattern", Value: pattern},
		{Name: "Context", Value: nil},
		{Name: "Matches", Value: matches},
	}}
	return true, c.WriteObject(o)
}

func (s *selectString) End(c *shell.Context) error {
	if s.Quiet {
		return c.WriteObject(s.found)
	}
	return nil
}

// matchInfo is Select-String's MatchInfo. It is a Custom value rather than an object so that
// it displays as its line, as pwsh's MatchInfo.ToString() view does, while its properties
// stay readable ($m.Line, $m.LineNumber).
type matchInfo struct {
	display string
	props   []value.Property
}

// TypeNames implements value.Custom.
func (m *matchInfo) TypeNames() []string { return []string{matchInfoType, "System.Object"} }

// String is the displayed line.
func (m *matchInfo) String() string { return m.display }

// Member returns a property of the match.
func (m *matchInfo) Member(name string) (value.Value, bool) {
	for _, p := range m.props {
		if strings.EqualFold(p.Name, name) {
			return p.Value, true
		}
	}
	return nil, false
}

// MemberList lists the MatchInfo properties for Get-Member.
func (m *matchInfo) MemberList() []value.MemberInfo {
	out := make([]value.MemberInfo, 0, len(m.props))
	for _, p := range m.props {
		t := value.ShortTypeName(value.TypeName(p.Value))
		if p.Value == nil {
			t = "System.Object"
		}
		out = append(out, value.MemberInfo{Name: p.Name, MemberType: "Property", Definition: t + " " + p.Name + " {get;set;}"})
	}
	return out
}
