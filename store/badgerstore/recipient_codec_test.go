package badgerstore

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"github.com/exosh/exosh/store"
	"github.com/exosh/exosh/store/storetest"
)

// fullRecipient is a recipient with every field set (see fullRecord).
func fullRecipient(t *testing.T) store.Recipient {
	t.Helper()
	r := fullRecord[store.Recipient](t)
	r.RecipientTypeDetails = "UserMailbox"
	return r
}

func encodeRecipient(t *testing.T, r *store.Recipient) []byte {
	t.Helper()
	b, err := appendRecipient(nil, r)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestRecipientCodecCoversEveryField(t *testing.T) { checkCodecCoverage(t, recipientCodec) }

func TestRecipientCodecRoundTrip(t *testing.T) {
	checkCodecRoundTrip(t, recipientCodec, fullRecipient(t), storetest.Mailbox(7, "ann"), store.Recipient{})
}

func TestRecipientCodecSkipsUnknownFields(t *testing.T) {
	r := storetest.Mailbox(3, "cat")
	var b []byte
	// Unknown tags of every wire type, as a later exosh might add.
	b = appendFieldKey(b, 900, wireVarint)
	b = append(b, 0x02)
	b = appendFieldKey(b, 901, wireString)
	b = appendString(b, "new")
	b = appendFieldKey(b, 902, wireID)
	b = append(b, make([]byte, 16)...)
	b = appendList(b, 903, []string{"a", "b"})
	b = appendFieldKey(b, 904, wireIDs)
	b = append(b, 1)
	b = append(b, make([]byte, 16)...)
	b = appendFieldKey(b, 905, wireTime)
	b = append(b, 2, 3, 4)
	b = append(b, encodeRecipient(t, &r)...)
	var got store.Recipient
	if err := decodeRecipient(b, &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, r) {
		t.Errorf("got %+v", got)
	}
}

// Damaged values are refused with ErrSchema, never a panic or a huge allocation.
func TestRecipientCodecDamage(t *testing.T) {
	checkCodecDamage(t, recipientCodec)
	cases := map[string][]byte{
		"wrong wire type": appendFieldKey(nil, 4, wireVarint), // Name is a string
		"huge count":      append(appendFieldKey(nil, 13, wireList), 0xff, 0xff, 0xff, 0xff, 0x0f),
		"bad wire type":   appendFieldKey(nil, 999, 7),
		"too many custom": append(appendFieldKey(nil, 32, wireList), append([]byte{16}, make([]byte, 16)...)...),
	}
	for name, c := range cases {
		var r store.Recipient
		if err := decodeRecipient(c, &r); !errors.Is(err, store.ErrSchema) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// A state of schema version 1 (recipients stored as JSON) opens, is marked version 2,
// reads the same and is rewritten in the codec on the next change.
func TestSchemaVersion1Migrates(t *testing.T) {
	dir := t.TempDir()
	s := openDir(t, dir)
	ann := storetest.Mailbox(1, "ann")
	if err := s.CreateRecipient(bg, ann); err != nil {
		t.Fatal(err)
	}
	rawUpdate(t, s, func(txn *badger.Txn) error {
		j, err := json.Marshal(&ann)
		if err != nil {
			return err
		}
		if err := txn.SetEntry(badger.NewEntry(recipientKey(ann.Guid), j).WithMeta(encodingJSON)); err != nil {
			return err
		}
		return txn.Set(schemaKey(), uint32BE(1))
	})
	s.Close()

	s = openDir(t, dir)
	got, err := s.Recipient(bg, "ann")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, ann) {
		t.Errorf("read back %+v", got)
	}
	meta := func() (schema string, enc byte) {
		rawUpdate(t, s, func(txn *badger.Txn) error {
			item, err := txn.Get(schemaKey())
			if err != nil {
				return err
			}
			v, _ := item.ValueCopy(nil)
			schema = fmt.Sprintf("%x", v)
			item, err = txn.Get(recipientKey(ann.Guid))
			if err != nil {
				return err
			}
			enc = item.UserMeta()
			return nil
		})
		return schema, enc
	}
	if schema, enc := meta(); schema != fmt.Sprintf("%08x", schemaVersion) || enc != encodingJSON {
		t.Errorf("after open: schema %s, encoding %d", schema, enc)
	}
	// An unchanged update leaves the JSON record alone; a change rewrites it.
	if _, changed, err := s.UpdateRecipient(bg, ann.Guid, func(r *store.Recipient) error { return nil }); err != nil || changed {
		t.Fatalf("no-op update: changed %v, %v", changed, err)
	}
	if _, changed, err := s.UpdateRecipient(bg, ann.Guid, func(r *store.Recipient) error {
		r.AuditEnabled = !r.AuditEnabled
		return nil
	}); err != nil || !changed {
		t.Fatalf("update: changed %v, %v", changed, err)
	}
	if _, enc := meta(); enc != encodingRecipient {
		t.Errorf("after a change the record has encoding %d", enc)
	}
	if err := s.Verify(bg); err != nil {
		t.Error(err)
	}
}

// TestSameIndexCoversIndexFields changes each field of a recipient in turn: whenever
// the change alters the index entries recipientIndex calls for, sameIndex must see it.
func TestSameIndexCoversIndexFields(t *testing.T) {
	base := fullRecipient(t)
	base.EmailAddresses = []string{"SMTP:ann@contoso.com", "smtp:a@contoso.com", "X500:/o=x/cn=ann"}
	base.IsSoftDeletedByRemove, base.IsSoftDeletedByDisable = false, false
	keys := func(r *store.Recipient) string {
		t.Helper()
		entries, err := recipientEntries(r)
		if err != nil {
			t.Fatal(err)
		}
		var b []byte
		for _, e := range entries {
			b = append(append(b, e.key...), 0xff)
		}
		return string(b)
	}
	want := keys(&base)
	v := reflect.ValueOf(&base).Elem()
	for i := range v.NumField() {
		name := v.Type().Field(i).Name
		r := base
		r.EmailAddresses = slices.Clone(base.EmailAddresses)
		f := reflect.ValueOf(&r).Elem().Field(i)
		switch p := f.Addr().Interface().(type) {
		case *string:
			*p += "x"
		case *bool:
			*p = !*p
		case *store.ID:
			p[1]++
		case *[]string:
			*p = append(*p, "SMTP:other@contoso.com")
		default:
			continue // no other type reaches the index
		}
		if name == "RecipientTypeDetails" {
			r.RecipientTypeDetails = "SharedMailbox"
		}
		if keys(&r) != want && sameIndex(&base, &r) {
			t.Errorf("changing %s changes the index, but sameIndex does not notice", name)
		}
	}
}
