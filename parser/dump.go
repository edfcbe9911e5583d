package parser

import (
	"fmt"
	"strconv"
	"strings"
)

// Dump renders n in a compact one-line S-expression form for test goldens:
//
//	(script (cmd w"Get-Mailbox" -Identity w"x") (= $a (, 1 2)))
//
// Barewords print as w"..", single-quoted strings as '..', expandable strings as (".." parts),
// numbers with their Go type (int32(5)), commands as (cmd ...), a single-element pipeline
// as its element, unary comma as (u, X). Spans are not shown.
func Dump(n Node) string {
	var d dumper
	d.node(n)
	return d.String()
}

type dumper struct{ strings.Builder }

func (d *dumper) open(head string) { d.WriteString("(" + head) }
func (d *dumper) close()           { d.WriteString(")") }

func (d *dumper) list(head string, nodes ...Node) {
	d.open(head)
	for i, n := range nodes {
		if i > 0 || head != "" {
			d.WriteByte(' ')
		}
		d.node(n)
	}
	d.close()
}

func stmts(list []Statement) []Node {
	out := make([]Node, len(list))
	for i, s := range list {
		out[i] = s
	}
	return out
}

func exprs(list []Expression) []Node {
	out := make([]Node, len(list))
	for i, e := range list {
		out[i] = e
	}
	return out
}

func labeled(head, label string) string {
	if label != "" {
		return ":" + label + " " + head
	}
	return head
}

var kindNames = map[StringKind]string{BareWord: "w", SingleQuoted: "s", DoubleQuoted: "d",
	SingleQuotedHereString: "hs", DoubleQuotedHereString: "hd"}

func (d *dumper) node(n Node) {
	switch n := n.(type) {
	case nil:
		d.WriteString("nil")
	case *ScriptBlock:
		d.scriptBlock(n)
	case *NamedBlock:
		d.list(n.Name, stmts(n.Statements)...)
	case *ParamBlock:
		d.open("param")
		for _, a := range n.Attributes {
			d.WriteByte(' ')
			d.node(a)
		}
		for _, p := range n.Parameters {
			d.WriteByte(' ')
			d.node(p)
		}
		d.close()
	case *Parameter:
		d.open("$" + n.Name)
		for _, a := range n.Attributes {
			d.WriteByte(' ')
			d.node(a)
		}
		if n.Type != nil {
			d.WriteString(" [" + n.Type.Name + "]")
		}
		if n.Default != nil {
			d.WriteString(" = ")
			d.node(n.Default)
		}
		d.close()
	case *Attribute:
		d.open("attr " + n.Name)
		for _, a := range n.Args {
			d.WriteByte(' ')
			d.node(a)
		}
		for _, na := range n.Named {
			d.WriteString(" " + na.Name)
			if na.Value != nil {
				d.WriteByte('=')
				d.node(na.Value)
			}
		}
		d.close()
	case *TypeName:
		d.WriteString("[" + n.Name + "]")
	case *StatementBlock:
		d.list("block", stmts(n.Statements)...)
	case *Pipeline:
		if len(n.Elements) == 1 {
			d.node(n.Elements[0])
			return
		}
		nodes := make([]Node, len(n.Elements))
		for i, e := range n.Elements {
			nodes[i] = e
		}
		d.list("pipe", nodes...)
	case *PipelineChain:
		d.list(n.Op, n.Left, n.Right)
	case *Assignment:
		d.list(n.Op, n.Target, n.Value)
	case *IfStatement:
		d.open("if")
		for _, c := range n.Clauses {
			d.WriteByte(' ')
			d.list("", c.Condition, c.Body)
		}
		if n.Else != nil {
			d.WriteString(" (else ")
			d.node(n.Else)
			d.close()
		}
		d.close()
	case *ForEachStatement:
		d.list(labeled("foreach", n.Label), n.Variable, n.Collection, n.Body)
	case *ForStatement:
		d.list(labeled("for", n.Label), n.Init, n.Condition, n.Iterator, n.Body)
	case *WhileStatement:
		d.list(labeled("while", n.Label), n.Condition, n.Body)
	case *DoWhileStatement:
		head := "do-while"
		if n.Until {
			head = "do-until"
		}
		d.list(labeled(head, n.Label), n.Body, n.Condition)
	case *SwitchStatement:
		d.switchStatement(n)
	case *FunctionDefinition:
		head := "function "
		if n.IsFilter {
			head = "filter "
		}
		d.open(head + n.Name)
		for _, p := range n.Params {
			d.WriteByte(' ')
			d.node(p)
		}
		d.WriteByte(' ')
		d.node(n.Body)
		d.close()
	case *ReturnStatement:
		d.optional("return", n.Value)
	case *ExitStatement:
		d.optional("exit", n.Value)
	case *ThrowStatement:
		d.optional("throw", n.Value)
	case *BreakStatement:
		d.optional("break", n.Label)
	case *ContinueStatement:
		d.optional("continue", n.Label)
	case *TryStatement:
		d.open("try ")
		d.node(n.Body)
		for _, c := range n.Catches {
			d.WriteString(" (catch")
			for _, t := range c.Types {
				d.WriteString(" [" + t.Name + "]")
			}
			d.WriteByte(' ')
			d.node(c.Body)
			d.close()
		}
		if n.Finally != nil {
			d.WriteString(" (finally ")
			d.node(n.Finally)
			d.close()
		}
		d.close()
	case *Command:
		d.command(n)
	case *CommandParameter:
		d.WriteString("-" + n.Name)
		if n.Colon {
			d.WriteByte(':')
			if n.Argument != nil {
				d.node(n.Argument)
			}
		}
	case *CommandExpression:
		d.node(n.Expression)
		d.redirections(n.Redirections)
	case *Redirection:
		d.redirection(n)
	default:
		d.expression(n)
	}
}

