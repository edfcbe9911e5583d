package cmdlets

import (
	"errors"
	"fmt"
	"strings"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/value"
	"github.com/exosh/exosh/store"
	"github.com/exosh/exosh/store/demo"
)

// snapshotObject describes a saved snapshot.
func snapshotObject(s store.SnapshotInfo) *value.Object {
	return value.NewObject(typeSimSnapshot,
		value.Property{Name: "Name", Value: s.Name},
		value.Property{Name: "Created", Value: s.Created.UTC()},
		value.Property{Name: "Recipients", Value: value.Int(int64(s.Recipients))},
		value.Property{Name: "Size", Value: s.Size},
	)
}

// snapshotError words a snapshot store failure.
func snapshotError(name string, err error) error {
	switch {
	case errors.Is(err, store.ErrNotFound):
		return &shell.ErrorRecord{Message: fmt.Sprintf("Cannot find a snapshot named '%s'.", name),
			Category: "ObjectNotFound", ErrorID: "SnapshotNotFound", Exception: "System.Management.Automation.ItemNotFoundException", TargetObject: name}
	case errors.Is(err, store.ErrExists):
		return &shell.ErrorRecord{Message: fmt.Sprintf("A snapshot named '%s' already exists. Use -Force to replace it.", name),
			Category: "ResourceExists", ErrorID: "SnapshotExists", Exception: "System.IO.IOException", TargetObject: name}
	case errors.Is(err, store.ErrInvalid):
		return &shell.ErrorRecord{Message: fmt.Sprintf("The snapshot name '%s' isn't valid. Use letters, digits, spaces, '-', '_' and '.'.", name),
			Category: "InvalidArgument", ErrorID: "SnapshotName", Exception: "System.ArgumentException", TargetObject: name}
	}
	return err
}

// saveSimSnapshot is Save-SimSnapshot.
type saveSimSnapshot struct {
	Name  string
	Force bool
}

func (s *saveSimSnapshot) Params() []shell.Param {
	return []shell.Param{
		{Name: "Name", Position: 1, Mandatory: true, Bind: shell.String(&s.Name), Help: "The snapshot's name."},
		{Name: "Force", Bind: shell.Switch(&s.Force), Help: "Replaces a snapshot of the same name."},
	}
}

func (s *saveSimSnapshot) Process(c *shell.Context) error {
	t, err := openTenant(c)
	if err != nil {
		return err
	}
	if !c.ShouldProcess(s.Name, "Save-SimSnapshot") {
		return nil
	}
	info, err := t.st.SaveSnapshot(c.Ctx, s.Name, s.Force)
	if err != nil {
		c.WriteError(snapshotError(s.Name, err))
		return nil
	}
	return c.WriteObject(snapshotObject(info))
}

// restoreSimSnapshot is Restore-SimSnapshot.
type restoreSimSnapshot struct{ Name string }

func (r *restoreSimSnapshot) Params() []shell.Param {
	return []shell.Param{
		{Name: "Name", Position: 1, Mandatory: true, FromPipeline: true, ByPropertyName: true,
			Bind: shell.String(&r.Name), Help: "The snapshot to restore."},
	}
}

func (r *restoreSimSnapshot) Process(c *shell.Context) error {
	t, err := openTenant(c)
	if err != nil {
		return err
	}
	if ok, err := snapshotExists(c, t, r.Name); err != nil || !ok {
		return err
	}
	if !c.ShouldProcess(r.Name, "Restore-SimSnapshot") {
		return nil
	}
	if err := t.st.RestoreSnapshot(c.Ctx, r.Name); err != nil {
		c.WriteError(snapshotError(r.Name, err))
		return nil
	}
	refreshClock(c)
	return nil
}

// snapshotExists reports whether a snapshot of that name (case-insensitive) exists, writing
// the not-found error when it does not, so that a missing snapshot fails before any
// confirmation prompt.
func snapshotExists(c *shell.Context, t *tenant, name string) (bool, error) {
	list, err := t.st.ListSnapshots(c.Ctx)
	if err != nil {
		return false, err
	}
	for _, s := range list {
		if strings.EqualFold(s.Name, name) {
			return true, nil
		}
	}
	c.WriteError(snapshotError(name, store.ErrNotFound))
	return false, nil
}

// getSimSnapshot is Get-SimSnapshot.
type getSimSnapshot struct{ Name string }

func (g *getSimSnapshot) Params() []shell.Param {
	return []shell.Param{{Name: "Name", Position: 1, Bind: shell.String(&g.Name), Help: "A name or wildcard pattern."}}
}

func (g *getSimSnapshot) Process(c *shell.Context) error {
	t, err := openTenant(c)
	if err != nil {
		return err
	}
	list, err := t.st.ListSnapshots(c.Ctx)
	if err != nil {
		return err
	}
	found := false
	for _, s := range list {
		if g.Name != "" && !store.MatchWildcard(g.Name, s.Name) {
			continue
		}
		found = true
		if err := c.WriteObject(snapshotObject(s)); err != nil {
			return err
		}
	}
	if g.Name != "" && !found && !store.HasWildcard(g.Name) {
		c.WriteError(snapshotError(g.Name, store.ErrNotFound))
	}
	return nil
}

