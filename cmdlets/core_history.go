package cmdlets

import (
	"fmt"
	"strings"

	"github.com/exosh/exosh/parser"
	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/format"
	"github.com/exosh/exosh/shell/value"
)

func coreHistoryCmdlets() []shell.CmdletInfo {
	return []shell.CmdletInfo{
		{Name: "Get-History", Aliases: []string{"h", "history", "ghy"}, Module: moduleCore,
			Synopsis: "Gets a list of the commands entered during the current session.",
			New:      func() shell.Cmdlet { return new(getHistory) }},
		{Name: "Invoke-History", Aliases: []string{"r", "ihy"}, Module: moduleCore,
			Synopsis: "Runs commands from the session history.",
			New:      func() shell.Cmdlet { return new(invokeHistory) }},
		{Name: "Clear-History", Aliases: []string{"clhy"}, Module: moduleCore,
			Synopsis: "Deletes entries from the session history.",
			New:      func() shell.Cmdlet { return new(clearHistory) }},
	}
}

const historyInfoType = "Microsoft.PowerShell.Commands.HistoryInfo"

// historyView is pwsh's table of history entries, without the Duration column: exosh does
// not time the commands it runs.
var historyView = format.View{TypeName: historyInfoType, Kind: format.TableView, Columns: []format.Column{
	{Property: "Id", Width: 4, Align: format.AlignRight},
	{Property: "CommandLine", Align: format.AlignLeft},
}}

// sessionHistory returns the session's inputs; outside an interactive session there are
// none.
func sessionHistory(c *shell.Context) []string {
	if h := c.Services().History; h != nil {
		return h.Entries()
	}
	return nil
}

func historyObject(id int, line string) *value.Object {
	o := value.NewObject(historyInfoType,
		value.Property{Name: "Id", Value: int64(id)},
		value.Property{Name: "CommandLine", Value: line},
		value.Property{Name: "ExecutionStatus", Value: "Completed"},
	)
	o.SetTypeNames([]string{historyInfoType, "System.Object"})
	return o
}

// historyNotFound is pwsh's error for an Id that is not in the history.
func historyNotFound(id int64) *shell.ErrorRecord {
	return &shell.ErrorRecord{
		Message:  fmt.Sprintf("Cannot locate history for Id %d.", id),
		Category: "ObjectNotFound", ErrorID: "GetHistoryEntryNotFound",
		Exception: "System.ArgumentException",
	}
}

type getHistory struct {
	IDs   []int64
	Count int
}

func (g *getHistory) Params() []shell.Param {
	return []shell.Param{
		{Name: "Id", Position: 1, FromPipeline: true, Bind: shell.Custom("Int64[]", func(v value.Value) error {
			return int64s(v, &g.IDs)
		}), Help: "The Ids of the entries to get."},
		{Name: "Count", Position: 2, Bind: shell.Int(&g.Count), Help: "How many of the most recent entries to get (default 32)."},
	}
}

func (g *getHistory) Process(c *shell.Context) error {
	entries := sessionHistory(c)
	if len(g.IDs) > 0 {
		for _, id := range g.IDs {
			if id < 1 || id > int64(len(entries)) {
				c.WriteError(historyNotFound(id))
				continue
			}
			if err := c.WriteObject(historyObject(int(id), entries[id-1])); err != nil {
				return err
			}
		}
		return nil
	}
	n := 32
	if c.Bound("Count") {
		n = g.Count
	}
	start := max(len(entries)-n, 0)
	for i := start; i < len(entries); i++ {
		if err := c.WriteObject(historyObject(i+1, entries[i])); err != nil {
			return err
		}
	}
	return nil
}

// int64s converts a scalar or an array to Int64 values.
func int64s(v value.Value, dst *[]int64) error {
	items, ok := value.Enumerate(v)
	if !ok {
		items = []value.Value{v}
	}
	out := make([]int64, 0, len(items))
	for _, it := range items {
		x, err := value.Convert(it, value.TInt64)
		if err != nil {
			return err
		}
		n, _ := x.(int64)
		out = append(out, n)
	}
	*dst = out
	return nil
}

type invokeHistory struct{ ID string }

func (r *invokeHistory) Params() []shell.Param {
	return []shell.Param{
		{Name: "Id", Position: 1, Bind: shell.String(&r.ID), Help: "The Id of the entry to run, or the start of its command line; the last entry when absent."},
	}
}

// Process runs one history entry: echoed first, as pwsh echoes it, then run in the
// caller's scope.
func (r *invokeHistory) Process(c *shell.Context) error {
	entries := sessionHistory(c)
	line, err := r.pick(entries)
	if err != nil {
		return err
	}
	c.WriteHost(line, true, "")
	sb, perr := parser.Parse("", line)
	if perr != nil {
		return perr
	}
	block := &value.ScriptBlock{Text: line, Body: sb}
	return c.Invoke(block, nil, nil, c.WriteObject)
}

func (r *invokeHistory) pick(entries []string) (string, error) {
	if r.ID == "" {
		if len(entries) == 0 {
			return "", &shell.ErrorRecord{Message: "Cannot locate the most recent history.",
				Category: "ObjectNotFound", ErrorID: "InvokeHistoryNoLastHistoryEntryFound", Exception: "System.InvalidOperationException"}
		}
		return entries[len(entries)-1], nil
	}
	if x, err := value.Convert(r.ID, value.TInt64); err == nil {
		id, _ := x.(int64)
		if id < 1 || id > int64(len(entries)) {
			return "", historyNotFound(id)
		}
		return entries[id-1], nil
	}
	for i := len(entries) - 1; i >= 0; i-- {
		if len(entries[i]) >= len(r.ID) && strings.EqualFold(entries[i][:len(r.ID)], r.ID) {
			return entries[i], nil
		}
	}
	return "", &shell.ErrorRecord{Message: fmt.Sprintf("Cannot locate history for commandline %s.", r.ID),
		Category: "ObjectNotFound", ErrorID: "InvokeHistoryNoHistoryForCommandline", Exception: "System.ArgumentException"}
}

type clearHistory struct{}

func (*clearHistory) Params() []shell.Param { return nil }

// Process forgets the session's history; the history file of Up/Down recall stays, as
// PSReadLine's file outlives Clear-History in pwsh.
func (*clearHistory) Process(c *shell.Context) error {
	if h := c.Services().History; h != nil {
		return h.Clear()
	}
	return nil
}
