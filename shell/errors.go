package shell

import (
	"errors"
	"fmt"
	"strings"

	"github.com/exosh/exosh/parser"
	"github.com/exosh/exosh/shell/value"
)

// Exception type names used by the runtime's own errors.
const (
	excRuntime         = "System.Management.Automation.RuntimeException"
	excCommandNotFound = "System.Management.Automation.CommandNotFoundException"
	excParamBinding    = "System.Management.Automation.ParameterBindingException"
	excStop            = "System.Management.Automation.ActionPreferenceStopException"
	excWriteError      = "Microsoft.PowerShell.Commands.WriteErrorException"
)

// RuntimeError is an error record raised while a script runs: a terminating error that ended
// the script (returned by Run), or one reported and recorded in $Error.
type RuntimeError struct {
	Span   parser.Span // the offending extent; zero when unknown
	Source Source      // the source Span points into
	// Command is the command name used as the ConciseView reason ("Get-Mailbox").
	Command string
	// Thrown marks errors from a throw statement (reason "Exception").
	Thrown    bool
	Category  string // "ObjectNotFound", "InvalidArgument", "NotSpecified" ...
	ErrorID   string // FullyQualifiedErrorId's first part
	Exception string // .NET exception type name
	Message   string
	// TargetObject is the object the error is about ($_.TargetObject).
	TargetObject value.Value
	// Err is the underlying Go error, if any.
	Err error

	// scriptTerm marks script-terminating errors (throw, -ErrorAction Stop): they unwind
	// through statement lists until a try/catch handles them.
	scriptTerm bool
	// reported marks errors already written to the error stream and $Error.
	reported bool
	// thrownValue is the object given to throw, for $_.TargetObject and rethrow.
	thrownValue value.Value
	// inner is the .NET exception wrapped by Exception (DivideByZeroException inside a
	// RuntimeException, the exception thrown inside a method call); typed catch blocks
	// match it too, as pwsh does.
	inner string
}

// Error returns the message.
func (e *RuntimeError) Error() string { return e.Message }

// Unwrap returns the cause.
func (e *RuntimeError) Unwrap() error { return e.Err }

// ExitError is the result of `exit N`.
type ExitError struct{ Code int }

// Error describes the exit.
func (e *ExitError) Error() string { return fmt.Sprintf("exit %d", e.Code) }

// flowBreak and flowContinue are `break` and `continue` unwinding to their loop; an empty
// label matches the innermost loop.
type flowBreak struct{ label string }

func (f *flowBreak) Error() string { return "break" }

type flowContinue struct{ label string }

func (f *flowContinue) Error() string { return "continue" }

// flowReturn is `return` unwinding to the end of its function or script block.
type flowReturn struct{}

func (flowReturn) Error() string { return "return" }

// isFlow reports whether err is a control-flow signal rather than an error.
func isFlow(err error) bool {
	switch err.(type) {
	case *flowBreak, *flowContinue, flowReturn, *ExitError, *stopAt:
		return true
	}
	return false
}

// newRuntimeError builds an error record for node n from a Go error, taking the record
// fields from *ErrorRecord, *value.Error or *RuntimeError causes.
func (s *Session) newRuntimeError(n parser.Node, err error) *RuntimeError {
	var re *RuntimeError
	if errors.As(err, &re) {
		return re
	}
	r := &RuntimeError{Message: err.Error(), Err: err, Category: "NotSpecified", Exception: excRuntime}
	var er *ErrorRecord
	var ve *value.Error
	switch {
	case errors.As(err, &er):
		r.Message, r.Category, r.ErrorID, r.TargetObject = er.Message, er.Category, er.ErrorID, er.TargetObject
		if er.Exception != "" {
			r.Exception = er.Exception
		}
	case errors.As(err, &ve):
		r.Message, r.Category, r.ErrorID = ve.Message, ve.Category, ve.ErrorID
		if ve.Exception != "" {
			r.Exception = ve.Exception
		}
		r.inner = innerException(ve)
	}
	if r.Category == "" {
		r.Category = "NotSpecified"
	}
	if r.ErrorID == "" {
		r.ErrorID = shortName(r.Exception)
	}
	if n != nil {
		r.Span = n.Extent()
		r.Source = s.sourceOf(r.Span)
	}
	return r
}

// errorAt is newRuntimeError for a message with explicit record fields.
func (s *Session) errorAt(n parser.Node, category, id, exception, msg string) *RuntimeError {
	return s.newRuntimeError(n, &ErrorRecord{Message: msg, Category: category, ErrorID: id, Exception: exception})
}

// shortName is the last dotted component of a type name.
func shortName(full string) string {
	for i := len(full) - 1; i >= 0; i-- {
		if full[i] == '.' {
			return full[i+1:]
		}
	}
	return full
}

// exceptionBases gives the base classes of the exception types exosh raises, so that
// `catch [System.Management.Automation.RuntimeException]` or `catch [System.SystemException]`
// match derived errors.
var exceptionBases = map[string][]string{
	excRuntime:         {"System.SystemException"},
	excCommandNotFound: {excRuntime, "System.SystemException"},
	excParamBinding:    {excRuntime, "System.SystemException"},
	excStop:            {excRuntime, "System.SystemException"},
	excWriteError:      {"System.SystemException"},
	"System.Management.Automation.PSInvalidCastException":             {"System.InvalidCastException", excRuntime, "System.SystemException"},
	"System.Management.Automation.MethodInvocationException":          {"System.Management.Automation.MethodException", excRuntime, "System.SystemException"},
	"System.Management.Automation.MethodException":                    {excRuntime, "System.SystemException"},
	"System.Management.Automation.SetValueInvocationException":        {"System.Management.Automation.SetValueException", excRuntime, "System.SystemException"},
	"System.Management.Automation.ItemNotFoundException":              {"System.Management.Automation.SessionStateException", excRuntime, "System.SystemException"},
	"System.Management.Automation.PSArgumentException":                {"System.ArgumentException", "System.SystemException"},
	"System.Management.Automation.ParentContainsErrorRecordException": {excRuntime, "System.SystemException"},
	"System.DivideByZeroException":                                    {"System.ArithmeticException", "System.SystemException"},
	"System.ArgumentOutOfRangeException":                              {"System.ArgumentException", "System.SystemException"},
	"System.ArgumentNullException":                                    {"System.ArgumentException", "System.SystemException"},
	"System.ArgumentException":                                        {"System.SystemException"},
	"System.FormatException":                                          {"System.SystemException"},
	"System.InvalidOperationException":                                {"System.SystemException"},
	"System.IO.FileNotFoundException":                                 {"System.IO.IOException", "System.SystemException"},
	"System.IO.IOException":                                           {"System.SystemException"},
}

// exceptionTypes lists the type hierarchy of an exception, most specific first.
func exceptionTypes(exc string) []string {
	out := []string{exc}
	if bases, ok := exceptionBases[exc]; ok {
		out = append(out, bases...)
	} else if exc != "System.Exception" {
		out = append(out, "System.SystemException")
	}
	return append(out, "System.Exception", "System.Object")
}

// innerException names the .NET exception a value-layer error wraps.
func innerException(ve *value.Error) string {
	switch {
	case ve.Message == "Attempted to divide by zero.":
		return "System.DivideByZeroException"
	case ve.Exception == "System.Management.Automation.MethodInvocationException" && strings.HasSuffix(ve.ErrorID, "Exception"):
		if strings.Contains(ve.ErrorID, ".") {
			return ve.ErrorID
		}
		return "System." + ve.ErrorID
	}
	return ""
}
