package parser

import (
	"fmt"
	"testing"
)

// errorTests pin pwsh's message, position and incompleteness for malformed input.
var errorTests = []struct {
	name, src, want string
	incomplete      bool
}{
	{"placeholder", "Set-Mailbox <Identity> -AuditEnabled $true", "1:13: The '<' operator is reserved for future use.", false},
	{"placeholder after parameter", "Get-Mailbox -Identity <MailboxIdentity> | Format-List X", "1:23: The '<' operator is reserved for future use.", false},
	{"placeholder choice", "Set-Mailbox -Identity x -DefaultAuditSet <Admin | Delegate | Owner>", "1:42: The '<' operator is reserved for future use.", false},
	{"expression after pipe", "1 | 2", "1:5: Expressions are only allowed as the first element of a pipeline.", false},
	{"string after pipe", "Get-X | 'y'", "1:9: Expressions are only allowed as the first element of a pipeline.", false},
	{"unterminated double", "\"abc", "1:1: The string is missing the terminator: \".", true},
	{"unterminated single", "'abc", "1:1: The string is missing the terminator: '.", true},
	{"unterminated here", "@\"\nabc", "1:1: The string is missing the terminator: \"@.", true},
	{"here header junk", "@\" x\n\"@", "1:4: No characters are allowed after a here-string header but before the end of the line.", false},
	{"unterminated block comment", "<# abc", "1:1: The terminator '#>' is missing from the multiline comment.", true},
	{"missing close curly", "if ($x) {", "1:9: Missing closing '}' in statement block or type definition.", true},
	{"missing close curly in script block", "$s = { 1", "1:6: Missing closing '}' in statement block or type definition.", true},
	{"missing close paren", "(1 + 2", "1:7: Missing closing ')' in expression.", true},
	{"missing close paren after newline", "(1 +", "1:5: You must provide a value expression following the '+' operator.", true},
	{"missing close subexpression", "$(1", "1:4: Missing closing ')' in subexpression.", true},
	{"missing close array expression", "@(1", "1:4: Missing closing ')' in subexpression.", true},
	{"missing close method", "$a.Foo(1,", "1:10: Missing ')' in method call.", true},
	{"missing index close", "$a[1", "1:5: Missing ']' after array index expression.", true},
	{"unexpected token", "'Get-Mailbox' x", "1:15: Unexpected token 'x' in expression or statement.", false},
	{"unexpected word in expression", "$a $b", "1:4: Unexpected token '$b' in expression or statement.", false},
	{"unexpected glued word", "$a foo-bar", "1:4: Unexpected token 'foo-bar' in expression or statement.", false},
	{"unexpected closer", "1 }", "1:3: Unexpected token '}' in expression or statement.", false},
	{"unexpected paren", "Get-X )", "1:7: Unexpected token ')' in expression or statement.", false},
	{"missing not operand", "-not", "1:5: Missing expression after unary operator '-not'.", true},
	{"missing binary operand", "1 +", "1:4: You must provide a value expression following the '+' operator.", true},
	{"missing binary operand mid", "1 + ; 2", "1:4: You must provide a value expression following the '+' operator.", false},
	{"missing after comma", "1,", "1:3: Missing expression after ','.", true},
	{"leading comma argument", "Get-X ,a", "1:7: Missing argument in parameter list.", false},
	{"trailing comma argument", "Get-X a,", "1:9: Missing argument in parameter list.", true},
	{"colon parameter needs argument", "Get-X -Name:", "1:7: Parameter -Name: requires an argument.", true},
	{"colon parameter before pipe", "Get-X -Name: | y", "1:7: Parameter -Name: requires an argument.", false},
	{"empty pipe element", "Get-X |", "1:8: An empty pipe element is not allowed.", true},
	{"empty pipe before separator", "Get-X | ; y", "1:8: An empty pipe element is not allowed.", false},
	{"missing if condition", "if () { }", "1:5: Missing condition in if statement after 'if ('.", false},
	{"missing if paren", "if $x { }", "1:3: Missing '(' after 'if' in if statement.", false},
	{"missing if block", "if ($x)", "1:8: Missing statement block after if ( condition ).", true},
	{"missing if block other token", "if ($x) y", "1:8: Missing statement block after if ( condition ).", false},
	{"missing else block", "if ($x) { } else", "1:17: Missing statement block after 'else' keyword.", true},
	{"missing elseif block", "if ($x) { } elseif ($y)", "1:24: Missing statement block after elseif ( condition ).", true},
	{"missing if close paren", "if ($x { }", "1:7: Missing closing ')' after expression in 'if' statement.", false},
	{"missing equals in hash", "@{ a }", "1:6: Missing '=' operator after key in hash literal.", false},
	{"missing equals in hash token", "@{ a b }", "1:6: Missing '=' operator after key in hash literal.", false},
	{"missing hash value", "@{ a = }", "1:7: Missing statement after '=' in hash literal.", false},
	{"missing hash close", "@{ a = 1", "1:1: Missing closing '}' in statement block or type definition.", true},
	{"missing type close", "[int", "1:5: Missing ] at end of attribute or type literal.", true},
	{"missing type close newline", "[int\n$x", "1:5: Missing ] at end of attribute or type literal.", false},
	{"invalid variable drive", "\"$name: x\"", "1:2: Variable reference is not valid. ':' was not followed by a valid variable name character. Consider using ${} to delimit the name.", false},
	{"invalid variable drive expression", "$x: = 1", "1:1: Variable reference is not valid. ':' was not followed by a valid variable name character. Consider using ${} to delimit the name.", false},
	{"unterminated braced variable", "${abc", "1:1: ${variable} reference starting is missing the closing '}'.", true},
	{"missing redirection target", "Get-X >", "1:8: Missing file specification after redirection operator.", true},
	{"invalid assignment target", "1 = 2", "1:1: The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.", false},
	{"missing assignment value", "$x =", "1:5: You must provide a value expression following the '=' operator.", true},
	{"missing foreach in", "foreach ($x $y) { }", "1:12: Missing 'in' after variable in foreach loop.\nThe correct form is: foreach ($a in $b) {...}", false},
	{"missing foreach variable", "foreach (x in $y) { }", "1:10: Missing variable name after foreach.\nThe correct form is: foreach ($a in $b) {...}", false},
	{"missing foreach body", "foreach ($x in $y)", "1:19: Missing statement body in foreach loop.\nThe correct form is: foreach ($a in $b) {...}", true},
	{"missing while body", "while ($x)", "1:11: Missing statement body in while loop.", true},
	{"missing do condition keyword", "do { } ", "1:7: Missing while or until keyword in do loop.", true},
	{"missing try handlers", "try { }", "1:8: The Try statement is missing its Catch or Finally block.", true},
	{"missing catch body", "try { } catch", "1:14: The Catch block is missing its statement block.", true},
	{"missing function body", "function f", "1:11: Missing function body in function declaration.", true},
	{"missing function name", "function", "1:9: Missing name after function keyword.", true},
	{"trap unsupported", "trap { }", "1:1: The 'trap' keyword is not supported in this version of the language.", false},
	{"data unsupported", "data { }", "1:1: The 'data' keyword is not supported in this version of the language.", false},
	{"class unsupported", "class Foo { }", "1:1: The 'class' keyword is not supported in this version of the language.", false},
	{"unknown switch flag", "switch -Foo ($x) { }", "1:8: The parameter -Foo is not valid for the switch statement.", false},
	{"missing switch body", "switch ($x)", "1:12: Missing '{' in switch statement.", true},
	{"missing switch close", "switch ($x) { 1 { 2 }", "1:13: Missing closing '}' in statement block or type definition.", true},
	{"ternary missing colon", "$a ? 1", "1:7: Missing ':' in the ternary expression.", true},
	{"ternary missing branch", "$a ? 1 :", "1:9: You must provide a value expression following the ':' operator.", true},
	{"continuation at end", "Get-X `\n", "1:7: Missing character after the escape character '`'.", true},
	{"escape at end", "Get-X `", "1:7: Missing character after the escape character '`'.", true},
	{"invalid character in type", "[int;]", "1:5: Missing ] at end of attribute or type literal.", false},
	{"empty type", "[]", "1:2: Missing type name after '['.", false},
	{"chain missing right", "Get-X &&", "1:9: A pipeline chain operator must be followed by a pipeline.", true},
	{"unary comma missing", ",", "1:2: Missing expression after ','.", true},
	{"param missing close", "function f($a { }", "1:14: Missing ')' in function parameter list.", false},
	{"attribute missing close", "function f { param([Parameter(Mandatory) $x) }", "1:41: Missing ] at end of attribute or type literal.", false},
	{"label without loop", ":x Get-X", "1:1: Unexpected token ':x' in expression or statement.", false},
	{"else alone", "else { }", "1:1: Unexpected token 'else' in expression or statement.", false},
	{"empty paren", "()", "1:2: An expression was expected after '('.", false},
	{"background ampersand", "Get-X &", "1:7: Unexpected token '&' in expression or statement.", false},
	{"missing switch condition", "switch () { }", "1:9: Missing expression after '(' in switch statement.", false},
	{"missing switch close paren", "switch ($x { }", "1:11: Missing ')' after expression in switch statement.", false},
	{"missing foreach close paren", "foreach ($x in $y { }", "1:18: Missing closing ')' after expression part of foreach loop.\nThe correct form is: foreach ($a in $b) {...}", false},
	{"missing while condition", "while () { }", "1:8: Missing expression after 'while' in loop.", false},
	{"missing ampersand target", "&", "1:2: Missing expression after '&' in pipeline element.", true},
	{"unexpected attribute", "[CmdletBinding()]\n$x", "1:1: Unexpected attribute 'CmdletBinding'.", false},
	{"here-string unterminated single", "@'\nabc", "1:1: The string is missing the terminator: '@.", true},
}

func TestParseErrors(t *testing.T) {
	for _, tt := range errorTests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("test.ps1", tt.src)
			if err == nil {
				t.Fatalf("Parse(%q) succeeded, want %q", tt.src, tt.want)
			}
			pe, ok := err.(*Error)
			if !ok {
				t.Fatalf("Parse(%q) error %T, want *Error", tt.src, err)
			}
			got := fmt.Sprintf("%d:%d: %s", pe.Pos.Line, pe.Pos.Column, pe.Msg)
			if got != tt.want || pe.Incomplete != tt.incomplete {
				t.Errorf("Parse(%q)\n got %q incomplete=%v\nwant %q incomplete=%v", tt.src, got, pe.Incomplete, tt.want, tt.incomplete)
			}
			if pe.ErrorID == "" {
				t.Errorf("Parse(%q): empty ErrorID", tt.src)
			}
			if IsIncomplete(err) != tt.incomplete {
				t.Errorf("IsIncomplete = %v, want %v", IsIncomplete(err), tt.incomplete)
			}
		})
	}
}
