package cmdlets

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/value"
	"github.com/exosh/exosh/store"
)

// unlimitedSize is the -ResultSize Unlimited value.
const unlimitedSize = -1

// resultSizeBinder binds -ResultSize (Unlimited<UInt32>): a positive number or
// "Unlimited".
func resultSizeBinder(dst *int) shell.Binder {
	return shell.Custom("Unlimited`1", func(v value.Value) error {
		s := strings.TrimSpace(value.ToString(v))
		if strings.EqualFold(s, "unlimited") {
			*dst = unlimitedSize
			return nil
		}
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n <= 0 || n > 1<<31-1 {
			return fmt.Errorf("Cannot convert value \"%s\" to type \"Microsoft.Exchange.Data.Unlimited`1[System.UInt32]\". Error: \"The value '%s' isn't valid. Valid values are Unlimited or a number from 1 to 2147483647.\"", s, s)
		}
		*dst = int(n)
		return nil
	})
}

// Warnings of list cmdlets that stop at -ResultSize.
const (
	warnDefaultResultSize = "By default, only the first 1000 items are returned. Use the ResultSize parameter to specify the number of items returned. To return all items, specify \"-ResultSize Unlimited\". Be aware that, depending upon the actual number of items, returning all items can take a long time and consume a large amount of memory. Also, we don't recommend storing the results in a variable. Instead, pipe the results to another task or script to perform batch changes."
	warnMoreResults       = "There are more results available than are currently displayed. To view them, increase the value for the ResultSize parameter."
)

// listSpec describes one listing of recipients.
type listSpec struct {
	classes     []store.Class
	softDeleted bool
	identity    identityArg // set when -Identity was given
	filter      *compiledFilter
	keep        func(r *store.Recipient) bool // the cmdlet's further conditions
	resultSize  int                           // 0 means the default (1000)
	sortBy      string
}

// list streams the recipients spec selects to emit, in Name order (or -SortBy order),
// honouring ResultSize and its warning. An identity that matches nothing is Exchange's
// not-found error, written as a non-terminating error.
func (t *tenant) list(c *shell.Context, spec listSpec, emit func(r *store.Recipient) error) error {
	limit := spec.resultSize
	explicit := limit != 0
	if limit == 0 {
		limit = store.DefaultLimit
	}
	ok := func(r *store.Recipient) bool {
		return (spec.keep == nil || spec.keep(r)) && (spec.filter == nil || spec.filter.match(r))
	}
	var sorted []store.Recipient
	count := 0
	more := false
	// deliver returns false when the listing must stop.
	deliver := func(r *store.Recipient) (bool, error) {
		if limit != unlimitedSize && count >= limit {
			more = true
			return false, nil
		}
		count++
		if spec.sortBy != "" {
			sorted = append(sorted, *r)
			return true, nil
		}
		return true, emit(r)
	}
	if spec.identity.set && spec.identity.text != "" && !spec.identity.id.IsZero() {
		// An object passed along the pipeline is looked up by its Guid.
		r, err := t.st.RecipientByID(c.Ctx, spec.identity.id)
		if err == nil && r.SoftDeleted() == spec.softDeleted && classIn(r, spec.classes) && ok(&r) {
			_, err = deliver(&r)
			return err
		}
	}
	q := store.RecipientQuery{Classes: spec.classes, SoftDeleted: spec.softDeleted, Limit: store.DefaultLimit}
	if spec.identity.set {
		q.Identity = spec.identity.text
	}
	if spec.filter != nil {
		q.Equals = spec.filter.equals
	}
	matched := false
pages:
	for {
		page, next, err := t.st.FindRecipients(c.Ctx, q)
		if err != nil {
			if q.Identity != "" {
				c.WriteError(t.identityError(q.Identity, err))
				return nil
			}
			return err
		}
		for i := range page {
			// The identity counts as found when it names an object of the kinds the
			// cmdlet lists, even if the filter then drops it.
			if spec.keep == nil || spec.keep(&page[i]) {
				matched = true
			}
			if !ok(&page[i]) {
				continue
			}
			goOn, err := deliver(&page[i])
			if err != nil {
				return err
			}
			if !goOn {
				break pages
			}
		}
		if next == "" {
			break
		}
		q.After = next
	}
	if q.Identity != "" && !matched {
		c.WriteError(t.notFoundError(q.Identity))
		return nil
	}
	if spec.sortBy != "" {
		key := recipientSortKey(spec.sortBy)
		sort.SliceStable(sorted, func(i, j int) bool {
			return strings.ToLower(key(&sorted[i])) < strings.ToLower(key(&sorted[j]))
		})
		for i := range sorted {
			if err := emit(&sorted[i]); err != nil {
				return err
			}
		}
	}
	if more {
		if explicit {
			c.WriteWarning(warnMoreResults)
		} else {
			c.WriteWarning(warnDefaultResultSize)
		}
	}
	return nil
}

