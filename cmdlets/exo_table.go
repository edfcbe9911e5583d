package cmdlets

import (
	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/format"
)

// exchangeCmdlets returns the Exchange Online cmdlets of the emulated tenant, in a fixed
// order.
func exchangeCmdlets() []shell.CmdletInfo {
	var all []shell.CmdletInfo
	for _, table := range [][]shell.CmdletInfo{
		exoMailboxCmdlets(),
		exoRecipientCmdlets(),
		exoPermissionCmdlets(),
		exoOrganizationCmdlets(),
	} {
		all = append(all, table...)
	}
	return all
}

// exchangeViews returns the default views of the Exchange objects: the table columns an
// EXO session shows.
func exchangeViews() []format.View {
	left := format.AlignLeft
	return []format.View{
		{TypeName: typeMailbox, Kind: format.TableView, Columns: []format.Column{
			{Property: "Name", Width: 25, Align: left},
			{Property: "Alias", Width: 15, Align: left},
			{Property: "Database", Width: 30, Align: left},
			{Property: "ProhibitSendQuota", Width: 20, Align: left},
			{Property: "ExternalDirectoryObjectId", Align: left},
		}},
		{TypeName: typeUser, Kind: format.TableView, Columns: []format.Column{
			{Property: "Name", Align: left},
			{Property: "RecipientType", Align: left},
		}},
		{TypeName: typeRecipient, Kind: format.TableView, Columns: []format.Column{
			{Property: "Name", Align: left},
			{Property: "RecipientType", Align: left},
		}},
		{TypeName: typeMailboxPermission, Kind: format.TableView, Columns: []format.Column{
			{Property: "Identity", Width: 20, Align: left},
			{Property: "User", Width: 20, Align: left},
			{Property: "AccessRights", Width: 47, Align: left},
			{Property: "IsInherited", Width: 11, Align: left},
			{Property: "Deny", Width: 5, Align: left},
		}},
		{TypeName: typeRecipientPermission, Kind: format.TableView, Columns: []format.Column{
			{Property: "Identity", Align: left},
			{Property: "Trustee", Align: left},
			{Property: "AccessControlType", Align: left},
			{Property: "AccessRights", Align: left},
			{Property: "IsInherited", Label: "Inherited", Align: left},
		}},
		{TypeName: typeBypass, Kind: format.TableView, Columns: []format.Column{
			{Property: "Name", Align: left},
			{Property: "AuditBypassEnabled", Align: left},
		}},
		{TypeName: typeSimSnapshot, Kind: format.TableView, Columns: []format.Column{
			{Property: "Name", Align: left},
			{Property: "Created", Align: left},
			{Property: "Recipients", Align: format.AlignRight},
		}},
	}
}
