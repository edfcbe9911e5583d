package badgerstore

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"

	"github.com/exosh/exosh/store"
)

// A snapshot is a file (or, in memory, a byte slice) holding a header and Badger's
// backup stream of every live key:
//
//	"EXOSNAP\n"  uint32-BE header length  header JSON  backup stream
//
// Restoring drops every key and loads the stream back, so the tenant is exactly what it
// was, including families this package does not interpret.
const snapshotMagic = "EXOSNAP\n"

// snapshotHeader is the JSON header of a snapshot.
type snapshotHeader struct {
	Info   store.SnapshotInfo
	Schema uint32
}

// memorySnapshot is a snapshot of an in-memory store.
type memorySnapshot struct {
	info store.SnapshotInfo
	data []byte
}

func (s *Store) snapshotDir() string { return filepath.Join(s.dir, "snapshots") }

func (s *Store) snapshotPath(name string) string {
	return filepath.Join(s.snapshotDir(), strings.ToLower(name)+".snap")
}

func (s *Store) now() time.Time {
	if s.cfg.clock == nil {
		return time.Time{}
	}
	return s.cfg.clock.Now().UTC()
}

// SaveSnapshot writes the whole tenant under name.
func (s *Store) SaveSnapshot(ctx context.Context, name string, replace bool) (store.SnapshotInfo, error) {
	if err := store.CheckSnapshotName(name); err != nil {
		return store.SnapshotInfo{}, err
	}
	db, release, err := s.hold(ctx)
	if err != nil {
		return store.SnapshotInfo{}, err
	}
	defer release()
	if !replace {
		if _, err := s.findSnapshot(name); err == nil {
			return store.SnapshotInfo{}, fmt.Errorf("snapshot %q: %w", name, store.ErrExists)
		}
	}
	info := store.SnapshotInfo{Name: name, Created: s.now()}
	err = db.View(func(txn *badger.Txn) error {
		return scanKeys(txn, []byte{famRecipient}, nil, func([]byte) (bool, error) {
			info.Recipients++
			return true, nil
		})
	})
	if err != nil {
		return store.SnapshotInfo{}, err
	}
	write := func(w io.Writer) error {
		h, err := json.Marshal(snapshotHeader{Info: info, Schema: schemaVersion})
		if err != nil {
			return err
		}
		bw := bufio.NewWriterSize(w, 1<<20)
		bw.WriteString(snapshotMagic)
		bw.Write(binary.BigEndian.AppendUint32(nil, uint32(len(h))))
		bw.Write(h)
		if _, err := db.Backup(bw, 0); err != nil {
			return err
		}
		return bw.Flush()
	}
	if s.cfg.inMemory {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			return store.SnapshotInfo{}, err
		}
		info.Size = int64(buf.Len())
		s.mu.Lock()
		s.memSnaps[strings.ToLower(name)] = memorySnapshot{info: info, data: buf.Bytes()}
		s.mu.Unlock()
		return info, nil
	}
	if err := os.MkdirAll(s.snapshotDir(), 0o755); err != nil {
		return store.SnapshotInfo{}, err
	}
	// Write beside the target and rename, so a snapshot file is always whole.
	f, err := os.CreateTemp(s.snapshotDir(), ".save-*")
	if err != nil {
		return store.SnapshotInfo{}, err
	}
	defer os.Remove(f.Name())
	err = write(f)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), s.snapshotPath(name))
	}
	if err != nil {
		return store.SnapshotInfo{}, fmt.Errorf("saving snapshot %q: %w", name, err)
	}
	if st, err := os.Stat(s.snapshotPath(name)); err == nil {
		info.Size = st.Size()
	}
	return info, nil
}

// openSnapshot returns a reader positioned at the backup stream, and the header.
func (s *Store) openSnapshot(name string) (io.ReadCloser, snapshotHeader, error) {
	var rc io.ReadCloser
	if s.cfg.inMemory {
		s.mu.Lock()
		m, ok := s.memSnaps[strings.ToLower(name)]
		s.mu.Unlock()
		if !ok {
			return nil, snapshotHeader{}, fmt.Errorf("snapshot %q: %w", name, store.ErrNotFound)
		}
		rc = io.NopCloser(bytes.NewReader(m.data))
	} else {
		f, err := os.Open(s.snapshotPath(name))
		if errors.Is(err, fs.ErrNotExist) {
			return nil, snapshotHeader{}, fmt.Errorf("snapshot %q: %w", name, store.ErrNotFound)
		}
		if err != nil {
			return nil, snapshotHeader{}, err
		}
		rc = f
	}
	h, err := readSnapshotHeader(rc)
	if err != nil {
		rc.Close()
		return nil, snapshotHeader{}, fmt.Errorf("snapshot %q: %w", name, err)
	}
	return rc, h, nil
}

