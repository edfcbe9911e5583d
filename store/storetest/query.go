package storetest

import (
	"fmt"
	"testing"

	"github.com/exosh/exosh/store"
)

func queryTests() []test {
	return []test{
		{"ListOrderedByName", testListOrdered},
		{"ListClasses", testListClasses},
		{"FilterIndexed", testFilterIndexed},
		{"FilterNotIndexed", testFilterNotIndexed},
		{"Wildcards", testWildcards},
		{"Paging", testPaging},
		{"PagingFiltered", testPagingFiltered},
		{"Acquire", testAcquire},
	}
}

func testListOrdered(t *testing.T, s store.Store) {
	for i, n := range []string{"Zed", "alpha", "Bravo", "alpha.b", "charlie", "ALPHA2"} {
		create(t, s, Mailbox(i+1, n))
	}
	same(t, "order", find(t, s, store.RecipientQuery{}), []string{"alpha", "alpha.b", "ALPHA2", "Bravo", "charlie", "Zed"})
}

func testListClasses(t *testing.T, s store.Store) {
	shared := Mailbox(3, "frontdesk")
	shared.RecipientTypeDetails = "SharedMailbox"
	create(t, s, Mailbox(1, "bob"), Group(2, "allstaff"), shared, User(4, "carl"))
	same(t, "mailboxes", find(t, s, store.RecipientQuery{Classes: []store.Class{store.ClassMailbox}}), []string{"bob", "frontdesk"})
	same(t, "users", find(t, s, store.RecipientQuery{Classes: store.UserClasses}), []string{"bob", "carl", "frontdesk"})
	same(t, "mail", find(t, s, store.RecipientQuery{Classes: store.MailClasses}), []string{"allstaff", "bob", "frontdesk"})
	same(t, "all", find(t, s, store.RecipientQuery{}), []string{"allstaff", "bob", "carl", "frontdesk"})
	same(t, "groups", find(t, s, store.RecipientQuery{Classes: []store.Class{store.ClassGroup}}), []string{"allstaff"})
}

func testFilterIndexed(t *testing.T, s store.Store) {
	people := []struct {
		name, dept, city string
		audit            bool
	}{
		{"ann", "Sales", "Seattle", true},
		{"ben", "Sales", "Oslo", false},
		{"cat", "IT", "Oslo", true},
		{"dan", "", "Oslo", true},
	}
	for i, p := range people {
		r := Mailbox(i+1, p.name)
		r.Department, r.City, r.AuditEnabled = p.dept, p.city, p.audit
		create(t, s, r)
	}
	cases := []struct {
		what   string
		equals []store.Equal
		want   []string
	}{
		{"department", []store.Equal{eq(store.PropDepartment, "sales")}, []string{"ann", "ben"}},
		{"city", []store.Equal{eq(store.PropCity, "OSLO")}, []string{"ben", "cat", "dan"}},
		{"both", []store.Equal{eq(store.PropCity, "Oslo"), eq(store.PropDepartment, "Sales")}, []string{"ben"}},
		{"blank", []store.Equal{eq(store.PropDepartment, "")}, []string{"dan"}},
		{"audit off", []store.Equal{eq(store.PropAuditEnabled, "false")}, []string{"ben"}},
		{"type", []store.Equal{eq(store.PropRecipientTypeDetails, "usermailbox")}, []string{"ann", "ben", "cat", "dan"}},
		{"no match", []store.Equal{eq(store.PropOffice, "nowhere")}, []string{}},
	}
	for _, c := range cases {
		same(t, c.what, find(t, s, store.RecipientQuery{Equals: c.equals}), c.want)
	}
	// Filters combine with classes and name patterns.
	same(t, "with name", find(t, s, store.RecipientQuery{Name: "c*", Equals: []store.Equal{eq(store.PropCity, "Oslo")}}), []string{"cat"})
	same(t, "groups only", find(t, s, store.RecipientQuery{Classes: []store.Class{store.ClassGroup}, Equals: []store.Equal{eq(store.PropCity, "Oslo")}}), []string{})
}

func testFilterNotIndexed(t *testing.T, s store.Store) {
	_, _, err := s.FindRecipients(ctx, store.RecipientQuery{Equals: []store.Equal{{Property: "Title", Value: "x"}}})
	wantErr(t, "unindexed property", err, store.ErrInvalid)
	_, _, err = s.FindRecipients(ctx, store.RecipientQuery{After: "not a cursor"})
	wantErr(t, "bad cursor", err, store.ErrInvalid)
}