// removeSimSnapshot is Remove-SimSnapshot.
type removeSimSnapshot struct{ Name string }

func (r *removeSimSnapshot) Params() []shell.Param {
	return []shell.Param{
		{Name: "Name", Position: 1, Mandatory: true, FromPipeline: true, ByPropertyName: true,
			Bind: shell.String(&r.Name), Help: "The snapshot to delete."},
	}
}

func (r *removeSimSnapshot) Process(c *shell.Context) error {
	t, err := openTenant(c)
	if err != nil {
		return err
	}
	if ok, err := snapshotExists(c, t, r.Name); err != nil || !ok {
		return err
	}
	if !c.ShouldProcess(r.Name, "Remove-SimSnapshot") {
		return nil
	}
	if err := t.st.DeleteSnapshot(c.Ctx, r.Name); err != nil {
		c.WriteError(snapshotError(r.Name, err))
	}
	return nil
}

// resetSimTenant is Reset-SimTenant: back to a fresh demo tenant, or with -Empty to a
// tenant holding only the admin account and the discovery mailbox. Snapshots and the
// clock setting are kept.
type resetSimTenant struct{ Empty bool }

func (r *resetSimTenant) Params() []shell.Param {
	return []shell.Param{{Name: "Empty", Bind: shell.Switch(&r.Empty), Help: "Leaves only the admin and the discovery mailbox."}}
}

func (r *resetSimTenant) Process(c *shell.Context) error {
	t, err := openTenant(c)
	if err != nil {
		return err
	}
	target := t.t.InitialDomain
	if !c.ShouldProcess(target, "Reset-SimTenant") {
		return nil
	}
	if err := demo.Reset(c.Ctx, t.st, r.Empty); err != nil {
		return err
	}
	refreshClock(c)
	return nil
}

// newSimMailbox is New-SimMailbox: seeds -Count user mailboxes named <Prefix><n> in one
// bulk load, for load tests.
type newSimMailbox struct {
	Count      int
	Prefix     string
	Start      int
	Department string
	Type       string
}

func (n *newSimMailbox) Params() []shell.Param {
	return []shell.Param{
		{Name: "Count", Position: 1, Mandatory: true, Bind: shell.Int(&n.Count), Help: "How many mailboxes to create."},
		{Name: "Prefix", Bind: shell.String(&n.Prefix), Help: "Name prefix (default simuser)."},
		{Name: "Start", Bind: shell.Int(&n.Start), Help: "First number (default 1)."},
		{Name: "Department", Bind: shell.String(&n.Department), Help: "Department of every new mailbox."},
		{Name: "RecipientTypeDetails", Bind: shell.Enum(&n.Type, "UserMailbox", "SharedMailbox", "RoomMailbox", "EquipmentMailbox"),
			Help: "Mailbox type (default UserMailbox)."},
	}
}

func (n *newSimMailbox) Process(c *shell.Context) error {
	t, err := openTenant(c)
	if err != nil {
		return err
	}
	if n.Count < 1 || n.Count > 1000000 {
		return &shell.ErrorRecord{Message: fmt.Sprintf("Cannot validate argument on parameter 'Count'. The %d argument is less than the minimum allowed range of 1 or greater than the maximum allowed range of 1000000.", n.Count),
			Category: "InvalidData", ErrorID: "ParameterArgumentValidationError", Exception: "System.Management.Automation.ParameterBindingValidationException"}
	}
	prefix := n.Prefix
	if prefix == "" {
		prefix = "simuser"
	}
	start := n.Start
	if start == 0 {
		start = 1
	}
	kind := n.Type
	if kind == "" {
		kind = "UserMailbox"
	}
	width := len(fmt.Sprint(start + n.Count - 1))
	if width < 4 {
		width = 4
	}
	if !c.ShouldProcess(fmt.Sprintf("%d mailboxes named %s%0*d and on", n.Count, prefix, width, start), "New-SimMailbox") {
		return nil
	}
	now := c.Clock.Now()
	const batch = 10000
	rs := make([]store.Recipient, 0, min(n.Count, batch))
	for i := 0; i < n.Count; i++ {
		name := fmt.Sprintf("%s%0*d", prefix, width, start+i)
		rs = append(rs, demo.NewRecipient(t.t, demo.Spec{Type: kind, Name: name, Alias: strings.ToLower(name),
			DisplayName: name, Department: n.Department, Created: now}))
		if len(rs) == batch || i == n.Count-1 {
			if err := t.st.SeedRecipients(c.Ctx, rs); err != nil {
				if errors.Is(err, store.ErrExists) {
					return t.conflictError(c, err, name)
				}
				return err
			}
			rs = rs[:0]
		}
	}
	return nil
}
