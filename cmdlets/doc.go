// Package cmdlets holds exosh's cmdlets: the PowerShell core cmdlets that admin scripts lean
// on (core_*.go: pipeline filters, formatting and output, files, CSV and JSON, dates, host
// interaction, discovery) and the Exchange Online cmdlets (one file per noun group). All
// returns the complete table that main hands to the shell; Views returns the default
// formatting views the cmdlets' own output types need.
//
// It talks to the tenant only through the store interfaces and never imports Badger, the
// parser or the REPL.
package cmdlets
