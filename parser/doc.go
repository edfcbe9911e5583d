// Package parser owns exosh's PowerShell-subset syntax: the lexer, the AST (ast.go), Parse,
// syntax errors with pwsh's texts, positions and an Incomplete flag (error.go,
// messages.go), and Dump, the compact one-line rendering used by test goldens.
//
// PowerShell tokenises differently in argument mode (command arguments) and expression mode,
// and the parser, not the text, picks the mode. The lexer (lexer.go) therefore emits
// fine-grained, lossless tokens (words, numbers, variables, strings, single punctuation)
// whose positions tell whether two tokens touch. participle drives the parse: it owns the
// token stream (a PeekingLexer) and the script grammar (grammar.go: separators, param
// block, named blocks, statements), whose Parseable productions are recursive descent over
// the same tokens: statements and keywords (statement.go, scriptblock.go), pipelines and
// commands in argument mode, gluing touching tokens into barewords (command.go), precedence
// climbing in expression mode (expression.go) and string expansion (strings.go).
// Every participle failure becomes an *Error in toError (parser.go).
//
// parser imports only participle and the standard library; it must not import any other
// exosh package.
package parser
