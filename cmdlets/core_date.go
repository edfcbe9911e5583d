package cmdlets

import (
	"context"
	"time"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/value"
)

// coreDateCmdlets is the table of the date and time cmdlets.
func coreDateCmdlets() []shell.CmdletInfo {
	return []shell.CmdletInfo{
		{Name: "Get-Date", Module: moduleUtility,
			Synopsis: "Gets the current date and time.",
			New:      func() shell.Cmdlet { return new(getDate) }},
		{Name: "New-TimeSpan", Module: moduleUtility,
			Synopsis: "Creates a TimeSpan object.",
			New:      func() shell.Cmdlet { return new(newTimeSpan) }},
		{Name: "Start-Sleep", Aliases: []string{"sleep"}, Module: moduleUtility,
			Synopsis: "Suspends the activity in a script or session for the specified period of time.",
			New:      func() shell.Cmdlet { return new(startSleep) }},
	}
}

// getDate is Get-Date: the session clock's time, or -Date, with the given components
// replaced, as a DateTime or (with -Format) a string.
type getDate struct {
	Date                                time.Time
	Format                              string
	Year, Month, Day, Hour, Minute, Sec int
	Millisecond                         int
	AsUTC                               bool
}

func (g *getDate) Params() []shell.Param {
	return []shell.Param{
		{Name: "Date", Aliases: []string{"LastWriteTime"}, Position: 1, FromPipeline: true, ByPropertyName: true,
			Bind: shell.Date(&g.Date), Help: "The date and time to use instead of now."},
		{Name: "Year", Bind: rangeBinder{&g.Year, 1, 9999}, Help: "Replaces the year."},
		{Name: "Month", Bind: rangeBinder{&g.Month, 1, 12}, Help: "Replaces the month."},
		{Name: "Day", Bind: rangeBinder{&g.Day, 1, 31}, Help: "Replaces the day of the month."},
		{Name: "Hour", Bind: rangeBinder{&g.Hour, 0, 23}, Help: "Replaces the hour."},
		{Name: "Minute", Bind: rangeBinder{&g.Minute, 0, 59}, Help: "Replaces the minute."},
		{Name: "Second", Bind: rangeBinder{&g.Sec, 0, 59}, Help: "Replaces the second."},
		{Name: "Millisecond", Bind: rangeBinder{&g.Millisecond, 0, 999}, Help: "Replaces the millisecond."},
		{Name: "Format", Sets: []string{"net"}, Bind: shell.String(&g.Format), Help: "A .NET format string for the result."},
		{Name: "AsUTC", Bind: shell.Switch(&g.AsUTC), Help: "Returns the time in UTC."},
	}
}

func (g *getDate) Process(c *shell.Context) error {
	t := c.Clock.Now()
	if c.Bound("Date") {
		t = g.Date
	}
	// pwsh moves each given component by adding the difference, as DateTime.AddYears and
	// AddMonths do: the day is clamped to the month's length (Day 31 in February rolls into
	// March, since AddDays has no clamp).
	if c.Bound("Year") {
		t = addMonths(t, (g.Year-t.Year())*12)
	}
	if c.Bound("Month") {
		t = addMonths(t, g.Month-int(t.Month()))
	}
	if c.Bound("Day") {
		t = t.AddDate(0, 0, g.Day-t.Day())
	}
	if c.Bound("Hour") {
		t = t.Add(time.Duration(g.Hour-t.Hour()) * time.Hour)
	}
	if c.Bound("Minute") {
		t = t.Add(time.Duration(g.Minute-t.Minute()) * time.Minute)
	}
	if c.Bound("Second") {
		t = t.Add(time.Duration(g.Sec-t.Second()) * time.Second)
	}
	if c.Bound("Millisecond") {
		t = t.Add(time.Duration(g.Millisecond)*time.Millisecond - time.Duration(t.Nanosecond()/1e6)*time.Millisecond)
	}
	if g.AsUTC {
		t = t.UTC()
	}
	if c.Bound("Format") {
		return c.WriteObject(value.FormatDate(t, g.Format))
	}
	return c.WriteObject(t)
}

