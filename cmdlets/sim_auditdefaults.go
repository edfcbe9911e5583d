package cmdlets

import (
	"fmt"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/format"
	"github.com/exosh/exosh/shell/value"
	"github.com/exosh/exosh/store"
	"github.com/exosh/exosh/store/demo"
)

// The mailbox audit defaults of the tenant: Exchange Online's current ones, or those of
// Office 365 in 2011, the service the non-owner mailbox access report was documented in.
// Get-SimAuditDefaults shows a version's table; Set-SimAuditDefaults decides which version
// new mailboxes (and, on request, the lists Exchange still manages) get. Recording reads
// only the mailbox's lists, so a 2011 tenant logs what the 2011 topic says it logs.

// typeSimAuditDefault is the type name of one row of a defaults table.
const typeSimAuditDefault = "Exosh.SimAuditDefault"

// auditDefaultsView is the table Get-SimAuditDefaults shows: one row per action, one
// column per logon type.
var auditDefaultsView = format.View{TypeName: typeSimAuditDefault, Kind: format.TableView, Columns: []format.Column{
	{Property: "Action", Align: format.AlignLeft},
	{Property: "Admin", Align: format.AlignRight},
	{Property: "Delegate", Align: format.AlignRight},
	{Property: "Owner", Align: format.AlignRight},
}}

// auditVersionName is the name a tenant's setting shows as ("Current" for the empty one).
func auditVersionName(setting string) string {
	if demo.IsAuditDefaults2011(setting) {
		return demo.AuditDefaults2011
	}
	return demo.AuditDefaultsCurrent
}

// auditDefaultRows builds a version's table: for each action of the version's source,
// whether it is in the default list of each logon type. The 2011 source has no owner
// column, so Owner is empty there.
func auditDefaultRows(version string) []*value.Object {
	lists := map[string][]string{}
	for _, lt := range demo.DefaultAuditSet {
		lists[lt] = demo.AuditDefaultsFor(version, lt)
	}
	var rows []*value.Object
	for _, a := range demo.AuditTableActions(version) {
		var owner value.Value = exoContains(lists["Owner"], a)
		if version == demo.AuditDefaults2011 {
			owner = nil
		}
		rows = append(rows, value.NewObject(typeSimAuditDefault,
			value.Property{Name: "Action", Value: a},
			value.Property{Name: "Admin", Value: exoContains(lists["Admin"], a)},
			value.Property{Name: "Delegate", Value: exoContains(lists["Delegate"], a)},
			value.Property{Name: "Owner", Value: owner},
			value.Property{Name: "Version", Value: version},
		))
	}
	return rows
}

// getSimAuditDefaults is Get-SimAuditDefaults: the defaults table of a version, by default
// the tenant's.
type getSimAuditDefaults struct{ Version string }

func (g *getSimAuditDefaults) Params() []shell.Param {
	return []shell.Param{
		{Name: "Version", Position: 1, Bind: shell.Enum(&g.Version, demo.AuditDefaultsVersions...),
			Help: "Current or 2011 (default: the tenant's setting)."},
	}
}

func (g *getSimAuditDefaults) Process(c *shell.Context) error {
	version := g.Version
	if version == "" {
		t, err := openTenant(c)
		if err != nil {
			return err
		}
		version = auditVersionName(t.t.AuditDefaults)
	}
	for _, row := range auditDefaultRows(version) {
		if err := c.WriteObject(row); err != nil {
			return err
		}
	}
	return nil
}

// setSimAuditDefaults is Set-SimAuditDefaults: the version of the defaults new mailboxes
// get and Set-Mailbox -DefaultAuditSet restores; -ApplyToExisting also rewrites the lists
// of every mailbox's logon types that are still in its DefaultAuditSet.
type setSimAuditDefaults struct {
	Version         string
	ApplyToExisting bool
}

func (s *setSimAuditDefaults) Params() []shell.Param {
	return []shell.Param{
		{Name: "Version", Position: 1, Mandatory: true, Bind: shell.Enum(&s.Version, demo.AuditDefaultsVersions...),
			Help: "Current (Exchange Online today) or 2011 (Office 365 in 2011)."},
		{Name: "ApplyToExisting", Bind: shell.Switch(&s.ApplyToExisting),
			Help: "Also gives existing mailboxes the version's lists for the logon types still in their DefaultAuditSet."},
	}
}

func (s *setSimAuditDefaults) Process(c *shell.Context) error {
	t, err := openTenant(c)
	if err != nil {
		return err
	}
	if !c.ShouldProcess(t.t.InitialDomain, "Set-SimAuditDefaults") {
		return nil
	}
	setting := s.Version
	if setting == demo.AuditDefaultsCurrent {
		setting = ""
	}
	if _, err := t.st.UpdateTenant(c.Ctx, func(x *store.Tenant) error {
		x.AuditDefaults = setting
		return nil
	}); err != nil {
		return err
	}
	if !s.ApplyToExisting {
		return nil
	}
	n, err := applyAuditDefaultsToAll(c, t, setting)
	c.WriteVerbose(fmt.Sprintf("Audit defaults %s applied to %d mailboxes.", s.Version, n))
	return err
}

// applyAuditDefaultsToAll rewrites the managed audit lists of every mailbox, active or
// soft-deleted, one transaction each (as Set-Mailbox would), and counts those changed.
func applyAuditDefaultsToAll(c *shell.Context, t *tenant, setting string) (int, error) {
	now := c.Clock.Now().UTC()
	changed := 0
	for _, deleted := range []bool{false, true} {
		q := store.RecipientQuery{Classes: []store.Class{store.ClassMailbox}, SoftDeleted: deleted, Limit: 1000}
		for {
			page, next, err := t.st.FindRecipients(c.Ctx, q)
			if err != nil {
				return changed, err
			}
			for _, r := range page {
				if len(r.DefaultAuditSet) == 0 {
					continue
				}
				_, ok, err := t.st.UpdateRecipient(c.Ctx, r.Guid, func(x *store.Recipient) error {
					if demo.ApplyAuditDefaults(x, setting) {
						x.WhenChanged = now
					}
					return nil
				})
				if err != nil {
					return changed, err
				}
				if ok {
					changed++
				}
			}
			if next == "" {
				break
			}
			q.After = next
		}
	}
	return changed, nil
}
