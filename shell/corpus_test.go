package shell_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestCorpusNoPanic runs every documented snippet of the shared corpus in a session with
// only the test cmdlets: most commands are unknown there, but evaluation must end with
// output or error text, never a panic.
func TestCorpusNoPanic(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "*.jsonl"))
	if len(files) == 0 {
		t.Skip("corpus not available")
	}
	n := 0
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			var rec struct {
				Code string `json:"code"`
			}
			if json.Unmarshal(sc.Bytes(), &rec) != nil || rec.Code == "" {
				continue
			}
			n++
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Errorf("%s: panic %v on:\n%s", filepath.Base(f), r, rec.Code)
					}
				}()
				run(t, rec.Code, false)
			}()
		}
		fh.Close()
	}
	if n == 0 {
		t.Error("no snippets read")
	}
}
