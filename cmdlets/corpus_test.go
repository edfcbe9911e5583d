package cmdlets_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/exosh/exosh/cmdlets"
	"github.com/exosh/exosh/parser"
	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/shelltest"
)

var updateCorpus = flag.Bool("update-corpus", false, "rewrite testdata/corpus-outcomes.tsv")

// corpusFiles are the documented snippet collections exosh must run (../shared/corpus).
var corpusFiles = []string{
	"exchange-examples.jsonl",
	"exchange-examples-history.jsonl",
	"exchange-inline-snippets.jsonl",
	"seed-snippets.jsonl",
}

// Outcomes, best first. A snippet may only move up this list; moving down is a regression.
const (
	outcomeRan        = "ran"         // parsed and ran without an error
	outcomeError      = "error"       // ran into an error (the detail column shows which)
	outcomeNotYet     = "not-yet"     // calls a command exosh does not have yet
	outcomeParseError = "parse-error" // rejected by the parser (only what pwsh rejects too)
)

var outcomeOrder = []string{outcomeRan, outcomeError, outcomeNotYet, outcomeParseError}

type corpusResult struct {
	key, outcome, detail string
}

// TestCorpusConformance runs every snippet of ../shared/corpus in a fresh session and checks
// each outcome against the checked-in table testdata/corpus-outcomes.tsv. Regenerate the
// table with `go test ./cmdlets -run TestCorpusConformance -update-corpus` and review the diff.
func TestCorpusConformance(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "corpus")
	var results []corpusResult
	for _, file := range corpusFiles {
		f, err := os.Open(filepath.Join(dir, file))
		if err != nil {
			t.Fatalf("the corpus must sit beside the project: %v", err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for n := 1; sc.Scan(); n++ {
			var rec struct{ Code string }
			if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
				t.Fatalf("%s:%d: %v", file, n, err)
			}
			outcome, detail := runSnippet(t, rec.Code)
			results = append(results, corpusResult{fmt.Sprintf("%s:%d", file, n), outcome, detail})
		}
		f.Close()
	}
	table := renderCorpusTable(results)
	golden := filepath.Join("testdata", "corpus-outcomes.tsv")
	if *updateCorpus {
		if err := os.WriteFile(golden, []byte(table), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update-corpus to create it)", err)
	}
	old := parseCorpusTable(string(want))
	for _, r := range results {
		prev, ok := old[r.key]
		switch {
		case !ok:
			t.Errorf("%s: new snippet (outcome %s); regenerate the table", r.key, r.outcome)
		case rank(r.outcome) > rank(prev.outcome):
			t.Errorf("%s regressed: was %s (%s), now %s (%s)", r.key, prev.outcome, prev.detail, r.outcome, r.detail)
		case r.outcome != prev.outcome || r.detail != prev.detail:
			t.Errorf("%s changed: was %s (%s), now %s (%s); if this is progress, regenerate the table", r.key, prev.outcome, prev.detail, r.outcome, r.detail)
		}
	}
}

func rank(outcome string) int {
	for i, o := range outcomeOrder {
		if o == outcome {
			return i
		}
	}
	return len(outcomeOrder)
}

var notRecognized = regexp.MustCompile(`The term '([^']*)' is not recognized`)

// runSnippet runs one snippet in a fresh session on a fresh demo tenant, answered as an
// admin pasting it would answer (see adminAnswers).
func runSnippet(t *testing.T, code string) (outcome, detail string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	s, closeAll := shelltest.ScriptSession(t, time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC), &stdout, &stderr,
		shell.WithCmdlets(cmdlets.All()...),
		shell.WithViews(cmdlets.Views()...),
		shell.WithAccess(cmdlets.AccessPolicy()),
		shell.WithLineReader(adminAnswers(&stdout)),
	)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	runErr := s.Run(ctx, shell.Source{Name: "", Text: code})
	closeAll()
	var pe *parser.Error
	if errors.As(runErr, &pe) {
		return outcomeParseError, fmt.Sprintf("%d:%d %s", pe.Pos.Line, pe.Pos.Column, pe.Msg)
	}
	if m := notRecognized.FindStringSubmatch(stderr.String()); m != nil {
		return outcomeNotYet, m[1]
	}
	if msg := strings.TrimSpace(stderr.String()); msg != "" {
		return outcomeError, firstError(msg)
	}
	return outcomeRan, ""
}

// adminAnswers is the host input of a corpus snippet: the admin who pastes a documented
// command confirms it (Remove-* cmdlets ask first) and types a password wherever Read-Host
// asks, a limited number of times so that a snippet looping on input still ends.
func adminAnswers(out io.Writer) func(prompt string, secure bool) (string, error) {
	left := 8
	return func(prompt string, secure bool) (string, error) {
		_, _ = io.WriteString(out, prompt)
		if left == 0 {
			return "", io.EOF
		}
		left--
		if strings.HasSuffix(prompt, `(default is "Y"): `) {
			return "Y", nil
		}
		return "P@ssw0rd1", nil
	}
}

// firstError condenses the first error printed: "Reason: message" from the one-line form,
// or the reason and the message lines of the "Line |" block form.
func firstError(text string) string {
	lines := strings.Split(text, "\n")
	head := strings.TrimSpace(lines[0])
	if !strings.HasSuffix(head, ":") && (len(lines) < 2 || !strings.HasPrefix(lines[1], "Line |")) {
		return head
	}
	reason, _, _ := strings.Cut(head, ":")
	var msg []string
	marker := false
	for _, l := range lines[1:] {
		rest, ok := strings.CutPrefix(l, "     | ")
		switch {
		case !ok:
			if marker {
				return reason + ": " + strings.Join(msg, " ")
			}
		case strings.HasPrefix(strings.TrimSpace(rest), "~"):
			marker = true
		case marker:
			msg = append(msg, strings.TrimSpace(rest))
		}
	}
	return reason + ": " + strings.Join(msg, " ")
}

func renderCorpusTable(results []corpusResult) string {
	counts := map[string]int{}
	for _, r := range results {
		counts[r.outcome]++
	}
	var b strings.Builder
	b.WriteString("# Outcome of every documented snippet in ../shared/corpus, each run in a fresh session.\n")
	b.WriteString("# Regenerate: go test ./cmdlets -run TestCorpusConformance -update-corpus\n")
	b.WriteString("# counts:")
	for _, o := range outcomeOrder {
		fmt.Fprintf(&b, " %s %d", o, counts[o])
	}
	b.WriteString("\n")
	for _, r := range results {
		detail := strings.ReplaceAll(r.detail, "\t", " ")
		fmt.Fprintf(&b, "%s\t%s\t%s\n", r.key, r.outcome, detail)
	}
	return b.String()
}

func parseCorpusTable(text string) map[string]corpusResult {
	m := map[string]corpusResult{}
	for _, line := range strings.Split(text, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.SplitN(line, "\t", 3)
		if len(f) < 3 {
			continue
		}
		m[f[0]] = corpusResult{f[0], f[1], f[2]}
	}
	return m
}
