package cmdlets

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/value"
)

// coreCsvCmdlets is the table of the CSV cmdlets.
func coreCsvCmdlets() []shell.CmdletInfo {
	return []shell.CmdletInfo{
		{Name: "Export-Csv", Aliases: []string{"epcsv"}, Module: moduleUtility,
			Synopsis: "Converts objects into a series of character-separated value (CSV) strings and saves the strings to a file.",
			New:      func() shell.Cmdlet { return &toCsv{toFile: true} }},
		{Name: "ConvertTo-Csv", Module: moduleUtility,
			Synopsis: "Converts .NET objects into a series of character-separated value (CSV) strings.",
			New:      func() shell.Cmdlet { return new(toCsv) }},
		{Name: "Import-Csv", Aliases: []string{"ipcsv"}, Module: moduleUtility,
			Synopsis: "Creates table-like custom objects from the items in a character-separated value (CSV) file.",
			New:      func() shell.Cmdlet { return &fromCsv{fromFile: true} }},
		{Name: "ConvertFrom-Csv", Module: moduleUtility,
			Synopsis: "Converts object properties in character-separated value (CSV) format into CSV versions of the original objects.",
			New:      func() shell.Cmdlet { return new(fromCsv) }},
	}
}

// toCsv is ConvertTo-Csv and Export-Csv. The first object fixes the columns; every later
// row is written as soon as its object arrives.
type toCsv struct {
	toFile bool

	Path        string
	Input       value.Value
	Delimiter   string
	NoTypeInfo  bool
	IncludeType bool
	Append      bool
	Force       bool
	NoClobber   bool
	Encoding    string
	UseQuotes   string
	QuoteFields []string

	cols   []string
	delim  rune
	w      *bufio.Writer
	f      *os.File
	opened bool
	skip   bool // -WhatIf or an open failure: swallow the rows
}

func (t *toCsv) Params() []shell.Param {
	ps := []shell.Param{
		{Name: "InputObject", Mandatory: true, FromPipeline: true, Bind: anyBinder{&t.Input}, Help: "The objects to convert."},
		{Name: "Delimiter", Position: 2, Bind: shell.String(&t.Delimiter), Help: "The field separator (default comma)."},
		{Name: "NoTypeInformation", Aliases: []string{"NTI"}, Bind: shell.Switch(&t.NoTypeInfo), Help: "Omits the #TYPE line (the default)."},
		{Name: "IncludeTypeInformation", Aliases: []string{"ITI"}, Bind: shell.Switch(&t.IncludeType), Help: "Writes a #TYPE line first."},
		{Name: "UseQuotes", Bind: shell.Enum(&t.UseQuotes, "Never", "Always", "AsNeeded"), Help: "When to quote fields: Always (default), AsNeeded or Never."},
		{Name: "QuoteFields", Aliases: []string{"QF"}, Bind: shell.Strings(&t.QuoteFields), Help: "The columns to quote."},
	}
	if !t.toFile {
		return ps
	}
	return append([]shell.Param{
		{Name: "Path", Aliases: []string{"FilePath", "LiteralPath", "PSPath", "LP"}, Position: 1, Bind: shell.String(&t.Path), Help: "The file to write."},
	}, append(ps,
		shell.Param{Name: "Append", Bind: shell.Switch(&t.Append), Help: "Adds the rows to the end of the file."},
		shell.Param{Name: "Force", Bind: shell.Switch(&t.Force), Help: "Overwrites read-only files."},
		shell.Param{Name: "NoClobber", Aliases: []string{"NoOverwrite"}, Bind: shell.Switch(&t.NoClobber), Help: "Does not overwrite an existing file."},
		shell.Param{Name: "Encoding", Bind: shell.Enum(&t.Encoding, encodings...), Help: "Accepted; files are written as UTF-8."},
	)...)
}

func (t *toCsv) Begin(c *shell.Context) error {
	t.delim = ','
	if c.Bound("Delimiter") {
		r := []rune(t.Delimiter)
		if len(r) != 1 {
			return &shell.ErrorRecord{
				Message:  fmt.Sprintf("Cannot bind parameter 'Delimiter'. Cannot convert value \"%s\" to type \"System.Char\". Error: \"String must be exactly one character long.\"", t.Delimiter),
				Category: "InvalidArgument", ErrorID: "CannotConvertArgumentNoMessage",
				Exception: "System.Management.Automation.ParameterBindingException"}
		}
		t.delim = r[0]
	}
	if t.toFile && t.Path == "" {
		return &shell.ErrorRecord{Message: "Cannot process command because of one or more missing mandatory parameters: Path.",
			Category: "InvalidArgument", ErrorID: "MissingMandatoryParameter",
			Exception: "System.Management.Automation.ParameterBindingException"}
	}
	return nil
}

