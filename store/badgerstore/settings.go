package badgerstore

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"github.com/exosh/exosh/store"
)

// Names of the singleton records in family 02.
const (
	tenantName    = "tenant"
	orgName       = "org"
	restoringName = "restoring" // present while a snapshot restore is under way
)

// Tenant returns the tenant settings.
func (s *Store) Tenant(ctx context.Context) (store.Tenant, error) {
	var t store.Tenant
	err := s.view(ctx, func(txn *badger.Txn) error { return getJSON(txn, singletonKey(tenantName), &t) })
	if errors.Is(err, store.ErrNotFound) {
		err = fmt.Errorf("tenant settings: %w", err)
	}
	return t, err
}

// UpdateTenant changes the tenant settings in one transaction.
func (s *Store) UpdateTenant(ctx context.Context, fn func(t *store.Tenant) error) (store.Tenant, error) {
	var out store.Tenant
	err := s.update(ctx, func(txn *badger.Txn) error {
		var t store.Tenant
		if err := getJSON(txn, singletonKey(tenantName), &t); err != nil && !errors.Is(err, store.ErrNotFound) {
			return err
		}
		if err := fn(&t); err != nil {
			return err
		}
		if err := t.Clock.Validate(); err != nil {
			return err
		}
		out = t
		return setJSON(txn, singletonKey(tenantName), &t)
	})
	return out, err
}

// OrganizationConfig returns the organization config.
func (s *Store) OrganizationConfig(ctx context.Context) (store.OrganizationConfig, error) {
	var c store.OrganizationConfig
	err := s.view(ctx, func(txn *badger.Txn) error { return getJSON(txn, singletonKey(orgName), &c) })
	if errors.Is(err, store.ErrNotFound) {
		err = fmt.Errorf("organization config: %w", err)
	}
	return c, err
}

// UpdateOrganizationConfig changes the organization config in one transaction.
func (s *Store) UpdateOrganizationConfig(ctx context.Context, fn func(c *store.OrganizationConfig) error) (store.OrganizationConfig, error) {
	var out store.OrganizationConfig
	err := s.update(ctx, func(txn *badger.Txn) error {
		var c store.OrganizationConfig
		if err := getJSON(txn, singletonKey(orgName), &c); err != nil && !errors.Is(err, store.ErrNotFound) {
			return err
		}
		if err := fn(&c); err != nil {
			return err
		}
		out = c
		return setJSON(txn, singletonKey(orgName), &c)
	})
	return out, err
}

// AuditBypass returns the bypass association of an account.
func (s *Store) AuditBypass(ctx context.Context, id store.ID) (store.AuditBypass, error) {
	var b store.AuditBypass
	err := s.view(ctx, func(txn *badger.Txn) error { return getJSON(txn, auditBypassKey(id), &b) })
	if errors.Is(err, store.ErrNotFound) {
		err = fmt.Errorf("audit bypass association %s: %w", id, err)
	}
	return b, err
}

// AuditBypasses pages through the associations in ID order.
func (s *Store) AuditBypasses(ctx context.Context, limit int, after store.Cursor) ([]store.AuditBypass, store.Cursor, error) {
	if limit <= 0 {
		limit = store.DefaultLimit
	}
	a, err := decodeCursor(after)
	if err != nil {
		return nil, "", err
	}
	prefix := []byte{famAuditBypass}
	start := prefix
	if a != nil {
		start = append(append(bytes.Clone(prefix), a...), 0)
	}
	var out []store.AuditBypass
	err = s.view(ctx, func(txn *badger.Txn) error {
		return scanKeys(txn, prefix, start, func(k []byte) (bool, error) {
			var b store.AuditBypass
			if err := getJSON(txn, bytes.Clone(k), &b); err != nil {
				return false, err
			}
			out = append(out, b)
			return len(out) <= limit, nil
		})
	})
	if err != nil {
		return nil, "", err
	}
	var next store.Cursor
	if len(out) > limit {
		out = out[:limit]
		next = encodeCursor(out[limit-1].ID[:])
	}
	return out, next, nil
}

// PutAuditBypass creates or replaces an association.
func (s *Store) PutAuditBypass(ctx context.Context, b store.AuditBypass) error {
	if b.ID.IsZero() {
		return fmt.Errorf("audit bypass association without an ID: %w", store.ErrInvalid)
	}
	return s.update(ctx, func(txn *badger.Txn) error { return setJSON(txn, auditBypassKey(b.ID), &b) })
}

// DeleteAuditBypass removes an association.
func (s *Store) DeleteAuditBypass(ctx context.Context, id store.ID) error {
	return s.update(ctx, func(txn *badger.Txn) error {
		ok, err := exists(txn, auditBypassKey(id))
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("audit bypass association %s: %w", id, store.ErrNotFound)
		}
		return txn.Delete(auditBypassKey(id))
	})
}
