package value

import "time"

// Env is what the value layer needs from the session for members that touch the outside
// world: the clock, GUID generation, the temporary directory and environment variables.
// The runtime fills it from its injected services; any field may be nil/empty, in which case
// the members that need it fail.
type Env struct {
	Now     func() time.Time
	NewGuid func() Guid
	TempDir string
	Getenv  func(string) (string, bool)
}

func (e *Env) now() func() time.Time {
	if e == nil {
		return nil
	}
	return e.Now
}

// MemberInfo describes one member for Get-Member.
type MemberInfo struct {
	Name       string
	MemberType string // "Property", "NoteProperty", "Method", "ScriptMethod", "ParameterizedProperty"
	Definition string // "int Length {get;}", "string ToUpper()", "string Name=x"
}
