package repl

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/exosh/exosh/shell"
)

// HistoryLimit is how many entries a history keeps, in memory and on disk.
const HistoryLimit = 4096

// secretPattern matches inputs that may carry a secret; like PSReadLine, exosh keeps them
// out of the history file (and out of Up/Down recall).
var secretPattern = regexp.MustCompile(`(?i)(-password\b|-asplaintext\b|convertto-securestring|-credential\b|-accesstoken\b|-certificatepassword\b|-secret\b|-apikey\b)`)

// IsSecret reports whether an input line is kept out of the history because it may
// hold a password or token.
func IsSecret(entry string) bool { return secretPattern.MatchString(entry) }

// History is the list of inputs entered at the prompt, oldest first, kept in one file
// (one entry per line; a multi-line entry has its newlines escaped). Entries are unique:
// entering an input again moves it to the end.
//
// Apart from the file, a History keeps this session's inputs, secrets and repeats
// included, numbered from 1: what Get-History lists, as pwsh keeps its own session
// history apart from PSReadLine's file.
type History struct {
	mu      sync.Mutex
	path    string
	entries []string
	session []string
}

// LoadHistory reads the history file at path; a missing file is an empty history. An
// empty path keeps the history in memory only.
func LoadHistory(path string) (*History, error) {
	h := &History{path: path}
	if path == "" {
		return h, nil
	}
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return h, nil
	}
	if err != nil {
		return h, err
	}
	for _, line := range strings.Split(string(data), "\n") {
		if line = strings.TrimSuffix(line, "\r"); line != "" {
			h.add(decodeEntry(line))
		}
	}
	return h, nil
}

// Entries returns a copy of the entries, oldest first.
func (h *History) Entries() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]string(nil), h.entries...)
}

// Add records entry and rewrites the file. Blank entries and entries holding secrets are
// not recorded; ok reports whether entry was.
func (h *History) Add(entry string) (ok bool, err error) {
	if strings.TrimSpace(entry) == "" {
		return false, nil
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.session = append(h.session, entry)
	if IsSecret(entry) {
		return false, nil
	}
	h.add(entry)
	return true, h.save()
}

// Session returns this session's inputs, oldest first: entry i has history Id i+1.
func (h *History) Session() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]string(nil), h.session...)
}

// ClearSession forgets this session's inputs (Clear-History); the file stays.
func (h *History) ClearSession() error {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.session = nil
	return nil
}

// Book is the session history as the history cmdlets see it.
func (h *History) Book() shell.HistoryBook { return sessionBook{h} }

type sessionBook struct{ h *History }

func (b sessionBook) Entries() []string { return b.h.Session() }
func (b sessionBook) Clear() error      { return b.h.ClearSession() }

// Clear empties the history and its file.
func (h *History) Clear() error {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.entries = nil
	return h.save()
}

func (h *History) add(entry string) {
	for i, e := range h.entries {
		if e == entry {
			h.entries = append(h.entries[:i], h.entries[i+1:]...)
			break
		}
	}
	h.entries = append(h.entries, entry)
	if n := len(h.entries) - HistoryLimit; n > 0 {
		h.entries = append([]string(nil), h.entries[n:]...)
	}
}

// save writes the whole history through a temporary file, so that a crash never leaves
// half a file behind.
func (h *History) save() error {
	if h.path == "" {
		return nil
	}
	var b strings.Builder
	for _, e := range h.entries {
		b.WriteString(encodeEntry(e))
		b.WriteByte('\n')
	}
	if err := os.MkdirAll(filepath.Dir(h.path), 0o700); err != nil {
		return err
	}
	tmp := h.path + ".tmp"
	if err := os.WriteFile(tmp, []byte(b.String()), 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, h.path)
}

// encodeEntry keeps an entry on one line: backslashes and newlines are escaped.
func encodeEntry(e string) string {
	return strings.NewReplacer(`\`, `\\`, "\n", `\n`, "\r", `\r`).Replace(e)
}

func decodeEntry(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
			switch s[i] {
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			default:
				b.WriteByte(s[i])
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
