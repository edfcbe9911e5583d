package shell

import (
	"strings"

	"github.com/exosh/exosh/shell/value"
)

// scopeKind says what created a scope; $script: resolves to the nearest script scope.
type scopeKind int

const (
	scopeGlobal scopeKind = iota
	scopeScript
	scopeFunction
	scopeBlock
)

// variable is one entry of a scope's table. typ is the .NET type constraint set by
// `[int]$x = ...` or a typed parameter; later assignments convert to it.
type variable struct {
	name string
	val  value.Value
	typ  string
}

// scope is one level of PowerShell's dynamic scoping: a table of variables and functions
// with a link to the scope it was created from.
type scope struct {
	parent *scope
	kind   scopeKind
	vars   map[string]*variable
	funcs  map[string]*function
	// gen counts variable creations and removals in every scope of the session; cached
	// lookups are valid while it is unchanged.
	gen *uint64
	// fname is the function a scopeFunction scope belongs to (error reasons).
	fname string
}

// functionName returns the name of the innermost function running in sc, or "".
func (sc *scope) functionName() string {
	for x := sc; x != nil; x = x.parent {
		if x.kind == scopeFunction {
			return x.fname
		}
		if x.kind == scopeScript {
			return ""
		}
	}
	return ""
}

func newScope(parent *scope, kind scopeKind) *scope {
	sc := &scope{parent: parent, kind: kind, vars: make(map[string]*variable, 4)}
	if parent != nil {
		sc.gen = parent.gen
	} else {
		sc.gen = new(uint64)
	}
	return sc
}

// add inserts a new variable into this scope's table.
func (sc *scope) add(key string, x *variable) {
	sc.vars[key] = x
	*sc.gen++
}

// lowerKey lower-cases name without allocating when it is already lower-case ASCII, which is
// the common case for variable names in hot loops.
func lowerKey(name string) string {
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(name)
		}
	}
	return name
}

// lookup finds a variable in this scope or its parents.
func (sc *scope) lookup(key string) *variable {
	for x := sc; x != nil; x = x.parent {
		if v, ok := x.vars[key]; ok {
			return v
		}
	}
	return nil
}

// local returns the variable defined in this very scope.
func (sc *scope) local(key string) *variable { return sc.vars[key] }

// set assigns in this scope, creating the variable when needed.
func (sc *scope) set(name string, v value.Value) *variable {
	key := lowerKey(name)
	if x, ok := sc.vars[key]; ok {
		x.val = v
		return x
	}
	x := &variable{name: name, val: v}
	sc.add(key, x)
	return x
}

// remove deletes the variable from this scope.
func (sc *scope) remove(name string) {
	delete(sc.vars, lowerKey(name))
	*sc.gen++
}

// script returns the nearest script (or global) scope.
func (sc *scope) script() *scope {
	for x := sc; x != nil; x = x.parent {
		if x.kind == scopeScript || x.kind == scopeGlobal {
			return x
		}
	}
	return sc
}

// global returns the root scope.
func (sc *scope) global() *scope {
	x := sc
	for x.parent != nil {
		x = x.parent
	}
	return x
}

// lookupFunc finds a function visible from this scope.
func (sc *scope) lookupFunc(key string) *function {
	for x := sc; x != nil; x = x.parent {
		if f, ok := x.funcs[key]; ok {
			return f
		}
	}
	return nil
}

// defineFunc defines a function in this scope.
func (sc *scope) defineFunc(f *function) {
	if sc.funcs == nil {
		sc.funcs = map[string]*function{}
	}
	sc.funcs[strings.ToLower(f.name)] = f
}
