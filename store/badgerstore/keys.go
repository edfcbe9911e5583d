package badgerstore

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/exosh/exosh/store"
)

// Key layout. This file is the only place that builds or parses keys.
//
// Rules:
//  1. One database. The first byte of a key is its family; every family is in the const
//     block below. Retired bytes are never reused. 0x01 holds the schema version.
//  2. Times are UTC microseconds since the Unix epoch as big-endian uint64. IDs are their
//     16 raw bytes.
//  3. String components are lower-cased and terminated by 0x00. Input containing 0x00 is
//     rejected, so "foo"+"bar" can never collide with "foobar".
//  4. Secondary index entries have empty values (except unique identities, whose value is
//     the owner's 16-byte ID so a lookup is one point read, and the audit log's mailbox
//     index and the trace recipient index, which carry the record so one mailbox's log or
//     one recipient's mail is a sequential scan) and end with the suffix that rebuilds
//     the primary key.
//  5. Values are JSON of the record struct, except recipients, audit records and trace
//     rows and events, which use the binary record codec of record_codec.go; UserMeta
//     names the encoding of each value, so values an earlier exosh wrote as JSON stay
//     readable.
//  6. One store call is one transaction writing the record and all its index entries.
//
// Families:
//
//	01                                              schema version (uint32 BE)
//	02 name 00                                      tenant singletons: "tenant", "org", "restoring"
//	10 id16                                         Recipient
//	11 kind1 value 00                               unique identity -> id16 (kinds below)
//	12 state1 class1 name 00 id16                   recipients by Name (empty value)
//	13 displayname 00 id16                          recipients by DisplayName (not unique)
//	14 state1 class1 prop1 value 00 name 00 id16    indexed property (empty value)
//	15 group16 member16                             group members (empty value)
//	16 member16 group16                             member of (empty value)
//	17 mailbox16 trustee 00 deny1                   MailboxPermission
//	18 trustee 00 mailbox16 deny1                   mailbox permissions by trustee
//	19 recipient16 trustee 00 deny1                 RecipientPermission
//	1a trustee 00 recipient16 deny1                 recipient permissions by trustee
//	1b id16                                         AuditBypass
//	1c id16                                         RoleGroup
//	1d name 00                                      role group by Name -> id16
//	20 received8 traceID16 recipient 00             TraceRow (one per recipient)
//	21 sender 00 received8 traceID16 recipient 00   trace rows by sender (empty value)
//	22 recipient 00 received8 traceID16             trace rows by recipient (the row, as 20)
//	23 messageID 00 received8 traceID16 recipient 00 trace rows by Message-ID (empty value)
//	24 traceID16 recipient 00 time8 seq2            TraceEvent
//	30 created8 id16                                AuditRecord
//	31 user 00 created8 id16                        audit records by acting user (empty value)
//	32 operation 00 created8 id16                   audit records by operation (empty value)
//	33 mailbox16 created8 id16                      audit records by mailbox (the record, as 30)
//	34 id16                                         AuditLogSearch (asynchronous audit search)
//	35 created8 id16                                audit searches by creation time (empty value)
//	40 jobID16                                      SearchJob
//	41 submitted8 jobID16                           search jobs by submit time (empty value)
//	42 jobID16 row4                                 SearchRow
//	50 mailbox16 item16                             Item (mailbox content)
//
// state1 is 0 for active and 1 for soft-deleted recipients; class1 is store.Class.
// Families 20-24, 30-33 and 40-42 expire: a record and its index entries carry the same
// Badger expiry (see retention.go). Families 34-35 keep every asynchronous audit search
// (the cmdlets decide which are still pending); adding them changed no existing key or
// value, so the schema version stayed.
const (
	famSchema          byte = 0x01
	famSingleton       byte = 0x02
	famRecipient       byte = 0x10
	famIdentity        byte = 0x11
	famName            byte = 0x12
	famDisplayName     byte = 0x13
	famProperty        byte = 0x14
	famMember          byte = 0x15
	famMemberOf        byte = 0x16
	famMailboxPerm     byte = 0x17
	famMailboxPermBy   byte = 0x18
	famRecipientPerm   byte = 0x19
	famRecipientPermBy byte = 0x1a
	famAuditBypass     byte = 0x1b
	famRoleGroup       byte = 0x1c
	famRoleGroupName   byte = 0x1d
	famTrace           byte = 0x20
	famTraceBySender   byte = 0x21
	famTraceByRcpt     byte = 0x22
	famTraceByMsgID    byte = 0x23
	famTraceEvent      byte = 0x24
	famAudit           byte = 0x30
	famAuditByUser     byte = 0x31
	famAuditByOp       byte = 0x32
	famAuditByMailbox  byte = 0x33
	famAuditSearch     byte = 0x34
	famAuditSearchTime byte = 0x35
	famSearch          byte = 0x40
	famSearchBySubmit  byte = 0x41
	famSearchRow       byte = 0x42
	famItem            byte = 0x50
)

