package parser

import (
	"github.com/alecthomas/participle/v2/lexer"
)

// Pos is a position in the source: file name, byte offset, 1-based line and column.
type Pos lexer.Position

// String renders the position as "name:line:col".
func (p Pos) String() string { return lexer.Position(p).String() }

// Span is the extent of a node: Pos is its first character, EndPos the first character after it.
type Span struct {
	Pos    Pos
	EndPos Pos
}

// Extent returns the span itself, so that every node embedding Span satisfies Node.
func (s Span) Extent() Span { return s }

// Node is any AST node.
type Node interface{ Extent() Span }

// Statement is a node that can appear in a statement list.
type Statement interface {
	Node
	statementNode()
}

// Expression is a node that yields a value.
type Expression interface {
	Node
	expressionNode()
}

// CommandElement is one element of a command: the command name, a parameter or an argument.
// Arguments are Expressions; parameters are *CommandParameter.
type CommandElement interface {
	Node
	commandElementNode()
}

// PipelineElement is a stage of a pipeline: *Command or *CommandExpression.
type PipelineElement interface {
	Node
	pipelineElementNode()
}

// StringPart is a piece of an expandable string: *StringText, *Variable or *SubExpression.
type StringPart interface {
	Node
	stringPartNode()
}

// ---------------------------------------------------------------------------
// Script blocks and parameters

// ScriptBlock is a whole script or the body of `{ ... }`:
//
//	ScriptBlock = [ ParamBlock ] ( NamedBlock* | StatementList )
//
// When the block has begin/process/end blocks they fill Begin, Process and End; otherwise
// the statements are in End (as in PowerShell, an unnamed block is the end block).
type ScriptBlock struct {
	Span
	Param   *ParamBlock
	Begin   *NamedBlock
	Process *NamedBlock
	End     *NamedBlock
	// Text is the verbatim source text between the braces (for a script file, the whole
	// file). `-Filter {...}` and a script block's ToString() use it.
	Text string
}

// NamedBlock is `begin { }`, `process { }`, `end { }`, or the implicit end block.
type NamedBlock struct {
	Span
	Name       string // "begin", "process", "end"
	Unnamed    bool   // true for the implicit block of a script without named blocks
	Statements []Statement
}

// ParamBlock is `[attributes] param( Parameter, ... )`.
type ParamBlock struct {
	Span
	Attributes []*Attribute // e.g. [CmdletBinding()]
	Parameters []*Parameter
}

// Parameter is one declared parameter: `[attr][type]$Name = default`.
type Parameter struct {
	Span
	Attributes []*Attribute // [Parameter(Mandatory)], [ValidateSet(...)]
	Type       *TypeName    // type constraint such as [int] or [string[]]; nil when absent
	Name       string       // without the $
	Default    Expression   // nil when absent
}

// Attribute is `[Name(args, Named=value)]`.
type Attribute struct {
	Span
	Name  string
	Args  []Expression
	Named []*NamedAttributeArgument
}

// NamedAttributeArgument is `Name = value` inside an attribute; `Mandatory` alone has Value nil
// (meaning $true).
type NamedAttributeArgument struct {
	Span
	Name  string
	Value Expression
}

// TypeName is a type as written between brackets: `int`, `string[]`, `System.Collections.ArrayList`,
// `System.Collections.Generic.List[string]`.
type TypeName struct {
	Span
	Name string // verbatim text inside the brackets, e.g. "string[]"
}

// ---------------------------------------------------------------------------
// Statements

// StatementBlock is `{ statements }` belonging to a statement (if, foreach, try ...).
type StatementBlock struct {
	Span
	Statements []Statement
}

// Pipeline is `element ( '|' element )*`. Only the first element may be a CommandExpression.
type Pipeline struct {
	Span
	Elements []PipelineElement
}

// PipelineChain is `pipeline ( ('&&' | '||') pipeline )*` (PowerShell 7).
type PipelineChain struct {
	Span
	Left  Statement // *Pipeline or *PipelineChain
	Op    string    // "&&" or "||"
	Right *Pipeline
}

