package cmdlets

import (
	"strconv"
	"strings"
	"time"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/store"
)

// The message trace throttling budget: 100 Get-MessageTraceV2 calls per rolling five
// minutes. exosh enforces it only when the tenant opts in (Set-SimThrottling), so
// scripts that loop over traces are not slowed down by default.
const (
	traceBudget       = 100
	traceBudgetWindow = 5 * time.Minute
	// Organization settings (hidden from Get-OrganizationConfig) holding the profile
	// and the times of the calls inside the window.
	extraTraceThrottling = "SimMessageTraceThrottling"
	extraTraceCalls      = "SimMessageTraceCalls"
)

// errTraceThrottled is the service's refusal when the budget is spent.
func errTraceThrottled() error {
	return exoError("Microsoft.Exchange.Management.FfoReporting.Common.ThrottlingException",
		"We cannot currently process your request, please wait a few minutes and try again.", nil)
}

// spendTraceBudget counts one message trace call against the budget when throttling is
// on, refusing the call when the window's budget is spent.
func spendTraceBudget(c *shell.Context) error {
	oc, err := c.Store.OrganizationConfig(c.Ctx)
	if err != nil || oc.Extra[extraTraceThrottling] != "On" {
		return nil
	}
	now := c.Clock.Now()
	throttled := false
	_, err = c.Store.UpdateOrganizationConfig(c.Ctx, func(o *store.OrganizationConfig) error {
		throttled = false
		var keep []string
		for _, s := range strings.Split(o.Extra[extraTraceCalls], ",") {
			us, err := strconv.ParseInt(s, 10, 64)
			if err == nil && now.Sub(time.UnixMicro(us)) < traceBudgetWindow {
				keep = append(keep, s)
			}
		}
		if len(keep) >= traceBudget {
			throttled = true
		} else {
			keep = append(keep, strconv.FormatInt(now.UnixMicro(), 10))
		}
		o.Extra[extraTraceCalls] = strings.Join(keep, ",")
		return nil
	})
	if err != nil {
		return err
	}
	if throttled {
		return errTraceThrottled()
	}
	return nil
}

// setSimThrottling is Set-SimThrottling: turns the message trace throttling budget on
// or off for the tenant.
type setSimThrottling struct {
	MessageTrace bool
}

func (s *setSimThrottling) Params() []shell.Param {
	return []shell.Param{{Name: "MessageTrace", Position: 1, Mandatory: true, Bind: shell.Bool(&s.MessageTrace),
		Help: "Enforces 100 Get-MessageTraceV2 calls per 5 minutes when $true."}}
}

func (s *setSimThrottling) Process(c *shell.Context) error {
	t, err := openTenant(c)
	if err != nil {
		return err
	}
	if !c.ShouldProcess(t.t.InitialDomain, "Set-SimThrottling") {
		return nil
	}
	_, err = t.st.UpdateOrganizationConfig(c.Ctx, func(o *store.OrganizationConfig) error {
		if o.Extra == nil {
			o.Extra = map[string]string{}
		}
		if s.MessageTrace {
			o.Extra[extraTraceThrottling] = "On"
		} else {
			delete(o.Extra, extraTraceThrottling)
			delete(o.Extra, extraTraceCalls)
		}
		return nil
	})
	return err
}