// open prepares the output file on the first object. With -Append the existing header, if
// any, fixes the columns and is not written again.
func (t *toCsv) open(c *shell.Context) error {
	t.opened = true
	if !t.toFile {
		return nil
	}
	full, err := resolvePath(c, t.Path)
	if err != nil {
		return err
	}
	if !c.ShouldProcess(full, "Export-Csv") {
		t.skip = true
		return nil
	}
	if t.NoClobber && !t.Append {
		if _, err := os.Stat(full); err == nil {
			t.skip = true
			return &shell.ErrorRecord{
				Message:  fmt.Sprintf("The file '%s' already exists.", full),
				Category: "ResourceExists", ErrorID: "NoClobber",
				Exception: "System.IO.IOException", TargetObject: full}
		}
	}
	flag := os.O_CREATE | os.O_WRONLY | os.O_TRUNC
	if t.Append {
		flag = os.O_CREATE | os.O_WRONLY | os.O_APPEND
		if hdr, err := readCsvHeader(full, t.delim); err == nil && len(hdr) > 0 {
			t.cols = hdr
		}
	}
	f, err := os.OpenFile(full, flag, 0o644)
	if err != nil {
		t.skip = true
		return accessError(full, err)
	}
	t.f = f
	t.w = bufio.NewWriter(f)
	return nil
}

// readCsvHeader returns the column names of an existing CSV file.
func readCsvHeader(path string, delim rune) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = delim, true, -1
	for {
		rec, err := r.Read()
		if err != nil {
			return nil, err
		}
		if len(rec) > 0 && strings.HasPrefix(rec[0], "#TYPE") {
			continue
		}
		return rec, nil
	}
}

func (t *toCsv) Process(c *shell.Context) error {
	in := t.Input
	if !c.Bound("InputObject") {
		in = c.Input
	}
	if in == nil {
		return nil
	}
	first := !t.opened
	if first {
		if err := t.open(c); err != nil {
			return err
		}
	}
	if t.skip {
		return nil
	}
	var lines []string
	if first && t.cols != nil && !t.Force {
		// Appending: the object must have every column the file already has.
		names := propertyNames(in)
		for _, col := range t.cols {
			if !containsFold(names, col) {
				t.skip = true
				return &shell.ErrorRecord{
					Message:  fmt.Sprintf("Cannot append CSV content to the following file: %s. The appended object does not have a property that corresponds to the following column: %s. To continue with mismatched properties, add the -Force parameter, and then retry the command.", t.Path, col),
					Category: "InvalidData", ErrorID: "CannotAppendCsvWithMismatchedPropertyNames",
					Exception: "System.InvalidOperationException", TargetObject: col}
			}
		}
	}
	if t.cols == nil {
		t.cols = propertyNames(in)
		if t.cols == nil {
			t.cols = []string{}
		}
		if t.IncludeType {
			lines = append(lines, "#TYPE "+firstTypeName(in))
		}
		lines = append(lines, t.row(t.cols))
	}
	vals := make([]string, len(t.cols))
	nulls := make([]bool, len(t.cols))
	for i, col := range t.cols {
		v, _ := propertyOf(in, col)
		nulls[i] = v == nil
		vals[i] = csvText(v)
	}
	lines = append(lines, t.rowNulls(vals, nulls))
	for _, l := range lines {
		if err := t.emit(c, l); err != nil {
			return err
		}
	}
	return nil
}

// emit writes one CSV line to the file or down the pipeline.
func (t *toCsv) emit(c *shell.Context, line string) error {
	if t.w == nil {
		return c.WriteObject(line)
	}
	if _, err := t.w.WriteString(line + "\n"); err != nil {
		return accessError(t.f.Name(), err)
	}
	return nil
}

// csvText is a property value as a CSV field: collections show their type name, as .NET's
// ToString does.
func csvText(v value.Value) string {
	if isCollection(v) {
		if l, ok := v.(*value.List); ok && l.TypeName != "" {
			return l.TypeName
		}
		return "System.Object[]"
	}
	if _, ok := v.(*value.Hashtable); ok {
		return value.TypeName(v)
	}
	return value.ToString(v)
}

// row joins header fields (never $null).
func (t *toCsv) row(vals []string) string {
	return t.rowNulls(vals, make([]bool, len(vals)))
}

// rowNulls joins fields with the delimiter, quoting per -UseQuotes / -QuoteFields; a $null
// value is an empty unquoted field.
func (t *toCsv) rowNulls(vals []string, nulls []bool) string {
	var b strings.Builder
	for i, v := range vals {
		if i > 0 {
			b.WriteRune(t.delim)
		}
		if nulls[i] {
			continue
		}
		if t.quote(i, v) {
			b.WriteByte('"')
			b.WriteString(strings.ReplaceAll(v, `"`, `""`))
			b.WriteByte('"')
		} else {
			b.WriteString(v)
		}
	}
	return b.String()
}

// quote decides whether field i (text v) is quoted.
func (t *toCsv) quote(i int, v string) bool {
	if len(t.QuoteFields) > 0 {
		for _, q := range t.QuoteFields {
			if i < len(t.cols) && strings.EqualFold(q, t.cols[i]) {
				return true
			}
		}
		return false
	}
	switch strings.ToLower(t.UseQuotes) {
	case "never":
		return false
	case "asneeded":
		return strings.ContainsRune(v, t.delim) || strings.ContainsAny(v, "\"\r\n")
	}
	return true
}