// schemaVersion is the layout version this binary writes. Bump it (and add a migration)
// whenever a family's key or value changes incompatibly.
//
// Versions: 1 stored every value as JSON; 2 added the recipient codec (a version-1
// state opens unchanged, its JSON recipients are rewritten as they change).
const schemaVersion uint32 = 2

// encodingJSON is the UserMeta of JSON-encoded values.
const encodingJSON byte = 1

// Identity kinds of family 11. Stored in keys: never renumber.
type idKind byte

const (
	kindName idKind = iota + 1
	kindAlias
	kindUPN
	kindSMTP
	kindX500
	kindEDOID
	kindExchangeGuid
	kindDN
	kindLegacyDN
	kindSam
)

// kindProperty names each identity kind as the Exchange property it comes from.
var kindProperty = map[idKind]string{
	kindName: "Name", kindAlias: "Alias", kindUPN: "UserPrincipalName", kindSMTP: "EmailAddresses",
	kindX500: "EmailAddresses", kindEDOID: "ExternalDirectoryObjectId", kindExchangeGuid: "ExchangeGuid",
	kindDN: "DistinguishedName", kindLegacyDN: "LegacyExchangeDN", kindSam: "SamAccountName",
}

// propCode gives each indexed property its byte in family 14. Never renumber.
var propCode = map[store.Property]byte{
	store.PropRecipientTypeDetails:  1,
	store.PropDepartment:            2,
	store.PropCity:                  3,
	store.PropOffice:                4,
	store.PropCompany:               5,
	store.PropCountryOrRegion:       6,
	store.PropDatabase:              7,
	store.PropAuditEnabled:          8,
	store.PropLitigationHoldEnabled: 9,
	store.PropHiddenFromGAL:         10,
}

// keyBuf builds one key. Strings go through str, which lower-cases and terminates them.
type keyBuf struct{ b []byte }

func newKey(family byte) *keyBuf { return &keyBuf{b: append(make([]byte, 0, 48), family)} }

func (k *keyBuf) byte1(v byte) *keyBuf  { k.b = append(k.b, v); return k }
func (k *keyBuf) id(v store.ID) *keyBuf { k.b = append(k.b, v[:]...); return k }
func (k *keyBuf) str(s string) *keyBuf {
	k.b = append(k.b, strings.ToLower(s)...)
	k.b = append(k.b, 0)
	return k
}

// raw appends s lower-cased without the terminator: for prefix scans on a string start.
func (k *keyBuf) raw(s string) *keyBuf { k.b = append(k.b, strings.ToLower(s)...); return k }
func (k *keyBuf) bytes() []byte        { return k.b }

// checkString rejects strings that cannot be key components.
func checkString(property, s string) error {
	if strings.IndexByte(s, 0) >= 0 {
		return fmt.Errorf("%s contains a NUL character: %w", property, store.ErrInvalid)
	}
	return nil
}

func schemaKey() []byte            { return []byte{famSchema} }
func singletonKey(n string) []byte { return newKey(famSingleton).str(n).bytes() }
func recipientKey(id store.ID) []byte {
	return newKey(famRecipient).id(id).bytes()
}
func identityKey(kind idKind, value string) []byte {
	return newKey(famIdentity).byte1(byte(kind)).str(value).bytes()
}
func identityPrefix(kind idKind, start string) []byte {
	return newKey(famIdentity).byte1(byte(kind)).raw(start).bytes()
}
func nameKey(state byte, class store.Class, name string, id store.ID) []byte {
	return newKey(famName).byte1(state).byte1(byte(class)).str(name).id(id).bytes()
}
func namePrefix(state byte, class store.Class) []byte {
	return newKey(famName).byte1(state).byte1(byte(class)).bytes()
}
func displayNameKey(dn string, id store.ID) []byte {
	return newKey(famDisplayName).str(dn).id(id).bytes()
}
func displayNamePrefix(start string) []byte { return newKey(famDisplayName).raw(start).bytes() }
func propertyKey(state byte, class store.Class, p store.Property, value, name string, id store.ID) []byte {
	return newKey(famProperty).byte1(state).byte1(byte(class)).byte1(propCode[p]).str(value).str(name).id(id).bytes()
}
func propertyPrefix(state byte, class store.Class, p store.Property, value string) []byte {
	return newKey(famProperty).byte1(state).byte1(byte(class)).byte1(propCode[p]).str(value).bytes()
}
func memberKey(group, member store.ID) []byte { return newKey(famMember).id(group).id(member).bytes() }
func memberOfKey(member, group store.ID) []byte {
	return newKey(famMemberOf).id(member).id(group).bytes()
}
func memberPrefix(group store.ID) []byte    { return newKey(famMember).id(group).bytes() }
func memberOfPrefix(member store.ID) []byte { return newKey(famMemberOf).id(member).bytes() }

