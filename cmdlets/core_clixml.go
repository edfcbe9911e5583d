package cmdlets

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/value"
)

// coreClixmlCmdlets is the table of the CLI XML serialization cmdlets.
func coreClixmlCmdlets() []shell.CmdletInfo {
	return []shell.CmdletInfo{
		{Name: "Export-Clixml", Module: moduleUtility,
			Synopsis: "Creates an XML-based representation of an object or objects and stores it in a file.",
			New:      func() shell.Cmdlet { return &exportClixml{Depth: 2} }},
		{Name: "Import-Clixml", Module: moduleUtility,
			Synopsis: "Imports a CLIXML file and creates corresponding objects in PowerShell.",
			New:      func() shell.Cmdlet { return new(importClixml) }},
	}
}

// clixmlNS is the namespace of PowerShell's serialization format.
const clixmlNS = "http://schemas.microsoft.com/powershell/2004/04"

// exportClixml is Export-Clixml: the objects in PowerShell's CLIXML format (PSCustomObject
// and Exchange objects as property bags, arrays as LST, hashtables as DCT), written as they
// arrive.
type exportClixml struct {
	Path      string
	Input     value.Value
	Depth     int
	Force     bool
	NoClobber bool
	Encoding  string

	f       *os.File
	w       *bufio.Writer
	opened  bool
	skip    bool
	refID   int
	tnRefs  map[string]int
	tnCount int
}

func (e *exportClixml) Params() []shell.Param {
	return []shell.Param{
		{Name: "Path", Aliases: []string{"LiteralPath", "PSPath", "LP"}, Position: 1, Mandatory: true, Bind: shell.String(&e.Path), Help: "The file to write."},
		{Name: "InputObject", Mandatory: true, FromPipeline: true, Bind: anyBinder{&e.Input}, Help: "The objects to serialize."},
		{Name: "Depth", Bind: shell.Int(&e.Depth), Help: "How many levels of contained objects are included (default 2)."},
		{Name: "Force", Bind: shell.Switch(&e.Force), Help: "Overwrites read-only files."},
		{Name: "NoClobber", Aliases: []string{"NoOverwrite"}, Bind: shell.Switch(&e.NoClobber), Help: "Does not overwrite an existing file."},
		{Name: "Encoding", Bind: shell.Enum(&e.Encoding, encodings...), Help: "Accepted; files are written as UTF-8."},
	}
}

// open creates the file and writes the document head, once.
func (e *exportClixml) open(c *shell.Context) error {
	e.opened = true
	e.tnRefs = map[string]int{}
	full, err := resolvePath(c, e.Path)
	if err != nil {
		return err
	}
	if !c.ShouldProcess(full, "Export-Clixml") {
		e.skip = true
		return nil
	}
	if e.NoClobber {
		if _, err := os.Stat(full); err == nil {
			e.skip = true
			return &shell.ErrorRecord{Message: fmt.Sprintf("The file '%s' already exists.", full),
				Category: "ResourceExists", ErrorID: "NoClobber", Exception: "System.IO.IOException", TargetObject: full}
		}
	}
	f, err := os.OpenFile(full, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		e.skip = true
		return accessError(full, err)
	}
	e.f, e.w = f, bufio.NewWriter(f)
	_, err = e.w.WriteString(`<Objs Version="1.1.0.1" xmlns="` + clixmlNS + `">` + "\n")
	return err
}

func (e *exportClixml) Process(c *shell.Context) error {
	if !e.opened {
		if err := e.open(c); err != nil {
			return err
		}
	}
	if e.skip {
		return nil
	}
	in := e.Input
	if c.HasInput {
		in = c.Input
	}
	for _, x := range items(in) {
		e.write(x, "", 0, 1)
	}
	return nil
}

func (e *exportClixml) End(c *shell.Context) error {
	if !e.opened {
		if err := e.open(c); err != nil {
			return err
		}
	}
	if e.w == nil {
		return nil
	}
	_, err := e.w.WriteString("</Objs>")
	if ferr := e.w.Flush(); err == nil {
		err = ferr
	}
	if cerr := e.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return accessError(e.f.Name(), err)
	}
	return nil
}

