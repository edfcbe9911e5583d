package badgerstore

import (
	"encoding/binary"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/exosh/exosh/store"
)

// The record codec: a compact tagged binary format for the records that are read or
// written in bulk (recipients, audit records, trace rows and events), where JSON spent
// most of the time. Each record type has a table of fields; a field is a uvarint key
// (tag<<3 | wire type) followed by its value, zero values left out. Every wire type is
// self-delimiting, so a reader skips tags it does not know, as JSON decoding ignores
// unknown names, and a later exosh can add fields without a schema change.

// Wire types of the record codec.
const (
	wireVarint byte = 0 // bool (1), and int64 kinds as a zig-zag varint
	wireString byte = 1 // uvarint length, then the bytes
	wireID     byte = 2 // 16 raw bytes
	wireList   byte = 3 // uvarint count, then each string as wireString
	wireIDs    byte = 4 // uvarint count, then 16 raw bytes each
	wireTime   byte = 5 // zig-zag Unix seconds, uvarint nanoseconds, zig-zag zone offset (s)
)

// codecField is one stored field of a record type T. ptr returns a pointer to the field
// (the pointer's type decides the wire type); tags are stored: never renumber or reuse
// one. Each table has a coverage test that fails when a field of T has no entry.
type codecField[T any] struct {
	tag  uint64
	name string
	ptr  func(r *T) any
}

// codecTable is a record type's field table with its fields indexed by tag.
type codecTable[T any] struct {
	what   string // the record type, for errors
	fields []codecField[T]
	byTag  []*codecField[T]
	// sizeHint is the largest encoding seen so far, so that encode allocates once.
	sizeHint atomic.Int64
}

// newCodecTable indexes fields by tag.
func newCodecTable[T any](what string, fields []codecField[T]) *codecTable[T] {
	var top uint64
	for _, f := range fields {
		top = max(top, f.tag)
	}
	t := &codecTable[T]{what: what, fields: fields, byTag: make([]*codecField[T], top+1)}
	for i := range fields {
		t.byTag[fields[i].tag] = &fields[i]
	}
	return t
}

// encode returns the encoding of r in a new slice, sized from the encodings before it:
// bulk loads encode millions of records, and growing each slice from empty cost as much
// as the encoding itself.
func (t *codecTable[T]) encode(r *T) ([]byte, error) {
	b, err := t.append(make([]byte, 0, t.sizeHint.Load()), r)
	if n := int64(len(b)); n > t.sizeHint.Load() {
		t.sizeHint.Store(n)
	}
	return b, err
}

// append appends the encoding of r to b. The encoding is canonical (fields in table
// order, zero values left out), so two records are equal exactly when their encodings
// are.
func (t *codecTable[T]) append(b []byte, r *T) ([]byte, error) {
	for i := range t.fields {
		f := &t.fields[i]
		switch p := f.ptr(r).(type) {
		case *string:
			if *p != "" {
				b = appendFieldKey(b, f.tag, wireString)
				b = appendString(b, *p)
			}
		case *bool:
			if *p {
				b = appendFieldKey(b, f.tag, wireVarint)
				b = binary.AppendVarint(b, 1)
			}
		case *int64:
			b = appendInt(b, f.tag, *p)
		case *store.Size:
			b = appendInt(b, f.tag, int64(*p))
		case *time.Duration:
			b = appendInt(b, f.tag, int64(*p))
		case *store.ID:
			if !p.IsZero() {
				b = appendFieldKey(b, f.tag, wireID)
				b = append(b, p[:]...)
			}
		case *[]string:
			b = appendList(b, f.tag, *p)
		case *[15]string:
			n := len(p)
			for n > 0 && p[n-1] == "" {
				n--
			}
			b = appendList(b, f.tag, p[:n])
		case *[]store.ID:
			if len(*p) > 0 {
				b = appendFieldKey(b, f.tag, wireIDs)
				b = binary.AppendUvarint(b, uint64(len(*p)))
				for _, id := range *p {
					b = append(b, id[:]...)
				}
			}
		case *time.Time:
			if !p.IsZero() {
				_, off := p.Zone()
				b = appendFieldKey(b, f.tag, wireTime)
				b = binary.AppendVarint(b, p.Unix())
				b = binary.AppendUvarint(b, uint64(p.Nanosecond()))
				b = binary.AppendVarint(b, int64(off))
			}
		default:
			// Only reachable when a field of a new type is added to a table without
			// teaching the codec its type; the coverage tests catch it first.
			return nil, fmt.Errorf("%s codec: field %s has type %T: %w", t.what, f.name, p, store.ErrInvalid)
		}
	}
	return b, nil
}

