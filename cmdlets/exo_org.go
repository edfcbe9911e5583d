package cmdlets

import (
	"encoding/json"
	"errors"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/value"
	"github.com/exosh/exosh/store"
)

// exoOrganizationCmdlets is the table of the organization and audit bypass cmdlets.
func exoOrganizationCmdlets() []shell.CmdletInfo {
	return []shell.CmdletInfo{
		{Name: "Get-OrganizationConfig", Module: moduleEXO, Synopsis: "Views the organization's configuration.",
			New: func() shell.Cmdlet { return new(getOrganizationConfig) }},
		{Name: "Set-OrganizationConfig", Module: moduleEXO, Synopsis: "Changes the organization's configuration.",
			New: func() shell.Cmdlet { return new(setOrganizationConfig) }},
		{Name: "Get-MailboxAuditBypassAssociation", Module: moduleEXO, Synopsis: "Views audit bypass associations.",
			New: func() shell.Cmdlet { return new(getBypass) }},
		{Name: "Set-MailboxAuditBypassAssociation", Module: moduleEXO, Synopsis: "Bypasses or restores mailbox audit logging for an account.",
			New: func() shell.Cmdlet { return new(setBypass) }},
	}
}

// orgKind is the kind of value an organization setting takes.
type orgKind int

const (
	orgString orgKind = iota
	orgBool
	orgInt
	orgList
	orgSwitch
	orgSpan
)

// orgParam is one organization setting.
type orgParam struct {
	name string
	kind orgKind
	enum []string
}

// orgTyped reads and writes the settings that have a field of their own.
var orgTyped = map[string]func(c *store.OrganizationConfig) *bool{
	"AuditDisabled":                         func(c *store.OrganizationConfig) *bool { return &c.AuditDisabled },
	"CustomerLockboxEnabled":                func(c *store.OrganizationConfig) *bool { return &c.CustomerLockboxEnabled },
	"OAuth2ClientProfileEnabled":            func(c *store.OrganizationConfig) *bool { return &c.OAuth2ClientProfileEnabled },
	"MailTipsAllTipsEnabled":                func(c *store.OrganizationConfig) *bool { return &c.MailTipsAllTipsEnabled },
	"MailTipsExternalRecipientsTipsEnabled": func(c *store.OrganizationConfig) *bool { return &c.MailTipsExternalRecipients },
	"SendFromAliasEnabled":                  func(c *store.OrganizationConfig) *bool { return &c.SendFromAliasEnabled },
	"AutoExpandingArchive":                  func(c *store.OrganizationConfig) *bool { return &c.AutoExpandingArchiveEnabled },
}

// getOrganizationConfig is Get-OrganizationConfig.
type getOrganizationConfig struct{}

func (g *getOrganizationConfig) Params() []shell.Param { return nil }

func (g *getOrganizationConfig) Process(c *shell.Context) error {
	t, err := openTenant(c)
	if err != nil {
		return err
	}
	oc, err := t.st.OrganizationConfig(c.Ctx)
	if err != nil {
		return err
	}
	o := value.NewObject(typeOrganizationConfig,
		value.Property{Name: "Name", Value: oc.Name},
		value.Property{Name: "DisplayName", Value: oc.DisplayName},
		value.Property{Name: "AuditDisabled", Value: oc.AuditDisabled},
		value.Property{Name: "AutoExpandingArchiveEnabled", Value: oc.AutoExpandingArchiveEnabled},
		value.Property{Name: "CustomerLockboxEnabled", Value: oc.CustomerLockboxEnabled},
		value.Property{Name: "DefaultAuthenticationPolicy", Value: optString(oc.DefaultAuthenticationPolicy)},
		value.Property{Name: "IsDehydrated", Value: oc.IsDehydrated},
		value.Property{Name: "MailTipsAllTipsEnabled", Value: oc.MailTipsAllTipsEnabled},
		value.Property{Name: "MailTipsExternalRecipientsTipsEnabled", Value: oc.MailTipsExternalRecipients},
		value.Property{Name: "OAuth2ClientProfileEnabled", Value: oc.OAuth2ClientProfileEnabled},
		value.Property{Name: "SendFromAliasEnabled", Value: oc.SendFromAliasEnabled},
		// A tenant without multi-geo has one region and no allowed list.
		value.Property{Name: "AllowedMailboxRegions", Value: []value.Value{}},
		value.Property{Name: "DefaultMailboxRegion", Value: "NAM"},
	)
	for _, p := range orgParams {
		if _, typed := orgTyped[p.name]; typed || p.kind == orgSwitch || o.Has(p.name) {
			continue
		}
		o.Set(p.name, orgValue(p, oc.Extra))
	}
	o.Set("Identity", oc.Name)
	o.Set("Id", oc.Name)
	o.Set("IsValid", true)
	o.Set("ExchangeVersion", typeExchangeVersion)
	o.Set("Guid", oc.Guid.String())
	o.Set("ObjectState", "Unchanged")
	o.SetString(oc.Name)
	return c.WriteObject(o)
}

