package cmdlets

import (
	"strings"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/value"
)

// coreWriteCmdlets is the table of the Write-* stream cmdlets.
func coreWriteCmdlets() []shell.CmdletInfo {
	return []shell.CmdletInfo{
		{Name: "Write-Output", Aliases: []string{"echo", "write"}, Module: moduleUtility,
			Synopsis: "Writes the specified objects to the pipeline.",
			New:      func() shell.Cmdlet { return new(writeOutput) }},
		{Name: "Write-Host", Module: moduleUtility,
			Synopsis: "Writes customized output to a host.",
			New:      func() shell.Cmdlet { return new(writeHost) }},
		{Name: "Write-Warning", Module: moduleUtility,
			Synopsis: "Writes a warning message.",
			New:      func() shell.Cmdlet { return &writeStream{kind: "Warning"} }},
		{Name: "Write-Verbose", Module: moduleUtility,
			Synopsis: "Writes text to the verbose message stream.",
			New:      func() shell.Cmdlet { return &writeStream{kind: "Verbose"} }},
		{Name: "Write-Debug", Module: moduleUtility,
			Synopsis: "Writes a debug message to the console.",
			New:      func() shell.Cmdlet { return &writeStream{kind: "Debug"} }},
		{Name: "Write-Error", Module: moduleUtility,
			Synopsis: "Writes an object to the error stream.",
			New:      func() shell.Cmdlet { return new(writeError) }},
		{Name: "Write-Progress", Module: moduleUtility,
			Synopsis: "Displays a progress bar within a PowerShell command window.",
			New:      func() shell.Cmdlet { return new(writeProgress) }},
	}
}

// rawArgs keeps the values bound to a remaining-arguments parameter as given: one argument
// stays itself (an array stays one array), several become an array.
type rawArgs struct {
	vals []value.Value
	n    int
}

func (r *rawArgs) Set(v value.Value) error {
	r.vals = append(r.vals, v)
	r.n++
	return nil
}

func (r *rawArgs) TypeName() string { return "PSObject[]" }

// value returns the bound argument(s).
func (r *rawArgs) value() value.Value {
	if r.n == 1 {
		return r.vals[0]
	}
	return r.vals
}

// writeOutput is Write-Output.
type writeOutput struct {
	args        rawArgs
	NoEnumerate bool
}

func (w *writeOutput) Params() []shell.Param {
	return []shell.Param{
		{Name: "InputObject", Position: 1, FromPipeline: true, Remaining: true, Bind: &w.args,
			Help: "The objects to send down the pipeline."},
		{Name: "NoEnumerate", Bind: shell.Switch(&w.NoEnumerate), Help: "Writes a collection as one object."},
	}
}

func (w *writeOutput) Process(c *shell.Context) error {
	var v value.Value
	switch {
	case c.HasInput:
		// The runtime binds each pipeline object to InputObject too; drop it so that a long
		// pipeline does not accumulate.
		v, w.args = c.Input, rawArgs{}
	case w.args.n == 0:
		return nil
	default:
		v = w.args.value()
	}
	if w.NoEnumerate {
		return c.WriteObject(v)
	}
	return writeEnumerated(c, v)
}

// consoleColors are the names of System.ConsoleColor.
var consoleColors = []string{"Black", "DarkBlue", "DarkGreen", "DarkCyan", "DarkRed", "DarkMagenta",
	"DarkYellow", "Gray", "DarkGray", "Blue", "Green", "Cyan", "Red", "Magenta", "Yellow", "White"}

// writeHost is Write-Host.
type writeHost struct {
	args      rawArgs
	NoNewline bool
	Separator value.Value
	Fore      string
	Back      string
}

func (w *writeHost) Params() []shell.Param {
	return []shell.Param{
		{Name: "Object", Aliases: []string{"Msg", "Message"}, Position: 1, FromPipeline: true, Remaining: true, Bind: &w.args,
			Help: "Objects to display in the host."},
		{Name: "NoNewline", Bind: shell.Switch(&w.NoNewline), Help: "Does not end the output with a newline."},
		{Name: "Separator", Bind: anyBinder{&w.Separator}, Help: "The text written between objects."},
		{Name: "ForegroundColor", Bind: enumBinder{&w.Fore, "System.ConsoleColor", consoleColors}, Help: "The text colour."},
		{Name: "BackgroundColor", Bind: enumBinder{&w.Back, "System.ConsoleColor", consoleColors}, Help: "The background colour."},
	}
}

func (w *writeHost) Process(c *shell.Context) error {
	sep := " "
	if c.Bound("Separator") {
		sep = value.ToString(w.Separator)
	}
	var v value.Value
	switch {
	case c.HasInput:
		v, w.args = c.Input, rawArgs{}
	case w.args.n > 0:
		v = w.args.value()
	}
	c.WriteHost(hostText(v, sep), !w.NoNewline, w.Fore)
	return nil
}

