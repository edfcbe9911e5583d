package shell

import (
	"context"
	"time"

	"github.com/exosh/exosh/shell/value"
	"github.com/exosh/exosh/store"
)

// Clock is the one source of "now" in exosh. Only cmd/ constructs a real clock.
type Clock interface{ Now() time.Time }

// ClockRefresher is a Clock whose setting lives outside the process: the tenant clock,
// which Set-SimClock persists in the tenant. The session calls Refresh before each
// outermost statement, so that a setting another process changed applies from the next
// statement on.
type ClockRefresher interface {
	Clock
	Refresh()
}

// CmdletInfo describes one cmdlet in the table that main passes to the shell.
type CmdletInfo struct {
	Name     string   // "Get-Mailbox"
	Aliases  []string // "gm", "%" ...
	Synopsis string
	Noun     string // optional; derived from Name when empty
	// Module is the Source column of Get-Command ("ExchangeOnlineManagement",
	// "Microsoft.PowerShell.Utility", "exosh").
	Module string
	New    func() Cmdlet // fresh instance per pipeline position
	// ConfirmImpact is the cmdlet's [Cmdlet(ConfirmImpact=...)]: ShouldProcess prompts when
	// it is at least $ConfirmPreference (High by default), or whenever -Confirm is given.
	// The zero value is Medium, as in pwsh.
	ConfirmImpact ConfirmImpact
}

// Cmdlet is the contract every cmdlet implements.
type Cmdlet interface {
	// Params lists the parameters, binding each to a field of the cmdlet.
	Params() []Param
	// Process runs once per pipeline input object, or once when there is no pipeline input.
	// A returned error is terminating for the pipeline; use c.WriteError for non-terminating
	// errors. Returning StopPipeline (Select-Object -First) ends the upstream input; the
	// End steps from this cmdlet on still run. An error returned by WriteObject must be
	// returned unchanged.
	Process(c *Context) error
}

// Beginner is implemented by cmdlets that need a Begin step.
type Beginner interface{ Begin(c *Context) error }

// Ender is implemented by cmdlets that need an End step.
type Ender interface{ End(c *Context) error }

// Param declares one parameter.
type Param struct {
	Name      string
	Aliases   []string
	Position  int // 1-based; 0 means named only
	Mandatory bool
	// Sets names the parameter sets the parameter belongs to; empty means all sets.
	Sets           []string
	FromPipeline   bool // accepts pipeline input by value
	ByPropertyName bool // accepts pipeline input by property name
	// Remaining marks a ValueFromRemainingArguments parameter (Write-Output, Write-Host):
	// unknown -X tokens are passed to it as data.
	Remaining bool
	// Dynamic marks a parameter whose value is re-bound for each pipeline object.
	Bind Binder
	// Help is the one-line description Get-Help shows.
	Help string
}

// Binder converts a bound argument and stores it in the cmdlet's field.
type Binder interface {
	// Set converts v to the parameter's type and stores it. A conversion failure returns an
	// error whose text is the inner reason (the binder wraps it in pwsh's
	// "Cannot bind parameter 'X'. Cannot convert value ..." message).
	Set(v value.Value) error
	// TypeName is the .NET type name shown in errors and help: "String", "Int32",
	// "SwitchParameter", "DateTime", "Object[]" ...
	TypeName() string
}

// SwitchBinder is implemented by binders of switch parameters: a switch takes no argument
// unless written -Name:$value.
type SwitchBinder interface {
	Binder
	IsSwitch()
}

// ErrorRecord is an error with PowerShell's error-record fields. Cmdlets return it (or write
// it with WriteError) when the category matters for display or for catch blocks.
type ErrorRecord struct {
	Message  string
	Category string // "ObjectNotFound", "InvalidArgument", "NotSpecified" ...
	ErrorID  string // FullyQualifiedErrorId's first part
	// Exception is the .NET exception type name, used by typed catch blocks and by the
	// ConciseView reason: "System.Management.Automation.RuntimeException" when empty.
	Exception    string
	TargetObject value.Value
}

// Error returns the message.
func (e *ErrorRecord) Error() string { return e.Message }

// Context is what a cmdlet sees while it runs: the current input, its output and error
// streams, the store, the clock and the session's services.
type Context struct {
	Ctx   context.Context // cancelled by Ctrl-C
	Store store.Store     // may be nil in sessions without a tenant
	Clock Clock
	// Input is the current pipeline input object (nil in Begin/End or without input).
	Input value.Value
	// HasInput reports whether the cmdlet is running in a pipeline with upstream input.
	HasInput bool

	rt runtime // implemented by the session
}

