package shell

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/exosh/exosh/shell/value"
)

// ConfirmImpact is how risky a command's change is, compared with $ConfirmPreference to
// decide whether ShouldProcess asks first. The zero value is Medium, pwsh's default for a
// cmdlet that declares none.
type ConfirmImpact int

// The ConfirmImpact values. Only their rank matters: None < Low < Medium < High.
const (
	ConfirmImpactMedium ConfirmImpact = iota
	ConfirmImpactNone
	ConfirmImpactLow
	ConfirmImpactHigh
)

// rank orders the impacts as pwsh's enum does.
func (c ConfirmImpact) rank() int {
	switch c {
	case ConfirmImpactNone:
		return 0
	case ConfirmImpactLow:
		return 1
	case ConfirmImpactHigh:
		return 3
	}
	return 2
}

// String is the enum name pwsh shows.
func (c ConfirmImpact) String() string {
	return [...]string{"None", "Low", "Medium", "High"}[c.rank()]
}

// parseConfirmImpact reads a ConfirmImpact from a name ("high", case-insensitive) or its
// number (0-3), as $ConfirmPreference and [CmdletBinding(ConfirmImpact=...)] accept.
func parseConfirmImpact(v value.Value) (ConfirmImpact, bool) {
	s := strings.TrimSpace(value.ToString(v))
	for _, c := range []ConfirmImpact{ConfirmImpactNone, ConfirmImpactLow, ConfirmImpactMedium, ConfirmImpactHigh} {
		if strings.EqualFold(s, c.String()) || s == fmt.Sprint(c.rank()) {
			return c, true
		}
	}
	return ConfirmImpactMedium, false
}

// confirmMemory is what a command remembers of its answers: Yes to All and No to All hold
// for every later ShouldProcess call of the same command (the rest of its pipeline input).
type confirmMemory int

const (
	askEachTime confirmMemory = iota
	yesToAll
	noToAll
)

// shouldProcessCall is one ShouldProcess question and the settings that decide it.
type shouldProcessCall struct {
	// description is the operation: `Performing the operation "X" on target "Y".` by
	// default. -WhatIf prints it after "What if: "; -Verbose prints it when no prompt is due.
	description string
	// query is the prompt's message; empty means pwsh's "Are you sure you want to perform
	// this action?" followed by the description.
	query   string
	caption string // empty means "Confirm"
	whatIf  bool
	// threshold is the effective $ConfirmPreference: Low under -Confirm, None under
	// -Confirm:$false.
	threshold ConfirmImpact
	impact    ConfirmImpact
	verbose   bool // -Verbose was given
}

// shouldProcessDescription is pwsh's default operation text.
func shouldProcessDescription(target, action string) string {
	return fmt.Sprintf("Performing the operation \"%s\" on target \"%s\".", action, target)
}

// shouldProcess decides one ShouldProcess call as pwsh's command runtime does: an earlier
// Yes to All or No to All answers at once; -WhatIf prints "What if: ..." and declines; a
// command whose impact is below the threshold (or any command when the threshold is None)
// goes ahead, saying so under -Verbose; otherwise the user is asked. The error is a prompt
// that could not be asked; it ends the command.
func (s *Session) shouldProcess(mem *confirmMemory, c shouldProcessCall) (bool, error) {
	switch *mem {
	case yesToAll:
		return true, nil
	case noToAll:
		return false, nil
	}
	if c.whatIf {
		s.writeHost("What if: "+c.description, true, "")
		return false, nil
	}
	if c.threshold == ConfirmImpactNone || c.threshold.rank() > c.impact.rank() {
		if c.verbose {
			s.writeStreamLine("VERBOSE: "+c.description, ansiYellow)
		}
		return true, nil
	}
	query := c.query
	if query == "" {
		query = "Are you sure you want to perform this action?\n" + c.description
	}
	choice, err := s.promptForChoice(c.caption, query, confirmChoices)
	if err != nil {
		return false, err
	}
	switch choice {
	case 1:
		*mem = yesToAll
		return true, nil
	case 2:
		return false, nil
	case 3:
		*mem = noToAll
		return false, nil
	}
	return true, nil
}

// shouldContinue asks query with only Yes and No, whatever the preferences say, as
// $PSCmdlet.ShouldContinue does.
func (s *Session) shouldContinue(query, caption string) (bool, error) {
	if query == "" {
		query = "Continue with this operation?"
	}
	choice, err := s.promptForChoice(caption, query, continueChoices)
	return choice == 0, err
}

