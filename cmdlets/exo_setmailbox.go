package cmdlets

import (
	"errors"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/value"
	"github.com/exosh/exosh/store"
	"github.com/exosh/exosh/store/demo"
)

// setMailbox is Set-Mailbox. Each bound parameter becomes one change; all changes of one
// mailbox are written in one store transaction. Nothing is printed on success; a call that
// changes nothing gets Exchange's warning.
type setMailbox struct {
	Identity identityArg

	// Plain values, applied when bound.
	strs     map[string]*string
	bools    map[string]*bool
	sizes    map[string]*value.Value
	durs     map[string]*value.Value
	mvs      map[string]*mvEdit
	Type     string
	Limits   value.Value
	Forward  identityArg
	AuditSet []string

	MailTip      string
	Translations mvEdit
	Password     value.Value // a *value.SecureString; never stored

	GroupMailbox, InactiveMailbox, Force, ProvideConsent             bool
	RemoveDelayHold, RemoveDelayReleaseHold, RemoveComplianceTagHold bool
	ExcludeFromAllHolds, ExcludeFromOrgHolds, RemoveOrphanedHolds    bool

	t *tenant
}

// Parameter groups of Set-Mailbox, by value kind.
var (
	setMailboxStrings = []string{"Alias", "DisplayName", "Name", "Office", "ForwardingSmtpAddress", "LitigationHoldOwner",
		"RetentionPolicy", "RoleAssignmentPolicy", "SharingPolicy", "WindowsEmailAddress",
		"CustomAttribute1", "CustomAttribute2", "CustomAttribute3", "CustomAttribute4", "CustomAttribute5",
		"CustomAttribute6", "CustomAttribute7", "CustomAttribute8", "CustomAttribute9", "CustomAttribute10",
		"CustomAttribute11", "CustomAttribute12", "CustomAttribute13", "CustomAttribute14", "CustomAttribute15"}
	setMailboxBools = []string{"AuditEnabled", "DeliverToMailboxAndForward", "HiddenFromAddressListsEnabled",
		"LitigationHoldEnabled", "SingleItemRecoveryEnabled", "UseDatabaseQuotaDefaults"}
	setMailboxSizes = []string{"IssueWarningQuota", "ProhibitSendQuota", "ProhibitSendReceiveQuota",
		"RecoverableItemsQuota", "RecoverableItemsWarningQuota", "CalendarLoggingQuota", "ArchiveQuota",
		"ArchiveWarningQuota", "RulesQuota", "MaxSendSize", "MaxReceiveSize"}
	setMailboxDurations = []string{"AuditLogAgeLimit", "RetainDeletedItemsFor"}
	setMailboxLists     = []string{"EmailAddresses", "GrantSendOnBehalfTo"}
	auditParams         = []string{"AuditAdmin", "AuditDelegate", "AuditOwner"}
)

