package mailflow

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/exosh/exosh/store"
)

// Store is what routing needs from the tenant: the directory, group members, the
// tenant's accepted domains and the trace family it writes.
type Store interface {
	store.Recipients
	store.Groups
	store.Settings
	store.Traces
}

// Result is what routing did with one message.
type Result struct {
	MessageId string
	TraceID   store.ID
	// Rows are the trace rows of the message (one per recipient and expanded group),
	// followed by those of any non-delivery report it caused.
	Rows   []store.TraceRow
	Events []store.TraceEvent
	// Delivered lists the copies put into mailboxes.
	Delivered []Delivery
}

// Delivery is one copy of a message put into a mailbox folder.
type Delivery struct {
	Mailbox store.ID
	Folder  string // "Inbox" or "Junk Email"
	// Recipient is the address the copy was delivered for.
	Recipient string
}

// Status returns the status of the row for the given recipient ("" when none).
func (r *Result) Status(recipient string) string {
	for _, row := range r.Rows {
		if strings.EqualFold(row.RecipientAddress, recipient) && row.MessageTraceId == r.TraceID {
			return row.Status
		}
	}
	return ""
}

// Router routes messages through one tenant. It caches directory lookups, so a Router
// is meant for one burst of traffic (one cmdlet call, one generator run, one SMTP
// session); it is not safe for concurrent use.
type Router struct {
	st      Store
	tenant  store.Tenant
	domains map[string]bool
	cache   map[string]*entry
	members map[store.ID][]store.Recipient
}

// entry is a cached directory lookup of one address.
type entry struct {
	r     store.Recipient
	found bool
}

// NewRouter reads the tenant's settings and returns a router over st.
func NewRouter(ctx context.Context, st Store) (*Router, error) {
	t, err := st.Tenant(ctx)
	if err != nil {
		return nil, fmt.Errorf("mail flow needs a tenant: %w", err)
	}
	rt := &Router{st: st, tenant: t, domains: map[string]bool{}, cache: map[string]*entry{},
		members: map[store.ID][]store.Recipient{}}
	for _, d := range t.AcceptedDomains {
		rt.domains[strings.ToLower(d.DomainName)] = true
	}
	if t.InitialDomain != "" {
		rt.domains[strings.ToLower(t.InitialDomain)] = true
	}
	return rt, nil
}

// Accepted reports whether addr is in one of the tenant's accepted domains.
func (rt *Router) Accepted(addr string) bool { return rt.domains[domainOf(addr)] }

// lookup resolves an SMTP address to an active recipient.
func (rt *Router) lookup(ctx context.Context, addr string) (store.Recipient, bool, error) {
	k := strings.ToLower(addr)
	if e, ok := rt.cache[k]; ok {
		return e.r, e.found, nil
	}
	if !ValidAddress(addr) {
		rt.cache[k] = &entry{}
		return store.Recipient{}, false, nil
	}
	r, err := rt.st.Recipient(ctx, addr, store.ClassMailbox, store.ClassMailUser, store.ClassContact, store.ClassGroup)
	switch {
	case err == nil:
	case errors.Is(err, store.ErrNotFound), errors.Is(err, store.ErrInvalid), errors.Is(err, store.ErrAmbiguous):
		rt.cache[k] = &entry{}
		return store.Recipient{}, false, nil
	default:
		return store.Recipient{}, false, err
	}
	// Only an SMTP address counts: an alias or display name that happens to look like
	// an address does not receive mail.
	hit := false
	for _, a := range r.SmtpAddresses() {
		if strings.EqualFold(a, addr) {
			hit = true
		}
	}
	if r.ExternalEmailAddress != "" && strings.EqualFold(strings.TrimPrefix(strings.TrimPrefix(r.ExternalEmailAddress, "SMTP:"), "smtp:"), addr) {
		hit = true
	}
	rt.cache[k] = &entry{r: r, found: hit}
	return r, hit, nil
}