func (t *toCsv) End(c *shell.Context) error {
	if t.w == nil {
		return nil
	}
	err := t.w.Flush()
	if cerr := t.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return accessError(t.f.Name(), err)
	}
	return nil
}

// fromCsv is Import-Csv and ConvertFrom-Csv.
type fromCsv struct {
	fromFile bool

	Path      []string
	Input     []string
	Delimiter string
	Header    []string
	Encoding  string

	text strings.Builder
}

func (f *fromCsv) Params() []shell.Param {
	ps := []shell.Param{
		{Name: "Delimiter", Position: 2, Bind: shell.String(&f.Delimiter), Help: "The field separator (default comma)."},
		{Name: "Header", Bind: shell.Strings(&f.Header), Help: "Column names to use instead of the first line."},
	}
	if f.fromFile {
		return append([]shell.Param{
			{Name: "Path", Aliases: []string{"LiteralPath", "PSPath", "LP"}, Position: 1, FromPipeline: true, ByPropertyName: true,
				Bind: shell.Strings(&f.Path), Help: "The CSV files to read."},
			{Name: "Encoding", Bind: shell.Enum(&f.Encoding, encodings...), Help: "Accepted; files are read as UTF-8."},
		}, ps...)
	}
	return append([]shell.Param{
		{Name: "InputObject", Position: 1, Mandatory: true, FromPipeline: true, Bind: shell.Strings(&f.Input), Help: "The CSV text."},
	}, ps...)
}

func (f *fromCsv) delim() (rune, error) {
	if f.Delimiter == "" {
		return ',', nil
	}
	r := []rune(f.Delimiter)
	if len(r) != 1 {
		return 0, &shell.ErrorRecord{
			Message:  fmt.Sprintf("Cannot bind parameter 'Delimiter'. Cannot convert value \"%s\" to type \"System.Char\". Error: \"String must be exactly one character long.\"", f.Delimiter),
			Category: "InvalidArgument", ErrorID: "CannotConvertArgumentNoMessage",
			Exception: "System.Management.Automation.ParameterBindingException"}
	}
	return r[0], nil
}

func (f *fromCsv) Process(c *shell.Context) error {
	d, err := f.delim()
	if err != nil {
		return err
	}
	if !f.fromFile {
		// ConvertFrom-Csv reads all its lines as one document at the end.
		for _, s := range f.Input {
			f.text.WriteString(s)
			f.text.WriteString("\n")
		}
		return nil
	}
	for _, p := range f.Path {
		full, err := resolvePath(c, p)
		if err != nil {
			c.WriteError(err)
			continue
		}
		file, err := os.Open(full)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				c.WriteError(fileNotFound(full))
				continue
			}
			c.WriteError(accessError(full, err))
			continue
		}
		err = f.parse(c, file, d)
		file.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

func (f *fromCsv) End(c *shell.Context) error {
	if f.fromFile {
		return nil
	}
	d, err := f.delim()
	if err != nil {
		return err
	}
	return f.parse(c, strings.NewReader(f.text.String()), d)
}

// parse reads a CSV document and writes one PSCustomObject per record. A "#TYPE X" first
// line names the objects' type as "CSV:X".
func (f *fromCsv) parse(c *shell.Context, r io.Reader, delim rune) error {
	br := bufio.NewReader(r)
	typeName := ""
	if b, err := br.Peek(5); err == nil && string(b) == "#TYPE" {
		line, _ := br.ReadString('\n')
		typeName = "CSV:" + strings.TrimSpace(strings.TrimPrefix(line, "#TYPE"))
	}
	cr := csv.NewReader(br)
	cr.Comma, cr.LazyQuotes, cr.FieldsPerRecord = delim, true, -1
	cr.ReuseRecord = false
	header := f.Header
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return &shell.ErrorRecord{Message: err.Error(), Category: "InvalidData", ErrorID: "CsvParseError"}
		}
		if header == nil {
			header = make([]string, len(rec))
			for i, h := range rec {
				h = strings.TrimPrefix(h, "\ufeff")
				if h == "" {
					h = fmt.Sprintf("H%d", i+1)
				}
				header[i] = h
			}
			if dup := duplicateName(header); dup != "" {
				return &shell.ErrorRecord{Message: fmt.Sprintf("The member \"%s\" is already present.", dup),
					Category: "InvalidArgument", ErrorID: "AlreadyPresentPSMemberInfoInternalCollectionAdd",
					Exception: "System.Management.Automation.ExtendedTypeSystemException"}
			}
			continue
		}
		o := value.NewObject(typeName)
		for i, h := range header {
			var v value.Value
			if i < len(rec) {
				v = rec[i]
			}
			o.Set(h, v)
		}
		if err := c.WriteObject(o); err != nil {
			return err
		}
	}
}

// duplicateName returns a name that appears twice (case-insensitively), or "".
func duplicateName(names []string) string {
	seen := map[string]bool{}
	for _, n := range names {
		k := strings.ToLower(n)
		if seen[k] {
			return n
		}
		seen[k] = true
	}
	return ""
}
