package badgerstore

import (
	"encoding/binary"
	"fmt"
	"time"

	"github.com/exosh/exosh/store"
)

// encodingRecipient is the UserMeta of a recipient stored in the binary record codec
// below. Recipients are the records every Get-Mailbox | Set-Mailbox pipeline reads and
// rewrites, so their codec is a compact tagged format rather than JSON, which spent most
// of such a pipeline's time parsing. Recipients written as JSON (encodingJSON) by an
// earlier exosh stay readable; they are rewritten in this codec on their next change.
const encodingRecipient byte = 2

// Wire types of the recipient codec. A field is a uvarint key (tag<<3 | wire type)
// followed by its value; zero values are left out. Every wire type is self-delimiting,
// so a reader skips tags it does not know, as JSON decoding ignores unknown names.
const (
	wireVarint byte = 0 // bool (1), and int64 kinds as a zig-zag varint
	wireString byte = 1 // uvarint length, then the bytes
	wireID     byte = 2 // 16 raw bytes
	wireList   byte = 3 // uvarint count, then each string as wireString
	wireIDs    byte = 4 // uvarint count, then 16 raw bytes each
	wireTime   byte = 5 // zig-zag Unix seconds, uvarint nanoseconds, zig-zag zone offset (s)
)

// recipientField is one stored field of store.Recipient. ptr returns a pointer to the
// field (the pointer's type decides the wire type); tags are stored: never renumber or
// reuse one. TestRecipientCodecCoversEveryField fails when a field of store.Recipient
// has no entry here.
type recipientField struct {
	tag  uint64
	name string
	ptr  func(r *store.Recipient) any
}

