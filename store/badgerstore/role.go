package badgerstore

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"github.com/exosh/exosh/store"
)

// Role groups are few (a tenant has a dozen or so), so each is one JSON record holding
// its member list, with a unique index on the name.

// RoleGroup returns the role group named identity, or with that Guid.
func (s *Store) RoleGroup(ctx context.Context, identity string) (store.RoleGroup, error) {
	var g store.RoleGroup
	if strings.IndexByte(identity, 0) >= 0 {
		return g, fmt.Errorf("role group %q: %w", identity, store.ErrNotFound)
	}
	err := s.view(ctx, func(txn *badger.Txn) error {
		if id, err := store.ParseID(identity); err == nil {
			if err := getJSON(txn, roleGroupKey(id), &g); !errors.Is(err, store.ErrNotFound) {
				return err
			}
		}
		id, err := roleGroupIDByName(txn, identity)
		if err != nil {
			return err
		}
		return getJSON(txn, roleGroupKey(id), &g)
	})
	if errors.Is(err, store.ErrNotFound) {
		err = fmt.Errorf("role group %q: %w", identity, store.ErrNotFound)
	}
	return g, err
}

// roleGroupIDByName reads the name index.
func roleGroupIDByName(txn *badger.Txn, name string) (store.ID, error) {
	var id store.ID
	item, err := txn.Get(roleGroupNameKey(name))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return id, store.ErrNotFound
	}
	if err != nil {
		return id, err
	}
	err = item.Value(func(b []byte) error {
		if len(b) != len(id) {
			return fmt.Errorf("role group name index %q: value of %d bytes: %w", name, len(b), store.ErrSchema)
		}
		copy(id[:], b)
		return nil
	})
	return id, err
}

// RoleGroups returns every role group ordered by name.
func (s *Store) RoleGroups(ctx context.Context) ([]store.RoleGroup, error) {
	var out []store.RoleGroup
	err := s.view(ctx, func(txn *badger.Txn) error {
		return scanItems(txn, []byte{famRoleGroup}, func(item *badger.Item) (bool, error) {
			var g store.RoleGroup
			if err := decodeItem(item, &g); err != nil {
				return false, err
			}
			out = append(out, g)
			return true, nil
		})
	})
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	return out, err
}

// CreateRoleGroup adds a role group with its name index entry.
func (s *Store) CreateRoleGroup(ctx context.Context, g store.RoleGroup) error {
	if err := store.CheckRoleGroup(&g); err != nil {
		return err
	}
	return s.update(ctx, func(txn *badger.Txn) error {
		for _, k := range [][]byte{roleGroupKey(g.Guid), roleGroupNameKey(g.Name)} {
			taken, err := exists(txn, k)
			if err != nil {
				return err
			}
			if taken {
				return fmt.Errorf("role group %q: %w", g.Name, store.ErrExists)
			}
		}
		if err := setJSON(txn, roleGroupKey(g.Guid), &g); err != nil {
			return err
		}
		return txn.Set(roleGroupNameKey(g.Name), g.Guid[:])
	})
}

// UpdateRoleGroup changes a role group in one transaction.
func (s *Store) UpdateRoleGroup(ctx context.Context, id store.ID, fn func(g *store.RoleGroup) error) (store.RoleGroup, error) {
	var out store.RoleGroup
	err := s.update(ctx, func(txn *badger.Txn) error {
		var g store.RoleGroup
		if err := getJSON(txn, roleGroupKey(id), &g); err != nil {
			if errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("role group %s: %w", id, err)
			}
			return err
		}
		before := g
		if err := fn(&g); err != nil {
			return err
		}
		if g.Guid != before.Guid || !strings.EqualFold(g.Name, before.Name) {
			return fmt.Errorf("role group %q: the Guid and Name cannot change: %w", before.Name, store.ErrInvalid)
		}
		if err := store.CheckRoleGroup(&g); err != nil {
			return err
		}
		out = g
		return setJSON(txn, roleGroupKey(id), &g)
	})
	return out, err
}

// DeleteRoleGroup removes a role group and its name index entry.
func (s *Store) DeleteRoleGroup(ctx context.Context, id store.ID) error {
	return s.update(ctx, func(txn *badger.Txn) error {
		var g store.RoleGroup
		if err := getJSON(txn, roleGroupKey(id), &g); err != nil {
			if errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("role group %s: %w", id, err)
			}
			return err
		}
		if err := txn.Delete(roleGroupKey(id)); err != nil {
			return err
		}
		return txn.Delete(roleGroupNameKey(g.Name))
	})
}

// verifyRoleGroups checks that every role group has its name index entry and every name
// index entry names an existing group of that name.
func verifyRoleGroups(txn *badger.Txn, report func(string, ...any) bool) error {
	names := map[string]bool{}
	err := scanItems(txn, []byte{famRoleGroup}, func(item *badger.Item) (bool, error) {
		var g store.RoleGroup
		if err := decodeItem(item, &g); err != nil {
			return report("role group record %x: %v", item.Key(), err), nil
		}
		names[strings.ToLower(g.Name)] = true
		if id, err := roleGroupIDByName(txn, g.Name); err != nil || id != g.Guid {
			return report("role group %q: name index entry missing or wrong (%v)", g.Name, err), nil
		}
		return true, nil
	})
	if err != nil {
		return err
	}
	return scanKeys(txn, []byte{famRoleGroupName}, nil, func(k []byte) (bool, error) {
		name, rest, ok := splitString(k[1:])
		if !ok || len(rest) != 0 {
			return report("role group name index key %x is malformed", k), nil
		}
		if !names[name] {
			return report("role group name index entry %q has no role group", name), nil
		}
		return true, nil
	})
}

// The store keeps role groups.
var _ store.Roles = (*Store)(nil)
