package store

import (
	"encoding/hex"
	"fmt"
	"strings"
)

// ID is a 16-byte object identifier (a .NET Guid). The zero ID means "none".
type ID [16]byte

// String formats the ID the way .NET prints a Guid: 8-4-4-4-12 lower-case hex digits.
// The bytes are kept in the order they are written, so the text and the bytes sort alike.
func (id ID) String() string {
	var b [36]byte
	hex.Encode(b[0:8], id[0:4])
	b[8] = '-'
	hex.Encode(b[9:13], id[4:6])
	b[13] = '-'
	hex.Encode(b[14:18], id[6:8])
	b[18] = '-'
	hex.Encode(b[19:23], id[8:10])
	b[23] = '-'
	hex.Encode(b[24:36], id[10:16])
	return string(b[:])
}

// IsZero reports whether id is the zero ID.
func (id ID) IsZero() bool { return id == ID{} }

// MarshalText encodes the ID in its String form (so JSON records stay readable).
func (id ID) MarshalText() ([]byte, error) { return []byte(id.String()), nil }

// UnmarshalText parses any form ParseID accepts.
func (id *ID) UnmarshalText(b []byte) error {
	v, err := ParseID(string(b))
	if err != nil {
		return err
	}
	*id = v
	return nil
}

// ParseID parses a Guid in the forms .NET accepts for Guid.Parse that admins type:
// 32 hex digits, with or without hyphens in the 8-4-4-4-12 positions, optionally in
// braces or parentheses. Case does not matter.
func ParseID(s string) (ID, error) {
	var id ID
	t := strings.TrimSpace(s)
	if len(t) >= 2 && ((t[0] == '{' && t[len(t)-1] == '}') || (t[0] == '(' && t[len(t)-1] == ')')) {
		t = t[1 : len(t)-1]
	}
	switch len(t) {
	case 32:
	case 36:
		if t[8] != '-' || t[13] != '-' || t[18] != '-' || t[23] != '-' {
			return id, fmt.Errorf("guid %q: hyphens must separate 8-4-4-4-12 hex digits", s)
		}
		t = t[0:8] + t[9:13] + t[14:18] + t[19:23] + t[24:36]
	default:
		return id, fmt.Errorf("guid %q: want 32 hex digits", s)
	}
	if _, err := hex.Decode(id[:], []byte(t)); err != nil {
		return ID{}, fmt.Errorf("guid %q: %v", s, err)
	}
	return id, nil
}

// MustParseID is ParseID for constants in tests and tables; it panics on bad input, so
// it must never see user input.
func MustParseID(s string) ID {
	id, err := ParseID(s)
	if err != nil {
		panic(err)
	}
	return id
}

// Bytes returns a copy of the 16 raw bytes.
func (id ID) Bytes() []byte { return append([]byte(nil), id[:]...) }
