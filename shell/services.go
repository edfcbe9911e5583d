package shell

import (
	"context"
	"sort"
	"strings"
	"time"

	"github.com/exosh/exosh/shell/format"
	"github.com/exosh/exosh/shell/value"
	"github.com/exosh/exosh/store"
)

// CommandEntry is one command visible in the session: a cmdlet, an alias or a function.
type CommandEntry struct {
	Name        string
	CommandType string // "Cmdlet", "Alias", "Function", "Filter"
	Definition  string // alias target, function body text
	Module      string // Source column of Get-Command
	Info        *CmdletInfo
}

// Services are the session-wide facilities a cmdlet may need beyond its own stream.
type Services struct {
	// Width is the console width formatting uses (120 when output is not a terminal).
	Width int
	// Views are the default table/list views, keyed by type name.
	Views *format.Views
	// Identity is the acting admin's UPN (Connect-ExchangeOnline -UserPrincipalName).
	Identity string
	// Terminal reports whether output goes to an interactive terminal (Clear-Host clears
	// the screen only then).
	Terminal bool
	// History is the interactive history Get-History, Invoke-History and Clear-History
	// use; nil outside an interactive session.
	History HistoryBook

	session *Session
}

// Commands lists the commands visible in the session: cmdlets, aliases and the functions
// defined so far, sorted by name.
func (sv *Services) Commands() []CommandEntry {
	s := sv.session
	var out []CommandEntry
	for _, info := range s.cmdletOrder {
		if !s.commandVisible(info.Name) {
			continue
		}
		out = append(out, CommandEntry{Name: info.Name, CommandType: "Cmdlet", Module: info.Module, Info: info})
	}
	for key, target := range s.aliases {
		e := CommandEntry{Name: s.aliasNames[key], CommandType: "Alias", Definition: target}
		if info := s.cmdlets[strings.ToLower(target)]; info != nil {
			if !s.commandVisible(info.Name) {
				continue
			}
			e.Module, e.Info = info.Module, info
		}
		out = append(out, e)
	}
	for _, f := range s.global.funcs {
		out = append(out, functionEntry(f))
	}
	sort.SliceStable(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	return out
}

func functionEntry(f *function) CommandEntry {
	kind := "Function"
	if f.isFilter {
		kind = "Filter"
	}
	def := ""
	if f.body != nil {
		def = f.body.Text
	}
	return CommandEntry{Name: f.name, CommandType: kind, Definition: def}
}

// LookupCommand resolves a command name the way the shell would: functions, aliases, cmdlets.
func (sv *Services) LookupCommand(name string) (CommandEntry, bool) {
	s := sv.session
	key := strings.ToLower(name)
	if f := s.global.lookupFunc(key); f != nil {
		return functionEntry(f), true
	}
	if target, ok := s.aliases[key]; ok {
		info := s.cmdlets[strings.ToLower(target)]
		if info != nil && !s.commandVisible(info.Name) {
			return CommandEntry{}, false
		}
		e := CommandEntry{Name: s.aliasNames[key], CommandType: "Alias", Definition: target, Info: info}
		if info != nil {
			e.Module = info.Module
		}
		return e, true
	}
	if info, ok := s.cmdlets[key]; ok && s.commandVisible(info.Name) {
		return CommandEntry{Name: info.Name, CommandType: "Cmdlet", Module: info.Module, Info: info}, true
	}
	return CommandEntry{}, false
}

// SetIdentity records the acting admin (Connect-ExchangeOnline -UserPrincipalName).
func (sv *Services) SetIdentity(upn string) { sv.Identity = upn }

// Now returns the session clock's time.
func (sv *Services) Now() time.Time { return sv.session.clock.Now() }

// SetAlias defines or replaces an alias for the session (Set-Alias, New-Alias). The target
// is resolved when the alias is used.
func (sv *Services) SetAlias(name, target string) {
	key := strings.ToLower(name)
	sv.session.aliases[key] = target
	sv.session.aliasNames[key] = name
}

// HistoryBook is the interactive history as the history cmdlets see it.
type HistoryBook interface {
	// Entries returns the inputs entered in this session, oldest first; the first has
	// Id 1.
	Entries() []string
	// Clear forgets them all (Clear-History).
	Clear() error
}

// VariableNames lists the names of the session's global variables, sorted
// case-insensitively, for tab completion after `$`.
func (sv *Services) VariableNames() []string {
	vars := sv.session.global.vars
	out := make([]string, 0, len(vars))
	for _, v := range vars {
		out = append(out, v.name)
	}
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i]) < strings.ToLower(out[j]) })
	return out
}

// RecipientNames lists up to limit names of the tenant's recipients that start with
// prefix (case-insensitively), in name order: one indexed page, for tab completion.
func (sv *Services) RecipientNames(ctx context.Context, prefix string, limit int) ([]string, error) {
	st := sv.session.st
	if st == nil || store.HasWildcard(prefix) {
		return nil, nil
	}
	rs, _, err := st.FindRecipients(ctx, store.RecipientQuery{Name: prefix + "*", Limit: limit})
	if err != nil {
		return nil, err
	}
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Name
	}
	return out, nil
}

// Variable returns the value of a global variable, for completing `$name.` with the
// members of its value.
func (sv *Services) Variable(name string) (value.Value, bool) {
	x := sv.session.global.lookup(lowerKey(name))
	if x == nil {
		return nil, false
	}
	return x.val, true
}
