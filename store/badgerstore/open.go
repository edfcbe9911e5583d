package badgerstore

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"

	"github.com/exosh/exosh/store"
)

// Clock is the time source of the store: snapshot creation times, and the retention of
// message traces, audit records and historical searches (see retention.go). It matches
// shell.Clock without importing the shell.
type Clock interface{ Now() time.Time }

// Option configures Open.
type Option func(*config)

type config struct {
	inMemory bool
	clock    Clock
	lockWait time.Duration
	logger   badger.Logger
}

// InMemory keeps the whole tenant in memory: nothing touches the disk, no directory is
// locked, and snapshots live as long as the Store. Used by tests and -InMemory.
func InMemory() Option { return func(c *config) { c.inMemory = true } }

// WithClock sets the store's clock. Without it, snapshot times are zero and nothing
// expires.
func WithClock(clk Clock) Option { return func(c *config) { c.clock = clk } }

// WithLockWait sets how long a call waits for another process to release the state
// directory before failing with store.ErrLocked (default 5 s).
func WithLockWait(d time.Duration) Option { return func(c *config) { c.lockWait = d } }

// WithLogger routes Badger's log lines to l (for debugging). By default Badger logs
// nothing, so nothing of it reaches the REPL.
func WithLogger(l badger.Logger) Option { return func(c *config) { c.logger = l } }

// Store is the Badger implementation of store.Store. It is safe for concurrent use.
type Store struct {
	dir string // state directory; "" in memory
	cfg config

	mu      sync.Mutex
	writeMu sync.Mutex // serialises this process's write transactions
	// auditLoading holds the primary keys of bulk-loaded audit records being written
	// (guarded by writeMu), so that checks running meanwhile see them (see writeAudit).
	auditLoading map[auditPos]struct{}
	db           *badger.DB
	holders      int
	lazy         []*lazyHold // statement holds waiting for the first call (see Hold)
	closed       bool
	closeErr     error                     // from the last release's close, reported once
	restoring    string                    // name of a snapshot whose restore was interrupted
	memSnaps     map[string]memorySnapshot // snapshots of an in-memory store
}

var _ store.Store = (*Store)(nil)

// Open prepares a store on the state directory dir (ignored with InMemory). It does not
// open Badger: that happens on the first call, so starting exosh stays cheap. A state
// written by a newer exosh is refused on that first call with a *store.SchemaError.
func Open(dir string, opts ...Option) (*Store, error) {
	s := &Store{cfg: config{lockWait: 5 * time.Second}}
	for _, o := range opts {
		o(&s.cfg)
	}
	if s.cfg.inMemory {
		s.memSnaps = map[string]memorySnapshot{}
		return s, nil
	}
	if dir == "" {
		return nil, fmt.Errorf("state directory: empty path: %w", store.ErrInvalid)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("state directory %s: %w", dir, err)
	}
	s.dir = abs
	return s, nil
}

// dbDir is where Badger keeps its files; snapshots sit beside it.
func (s *Store) dbDir() string { return filepath.Join(s.dir, "db") }

// badgerOptions tunes Badger for a small, often reopened database: a modest memtable so
// open and close stay around 10 ms, no compression or block cache (values are small JSON
// and the OS page cache serves reads), and values kept in the LSM tree. Bulk loads of
// millions of history records (SeedAudit, SeedTraces) set the sizes: a 32 MB memtable
// and 8 MB tables (fewer flushes and table files, each synced to disk) seed about 1.7
// times faster than 8 MB and 2 MB for some 2 ms more per open and close, and more
// level-0 tables before writes stall let a load run ahead of compaction.
func (s *Store) badgerOptions() badger.Options {
	o := badger.DefaultOptions(s.dbDir())
	if s.cfg.inMemory {
		o = badger.DefaultOptions("").WithInMemory(true)
	}
	return o.WithLogger(s.cfg.logger).
		WithCompression(options.None).
		WithBlockCacheSize(0).
		WithMemTableSize(32 << 20).
		WithBaseTableSize(8 << 20).
		WithNumMemtables(4).
		WithNumLevelZeroTables(10).
		WithNumLevelZeroTablesStall(30).
		WithNumCompactors(2).
		WithValueThreshold(64 << 10).
		WithValueLogFileSize(1 << 20).
		WithMetricsEnabled(false).
		WithDetectConflicts(true)
}

// Acquire holds the state directory until release is called (store.Holder).
func (s *Store) Acquire(ctx context.Context) (func(), error) {
	_, release, err := s.hold(ctx)
	return release, err
}

// hold returns the open database and a release function; the database stays open (and
// the directory locked) until every holder has released it.
func (s *Store) hold(ctx context.Context) (*badger.DB, func(), error) {
	db, release, err := s.holdAny(ctx)
	if err != nil {
		return nil, nil, err
	}
	s.mu.Lock()
	restoring := s.restoring
	s.mu.Unlock()
	if restoring != "" {
		release()
		return nil, nil, fmt.Errorf("restoring snapshot %q was interrupted, so the tenant is incomplete; restore a snapshot again or reset the tenant: %w",
			restoring, store.ErrSchema)
	}
	return db, release, nil
}

