// Package shell is the exosh runtime: the Session, statement and expression evaluation over
// the parser's AST, scopes and variables, the streaming pipeline, parameter binding, the
// cmdlet contract (Cmdlet, Param, Binder, Context) and runtime errors with FormatError, the
// one place that decides how an error is printed.
//
// shell imports parser, shell/value, shell/format and store. It must not import cmdlets (the
// cmdlet table is passed in with WithCmdlets), Badger or the REPL.
package shell