// groupMembers returns the members of a group (cached).
func (rt *Router) groupMembers(ctx context.Context, g store.ID) ([]store.Recipient, error) {
	if ms, ok := rt.members[g]; ok {
		return ms, nil
	}
	var out []store.Recipient
	var after store.Cursor
	for {
		ids, next, err := rt.st.Members(ctx, g, 1000, after)
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			r, err := rt.st.RecipientByID(ctx, id)
			if err != nil || r.SoftDeleted() {
				continue
			}
			out = append(out, r)
		}
		if next == "" {
			break
		}
		after = next
	}
	rt.members[g] = out
	return out, nil
}

// Send routes m and writes its trace data. Two identical messages at the same instant
// get distinct ids.
func (rt *Router) Send(ctx context.Context, m Message) (Result, error) {
	for salt := 0; ; salt++ {
		res, err := rt.plan(ctx, m, salt, true)
		if err != nil {
			return res, err
		}
		err = rt.st.AddTrace(ctx, res.Rows, res.Events)
		if errors.Is(err, store.ErrExists) && salt < 16 {
			continue
		}
		if err != nil {
			return res, err
		}
		return res, rt.file(ctx, &m, &res)
	}
}

// file puts the delivered copies into their mailboxes when the store keeps mailbox
// items, so a delivered message is real content for the mailbox (and its audit).
func (rt *Router) file(ctx context.Context, m *Message, res *Result) error {
	items, ok := rt.st.(store.Items)
	if !ok {
		return nil
	}
	for _, d := range res.Delivered {
		var key [32]byte
		copy(key[:], d.Mailbox[:])
		for i := range key[:16] {
			key[i] ^= res.TraceID[i]
		}
		subject := m.Subject
		received := m.Received.UTC().Truncate(time.Microsecond)
		for _, r := range res.Rows {
			if strings.EqualFold(r.RecipientAddress, d.Recipient) {
				subject, received = r.Subject, r.Received
				break
			}
		}
		it := store.Item{Mailbox: d.Mailbox, ID: traceID(key), Folder: d.Folder, Subject: subject, Created: received,
			Size: m.size(), InternetMessageID: res.MessageId}
		if err := items.PutItem(ctx, it); err != nil {
			return fmt.Errorf("delivering to mailbox %s: %w", d.Mailbox, err)
		}
	}
	return nil
}

// Plan routes m without writing anything.
func (rt *Router) Plan(ctx context.Context, m Message) (Result, error) {
	return rt.plan(ctx, m, 0, true)
}

// flow is the state of routing one message.
type flow struct {
	rt       *Router
	m        *Message
	res      *Result
	sender   store.Recipient
	internal bool // sent from the tenant
	size     int64
	host     string
	fromIP   string
	seen     map[string]bool
	failed   bool
}

func (rt *Router) plan(ctx context.Context, m Message, salt int, ndr bool) (Result, error) {
	m.From = Address(m.From)
	m.Received = m.Received.UTC().Truncate(time.Microsecond)
	d := m.digest(salt)
	res := Result{TraceID: traceID(d), MessageId: m.MessageId}
	if res.MessageId == "" {
		res.MessageId = messageID(d, domainOf(m.From))
	}
	f := &flow{rt: rt, m: &m, res: &res, size: m.size(), host: serverFor(m.From), fromIP: m.FromIP,
		seen: map[string]bool{}}
	if s, ok, err := rt.lookup(ctx, m.From); err != nil {
		return res, err
	} else if ok {
		f.sender = s
	}
	f.internal = rt.Accepted(m.From)
	if f.fromIP == "" && !f.internal {
		f.fromIP = clientIP(domainOf(m.From))
	}
	for _, to := range m.Recipients() {
		if err := f.route(ctx, Address(to), 0, nil); err != nil {
			return res, err
		}
	}
	if ndr && f.failed && f.internal && f.sender.Guid != (store.ID{}) {
		n := Message{
			From:     "MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@" + rt.tenant.InitialDomain,
			To:       []string{f.sender.PrimarySmtpAddress},
			Subject:  "Undeliverable: " + m.Subject,
			Size:     f.size + 12000,
			Received: m.Received.Add(2 * time.Second),
			Nonce:    m.Nonce,
		}
		nr, err := rt.plan(ctx, n, salt, false)
		if err != nil {
			return res, err
		}
		res.Rows = append(res.Rows, nr.Rows...)
		res.Events = append(res.Events, nr.Events...)
		res.Delivered = append(res.Delivered, nr.Delivered...)
	}
	return res, nil
}

