package cmdlets

import (
	"strings"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/store"
)

// exoRecipientCmdlets is the table of the recipient and user cmdlets.
func exoRecipientCmdlets() []shell.CmdletInfo {
	return []shell.CmdletInfo{
		{Name: "Get-Recipient", Module: moduleEXO, Synopsis: "Views existing recipient objects.",
			New: func() shell.Cmdlet { return new(getRecipient) }},
		{Name: "Get-User", Module: moduleEXO, Synopsis: "Views existing user objects.",
			New: func() shell.Cmdlet { return new(getUser) }},
	}
}

// getRecipient is Get-Recipient: every mail-enabled object.
type getRecipient struct {
	Identity             identityArg
	Anr, Filter          string
	OrganizationalUnit   string
	RecipientType        []string
	RecipientTypeDetails []string
	ResultSize           int
	SortBy               string
	IncludeSoftDeleted   bool

	t      *tenant
	filter *compiledFilter
}

func (g *getRecipient) Params() []shell.Param {
	return []shell.Param{
		{Name: "Identity", Position: 1, FromPipeline: true, ByPropertyName: true,
			Bind: identityBinder(&g.Identity, "RecipientIdParameter"), Help: "The recipient to view."},
		{Name: "Anr", Bind: shell.String(&g.Anr), Help: "Ambiguous name resolution prefix."},
		{Name: "Filter", Bind: shell.String(&g.Filter), Help: "An OPATH filter."},
		{Name: "OrganizationalUnit", Bind: shell.String(&g.OrganizationalUnit), Help: "The organizational unit to search."},
		{Name: "RecipientType", Bind: typeDetailsBinder(&g.RecipientType, "RecipientType",
			"Microsoft.Exchange.Data.Directory.Recipient.RecipientType", lookupName(knownRecipientTypes)), Help: "Recipient types to return."},
		{Name: "RecipientTypeDetails", Bind: typeDetailsBinder(&g.RecipientTypeDetails, "RecipientTypeDetails",
			"Microsoft.Exchange.Data.Directory.Recipient.RecipientTypeDetails", lookupName(knownRecipientTypeDetails)),
			Help: "Recipient subtypes to return."},
		{Name: "ResultSize", Bind: resultSizeBinder(&g.ResultSize), Help: "Maximum number of results (default 1000)."},
		{Name: "SortBy", Bind: sortByBinder(&g.SortBy, "Name", "DisplayName", "Alias", "City", "FirstName", "LastName", "Office"),
			Help: "Sorts ascending by a property."},
		{Name: "IncludeSoftDeletedRecipients", Bind: shell.Switch(&g.IncludeSoftDeleted), Help: "Includes soft-deleted recipients."},
	}
}

func (g *getRecipient) Begin(c *shell.Context) error {
	t, err := openTenant(c)
	if err != nil {
		return err
	}
	g.t = t
	if c.Bound("Filter") && g.Filter != "" {
		if g.filter, err = compileFilter(g.Filter, propIndex(recipientFilterProps())); err != nil {
			return err
		}
	}
	if len(g.RecipientType) > 0 && len(g.RecipientTypeDetails) > 0 {
		ok := false
		for _, d := range g.RecipientTypeDetails {
			if exoContains(g.RecipientType, store.RecipientTypeOf(d)) {
				ok = true
			}
		}
		if !ok {
			return exoError(excArgument, "None of the specified RecipientTypeDetails are included in any specified recipient type.", nil)
		}
	}
	return nil
}

