package cmdlets

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/value"
)

// coreJSONCmdlets is the table of the JSON cmdlets.
func coreJSONCmdlets() []shell.CmdletInfo {
	return []shell.CmdletInfo{
		{Name: "ConvertTo-Json", Module: moduleUtility,
			Synopsis: "Converts an object to a JSON-formatted string.",
			New:      func() shell.Cmdlet { return &toJSON{Depth: 2} }},
		{Name: "ConvertFrom-Json", Module: moduleUtility,
			Synopsis: "Converts a JSON-formatted string to a custom object or a hash table.",
			New:      func() shell.Cmdlet { return &fromJSON{Depth: 1024} }},
	}
}

// toJSON is ConvertTo-Json. It gathers its input and writes one JSON document at the end:
// a single object as itself, several (or -AsArray) as an array.
type toJSON struct {
	Input    value.Value
	Depth    int
	Compress bool
	AsArray  bool
	Enums    bool
	Escape   string

	all       []value.Value
	truncated bool
}

func (t *toJSON) Params() []shell.Param {
	return []shell.Param{
		{Name: "InputObject", Position: 1, Mandatory: true, FromPipeline: true, Bind: anyBinder{&t.Input}, Help: "The objects to convert."},
		{Name: "Depth", Bind: shell.Int(&t.Depth), Help: "How many levels of contained objects are included (default 2)."},
		{Name: "Compress", Bind: shell.Switch(&t.Compress), Help: "Omits white space and indentation."},
		{Name: "EnumsAsStrings", Bind: shell.Switch(&t.Enums), Help: "Writes enumeration values as their names."},
		{Name: "AsArray", Bind: shell.Switch(&t.AsArray), Help: "Always writes a JSON array."},
		{Name: "EscapeHandling", Bind: shell.Enum(&t.Escape, "Default", "EscapeNonAscii", "EscapeHtml"), Help: "Which characters are escaped."},
	}
}

func (t *toJSON) Begin(c *shell.Context) error {
	if t.Depth < 0 || t.Depth > 100 {
		return invalidArgument("ParameterArgumentValidationError",
			fmt.Sprintf("Cannot validate argument on parameter 'Depth'. The %d argument is %s the %s allowed range of %d. Supply an argument that is %s %d and then try the command again.",
				t.Depth, map[bool]string{true: "less than", false: "greater than"}[t.Depth < 0],
				map[bool]string{true: "minimum", false: "maximum"}[t.Depth < 0],
				map[bool]int{true: 0, false: 100}[t.Depth < 0],
				map[bool]string{true: "greater than or equal to", false: "less than or equal to"}[t.Depth < 0],
				map[bool]int{true: 0, false: 100}[t.Depth < 0]), t.Depth)
	}
	return nil
}

func (t *toJSON) Process(c *shell.Context) error {
	in := t.Input
	if c.HasInput {
		in = c.Input
	}
	t.all = append(t.all, in)
	return nil
}

func (t *toJSON) End(c *shell.Context) error {
	if len(t.all) == 0 {
		return nil
	}
	var root value.Value = t.all[0]
	if t.AsArray || len(t.all) > 1 {
		root = t.all
	}
	var b bytes.Buffer
	t.write(&b, root, 0, 0)
	if t.truncated {
		c.WriteWarning(fmt.Sprintf("Resulting JSON is truncated as serialization has exceeded the set depth of %d.", t.Depth))
	}
	return c.WriteObject(b.String())
}

// write appends v's JSON at nesting depth d; ind is the current indentation level.
func (t *toJSON) write(b *bytes.Buffer, v value.Value, d, ind int) {
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
		return
	case bool:
		b.WriteString(strconv.FormatBool(x))
		return
	case int32:
		b.WriteString(strconv.FormatInt(int64(x), 10))
		return
	case int64:
		b.WriteString(strconv.FormatInt(x, 10))
		return
	case float64:
		b.WriteString(jsonFloat(x))
		return
	case string:
		b.WriteString(t.quote(x))
		return
	case time.Time:
		b.WriteString(t.quote(isoDate(x)))
		return
	case *value.ScriptBlock:
		b.WriteString(t.quote(x.Text))
		return
	case value.Custom:
		b.WriteString(t.quote(x.String()))
		return
	}
	if d > t.Depth {
		// Past -Depth the value becomes its string form, as pwsh does.
		t.truncated = true
		b.WriteString(t.quote(value.ToString(v)))
		return
	}
	switch x := v.(type) {
	case []value.Value:
		t.array(b, x, d, ind)
	case *value.List:
		t.array(b, x.Items, d, ind)
	case *value.Hashtable:
		keys := make([]string, 0, x.Len())
		for _, k := range x.Keys() {
			keys = append(keys, value.ToString(k))
		}
		t.object(b, keys, x.Values(), d, ind)
	case *value.Object:
		var keys []string
		var vals []value.Value
		for _, p := range x.Properties() {
			keys = append(keys, p.Name)
			vals = append(vals, p.Value)
		}
		t.object(b, keys, vals, d, ind)
	case time.Duration:
		keys, vals := timeSpanFields(x)
		t.object(b, keys, vals, d, ind)
	default:
		b.WriteString(t.quote(value.ToString(v)))
	}
}

