package cmdlets

import (
	"errors"
	"fmt"
	"github.com/exosh/exosh/cmdlets/mailflow"
	"strings"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/value"
	"github.com/exosh/exosh/store"
	"github.com/exosh/exosh/store/demo"
)

// tenant is what an Exchange cmdlet works on: the store and the tenant settings, read once
// per cmdlet invocation. A store that holds no tenant yet (a fresh state directory) gets
// the demo tenant first.
type tenant struct {
	st store.Store
	t  store.Tenant
}

// openTenant returns the session's tenant, seeding the demo tenant into an empty store.
func openTenant(c *shell.Context) (*tenant, error) {
	if c.Store == nil {
		return nil, &shell.ErrorRecord{
			Message:   "Cannot process the command because this session has no tenant store.",
			Category:  "ResourceUnavailable",
			Exception: "System.InvalidOperationException",
		}
	}
	if _, err := demo.Ensure(c.Ctx, c.Store); err != nil {
		return nil, stateError(err)
	}
	t, err := c.Store.Tenant(c.Ctx)
	if err != nil {
		return nil, stateError(err)
	}
	if t.HistoryPending {
		if err := seedDemoHistory(c, &t); err != nil {
			return nil, stateError(err)
		}
	}
	return &tenant{st: c.Store, t: t}, nil
}

// openTenantOnce opens the tenant on the first record a cmdlet processes and keeps it in
// *t for the rest of the pipeline.
func openTenantOnce(c *shell.Context, t **tenant) error {
	if *t != nil {
		return nil
	}
	opened, err := openTenant(c)
	if err != nil {
		return err
	}
	*t = opened
	return nil
}

// seedDemoHistory generates the ten days of mail traffic a fresh demo tenant ships with,
// ending at the session's now, and clears the tenant's pending mark.
func seedDemoHistory(c *shell.Context, t *store.Tenant) error {
	if err := mailflow.SeedHistory(c.Ctx, c.Store, c.Clock.Now()); err != nil {
		return err
	}
	nt, err := c.Store.UpdateTenant(c.Ctx, func(t *store.Tenant) error {
		t.HistoryPending = false
		return nil
	})
	if err == nil {
		*t = nt
	}
	return err
}

// stateError words a failure to reach the tenant state. A state directory that another
// exosh process kept past the wait gets a message saying what to do.
func stateError(err error) error {
	if errors.Is(err, store.ErrLocked) {
		return &shell.ErrorRecord{
			Message: "Cannot process the command because the " + err.Error() +
				". Wait for the command running there to finish, then try again.",
			Category:  "ResourceBusy",
			ErrorID:   "StateLocked",
			Exception: "System.IO.IOException",
		}
	}
	return err
}

// server is the directory server named in not-found errors.
func (t *tenant) server() string {
	if t.t.Server != "" {
		return t.t.Server
	}
	return demo.Server
}

// Exception types of Exchange errors.
const (
	excNotFound   = "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException"
	excAmbiguous  = "Microsoft.Exchange.Configuration.Tasks.ManagementObjectAmbiguousException"
	excValidation = "Microsoft.Exchange.Data.DataValidationException"
	excProxyInUse = "Microsoft.Exchange.Data.Directory.ProxyAddressExistsException"
	excNameInUse  = "Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException"
	excArgument   = "System.ArgumentException"
)

// exoError is an Exchange Online error as the V3 module shows it in pwsh 7:
// "|<exception type>|<message>" after the command name.
func exoError(exception, msg string, target value.Value) *shell.ErrorRecord {
	return &shell.ErrorRecord{
		Message:      "|" + exception + "|" + msg,
		Category:     "NotSpecified",
		ErrorID:      shortExceptionName(exception),
		Exception:    exception,
		TargetObject: target,
	}
}

// nameTooLong is the validation error of a name longer than Exchange's 64 characters, or
// nil; target is the value as the admin gave it.
func nameTooLong(name string, target value.Value) *shell.ErrorRecord {
	if len(name) <= 64 {
		return nil
	}
	return exoError(excValidation, fmt.Sprintf("The length of the property is too long. The maximum length is 64 and the length of the value provided is %d.", len(name)), target)
}

func shortExceptionName(exc string) string {
	if i := strings.LastIndexByte(exc, '.'); i >= 0 {
		return exc[i+1:]
	}
	return exc
}

// notFoundError is Exchange's "couldn't be found" error for an identity as typed.
func (t *tenant) notFoundError(identity string) *shell.ErrorRecord {
	return exoError(excNotFound, fmt.Sprintf("The operation couldn't be performed because object '%s' couldn't be found on '%s'.",
		identity, t.server()), identity)
}

// ambiguousError is Exchange's error for an identity matching several objects.
func ambiguousError(identity string) *shell.ErrorRecord {
	return exoError(excAmbiguous, fmt.Sprintf("The operation couldn't be performed because '%s' matches multiple entries.", identity), identity)
}

// identityError turns a store lookup failure into Exchange's error.
func (t *tenant) identityError(identity string, err error) error {
	switch {
	case errors.Is(err, store.ErrNotFound), errors.Is(err, store.ErrInvalid):
		return t.notFoundError(identity)
	case errors.Is(err, store.ErrAmbiguous):
		return ambiguousError(identity)
	}
	return err
}

