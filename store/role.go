package store

import (
	"context"
	"crypto/sha1"
	"errors"
	"fmt"
	"strings"
	"time"
)

// RoleGroup is a management role group: the roles it is assigned and the recipients that
// are its members. Members get the permissions of every role of the group.
type RoleGroup struct {
	Guid        ID     `json:"Guid"`
	Name        string `json:"Name"`
	Description string `json:"Description,omitempty"`
	// Roles are the names of the management roles assigned to the group, in assignment
	// order.
	Roles []string `json:"Roles,omitempty"`
	// Members are the recipient IDs of the members, in the order they were added.
	Members []ID `json:"Members,omitempty"`
	// ManagedBy names who may manage the group's membership (informational).
	ManagedBy []string `json:"ManagedBy,omitempty"`
	// BuiltIn marks the role groups every tenant has (RoleGroupType BuiltIn); the others
	// are Standard.
	BuiltIn     bool      `json:"BuiltIn,omitempty"`
	WhenCreated time.Time `json:"WhenCreated"`
	WhenChanged time.Time `json:"WhenChanged"`
}

// HasMember reports whether id is a direct member of the group.
func (g *RoleGroup) HasMember(id ID) bool {
	for _, m := range g.Members {
		if m == id {
			return true
		}
	}
	return false
}

// Roles keeps the tenant's management role groups. The management roles themselves are
// built into the product and are not stored.
type Roles interface {
	// RoleGroup returns the role group whose Name or Guid is identity (any case);
	// ErrNotFound when none.
	RoleGroup(ctx context.Context, identity string) (RoleGroup, error)
	// RoleGroups returns every role group, ordered by Name.
	RoleGroups(ctx context.Context) ([]RoleGroup, error)
	// CreateRoleGroup adds g; a taken Name or Guid is ErrExists.
	CreateRoleGroup(ctx context.Context, g RoleGroup) error
	// UpdateRoleGroup reads the group, lets fn change it and writes it back in one
	// transaction. fn may run more than once and must not call the store. The Guid and
	// Name cannot change.
	UpdateRoleGroup(ctx context.Context, id ID, fn func(g *RoleGroup) error) (RoleGroup, error)
	// DeleteRoleGroup removes a role group; ErrNotFound when none.
	DeleteRoleGroup(ctx context.Context, id ID) error
}

// CheckRoleGroup rejects role groups that cannot be stored.
func CheckRoleGroup(g *RoleGroup) error {
	switch {
	case g.Guid.IsZero():
		return fmt.Errorf("role group %q has no Guid: %w", g.Name, ErrInvalid)
	case strings.TrimSpace(g.Name) == "":
		return fmt.Errorf("role group without a name: %w", ErrInvalid)
	case strings.IndexByte(g.Name, 0) >= 0:
		return fmt.Errorf("role group name contains a NUL character: %w", ErrInvalid)
	}
	return nil
}

// RoleGroupID is the Guid of a built-in role group: derived from its name, so every
// tenant seeded by exosh gives a built-in group the same Guid.
func RoleGroupID(name string) ID {
	h := sha1.Sum([]byte("exosh/rolegroup/" + strings.ToLower(name)))
	var id ID
	copy(id[:], h[:16])
	id[6] = id[6]&0x0f | 0x50
	id[8] = id[8]&0x3f | 0x80
	return id
}

// OrganizationManagement is the role group of the tenant's administrators. It can never
// lose its last member: someone must always be able to manage roles.
const OrganizationManagement = "Organization Management"

// BuiltinRoleGroup describes one role group every Exchange Online tenant has.
type BuiltinRoleGroup struct {
	Name        string
	Description string
	Roles       []string
}

