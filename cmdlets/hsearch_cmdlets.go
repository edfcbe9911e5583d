package cmdlets

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"sort"

	"time"

	"github.com/exosh/exosh/cmdlets/mailflow"
	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/format"
	"github.com/exosh/exosh/shell/value"
	"github.com/exosh/exosh/store"
)

// hsearchCmdlets returns the historical search cmdlets.
func hsearchCmdlets() []shell.CmdletInfo {
	return []shell.CmdletInfo{
		{Name: "Start-HistoricalSearch", Module: moduleEXO, Synopsis: "Starts a message trace report over the last 90 days.",
			New: func() shell.Cmdlet { return new(startHistoricalSearch) }},
		{Name: "Get-HistoricalSearch", Module: moduleEXO, Synopsis: "Lists the historical searches of the last 10 days.",
			New: func() shell.Cmdlet { return new(getHistoricalSearch) }},
		{Name: "Stop-HistoricalSearch", Module: moduleEXO, Synopsis: "Cancels a historical search that hasn't started yet.",
			New: func() shell.Cmdlet { return new(stopHistoricalSearch) }},
		{Name: "Save-SimHistoricalSearch", Module: moduleSim, Synopsis: "Writes the CSV report of a finished historical search.",
			New: func() shell.Cmdlet { return new(saveSimHistoricalSearch) }},
	}
}

// typeHistoricalSearch is the type of Get-HistoricalSearch's objects.
const typeHistoricalSearch = "Microsoft.Exchange.Management.FfoReporting.HistoricalSearch"

// hsearchViews is the default table of historical searches.
func hsearchViews() []format.View {
	left := format.AlignLeft
	return []format.View{{TypeName: typeHistoricalSearch, Kind: format.TableView, Columns: []format.Column{
		{Property: "JobId", Align: left},
		{Property: "SubmitDate", Align: left},
		{Property: "ReportTitle", Align: left},
		{Property: "Status", Align: left},
		{Property: "Rows", Align: format.AlignRight},
		{Property: "ErrorCode", Align: left},
		{Property: "ErrorDescription", Align: left},
	}}}
}

// Historical search rules (exchange-model §6).
const (
	searchLookBack   = 90 * 24 * time.Hour
	searchDailyQuota = 250
	searchMaxList    = 100
)

// reportTypes are the HistoricalSearchReportType names, in the enumeration's order.
var reportTypes = []string{"ATPReport", "ConnectorReport", "DLP", "Malware", "MessageTrace", "MessageTraceDetail",
	"OutboundSecurityReport", "P2SenderAttribution", "SPAM", "Spoof", "TransportRule", "UnifiedDLP"}

// startHistoricalSearch is Start-HistoricalSearch.
type startHistoricalSearch struct {
	ReportTitle, ReportType, Direction, DeliveryStatus, OriginalClientIP, Locale string
	StartDate, EndDate                                                           time.Time
	SenderAddress, RecipientAddress, MessageID, NotifyAddress                    []string
	NetworkMessageID, DLPPolicy, TransportRule                                   []string
	ConnectorType, TLSUsed, BlockStatus, SmtpSecurityError, Url                  string
	EncryptionTemplate, EncryptionType                                           string
	CompressFile                                                                 bool
}

