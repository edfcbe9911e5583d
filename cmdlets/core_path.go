package cmdlets

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/value"
)

// corePathCmdlets is the table of the FileSystem provider cmdlets scripts use for their
// report files: paths, items and the current location.
func corePathCmdlets() []shell.CmdletInfo {
	return []shell.CmdletInfo{
		{Name: "Join-Path", Module: moduleMgmt,
			Synopsis: "Combines a path and a child path into a single path.",
			New:      func() shell.Cmdlet { return new(joinPath) }},
		{Name: "Split-Path", Module: moduleMgmt,
			Synopsis: "Returns the specified part of a path.",
			New:      func() shell.Cmdlet { return new(splitPath) }},
		{Name: "Get-Location", Aliases: []string{"gl", "pwd"}, Module: moduleMgmt,
			Synopsis: "Gets information about the current working location.",
			New:      func() shell.Cmdlet { return new(getLocation) }},
		{Name: "Get-ChildItem", Aliases: []string{"gci", "ls", "dir"}, Module: moduleMgmt,
			Synopsis: "Gets the items and child items in one or more specified locations.",
			New:      func() shell.Cmdlet { return new(getChildItem) }},
		{Name: "New-Item", Aliases: []string{"ni"}, Module: moduleMgmt,
			Synopsis: "Creates a new item.",
			New:      func() shell.Cmdlet { return new(newItem) }},
		{Name: "Remove-Item", Aliases: []string{"ri", "rm", "del", "erase", "rmdir", "rd"}, Module: moduleMgmt,
			Synopsis: "Deletes the specified items.",
			New:      func() shell.Cmdlet { return new(removeItem) }},
	}
}

// Type names of the FileSystem provider's objects; Views registers their table view.
const (
	fileInfoType = "System.IO.FileInfo"
	dirInfoType  = "System.IO.DirectoryInfo"
	pathInfoType = "System.Management.Automation.PathInfo"
)

// joinPath is Join-Path. It joins with "/" as pwsh does on Unix, trimming separators at the
// seam, without normalizing the result.
type joinPath struct {
	Path    []string
	Child   string
	More    []value.Value
	Resolve bool
}

func (j *joinPath) Params() []shell.Param {
	return []shell.Param{
		{Name: "Path", Aliases: []string{"PSPath"}, Position: 1, Mandatory: true, FromPipeline: true, ByPropertyName: true,
			Bind: shell.Strings(&j.Path), Help: "The main paths."},
		{Name: "ChildPath", Position: 2, ByPropertyName: true, Bind: shell.String(&j.Child), Help: "The path appended to each main path."},
		{Name: "AdditionalChildPath", Remaining: true, Bind: collectBinder{&j.More, "String[]"}, Help: "Further path elements."},
		{Name: "Resolve", Bind: shell.Switch(&j.Resolve), Help: "Fails when the joined path does not exist."},
	}
}

func (j *joinPath) Process(c *shell.Context) error {
	for _, p := range j.Path {
		out := joinElems(p, j.Child)
		for _, m := range j.More {
			out = joinElems(out, value.ToString(m))
		}
		if j.Resolve {
			full, err := resolvePath(c, out)
			if err != nil {
				c.WriteError(err)
				continue
			}
			if _, err := os.Stat(full); err != nil {
				c.WriteError(pathNotFound(full))
				continue
			}
		}
		if err := c.WriteObject(out); err != nil {
			return err
		}
	}
	return nil
}

