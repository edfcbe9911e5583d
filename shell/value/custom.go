package value

import (
	"encoding/hex"
	"strings"
)

// Guid is System.Guid, stored in the byte order of its "d" text form.
type Guid [16]byte

// NewGuidFromBytes builds a version-4 GUID from 16 random bytes (the caller's source of
// randomness), setting the version and variant bits.
func NewGuidFromBytes(b [16]byte) Guid {
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return Guid(b)
}

// ParseGuid accepts the forms Guid.Parse does: 32 digits, optionally with hyphens ("d"),
// and wrapped in braces or parentheses.
func ParseGuid(s string) (Guid, bool) {
	var g Guid
	s = strings.TrimSpace(s)
	if len(s) >= 2 && (s[0] == '{' && s[len(s)-1] == '}' || s[0] == '(' && s[len(s)-1] == ')') {
		s = s[1 : len(s)-1]
	}
	switch len(s) {
	case 36:
		if s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-' {
			return g, false
		}
		s = s[:8] + s[9:13] + s[14:18] + s[19:23] + s[24:]
	case 32:
	default:
		return g, false
	}
	if _, err := hex.Decode(g[:], []byte(s)); err != nil {
		return Guid{}, false
	}
	return g, true
}

// String gives the "d" form: 8-4-4-4-12 lower-case hex digits.
func (g Guid) String() string {
	h := hex.EncodeToString(g[:])
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// TypeNames implements Custom.
func (g Guid) TypeNames() []string { return []string{TGuid, "System.ValueType", TObject} }

// SecureString is System.Security.SecureString. The plain text is kept so that
// ConvertFrom-SecureString-style cmdlets can work; it never prints.
type SecureString struct {
	plain string
}

// NewSecureString wraps plain text.
func NewSecureString(plain string) *SecureString { return &SecureString{plain: plain} }

// Plain returns the protected text.
func (s *SecureString) Plain() string { return s.plain }

// String is the type name, as ToString() on a SecureString gives.
func (s *SecureString) String() string { return TSecure }

// TypeNames implements Custom.
func (s *SecureString) TypeNames() []string { return []string{TSecure, TObject} }

// Member exposes Length.
func (s *SecureString) Member(name string) (Value, bool) {
	if strings.EqualFold(name, "Length") {
		return int32(len([]rune(s.plain))), true
	}
	return nil, false
}

// Char is System.Char ([char] casts, string indexing, ToCharArray).
type Char rune

// String is the character itself.
func (c Char) String() string { return string(rune(c)) }

// TypeNames implements Custom.
func (c Char) TypeNames() []string { return []string{TChar, "System.ValueType", TObject} }

// Byte is System.Byte ([byte] casts).
type Byte uint8

// String is the decimal value.
func (b Byte) String() string { return itoa(int64(b)) }

// TypeNames implements Custom.
func (b Byte) TypeNames() []string { return []string{TByte, "System.ValueType", TObject} }

// Membered is implemented by Custom values that have properties; GetMember consults it.
type Membered interface {
	Member(name string) (Value, bool)
}

// Methoded is implemented by Custom values that have methods; InvokeMethod consults it
// before the methods every value has. ok is false when the method does not exist.
type Methoded interface {
	Method(name string, args []Value) (result Value, ok bool, err error)
}

// MemberLister is implemented by Custom values that list their own members for Get-Member.
type MemberLister interface {
	MemberList() []MemberInfo
}

// Int32 returns n as a PowerShell Int32 value.
func Int32(n int32) Value { return n }

// Int64 returns n as a PowerShell Int64 value.
func Int64(n int64) Value { return n }

// Double returns f as a PowerShell Double value.
func Double(f float64) Value { return f }

// Int returns n as Int32 when it fits, else Int64, as PowerShell types integer results.
func Int(n int64) Value {
	if n >= -1<<31 && n < 1<<31 {
		return int32(n)
	}
	return n
}
