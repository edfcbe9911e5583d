package shell

import (
	"github.com/exosh/exosh/parser"
	"github.com/exosh/exosh/shell/value"
)

// varCacheEntry remembers where a variable reference resolved, so that loops do not hash
// the name on every access. It is valid for the same scope while no variable was created or
// removed anywhere (scope.gen).
type varCacheEntry struct {
	sc    *scope
	gen   uint64
	v     *variable
	local bool
}

// cachedVar returns the variable a plain reference resolves to from sc, if cached or found.
func (s *Session) cachedVar(sc *scope, v *parser.Variable) (*variable, bool) {
	if e, ok := s.varCache[v]; ok && e.sc == sc && e.gen == *sc.gen {
		return e.v, e.local
	}
	key := lowerKey(v.Name)
	switch key {
	case "true", "false", "null", "?", "pwd":
		return nil, false
	}
	x := sc.lookup(key)
	if x == nil {
		return nil, false
	}
	local := sc.vars[key] == x
	if s.varCache == nil {
		s.varCache = map[*parser.Variable]varCacheEntry{}
	}
	s.varCache[v] = varCacheEntry{sc: sc, gen: *sc.gen, v: x, local: local}
	return x, local
}

// getVar reads a variable reference. Undefined variables are $null (strict mode is off).
func (s *Session) getVar(sc *scope, v *parser.Variable) value.Value {
	if v.Scope == "" {
		if x, _ := s.cachedVar(sc, v); x != nil {
			return x.val
		}
	}
	x, _ := s.lookupVar(sc, v.Scope, v.Name)
	return x
}

// lookupVar resolves a (scope-qualified) name, including the automatic variables computed on
// demand.
func (s *Session) lookupVar(sc *scope, qual, name string) (value.Value, bool) {
	key := lowerKey(name)
	switch qual {
	case "env":
		return s.envGet(name)
	case "global":
		sc = sc.global()
	case "script":
		sc = sc.script()
	case "local", "private":
		if x := sc.local(key); x != nil {
			return x.val, true
		}
		return nil, false
	}
	switch key {
	case "true":
		return true, true
	case "false":
		return false, true
	case "null":
		return nil, true
	case "?":
		return s.lastOK, true
	case "pwd":
		return pwdObject{s.workDir}, true
	}
	if x := sc.lookup(key); x != nil {
		return x.val, true
	}
	return nil, false
}

// setVar assigns a variable reference, converting to the variable's type constraint.
func (s *Session) setVar(sc *scope, qual, name string, v value.Value) error {
	key := lowerKey(name)
	switch qual {
	case "env":
		s.envSet(name, v)
		return nil
	case "global":
		sc = sc.global()
	case "script":
		sc = sc.script()
	case "local", "private":
	default:
		// An unqualified assignment writes the local scope, except that a variable already
		// defined in this scope keeps its constraint.
	}
	switch key {
	case "null":
		return nil
	case "true", "false", "?":
		return &ErrorRecord{Message: "Cannot overwrite variable " + name + " because it is read-only or constant.",
			Category: "WriteError", ErrorID: "VariableNotWritable", Exception: "System.Management.Automation.SessionStateUnauthorizedAccessException"}
	}
	if x := sc.local(key); x != nil {
		if x.typ != "" {
			c, err := value.Convert(v, x.typ)
			if err != nil {
				return err
			}
			v = c
		}
		x.val = v
		return nil
	}
	sc.set(name, v)
	return nil
}

// envGet reads $env:NAME.
func (s *Session) envGet(name string) (value.Value, bool) {
	if p, ok := s.envOverride[lowerKey(name)]; ok {
		if p == nil {
			return nil, false
		}
		return *p, true
	}
	if s.getenv == nil {
		return nil, false
	}
	if x, ok := s.getenv(name); ok {
		return x, true
	}
	return nil, false
}

// envSet assigns $env:NAME for this session only (exosh never changes the process
// environment); $null or "" removes it.
func (s *Session) envSet(name string, v value.Value) {
	str := value.ToString(v)
	if v == nil || str == "" {
		s.envOverride[lowerKey(name)] = nil
		return
	}
	s.envOverride[lowerKey(name)] = &str
}

// valueEnv is the value layer's view of the session (clock, GUIDs, temp dir, $env:).
func (s *Session) valueEnv() *value.Env {
	return &value.Env{
		Now:     s.clock.Now,
		NewGuid: s.newGuid,
		TempDir: s.tempDir,
		Getenv: func(n string) (string, bool) {
			x, ok := s.envGet(n)
			if !ok {
				return "", false
			}
			return value.ToString(x), true
		},
	}
}

// newGuid derives GUIDs deterministically from the clock and a counter, so that tests with a
// fixed clock see stable values.
func (s *Session) newGuid() value.Guid {
	s.guidSeq++
	var b [16]byte
	n := uint64(s.clock.Now().UnixNano())
	for i := 0; i < 8; i++ {
		b[i] = byte(n >> (8 * i))
		b[8+i] = byte(s.guidSeq >> (8 * i))
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return value.NewGuidFromBytes(b)
}
