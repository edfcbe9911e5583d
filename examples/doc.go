// Package examples holds runnable exosh scripts (*.ps1) with the output a user sees when
// running them (*.out). examples_test.go runs each one in a fresh session on a fresh demo
// tenant and compares. It has no code of its own and must not be imported.
package examples
