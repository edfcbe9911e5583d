package cmdlets

import (
	"encoding/binary"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"github.com/exosh/exosh/cmdlets/mailflow"
	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/store"
)

// A historical search waits in the queue, then runs: NotStarted for searchQueued after
// submission, InProgress until the run time has passed, then Done. Run times are
// realistic (tens of minutes) and fixed per job, so transcripts can step through them
// with Set-SimClock.
const (
	searchQueued  = 5 * time.Minute
	searchMinRun  = 20 * time.Minute
	searchRunSpan = 40 // minutes of job-dependent extra run time
)

// searchDoneAt is when a job finishes.
func searchDoneAt(j *store.SearchJob) time.Time {
	extra := time.Duration(binary.BigEndian.Uint16(j.JobId[14:])%searchRunSpan) * time.Minute
	return j.SubmitDate.Add(searchQueued + searchMinRun + extra)
}

// advanceSearch moves a job along by the tenant clock and writes the change back. When
// the job finishes, its report is built (capped at the report type's row limit), stored
// with the job, and announced to the NotifyAddress recipients by mail.
func advanceSearch(c *shell.Context, j store.SearchJob) (store.SearchJob, error) {
	now := c.Clock.Now()
	switch j.Status {
	case store.SearchNotStarted:
		if now.Before(j.SubmitDate.Add(searchQueued)) {
			return j, nil
		}
		j.Status = store.SearchInProgress
		if now.Before(searchDoneAt(&j)) {
			return j, c.Store.UpdateSearch(c.Ctx, j)
		}
		fallthrough
	case store.SearchInProgress:
		if now.Before(searchDoneAt(&j)) {
			return j, nil
		}
	default:
		return j, nil
	}
	q := mailflow.ReportQuery{ReportType: j.ReportType, Start: j.StartDate, End: j.EndDate, Senders: j.SenderAddress,
		Recipients: j.RecipientAddress, MessageIDs: j.MessageID, DeliveryStatus: j.DeliveryStatus, Direction: j.Direction,
		OriginalClientIP: j.OriginalClientIP}
	n, err := mailflow.BuildReport(c.Ctx, c.Store, q, func(rows []store.SearchRow) error {
		return c.Store.PutSearchRows(c.Ctx, j.JobId, rows)
	})
	if err != nil {
		j.Status, j.ErrorCode, j.ErrorDescription = store.SearchFailed, "InternalError", err.Error()
		return j, c.Store.UpdateSearch(c.Ctx, j)
	}
	j.Status, j.Rows = store.SearchDone, n
	j.FileUrl = "https://admin.protection.outlook.com/ExtendedReport/Download?Type=OnDemandReport&RequestID=" + j.JobId.String()
	// A tenant on disk also gets the report as a file under its state directory, and the
	// job's FileUrl names that file, as Exchange's names its download.
	if d, ok := c.Store.(interface{ Dir() string }); ok && d.Dir() != "" {
		file := filepath.Join(d.Dir(), "historical-searches", j.JobId.String(), "report.csv")
		if err := saveSearchCSV(c, c.Store, &j, file); err != nil {
			return j, err
		}
		j.FileUrl = (&url.URL{Scheme: "file", Path: filepath.ToSlash(file)}).String()
	}
	if err := c.Store.UpdateSearch(c.Ctx, j); err != nil {
		return j, err
	}
	if len(j.NotifyAddress) > 0 {
		t, err := c.Store.Tenant(c.Ctx)
		if err != nil {
			return j, err
		}
		rt, err := mailflow.NewRouter(c.Ctx, c.Store)
		if err != nil {
			return j, err
		}
		m := mailflow.Message{From: "noreply@" + t.InitialDomain, To: j.NotifyAddress, Received: searchDoneAt(&j),
			Subject: "Your message trace report '" + j.ReportTitle + "' is ready",
			Body:    "Download the report from " + j.FileUrl}
		if _, err := rt.Send(c.Ctx, m); err != nil {
			return j, err
		}
	}
	return j, nil
}

// saveSimHistoricalSearch is Save-SimHistoricalSearch: it writes a finished job's
// report to a CSV file of the admin's choice. (Exchange serves the file from FileUrl; a
// tenant on disk also has it under its state directory, and every tenant keeps the rows
// with the job, so an in-memory tenant can save it too.)
type saveSimHistoricalSearch struct {
	JobId store.ID
	Path  string
}

func (e *saveSimHistoricalSearch) Params() []shell.Param {
	return []shell.Param{
		{Name: "JobId", Position: 1, Mandatory: true, ByPropertyName: true, Bind: guidBinder(&e.JobId)},
		{Name: "Path", Position: 2, Mandatory: true, Bind: shell.String(&e.Path)},
	}
}

func (e *saveSimHistoricalSearch) Process(c *shell.Context) error {
	t, err := openTenant(c)
	if err != nil {
		return err
	}
	j, err := t.st.Search(c.Ctx, e.JobId)
	if err != nil {
		return t.notFoundError(e.JobId.String())
	}
	if j, err = advanceSearch(c, j); err != nil {
		return err
	}
	if j.Status != store.SearchDone {
		return exoError(excTraceArgument, "The report of historical search '"+j.JobId.String()+"' isn't ready: its status is "+j.Status+".", j.JobId.String())
	}
	p, err := resolvePath(c, e.Path)
	if err != nil {
		return err
	}
	return saveSearchCSV(c, t.st, &j, p)
}

// saveSearchCSV writes a finished job's report to a CSV file, streaming it page by page
// so memory stays flat whatever the report's size.
func saveSearchCSV(c *shell.Context, st store.Searches, j *store.SearchJob, path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	var after store.Cursor
	err = mailflow.WriteCSV(f, mailflow.ReportColumns(j.ReportType), func() ([]store.SearchRow, bool, error) {
		rows, next, err := st.SearchRows(c.Ctx, j.JobId, after, 1000)
		after = next
		return rows, next != "", err
	})
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