// conflictError words a store uniqueness conflict as Exchange does.
func (t *tenant) conflictError(c *shell.Context, err error, target value.Value) error {
	var ce *store.ConflictError
	if !errors.As(err, &ce) {
		return err
	}
	owner := ce.Owner.String()
	if r, e := t.st.RecipientByID(c.Ctx, ce.Owner); e == nil {
		owner = r.Name
	}
	switch ce.Property {
	case "Name", "DistinguishedName", "Guid":
		// Object ids derive from the name, so a taken Guid is a taken name.
		name := ce.Value
		if ce.Property != "Name" {
			name = value.ToString(target)
		}
		return exoError(excNameInUse, fmt.Sprintf("The name \"%s\" is already being used. Please try another name.", name), target)
	case "EmailAddresses", "PrimarySmtpAddress", "WindowsEmailAddress", "X500":
		return exoError(excProxyInUse, fmt.Sprintf("The proxy address \"SMTP:%s\" is already being used by the proxy addresses or LegacyExchangeDN of \"%s\". Please choose another proxy address.", ce.Value, owner), target)
	case "Alias":
		return exoError(excProxyInUse, fmt.Sprintf("The alias \"%s\" is already being used by \"%s\". Please choose another alias.", ce.Value, owner), target)
	case "UserPrincipalName":
		return exoError(excNameInUse, fmt.Sprintf("The user principal name \"%s\" is already being used by \"%s\". Please choose another.", ce.Value, owner), target)
	}
	return exoError(excNameInUse, fmt.Sprintf("The value \"%s\" of property %s is already being used by \"%s\".", ce.Value, ce.Property, owner), target)
}

// identityArg is a bound identity: the text as typed (for messages) and, when an
// Exchange object was passed (Get-Mailbox | Set-Mailbox), its Guid.
type identityArg struct {
	text string
	id   store.ID
	set  bool
}

// identityBinder binds an Identity-like parameter.
func identityBinder(dst *identityArg, typeName string) shell.Binder {
	return shell.Custom(typeName, func(v value.Value) error {
		*dst = identityArg{set: true}
		if v == nil {
			return nil
		}
		if l, ok := v.([]value.Value); ok {
			if len(l) != 1 {
				return fmt.Errorf("Cannot convert 'System.Object[]' to the type '%s' required by parameter 'Identity'. Specified method is not supported.", typeName)
			}
			v = l[0]
		}
		if o, ok := v.(*value.Object); ok {
			if g, ok := o.Get("Guid"); ok {
				if id, err := store.ParseID(value.ToString(g)); err == nil {
					dst.id = id
				}
			}
			if n, ok := o.Get("Identity"); ok && n != nil {
				dst.text = value.ToString(n)
				return nil
			}
		}
		dst.text = value.ToString(v)
		return nil
	})
}

// resolve finds exactly one active recipient of the given classes.
func (t *tenant) resolve(c *shell.Context, a identityArg, classes ...store.Class) (store.Recipient, error) {
	if !a.id.IsZero() {
		r, err := t.st.RecipientByID(c.Ctx, a.id)
		if err == nil && !r.SoftDeleted() && classIn(r, classes) {
			return r, nil
		}
	}
	r, err := t.st.Recipient(c.Ctx, a.text, classes...)
	if err != nil {
		return r, t.identityError(a.text, err)
	}
	return r, nil
}

// resolveDeleted finds exactly one soft-deleted recipient (inactive ones only when
// inactive is set).
func (t *tenant) resolveDeleted(c *shell.Context, a identityArg, inactive bool) (store.Recipient, error) {
	if !a.id.IsZero() {
		r, err := t.st.RecipientByID(c.Ctx, a.id)
		if err == nil && r.SoftDeleted() && (!inactive || r.IsInactiveMailbox) {
			return r, nil
		}
	}
	rs, _, err := t.st.FindRecipients(c.Ctx, store.RecipientQuery{Classes: []store.Class{store.ClassMailbox},
		SoftDeleted: true, Identity: a.text, Limit: 2})
	if err != nil {
		return store.Recipient{}, t.identityError(a.text, err)
	}
	var hits []store.Recipient
	for _, r := range rs {
		if !inactive || r.IsInactiveMailbox {
			hits = append(hits, r)
		}
	}
	switch len(hits) {
	case 0:
		return store.Recipient{}, t.notFoundError(a.text)
	case 1:
		return hits[0], nil
	}
	return store.Recipient{}, ambiguousError(a.text)
}

func classIn(r store.Recipient, classes []store.Class) bool {
	if len(classes) == 0 {
		return true
	}
	c, _ := store.ClassOf(r.RecipientTypeDetails)
	for _, x := range classes {
		if x == c {
			return true
		}
	}
	return false
}

// nameOf returns the Name of the recipient with the given id, or the id's text.
func (t *tenant) nameOf(c *shell.Context, id store.ID) string {
	r, err := t.st.RecipientByID(c.Ctx, id)
	if err != nil {
		return id.String()
	}
	return r.Name
}
