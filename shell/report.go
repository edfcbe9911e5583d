package shell

import (
	"errors"
	"io"
	"strings"

	"github.com/exosh/exosh/parser"
	"github.com/exosh/exosh/shell/value"
)

// ANSI colours for the console streams.
const (
	ansiRed    = "\x1b[31;1m"
	ansiYellow = "\x1b[33;1m"
	ansiReset  = "\x1b[0m"
)

// recordError adds an error to $Error (newest first).
func (s *Session) recordError(re *RuntimeError) {
	if len(s.errList.Items) > 0 {
		if ev, ok := s.errList.Items[0].(*errorValue); ok && ev.rec == re {
			return
		}
	}
	s.errList.Items = append([]value.Value{&errorValue{rec: re}}, s.errList.Items...)
	if len(s.errList.Items) > 256 {
		s.errList.Items = s.errList.Items[:256]
	}
}

// reportError records an error, marks the pipeline failed and writes it to the error stream.
func (s *Session) reportError(re *RuntimeError) {
	if re.reported {
		return
	}
	re.reported = true
	s.recordError(re)
	s.failed = true
	s.lastOK = false
	s.printError(re)
}

// printError writes an error record to the current error stream.
func (s *Session) printError(re *RuntimeError) {
	if s.errSink != nil {
		_ = s.errSink(re)
		return
	}
	if s.out != nil {
		_ = s.out.Flush()
	}
	FormatError(s.stderr, re, s.interactive, s.color)
}

// parseErrorRecord turns a syntax error into an error record for display.
func (s *Session) parseErrorRecord(err error, src Source) *RuntimeError {
	var pe *parser.Error
	if !errors.As(err, &pe) {
		return &RuntimeError{Message: err.Error(), Category: "ParserError", Exception: excRuntime, Source: src}
	}
	return &RuntimeError{Message: pe.Msg, Category: "ParserError", ErrorID: pe.ErrorID,
		Exception: "System.Management.Automation.ParseException", Err: err, Source: src,
		Span: parser.Span{Pos: pe.Pos, EndPos: pe.EndPos}}
}

// writeWarningText prints "WARNING: msg" (yellow on a terminal).
func (s *Session) writeWarningText(msg string) {
	if s.warnSink != nil {
		_ = s.warnSink(msg)
		return
	}
	s.writeStreamLine("WARNING: "+msg, ansiYellow)
}

// writeStreamLine writes a host line for the warning/verbose streams after flushing pending
// output, so that the order on screen matches the order of events.
func (s *Session) writeStreamLine(line, color string) {
	if s.out != nil {
		_ = s.out.Flush()
	}
	if s.color && color != "" {
		line = color + line + ansiReset
	}
	_, _ = io.WriteString(s.stdout, line+"\n")
}

// hostColors maps console colour names to ANSI codes.
var hostColors = map[string]string{
	"black": "30", "darkblue": "34", "darkgreen": "32", "darkcyan": "36", "darkred": "31",
	"darkmagenta": "35", "darkyellow": "33", "gray": "37", "darkgray": "90", "blue": "94",
	"green": "92", "cyan": "96", "red": "91", "magenta": "95", "yellow": "93", "white": "97",
}

// writeHost writes Write-Host text.
func (s *Session) writeHost(text string, newline bool, fg string) {
	if newline {
		text += "\n"
	}
	if s.hostSink != nil {
		_ = s.hostSink(text)
		return
	}
	if s.out != nil {
		_ = s.out.Flush()
	}
	if s.color && fg != "" {
		if code, ok := hostColors[strings.ToLower(fg)]; ok {
			body := strings.TrimSuffix(text, "\n")
			text = "\x1b[" + code + "m" + body + ansiReset + text[len(body):]
		}
	}
	_, _ = io.WriteString(s.stdout, text)
}

// errorValue is an ErrorRecord as a PowerShell value ($_ in catch, $Error[0], 2>&1 output).
type errorValue struct{ rec *RuntimeError }

// TypeNames implements value.Custom.
func (e *errorValue) TypeNames() []string {
	return []string{"System.Management.Automation.ErrorRecord", value.TObject}
}

// String is the error message, as ErrorRecord.ToString() gives.
func (e *errorValue) String() string { return e.rec.Message }

// Member exposes the ErrorRecord properties scripts use.
func (e *errorValue) Member(name string) (value.Value, bool) {
	r := e.rec
	switch strings.ToLower(name) {
	case "exception":
		return &exceptionValue{rec: r}, true
	case "categoryinfo":
		return categoryInfo(r), true
	case "fullyqualifiederrorid":
		id := r.ErrorID
		if r.Command != "" && !r.Thrown && r.Category != "ParserError" {
			id += "," + commandTypeName(r.Command)
		}
		return id, true
	case "targetobject":
		return r.TargetObject, true
	case "invocationinfo":
		return invocationInfo(r), true
	case "errordetails":
		return nil, true
	case "scriptstacktrace":
		return "at <ScriptBlock>, " + scriptLabel(r) + ": line " + value.ToString(int32(r.Span.Pos.Line)), true
	}
	return nil, false
}