func (s *setMailbox) Params() []shell.Param {
	s.strs, s.bools = map[string]*string{}, map[string]*bool{}
	s.sizes, s.durs, s.mvs = map[string]*value.Value{}, map[string]*value.Value{}, map[string]*mvEdit{}
	ps := []shell.Param{
		{Name: "Identity", Position: 1, Mandatory: true, FromPipeline: true, ByPropertyName: true,
			Bind: identityBinder(&s.Identity, "MailboxIdParameter"), Help: "The mailbox to change."},
		{Name: "Type", Bind: shell.Enum(&s.Type, "Regular", "Room", "Equipment", "Shared", "Workspace", "Desk"),
			Help: "Converts the mailbox to another type."},
		{Name: "RecipientLimits", Bind: shell.Value(&s.Limits), Help: "Maximum recipients per message (or Unlimited)."},
		{Name: "ForwardingAddress", Bind: identityBinder(&s.Forward, "RecipientIdParameter"), Help: "Forwards mail to a recipient."},
		{Name: "DefaultAuditSet", Bind: enumsBinder(&s.AuditSet, "Microsoft.Exchange.Data.Directory.Recipient.AuditLogonType", "Admin", "Delegate", "Owner"),
			Help: "Logon types that return to Microsoft-managed audit actions."},
		{Name: "GroupMailbox", Bind: shell.Switch(&s.GroupMailbox), Help: "The identity is a Microsoft 365 Group mailbox."},
		{Name: "InactiveMailbox", Bind: shell.Switch(&s.InactiveMailbox), Help: "The identity is an inactive mailbox."},
		{Name: "Force", Bind: shell.Switch(&s.Force), Help: "Suppresses confirmation."},
		{Name: "ProvideConsent", Bind: shell.Switch(&s.ProvideConsent), Help: "Confirms removing a compliance tag hold."},
		{Name: "RemoveDelayHoldApplied", Bind: shell.Switch(&s.RemoveDelayHold), Help: "Removes a delay hold."},
		{Name: "RemoveDelayReleaseHoldApplied", Bind: shell.Switch(&s.RemoveDelayReleaseHold), Help: "Removes a delay release hold."},
		{Name: "RemoveComplianceTagHoldApplied", Bind: shell.Switch(&s.RemoveComplianceTagHold), Help: "Removes a compliance tag hold."},
		{Name: "ExcludeFromAllHolds", Bind: shell.Switch(&s.ExcludeFromAllHolds), Help: "Excludes an inactive mailbox from all holds."},
		{Name: "ExcludeFromOrgHolds", Bind: shell.Switch(&s.ExcludeFromOrgHolds), Help: "Excludes the mailbox from organization holds."},
		{Name: "RemoveOrphanedHolds", Bind: shell.Switch(&s.RemoveOrphanedHolds), Help: "Removes orphaned holds."},
		{Name: "MailTip", Bind: shell.String(&s.MailTip), Help: "The custom MailTip shown to senders."},
		{Name: "MailTipTranslations", Bind: mvBinder(&s.Translations, "MailTipTranslations"),
			Help: "MailTip translations as culture:text entries."},
		{Name: "Password", Bind: secureStringBinder(&s.Password), Help: "Resets the user's password (SecureString)."},
	}
	for _, n := range setMailboxStrings {
		p := new(string)
		s.strs[n] = p
		ps = append(ps, shell.Param{Name: n, Bind: shell.String(p)})
	}
	for _, n := range setMailboxBools {
		p := new(bool)
		s.bools[n] = p
		ps = append(ps, shell.Param{Name: n, Bind: shell.Bool(p)})
	}
	for _, n := range setMailboxSizes {
		p := new(value.Value)
		s.sizes[n] = p
		ps = append(ps, shell.Param{Name: n, Bind: sizeBinder(p)})
	}
	for _, n := range setMailboxDurations {
		p := new(value.Value)
		s.durs[n] = p
		ps = append(ps, shell.Param{Name: n, Bind: durationBinder(p)})
	}
	for _, n := range setMailboxLists {
		p := new(mvEdit)
		s.mvs[n] = p
		ps = append(ps, shell.Param{Name: n, Bind: mvBinder(p, n)})
	}
	for _, n := range auditParams {
		p := new(mvEdit)
		s.mvs[n] = p
		ps = append(ps, shell.Param{Name: n, Bind: auditBinder(p, n)})
	}
	return ps
}

// sizeBinder checks a quota argument at binding time and keeps the parsed size.
func sizeBinder(dst *value.Value) shell.Binder {
	return shell.Custom("Unlimited`1", func(v value.Value) error {
		n, err := parseSize(v)
		if err != nil {
			return err
		}
		*dst = n
		return nil
	})
}

// durationBinder checks an EnhancedTimeSpan argument at binding time.
func durationBinder(dst *value.Value) shell.Binder {
	return shell.Custom("EnhancedTimeSpan", func(v value.Value) error {
		d, err := parseTimeSpan(v)
		if err != nil {
			return err
		}
		*dst = d
		return nil
	})
}

