package mailflow

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/exosh/exosh/store"
)

// Verdict is a filtering or transport outcome forced on a message (Send-SimMessage
// -Verdict) or chosen by the traffic generator. The zero value is a clean message.
type Verdict string

// Verdicts.
const (
	VerdictNone                Verdict = ""
	VerdictSpam                Verdict = "Spam"
	VerdictHighConfidenceSpam  Verdict = "HighConfidenceSpam"
	VerdictBulk                Verdict = "Bulk"
	VerdictPhish               Verdict = "Phish"
	VerdictHighConfidencePhish Verdict = "HighConfidencePhish"
	VerdictMalware             Verdict = "Malware"
	VerdictTransportRuleBlock  Verdict = "TransportRuleBlock"
	// VerdictDefer makes the destination temporarily unavailable: the recipient stays
	// Pending and is delivered once the retry interval has passed on the tenant clock.
	VerdictDefer Verdict = "Defer"
	// VerdictDeferExpire keeps the destination unavailable until the message expires
	// from the queue (Failed after the expiry interval).
	VerdictDeferExpire Verdict = "DeferExpire"
)

// Verdicts lists the verdict names Send-SimMessage accepts, "None" first.
var Verdicts = []string{"None", string(VerdictSpam), string(VerdictHighConfidenceSpam), string(VerdictBulk),
	string(VerdictPhish), string(VerdictHighConfidencePhish), string(VerdictMalware),
	string(VerdictTransportRuleBlock), string(VerdictDefer), string(VerdictDeferExpire)}

// ParseVerdict returns the verdict named s (any case; "None" and "" are clean).
func ParseVerdict(s string) (Verdict, bool) {
	for _, v := range Verdicts {
		if strings.EqualFold(v, s) {
			if v == "None" {
				return VerdictNone, true
			}
			return Verdict(v), true
		}
	}
	return "", s == ""
}

// Message is one message entering the tenant.
type Message struct {
	From    string
	To      []string
	Cc      []string
	Bcc     []string
	Subject string
	Body    string
	// Attachments are the names and sizes of attached files.
	Attachments []Attachment
	// Size is the message size in bytes; when zero it is computed from the content.
	Size int64
	// MessageId is the Internet Message-ID with angle brackets; generated when empty.
	MessageId string
	// Received is when the tenant accepted the message (UTC).
	Received time.Time
	// FromIP is the connecting client's address; a tenant address when empty.
	FromIP  string
	Verdict Verdict
	// Nonce distinguishes otherwise identical messages (Send-SimMessage -Count).
	Nonce int
}

// Attachment is one attached file.
type Attachment struct {
	Name string
	Size int64
}

// Recipients returns To, Cc and Bcc in that order without duplicates (first one wins,
// compared without case).
func (m *Message) Recipients() []string {
	seen := map[string]bool{}
	var out []string
	for _, list := range [][]string{m.To, m.Cc, m.Bcc} {
		for _, a := range list {
			a = strings.TrimSpace(a)
			k := strings.ToLower(a)
			if a == "" || seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, a)
		}
	}
	return out
}

// size is the message size: the given Size, or headers plus body plus the attachments
// in base64 (4/3 of their size).
func (m *Message) size() int64 {
	if m.Size > 0 {
		return m.Size
	}
	n := int64(600 + len(m.From) + len(m.Subject) + len(m.Body))
	for _, r := range m.Recipients() {
		n += int64(len(r) + 6)
	}
	for _, a := range m.Attachments {
		n += 200 + (a.Size+2)/3*4
	}
	return n
}

// digest hashes the message's identity: the parts that make two sends distinct.
func (m *Message) digest(salt int) [32]byte {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%d\x00%d\x00%d\x00%s", strings.ToLower(m.From), strings.Join(m.Recipients(), ","),
		m.Subject, m.Received.UnixNano(), m.Nonce, salt, m.MessageId)
	var d [32]byte
	copy(d[:], h.Sum(nil))
	return d
}

// traceID derives the MessageTraceId (a version-4 style Guid) from the digest.
func traceID(d [32]byte) store.ID {
	var id store.ID
	copy(id[:], d[:16])
	id[6] = id[6]&0x0f | 0x40
	id[8] = id[8]&0x3f | 0x80
	return id
}

// messageID builds an Outlook-style Message-ID for a message sent from domain.
func messageID(d [32]byte, domain string) string {
	if domain == "" {
		domain = "exosh.local"
	}
	return "<" + strings.ToUpper(hex.EncodeToString(d[16:28])) + "@" + strings.ToLower(domain) + ">"
}

// domainOf returns the domain part of an address, lower-cased.
func domainOf(addr string) string {
	if i := strings.LastIndexByte(addr, '@'); i >= 0 {
		return strings.ToLower(strings.TrimSuffix(addr[i+1:], ">"))
	}
	return ""
}

// Address strips a display name and angle brackets: "John <john@contoso.com>" gives
// "john@contoso.com".
func Address(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, '<'); i >= 0 {
		if j := strings.IndexByte(s[i:], '>'); j > 0 {
			return strings.TrimSpace(s[i+1 : i+j])
		}
	}
	return s
}

// ValidAddress reports whether s looks like an SMTP address: local@domain with a dot in
// the domain and no spaces.
func ValidAddress(s string) bool {
	at := strings.LastIndexByte(s, '@')
	if at <= 0 || at == len(s)-1 || strings.ContainsAny(s, " \t<>,;\"") {
		return false
	}
	d := s[at+1:]
	return strings.Contains(d, ".") && !strings.HasPrefix(d, ".") && !strings.HasSuffix(d, ".")
}
