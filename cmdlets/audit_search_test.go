package cmdlets

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/store/badgerstore"
	"github.com/exosh/exosh/store/demo"
)

// diskSession is a session on a demo tenant kept on disk in dir, its clock pinned to
// 2 March 2026 09:00 UTC, writing its output to the returned buffer.
func diskSession(t *testing.T, dir string) (*shell.Session, *badgerstore.Store, *bytes.Buffer) {
	t.Helper()
	base := fixedBase{time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
	st, err := badgerstore.Open(dir, badgerstore.WithClock(base))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	out := &bytes.Buffer{}
	s, err := shell.New(shell.WithStore(st), shell.WithClock(demo.NewClock(base, st)), shell.WithCmdlets(All()...),
		shell.WithViews(Views()...), shell.WithIO(strings.NewReader(""), out, out), shell.WithWidth(120))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, st, out
}

// TestAuditSearchResultFile runs New-MailboxAuditLogSearch on a tenant kept on disk: the
// search object names SearchResult.xml under the state directory, and the file holds one
// <Event> per matching entry with the entry's fields.
func TestAuditSearchResultFile(t *testing.T) {
	dir := t.TempDir()
	s, _, out := diskSession(t, dir)
	script := `Add-MailboxPermission -Identity kwok -User bsmith -AccessRights FullAccess | Out-Null
Invoke-SimMailboxAction kwok -User kwok -Action Create -Subject "Plan" -Date "3/1/2026 8:00 AM"
Invoke-SimMailboxAction kwok -User bsmith -Action Move -Subject "Plan" -DestinationFolder Archive -Date "3/1/2026 9:00 AM"
Invoke-SimMailboxAction kwok -User bsmith -Action HardDelete -Subject "Plan" -Folder Archive -Date "3/1/2026 9:05 AM"
(New-MailboxAuditLogSearch -Mailboxes kwok -StartDate 3/1/2026 -EndDate 3/2/2026 -StatusMailRecipients aprils@contoso.com).ResultFile`
	if err := s.Run(context.Background(), shell.Source{Name: "test", Text: script}); err != nil {
		t.Fatal(err)
	}
	path := strings.TrimSpace(out.String())
	if !strings.HasPrefix(path, dir) || filepath.Base(path) != "SearchResult.xml" {
		t.Fatalf("ResultFile = %q, want SearchResult.xml under %s", path, dir)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Events []struct {
			Operation      string `xml:"Operation,attr"`
			LogonType      string `xml:"LogonType,attr"`
			FolderPathName string `xml:"FolderPathName,attr"`
			Owner          string `xml:"Owner,attr"`
			Items          []struct {
				Subject string `xml:"Subject,attr"`
			} `xml:"SourceItems>ItemId"`
		} `xml:"Event"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("SearchResult.xml: %v\n%s", err, data)
	}
	// Move is not audited for delegates by default; the hard delete is.
	if len(doc.Events) != 1 {
		t.Fatalf("%d events, want 1:\n%s", len(doc.Events), data)
	}
	ev := doc.Events[0]
	if ev.Operation != "HardDelete" || ev.LogonType != "Delegate" || ev.FolderPathName != `\Archive` || ev.Owner != "Ken Kwok" ||
		len(ev.Items) != 1 || ev.Items[0].Subject != "Plan" {
		t.Errorf("event = %+v\n%s", ev, data)
	}
}

// TestAuditBulkLoadsOverlap seeds more entries than three bulk batches on a tenant on
// disk, so batches are checked while earlier ones are written: every entry arrives, once.
func TestAuditBulkLoadsOverlap(t *testing.T) {
	s, st, out := diskSession(t, t.TempDir())
	n := 3*bulkBatch + 100
	script := fmt.Sprintf(`Invoke-SimMailboxAction kwok -User admin@contoso.onmicrosoft.com -Action MailItemsAccessed -Folder Inbox -Count %d
(Get-MailboxFolderStatistics kwok -FolderScope RecoverableItems | Where-Object Name -eq Audits).ItemsInFolder`, n)
	if err := s.Run(context.Background(), shell.Source{Name: "test", Text: script}); err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(out.String()); got != fmt.Sprint(n) {
		t.Errorf("entries = %s, want %d", got, n)
	}
	if err := st.Verify(context.Background()); err != nil {
		t.Error(err)
	}
}
