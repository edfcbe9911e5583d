package shell

import (
	"fmt"
	"strings"

	"github.com/exosh/exosh/shell/value"
)

// psCmdlet is $PSCmdlet inside an advanced function: ShouldProcess honours -WhatIf, and
// ParameterSetName reports the set chosen by the arguments.
type psCmdlet struct {
	s   *Session
	inv *invocation
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
		target, action := value.ToString(args[0]), p.inv.fn.name
		if len(args) >= 2 {
			action = value.ToString(args[1])
		}
		if v, _ := p.s.lookupVar(p.inv.scope, "", "WhatIfPreference"); value.ToBool(v) {
			p.s.writeHost(fmt.Sprintf("What if: Performing the operation \"%s\" on target \"%s\".", action, target), true, "")
			return false, true, nil
		}
		return true, true, nil
	case "shouldcontinue":
		return true, true, nil
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
