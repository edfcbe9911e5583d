// Package format renders pipeline output the way pwsh 7's Out-Default, Format-Table and
// Format-List do: scalars one per line, objects as tables or lists chosen by registered views
// or by property count, with pwsh's column geometry, alignment, truncation and blank-line
// framing.
//
// It owns the display-specific (en-US culture) rendering of values, which differs from the
// invariant ToString used by string expansion. It imports only shell/value and the standard
// library; it must never import the runtime (shell), the cmdlets or the store.
package format
