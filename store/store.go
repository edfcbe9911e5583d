package store

import "io"

// Store is the tenant state. The tenant issue fills it with the record families
// (mailboxes, traces, audit, searches); the shell only needs to carry it.
type Store interface {
	io.Closer
}
