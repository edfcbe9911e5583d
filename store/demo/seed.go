package demo

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/exosh/exosh/store"
)

// created is when the demo tenant's objects were made; each row is a few days later than
// the previous one, so WhenCreated is realistic and deterministic.
var created = time.Date(2023, 1, 9, 16, 20, 0, 0, time.UTC)

// Ensure seeds the demo tenant into st when st holds no tenant yet, and reports whether it
// did. A tenant that exists (demo, empty or changed) is left alone.
func Ensure(ctx context.Context, st store.Store) (bool, error) {
	if _, err := st.Tenant(ctx); err == nil {
		return false, nil
	} else if !errors.Is(err, store.ErrNotFound) {
		return false, err
	}
	return true, Seed(ctx, st)
}

// Reset empties st and seeds it again: the full demo tenant, or with empty set only the
// admin account and the discovery mailbox. The tenant's clock setting survives a reset.
func Reset(ctx context.Context, st store.Store, empty bool) error {
	var clock store.ClockSetting
	if t, err := st.Tenant(ctx); err == nil {
		clock = t.Clock
	}
	if err := st.Reset(ctx); err != nil {
		return err
	}
	var err error
	if empty {
		err = SeedEmpty(ctx, st)
	} else {
		err = Seed(ctx, st)
	}
	if err != nil {
		return err
	}
	_, err = st.UpdateTenant(ctx, func(t *store.Tenant) error { t.Clock = clock; return nil })
	return err
}

// SeedEmpty writes a tenant holding only the admin account and the discovery mailbox.
func SeedEmpty(ctx context.Context, st store.Store) error {
	t, err := seedSettings(ctx, st)
	if err != nil {
		return err
	}
	admin, _ := row(t, directory[0], 0)
	return st.SeedRecipients(ctx, []store.Recipient{admin, discovery(t)})
}

// Seed writes the full demo tenant into an empty store.
func Seed(ctx context.Context, st store.Store) error {
	t, err := seedSettings(ctx, st)
	if err != nil {
		return err
	}
	if t, err = st.UpdateTenant(ctx, func(t *store.Tenant) error {
		t.HistoryPending = true
		return nil
	}); err != nil {
		return err
	}
	rs := []store.Recipient{discovery(t)}
	byAlias := map[string]store.ID{}
	for i, line := range directory {
		r, alias := row(t, line, i)
		byAlias[strings.ToLower(alias)] = r.Guid
		rs = append(rs, r)
	}
	for i, line := range removed {
		r, _ := row(t, line, len(directory)+i)
		r.IsSoftDeletedByRemove = true
		r.WhenSoftDeleted = r.WhenCreated.AddDate(1, 0, 0)
		r.IsInactiveMailbox = strings.HasSuffix(line, "|inactive")
		if r.IsInactiveMailbox {
			r.LitigationHoldEnabled = true
			r.LitigationHoldDate = r.WhenCreated.AddDate(0, 6, 0)
			r.LitigationHoldOwner = AdminUPN
		}
		rs = append(rs, r)
	}
	if err := st.SeedRecipients(ctx, rs); err != nil {
		return err
	}
	id := func(alias string) (store.ID, error) {
		v, ok := byAlias[strings.ToLower(alias)]
		if !ok {
			return store.ID{}, fmt.Errorf("demo tenant: no recipient with alias %q: %w", alias, store.ErrNotFound)
		}
		return v, nil
	}
	for _, g := range members {
		gid, err := id(g.group)
		if err != nil {
			return err
		}
		for _, m := range g.members {
			mid, err := id(m)
			if err != nil {
				return err
			}
			if err := st.AddMember(ctx, gid, mid); err != nil {
				return err
			}
		}
	}
	for _, g := range grants {
		mb, err := id(g.mailbox)
		if err != nil {
			return err
		}
		user, err := id(g.user)
		if err != nil {
			return err
		}
		p := store.MailboxPermission{Mailbox: mb, User: store.Trustee{ID: user}, AccessRights: g.rights,
			InheritanceType: "All", AutoMapping: g.autoMapping}
		if err := st.PutMailboxPermission(ctx, p); err != nil {
			return err
		}
	}
	for _, s := range sendAs {
		rid, err := id(s.recipient)
		if err != nil {
			return err
		}
		tid, err := id(s.trustee)
		if err != nil {
			return err
		}
		p := store.RecipientPermission{Recipient: rid, Trustee: store.Trustee{ID: tid}, AccessRights: []string{"SendAs"},
			AccessControlType: "Allow", InheritanceType: "None"}
		if err := st.PutRecipientPermission(ctx, p); err != nil {
			return err
		}
	}
	for _, alias := range bypassed {
		for _, r := range rs {
			if strings.EqualFold(aliasOf(r), alias) {
				if err := st.PutAuditBypass(ctx, store.AuditBypass{ID: r.Guid, Name: r.Name, AuditBypassEnabled: true}); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// aliasOf is the alias a row was declared with (users keep it only in their UPN).
func aliasOf(r store.Recipient) string {
	if r.Alias != "" {
		return r.Alias
	}
	local, _, _ := strings.Cut(r.UserPrincipalName, "@")
	return local
}

// seedSettings writes the tenant and organization settings.
func seedSettings(ctx context.Context, st store.Store) (store.Tenant, error) {
	t, err := st.UpdateTenant(ctx, func(t *store.Tenant) error {
		clock := t.Clock
		*t = NewTenant()
		t.Clock = clock
		return nil
	})
	if err != nil {
		return t, err
	}
	_, err = st.UpdateOrganizationConfig(ctx, func(c *store.OrganizationConfig) error {
		*c = NewOrganizationConfig()
		return nil
	})
	return t, err
}

// row builds the recipient of one directory row; i orders the creation times.
func row(t store.Tenant, line string, i int) (store.Recipient, string) {
	f := strings.Split(line, "|")
	for len(f) < 9 {
		f = append(f, "")
	}
	s := Spec{
		Type: f[0], Name: f[1], Alias: f[2], FirstName: f[3], LastName: f[4], Title: f[5],
		Department: f[6], Office: f[7], City: f[8],
		Created: created.Add(time.Duration(i) * 73 * time.Hour),
	}
	if s.Type != "MailContact" && s.City != "" {
		s.Country = "United States"
		s.Company = DisplayName
	}
	if d, ok := displayNames[s.Alias]; ok {
		s.DisplayName = d
	}
	if addr, ok := contactAddresses[s.Alias]; ok {
		s.ExternalEmailAddress = addr
		s.Office = contactOffices[s.Alias]
	}
	r := NewRecipient(t, s)
	if plan1Departments[s.Department] && s.Type == "UserMailbox" {
		applyPlan1(&r)
	}
	if auditOff[s.Alias] {
		r.AuditEnabled = false
	}
	if archived[s.Alias] {
		EnableArchive(&r)
	}
	return r, s.Alias
}

// discovery builds the tenant's discovery search mailbox.
func discovery(t store.Tenant) store.Recipient {
	r := NewRecipient(t, Spec{Type: "DiscoveryMailbox", Name: DiscoveryName, Alias: DiscoveryName,
		DisplayName: "Discovery Search Mailbox", Created: created.Add(-time.Hour)})
	r.ExternalDirectoryObjectId = ""
	r.AuditEnabled = false
	r.IssueWarningQuota = 29 * GB
	r.ProhibitSendQuota = 50 * GB
	r.ProhibitSendReceiveQuota = 50 * GB
	r.HiddenFromAddressListsEnabled = true
	return r
}
