package badgerstore

import (
	"bytes"
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"github.com/exosh/exosh/store"
)

// accessPath is how FindRecipients reaches candidate recipients.
type accessPath int

const (
	// pathIdentity resolves an exact identity (all matches) or scans the identity
	// indexes with a wildcard pattern.
	pathIdentity accessPath = iota
	// pathProperty scans one indexed property's entries for one value, in Name order.
	pathProperty
	// pathName scans the Name index from the pattern's literal prefix, in Name order.
	pathName
	// pathAlias scans the unique Alias identities from the pattern's literal prefix.
	pathAlias
	// pathAll scans the Name index of each class: the listing of everything.
	pathAll
)

// plan chooses the single access path of a query, in a fixed order. It returns the
// Equals entry used by pathProperty. The remaining conditions are checked on each
// candidate record.
func plan(q store.RecipientQuery) (accessPath, int) {
	if q.Identity != "" && q.Identity != "*" {
		return pathIdentity, -1
	}
	for _, p := range store.IndexedProperties {
		for i, e := range q.Equals {
			if e.Property == p {
				return pathProperty, i
			}
		}
	}
	if q.Name != "" && store.LiteralPrefix(q.Name) != "" {
		return pathName, -1
	}
	if q.Alias != "" && store.LiteralPrefix(q.Alias) != "" {
		return pathAlias, -1
	}
	return pathAll, -1
}

// FindRecipients returns one page of the recipients q selects, ordered by Name.
func (s *Store) FindRecipients(ctx context.Context, q store.RecipientQuery) ([]store.Recipient, store.Cursor, error) {
	for _, e := range q.Equals {
		if _, ok := propCode[e.Property]; !ok {
			return nil, "", fmt.Errorf("property %q is not indexed: %w", e.Property, store.ErrInvalid)
		}
		if err := checkString(string(e.Property), e.Value); err != nil {
			return nil, "", err
		}
	}
	after, err := decodeCursor(q.After)
	if err != nil {
		return nil, "", err
	}
	limit := q.Limit
	if limit <= 0 {
		limit = store.DefaultLimit
	}
	classes := store.AllClasses
	if len(q.Classes) > 0 {
		classes = nil
		seen := map[store.Class]bool{}
		for _, c := range q.Classes {
			if !seen[c] {
				seen[c] = true
				classes = append(classes, c)
			}
		}
	}
	m := matcher{q: q, f: newFilter(classes, q.SoftDeleted)}
	var found []hit
	err = s.view(ctx, func(txn *badger.Txn) error {
		path, eq := plan(q)
		state := boolByte(q.SoftDeleted)
		switch path {
		case pathIdentity, pathAlias:
			ids, err := candidateIDs(txn, q, path, m.f)
			if err != nil {
				return err
			}
			found, err = fetchPage(txn, ids, m, after, limit)
			return err
		case pathProperty:
			e := q.Equals[eq]
			for _, c := range classes {
				base := propertyPrefix(state, c, e.Property, e.Value)
				h, err := scanOrdered(txn, base, base, after, m, limit)
				if err != nil {
					return err
				}
				found = append(found, h...)
			}
		case pathName, pathAll:
			for _, c := range classes {
				base := namePrefix(state, c)
				prefix := base
				if path == pathName {
					prefix = append(bytes.Clone(base), strings.ToLower(store.LiteralPrefix(q.Name))...)
				}
				h, err := scanOrdered(txn, base, prefix, after, m, limit)
				if err != nil {
					return err
				}
				found = append(found, h...)
			}
		}
		return nil
	})
	if err != nil {
		return nil, "", err
	}
	// Each class contributed at most limit+1 hits in order; merge and cut the page.
	sort.Slice(found, func(i, j int) bool { return bytes.Compare(found[i].sort, found[j].sort) < 0 })
	var next store.Cursor
	if len(found) > limit {
		found = found[:limit]
		next = encodeCursor(found[limit-1].sort)
	}
	out := make([]store.Recipient, len(found))
	for i, h := range found {
		out[i] = h.r
	}
	return out, next, nil
}

// hit is a matching recipient with its sort key ("name 00 id16").
type hit struct {
	sort []byte
	r    store.Recipient
}

// matcher checks the conditions of a query on a candidate record.
type matcher struct {
	q store.RecipientQuery
	f filter
}