// write serializes v; name is its N attribute (a property name) or "".
func (e *exportClixml) write(v value.Value, name string, depth, ind int) {
	pad := strings.Repeat("  ", ind)
	attr := ""
	if name != "" {
		attr = ` N="` + xmlEscape(name) + `"`
	}
	prim := func(tag, text string) {
		fmt.Fprintf(e.w, "%s<%s%s>%s</%s>\n", pad, tag, attr, text, tag)
	}
	switch x := v.(type) {
	case nil:
		fmt.Fprintf(e.w, "%s<Nil%s />\n", pad, attr)
		return
	case string:
		prim("S", xmlEscape(x))
		return
	case bool:
		prim("B", strconv.FormatBool(x))
		return
	case int32:
		prim("I32", strconv.FormatInt(int64(x), 10))
		return
	case int64:
		prim("I64", strconv.FormatInt(x, 10))
		return
	case float64:
		prim("Db", clixmlDouble(x))
		return
	case time.Time:
		prim("DT", x.Format("2006-01-02T15:04:05.9999999Z07:00"))
		return
	case time.Duration:
		prim("TS", xsdDuration(x))
		return
	case value.Guid:
		prim("G", x.String())
		return
	case *value.ScriptBlock:
		prim("SBK", xmlEscape(x.Text))
		return
	}
	if depth > e.Depth {
		prim("S", xmlEscape(value.ToString(v)))
		return
	}
	ref := e.refID
	e.refID++
	fmt.Fprintf(e.w, "%s<Obj%s RefId=\"%d\">\n", pad, attr, ref)
	e.typeNames(value.TypeNames(v), ind+1)
	inner := strings.Repeat("  ", ind+1)
	switch x := v.(type) {
	case []value.Value, *value.List:
		fmt.Fprintf(e.w, "%s<LST>\n", inner)
		for _, it := range items(x) {
			e.write(it, "", depth+1, ind+2)
		}
		fmt.Fprintf(e.w, "%s</LST>\n", inner)
	case *value.Hashtable:
		fmt.Fprintf(e.w, "%s<DCT>\n", inner)
		for i, k := range x.Keys() {
			fmt.Fprintf(e.w, "%s  <En>\n", inner)
			e.write(k, "Key", depth+1, ind+3)
			e.write(x.Values()[i], "Value", depth+1, ind+3)
			fmt.Fprintf(e.w, "%s  </En>\n", inner)
		}
		fmt.Fprintf(e.w, "%s</DCT>\n", inner)
	case *value.Object:
		if value.TypeName(x) != value.TPSCustom {
			// Typed objects (Exchange records) carry their ToString; property bags do not.
			fmt.Fprintf(e.w, "%s<ToString>%s</ToString>\n", inner, xmlEscape(value.ToString(x)))
		}
		fmt.Fprintf(e.w, "%s<MS>\n", inner)
		for _, p := range x.Properties() {
			e.write(p.Value, p.Name, depth+1, ind+2)
		}
		fmt.Fprintf(e.w, "%s</MS>\n", inner)
	default:
		fmt.Fprintf(e.w, "%s<ToString>%s</ToString>\n", inner, xmlEscape(value.ToString(x)))
	}
	fmt.Fprintf(e.w, "%s</Obj>\n", pad)
}

// typeNames writes a TN element, or a TNRef to one written before.
func (e *exportClixml) typeNames(names []string, ind int) {
	pad := strings.Repeat("  ", ind)
	key := strings.Join(names, "\x00")
	if id, ok := e.tnRefs[key]; ok {
		fmt.Fprintf(e.w, "%s<TNRef RefId=\"%d\" />\n", pad, id)
		return
	}
	id := e.tnCount
	e.tnCount++
	e.tnRefs[key] = id
	fmt.Fprintf(e.w, "%s<TN RefId=\"%d\">\n", pad, id)
	for _, n := range names {
		fmt.Fprintf(e.w, "%s  <T>%s</T>\n", pad, xmlEscape(n))
	}
	fmt.Fprintf(e.w, "%s</TN>\n", pad)
}

