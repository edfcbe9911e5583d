package badgerstore

import "github.com/exosh/exosh/store"

// encodingAudit is the UserMeta of an audit record stored in the record codec
// (record_codec.go). The log is written and read in bulk (seeding, a week of one
// mailbox's entries per search page), where JSON cost more than Badger itself. Records
// written as JSON by an earlier exosh stay readable.
const encodingAudit byte = 3

// auditFields are the stored fields of store.AuditRecord; tags are stored: never
// renumber or reuse one. TestAuditCodecCoversEveryField fails when a field has no entry.
var auditFields = []codecField[store.AuditRecord]{
	{1, "ID", func(r *store.AuditRecord) any { return &r.ID }},
	{2, "Mailbox", func(r *store.AuditRecord) any { return &r.Mailbox }},
	{3, "Created", func(r *store.AuditRecord) any { return &r.Created }},
	{4, "Expires", func(r *store.AuditRecord) any { return &r.Expires }},
	{5, "Operation", func(r *store.AuditRecord) any { return &r.Operation }},
	{6, "OperationResult", func(r *store.AuditRecord) any { return &r.OperationResult }},
	{7, "LogonType", func(r *store.AuditRecord) any { return &r.LogonType }},
	{8, "ExternalAccess", func(r *store.AuditRecord) any { return &r.ExternalAccess }},
	{9, "UserId", func(r *store.AuditRecord) any { return &r.UserId }},
	{10, "LogonUserDisplayName", func(r *store.AuditRecord) any { return &r.LogonUserDisplayName }},
	{11, "LogonUserSid", func(r *store.AuditRecord) any { return &r.LogonUserSid }},
	{12, "InternalLogonType", func(r *store.AuditRecord) any { return &r.InternalLogonType }},
	{13, "MailboxOwnerUPN", func(r *store.AuditRecord) any { return &r.MailboxOwnerUPN }},
	{14, "MailboxOwnerSid", func(r *store.AuditRecord) any { return &r.MailboxOwnerSid }},
	{15, "MailboxResolvedOwnerName", func(r *store.AuditRecord) any { return &r.MailboxResolvedOwnerName }},
	{16, "DestMailboxOwnerUPN", func(r *store.AuditRecord) any { return &r.DestMailboxOwnerUPN }},
	{17, "DestMailboxOwnerSid", func(r *store.AuditRecord) any { return &r.DestMailboxOwnerSid }},
	{18, "DestMailboxGuid", func(r *store.AuditRecord) any { return &r.DestMailboxGuid }},
	{19, "CrossMailboxOperation", func(r *store.AuditRecord) any { return &r.CrossMailboxOperation }},
	{20, "FolderId", func(r *store.AuditRecord) any { return &r.FolderId }},
	{21, "FolderPathName", func(r *store.AuditRecord) any { return &r.FolderPathName }},
	{22, "FolderName", func(r *store.AuditRecord) any { return &r.FolderName }},
	{23, "DestFolderId", func(r *store.AuditRecord) any { return &r.DestFolderId }},
	{24, "DestFolderPathName", func(r *store.AuditRecord) any { return &r.DestFolderPathName }},
	{25, "MemberRights", func(r *store.AuditRecord) any { return &r.MemberRights }},
	{26, "MemberSid", func(r *store.AuditRecord) any { return &r.MemberSid }},
	{27, "MemberUpn", func(r *store.AuditRecord) any { return &r.MemberUpn }},
	{28, "ClientInfoString", func(r *store.AuditRecord) any { return &r.ClientInfoString }},
	{29, "ClientIPAddress", func(r *store.AuditRecord) any { return &r.ClientIPAddress }},
	{30, "ClientIP", func(r *store.AuditRecord) any { return &r.ClientIP }},
	{31, "ClientMachineName", func(r *store.AuditRecord) any { return &r.ClientMachineName }},
	{32, "ClientProcessName", func(r *store.AuditRecord) any { return &r.ClientProcessName }},
	{33, "ClientVersion", func(r *store.AuditRecord) any { return &r.ClientVersion }},
	{34, "AppId", func(r *store.AuditRecord) any { return &r.AppId }},
	{35, "ClientAppId", func(r *store.AuditRecord) any { return &r.ClientAppId }},
	{36, "ItemId", func(r *store.AuditRecord) any { return &r.ItemId }},
	{37, "ItemSubject", func(r *store.AuditRecord) any { return &r.ItemSubject }},
	{38, "ItemAttachments", func(r *store.AuditRecord) any { return &r.ItemAttachments }},
	{39, "ItemInternetMessageId", func(r *store.AuditRecord) any { return &r.ItemInternetMessageId }},
	{40, "ItemIsRecord", func(r *store.AuditRecord) any { return &r.ItemIsRecord }},
	{41, "ItemComplianceLabel", func(r *store.AuditRecord) any { return &r.ItemComplianceLabel }},
	{42, "SourceItems", func(r *store.AuditRecord) any { return &r.SourceItems }},
	{43, "SourceFolders", func(r *store.AuditRecord) any { return &r.SourceFolders }},
	{44, "DirtyProperties", func(r *store.AuditRecord) any { return &r.DirtyProperties }},
	{45, "OriginatingServer", func(r *store.AuditRecord) any { return &r.OriginatingServer }},
	{46, "SessionId", func(r *store.AuditRecord) any { return &r.SessionId }},
	{47, "OperationProperties", func(r *store.AuditRecord) any { return &r.OperationProperties }},
}

// auditCodec encodes audit records with auditFields.
var auditCodec = newCodecTable("audit", auditFields)
