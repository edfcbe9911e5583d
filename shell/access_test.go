package shell_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/store"
)

// testPolicy governs Get-Thing and Set-Thing: "admin" may run both with every parameter,
// anyone else only Get-Thing without -Count.
type testPolicy struct{ evaluations *int }

func (testPolicy) Governs(cmdlet string) bool {
	return strings.EqualFold(cmdlet, "Get-Thing") || strings.EqualFold(cmdlet, "Set-Thing")
}

func (p testPolicy) Grants(_ context.Context, _ store.Store, identity string) (shell.Access, error) {
	*p.evaluations++
	return testGrants{admin: identity == "admin"}, nil
}

type testGrants struct{ admin bool }

func (g testGrants) Command(cmdlet string) bool {
	return g.admin || strings.EqualFold(cmdlet, "Get-Thing")
}
func (g testGrants) Parameter(_, param string) bool {
	return g.admin || !strings.EqualFold(param, "Count")
}

func TestAccessPolicy(t *testing.T) {
	evaluations := 0
	var out, errs bytes.Buffer
	s, err := shell.New(shell.WithClock(fixedClock{}), shell.WithCmdlets(testCmdlets()...),
		shell.WithIO(strings.NewReader(""), &out, &errs), shell.WithAccess(testPolicy{&evaluations}))
	if err != nil {
		t.Fatal(err)
	}
	run := func(src string) (string, string) {
		t.Helper()
		out.Reset()
		errs.Reset()
		_ = s.Run(context.Background(), shell.Source{Text: src})
		_ = s.Close()
		return out.String(), errs.String()
	}
	visible := func(name string) bool {
		for _, e := range s.Services().Commands() {
			if strings.EqualFold(e.Name, name) {
				return true
			}
		}
		return false
	}

	// An ungoverned cmdlet needs no evaluation.
	if o, _ := run("Write-Output hi"); strings.TrimSpace(o) != "hi" || evaluations != 0 {
		t.Errorf("Write-Output: %q, %d evaluations", o, evaluations)
	}
	if _, e := run("Set-Thing x -Enabled $true"); !strings.Contains(e, "The term 'Set-Thing' is not recognized as a name of a cmdlet") {
		t.Errorf("hidden cmdlet: %q", e)
	}
	if _, e := run("Get-Thing -Count 2"); !strings.Contains(e, "A parameter cannot be found that matches parameter name 'Count'.") {
		t.Errorf("hidden parameter: %q", e)
	}
	if o, e := run("(Get-Thing one).Identity"); strings.TrimSpace(o) != "one" || e != "" {
		t.Errorf("granted cmdlet: %q %q", o, e)
	}
	if visible("Set-Thing") || !visible("Get-Thing") || !visible("Write-Output") {
		t.Error("Get-Command must list exactly what may be run")
	}
	if _, ok := s.Services().LookupCommand("Set-Thing"); ok {
		t.Error("LookupCommand found a hidden cmdlet")
	}
	if evaluations != 1 {
		t.Errorf("grants evaluated %d times for one identity, want 1", evaluations)
	}

	// A new identity is a new session's grants.
	s.Services().SetIdentity("admin")
	if o, e := run("(Get-Thing -Count 2).Count; Set-Thing x -Enabled $true"); !strings.HasPrefix(o, "2\nset x enabled=true") || e != "" {
		t.Errorf("admin: %q %q", o, e)
	}
	if !visible("Set-Thing") || evaluations != 2 {
		t.Errorf("admin: Set-Thing hidden or %d evaluations", evaluations)
	}
	s.Services().RefreshAccess()
	run("Get-Thing")
	if evaluations != 3 {
		t.Errorf("RefreshAccess did not re-evaluate (%d evaluations)", evaluations)
	}
}
