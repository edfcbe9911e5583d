package cmdlets

import (
	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/format"
)

// All returns every cmdlet exosh provides, in a fixed order: the core cmdlets first, then the
// Exchange Online ones. main passes the table to the shell with shell.WithCmdlets.
func All() []shell.CmdletInfo {
	var all []shell.CmdletInfo
	for _, table := range [][]shell.CmdletInfo{
		coreObjectCmdlets(),
		coreSelectCmdlets(),
		coreSortCmdlets(),
		coreMeasureCmdlets(),
		coreFormatCmdlets(),
		coreWriteCmdlets(),
		coreDateCmdlets(),
		coreMemberCmdlets(),
		coreCsvCmdlets(),
		coreJSONCmdlets(),
		coreClixmlCmdlets(),
		coreContentCmdlets(),
		corePathCmdlets(),
		coreHostCmdlets(),
		coreSelectStringCmdlets(),
		coreCommandCmdlets(), coreHistoryCmdlets(),
		coreHelpCmdlets(),
		coreModuleCmdlets(),
		exchangeCmdlets(),
		rbacCmdlets(),
		simCmdlets(),
		auditCmdlets(),
		messageTraceCmdlets(), mailCmdlets(), hsearchCmdlets(),
	} {
		all = append(all, table...)
	}
	return all
}

// Views returns the default formatting views of the types the cmdlets create (the views
// pwsh ships for them), for the session's view set.
func Views() []format.View {
	commandColumns := []format.Column{
		{Label: "CommandType", Property: "CommandType", Width: 15, Align: format.AlignLeft},
		{Label: "Name", Property: "DisplayName", Width: 50, Align: format.AlignLeft},
		{Label: "Version", Property: "Version", Width: 10, Align: format.AlignLeft},
		{Label: "Source", Property: "Source", Align: format.AlignLeft},
	}
	// The FileSystem provider's table (without pwsh's "Directory:" group header).
	itemColumns := []format.Column{
		{Property: "Mode", Width: 7, Align: format.AlignLeft},
		{Property: "LastWriteTime", Width: 25, Align: format.AlignRight},
		{Property: "Length", Width: 14, Align: format.AlignRight},
		{Property: "Name", Align: format.AlignLeft},
	}
	return append([]format.View{
		{TypeName: cmdletInfoType, Kind: format.TableView, Columns: commandColumns},
		{TypeName: aliasInfoType, Kind: format.TableView, Columns: commandColumns},
		{TypeName: functionInfoType, Kind: format.TableView, Columns: commandColumns},
		{TypeName: psVariableType, Kind: format.TableView, Columns: []format.Column{
			{Property: "Name", Width: 30, Align: format.AlignLeft},
			{Property: "Value", Align: format.AlignLeft},
		}},
		{TypeName: memberDefinitionType, Kind: format.TableView, GroupBy: "TypeName", GroupLabel: "TypeName", Columns: []format.Column{
			{Property: "Name", Align: format.AlignLeft},
			{Property: "MemberType", Align: format.AlignLeft},
			{Property: "Definition", Align: format.AlignLeft},
		}},
		{TypeName: genericMeasureType, Kind: format.ListView, Columns: []format.Column{
			{Property: "Count"}, {Property: "Average"}, {Property: "Sum"}, {Property: "Maximum"},
			{Property: "Minimum"}, {Property: "StandardDeviation"}, {Property: "Property"},
		}},
		{TypeName: textMeasureType, Kind: format.TableView, Columns: []format.Column{
			{Property: "Lines", Align: format.AlignRight},
			{Property: "Words", Align: format.AlignRight},
			{Property: "Characters", Align: format.AlignRight},
			{Property: "Property", Align: format.AlignLeft},
		}},
		historyView,
		auditDefaultsView,
		{TypeName: pathInfoType, Kind: format.TableView, Columns: []format.Column{
			{Property: "Path", Align: format.AlignLeft},
		}},
		{TypeName: fileInfoType, Kind: format.TableView, Columns: itemColumns},
		{TypeName: dirInfoType, Kind: format.TableView, Columns: itemColumns},
		{TypeName: credentialType, Kind: format.TableView, Columns: []format.Column{
			{Property: "UserName", Align: format.AlignLeft},
			{Property: "Password", Align: format.AlignLeft},
		}},
	}, append(append(append(append(exchangeViews(), traceViews()...), auditViews()...), hsearchViews()...), rbacViews()...)...)
}
