package shell

import (
	"fmt"
	"strings"

	"github.com/exosh/exosh/shell/value"
)

// psCmdlet is $PSCmdlet inside an advanced function: ShouldProcess honours -WhatIf, -Confirm,
// $ConfirmPreference and the function's ConfirmImpact, and ParameterSetName reports the set
// chosen by the arguments.
type psCmdlet struct {
	s   *Session
	inv *invocation
	// confirm remembers Yes to All / No to All for the rest of this call.
	confirm confirmMemory
}

func (p *psCmdlet) TypeNames() []string {
	return []string{"System.Management.Automation.PSScriptCmdlet", "System.Management.Automation.PSCmdlet", value.TObject}
}

func (p *psCmdlet) String() string { return p.inv.fn.name }

// Member exposes ParameterSetName, MyInvocation and CommandRuntime.
func (p *psCmdlet) Member(name string) (value.Value, bool) {
	switch strings.ToLower(name) {
	case "parametersetname":
		if sets := p.inv.bind.activeSets(); len(sets) == 1 {
			for _, sp := range p.inv.bind.specs {
				for _, n := range sp.sets {
					if sets[strings.ToLower(n)] {
						return n, true
					}
				}
			}
		}
		return "__AllParameterSets", true
	case "myinvocation":
		return value.NewObject("System.Management.Automation.InvocationInfo",
			value.Property{Name: "MyCommand", Value: p.inv.fn.name},
			value.Property{Name: "InvocationName", Value: p.inv.fn.name}), true
	}
	return nil, false
}

// Method implements ShouldProcess(target[, action]), ShouldContinue and
// ThrowTerminatingError.
func (p *psCmdlet) Method(name string, args []value.Value) (value.Value, bool, error) {
	switch strings.ToLower(name) {
	case "shouldprocess":
		if len(args) < 1 || len(args) > 3 {
			return nil, true, value.ErrOverload("ShouldProcess", len(args))
		}
		call := shouldProcessCall{impact: p.inv.fn.confirmImpact()}
		switch len(args) {
		case 1:
			call.description = shouldProcessDescription(value.ToString(args[0]), p.inv.fn.name)
		case 2:
			call.description = shouldProcessDescription(value.ToString(args[0]), value.ToString(args[1]))
		case 3:
			// (verboseDescription, verboseWarning, caption): the caller writes the whole
			// What-if text and the prompt's message and caption.
			call.description = value.ToString(args[0])
			call.query = value.ToString(args[1])
			call.caption = value.ToString(args[2])
		}
		sc := p.inv.scope
		call.whatIf = value.ToBool(p.s.getVarValue(sc, "WhatIfPreference"))
		call.threshold = p.s.confirmThreshold(sc, nil)
		call.verbose = p.inv.bind.isBound("Verbose") && p.s.preference(sc, "VerbosePreference") == "continue"
		ok, err := p.s.shouldProcess(&p.confirm, call)
		if err != nil {
			return nil, true, promptMethodError("ShouldProcess", len(args), err)
		}
		return ok, true, nil
	case "shouldcontinue":
		if len(args) != 2 {
			return nil, true, value.ErrOverload("ShouldContinue", len(args))
		}
		ok, err := p.s.shouldContinue(value.ToString(args[0]), value.ToString(args[1]))
		if err != nil {
			return nil, true, promptMethodError("ShouldContinue", len(args), err)
		}
		return ok, true, nil
	case "throwterminatingerror":
		if len(args) != 1 {
			return nil, true, value.ErrOverload("ThrowTerminatingError", len(args))
		}
		if ev, ok := args[0].(*errorValue); ok {
			return nil, true, ev.rec
		}
		return nil, true, &ErrorRecord{Message: value.ToString(args[0]), Category: "NotSpecified", Exception: excRuntime}
	}
	return nil, false, nil
}

// promptMethodError reports a prompt that failed inside a $PSCmdlet method the way pwsh
// reports any exception thrown by a method; Ctrl-C stays a silent stop.
func promptMethodError(method string, n int, err error) error {
	if isCancel(err) {
		return err
	}
	return &ErrorRecord{
		Message:   fmt.Sprintf("Exception calling \"%s\" with \"%d\" argument(s): \"%s\"", method, n, err.Error()),
		Category:  "NotSpecified",
		ErrorID:   "MethodInvocationException",
		Exception: "System.Management.Automation.MethodInvocationException",
	}
}