var recipientFields = []recipientField{
	{1, "Guid", func(r *store.Recipient) any { return &r.Guid }},
	{2, "ExchangeGuid", func(r *store.Recipient) any { return &r.ExchangeGuid }},
	{3, "ExternalDirectoryObjectId", func(r *store.Recipient) any { return &r.ExternalDirectoryObjectId }},
	{4, "Name", func(r *store.Recipient) any { return &r.Name }},
	{5, "Alias", func(r *store.Recipient) any { return &r.Alias }},
	{6, "DisplayName", func(r *store.Recipient) any { return &r.DisplayName }},
	{7, "DistinguishedName", func(r *store.Recipient) any { return &r.DistinguishedName }},
	{8, "LegacyExchangeDN", func(r *store.Recipient) any { return &r.LegacyExchangeDN }},
	{9, "SamAccountName", func(r *store.Recipient) any { return &r.SamAccountName }},
	{10, "UserPrincipalName", func(r *store.Recipient) any { return &r.UserPrincipalName }},
	{11, "PrimarySmtpAddress", func(r *store.Recipient) any { return &r.PrimarySmtpAddress }},
	{12, "WindowsEmailAddress", func(r *store.Recipient) any { return &r.WindowsEmailAddress }},
	{13, "EmailAddresses", func(r *store.Recipient) any { return &r.EmailAddresses }},
	{14, "ExternalEmailAddress", func(r *store.Recipient) any { return &r.ExternalEmailAddress }},
	{15, "RecipientType", func(r *store.Recipient) any { return &r.RecipientType }},
	{16, "RecipientTypeDetails", func(r *store.Recipient) any { return &r.RecipientTypeDetails }},
	{17, "FirstName", func(r *store.Recipient) any { return &r.FirstName }},
	{18, "LastName", func(r *store.Recipient) any { return &r.LastName }},
	{19, "Initials", func(r *store.Recipient) any { return &r.Initials }},
	{20, "Title", func(r *store.Recipient) any { return &r.Title }},
	{21, "Department", func(r *store.Recipient) any { return &r.Department }},
	{22, "Company", func(r *store.Recipient) any { return &r.Company }},
	{23, "Office", func(r *store.Recipient) any { return &r.Office }},
	{24, "City", func(r *store.Recipient) any { return &r.City }},
	{25, "StateOrProvince", func(r *store.Recipient) any { return &r.StateOrProvince }},
	{26, "CountryOrRegion", func(r *store.Recipient) any { return &r.CountryOrRegion }},
	{27, "PostalCode", func(r *store.Recipient) any { return &r.PostalCode }},
	{28, "StreetAddress", func(r *store.Recipient) any { return &r.StreetAddress }},
	{29, "Phone", func(r *store.Recipient) any { return &r.Phone }},
	{30, "MobilePhone", func(r *store.Recipient) any { return &r.MobilePhone }},
	{31, "Manager", func(r *store.Recipient) any { return &r.Manager }},
	{32, "CustomAttributes", func(r *store.Recipient) any { return &r.CustomAttributes }},
	{33, "Database", func(r *store.Recipient) any { return &r.Database }},
	{34, "HiddenFromAddressListsEnabled", func(r *store.Recipient) any { return &r.HiddenFromAddressListsEnabled }},
	{35, "ForwardingAddress", func(r *store.Recipient) any { return &r.ForwardingAddress }},
	{36, "ForwardingSmtpAddress", func(r *store.Recipient) any { return &r.ForwardingSmtpAddress }},
	{37, "DeliverToMailboxAndForward", func(r *store.Recipient) any { return &r.DeliverToMailboxAndForward }},
	{38, "GrantSendOnBehalfTo", func(r *store.Recipient) any { return &r.GrantSendOnBehalfTo }},
	{39, "LitigationHoldEnabled", func(r *store.Recipient) any { return &r.LitigationHoldEnabled }},
	{40, "LitigationHoldDate", func(r *store.Recipient) any { return &r.LitigationHoldDate }},
	{41, "LitigationHoldOwner", func(r *store.Recipient) any { return &r.LitigationHoldOwner }},
	{42, "RetentionPolicy", func(r *store.Recipient) any { return &r.RetentionPolicy }},
	{43, "RoleAssignmentPolicy", func(r *store.Recipient) any { return &r.RoleAssignmentPolicy }},
	{44, "SharingPolicy", func(r *store.Recipient) any { return &r.SharingPolicy }},
	{45, "SingleItemRecoveryEnabled", func(r *store.Recipient) any { return &r.SingleItemRecoveryEnabled }},
	{46, "RetainDeletedItemsFor", func(r *store.Recipient) any { return &r.RetainDeletedItemsFor }},
	{47, "UseDatabaseQuotaDefaults", func(r *store.Recipient) any { return &r.UseDatabaseQuotaDefaults }},
	{48, "RecipientLimits", func(r *store.Recipient) any { return &r.RecipientLimits }},
	{49, "MaxSendSize", func(r *store.Recipient) any { return &r.MaxSendSize }},
	{50, "MaxReceiveSize", func(r *store.Recipient) any { return &r.MaxReceiveSize }},
	{51, "IssueWarningQuota", func(r *store.Recipient) any { return &r.IssueWarningQuota }},
	{52, "ProhibitSendQuota", func(r *store.Recipient) any { return &r.ProhibitSendQuota }},
	{53, "ProhibitSendReceiveQuota", func(r *store.Recipient) any { return &r.ProhibitSendReceiveQuota }},
	{54, "RecoverableItemsQuota", func(r *store.Recipient) any { return &r.RecoverableItemsQuota }},
	{55, "RecoverableItemsWarningQuota", func(r *store.Recipient) any { return &r.RecoverableItemsWarningQuota }},
	{56, "CalendarLoggingQuota", func(r *store.Recipient) any { return &r.CalendarLoggingQuota }},
	{57, "ArchiveQuota", func(r *store.Recipient) any { return &r.ArchiveQuota }},
	{58, "ArchiveWarningQuota", func(r *store.Recipient) any { return &r.ArchiveWarningQuota }},
	{59, "RulesQuota", func(r *store.Recipient) any { return &r.RulesQuota }},
	{60, "ArchiveGuid", func(r *store.Recipient) any { return &r.ArchiveGuid }},
	{61, "ArchiveStatus", func(r *store.Recipient) any { return &r.ArchiveStatus }},
	{62, "ArchiveState", func(r *store.Recipient) any { return &r.ArchiveState }},
	{63, "AuditEnabled", func(r *store.Recipient) any { return &r.AuditEnabled }},
	{64, "AuditLogAgeLimit", func(r *store.Recipient) any { return &r.AuditLogAgeLimit }},
	{65, "AuditAdmin", func(r *store.Recipient) any { return &r.AuditAdmin }},
	{66, "AuditDelegate", func(r *store.Recipient) any { return &r.AuditDelegate }},
	{67, "AuditOwner", func(r *store.Recipient) any { return &r.AuditOwner }},
	{68, "DefaultAuditSet", func(r *store.Recipient) any { return &r.DefaultAuditSet }},
	{69, "ManagedBy", func(r *store.Recipient) any { return &r.ManagedBy }},
	{70, "MemberJoinRestriction", func(r *store.Recipient) any { return &r.MemberJoinRestriction }},
	{71, "MemberDepartRestriction", func(r *store.Recipient) any { return &r.MemberDepartRestriction }},
	{72, "RequireSenderAuthenticationEnabled", func(r *store.Recipient) any { return &r.RequireSenderAuthenticationEnabled }},
	{73, "WhenCreated", func(r *store.Recipient) any { return &r.WhenCreated }},
	{74, "WhenChanged", func(r *store.Recipient) any { return &r.WhenChanged }},
	{75, "WhenMailboxCreated", func(r *store.Recipient) any { return &r.WhenMailboxCreated }},
	{76, "IsSoftDeletedByRemove", func(r *store.Recipient) any { return &r.IsSoftDeletedByRemove }},
	{77, "IsSoftDeletedByDisable", func(r *store.Recipient) any { return &r.IsSoftDeletedByDisable }},
	{78, "IsInactiveMailbox", func(r *store.Recipient) any { return &r.IsInactiveMailbox }},
	{79, "WhenSoftDeleted", func(r *store.Recipient) any { return &r.WhenSoftDeleted }},
	{80, "MailTip", func(r *store.Recipient) any { return &r.MailTip }},
	{81, "MailTipTranslations", func(r *store.Recipient) any { return &r.MailTipTranslations }},
	{82, "PasswordLastSet", func(r *store.Recipient) any { return &r.PasswordLastSet }},
	{83, "MailboxOwner", func(r *store.Recipient) any { return &r.MailboxOwner }},
}