func (t *toJSON) newline(b *bytes.Buffer, ind int) {
	if t.Compress {
		return
	}
	b.WriteByte('\n')
	b.WriteString(strings.Repeat("  ", ind))
}

func (t *toJSON) array(b *bytes.Buffer, xs []value.Value, d, ind int) {
	if len(xs) == 0 {
		b.WriteString("[]")
		return
	}
	b.WriteByte('[')
	for i, x := range xs {
		if i > 0 {
			b.WriteByte(',')
		}
		t.newline(b, ind+1)
		t.write(b, x, d+1, ind+1)
	}
	t.newline(b, ind)
	b.WriteByte(']')
}

func (t *toJSON) object(b *bytes.Buffer, keys []string, vals []value.Value, d, ind int) {
	if len(keys) == 0 {
		b.WriteString("{}")
		return
	}
	b.WriteByte('{')
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(',')
		}
		t.newline(b, ind+1)
		b.WriteString(t.quote(k))
		b.WriteByte(':')
		if !t.Compress {
			b.WriteByte(' ')
		}
		t.write(b, vals[i], d+1, ind+1)
	}
	t.newline(b, ind)
	b.WriteByte('}')
}

// quote writes a JSON string the way Newtonsoft.Json does by default: only quotes,
// backslashes and control characters are escaped (plus what -EscapeHandling asks for).
func (t *toJSON) quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\b':
			b.WriteString(`\b`)
		case r == '\f':
			b.WriteString(`\f`)
		case r < 0x20 || r == 0x85 || r == 0x2028 || r == 0x2029:
			fmt.Fprintf(&b, `\u%04x`, r)
		case t.Escape == "EscapeNonAscii" && r > 0x7e:
			writeUTF16Escape(&b, r)
		case t.Escape == "EscapeHtml" && strings.ContainsRune(`<>&'`, r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func writeUTF16Escape(b *strings.Builder, r rune) {
	if r >= 0x10000 {
		r -= 0x10000
		fmt.Fprintf(b, `\u%04x\u%04x`, 0xd800+(r>>10), 0xdc00+(r&0x3ff))
		return
	}
	fmt.Fprintf(b, `\u%04x`, r)
}

// jsonFloat writes a Double as .NET's round-trip form, keeping ".0" on whole numbers.
func jsonFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return `"NaN"`
	case math.IsInf(f, 1):
		return `"Infinity"`
	case math.IsInf(f, -1):
		return `"-Infinity"`
	}
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return strconv.FormatFloat(f, 'f', 1, 64)
	}
	s := strconv.FormatFloat(f, 'g', -1, 64)
	return strings.Replace(s, "e", "E", 1)
}

// isoDate is a DateTime in the ISO 8601 form pwsh 7's ConvertTo-Json writes: fractional
// seconds only as far as needed, "Z" for UTC, the offset for local times.
func isoDate(t time.Time) string {
	s := t.Format("2006-01-02T15:04:05.9999999")
	if t.Location() == time.UTC {
		return s + "Z"
	}
	return s + t.Format("-07:00")
}

// timeSpanFields lists a TimeSpan's public properties in .NET's declaration order.
func timeSpanFields(d time.Duration) ([]string, []value.Value) {
	ticks := int64(d / 100)
	keys := []string{"Ticks", "Days", "Hours", "Milliseconds", "Microseconds", "Nanoseconds", "Minutes", "Seconds",
		"TotalDays", "TotalHours", "TotalMilliseconds", "TotalMicroseconds", "TotalNanoseconds", "TotalMinutes", "TotalSeconds"}
	vals := []value.Value{ticks, int32(d / (24 * time.Hour)), int32(d / time.Hour % 24), int32(d / time.Millisecond % 1000),
		int32(d / time.Microsecond % 1000), int32(d % time.Microsecond / 100 * 100), int32(d / time.Minute % 60), int32(d / time.Second % 60),
		d.Hours() / 24, d.Hours(), float64(ticks) / 1e4, float64(ticks) / 10, float64(ticks) * 100, d.Minutes(), d.Seconds()}
	return keys, vals
}

// fromJSON is ConvertFrom-Json. Pipeline lines are joined and parsed at the end; a top-level
// array is enumerated unless -NoEnumerate.
type fromJSON struct {
	Input       []string
	AsHashtable bool
	Depth       int
	NoEnumerate bool

	text strings.Builder
	loc  *time.Location // the session's local zone, for dates without an offset
}

