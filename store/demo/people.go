package demo

// The demo tenant's directory, as data. Each row is
// "type|name|alias|first|last|title|department|office|city"; the type is a
// RecipientTypeDetails value. Rows marked in comments are the objects the documented
// snippets name; the rest is a realistic population.
var directory = []string{
	// The tenant's administrator and the people, resources and groups the documented
	// Exchange Online examples use.
	"UserMailbox|MOD Administrator|admin|MOD|Administrator|IT Administrator|IT|Building 1|Redmond",
	"UserMailbox|Florence Flipo|florencef|Florence|Flipo|Marketing Manager|Marketing|Building 2|Redmond",
	"UserMailbox|John Woods|john|John|Woods|Account Executive|Sales|Building 3|Seattle",
	"UserMailbox|John Rodman|jrodman|John|Rodman|Support Engineer|Customer Service|Building 4|Dallas",
	"UserMailbox|Ken Kwok|kwok|Ken|Kwok|Financial Analyst|Finance|Building 1|Redmond",
	"UserMailbox|Ben Smith|bsmith|Ben|Smith|Accountant|Finance|Building 1|Redmond",
	"UserMailbox|April Stewart|aprils|April|Stewart|Compliance Officer|Legal|Building 5|Redmond",
	"UserMailbox|Robert Tran|robert|Robert|Tran|Sales Representative|Sales|Building 3|Seattle",
	"UserMailbox|Chris Green|chris|Chris|Green|IT Manager|IT|Building 1|Redmond",
	"UserMailbox|Ed Banti|ed|Ed|Banti|Research Scientist|Research|Building 6|Boston",
	"UserMailbox|Laura Norman|laura|Laura|Norman|Paralegal|Legal|Building 5|Redmond",
	"UserMailbox|Mark Steele|mark|Mark|Steele|Product Manager|Marketing|Building 2|Redmond",
	"UserMailbox|Asraf Rahman|asraf|Asraf|Rahman|Engineer|Research|Building 6|Boston",
	"UserMailbox|Valeria Barrios|valeria|Valeria|Barrios|Recruiter|Human Resources|Building 7|Redmond",
	"UserMailbox|Coy Damon|coyd|Coy|Damon|Operations Manager|Operations|Building 8|Dallas",
	"UserMailbox|Terry Adams|terrya|Terry|Adams|Vice President|Sales|Building 3|Seattle",
	"UserMailbox|Kevin Kelly|KevinKelly|Kevin|Kelly|Executive Assistant|Sales|Building 3|Seattle",
	"UserMailbox|Jeroen Cool|JeroenC|Jeroen|Cool|Director|Finance|Building 1|Redmond",
	"UserMailbox|Ellen Adams|ellena|Ellen|Adams|Chief Financial Officer|Finance|Building 1|Redmond",
	"UserMailbox|Yuuto Sasaki|yuutos|Yuuto|Sasaki|Customer Service Manager|Customer Service|Building 4|Dallas",
	"UserMailbox|Pedro Pizarro|pedrop|Pedro|Pizarro|Support Engineer|Customer Service|Building 4|Dallas",
	"UserMailbox|Tony Smith|tonys|Tony|Smith|Facilities Manager|Operations|Building 8|Dallas",
	"UserMailbox|Kim Akers|kima|Kim|Akers|Executive Assistant|Operations|Building 8|Dallas",
	"UserMailbox|Ayla Kol|ayla|Ayla|Kol|Support Engineer|Customer Service|Building 4|Dallas",
	"UserMailbox|Gabriela Laureano|gabrielal|Gabriela|Laureano|Auditor|Legal|Building 5|Redmond",
	"UserMailbox|Test1|test1|||||Building 1|Redmond",
	"UserMailbox|Test2|test2|||||Building 1|Redmond",
	"SharedMailbox|Help Desk|helpdesk||||IT|Building 1|Redmond",
	"SharedMailbox|HR Project|hrproject||||Human Resources|Building 7|Redmond",
	"SharedMailbox|Reception|reception||||Operations|Building 1|Redmond",
	"SharedMailbox|Front Desk|frontdesk||||Operations|Building 8|Dallas",
	"SharedMailbox|Team Discussion|teamdiscussion||||Marketing|Building 2|Redmond",
	"RoomMailbox|Room 222|Room222|||||Building 2|Redmond",
	"RoomMailbox|Conference Room 1|confroom1|||||Building 1|Redmond",
	"EquipmentMailbox|Projector 1|projector1|||||Building 1|Redmond",
	"GroupMailbox|Sales Team|salesteam||||Sales||",
	"User|Svc-MyApplication|svc-myapplication||Service|Service Account|IT||",
	"User|Svc-Backup|svc-backup||Service|Service Account|IT||",
	"MailUniversalDistributionGroup|Marketing Department|marketing||||Marketing||",
	"MailUniversalDistributionGroup|Auditors|auditors||||Legal||",
	"MailUniversalSecurityGroup|MarketingSG|MarketingSG||||Marketing||",
	"MailUniversalSecurityGroup|IT Admins|itadmins||||IT||",

	// The population.
	"UserMailbox|Adele Vance|AdeleV|Adele|Vance|Retail Manager|Retail|Building 9|Bellevue",
	"UserMailbox|Alex Wilber|AlexW|Alex|Wilber|Marketing Assistant|Marketing|Building 2|Redmond",
	"UserMailbox|Allan Deyoung|AllanD|Allan|Deyoung|Corporate Security Officer|Operations|Building 8|Dallas",
	"UserMailbox|Christie Cline|ChristieC|Christie|Cline|Buyer|Retail|Building 9|Bellevue",
	"UserMailbox|Debra Berger|DebraB|Debra|Berger|Administrative Assistant|Executive Management|Building 1|Redmond",
	"UserMailbox|Diego Siciliani|DiegoS|Diego|Siciliani|HR Manager|Human Resources|Building 7|Redmond",
	"UserMailbox|Emily Braun|EmilyB|Emily|Braun|Budget Analyst|Finance|Building 1|Redmond",
	"UserMailbox|Enrico Cattaneo|EnricoC|Enrico|Cattaneo|Attorney|Legal|Building 5|Redmond",
	"UserMailbox|Grady Archie|GradyA|Grady|Archie|Designer|Research|Building 6|Boston",
	"UserMailbox|Henrietta Mueller|HenriettaM|Henrietta|Mueller|Developer|Research|Building 6|Boston",
	"UserMailbox|Irvin Sayers|IrvinS|Irvin|Sayers|Director|Research|Building 6|Boston",
	"UserMailbox|Isaiah Langer|IsaiahL|Isaiah|Langer|Sales Representative|Sales|Building 3|Seattle",
	"UserMailbox|Johanna Lorenz|JohannaL|Johanna|Lorenz|Senior Engineer|Research|Building 6|Boston",
	"UserMailbox|Joni Sherman|JoniS|Joni|Sherman|Paralegal|Legal|Building 5|Redmond",
	"UserMailbox|Lee Gu|LeeG|Lee|Gu|Director|Manufacturing|Building 10|Dallas",
	"UserMailbox|Lidia Holloway|LidiaH|Lidia|Holloway|Product Manager|Research|Building 6|Boston",
	"UserMailbox|Lynne Robbins|LynneR|Lynne|Robbins|Planner|Retail|Building 9|Bellevue",
	"UserMailbox|Megan Bowen|MeganB|Megan|Bowen|Marketing Manager|Marketing|Building 2|Redmond",
	"UserMailbox|Miriam Graham|MiriamG|Miriam|Graham|Director|Sales|Building 3|Seattle",
	"UserMailbox|Nestor Wilke|NestorW|Nestor|Wilke|Director|Operations|Building 8|Dallas",
	"UserMailbox|Patti Fernandez|PattiF|Patti|Fernandez|President|Executive Management|Building 1|Redmond",
	"UserMailbox|Pradeep Gupta|PradeepG|Pradeep|Gupta|Accountant|Finance|Building 1|Redmond",
	"UserMailbox|Sara Davis|SaraD|Sara|Davis|Customer Service Representative|Customer Service|Building 4|Dallas",
	"UserMailbox|Mario Rogers|MarioR|Mario|Rogers|Customer Service Representative|Customer Service|Building 4|Dallas",
	"UserMailbox|Nina Patel|NinaP|Nina|Patel|Manager, Accounts Payable|Finance|Building 1|Redmond",
	"UserMailbox|Omar Haddad|OmarH|Omar|Haddad|Network Engineer|IT|Building 1|Redmond",
	"UserMailbox|Priya Raman|PriyaR|Priya|Raman|Manager, Field Sales|Sales|Building 3|Seattle",
	"UserMailbox|Quinn Baker|QuinnB|Quinn|Baker|Help Desk Technician|IT|Building 1|Redmond",
	"UserMailbox|Rosa Alvarez|RosaA|Rosa|Alvarez|Benefits Specialist|Human Resources|Building 7|Redmond",
	"UserMailbox|Samuel Okafor|SamuelO|Samuel|Okafor|Logistics Coordinator|Operations|Building 8|Dallas",
	"UserMailbox|Tanya Ivanova|TanyaI|Tanya|Ivanova|Data Scientist|Research|Building 6|Boston",
	"UserMailbox|Uma Chen|UmaC|Uma|Chen|Customer Service Team Lead|Customer Service|Building 4|Dallas",
	"UserMailbox|Victor Hugo|VictorH|Victor|Hugo|Legal Counsel|Legal|Building 5|Redmond",
	"UserMailbox|John Smith|john.smith|John|Smith|Account Manager|Sales|Building 3|Seattle",
	"UserMailbox|Wendy Brooks|WendyB|Wendy|Brooks|Manager, Payroll|Human Resources|Building 7|Redmond",
	"User|Xavier Lopez|XavierL|Xavier|Lopez|Contractor|Research||Boston",
	"User|Yara Nasser|YaraN|Yara|Nasser|Intern|Marketing||Redmond",
	"MailContact|Michelle Fabrikam|michelle.fabrikam|Michelle||Purchasing Agent|||Chicago",
	"MailContact|Dan Jump|dan.jump|Dan|Jump|Consultant|||Toronto",
	"MailContact|Ann Beebe|ann.beebe|Ann|Beebe|Account Manager|||London",
}

