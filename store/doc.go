// Package store defines the tenant's records, query types, sentinel errors and the Store
// interfaces that cmdlets use. It holds no storage engine: Badger lives in
// store/badgerstore. It imports only the standard library.
package store
