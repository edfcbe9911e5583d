package cmdlets

import (
	"os"
	"time"

	"github.com/exosh/exosh/cmdlets/mailflow"
	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/value"
)

// mailCmdlets returns the cmdlets that send mail into the tenant.
func mailCmdlets() []shell.CmdletInfo {
	return []shell.CmdletInfo{
		{Name: "Send-MailMessage", Module: "Microsoft.PowerShell.Utility", Synopsis: "Sends an email message (straight into the tenant).",
			New: func() shell.Cmdlet { return new(sendMailMessage) }},
		{Name: "Send-SimMessage", Module: moduleSim, Synopsis: "Sends test messages into the tenant, with a forced verdict, date or size.",
			New: func() shell.Cmdlet { return new(sendSimMessage) }},
		{Name: "Start-SimMailFlow", Module: moduleSim, Synopsis: "Generates days of deterministic mail traffic for the tenant.",
			New: func() shell.Cmdlet { return new(startSimMailFlow) }},
	}
}

// typeSimMessage is the type of Send-SimMessage's output.
const typeSimMessage = "Exosh.SimMessage"

// sendMailObsolete is the warning pwsh 7 writes for Send-MailMessage.
const sendMailObsolete = "The command 'Send-MailMessage' is obsolete. This cmdlet does not guarantee secure connections to SMTP servers. While there is no immediate replacement available in PowerShell, we recommend you do not use Send-MailMessage at this time. See https://aka.ms/SendMailMessage for more information."

// sendMailMessage is Send-MailMessage as pwsh 7 has it. The SMTP server and its port are
// accepted and ignored: the message enters the tenant directly.
type sendMailMessage struct {
	To, Cc, Bcc, Attachments, ReplyTo []string
	From, Subject, Body               string
	SmtpServer, Encoding, Priority    string
	DeliveryNotificationOption        []string
	Port                              int
	BodyAsHtml, UseSsl                bool
	Credential                        value.Value
}

func (s *sendMailMessage) Params() []shell.Param {
	return []shell.Param{
		{Name: "To", Position: 1, Mandatory: true, Bind: shell.Strings(&s.To)},
		{Name: "Subject", Aliases: []string{"sub"}, Position: 2, Bind: shell.String(&s.Subject)},
		{Name: "Body", Position: 3, Bind: shell.String(&s.Body)},
		{Name: "SmtpServer", Aliases: []string{"ComputerName"}, Position: 4, Bind: shell.String(&s.SmtpServer)},
		{Name: "From", Mandatory: true, Bind: shell.String(&s.From)},
		{Name: "Cc", Bind: shell.Strings(&s.Cc)},
		{Name: "Bcc", Bind: shell.Strings(&s.Bcc)},
		{Name: "Attachments", Aliases: []string{"PsPath"}, FromPipeline: true, Bind: shell.Strings(&s.Attachments)},
		{Name: "ReplyTo", Bind: shell.Strings(&s.ReplyTo)},
		{Name: "BodyAsHtml", Aliases: []string{"BAH"}, Bind: shell.Switch(&s.BodyAsHtml)},
		{Name: "Encoding", Aliases: []string{"BE"}, Bind: shell.String(&s.Encoding)},
		{Name: "Priority", Bind: enumBinder{&s.Priority, "System.Net.Mail.MailPriority", []string{"Normal", "Low", "High"}}},
		{Name: "DeliveryNotificationOption", Aliases: []string{"DNO"}, Bind: shell.Strings(&s.DeliveryNotificationOption)},
		{Name: "Credential", Bind: shell.Value(&s.Credential)},
		{Name: "UseSsl", Bind: shell.Switch(&s.UseSsl)},
		{Name: "Port", Bind: shell.Int(&s.Port)},
	}
}

func (s *sendMailMessage) Process(c *shell.Context) error {
	c.WriteWarning(sendMailObsolete)
	m := mailflow.Message{From: mailflow.Address(s.From), To: s.To, Cc: s.Cc, Bcc: s.Bcc, Subject: s.Subject, Body: s.Body}
	if !mailflow.ValidAddress(m.From) {
		return &shell.ErrorRecord{Message: "The specified string is not in the form required for an e-mail address.",
			Category: "InvalidArgument", ErrorID: "SendMailMessage", Exception: "System.FormatException"}
	}
	for _, list := range [][]string{s.To, s.Cc, s.Bcc} {
		for _, a := range list {
			if !mailflow.ValidAddress(mailflow.Address(a)) {
				return &shell.ErrorRecord{Message: "The specified string is not in the form required for an e-mail address.",
					Category: "InvalidArgument", ErrorID: "SendMailMessage", Exception: "System.FormatException"}
			}
		}
	}
	for _, a := range s.Attachments {
		p, err := resolvePath(c, a)
		if err != nil {
			return err
		}
		fi, err := os.Stat(p)
		if err != nil {
			return &shell.ErrorRecord{Message: "Cannot find path '" + p + "' because it does not exist.", Category: "ObjectNotFound",
				ErrorID: "PathNotFound,Microsoft.PowerShell.Commands.SendMailMessage", Exception: "System.Management.Automation.ItemNotFoundException",
				TargetObject: p}
		}
		m.Attachments = append(m.Attachments, mailflow.Attachment{Name: fi.Name(), Size: fi.Size()})
	}
	_, err := route(c, []mailflow.Message{m})
	return err
}

