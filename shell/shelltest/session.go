package shelltest

import (
	"io"
	"strings"
	"testing"
	"time"

	"github.com/exosh/exosh/shell"
)

// ScriptSession opens a session on a fresh in-memory demo tenant (see Tenant) whose
// clock stands at now, writing to stdout and stderr and shut off from the machine as a
// test needs: a private temporary and working directory, no environment variables and
// empty standard input. opts add the cmdlet table, views and host input. closeAll closes
// the session (flushing its output) and then the store; callers that open many sessions
// in one test call it as soon as each is done.
func ScriptSession(t testing.TB, now time.Time, stdout, stderr io.Writer, opts ...shell.Option) (s *shell.Session, closeAll func()) {
	t.Helper()
	tmp := t.TempDir()
	tenant, closeStore := Tenant(t, now)
	base := append(tenant,
		shell.WithIO(strings.NewReader(""), stdout, stderr),
		shell.WithTempDir(tmp),
		shell.WithWorkDir(tmp),
		shell.WithEnv(func(string) (string, bool) { return "", false }),
	)
	s, err := shell.New(append(base, opts...)...)
	if err != nil {
		closeStore()
		t.Fatal(err)
	}
	return s, func() {
		s.Close()
		closeStore()
	}
}
