package cmdlets

import (
	"fmt"
	"sort"
	"strings"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/value"
)

// coreCommandCmdlets is the table of the discovery cmdlets: commands, aliases, variables.
func coreCommandCmdlets() []shell.CmdletInfo {
	return []shell.CmdletInfo{
		{Name: "Get-Command", Aliases: []string{"gcm"}, Module: moduleCore,
			Synopsis: "Gets all commands.",
			New:      func() shell.Cmdlet { return new(getCommand) }},
		{Name: "Get-Alias", Aliases: []string{"gal"}, Module: moduleUtility,
			Synopsis: "Gets the aliases for the current session.",
			New:      func() shell.Cmdlet { return new(getAlias) }},
		{Name: "Get-Variable", Aliases: []string{"gv"}, Module: moduleUtility,
			Synopsis: "Gets the variables in the current console.",
			New:      func() shell.Cmdlet { return new(getVariable) }},
		{Name: "Set-Variable", Aliases: []string{"set"}, Module: moduleUtility,
			Synopsis: "Sets the value of a variable. Creates the variable if one with the requested name does not exist.",
			New:      func() shell.Cmdlet { return new(setVariable) }},
	}
}

// Type names of the discovery cmdlets' output; Views registers their table views.
const (
	commandInfoType  = "System.Management.Automation.CommandInfo"
	cmdletInfoType   = "System.Management.Automation.CmdletInfo"
	aliasInfoType    = "System.Management.Automation.AliasInfo"
	functionInfoType = "System.Management.Automation.FunctionInfo"
	psVariableType   = "System.Management.Automation.PSVariable"
)

// moduleVersions is the Version column of Get-Command for each module.
var moduleVersions = map[string]string{
	moduleCore:    "7.4.6",
	moduleUtility: "7.0.0.0",
	moduleMgmt:    "7.0.0.0",
	moduleSecure:  "7.0.0.0",
	moduleGet:     "2.2.5",
	moduleEXO:     "3.7.1",
}

// commandRow is one entry Get-Command and Get-Alias can show.
type commandRow struct {
	name   string // command, alias or function name
	kind   string // "Alias", "Function", "Filter" or "Cmdlet"
	def    string // alias target or function body
	target *shell.CmdletInfo
}

// kindOrder is the CommandTypes order Get-Command sorts by.
var kindOrder = map[string]int{"Alias": 0, "Function": 1, "Filter": 2, "Cmdlet": 3}

// commandRows lists the session's commands: aliases first, then functions, then cmdlets,
// each group sorted by name, as Get-Command does.
func commandRows(c *shell.Context) []commandRow {
	var rows []commandRow
	for _, e := range c.Services().Commands() {
		rows = append(rows, commandRow{name: e.Name, kind: e.CommandType, def: e.Definition, target: e.Info})
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].kind != rows[j].kind {
			return kindOrder[rows[i].kind] < kindOrder[rows[j].kind]
		}
		return strings.ToLower(rows[i].name) < strings.ToLower(rows[j].name)
	})
	return rows
}

// commandObject builds the CommandInfo object (CmdletInfo, AliasInfo, FunctionInfo) of a row.
func commandObject(r commandRow) *value.Object {
	module := ""
	if r.target != nil {
		module = r.target.Module
	}
	switch r.kind {
	case "Alias":
		o := value.NewObject(aliasInfoType,
			value.Property{Name: "CommandType", Value: "Alias"},
			value.Property{Name: "Name", Value: r.name},
			value.Property{Name: "DisplayName", Value: r.name + " -> " + r.def},
			value.Property{Name: "Definition", Value: r.def},
			value.Property{Name: "ResolvedCommandName", Value: r.def},
			value.Property{Name: "Version", Value: nil},
			value.Property{Name: "Source", Value: ""},
			value.Property{Name: "ModuleName", Value: ""})
		o.SetTypeNames([]string{aliasInfoType, commandInfoType, "System.Object"})
		o.SetString(r.name)
		return o
	case "Function", "Filter":
		o := value.NewObject(functionInfoType,
			value.Property{Name: "CommandType", Value: r.kind},
			value.Property{Name: "Name", Value: r.name},
			value.Property{Name: "DisplayName", Value: r.name},
			value.Property{Name: "Definition", Value: r.def},
			value.Property{Name: "Version", Value: nil},
			value.Property{Name: "Source", Value: ""},
			value.Property{Name: "ModuleName", Value: ""})
		o.SetTypeNames([]string{functionInfoType, commandInfoType, "System.Object"})
		o.SetString(r.name)
		return o
	}
	verb, noun, _ := strings.Cut(r.target.Name, "-")
	if r.target.Noun != "" {
		noun = r.target.Noun
	}
	o := value.NewObject(cmdletInfoType,
		value.Property{Name: "CommandType", Value: "Cmdlet"},
		value.Property{Name: "Name", Value: r.target.Name},
		value.Property{Name: "DisplayName", Value: r.target.Name},
		value.Property{Name: "Verb", Value: verb},
		value.Property{Name: "Noun", Value: noun},
		value.Property{Name: "Definition", Value: strings.Join(syntaxLines(r.target), "\n")},
		value.Property{Name: "Version", Value: moduleVersions[module]},
		value.Property{Name: "Source", Value: module},
		value.Property{Name: "ModuleName", Value: module})
	o.SetTypeNames([]string{cmdletInfoType, commandInfoType, "System.Object"})
	o.SetString(r.target.Name)
	return o
}