// choice is one answer of a prompt: its hotkey, its label and the line "?" prints for it.
type choice struct{ key, label, help string }

// confirmChoices are ShouldProcess's answers. pwsh's console host also offers "[S] Suspend",
// which opens a nested prompt; exosh has no nested prompts, so it offers the list pwsh
// offers where suspending is impossible (a remote session), which is what Exchange Online's
// own prompts show.
var confirmChoices = []choice{
	{"Y", "Yes", "Continue with only the next step of the operation."},
	{"A", "Yes to All", "Continue with all the steps of the operation."},
	{"N", "No", "Skip this operation and proceed with the next operation."},
	{"L", "No to All", "Skip this operation and all subsequent operations."},
}

// continueChoices are ShouldContinue's answers.
var continueChoices = []choice{confirmChoices[0], confirmChoices[2]}

// errPromptNonInteractive is pwsh's refusal to prompt under -NonInteractive.
func errPromptNonInteractive() error {
	return &ErrorRecord{Message: "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.",
		Category: "InvalidOperation", ErrorID: "System.InvalidOperationException", Exception: "System.InvalidOperationException"}
}

// errPromptEOF is what pwsh's console host fails with when its redirected input ends at a
// prompt: reading past the end yields no line, and the choice prompt dereferences it. The
// prompt has been written; the command stops with this error.
func errPromptEOF() error {
	return &ErrorRecord{Message: "Object reference not set to an instance of an object.",
		Category: "NotSpecified", ErrorID: "System.NullReferenceException", Exception: "System.NullReferenceException"}
}

// promptForChoice is the console host's PromptForChoice with the first choice as default:
// a blank line, the caption, the message, then the choice line, read until an answer
// matches a label or a hotkey (case-insensitive); an empty line takes the default and "?"
// lists what each choice does. It reads through the same host path as Read-Host.
func (s *Session) promptForChoice(caption, message string, choices []choice) (int, error) {
	if s.nonInteractive {
		return -1, errPromptNonInteractive()
	}
	if caption == "" {
		caption = "Confirm"
	}
	s.writeConsole("\n" + caption + "\n" + message + "\n")
	var line strings.Builder
	for _, c := range choices {
		fmt.Fprintf(&line, "[%s] %s  ", c.key, c.label)
	}
	fmt.Fprintf(&line, "[?] Help (default is \"%s\"): ", choices[0].key)
	for {
		resp, err := s.readLine(line.String(), false)
		if errors.Is(err, io.EOF) {
			return -1, errPromptEOF()
		}
		if err != nil {
			return -1, err
		}
		if resp == "" {
			return 0, nil
		}
		resp = strings.TrimSpace(resp)
		if resp == "?" {
			var help strings.Builder
			for _, c := range choices {
				help.WriteString(c.key + " - " + c.help + "\n")
			}
			s.writeConsole(help.String())
			continue
		}
		if i := pickChoice(resp, choices); i >= 0 {
			return i, nil
		}
	}
}

// pickChoice matches an answer against the full labels first, then the hotkeys.
func pickChoice(resp string, choices []choice) int {
	for i, c := range choices {
		if strings.EqualFold(resp, c.label) {
			return i
		}
	}
	for i, c := range choices {
		if strings.EqualFold(resp, c.key) {
			return i
		}
	}
	return -1
}

// writeConsole writes prompt text straight to the console, after any pending output: the
// host's prompts are not part of any stream a redirection could capture.
func (s *Session) writeConsole(text string) {
	if s.out != nil {
		_ = s.out.Flush()
	}
	_, _ = io.WriteString(s.stdout, text)
}

// confirmThreshold is the effective $ConfirmPreference of a cmdlet: -Confirm makes it Low,
// -Confirm:$false None; otherwise the variable decides (High when it holds no valid value).
func (s *Session) confirmThreshold(sc *scope, confirm *bool) ConfirmImpact {
	if confirm != nil {
		if *confirm {
			return ConfirmImpactLow
		}
		return ConfirmImpactNone
	}
	if c, ok := parseConfirmImpact(s.getVarValue(sc, "ConfirmPreference")); ok {
		return c
	}
	return ConfirmImpactHigh
}
