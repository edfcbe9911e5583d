package cmdlets

import (
	"errors"
	"strings"
	"time"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/store"
)

// Get-AuditLogSearch: the asynchronous audit log searches still pending. Exchange has no
// Get-MailboxAuditLogSearch; the searches New-MailboxAuditLogSearch (and
// New-AdminAuditLogSearch, which exosh lacks, so -Type Admin finds none) creates are
// listed by Get-AuditLogSearch, whose reference page says a completed search is no longer
// listed. A search here completes when its result message arrives, auditSearchDelay
// after it was created on the tenant clock.
//
// Verified (reference page): the parameters, their types and positions, -Type's two
// values, -ResultSize's default of 1000. Inferred: newest first, the error text of a bad
// -Type, and the default-limit warnings (the same as Exchange's other list cmdlets).

// auditSearchStore returns the tenant's audit log searches.
func auditSearchStore(c *shell.Context) (store.AuditSearches, error) {
	if as, ok := c.Store.(store.AuditSearches); ok {
		return as, nil
	}
	return nil, &shell.ErrorRecord{Message: "Cannot process the command because this tenant store keeps no audit log searches.",
		Category: "ResourceUnavailable", Exception: "System.InvalidOperationException"}
}

// getAuditLogSearch is Get-AuditLogSearch.
type getAuditLogSearch struct {
	Identity      string
	CreatedAfter  time.Time
	CreatedBefore time.Time
	ResultSize    int
	Type          string
}

func (g *getAuditLogSearch) Params() []shell.Param {
	return []shell.Param{
		{Name: "Identity", Position: 1, FromPipeline: true, ByPropertyName: true, Bind: shell.String(&g.Identity),
			Help: "The GUID of an audit log search."},
		{Name: "CreatedAfter", Bind: shell.Date(&g.CreatedAfter), Help: "Only searches created after this date."},
		{Name: "CreatedBefore", Bind: shell.Date(&g.CreatedBefore), Help: "Only searches created before this date."},
		{Name: "ResultSize", Bind: resultSizeBinder(&g.ResultSize), Help: "The most searches returned (default 1000, or Unlimited)."},
		{Name: "Type", Bind: shell.String(&g.Type), Help: "Admin or Mailbox (default: both)."},
	}
}

func (g *getAuditLogSearch) Process(c *shell.Context) error {
	t, err := openTenant(c)
	if err != nil {
		return err
	}
	as, err := auditSearchStore(c)
	if err != nil {
		return err
	}
	kind := ""
	if c.Bound("Type") {
		switch {
		case strings.EqualFold(g.Type, store.AuditSearchAdmin):
			kind = store.AuditSearchAdmin
		case strings.EqualFold(g.Type, store.AuditSearchMailbox):
			kind = store.AuditSearchMailbox
		default:
			c.WriteError(exoError(excArgument, "The value \""+g.Type+"\" isn't valid for Type. Valid values are Admin and Mailbox.", g.Type))
			return nil
		}
	}
	now := c.Clock.Now().UTC()
	pending := func(a *store.AuditLogSearch) bool {
		return (kind == "" || a.Type == kind) && now.Before(a.CreationTime.Add(auditSearchDelay)) &&
			(!c.Bound("CreatedAfter") || a.CreationTime.After(g.CreatedAfter.UTC())) &&
			(!c.Bound("CreatedBefore") || a.CreationTime.Before(g.CreatedBefore.UTC()))
	}
	if c.Bound("Identity") {
		id, perr := store.ParseID(strings.TrimSpace(g.Identity))
		var a store.AuditLogSearch
		if perr == nil {
			a, err = as.AuditSearch(c.Ctx, id)
		}
		if perr != nil || errors.Is(err, store.ErrNotFound) || (err == nil && !pending(&a)) {
			c.WriteError(t.notFoundError(g.Identity))
			return nil
		}
		if err != nil {
			return err
		}
		return c.WriteObject(auditSearchObject(&a, "Unchanged"))
	}
	// Only searches created before now can be pending, and none older than the delay.
	list, err := as.ListAuditSearches(c.Ctx, now.Add(-auditSearchDelay), time.Time{})
	if err != nil {
		return err
	}
	limit, n := g.ResultSize, 0
	if limit == 0 {
		limit = store.DefaultLimit
	}
	for i := range list {
		if !pending(&list[i]) {
			continue
		}
		if limit != unlimitedSize && n == limit {
			if c.Bound("ResultSize") {
				c.WriteWarning(warnMoreResults)
			} else {
				c.WriteWarning(warnDefaultResultSize)
			}
			return nil
		}
		n++
		if err := c.WriteObject(auditSearchObject(&list[i], "Unchanged")); err != nil {
			return err
		}
	}
	return nil
}
