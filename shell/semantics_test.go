package shell_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/exosh/exosh/parser"
	"github.com/exosh/exosh/shell"
)

// run executes src in a fresh interactive session and returns everything written.
func run(t testing.TB, src string, interactive bool) string {
	t.Helper()
	var buf bytes.Buffer
	s, err := shell.New(shell.WithClock(fixedClock{}), shell.WithCmdlets(testCmdlets()...),
		shell.WithIO(strings.NewReader(""), &buf, &buf), shell.WithInteractive(interactive),
		shell.WithEnv(func(n string) (string, bool) {
			if n == "EXOSH_TEST" {
				return "yes", true
			}
			return "", false
		}))
	if err != nil {
		t.Fatal(err)
	}
	_ = s.Run(context.Background(), shell.Source{Text: src})
	_ = s.Close()
	return buf.String()
}

func TestSemantics(t *testing.T) {
	tests := []struct{ name, in, want string }{
		// operators and conversion
		{"arith", "1 + 2 * 3", "7\n"},
		{"string concat", "'10' + 5", "105\n"},
		{"left drives", "'10' -gt 9; 10 -gt '9'", "False\nTrue\n"},
		{"filter", "(1,2,3 -gt 1) -join ','", "2,3\n"},
		{"and or short circuit", "$false -and (1/0); $true -or (1/0)", "False\nTrue\n"},
		{"null coalesce", "$null ?? 'd'", "d\n"},
		{"ternary", "$x = 5; $x -gt 3 ? 'big' : 'small'", "big\n"},
		{"cast int", "[int]2.5; [int]3.5", "2\n4\n"},
		{"truthiness", "if ('False') {'t'}; if (@()) {'x'} else {'empty'}; if (@(0,0)) {'two'}", "t\nempty\ntwo\n"},
		{"matches", "if ('abc123' -match '(\\d+)') { $Matches[1] }", "123\n"},
		// strings
		{"expansion", "$n = 'World'; \"Hello $n!\"", "Hello World!\n"},
		{"subexpression", "$a = 1,2; \"n=$($a.Count) $a\"", "n=2 1 2\n"},
		{"shallow member", "$u = [pscustomobject]@{Name='x'}; \"$u.Name\"", "@{Name=x}.Name\n"},
		{"env", "$env:EXOSH_TEST", "yes\n"},
		// collections
		{"index", "$a = 10,20,30; $a[0]; $a[-1]; $a[0,2] -join '+'", "10\n30\n10+30\n"},
		{"hashtable", "$h = @{a=1}; $h.b = 2; $h['a'] + $h.b", "3\n"},
		{"count on scalar", "$x = 5; $x.Count; $null.Count", "1\n0\n"},
		{"where foreach intrinsics", "(1..5).Where({ $_ -gt 3 }) -join ','; (1..3).ForEach({ $_ * 2 }) -join ','", "4,5\n2,4,6\n"},
		{"empty array assignment", "$a = @(); $a.Count", "0\n"},
		{"multiple assignment", "$a, $b = 1, 2, 3; $a; $b -join ','", "1\n2,3\n"},
		{"compound", "$s = 0; foreach ($i in 1..4) { $s += $i }; $s", "10\n"},
		{"increment", "$i = 1; $i++; ++$i; $i", "3\n"},
		{"typed variable", "[int]$n = '5'; $n = '7'; $n + 1", "8\n"},
		{"regex statics", "[regex]::IsMatch('ABC', 'b'); [regex]::IsMatch('ABC', 'b', 'IgnoreCase'); [regex]::Split('a1B2c', '[0-9]') -join ','; [regex]::Replace('aAa', 'a', 'x'); [regex]::Replace('aAa', 'a', 'x', 'IgnoreCase')",
			"False\nTrue\na,B,c\nxAx\nxxx\n"},
		// loops and flow
		{"for", "for ($i = 0; $i -lt 3; $i++) { $i }", "0\n1\n2\n"},
		{"while break", "$i = 0; while ($true) { $i++; if ($i -ge 3) { break } }; $i", "3\n"},
		{"while false", "while ($false) { 'x' }; 'done'", "done\n"},
		{"while continue", "$i = 0; while ($i -lt 3) { $i++; if ($i -eq 2) { continue }; $i }", "1\n3\n"},
		{"for continue runs the iterator", "for ($i = 0; $i -lt 5; $i++) { if ($i % 2) { continue }; $i }", "0\n2\n4\n"},
		{"labeled break leaves for", ":outer for ($i = 0; $i -lt 3; $i++) { while ($true) { break outer } }; $i", "0\n"},
		{"do until", "$i = 0; do { $i++ } until ($i -eq 2); $i", "2\n"},
		{"continue", "foreach ($i in 1..4) { if ($i % 2) { continue }; $i }", "2\n4\n"},
		{"labels", ":outer foreach ($i in 1..3) { foreach ($j in 1..3) { if ($j -eq 2) { continue outer }; \"$i$j\" } }", "11\n21\n31\n"},
		{"switch", "switch (2) { 1 {'one'} 2 {'two'} default {'other'} }", "two\n"},
		{"switch wildcard array", "switch -Wildcard ('apple','berry') { 'a*' {'A'} default {'D'} }", "A\nD\n"},
		{"switch regex", "switch -Regex ('abc') { '^a(b)' { $Matches[1] } }", "b\n"},
		{"switch scriptblock break", "switch (1,2,3) { {$_ -ge 2} { $_; break } }", "2\n"},
		// functions
		{"function", "function Add($a, $b) { $a + $b }; Add 2 3", "5\n"},
		{"param block", "function f { param([int]$n = 4, [switch]$Loud) if ($Loud) { $n * 10 } else { $n } }; f; f -n 2 -Loud", "4\n20\n"},
		{"args", "function f { $args.Count }; f a b c", "3\n"},
		{"return", "function f { 1; return 2; 3 }; f", "1\n2\n"},
		{"pipeline function", "function dbl { process { $_ * 2 } }; 1,2 | dbl", "2\n4\n"},
		{"input", "function sum { $t = 0; foreach ($x in $input) { $t += $x }; $t }; 1,2,3 | sum", "6\n"},
		{"filter", "filter sq { $_ * $_ }; 1..3 | sq", "1\n4\n9\n"},
		{"scopes", "$x = 1; function f { $x = 2; $script:y = 3 }; f; $x; $y", "1\n3\n"},
		{"script block", "$sb = { param($a) $a * 3 }; & $sb 2; $sb.Invoke(3)", "6\n9\n"},
		// cmdlets and binding
		{"foreach-object scope", "$c = 0; 1..3 | ForEach-Object { $c++ }; $c", "3\n"},
		{"foreach-object return", "1..3 | % { if ($_ -eq 2) { return }; $_ }", "1\n3\n"},
		{"remaining args", "Write-Output -Foo 1", "-Foo\n1\n"},
		{"by property name", "Get-Thing a | Set-Thing -Enabled $true", "set a enabled=true mode=\n"},
		{"whatif", "Set-Thing x -WhatIf", "What if: Performing the operation \"Set-Thing\" on target \"x\".\n"},
		{"enum canonical", "Set-Thing x -Mode fast", "set x enabled=false mode=Fast\n"},
		{"verbless", "(thing).Identity", "thing1\n"},
		{"delay bind", "Get-Thing a | Set-Thing -Identity { $_.Identity + 'x' }", "set ax enabled=false mode=\n"},
		{"input not bound", "1 | Get-Thing", "Get-Thing: The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.\n"},
		{"mandatory null", "Set-Thing -Identity $null; Set-Thing ''", "Set-Thing: Cannot bind argument to parameter 'Identity' because it is null.\nSet-Thing: Cannot bind argument to parameter 'Identity' because it is an empty string.\n"},
		{"stop pipeline", "1..100000000 | Select-First 2 | ForEach-Object { $_ * 10 }; 'next'", "10\n20\nend after 2\nnext\n"},
		{"merge errors", "Write-Error 'x' 2>&1 | ForEach-Object { \"got: $_\" }", "got: x\n"},
		{"call depth", "function f { f }; f", "InvalidOperation: The script failed due to call depth overflow.\n"},
		{"pscmdlet whatif", "function Remove-It { [CmdletBinding(SupportsShouldProcess)] param($Name) if ($PSCmdlet.ShouldProcess($Name, 'Remove')) { 'removed' } }; Remove-It a; Remove-It b -WhatIf", "removed\nWhat if: Performing the operation \"Remove\" on target \"b\".\n"},
		{"parameter sets", "Get-Set -A 1 -B 2", "Get-Set: Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.\n"},
		{"parameter set positional", "Get-Set -B 2 7; Get-Set 5", "B=2 C=7\nA=5\n"},
		{"remaining single array", "(Write-Output 1,2,3 | Measure-Object).Count; (Write-Output a b | Measure-Object).Count", "3\n2\n"},
		{"replace block", "'a1b22' -replace '\\d+', { \"<$_>\" }", "a<1>b<22>\n"},
		{"inner exception catch", "try { 1/0 } catch [System.DivideByZeroException] { 'dz' }; try { 1/0 } catch { $_.Exception.InnerException.GetType().FullName }", "dz\nSystem.DivideByZeroException\n"},
		{"position message", "try { Get-Thing -Foo } catch { $_.InvocationInfo.PositionMessage }", "At line:1 char:17\n+ try { Get-Thing -Foo } catch { $_.InvocationInfo.PositionMessage }\n+                 ~~~~\n"},
		{"splat", "$p = @{Identity='s'; Mode='Slow'}; Set-Thing @p", "set s enabled=false mode=Slow\n"},
		// errors
		{"unknown parameter", "Get-Thing -Foo 1", "Get-Thing: A parameter cannot be found that matches parameter name 'Foo'.\n"},
		{"ambiguous", "Get-Thing -E x", "Get-Thing: Parameter cannot be processed because the parameter name 'E' is ambiguous. Possible matches include: -ErrorAction -ErrorVariable.\n"},
		{"missing argument", "Get-Thing -Identity", "Get-Thing: Missing an argument for parameter 'Identity'. Specify a parameter of type 'System.String' and try again.\n"},
		{"conversion", "Get-Thing -Count abc", "Get-Thing: Cannot bind parameter 'Count'. Cannot convert value \"abc\" to type \"System.Int32\". Error: \"The input string 'abc' was not in a correct format.\"\n"},
		{"bool param", "Set-Thing x -Enabled yes", "Set-Thing: Cannot process argument transformation on parameter 'Enabled'. Cannot convert value \"System.String\" to type \"System.Boolean\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.\n"},
		{"validate set", "Set-Thing x -Mode medium", "Set-Thing: Cannot validate argument on parameter 'Mode'. The argument \"medium\" does not belong to the set \"Fast,Slow\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.\n"},
		{"twice", "Get-Thing -Identity a -Identity b", "Get-Thing: Cannot bind parameter because parameter 'Identity' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, \"-parameter value1,value2,value3\".\n"},
		{"positional", "Get-Thing a b", "Get-Thing: A positional parameter cannot be found that accepts argument 'b'.\n"},
		{"mandatory", "Set-Thing", "Set-Thing: Cannot process command because of one or more missing mandatory parameters: Identity.\n"},
		{"not found", "Frobnicate-It", "Frobnicate-It: The term 'Frobnicate-It' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.\n"},
		{"statement terminating continues", "1/0; 'after'", "RuntimeException: Attempted to divide by zero.\nafter\n"},
		{"null method", "$null.Foo()", "InvalidOperation: You cannot call a method on a null-valued expression.\n"},
		{"throw ends", "throw 'boom'; 'never'", "Exception: boom\n"},
		{"write-error in function", "function Test-It { Write-Error 'inner' }; Test-It", "Test-It: inner\n"},
		{"non-terminating continues", "Write-Error 'bad'; 'next'", "Write-Error: bad\nnext\n"},
		{"foreach-object per item", "1,0,2 | % { 10 / $_ }", "10\nRuntimeException: Attempted to divide by zero.\n5\n"},
		{"try catch", "try { throw 'x' } catch { \"caught $_\" } finally { 'fin' }", "caught x\nfin\n"},
		{"catch statement terminating", "try { 1/0; 'no' } catch { $_.Exception.Message }", "Attempted to divide by zero.\n"},
		{"typed catch", "try { Get-Thing -Foo } catch [System.Management.Automation.ParameterBindingException] { 'pb' } catch { 'other' }", "pb\n"},
		{"catch runtime base", "try { throw 'x' } catch [System.Management.Automation.RuntimeException] { 'rt' }", "rt\n"},
		{"non-terminating not caught", "try { Write-Error 'w' } catch { 'caught' }; 'after'", "Write-Error: w\nafter\n"},
		{"erroraction stop", "try { Write-Error 'w' -ErrorAction Stop } catch { \"caught $_\" }", "caught w\n"},
		{"preference stop", "$ErrorActionPreference = 'Stop'; Write-Error 'w'; 'never'", "Write-Error: w\n"},
		{"silently continue", "Write-Error 'w' -ea SilentlyContinue; $?; $Error.Count", "False\n1\n"},
		{"error variable", "Write-Error 'w' -ErrorAction SilentlyContinue -ErrorVariable ev; \"$ev\"", "w\n"},
		{"dollar question", "Get-Thing a | Out-Null; $?; Get-Thing missing; $?", "True\nGet-Thing: The operation couldn't be performed because object 'missing' couldn't be found.\nFalse\n"},
		{"error record fields", "try { Get-Thing missing } catch { $_.CategoryInfo.Category; $_.FullyQualifiedErrorId; $_.InvocationInfo.ScriptLineNumber }", "ObjectNotFound\nManagementObjectNotFoundException,Microsoft.PowerShell.Commands.ThingGetCommand\n1\n"},
		{"break outside loop ends script", "1..3 | % { if ($_ -eq 2) { break }; $_ }; 'never'", "1\n"},
		{"break to enclosing loop", "foreach ($i in 1..2) { 1..3 | % { if ($_ -eq 2) { continue }; \"$i-$_\" } }", "1-1\n2-1\n"},
		{"warning", "Write-Warning 'careful'; Write-Warning 'no' -WarningAction SilentlyContinue", "WARNING: careful\n"},
		{"redirect null", "Write-Error 'x' 2>$null; 'ok'", "ok\n"},
		{"void", "[void](1); $null = 2; 3 | Out-Null; 'done'", "done\n"},
		{"chain", "Write-Error 'e' 2>$null && 'no'; Write-Error 'e' 2>$null || 'yes'; Get-Thing a | Out-Null && 'ok'", "yes\nok\n"},
		{"measure pipeline", "(1..10 | ForEach-Object { $_ * 2 } | Measure-Object -Sum).Sum", "110\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := run(t, tc.in, true)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("%s\n(-want +got):\n%s", tc.in, diff)
			}
		})
	}
}

