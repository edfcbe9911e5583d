package value

import "fmt"

// Error is a failure raised by the value layer, carrying the fields PowerShell's error
// record needs so that the runtime can render it and match typed catch blocks.
type Error struct {
	Message   string
	Category  string // "InvalidArgument", "InvalidOperation", "NotSpecified" ...
	ErrorID   string // first part of FullyQualifiedErrorId, e.g. "InvalidCastFromStringToInteger"
	Exception string // .NET exception type, e.g. "System.Management.Automation.PSInvalidCastException"
}

// Error returns the message.
func (e *Error) Error() string { return e.Message }

const (
	excRuntime      = "System.Management.Automation.RuntimeException"
	excInvalidCast  = "System.Management.Automation.PSInvalidCastException"
	excMethod       = "System.Management.Automation.MethodInvocationException"
	excMethodNF     = "System.Management.Automation.MethodException"
	excDivideByZero = "System.DivideByZeroException"
	excArgument     = "System.ArgumentException"
	excFormat       = "System.FormatException"
	excProperty     = "System.Management.Automation.SetValueInvocationException"
)

func newError(exc, cat, id, format string, args ...any) *Error {
	return &Error{Exception: exc, Category: cat, ErrorID: id, Message: fmt.Sprintf(format, args...)}
}

// ErrUnknownType is pwsh's error for a type literal or type name it cannot resolve.
func ErrUnknownType(name string) error {
	return newError(excRuntime, "InvalidOperation", "TypeNotFound", "Unable to find type [%s].", name)
}

// ErrDivideByZero is the error of integer and decimal division by zero.
func ErrDivideByZero() error {
	return newError(excRuntime, "NotSpecified", "RuntimeException", "Attempted to divide by zero.")
}

// ErrMethodNotFound is pwsh's error for calling a method a value does not have.
func ErrMethodNotFound(v Value, name string) error {
	return newError(excMethodNF, "InvalidOperation", "MethodNotFound",
		"Method invocation failed because [%s] does not contain a method named '%s'.", TypeName(v), name)
}

// ErrOverload is pwsh's error for calling a method with an argument count it has no
// overload for.
func ErrOverload(name string, n int) error {
	return newError(excMethodNF, "NotSpecified", "MethodCountCouldNotFindBest",
		"Cannot find an overload for \"%s\" and the argument count: \"%d\".", name, n)
}

// ErrPropertyNotFound is pwsh's error for assigning to a property an object lacks.
func ErrPropertyNotFound(name string) error {
	return newError(excRuntime, "InvalidOperation", "PropertyAssignmentException",
		"The property '%s' cannot be found on this object. Verify that the property exists and can be set.", name)
}

// methodError wraps a .NET exception thrown inside a method, the way pwsh reports it:
// Exception calling "Substring" with "1" argument(s): "...".
func methodError(name string, n int, msg string) error {
	return newError(excMethod, "NotSpecified", "DotNetMethodException",
		"Exception calling \"%s\" with \"%d\" argument(s): \"%s\"", name, n, msg)
}