// runtime is the part of the session a Context delegates to.
type runtime interface {
	writeObject(v value.Value) error
	writeError(err error)
	writeWarning(msg string)
	writeVerbose(msg string)
	writeHost(text string, newline bool, fg string)
	writeProgress(activity, status string, percent int, completed bool)
	bound(name string) bool
	invoke(sb *value.ScriptBlock, dollarUnder value.Value, args []value.Value, out func(value.Value) error) error
	shouldProcess(description, query, caption string) bool
	readLine(prompt string, secure bool) (string, error)
	getVariable(name string) (value.Value, bool)
	setVariable(name string, v value.Value) error
	services() *Services
}

// WriteObject sends v to the next pipeline stage (or to output). Arrays are written as one
// object; call it once per element to enumerate.
func (c *Context) WriteObject(v value.Value) error { return c.rt.writeObject(v) }

// WriteError records a non-terminating error (honouring -ErrorAction).
func (c *Context) WriteError(err error) { c.rt.writeError(err) }

// WriteWarning writes "WARNING: msg" to the warning stream (honouring -WarningAction).
func (c *Context) WriteWarning(msg string) { c.rt.writeWarning(msg) }

// WriteVerbose writes "VERBOSE: msg" when -Verbose or $VerbosePreference asks for it.
func (c *Context) WriteVerbose(msg string) { c.rt.writeVerbose(msg) }

// WriteHost writes text straight to the host (Write-Host); fg is a console colour name or "".
func (c *Context) WriteHost(text string, newline bool, fg string) { c.rt.writeHost(text, newline, fg) }

// WriteProgress shows a progress line on a terminal; it does nothing when output is redirected.
func (c *Context) WriteProgress(activity, status string, percent int, completed bool) {
	c.rt.writeProgress(activity, status, percent, completed)
}

// Bound reports whether the named parameter was given (by name, position or pipeline).
func (c *Context) Bound(name string) bool { return c.rt.bound(name) }

// Invoke runs a script block in the caller's scope with $_ and $PSItem set to dollarUnder and
// $args to args, sending each output object to out. Errors are terminating errors of the
// block (including break/continue signals, which the caller must pass back up unchanged).
func (c *Context) Invoke(sb *value.ScriptBlock, dollarUnder value.Value, args []value.Value, out func(value.Value) error) error {
	return c.rt.invoke(sb, dollarUnder, args, out)
}

// InvokeCollect is Invoke gathering the output in a slice.
func (c *Context) InvokeCollect(sb *value.ScriptBlock, dollarUnder value.Value, args ...value.Value) ([]value.Value, error) {
	var res []value.Value
	err := c.rt.invoke(sb, dollarUnder, args, func(v value.Value) error {
		res = append(res, v)
		return nil
	})
	return res, err
}

// ShouldProcess implements -WhatIf and -Confirm for the operation `Performing the operation
// "action" on target "target".`: with -WhatIf it prints "What if: " and that text and
// returns false; when the cmdlet's ConfirmImpact reaches $ConfirmPreference, or -Confirm was
// given, it asks the user (Yes, Yes to All, No, No to All) and returns the answer. A prompt
// that cannot be asked (-NonInteractive, end of input) returns false and makes the cmdlet's
// current step end with that error, whatever the step returns.
func (c *Context) ShouldProcess(target, action string) bool {
	return c.rt.shouldProcess(shouldProcessDescription(target, action), "", "")
}

// ShouldProcessMessage is ShouldProcess with the cmdlet's own texts, as pwsh's
// ShouldProcess(verboseDescription, verboseWarning, caption): description follows "What if: "
// (and is the -Verbose line), query is the prompt's message and caption its title. An empty
// query asks "Are you sure you want to perform this action?" above the description; an empty
// caption is "Confirm".
func (c *Context) ShouldProcessMessage(description, query, caption string) bool {
	return c.rt.shouldProcess(description, query, caption)
}

// ReadLine reads one line from the host's input (Read-Host), after writing prompt.
func (c *Context) ReadLine(prompt string, secure bool) (string, error) {
	return c.rt.readLine(prompt, secure)
}

// GetVariable reads a variable visible from the current scope.
func (c *Context) GetVariable(name string) (value.Value, bool) { return c.rt.getVariable(name) }

// SetVariable sets a variable in the current scope.
func (c *Context) SetVariable(name string, v value.Value) error { return c.rt.setVariable(name, v) }

// Services returns session-wide services (command table, formatting views, output width).
func (c *Context) Services() *Services { return c.rt.services() }

// VariableNames lists the names of the variables visible from the current scope, for
// Get-Variable with wildcards. It returns nil when the session cannot enumerate its scopes
// (the runtime opts in by implementing variableNames).
func (c *Context) VariableNames() []string {
	if l, ok := c.rt.(interface{ variableNames() []string }); ok {
		return l.variableNames()
	}
	return nil
}
