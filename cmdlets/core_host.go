package cmdlets

import (
	"errors"
	"io"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/value"
)

// coreHostCmdlets is the table of the host interaction and credential cmdlets.
func coreHostCmdlets() []shell.CmdletInfo {
	return []shell.CmdletInfo{
		{Name: "Read-Host", Module: moduleUtility,
			Synopsis: "Reads a line of input from the console.",
			New:      func() shell.Cmdlet { return new(readHost) }},
		{Name: "Get-Credential", Module: moduleSecure,
			Synopsis: "Gets a credential object based on a user name and password.",
			New:      func() shell.Cmdlet { return new(getCredential) }},
		{Name: "ConvertTo-SecureString", Module: moduleSecure,
			Synopsis: "Converts plain text or encrypted strings to secure strings.",
			New:      func() shell.Cmdlet { return new(toSecureString) }},
		{Name: "Clear-Host", Aliases: []string{"cls", "clear"}, Module: moduleCore,
			Synopsis: "Clears the display in the host program.",
			New:      func() shell.Cmdlet { return new(clearHost) }},
	}
}

// readHost is Read-Host.
type readHost struct {
	Prompt value.Value
	Secure bool
	Mask   bool
}

func (r *readHost) Params() []shell.Param {
	return []shell.Param{
		{Name: "Prompt", Position: 1, Remaining: true, Bind: anyBinder{&r.Prompt}, Help: "The text of the prompt; \": \" is appended."},
		{Name: "AsSecureString", Sets: []string{"AsSecureString"}, Bind: shell.Switch(&r.Secure), Help: "Reads the input as a SecureString, echoing asterisks."},
		{Name: "MaskInput", Sets: []string{"AsString"}, Bind: shell.Switch(&r.Mask), Help: "Echoes asterisks but returns a string."},
	}
}

func (r *readHost) Process(c *shell.Context) error {
	prompt := ""
	if c.Bound("Prompt") {
		prompt = hostText(r.Prompt, " ") + ": "
	}
	line, err := c.ReadLine(prompt, r.Secure || r.Mask)
	if err != nil && !errors.Is(err, io.EOF) {
		return err
	}
	if r.Secure {
		return c.WriteObject(value.NewSecureString(line))
	}
	return c.WriteObject(line)
}

// credentialType is the type name of PSCredential objects.
const credentialType = "System.Management.Automation.PSCredential"

// defaultCredentialUser is the user name Get-Credential gives when none is supplied.
const defaultCredentialUser = "admin@contoso.onmicrosoft.com"

// newCredential builds a PSCredential object.
func newCredential(user string, password value.Value) *value.Object {
	o := value.NewObject(credentialType,
		value.Property{Name: "UserName", Value: user},
		value.Property{Name: "Password", Value: password})
	o.SetTypeNames([]string{credentialType, "System.Object"})
	return o
}

// getCredential is Get-Credential. exosh's tenant has no passwords, so it does not prompt:
// it returns a PSCredential whose UserName is -UserName or -Credential, else the acting admin
// (Connect-ExchangeOnline -UserPrincipalName), else admin@contoso.onmicrosoft.com, and whose
// Password is an empty SecureString. Scripts that pass the result to Connect-ExchangeOnline
// -Credential then run unattended.
type getCredential struct {
	Credential value.Value
	UserName   string
	Message    string
	Title      string
}

func (g *getCredential) Params() []shell.Param {
	return []shell.Param{
		{Name: "Credential", Position: 1, Sets: []string{"CredentialSet"}, Bind: anyBinder{&g.Credential}, Help: "A user name or credential to start from."},
		{Name: "Message", Sets: []string{"MessageSet"}, Bind: shell.String(&g.Message), Help: "The message of the prompt (not shown)."},
		{Name: "UserName", Sets: []string{"MessageSet"}, Bind: shell.String(&g.UserName), Help: "The user name."},
		{Name: "Title", Sets: []string{"MessageSet"}, Bind: shell.String(&g.Title), Help: "The title of the prompt (not shown)."},
	}
}

func (g *getCredential) Process(c *shell.Context) error {
	if o, ok := g.Credential.(*value.Object); ok && firstTypeName(o) == credentialType {
		return c.WriteObject(o)
	}
	user := g.UserName
	if user == "" && g.Credential != nil {
		user = value.ToString(g.Credential)
	}
	if user == "" {
		user = c.Services().Identity
	}
	if user == "" {
		user = defaultCredentialUser
	}
	return c.WriteObject(newCredential(user, value.NewSecureString("")))
}

// toSecureString is ConvertTo-SecureString. Only the -AsPlainText form is supported: exosh
// has no Windows data protection key to decrypt the other forms with.
type toSecureString struct {
	String    string
	AsPlain   bool
	Force     bool
	Key       []value.Value
	SecureKey value.Value
}

func (t *toSecureString) Params() []shell.Param {
	return []shell.Param{
		{Name: "String", Position: 1, Mandatory: true, FromPipeline: true, Bind: shell.String(&t.String), Help: "The string to convert."},
		{Name: "AsPlainText", Position: 2, Sets: []string{"PlainText"}, Bind: shell.Switch(&t.AsPlain), Help: "Converts plain text."},
		{Name: "Force", Position: 3, Sets: []string{"PlainText"}, Bind: shell.Switch(&t.Force), Help: "Accepted for compatibility."},
		{Name: "Key", Sets: []string{"Open"}, Bind: shell.Values(&t.Key), Help: "An encryption key (not supported)."},
		{Name: "SecureKey", Sets: []string{"Secure"}, Bind: anyBinder{&t.SecureKey}, Help: "An encryption key (not supported)."},
	}
}

func (t *toSecureString) Process(c *shell.Context) error {
	if !t.AsPlain {
		// Without -AsPlainText pwsh expects DPAPI-encrypted text, which plain input is not.
		return &shell.ErrorRecord{Message: "The input string was not in a correct format.",
			Category: "InvalidArgument", ErrorID: "ImportSecureString_InvalidArgument",
			Exception: "System.FormatException", TargetObject: t.String}
	}
	return c.WriteObject(value.NewSecureString(t.String))
}

// clearHost is Clear-Host: it clears the screen on a terminal and does nothing when output is
// redirected (so transcripts and files stay clean).
type clearHost struct{}

func (clearHost) Params() []shell.Param { return nil }

func (clearHost) Process(c *shell.Context) error {
	if c.Services().Terminal {
		c.WriteHost("\x1b[2J\x1b[3J\x1b[H", false, "")
	}
	return nil
}
