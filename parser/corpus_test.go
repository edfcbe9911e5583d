package parser

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// corpusFiles are the documented snippets exosh must parse.
var corpusFiles = []string{"exchange-examples", "exchange-examples-history", "exchange-inline-snippets", "seed-snippets"}

// corpusRecord is the part of a corpus record the parser tests use.
type corpusRecord struct {
	Code string `json:"code"`
	Kind string `json:"kind"`
	File string `json:"-"`
	Line int    `json:"-"`
}

// repoRoot walks up from the working directory to the directory holding go.mod.
func repoRoot(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("go.mod not found above the test directory")
		}
		dir = parent
	}
}

// loadCorpus reads every record of the corpus files.
func loadCorpus(tb testing.TB) []corpusRecord {
	tb.Helper()
	root := repoRoot(tb)
	var out []corpusRecord
	for _, name := range corpusFiles {
		f, err := os.Open(filepath.Join(root, "..", "shared", "corpus", name+".jsonl"))
		if err != nil {
			tb.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for line := 1; sc.Scan(); line++ {
			var r corpusRecord
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				tb.Fatalf("%s.jsonl:%d: %v", name, line, err)
			}
			r.File, r.Line = name, line
			out = append(out, r)
		}
		f.Close()
		if err := sc.Err(); err != nil {
			tb.Fatal(err)
		}
	}
	return out
}

// placeholder finds an unfilled <Placeholder> of the docs: a '<' that starts an argument.
var placeholder = regexp.MustCompile(`(^|[ \t])<[A-Za-z]`)

// rejected lists the corpus snippets pwsh itself rejects for a reason other than a
// placeholder, with pwsh's error. They are the syntax templates of the auditing article:
//   - a command name followed by a comma: pwsh's command rule reports MissingArgument at a
//     comma that begins a command element;
//   - `"action2",..."actionN"`: after a comma an expression is required and `..` cannot
//     start one, so pwsh reports MissingExpressionAfterToken just after the comma.
var rejected = map[string]string{
	`action1,action2,...actionN`:                 "1:8: Missing argument in parameter list.",
	`@{Add="action1","action2",..."actionN"}`:    "1:27: Missing expression after ','.",
	`@{Remove="action1","action2",..."actionN"}`: "1:30: Missing expression after ','.",
}

func TestCorpus(t *testing.T) {
	records := loadCorpus(t)
	if len(records) < 200 {
		t.Fatalf("corpus has %d records, want the four files' 214", len(records))
	}
	parsed, placeholders := 0, 0
	for _, r := range records {
		_, err := Parse("snippet.ps1", r.Code)
		where := fmt.Sprintf("%s.jsonl:%d %q", r.File, r.Line, r.Code)
		if want, ok := rejected[r.Code]; ok {
			if err == nil || errText(err) != want {
				t.Errorf("%s: got error %v, want %q", where, err, want)
			}
			continue
		}
		if loc := placeholder.FindStringIndex(r.Code); loc != nil {
			placeholders++
			at := loc[1] - 2 // the '<'
			line := 1 + strings.Count(r.Code[:at], "\n")
			col := 1 + utf8.RuneCountInString(r.Code[strings.LastIndexByte(r.Code[:at], '\n')+1:at])
			want := fmt.Sprintf("%d:%d: The '<' operator is reserved for future use.", line, col)
			pe, ok := err.(*Error)
			if !ok || errText(err) != want || pe.ErrorID != "RedirectionNotSupported" || pe.Incomplete {
				t.Errorf("%s: got %v, want %q (RedirectionNotSupported)", where, err, want)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", where, err)
			continue
		}
		parsed++
	}
	t.Logf("%d snippets parsed, %d placeholders rejected, %d templates rejected", parsed, placeholders, len(rejected))
}

func errText(err error) string {
	pe, ok := err.(*Error)
	if !ok {
		return err.Error()
	}
	return fmt.Sprintf("%d:%d: %s", pe.Pos.Line, pe.Pos.Column, pe.Msg)
}

// exampleScripts returns the runnable example scripts of the repository.
func exampleScripts(tb testing.TB) map[string]string {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join(repoRoot(tb), "examples", "*.ps1"))
	if err != nil {
		tb.Fatal(err)
	}
	out := map[string]string{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		out[filepath.Base(p)] = string(b)
	}
	return out
}

func TestExampleScriptsParse(t *testing.T) {
	for name, src := range exampleScripts(t) {
		if _, err := Parse(name, src); err != nil {
			t.Errorf("%v", err)
		}
	}
}