func TestScriptErrorBlock(t *testing.T) {
	var buf bytes.Buffer
	s, err := shell.New(shell.WithClock(fixedClock{}), shell.WithCmdlets(testCmdlets()...),
		shell.WithIO(strings.NewReader(""), &buf, &buf))
	if err != nil {
		t.Fatal(err)
	}
	err = s.Run(context.Background(), shell.Source{Name: "t.ps1", File: true, Text: "'a'\n\nGet-Thing -Foo 1\n'b'\nthrow 'stop'\n'c'\n"})
	if _, ok := err.(*shell.RuntimeError); !ok {
		t.Fatalf("Run returned %T %v, want *shell.RuntimeError", err, err)
	}
	want := "a\n" +
		"Get-Thing: t.ps1:3\n" +
		"Line |\n" +
		"   3 |  Get-Thing -Foo 1\n" +
		"     |            ~~~~\n" +
		"     | A parameter cannot be found that matches parameter name 'Foo'.\n" +
		"\n" +
		"b\n" +
		"Exception: t.ps1:5\n" +
		"Line |\n" +
		"   5 |  throw 'stop'\n" +
		"     |  ~~~~~~~~~~~~\n" +
		"     | stop\n" +
		"\n"
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestExit(t *testing.T) {
	s, err := shell.New(shell.WithClock(fixedClock{}), shell.WithIO(strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}))
	if err != nil {
		t.Fatal(err)
	}
	err = s.Run(context.Background(), shell.Source{Text: "exit 3"})
	if e, ok := err.(*shell.ExitError); !ok || e.Code != 3 {
		t.Fatalf("got %v, want exit 3", err)
	}
}

