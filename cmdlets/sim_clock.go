package cmdlets

import (
	"time"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/value"
	"github.com/exosh/exosh/store"
)

// simCmdlets returns the emulator-only cmdlets. Their nouns start with "Sim", a prefix no
// Exchange or PowerShell cmdlet uses, so they never shadow a real cmdlet.
func simCmdlets() []shell.CmdletInfo {
	return []shell.CmdletInfo{
		{Name: "Get-SimClock", Module: moduleSim, Synopsis: "Shows the tenant's virtual clock.",
			New: func() shell.Cmdlet { return new(getSimClock) }},
		{Name: "Set-SimClock", Module: moduleSim, Synopsis: "Pins, advances or releases the tenant's virtual clock.",
			New: func() shell.Cmdlet { return new(setSimClock) }},
		{Name: "Save-SimSnapshot", Module: moduleSim, Synopsis: "Saves the whole tenant under a name.",
			New: func() shell.Cmdlet { return new(saveSimSnapshot) }},
		{Name: "Restore-SimSnapshot", Module: moduleSim, ConfirmImpact: shell.ConfirmImpactHigh, Synopsis: "Replaces the tenant with a saved snapshot.",
			New: func() shell.Cmdlet { return new(restoreSimSnapshot) }},
		{Name: "Get-SimSnapshot", Module: moduleSim, Synopsis: "Lists the saved snapshots.",
			New: func() shell.Cmdlet { return new(getSimSnapshot) }},
		{Name: "Remove-SimSnapshot", Module: moduleSim, ConfirmImpact: shell.ConfirmImpactHigh, Synopsis: "Deletes a saved snapshot.",
			New: func() shell.Cmdlet { return new(removeSimSnapshot) }},
		{Name: "Reset-SimTenant", Module: moduleSim, ConfirmImpact: shell.ConfirmImpactHigh, Synopsis: "Resets the tenant to the demo tenant, or to an empty one.",
			New: func() shell.Cmdlet { return new(resetSimTenant) }},
		{Name: "New-SimMailbox", Module: moduleSim, Synopsis: "Creates many mailboxes at once (for load tests).",
			New: func() shell.Cmdlet { return new(newSimMailbox) }},
		{Name: "Get-SimAuditDefaults", Module: moduleSim, Synopsis: "Shows the mailbox audit defaults of Exchange Online today or of Office 365 in 2011.",
			New: func() shell.Cmdlet { return new(getSimAuditDefaults) }},
		{Name: "Set-SimAuditDefaults", Module: moduleSim, Synopsis: "Chooses the mailbox audit defaults new mailboxes get (Current or 2011).",
			New: func() shell.Cmdlet { return new(setSimAuditDefaults) }},
	}
}

// moduleSim is the Source of the emulator-only cmdlets.
const moduleSim = "exosh"

// typeSimClock and typeSimSnapshot are the type names of the Sim objects.
const (
	typeSimClock    = "Exosh.SimClock"
	typeSimSnapshot = "Exosh.SimSnapshot"
)

// settingClock is implemented by the tenant clock (demo.Clock): it reports its real base
// time and takes a new setting when the tenant's changes.
type settingClock interface {
	Base() time.Time
	SetSetting(s store.ClockSetting)
}

// refreshClock tells the session's clock about the tenant's current clock setting.
func refreshClock(c *shell.Context) {
	sc, ok := c.Clock.(settingClock)
	if !ok || c.Store == nil {
		return
	}
	if t, err := c.Store.Tenant(c.Ctx); err == nil {
		sc.SetSetting(t.Clock)
	}
}

// clockObject describes the tenant clock.
func clockObject(c *shell.Context, s store.ClockSetting) *value.Object {
	mode := s.Mode
	if mode == "" {
		mode = store.ClockReal
	}
	var pinned, offset value.Value
	if mode == store.ClockPinned {
		pinned = s.Pinned.UTC()
	}
	if mode == store.ClockOffset {
		offset = s.Offset
	}
	return value.NewObject(typeSimClock,
		value.Property{Name: "Now", Value: c.Clock.Now().UTC()},
		value.Property{Name: "Mode", Value: string(mode)},
		value.Property{Name: "Pinned", Value: pinned},
		value.Property{Name: "Offset", Value: offset},
	)
}

// getSimClock is Get-SimClock.
type getSimClock struct{}

func (g *getSimClock) Params() []shell.Param { return nil }

func (g *getSimClock) Process(c *shell.Context) error {
	t, err := openTenant(c)
	if err != nil {
		return err
	}
	return c.WriteObject(clockObject(c, t.t.Clock))
}

// setSimClock is Set-SimClock: -Date pins the clock, -Advance moves it, -Real releases it.
type setSimClock struct {
	Date    time.Time
	Advance time.Duration
	Real    bool
}

func (s *setSimClock) Params() []shell.Param {
	return []shell.Param{
		{Name: "Date", Position: 1, Mandatory: true, Sets: []string{"Date"}, Bind: shell.Date(&s.Date), Help: "Pins the clock at this time."},
		{Name: "Advance", Mandatory: true, Sets: []string{"Advance"}, Bind: shell.TimeSpan(&s.Advance), Help: "Moves the clock by this span."},
		{Name: "Real", Mandatory: true, Sets: []string{"Real"}, Bind: shell.Switch(&s.Real), Help: "Follows the real time again."},
	}
}

func (s *setSimClock) Process(c *shell.Context) error {
	t, err := openTenant(c)
	if err != nil {
		return err
	}
	if !c.ShouldProcess(t.t.InitialDomain, "Set-SimClock") {
		return nil
	}
	nt, err := t.st.UpdateTenant(c.Ctx, func(x *store.Tenant) error {
		cur := x.Clock
		switch {
		case c.Bound("Date"):
			x.Clock = store.ClockSetting{Mode: store.ClockPinned, Pinned: s.Date.UTC()}
		case c.Bound("Advance"):
			if cur.Mode == store.ClockPinned {
				x.Clock = store.ClockSetting{Mode: store.ClockPinned, Pinned: cur.Pinned.Add(s.Advance)}
			} else {
				off := s.Advance
				if cur.Mode == store.ClockOffset {
					off += cur.Offset
				}
				x.Clock = store.ClockSetting{Mode: store.ClockOffset, Offset: off}
			}
		default:
			x.Clock = store.ClockSetting{Mode: store.ClockReal}
		}
		return x.Clock.Validate()
	})
	if err != nil {
		return err
	}
	if sc, ok := c.Clock.(settingClock); ok {
		sc.SetSetting(nt.Clock)
	}
	return nil
}
