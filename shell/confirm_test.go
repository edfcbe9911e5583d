package shell_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/exosh/exosh/shell"
)

// confirmSession runs text in a session whose host input is stdin (no line reader), the
// way -File and -Command read answers from a redirected standard input.
func confirmSession(t *testing.T, stdin, text string, opts ...shell.Option) string {
	t.Helper()
	var buf bytes.Buffer
	s, err := shell.New(append([]shell.Option{shell.WithClock(fixedClock{}), shell.WithCmdlets(testCmdlets()...),
		shell.WithIO(strings.NewReader(stdin), &buf, &buf)}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	_ = s.Run(context.Background(), shell.Source{Text: text})
	_ = s.Close()
	return buf.String()
}

const confirmPrompt = "\nConfirm\nAre you sure you want to perform this action?\n" +
	"Performing the operation \"Change thing\" on target \"x\".\n" +
	"[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [?] Help (default is \"Y\"): "

func TestConfirmReadsStdin(t *testing.T) {
	got := confirmSession(t, "n\ny\n", "Remove-Thing x; Remove-Thing x")
	want := confirmPrompt + confirmPrompt + "changed x\n"
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestConfirmNonInteractive(t *testing.T) {
	const msg = "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available."
	got := confirmSession(t, "y\n", "Remove-Thing x; 'next'; Remove-Thing x -Confirm:$false", shell.WithNonInteractive(true))
	want := "Remove-Thing: " + msg + "\nnext\nchanged x\n"
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("cmdlet (-want +got):\n%s", diff)
	}
	fn := "function f { [CmdletBinding(SupportsShouldProcess, ConfirmImpact='High')] param() $PSCmdlet.ShouldProcess('x') }\nf"
	got = confirmSession(t, "y\n", fn, shell.WithNonInteractive(true))
	if strings.Contains(got, "Confirm") || !strings.Contains(got, `Exception calling "ShouldProcess" with "1" argument(s): "`+msg+`"`) {
		t.Errorf("function under -NonInteractive printed:\n%s", got)
	}
}

func TestConfirmTryCatch(t *testing.T) {
	// A prompt at the end of input is a terminating error of the command: catch sees it,
	// and nothing was changed.
	got := confirmSession(t, "", "try { Remove-Thing x -ErrorAction Stop; 'not here' } catch { 'caught: ' + $_.Exception.Message }")
	want := confirmPrompt + "caught: Object reference not set to an instance of an object.\n"
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
