package storetest

import (
	"testing"

	"github.com/exosh/exosh/store"
)

// pageAll reads a query to its end in pages of the given size and returns the name of
// every record. fetch asks the store for the page after a cursor; every page must keep
// to the limit, and a page that is followed by a cursor must be full.
func pageAll[R, N any](t *testing.T, what string, page int, fetch func(after store.Cursor) ([]R, store.Cursor, error), name func(R) N) []N {
	t.Helper()
	out := []N{}
	var after store.Cursor
	for i := 0; ; i++ {
		recs, next, err := fetch(after)
		if err != nil {
			t.Fatalf("%s page %d: %v", what, i, err)
		}
		if len(recs) > page || (next != "" && len(recs) != page) {
			t.Fatalf("page %d has %d records, limit %d, next %q", i, len(recs), page, next)
		}
		for _, r := range recs {
			out = append(out, name(r))
		}
		if next == "" {
			return out
		}
		if i > 1000 {
			t.Fatal("paging does not end")
		}
		after = next
	}
}

// anyMatch reports whether v matches one of the patterns of a query's list filter; an
// empty list filters nothing.
func anyMatch(list []string, v string, match func(pattern, v string) bool) bool {
	if len(list) == 0 {
		return true
	}
	for _, p := range list {
		if match(p, v) {
			return true
		}
	}
	return false
}
