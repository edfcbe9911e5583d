package repl_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/exosh/exosh/shell/repl"
)

func TestHistoryPersists(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state", "history.txt")
	h, err := repl.LoadHistory(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range []string{
		"Get-Mailbox",
		"$p = ConvertTo-SecureString 'x' -AsPlainText -Force",
		"New-Mailbox -Name a -Password $p",
		"foreach ($m in 1..2) {\n  $m\n}",
		"Get-Recipient",
		"Get-Mailbox", // moves to the end, once
		"   ",
	} {
		if _, err := h.Add(e); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{"foreach ($m in 1..2) {\n  $m\n}", "Get-Recipient", "Get-Mailbox"}
	if diff := cmp.Diff(want, h.Entries()); diff != "" {
		t.Errorf("entries (-want +got):\n%s", diff)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(strings.ToLower(string(data)), "password") || strings.Contains(string(data), "SecureString") {
		t.Errorf("a secret reached the file:\n%s", data)
	}
	again, err := repl.LoadHistory(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, again.Entries()); diff != "" {
		t.Errorf("reloaded (-want +got):\n%s", diff)
	}
	if err := again.Clear(); err != nil {
		t.Fatal(err)
	}
	if cleared, _ := repl.LoadHistory(path); len(cleared.Entries()) != 0 {
		t.Errorf("after Clear: %q", cleared.Entries())
	}
}

func TestHistoryBounded(t *testing.T) {
	h, _ := repl.LoadHistory("")
	for i := 0; i < repl.HistoryLimit+10; i++ {
		h.Add("Get-Mailbox -ResultSize " + strings.Repeat("9", 1) + string(rune('a'+i%26)) + strings.Repeat("x", i/26))
	}
	if n := len(h.Entries()); n != repl.HistoryLimit {
		t.Errorf("%d entries, want %d", n, repl.HistoryLimit)
	}
}
