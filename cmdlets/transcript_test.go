package cmdlets_test

import (
	"testing"

	"github.com/exosh/exosh/cmdlets"
	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/shelltest"
)

// TestTranscripts runs every testdata/*.txtar session against the full cmdlet table and its
// views. Regenerate the expected output with `go test ./cmdlets -run TestTranscripts -update`.
func TestTranscripts(t *testing.T) {
	shelltest.Run(t, "testdata", cmdlets.All(), shelltest.WithSessionOptions(shell.WithViews(cmdlets.Views()...)))
}
