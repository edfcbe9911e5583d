package parser

import (
	"fmt"
	"testing"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		text string
		want string // "%T(%v)" or "-" for not a number
	}{
		{"0", "int32(0)"},
		{"2147483647", "int32(2147483647)"},
		{"2147483648", "int64(2147483648)"},
		{"9223372036854775808", "float64(9.223372036854776e+18)"},
		{"0x10", "int32(16)"},
		{"0xFFFFFFFF", "int32(-1)"},
		{"0x80000000", "int32(-2147483648)"},
		{"0x100000000", "int64(4294967296)"},
		{"0xFFFFFFFFFFFFFFFF", "int64(-1)"},
		{"0x1d", "int32(29)"},
		{"0b101", "int32(5)"},
		{"1.5", "float64(1.5)"},
		{".5", "float64(0.5)"},
		{"1e3", "float64(1000)"},
		{"5e-2", "float64(0.05)"},
		{"10l", "int64(10)"},
		{"10L", "int64(10)"},
		{"1d", "float64(1)"},
		{"3.72y", "int32(4)"},
		{"2.5s", "int32(2)"},
		{"1kb", "int32(1024)"},
		{"10MB", "int32(10485760)"},
		{"1gb", "int32(1073741824)"},
		{"2gb", "int64(2147483648)"},
		{"1tb", "int64(1099511627776)"},
		{"1pb", "int64(1125899906842624)"},
		{"1.5gb", "float64(1.610612736e+09)"},
		{"1lkb", "int64(1024)"},
		{"-5", "int32(-5)"},
		{"-2147483648", "int32(-2147483648)"},
		{"+7", "int32(7)"},
		{"77z", "-"},
		{"10k", "-"},
		{"1.2.3", "-"},
		{"", "-"},
		{"0x", "-"},
		{"abc", "-"},
	}
	for _, tt := range tests {
		v, ok := ParseNumber(tt.text)
		got := "-"
		if ok {
			got = fmt.Sprintf("%T(%v)", v, v)
		}
		if got != tt.want {
			t.Errorf("ParseNumber(%q) = %s, want %s", tt.text, got, tt.want)
		}
	}
}
