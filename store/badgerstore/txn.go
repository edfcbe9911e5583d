package badgerstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"github.com/exosh/exosh/store"
)

// maxRetries bounds the retries of a transaction that lost a conflict to a concurrent
// writer of this process.
const maxRetries = 8

// view runs fn in a read-only transaction while holding the state.
func (s *Store) view(ctx context.Context, fn func(txn *badger.Txn) error) error {
	db, release, err := s.hold(ctx)
	if err != nil {
		return err
	}
	defer release()
	return db.View(fn)
}

// update runs fn in one read-write transaction while holding the state, retrying a
// bounded number of times when Badger reports a conflict.
func (s *Store) update(ctx context.Context, fn func(txn *badger.Txn) error) error {
	db, done, err := s.holdForWrite(ctx)
	if err != nil {
		return err
	}
	defer done()
	return updateDB(ctx, db, fn)
}

// holdForWrite holds the state and takes this process's write turn; done gives both
// back. Writers of this process take turns: Badger's optimistic transactions would
// otherwise fail read-modify-writes of a busy record after a few retries. Readers do
// not wait.
func (s *Store) holdForWrite(ctx context.Context) (db *badger.DB, done func(), err error) {
	db, release, err := s.hold(ctx)
	if err != nil {
		return nil, nil, err
	}
	s.writeMu.Lock()
	return db, func() {
		s.writeMu.Unlock()
		release()
	}, nil
}

func updateDB(ctx context.Context, db *badger.DB, fn func(txn *badger.Txn) error) error {
	for attempt := 0; ; attempt++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		err := db.Update(fn)
		if errors.Is(err, badger.ErrConflict) && attempt < maxRetries {
			continue
		}
		return err
	}
}

// getJSON decodes the value at key into v; store.ErrNotFound when the key is absent.
func getJSON(txn *badger.Txn, key []byte, v any) error {
	item, err := txn.Get(key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return store.ErrNotFound
	}
	if err != nil {
		return err
	}
	return decodeItem(item, v)
}

// decodeItem decodes a value inside the transaction (no copy escapes it), by the
// encoding its UserMeta names: JSON, or the record codec of v's type.
func decodeItem(item *badger.Item, v any) error {
	meta := item.UserMeta()
	if meta == encodingJSON {
		return item.Value(func(b []byte) error { return json.Unmarshal(b, v) })
	}
	if err := item.Value(func(b []byte) error { return decodeValue(meta, b, v) }); err != nil {
		return fmt.Errorf("key %x: %w", item.Key(), err)
	}
	return nil
}

// decodeValue decodes b, a value of encoding meta, into v.
func decodeValue(meta byte, b []byte, v any) error {
	switch r := v.(type) {
	case *store.Recipient:
		if meta == encodingRecipient {
			return recipientCodec.decode(b, r)
		}
	case *store.AuditRecord:
		if meta == encodingAudit {
			return auditCodec.decode(b, r)
		}
	case *store.TraceRow:
		if meta == encodingTraceRow {
			return traceRowCodec.decode(b, r)
		}
	case *store.TraceEvent:
		if meta == encodingTraceEvent {
			return traceEventCodec.decode(b, r)
		}
	}
	if meta == encodingJSON {
		return json.Unmarshal(b, v)
	}
	return fmt.Errorf("value encoding %d for %T: %w", meta, v, store.ErrSchema)
}

// setJSON writes v as the JSON value of key.
func setJSON(txn *badger.Txn, key []byte, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return txn.SetEntry(badger.NewEntry(key, b).WithMeta(encodingJSON))
}

// exists reports whether key is present. The read is recorded in the transaction, so a
// concurrent writer of the same key conflicts.
func exists(txn *badger.Txn, key []byte) (bool, error) {
	_, err := txn.Get(key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return false, nil
	}
	return err == nil, err
}

// scanKeys calls fn with each key under prefix, starting at start (which must begin
// with prefix; nil means the prefix itself), key-only. fn returns false to stop. The
// key passed to fn is only valid during the call.
func scanKeys(txn *badger.Txn, prefix, start []byte, fn func(k []byte) (bool, error)) error {
	opts := badger.DefaultIteratorOptions
	opts.PrefetchValues = false
	opts.Prefix = prefix
	it := txn.NewIterator(opts)
	defer it.Close()
	if start == nil {
		start = prefix
	}
	for it.Seek(start); it.ValidForPrefix(prefix); it.Next() {
		more, err := fn(it.Item().Key())
		if err != nil || !more {
			return err
		}
	}
	return nil
}

// scanItems is scanKeys for families whose values are needed.
func scanItems(txn *badger.Txn, prefix []byte, fn func(item *badger.Item) (bool, error)) error {
	opts := badger.DefaultIteratorOptions
	opts.PrefetchValues = false
	opts.Prefix = prefix
	it := txn.NewIterator(opts)
	defer it.Close()
	for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
		more, err := fn(it.Item())
		if err != nil || !more {
			return err
		}
	}
	return nil
}

// jsonValue encodes a record value.
func jsonValue(v any) ([]byte, error) { return json.Marshal(v) }

// recordItem returns the item that holds the record an index entry names: the entry
// itself when it carries the record (its UserMeta names an encoding), else the record
// read by its primary key pk.
func recordItem(txn *badger.Txn, entry *badger.Item, pk []byte) (*badger.Item, error) {
	if entry.UserMeta() != 0 {
		return entry, nil
	}
	item, err := txn.Get(pk)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, store.ErrNotFound
	}
	return item, err
}

// historyIndexEntry is the entry of index key k of a record encoded as v with encoding meta:
// the index family carrier holds the record itself (so a scan of it reads no further),
// every other index is empty.
func historyIndexEntry(k []byte, carrier byte, v []byte, meta byte, life lifetime) *badger.Entry {
	if k[0] == carrier {
		return life.entry(k, v, meta)
	}
	return life.entry(k, nil, 0)
}
