// Package storetest is the conformance suite every store.Store implementation must pass,
// and the fixtures (deterministic recipients) that tests and benchmarks of the
// implementations share.
//
// It is test support: it imports only the store package and the standard library
// (testing), and nothing but _test files and other test support may import it.
package storetest
