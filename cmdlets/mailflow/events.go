package mailflow

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"strings"
	"time"

	"github.com/exosh/exosh/store"
)

// Event names as the current service shows them (Get-MessageTraceDetail's Event).
const (
	EventReceive       = "Receive"
	EventSubmit        = "Submit"
	EventDeliver       = "Deliver"
	EventSendExternal  = "Send external"
	EventFail          = "Fail"
	EventDefer         = "Defer"
	EventDrop          = "Drop"
	EventExpand        = "Expand DL"
	EventRedirect      = "Redirect"
	EventTransportRule = "Transport rule"
	EventSpam          = "Spam"
	EventMalware       = "Malware"
)

// Actions a rule or filter takes on a message, as the trace detail report names them in
// its Action field: a mail flow rule rejecting the message, the anti-malware and
// anti-phishing filters quarantining it, the spam filter moving it to Junk Email.
const (
	ActionRejectMessage = "RejectMessage"
	ActionQuarantine    = "Quarantine"
	ActionMoveToJmf     = "MoveToJmf"
)

// Actions lists every action routing records, in the order above.
func Actions() []string { return []string{ActionRejectMessage, ActionQuarantine, ActionMoveToJmf} }

// Enhanced status codes of the failures routing produces.
const (
	ledNotFound      = "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup"
	ledRecipSize     = "550 5.2.3 RESOLVER.RST.RecipSizeLimit; message too large for this recipient"
	ledSendSize      = "550 5.2.3 RESOLVER.RST.SendSizeLimit.Sender; message too large for this sender"
	ledRuleReject    = "550 5.7.1 TRANSPORT.RULES.RejectMessage; the message was rejected by organization policy"
	ledExpanded      = "250 2.1.5 RESOLVER.GRP.Expanded; distribution list expanded"
	ledExpired       = "550 4.4.7 QUEUE.Expired; message expired"
	ledDeferInternal = "432 4.3.2 STOREDRV.Deliver; mailbox database thread limit exceeded"
	ledDeferExternal = "451 4.4.0 DNS query failed. The error was: SMTPSEND.DNS.NonExistentDomain; nonexistent domain"
)

// reason words an enhanced status code as Exchange's detail text does.
func reason(led, fqdn string) string {
	return "Reason: [{LED=" + led + "};{MSG=};{FQDN=" + fqdn + "};{IP=};{LRT=}]"
}

// mep is one <MEP/> element of an event's Data.
type mep struct {
	name, kind, val string
}

func str(name, v string) mep { return mep{name, "String", v} }
func integer(name string, v int64) mep {
	return mep{name, "Integer", fmt.Sprint(v)}
}
func long(name string, v int64) mep { return mep{name, "Long", fmt.Sprint(v)} }

// data renders the event's XML: <root><MEP Name="..." String="..." />...</root>.
func data(meps ...mep) string {
	var b strings.Builder
	b.WriteString("<root>")
	for _, m := range meps {
		fmt.Fprintf(&b, `<MEP Name="%s" %s="%s" />`, m.name, m.kind, xmlEscape(m.val))
	}
	b.WriteString("</root>")
	return b.String()
}

var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&apos;")

func xmlEscape(s string) string { return xmlEscaper.Replace(s) }

// dataValue returns the value of the named MEP in an event's Data ("" when absent).
func dataValue(xml, name string) string {
	key := `<MEP Name="` + name + `" `
	i := strings.Index(xml, key)
	if i < 0 {
		return ""
	}
	rest := xml[i+len(key):]
	q := strings.IndexByte(rest, '"')
	if q < 0 {
		return ""
	}
	rest = rest[q+1:]
	e := strings.IndexByte(rest, '"')
	if e < 0 {
		return ""
	}
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'", "&amp;", "&").Replace(rest[:e])
}

// hash32 is a small deterministic hash for host names and addresses.
func hash32(parts ...string) uint32 {
	h := sha256.Sum256([]byte(strings.ToLower(strings.Join(parts, "\x00"))))
	return binary.BigEndian.Uint32(h[:4])
}

// serverFor names the Exchange Online transport server that handled a message for key,
// in the style of the service ("SN6PR11MB4545.namprd11.prod.outlook.com").
func serverFor(key string) string {
	return fmt.Sprintf("SN6PR11MB%04d.namprd11.prod.outlook.com", hash32("server", key)%10000)
}

// externalIP is a documentation-range address standing for a host of domain.
func externalIP(domain string) string {
	h := hash32("ip", domain)
	return fmt.Sprintf("203.0.113.%d", 1+h%254)
}

// clientIP is the address an external sender's server connects from.
func clientIP(domain string) string {
	h := hash32("client", domain)
	return fmt.Sprintf("198.51.100.%d", 1+h%254)
}

// mxHost is the mail exchanger exosh pretends to reach for an external domain.
func mxHost(domain string) string {
	return "mx." + domain
}

// eventAt builds one event of a row.
func eventAt(row *store.TraceRow, at time.Time, event, action, detail, xml string) store.TraceEvent {
	return store.TraceEvent{
		MessageTraceId:   row.MessageTraceId,
		RecipientAddress: row.RecipientAddress,
		Date:             at.UTC(),
		Event:            event,
		Action:           action,
		Detail:           detail,
		Data:             xml,
	}
}