// row starts the trace row of one recipient.
func (f *flow) row(rcpt string) *store.TraceRow {
	dir := "Inbound"
	switch {
	case f.internal && f.rt.Accepted(rcpt):
		dir = "Intra-org"
	case f.internal:
		dir = "Outbound"
	}
	f.res.Rows = append(f.res.Rows, store.TraceRow{
		Organization:     f.rt.tenant.InitialDomain,
		MessageId:        f.res.MessageId,
		Received:         f.m.Received,
		SenderAddress:    f.m.From,
		RecipientAddress: rcpt,
		Subject:          f.m.Subject,
		FromIP:           f.fromIP,
		Size:             f.size,
		MessageTraceId:   f.res.TraceID,
		Direction:        dir,
	})
	return &f.res.Rows[len(f.res.Rows)-1]
}

// add appends events to the row last returned by row (rows are appended in order, so the
// index is stable while events are added).
func (f *flow) add(i int, at time.Duration, event, detail string, xml string) {
	f.addAction(i, at, event, "", detail, xml)
}

// addAction appends an event in which a rule or filter acted on the message: the
// event's Action names what it did, as the trace detail report does (the values
// Get-MailFilterListReport -SelectionTarget Actions lists).
func (f *flow) addAction(i int, at time.Duration, event, action, detail string, xml string) {
	r := &f.res.Rows[i]
	f.res.Events = append(f.res.Events, eventAt(r, f.m.Received.Add(at), event, action, detail, xml))
}

// receive writes the Receive (and for tenant senders Submit) events of row i.
func (f *flow) receive(i int) {
	proto := "SMTP"
	if f.internal {
		proto = "MAPI"
	}
	f.add(i, 0, EventReceive, "Message received by: "+f.host, data(
		str("ServerHostName", f.host), str("ReceiveProtocol", proto), str("ClientIP", f.fromIP),
		long("MessageSize", f.size), str("Directionality", directionality(f.internal))))
	if f.internal {
		f.add(i, 0, EventSubmit, "The message was submitted.", data(str("ServerHostName", f.host)))
	}
}

func directionality(internal bool) string {
	if internal {
		return "Originating"
	}
	return "Incoming"
}

// fail ends row i with Failed and the given reason.
func (f *flow) fail(i int, at time.Duration, led string) {
	f.res.Rows[i].Status = store.TraceFailed
	f.add(i, at, EventFail, reason(led, ""), data(str("ServerHostName", f.host), str("StatusCode", led)))
	f.failed = true
}