// commandTypeName is the second part of a FullyQualifiedErrorId for a cmdlet error.
func commandTypeName(cmd string) string {
	if i := strings.IndexByte(cmd, '-'); i > 0 {
		return "Microsoft.PowerShell.Commands." + strings.ReplaceAll(cmd[i+1:]+cmd[:i], "-", "") + "Command"
	}
	return cmd
}

func scriptLabel(r *RuntimeError) string {
	if r.Source.File {
		return r.Source.Name
	}
	return "<No file>"
}

// categoryInfo builds $_.CategoryInfo.
func categoryInfo(r *RuntimeError) *categoryValue { return &categoryValue{rec: r} }

type categoryValue struct{ rec *RuntimeError }

func (c *categoryValue) TypeNames() []string {
	return []string{"System.Management.Automation.ErrorCategoryInfo", value.TObject}
}

// String renders "Category: (target:Type) [Activity], Reason" as pwsh does.
func (c *categoryValue) String() string {
	r := c.rec
	target, typ := "", ""
	if r.TargetObject != nil {
		target, typ = value.ToString(r.TargetObject), value.ShortTypeName(value.TypeName(r.TargetObject))
	}
	return r.Category + ": (" + target + ":" + typ + ") [" + c.activity() + "], " + shortName(r.Exception)
}

func (c *categoryValue) activity() string {
	if c.rec.Command != "" && !c.rec.Thrown {
		return c.rec.Command
	}
	return ""
}

// Member exposes Category, Activity, Reason, TargetName and TargetType.
func (c *categoryValue) Member(name string) (value.Value, bool) {
	r := c.rec
	switch strings.ToLower(name) {
	case "category":
		return r.Category, true
	case "activity":
		return c.activity(), true
	case "reason":
		return shortName(r.Exception), true
	case "targetname":
		if r.TargetObject == nil {
			return "", true
		}
		return value.ToString(r.TargetObject), true
	case "targettype":
		if r.TargetObject == nil {
			return "", true
		}
		return value.ShortTypeName(value.TypeName(r.TargetObject)), true
	}
	return nil, false
}

// exceptionValue is $_.Exception.
type exceptionValue struct{ rec *RuntimeError }

func (x *exceptionValue) TypeNames() []string { return exceptionTypes(x.rec.Exception) }

func (x *exceptionValue) String() string { return x.rec.Exception + ": " + x.rec.Message }

// Member exposes Message, InnerException, ErrorRecord and HResult.
func (x *exceptionValue) Member(name string) (value.Value, bool) {
	switch strings.ToLower(name) {
	case "message":
		return x.rec.Message, true
	case "innerexception":
		if x.rec.inner == "" {
			return nil, true
		}
		inner := *x.rec
		inner.Exception, inner.inner = x.rec.inner, ""
		return &exceptionValue{rec: &inner}, true
	case "errorrecord":
		return &errorValue{rec: x.rec}, true
	case "hresult":
		return int32(-2146233087), true
	case "source", "stacktrace", "helplink":
		return nil, true
	}
	return nil, false
}

// invocationInfo builds $_.InvocationInfo.
func invocationInfo(r *RuntimeError) *value.Object {
	line := sourceLine(r.Source.Text, r.Span.Pos.Line)
	name := ""
	if r.Source.File {
		name = r.Source.Name
	}
	return value.NewObject("System.Management.Automation.InvocationInfo",
		value.Property{Name: "MyCommand", Value: r.Command},
		value.Property{Name: "ScriptLineNumber", Value: int32(r.Span.Pos.Line)},
		value.Property{Name: "OffsetInLine", Value: int32(r.Span.Pos.Column)},
		value.Property{Name: "ScriptName", Value: name},
		value.Property{Name: "Line", Value: line},
		value.Property{Name: "PositionMessage", Value: positionMessage(r)},
		value.Property{Name: "InvocationName", Value: r.Command},
	)
}

// sourceLine returns line n (1-based) of text.
func sourceLine(text string, n int) string {
	if n < 1 {
		return ""
	}
	for i := 1; i < n; i++ {
		j := strings.IndexByte(text, '\n')
		if j < 0 {
			return ""
		}
		text = text[j+1:]
	}
	if j := strings.IndexByte(text, '\n'); j >= 0 {
		text = text[:j]
	}
	return strings.TrimRight(text, "\r")
}