// notRecognized is pwsh's CommandNotFoundException.
func notRecognized(name string) *shell.ErrorRecord {
	return &shell.ErrorRecord{
		Message:  fmt.Sprintf("The term '%s' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.", name),
		Category: "ObjectNotFound", ErrorID: "CommandNotFoundException",
		Exception: "System.Management.Automation.CommandNotFoundException", TargetObject: name}
}

// getCommand is Get-Command.
type getCommand struct {
	Name        []string
	Verb        []string
	Noun        []string
	Module      []string
	CommandType []string
}

func (g *getCommand) Params() []shell.Param {
	return []shell.Param{
		{Name: "Name", Position: 1, FromPipeline: true, ByPropertyName: true, Bind: shell.Strings(&g.Name), Help: "Command names (wildcards allowed)."},
		{Name: "Verb", Sets: []string{"CmdletSet"}, Bind: shell.Strings(&g.Verb), Help: "Verbs of the commands (wildcards allowed)."},
		{Name: "Noun", Sets: []string{"CmdletSet"}, Bind: shell.Strings(&g.Noun), Help: "Nouns of the commands (wildcards allowed)."},
		{Name: "Module", Aliases: []string{"PSSnapin"}, Bind: shell.Strings(&g.Module), Help: "Modules the commands come from."},
		{Name: "CommandType", Aliases: []string{"Type"}, Bind: shell.Strings(&g.CommandType), Help: "Alias, Cmdlet or All."},
	}
}

// anyMatch reports whether s matches one of the patterns (or there are none).
func anyMatch(patterns []string, s string) bool {
	if len(patterns) == 0 {
		return true
	}
	for _, p := range patterns {
		if wildcardMatch(p, s, false) {
			return true
		}
	}
	return false
}

func (g *getCommand) Process(c *shell.Context) error {
	rows := commandRows(c)
	wantAliases := len(g.Verb) == 0 && len(g.Noun) == 0 && len(g.CommandType) == 0
	for _, t := range g.CommandType {
		switch strings.ToLower(t) {
		case "alias", "all":
			wantAliases = true
		}
	}
	var out []*value.Object
	for _, n := range orAll(g.Name) {
		found := false
		for _, r := range rows {
			if r.kind == "Alias" && !wantAliases {
				continue
			}
			if !wildcardMatch(n, r.name, false) || !g.filter(r) {
				continue
			}
			found = true
			out = append(out, commandObject(r))
		}
		if !found && !hasWildcard(n) {
			c.WriteError(notRecognized(n))
		}
	}
	for _, o := range out {
		if err := c.WriteObject(o); err != nil {
			return err
		}
	}
	return nil
}

