package badgerstore

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"github.com/exosh/exosh/store"
	"github.com/exosh/exosh/store/storetest"
)

// fullRecord sets every field of a record to a distinct non-zero value through
// reflection, so a field a codec table forgets cannot go unnoticed.
func fullRecord[T any](t *testing.T) T {
	t.Helper()
	var r T
	v := reflect.ValueOf(&r).Elem()
	zone := time.FixedZone("", -5*3600)
	for i := range v.NumField() {
		f := v.Field(i)
		name := v.Type().Field(i).Name
		switch p := f.Addr().Interface().(type) {
		case *string:
			*p = name + " välue"
		case *bool:
			*p = true
		case *int64:
			*p = -int64(i) - 1
		case *store.Size:
			*p = store.Size(int64(i+1) << 30)
		case *time.Duration:
			*p = time.Duration(i+1) * time.Hour
		case *store.ID:
			p[0], p[15] = byte(i+1), 0xee
		case *[]string:
			*p = []string{name + "1", "", name + "3"}
		case *[15]string:
			p[0], p[6] = "first", "seventh"
		case *[]store.ID:
			*p = []store.ID{{byte(i + 1)}, {0xff, byte(i)}}
		case *time.Time:
			if i%2 == 0 {
				*p = time.Date(2025, 3, 1, 12, 0, i, 123456789, time.UTC)
			} else {
				*p = time.Date(1999, 12, 31, 23, 59, i, 0, zone)
			}
		default:
			t.Fatalf("field %s: type %T has no test value", name, p)
		}
	}
	return r
}

// checkCodecCoverage fails when a field of T has no entry in the table, when an entry
// points at another field than it names, or when tags repeat or are zero.
func checkCodecCoverage[T any](t *testing.T, table *codecTable[T]) {
	t.Helper()
	var r T
	v := reflect.ValueOf(&r).Elem()
	covered := map[uintptr]string{}
	tags := map[uint64]string{}
	for _, f := range table.fields {
		if prev, dup := tags[f.tag]; dup {
			t.Errorf("tag %d is used by %s and %s", f.tag, prev, f.name)
		}
		tags[f.tag] = f.name
		if f.tag == 0 {
			t.Errorf("field %s has tag 0", f.name)
		}
		covered[reflect.ValueOf(f.ptr(&r)).Pointer()] = f.name
	}
	for i := range v.NumField() {
		sf := v.Type().Field(i)
		name, ok := covered[v.Field(i).Addr().Pointer()]
		switch {
		case !ok:
			t.Errorf("%s.%s has no entry in the %s codec", v.Type(), sf.Name, table.what)
		case name != sf.Name:
			t.Errorf("the entry named %s points at field %s", name, sf.Name)
		}
	}
}

// checkCodecRoundTrip encodes each record, decodes it over a dirty record and compares;
// what JSON (the earlier encoding) decodes to must encode the same.
func checkCodecRoundTrip[T any](t *testing.T, table *codecTable[T], recs ...T) {
	t.Helper()
	for _, r := range recs {
		b, err := table.append(nil, &r)
		if err != nil {
			t.Fatal(err)
		}
		got := fullRecord[T](t)
		if err := table.decode(b, &got); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, r) {
			t.Errorf("round trip:\n got %+v\nwant %+v", got, r)
		}
		j, err := json.Marshal(&r)
		if err != nil {
			t.Fatal(err)
		}
		var fromJSON T
		if err := json.Unmarshal(j, &fromJSON); err != nil {
			t.Fatal(err)
		}
		if again, err := table.append(nil, &fromJSON); err != nil || string(again) != string(b) {
			t.Errorf("the JSON form encodes differently (%v)", err)
		}
	}
}

// checkCodecDamage truncates and corrupts an encoding: decoding fails with ErrSchema or
// succeeds, never panics.
func checkCodecDamage[T any](t *testing.T, table *codecTable[T]) {
	t.Helper()
	full := fullRecord[T](t)
	b, err := table.append(nil, &full)
	if err != nil {
		t.Fatal(err)
	}
	for n := range len(b) {
		var r T
		if err := table.decode(b[:n], &r); err != nil && !errors.Is(err, store.ErrSchema) {
			t.Fatalf("truncated at %d: %v", n, err)
		}
	}
	for i := range b {
		c := append([]byte(nil), b...)
		c[i] ^= 0xff
		var r T
		if err := table.decode(c, &r); err != nil && !errors.Is(err, store.ErrSchema) {
			t.Fatalf("byte %d flipped: %v", i, err)
		}
	}
}

