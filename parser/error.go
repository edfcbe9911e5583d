package parser

import "errors"

// Error is a syntax error at a position. Incomplete is true when the error was caused by
// reaching the end of input, so that more input could make the source valid (the REPL then
// asks for a continuation line with ">> ").
type Error struct {
	Pos        Pos
	EndPos     Pos // end of the offending token (for the ~~~ marker); may equal Pos
	Msg        string
	ErrorID    string // PowerShell's ParseError id, e.g. "RedirectionNotSupported", "MissingEndCurlyBrace"
	Incomplete bool
}

// Error renders "name:line:col: msg".
func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// IsIncomplete reports whether err is a parse error caused by end of input.
func IsIncomplete(err error) bool {
	var pe *Error
	return errors.As(err, &pe) && pe.Incomplete
}
