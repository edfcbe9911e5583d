package cmdlets

import (
	"fmt"
	"strings"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/value"
)

// coreModuleCmdlets is the table of the module and connection cmdlets. exosh is always
// "connected" to its emulated tenant; these cmdlets exist so that scripts written for EXO V3
// run unchanged.
func coreModuleCmdlets() []shell.CmdletInfo {
	return []shell.CmdletInfo{
		{Name: "Import-Module", Aliases: []string{"ipmo"}, Module: moduleCore,
			Synopsis: "Adds modules to the current session.",
			New:      func() shell.Cmdlet { return &moduleCmd{install: false} }},
		{Name: "Install-Module", Module: moduleGet,
			Synopsis: "Downloads one or more modules from a repository, and installs them on the local computer.",
			New:      func() shell.Cmdlet { return &moduleCmd{install: true} }},
		{Name: "Connect-ExchangeOnline", Module: moduleEXO,
			Synopsis: "Connects to Exchange Online (here: exosh's emulated tenant).",
			New:      func() shell.Cmdlet { return new(connectEXO) }},
		{Name: "Disconnect-ExchangeOnline", Module: moduleEXO, ConfirmImpact: shell.ConfirmImpactHigh,
			Synopsis: "Disconnects from Exchange Online.",
			New:      func() shell.Cmdlet { return new(disconnectEXO) }},
	}
}

// knownModules are the modules exosh provides; importing or installing them succeeds silently.
var knownModules = []string{moduleEXO, moduleCore, moduleUtility, moduleMgmt, moduleSecure, moduleGet}

func knownModule(name string) bool {
	for _, m := range knownModules {
		if strings.EqualFold(m, name) {
			return true
		}
	}
	return false
}

// moduleCmd is Import-Module and Install-Module.
type moduleCmd struct {
	install bool

	Name            []string
	Force           bool
	Scope           string
	AllowClobber    bool
	Repository      []string
	RequiredVersion string
	MinimumVersion  string
	AcceptLicense   bool
	SkipPublisher   bool
	Prefix          string
	PassThru        bool
	DisableNameChk  bool
	Global          bool
}

func (m *moduleCmd) Params() []shell.Param {
	ps := []shell.Param{
		{Name: "Name", Position: 1, Mandatory: true, FromPipeline: true, ByPropertyName: true, Bind: shell.Strings(&m.Name), Help: "The modules."},
		{Name: "Force", Bind: shell.Switch(&m.Force), Help: "Accepted."},
		{Name: "RequiredVersion", Bind: shell.String(&m.RequiredVersion), Help: "Accepted."},
		{Name: "MinimumVersion", Bind: shell.String(&m.MinimumVersion), Help: "Accepted."},
		{Name: "PassThru", Bind: shell.Switch(&m.PassThru), Help: "Accepted; nothing is returned."},
	}
	if m.install {
		return append(ps,
			shell.Param{Name: "Scope", Bind: shell.Enum(&m.Scope, "CurrentUser", "AllUsers"), Help: "Accepted."},
			shell.Param{Name: "Repository", Bind: shell.Strings(&m.Repository), Help: "Accepted."},
			shell.Param{Name: "AllowClobber", Bind: shell.Switch(&m.AllowClobber), Help: "Accepted."},
			shell.Param{Name: "AcceptLicense", Bind: shell.Switch(&m.AcceptLicense), Help: "Accepted."},
			shell.Param{Name: "SkipPublisherCheck", Bind: shell.Switch(&m.SkipPublisher), Help: "Accepted."},
		)
	}
	return append(ps,
		shell.Param{Name: "Prefix", Bind: shell.String(&m.Prefix), Help: "Accepted."},
		shell.Param{Name: "Global", Bind: shell.Switch(&m.Global), Help: "Accepted."},
		shell.Param{Name: "DisableNameChecking", Bind: shell.Switch(&m.DisableNameChk), Help: "Accepted."},
	)
}

func (m *moduleCmd) Process(c *shell.Context) error {
	for _, n := range m.Name {
		if knownModule(n) {
			continue
		}
		if m.install {
			c.WriteError(&shell.ErrorRecord{
				Message:  fmt.Sprintf("No match was found for the specified search criteria and module name '%s'. Try Get-PSRepository to see all available registered module repositories.", n),
				Category: "ObjectNotFound", ErrorID: "NoMatchFoundForCriteria",
				Exception: "System.Exception", TargetObject: n})
			continue
		}
		c.WriteError(&shell.ErrorRecord{
			Message:  fmt.Sprintf("The specified module '%s' was not loaded because no valid module file was found in any module directory.", n),
			Category: "ResourceUnavailable", ErrorID: "Modules_ModuleNotFound",
			Exception: "System.IO.FileNotFoundException", TargetObject: n})
	}
	return nil
}

// connectEXO is Connect-ExchangeOnline: it records the acting admin and, unless
// -ShowBanner:$false, prints a short banner to the host.
type connectEXO struct {
	UPN          string
	Credential   value.Value
	ShowBanner   bool
	Organization string
	Delegated    string
	AppID        string
	Thumbprint   string
	CertPath     string
	CertPassword value.Value
	Certificate  value.Value
	Device       bool
	Inline       bool
	Managed      bool
	ManagedID    string
	Environment  string
	Uri          string
	AuthUri      string
	Prefix       string
	CommandName  []string
	AccessToken  string
	ShowProgress bool
	SkipHelp     bool
	PageSize     int
	UseRPS       bool
	DisableWAM   bool
	LogDir       string
}

