package shell_test

import (
	"testing"

	"github.com/exosh/exosh/shell/shelltest"
)

func TestTranscripts(t *testing.T) {
	shelltest.Run(t, "testdata", testCmdlets())
}
