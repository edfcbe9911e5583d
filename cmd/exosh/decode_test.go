package main

import "testing"

func TestDecodeScript(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"plain", []byte("'a'\r\n"), "'a'\r\n"},
		{"utf-8 mark", []byte("\xEF\xBB\xBF'é'"), "'é'"},
		{"utf-16le", []byte{0xFF, 0xFE, '\'', 0, 0xE9, 0, '\'', 0}, "'é'"},
		{"utf-16be", []byte{0xFE, 0xFF, 0, '\'', 0, 0xE9, 0, '\''}, "'é'"},
		{"utf-16 odd byte", []byte{0xFF, 0xFE, 'a', 0, 'b'}, "a"},
		{"empty", nil, ""},
	}
	for _, tt := range tests {
		if got := decodeScript(tt.in); got != tt.want {
			t.Errorf("%s: decodeScript = %q, want %q", tt.name, got, tt.want)
		}
	}
}