func permKey(fam byte, object store.ID, trustee string, deny bool) []byte {
	return newKey(fam).id(object).str(trustee).byte1(boolByte(deny)).bytes()
}
func permByKey(fam byte, trustee string, object store.ID, deny bool) []byte {
	return newKey(fam).str(trustee).id(object).byte1(boolByte(deny)).bytes()
}
func permPrefix(fam byte, object store.ID) []byte { return newKey(fam).id(object).bytes() }
func permByPrefix(fam byte, trustee string) []byte {
	return newKey(fam).str(trustee).bytes()
}
func auditBypassKey(id store.ID) []byte { return newKey(famAuditBypass).id(id).bytes() }
func roleGroupKey(id store.ID) []byte   { return newKey(famRoleGroup).id(id).bytes() }
func roleGroupNameKey(name string) []byte {
	return newKey(famRoleGroupName).str(name).bytes()
}

func boolByte(b bool) byte {
	if b {
		return 1
	}
	return 0
}

// stateOf is the state byte of a recipient in index keys.
func stateOf(r *store.Recipient) byte { return boolByte(r.SoftDeleted()) }

// Key parsers. Each returns false for a key of another shape, so a damaged key is
// reported by Verify instead of crashing a query.

// lastID returns the trailing 16-byte ID of an index key.
func lastID(k []byte) (store.ID, bool) {
	var id store.ID
	if len(k) < 17 {
		return id, false
	}
	copy(id[:], k[len(k)-16:])
	return id, true
}

// sortSuffix returns the "name 00 id16" tail of a name or property index key, which is
// also the cursor format of recipient queries.
func sortSuffix(k []byte, prefixLen int) ([]byte, bool) {
	if len(k) < prefixLen+17 {
		return nil, false
	}
	rest := k[prefixLen:]
	// In a property key the prefix ends after the value's 00, so rest is name 00 id16.
	if rest[len(rest)-17] != 0 {
		return nil, false
	}
	return rest, true
}

// splitString returns the first 00-terminated component of k and what follows it.
func splitString(k []byte) (string, []byte, bool) {
	i := bytes.IndexByte(k, 0)
	if i < 0 {
		return "", nil, false
	}
	return string(k[:i]), k[i+1:], true
}

// encodeCursor and decodeCursor keep cursors opaque and printable.
func encodeCursor(suffix []byte) store.Cursor {
	if suffix == nil {
		return ""
	}
	return store.Cursor(hex.EncodeToString(suffix))
}

func decodeCursor(c store.Cursor) ([]byte, error) {
	if c == "" {
		return nil, nil
	}
	b, err := hex.DecodeString(string(c))
	if err != nil {
		return nil, fmt.Errorf("cursor %q: %w", c, store.ErrInvalid)
	}
	return b, nil
}

// sortKey is the "name 00 id16" suffix for a recipient, built like the index keys.
func sortKey(name string, id store.ID) []byte {
	return (&keyBuf{}).str(name).id(id).bytes()
}

// uint32BE and friends encode fixed-width numbers.
func uint32BE(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }

// Times in keys are microseconds since the Unix epoch; times before the epoch cannot be
// stored (checkTime rejects them).
func micros(t time.Time) uint64 { return uint64(t.UnixMicro()) }

func fromMicros(u uint64) time.Time { return time.UnixMicro(int64(u)).UTC() }

// checkTime rejects times that cannot be key components.
func checkTime(property string, t time.Time) error {
	if t.Before(time.Unix(0, 0)) {
		return fmt.Errorf("%s %s is before 1970: %w", property, t.Format(time.RFC3339), store.ErrInvalid)
	}
	return nil
}

