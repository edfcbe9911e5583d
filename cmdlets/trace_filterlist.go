package cmdlets

import (
	"sort"
	"strings"

	"github.com/exosh/exosh/cmdlets/mailflow"
	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/value"
	"github.com/exosh/exosh/store"
)

// Get-MailFilterListReport: the values other reporting cmdlets accept for their filters
// (Get-MessageTraceDetail -Action, the -EventType of the traffic reports, -Domain ...),
// grouped by SelectionTarget.
//
// Verified (reference page): the parameters in Exchange Online (-Domain, -ProbeTag,
// -SelectionTarget; -Expression is Security & Compliance only) and SelectionTarget's seven
// values. Verified (the Office 365 reporting web service's MailFilterList report, the
// service behind the cmdlet): the fields Organization, Domain, SelectionTarget, Display,
// Value, ParentTarget and ParentValue. Inferred: their order, that every target is listed
// without -SelectionTarget, the entries' order, and the list layout (no view is known).

const typeMailFilterList = "Microsoft.Exchange.Management.FfoReporting.MailFilterListReport"

// filterListTargets are the SelectionTarget values, in the reference page's order.
var filterListTargets = []string{"Actions", "DlpPolicy", "DlpRule", "Domain", "EventTypes", "FindOnPremConnector", "TransportRule"}

// filterListActions are the Actions entries: the actions the reference pages and the
// reporting service's pages name as report values (GoodMail and CaughtAsSpam of the
// spoof report; RedirectMessage, RemoveMessageHeader, SetSpamConfidenceLevel and
// RejectMessage of the policy and detail reports), and those exosh's mail flow records
// in trace detail events (mailflow.Actions: RejectMessage, Quarantine, MoveToJmf, the
// latter two being the anti-spam policies' action names). Sorted by name.
var filterListActions = func() []string {
	list := []string{"CaughtAsSpam", "GoodMail", "RedirectMessage", "RemoveMessageHeader", "SetSpamConfidenceLevel", "RejectMessage"}
	for _, a := range mailflow.Actions() {
		if !containsFold(list, a) {
			list = append(list, a)
		}
	}
	sort.Slice(list, func(i, j int) bool { return strings.ToLower(list[i]) < strings.ToLower(list[j]) })
	return list
}()

// filterListEventTypes are the EventTypes entries: the event types the reference pages
// of Get-MailTrafficReport, Get-MailTrafficPolicyReport and Get-SpoofMailReport list,
// in that order.
var filterListEventTypes = []string{
	"GoodMail", "Malware", "TransportRuleHits", "SpamIPBlock", "SpamDBEBFilter", "SpamEnvelopeBlock", "SpamContentFiltered",
	"Spam_AdditionalSpamFiltered", "Spam_BlockList", "Spam_BulkFiltered", "Spam_ContentScanFiltered", "Spam_ETRFiltered",
	"Spam_SenderBlocked", "NonSpam_AdditionalSpamFilterPassed", "NonSpam_AllowList", "NonSpam_BulkPassed",
	"NonSpam_ContentScanPassed", "NonSpam_ETRPassed", "NonSpam_IntraOrg", "NonSpam_IPAllowed", "NonSpam_SafeSender",
	"BCL0", "BCL1", "BCL2", "BCL3", "BCL4", "BCL5", "BCL6", "BCL7", "BCL8", "BCL9",
	"DLPActionHits", "DLPPolicyFalsePositive", "DLPPolicyHits", "DLPPolicyOverride", "DLPRuleHits", "TransportRuleActionHits",
	"SpoofMail",
}

// getMailFilterListReport is Get-MailFilterListReport.
type getMailFilterListReport struct {
	Domain          []string
	ProbeTag        string
	SelectionTarget []string
}

func (g *getMailFilterListReport) Params() []shell.Param {
	return []shell.Param{
		{Name: "Domain", FromPipeline: true, Bind: shell.Custom("MultiValuedProperty", func(v value.Value) error {
			g.Domain = mvStrings(v)
			return nil
		}), Help: "Accepted domains whose entries are listed, or All."},
		{Name: "ProbeTag", Bind: shell.String(&g.ProbeTag), Help: "Reserved for internal Microsoft use."},
		{Name: "SelectionTarget", Bind: listEnumBinder(&g.SelectionTarget, "SelectionTarget", filterListTargets),
			Help: "Actions, DlpPolicy, DlpRule, Domain, EventTypes, FindOnPremConnector or TransportRule (default: all)."},
	}
}

func (g *getMailFilterListReport) Process(c *shell.Context) error {
	t, err := openTenant(c)
	if err != nil {
		return err
	}
	targets := g.SelectionTarget
	if len(targets) == 0 {
		targets = filterListTargets
	}
	allDomains := len(g.Domain) == 0 || containsFold(g.Domain, "All")
	for _, target := range filterListTargets {
		if !containsFold(targets, target) {
			continue
		}
		var entries []value.Value
		switch target {
		case "Actions":
			entries = strs(filterListActions)
		case "EventTypes":
			entries = strs(filterListEventTypes)
		case "Domain":
			for _, d := range tenantDomains(&t.t) {
				if allDomains || containsFold(g.Domain, d) {
					entries = append(entries, d)
				}
			}
		}
		// The tenant has no DLP policies, DLP rules, on-premises connectors or mail flow
		// rules, so those targets list nothing.
		for _, e := range entries {
			s := value.ToString(e)
			domain := ""
			if target == "Domain" {
				domain = s
			}
			if err := c.WriteObject(filterListObject(t.t.InitialDomain, domain, target, s)); err != nil {
				return err
			}
		}
	}
	return nil
}

// tenantDomains lists the tenant's accepted domains: the initial domain first, then the
// others in the order they were added.
func tenantDomains(t *store.Tenant) []string {
	out := []string{t.InitialDomain}
	for _, d := range t.AcceptedDomains {
		if !containsFold(out, d.DomainName) {
			out = append(out, d.DomainName)
		}
	}
	return out
}

// filterListObject is one entry of the report.
func filterListObject(org, domain, target, v string) *value.Object {
	return value.NewObject(typeMailFilterList,
		value.Property{Name: "Organization", Value: org},
		value.Property{Name: "Domain", Value: optString(domain)},
		value.Property{Name: "SelectionTarget", Value: target},
		value.Property{Name: "Display", Value: v},
		value.Property{Name: "Value", Value: v},
		value.Property{Name: "ParentTarget", Value: nil},
		value.Property{Name: "ParentValue", Value: nil},
	)
}
