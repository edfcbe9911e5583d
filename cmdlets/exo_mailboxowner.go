package cmdlets

import (
	"strings"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/value"
	"github.com/exosh/exosh/store"
)

// The owner of a mailbox object: Add-MailboxPermission -Owner sets it, Get-MailboxPermission
// -Owner shows it. The Add-MailboxPermission reference says the Owner parameter takes
// mailbox users, mail users and security groups.

// defaultMailboxOwner is the owner Get-MailboxPermission -Owner shows until one is set:
// "The default mailbox owner is NT AUTHORITY\SELF" (Add-MailboxPermission reference,
// parameter Owner).
const defaultMailboxOwner = selfAccount

// ownerClasses are the recipients that can own a mailbox: users (mailbox users and mail
// users) and security groups.
var ownerClasses = []store.Class{store.ClassMailbox, store.ClassMailUser, store.ClassGroup}

// mailboxOwnerObject is the Get-MailboxPermission -Owner object of mb.
func mailboxOwnerObject(c *shell.Context, t *tenant, mb *store.Recipient) *value.Object {
	owner := defaultMailboxOwner
	if !mb.MailboxOwner.IsZero() {
		owner = t.trusteeText(c, store.Trustee{ID: mb.MailboxOwner})
	}
	return value.NewObject(typeMailboxPermission+"#Owner",
		value.Property{Name: "Identity", Value: identityText(mb)},
		value.Property{Name: "Owner", Value: owner},
	)
}

// setMailboxOwner makes the principal named by owner the owner of mb. Like Exchange's
// other Set-style changes it prints nothing on success.
func setMailboxOwner(c *shell.Context, t *tenant, mb *store.Recipient, owner identityArg) error {
	var o store.Recipient // NT AUTHORITY\SELF, the default owner, is the zero id
	if !strings.EqualFold(owner.text, selfAccount) {
		var err error
		if o, err = t.resolve(c, owner, ownerClasses...); err != nil {
			c.WriteError(err)
			return nil
		}
	}
	if cl, _ := store.ClassOf(o.RecipientTypeDetails); cl == store.ClassGroup &&
		!strings.EqualFold(o.RecipientTypeDetails, "MailUniversalSecurityGroup") {
		// A distribution group is no security principal, so the owner parameter does
		// not find it.
		c.WriteError(t.notFoundError(owner.text))
		return nil
	}
	if !c.ShouldProcess(identityText(mb), "Add-MailboxPermission") {
		return nil
	}
	now := c.Clock.Now().UTC()
	_, _, err := t.st.UpdateRecipient(c.Ctx, mb.Guid, func(x *store.Recipient) error {
		if x.MailboxOwner != o.Guid {
			x.MailboxOwner = o.Guid
			x.WhenChanged = now
		}
		return nil
	})
	return err
}

// errNoPermissionSet is Add-MailboxPermission's binding error when neither parameter set's
// mandatory parameters were given: pwsh names those of the default set, AccessRights.
func errNoPermissionSet() error {
	return &shell.ErrorRecord{
		Message:   "Cannot process command because of one or more missing mandatory parameters: User AccessRights.",
		Category:  "InvalidArgument",
		ErrorID:   "MissingMandatoryParameter",
		Exception: "System.Management.Automation.ParameterBindingException",
	}
}