func (k *keyBuf) time(t time.Time) *keyBuf {
	k.b = binary.BigEndian.AppendUint64(k.b, micros(t))
	return k
}

// posLen is the length of the fixed "time8 id16" position shared by the trace and audit
// keys: it orders records by time, then ID.
const posLen = 24

// Message trace keys. Every trace key ends in (or, for 22, with the recipient in the
// prefix, rebuilds) the primary key's "received8 traceID16 recipient 00".
func traceKey(received time.Time, traceID store.ID, recipient string) []byte {
	return newKey(famTrace).time(received).id(traceID).str(recipient).bytes()
}
func traceSenderKey(sender string, received time.Time, traceID store.ID, recipient string) []byte {
	return newKey(famTraceBySender).str(sender).time(received).id(traceID).str(recipient).bytes()
}
func traceRecipientKey(recipient string, received time.Time, traceID store.ID) []byte {
	return newKey(famTraceByRcpt).str(recipient).time(received).id(traceID).bytes()
}
func traceMessageIDKey(messageID string, received time.Time, traceID store.ID, recipient string) []byte {
	return newKey(famTraceByMsgID).str(messageID).time(received).id(traceID).str(recipient).bytes()
}
func traceEventKey(traceID store.ID, recipient string, at time.Time, seq uint16) []byte {
	k := newKey(famTraceEvent).id(traceID).str(recipient).time(at)
	k.b = binary.BigEndian.AppendUint16(k.b, seq)
	return k.bytes()
}
func traceEventPrefix(traceID store.ID, recipient string) []byte {
	return newKey(famTraceEvent).id(traceID).str(recipient).bytes()
}

// tracePrimary rebuilds the primary key from the tail of a trace key after its prefix:
// the tail is "received8 traceID16", followed by "recipient 00" unless the recipient is
// part of the prefix (family 22, recipient given).
func tracePrimary(tail []byte, recipient string) ([]byte, bool) {
	if len(tail) < posLen {
		return nil, false
	}
	k := append([]byte{famTrace}, tail[:posLen]...)
	rest := tail[posLen:]
	if len(rest) == 0 {
		return append(append(k, strings.ToLower(recipient)...), 0), true
	}
	if rest[len(rest)-1] != 0 || bytes.IndexByte(rest, 0) != len(rest)-1 {
		return nil, false
	}
	return append(k, rest...), true
}

// Audit keys. Every audit key ends in the primary key's "created8 id16".
func auditKey(created time.Time, id store.ID) []byte {
	return newKey(famAudit).time(created).id(id).bytes()
}
func auditUserKey(user string, created time.Time, id store.ID) []byte {
	return newKey(famAuditByUser).str(user).time(created).id(id).bytes()
}
func auditOpKey(op string, created time.Time, id store.ID) []byte {
	return newKey(famAuditByOp).str(op).time(created).id(id).bytes()
}
func auditMailboxKey(mailbox store.ID, created time.Time, id store.ID) []byte {
	return newKey(famAuditByMailbox).id(mailbox).time(created).id(id).bytes()
}

// auditPrimary rebuilds the primary key from any audit key.
func auditPrimary(k []byte) ([]byte, bool) {
	if len(k) < 1+posLen {
		return nil, false
	}
	return append([]byte{famAudit}, k[len(k)-posLen:]...), true
}

// Audit log search keys.
func auditSearchKey(id store.ID) []byte { return newKey(famAuditSearch).id(id).bytes() }
func auditSearchTimeKey(created time.Time, id store.ID) []byte {
	return newKey(famAuditSearchTime).time(created).id(id).bytes()
}

// Historical search keys.
func searchKey(id store.ID) []byte { return newKey(famSearch).id(id).bytes() }
func searchBySubmitKey(submitted time.Time, id store.ID) []byte {
	return newKey(famSearchBySubmit).time(submitted).id(id).bytes()
}
func searchRowKey(id store.ID, row uint32) []byte {
	k := newKey(famSearchRow).id(id)
	k.b = binary.BigEndian.AppendUint32(k.b, row)
	return k.bytes()
}
func searchRowPrefix(id store.ID) []byte { return newKey(famSearchRow).id(id).bytes() }

func itemKey(mailbox, id store.ID) []byte { return newKey(famItem).id(mailbox).id(id).bytes() }
func itemPrefix(mailbox store.ID) []byte  { return newKey(famItem).id(mailbox).bytes() }