// contactAddresses are the external addresses of the demo contacts, by alias.
var contactAddresses = map[string]string{
	"michelle.fabrikam": "michelle@fabrikam.com",
	"dan.jump":          "dan@tailspintoys.com",
	"ann.beebe":         "ann@adatum.com",
}

// contactOffices gives the demo contacts an Office (Get-Recipient -SortBy Office).
var contactOffices = map[string]string{
	"michelle.fabrikam": "Fabrikam HQ",
	"dan.jump":          "Tailspin Toys",
	"ann.beebe":         "Adatum London",
}

// displayNames overrides the display name of rows whose Name must differ: two shared
// mailboxes share a display name, as happens in real directories, so that identities can
// be ambiguous.
var displayNames = map[string]string{"frontdesk": "Reception"}

// auditOff lists the mailboxes that still have mailbox auditing turned off (created before
// auditing was on by default), so the documented "turn auditing on" snippets change
// something.
var auditOff = map[string]bool{
	"florencef": true, "aprils": true, "kwok": true, "JeroenC": true, "DebraB": true, "SaraD": true,
}

// plan1Departments are the departments whose people have Exchange Online Plan 1
// (50 GB) mailboxes instead of the 100 GB plan.
var plan1Departments = map[string]bool{"Retail": true, "Manufacturing": true}

