// Command exosh is a pwsh 7 session connected to an emulated Exchange Online tenant.
//
// It parses pwsh's command line (-Command, -File, a bare script path, a script on
// standard input, -NoProfile, -NonInteractive, -NoLogo) plus exosh's own -StateDir and
// -InMemory, builds the session from the runtime, the cmdlet table and the Badger store,
// and maps the outcome to pwsh's exit codes. It is the only package that reads the real
// time (clock.go). It holds wiring only: no PowerShell semantics live here.
package main
