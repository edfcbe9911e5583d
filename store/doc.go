// Package store defines the tenant's records, query types, sentinel errors and the Store
// interfaces that cmdlets use. It holds no storage engine: Badger lives in
// store/badgerstore, and store/storetest holds the conformance suite every implementation
// must pass.
//
// The package imports only the standard library. It must not import the shell, the
// cmdlets or any storage engine.
//
// Service rules (default values, quotas, which cmdlet may change what) belong to the
// cmdlets; the store keeps records, keeps their identities unique and answers queries
// through indexes.
package store