func (s *setMailbox) Process(c *shell.Context) error {
	if err := openTenantOnce(c, &s.t); err != nil {
		return err
	}
	change, err := s.changes(c)
	if err != nil {
		c.WriteError(err)
		return nil
	}
	now := c.Clock.Now().UTC()
	apply := func(x *store.Recipient) error {
		before := *x
		before.EmailAddresses = append([]string(nil), x.EmailAddresses...)
		if err := change(x); err != nil {
			return err
		}
		if !reflect.DeepEqual(before, *x) {
			x.WhenChanged = now
		}
		return nil
	}
	var r store.Recipient
	var changed bool
	if !s.Identity.id.IsZero() && !s.InactiveMailbox {
		// A mailbox passed along the pipeline is changed by its Guid in one transaction,
		// without reading it first; the checks that resolving would make happen inside.
		if !c.ShouldProcess(s.Identity.text, "Set-Mailbox") {
			return nil
		}
		r, changed, err = s.t.st.UpdateRecipient(c.Ctx, s.Identity.id, func(x *store.Recipient) error {
			if x.SoftDeleted() || !classIn(*x, []store.Class{store.ClassMailbox}) ||
				strings.EqualFold(x.RecipientTypeDetails, "GroupMailbox") != s.GroupMailbox {
				return errNotThisMailbox
			}
			return apply(x)
		})
		if !errors.Is(err, errNotThisMailbox) && !errors.Is(err, store.ErrNotFound) {
			return s.finish(c, r, changed, err)
		}
	}
	r, err = s.target(c)
	if err != nil {
		c.WriteError(err)
		return nil
	}
	if !c.ShouldProcess(identityText(&r), "Set-Mailbox") {
		return nil
	}
	r, changed, err = s.t.st.UpdateRecipient(c.Ctx, r.Guid, apply)
	return s.finish(c, r, changed, err)
}

// errNotThisMailbox stops a by-Guid update whose record is not a mailbox Set-Mailbox may
// change, so that the identity is resolved (and reported) the usual way.
var errNotThisMailbox = errors.New("not a mailbox this call may change")

// finish reports the outcome of an update: Exchange's errors, or its warning when nothing
// changed.
func (s *setMailbox) finish(c *shell.Context, r store.Recipient, changed bool, err error) error {
	switch {
	case errors.Is(err, store.ErrExists):
		c.WriteError(s.t.conflictError(c, err, s.Identity.text))
	case err != nil:
		var rec *shell.ErrorRecord
		if errors.As(err, &rec) {
			c.WriteError(rec)
			return nil
		}
		return err
	case !changed && !(c.Bound("Password") && s.Password != nil):
		// A password reset is a change even when it lands on the same instant as the
		// previous one: the password itself is not kept to compare.
		c.WriteWarning("The command completed successfully but no settings of '" + identityText(&r) + "' have been modified.")
	}
	return nil
}

// target resolves the mailbox to change.
func (s *setMailbox) target(c *shell.Context) (store.Recipient, error) {
	if s.InactiveMailbox {
		return s.t.resolveDeleted(c, s.Identity, true)
	}
	r, err := s.t.resolve(c, s.Identity, store.ClassMailbox)
	if err != nil {
		return r, err
	}
	if strings.EqualFold(r.RecipientTypeDetails, "GroupMailbox") != s.GroupMailbox {
		return r, s.t.notFoundError(s.Identity.text)
	}
	return r, nil
}

