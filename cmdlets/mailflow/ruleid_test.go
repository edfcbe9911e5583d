package mailflow_test

import (
	"strings"
	"testing"

	"github.com/exosh/exosh/cmdlets/mailflow"
	"github.com/exosh/exosh/store"
)

// A rule's Guid comes from its whole name hash: distinct rules get distinct Guids,
// the same rule (whatever its case) always the same one, in the version-4 form the
// service shows.
func TestDeriveRuleID(t *testing.T) {
	block := mailflow.DeriveRuleID("Block messages")
	if again := mailflow.DeriveRuleID("BLOCK MESSAGES"); again != block {
		t.Errorf("DeriveRuleID is not case-insensitive: %s vs %s", block, again)
	}
	seen := map[string]string{}
	for _, name := range []string{"Block messages", "Block external forwarding", "Quarantine spam", "Append disclaimer"} {
		id := mailflow.DeriveRuleID(name)
		parsed, err := store.ParseID(id)
		if err != nil {
			t.Fatalf("DeriveRuleID(%q) = %q: %v", name, id, err)
		}
		if parsed[6]>>4 != 4 || parsed[8]>>6 != 2 {
			t.Errorf("DeriveRuleID(%q) = %s: not a version-4, RFC 4122 variant Guid", name, id)
		}
		if strings.Count(id, "3030") >= 4 {
			t.Errorf("DeriveRuleID(%q) = %s: looks like ASCII text, not a hash", name, id)
		}
		if other, dup := seen[id]; dup {
			t.Errorf("DeriveRuleID(%q) and DeriveRuleID(%q) are both %s", name, other, id)
		}
		seen[id] = name
	}
}
