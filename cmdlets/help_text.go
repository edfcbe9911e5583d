package cmdlets

// helpEntry is the written part of a cmdlet's help: the parameter facts (syntax, types,
// positions, pipeline input) come from the cmdlet's own table, so they cannot drift.
type helpEntry struct {
	Description string
	Examples    []helpExample
}

// helpExample is one EXAMPLES entry. Code must run as shown in a fresh demo tenant (a
// test runs every one).
type helpExample struct {
	Title   string
	Code    string
	Remarks string
}

// cmdletHelp holds exosh's help text, keyed by cmdlet name in lower case.
var cmdletHelp = map[string]helpEntry{
	"get-mailbox": {
		Description: "Lists the mailboxes of the tenant with their settings. Without -Identity it returns every mailbox, up to -ResultSize (1000 unless given). -Identity accepts any of a mailbox's identities: name, alias, email address, user principal name or GUID.",
		Examples: []helpExample{
			{Title: "Show one mailbox", Code: "Get-Mailbox -Identity 'Megan Bowen'", Remarks: "Looks the mailbox up by its name and shows the default table."},
			{Title: "List the shared mailboxes", Code: "Get-Mailbox -RecipientTypeDetails SharedMailbox -ResultSize Unlimited", Remarks: "Only shared mailboxes, however many there are."},
			{Title: "Find mailboxes that keep deleted items longer", Code: "Get-Mailbox -ResultSize Unlimited | Where-Object RetainDeletedItemsFor -ne '14.00:00:00' | Select-Object Name, RetainDeletedItemsFor", Remarks: "Filters on a property after retrieval."},
		},
	},
	"get-mailboxpermission": {
		Description: "Shows who holds which rights on a mailbox: the owner's own entry (NT AUTHORITY\\SELF) and every delegate added with Add-MailboxPermission.",
		Examples: []helpExample{
			{Title: "List the permissions on a mailbox", Code: "Get-MailboxPermission -Identity 'Megan Bowen'", Remarks: "Includes the owner's own entry."},
			{Title: "Show only delegates with full access", Code: "Get-MailboxPermission -Identity 'HR Project' | Where-Object { $_.AccessRights -contains 'FullAccess' -and -not $_.IsInherited -and $_.User -ne 'NT AUTHORITY\\SELF' }", Remarks: "Drops inherited entries and the owner."},
		},
	},
	"add-mailboxpermission": {
		Description: "Grants a user rights on another mailbox, most often FullAccess so that the delegate can open it. -AutoMapping decides whether Outlook adds the mailbox to the delegate's profile.",
		Examples: []helpExample{
			{Title: "Give a delegate full access", Code: "Add-MailboxPermission -Identity 'Megan Bowen' -User 'Alex Wilber' -AccessRights FullAccess -InheritanceType All", Remarks: "Alex Wilber can now open Megan Bowen's mailbox; the new entry is shown."},
		},
	},
	"get-recipient": {
		Description: "Lists every kind of recipient in one place: mailboxes, mail users, contacts and groups.",
		Examples: []helpExample{
			{Title: "Count the recipients by type", Code: "Get-Recipient -ResultSize Unlimited | Group-Object RecipientTypeDetails | Select-Object Name, Count", Remarks: "One row per recipient type."},
		},
	},
	"search-mailboxauditlog": {
		Description: "Searches the mailbox audit log of one or more mailboxes for the actions of owners, delegates and administrators. -ShowDetails returns one record per action with the folder and item it touched.",
		Examples: []helpExample{
			{Title: "Find access by anyone other than the owner", Code: "Invoke-SimMailboxAction -Identity 'HR Project' -User DiegoS@contoso.onmicrosoft.com -Action UpdateInboxRules -Date (Get-Date).AddHours(-1)\nSearch-MailboxAuditLog -Identity 'HR Project' -LogonTypes Admin,Delegate -StartDate (Get-Date).AddDays(-10) -EndDate (Get-Date) -ShowDetails | Select-Object Operation, LogonType, LogonUserDisplayName", Remarks: "Invoke-SimMailboxAction (exosh only) records a delegate changing the inbox rules of the shared mailbox an hour ago; the search then lists the delegate and admin actions of the last ten days."},
		},
	},
	"get-auditlogsearch": {
		Description: "Lists the audit log searches still pending: those New-MailboxAuditLogSearch started whose results have not been mailed yet. A search leaves the list once its message with SearchResult.xml arrives (15 minutes on the tenant clock in exosh). -Type Mailbox or Admin picks one kind; -CreatedAfter and -CreatedBefore pick by creation time.",
		Examples: []helpExample{
			{Title: "Start a search and see it pending", Code: "New-MailboxAuditLogSearch -Name 'Delegate access' -LogonTypes Delegate -StartDate (Get-Date).AddDays(-7) -EndDate (Get-Date) -StatusMailRecipients admin@contoso.onmicrosoft.com | Out-Null\nGet-AuditLogSearch -Type Mailbox | Format-Table Name, CreationTime, QueryComplexity", Remarks: "The search is listed until its results are mailed to the recipients."},
		},
	},
	"get-messagetrace": {
		Description: "Traces messages that went through the tenant in the last ten days, by sender, recipient, date range or status.",
		Examples: []helpExample{
			{Title: "Trace the mail of the last two days", Code: "Get-MessageTrace -StartDate (Get-Date).AddDays(-2) -EndDate (Get-Date) | Select-Object -First 5", Remarks: "Newest messages first."},
		},
	},
	"get-mailfilterlistreport": {
		Description: "Lists the values the reporting cmdlets accept for their filters, grouped by -SelectionTarget: Actions (the -Action values of Get-MessageTraceDetail and the traffic reports), EventTypes, Domain (the accepted domains), and the tenant's DLP policies, DLP rules, on-premises connectors and mail flow rules. Without -SelectionTarget every group is listed.",
		Examples: []helpExample{
			{Title: "List the action values", Code: "Get-MailFilterListReport -SelectionTarget Actions | Format-Table SelectionTarget, Value", Remarks: "Each value can be passed to Get-MessageTraceDetail -Action."},
		},
	},
	"set-simclock": {
		Description: "Moves the tenant's virtual clock, which every cmdlet reads: pin it at a date, advance it by a span, or let it follow the real time again. The setting is kept with the tenant.",
		Examples: []helpExample{
			{Title: "Pin the clock, then move it on", Code: "Set-SimClock -Date '2026-03-02T09:00:00Z'\nSet-SimClock -Advance '01:30:00'\n(Get-SimClock).Now.ToString('u')", Remarks: "Prints 2026-03-02 10:30:00Z."},
			{Title: "Follow the real time again", Code: "Set-SimClock -Real", Remarks: ""},
		},
	},
	"save-simsnapshot": {
		Description: "Saves the whole tenant under a name so that Restore-SimSnapshot can bring it back after an experiment.",
		Examples: []helpExample{
			{Title: "Try a change and undo it", Code: "Save-SimSnapshot -Name before\nRemove-Mailbox -Identity 'Alex Wilber' -Confirm:$false\nRestore-SimSnapshot -Name before -Confirm:$false\n(Get-Mailbox -Identity 'Alex Wilber').DisplayName", Remarks: "The removed mailbox is back."},
		},
	},
	"new-simmailbox": {
		Description: "Creates many user mailboxes at once, numbered after a prefix, to try commands on a tenant of realistic size.",
		Examples: []helpExample{
			{Title: "Add a hundred mailboxes", Code: "New-SimMailbox -Count 100 -Prefix lab -Department Lab\n(Get-Mailbox -ResultSize Unlimited | Where-Object Department -eq 'Lab').Count", Remarks: "Prints 100."},
		},
	},
	"get-simauditdefaults": {
		Description: "Shows which mailbox actions are audited by default for each logon type: Exchange Online's defaults today (-Version Current) or those of Office 365 in 2011 (-Version 2011), when the non-owner mailbox access report was documented. The 2011 table has no owner column: nothing an owner did was logged by default then. Without -Version it shows the tenant's setting (Set-SimAuditDefaults).",
		Examples: []helpExample{
			{Title: "Show the 2011 defaults", Code: "Get-SimAuditDefaults -Version 2011", Remarks: "One row per action of the 2011 table, with the administrator and delegate columns."},
			{Title: "List the actions audited for delegates today", Code: "Get-SimAuditDefaults -Version Current | Where-Object Delegate | ForEach-Object Action", Remarks: ""},
		},
	},
	"set-simauditdefaults": {
		Description: "Chooses the mailbox audit defaults of the tenant: the lists new mailboxes get and that Set-Mailbox -DefaultAuditSet restores. -ApplyToExisting also gives every mailbox the lists of the chosen version for the logon types still in its DefaultAuditSet; lists an admin customised stay as they are. The setting is kept with the tenant and its snapshots.",
		Examples: []helpExample{
			{Title: "Rehearse the 2011 non-owner mailbox access report", Code: "Set-SimAuditDefaults -Version 2011 -ApplyToExisting\n(Get-Mailbox -Identity 'Megan Bowen').AuditDelegate -join ', '", Remarks: "Prints Update, SoftDelete, HardDelete, SendAs: a delegate's moves and folder binds are no longer logged."},
			{Title: "Go back to today's defaults", Code: "Set-SimAuditDefaults -Version Current -ApplyToExisting", Remarks: ""},
		},
	},
	"get-history": {
		Description: "Lists the commands entered at the prompt in this session, numbered from 1. Up and Down recall the commands of earlier sessions too; Get-History lists only this one's.",
		Examples: []helpExample{
			{Title: "Show the last five commands", Code: "Get-History -Count 5", Remarks: ""},
		},
	},
	"get-command": {
		Description: "Lists the commands exosh knows: cmdlets, aliases and the functions defined so far. -Verb, -Noun and -Name take wildcards.",
		Examples: []helpExample{
			{Title: "Find the permission cmdlets", Code: "Get-Command -Noun *Permission", Remarks: ""},
		},
	},
}