func (d *dumper) expression(n Node) {
	switch n := n.(type) {
	case *BinaryExpression:
		d.list(n.Op, n.X, n.Y)
	case *UnaryExpression:
		op := n.Op
		if op == "," {
			op = "u," // unary comma, distinct from a one-element ArrayLiteral
		}
		d.list(op, n.X)
	case *TernaryExpression:
		d.list("?:", n.Condition, n.IfTrue, n.IfFalse)
	case *ConvertExpression:
		d.list("["+n.Type.Name+"]", n.X)
	case *TypeExpression:
		d.WriteString("[" + n.Type.Name + "]")
	case *Constant:
		fmt.Fprintf(d, "%T(%v)", n.Value, n.Value)
	case *StringConstant:
		d.WriteString(kindNames[n.Kind] + strconv.Quote(n.Value))
	case *ExpandableString:
		d.open(kindNames[n.Kind] + "x")
		for _, p := range n.Parts {
			d.WriteByte(' ')
			d.node(p)
		}
		d.close()
	case *StringText:
		d.WriteString(strconv.Quote(n.Text))
	case *Variable:
		d.variable(n)
	case *MemberExpression:
		op := "."
		if n.Static {
			op = "::"
		}
		d.list(op, n.X, n.Member)
	case *InvokeMemberExpression:
		head := "call"
		if n.Static {
			head = "call::"
		}
		d.list(head, append([]Node{n.X, n.Member}, exprs(n.Args)...)...)
	case *IndexExpression:
		d.list("idx", n.X, n.Index)
	case *ArrayLiteral:
		d.list(",", exprs(n.Elements)...)
	case *ArrayExpression:
		d.list("@", stmts(n.Statements)...)
	case *SubExpression:
		d.list("$", stmts(n.Statements)...)
	case *ParenExpression:
		d.list("paren", n.Pipeline)
	case *HashtableExpression:
		d.open("@{}")
		for _, kv := range n.Pairs {
			d.WriteByte(' ')
			d.list("", kv.Key, kv.Value)
		}
		d.close()
	case *ScriptBlockExpression:
		d.node(n.Block)
	default:
		fmt.Fprintf(d, "<%T>", n)
	}
}

func (d *dumper) scriptBlock(n *ScriptBlock) {
	d.WriteString("{")
	var parts []Node
	if n.Param != nil {
		parts = append(parts, n.Param)
	}
	for _, b := range []*NamedBlock{n.Begin, n.Process, n.End} {
		if b == nil {
			continue
		}
		if b.Unnamed {
			parts = append(parts, stmts(b.Statements)...)
		} else {
			parts = append(parts, b)
		}
	}
	for i, p := range parts {
		if i > 0 {
			d.WriteString("; ")
		}
		d.node(p)
	}
	d.WriteString("}")
}

func (d *dumper) optional(head string, n Node) {
	if n == nil {
		d.WriteString("(" + head + ")")
		return
	}
	d.list(head, n)
}

func (d *dumper) switchStatement(n *SwitchStatement) {
	head := "switch"
	for _, f := range []struct {
		on   bool
		name string
	}{{n.Regex, "-regex"}, {n.Wildcard, "-wildcard"}, {n.Exact, "-exact"}, {n.CaseSensitive, "-casesensitive"}} {
		if f.on {
			head += " " + f.name
		}
	}
	d.open(labeled(head, n.Label) + " ")
	d.node(n.Condition)
	for _, c := range n.Clauses {
		d.WriteByte(' ')
		d.list("", c.Test, c.Body)
	}
	if n.Default != nil {
		d.WriteString(" (default ")
		d.node(n.Default)
		d.close()
	}
	d.close()
}

func (d *dumper) command(n *Command) {
	d.open("cmd")
	if n.InvocationOperator != "" {
		d.WriteString(" " + n.InvocationOperator)
	}
	for _, e := range n.Elements {
		d.WriteByte(' ')
		d.node(e)
	}
	d.redirections(n.Redirections)
	d.close()
}

func (d *dumper) redirections(rs []*Redirection) {
	for _, r := range rs {
		d.WriteByte(' ')
		d.redirection(r)
	}
}

func (d *dumper) redirection(r *Redirection) {
	op := r.From + ">"
	if r.Append {
		op += ">"
	}
	if r.ToOut {
		d.WriteString(op + "&1")
		return
	}
	d.WriteString(op)
	d.node(r.Target)
}

func (d *dumper) variable(v *Variable) {
	sigil := "$"
	if v.Splat {
		sigil = "@"
	}
	name := v.Name
	if v.Scope != "" {
		name = v.Scope + ":" + name
	}
	if v.Braced {
		name = "{" + name + "}"
	}
	d.WriteString(sigil + name)
}