func (s *startHistoricalSearch) Params() []shell.Param {
	return []shell.Param{
		{Name: "ReportTitle", Mandatory: true, Bind: shell.String(&s.ReportTitle)},
		{Name: "ReportType", Mandatory: true, Bind: enumBinder{&s.ReportType, "Microsoft.Exchange.Management.FfoReporting.HistoricalSearchReportType", reportTypes}},
		{Name: "StartDate", Mandatory: true, Bind: shell.Date(&s.StartDate)},
		{Name: "EndDate", Mandatory: true, Bind: shell.Date(&s.EndDate)},
		{Name: "SenderAddress", Bind: shell.Strings(&s.SenderAddress)},
		{Name: "RecipientAddress", Bind: shell.Strings(&s.RecipientAddress)},
		{Name: "MessageID", Bind: shell.Strings(&s.MessageID)},
		{Name: "NotifyAddress", Bind: shell.Strings(&s.NotifyAddress)},
		{Name: "Direction", Bind: enumBinder{&s.Direction, "Microsoft.Exchange.Management.FfoReporting.MessageDirection", []string{"All", "Received", "Sent"}}},
		{Name: "DeliveryStatus", Bind: enumBinder{&s.DeliveryStatus, "System.String", []string{"Delivered", "Expanded", "Failed"}}},
		{Name: "OriginalClientIP", Bind: shell.String(&s.OriginalClientIP)},
		{Name: "Locale", Bind: shell.String(&s.Locale)},
		{Name: "NetworkMessageID", Bind: shell.Strings(&s.NetworkMessageID)},
		{Name: "DLPPolicy", Bind: shell.Strings(&s.DLPPolicy)},
		{Name: "TransportRule", Bind: shell.Strings(&s.TransportRule)},
		{Name: "ConnectorType", Bind: enumBinder{&s.ConnectorType, "System.String", []string{"OnPremises", "Partner", "NoConnector"}}},
		{Name: "TLSUsed", Bind: enumBinder{&s.TLSUsed, "System.String", []string{"No Tls", "TLS1.2", "TLS1.3"}}},
		{Name: "BlockStatus", Bind: shell.String(&s.BlockStatus)},
		{Name: "SmtpSecurityError", Bind: shell.String(&s.SmtpSecurityError)},
		{Name: "CompressFile", Bind: shell.Bool(&s.CompressFile)},
		{Name: "EncryptionTemplate", Bind: shell.String(&s.EncryptionTemplate)},
		{Name: "EncryptionType", Bind: shell.String(&s.EncryptionType)},
		{Name: "Url", Bind: shell.String(&s.Url)},
	}
}