// route sends messages through the tenant's router, stamping them with the tenant clock
// unless they carry their own time.
func route(c *shell.Context, msgs []mailflow.Message) ([]mailflow.Result, error) {
	if _, err := openTenant(c); err != nil {
		return nil, err
	}
	rt, err := mailflow.NewRouter(c.Ctx, c.Store)
	if err != nil {
		return nil, err
	}
	now := c.Clock.Now().UTC()
	var out []mailflow.Result
	for _, m := range msgs {
		if m.Received.IsZero() {
			m.Received = now
		}
		res, err := rt.Send(c.Ctx, m)
		if err != nil {
			return out, err
		}
		out = append(out, res)
	}
	return out, nil
}

// sendSimMessage is Send-SimMessage: scripted messages with a forced verdict, a date in
// the past, a size, and a count. It returns one object per message sent.
type sendSimMessage struct {
	From, Subject, Body, Verdict, FromIP string
	To, Cc, Bcc                          []string
	Date                                 time.Time
	Size                                 int64
	Count                                int
}

func (s *sendSimMessage) Params() []shell.Param {
	return []shell.Param{
		{Name: "From", Position: 1, Mandatory: true, Bind: shell.String(&s.From), Help: "The sender's address."},
		{Name: "To", Position: 2, Mandatory: true, Bind: shell.Strings(&s.To), Help: "Recipient addresses."},
		{Name: "Subject", Position: 3, Bind: shell.String(&s.Subject), Help: "The subject."},
		{Name: "Body", Bind: shell.String(&s.Body)},
		{Name: "Cc", Bind: shell.Strings(&s.Cc)},
		{Name: "Bcc", Bind: shell.Strings(&s.Bcc)},
		{Name: "Verdict", Bind: enumBinder{&s.Verdict, "Exosh.MailVerdict", mailflow.Verdicts}, Help: "Forces a filtering or delivery outcome."},
		{Name: "Date", Bind: shell.Date(&s.Date), Help: "When the message was received (default: now)."},
		{Name: "Size", Bind: msgSizeBinder(&s.Size), Help: "The message size (bytes or '25MB')."},
		{Name: "Count", Bind: rangeBinder{&s.Count, 1, 100000}, Help: "How many copies to send."},
		{Name: "FromIP", Bind: shell.String(&s.FromIP), Help: "The connecting client's IP address."},
	}
}

// msgSizeBinder binds a byte count given as a number or a size text ("25MB", "10 KB").
func msgSizeBinder(dst *int64) shell.Binder {
	return shell.Custom("ByteQuantifiedSize", func(v value.Value) error {
		sz, err := parseSize(v)
		if err != nil {
			return err
		}
		*dst = int64(sz)
		return nil
	})
}

func (s *sendSimMessage) Process(c *shell.Context) error {
	v, _ := mailflow.ParseVerdict(s.Verdict)
	n := max(s.Count, 1)
	var when time.Time
	if c.Bound("Date") {
		when = utcWall(s.Date)
	}
	msgs := make([]mailflow.Message, 0, n)
	for i := range n {
		msgs = append(msgs, mailflow.Message{From: s.From, To: s.To, Cc: s.Cc, Bcc: s.Bcc, Subject: s.Subject, Body: s.Body,
			Size: s.Size, Received: when, Verdict: v, FromIP: s.FromIP, Nonce: i})
	}
	res, err := route(c, msgs)
	for _, r := range res {
		var rcpts, states []string
		for _, row := range r.Rows {
			if row.MessageTraceId == r.TraceID {
				rcpts = append(rcpts, row.RecipientAddress)
				states = append(states, row.Status)
			}
		}
		var received time.Time
		if len(r.Rows) > 0 {
			received = r.Rows[0].Received
		}
		if werr := c.WriteObject(value.NewObject(typeSimMessage,
			value.Property{Name: "MessageTraceId", Value: r.TraceID.String()},
			value.Property{Name: "MessageId", Value: r.MessageId},
			value.Property{Name: "Received", Value: received},
			value.Property{Name: "Recipients", Value: strs(rcpts)},
			value.Property{Name: "Status", Value: strs(states)},
		)); werr != nil {
			return werr
		}
	}
	return err
}