func appendFieldKey(b []byte, tag uint64, wire byte) []byte {
	return binary.AppendUvarint(b, tag<<3|uint64(wire))
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendInt(b []byte, tag uint64, v int64) []byte {
	if v == 0 {
		return b
	}
	b = appendFieldKey(b, tag, wireVarint)
	return binary.AppendVarint(b, v)
}

func appendList(b []byte, tag uint64, l []string) []byte {
	if len(l) == 0 {
		return b
	}
	b = appendFieldKey(b, tag, wireList)
	b = binary.AppendUvarint(b, uint64(len(l)))
	for _, s := range l {
		b = appendString(b, s)
	}
	return b
}

// decode decodes data (from append) into r, replacing all of r. data is copied once
// into a string that every decoded string shares, so the record may outlive the
// transaction that read it.
func (t *codecTable[T]) decode(data []byte, r *T) error {
	var zero T
	*r = zero
	d := recordDecoder{what: t.what, b: data, s: string(data)}
	for d.pos < len(d.b) && d.err == nil {
		key := d.uvarint()
		tag, wire := key>>3, byte(key&7)
		var f *codecField[T]
		if tag < uint64(len(t.byTag)) {
			f = t.byTag[tag]
		}
		if f == nil {
			d.skip(wire)
			continue
		}
		d.field(f.name, wire, f.ptr(r))
	}
	return d.err
}

// recordDecoder reads a record encoding; the first problem sticks in err and every later
// read returns zero values.
type recordDecoder struct {
	what string
	b    []byte
	s    string // the same bytes as b
	pos  int
	err  error
}

// field decodes one field's value of wire type wire into the field p points at.
func (d *recordDecoder) field(name string, wire byte, p any) {
	switch p := p.(type) {
	case *string:
		if d.expect(name, wire, wireString) {
			*p = d.string()
		}
	case *bool:
		if d.expect(name, wire, wireVarint) {
			*p = d.varint() != 0
		}
	case *int64:
		if d.expect(name, wire, wireVarint) {
			*p = d.varint()
		}
	case *store.Size:
		if d.expect(name, wire, wireVarint) {
			*p = store.Size(d.varint())
		}
	case *time.Duration:
		if d.expect(name, wire, wireVarint) {
			*p = time.Duration(d.varint())
		}
	case *store.ID:
		if d.expect(name, wire, wireID) {
			*p = d.id()
		}
	case *[]string:
		if d.expect(name, wire, wireList) {
			n := d.count(1)
			l := make([]string, 0, n)
			for range n {
				l = append(l, d.string())
			}
			*p = l
		}
	case *[15]string:
		if d.expect(name, wire, wireList) {
			n := d.count(1)
			if n > len(p) {
				d.fail("field %s holds %d values", name, n)
				break
			}
			for i := range n {
				p[i] = d.string()
			}
		}
	case *[]store.ID:
		if d.expect(name, wire, wireIDs) {
			n := d.count(16)
			l := make([]store.ID, 0, n)
			for range n {
				l = append(l, d.id())
			}
			*p = l
		}
	case *time.Time:
		if d.expect(name, wire, wireTime) {
			sec, nsec, off := d.varint(), d.uvarint(), d.varint()
			if nsec >= uint64(time.Second) {
				d.fail("field %s: %d nanoseconds", name, nsec)
				break
			}
			t := time.Unix(sec, int64(nsec))
			if off == 0 {
				*p = t.UTC()
			} else {
				*p = t.In(time.FixedZone("", int(off)))
			}
		}
	default:
		d.fail("field %s has type %T", name, p)
	}
}

func (d *recordDecoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf("%s record at byte %d: %s: %w", d.what, d.pos, fmt.Sprintf(format, args...), store.ErrSchema)
	}
	d.pos = len(d.b)
}

func (d *recordDecoder) expect(name string, got, want byte) bool {
	if got != want {
		d.fail("field %s has wire type %d, want %d", name, got, want)
		return false
	}
	return true
}

func (d *recordDecoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b[d.pos:])
	if n <= 0 {
		d.fail("bad varint")
		return 0
	}
	d.pos += n
	return v
}

func (d *recordDecoder) varint() int64 {
	v, n := binary.Varint(d.b[d.pos:])
	if n <= 0 {
		d.fail("bad varint")
		return 0
	}
	d.pos += n
	return v
}

// count reads an element count and checks that the remaining bytes can hold that many
// elements of at least size bytes, so a corrupt count cannot make a huge allocation.
func (d *recordDecoder) count(size int) int {
	n := d.uvarint()
	if n > uint64((len(d.b)-d.pos)/size) {
		d.fail("count %d exceeds the record", n)
		return 0
	}
	return int(n)
}

func (d *recordDecoder) string() string {
	n := d.uvarint()
	if n > uint64(len(d.b)-d.pos) {
		d.fail("string of %d bytes exceeds the record", n)
		return ""
	}
	s := d.s[d.pos : d.pos+int(n)]
	d.pos += int(n)
	return s
}

func (d *recordDecoder) id() store.ID {
	var id store.ID
	if len(d.b)-d.pos < len(id) {
		d.fail("truncated ID")
		return id
	}
	copy(id[:], d.b[d.pos:])
	d.pos += len(id)
	return id
}

// skip passes over the value of an unknown field.
func (d *recordDecoder) skip(wire byte) {
	switch wire {
	case wireVarint:
		d.uvarint()
	case wireString:
		d.string()
	case wireID:
		d.id()
	case wireList:
		for range d.count(1) {
			d.string()
		}
	case wireIDs:
		for range d.count(16) {
			d.id()
		}
	case wireTime:
		d.varint()
		d.uvarint()
		d.varint()
	default:
		d.fail("unknown wire type %d", wire)
	}
}
