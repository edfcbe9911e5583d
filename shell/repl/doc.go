// Package repl owns the interactive loop of exosh: it reads input through a LineReader
// (readline on a terminal, a plain line reader otherwise), asks for continuation lines
// with ">> " while the input is incomplete, runs each complete input in the session,
// keeps the history and turns Ctrl-C into the cancellation of the running pipeline.
//
// At the terminal it also does what PSReadLine does for pwsh: Tab completion (Completer,
// fed by a CompletionSource such as ServicesSource) cycling through the candidates, a
// per-tenant History file without secrets, Up and Down filtered by the typed prefix, and
// Ctrl+Left/Right by word.
//
// It decides nothing about PowerShell semantics: parsing is the parser's and running is
// the session's. It imports shell, parser and chzyer/readline only; it must not import
// cmdlets, store or Badger.
package repl