func TestRunScriptArgs(t *testing.T) {
	var buf bytes.Buffer
	s, err := shell.New(shell.WithClock(fixedClock{}), shell.WithIO(strings.NewReader(""), &buf, &buf))
	if err != nil {
		t.Fatal(err)
	}
	src := shell.Source{Name: "s.ps1", Text: "param([string]$Name, [int]$Count = 1)\n\"$Name x $Count\"\n$args.Count\n"}
	if err := s.RunScript(context.Background(), src, []string{"-Count", "3", "bob"}); err != nil {
		t.Fatal(err)
	}
	if got, want := buf.String(), "bob x 3\n0\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestParseErrorPrinted(t *testing.T) {
	var buf bytes.Buffer
	s, err := shell.New(shell.WithClock(fixedClock{}), shell.WithIO(strings.NewReader(""), &buf, &buf))
	if err != nil {
		t.Fatal(err)
	}
	err = s.Run(context.Background(), shell.Source{Name: "p.ps1", File: true, Text: "'ok'\nif ($x) { 'a'\n"})
	if err == nil {
		t.Fatal("want a parse error")
	}
	if !strings.HasPrefix(buf.String(), "ParserError: p.ps1:") || strings.Contains(buf.String(), "ok\n") {
		t.Errorf("unexpected output %q", buf.String())
	}
}

