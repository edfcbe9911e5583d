package cmdlets

import (
	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/format"
	"github.com/exosh/exosh/shell/value"
	"github.com/exosh/exosh/store"
)

// Get-SimMailboxItem lists the items of a mailbox (emulator only): what the mailbox
// actions and the audit log searches' result messages left there.

const typeSimMailboxItem = "Exosh.SimMailboxItem"

// getMailboxItem is Get-SimMailboxItem.
type getMailboxItem struct {
	Identity identityArg
	Folder   string
	t        *tenant
}

func (g *getMailboxItem) Params() []shell.Param {
	return []shell.Param{
		{Name: "Identity", Position: 1, Mandatory: true, FromPipeline: true, ByPropertyName: true,
			Bind: identityBinder(&g.Identity, "MailboxIdParameter"), Help: "The mailbox."},
		{Name: "Folder", Bind: shell.String(&g.Folder), Help: "Only the items of this folder."},
	}
}

func (g *getMailboxItem) Process(c *shell.Context) error {
	if err := openTenantOnce(c, &g.t); err != nil {
		return err
	}
	m, err := g.t.resolve(c, g.Identity, store.ClassMailbox, store.ClassGroup)
	if err != nil {
		c.WriteError(err)
		return nil
	}
	folder := ""
	if g.Folder != "" {
		f, ok := folderPath(g.Folder)
		if !ok {
			c.WriteError(folderNotFound(g.Folder))
			return nil
		}
		folder = f
	}
	items, err := deliveredItems(c, m.Guid)
	if err != nil {
		return err
	}
	for _, it := range items {
		if folder != "" && it.Folder != folder {
			continue
		}
		o := value.NewObject(typeSimMailboxItem,
			value.Property{Name: "Received", Value: it.Created},
			value.Property{Name: "Folder", Value: displayPath(it.Folder)},
			value.Property{Name: "Subject", Value: it.Subject},
			value.Property{Name: "From", Value: optString(it.From)},
			value.Property{Name: "Size", Value: byteSize{bytes: it.Size, bounded: true}},
			value.Property{Name: "IsRecord", Value: it.IsRecord},
			value.Property{Name: "Attachments", Value: strs(it.Attachments)},
			value.Property{Name: "ItemId", Value: itemIDText(m.Guid, it.ID)},
		)
		if err := c.WriteObject(o); err != nil {
			return err
		}
	}
	return nil
}

// itemViews is the default view of mailbox items.
func itemViews() []format.View {
	return []format.View{{TypeName: typeSimMailboxItem, Kind: format.TableView, Columns: []format.Column{
		{Property: "Received", Align: format.AlignLeft},
		{Property: "Folder", Align: format.AlignLeft},
		{Property: "Subject", Align: format.AlignLeft},
		{Property: "Attachments", Align: format.AlignLeft},
	}}}
}