// BuiltinRoleGroups lists Exchange Online's built-in role groups with their default
// roles, ordered by name.
func BuiltinRoleGroups() []BuiltinRoleGroup {
	return []BuiltinRoleGroup{
		{"Compliance Management", "This role group will allow a specified user, responsible for compliance, to properly configure and manage compliance settings within Exchange in accordance with their policy.",
			[]string{"Audit Logs", "Compliance Admin", "Data Loss Prevention", "Information Rights Management", "Journaling",
				"Message Tracking", "Retention Management", "Transport Rules", "View-Only Audit Logs", "View-Only Configuration", "View-Only Recipients"}},
		{"Discovery Management", "Members of this management role group can perform searches of mailboxes in the Exchange organization for data that meets specific criteria.",
			[]string{"Legal Hold", "Mailbox Search"}},
		{"Help Desk", "Members of this management role group can view and manage the configuration for individual recipients and view recipients in an Exchange organization. Members of this role group can only manage the configuration each user can manage on his or her own mailbox.",
			[]string{"Reset Password", "User Options", "View-Only Recipients"}},
		{"Hygiene Management", "Members of this management role group can manage Exchange anti-spam features and grant permissions for antivirus products to integrate with Exchange.",
			[]string{"Transport Hygiene", "View-Only Configuration", "View-Only Recipients"}},
		{OrganizationManagement, "Members of this management role group have permissions to manage Exchange objects and their properties in the Exchange organization.",
			[]string{"Audit Logs", "Compliance Admin", "Data Loss Prevention", "Distribution Groups", "E-Mail Address Policies",
				"Federated Sharing", "Information Rights Management", "Journaling", "Legal Hold", "Mail Enabled Public Folders",
				"Mail Recipient Creation", "Mail Recipients", "Mail Tips", "Message Tracking", "Migration", "Move Mailboxes",
				"Org Custom Apps", "Org Marketplace Apps", "Organization Client Access", "Organization Configuration",
				"Organization Transport Settings", "Public Folders", "Recipient Policies", "Remote and Accepted Domains",
				"Reset Password", "Retention Management", "Role Management", "Security Admin",
				"Security Group Creation and Membership", "Security Reader", "Team Mailboxes", "Transport Hygiene",
				"Transport Rules", "User Options", "View-Only Audit Logs", "View-Only Configuration", "View-Only Recipients"}},
		{"Recipient Management", "Members of this management role group have rights to create, manage, and remove Exchange recipient objects in the Exchange organization.",
			[]string{"Distribution Groups", "Mail Recipient Creation", "Mail Recipients", "Message Tracking", "Migration",
				"Move Mailboxes", "Recipient Policies", "Reset Password", "Team Mailboxes"}},
		{"Records Management", "Members of this management role group can configure compliance features such as retention policy tags, message classifications, transport rules, and more.",
			[]string{"Audit Logs", "Journaling", "Message Tracking", "Retention Management", "Transport Rules"}},
		{"Security Administrator", "Membership in this role group is synchronized across services and managed centrally.",
			[]string{"Security Admin"}},
		{"Security Reader", "Membership in this role group is synchronized across services and managed centrally.",
			[]string{"Security Reader"}},
		{"View-Only Organization Management", "Members of this management role group can view recipient and configuration objects and their properties in the Exchange organization.",
			[]string{"View-Only Configuration", "View-Only Recipients"}},
	}
}

// RoleSeeder is what SeedRoleGroups needs: the role groups and recipient resolution.
type RoleSeeder interface {
	Roles
	Recipient(ctx context.Context, identity string, classes ...Class) (Recipient, error)
}

// SeedRoleGroups writes the built-in role groups into a tenant that has none (a tenant
// that already has role groups is left alone, so it is safe to call on every start).
// members maps a role group name to the identities (UPN, alias ...) of its members;
// identities the tenant does not know are skipped, so the same table serves a full and an
// emptied tenant. at is the groups' creation time.
func SeedRoleGroups(ctx context.Context, st RoleSeeder, at time.Time, members map[string][]string) error {
	existing, err := st.RoleGroups(ctx)
	if err != nil || len(existing) > 0 {
		return err
	}
	known := map[string]bool{}
	for _, b := range BuiltinRoleGroups() {
		known[strings.ToLower(b.Name)] = true
	}
	for name := range members {
		if !known[strings.ToLower(name)] {
			return fmt.Errorf("seeding role group %q: not a built-in role group: %w", name, ErrNotFound)
		}
	}
	// Resolve every member before writing, so a failure leaves no partial seeding.
	var groups []RoleGroup
	for _, b := range BuiltinRoleGroups() {
		g := RoleGroup{Guid: RoleGroupID(b.Name), Name: b.Name, Description: b.Description,
			Roles: append([]string(nil), b.Roles...), BuiltIn: true, WhenCreated: at, WhenChanged: at}
		for name, ids := range members {
			if !strings.EqualFold(name, b.Name) {
				continue
			}
			for _, identity := range ids {
				r, err := st.Recipient(ctx, identity)
				if errors.Is(err, ErrNotFound) {
					continue
				}
				if err != nil {
					return fmt.Errorf("seeding role group %q: member %q: %w", b.Name, identity, err)
				}
				if !g.HasMember(r.Guid) {
					g.Members = append(g.Members, r.Guid)
				}
			}
		}
		groups = append(groups, g)
	}
	for _, g := range groups {
		if err := st.CreateRoleGroup(ctx, g); err != nil {
			return err
		}
	}
	return nil
}
