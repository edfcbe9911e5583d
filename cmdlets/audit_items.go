package cmdlets

import (
	"context"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/store"
	"github.com/exosh/exosh/store/demo"
)

// What the actions do to a mailbox's items.

// itemNotFound is the store's error for a missing item.
func itemNotFound(subject string) *shell.ErrorRecord {
	return exoError("Microsoft.Exchange.Data.Storage.ObjectNotFoundException", errItemNotFound, subject)
}

// folderNotFound is the store's error for a missing folder.
func folderNotFound(folder string) *shell.ErrorRecord {
	return exoError("Microsoft.Exchange.Data.Storage.ObjectNotFoundException", errFolderNotFound, folder)
}

// resolveFolders sets the entry's folder (and destination, for Move and Copy) from the
// arguments and the action's defaults.
func (a *invokeMailboxAction) resolveFolders(e *entry) error {
	e.folder = defaultFolder(a.Action)
	if a.Folder != "" && e.folder != "" {
		f, ok := folderPath(a.Folder)
		if !ok {
			return folderNotFound(a.Folder)
		}
		e.folder = f
	}
	switch a.Action {
	case "Move", "Copy":
		if a.DestFolder == "" {
			return simError("The action '"+a.Action+"' needs -DestinationFolder.", a.Action)
		}
		f, ok := folderPath(a.DestFolder)
		if !ok {
			return folderNotFound(a.DestFolder)
		}
		e.destFolder = f
	case "MoveToDeletedItems":
		e.destFolder = folderDeletedItems
	}
	if exoContains(itemActions, a.Action) && a.Subject == "" {
		return simError("The action '"+a.Action+"' needs -Subject: the item it acts on.", a.Action)
	}
	return nil
}

// newMailboxItem is an item the action creates in folder.
func newMailboxItem(m *store.Recipient, folder, subject string, at time.Time, n int) store.Item {
	id := demo.DeriveID("item", m.Guid.String(), folder, subject, at.Format(time.RFC3339Nano), fmt.Sprint(n))
	return store.Item{Mailbox: m.Guid, ID: id, Folder: folder, Subject: subject, Created: at,
		Size:              int64(2048 + 512*(len(subject)%9)),
		InternetMessageID: "<" + strings.ToUpper(hex.EncodeToString(id[:10])) + "@" + strings.ToLower(firstLabel(m.Database)) + ".prod.outlook.com>"}
}

// firstLabel is a name's first dot-separated label ("mailbox" when empty).
func firstLabel(s string) string {
	if s == "" {
		return "mailbox"
	}
	head, _, _ := strings.Cut(s, ".")
	return head
}

// perform resolves the folders and items the action works on and, unless it failed,
// changes them: creates, moves, copies and deletes items.
func (a *invokeMailboxAction) perform(c *shell.Context, m *store.Recipient, e *entry) error {
	if err := a.resolveFolders(e); err != nil {
		return err
	}
	is, err := itemStore(c)
	if err != nil {
		return err
	}
	all, err := deliveredItems(c, m.Guid)
	if err != nil {
		return err
	}
	apply := e.result != "Failed"
	var writes []store.Item
	switch a.Action {
	case "Create", "Send", "SendAs", "SendOnBehalf":
		it := newMailboxItem(m, e.folder, a.Subject, e.at, len(all))
		e.item = &it
		writes = append(writes, it)
	case "Move", "Copy", "MoveToDeletedItems", "SoftDelete", "HardDelete", "RecordDelete":
		hits := findItems(all, e.folder, a.Subject)
		if len(hits) == 0 {
			return itemNotFound(a.Subject)
		}
		e.sourceItems = hits
		to := map[string]string{"Move": e.destFolder, "Copy": e.destFolder, "MoveToDeletedItems": folderDeletedItems,
			"SoftDelete": folderDeletions, "HardDelete": folderPurges, "RecordDelete": folderPurges}[a.Action]
		for i, it := range hits {
			if a.Action == "Copy" {
				cp := newMailboxItem(m, to, it.Subject, e.at, len(all)+i)
				cp.Size, cp.InternetMessageID = it.Size, it.InternetMessageID
				writes = append(writes, cp)
				continue
			}
			it.Folder = to
			writes = append(writes, it)
		}
	case "Update", "ApplyRecord", "UpdateComplianceTag", "MessageBind", "MailItemsAccessed":
		if a.Subject == "" {
			break // a folder-level access (a sync of the folder)
		}
		hits := findItems(all, e.folder, a.Subject)
		if len(hits) == 0 {
			return itemNotFound(a.Subject)
		}
		it := hits[0]
		switch a.Action {
		case "ApplyRecord":
			it.IsRecord = true
			writes = append(writes, it)
		case "Update":
			it.Size += 256
			writes = append(writes, it)
		}
		e.item = &it
	}
	if !apply {
		return nil
	}
	for _, it := range writes {
		if err := is.PutItem(c.Ctx, it); err != nil {
			return err
		}
	}
	return nil
}

