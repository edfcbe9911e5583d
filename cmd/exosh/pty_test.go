//go:build unix

package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
)

// ptyShell is exosh running on a pseudo-terminal, as an admin's terminal runs it.
type ptyShell struct {
	t    *testing.T
	f    *os.File
	cmd  *exec.Cmd
	mu   sync.Mutex
	out  bytes.Buffer
	seen int // output before this offset has been matched already
	done chan struct{}
}

// startPTY starts exosh with args on a terminal of 120 columns.
func startPTY(t *testing.T, stateDir string, args ...string) *ptyShell {
	t.Helper()
	bin, err := exec.LookPath("exosh")
	if err != nil {
		t.Skip("exosh is not on PATH")
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir = t.TempDir()
	cmd.Env = append(os.Environ(), "NO_COLOR=1", "EXOSH_STATE_DIR="+stateDir, "HOME="+t.TempDir(), "TERM=xterm")
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 40, Cols: 120})
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	p := &ptyShell{t: t, f: f, cmd: cmd, done: make(chan struct{})}
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := f.Read(buf)
			p.mu.Lock()
			p.out.Write(buf[:n])
			p.mu.Unlock()
			if err != nil {
				close(p.done)
				return
			}
		}
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		f.Close()
	})
	return p
}

// ansi matches the terminal control sequences readline writes while it redraws.
var ansi = regexp.MustCompile(`\x1b\[[0-9;?]*[A-Za-z]`)

// expect waits until text appears in the output after what earlier calls matched.
func (p *ptyShell) expect(text string) {
	p.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		p.mu.Lock()
		raw := p.out.Bytes()[p.seen:]
		i := strings.Index(ansi.ReplaceAllString(string(raw), ""), text)
		if i >= 0 {
			// Advance past the match in the raw output: find the shortest raw prefix whose
			// cleaned form holds the text.
			for n := len(text); n <= len(raw); n++ {
				if strings.Contains(ansi.ReplaceAllString(string(raw[:n]), ""), text) {
					p.seen += n
					break
				}
			}
			p.mu.Unlock()
			return
		}
		p.mu.Unlock()
		select {
		case <-p.done:
			p.mu.Lock()
			out := p.out.String()
			p.mu.Unlock()
			p.t.Fatalf("exosh ended before %q appeared; output:\n%s", text, out)
		case <-time.After(20 * time.Millisecond):
		}
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.t.Fatalf("%q did not appear; output after the last match:\n%q", text, ansi.ReplaceAllString(string(p.out.Bytes()[p.seen:]), ""))
}

// send types keys.
func (p *ptyShell) send(keys string) {
	p.t.Helper()
	if _, err := io.WriteString(p.f, keys); err != nil {
		p.t.Fatal(err)
	}
}

// exit ends the shell with exit and checks that it ends.
func (p *ptyShell) exit() {
	p.t.Helper()
	p.send("exit\r")
	select {
	case <-p.done:
	case <-time.After(20 * time.Second):
		p.t.Fatal("exosh did not end after exit")
	}
}

func TestPTYCompletion(t *testing.T) {
	if testing.Short() {
		t.Skip("drives the binary")
	}
	p := startPTY(t, filepath.Join(t.TempDir(), "state"))
	p.expect("exosh ")
	p.expect("PS contoso> ")
	// A cmdlet, a parameter and a mailbox identity, each completed by Tab.
	p.send("Get-MailboxPerm\t")
	p.expect("Get-MailboxPermission")
	p.send(" -Ident\t")
	p.expect("-Identity")
	p.send(" Megan\t")
	p.expect("'Megan Bowen'")
	p.send("\r")
	p.expect("NT AUTHORITY\\SELF")
	p.expect("PS contoso> ")
	// An enum value; then Tab again cycles through the candidates.
	p.send("Get-Mailbox -RecipientTypeDetails Sha\t | Measure-Object | ForEach-Object Count\r")
	p.expect("SharedMailbox | Measure-Object")
	p.expect("PS contoso> ")
	p.send("Get-Mailbox -ErrorAction S\t")
	p.expect("SilentlyContinue")
	p.send("\t")
	p.expect("Stop")
	p.send("\x15") // Ctrl-U drops the line
	// Ctrl+Left moves back a word, Home and End to the ends of the line.
	p.send("Output worl\x1b[1;5Dhello \x1b[1~Write-\x1b[4~d\r")
	p.expect("hello\r\nworld\r\n")
	p.exit()
}

func TestPTYInterruptAndPaste(t *testing.T) {
	if testing.Short() {
		t.Skip("drives the binary")
	}
	p := startPTY(t, filepath.Join(t.TempDir(), "state"), "-NoLogo")
	p.expect("PS contoso> ")
	// Ctrl-C stops a long pipeline at its next object; the shell and the tenant stay.
	p.send("1..100000000 | ForEach-Object { if ($_ -eq 3) { 'started' }; Start-Sleep -Milliseconds 5 }\r")
	p.expect("started")
	time.Sleep(100 * time.Millisecond)
	p.send("\x03")
	p.expect("PS contoso> ")
	p.send("(Get-Mailbox -Identity 'Megan Bowen').DisplayName\r")
	p.expect("Megan Bowen\r\n")
	// A documented two-line snippet pasted at once runs statement by statement.
	p.send("$mbx = Get-Mailbox -Identity 'Megan Bowen'\r$mbx | Format-List DisplayName,RecipientTypeDetails\r")
	p.expect("RecipientTypeDetails : UserMailbox")
	// Read-Host inside a pasted block takes the next pasted line.
	p.send("$who = Read-Host 'Mailbox'\rAlex\r\"Looking up $who\"\r")
	p.expect("Looking up Alex")
	p.exit()
}

func TestPTYHistoryAcrossRestart(t *testing.T) {
	if testing.Short() {
		t.Skip("drives the binary")
	}
	state := filepath.Join(t.TempDir(), "state")
	p := startPTY(t, state, "-NoLogo")
	p.expect("PS contoso> ")
	p.send("'remembered ' + 42\r")
	p.expect("remembered 42")
	p.send("$p = ConvertTo-SecureString 'Secret-1' -AsPlainText -Force\r")
	p.expect("PS contoso> ")
	p.exit()

	p = startPTY(t, state, "-NoLogo")
	p.expect("PS contoso> ")
	// Up recalls the entries kept, newest first: exit, then the line before the secret
	// one, which was never written.
	p.send("\x1b[A")
	p.expect("exit")
	p.send("\x1b[A")
	p.expect("'remembered ' + 42")
	p.send("\r")
	p.expect("remembered 42")
	p.exit()
	data, err := os.ReadFile(filepath.Join(state, "history.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "Secret-1") {
		t.Errorf("the history file holds a secret:\n%s", data)
	}
}
