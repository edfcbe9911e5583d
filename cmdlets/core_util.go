package cmdlets

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/value"
)

// This file holds the small helpers the core cmdlets share: reading a property of any value,
// enumerating collections, wildcard matching and resolving paths against $PWD.

// propertyOf reads a property the way PowerShell's member access does: a hashtable's key
// first, then an object's property, then the value's .NET-like members. ok is false when
// nothing of that name exists.
func propertyOf(v value.Value, name string) (value.Value, bool) {
	switch t := v.(type) {
	case nil:
		return nil, false
	case *value.Hashtable:
		if x, ok := t.Get(name); ok {
			return x, true
		}
	case *value.Object:
		if x, ok := t.Get(name); ok {
			return x, true
		}
	}
	return value.GetMember(v, name)
}

// items enumerates a collection one level, as the pipeline does; a scalar gives itself and
// $null gives nothing.
func items(v value.Value) []value.Value {
	switch t := v.(type) {
	case nil:
		return nil
	case []value.Value:
		return t
	case *value.List:
		return t.Items
	}
	return []value.Value{v}
}

// isCollection reports whether v enumerates in the pipeline.
func isCollection(v value.Value) bool {
	switch v.(type) {
	case []value.Value, *value.List:
		return true
	}
	return false
}

// firstTypeName is v's most specific type name, or "" for $null.
func firstTypeName(v value.Value) string { return value.TypeName(v) }

// propertyNames lists the names a wildcard in Select-Object or Format-List expands over.
func propertyNames(v value.Value) []string {
	switch t := v.(type) {
	case *value.Object:
		names := make([]string, 0, len(t.Properties()))
		for _, p := range t.Properties() {
			names = append(names, p.Name)
		}
		return names
	case *value.Hashtable:
		names := make([]string, 0, t.Len())
		for _, k := range t.Keys() {
			names = append(names, value.ToString(k))
		}
		return names
	case nil:
		return nil
	}
	var names []string
	for _, m := range value.Members(v) {
		if strings.HasSuffix(m.MemberType, "Property") && m.MemberType != "ParameterizedProperty" {
			names = append(names, m.Name)
		}
	}
	return names
}

// hasWildcard reports whether s contains an unescaped PowerShell wildcard character.
func hasWildcard(s string) bool { return value.HasWildcard(s) }

// wildcardMatch matches s against a PowerShell wildcard pattern, case-insensitively unless
// caseSensitive.
func wildcardMatch(pattern, s string, caseSensitive bool) bool {
	return value.MatchWildcard(pattern, s, caseSensitive)
}

// workingDir is the session's current location: $PWD when the session defines it, else the
// process's directory.
func workingDir(c *shell.Context) string {
	if v, ok := c.GetVariable("PWD"); ok && v != nil {
		if d := value.ToString(v); d != "" {
			return d
		}
	}
	d, err := os.Getwd()
	if err != nil {
		return "."
	}
	return d
}

// resolvePath makes p absolute against the session's working directory, expanding a leading
// "~" to the home directory as PowerShell's FileSystem provider does. A Windows drive path
// (C:\Data\file.csv, pasted from documentation) fails as it does in pwsh on a system with no
// such drive, rather than landing in a folder named "C:".
func resolvePath(c *shell.Context, p string) (string, error) {
	if filepath.Separator == '/' {
		if d, ok := windowsDrive(p); ok {
			return "", driveNotFound(d)
		}
		// pwsh on Unix accepts Windows separators in paths.
		p = strings.ReplaceAll(p, `\`, "/")
	}
	if p == "~" || strings.HasPrefix(p, "~/") {
		if h := homeDir(c); h != "" {
			p = filepath.Join(h, p[1:])
		}
	}
	if filepath.IsAbs(p) {
		return filepath.Clean(p), nil
	}
	return filepath.Join(workingDir(c), p), nil
}

// windowsDrive reports the drive letter of a path such as `C:\Data` or `c:/x`.
func windowsDrive(p string) (string, bool) {
	if len(p) >= 2 && p[1] == ':' && (p[0] >= 'a' && p[0] <= 'z' || p[0] >= 'A' && p[0] <= 'Z') {
		if len(p) == 2 || p[2] == '\\' || p[2] == '/' {
			return p[:1], true
		}
	}
	return "", false
}

// driveNotFound is pwsh's error for a path on a drive that does not exist.
func driveNotFound(drive string) *shell.ErrorRecord {
	return &shell.ErrorRecord{
		Message:      fmt.Sprintf("Cannot find drive. A drive with the name '%s' does not exist.", drive),
		Category:     "ObjectNotFound",
		ErrorID:      "DriveNotFound",
		Exception:    "System.Management.Automation.DriveNotFoundException",
		TargetObject: drive,
	}
}

// homeDir is $HOME, else the process owner's home directory.
func homeDir(c *shell.Context) string {
	if v, ok := c.GetVariable("HOME"); ok && v != nil {
		if h := value.ToString(v); h != "" {
			return h
		}
	}
	h, _ := os.UserHomeDir()
	return h
}

// pathNotFound is the error Get-Content, Test-Path's siblings and Set-Location give for a
// missing item.
func pathNotFound(path string) *shell.ErrorRecord {
	return &shell.ErrorRecord{
		Message:      fmt.Sprintf("Cannot find path '%s' because it does not exist.", path),
		Category:     "ObjectNotFound",
		ErrorID:      "PathNotFound",
		Exception:    "System.Management.Automation.ItemNotFoundException",
		TargetObject: path,
	}
}

// fileNotFound is the .NET FileNotFoundException text Import-Csv reports.
func fileNotFound(path string) *shell.ErrorRecord {
	return &shell.ErrorRecord{
		Message:      fmt.Sprintf("Could not find file '%s'.", path),
		Category:     "ObjectNotFound",
		ErrorID:      "FileOpenFailure",
		Exception:    "System.IO.FileNotFoundException",
		TargetObject: path,
	}
}

// invalidArgument builds an InvalidArgument error record.
func invalidArgument(id, msg string, target value.Value) *shell.ErrorRecord {
	return &shell.ErrorRecord{Message: msg, Category: "InvalidArgument", ErrorID: id,
		Exception: "System.ArgumentException", TargetObject: target}
}

// padRight pads s with spaces to n display cells.
func padRight(s string, n int) string {
	if k := utf8.RuneCountInString(s); k < n {
		return s + strings.Repeat(" ", n-k)
	}
	return s
}
