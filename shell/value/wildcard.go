package value

import (
	"strings"
	"unicode"
)

// Wildcard is a compiled -like pattern: * (any run), ? (one character), [abc] and [a-z]
// (one character from a set), and a backtick escaping the next character.
type Wildcard struct {
	parts         []wcPart
	caseSensitive bool
	err           error
}

type wcKind uint8

const (
	wcLit wcKind = iota
	wcAny
	wcStar
	wcSet
)

type wcPart struct {
	kind   wcKind
	r      rune
	ranges []rune // pairs lo, hi
}

// CompileWildcard compiles a case-insensitive pattern.
func CompileWildcard(pattern string) *Wildcard { return CompileWildcardCase(pattern, false) }

// CompileWildcardCase compiles a pattern, case-sensitive or not. An invalid pattern (an
// unclosed '[') yields a Wildcard that matches nothing and whose Err reports pwsh's error.
func CompileWildcardCase(pattern string, caseSensitive bool) *Wildcard {
	w := &Wildcard{caseSensitive: caseSensitive}
	rs := []rune(pattern)
	fold := func(r rune) rune {
		if caseSensitive {
			return r
		}
		return unicode.ToLower(r)
	}
	for i := 0; i < len(rs); i++ {
		switch r := rs[i]; r {
		case '`':
			if i+1 < len(rs) {
				i++
			}
			w.parts = append(w.parts, wcPart{kind: wcLit, r: fold(rs[i])})
		case '*':
			if n := len(w.parts); n == 0 || w.parts[n-1].kind != wcStar {
				w.parts = append(w.parts, wcPart{kind: wcStar})
			}
		case '?':
			w.parts = append(w.parts, wcPart{kind: wcAny})
		case '[':
			j := i + 1
			var set []rune
			closed := false
			for ; j < len(rs); j++ {
				c := rs[j]
				if c == ']' {
					closed = true
					break
				}
				if c == '`' && j+1 < len(rs) {
					j++
					c = rs[j]
				}
				lo, hi := fold(c), fold(c)
				if j+2 < len(rs) && rs[j+1] == '-' && rs[j+2] != ']' {
					hi = fold(rs[j+2])
					j += 2
				}
				set = append(set, lo, hi)
			}
			if !closed {
				w.err = newError(excRuntime, "InvalidArgument", "WildcardPatternException",
					"The specified wildcard character pattern is not valid: %s", pattern)
				w.parts = nil
				return w
			}
			w.parts = append(w.parts, wcPart{kind: wcSet, ranges: set})
			i = j
		default:
			w.parts = append(w.parts, wcPart{kind: wcLit, r: fold(r)})
		}
	}
	return w
}

// Err reports an invalid pattern.
func (w *Wildcard) Err() error { return w.err }

// Match reports whether the whole of s matches the pattern.
func (w *Wildcard) Match(s string) bool {
	if w.err != nil {
		return false
	}
	// Iterative matcher with single-star backtracking (linear for typical patterns).
	rs := []rune(s)
	if !w.caseSensitive {
		for i, r := range rs {
			rs[i] = unicode.ToLower(r)
		}
	}
	p, i := 0, 0
	starP, starI := -1, 0
	for i < len(rs) {
		if p < len(w.parts) {
			part := &w.parts[p]
			switch part.kind {
			case wcStar:
				starP, starI = p, i
				p++
				continue
			case wcAny:
				p++
				i++
				continue
			case wcLit:
				if part.r == rs[i] {
					p++
					i++
					continue
				}
			case wcSet:
				if inSet(part.ranges, rs[i]) {
					p++
					i++
					continue
				}
			}
		}
		if starP < 0 {
			return false
		}
		starI++
		p, i = starP+1, starI
	}
	for p < len(w.parts) && w.parts[p].kind == wcStar {
		p++
	}
	return p == len(w.parts)
}

func inSet(ranges []rune, r rune) bool {
	for k := 0; k+1 < len(ranges); k += 2 {
		if r >= ranges[k] && r <= ranges[k+1] {
			return true
		}
	}
	return false
}

// MatchWildcard reports whether s matches the -like pattern.
func MatchWildcard(pattern, s string, caseSensitive bool) bool {
	return CompileWildcardCase(pattern, caseSensitive).Match(s)
}

// HasWildcard reports whether s contains an unescaped wildcard character.
func HasWildcard(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '`':
			i++
		case '*', '?', '[':
			return true
		}
	}
	return false
}

// UnescapeWildcard removes backtick escapes from a pattern that has no wildcards.
func UnescapeWildcard(s string) string {
	if !strings.Contains(s, "`") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '`' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
