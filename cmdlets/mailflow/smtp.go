package mailflow

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/mail"
	"strings"
	"sync/atomic"
	"time"

	"github.com/emersion/go-smtp"
)

// Envelope is one message received over SMTP: the envelope addresses, the raw content,
// and the client's address.
type Envelope struct {
	From     string
	To       []string
	Data     []byte
	RemoteIP string
}

// Handler receives what SMTP clients send.
type Handler interface {
	// Accept checks one recipient at RCPT time; a *Reject error refuses it.
	Accept(ctx context.Context, from, to string) error
	// Deliver takes a complete message; a *Reject error refuses it.
	Deliver(ctx context.Context, e Envelope) error
}

// Reject is an SMTP refusal: the reply code, the enhanced status code and the text.
type Reject struct {
	Code     int
	Enhanced [3]int
	Message  string
}

func (r *Reject) Error() string {
	return fmt.Sprintf("%d %d.%d.%d %s", r.Code, r.Enhanced[0], r.Enhanced[1], r.Enhanced[2], r.Message)
}

// ServeOptions adjust the listener.
type ServeOptions struct {
	// AllowRemote lets the listener bind to a non-loopback address. Without it only
	// loopback addresses are accepted, so a tenant is never exposed by accident.
	AllowRemote bool
	// Domain is the host name announced in the greeting.
	Domain string
	// MaxMessageBytes bounds a message (150 MB, Exchange Online's maximum, by default).
	MaxMessageBytes int64
	// Ready, when set, is told the bound address once the listener accepts connections.
	Ready func(net.Addr)
}

// ErrNotLoopback is returned by Serve for a non-loopback address without AllowRemote.
var ErrNotLoopback = errors.New("the SMTP listener binds to loopback addresses only unless remote access is allowed")

// Serve listens on addr ("127.0.0.1:2525") and hands every message to h until ctx is
// cancelled. It returns nil after a cancellation.
func Serve(ctx context.Context, addr string, h Handler, o ServeOptions) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	if !o.AllowRemote && !isLoopback(host) {
		return fmt.Errorf("%w: %s", ErrNotLoopback, addr)
	}
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	return ServeListener(ctx, l, h, o)
}

func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// ServeListener serves SMTP on an open listener (closed when ctx ends).
func ServeListener(ctx context.Context, l net.Listener, h Handler, o ServeOptions) error {
	s := smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) {
		ip := ""
		if a, ok := c.Conn().RemoteAddr().(*net.TCPAddr); ok {
			ip = a.IP.String()
		}
		return &session{ctx: ctx, h: h, remote: ip}, nil
	}))
	s.Domain = o.Domain
	if s.Domain == "" {
		s.Domain = "localhost"
	}
	s.MaxMessageBytes = o.MaxMessageBytes
	if s.MaxMessageBytes == 0 {
		s.MaxMessageBytes = 150 << 20
	}
	s.MaxRecipients = 1000
	s.ReadTimeout = 5 * time.Minute
	s.WriteTimeout = 5 * time.Minute
	s.ErrorLog = quietLog{}
	done := make(chan error, 1)
	go func() { done <- s.Serve(l) }()
	if o.Ready != nil {
		o.Ready(l.Addr())
	}
	select {
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := s.Shutdown(sctx); err != nil {
			s.Close()
		}
		<-done
		return nil
	case err := <-done:
		if errors.Is(err, smtp.ErrServerClosed) {
			return nil
		}
		return err
	}
}

// quietLog drops the server's connection-level log lines (clients hanging up).
type quietLog struct{}

func (quietLog) Printf(string, ...any) {}
func (quietLog) Println(...any)        {}

// session is one SMTP connection.
type session struct {
	ctx    context.Context
	h      Handler
	remote string
	from   string
	to     []string
}

func (s *session) Reset()        { s.from, s.to = "", nil }
func (s *session) Logout() error { return nil }

func (s *session) Mail(from string, _ *smtp.MailOptions) error {
	s.from, s.to = from, nil
	return nil
}

func (s *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	if err := s.h.Accept(s.ctx, s.from, to); err != nil {
		return smtpError(err)
	}
	s.to = append(s.to, to)
	return nil
}

func (s *session) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	if err := s.h.Deliver(s.ctx, Envelope{From: s.from, To: s.to, Data: b, RemoteIP: s.remote}); err != nil {
		return smtpError(err)
	}
	return nil
}

// smtpError words a handler error as an SMTP reply.
func smtpError(err error) error {
	var r *Reject
	if errors.As(err, &r) {
		return &smtp.SMTPError{Code: r.Code, EnhancedCode: smtp.EnhancedCode(r.Enhanced), Message: r.Message}
	}
	return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "Temporary server error. Please try again later"}
}

// Clock is the tenant time source a handler stamps messages with.
type Clock interface{ Now() time.Time }

// TenantHandler routes what SMTP clients send into a tenant.
type TenantHandler struct {
	st    Store
	clock Clock
	// seq numbers the messages, so identical messages at one instant stay distinct.
	seq atomic.Int64
}

// NewTenantHandler returns a handler that routes messages into st, received at the
// clock's time.
func NewTenantHandler(st Store, clock Clock) *TenantHandler {
	return &TenantHandler{st: st, clock: clock}
}

// Accept refuses to relay: either the sender or the recipient must be in one of the
// tenant's accepted domains.
func (t *TenantHandler) Accept(ctx context.Context, from, to string) error {
	if !ValidAddress(to) {
		return &Reject{Code: 501, Enhanced: [3]int{5, 1, 3}, Message: "Invalid recipient address"}
	}
	rt, err := NewRouter(ctx, t.st)
	if err != nil {
		return err
	}
	if !rt.Accepted(to) && !rt.Accepted(from) {
		return &Reject{Code: 550, Enhanced: [3]int{5, 7, 54}, Message: "SMTP; Unable to relay recipient in non-accepted domain"}
	}
	return nil
}

// Deliver parses the message headers (Subject, Message-ID) and routes the message.
func (t *TenantHandler) Deliver(ctx context.Context, e Envelope) error {
	m := Message{From: e.From, To: e.To, Size: int64(len(e.Data)), Received: t.clock.Now(), FromIP: e.RemoteIP,
		Nonce: int(t.seq.Add(1))}
	if msg, err := mail.ReadMessage(bytes.NewReader(e.Data)); err == nil {
		dec := new(mime.WordDecoder)
		subject := msg.Header.Get("Subject")
		if s, err := dec.DecodeHeader(subject); err == nil {
			subject = s
		}
		m.Subject = subject
		if id := strings.TrimSpace(msg.Header.Get("Message-Id")); id != "" {
			m.MessageId = id
		}
	}
	rt, err := NewRouter(ctx, t.st)
	if err != nil {
		return err
	}
	_, err = rt.Send(ctx, m)
	return err
}
