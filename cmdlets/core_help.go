package cmdlets

import (
	"fmt"
	"sort"
	"strings"

	"github.com/exosh/exosh/shell"
)

// coreHelpCmdlets is the table of Get-Help.
func coreHelpCmdlets() []shell.CmdletInfo {
	return []shell.CmdletInfo{
		{Name: "Get-Help", Aliases: []string{"help", "man"}, Module: moduleCore,
			Synopsis: "Displays information about PowerShell commands and concepts.",
			New:      func() shell.Cmdlet { return new(getHelp) }},
	}
}

// getHelp is Get-Help. exosh has no help files: the facts are built from each cmdlet's own
// table entry (synopsis, aliases) and parameter declarations (syntax, parameter help), the
// prose and examples come from cmdletHelp, and about_exosh is the one concept topic.
type getHelp struct {
	Name      string
	Full      bool
	Detailed  bool
	Examples  bool
	Parameter []string
	Online    bool
}

func (g *getHelp) Params() []shell.Param {
	return []shell.Param{
		{Name: "Name", Position: 1, ByPropertyName: true, Bind: shell.String(&g.Name), Help: "The command to describe."},
		{Name: "Full", Sets: []string{"AllUsersView"}, Bind: shell.Switch(&g.Full), Help: "Adds the parameter descriptions."},
		{Name: "Detailed", Sets: []string{"DetailedView"}, Bind: shell.Switch(&g.Detailed), Help: "Adds the parameter descriptions."},
		{Name: "Examples", Sets: []string{"Examples"}, Bind: shell.Switch(&g.Examples), Help: "Shows only the examples."},
		{Name: "Parameter", Sets: []string{"Parameters"}, Bind: shell.Strings(&g.Parameter), Help: "Describes only these parameters."},
		{Name: "Online", Sets: []string{"Online"}, Bind: shell.Switch(&g.Online), Help: "Not available offline."},
	}
}

func (g *getHelp) Process(c *shell.Context) error {
	if g.Name == "" {
		return c.WriteObject(helpOverview)
	}
	if wildcardMatch(g.Name, "about_exosh", false) {
		return c.WriteObject(strings.TrimRight(aboutExosh, "\n"))
	}
	var matches []*shell.CmdletInfo
	for _, r := range commandRows(c) {
		if r.target != nil && wildcardMatch(g.Name, r.name, false) {
			dup := false
			for _, m := range matches {
				dup = dup || m == r.target
			}
			if !dup {
				matches = append(matches, r.target)
			}
		}
	}
	if len(matches) == 0 {
		return &shell.ErrorRecord{
			Message:  fmt.Sprintf("Get-Help could not find %s in a help file in this session. To download updated help topics type: \"Update-Help\". To get help online, search for the help topic in the TechNet library at https:/go.microsoft.com/fwlink/?LinkID=107116.", g.Name),
			Category: "ResourceUnavailable", ErrorID: "HelpNotFound",
			Exception: "Microsoft.PowerShell.Commands.HelpNotFoundException", TargetObject: g.Name}
	}
	if len(matches) > 1 {
		return c.WriteObject(helpList(matches))
	}
	if g.Online {
		return &shell.ErrorRecord{Message: "The online version of this Help topic cannot be displayed because the Internet address (URI) of the Help topic is not specified in the command code or in the help file for the command.",
			Category: "InvalidOperation", ErrorID: "InvalidOperation", Exception: "System.InvalidOperationException"}
	}
	return c.WriteObject(g.text(matches[0]))
}

// helpOverview is Get-Help without a name.
const helpOverview = `
TOPIC
    exosh Help System

SHORT DESCRIPTION
    Displays help about exosh cmdlets.

LONG DESCRIPTION
    Get-Help <CmdletName> shows a cmdlet's synopsis and syntax, built from the cmdlet itself.
    Get-Command lists every cmdlet; Get-Command -Noun Mailbox narrows the list.

    Examples:
      Get-Help Get-Mailbox
      Get-Help Get-Mailbox -Full
      Get-Command *MessageTrace*
      Get-Help about_exosh
`

