package cmdlets_test

import (
	"testing"

	"github.com/exosh/exosh/cmdlets"
	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/shelltest"
)

// TestTranscripts runs every testdata/*.txtar session against the full cmdlet table and a
// fresh in-memory demo tenant whose clock starts at the transcript's `clock` directive.
// Regenerate the expected output with `go test ./cmdlets -run TestTranscripts -update`.
func TestTranscripts(t *testing.T) {
	shelltest.Run(t, "testdata", cmdlets.All(), tenant)
}

// tenant gives a transcript its own in-memory tenant, the tenant clock over the transcript
// clock, and the default views.
func tenant(t *testing.T, env shelltest.Env) []shell.Option {
	opts, closeStore := shelltest.Tenant(t, env.Clock)
	t.Cleanup(closeStore)
	return append(opts, shell.WithViews(cmdlets.Views()...), shell.WithAccess(cmdlets.AccessPolicy()))
}
