package parser

import (
	"strings"
	"testing"
)

func TestScriptBlockText(t *testing.T) {
	src := "Get-Mailbox -Filter {(Alias -ne 'Admin')  # keep\n } | % { $_.Name }"
	sb, err := Parse("t.ps1", src)
	if err != nil {
		t.Fatal(err)
	}
	if sb.Text != src {
		t.Errorf("script Text = %q, want the whole source", sb.Text)
	}
	pl := sb.End.Statements[0].(*Pipeline)
	filter := pl.Elements[0].(*Command).Elements[2].(*ScriptBlockExpression)
	if want := "(Alias -ne 'Admin')  # keep\n "; filter.Block.Text != want {
		t.Errorf("filter Text = %q, want %q", filter.Block.Text, want)
	}
	each := pl.Elements[1].(*Command).Elements[1].(*ScriptBlockExpression)
	if want := " $_.Name "; each.Block.Text != want {
		t.Errorf("foreach Text = %q, want %q", each.Block.Text, want)
	}
	fn, err := Parse("t.ps1", "function f {\n  param($a)\n  $a\n}")
	if err != nil {
		t.Fatal(err)
	}
	if want := "\n  param($a)\n  $a\n"; fn.End.Statements[0].(*FunctionDefinition).Body.Text != want {
		t.Errorf("function body Text = %q, want %q", fn.End.Statements[0].(*FunctionDefinition).Body.Text, want)
	}
}

func TestSpans(t *testing.T) {
	src := "$x = 1\nGet-Mailbox -Identity \"a $b\" |\n  Format-List"
	sb, err := Parse("t.ps1", src)
	if err != nil {
		t.Fatal(err)
	}
	text := func(n Node) string {
		s := n.Extent()
		return src[s.Pos.Offset:s.EndPos.Offset]
	}
	pl := sb.End.Statements[1].(*Pipeline)
	cmd := pl.Elements[0].(*Command)
	checks := []struct {
		node Node
		want string
		pos  string
	}{
		{sb.End.Statements[0], "$x = 1", "t.ps1:1:1"},
		{pl, "Get-Mailbox -Identity \"a $b\" |\n  Format-List", "t.ps1:2:1"},
		{cmd, "Get-Mailbox -Identity \"a $b\"", "t.ps1:2:1"},
		{cmd.Elements[1], "-Identity", "t.ps1:2:13"},
		{cmd.Elements[2], "\"a $b\"", "t.ps1:2:23"},
		{cmd.Elements[2].(*ExpandableString).Parts[1], "$b", "t.ps1:2:26"},
		{pl.Elements[1], "Format-List", "t.ps1:3:3"},
	}
	for _, c := range checks {
		if got := text(c.node); got != c.want {
			t.Errorf("%T spans %q, want %q", c.node, got, c.want)
		}
		if got := c.node.Extent().Pos.String(); got != c.pos {
			t.Errorf("%T starts at %s, want %s", c.node, got, c.pos)
		}
	}
}

func TestSubExpressionInStringPositions(t *testing.T) {
	sb, err := Parse("t.ps1", "'x'\n\"n: $($u.Name)\"")
	if err != nil {
		t.Fatal(err)
	}
	es := sb.End.Statements[1].(*Pipeline).Elements[0].(*CommandExpression).Expression.(*ExpandableString)
	sub := es.Parts[1].(*SubExpression)
	inner := sub.Statements[0].(*Pipeline).Elements[0].(*CommandExpression).Expression
	if got := inner.Extent().Pos.String(); got != "t.ps1:2:7" {
		t.Errorf("$u.Name inside the string starts at %s, want t.ps1:2:7", got)
	}
}

func TestErrorRendering(t *testing.T) {
	_, err := Parse("script.ps1", "Set-Mailbox <Identity> -AuditEnabled $true")
	if err == nil {
		t.Fatal("want an error")
	}
	if got, want := err.Error(), "script.ps1:1:13: The '<' operator is reserved for future use."; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	pe := err.(*Error)
	if pe.ErrorID != "RedirectionNotSupported" || pe.EndPos.Column != 14 {
		t.Errorf("ErrorID %q EndPos %v, want RedirectionNotSupported ending at column 14", pe.ErrorID, pe.EndPos)
	}
}

func TestNestingLimit(t *testing.T) {
	for _, open := range []string{"(", "{", "@(", "$(", "[int] ", "-not ", "@{a="} {
		src := strings.Repeat(open, 5000)
		_, err := Parse("deep.ps1", src)
		pe, ok := err.(*Error)
		if !ok || pe.ErrorID != "ScriptTooComplicated" {
			t.Errorf("%q x 5000: got %v, want the nesting error", open, err)
		}
	}
	// Moderate nesting is fine.
	if _, err := Parse("ok.ps1", strings.Repeat("(", 40)+"1"+strings.Repeat(")", 40)); err != nil {
		t.Errorf("40 nested parentheses: %v", err)
	}
}

func TestBarewordRaw(t *testing.T) {
	sb, err := Parse("t.ps1", "Write-Output a$( 1 + 2 )b")
	if err != nil {
		t.Fatal(err)
	}
	arg := sb.End.Statements[0].(*Pipeline).Elements[0].(*Command).Elements[1].(*ExpandableString)
	if arg.Raw != "a$( 1 + 2 )b" || arg.Kind != BareWord || len(arg.Parts) != 3 {
		t.Errorf("bareword = %q kind %v with %d parts, want Raw \"a$( 1 + 2 )b\", BareWord, 3 parts", arg.Raw, arg.Kind, len(arg.Parts))
	}
}
