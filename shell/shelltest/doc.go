// Package shelltest runs txtar transcripts against a shell.Session: each archive's
// `session` file holds `PS> ` input lines, `>> ` continuation lines, `<< ` lines answering the
// host's prompts (Read-Host, confirmations; none left means end of input) and the expected
// output.
// It is test support only; it imports shell (and, for tenant-backed transcripts, a store
// passed in through an Option) and must not be imported by non-test code.
package shelltest