func TestRedirectToFile(t *testing.T) {
	dir := t.TempDir()
	var buf bytes.Buffer
	s, err := shell.New(shell.WithClock(fixedClock{}), shell.WithCmdlets(testCmdlets()...),
		shell.WithIO(strings.NewReader(""), &buf, &buf), shell.WithWorkDir(dir))
	if err != nil {
		t.Fatal(err)
	}
	_ = s.Run(context.Background(), shell.Source{Text: "'a' > f.txt; 1,2 >> f.txt; Write-Error 'oops' 2> e.txt; 'done'"})
	if got := buf.String(); got != "done\n" {
		t.Errorf("console got %q", got)
	}
	for name, want := range map[string]string{"f.txt": "a\n1\n2\n", "e.txt": "Write-Error: oops\n"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if string(data) != want {
			t.Errorf("%s = %q, want %q", name, data, want)
		}
	}
}

func TestCancel(t *testing.T) {
	var buf bytes.Buffer
	s, err := shell.New(shell.WithClock(fixedClock{}), shell.WithCmdlets(testCmdlets()...),
		shell.WithIO(strings.NewReader(""), &buf, &buf))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.Run(ctx, shell.Source{Text: "1..10 | ForEach-Object { $_ }"}); err != nil {
		t.Fatalf("Run = %v, want nil", err)
	}
	if buf.Len() != 0 {
		t.Errorf("cancelled pipeline wrote %q", buf.String())
	}
}