// changes validates the bound parameters against r and returns the function that
// applies them. Linked identities are resolved here, outside the store transaction.
func (s *setMailbox) changes(c *shell.Context) (func(x *store.Recipient) error, error) {
	var steps []func(x *store.Recipient) error
	add := func(f func(x *store.Recipient) error) { steps = append(steps, f) }

	for _, n := range setMailboxStrings {
		if !c.Bound(n) {
			continue
		}
		v := *s.strs[n]
		if ptr := stringField(n); ptr != nil {
			add(func(x *store.Recipient) error {
				if n == "ForwardingSmtpAddress" {
					v = strings.TrimPrefix(strings.TrimPrefix(v, "smtp:"), "SMTP:")
				}
				if n == "Name" && x.Name != v {
					// The distinguished name follows the new relative name.
					if _, rest, ok := strings.Cut(x.DistinguishedName, ","); ok {
						x.DistinguishedName = "CN=" + demo.EscapeDN(v) + "," + rest
					}
				}
				*ptr(x) = v
				return nil
			})
		}
	}
	for _, n := range setMailboxBools {
		if !c.Bound(n) {
			continue
		}
		v := *s.bools[n]
		now := c.Clock.Now().UTC()
		admin := c.Services().Identity
		if admin == "" {
			admin = demo.AdminUPN
		}
		add(func(x *store.Recipient) error {
			switch n {
			case "AuditEnabled":
				x.AuditEnabled = v
			case "DeliverToMailboxAndForward":
				x.DeliverToMailboxAndForward = v
			case "HiddenFromAddressListsEnabled":
				x.HiddenFromAddressListsEnabled = v
			case "SingleItemRecoveryEnabled":
				x.SingleItemRecoveryEnabled = v
			case "UseDatabaseQuotaDefaults":
				x.UseDatabaseQuotaDefaults = v
			case "LitigationHoldEnabled":
				if v && !x.LitigationHoldEnabled {
					x.LitigationHoldDate, x.LitigationHoldOwner = now, admin
				}
				if !v {
					x.LitigationHoldDate, x.LitigationHoldOwner = time.Time{}, ""
				}
				x.LitigationHoldEnabled = v
			}
			return nil
		})
	}
	for _, n := range setMailboxSizes {
		if !c.Bound(n) {
			continue
		}
		v := (*s.sizes[n]).(store.Size)
		add(func(x *store.Recipient) error { *sizeField(n, x) = v; return nil })
	}
	for _, n := range setMailboxDurations {
		if !c.Bound(n) {
			continue
		}
		v := (*s.durs[n]).(time.Duration)
		add(func(x *store.Recipient) error {
			if n == "AuditLogAgeLimit" {
				x.AuditLogAgeLimit = v
			} else {
				x.RetainDeletedItemsFor = v
			}
			return nil
		})
	}
	if c.Bound("RecipientLimits") {
		n, err := parseLimit(s.Limits)
		if err != nil {
			return nil, err
		}
		add(func(x *store.Recipient) error { x.RecipientLimits = n; return nil })
	}
	if c.Bound("Type") {
		rtd := map[string]string{"regular": "UserMailbox", "room": "RoomMailbox", "equipment": "EquipmentMailbox",
			"shared": "SharedMailbox", "workspace": "RoomMailbox", "desk": "RoomMailbox"}[strings.ToLower(s.Type)]
		add(func(x *store.Recipient) error { x.RecipientTypeDetails = rtd; return nil })
	}
	if c.Bound("ForwardingAddress") {
		var id store.ID
		if s.Forward.text != "" || !s.Forward.id.IsZero() {
			f, err := s.t.resolve(c, s.Forward)
			if err != nil {
				return nil, err
			}
			id = f.Guid
		}
		add(func(x *store.Recipient) error { x.ForwardingAddress = id; return nil })
	}
	if c.Bound("GrantSendOnBehalfTo") {
		f, err := s.grantSendOnBehalf(c, *s.mvs["GrantSendOnBehalfTo"])
		if err != nil {
			return nil, err
		}
		add(f)
	}
	if c.Bound("EmailAddresses") {
		e := *s.mvs["EmailAddresses"]
		add(func(x *store.Recipient) error { return editAddresses(x, e) })
	}
	for _, n := range auditParams {
		if !c.Bound(n) {
			continue
		}
		logon := strings.TrimPrefix(n, "Audit")
		e := *s.mvs[n]
		if err := checkAudit(logon, append(e.replace, e.add...)); err != nil {
			return nil, err
		}
		add(func(x *store.Recipient) error {
			list := auditField(logon, x)
			*list = normalizeAudit(e.apply(*list, strings.EqualFold))
			x.DefaultAuditSet = dropFromAuditSet(x.DefaultAuditSet, logon)
			return nil
		})
	}
	if c.Bound("MailTip") {
		tip := s.MailTip
		add(func(x *store.Recipient) error { setMailTip(x, tip); return nil })
	}
	if c.Bound("MailTipTranslations") {
		e := s.Translations
		add(func(x *store.Recipient) error { editMailTipTranslations(x, e); return nil })
	}
	if c.Bound("Password") && s.Password != nil {
		// Only the time of the reset is kept; the SecureString goes no further.
		now := c.Clock.Now().UTC()
		add(func(x *store.Recipient) error { x.PasswordLastSet = now; return nil })
	}
	if c.Bound("DefaultAuditSet") {
		types, version := s.AuditSet, s.t.t.AuditDefaults
		add(func(x *store.Recipient) error {
			restoreAuditSet(version, types, &x.DefaultAuditSet, &x.AuditAdmin, &x.AuditDelegate, &x.AuditOwner)
			return nil
		})
	}
	return func(x *store.Recipient) error {
		for _, f := range steps {
			if err := f(x); err != nil {
				return err
			}
		}
		return nil
	}, nil
}

