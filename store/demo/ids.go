package demo

import (
	"crypto/sha1"
	"fmt"
	"strings"

	"github.com/exosh/exosh/store"
)

// DeriveID returns a version-5-style Guid derived from the given parts, so the same
// object always gets the same identifiers.
func DeriveID(parts ...string) store.ID {
	h := sha1.Sum([]byte("exosh/" + strings.ToLower(strings.Join(parts, "\x00"))))
	var id store.ID
	copy(id[:], h[:16])
	id[6] = id[6]&0x0f | 0x50
	id[8] = id[8]&0x3f | 0x80
	return id
}

// hex32 returns 32 lower-case hex digits derived from the parts (LegacyExchangeDN).
func hex32(parts ...string) string {
	id := DeriveID(append([]string{"legacydn"}, parts...)...)
	return strings.ReplaceAll(id.String(), "-", "")
}

// samAccountName returns an EXO-looking account name ("$BKQRE0-285FRRS5MG0N").
func samAccountName(parts ...string) string {
	const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUV"
	id := DeriveID(append([]string{"sam"}, parts...)...)
	var b strings.Builder
	b.WriteByte('$')
	for i := 0; i < 18; i++ {
		if i == 6 {
			b.WriteByte('-')
		}
		b.WriteByte(alphabet[int(id[i%16]+byte(i))%32])
	}
	return b.String()
}

// databaseName returns a mailbox database name in EXO's form ("NAMPR11DG029-db084").
func databaseName(parts ...string) string {
	id := DeriveID(append([]string{"db"}, parts...)...)
	return fmt.Sprintf("NAMPR11DG%03d-db%03d", int(id[0])%200, int(id[1])%256)
}
