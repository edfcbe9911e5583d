package cmdlets

import (
	"errors"
	"fmt"

	"github.com/exosh/exosh/cmdlets/mailflow"
	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/value"
	"github.com/exosh/exosh/store"
)

// typeSimMailFlow is the type of Start-SimMailFlow's summary.
const typeSimMailFlow = "Exosh.SimMailFlow"

// startSimMailFlow is Start-SimMailFlow: deterministic traffic for the days before the
// tenant's now.
type startSimMailFlow struct {
	Days, MessagesPerDay int
	Seed                 int64
}

func (s *startSimMailFlow) Params() []shell.Param {
	return []shell.Param{
		{Name: "Days", Bind: rangeBinder{&s.Days, 1, 90}, Help: "How many days of traffic, ending now (default 10)."},
		{Name: "MessagesPerDay", Bind: rangeBinder{&s.MessagesPerDay, 1, 1000000}, Help: "Messages per day (default 1000)."},
		{Name: "Seed", Bind: shell.Int64(&s.Seed), Help: "The generator's seed: the same seed gives the same traffic."},
	}
}

func (s *startSimMailFlow) Process(c *shell.Context) error {
	t, err := openTenant(c)
	if err != nil {
		return err
	}
	days, per := s.Days, s.MessagesPerDay
	if days == 0 {
		days = 10
	}
	if per == 0 {
		per = 1000
	}
	if !c.ShouldProcess(t.t.InitialDomain, fmt.Sprintf("Generate %d days of mail traffic", days)) {
		return nil
	}
	const activity = "Start-SimMailFlow"
	stats, err := mailflow.Traffic(c.Ctx, c.Store, mailflow.TrafficOptions{
		End: c.Clock.Now(), Days: days, PerDay: per, Seed: uint64(s.Seed),
		Progress: func(done, total int) {
			c.WriteProgress(activity, fmt.Sprintf("%d of %d messages", done, total), done*100/max(total, 1), false)
		},
	})
	c.WriteProgress(activity, "Done", 100, true)
	if errors.Is(err, store.ErrExists) {
		return &shell.ErrorRecord{Message: fmt.Sprintf("The mail traffic of seed %d is already in the tenant. Use another -Seed.", s.Seed),
			Category: "ResourceExists", ErrorID: "TrafficExists", Exception: "System.InvalidOperationException"}
	}
	if err != nil {
		return err
	}
	return c.WriteObject(value.NewObject(typeSimMailFlow,
		value.Property{Name: "Days", Value: int64(days)},
		value.Property{Name: "Messages", Value: int64(stats.Messages)},
		value.Property{Name: "TraceRows", Value: int64(stats.Rows)},
		value.Property{Name: "Events", Value: int64(stats.Events)},
		value.Property{Name: "Seed", Value: s.Seed},
	))
}