// Assignment is `target op statement`. Op is one of "=", "+=", "-=", "*=", "/=", "%=", "??=".
// Target is a *Variable, *MemberExpression, *IndexExpression, *ConvertExpression ([int]$x = ...)
// or an *ArrayLiteral of those (multiple assignment `$a,$b = 1,2`).
type Assignment struct {
	Span
	Target Expression
	Op     string
	Value  Statement
}

// IfStatement is `if (c) {} elseif (c) {} else {}`.
type IfStatement struct {
	Span
	Clauses []*IfClause
	Else    *StatementBlock // nil when absent
}

// IfClause is one condition and its body.
type IfClause struct {
	Span
	Condition Statement // pipeline inside the parentheses
	Body      *StatementBlock
}

// ForEachStatement is `[:label] foreach ($v in pipeline) { }`.
type ForEachStatement struct {
	Span
	Label      string
	Variable   *Variable
	Collection Statement
	Body       *StatementBlock
}

// ForStatement is `[:label] for (init; cond; iter) { }`; each part may be nil.
type ForStatement struct {
	Span
	Label     string
	Init      Statement
	Condition Statement
	Iterator  Statement
	Body      *StatementBlock
}

// WhileStatement is `[:label] while (cond) { }`.
type WhileStatement struct {
	Span
	Label     string
	Condition Statement
	Body      *StatementBlock
}

// DoWhileStatement is `do { } while (cond)`; Until marks `do { } until (cond)`.
type DoWhileStatement struct {
	Span
	Label     string
	Body      *StatementBlock
	Condition Statement
	Until     bool
}

// SwitchStatement is `switch [-Regex|-Wildcard|-Exact|-CaseSensitive] (pipeline) { clauses }`.
type SwitchStatement struct {
	Span
	Label         string
	Regex         bool
	Wildcard      bool
	Exact         bool
	CaseSensitive bool
	Condition     Statement
	Clauses       []*SwitchClause
	Default       *StatementBlock // nil when absent
}

// SwitchClause is `test { body }`; Test is an expression (a bareword is a StringConstant,
// a script block a *ScriptBlockExpression).
type SwitchClause struct {
	Span
	Test Expression
	Body *StatementBlock
}

// FunctionDefinition is `function Name [(params)] { body }` or `filter Name { }`.
type FunctionDefinition struct {
	Span
	Name     string
	IsFilter bool
	// Params holds parameters written as `function f($a, $b)`; a param() block inside the
	// body is in Body.Param instead.
	Params []*Parameter
	Body   *ScriptBlock
}

// ReturnStatement is `return [pipeline]`.
type ReturnStatement struct {
	Span
	Value Statement // nil when absent
}

// BreakStatement is `break [label]`.
type BreakStatement struct {
	Span
	Label Expression // nil when absent
}

// ContinueStatement is `continue [label]`.
type ContinueStatement struct {
	Span
	Label Expression
}

// ExitStatement is `exit [pipeline]`.
type ExitStatement struct {
	Span
	Value Statement
}

// ThrowStatement is `throw [pipeline]`.
type ThrowStatement struct {
	Span
	Value Statement
}

// TryStatement is `try { } catch [types] { } ... finally { }`.
type TryStatement struct {
	Span
	Body    *StatementBlock
	Catches []*CatchClause
	Finally *StatementBlock // nil when absent
}

// CatchClause is `catch [[Type1], [Type2]] { body }`; no types means catch-all.
type CatchClause struct {
	Span
	Types []*TypeName
	Body  *StatementBlock
}

// DataStatement is not supported; the parser rejects `data`.

// ---------------------------------------------------------------------------
// Pipeline elements

// Command is a command invocation in argument mode:
//
//	Command = [ '&' | '.' ] CommandElement+ Redirection*
//
// Elements[0] is the command name (a bareword *StringConstant, or any expression after & or .).
type Command struct {
	Span
	InvocationOperator string // "", "&" or "."
	Elements           []CommandElement
	Redirections       []*Redirection
}