// xmlEscape escapes text for CLIXML: the XML entities, and control characters as _xHHHH_.
func xmlEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r < 0x20 && r != '\t':
			fmt.Fprintf(&b, "_x%04X_", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// xmlUnescape reverses the _xHHHH_ encoding of control characters.
func xmlUnescape(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if i+7 <= len(s) && s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' {
			if n, err := strconv.ParseUint(s[i+2:i+6], 16, 16); err == nil {
				b.WriteRune(rune(n))
				i += 6
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// clixmlDouble writes a Double as .NET's round-trip text.
func clixmlDouble(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	}
	return strings.Replace(strconv.FormatFloat(f, 'g', -1, 64), "e", "E", 1)
}

// xsdDuration writes a TimeSpan as an XML Schema duration (PT1H30M, P1DT2H, PT0S).
func xsdDuration(d time.Duration) string {
	var b strings.Builder
	if d < 0 {
		b.WriteByte('-')
		d = -d
	}
	b.WriteByte('P')
	if days := d / (24 * time.Hour); days > 0 {
		fmt.Fprintf(&b, "%dD", days)
		d -= days * 24 * time.Hour
	}
	b.WriteByte('T')
	h, m := d/time.Hour, d%time.Hour/time.Minute
	s := float64(d%time.Minute) / float64(time.Second)
	if h > 0 {
		fmt.Fprintf(&b, "%dH", h)
	}
	if m > 0 {
		fmt.Fprintf(&b, "%dM", m)
	}
	if s > 0 || h == 0 && m == 0 {
		b.WriteString(strconv.FormatFloat(s, 'f', -1, 64) + "S")
	}
	return b.String()
}

// parseXsdDuration reads what xsdDuration writes: [-]P[nD][T[nH][nM][n.nS]].
func parseXsdDuration(s string) (time.Duration, bool) {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	if !strings.HasPrefix(s, "P") {
		return 0, false
	}
	s = s[1:]
	var d time.Duration
	inTime := false
	for s != "" {
		if s[0] == 'T' {
			inTime, s = true, s[1:]
			continue
		}
		i := strings.IndexAny(s, "DHMS")
		if i <= 0 {
			return 0, false
		}
		f, err := strconv.ParseFloat(s[:i], 64)
		if err != nil {
			return 0, false
		}
		unit := map[byte]time.Duration{'D': 24 * time.Hour, 'H': time.Hour, 'M': time.Minute, 'S': time.Second}[s[i]]
		if s[i] == 'D' == inTime {
			return 0, false
		}
		d += time.Duration(f * float64(unit))
		s = s[i+1:]
	}
	if neg {
		d = -d
	}
	return d, true
}

// importClixml is Import-Clixml: the objects of a CLIXML file. Objects that were not plain
// values come back as property bags whose type names carry the "Deserialized." prefix.
type importClixml struct {
	Path []string
}

func (i *importClixml) Params() []shell.Param {
	return []shell.Param{
		{Name: "Path", Aliases: []string{"LiteralPath", "PSPath", "LP"}, Position: 1, Mandatory: true, FromPipeline: true, ByPropertyName: true,
			Bind: shell.Strings(&i.Path), Help: "The CLIXML files to read."},
	}
}

func (i *importClixml) Process(c *shell.Context) error {
	for _, p := range i.Path {
		full, err := resolvePath(c, p)
		if err != nil {
			c.WriteError(err)
			continue
		}
		f, err := os.Open(full)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				c.WriteError(fileNotFound(full))
			} else {
				c.WriteError(accessError(full, err))
			}
			continue
		}
		err = readClixml(c, xml.NewDecoder(f))
		f.Close()
		if err != nil {
			var rec *shell.ErrorRecord
			if errors.As(err, &rec) {
				return err
			}
			return &shell.ErrorRecord{Message: err.Error(), Category: "NotSpecified", ErrorID: "System.Xml.XmlException",
				Exception: "System.Xml.XmlException", TargetObject: full}
		}
	}
	return nil
}

// readClixml writes each top-level object of the document.
func readClixml(c *shell.Context, d *xml.Decoder) error {
	r := &clixmlReader{d: d, tns: map[string][]string{}}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local == "Objs" {
			continue
		}
		v, err := r.value(se)
		if err != nil {
			return err
		}
		if err := c.WriteObject(v); err != nil {
			return err
		}
	}
}

// clixmlReader decodes CLIXML values, remembering TN lists for TNRef.
type clixmlReader struct {
	d   *xml.Decoder
	tns map[string][]string
}

// text reads an element's character data up to its end.
func (r *clixmlReader) text() (string, error) {
	var b strings.Builder
	for {
		tok, err := r.d.Token()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.EndElement:
			return xmlUnescape(b.String()), nil
		case xml.StartElement:
			if err := r.d.Skip(); err != nil {
				return "", err
			}
		}
	}
}