func TestServicesCommands(t *testing.T) {
	var buf bytes.Buffer
	s, err := shell.New(shell.WithClock(fixedClock{}), shell.WithCmdlets(testCmdlets()...),
		shell.WithIO(strings.NewReader(""), &buf, &buf))
	if err != nil {
		t.Fatal(err)
	}
	_ = s.Run(context.Background(), shell.Source{Text: "function Get-Zed { 'z' }"})
	svc := s.Services()
	svc.SetAlias("gz", "Get-Zed")
	for name, kind := range map[string]string{"get-zed": "Function", "%": "Alias", "get-thing": "Cmdlet", "GZ": "Alias"} {
		e, ok := svc.LookupCommand(name)
		if !ok || e.CommandType != kind {
			t.Errorf("LookupCommand(%q) = %+v, %v; want %s", name, e, ok, kind)
		}
	}
	if _, ok := svc.LookupCommand("nope"); ok {
		t.Error("LookupCommand(nope) found something")
	}
	names := map[string]bool{}
	for _, e := range svc.Commands() {
		names[e.Name] = true
	}
	for _, n := range []string{"Get-Zed", "gz", "ForEach-Object", "%"} {
		if !names[n] {
			t.Errorf("Commands() lacks %s", n)
		}
	}
	buf.Reset()
	_ = s.Run(context.Background(), shell.Source{Text: "gz"})
	if buf.String() != "z\n" {
		t.Errorf("alias to function printed %q", buf.String())
	}
}

func TestIncompleteInteractive(t *testing.T) {
	var buf bytes.Buffer
	s, err := shell.New(shell.WithClock(fixedClock{}), shell.WithInteractive(true),
		shell.WithIO(strings.NewReader(""), &buf, &buf))
	if err != nil {
		t.Fatal(err)
	}
	err = s.Run(context.Background(), shell.Source{Text: "if ($x) {"})
	if !parser.IsIncomplete(err) {
		t.Fatalf("Run = %v, want an incomplete parse error", err)
	}
	if buf.Len() != 0 {
		t.Errorf("incomplete input printed %q", buf.String())
	}
}

func TestLongLineShortened(t *testing.T) {
	var buf bytes.Buffer
	s, err := shell.New(shell.WithClock(fixedClock{}), shell.WithCmdlets(testCmdlets()...),
		shell.WithIO(strings.NewReader(""), &buf, &buf))
	if err != nil {
		t.Fatal(err)
	}
	line := "$aaaaaaaaaa = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'; Get-Thing -Nope 1; 'tail text here'"
	_ = s.Run(context.Background(), shell.Source{Name: "long.ps1", File: true, Text: line + "\n"})
	want := "Get-Thing: long.ps1:1\n" +
		"Line |\n" +
		// 56 characters of context before the error, 8 after, as pwsh's position message.
		"   1 |  … bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'; Get-Thing -Nope 1; 'tai …\n" +
		"     |                                                            ~~~~~\n" +
		"     | A parameter cannot be found that matches parameter name 'Nope'.\n\n" +
		"tail text here\n"
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