// grantSendOnBehalf resolves the delegates named by the edit and returns the change.
func (s *setMailbox) grantSendOnBehalf(c *shell.Context, e mvEdit) (func(x *store.Recipient) error, error) {
	ids := map[string]store.ID{}
	for _, name := range e.all() {
		r, err := s.t.resolve(c, identityArg{text: name, set: true})
		if err != nil {
			return nil, err
		}
		ids[strings.ToLower(name)] = r.Guid
	}
	conv := func(list []string) []string {
		out := make([]string, len(list))
		for i, n := range list {
			out[i] = ids[strings.ToLower(n)].String()
		}
		return out
	}
	resolved := mvEdit{replace: conv(e.replace), add: conv(e.add), remove: conv(e.remove), edit: e.edit, clear: e.clear}
	return func(x *store.Recipient) error {
		cur := make([]string, len(x.GrantSendOnBehalfTo))
		for i, id := range x.GrantSendOnBehalfTo {
			cur[i] = id.String()
		}
		next := resolved.apply(cur, strings.EqualFold)
		x.GrantSendOnBehalfTo = nil
		for _, s := range next {
			id, err := store.ParseID(s)
			if err != nil {
				return err
			}
			x.GrantSendOnBehalfTo = append(x.GrantSendOnBehalfTo, id)
		}
		return nil
	}, nil
}

// editAddresses applies an EmailAddresses change. An "SMTP:" entry becomes the primary
// address (the old primary stays as a secondary); entries without a prefix are SMTP
// secondaries.
func editAddresses(x *store.Recipient, e mvEdit) error {
	norm := func(list []string) []string {
		out := make([]string, len(list))
		for i, a := range list {
			if !strings.Contains(a, ":") {
				a = "smtp:" + a
			}
			out[i] = a
		}
		return out
	}
	sameAddr := func(a, b string) bool {
		pa, aa, _ := strings.Cut(a, ":")
		pb, ab, _ := strings.Cut(b, ":")
		return strings.EqualFold(pa, pb) && strings.EqualFold(aa, ab)
	}
	e.replace, e.add, e.remove = norm(e.replace), norm(e.add), norm(e.remove)
	next := e.apply(x.EmailAddresses, sameAddr)
	primary := ""
	for _, a := range next {
		if strings.HasPrefix(a, "SMTP:") {
			primary = a[5:]
		}
	}
	if primary == "" {
		primary = x.PrimarySmtpAddress
		if !containsBy(next, "smtp:"+primary, sameAddr) {
			return exoError(excValidation, "The primary SMTP address \""+primary+"\" can't be removed. Set another primary address first.", primary)
		}
	}
	// Exactly one primary: the newest "SMTP:" wins and the others are demoted.
	var out []string
	for _, a := range next {
		p, addr, _ := strings.Cut(a, ":")
		if strings.EqualFold(p, "smtp") {
			if strings.EqualFold(addr, primary) {
				a = "SMTP:" + addr
			} else {
				a = "smtp:" + addr
			}
		}
		if !containsBy(out, a, sameAddr) {
			out = append(out, a)
		}
	}
	x.EmailAddresses = out
	x.PrimarySmtpAddress = primary
	x.WindowsEmailAddress = primary
	return nil
}