// value decodes the element that starts with se.
func (r *clixmlReader) value(se xml.StartElement) (value.Value, error) {
	if se.Name.Local == "Nil" {
		return nil, r.d.Skip()
	}
	if se.Name.Local == "Obj" {
		return r.object()
	}
	s, err := r.text()
	if err != nil {
		return nil, err
	}
	switch se.Name.Local {
	case "S", "SBK", "URI", "Version", "XD":
		return s, nil
	case "B":
		return s == "true", nil
	case "I32", "I16", "By", "SB", "U16":
		n, err := strconv.ParseInt(s, 10, 32)
		return int32(n), err
	case "I64", "U32", "U64":
		n, err := strconv.ParseInt(s, 10, 64)
		return n, err
	case "Db", "Sg", "D":
		return strconv.ParseFloat(s, 64)
	case "DT":
		return time.Parse(time.RFC3339Nano, s)
	case "G":
		if g, ok := value.ParseGuid(s); ok {
			return g, nil
		}
		return s, nil
	case "TS":
		if d, ok := parseXsdDuration(s); ok {
			return d, nil
		}
		return s, nil
	}
	return s, nil
}

// object decodes an Obj element: a list, a dictionary or a property bag.
func (r *clixmlReader) object() (value.Value, error) {
	var names []string
	var list []value.Value
	var dict *value.Hashtable
	var props []value.Property
	var str string
	isList := false
	for {
		tok, err := r.d.Token()
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			switch {
			case dict != nil:
				return dict, nil
			case isList:
				return list, nil
			case len(props) == 0 && str != "":
				return str, nil
			}
			o := value.NewObject("")
			for _, p := range props {
				o.Set(p.Name, p.Value)
			}
			if len(names) > 0 {
				tn := make([]string, 0, len(names))
				for _, n := range names {
					tn = append(tn, "Deserialized."+n)
				}
				o.SetTypeNames(tn)
			}
			return o, nil
		case xml.StartElement:
			switch t.Name.Local {
			case "TN":
				id := attr(t, "RefId")
				for {
					tok, err := r.d.Token()
					if err != nil {
						return nil, err
					}
					if st, ok := tok.(xml.StartElement); ok && st.Name.Local == "T" {
						n, err := r.text()
						if err != nil {
							return nil, err
						}
						names = append(names, n)
					}
					if _, ok := tok.(xml.EndElement); ok {
						break
					}
				}
				r.tns[id] = names
			case "TNRef":
				names = r.tns[attr(t, "RefId")]
				if err := r.d.Skip(); err != nil {
					return nil, err
				}
			case "ToString":
				if str, err = r.text(); err != nil {
					return nil, err
				}
			case "LST", "IE", "STK", "QUE":
				isList = true
				if list, err = r.children(); err != nil {
					return nil, err
				}
			case "DCT":
				if dict, err = r.dictionary(); err != nil {
					return nil, err
				}
			case "MS", "Props":
				if err := r.members(&props); err != nil {
					return nil, err
				}
			default:
				if err := r.d.Skip(); err != nil {
					return nil, err
				}
			}
		}
	}
}

// children decodes the values inside a container element.
func (r *clixmlReader) children() ([]value.Value, error) {
	out := []value.Value{}
	for {
		tok, err := r.d.Token()
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return out, nil
		case xml.StartElement:
			v, err := r.value(t)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
	}
}

// members decodes named values (MS / Props) into props.
func (r *clixmlReader) members(props *[]value.Property) error {
	for {
		tok, err := r.d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			v, err := r.value(t)
			if err != nil {
				return err
			}
			*props = append(*props, value.Property{Name: attr(t, "N"), Value: v})
		}
	}
}

// dictionary decodes a DCT element's En entries.
func (r *clixmlReader) dictionary() (*value.Hashtable, error) {
	h := value.NewHashtable()
	for {
		tok, err := r.d.Token()
		if err != nil {
			return nil, err
		}
		switch tok.(type) {
		case xml.EndElement:
			return h, nil
		case xml.StartElement:
			// An En element holds the Key and Value members.
			var props []value.Property
			if err := r.members(&props); err != nil {
				return nil, err
			}
			var k, v value.Value
			for _, p := range props {
				switch p.Name {
				case "Key":
					k = p.Value
				case "Value":
					v = p.Value
				}
			}
			h.Set(k, v)
		}
	}
}

// attr returns an attribute's value.
func attr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}