func (m matcher) match(r *store.Recipient) bool {
	if !m.f.accepts(r) {
		return false
	}
	if m.q.Name != "" && !store.MatchWildcard(m.q.Name, r.Name) {
		return false
	}
	if m.q.Alias != "" && !store.MatchWildcard(m.q.Alias, r.Alias) {
		return false
	}
	for _, e := range m.q.Equals {
		if !strings.EqualFold(e.Property.Value(r), e.Value) {
			return false
		}
	}
	if m.q.Identity != "" && m.q.Identity != "*" && store.HasWildcard(m.q.Identity) {
		p := m.q.Identity
		if !store.MatchWildcard(p, r.Name) && !store.MatchWildcard(p, r.Alias) &&
			!store.MatchWildcard(p, r.DisplayName) && !store.MatchWildcard(p, r.UserPrincipalName) {
			return false
		}
	}
	return true
}

// scanOrdered walks index keys under prefix (whose sort suffix starts after base) from
// the cursor on, reads each record and keeps up to limit+1 that match.
func scanOrdered(txn *badger.Txn, base, prefix, after []byte, m matcher, limit int) ([]hit, error) {
	start := prefix
	if after != nil {
		// Just past the cursor's own key: every key of these families ends in an ID, so
		// no key has cursor+0x00 as a prefix.
		c := append(append(bytes.Clone(base), after...), 0)
		if bytes.Compare(c, start) > 0 {
			start = c
		}
	}
	var out []hit
	err := scanKeys(txn, prefix, start, func(k []byte) (bool, error) {
		suffix, ok := sortSuffix(k, len(base))
		if !ok {
			return false, fmt.Errorf("index key %x: %w", k, store.ErrSchema)
		}
		id, _ := lastID(k)
		var r store.Recipient
		if err := getJSON(txn, recipientKey(id), &r); err != nil {
			return false, fmt.Errorf("index key %x: recipient %s: %w", k, id, err)
		}
		if m.match(&r) {
			out = append(out, hit{sort: bytes.Clone(suffix), r: r})
		}
		return len(out) <= limit, nil
	})
	return out, err
}

// candidateIDs collects the IDs an identity or alias query can match.
func candidateIDs(txn *badger.Txn, q store.RecipientQuery, path accessPath, f filter) (map[store.ID]bool, error) {
	ids := map[store.ID]bool{}
	if path == pathIdentity && !store.HasWildcard(q.Identity) {
		rs, err := resolve(txn, q.Identity, f)
		for _, r := range rs {
			ids[r.Guid] = true
		}
		return ids, err
	}
	pattern, kinds := q.Identity, []idKind{kindName, kindAlias, kindUPN}
	if path == pathAlias {
		pattern, kinds = q.Alias, []idKind{kindAlias}
	}
	lit := store.LiteralPrefix(pattern)
	for _, kind := range kinds {
		prefix := identityPrefix(kind, lit)
		err := scanItems(txn, prefix, func(item *badger.Item) (bool, error) {
			v, _, ok := splitString(item.Key()[2:])
			if !ok {
				return false, fmt.Errorf("identity key %x: %w", item.Key(), store.ErrSchema)
			}
			if !store.MatchWildcard(pattern, v) {
				return true, nil
			}
			return true, item.Value(func(b []byte) error {
				if len(b) == 16 {
					var id store.ID
					copy(id[:], b)
					ids[id] = true
				}
				return nil
			})
		})
		if err != nil {
			return nil, err
		}
	}
	if path == pathIdentity {
		err := scanKeys(txn, displayNamePrefix(lit), nil, func(k []byte) (bool, error) {
			v, _, ok := splitString(k[1:])
			if ok && store.MatchWildcard(pattern, v) {
				if id, ok := lastID(k); ok {
					ids[id] = true
				}
			}
			return true, nil
		})
		if err != nil {
			return nil, err
		}
	}
	return ids, nil
}

// fetchPage reads candidate records, keeps the matching ones after the cursor and
// returns up to limit+1 of them in order.
func fetchPage(txn *badger.Txn, ids map[store.ID]bool, m matcher, after []byte, limit int) ([]hit, error) {
	var out []hit
	for id := range ids {
		var r store.Recipient
		if err := getJSON(txn, recipientKey(id), &r); err != nil {
			return nil, fmt.Errorf("recipient %s: %w", id, err)
		}
		if !m.match(&r) {
			continue
		}
		k := sortKey(r.Name, r.Guid)
		if after != nil && bytes.Compare(k, after) <= 0 {
			continue
		}
		out = append(out, hit{sort: k, r: r})
	}
	sort.Slice(out, func(i, j int) bool { return bytes.Compare(out[i].sort, out[j].sort) < 0 })
	if len(out) > limit+1 {
		out = out[:limit+1]
	}
	return out, nil
}
