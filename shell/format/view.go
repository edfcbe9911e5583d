package format

import (
	"strings"

	"github.com/exosh/exosh/shell/value"
)

// ViewKind says whether a registered view is a table or a list.
type ViewKind int

const (
	// TableView shows objects as rows under one header.
	TableView ViewKind = iota
	// ListView shows each object as "Label : value" lines.
	ListView
)

// Align is a column's text alignment.
type Align int

const (
	// AlignDefault right-aligns a column whose value in the first object is a number or a
	// Boolean, and left-aligns it otherwise.
	AlignDefault Align = iota
	// AlignLeft pads on the right.
	AlignLeft
	// AlignRight pads on the left.
	AlignRight
)

// Column is one table column or list entry.
type Column struct {
	Label        string                          // header; defaults to Property
	Property     string                          // property to show (when Value is nil); "*" expands to every property
	Value        func(v value.Value) value.Value // computed column (calculated properties, script-block columns resolved by the caller)
	Width        int                             // fixed width from the view; 0 = computed
	Align        Align                           // AlignDefault, AlignLeft or AlignRight
	FormatString string                          // optional .NET composite format for the cell, e.g. "{0:N0}"
}

// label is the header text of the column.
func (c Column) label() string {
	if c.Label != "" {
		return c.Label
	}
	return c.Property
}

// View is a registered default view for a type name.
type View struct {
	TypeName string
	Kind     ViewKind // TableView or ListView
	Columns  []Column // table columns or list entries, in order
	// GroupBy names a property whose value groups a table view's rows: each run of
	// objects with the same value gets its own table under a "   GroupLabel: value"
	// line, as Get-Member's "   TypeName: System.String" blocks.
	GroupBy    string
	GroupLabel string
}

// Views maps type names, case-insensitively, to their default views.
type Views struct {
	byName map[string]View
}

// Type names of the values the built-in views apply to.
const (
	typeDictionaryEntry    = "System.Collections.DictionaryEntry"
	typeTimeSpan           = "System.TimeSpan"
	typeDateTime           = "System.DateTime"
	typeGroupInfo          = "Microsoft.PowerShell.Commands.GroupInfo"
	typeGroupInfoNoElement = "Microsoft.PowerShell.Commands.GroupInfoNoElement"
)

// builtinViews are the views pwsh ships for the .NET types exosh produces itself; a view
// added with the same type name replaces them.
func builtinViews() []View {
	return []View{
		{TypeName: typeDictionaryEntry, Kind: TableView, Columns: []Column{
			{Property: "Name", Width: 30, Align: AlignLeft},
			{Property: "Value", Align: AlignLeft},
		}},
		{TypeName: typeGroupInfo, Kind: TableView, Columns: []Column{
			{Property: "Count", Width: 5, Align: AlignRight},
			{Property: "Name", Width: 25, Align: AlignLeft},
			{Property: "Group", Align: AlignLeft},
		}},
		{TypeName: typeGroupInfoNoElement, Kind: TableView, Columns: []Column{
			{Property: "Count", Width: 5, Align: AlignRight},
			{Property: "Name", Width: 25, Align: AlignLeft},
		}},
		{TypeName: typeTimeSpan, Kind: ListView, Columns: timeSpanColumns()},
	}
}

// NewViews returns a view set holding pwsh's built-in views (DictionaryEntry, GroupInfo,
// TimeSpan) plus the given views, later ones replacing earlier ones with the same type name.
func NewViews(views ...View) *Views {
	vs := &Views{byName: map[string]View{}}
	for _, v := range builtinViews() {
		vs.Add(v)
	}
	for _, v := range views {
		vs.Add(v)
	}
	return vs
}

// Add registers v, replacing any view for the same type name.
func (vs *Views) Add(v View) {
	if vs.byName == nil {
		vs.byName = map[string]View{}
	}
	vs.byName[strings.ToLower(v.TypeName)] = v
}

// Lookup returns the view of the first type name, most specific first, that has one.
func (vs *Views) Lookup(typeNames []string) (View, bool) {
	if vs == nil {
		return View{}, false
	}
	for _, n := range typeNames {
		if v, ok := vs.byName[strings.ToLower(n)]; ok {
			return v, true
		}
	}
	return View{}, false
}

// sameView reports whether two views are the same registration.
func sameView(a, b View) bool { return strings.EqualFold(a.TypeName, b.TypeName) }