// CommandParameter is `-Name`, `-Name:` followed by an argument (Argument set, Colon true).
type CommandParameter struct {
	Span
	Name     string     // without the dash, as written
	Argument Expression // the argument of the colon form; nil otherwise
	Colon    bool
}

// CommandExpression is an expression used as the first element of a pipeline.
type CommandExpression struct {
	Span
	Expression   Expression
	Redirections []*Redirection
}

// Redirection is `> file`, `>> file`, `2> file`, `2>&1`, `*> $null` ...
type Redirection struct {
	Span
	From   string     // stream: "1" (also for plain >), "2", "3", "4", "5", "6" or "*"
	Append bool       // >>
	ToOut  bool       // merging form n>&1
	Target Expression // file target; nil for merging
}

// ---------------------------------------------------------------------------
// Expressions

// BinaryExpression is `X Op Y`. Op is lower-cased: "+", "-", "*", "/", "%", "..", "-f", "??",
// "-eq", "-ceq", "-ieq", ... "-like", "-match", "-replace", "-contains", "-in", "-is", "-as",
// "-split", "-join", "-band", "-bor", "-bxor", "-shl", "-shr", "-and", "-or", "-xor".
type BinaryExpression struct {
	Span
	X  Expression
	Op string
	Y  Expression
}

// UnaryExpression is a prefix or postfix operator. Op is one of "-not", "!", "-bnot", "-",
// "+", "-split", "-join", ",", "++" / "--" (prefix), "post++" / "post--" (postfix).
type UnaryExpression struct {
	Span
	Op string
	X  Expression
}

// TernaryExpression is `cond ? a : b` (PowerShell 7).
type TernaryExpression struct {
	Span
	Condition Expression
	IfTrue    Expression
	IfFalse   Expression
}

// ConvertExpression is a cast `[type]X`.
type ConvertExpression struct {
	Span
	Type *TypeName
	X    Expression
}

// TypeExpression is a type literal used as a value: `[int]`, `[math]` (before ::).
type TypeExpression struct {
	Span
	Type *TypeName
}

// Constant is a numeric literal. Value is int32, int64, float64 (decimal literals may be
// float64 too) after applying suffixes and multipliers.
type Constant struct {
	Span
	Value any
	Text  string // as written, e.g. "200MB"
}

// StringKind says how a string was written.
type StringKind int

// String kinds.
const (
	BareWord StringKind = iota
	SingleQuoted
	DoubleQuoted
	SingleQuotedHereString
	DoubleQuotedHereString
)

// StringConstant is a string with no expansion: a bareword in argument mode, or a
// single-quoted (here-)string. Value has escapes already processed.
type StringConstant struct {
	Span
	Value string
	Kind  StringKind
}

// ExpandableString is a double-quoted (here-)string, or a bareword with `$` inside, with its
// parts in order. Literal runs are *StringText.
type ExpandableString struct {
	Span
	Kind  StringKind
	Parts []StringPart
	Raw   string // the source text between the quotes
}

// StringText is a literal run inside an expandable string (escapes processed).
type StringText struct {
	Span
	Text string
}

// Variable is `$name`, `${name}`, `$scope:name`, or `@name` (splatting).
type Variable struct {
	Span
	Name   string // without sigil or scope, e.g. "x", "_", "PSItem", "Path"
	Scope  string // lower-cased: "", "global", "script", "local", "private", "env", "using", "variable", "function"
	Splat  bool   // @name
	Braced bool   // ${...}
}

// MemberExpression is `X.Member` or `X::Member` (Static). Member is a *StringConstant for a
// plain name, or any expression (`$x.$name`, `$x.($y)`).
type MemberExpression struct {
	Span
	X      Expression
	Member Expression
	Static bool
}

// InvokeMemberExpression is `X.Method(args)` or `X::Method(args)`.
type InvokeMemberExpression struct {
	Span
	X      Expression
	Member Expression
	Args   []Expression
	Static bool
}

// IndexExpression is `X[Index]`.
type IndexExpression struct {
	Span
	X     Expression
	Index Expression
}