// addMonths is DateTime.AddMonths: the day of month is clamped to the target month's length.
func addMonths(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	total := int(m) - 1 + n
	y += total / 12
	if total %= 12; total < 0 {
		total += 12
		y--
	}
	nm := time.Month(total + 1)
	if last := time.Date(y, nm+1, 0, 0, 0, 0, 0, time.UTC).Day(); d > last {
		d = last
	}
	return time.Date(y, nm, d, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Location())
}

// newTimeSpan is New-TimeSpan: End − Start (both default to now) or the sum of the given
// components.
type newTimeSpan struct {
	Start, End                    time.Time
	Days, Hours, Minutes, Seconds int
	Milliseconds                  int
}

func (n *newTimeSpan) Params() []shell.Param {
	return []shell.Param{
		{Name: "Start", Aliases: []string{"LastWriteTime"}, Position: 1, ByPropertyName: true, Sets: []string{"Date"},
			Bind: shell.Date(&n.Start), Help: "The start of the span (default: now)."},
		{Name: "End", Position: 2, Sets: []string{"Date"}, Bind: shell.Date(&n.End), Help: "The end of the span (default: now)."},
		{Name: "Days", Sets: []string{"Time"}, Bind: shell.Int(&n.Days), Help: "Days in the span."},
		{Name: "Hours", Sets: []string{"Time"}, Bind: shell.Int(&n.Hours), Help: "Hours in the span."},
		{Name: "Minutes", Sets: []string{"Time"}, Bind: shell.Int(&n.Minutes), Help: "Minutes in the span."},
		{Name: "Seconds", Sets: []string{"Time"}, Bind: shell.Int(&n.Seconds), Help: "Seconds in the span."},
		{Name: "Milliseconds", Sets: []string{"Time"}, Bind: shell.Int(&n.Milliseconds), Help: "Milliseconds in the span."},
	}
}

func (n *newTimeSpan) Process(c *shell.Context) error {
	if c.Bound("Start") || c.Bound("End") {
		now := c.Clock.Now()
		start, end := now, now
		if c.Bound("Start") {
			start = n.Start
		}
		if c.Bound("End") {
			end = n.End
		}
		return c.WriteObject(end.Sub(start))
	}
	d := time.Duration(n.Days)*24*time.Hour + time.Duration(n.Hours)*time.Hour +
		time.Duration(n.Minutes)*time.Minute + time.Duration(n.Seconds)*time.Second +
		time.Duration(n.Milliseconds)*time.Millisecond
	return c.WriteObject(d)
}

// Sleeper is implemented by clocks that know how to let time pass: the real clock waits
// (returning early with ctx's error on Ctrl-C); a simulated clock advances itself. Start-Sleep
// uses it; with a clock that cannot sleep (a fixed test clock) Start-Sleep returns at once,
// since waiting would not change what that clock reports.
type Sleeper interface {
	Sleep(ctx context.Context, d time.Duration) error
}

// startSleep is Start-Sleep.
type startSleep struct {
	Seconds  float64
	Millis   int
	Duration time.Duration
}

func (s *startSleep) Params() []shell.Param {
	return []shell.Param{
		{Name: "Seconds", Position: 1, Sets: []string{"Seconds"}, Bind: shell.Double(&s.Seconds), Help: "Seconds to sleep."},
		{Name: "Milliseconds", Aliases: []string{"ms"}, Sets: []string{"Milliseconds"}, Bind: shell.Int(&s.Millis), Help: "Milliseconds to sleep."},
		{Name: "Duration", Aliases: []string{"ts"}, Sets: []string{"FromTimeSpan"}, Bind: shell.TimeSpan(&s.Duration), Help: "How long to sleep."},
	}
}

func (s *startSleep) Process(c *shell.Context) error {
	d := time.Duration(s.Seconds * float64(time.Second))
	switch {
	case c.Bound("Milliseconds"):
		d = time.Duration(s.Millis) * time.Millisecond
	case c.Bound("Duration"):
		d = s.Duration
	}
	if d < 0 {
		return invalidArgument("ParameterArgumentValidationError",
			"Cannot validate argument on parameter 'Seconds'. The "+value.ToString(s.Seconds)+" argument is less than the minimum allowed range of 0. Supply an argument that is greater than or equal to 0 and then try the command again.", nil)
	}
	if sl, ok := c.Clock.(Sleeper); ok {
		return sl.Sleep(c.Ctx, d)
	}
	return c.Ctx.Err()
}
