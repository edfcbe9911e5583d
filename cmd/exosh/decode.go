package main

import (
	"bytes"
	"encoding/binary"
	"unicode/utf16"
)

// decodeScript turns the bytes of a script into text the way pwsh reads a .ps1 file:
// UTF-8 unless a byte-order mark says UTF-16, and without the mark itself. Windows
// editors commonly save scripts with a mark, which would otherwise become part of the
// first command's name.
func decodeScript(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return string(b[3:])
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return decodeUTF16(b[2:], binary.LittleEndian)
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return decodeUTF16(b[2:], binary.BigEndian)
	}
	return string(b)
}

// decodeUTF16 decodes UTF-16 text; a trailing odd byte is dropped.
func decodeUTF16(b []byte, order binary.ByteOrder) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = order.Uint16(b[2*i:])
	}
	return string(utf16.Decode(u))
}