// ArrayLiteral is the comma operator: `a, b, c`.
type ArrayLiteral struct {
	Span
	Elements []Expression
}

// ArrayExpression is `@( statements )`.
type ArrayExpression struct {
	Span
	Statements []Statement
}

// SubExpression is `$( statements )`.
type SubExpression struct {
	Span
	Statements []Statement
}

// ParenExpression is `( pipeline )`.
type ParenExpression struct {
	Span
	Pipeline Statement
}

// HashtableExpression is `@{ key = value; ... }`. Ordering comes from an [ordered] cast, which
// appears as a ConvertExpression around it.
type HashtableExpression struct {
	Span
	Pairs []*KeyValuePair
}

// KeyValuePair is one entry of a hashtable literal. A bareword key is a StringConstant.
type KeyValuePair struct {
	Span
	Key   Expression
	Value Statement
}

// ScriptBlockExpression is `{ ... }` used as a value.
type ScriptBlockExpression struct {
	Span
	Block *ScriptBlock
}

// ---------------------------------------------------------------------------
// Sealing: which node belongs to which category.

func (*Pipeline) statementNode()           {}
func (*PipelineChain) statementNode()      {}
func (*Assignment) statementNode()         {}
func (*IfStatement) statementNode()        {}
func (*ForEachStatement) statementNode()   {}
func (*ForStatement) statementNode()       {}
func (*WhileStatement) statementNode()     {}
func (*DoWhileStatement) statementNode()   {}
func (*SwitchStatement) statementNode()    {}
func (*FunctionDefinition) statementNode() {}
func (*ReturnStatement) statementNode()    {}
func (*BreakStatement) statementNode()     {}
func (*ContinueStatement) statementNode()  {}
func (*ExitStatement) statementNode()      {}
func (*ThrowStatement) statementNode()     {}
func (*TryStatement) statementNode()       {}

func (*Command) pipelineElementNode()           {}
func (*CommandExpression) pipelineElementNode() {}

func (*CommandParameter) commandElementNode()       {}
func (*BinaryExpression) commandElementNode()       {}
func (*UnaryExpression) commandElementNode()        {}
func (*TernaryExpression) commandElementNode()      {}
func (*ConvertExpression) commandElementNode()      {}
func (*TypeExpression) commandElementNode()         {}
func (*Constant) commandElementNode()               {}
func (*StringConstant) commandElementNode()         {}
func (*ExpandableString) commandElementNode()       {}
func (*Variable) commandElementNode()               {}
func (*MemberExpression) commandElementNode()       {}
func (*InvokeMemberExpression) commandElementNode() {}
func (*IndexExpression) commandElementNode()        {}
func (*ArrayLiteral) commandElementNode()           {}
func (*ArrayExpression) commandElementNode()        {}
func (*SubExpression) commandElementNode()          {}
func (*ParenExpression) commandElementNode()        {}
func (*HashtableExpression) commandElementNode()    {}
func (*ScriptBlockExpression) commandElementNode()  {}

func (*BinaryExpression) expressionNode()       {}
func (*UnaryExpression) expressionNode()        {}
func (*TernaryExpression) expressionNode()      {}
func (*ConvertExpression) expressionNode()      {}
func (*TypeExpression) expressionNode()         {}
func (*Constant) expressionNode()               {}
func (*StringConstant) expressionNode()         {}
func (*ExpandableString) expressionNode()       {}
func (*Variable) expressionNode()               {}
func (*MemberExpression) expressionNode()       {}
func (*InvokeMemberExpression) expressionNode() {}
func (*IndexExpression) expressionNode()        {}
func (*ArrayLiteral) expressionNode()           {}
func (*ArrayExpression) expressionNode()        {}
func (*SubExpression) expressionNode()          {}
func (*ParenExpression) expressionNode()        {}
func (*HashtableExpression) expressionNode()    {}
func (*ScriptBlockExpression) expressionNode()  {}

func (*StringText) stringPartNode()    {}
func (*Variable) stringPartNode()      {}
func (*SubExpression) stringPartNode() {}