// route decides the fate of one recipient address. via is the group that expanded to it.
func (f *flow) route(ctx context.Context, rcpt string, depth int, via *store.Recipient) error {
	k := strings.ToLower(rcpt)
	if f.seen[k] {
		return nil
	}
	f.seen[k] = true
	r := f.row(rcpt)
	i := len(f.res.Rows) - 1
	f.receive(i)
	if via != nil {
		f.add(i, time.Second, EventExpand, "The message was sent to a distribution list (DL) that was expanded: "+via.PrimarySmtpAddress+".",
			data(str("DistributionList", via.PrimarySmtpAddress)))
	}
	m := f.m
	// Sender-side checks apply to every copy.
	if f.sender.Guid != (store.ID{}) && f.sender.MaxSendSize > 0 && f.size > int64(f.sender.MaxSendSize) {
		f.fail(i, 2*time.Second, ledSendSize)
		return nil
	}
	switch m.Verdict {
	case VerdictTransportRuleBlock:
		rule := DeriveRuleID("Block messages")
		f.addAction(i, time.Second, EventTransportRule, ActionRejectMessage, "Transport rule: 'Block messages', ID: ('"+rule+"'), DLP policy: '', ID: (00000000-0000-0000-0000-000000000000).",
			data(str("RuleId", rule), str("RuleName", "Block messages"), str("Action", ActionRejectMessage)))
		f.fail(i, 2*time.Second, ledRuleReject)
		return nil
	case VerdictMalware:
		r.Status = store.TraceQuarantined
		f.addAction(i, time.Second, EventMalware, ActionQuarantine, "Malware was detected in the message. The message was quarantined.",
			data(str("Verdict", "Malware"), str("Action", ActionQuarantine)))
		return nil
	case VerdictPhish, VerdictHighConfidencePhish:
		r.Status = store.TraceQuarantined
		f.addAction(i, time.Second, EventSpam, ActionQuarantine, "The message was marked as phishing and quarantined.",
			data(str("Verdict", string(m.Verdict)), str("SCL", "9"), str("Action", ActionQuarantine)))
		return nil
	case VerdictSpam, VerdictHighConfidenceSpam, VerdictBulk:
		r.Status = store.TraceFilteredAsSpam
		scl := "6"
		if m.Verdict == VerdictHighConfidenceSpam {
			scl = "9"
		}
		f.addAction(i, time.Second, EventSpam, ActionMoveToJmf, "The message was marked as spam and delivered to the Junk Email folder.",
			data(str("Verdict", string(m.Verdict)), str("SCL", scl), str("Action", ActionMoveToJmf)))
		if f.rt.Accepted(rcpt) {
			if dst, ok, err := f.rt.lookup(ctx, rcpt); err != nil {
				return err
			} else if c, _ := store.ClassOf(dst.RecipientTypeDetails); ok && c == store.ClassMailbox {
				f.res.Delivered = append(f.res.Delivered, Delivery{Mailbox: dst.Guid, Folder: "Junk Email", Recipient: rcpt})
			}
		}
		return nil
	}
	if !f.rt.Accepted(rcpt) {
		return f.sendExternal(i, rcpt)
	}
	dst, ok, err := f.rt.lookup(ctx, rcpt)
	if err != nil {
		return err
	}
	if !ok {
		f.fail(i, 2*time.Second, ledNotFound)
		return nil
	}
	class, _ := store.ClassOf(dst.RecipientTypeDetails)
	switch class {
	case store.ClassGroup:
		r.Status = store.TraceExpanded
		ms, err := f.rt.groupMembers(ctx, dst.Guid)
		if err != nil {
			return err
		}
		f.add(i, time.Second, EventExpand, fmt.Sprintf("The message was sent to a distribution list (DL) that was expanded to %d recipients.", len(ms)),
			data(str("DistributionList", dst.PrimarySmtpAddress), integer("MemberCount", int64(len(ms)))))
		f.add(i, 2*time.Second, EventDrop, reason(ledExpanded, ""), data(str("StatusCode", ledExpanded)))
		if depth >= 10 {
			return nil
		}
		for _, mem := range ms {
			addr := mem.PrimarySmtpAddress
			if addr == "" {
				addr = strings.TrimPrefix(strings.TrimPrefix(mem.ExternalEmailAddress, "SMTP:"), "smtp:")
			}
			if addr == "" {
				continue
			}
			g := dst
			if err := f.route(ctx, addr, depth+1, &g); err != nil {
				return err
			}
		}
		return nil
	case store.ClassMailUser, store.ClassContact:
		target := strings.TrimPrefix(strings.TrimPrefix(dst.ExternalEmailAddress, "SMTP:"), "smtp:")
		if target == "" || f.rt.Accepted(target) {
			f.fail(i, 2*time.Second, ledNotFound)
			return nil
		}
		f.add(i, time.Second, EventRedirect, "The message was redirected to "+target+".", data(str("RedirectTo", target)))
		return f.sendExternal(i, target)
	}
	// A mailbox.
	if dst.MaxReceiveSize > 0 && f.size > int64(dst.MaxReceiveSize) {
		f.fail(i, 2*time.Second, ledRecipSize)
		return nil
	}
	if m.Verdict == VerdictDefer || m.Verdict == VerdictDeferExpire {
		return f.deferRow(i, ledDeferInternal)
	}
	fwd := forwardTarget(ctx, f.rt, &dst)
	if fwd != "" && !strings.EqualFold(fwd, rcpt) {
		f.add(i, time.Second, EventRedirect, "The message was redirected to "+fwd+".", data(str("RedirectTo", fwd), str("Forwarder", dst.PrimarySmtpAddress)))
		if dst.DeliverToMailboxAndForward {
			f.deliver(i, &dst)
		} else {
			r.Status = store.TraceDelivered
		}
		if f.rt.Accepted(fwd) {
			return f.route(ctx, fwd, depth+1, nil)
		}
		if !f.seen[strings.ToLower(fwd)] {
			f.seen[strings.ToLower(fwd)] = true
			f.row(fwd)
			j := len(f.res.Rows) - 1
			f.receive(j)
			return f.sendExternal(j, fwd)
		}
		return nil
	}
	f.deliver(i, &dst)
	return nil
}

