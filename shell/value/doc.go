// Package value holds exosh's value model: the dynamic values that flow through pipelines
// (numbers, strings, dates, arrays, hashtables, PSObject-like objects, script blocks), and
// PowerShell's rules for converting, comparing, rendering and testing them for truth, plus
// the .NET members that admin scripts call on them.
//
// It imports nothing of exosh's own: the parser, the runtime and the cmdlets all build on it.
package value