// joinElems joins two path elements with one separator.
func joinElems(a, b string) string {
	if b == "" {
		return a
	}
	if a == "" {
		return b
	}
	return strings.TrimRight(a, `/\`) + "/" + strings.TrimLeft(b, `/\`)
}

// splitPath is Split-Path.
type splitPath struct {
	Path        []string
	Parent      bool
	Leaf        bool
	LeafBase    bool
	Extension   bool
	Qualifier   bool
	NoQualifier bool
	IsAbsolute  bool
}

func (s *splitPath) Params() []shell.Param {
	return []shell.Param{
		{Name: "Path", Aliases: []string{"PSPath", "LiteralPath"}, Position: 1, Mandatory: true, FromPipeline: true, ByPropertyName: true,
			Bind: shell.Strings(&s.Path), Help: "The paths to split."},
		{Name: "Parent", Sets: []string{"ParentSet"}, Bind: shell.Switch(&s.Parent), Help: "Returns the parent container (the default)."},
		{Name: "Leaf", Sets: []string{"LeafSet"}, Bind: shell.Switch(&s.Leaf), Help: "Returns the last element."},
		{Name: "LeafBase", Sets: []string{"LeafBaseSet"}, Bind: shell.Switch(&s.LeafBase), Help: "Returns the last element without its extension."},
		{Name: "Extension", Sets: []string{"ExtensionSet"}, Bind: shell.Switch(&s.Extension), Help: "Returns the extension of the last element."},
		{Name: "Qualifier", Sets: []string{"QualifierSet"}, Bind: shell.Switch(&s.Qualifier), Help: "Returns the drive qualifier."},
		{Name: "NoQualifier", Sets: []string{"NoQualifierSet"}, Bind: shell.Switch(&s.NoQualifier), Help: "Returns the path without its qualifier."},
		{Name: "IsAbsolute", Sets: []string{"IsAbsoluteSet"}, Bind: shell.Switch(&s.IsAbsolute), Help: "Tells whether the path is absolute."},
	}
}

func (s *splitPath) Process(c *shell.Context) error {
	for _, p := range s.Path {
		var out value.Value
		trimmed := strings.TrimRight(p, `/\`)
		if trimmed == "" && p != "" {
			trimmed = p[:1]
		}
		cut := strings.LastIndexAny(trimmed, `/\`)
		leaf := trimmed[cut+1:]
		switch {
		case s.Leaf:
			out = leaf
		case s.LeafBase:
			out = strings.TrimSuffix(leaf, filepath.Ext(leaf))
		case s.Extension:
			out = filepath.Ext(leaf)
		case s.IsAbsolute:
			out = strings.HasPrefix(p, "/") || strings.HasPrefix(p, `\`) || len(p) > 2 && p[1] == ':'
		case s.Qualifier:
			if len(p) < 2 || p[1] != ':' {
				c.WriteError(invalidArgument("ParsePathFailed", fmt.Sprintf("Cannot parse path because path '%s' does not have a qualifier specified.", p), p))
				continue
			}
			out = p[:2]
		case s.NoQualifier:
			out = p
			if len(p) >= 2 && p[1] == ':' {
				out = p[2:]
			}
		default:
			switch {
			case cut < 0:
				out = ""
			case cut == 0:
				out = trimmed[:1]
			default:
				out = trimmed[:cut]
			}
		}
		if err := c.WriteObject(out); err != nil {
			return err
		}
	}
	return nil
}

// getLocation is Get-Location: the session's working directory as a PathInfo.
type getLocation struct{}

func (getLocation) Params() []shell.Param { return nil }

func (getLocation) Process(c *shell.Context) error {
	dir := workingDir(c)
	o := value.NewObject(pathInfoType,
		value.Property{Name: "Drive", Value: nil},
		value.Property{Name: "Provider", Value: "Microsoft.PowerShell.Core\\FileSystem"},
		value.Property{Name: "ProviderPath", Value: dir},
		value.Property{Name: "Path", Value: dir})
	o.SetTypeNames([]string{pathInfoType, "System.Object"})
	o.SetString(dir)
	return c.WriteObject(o)
}

// itemObject builds the FileInfo / DirectoryInfo object for path.
func itemObject(c *shell.Context, path string, st fs.FileInfo) *value.Object {
	typ, mode := fileInfoType, "-----"
	var length value.Value = st.Size()
	if st.IsDir() {
		typ, mode, length = dirInfoType, "d----", nil
	}
	if st.Mode().Perm()&0o200 == 0 {
		mode = mode[:2] + "r" + mode[3:]
	}
	t := st.ModTime().In(c.Clock.Now().Location())
	o := value.NewObject(typ,
		value.Property{Name: "Mode", Value: mode},
		value.Property{Name: "LastWriteTime", Value: t},
		value.Property{Name: "Length", Value: length},
		value.Property{Name: "Name", Value: filepath.Base(path)},
		value.Property{Name: "FullName", Value: path},
		value.Property{Name: "DirectoryName", Value: filepath.Dir(path)},
		value.Property{Name: "Extension", Value: filepath.Ext(path)},
		value.Property{Name: "BaseName", Value: strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))},
		value.Property{Name: "Exists", Value: true},
		value.Property{Name: "PSIsContainer", Value: st.IsDir()})
	o.SetTypeNames([]string{typ, "System.IO.FileSystemInfo", "System.MarshalByRefObject", "System.Object"})
	o.SetString(path)
	return o
}

// getChildItem is Get-ChildItem over the file system: a directory's entries (sorted by name,
// directories first as pwsh lists them), or the matching items of a wildcard.
type getChildItem struct {
	Path      []string
	Filter    string
	Recurse   bool
	File      bool
	Directory bool
	Name      bool
	Force     bool
}

func (g *getChildItem) Params() []shell.Param {
	return []shell.Param{
		{Name: "Path", Aliases: []string{"LiteralPath", "PSPath", "LP"}, Position: 1, FromPipeline: true, ByPropertyName: true,
			Bind: shell.Strings(&g.Path), Help: "The locations to list (default: the current one)."},
		{Name: "Filter", Position: 2, Bind: shell.String(&g.Filter), Help: "A wildcard the names must match."},
		{Name: "Recurse", Aliases: []string{"s"}, Bind: shell.Switch(&g.Recurse), Help: "Lists subdirectories too."},
		{Name: "File", Bind: shell.Switch(&g.File), Help: "Lists files only."},
		{Name: "Directory", Aliases: []string{"ad", "d"}, Bind: shell.Switch(&g.Directory), Help: "Lists directories only."},
		{Name: "Name", Bind: shell.Switch(&g.Name), Help: "Returns the names only."},
		{Name: "Force", Bind: shell.Switch(&g.Force), Help: "Includes hidden items."},
	}
}

func (g *getChildItem) Process(c *shell.Context) error {
	paths := g.Path
	if len(paths) == 0 {
		paths = []string{"."}
	}
	for _, p := range paths {
		matches, err := globPaths(c, p)
		if err != nil {
			c.WriteError(err)
			continue
		}
		for _, m := range matches {
			st, err := os.Stat(m)
			if err != nil {
				continue
			}
			if !st.IsDir() || hasWildcard(p) {
				if err := g.emit(c, m, st, filepath.Dir(m)); err != nil {
					return err
				}
				continue
			}
			if err := g.list(c, m, m); err != nil {
				return err
			}
		}
	}
	return nil
}

// list writes the entries of dir (and, with -Recurse, of its subdirectories).
func (g *getChildItem) list(c *shell.Context, dir, root string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		c.WriteError(accessError(dir, err))
		return nil
	}
	sort.SliceStable(entries, func(i, j int) bool {
		if entries[i].IsDir() != entries[j].IsDir() {
			return entries[i].IsDir()
		}
		return strings.ToLower(entries[i].Name()) < strings.ToLower(entries[j].Name())
	})
	for _, e := range entries {
		if !g.Force && strings.HasPrefix(e.Name(), ".") {
			continue
		}
		full := filepath.Join(dir, e.Name())
		st, err := e.Info()
		if err != nil {
			continue
		}
		if err := g.emit(c, full, st, root); err != nil {
			return err
		}
	}
	if g.Recurse {
		for _, e := range entries {
			if e.IsDir() && (g.Force || !strings.HasPrefix(e.Name(), ".")) {
				if err := g.list(c, filepath.Join(dir, e.Name()), root); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// emit writes one item after -Filter, -File and -Directory.
func (g *getChildItem) emit(c *shell.Context, path string, st fs.FileInfo, root string) error {
	if g.Filter != "" && !wildcardMatch(g.Filter, filepath.Base(path), false) ||
		g.File && st.IsDir() || g.Directory && !st.IsDir() {
		return nil
	}
	if g.Name {
		rel, err := filepath.Rel(root, path)
		if err != nil {
			rel = filepath.Base(path)
		}
		return c.WriteObject(rel)
	}
	return c.WriteObject(itemObject(c, path, st))
}

// newItem is New-Item for files and directories.
type newItem struct {
	Path     []string
	Name     string
	ItemType string
	Value    value.Value
	Force    bool
}

func (n *newItem) Params() []shell.Param {
	return []shell.Param{
		{Name: "Path", Aliases: []string{"LiteralPath", "PSPath", "LP"}, Position: 1, ByPropertyName: true,
			Bind: shell.Strings(&n.Path), Help: "Where to create the item."},
		{Name: "Name", ByPropertyName: true, Bind: shell.String(&n.Name), Help: "The name of the new item."},
		{Name: "ItemType", Aliases: []string{"Type"}, ByPropertyName: true,
			Bind: shell.Enum(&n.ItemType, "File", "Directory"), Help: "File (default) or Directory."},
		{Name: "Value", FromPipeline: true, ByPropertyName: true, Bind: anyBinder{&n.Value}, Help: "The content of a new file."},
		{Name: "Force", Bind: shell.Switch(&n.Force), Help: "Creates missing parents; overwrites an existing file."},
	}
}

func (n *newItem) Process(c *shell.Context) error {
	paths := n.Path
	if len(paths) == 0 {
		paths = []string{"."}
	}
	dir := strings.EqualFold(n.ItemType, "Directory")
	for _, p := range paths {
		full, err := resolvePath(c, joinElems(p, n.Name))
		if err != nil {
			c.WriteError(err)
			continue
		}
		action := "Create File"
		if dir {
			action = "Create Directory"
		}
		if !c.ShouldProcess("Destination: "+full, action) {
			continue
		}
		if err := n.create(full, dir); err != nil {
			c.WriteError(err)
			continue
		}
		st, err := os.Stat(full)
		if err != nil {
			c.WriteError(accessError(full, err))
			continue
		}
		if err := c.WriteObject(itemObject(c, full, st)); err != nil {
			return err
		}
	}
	return nil
}

// create makes the file or directory.
func (n *newItem) create(full string, dir bool) error {
	st, statErr := os.Stat(full)
	exists := statErr == nil
	if exists && !n.Force {
		return &shell.ErrorRecord{Message: fmt.Sprintf("An item with the specified name %s already exists.", full),
			Category: "ResourceExists", ErrorID: "DirectoryExist", Exception: "System.IO.IOException", TargetObject: full}
	}
	if dir {
		if exists && st.IsDir() {
			return nil
		}
		mk := os.Mkdir
		if n.Force {
			mk = os.MkdirAll
		}
		if err := mk(full, 0o755); err != nil {
			return accessError(full, err)
		}
		return nil
	}
	if n.Force {
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return accessError(full, err)
		}
	}
	text := ""
	if n.Value != nil {
		text = value.ToString(n.Value)
	}
	if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
		return accessError(full, err)
	}
	return nil
}

// removeItem is Remove-Item for files and directories.
type removeItem struct {
	Path    []string
	Recurse bool
	Force   bool
}

func (r *removeItem) Params() []shell.Param {
	return []shell.Param{
		{Name: "Path", Aliases: []string{"LiteralPath", "PSPath", "LP"}, Position: 1, Mandatory: true, FromPipeline: true, ByPropertyName: true,
			Bind: shell.Strings(&r.Path), Help: "The items to delete (wildcards allowed)."},
		{Name: "Recurse", Bind: shell.Switch(&r.Recurse), Help: "Deletes a directory with its contents."},
		{Name: "Force", Bind: shell.Switch(&r.Force), Help: "Deletes read-only and hidden items too."},
	}
}

func (r *removeItem) Process(c *shell.Context) error {
	for _, p := range r.Path {
		targets, err := globPaths(c, p)
		if err != nil {
			c.WriteError(err)
			continue
		}
		for _, t := range targets {
			if err := r.remove(c, t); err != nil {
				c.WriteError(err)
			}
		}
	}
	return nil
}

// remove deletes one item after -WhatIf/-Confirm agree.
func (r *removeItem) remove(c *shell.Context, path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return pathNotFound(path)
	}
	action := "Remove File"
	if st.IsDir() {
		action = "Remove Directory"
	}
	if !c.ShouldProcess(path, action) {
		return nil
	}
	if !st.IsDir() {
		if err := os.Remove(path); err != nil {
			return accessError(path, err)
		}
		return nil
	}
	entries, _ := os.ReadDir(path)
	if len(entries) > 0 && !r.Recurse {
		return &shell.ErrorRecord{
			Message:  fmt.Sprintf("The item at %s has children and the Recurse parameter was not specified. Nothing has been removed.", path),
			Category: "InvalidOperation", ErrorID: "DirectoryNotEmpty",
			Exception: "System.IO.IOException", TargetObject: path}
	}
	if err := os.RemoveAll(path); err != nil {
		return accessError(path, err)
	}
	return nil
}