func testWildcards(t *testing.T, s store.Store) {
	for i, n := range []string{"smith.a", "smith.b", "jones", "smithers", "asmith"} {
		create(t, s, Mailbox(i+1, n))
	}
	x := Mailbox(10, "xy")
	x.DisplayName = "Smith Family"
	create(t, s, x)
	same(t, "name prefix", find(t, s, store.RecipientQuery{Name: "smith*"}), []string{"smith.a", "smith.b", "smithers"})
	same(t, "name suffix", find(t, s, store.RecipientQuery{Name: "*smith"}), []string{"asmith"})
	same(t, "name middle", find(t, s, store.RecipientQuery{Name: "sm?th.*"}), []string{"smith.a", "smith.b"})
	same(t, "alias", find(t, s, store.RecipientQuery{Alias: "SMITH.*"}), []string{"smith.a", "smith.b"})
	same(t, "identity", find(t, s, store.RecipientQuery{Identity: "smith*"}), []string{"smith.a", "smith.b", "smithers", "xy"})
	same(t, "identity star", find(t, s, store.RecipientQuery{Identity: "*"}), []string{"asmith", "jones", "smith.a", "smith.b", "smithers", "xy"})
	same(t, "identity exact", find(t, s, store.RecipientQuery{Identity: "jones@contoso.com"}), []string{"jones"})
}

func testPaging(t *testing.T, s store.Store) {
	var want []string
	for i := 0; i < 25; i++ {
		n := fmt.Sprintf("user%02d", i)
		want = append(want, n)
		r := Mailbox(i+1, n)
		if i%3 == 0 {
			r = Group(i+1, n) // pages must merge classes in Name order
		}
		create(t, s, r)
	}
	for _, page := range []int{1, 7, 10, 25, 100} {
		same(t, fmt.Sprintf("page %d", page), findAll(t, s, store.RecipientQuery{}, page), want)
	}
	rs, next, err := s.FindRecipients(ctx, store.RecipientQuery{Limit: 25})
	if err != nil || len(rs) != 25 || next != "" {
		t.Errorf("exact page: %d results, cursor %q, %v", len(rs), next, err)
	}
	same(t, "identity pages", findAll(t, s, store.RecipientQuery{Identity: "user1*"}, 3), want[10:20])
	same(t, "name pages", findAll(t, s, store.RecipientQuery{Name: "user2*"}, 2), want[20:25])
	same(t, "alias pages", findAll(t, s, store.RecipientQuery{Alias: "user0*"}, 4), want[0:10])
}

func testPagingFiltered(t *testing.T, s store.Store) {
	var want []string
	for i := 0; i < 30; i++ {
		r := Mailbox(i+1, fmt.Sprintf("u%02d", i))
		if i%2 == 0 {
			r.Office = "HQ"
			want = append(want, r.Name)
		}
		create(t, s, r)
	}
	same(t, "office pages", findAll(t, s, store.RecipientQuery{Equals: []store.Equal{eq(store.PropOffice, "hq")}}, 4), want)
	// A change between pages does not repeat or skip the entries already paged.
	rs, next, err := s.FindRecipients(ctx, store.RecipientQuery{Limit: 5, Equals: []store.Equal{eq(store.PropOffice, "hq")}})
	if err != nil {
		t.Fatal(err)
	}
	update(t, s, rs[0].Guid, func(r *store.Recipient) { r.Office = "Remote" })
	rest := findAll(t, s, store.RecipientQuery{After: next, Equals: []store.Equal{eq(store.PropOffice, "hq")}}, 100)
	same(t, "after change", append(names(rs), rest...), want)
}

func testAcquire(t *testing.T, s store.Store) {
	release, err := s.Acquire(ctx)
	if err != nil {
		t.Fatalf("Acquire: %v", err)
	}
	inner, err := s.Acquire(ctx)
	if err != nil {
		t.Fatalf("nested Acquire: %v", err)
	}
	create(t, s, Mailbox(1, "adele"))
	inner()
	inner() // a second call of the same release is harmless
	create(t, s, Mailbox(2, "bob"))
	release()
	same(t, "after release", find(t, s, store.RecipientQuery{}), []string{"adele", "bob"})
}
