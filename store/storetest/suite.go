package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"testing"

	"github.com/exosh/exosh/store"
)

// Verifier is implemented by stores that can check their own index consistency; the
// suite calls it after every test.
type Verifier interface {
	Verify(ctx context.Context) error
}

// test is one conformance check, run on a fresh store.
type test struct {
	name string
	fn   func(t *testing.T, s store.Store)
}

// tests is the whole suite, grouped by family.
func tests() []test {
	var all []test
	all = append(all, identityTests()...)
	all = append(all, uniqueTests()...)
	all = append(all, queryTests()...)
	all = append(all, groupTests()...)
	all = append(all, permissionTests()...)
	all = append(all, settingsTests()...)
	all = append(all, snapshotTests()...)
	all = append(all, auditTests()...)
	all = append(all, traceTests()...)
	all = append(all, searchTests()...)
	all = append(all, roleTests()...)
	all = append(all, itemTests()...)
	all = append(all, auditSearchTests()...)
	return all
}

// Run runs the conformance suite. newStore must return a fresh, empty store each time,
// whose clock reads Now (the retention tests depend on it); the suite closes it.
func Run(t *testing.T, newStore func(t *testing.T) store.Store) {
	for _, tc := range tests() {
		t.Run(tc.name, func(t *testing.T) {
			s := newStore(t)
			t.Cleanup(func() {
				if err := s.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			})
			tc.fn(t, s)
			if v, ok := s.(Verifier); ok && !t.Failed() {
				if err := v.Verify(context.Background()); err != nil {
					t.Errorf("Verify after the test: %v", err)
				}
			}
		})
	}
}

// ctx is the context of every suite call.
var ctx = context.Background()

// create adds recipients or fails the test.
func create(t *testing.T, s store.Store, rs ...store.Recipient) {
	t.Helper()
	for _, r := range rs {
		if err := s.CreateRecipient(ctx, r); err != nil {
			t.Fatalf("CreateRecipient(%s): %v", r.Name, err)
		}
	}
}

// update applies fn to the recipient or fails the test.
func update(t *testing.T, s store.Store, id store.ID, fn func(r *store.Recipient)) store.Recipient {
	t.Helper()
	r, _, err := s.UpdateRecipient(ctx, id, func(r *store.Recipient) error { fn(r); return nil })
	if err != nil {
		t.Fatalf("UpdateRecipient(%s): %v", id, err)
	}
	return r
}

// wantErr fails unless err matches target (nil means success).
func wantErr(t *testing.T, what string, err, target error) {
	t.Helper()
	switch {
	case target == nil && err != nil:
		t.Errorf("%s: unexpected error %v", what, err)
	case target != nil && !errors.Is(err, target):
		t.Errorf("%s: error %v, want %v", what, err, target)
	}
}

// names returns the Names of recipients, in order.
func names(rs []store.Recipient) []string {
	out := []string{}
	for _, r := range rs {
		out = append(out, r.Name)
	}
	return out
}

// find runs a query or fails the test, returning the names.
func find(t *testing.T, s store.Store, q store.RecipientQuery) []string {
	t.Helper()
	rs, _, err := s.FindRecipients(ctx, q)
	if err != nil {
		t.Fatalf("FindRecipients(%+v): %v", q, err)
	}
	return names(rs)
}

// findAll pages through a query with the given page size and returns every name.
func findAll(t *testing.T, s store.Store, q store.RecipientQuery, page int) []string {
	t.Helper()
	q.Limit = page
	var out []string
	for i := 0; ; i++ {
		rs, next, err := s.FindRecipients(ctx, q)
		if err != nil {
			t.Fatalf("FindRecipients page %d: %v", i, err)
		}
		if len(rs) > page {
			t.Fatalf("page %d has %d entries, limit %d", i, len(rs), page)
		}
		out = append(out, names(rs)...)
		if next == "" {
			return out
		}
		if i > 10000 {
			t.Fatal("paging does not end")
		}
		q.After = next
	}
}

// same fails with both values as JSON when got and want differ.
func same(t *testing.T, what string, got, want any) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		g, _ := json.MarshalIndent(got, "", "  ")
		w, _ := json.MarshalIndent(want, "", "  ")
		t.Errorf("%s:\ngot  %s\nwant %s", what, g, w)
	}
}

// eq builds an equality filter.
func eq(p store.Property, v string) store.Equal { return store.Equal{Property: p, Value: v} }
