package badgerstore

import (
	"bytes"
	"errors"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/exosh/exosh/store"
	"github.com/exosh/exosh/store/storetest"
)

func TestPlanAudit(t *testing.T) {
	mb := []store.ID{testID(1)}
	cases := []struct {
		name string
		q    store.AuditQuery
		want auditPath
	}{
		{"everything", store.AuditQuery{}, auditByTime},
		{"time window only", store.AuditQuery{Start: time.Unix(1, 0), End: time.Unix(2, 0)}, auditByTime},
		{"logon types are not indexed", store.AuditQuery{LogonTypes: []string{"Admin"}}, auditByTime},
		{"mailbox first", store.AuditQuery{Mailboxes: mb, Users: []string{"a"}, Operations: []string{"Update"}}, auditByMailbox},
		{"user before operation", store.AuditQuery{Users: []string{"a"}, Operations: []string{"Update"}}, auditByUser},
		{"operation", store.AuditQuery{Operations: []string{"Update"}, LogonTypes: []string{"Owner"}}, auditByOperation},
	}
	for _, c := range cases {
		if got := planAudit(c.q); got != c.want {
			t.Errorf("%s: planAudit = %d, want %d", c.name, got, c.want)
		}
	}
	q := store.AuditQuery{Users: []string{"Ann@X.com", "ann@x.com", "ben@x.com"}}
	if got := auditPrefixes(planAudit(q), q); len(got) != 2 || !bytes.Equal(got[0], []byte("\x31ann@x.com\x00")) {
		t.Errorf("auditPrefixes = %q", got)
	}
}

func TestAuditKeys(t *testing.T) {
	at := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	us := []byte{0, 0x06, 0x2f, 0x46, 0xa9, 0x9b, 0x30, 0x00} // 2025-03-01T12:00Z in microseconds
	if got := micros(at); got != 1740830400000000 {
		t.Fatalf("micros = %d", got)
	}
	pos := append(bytes.Clone(us), testID(7).Bytes()...)
	cases := []struct {
		name string
		key  []byte
		want []byte
	}{
		{"record", auditKey(at, testID(7)), append([]byte{0x30}, pos...)},
		{"by user", auditUserKey("Ann@X.com", at, testID(7)), append([]byte("\x31ann@x.com\x00"), pos...)},
		{"by operation", auditOpKey("SoftDelete", at, testID(7)), append([]byte("\x32softdelete\x00"), pos...)},
		{"by mailbox", auditMailboxKey(testID(1), at, testID(7)), append(append([]byte{0x33}, testID(1).Bytes()...), pos...)},
	}
	for _, c := range cases {
		if !bytes.Equal(c.key, c.want) {
			t.Errorf("%s: key %x, want %x", c.name, c.key, c.want)
		}
		if pk, ok := auditPrimary(c.key); !ok || !bytes.Equal(pk, auditKey(at, testID(7))) {
			t.Errorf("%s: auditPrimary = %x, %v", c.name, pk, ok)
		}
	}
	if fromMicros(micros(at)) != at {
		t.Errorf("fromMicros(micros(%s)) = %s", at, fromMicros(micros(at)))
	}
	// Keys order by time, then ID, whatever the user: newest first is reverse key order.
	var keys [][]byte
	times := []time.Time{at, at.Add(time.Microsecond), at.Add(-time.Hour), at.Add(365 * 24 * time.Hour), time.Unix(0, 0)}
	for i, tm := range times {
		keys = append(keys, auditUserKey("ann", tm, testID(byte(10-i))))
	}
	keys = append(keys, auditUserKey("ann", at, testID(1)))
	sort.Slice(keys, func(i, j int) bool { return bytes.Compare(keys[i], keys[j]) < 0 })
	for i := 1; i < len(keys); i++ {
		a, b := keys[i-1][len(keys[i-1])-posLen:], keys[i][len(keys[i])-posLen:]
		ta, tb := fromMicros(be64(a)), fromMicros(be64(b))
		if ta.After(tb) || (ta.Equal(tb) && bytes.Compare(a[8:], b[8:]) > 0) {
			t.Errorf("key order: %s before %s", ta, tb)
		}
	}
	if err := checkTime("t", time.Unix(-1, 0)); err == nil {
		t.Error("a time before 1970 was accepted")
	}
}

func be64(b []byte) uint64 {
	var v uint64
	for _, x := range b[:8] {
		v = v<<8 | uint64(x)
	}
	return v
}

// Bulk loads write outside the write lock, so a load checked while another is being
// written must still refuse the records being written: of loads racing with the same
// records exactly one succeeds, and the log verifies.
func TestConcurrentSeedAuditRefusesDuplicates(t *testing.T) {
	s := openDir(t, t.TempDir())
	var batch []store.AuditRecord
	for i := range 5000 {
		batch = append(batch, storetest.AuditRecord(i, storetest.ID(0, i%7), storetest.Now.Add(-time.Duration(i)*time.Second)))
	}
	const loads = 4
	errs := make(chan error, loads)
	for range loads {
		go func() { errs <- s.SeedAudit(bg, slices.Clone(batch)) }()
	}
	ok := 0
	for range loads {
		switch err := <-errs; {
		case err == nil:
			ok++
		case !errors.Is(err, store.ErrExists):
			t.Fatal(err)
		}
	}
	if ok != 1 {
		t.Errorf("%d of %d racing loads of the same records succeeded", ok, loads)
	}
	if err := s.Verify(bg); err != nil {
		t.Error(err)
	}
}
