// Package badgerstore implements the store interfaces on github.com/dgraph-io/badger/v4:
// the key codec (keys.go, the single place that builds keys), one file per record family,
// snapshots, the consistency checker Verify, and the opening, holding and locking of the
// state directory.
//
// It imports only the store package, Badger and the standard library. Only cmd/ and test
// support may import it; cmdlets talk to the store interfaces.
//
// Holding the directory: Badger allows one process per directory. To let two exosh
// shells share a tenant, a Store opens Badger lazily and holds it only while something
// uses it: each store call, or each statement the shell wraps in Acquire. When the last
// holder releases, Badger is closed and the directory lock released; another process
// waiting for the lock retries with a short backoff. Open plus close cost about 10-20 ms,
// so the shell holds the store once per statement rather than per call.
package badgerstore
