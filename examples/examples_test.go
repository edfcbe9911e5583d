package examples_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/exosh/exosh/cmdlets"
	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/shelltest"
	"github.com/google/go-cmp/cmp"
)

// TestExamples runs every examples/*.ps1 in a fresh session on a fresh in-memory demo tenant
// as `exosh -InMemory -File` would, and
// compares what a user sees (standard output and errors, in order) with the .out file beside it.
func TestExamples(t *testing.T) {
	scripts, err := filepath.Glob("*.ps1")
	if err != nil || len(scripts) == 0 {
		t.Fatalf("no example scripts: %v", err)
	}
	for _, script := range scripts {
		t.Run(strings.TrimSuffix(script, ".ps1"), func(t *testing.T) {
			got := runExample(t, script)
			want := strings.TrimSuffix(script, ".ps1") + ".out"
			if shelltest.Updating() {
				if err := os.WriteFile(want, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			b, err := os.ReadFile(want)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if diff := cmp.Diff(string(b), got); diff != "" {
				t.Errorf("%s output differs (-want +got):\n%s", script, diff)
			}
		})
	}
}

func runExample(t *testing.T, script string) string {
	t.Helper()
	text, err := os.ReadFile(script)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	s, closeAll := shelltest.ScriptSession(t, time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC), &out, &out,
		shell.WithCmdlets(cmdlets.All()...),
		shell.WithViews(cmdlets.Views()...),
		shell.WithAccess(cmdlets.AccessPolicy()),
	)
	runErr := s.RunScript(context.Background(), shell.Source{Name: script, Text: string(text), File: true}, nil)
	closeAll()
	if runErr != nil {
		out.WriteString("[exit: " + runErr.Error() + "]\n")
	}
	return out.String()
}