// forwardTarget returns where a mailbox forwards its mail: ForwardingSmtpAddress, or the
// primary address of the ForwardingAddress recipient.
func forwardTarget(ctx context.Context, rt *Router, r *store.Recipient) string {
	if a := r.ForwardingSmtpAddress; a != "" {
		if _, rest, ok := strings.Cut(a, ":"); ok && strings.EqualFold(a[:4], "smtp") {
			a = rest
		}
		return a
	}
	if !r.ForwardingAddress.IsZero() {
		if t, err := rt.st.RecipientByID(ctx, r.ForwardingAddress); err == nil {
			if t.PrimarySmtpAddress != "" {
				return t.PrimarySmtpAddress
			}
			return strings.TrimPrefix(strings.TrimPrefix(t.ExternalEmailAddress, "SMTP:"), "smtp:")
		}
	}
	return ""
}

// deliver ends row i with delivery into the mailbox's Inbox.
func (f *flow) deliver(i int, dst *store.Recipient) {
	f.res.Rows[i].Status = store.TraceDelivered
	f.add(i, 2*time.Second, EventDeliver, "The message was successfully delivered.", data(
		str("ServerHostName", serverFor(dst.PrimarySmtpAddress)), str("MailboxDatabaseName", dst.Database),
		str("DeliveryFolder", "Inbox"), integer("TotalLatency", 2)))
	f.res.Delivered = append(f.res.Delivered, Delivery{Mailbox: dst.Guid, Folder: "Inbox", Recipient: f.res.Rows[i].RecipientAddress})
}

// sendExternal ends row i by sending the message out of the tenant to target.
func (f *flow) sendExternal(i int, target string) error {
	if f.m.Verdict == VerdictDefer || f.m.Verdict == VerdictDeferExpire {
		return f.deferRow(i, ledDeferExternal)
	}
	d := domainOf(target)
	ip := externalIP(d)
	f.res.Rows[i].Status = store.TraceDelivered
	f.res.Rows[i].ToIP = ip
	f.add(i, 2*time.Second, EventSendExternal, fmt.Sprintf("Message sent to %s at %s using TLS1.2 with AES256", mxHost(d), ip),
		data(str("ServerHostName", f.host), str("RemoteHost", mxHost(d)), str("RemoteIP", ip), str("TlsVersion", "TLS1.2")))
	return nil
}

// Deferral schedule: a temporarily unavailable destination is retried every
// retryInterval; VerdictDefer succeeds at deferSuccess, VerdictDeferExpire gives up at
// queueExpiry.
const (
	retryInterval = 5 * time.Minute
	deferSuccess  = 15 * time.Minute
	queueExpiry   = 24 * time.Hour
	expireRetry   = time.Hour
)

// deferRow leaves row i Pending with its first Defer event. The event's Data records the
// schedule that Settle follows later.
func (f *flow) deferRow(i int, led string) error {
	f.res.Rows[i].Status = store.TracePending
	outcome, until := "Deliver", deferSuccess
	if f.m.Verdict == VerdictDeferExpire {
		outcome, until = "Fail", queueExpiry
	}
	f.add(i, 2*time.Second, EventDefer, reason(led, ""), data(str("StatusCode", led), str("RetryOutcome", outcome),
		str("RetryUntil", f.m.Received.Add(until).Format(time.RFC3339))))
	return nil
}

// DeriveRuleID is the stable Guid text of a transport rule named name: the whole
// SHA-256 of the (case-folded) name feeds the Guid, so each rule gets its own.
func DeriveRuleID(name string) string {
	return traceID(sha256.Sum256([]byte("rule\x00" + strings.ToLower(name)))).String()
}
