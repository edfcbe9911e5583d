package repl_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/exosh/exosh/cmdlets"
	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/repl"
	"github.com/exosh/exosh/store/badgerstore"
	"github.com/exosh/exosh/store/demo"
)

// tenantSession is a session on a fresh in-memory demo tenant, with the tenant seeded.
func tenantSession(t testing.TB) *shell.Session {
	t.Helper()
	st, err := badgerstore.Open("", badgerstore.InMemory(), badgerstore.WithClock(fixedClock{}))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	sess, err := shell.New(
		shell.WithStore(st),
		shell.WithClock(demo.NewClock(fixedClock{}, st)),
		shell.WithCmdlets(cmdlets.All()...),
		shell.WithViews(cmdlets.Views()...),
		shell.WithAccess(cmdlets.AccessPolicy()),
		shell.WithIO(strings.NewReader(""), io.Discard, io.Discard),
	)
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.Run(context.Background(), shell.Source{Text: "$mbx = Get-Mailbox -Identity 'Megan Bowen'; $mailboxCount = 1"}); err != nil {
		t.Fatal(err)
	}
	return sess
}

func TestComplete(t *testing.T) {
	sess := tenantSession(t)
	dir := t.TempDir()
	for _, f := range []string{"report one.csv", "report2.csv", "notes.txt"} {
		if err := os.WriteFile(filepath.Join(dir, f), nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	c := &repl.Completer{Source: repl.ServicesSource{Services: sess.Services(), Dir: func() string { return dir }}}
	sep := string(filepath.Separator)
	tests := []struct {
		line string
		want []string // nil: only check that these come first / are contained
		has  []string
	}{
		{line: "Get-Mailb", want: []string{"Get-Mailbox", "Get-MailboxAuditBypassAssociation", "Get-MailboxFolderStatistics", "Get-MailboxPermission"}},
		{line: "get-*bypass", want: []string{"Get-MailboxAuditBypassAssociation"}},
		{line: "Get-Mailbox | selec", has: []string{"select", "Select-Object", "Select-String"}},
		{line: "Get-Mailbox -ResultS", want: []string{"-ResultSize"}},
		{line: "Get-Mailbox -Identity x -RecipientTypeDetails Sh", want: []string{"SharedMailbox"}},
		{line: "Get-Mailbox -ErrorAction Si", want: []string{"SilentlyContinue"}},
		{line: "Add-MailboxPermission -Identity Meg -AccessRights F", want: []string{"FullAccess"}},
		{line: "Get-Mailbox -Identity Meg", want: []string{"'Megan Bowen'"}},
		{line: "Get-Mailbox 'Meg", want: []string{"'Megan Bowen'"}},
		{line: "$mailboxC", want: []string{"$mailboxCount"}},
		{line: "$mbx.RecipientTypeD", want: []string{"RecipientTypeDetails"}},
		{line: "$mbx.ToStr", want: []string{"ToString("}},
		{line: "Import-Csv -Path rep", want: []string{"'." + sep + "report one.csv'", "." + sep + "report2.csv"}},
		{line: "Get-Content no", want: []string{"." + sep + "notes.txt"}},
		{line: "." + sep + "not", want: []string{"." + sep + "notes.txt"}},
	}
	for _, tt := range tests {
		res := c.Complete(context.Background(), tt.line, len(tt.line))
		if tt.want != nil {
			if diff := cmp.Diff(tt.want, res.Candidates); diff != "" {
				t.Errorf("Complete(%q) (-want +got):\n%s", tt.line, diff)
			}
		}
		for _, h := range tt.has {
			if !slices.Contains(res.Candidates, h) {
				t.Errorf("Complete(%q) = %q, lacks %q", tt.line, res.Candidates, h)
			}
		}
	}
	// A member replaces only the text after the dot.
	if res := c.Complete(context.Background(), "$mbx.Ali", 8); res.Start != 5 || len(res.Candidates) != 1 || res.Candidates[0] != "Alias" {
		t.Errorf("member completion = %+v", res)
	}
	// The span covers the whole word under the cursor, quotes included.
	line := "Get-Mailbox 'Meg"
	if res := c.Complete(context.Background(), line, len(line)); res.Start != 12 || res.End != len(line) {
		t.Errorf("span = %d..%d, want 12..%d", res.Start, res.End, len(line))
	}
}
