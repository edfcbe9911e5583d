package shell

import (
	"github.com/exosh/exosh/shell/format"
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

	session *Session
}
