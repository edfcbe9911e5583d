package cmdlets

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/store/badgerstore"
	"github.com/exosh/exosh/store/demo"
)

type helpClock struct{}

func (helpClock) Now() time.Time { return time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC) }

// TestHelpExamplesRun runs every Get-Help example in a fresh demo tenant: each must run
// as shown, without an error.
func TestHelpExamplesRun(t *testing.T) {
	names := map[string]bool{}
	for _, info := range All() {
		names[strings.ToLower(info.Name)] = true
	}
	for name, entry := range cmdletHelp {
		if !names[name] {
			t.Errorf("help for %s, which is no cmdlet", name)
		}
		if entry.Description == "" {
			t.Errorf("%s: no description", name)
		}
		for i, ex := range entry.Examples {
			t.Run(name+"/"+ex.Title, func(t *testing.T) {
				st, err := badgerstore.Open("", badgerstore.InMemory(), badgerstore.WithClock(helpClock{}))
				if err != nil {
					t.Fatal(err)
				}
				defer st.Close()
				var out, errOut strings.Builder
				sess, err := shell.New(
					shell.WithStore(st),
					shell.WithClock(demo.NewClock(helpClock{}, st)),
					shell.WithCmdlets(All()...),
					shell.WithViews(Views()...),
					shell.WithAccess(AccessPolicy()),
					shell.WithIO(strings.NewReader(""), &out, &errOut),
				)
				if err != nil {
					t.Fatal(err)
				}
				err = sess.Run(context.Background(), shell.Source{Text: ex.Code})
				if err != nil || errOut.Len() > 0 || !sess.LastSucceeded() {
					t.Errorf("example %d failed: %v\n%s", i+1, err, errOut.String())
				}
				if strings.TrimSpace(out.String()) == "" && ex.Remarks != "" && !strings.Contains(ex.Code, "-Real") {
					t.Errorf("example %d printed nothing", i+1)
				}
			})
		}
	}
}

// TestHelpLayout checks the sections of a cmdlet's help and of about_exosh.
func TestHelpLayout(t *testing.T) {
	var out strings.Builder
	sess, err := shell.New(shell.WithCmdlets(All()...), shell.WithViews(Views()...),
		shell.WithClock(helpClock{}), shell.WithIO(strings.NewReader(""), &out, &out))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		cmd  string
		want []string
	}{
		{"Get-Help Get-Mailbox -Full", []string{"\nNAME\n    Get-Mailbox\n", "\nSYNOPSIS\n", "\nSYNTAX\n    Get-Mailbox [[-Identity] <MailboxIdParameter>]", "    Get-Mailbox [-Anr <String>]", "\nDESCRIPTION\n", "\nPARAMETERS\n", "    -Identity <MailboxIdParameter>", "        Position?                    0\n", "Example 1: Show one mailbox", "\nREMARKS\n    None"}},
		{"Get-Help Set-SimClock -Examples", []string{"\nNAME\n    Set-SimClock\n", "Example 2: Follow the real time again", "    Set-SimClock -Real\n"}},
		{"Get-Help about_exosh", []string{"TOPIC\n    about_exosh", "THE STATE DIRECTORY", "SNAPSHOTS", "THE CLOCK", "SIM CMDLETS"}},
	} {
		out.Reset()
		if err := sess.Run(context.Background(), shell.Source{Text: tt.cmd}); err != nil {
			t.Fatal(err)
		}
		for _, w := range tt.want {
			if !strings.Contains(out.String(), w) {
				t.Errorf("%s lacks %q:\n%s", tt.cmd, w, out.String())
			}
		}
	}
}
