package shell

import (
	"bufio"
	"io"
	"path/filepath"
	"strings"

	"github.com/exosh/exosh/shell/value"
)

// psVersion is the PowerShell version exosh reports.
const psVersion = "7.4.6"

// initAutomatic defines the automatic and preference variables of a new session.
func (s *Session) initAutomatic() {
	g := s.global
	g.set("Error", s.errList)
	g.set("ErrorActionPreference", "Continue")
	g.set("WarningPreference", "Continue")
	g.set("VerbosePreference", "SilentlyContinue")
	g.set("DebugPreference", "SilentlyContinue")
	g.set("InformationPreference", "SilentlyContinue")
	g.set("ProgressPreference", "Continue")
	g.set("ConfirmPreference", "High")
	g.set("WhatIfPreference", false)
	g.set("FormatEnumerationLimit", int32(4))
	g.set("LASTEXITCODE", nil)
	g.set("PID", int32(4242))
	home, _ := s.getenv("HOME")
	g.set("HOME", home)
	g.set("PROFILE", joinPath(home, ".config/powershell/Microsoft.PowerShell_profile.ps1"))
	g.set("PSHOME", "/opt/microsoft/powershell/7")
	g.set("PSVersionTable", psVersionTable())
	g.set("Host", s.hostObject())
	g.set("IsLinux", true)
	g.set("IsWindows", false)
	g.set("IsMacOS", false)
	g.set("IsCoreCLR", true)
	g.set("PSEdition", "Core")
	g.set("PSCulture", "en-US")
	g.set("MyInvocation", value.NewObject("System.Management.Automation.InvocationInfo",
		value.Property{Name: "MyCommand", Value: ""},
		value.Property{Name: "ScriptName", Value: ""},
		value.Property{Name: "PSScriptRoot", Value: ""},
		value.Property{Name: "PSCommandPath", Value: ""},
		value.Property{Name: "InvocationName", Value: ""},
		value.Property{Name: "Line", Value: ""}))
	g.set("PSUICulture", "en-US")
}

// psVersionTable builds $PSVersionTable with pwsh's key order.
func psVersionTable() *value.Hashtable {
	h := value.NewHashtable()
	h.Ordered = true
	h.Set("PSVersion", versionObject(7, 4, 6))
	h.Set("PSEdition", "Core")
	h.Set("GitCommitId", psVersion)
	h.Set("OS", "Linux")
	h.Set("Platform", "Unix")
	h.Set("PSCompatibleVersions", []value.Value{"1.0", "2.0", "3.0", "4.0", "5.0", "5.1", "6.0", "7.0"})
	h.Set("PSRemotingProtocolVersion", "2.3")
	h.Set("SerializationVersion", "1.1.0.1")
	h.Set("WSManStackVersion", "3.0")
	return h
}

// semVersion is a System.Management.Automation.SemanticVersion value.
type semVersion struct{ major, minor, patch int32 }

func versionObject(major, minor, patch int32) value.Value { return semVersion{major, minor, patch} }

func (v semVersion) TypeNames() []string {
	return []string{"System.Management.Automation.SemanticVersion", value.TObject}
}

func (v semVersion) String() string {
	return value.ToString(v.major) + "." + value.ToString(v.minor) + "." + value.ToString(v.patch)
}

// Member exposes Major, Minor, Patch and PreReleaseLabel.
func (v semVersion) Member(name string) (value.Value, bool) {
	switch strings.ToLower(name) {
	case "major":
		return v.major, true
	case "minor":
		return v.minor, true
	case "patch", "build":
		return v.patch, true
	case "prereleaselabel", "buildlabel":
		return nil, true
	}
	return nil, false
}

// hostObject builds $Host: Name, Version and UI.RawUI.WindowSize.Width.
func (s *Session) hostObject() *value.Object {
	size := value.NewObject("System.Management.Automation.Host.Size",
		value.Property{Name: "Width", Value: int32(s.width)},
		value.Property{Name: "Height", Value: int32(50)})
	raw := value.NewObject("System.Management.Automation.Internal.Host.InternalHostRawUserInterface",
		value.Property{Name: "WindowSize", Value: size},
		value.Property{Name: "BufferSize", Value: size},
		value.Property{Name: "ForegroundColor", Value: "Gray"},
		value.Property{Name: "BackgroundColor", Value: "Black"})
	ui := value.NewObject("System.Management.Automation.Internal.Host.InternalHostUserInterface",
		value.Property{Name: "RawUI", Value: raw})
	return value.NewObject("System.Management.Automation.Internal.Host.InternalHost",
		value.Property{Name: "Name", Value: "ConsoleHost"},
		value.Property{Name: "Version", Value: versionObject(7, 4, 6)},
		value.Property{Name: "UI", Value: ui},
		value.Property{Name: "CurrentCulture", Value: "en-US"},
		value.Property{Name: "CurrentUICulture", Value: "en-US"})
}

// pwdObject is $PWD: a PathInfo whose ToString is the path.
type pwdObject struct{ path string }

func (p pwdObject) TypeNames() []string {
	return []string{"System.Management.Automation.PathInfo", value.TObject}
}
func (p pwdObject) String() string { return p.path }

// Member exposes Path, ProviderPath and Drive.
func (p pwdObject) Member(name string) (value.Value, bool) {
	switch strings.ToLower(name) {
	case "path", "providerpath":
		return p.path, true
	case "drive":
		return "/", true
	case "provider":
		return "Microsoft.PowerShell.Core\\FileSystem", true
	}
	return nil, false
}

// lineSource reads Read-Host lines from stdin when no line reader is configured.
type lineSource struct {
	r  io.Reader
	br *bufio.Reader
}

func (l *lineSource) readLine() (string, error) {
	if l.br == nil {
		if l.r == nil {
			return "", io.EOF
		}
		l.br = bufio.NewReader(l.r)
	}
	line, err := l.br.ReadString('\n')
	if err != nil && line == "" {
		return "", err
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// Path helpers: exosh resolves script paths against its own working directory.

func isAbs(p string) bool { return filepath.IsAbs(p) }

func joinPath(dir, p string) string {
	if p == "" {
		return dir
	}
	if isAbs(p) || dir == "" {
		return filepath.Clean(p)
	}
	return filepath.Join(dir, p)
}

func dirName(p string) string {
	if p == "" {
		return ""
	}
	return filepath.Dir(p)
}

func baseName(p string) string {
	if p == "" {
		return ""
	}
	return filepath.Base(p)
}

// resolvePath makes p absolute against the session's working directory.
func (s *Session) resolvePath(p string) string { return joinPath(s.workDir, p) }