// bulkBatch is how many entries one SeedAudit call writes at most.
const bulkBatch = 32768

// bulk writes the entries of -Count repetitions of the action, one second apart and
// ending at the entry's time, without changing items: it produces audit volume. The
// recording rules apply as for one action, including the daily consolidation of delegate
// folder binds.
func (a *invokeMailboxAction) bulk(c *shell.Context, m *store.Recipient, who actor, e *entry) error {
	if err := a.resolveFolders(e); err != nil {
		c.WriteError(err)
		return nil
	}
	if a.Subject != "" {
		all, err := deliveredItems(c, m.Guid)
		if err != nil {
			return err
		}
		if hits := findItems(all, e.folder, a.Subject); len(hits) > 0 {
			e.item = &hits[0]
		} else {
			e.item = &store.Item{ID: demo.DeriveID("item", m.Guid.String(), e.folder, a.Subject), Subject: a.Subject, Folder: e.folder}
		}
	}
	org, err := a.t.st.OrganizationConfig(c.Ctx)
	if err != nil {
		return err
	}
	end := e.at
	first := end.Add(-time.Duration(a.Count-1) * time.Second)
	kind, err := a.t.shouldRecord(c, &org, m, who, e.logonType, e.action, e.folder, first)
	if err != nil {
		return err
	}
	c.WriteVerbose("Audit entries " + recordReasons[kind] + ".")
	if kind != recordWrite {
		return nil
	}
	tmpl := a.t.auditRecord(m, who, e)
	consolidate := e.action == "FolderBind" && e.logonType == "Delegate"
	// Entry ids are one derived id with the entry's number in its low bytes: unique within
	// the run, and cheap enough for millions of entries.
	base, err := a.bulkBase(c, m, who, e, first)
	if err != nil {
		return err
	}
	day, session := "", ""
	var last time.Time
	for i := range a.Count {
		at := first.Add(time.Duration(i) * time.Second)
		if consolidate && !last.IsZero() && at.Sub(last) < 24*time.Hour {
			continue
		}
		last = at
		r := tmpl
		r.Created = at
		r.ID = base
		binary.BigEndian.PutUint64(r.ID[8:], binary.BigEndian.Uint64(base[8:])^uint64(i))
		if d := at.Format("2006-01-02"); d != day {
			day, session = d, demo.DeriveID("session", m.Guid.String(), who.upn(), d).String()
		}
		r.SessionId = session
		a.pending = append(a.pending, r)
		if len(a.pending) == bulkBatch {
			if err := a.startLoad(c); err != nil {
				return err
			}
		}
		if i%65536 == 0 {
			if err := c.Ctx.Err(); err != nil {
				return err
			}
		}
	}
	return nil
}

