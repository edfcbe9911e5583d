package storetest

import (
	"testing"

	"github.com/exosh/exosh/store"
)

func groupTests() []test {
	return []test{
		{"GroupMembers", testGroupMembers},
		{"GroupMembersPaging", testGroupMembersPaging},
		{"GroupDeleteCleansUp", testGroupDeleteCleansUp},
	}
}

func testGroupMembers(t *testing.T, s store.Store) {
	create(t, s, Group(1, "sales"), Group(2, "all"), Mailbox(3, "ann"), Mailbox(4, "ben"))
	wantErr(t, "add ann", s.AddMember(ctx, ID(0, 1), ID(0, 3)), nil)
	wantErr(t, "add ben", s.AddMember(ctx, ID(0, 1), ID(0, 4)), nil)
	wantErr(t, "nest", s.AddMember(ctx, ID(0, 2), ID(0, 1)), nil)
	wantErr(t, "add ann to all", s.AddMember(ctx, ID(0, 2), ID(0, 3)), nil)
	wantErr(t, "twice", s.AddMember(ctx, ID(0, 1), ID(0, 3)), store.ErrExists)
	wantErr(t, "not a group", s.AddMember(ctx, ID(0, 3), ID(0, 4)), store.ErrInvalid)
	wantErr(t, "missing group", s.AddMember(ctx, ID(0, 9), ID(0, 4)), store.ErrNotFound)
	wantErr(t, "missing member", s.AddMember(ctx, ID(0, 1), ID(0, 9)), store.ErrNotFound)

	ids, next, err := s.Members(ctx, ID(0, 1), 0, "")
	wantErr(t, "Members", err, nil)
	same(t, "members", ids, []store.ID{ID(0, 3), ID(0, 4)})
	if next != "" {
		t.Errorf("unexpected cursor %q", next)
	}
	ids, _, err = s.MemberOf(ctx, ID(0, 3), 0, "")
	wantErr(t, "MemberOf", err, nil)
	same(t, "member of", ids, []store.ID{ID(0, 1), ID(0, 2)})

	wantErr(t, "remove", s.RemoveMember(ctx, ID(0, 1), ID(0, 3)), nil)
	wantErr(t, "remove again", s.RemoveMember(ctx, ID(0, 1), ID(0, 3)), store.ErrNotFound)
	ids, _, _ = s.MemberOf(ctx, ID(0, 3), 0, "")
	same(t, "member of after remove", ids, []store.ID{ID(0, 2)})
}

func testGroupMembersPaging(t *testing.T, s store.Store) {
	create(t, s, Group(1, "big"))
	var want []store.ID
	for i := 10; i < 33; i++ {
		m := Mailbox(i, "m"+string(rune('a'+i-10)))
		create(t, s, m)
		wantErr(t, "add", s.AddMember(ctx, ID(0, 1), m.Guid), nil)
		want = append(want, m.Guid)
	}
	var got []store.ID
	var after store.Cursor
	for {
		ids, next, err := s.Members(ctx, ID(0, 1), 5, after)
		if err != nil {
			t.Fatal(err)
		}
		if len(ids) > 5 {
			t.Fatalf("page of %d", len(ids))
		}
		got = append(got, ids...)
		if next == "" {
			break
		}
		after = next
	}
	same(t, "paged members", got, want)
}

func testGroupDeleteCleansUp(t *testing.T, s store.Store) {
	create(t, s, Group(1, "sales"), Group(2, "all"), Mailbox(3, "ann"))
	wantErr(t, "add", s.AddMember(ctx, ID(0, 1), ID(0, 3)), nil)
	wantErr(t, "add", s.AddMember(ctx, ID(0, 2), ID(0, 3)), nil)
	wantErr(t, "nest", s.AddMember(ctx, ID(0, 2), ID(0, 1)), nil)
	wantErr(t, "delete group", s.DeleteRecipient(ctx, ID(0, 1)), nil)
	ids, _, _ := s.MemberOf(ctx, ID(0, 3), 0, "")
	same(t, "ann's groups", ids, []store.ID{ID(0, 2)})
	ids, _, _ = s.Members(ctx, ID(0, 2), 0, "")
	same(t, "all's members", ids, []store.ID{ID(0, 3)})
	wantErr(t, "delete member", s.DeleteRecipient(ctx, ID(0, 3)), nil)
	ids, _, _ = s.Members(ctx, ID(0, 2), 0, "")
	same(t, "all's members after delete", ids, []store.ID(nil))
}