func (x *connectEXO) Params() []shell.Param {
	return []shell.Param{
		{Name: "ConnectionUri", Position: 1, Bind: shell.String(&x.Uri), Help: "Accepted."},
		{Name: "AzureADAuthorizationEndpointUri", Position: 2, Bind: shell.String(&x.AuthUri), Help: "Accepted."},
		{Name: "ExchangeEnvironmentName", Position: 3, Bind: shell.String(&x.Environment), Help: "Accepted."},
		{Name: "DelegatedOrganization", Bind: shell.String(&x.Delegated), Help: "Accepted."},
		{Name: "Prefix", Bind: shell.String(&x.Prefix), Help: "Accepted."},
		{Name: "CommandName", Bind: shell.Strings(&x.CommandName), Help: "Accepted."},
		{Name: "AccessToken", Bind: shell.String(&x.AccessToken), Help: "Accepted."},
		{Name: "AppId", Bind: shell.String(&x.AppID), Help: "Accepted."},
		{Name: "Certificate", Bind: anyBinder{&x.Certificate}, Help: "Accepted."},
		{Name: "CertificateFilePath", Bind: shell.String(&x.CertPath), Help: "Accepted."},
		{Name: "CertificatePassword", Bind: anyBinder{&x.CertPassword}, Help: "Accepted."},
		{Name: "CertificateThumbprint", Bind: shell.String(&x.Thumbprint), Help: "Accepted."},
		{Name: "Credential", Bind: anyBinder{&x.Credential}, Help: "The admin's credential; its UserName becomes the acting admin."},
		{Name: "Device", Bind: shell.Switch(&x.Device), Help: "Accepted."},
		{Name: "DisableWAM", Bind: shell.Switch(&x.DisableWAM), Help: "Accepted."},
		{Name: "InlineCredential", Bind: shell.Switch(&x.Inline), Help: "Accepted."},
		{Name: "LogDirectoryPath", Bind: shell.String(&x.LogDir), Help: "Accepted."},
		{Name: "ManagedIdentity", Bind: shell.Switch(&x.Managed), Help: "Accepted."},
		{Name: "ManagedIdentityAccountId", Bind: shell.String(&x.ManagedID), Help: "Accepted."},
		{Name: "Organization", Bind: shell.String(&x.Organization), Help: "Accepted."},
		{Name: "PageSize", Bind: shell.Int(&x.PageSize), Help: "Accepted."},
		{Name: "ShowBanner", Bind: shell.Switch(&x.ShowBanner), Help: "Shows the connection banner (default); -ShowBanner:$false hides it."},
		{Name: "ShowProgress", Bind: shell.Switch(&x.ShowProgress), Help: "Accepted."},
		{Name: "SkipLoadingCmdletHelp", Bind: shell.Switch(&x.SkipHelp), Help: "Accepted."},
		{Name: "UseRPSSession", Bind: shell.Switch(&x.UseRPS), Help: "Accepted."},
		{Name: "UserPrincipalName", Aliases: []string{"UPN"}, Bind: shell.String(&x.UPN), Help: "The acting admin."},
	}
}

func (x *connectEXO) Process(c *shell.Context) error {
	svc := c.Services()
	user := x.UPN
	if user == "" && x.Credential != nil {
		if v, ok := propertyOf(x.Credential, "UserName"); ok {
			user = value.ToString(v)
		} else {
			user = value.ToString(x.Credential)
		}
	}
	if user != "" {
		svc.Identity = user
	}
	if svc.Identity == "" {
		svc.Identity = defaultCredentialUser
	}
	// Connecting is when Exchange Online evaluates the user's role assignments: a role
	// change made earlier takes effect now, even when reconnecting as the same user.
	svc.RefreshAccess()
	if c.Bound("ShowBanner") && !x.ShowBanner {
		return nil
	}
	c.WriteHost("Connected to the exosh emulated Exchange Online tenant as "+svc.Identity+".", true, "")
	c.WriteHost("Use -ShowBanner:$false to hide this message.", true, "")
	return nil
}

// disconnectEXO is Disconnect-ExchangeOnline: it forgets the acting admin.
type disconnectEXO struct {
	ConnectionID []string
	ModulePrefix []string
}

func (d *disconnectEXO) Params() []shell.Param {
	return []shell.Param{
		{Name: "ConnectionId", Bind: shell.Strings(&d.ConnectionID), Help: "Accepted."},
		{Name: "ModulePrefix", Bind: shell.Strings(&d.ModulePrefix), Help: "Accepted."},
	}
}

func (d *disconnectEXO) Process(c *shell.Context) error {
	// The module's own texts (ExchangeOnlineManagement 3.x), caption's trailing space
	// included; newer releases build the message from the connections in use.
	const clears = "Running this cmdlet clears all active sessions created using Connect-ExchangeOnline or Connect-IPPSSession."
	if !c.ShouldProcessMessage(clears, "Press(Y/y/A/a) if you want to continue.", clears+" ") {
		return nil
	}
	c.Services().Identity = ""
	c.Services().RefreshAccess()
	return nil
}