// aboutExosh is the about_exosh topic.
const aboutExosh = `
TOPIC
    about_exosh

SHORT DESCRIPTION
    exosh is PowerShell 7 connected to an emulated Exchange Online tenant.

LONG DESCRIPTION
    exosh behaves like a pwsh session after Connect-ExchangeOnline, except that the
    tenant lives on this computer. Commands copied from the Exchange Online
    documentation run as they are, against the demo tenant contoso.onmicrosoft.com
    with its mailboxes, permissions, audit records and ten days of mail.

  THE STATE DIRECTORY
    The tenant is kept in a state directory: -StateDir <path> on the command line,
    else $env:EXOSH_STATE_DIR, else a per-user data directory. -InMemory keeps it
    in memory and drops it when the shell ends. The history of commands entered at
    the prompt is kept in the same directory, so each tenant has its own.

  THE CLOCK
    Every cmdlet reads the tenant's virtual clock. Set-SimClock -Date pins it,
    Set-SimClock -Advance moves it, Set-SimClock -Real lets it follow the real
    time. While it is pinned, the prompt shows the pinned time.

  SNAPSHOTS
    Save-SimSnapshot saves the whole tenant under a name; Restore-SimSnapshot
    brings it back; Get-SimSnapshot and Remove-SimSnapshot manage the saved ones;
    Reset-SimTenant starts again from the demo tenant.

  SIM CMDLETS
    Cmdlets whose noun starts with Sim exist only in exosh. They seed data
    (New-SimMailbox, Send-SimMessage, Start-SimMailFlow, Invoke-SimMailboxAction),
    control the emulation (Set-SimThrottling, Update-SimAccess,
    Set-SimAuditDefaults) and report (Get-SimNonOwnerAccessReport).
    Get-Command -Noun Sim* lists them all.

  AT THE PROMPT
    Tab completes command names, parameter names, parameter values with a fixed
    set, mailbox identities and file paths; pressing Tab again moves to the next
    candidate. Up and Down walk the history, Ctrl+R searches it, Ctrl+C stops the
    running command and Ctrl+D or exit leaves the shell.

SEE ALSO
    Get-Help, Get-Command, Set-SimClock, Save-SimSnapshot
`