// orgValue is a stored setting as Get-OrganizationConfig shows it ($null when never set,
// {} for an empty list).
func orgValue(p orgParam, extra map[string]string) value.Value {
	s, ok := extra[p.name]
	switch p.kind {
	case orgList:
		var list []string
		if ok {
			_ = json.Unmarshal([]byte(s), &list)
		}
		return strs(list)
	case orgBool:
		if !ok {
			return nil
		}
		b, _ := strconv.ParseBool(s)
		return b
	case orgInt:
		if !ok {
			return nil
		}
		n, _ := strconv.ParseInt(s, 10, 64)
		return value.Int(n)
	case orgSpan:
		if !ok {
			return nil
		}
		d, _ := time.ParseDuration(s)
		return timeSpan(d)
	}
	if !ok {
		return nil
	}
	return s
}

// setOrganizationConfig is Set-OrganizationConfig.
type setOrganizationConfig struct {
	vals map[string]*value.Value
}

func (s *setOrganizationConfig) Params() []shell.Param {
	s.vals = map[string]*value.Value{}
	var ps []shell.Param
	for _, p := range orgParams {
		v := new(value.Value)
		s.vals[p.name] = v
		ps = append(ps, shell.Param{Name: p.name, Bind: orgBinder(p, v)})
	}
	return ps
}

// orgBinder converts a setting's argument at binding time, so a bad value fails the way a
// typed parameter does.
func orgBinder(p orgParam, dst *value.Value) shell.Binder {
	switch p.kind {
	case orgBool:
		return convertingBinder("Boolean", shell.Bool, func(b bool) value.Value { return b }, dst)
	case orgSwitch:
		var b bool
		return switchAdapter{inner: shell.Switch(&b).(shell.SwitchBinder), get: func() { *dst = b }}
	case orgInt:
		return convertingBinder("Int32", shell.Int, func(n int) value.Value { return value.Int(int64(n)) }, dst)
	case orgList:
		return shell.Custom("MultiValuedProperty", func(v value.Value) error { *dst = strs(mvStrings(v)); return nil })
	case orgSpan:
		return durationBinder(dst)
	}
	if len(p.enum) > 0 {
		return shell.Custom(p.name, func(v value.Value) error {
			name, ok := lookupName(p.enum)(value.ToString(v))
			if !ok {
				return &enumError{value: value.ToString(v), enum: p.name, names: p.enum}
			}
			*dst = name
			return nil
		})
	}
	return shell.Custom("String", func(v value.Value) error {
		if v == nil {
			*dst = nil
			return nil
		}
		*dst = value.ToString(v)
		return nil
	})
}

// convertingBinder converts an argument with a typed binder (so a bad value fails as it
// would for that type) and stores the result in *dst as the setting's value.
func convertingBinder[T any](typeName string, typed func(*T) shell.Binder, toValue func(T) value.Value, dst *value.Value) shell.Binder {
	var x T
	inner := typed(&x)
	return shell.Custom(typeName, func(v value.Value) error {
		if err := inner.Set(v); err != nil {
			return err
		}
		*dst = toValue(x)
		return nil
	})
}

// switchAdapter lets a switch parameter report its value to the setting.
type switchAdapter struct {
	inner shell.SwitchBinder
	get   func()
}

func (a switchAdapter) Set(v value.Value) error {
	if err := a.inner.Set(v); err != nil {
		return err
	}
	a.get()
	return nil
}
func (a switchAdapter) TypeName() string { return a.inner.TypeName() }
func (a switchAdapter) IsSwitch()        {}

func (s *setOrganizationConfig) Process(c *shell.Context) error {
	t, err := openTenant(c)
	if err != nil {
		return err
	}
	oc, err := t.st.OrganizationConfig(c.Ctx)
	if err != nil {
		return err
	}
	if !c.ShouldProcess(oc.Name, "Set-OrganizationConfig") {
		return nil
	}
	after, err := t.st.UpdateOrganizationConfig(c.Ctx, func(oc *store.OrganizationConfig) error {
		for _, p := range orgParams {
			if !c.Bound(p.name) {
				continue
			}
			v := *s.vals[p.name]
			if f, ok := orgTyped[p.name]; ok {
				*f(oc) = value.ToBool(v)
				continue
			}
			if oc.Extra == nil {
				oc.Extra = map[string]string{}
			}
			switch p.kind {
			case orgList:
				var list []string
				for _, x := range items(v) {
					list = append(list, value.ToString(x))
				}
				if len(list) == 0 {
					delete(oc.Extra, p.name)
					continue
				}
				b, _ := json.Marshal(list)
				oc.Extra[p.name] = string(b)
			case orgSpan:
				oc.Extra[p.name] = v.(time.Duration).String()
			case orgSwitch:
				oc.Extra[p.name] = strconv.FormatBool(value.ToBool(v))
			default:
				if v == nil {
					delete(oc.Extra, p.name)
					continue
				}
				oc.Extra[p.name] = value.ToString(v)
			}
		}
		return nil
	})
	if err == nil && orgEqual(oc, after) {
		c.WriteWarning("The command completed successfully but no settings of '" + oc.Name + "' have been modified.")
	}
	return err
}

