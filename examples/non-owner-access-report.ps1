# The non-owner mailbox access report: who opened a mailbox they don't own, when, what they
# did to which item in which folder, and whether it worked. The Exchange admin center runs
# it under Compliance management > Auditing; this script runs the same report from the shell.
#
# 1. Turn on mailbox audit logging, the documented way: for one mailbox, then for every
#    user mailbox. (With auditing on by default for the organization, Exchange Online
#    already logs the default actions; the setting stays harmless.)
Set-Mailbox "Florence Flipo" -AuditEnabled $true
$UserMailboxes = Get-Mailbox -Filter {(RecipientTypeDetails -eq 'UserMailbox')} -ResultSize Unlimited
$UserMailboxes | ForEach {Set-Mailbox $_.Identity -AuditEnabled $true -WarningAction SilentlyContinue}
Get-OrganizationConfig | Format-List AuditDisabled
Get-Mailbox "Florence Flipo" | Format-List AuditEnabled, AuditLogAgeLimit, AuditAdmin, AuditDelegate

# 2. Give Florence's assistant access to her mailbox, as admins do.
Add-MailboxPermission "Florence Flipo" -User kima -AccessRights FullAccess -InheritanceType All | Out-Null
Add-RecipientPermission "Florence Flipo" -Trustee kima -AccessRights SendAs -Confirm:$false | Out-Null

# 3. A week of mailbox activity (emulator only): the owner's own work, her assistant's,
#    an administrator's and a Microsoft datacenter operator's.
$day = (Get-Date).Date.AddDays(-6)
foreach ($subject in 'Campaign launch plan', 'Budget review', 'Team offsite', 'Salary bands 2025') {
    Invoke-SimMailboxAction "Florence Flipo" -User florencef -Action Create -Subject $subject -Date $day.AddHours(8)
}
Invoke-SimMailboxAction "Florence Flipo" -User florencef -Action MailboxLogin -Date $day.AddHours(8)
Invoke-SimMailboxAction "Florence Flipo" -User kima -Action MailItemsAccessed -Subject 'Campaign launch plan' -Date $day.AddDays(1).AddHours(9)
Invoke-SimMailboxAction "Florence Flipo" -User kima -Action Update -Subject 'Team offsite' -Date $day.AddDays(1).AddHours(9.5)
Invoke-SimMailboxAction "Florence Flipo" -User kima -Action SendAs -Subject 'Re: Campaign launch plan' -Date $day.AddDays(2).AddHours(10)
Invoke-SimMailboxAction "Florence Flipo" -User kima -Action MoveToDeletedItems -Subject 'Budget review' -Date $day.AddDays(3).AddHours(16)
Invoke-SimMailboxAction "Florence Flipo" -User admin@contoso.onmicrosoft.com -Action HardDelete -Subject 'Salary bands 2025' -Date $day.AddDays(4).AddHours(11)
Invoke-SimMailboxAction "Florence Flipo" -User 'Microsoft Operator' -LogonType External -Action MailItemsAccessed -Folder Inbox -Date $day.AddDays(5).AddHours(3)

# 4. The report for each "search for access by" option, over the last week, for Florence.
$start = (Get-Date).Date.AddDays(-7)
$end = Get-Date
foreach ($logType in 'AllNonOwners', 'External', 'AdminsAndDelegates', 'Admins') {
    Write-Host "Non-owner mailbox access: $logType"
    Get-SimNonOwnerAccessReport -StartDate $start -EndDate $end -Mailbox "Florence Flipo" -LogType $logType |
        Format-Table Date, AccessedBy, Action, Item, Folder, Result
}

# 5. The same entries straight from the mailbox audit log.
Search-MailboxAuditLog "Florence Flipo" -LogonTypes Admin,Delegate -StartDate $start -EndDate $end
Search-MailboxAuditLog "Florence Flipo" -LogonTypes Admin,Delegate -ShowDetails -StartDate $start -EndDate $end |
    Select-Object LastAccessed, Operation, LogonUserDisplayName, ItemSubject, SourceItemSubjectsList, FolderPathName, DestFolderPathName |
    Format-List