// helpList is the table Get-Help shows when a wildcard names several commands.
func helpList(infos []*shell.CmdletInfo) string {
	var b strings.Builder
	b.WriteString("\n")
	fmt.Fprintf(&b, "%-34s%-9s %-34s%s\n", "Name", "Category", "Module", "Synopsis")
	fmt.Fprintf(&b, "%-34s%-9s %-34s%s\n", "----", "--------", "------", "--------")
	for _, in := range infos {
		fmt.Fprintf(&b, "%-34s%-9s %-34s%s\n", in.Name, "Cmdlet", in.Module, in.Synopsis)
	}
	return strings.TrimRight(b.String(), "\n")
}

// text renders one cmdlet's help.
func (g *getHelp) text(info *shell.CmdletInfo) string {
	var b strings.Builder
	params := info.New().Params()
	if len(g.Parameter) > 0 {
		b.WriteString("\n")
		for _, p := range params {
			if anyMatch(g.Parameter, p.Name) {
				writeParamHelp(&b, p)
			}
		}
		return strings.TrimRight(b.String(), "\n")
	}
	entry := cmdletHelp[strings.ToLower(info.Name)]
	b.WriteString("\nNAME\n    " + info.Name + "\n\n")
	if info.Synopsis != "" {
		b.WriteString("SYNOPSIS\n    " + info.Synopsis + "\n\n")
	}
	if g.Examples {
		writeExamples(&b, entry.Examples)
		return strings.TrimRight(b.String(), "\n")
	}
	b.WriteString("\nSYNTAX\n")
	for _, l := range syntaxLines(info) {
		b.WriteString("    " + l + "\n\n")
	}
	if entry.Description != "" {
		b.WriteString("\nDESCRIPTION\n")
		for _, l := range wrapText(entry.Description, 80) {
			b.WriteString("    " + l + "\n")
		}
		b.WriteString("\n")
	}
	if g.Full || g.Detailed {
		b.WriteString("\nPARAMETERS\n")
		for _, p := range params {
			writeParamHelp(&b, p)
		}
		b.WriteString("    <CommonParameters>\n        This cmdlet supports the common parameters: Verbose, Debug,\n        ErrorAction, ErrorVariable, WarningAction, WarningVariable,\n        OutBuffer, PipelineVariable, and OutVariable.\n\n")
		writeExamples(&b, entry.Examples)
	}
	b.WriteString("\nALIASES\n")
	if len(info.Aliases) == 0 {
		b.WriteString("    None\n")
	}
	for _, a := range info.Aliases {
		b.WriteString("    " + a + "\n")
	}
	b.WriteString("\n\nREMARKS\n")
	switch {
	case len(entry.Examples) > 0 && !(g.Full || g.Detailed):
		fmt.Fprintf(&b, "    To see the examples, type: \"Get-Help %s -Examples\".\n", info.Name)
		fmt.Fprintf(&b, "    For more information, type: \"Get-Help %s -Detailed\".\n", info.Name)
		fmt.Fprintf(&b, "    For technical information, type: \"Get-Help %s -Full\".\n", info.Name)
	case !(g.Full || g.Detailed):
		fmt.Fprintf(&b, "    For more information, type: \"Get-Help %s -Full\".\n", info.Name)
	default:
		b.WriteString("    None\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// writeParamHelp writes one PARAMETERS entry.
func writeParamHelp(b *strings.Builder, p shell.Param) {
	fmt.Fprintf(b, "    -%s%s\n", p.Name, typeSuffix(p))
	if p.Help != "" {
		b.WriteString("        " + p.Help + "\n")
	}
	b.WriteString("\n")
	pos := "named"
	if p.Position > 0 {
		pos = fmt.Sprint(p.Position - 1)
	}
	pipe := "False"
	switch {
	case p.FromPipeline && p.ByPropertyName:
		pipe = "True (ByPropertyName, ByValue)"
	case p.FromPipeline:
		pipe = "True (ByValue)"
	case p.ByPropertyName:
		pipe = "True (ByPropertyName)"
	}
	aliases := "None"
	if len(p.Aliases) > 0 {
		aliases = strings.Join(p.Aliases, ", ")
	}
	fmt.Fprintf(b, "        Required?                    %t\n", p.Mandatory)
	fmt.Fprintf(b, "        Position?                    %s\n", pos)
	fmt.Fprintf(b, "        Accept pipeline input?       %s\n", pipe)
	fmt.Fprintf(b, "        Aliases                      %s\n", aliases)
	fmt.Fprintf(b, "        Accept wildcard characters?  false\n\n")
}

// typeSuffix is " <Type>" for a parameter that takes a value, "" for a switch.
func typeSuffix(p shell.Param) string {
	if p.Bind == nil {
		return ""
	}
	if _, ok := p.Bind.(shell.SwitchBinder); ok {
		return ""
	}
	return " <" + p.Bind.TypeName() + ">"
}

// syntaxLines builds one SYNTAX line per parameter set, as pwsh prints them:
// positional parameters by position, then mandatory named ones, then the optional ones,
// then [<CommonParameters>].
func syntaxLines(info *shell.CmdletInfo) []string {
	params := info.New().Params()
	var sets []string
	seen := map[string]bool{}
	for _, p := range params {
		for _, s := range p.Sets {
			if !seen[strings.ToLower(s)] {
				seen[strings.ToLower(s)] = true
				sets = append(sets, s)
			}
		}
	}
	if len(sets) == 0 {
		sets = []string{""}
	}
	var lines []string
	for _, set := range sets {
		var in []shell.Param
		for _, p := range params {
			if p.Remaining && p.Position == 0 {
				continue
			}
			if set == "" || len(p.Sets) == 0 || containsFold(p.Sets, set) {
				in = append(in, p)
			}
		}
		lines = append(lines, syntaxLine(info.Name, in))
	}
	return lines
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// syntaxLine renders one parameter set.
func syntaxLine(name string, params []shell.Param) string {
	var pos, mand, opt []shell.Param
	for _, p := range params {
		switch {
		case p.Position > 0:
			pos = append(pos, p)
		case p.Mandatory:
			mand = append(mand, p)
		default:
			opt = append(opt, p)
		}
	}
	sort.SliceStable(pos, func(i, j int) bool { return pos[i].Position < pos[j].Position })
	parts := []string{name}
	for _, p := range pos {
		s := "[-" + p.Name + "]" + typeSuffix(p)
		if typeSuffix(p) == "" {
			s = "-" + p.Name
		}
		if !p.Mandatory {
			s = "[" + s + "]"
		}
		parts = append(parts, s)
	}
	for _, p := range mand {
		parts = append(parts, "-"+p.Name+typeSuffix(p))
	}
	for _, p := range opt {
		parts = append(parts, "[-"+p.Name+typeSuffix(p)+"]")
	}
	parts = append(parts, "[<CommonParameters>]")
	return strings.Join(parts, " ")
}

// writeExamples writes the EXAMPLES section as pwsh lays it out: a dashed title line per
// example, the code, then the remarks.
func writeExamples(b *strings.Builder, examples []helpExample) {
	if len(examples) == 0 {
		return
	}
	b.WriteString("\n")
	for i, ex := range examples {
		title := fmt.Sprintf(" Example %d: %s ", i+1, ex.Title)
		dashes := max((80-len(title))/2, 3)
		b.WriteString("    " + strings.Repeat("-", dashes) + title + strings.Repeat("-", dashes) + "\n\n")
		for _, l := range strings.Split(ex.Code, "\n") {
			b.WriteString("    " + l + "\n")
		}
		b.WriteString("\n")
		if ex.Remarks != "" {
			for _, l := range wrapText(ex.Remarks, 80) {
				b.WriteString("    " + l + "\n")
			}
			b.WriteString("\n")
		}
	}
}

// wrapText breaks prose into lines of at most width characters, at spaces.
func wrapText(s string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && len(line)+1+len(w) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}