func TestAuditCodec(t *testing.T) {
	checkCodecCoverage(t, auditCodec)
	full := fullRecord[store.AuditRecord](t)
	full.Created, full.Expires = full.Created.UTC(), full.Expires.UTC()
	checkCodecRoundTrip(t, auditCodec, full, store.AuditRecord{})
	checkCodecDamage(t, auditCodec)
}

func TestTraceCodecsCoverEveryField(t *testing.T) {
	checkCodecCoverage(t, traceRowCodec)
	checkCodecCoverage(t, traceEventCodec)
	checkCodecRoundTrip(t, traceRowCodec, fullRecord[store.TraceRow](t), store.TraceRow{})
	checkCodecRoundTrip(t, traceEventCodec, fullRecord[store.TraceEvent](t), store.TraceEvent{})
	checkCodecDamage(t, traceRowCodec)
	checkCodecDamage(t, traceEventCodec)
}

// An audit log written by an earlier exosh (JSON records, empty mailbox index entries)
// reads the same through every path, counts in AuditStats and verifies.
func TestAuditJSONRecordsStayReadable(t *testing.T) {
	s := openDir(t, t.TempDir())
	mb := store.ID{1}
	at := storetest.Now.Add(-time.Hour)
	r := store.AuditRecord{ID: store.ID{9}, Mailbox: mb, Created: at, Expires: at.Add(90 * 24 * time.Hour),
		Operation: "HardDelete", OperationResult: "Succeeded", LogonType: "Delegate", UserId: "ann@contoso.com"}
	rawUpdate(t, s, func(txn *badger.Txn) error {
		j, err := json.Marshal(&r)
		if err != nil {
			return err
		}
		if err := txn.SetEntry(badger.NewEntry(auditKey(r.Created, r.ID), j).WithMeta(encodingJSON)); err != nil {
			return err
		}
		for _, k := range auditIndex(&r) {
			if err := txn.Set(k, nil); err != nil {
				return err
			}
		}
		return nil
	})
	for _, q := range []store.AuditQuery{{Mailboxes: []store.ID{mb}}, {Users: []string{"ANN@contoso.com"}}, {}} {
		got, _, err := s.FindAudit(bg, q)
		if err != nil || len(got) != 1 || !reflect.DeepEqual(got[0], r) {
			t.Errorf("FindAudit(%+v) = %+v, %v", q, got, err)
		}
	}
	if n, size, err := s.AuditStats(bg, mb); err != nil || n != 1 || size == 0 {
		t.Errorf("AuditStats = %d, %d, %v", n, size, err)
	}
	if err := s.Verify(bg); err != nil {
		t.Error(err)
	}
}

// Trace rows written by an earlier exosh (JSON rows, empty index entries) read the same
// through every path and verify.
func TestTraceJSONRowsStayReadable(t *testing.T) {
	s := openDir(t, t.TempDir())
	at := storetest.Now.Add(-time.Hour)
	r := store.TraceRow{MessageId: "<a@contoso.com>", Received: at, SenderAddress: "john@contoso.com",
		RecipientAddress: "robert@contoso.com", Subject: "Hello", Status: store.TraceDelivered, Size: 100,
		MessageTraceId: store.ID{7}}
	rawUpdate(t, s, func(txn *badger.Txn) error {
		j, err := json.Marshal(&r)
		if err != nil {
			return err
		}
		if err := txn.SetEntry(badger.NewEntry(traceKey(r.Received, r.MessageTraceId, r.RecipientAddress), j).WithMeta(encodingJSON)); err != nil {
			return err
		}
		for _, k := range traceIndex(&r) {
			if err := txn.Set(k, nil); err != nil {
				return err
			}
		}
		return nil
	})
	for _, q := range []store.TraceQuery{{Recipients: []string{"Robert@contoso.com"}}, {Senders: []string{"john@contoso.com"}}, {}} {
		got, _, err := s.FindTraces(bg, q)
		if err != nil || len(got) != 1 || !reflect.DeepEqual(got[0], r) {
			t.Errorf("FindTraces(%+v) = %+v, %v", q, got, err)
		}
	}
	if err := s.Verify(bg); err != nil {
		t.Error(err)
	}
	// A status update rewrites the row in the codec and the recipient index with it.
	if _, err := s.UpdateTraceStatus(bg, r, store.TraceFailed, nil); err != nil {
		t.Fatal(err)
	}
	if got, _, err := s.FindTraces(bg, store.TraceQuery{Recipients: []string{"robert@contoso.com"}}); err != nil || len(got) != 1 || got[0].Status != store.TraceFailed {
		t.Errorf("after the update: %+v, %v", got, err)
	}
	if err := s.Verify(bg); err != nil {
		t.Error(err)
	}
}
