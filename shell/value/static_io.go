package value

import (
	"os"
	"path"
	"regexp"
	"strings"
)

// guidStatic implements [guid]::NewGuid, Parse and new.
func guidStatic(c *call, env *Env) (Value, bool, error) {
	switch strings.ToLower(c.method) {
	case "newguid":
		if c.n() != 0 {
			return nil, true, c.overload()
		}
		if env == nil || env.NewGuid == nil {
			return nil, true, newError(excRuntime, "InvalidOperation", "NoGuidSource", "GUID generation is not available.")
		}
		return env.NewGuid(), true, nil
	case "parse", "new":
		if c.n() != 1 {
			return nil, true, c.overload()
		}
		if g, ok := ParseGuid(c.str(0)); ok {
			return g, true, nil
		}
		return nil, true, methodError(c.method, 1, "Unrecognized Guid format.")
	}
	return nil, false, nil
}

// pathStatic implements [System.IO.Path] with Unix separators, as pwsh on Linux does.
func pathStatic(c *call, env *Env) (Value, bool, error) {
	n := c.n()
	arg := func() (string, error) {
		if n != 1 {
			return "", c.overload()
		}
		return c.str(0), nil
	}
	switch strings.ToLower(c.method) {
	case "gettemppath":
		if env == nil || env.TempDir == "" {
			return "/tmp/", true, nil
		}
		return strings.TrimSuffix(env.TempDir, "/") + "/", true, nil
	case "gettempfilename":
		dir := "/tmp"
		if env != nil && env.TempDir != "" {
			dir = env.TempDir
		}
		f, err := os.CreateTemp(dir, "tmp*.tmp")
		if err != nil {
			return nil, true, methodError(c.method, n, err.Error())
		}
		name := f.Name()
		if err := f.Close(); err != nil {
			return nil, true, methodError(c.method, n, err.Error())
		}
		return name, true, nil
	case "combine", "join":
		if n == 0 {
			return nil, true, c.overload()
		}
		var parts []Value
		if n == 1 {
			parts = items(c.args[0])
		} else {
			parts = c.args
		}
		out := ""
		for _, p := range parts {
			s := ToString(p)
			switch {
			case s == "":
			case strings.HasPrefix(s, "/") && strings.EqualFold(c.method, "combine"):
				out = s
			case out == "" || strings.HasSuffix(out, "/"):
				out += s
			default:
				out += "/" + s
			}
		}
		return out, true, nil
	case "getfilename":
		s, err := arg()
		if err != nil {
			return nil, true, err
		}
		if i := strings.LastIndexByte(s, '/'); i >= 0 {
			return s[i+1:], true, nil
		}
		return s, true, nil
	case "getextension":
		s, err := arg()
		if err != nil {
			return nil, true, err
		}
		base := s[strings.LastIndexByte(s, '/')+1:]
		if i := strings.LastIndexByte(base, '.'); i >= 0 && i < len(base)-1 {
			return base[i:], true, nil
		}
		return "", true, nil
	case "getfilenamewithoutextension":
		s, err := arg()
		if err != nil {
			return nil, true, err
		}
		base := s[strings.LastIndexByte(s, '/')+1:]
		if i := strings.LastIndexByte(base, '.'); i >= 0 {
			return base[:i], true, nil
		}
		return base, true, nil
	case "getdirectoryname":
		s, err := arg()
		if err != nil {
			return nil, true, err
		}
		i := strings.LastIndexByte(s, '/')
		switch {
		case s == "/" || s == "":
			return nil, true, nil
		case i < 0:
			return "", true, nil
		case i == 0:
			return "/", true, nil
		}
		return s[:i], true, nil
	case "changeextension":
		if n != 2 {
			return nil, true, c.overload()
		}
		s := c.str(0)
		ext := c.str(1)
		if e := path.Ext(s); e != "" {
			s = s[:len(s)-len(e)]
		}
		if c.args[1] == nil {
			return s, true, nil
		}
		if !strings.HasPrefix(ext, ".") {
			ext = "." + ext
		}
		return s + ext, true, nil
	case "ispathrooted":
		s, err := arg()
		if err != nil {
			return nil, true, err
		}
		return strings.HasPrefix(s, "/"), true, nil
	}
	return nil, false, nil
}

// environmentStatic implements [Environment]::GetEnvironmentVariable through env.Getenv.
func environmentStatic(c *call, env *Env) (Value, bool, error) {
	if !strings.EqualFold(c.method, "GetEnvironmentVariable") {
		return nil, false, nil
	}
	if c.n() < 1 || c.n() > 2 {
		return nil, true, c.overload()
	}
	if env == nil || env.Getenv == nil {
		return nil, true, nil
	}
	if s, ok := env.Getenv(c.str(0)); ok {
		return s, true, nil
	}
	return nil, true, nil
}

// regexStatic implements [regex]::Escape, Unescape, Replace, IsMatch and Split.
func regexStatic(c *call) (Value, bool, error) {
	n := c.n()
	switch strings.ToLower(c.method) {
	case "escape":
		if n != 1 {
			return nil, true, c.overload()
		}
		return regexEscape(c.str(0)), true, nil
	case "replace":
		if n < 3 || n > 4 {
			return nil, true, c.overload()
		}
		r, err := RegexReplace(c.str(0), c.str(1), c.str(2), c.regexCaseSensitive(3))
		if err != nil {
			return nil, true, methodError(c.method, n, err.Error())
		}
		return r, true, nil
	case "ismatch":
		if n < 2 || n > 3 {
			return nil, true, c.overload()
		}
		re, err := c.regexArg(1)
		if err != nil {
			return nil, true, err
		}
		return re.MatchString(c.str(0)), true, nil
	case "split":
		if n < 2 || n > 3 {
			return nil, true, c.overload()
		}
		re, err := c.regexArg(1)
		if err != nil {
			return nil, true, err
		}
		var out []Value
		for _, p := range SplitRegex(re, c.str(0), 0) {
			out = append(out, p)
		}
		return out, true, nil
	case "unescape":
		if n != 1 {
			return nil, true, c.overload()
		}
		return regexUnescape(c.str(0)), true, nil
	}
	return nil, false, nil
}

// regexArg compiles argument i of a [regex] static method as its pattern, with the
// optional RegexOptions argument after it (see regexCaseSensitive).
func (c *call) regexArg(i int) (*regexp.Regexp, error) {
	re, err := CompileRegex(c.str(i), c.regexCaseSensitive(i+1))
	if err != nil {
		return nil, methodError(c.method, c.n(), err.Error())
	}
	return re, nil
}

// regexCaseSensitive reads the optional RegexOptions argument i of a [regex] static
// method: the match ignores case when the options name IgnoreCase.
func (c *call) regexCaseSensitive(i int) bool {
	return !(c.n() > i && strings.Contains(strings.ToLower(c.str(i)), "ignorecase"))
}

// regexEscape is Regex.Escape: metacharacters and white space get a backslash.
func regexEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '*', '+', '?', '|', '{', '[', '(', ')', '^', '$', '.', '#', ' ':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\t':
			b.WriteString(`\t`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\f':
			b.WriteString(`\f`)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func regexUnescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
			switch s[i] {
			case 't':
				b.WriteByte('\t')
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 'f':
				b.WriteByte('\f')
			default:
				b.WriteByte(s[i])
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