// sortKey returns the -SortBy property reader.
func recipientSortKey(name string) func(r *store.Recipient) string {
	switch strings.ToLower(name) {
	case "displayname":
		return func(r *store.Recipient) string { return r.DisplayName }
	case "alias":
		return func(r *store.Recipient) string { return r.Alias }
	case "office":
		return func(r *store.Recipient) string { return r.Office }
	case "city":
		return func(r *store.Recipient) string { return r.City }
	case "department":
		return func(r *store.Recipient) string { return r.Department }
	case "title":
		return func(r *store.Recipient) string { return r.Title }
	case "recipienttype":
		return func(r *store.Recipient) string { return r.RecipientType }
	case "serverlegacydn":
		return func(r *store.Recipient) string { return r.LegacyExchangeDN }
	}
	return func(r *store.Recipient) string { return r.Name }
}

// sortByBinder binds -SortBy, accepting only the properties the cmdlet can sort by.
func sortByBinder(dst *string, allowed ...string) shell.Binder {
	return shell.Custom("String", func(v value.Value) error {
		s := strings.TrimSpace(value.ToString(v))
		if s == "" {
			*dst = ""
			return nil
		}
		for _, a := range allowed {
			if strings.EqualFold(a, s) {
				*dst = a
				return nil
			}
		}
		return fmt.Errorf("\"%s\" is not a recognized sortable property. Valid property names are: %s.", s, strings.Join(allowed, ", "))
	})
}

// anrMatch is ambiguous name resolution: a prefix of the first name, last name, display
// name, name, alias or the local part of an address.
func anrMatch(prefix string, r *store.Recipient) bool {
	p := strings.ToLower(strings.TrimSpace(prefix))
	if p == "" {
		return true
	}
	local, _, _ := strings.Cut(r.PrimarySmtpAddress, "@")
	for _, s := range []string{r.FirstName, r.LastName, r.DisplayName, r.Name, r.Alias, local,
		r.FirstName + " " + r.LastName, r.LastName + " " + r.FirstName} {
		if strings.HasPrefix(strings.ToLower(s), p) {
			return true
		}
	}
	return false
}

// typeDetailsBinder binds -RecipientTypeDetails / -RecipientType lists, rejecting values
// Exchange does not know.
func typeDetailsBinder(dst *[]string, param, enum string, known func(string) (string, bool)) shell.Binder {
	return shell.Custom(enum+"[]", func(v value.Value) error {
		*dst = nil
		for _, x := range items(v) {
			for _, s := range strings.Split(value.ToString(x), ",") {
				s = strings.TrimSpace(s)
				name, ok := known(s)
				if !ok {
					return fmt.Errorf("Cannot convert value \"%s\" to type \"%s\". Error: \"Unable to match the identifier name %s to a valid enumerator name. Specify one of the following enumerator names and try again: %s\"", s, enum, s, knownListText(enum))
				}
				*dst = append(*dst, name)
			}
		}
		return nil
	})
}

// knownRecipientTypeDetails lists the RecipientTypeDetails values exosh knows.
var knownRecipientTypeDetails = []string{"UserMailbox", "SharedMailbox", "RoomMailbox", "EquipmentMailbox",
	"DiscoveryMailbox", "SchedulingMailbox", "TeamMailbox", "GroupMailbox", "LinkedMailbox", "LinkedRoomMailbox",
	"LegacyMailbox", "PublicFolderMailbox", "User", "DisabledUser", "MailUser", "GuestMailUser", "MailContact",
	"MailUniversalDistributionGroup", "MailUniversalSecurityGroup", "MailNonUniversalGroup",
	"DynamicDistributionGroup", "RoomList"}

// knownRecipientTypes lists the RecipientType values.
var knownRecipientTypes = []string{"DynamicDistributionGroup", "MailContact", "MailNonUniversalGroup",
	"MailUniversalDistributionGroup", "MailUniversalSecurityGroup", "MailUser", "PublicFolder", "UserMailbox"}

func knownListText(enum string) string {
	if strings.HasSuffix(enum, "RecipientType") {
		return strings.Join(knownRecipientTypes, ", ")
	}
	return strings.Join(knownRecipientTypeDetails, ", ")
}

func lookupName(list []string) func(string) (string, bool) {
	return func(s string) (string, bool) {
		for _, n := range list {
			if strings.EqualFold(n, s) {
				return n, true
			}
		}
		return "", false
	}
}

func exoContains(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