func (g *getRecipient) Process(c *shell.Context) error {
	if c.Bound("OrganizationalUnit") && !g.t.knownOU(g.OrganizationalUnit) {
		c.WriteError(g.t.ouNotFound(g.OrganizationalUnit))
		return nil
	}
	spec := listSpec{classes: store.MailClasses, filter: g.filter, resultSize: g.ResultSize, sortBy: g.SortBy,
		keep: func(r *store.Recipient) bool {
			if len(g.RecipientType) > 0 && !exoContains(g.RecipientType, r.RecipientType) {
				return false
			}
			if len(g.RecipientTypeDetails) > 0 && !exoContains(g.RecipientTypeDetails, r.RecipientTypeDetails) {
				return false
			}
			return g.Anr == "" || anrMatch(g.Anr, r)
		}}
	if g.Identity.set && g.Identity.text != "" {
		spec.identity = g.Identity
	}
	emit := func(r *store.Recipient) error { return c.WriteObject(recipientObject(g.t, r)) }
	if err := g.t.list(c, spec, emit); err != nil {
		return err
	}
	if g.IncludeSoftDeleted {
		spec.softDeleted = true
		spec.identity = identityArg{}
		return g.t.list(c, spec, emit)
	}
	return nil
}

// getUser is Get-User: user accounts with or without a mailbox.
type getUser struct {
	Identity             identityArg
	Anr, Filter          string
	OrganizationalUnit   string
	RecipientTypeDetails []string
	ResultSize           int
	SortBy               string
	IsVIP                bool

	t      *tenant
	filter *compiledFilter
}

func (g *getUser) Params() []shell.Param {
	return []shell.Param{
		{Name: "Identity", Position: 1, FromPipeline: true, ByPropertyName: true,
			Bind: identityBinder(&g.Identity, "UserIdParameter"), Help: "The user to view."},
		{Name: "Anr", Bind: shell.String(&g.Anr), Help: "Ambiguous name resolution prefix."},
		{Name: "Filter", Bind: shell.String(&g.Filter), Help: "An OPATH filter."},
		{Name: "OrganizationalUnit", Bind: shell.String(&g.OrganizationalUnit), Help: "The organizational unit to search."},
		{Name: "RecipientTypeDetails", Bind: typeDetailsBinder(&g.RecipientTypeDetails, "RecipientTypeDetails",
			"Microsoft.Exchange.Data.Directory.Recipient.RecipientTypeDetails", lookupName(knownRecipientTypeDetails)),
			Help: "User subtypes to return."},
		{Name: "ResultSize", Bind: resultSizeBinder(&g.ResultSize), Help: "Maximum number of results (default 1000)."},
		{Name: "SortBy", Bind: sortByBinder(&g.SortBy, "Name", "DisplayName", "City", "FirstName", "LastName", "Office", "Title", "Department"),
			Help: "Sorts ascending by a property."},
		{Name: "IsVIP", Bind: shell.Switch(&g.IsVIP), Help: "Returns only priority accounts."},
	}
}

func (g *getUser) Begin(c *shell.Context) error {
	t, err := openTenant(c)
	if err != nil {
		return err
	}
	g.t = t
	if c.Bound("Filter") && g.Filter != "" {
		if g.filter, err = compileFilter(g.Filter, propIndex(userFilterProps())); err != nil {
			return err
		}
	}
	return nil
}

func (g *getUser) Process(c *shell.Context) error {
	if c.Bound("OrganizationalUnit") && !g.t.knownOU(g.OrganizationalUnit) {
		c.WriteError(g.t.ouNotFound(g.OrganizationalUnit))
		return nil
	}
	if g.IsVIP {
		// The tenant has no priority accounts.
		return nil
	}
	spec := listSpec{classes: store.UserClasses, filter: g.filter, resultSize: g.ResultSize, sortBy: g.SortBy,
		keep: func(r *store.Recipient) bool {
			rtd := r.RecipientTypeDetails
			// Group, discovery and public folder mailboxes have no user account.
			for _, skip := range []string{"GroupMailbox", "DiscoveryMailbox", "PublicFolderMailbox"} {
				if strings.EqualFold(rtd, skip) {
					return false
				}
			}
			if len(g.RecipientTypeDetails) > 0 && !exoContains(g.RecipientTypeDetails, rtd) {
				return false
			}
			return g.Anr == "" || anrMatch(g.Anr, r)
		}}
	if g.Identity.set && g.Identity.text != "" {
		spec.identity = g.Identity
	}
	return g.t.list(c, spec, func(r *store.Recipient) error {
		return c.WriteObject(userObject(g.t, r, g.t.namer(c)))
	})
}
