package parser

import (
	"strings"
	"testing"

	"github.com/alecthomas/participle/v2/lexer"
	"github.com/google/go-cmp/cmp"
)

// lexAll returns "Type:value" for every token of src, elided ones included.
func lexAll(t *testing.T, src string) []string {
	t.Helper()
	lx, err := definition{}.Lex("t", strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	names := lexer.SymbolsByRune(definition{})
	var out []string
	for {
		tok, err := lx.Next()
		if err != nil {
			t.Fatal(err)
		}
		if tok.EOF() {
			return out
		}
		out = append(out, names[tok.Type]+":"+tok.Value)
	}
}

func TestLexer(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"command words", "Get-Mailbox -Identity x", []string{"Word:Get", "Punct:-", "Word:Mailbox", "Space: ", "Punct:-", "Word:Identity", "Space: ", "Word:x"}},
		{"number alone", "200MB 1.5 0x1F 1e3 .5", []string{"Number:200MB", "Space: ", "Number:1.5", "Space: ", "Number:0x1F", "Space: ", "Number:1e3", "Space: ", "Number:.5"}},
		{"number glued to letters is a word", "77z 2bbad36a 10k", []string{"Word:77z", "Space: ", "Word:2bbad36a", "Space: ", "Word:10k"}},
		{"range is not a fraction", "1..5", []string{"Number:1", "Punct:..", "Number:5"}},
		{"date pieces", "06/13/2018", []string{"Number:06", "Punct:/", "Number:13", "Punct:/", "Number:2018"}},
		{"email", "ed@contoso.com", []string{"Word:ed@contoso", "Punct:.", "Word:com"}},
		{"hash inside word", "a#b #c", []string{"Word:a#b", "Space: ", "Comment:#c"}},
		{"comment after variable", "$x#c", []string{"Var:$x", "Comment:#c"}},
		{"block comment", "a<# x #>b", []string{"Word:a", "Comment:<# x #>", "Word:b"}},
		{"variables", "$x ${a b} $env:Path $? $$ $^ $_ @splat", []string{"Var:$x", "Space: ", "Var:${a b}", "Space: ", "Var:$env:Path", "Space: ", "Var:$?", "Space: ", "Var:$$", "Space: ", "Var:$^", "Space: ", "Var:$_", "Space: ", "Splat:@splat"}},
		{"static member after variable", "$a::b", []string{"Var:$a", "Punct:::", "Word:b"}},
		{"bad drive variable", "$x: ", []string{"BadVar:$x:", "Space: "}},
		{"lone dollar", "$ x", []string{"Word:$", "Space: ", "Word:x"}},
		{"brackets", "$(1) @(2) @{a=3}", []string{"Punct:$(", "Number:1", "Punct:)", "Space: ", "Punct:@(", "Number:2", "Punct:)", "Space: ", "Punct:@{", "Word:a", "Punct:=", "Number:3", "Punct:}"}},
		{"strings", `'a''b' "c""d" "e$(")")f"`, []string{"SQ:'a''b'", "Space: ", `DQ:"c""d"`, "Space: ", `DQ:"e$(")")f"`}},
		{"typographic quotes", "‘a’ “b”", []string{"SQ:‘a’", "Space: ", "DQ:“b”"}},
		{"unterminated string", `"abc`, []string{`BadString:"abc`}},
		{"here-string", "@'\nx\n'@ y", []string{"SQHere:@'\nx\n'@", "Space: ", "Word:y"}},
		{"here-string header junk", "@' x", []string{"BadHereHeader:@' ", "Word:x"}},
		{"redirections", "a 2>&1 > f *>$null 3>> g", []string{"Word:a", "Space: ", "Redir:2>&1", "Space: ", "Redir:>", "Space: ", "Word:f", "Space: ", "Redir:*>", "Var:$null", "Space: ", "Redir:3>>", "Space: ", "Word:g"}},
		{"angle placeholder", "<Identity>", []string{"Punct:<", "Word:Identity", "Punct:>"}},
		{"operators", "+= -= ++ -- ?? ??= && || :: ..", []string{"Punct:+=", "Space: ", "Punct:-=", "Space: ", "Punct:++", "Space: ", "Punct:--", "Space: ", "Punct:??", "Space: ", "Punct:??=", "Space: ", "Punct:&&", "Space: ", "Punct:||", "Space: ", "Punct:::", "Space: ", "Punct:.."}},
		{"backtick continuation and escape", "a `\nb `$c", []string{"Word:a", "Space: ", "Space:`\n", "Word:b", "Space: ", "Word:`$c"}},
		{"backtick at end", "a `", []string{"Word:a", "Space: ", "BadEscape:`"}},
		{"continuation at end", "a `\n", []string{"Word:a", "Space: ", "BadEscape:`\n"}},
		{"crlf newline", "a\r\nb", []string{"Word:a", "Newline:\r\n", "Word:b"}},
		{"en dash", "–Identity", []string{"Punct:–", "Word:Identity"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lexAll(t, tt.src)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("lex(%q) mismatch (-want +got):\n%s", tt.src, diff)
			}
			if joined := strings.Join(stripTypes(got), ""); joined != tt.src {
				t.Errorf("lexer is not lossless: %q != %q", joined, tt.src)
			}
		})
	}
}

func stripTypes(toks []string) []string {
	out := make([]string, len(toks))
	for i, tok := range toks {
		out[i] = tok[strings.IndexByte(tok, ':')+1:]
	}
	return out
}

func TestTokenPositions(t *testing.T) {
	lx, _ := definition{}.Lex("f.ps1", strings.NewReader("a\n  “b” c"))
	var last lexer.Token
	for tok, _ := lx.Next(); !tok.EOF(); tok, _ = lx.Next() {
		last = tok
	}
	if got := last.Pos.String(); got != "f.ps1:2:7" {
		t.Errorf("position of c = %s, want f.ps1:2:7 (columns count runes)", got)
	}
}