// archived lists the mailboxes with an archive.
var archived = map[string]bool{"chris": true, "ellena": true, "PattiF": true, "MeganB": true}

// removed lists mailboxes that were deleted: soft-deleted ones and inactive ones (kept by
// a hold). Row form as in directory, plus "|inactive" for inactive mailboxes.
var removed = []string{
	"UserMailbox|Laura|laura.old|Laura|Giussani|Accountant|Finance|Building 1|Redmond",
	"UserMailbox|Lila Kim|lila|Lila|Kim|Designer|Marketing|Building 2|Redmond",
	"UserMailbox|Akia Al-Zuhairi|akia|Akia|Al-Zuhairi|Sales Representative|Sales|Building 3|Seattle|inactive",
	"UserMailbox|Inactive User|inactive.user|Inactive|User|Analyst|Finance|Building 1|Redmond|inactive",
	"UserMailbox|Former Employee|former.employee|Former|Employee|Engineer|Research|Building 6|Boston|inactive",
}

// grants are the mailbox permissions the demo starts with: mailbox alias, user alias,
// rights, automapping.
var grants = []struct {
	mailbox, user string
	rights        []string
	autoMapping   bool
}{
	{"yuutos", "pedrop", []string{"FullAccess"}, true},
	{"test1", "test2", []string{"FullAccess"}, true},
	{"hrproject", "valeria", []string{"FullAccess"}, true},
	{"hrproject", "DiegoS", []string{"FullAccess"}, true},
	{"helpdesk", "QuinnB", []string{"FullAccess"}, true},
	{"Room222", "tonys", []string{"FullAccess"}, false},
}

// sendAs are the Send As permissions the demo starts with: recipient alias, trustee alias.
var sendAs = []struct{ recipient, trustee string }{
	{"helpdesk", "ayla"},
	{"helpdesk", "kima"},
	{"teamdiscussion", "MeganB"},
}

// members are the demo's group memberships: group alias, member aliases.
var members = []struct {
	group   string
	members []string
}{
	{"marketing", []string{"florencef", "mark", "AlexW", "MeganB", "teamdiscussion"}},
	{"MarketingSG", []string{"florencef", "mark", "MeganB"}},
	{"auditors", []string{"aprils", "gabrielal"}},
	{"itadmins", []string{"admin", "chris", "OmarH"}},
}

// bypassed are the accounts whose mailbox auditing is bypassed from the start.
var bypassed = []string{"svc-backup"}
