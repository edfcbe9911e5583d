package cmdlets

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/exosh/exosh/store"
	"github.com/exosh/exosh/store/badgerstore"
)

// Set-Mailbox -Password records that the password was reset, and the password itself
// reaches neither the record nor any file of the state directory.
func TestPasswordResetKeepsNoSecret(t *testing.T) {
	const secret = "Zq7-unusual-Secret-91"
	dir := t.TempDir()
	s, out := stateSession(t, dir, 10*time.Second)
	runText(t, s, "Set-Mailbox florencef -Password (ConvertTo-SecureString -String '"+secret+"' -AsPlainText -Force)")
	if out.Len() != 0 {
		t.Fatalf("unexpected output: %s", out)
	}
	s.Close()

	st, err := badgerstore.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	r, err := st.Recipient(context.Background(), "florencef", store.ClassMailbox)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC); !r.PasswordLastSet.Equal(want) {
		t.Errorf("PasswordLastSet = %v, want %v", r.PasswordLastSet, want)
	}
	if b, _ := json.Marshal(r); bytes.Contains(b, []byte(secret)) {
		t.Errorf("the password is in the record: %s", b)
	}
	err = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if bytes.Contains(data, []byte(secret)) {
			t.Errorf("the password is in %s", filepath.Base(path))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
