package shelltest

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/exosh/exosh/shell"
)

var update = flag.Bool("update", false, "rewrite the expected output of transcripts")

// Updating reports whether the test run was asked (-update) to rewrite expected output,
// for tests of other golden files that live beside transcripts.
func Updating() bool { return *update }

// Env is what an Option learns about the transcript it prepares.
type Env struct {
	WorkDir string    // the session's working directory, holding the archive's fixtures
	Clock   time.Time // the `clock` directive (or the default)
}

// Option adjusts the session of every transcript (for example a store).
type Option func(t *testing.T, env Env) []shell.Option

// WithSessionOptions passes fixed session options to every transcript.
func WithSessionOptions(opts ...shell.Option) Option {
	return func(*testing.T, Env) []shell.Option { return opts }
}

// fixedClock is the transcript clock.
type fixedClock struct{ t time.Time }

func (c fixedClock) Now() time.Time { return c.t }

// defaultClock is the clock when the archive has no `clock` directive.
var defaultClock = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)

// Run runs every dir/*.txtar as a subtest. Directives in the archive comment: `clock
// <RFC 3339>`. Other archive files are written to a temporary directory that becomes the
// session's working directory.
func Run(t *testing.T, dir string, cmdlets []shell.CmdletInfo, opts ...Option) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no transcripts in %s", dir)
	}
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".txtar"), func(t *testing.T) {
			runFile(t, f, cmdlets, opts)
		})
	}
}

// step is one input with its expected output.
type step struct {
	input []string // first line after "PS> ", then continuation lines after ">> "
	// answers are the lines typed at the host's prompts (Read-Host, confirmations) while
	// the input runs, written after "<< "; once they run out, input is at its end.
	answers []string
	want    []string
}

func parseSession(data string) ([]step, error) {
	var steps []step
	for i, line := range strings.Split(strings.TrimSuffix(data, "\n"), "\n") {
		switch {
		case strings.HasPrefix(line, "PS> ") || line == "PS>":
			steps = append(steps, step{input: []string{strings.TrimPrefix(strings.TrimPrefix(line, "PS>"), " ")}})
		case strings.HasPrefix(line, ">> ") || line == ">>":
			if len(steps) == 0 || len(steps[len(steps)-1].want) > 0 {
				return nil, fmt.Errorf("line %d: continuation line without input", i+1)
			}
			st := &steps[len(steps)-1]
			st.input = append(st.input, strings.TrimPrefix(strings.TrimPrefix(line, ">>"), " "))
		case strings.HasPrefix(line, "<< ") || line == "<<":
			if len(steps) == 0 || len(steps[len(steps)-1].want) > 0 {
				return nil, fmt.Errorf("line %d: answer line without input", i+1)
			}
			st := &steps[len(steps)-1]
			st.answers = append(st.answers, strings.TrimPrefix(strings.TrimPrefix(line, "<<"), " "))
		default:
			if len(steps) == 0 {
				return nil, fmt.Errorf("line %d: output before the first PS> line", i+1)
			}
			st := &steps[len(steps)-1]
			st.want = append(st.want, line)
		}
	}
	return steps, nil
}

func runFile(t *testing.T, path string, cmdlets []shell.CmdletInfo, opts []Option) {
	ar, err := readArchive(path)
	if err != nil {
		t.Fatal(err)
	}
	clock := defaultClock
	for _, line := range strings.Split(string(ar.comment), "\n") {
		f := strings.Fields(line)
		if len(f) == 2 && f[0] == "clock" {
			c, err := time.Parse(time.RFC3339, f[1])
			if err != nil {
				t.Fatalf("clock directive: %v", err)
			}
			clock = c
		}
	}
	work := t.TempDir()
	sessionIdx := -1
	for i, f := range ar.files {
		if f.name == "session" {
			sessionIdx = i
			continue
		}
		p := filepath.Join(work, filepath.FromSlash(f.name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if sessionIdx < 0 {
		t.Fatal("archive has no session file")
	}
	steps, err := parseSession(string(ar.files[sessionIdx].data))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	var answers []string
	sopts := []shell.Option{
		shell.WithClock(fixedClock{clock}),
		shell.WithCmdlets(cmdlets...),
		shell.WithIO(strings.NewReader(""), &buf, &buf),
		shell.WithInteractive(true),
		shell.WithLineReader(func(prompt string, secure bool) (string, error) {
			return answer(&buf, &answers, prompt, secure)
		}),
		shell.WithColor(false),
		shell.WithWidth(120),
		shell.WithWorkDir(work),
		shell.WithTempDir(work),
		shell.WithEnv(func(name string) (string, bool) {
			if strings.EqualFold(name, "HOME") {
				return "/home/admin", true
			}
			return "", false
		}),
	}
	for _, o := range opts {
		sopts = append(sopts, o(t, Env{WorkDir: work, Clock: clock})...)
	}
	s, err := shell.New(sopts...)
	if err != nil {
		t.Fatal(err)
	}
	var got strings.Builder
	for _, st := range steps {
		buf.Reset()
		answers = st.answers
		_ = s.Run(context.Background(), shell.Source{Text: strings.Join(st.input, "\n")})
		got.WriteString("PS> " + st.input[0] + "\n")
		for _, c := range st.input[1:] {
			got.WriteString(">> " + c + "\n")
		}
		for _, a := range st.answers {
			got.WriteString("<< " + a + "\n")
		}
		out := strings.TrimSuffix(buf.String(), "\n")
		if buf.Len() > 0 {
			got.WriteString(out + "\n")
		}
	}
	_ = s.Close()
	want := string(ar.files[sessionIdx].data)
	if got.String() == want {
		return
	}
	if *update {
		ar.files[sessionIdx].data = []byte(got.String())
		if err := os.WriteFile(path, ar.format(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("%s: transcript mismatch (-want +got):\n%s", path, cmp.Diff(want, got.String()))
}

// answer is the transcript's host input: it writes the prompt, then takes the next answer
// line and echoes it as a terminal does (a secret as one * per character). Without answers
// left, input is at its end.
func answer(out *bytes.Buffer, answers *[]string, prompt string, secure bool) (string, error) {
	out.WriteString(prompt)
	if len(*answers) == 0 {
		return "", io.EOF
	}
	line := (*answers)[0]
	*answers = (*answers)[1:]
	if secure {
		out.WriteString(strings.Repeat("*", len([]rune(line))) + "\n")
	} else {
		out.WriteString(line + "\n")
	}
	return line, nil
}
