package repl

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/value"
)

// commonParams are the parameters every cmdlet takes, with the values of the preference
// ones (ActionPreference).
var commonParams = []ParamInfo{
	{Name: "Verbose", Switch: true},
	{Name: "Debug", Switch: true},
	{Name: "ErrorAction", Values: actionPreference},
	{Name: "WarningAction", Values: actionPreference},
	{Name: "InformationAction", Values: actionPreference},
	{Name: "ProgressAction", Values: actionPreference},
	{Name: "ErrorVariable"},
	{Name: "WarningVariable"},
	{Name: "InformationVariable"},
	{Name: "OutVariable"},
	{Name: "OutBuffer"},
	{Name: "PipelineVariable"},
}

// shouldProcessParams are the common parameters of cmdlets that change something.
var shouldProcessParams = []ParamInfo{{Name: "WhatIf", Switch: true}, {Name: "Confirm", Switch: true}}

// actionPreference lists the values of System.Management.Automation.ActionPreference.
var actionPreference = []string{"Break", "Continue", "Ignore", "Inquire", "SilentlyContinue", "Stop", "Suspend"}

// knownValues lists the values of Exchange parameters whose binder takes a list (and so
// is no shell.EnumBinder) but whose elements come from a fixed set.
var knownValues = map[string][]string{
	"logontypes":           {"Admin", "Delegate", "Owner"},
	"logontype":            {"Admin", "Delegate", "Owner", "External"},
	"recipienttypedetails": {"DiscoveryMailbox", "EquipmentMailbox", "GroupMailbox", "LinkedMailbox", "LinkedRoomMailbox", "MailContact", "MailUniversalDistributionGroup", "MailUniversalSecurityGroup", "MailUser", "RoomList", "RoomMailbox", "SchedulingMailbox", "SharedMailbox", "TeamMailbox", "UserMailbox"},
	"accessrights":         {"ChangeOwner", "ChangePermission", "DeleteItem", "ExternalAccount", "FullAccess", "ReadPermission", "SendAs"},
	"reporttype":           {"ATPReport", "ConnectorReport", "DLP", "Malware", "MessageTrace", "MessageTraceDetail", "Phish", "SPAM", "Spoof", "TransportRule", "UnifiedDLP"},
	"status":               {"Delivered", "Expanded", "Failed", "FilteredAsSpam", "GettingStatus", "None", "Pending", "Quarantined"},
	"encoding":             {"ascii", "bigendianunicode", "bigendianutf32", "oem", "unicode", "utf7", "utf8", "utf8BOM", "utf8NoBOM", "utf32"},
}

// pathParams are the parameters whose value is a file path.
var pathParams = map[string]bool{"path": true, "filepath": true, "literalpath": true}

// ServicesSource answers completion questions from a session's services.
type ServicesSource struct {
	Services *shell.Services
	// Dir returns the current location; nil means the process's working directory.
	Dir func() string
}

// CommandNames lists every visible command.
func (s ServicesSource) CommandNames() []string {
	var out []string
	for _, e := range s.Services.Commands() {
		out = append(out, e.Name)
	}
	return out
}

// Parameters lists a cmdlet's parameters from its table entry.
func (s ServicesSource) Parameters(command string) ([]ParamInfo, bool) {
	e, ok := s.Services.LookupCommand(command)
	if !ok || e.Info == nil || e.Info.New == nil {
		return nil, false
	}
	var out []ParamInfo
	shouldProcess := false
	for _, p := range e.Info.New().Params() {
		pi := ParamInfo{Name: p.Name, Position: p.Position}
		if _, sw := p.Bind.(shell.SwitchBinder); sw {
			pi.Switch = true
		}
		if eb, ok := p.Bind.(shell.EnumBinder); ok {
			pi.Values = eb.Values()
		} else if v, ok := knownValues[strings.ToLower(p.Name)]; ok && !pi.Switch {
			pi.Values = v
		}
		out = append(out, pi)
	}
	verb, _, _ := strings.Cut(e.Info.Name, "-")
	switch strings.ToLower(verb) {
	case "set", "new", "add", "remove", "enable", "disable", "start", "stop", "clear", "update", "invoke", "export", "import", "out":
		shouldProcess = true
	}
	out = append(out, commonParams...)
	if shouldProcess {
		out = append(out, shouldProcessParams...)
	}
	return out, true
}

// VariableNames lists the session's global variables.
func (s ServicesSource) VariableNames() []string { return s.Services.VariableNames() }

// MemberNames lists the members of a global variable's value: properties first, then
// methods with "(" as pwsh completes them. A collection offers its elements' members,
// as member enumeration does.
func (s ServicesSource) MemberNames(variable string) ([]string, bool) {
	v, ok := s.Services.Variable(variable)
	if !ok || v == nil {
		return nil, ok
	}
	if items, isList := value.Enumerate(v); isList && len(items) > 0 {
		v = items[0]
	}
	var props, methods []string
	for _, m := range value.Members(v) {
		if strings.Contains(m.MemberType, "Method") {
			methods = append(methods, m.Name+"(")
		} else {
			props = append(props, m.Name)
		}
	}
	return append(sortUnique(props), sortUnique(methods)...), true
}

// Identities asks the tenant for recipients whose name starts with prefix: one indexed
// page, so the answer comes at once on any tenant size.
func (s ServicesSource) Identities(ctx context.Context, prefix string, limit int) []string {
	names, err := s.Services.RecipientNames(ctx, prefix, limit)
	if err != nil {
		return nil
	}
	return names
}

// WorkDir is the current location.
func (s ServicesSource) WorkDir() string {
	if s.Dir != nil {
		return s.Dir()
	}
	wd, _ := os.Getwd()
	return wd
}

// paths completes a file or directory path relative to the current location; directories
// end with the separator so that the next Tab goes inside.
func (c *Completer) paths(word string) []string {
	typed := unquote(word)
	dirPart, base := filepath.Split(typed)
	dir := dirPart
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(c.Source.WorkDir(), dirPart)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if !hasPrefixFold(e.Name(), base) {
			continue
		}
		if strings.HasPrefix(e.Name(), ".") && !strings.HasPrefix(base, ".") {
			continue
		}
		p := dirPart + e.Name()
		if dirPart == "" {
			p = "." + string(filepath.Separator) + e.Name()
		}
		if e.IsDir() {
			p += string(filepath.Separator)
		}
		out = append(out, quoteArg(p))
	}
	sort.Strings(out)
	return out
}