func readSnapshotHeader(r io.Reader) (snapshotHeader, error) {
	var h snapshotHeader
	pre := make([]byte, len(snapshotMagic)+4)
	if _, err := io.ReadFull(r, pre); err != nil || string(pre[:len(snapshotMagic)]) != snapshotMagic {
		return h, fmt.Errorf("not an exosh snapshot: %w", store.ErrSchema)
	}
	n := binary.BigEndian.Uint32(pre[len(snapshotMagic):])
	if n > 1<<20 {
		return h, fmt.Errorf("snapshot header of %d bytes: %w", n, store.ErrSchema)
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(r, b); err != nil {
		return h, fmt.Errorf("snapshot header: %w", store.ErrSchema)
	}
	if err := json.Unmarshal(b, &h); err != nil {
		return h, fmt.Errorf("snapshot header: %v: %w", err, store.ErrSchema)
	}
	return h, nil
}

// findSnapshot returns a snapshot's info.
func (s *Store) findSnapshot(name string) (store.SnapshotInfo, error) {
	rc, h, err := s.openSnapshot(name)
	if err != nil {
		return store.SnapshotInfo{}, err
	}
	rc.Close()
	return h.Info, nil
}

// RestoreSnapshot replaces every key with the snapshot's. While it runs, a marker key
// records the restore, so a process killed half-way leaves a tenant that refuses to be
// used (rather than a silently partial one) until a restore or reset completes.
func (s *Store) RestoreSnapshot(ctx context.Context, name string) error {
	rc, h, err := s.openSnapshot(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	if h.Schema > schemaVersion {
		return &store.SchemaError{Dir: "snapshot " + name, Found: h.Schema, Supported: schemaVersion}
	}
	db, release, err := s.holdAny(ctx)
	if err != nil {
		return err
	}
	defer release()
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if err := db.DropAll(); err != nil {
		return err
	}
	if err := db.Update(func(txn *badger.Txn) error {
		return txn.Set(singletonKey(restoringName), []byte(h.Info.Name))
	}); err != nil {
		return err
	}
	s.setRestoring(h.Info.Name)
	if err := db.Load(rc, 256); err != nil {
		return fmt.Errorf("restoring snapshot %q: %w", name, err)
	}
	if err := db.Update(func(txn *badger.Txn) error { return txn.Delete(singletonKey(restoringName)) }); err != nil {
		return err
	}
	s.setRestoring("")
	return nil
}

func (s *Store) setRestoring(name string) {
	s.mu.Lock()
	s.restoring = name
	s.mu.Unlock()
}

// ListSnapshots lists the snapshots ordered by name.
func (s *Store) ListSnapshots(ctx context.Context) ([]store.SnapshotInfo, error) {
	var out []store.SnapshotInfo
	if s.cfg.inMemory {
		s.mu.Lock()
		for _, m := range s.memSnaps {
			out = append(out, m.info)
		}
		s.mu.Unlock()
	} else {
		entries, err := os.ReadDir(s.snapshotDir())
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		for _, e := range entries {
			base, ok := strings.CutSuffix(e.Name(), ".snap")
			if !ok || strings.HasPrefix(e.Name(), ".") {
				continue
			}
			info, err := s.findSnapshot(base)
			if err != nil {
				return nil, err
			}
			if st, err := e.Info(); err == nil {
				info.Size = st.Size()
			}
			out = append(out, info)
		}
	}
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	return out, nil
}

// DeleteSnapshot removes a snapshot.
func (s *Store) DeleteSnapshot(ctx context.Context, name string) error {
	if err := store.CheckSnapshotName(name); err != nil {
		return fmt.Errorf("snapshot %q: %w", name, store.ErrNotFound)
	}
	if s.cfg.inMemory {
		s.mu.Lock()
		defer s.mu.Unlock()
		if _, ok := s.memSnaps[strings.ToLower(name)]; !ok {
			return fmt.Errorf("snapshot %q: %w", name, store.ErrNotFound)
		}
		delete(s.memSnaps, strings.ToLower(name))
		return nil
	}
	err := os.Remove(s.snapshotPath(name))
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("snapshot %q: %w", name, store.ErrNotFound)
	}
	return err
}

// Reset drops every record of every family and writes a fresh schema version.
func (s *Store) Reset(ctx context.Context) error {
	db, release, err := s.holdAny(ctx)
	if err != nil {
		return err
	}
	defer release()
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if err := db.DropAll(); err != nil {
		return err
	}
	if err := db.Update(func(txn *badger.Txn) error { return txn.Set(schemaKey(), uint32BE(schemaVersion)) }); err != nil {
		return err
	}
	s.setRestoring("")
	return nil
}