// holdAny is hold without the interrupted-restore check, for restore and reset.
func (s *Store) holdAny(ctx context.Context) (*badger.DB, func(), error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, nil, errors.New("state store is closed")
	}
	if err := s.closeErr; err != nil {
		s.closeErr = nil
		return nil, nil, fmt.Errorf("closing the state: %w", err)
	}
	if s.db == nil {
		db, err := s.openDB(ctx)
		if err != nil {
			return nil, nil, err
		}
		s.db = db
	}
	s.holders++
	s.pinLazyHolds()
	var once sync.Once
	return s.db, func() { once.Do(s.release) }, nil
}

func (s *Store) release() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.holders--
	if s.holders > 0 || s.cfg.inMemory || s.db == nil {
		return
	}
	s.closeErr = s.db.Close()
	s.db = nil
}

// openDB opens Badger, waiting with a growing backoff while another process holds the
// directory, then checks the schema version. Called with s.mu held.
func (s *Store) openDB(ctx context.Context) (*badger.DB, error) {
	if !s.cfg.inMemory {
		if err := os.MkdirAll(s.dbDir(), 0o755); err != nil {
			return nil, fmt.Errorf("state directory %s: %w", s.dir, err)
		}
	}
	var waited time.Duration
	backoff := time.Millisecond
	for {
		db, err := badger.Open(s.badgerOptions())
		if err == nil {
			if err := s.checkSchema(db); err != nil {
				db.Close()
				return nil, err
			}
			return db, nil
		}
		if !isLockError(err) {
			return nil, fmt.Errorf("opening the state in %s: %w", s.dir, err)
		}
		if waited >= s.cfg.lockWait {
			return nil, s.lockedError()
		}
		t := time.NewTimer(backoff)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, ctx.Err()
		case <-t.C:
		}
		waited += backoff
		backoff = min(backoff*2, 20*time.Millisecond)
	}
}

// isLockError recognises Badger's directory-lock failure.
func isLockError(err error) bool {
	return errors.Is(err, syscall.EWOULDBLOCK) || errors.Is(err, syscall.EAGAIN) ||
		strings.Contains(err.Error(), "Cannot acquire directory lock")
}

// lockedError names the directory and, when Badger's LOCK file says, the holder's pid.
func (s *Store) lockedError() error {
	b, err := os.ReadFile(filepath.Join(s.dbDir(), "LOCK"))
	if err == nil {
		if pid, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil && pid > 0 {
			return fmt.Errorf("%w: %s (held by process %d)", store.ErrLocked, s.dir, pid)
		}
	}
	return fmt.Errorf("%w: %s", store.ErrLocked, s.dir)
}

// checkSchema writes the schema version into a new state, refuses a newer one and notes
// an interrupted restore.
func (s *Store) checkSchema(db *badger.DB) error {
	var found uint32
	var restoring string
	err := db.View(func(txn *badger.Txn) error {
		if item, err := txn.Get(singletonKey(restoringName)); err == nil {
			v, err := item.ValueCopy(nil)
			if err != nil {
				return err
			}
			restoring = string(v)
		} else if !errors.Is(err, badger.ErrKeyNotFound) {
			return err
		}
		item, err := txn.Get(schemaKey())
		if errors.Is(err, badger.ErrKeyNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		v, err := item.ValueCopy(nil)
		if err != nil {
			return err
		}
		if len(v) != 4 {
			return fmt.Errorf("schema version of %d bytes in %s: %w", len(v), s.dir, store.ErrSchema)
		}
		found = binary.BigEndian.Uint32(v)
		return nil
	})
	if err != nil {
		return err
	}
	s.restoring = restoring
	switch {
	case found == 0 && restoring == "":
		// A new state gets the version; keys without one mean some other program's data.
		return db.Update(func(txn *badger.Txn) error {
			foreign := false
			err := scanKeys(txn, []byte{}, nil, func([]byte) (bool, error) {
				foreign = true
				return false, nil
			})
			if err != nil {
				return err
			}
			if foreign {
				return fmt.Errorf("%s holds data without an exosh schema version: %w", s.dir, store.ErrSchema)
			}
			return txn.Set(schemaKey(), uint32BE(schemaVersion))
		})
	case found > schemaVersion:
		return &store.SchemaError{Dir: s.dir, Found: found, Supported: schemaVersion}
	case found < schemaVersion && restoring == "":
		// Version 1 differs only in storing recipients as JSON, which stays readable:
		// the migration is the new version number, so an older exosh then refuses the
		// state instead of failing on the first recipient it cannot decode.
		return db.Update(func(txn *badger.Txn) error { return txn.Set(schemaKey(), uint32BE(schemaVersion)) })
	}
	return nil
}

// Close releases the store. Outstanding holders must have released first.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	err := s.closeErr
	if s.db != nil {
		if cerr := s.db.Close(); err == nil {
			err = cerr
		}
		s.db = nil
	}
	return err
}

// Dir returns the state directory ("" in memory).
func (s *Store) Dir() string { return s.dir }