func (s *startHistoricalSearch) Process(c *shell.Context) error {
	t, err := openTenant(c)
	if err != nil {
		return err
	}
	now := c.Clock.Now().UTC()
	start, end := utcWall(s.StartDate), utcWall(s.EndDate)
	if start.Before(now.Add(-searchLookBack)) {
		return exoError(excTraceExpression, "Invalid StartDate value. The StartDate can't be older than 90 days from today.", nil)
	}
	if !end.After(start) {
		return exoError(excTraceExpression, "Invalid EndDate value. The EndDate should be later than the StartDate.", nil)
	}
	senders, rcpts, ids := cleanList(s.SenderAddress), cleanList(s.RecipientAddress), cleanList(s.MessageID)
	if len(senders)+len(rcpts)+len(ids) == 0 && (s.ReportType == "MessageTrace" || s.ReportType == "MessageTraceDetail") {
		return exoError(excTraceArgument, "At least one of the following parameters must be specified: SenderAddress, RecipientAddress or MessageID.", nil)
	}
	if len(senders) > searchMaxList || len(rcpts) > searchMaxList {
		return exoError(excTraceArgument, fmt.Sprintf("You can specify a maximum of %d addresses.", searchMaxList), nil)
	}
	if _, ok := mailflow.ReportLimits[s.ReportType]; !ok {
		return exoError(excTraceArgument, "exosh keeps no data for report type '"+s.ReportType+"'; the report types it can run are Malware, MessageTrace, MessageTraceDetail and SPAM.", s.ReportType)
	}
	n, err := t.st.CountSearchesSince(c.Ctx, now.Add(-24*time.Hour))
	if err != nil {
		return err
	}
	if n >= searchDailyQuota {
		return exoError(excTraceArgument, fmt.Sprintf("You have reached the limit of %d historical searches in a 24-hour period. Try again later.", searchDailyQuota), nil)
	}
	sum := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%d\x00%d", s.ReportTitle, now.UnixNano(), n)))
	var id store.ID
	copy(id[:], sum[:16])
	id[6], id[8] = id[6]&0x0f|0x40, id[8]&0x3f|0x80
	j := store.SearchJob{
		JobId: id, SubmitDate: now, ReportTitle: s.ReportTitle, ReportType: s.ReportType, Status: store.SearchNotStarted,
		StartDate: start, EndDate: end, NotifyAddress: cleanList(s.NotifyAddress), SenderAddress: senders,
		RecipientAddress: rcpts, MessageID: ids, Direction: orDefault(s.Direction, "All"), DeliveryStatus: s.DeliveryStatus,
		OriginalClientIP: s.OriginalClientIP, Locale: s.Locale, SubmittedBy: c.Services().Identity,
	}
	if err := t.st.CreateSearch(c.Ctx, j); err != nil {
		return err
	}
	return c.WriteObject(searchObject(&j))
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// getHistoricalSearch is Get-HistoricalSearch: every search of the last 10 days, or one.
type getHistoricalSearch struct {
	JobId store.ID
}

func (g *getHistoricalSearch) Params() []shell.Param {
	return []shell.Param{{Name: "JobId", Position: 1, ByPropertyName: true, Bind: guidBinder(&g.JobId)}}
}

func (g *getHistoricalSearch) Process(c *shell.Context) error {
	t, err := openTenant(c)
	if err != nil {
		return err
	}
	var jobs []store.SearchJob
	if c.Bound("JobId") {
		j, err := t.st.Search(c.Ctx, g.JobId)
		if errors.Is(err, store.ErrNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		jobs = []store.SearchJob{j}
	} else if jobs, err = t.st.ListSearches(c.Ctx); err != nil {
		return err
	}
	now := c.Clock.Now()
	sort.SliceStable(jobs, func(a, b int) bool { return jobs[a].SubmitDate.After(jobs[b].SubmitDate) })
	for i := range jobs {
		if !jobs[i].Visible(now) {
			continue
		}
		j, err := advanceSearch(c, jobs[i])
		if err != nil {
			return err
		}
		if err := c.WriteObject(searchObject(&j)); err != nil {
			return err
		}
	}
	return nil
}

// stopHistoricalSearch is Stop-HistoricalSearch: only a search that hasn't started can be
// cancelled.
type stopHistoricalSearch struct {
	JobId store.ID
}

func (s *stopHistoricalSearch) Params() []shell.Param {
	return []shell.Param{{Name: "JobId", Position: 1, Mandatory: true, ByPropertyName: true, Bind: guidBinder(&s.JobId)}}
}

func (s *stopHistoricalSearch) Process(c *shell.Context) error {
	t, err := openTenant(c)
	if err != nil {
		return err
	}
	j, err := t.st.Search(c.Ctx, s.JobId)
	if errors.Is(err, store.ErrNotFound) || (err == nil && !j.Visible(c.Clock.Now())) {
		return t.notFoundError(s.JobId.String())
	}
	if err != nil {
		return err
	}
	if j, err = advanceSearch(c, j); err != nil {
		return err
	}
	if j.Status != store.SearchNotStarted {
		return exoError(excTraceArgument, fmt.Sprintf("The historical search '%s' can't be stopped because its status is %s. Only searches that haven't started (NotStarted) can be stopped.", j.JobId, j.Status), j.JobId.String())
	}
	if !c.ShouldProcess(j.JobId.String(), "Stop-HistoricalSearch") {
		return nil
	}
	j.Status = store.SearchCancelled
	return t.st.UpdateSearch(c.Ctx, j)
}

// searchObject is one Get-HistoricalSearch result.
func searchObject(j *store.SearchJob) *value.Object {
	return value.NewObject(typeHistoricalSearch,
		value.Property{Name: "JobId", Value: j.JobId.String()},
		value.Property{Name: "SubmitDate", Value: j.SubmitDate.UTC()},
		value.Property{Name: "ReportTitle", Value: j.ReportTitle},
		value.Property{Name: "Status", Value: j.Status},
		value.Property{Name: "Rows", Value: int64(j.Rows)},
		value.Property{Name: "ErrorCode", Value: optString(j.ErrorCode)},
		value.Property{Name: "ErrorDescription", Value: optString(j.ErrorDescription)},
		value.Property{Name: "FileUrl", Value: optString(j.FileUrl)},
		value.Property{Name: "ReportStatusDescription", Value: optString(j.ReportStatusDescription)},
		value.Property{Name: "ReportType", Value: j.ReportType},
		value.Property{Name: "StartDate", Value: j.StartDate.UTC()},
		value.Property{Name: "EndDate", Value: j.EndDate.UTC()},
		value.Property{Name: "NotifyAddress", Value: strs(j.NotifyAddress)},
		value.Property{Name: "SenderAddress", Value: strs(j.SenderAddress)},
		value.Property{Name: "RecipientAddress", Value: strs(j.RecipientAddress)},
		value.Property{Name: "MessageID", Value: strs(j.MessageID)},
		value.Property{Name: "Direction", Value: j.Direction},
		value.Property{Name: "DeliveryStatus", Value: optString(j.DeliveryStatus)},
		value.Property{Name: "OriginalClientIP", Value: optString(j.OriginalClientIP)},
		value.Property{Name: "Locale", Value: optString(j.Locale)},
		value.Property{Name: "SubmittedBy", Value: optString(j.SubmittedBy)},
	)
}