func (f *fromJSON) Params() []shell.Param {
	return []shell.Param{
		{Name: "InputObject", Position: 1, Mandatory: true, FromPipeline: true, Bind: shell.Strings(&f.Input), Help: "The JSON text."},
		{Name: "AsHashtable", Bind: shell.Switch(&f.AsHashtable), Help: "Returns ordered hashtables instead of objects."},
		{Name: "Depth", Bind: shell.Int(&f.Depth), Help: "The deepest nesting allowed (default 1024)."},
		{Name: "NoEnumerate", Bind: shell.Switch(&f.NoEnumerate), Help: "Writes a top-level array as one object."},
	}
}

func (f *fromJSON) Process(c *shell.Context) error {
	for _, s := range f.Input {
		if f.text.Len() > 0 {
			f.text.WriteByte('\n')
		}
		f.text.WriteString(s)
	}
	return nil
}

func (f *fromJSON) End(c *shell.Context) error {
	src := strings.TrimSpace(f.text.String())
	if src == "" {
		return nil
	}
	f.loc = c.Clock.Now().Location()
	dec := json.NewDecoder(strings.NewReader(src))
	dec.UseNumber()
	v, err := f.parse(dec, 0)
	if err == nil {
		if _, extra := dec.Token(); extra != io.EOF {
			err = fmt.Errorf("Additional text encountered after finished reading JSON content.")
		}
	}
	if err != nil {
		// The token reader's errors are terse; the full decoder says what it expected.
		var x any
		var syn *json.SyntaxError
		if uerr := json.Unmarshal([]byte(src), &x); errors.As(uerr, &syn) {
			err = fmt.Errorf("%s (at offset %d)", syn.Error(), syn.Offset)
		}
		return &shell.ErrorRecord{Message: "Conversion from JSON failed with error: " + err.Error(),
			Category: "NotSpecified", ErrorID: "System.ArgumentException",
			Exception: "System.ArgumentException", TargetObject: src}
	}
	if arr, ok := v.([]value.Value); ok && !f.NoEnumerate {
		for _, x := range arr {
			if err := c.WriteObject(x); err != nil {
				return err
			}
		}
		return nil
	}
	return c.WriteObject(v)
}

// parse reads one JSON value from dec, keeping object key order.
func (f *fromJSON) parse(dec *json.Decoder, depth int) (value.Value, error) {
	tok, err := dec.Token()
	if err != nil {
		if err == io.EOF {
			return nil, fmt.Errorf("Unexpected end when reading JSON.")
		}
		return nil, err
	}
	switch x := tok.(type) {
	case json.Delim:
		if depth >= f.Depth {
			return nil, fmt.Errorf("The reader's MaxDepth of %d has been exceeded.", f.Depth)
		}
		if x == '[' {
			arr := []value.Value{}
			for dec.More() {
				v, err := f.parse(dec, depth+1)
				if err != nil {
					return nil, err
				}
				arr = append(arr, v)
			}
			_, err := dec.Token()
			return arr, err
		}
		var obj *value.Object
		var h *value.Hashtable
		if f.AsHashtable {
			h = value.NewHashtable()
			h.Ordered = true
		} else {
			obj = value.NewObject("")
		}
		for dec.More() {
			kt, err := dec.Token()
			if err != nil {
				return nil, err
			}
			k, _ := kt.(string)
			v, err := f.parse(dec, depth+1)
			if err != nil {
				return nil, err
			}
			if h != nil {
				h.Set(k, v)
			} else {
				if k == "" {
					return nil, fmt.Errorf("The provided JSON includes a property whose name is an empty string, this is only supported using the -AsHashTable switch.")
				}
				obj.Set(k, v)
			}
		}
		if _, err := dec.Token(); err != nil {
			return nil, err
		}
		if h != nil {
			return h, nil
		}
		return obj, nil
	case json.Number:
		return jsonNumber(x), nil
	case string:
		if t, ok := jsonDate(x, f.loc); ok {
			return t, nil
		}
		return x, nil
	case bool:
		return x, nil
	case nil:
		return nil, nil
	}
	return nil, fmt.Errorf("Unexpected token %v.", tok)
}

// jsonNumber gives Int32 or Int64 for integers (as pwsh does) and Double otherwise.
func jsonNumber(n json.Number) value.Value {
	if i, err := strconv.ParseInt(string(n), 10, 64); err == nil {
		if i >= math.MinInt32 && i <= math.MaxInt32 {
			return int32(i)
		}
		return i
	}
	f, _ := strconv.ParseFloat(string(n), 64)
	return f
}

var isoDateRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})?$`)

// jsonDate recognises the ISO 8601 strings Newtonsoft.Json turns into DateTime values: "Z"
// gives a UTC time, an offset or no zone a local one.
func jsonDate(s string, loc *time.Location) (time.Time, bool) {
	if !isoDateRE.MatchString(s) {
		return time.Time{}, false
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		if strings.HasSuffix(s, "Z") {
			return t.UTC(), true
		}
		return t.In(loc), true
	}
	if t, err := time.ParseInLocation("2006-01-02T15:04:05.9999999", s, loc); err == nil {
		return t, true
	}
	return time.Time{}, false
}
