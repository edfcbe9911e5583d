package cmdlets

import (
	"encoding/json"
	"strings"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/value"
	"github.com/exosh/exosh/store"
)

// Get-MailboxFolderStatistics: the folders of a mailbox with their item counts and sizes,
// including Recoverable Items\Audits, where the mailbox audit log lives.

const typeFolderStatistics = "Microsoft.Exchange.Management.Tasks.MailboxFolderConfiguration"

// folderScopes maps -FolderScope values to the standard folders they select ("All" selects
// every folder).
var folderScopes = map[string][]string{
	"Archive":             {"Archive"},
	"Calendar":            {"Calendar"},
	"Contacts":            {"Contacts"},
	"ConversationHistory": {"Conversation History"},
	"DeletedItems":        {"Deleted Items"},
	"Drafts":              {"Drafts"},
	"Inbox":               {"Inbox"},
	"JunkEmail":           {"Junk Email"},
	"Journal":             {"Journal"},
	"Notes":               {"Notes"},
	"Outbox":              {"Outbox"},
	"SentItems":           {"Sent Items"},
	"Tasks":               {"Tasks"},
	"RecoverableItems": {"Recoverable Items", `Recoverable Items\Audits`, `Recoverable Items\Calendar Logging`,
		`Recoverable Items\Deletions`, `Recoverable Items\DiscoveryHolds`, `Recoverable Items\Purges`,
		`Recoverable Items\Versions`},
}

// folderScopeNames are the accepted -FolderScope values, in the order of the enumeration.
var folderScopeNames = []string{"All", "Archive", "Calendar", "Contacts", "ConversationHistory", "DeletedItems",
	"Drafts", "Inbox", "JunkEmail", "Journal", "Notes", "Outbox", "RecoverableItems", "SentItems", "Tasks"}

// folderTypes are the FolderType values of the standard folders.
var folderTypes = map[string]string{
	"Top of Information Store": "Root", "Conversation History": "ConversationHistory", "Deleted Items": "DeletedItems",
	"Junk Email": "JunkEmail", "Sent Items": "SentItems", "Recoverable Items": "RecoverableItemsRoot",
	`Recoverable Items\Audits`: "Audits", `Recoverable Items\Calendar Logging`: "CalendarLogging",
	`Recoverable Items\Deletions`: "RecoverableItemsDeletions", `Recoverable Items\DiscoveryHolds`: "DiscoveryHolds",
	`Recoverable Items\Purges`: "RecoverableItemsPurges", `Recoverable Items\Versions`: "RecoverableItemsVersions",
}

// getFolderStatistics is Get-MailboxFolderStatistics.
type getFolderStatistics struct {
	Identity    identityArg
	FolderScope string
	t           *tenant
}

func (g *getFolderStatistics) Params() []shell.Param {
	return []shell.Param{
		{Name: "Identity", Position: 1, Mandatory: true, FromPipeline: true, ByPropertyName: true,
			Bind: identityBinder(&g.Identity, "GeneralMailboxOrMailUserIdParameter"), Help: "The mailbox."},
		{Name: "FolderScope", Bind: shell.Custom("ElcFolderType", func(v value.Value) error {
			name, ok := lookupName(folderScopeNames)(value.ToString(v))
			if !ok {
				return &enumError{value: value.ToString(v), enum: "Microsoft.Exchange.Data.Directory.SystemConfiguration.ElcFolderType", names: folderScopeNames}
			}
			g.FolderScope = name
			return nil
		}), Help: "The kind of folders returned (default All)."},
	}
}

func (g *getFolderStatistics) Process(c *shell.Context) error {
	if err := openTenantOnce(c, &g.t); err != nil {
		return err
	}
	m, err := g.t.resolve(c, g.Identity, store.ClassMailbox, store.ClassGroup)
	if err != nil {
		c.WriteError(err)
		return nil
	}
	folders := standardFolders
	if g.FolderScope != "" && g.FolderScope != "All" {
		folders = folderScopes[g.FolderScope]
	}
	items, err := deliveredItems(c, m.Guid)
	if err != nil {
		return err
	}
	counts, sizes := map[string]int{}, map[string]int64{}
	for _, it := range items {
		counts[it.Folder]++
		sizes[it.Folder] += it.Size
	}
	if exoContains(folders, folderAudits) {
		n, size, err := auditUsage(c, g.t.st, m.Guid)
		if err != nil {
			return err
		}
		counts[folderAudits], sizes[folderAudits] = n, size
	}
	for _, f := range folders {
		if err := c.WriteObject(folderStatsObject(&m, f, counts, sizes)); err != nil {
			return err
		}
	}
	return nil
}

// auditUsage counts the mailbox's visible audit entries (every logon type) and the bytes
// they take, by the tenant clock, so the Audits folder shrinks as entries expire.
func auditUsage(c *shell.Context, st store.Audit, mailbox store.ID) (int, int64, error) {
	n, size := 0, int64(0)
	_, err := auditScan(c, st, store.AuditQuery{Mailboxes: []store.ID{mailbox}}, 0, func(r *store.AuditRecord) error {
		b, err := json.Marshal(r)
		if err != nil {
			return err
		}
		n++
		size += int64(len(b))
		return nil
	})
	return n, size, err
}

// folderStatsObject is one folder as Get-MailboxFolderStatistics shows it. Folders below
// Recoverable Items show their own name as path, as Exchange does.
func folderStatsObject(m *store.Recipient, folder string, counts map[string]int, sizes map[string]int64) *value.Object {
	name := folder[strings.LastIndexByte(folder, '\\')+1:]
	path := "/" + name
	ftype := folderTypes[folder]
	if ftype == "" {
		ftype = strings.ReplaceAll(folder, " ", "")
	}
	sub, subSize := 0, int64(0)
	for f, n := range counts {
		if f == folder || strings.HasPrefix(f, folder+`\`) || folder == "Top of Information Store" && !strings.HasPrefix(f, "Recoverable Items") {
			sub += n
			subSize += sizes[f]
		}
	}
	id := identityText(m) + `\` + folder
	o := value.NewObject(typeFolderStatistics,
		value.Property{Name: "Name", Value: name},
		value.Property{Name: "FolderPath", Value: path},
		value.Property{Name: "FolderId", Value: folderID(m.Guid, folder)},
		value.Property{Name: "FolderType", Value: ftype},
		value.Property{Name: "ItemsInFolder", Value: int32(counts[folder])},
		value.Property{Name: "DeletedItemsInFolder", Value: int32(0)},
		value.Property{Name: "FolderSize", Value: byteSize{bytes: sizes[folder], bounded: true}},
		value.Property{Name: "ItemsInFolderAndSubfolders", Value: int32(sub)},
		value.Property{Name: "FolderAndSubfolderSize", Value: byteSize{bytes: subSize, bounded: true}},
		value.Property{Name: "Identity", Value: id},
		value.Property{Name: "IsValid", Value: true},
		value.Property{Name: "ObjectState", Value: "New"},
	)
	o.SetString(id)
	return o
}
