// Package value holds exosh's value model: the dynamic values that flow through pipelines
// (numbers, strings, dates, arrays, hashtables, PSObject-like objects, script blocks), and
// PowerShell's rules for converting, comparing, rendering and testing them for truth, plus
// the .NET members that admin scripts call on them.
//
// It owns:
//   - the dynamic types (value.go, hashtable.go, custom.go) and their .NET type names
//     (types.go);
//   - conversion (convert.go, number.go, dateparse.go), rendering (tostring.go, datefmt.go,
//     numfmt.go, composite.go), truthiness, equality and ordering (compare.go);
//   - the operators (binary.go, arith.go, regex.go, wildcard.go, rangeop.go);
//   - instance and static members (member.go, method_*.go, invoke.go, static*.go,
//     memberlist.go), whose errors carry pwsh's texts (errors.go).
//
// It must not import any exosh package: the parser, the runtime, the formatter and the
// cmdlets all build on it. It never reads the clock or the environment itself; members that
// need them receive an *Env.
package value