// flush writes the bulk entries gathered so far and waits until every batch is written.
// Entries of several pipeline inputs (Get-Mailbox | Invoke-SimMailboxAction -Count n)
// share batches, so a pipeline over many mailboxes writes in large batches.
func (a *invokeMailboxAction) flush(c *shell.Context) error {
	if err := a.startLoad(c); err != nil {
		_ = a.loads.wait()
		return err
	}
	return a.loads.wait()
}

// startLoad hands the gathered entries to a background load and returns at once, unless
// two loads are already running: the next batch is then gathered and checked while the
// previous one is written. It returns the error of a load that already failed, so a
// failing pipeline stops instead of gathering on.
func (a *invokeMailboxAction) startLoad(c *shell.Context) error {
	if err := a.loads.failed(); err != nil {
		return err
	}
	if len(a.pending) == 0 {
		return nil
	}
	batch, ctx, st := a.pending, c.Ctx, a.t.st
	a.pending = make([]store.AuditRecord, 0, bulkBatch)
	a.loads.start(func() error { return seedBulk(ctx, st, batch) })
	return nil
}

// seedBulk writes one batch. Its ids come from bulkBase, derived from each entry's
// mailbox, account and action, so the store need not look each one up (LoadAudit).
func seedBulk(ctx context.Context, st store.Store, batch []store.AuditRecord) error {
	if err := st.LoadAudit(ctx, batch); err != nil {
		return fmt.Errorf("bulk audit entries: %w", err)
	}
	return nil
}

// bulkBase derives the id of a bulk run's first entry (the others differ in their low
// bytes): from the mailbox, the run's end, action, account and count, plus a salt when
// the same run was already made at the same tenant time (its first entry is in the log,
// or an earlier pipeline input of this command used it).
func (a *invokeMailboxAction) bulkBase(c *shell.Context, m *store.Recipient, who actor, e *entry, first time.Time) (store.ID, error) {
	parts := []string{"audit", m.Guid.String(), e.at.Format(time.RFC3339Nano), e.action, who.upn(), "bulk", fmt.Sprint(a.Count)}
	for salt := range 16 {
		if salt > 0 {
			parts = append(parts[:7], fmt.Sprint(salt))
		}
		base := demo.DeriveID(parts...)
		if a.bases[base] {
			continue
		}
		recs, _, err := a.t.st.FindAudit(c.Ctx, store.AuditQuery{Mailboxes: []store.ID{m.Guid}, Start: first,
			End: first.Add(time.Microsecond), Limit: 1000})
		if err != nil {
			return base, err
		}
		if !slices.ContainsFunc(recs, func(r store.AuditRecord) bool { return r.ID == base }) {
			if a.bases == nil {
				a.bases = map[store.ID]bool{}
			}
			a.bases[base] = true
			return base, nil
		}
	}
	return store.ID{}, fmt.Errorf("bulk audit entries of %s: %w", m.Name, store.ErrExists)
}

// bulkLoads runs at most two batch writes at a time in the background and keeps the
// first error.
type bulkLoads struct {
	wg    sync.WaitGroup
	slots chan struct{}
	mu    sync.Mutex
	err   error
}

// start runs load in the background once fewer than two loads are running.
func (l *bulkLoads) start(load func() error) {
	if l.slots == nil {
		l.slots = make(chan struct{}, 2)
	}
	l.slots <- struct{}{}
	l.wg.Go(func() {
		defer func() { <-l.slots }()
		if err := load(); err != nil {
			l.mu.Lock()
			if l.err == nil {
				l.err = err
			}
			l.mu.Unlock()
		}
	})
}

// failed returns the first error of the loads finished so far.
func (l *bulkLoads) failed() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.err
}

// wait waits for every load and returns the first error (once).
func (l *bulkLoads) wait() error {
	l.wg.Wait()
	l.mu.Lock()
	defer l.mu.Unlock()
	err := l.err
	l.err = nil
	return err
}

// End writes the bulk entries still gathered.
func (a *invokeMailboxAction) End(c *shell.Context) error {
	if a.t == nil {
		return nil
	}
	return a.flush(c)
}
