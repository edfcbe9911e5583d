# A typical admin report, written the way Exchange admins write them: build rows with
# [pscustomobject], sort and format them, export to CSV and read the file back.
# Runs on any tenant: the data is inline, so the output never changes.

$mailboxes = @(
    @{ Name = 'Florence Flipo'; Department = 'Finance'; UsedGB = 41.5; QuotaGB = 50; AuditEnabled = $true }
    @{ Name = 'John Smith'; Department = 'Sales'; UsedGB = 12.25; QuotaGB = 50; AuditEnabled = $false }
    @{ Name = 'Kim Akers'; Department = 'Finance'; UsedGB = 48.9; QuotaGB = 50; AuditEnabled = $true }
    @{ Name = 'David Pelton'; Department = 'IT'; UsedGB = 3; QuotaGB = 100; AuditEnabled = $false }
    @{ Name = 'Ann Beebe'; Department = 'Sales'; UsedGB = 27.75; QuotaGB = 50; AuditEnabled = $true }
)

$report = foreach ($m in $mailboxes) {
    $percent = [math]::Round($m.UsedGB / $m.QuotaGB * 100, 1)
    [pscustomobject]@{
        Name       = $m.Name
        Department = $m.Department
        UsedGB     = $m.UsedGB
        PercentUsed = $percent
        Status     = if ($percent -ge 90) { 'Critical' } elseif ($percent -ge 75) { 'Warning' } else { 'OK' }
    }
}

Write-Host "Mailboxes checked: $($report.Count)"
$report | Sort-Object PercentUsed -Descending | Format-Table Name, Department, PercentUsed, Status

# Group by department and summarise.
$report | Group-Object Department | ForEach-Object {
    $sum = ($_.Group | Measure-Object -Property UsedGB -Sum).Sum
    '{0,-8} {1} mailbox(es), {2:N2} GB used' -f $_.Name, $_.Count, $sum
}

# Mailboxes without auditing, the documented way to find them.
$notAudited = $mailboxes | Where-Object { -not $_.AuditEnabled } | ForEach-Object { $_.Name }
"Auditing off: $($notAudited -join ', ')"

# Round-trip through CSV.
$path = Join-Path ([System.IO.Path]::GetTempPath()) 'exosh-admin-report.csv'
$report | Export-Csv -Path $path -NoTypeInformation
$back = Import-Csv -Path $path
"Rows read back: $($back.Count); first: $($back[0].Name) ($($back[0].Status))"
$critical = @($back | Where-Object Status -eq 'Critical')
if ($critical.Count -gt 0) {
    Write-Warning "$($critical.Count) mailbox(es) are nearly full: $($critical.Name -join ', ')"
}
Remove-Item $path