// recipientFieldByTag indexes recipientFields by tag.
var recipientFieldByTag = func() []*recipientField {
	var top uint64
	for _, f := range recipientFields {
		top = max(top, f.tag)
	}
	out := make([]*recipientField, top+1)
	for i := range recipientFields {
		out[recipientFields[i].tag] = &recipientFields[i]
	}
	return out
}()

// appendRecipient appends the encoding of r to b. The encoding is canonical (fields in
// tag order, zero values left out), so two records are equal exactly when their
// encodings are.
func appendRecipient(b []byte, r *store.Recipient) ([]byte, error) {
	for i := range recipientFields {
		f := &recipientFields[i]
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
			// Only reachable when a field of a new type is added to the table without
			// teaching the codec its type; the coverage test catches it first.
			return nil, fmt.Errorf("recipient codec: field %s has type %T: %w", f.name, p, store.ErrInvalid)
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

// decodeRecipient decodes data (from appendRecipient) into r, replacing all of r. data
// is copied once into a string that every decoded string shares, so the record may
// outlive the transaction that read it.
func decodeRecipient(data []byte, r *store.Recipient) error {
	*r = store.Recipient{}
	d := recipientDecoder{b: data, s: string(data)}
	for d.pos < len(d.b) && d.err == nil {
		key := d.uvarint()
		tag, wire := key>>3, byte(key&7)
		var f *recipientField
		if tag < uint64(len(recipientFieldByTag)) {
			f = recipientFieldByTag[tag]
		}
		if f == nil {
			d.skip(wire)
			continue
		}
		switch p := f.ptr(r).(type) {
		case *string:
			if d.expect(f, wire, wireString) {
				*p = d.string()
			}
		case *bool:
			if d.expect(f, wire, wireVarint) {
				*p = d.varint() != 0
			}
		case *int64:
			if d.expect(f, wire, wireVarint) {
				*p = d.varint()
			}
		case *store.Size:
			if d.expect(f, wire, wireVarint) {
				*p = store.Size(d.varint())
			}
		case *time.Duration:
			if d.expect(f, wire, wireVarint) {
				*p = time.Duration(d.varint())
			}
		case *store.ID:
			if d.expect(f, wire, wireID) {
				*p = d.id()
			}
		case *[]string:
			if d.expect(f, wire, wireList) {
				n := d.count(1)
				l := make([]string, 0, n)
				for range n {
					l = append(l, d.string())
				}
				*p = l
			}
		case *[15]string:
			if d.expect(f, wire, wireList) {
				n := d.count(1)
				if n > len(p) {
					d.fail("field %s holds %d values", f.name, n)
					break
				}
				for i := range n {
					p[i] = d.string()
				}
			}
		case *[]store.ID:
			if d.expect(f, wire, wireIDs) {
				n := d.count(16)
				l := make([]store.ID, 0, n)
				for range n {
					l = append(l, d.id())
				}
				*p = l
			}
		case *time.Time:
			if d.expect(f, wire, wireTime) {
				sec, nsec, off := d.varint(), d.uvarint(), d.varint()
				if nsec >= uint64(time.Second) {
					d.fail("field %s: %d nanoseconds", f.name, nsec)
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
			d.fail("field %s has type %T", f.name, p)
		}
	}
	return d.err
}

// recipientDecoder reads a recipient encoding; the first problem sticks in err and
// every later read returns zero values.
type recipientDecoder struct {
	b   []byte
	s   string // the same bytes as b
	pos int
	err error
}

func (d *recipientDecoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf("recipient record at byte %d: %s: %w", d.pos, fmt.Sprintf(format, args...), store.ErrSchema)
	}
	d.pos = len(d.b)
}

func (d *recipientDecoder) expect(f *recipientField, got, want byte) bool {
	if got != want {
		d.fail("field %s has wire type %d, want %d", f.name, got, want)
		return false
	}
	return true
}

func (d *recipientDecoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b[d.pos:])
	if n <= 0 {
		d.fail("bad varint")
		return 0
	}
	d.pos += n
	return v
}

func (d *recipientDecoder) varint() int64 {
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
func (d *recipientDecoder) count(size int) int {
	n := d.uvarint()
	if n > uint64((len(d.b)-d.pos)/size) {
		d.fail("count %d exceeds the record", n)
		return 0
	}
	return int(n)
}

func (d *recipientDecoder) string() string {
	n := d.uvarint()
	if n > uint64(len(d.b)-d.pos) {
		d.fail("string of %d bytes exceeds the record", n)
		return ""
	}
	s := d.s[d.pos : d.pos+int(n)]
	d.pos += int(n)
	return s
}

func (d *recipientDecoder) id() store.ID {
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
func (d *recipientDecoder) skip(wire byte) {
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