// filter applies -Verb, -Noun, -Module and -CommandType to one row.
func (g *getCommand) filter(r commandRow) bool {
	verb, noun, _ := strings.Cut(r.name, "-")
	if r.kind == "Alias" && (len(g.Verb) > 0 || len(g.Noun) > 0) {
		return false
	}
	module := ""
	if r.target != nil && r.kind != "Alias" {
		module = r.target.Module
	}
	if len(g.CommandType) > 0 {
		ok := false
		for _, t := range g.CommandType {
			if strings.EqualFold(t, "All") || strings.EqualFold(t, r.kind) {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	return anyMatch(g.Verb, verb) && anyMatch(g.Noun, noun) && anyMatch(g.Module, module)
}

// orAll is names, or "*" when none were given.
func orAll(names []string) []string {
	if len(names) == 0 {
		return []string{"*"}
	}
	return names
}

// getAlias is Get-Alias.
type getAlias struct {
	Name       []string
	Definition []string
	Exclude    []string
}

func (g *getAlias) Params() []shell.Param {
	return []shell.Param{
		{Name: "Name", Position: 1, FromPipeline: true, ByPropertyName: true, Sets: []string{"Default"}, Bind: shell.Strings(&g.Name), Help: "Alias names (wildcards allowed)."},
		{Name: "Definition", Sets: []string{"Definition"}, Bind: shell.Strings(&g.Definition), Help: "Commands whose aliases are listed."},
		{Name: "Exclude", Bind: shell.Strings(&g.Exclude), Help: "Aliases to leave out."},
	}
}

func (g *getAlias) Process(c *shell.Context) error {
	var aliases []commandRow
	for _, r := range commandRows(c) {
		if r.kind == "Alias" {
			aliases = append(aliases, r)
		}
	}
	var out []*value.Object
	for _, n := range orAll(g.Name) {
		found := false
		for _, r := range aliases {
			if !wildcardMatch(n, r.name, false) || !anyMatch(g.Definition, r.def) ||
				len(g.Exclude) > 0 && anyMatch(g.Exclude, r.name) {
				continue
			}
			found = true
			out = append(out, commandObject(r))
		}
		if !found && !hasWildcard(n) {
			c.WriteError(&shell.ErrorRecord{
				Message:  fmt.Sprintf("This command cannot find a matching alias because an alias with the name '%s' does not exist.", n),
				Category: "ObjectNotFound", ErrorID: "ItemNotFoundException",
				Exception: "System.Management.Automation.ItemNotFoundException", TargetObject: n})
		}
	}
	for _, o := range out {
		if err := c.WriteObject(o); err != nil {
			return err
		}
	}
	return nil
}

// getVariable is Get-Variable.
type getVariable struct {
	Name      []string
	ValueOnly bool
	Exclude   []string
	Scope     string
}

func (g *getVariable) Params() []shell.Param {
	return []shell.Param{
		{Name: "Name", Position: 1, FromPipeline: true, ByPropertyName: true, Bind: shell.Strings(&g.Name), Help: "Variable names (wildcards allowed)."},
		{Name: "ValueOnly", Bind: shell.Switch(&g.ValueOnly), Help: "Returns only the values."},
		{Name: "Exclude", Bind: shell.Strings(&g.Exclude), Help: "Variables to leave out."},
		{Name: "Scope", Bind: shell.String(&g.Scope), Help: "Accepted; the current scope is used."},
	}
}

func (g *getVariable) Process(c *shell.Context) error {
	var names []string
	var all []string
	for _, n := range orAll(g.Name) {
		if !hasWildcard(n) {
			if _, ok := c.GetVariable(n); !ok {
				c.WriteError(&shell.ErrorRecord{
					Message:  fmt.Sprintf("Cannot find a variable with the name '%s'.", n),
					Category: "ObjectNotFound", ErrorID: "VariableNotFound",
					Exception: "System.Management.Automation.ItemNotFoundException", TargetObject: n})
				continue
			}
			names = append(names, n)
			continue
		}
		if all == nil {
			all = c.VariableNames()
			if all == nil {
				// The session cannot enumerate its scopes: say so rather than list nothing.
				return &shell.ErrorRecord{
					Message:  fmt.Sprintf("Cannot list variables matching '%s': this session does not support enumerating variables.", n),
					Category: "NotImplemented", ErrorID: "VariableEnumerationNotSupported",
					Exception: "System.NotSupportedException", TargetObject: n}
			}
			sort.Slice(all, func(i, j int) bool { return strings.ToLower(all[i]) < strings.ToLower(all[j]) })
		}
		for _, v := range all {
			if wildcardMatch(n, v, false) {
				names = append(names, v)
			}
		}
	}
	for _, n := range names {
		if len(g.Exclude) > 0 && anyMatch(g.Exclude, n) {
			continue
		}
		v, _ := c.GetVariable(n)
		var err error
		if g.ValueOnly {
			err = c.WriteObject(v)
		} else {
			o := value.NewObject(psVariableType,
				value.Property{Name: "Name", Value: n},
				value.Property{Name: "Value", Value: v})
			o.SetTypeNames([]string{psVariableType, "System.Object"})
			err = c.WriteObject(o)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// setVariable is Set-Variable.
type setVariable struct {
	Name     []string
	Value    value.Value
	PassThru bool
	Scope    string
	Option   string
}

func (s *setVariable) Params() []shell.Param {
	return []shell.Param{
		{Name: "Name", Position: 1, Mandatory: true, ByPropertyName: true, Bind: shell.Strings(&s.Name), Help: "The variable names."},
		{Name: "Value", Position: 2, FromPipeline: true, ByPropertyName: true, Bind: anyBinder{&s.Value}, Help: "The value."},
		{Name: "PassThru", Bind: shell.Switch(&s.PassThru), Help: "Returns the variable."},
		{Name: "Scope", Bind: shell.String(&s.Scope), Help: "Accepted; the current scope is used."},
		{Name: "Option", Bind: shell.String(&s.Option), Help: "Accepted."},
	}
}

func (s *setVariable) Process(c *shell.Context) error {
	for _, n := range s.Name {
		if err := c.SetVariable(n, s.Value); err != nil {
			return err
		}
		if s.PassThru {
			o := value.NewObject(psVariableType,
				value.Property{Name: "Name", Value: n},
				value.Property{Name: "Value", Value: s.Value})
			o.SetTypeNames([]string{psVariableType, "System.Object"})
			if err := c.WriteObject(o); err != nil {
				return err
			}
		}
	}
	return nil
}
