package cmdlets

import (
	"strings"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/value"
)

// coreMemberCmdlets is the table of Get-Member.
func coreMemberCmdlets() []shell.CmdletInfo {
	return []shell.CmdletInfo{
		{Name: "Get-Member", Aliases: []string{"gm"}, Module: moduleUtility,
			Synopsis: "Gets the properties and methods of objects.",
			New:      func() shell.Cmdlet { return new(getMember) }},
	}
}

// memberDefinitionType is the type name of Get-Member's output.
const memberDefinitionType = "Microsoft.PowerShell.Commands.MemberDefinition"

// getMember is Get-Member: the members of each distinct input type, once per type, sorted
// by member type and then name as pwsh lists them.
type getMember struct {
	Name       []string
	MemberType []string
	Input      value.Value
	Force      bool
	View       string

	seen map[string]bool
	any  bool
}

func (g *getMember) Params() []shell.Param {
	return []shell.Param{
		{Name: "Name", Position: 1, Bind: shell.Strings(&g.Name), Help: "Member names (wildcards allowed)."},
		{Name: "InputObject", FromPipeline: true, Bind: anyBinder{&g.Input}, Help: "The objects whose members are listed."},
		{Name: "MemberType", Aliases: []string{"Type"}, Bind: shell.Strings(&g.MemberType), Help: "Member kinds: Property, NoteProperty, Method, Properties, Methods, All ..."},
		{Name: "Force", Bind: shell.Switch(&g.Force), Help: "Accepted."},
		{Name: "View", Bind: shell.Enum(&g.View, "Extended", "Adapted", "Base", "All"), Help: "Accepted."},
	}
}

func (g *getMember) Begin(c *shell.Context) error {
	g.seen = map[string]bool{}
	return nil
}

func (g *getMember) Process(c *shell.Context) error {
	in := g.Input
	if !c.Bound("InputObject") {
		in = c.Input
	}
	if in == nil {
		return nil
	}
	g.any = true
	tn := value.TypeName(in)
	key := strings.ToLower(tn)
	if o, ok := in.(*value.Object); ok {
		// Objects of one type name but different properties (PSCustomObjects) are listed
		// once per property set, as pwsh does.
		key += "\x00" + strings.ToLower(strings.Join(propertyNames(o), "\x00"))
	}
	if g.seen[key] {
		return nil
	}
	g.seen[key] = true
	for _, m := range value.Members(in) {
		if !anyMatch(g.Name, m.Name) || !g.typeWanted(m.MemberType) {
			continue
		}
		o := value.NewObject(memberDefinitionType,
			value.Property{Name: "TypeName", Value: tn},
			value.Property{Name: "Name", Value: m.Name},
			value.Property{Name: "MemberType", Value: m.MemberType},
			value.Property{Name: "Definition", Value: m.Definition})
		o.SetTypeNames([]string{memberDefinitionType, "System.Object"})
		o.SetString(m.Name)
		if err := c.WriteObject(o); err != nil {
			return err
		}
	}
	return nil
}

// typeWanted applies -MemberType, including pwsh's group names.
func (g *getMember) typeWanted(t string) bool {
	if len(g.MemberType) == 0 {
		return true
	}
	for _, w := range g.MemberType {
		switch strings.ToLower(w) {
		case "all":
			return true
		case "properties":
			if strings.HasSuffix(t, "Property") {
				return true
			}
		case "methods":
			if strings.HasSuffix(t, "Method") {
				return true
			}
		default:
			if strings.EqualFold(w, t) {
				return true
			}
		}
	}
	return false
}

func (g *getMember) End(c *shell.Context) error {
	if !g.any {
		return &shell.ErrorRecord{Message: "You must specify an object for the Get-Member cmdlet.",
			Category: "CloseError", ErrorID: "NoObjectInGetMember",
			Exception: "System.InvalidOperationException"}
	}
	return nil
}
