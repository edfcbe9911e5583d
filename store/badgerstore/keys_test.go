package badgerstore

import (
	"bytes"
	"errors"
	"sort"
	"strings"
	"testing"

	"github.com/exosh/exosh/store"
)

func testID(n byte) store.ID {
	var id store.ID
	id[15] = n
	return id
}

func TestKeyLayout(t *testing.T) {
	cases := []struct {
		name string
		key  []byte
		want []byte
	}{
		{"schema", schemaKey(), []byte{0x01}},
		{"singleton", singletonKey("Tenant"), []byte("\x02tenant\x00")},
		{"recipient", recipientKey(testID(7)), append([]byte{0x10}, testID(7).Bytes()...)},
		{"identity", identityKey(kindSMTP, "Ann@X.com"), []byte("\x11\x04ann@x.com\x00")},
		{"name", nameKey(1, store.ClassMailbox, "Ann", testID(1)), append([]byte("\x12\x01\x02ann\x00"), testID(1).Bytes()...)},
		{"property", propertyKey(0, store.ClassGroup, store.PropCity, "Oslo", "Ann", testID(1)),
			append([]byte("\x14\x00\x05\x03oslo\x00ann\x00"), testID(1).Bytes()...)},
		{"member", memberKey(testID(1), testID(2)), append(append([]byte{0x15}, testID(1).Bytes()...), testID(2).Bytes()...)},
		{"perm", permKey(famMailboxPerm, testID(1), `NT AUTHORITY\SELF`, true),
			append(append([]byte{0x17}, testID(1).Bytes()...), []byte("nt authority\\self\x00\x01")...)},
	}
	for _, c := range cases {
		if !bytes.Equal(c.key, c.want) {
			t.Errorf("%s: key %q, want %q", c.name, c.key, c.want)
		}
	}
}

// Name-ordered index keys must sort exactly as the lower-cased names do, with the ID
// breaking ties; a name that is a prefix of another sorts first.
func TestNameKeyOrder(t *testing.T) {
	names := []string{"b", "a b", "a", "A", "ab", "a-b", "Zed", "zebra", "ä", "a\u00a0", "a0", "a b c"}
	type entry struct {
		name string
		id   store.ID
		key  []byte
	}
	var es []entry
	for i, n := range names {
		id := testID(byte(len(names) - i))
		es = append(es, entry{n, id, nameKey(0, store.ClassMailbox, n, id)})
	}
	byKey := append([]entry(nil), es...)
	sort.Slice(byKey, func(i, j int) bool { return bytes.Compare(byKey[i].key, byKey[j].key) < 0 })
	byName := append([]entry(nil), es...)
	sort.Slice(byName, func(i, j int) bool {
		a, b := strings.ToLower(byName[i].name), strings.ToLower(byName[j].name)
		if a != b {
			return a < b
		}
		return bytes.Compare(byName[i].id[:], byName[j].id[:]) < 0
	})
	for i := range byKey {
		if byKey[i].name != byName[i].name || byKey[i].id != byName[i].id {
			t.Fatalf("position %d: key order %q, name order %q", i, byKey[i].name, byName[i].name)
		}
	}
	// The sort suffix of an index key is the cursor format and equals sortKey.
	k := propertyKey(0, store.ClassMailbox, store.PropDepartment, "Sales", "Ann", testID(3))
	base := propertyPrefix(0, store.ClassMailbox, store.PropDepartment, "sales")
	suffix, ok := sortSuffix(k, len(base))
	if !ok || !bytes.Equal(suffix, sortKey("ANN", testID(3))) {
		t.Errorf("sortSuffix = %q, %v", suffix, ok)
	}
}

func TestKeyRoundTrip(t *testing.T) {
	for _, suffix := range [][]byte{nil, {0}, []byte("ann\x00\x01\x02"), bytes.Repeat([]byte{0xff}, 40)} {
		c := encodeCursor(suffix)
		got, err := decodeCursor(c)
		if err != nil || !bytes.Equal(got, suffix) {
			t.Errorf("cursor %q: %q, %v", suffix, got, err)
		}
	}
	if _, err := decodeCursor("zz"); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("bad cursor: %v", err)
	}
	for _, deny := range []bool{false, true} {
		k := permKey(famRecipientPerm, testID(9), "ann@x.com", deny)
		by, ok := permToBy(famRecipientPermBy)(k)
		if !ok || !bytes.Equal(by, permByKey(famRecipientPermBy, "ann@x.com", testID(9), deny)) {
			t.Errorf("permToBy(%q) = %q, %v", k, by, ok)
		}
		back, ok := byToPerm(famRecipientPerm)(by)
		if !ok || !bytes.Equal(back, k) {
			t.Errorf("byToPerm(%q) = %q, %v", by, back, ok)
		}
	}
	m := memberKey(testID(1), testID(2))
	if rev, ok := swapIDs(famMemberOf)(m); !ok || !bytes.Equal(rev, memberOfKey(testID(2), testID(1))) {
		t.Errorf("swapIDs = %q, %v", rev, ok)
	}
	s, rest, ok := splitString([]byte("abc\x00def"))
	if !ok || s != "abc" || string(rest) != "def" {
		t.Errorf("splitString = %q %q %v", s, rest, ok)
	}
	if id, ok := lastID(nameKey(0, 1, "x", testID(5))); !ok || id != testID(5) {
		t.Errorf("lastID = %v %v", id, ok)
	}
}

func TestNULRejected(t *testing.T) {
	if err := checkString("Alias", "a\x00b"); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("checkString: %v", err)
	}
	if err := checkString("Alias", "ab"); err != nil {
		t.Errorf("checkString: %v", err)
	}
}

func TestPlan(t *testing.T) {
	dept := store.Equal{Property: store.PropDepartment, Value: "Sales"}
	rtd := store.Equal{Property: store.PropRecipientTypeDetails, Value: "SharedMailbox"}
	cases := []struct {
		name string
		q    store.RecipientQuery
		path accessPath
		eq   int
	}{
		{"everything", store.RecipientQuery{}, pathAll, -1},
		{"identity", store.RecipientQuery{Identity: "ann", Equals: []store.Equal{dept}}, pathIdentity, -1},
		{"identity star lists all", store.RecipientQuery{Identity: "*"}, pathAll, -1},
		{"identity wildcard", store.RecipientQuery{Identity: "an*"}, pathIdentity, -1},
		{"property", store.RecipientQuery{Equals: []store.Equal{dept}, Name: "a*"}, pathProperty, 0},
		{"most selective property", store.RecipientQuery{Equals: []store.Equal{rtd, dept}}, pathProperty, 1},
		{"name prefix", store.RecipientQuery{Name: "ann*", Alias: "x*"}, pathName, -1},
		{"leading wildcard name", store.RecipientQuery{Name: "*ann", Alias: "x*"}, pathAlias, -1},
		{"alias", store.RecipientQuery{Alias: "x*"}, pathAlias, -1},
		{"leading wildcard alias", store.RecipientQuery{Alias: "*x"}, pathAll, -1},
	}
	for _, c := range cases {
		path, eq := plan(c.q)
		if path != c.path || eq != c.eq {
			t.Errorf("%s: plan = %d/%d, want %d/%d", c.name, path, eq, c.path, c.eq)
		}
	}
}