// hostText renders Write-Host's objects: collections (nested too) are flattened and every
// element is joined with sep.
func hostText(v value.Value, sep string) string {
	if !isCollection(v) {
		return value.ToString(v)
	}
	var parts []string
	for _, x := range items(v) {
		parts = append(parts, hostText(x, sep))
	}
	return strings.Join(parts, sep)
}

// writeStream is Write-Warning, Write-Verbose and Write-Debug.
type writeStream struct {
	kind    string
	Message string
}

func (w *writeStream) Params() []shell.Param {
	return []shell.Param{
		{Name: "Message", Aliases: []string{"Msg"}, Position: 1, Mandatory: true, FromPipeline: true,
			Bind: shell.String(&w.Message), Help: "The message to write."},
	}
}

func (w *writeStream) Process(c *shell.Context) error {
	switch w.kind {
	case "Warning":
		c.WriteWarning(w.Message)
	case "Verbose":
		c.WriteVerbose(w.Message)
	case "Debug":
		// Debug output is shown only when $DebugPreference asks for it.
		if p, ok := c.GetVariable("DebugPreference"); ok && strings.EqualFold(value.ToString(p), "Continue") {
			c.WriteHost("DEBUG: "+w.Message, true, "Yellow")
		}
	}
	return nil
}

// errorCategories are the names of System.Management.Automation.ErrorCategory.
var errorCategories = []string{"NotSpecified", "OpenError", "CloseError", "DeviceError", "DeadlockDetected",
	"InvalidArgument", "InvalidData", "InvalidOperation", "InvalidResult", "InvalidType", "MetadataError",
	"NotImplemented", "NotInstalled", "ObjectNotFound", "OperationStopped", "OperationTimeout", "SyntaxError",
	"ParserError", "PermissionDenied", "ResourceBusy", "ResourceExists", "ResourceUnavailable", "ReadError",
	"WriteError", "FromStdErr", "SecurityError", "ProtocolError", "ConnectionError", "AuthenticationError",
	"LimitsExceeded", "QuotaExceeded", "NotEnabled"}

// writeError is Write-Error: a non-terminating error with the given record fields.
type writeError struct {
	Message  string
	Category string
	ErrorID  string
	Target   value.Value
}

func (w *writeError) Params() []shell.Param {
	return []shell.Param{
		{Name: "Message", Aliases: []string{"Msg"}, Position: 1, Mandatory: true, FromPipeline: true,
			Bind: shell.String(&w.Message), Help: "The error message."},
		{Name: "Category", Bind: enumBinder{&w.Category, "System.Management.Automation.ErrorCategory", errorCategories}, Help: "The error category."},
		{Name: "ErrorId", Bind: shell.String(&w.ErrorID), Help: "The error identifier."},
		{Name: "TargetObject", Bind: anyBinder{&w.Target}, Help: "The object being processed."},
	}
}

func (w *writeError) Process(c *shell.Context) error {
	cat := w.Category
	if cat == "" {
		cat = "NotSpecified"
	}
	id := w.ErrorID
	if id == "" {
		id = "Microsoft.PowerShell.Commands.WriteErrorException"
	}
	c.WriteError(&shell.ErrorRecord{Message: w.Message, Category: cat, ErrorID: id,
		Exception: "Microsoft.PowerShell.Commands.WriteErrorException", TargetObject: w.Target})
	return nil
}

// writeProgress is Write-Progress.
type writeProgress struct {
	Activity  string
	Status    string
	ID        int
	Percent   int
	Completed bool
	Operation string
	ParentID  int
	Seconds   int
}

func (w *writeProgress) Params() []shell.Param {
	return []shell.Param{
		{Name: "Activity", Position: 1, Bind: shell.String(&w.Activity), Help: "The activity being reported."},
		{Name: "Status", Position: 2, Bind: shell.String(&w.Status), Help: "The current state of the activity."},
		{Name: "Id", Position: 3, Bind: shell.Int(&w.ID), Help: "Identifies the progress record."},
		{Name: "PercentComplete", Bind: shell.Int(&w.Percent), Help: "Percentage of the activity done."},
		{Name: "SecondsRemaining", Bind: shell.Int(&w.Seconds), Help: "Estimated seconds remaining."},
		{Name: "CurrentOperation", Bind: shell.String(&w.Operation), Help: "The operation now running."},
		{Name: "ParentId", Bind: shell.Int(&w.ParentID), Help: "The parent record's Id."},
		{Name: "Completed", Bind: shell.Switch(&w.Completed), Help: "Ends the progress display."},
	}
}

func (w *writeProgress) Process(c *shell.Context) error {
	status := w.Status
	if status == "" {
		status = "Processing"
	}
	pct := -1
	if c.Bound("PercentComplete") {
		pct = w.Percent
	}
	c.WriteProgress(w.Activity, status, pct, w.Completed)
	return nil
}