// parseLimit reads RecipientLimits: a number or Unlimited.
func parseLimit(v value.Value) (int64, error) {
	s := strings.TrimSpace(value.ToString(v))
	if strings.EqualFold(s, "unlimited") {
		return -1, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 1 || n > 1000 {
		return 0, exoError(excArgument, "The value \""+s+"\" isn't valid for RecipientLimits. Valid values are Unlimited or a number from 1 to 1000.", s)
	}
	return n, nil
}

// stringField returns the accessor of a string property of a recipient.
func stringField(n string) func(x *store.Recipient) *string {
	if strings.HasPrefix(n, "CustomAttribute") {
		i, _ := strconv.Atoi(strings.TrimPrefix(n, "CustomAttribute"))
		return func(x *store.Recipient) *string { return &x.CustomAttributes[i-1] }
	}
	switch n {
	case "Alias":
		return func(x *store.Recipient) *string { return &x.Alias }
	case "DisplayName":
		return func(x *store.Recipient) *string { return &x.DisplayName }
	case "Name":
		return func(x *store.Recipient) *string { return &x.Name }
	case "Office":
		return func(x *store.Recipient) *string { return &x.Office }
	case "ForwardingSmtpAddress":
		return func(x *store.Recipient) *string { return &x.ForwardingSmtpAddress }
	case "LitigationHoldOwner":
		return func(x *store.Recipient) *string { return &x.LitigationHoldOwner }
	case "RetentionPolicy":
		return func(x *store.Recipient) *string { return &x.RetentionPolicy }
	case "RoleAssignmentPolicy":
		return func(x *store.Recipient) *string { return &x.RoleAssignmentPolicy }
	case "SharingPolicy":
		return func(x *store.Recipient) *string { return &x.SharingPolicy }
	case "WindowsEmailAddress":
		return func(x *store.Recipient) *string { return &x.WindowsEmailAddress }
	}
	return nil
}

// sizeField returns the size property of a recipient.
func sizeField(n string, x *store.Recipient) *store.Size {
	switch n {
	case "IssueWarningQuota":
		return &x.IssueWarningQuota
	case "ProhibitSendQuota":
		return &x.ProhibitSendQuota
	case "ProhibitSendReceiveQuota":
		return &x.ProhibitSendReceiveQuota
	case "RecoverableItemsQuota":
		return &x.RecoverableItemsQuota
	case "RecoverableItemsWarningQuota":
		return &x.RecoverableItemsWarningQuota
	case "CalendarLoggingQuota":
		return &x.CalendarLoggingQuota
	case "ArchiveQuota":
		return &x.ArchiveQuota
	case "ArchiveWarningQuota":
		return &x.ArchiveWarningQuota
	case "RulesQuota":
		return &x.RulesQuota
	case "MaxSendSize":
		return &x.MaxSendSize
	}
	return &x.MaxReceiveSize
}

// auditField returns the action list of a logon type.
func auditField(logon string, x *store.Recipient) *[]string {
	switch logon {
	case "Admin":
		return &x.AuditAdmin
	case "Delegate":
		return &x.AuditDelegate
	}
	return &x.AuditOwner
}