// orgEqual reports whether two organization configs hold the same settings (an empty
// Extra map equals a missing one).
func orgEqual(a, b store.OrganizationConfig) bool {
	if len(a.Extra) == 0 && len(b.Extra) == 0 {
		a.Extra, b.Extra = nil, nil
	}
	return reflect.DeepEqual(a, b)
}

// bypassObject is a mailbox audit bypass association.
func bypassObject(r *store.Recipient, enabled bool) *value.Object {
	o := value.NewObject(typeBypass,
		value.Property{Name: "AuditBypassEnabled", Value: enabled},
		value.Property{Name: "Name", Value: r.Name},
		value.Property{Name: "Identity", Value: identityText(r)},
		value.Property{Name: "Id", Value: identityText(r)},
		value.Property{Name: "DistinguishedName", Value: r.DistinguishedName},
		value.Property{Name: "Guid", Value: r.Guid.String()},
		value.Property{Name: "IsValid", Value: true},
		value.Property{Name: "ObjectState", Value: "Unchanged"},
	)
	o.SetString(identityText(r))
	return o
}

// bypassClasses are the accounts that have an association (users and computers).
var bypassClasses = []store.Class{store.ClassUser, store.ClassMailbox, store.ClassMailUser}

// getBypass is Get-MailboxAuditBypassAssociation.
type getBypass struct {
	Identity   identityArg
	ResultSize int
	t          *tenant
}

func (g *getBypass) Params() []shell.Param {
	return []shell.Param{
		{Name: "Identity", Position: 1, FromPipeline: true, ByPropertyName: true,
			Bind: identityBinder(&g.Identity, "MailboxAuditBypassAssociationIdParameter"), Help: "The account."},
		{Name: "ResultSize", Bind: resultSizeBinder(&g.ResultSize), Help: "Maximum number of results (default 1000)."},
	}
}

func (g *getBypass) Process(c *shell.Context) error {
	if err := openTenantOnce(c, &g.t); err != nil {
		return err
	}
	spec := listSpec{classes: bypassClasses, resultSize: g.ResultSize, keep: func(r *store.Recipient) bool {
		return !strings.EqualFold(r.RecipientTypeDetails, "GroupMailbox") && !strings.EqualFold(r.RecipientTypeDetails, "DiscoveryMailbox")
	}}
	if g.Identity.set && g.Identity.text != "" {
		spec.identity = g.Identity
	}
	return g.t.list(c, spec, func(r *store.Recipient) error {
		b, err := g.t.st.AuditBypass(c.Ctx, r.Guid)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return err
		}
		return c.WriteObject(bypassObject(r, err == nil && b.AuditBypassEnabled))
	})
}

// setBypass is Set-MailboxAuditBypassAssociation.
type setBypass struct {
	Identity identityArg
	Enabled  bool
}

func (s *setBypass) Params() []shell.Param {
	return []shell.Param{
		{Name: "Identity", Position: 1, Mandatory: true, FromPipeline: true, ByPropertyName: true,
			Bind: identityBinder(&s.Identity, "MailboxAuditBypassAssociationIdParameter"), Help: "The account."},
		{Name: "AuditBypassEnabled", Mandatory: true, Bind: shell.Bool(&s.Enabled), Help: "$true bypasses auditing for the account."},
	}
}

func (s *setBypass) Process(c *shell.Context) error {
	t, err := openTenant(c)
	if err != nil {
		return err
	}
	r, err := t.resolve(c, s.Identity, bypassClasses...)
	if err != nil {
		c.WriteError(err)
		return nil
	}
	cur, err := t.st.AuditBypass(c.Ctx, r.Guid)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return err
	}
	if !c.ShouldProcess(identityText(&r), "Set-MailboxAuditBypassAssociation") {
		return nil
	}
	if (err == nil && cur.AuditBypassEnabled == s.Enabled) || (err != nil && !s.Enabled) {
		c.WriteWarning("The command completed successfully but no settings of '" + identityText(&r) + "' have been modified.")
		return nil
	}
	return t.st.PutAuditBypass(c.Ctx, store.AuditBypass{ID: r.Guid, Name: r.Name, AuditBypassEnabled: s.Enabled})
}
