package badgerstore

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"github.com/exosh/exosh/store"
)

// RecipientByID returns the recipient with the given Guid.
func (s *Store) RecipientByID(ctx context.Context, id store.ID) (store.Recipient, error) {
	var r store.Recipient
	err := s.view(ctx, func(txn *badger.Txn) error {
		if err := getJSON(txn, recipientKey(id), &r); err != nil {
			if errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("recipient %s: %w", id, store.ErrNotFound)
			}
			return err
		}
		return nil
	})
	return r, err
}

// Recipient resolves identity to exactly one active recipient of the given classes.
func (s *Store) Recipient(ctx context.Context, identity string, classes ...store.Class) (store.Recipient, error) {
	var out store.Recipient
	err := s.view(ctx, func(txn *badger.Txn) error {
		found, err := resolve(txn, identity, newFilter(classes, false))
		if err != nil {
			return err
		}
		switch len(found) {
		case 0:
			return fmt.Errorf("%q: %w", identity, store.ErrNotFound)
		case 1:
			out = found[0]
			return nil
		}
		return fmt.Errorf("%q: %w", identity, store.ErrAmbiguous)
	})
	return out, err
}

// filter is the class and state a lookup accepts.
type filter struct {
	classes     map[store.Class]bool // nil means all
	softDeleted bool
}

func newFilter(classes []store.Class, softDeleted bool) filter {
	f := filter{softDeleted: softDeleted}
	if len(classes) > 0 {
		f.classes = map[store.Class]bool{}
		for _, c := range classes {
			f.classes[c] = true
		}
	}
	return f
}

func (f filter) accepts(r *store.Recipient) bool {
	if r.SoftDeleted() != f.softDeleted {
		return false
	}
	if f.classes == nil {
		return true
	}
	c, _ := store.ClassOf(r.RecipientTypeDetails)
	return f.classes[c]
}

// resolve returns every recipient the identity matches in the first resolution tier
// that matches anything, as Exchange resolves: (1) Guid, ExchangeGuid,
// ExternalDirectoryObjectId, DistinguishedName; (2) one search over
// ExternalDirectoryObjectId, SMTP and X500 proxy addresses, UserPrincipalName,
// LegacyExchangeDN, Alias and DisplayName; (3) Name; (4) SamAccountName, also as
// DOMAIN\sam.
func resolve(txn *badger.Txn, identity string, f filter) ([]store.Recipient, error) {
	if identity == "" || strings.IndexByte(identity, 0) >= 0 {
		return nil, nil
	}
	type probe struct {
		kind  idKind
		value string
	}
	var tiers [4][]probe
	var byID []store.ID
	if id, err := store.ParseID(identity); err == nil {
		byID = append(byID, id)
		tiers[0] = append(tiers[0], probe{kindExchangeGuid, id.String()}, probe{kindEDOID, id.String()})
	}
	tiers[0] = append(tiers[0], probe{kindDN, identity})
	addr := identity
	if p, a, ok := strings.Cut(identity, ":"); ok && strings.EqualFold(p, "smtp") {
		addr = a
	}
	x500 := ""
	if p, a, ok := strings.Cut(identity, ":"); ok && strings.EqualFold(p, "x500") {
		x500 = a
	}
	tiers[1] = []probe{{kindEDOID, identity}, {kindSMTP, addr}, {kindUPN, identity}, {kindLegacyDN, identity}, {kindAlias, identity}}
	if x500 != "" {
		tiers[1] = append(tiers[1], probe{kindX500, x500})
	}
	tiers[2] = []probe{{kindName, identity}}
	tiers[3] = []probe{{kindSam, identity}}
	if _, sam, ok := strings.Cut(identity, `\`); ok && sam != "" {
		tiers[3] = append(tiers[3], probe{kindSam, sam})
	}

	for tier, probes := range tiers {
		ids := map[store.ID]bool{}
		if tier == 0 {
			for _, id := range byID {
				ids[id] = true
			}
		}
		for _, p := range probes {
			owner, err := identityOwner(txn, identityKey(p.kind, p.value))
			if err != nil {
				return nil, err
			}
			if !owner.IsZero() {
				ids[owner] = true
			}
		}
		if tier == 1 {
			err := scanKeys(txn, newKey(famDisplayName).str(identity).bytes(), nil, func(k []byte) (bool, error) {
				if id, ok := lastID(k); ok {
					ids[id] = true
				}
				return true, nil
			})
			if err != nil {
				return nil, err
			}
		}
		found, err := fetchAccepted(txn, ids, f)
		if err != nil || len(found) > 0 {
			return found, err
		}
	}
	return nil, nil
}

// fetchAccepted reads the recipients with the given IDs and keeps those f accepts,
// ordered by Name.
func fetchAccepted(txn *badger.Txn, ids map[store.ID]bool, f filter) ([]store.Recipient, error) {
	var out []store.Recipient
	for id := range ids {
		var r store.Recipient
		err := getJSON(txn, recipientKey(id), &r)
		if errors.Is(err, store.ErrNotFound) {
			continue // a Guid-shaped identity that is not a primary key
		}
		if err != nil {
			return nil, err
		}
		if f.accepts(&r) {
			out = append(out, r)
		}
	}
	sortRecipients(out)
	return out, nil
}

func sortRecipients(rs []store.Recipient) {
	sort.Slice(rs, func(i, j int) bool {
		return bytes.Compare(sortKey(rs[i].Name, rs[i].Guid), sortKey(rs[j].Name, rs[j].Guid)) < 0
	})
}
