package value

import (
	"testing"
	"time"
)

func TestConvert(t *testing.T) {
	tests := []struct {
		in     Value
		typ    string
		want   string
		errStr string
	}{
		{"42", "int", "Int32:42", ""},
		{" 42 ", "int", "Int32:42", ""},
		{"0x10", "int", "Int32:16", ""},
		{"1kb", "int", "Int32:1024", ""},
		{"", "int", "Int32:0", ""},
		{nil, "int", "Int32:0", ""},
		{2.5, "int", "Int32:2", ""},
		{3.5, "int", "Int32:4", ""},
		{-2.5, "int", "Int32:-2", ""},
		{"2.5", "int", "Int32:2", ""},
		{true, "int", "Int32:1", ""},
		{"x", "int", "", `Cannot convert value "x" to type "System.Int32". Error: "The input string 'x' was not in a correct format."`},
		{"99999999999", "int", "", `Cannot convert value "99999999999" to type "System.Int32". Error: "Value was either too large or too small for an Int32."`},
		{3e10, "System.Int32", "", `Cannot convert value "30000000000" to type "System.Int32". Error: "Value was either too large or too small for an Int32."`},
		{"99999999999", "long", "Int64:99999999999", ""},
		{int32(5), "Int64", "Int64:5", ""},
		{"1.5", "double", "Double:1.5", ""},
		{"1e3", "double", "Double:1000", ""},
		{int32(3), "float", "Double:3", ""},
		{"abc", "double", "", `Cannot convert value "abc" to type "System.Double". Error: "The input string 'abc' was not in a correct format."`},
		{int32(5), "string", "String:5", ""},
		{nil, "string", "String:", ""},
		{arr(int32(1), int32(2)), "string", "String:1 2", ""},
		{"false", "bool", "Boolean:True", ""},
		{"", "bool", "Boolean:False", ""},
		{int32(0), "boolean", "Boolean:False", ""},
		{arr(), "switch", "Boolean:False", ""},
		{"06/13/2018", "datetime", "DateTime:06/13/2018 00:00:00", ""},
		{"1/1/2018", "datetime", "DateTime:01/01/2018 00:00:00", ""},
		{"6/13/2018 9:15 AM", "datetime", "DateTime:06/13/2018 09:15:00", ""},
		{"6/13/2018 9:15 pm", "datetime", "DateTime:06/13/2018 21:15:00", ""},
		{"2018-06-13", "datetime", "DateTime:06/13/2018 00:00:00", ""},
		{"2018-06-13 10:30:00", "datetime", "DateTime:06/13/2018 10:30:00", ""},
		{"June 13, 2018", "datetime", "DateTime:06/13/2018 00:00:00", ""},
		{"Jun 13, 2018 9:15 PM", "datetime", "DateTime:06/13/2018 21:15:00", ""},
		{"13-Jun-2018", "datetime", "DateTime:06/13/2018 00:00:00", ""},
		{"Wednesday, June 13, 2018 9:15:00 AM", "datetime", "DateTime:06/13/2018 09:15:00", ""},
		{"2018-06-13T10:00:00.250", "datetime", "DateTime:06/13/2018 10:00:00", ""},
		{"13/06/2018", "datetime", "", `Cannot convert value "13/06/2018" to type "System.DateTime". Error: "String '13/06/2018' was not recognized as a valid DateTime."`},
		{"90.00:00:00", "timespan", "TimeSpan:90.00:00:00", ""},
		{"1:30:00", "timespan", "TimeSpan:01:30:00", ""},
		{"1:30", "timespan", "TimeSpan:01:30:00", ""},
		{"10", "timespan", "TimeSpan:10.00:00:00", ""},
		{"-0:00:05.5", "timespan", "TimeSpan:-00:00:05.5000000", ""},
		{"25:00:00", "timespan", "", `Cannot convert value "25:00:00" to type "System.TimeSpan". Error: "String '25:00:00' was not recognized as a valid TimeSpan."`},
		{"12345678-9abc-def0-1234-56789abcdef0", "guid", "Guid:12345678-9abc-def0-1234-56789abcdef0", ""},
		{"{12345678-9ABC-DEF0-1234-56789ABCDEF0}", "System.Guid", "Guid:12345678-9abc-def0-1234-56789abcdef0", ""},
		{"nope", "guid", "", `Cannot convert value "nope" to type "System.Guid". Error: "Unrecognized Guid format."`},
		{"a", "char", "Char:a", ""},
		{int32(65), "char", "Char:A", ""},
		{"ab", "char", "", `Cannot convert value "ab" to type "System.Char". Error: "String must be exactly one character long."`},
		{int32(200), "byte", "Byte:200", ""},
		{int32(300), "byte", "", `Cannot convert value "300" to type "System.Byte". Error: "Value was either too large or too small for an unsigned byte."`},
		{"5", "regex", "String:5", ""},
		{NewHashtable(), "int", "", `Cannot convert the "System.Collections.Hashtable" value of type "System.Collections.Hashtable" to type "System.Int32".`},
		{date(2018, 1, 1, 0, 0, 0), "int", "", `Cannot convert the "01/01/2018 00:00:00" value of type "System.DateTime" to type "System.Int32".`},
		{"x", "securestring", "", `Cannot convert the "x" value of type "System.String" to type "System.Security.SecureString".`},
		{"x", "scriptblock", "", `Cannot convert the "x" value of type "System.String" to type "System.Management.Automation.ScriptBlock".`},
		{"x", "nosuch", "", `Unable to find type [nosuch].`},
		{int32(1), "object", "Int32:1", ""},
	}
	for _, tt := range tests {
		got, err := Convert(tt.in, tt.typ)
		name := show(tt.in) + " -> " + tt.typ
		if tt.errStr != "" {
			check(t, name+" error", errText(err), tt.errStr)
			continue
		}
		if err != nil {
			t.Errorf("%s: unexpected error %v", name, err)
			continue
		}
		check(t, name, show(got), tt.want)
	}
}

func TestConvertCollections(t *testing.T) {
	got, err := Convert("a", "string[]")
	check(t, "scalar to string[]", show(got)+errText(err), "[String:a]")
	got, err = Convert(arr(int32(1), "2"), "int[]")
	check(t, "array to int[]", show(got)+errText(err), "[Int32:1,Int32:2]")
	_, err = Convert(arr(int32(1), "x"), "int[]")
	check(t, "bad element", errText(err), `Cannot convert the "1 x" value of type "System.Object[]" to type "System.Int32[]".`)
	got, err = Convert(arr(int32(1), int32(2)), "System.Collections.ArrayList")
	l, ok := got.(*List)
	if err != nil || !ok || len(l.Items) != 2 || TypeName(l) != TArrayList {
		t.Errorf("ArrayList conversion: %v %v", got, err)
	}
	got, err = Convert(arr(int32(1)), "System.Collections.Generic.List[string]")
	l, ok = got.(*List)
	if err != nil || !ok || show(l.Items[0]) != "String:1" {
		t.Errorf("List[string] conversion: %v %v", got, err)
	}
	h := ht("b", int32(1), "a", int32(2))
	got, err = Convert(h, "pscustomobject")
	check(t, "hashtable to object", ToString(got)+errText(err), "@{b=1; a=2}")
	got, _ = Convert(h, "ordered")
	if !got.(*Hashtable).Ordered {
		t.Error("ordered conversion did not mark the table")
	}
	got, err = Convert("ab", "char[]")
	check(t, "string to char[]", show(got)+errText(err), "[Char:a,Char:b]")
	got, err = Convert(nil, "string[]")
	if got != nil || err != nil {
		t.Errorf("null to string[] = %v, %v", got, err)
	}
}

func TestConvertTimeOnly(t *testing.T) {
	env := &Env{Now: func() time.Time { return date(2020, 2, 3, 4, 5, 6) }}
	got, err := ConvertEnv("10:30", "datetime", env)
	check(t, "time-only", show(got)+errText(err), "DateTime:02/03/2020 10:30:00")
}

func TestParseNumber(t *testing.T) {
	tests := []struct{ in, want string }{
		{"42", "Int32:42"},
		{"-42", "Int32:-42"},
		{"2147483648", "Int64:2147483648"},
		{"1.5", "Double:1.5"},
		{".5", "Double:0.5"},
		{"1e3", "Double:1000"},
		{"0x10", "Int32:16"},
		{"0xFFFFFFFF", "Int32:-1"},
		{"0x80000000", "Int32:-2147483648"},
		{"0x100000000", "Int64:4294967296"},
		{"0b101", "Int32:5"},
		{"10kb", "Int32:10240"},
		{"1gb", "Int32:1073741824"},
		{"1tb", "Int64:1099511627776"},
		{"1.5gb", "Double:1610612736"},
		{"5l", "Int64:5"},
		{"5d", "Double:5"},
		{"3.72y", "Int32:4"},
		{"  7  ", "Int32:7"},
		{"10k", "fail"},
		{"77z", "fail"},
		{"1.2.3", "fail"},
		{"", "fail"},
		{"-", "fail"},
		{"abc", "fail"},
	}
	for _, tt := range tests {
		v, ok := ParseNumber(tt.in)
		got := "fail"
		if ok {
			got = show(v)
		}
		check(t, tt.in, got, tt.want)
	}
}

func TestConvertZonedDate(t *testing.T) {
	got, err := Convert("2018-06-13T10:00:00Z", "datetime")
	if err != nil {
		t.Fatal(err)
	}
	d := got.(time.Time)
	if d.Location() != time.Local {
		t.Errorf("kind = %v, want local", d.Location())
	}
	check(t, "instant", d.UTC().Format(time.RFC3339), "2018-06-13T10:00:00Z")
	got, err = Convert("2018-06-13T10:00:00+02:00", "datetime")
	if err != nil {
		t.Fatal(err)
	}
	check(t, "offset instant", got.(time.Time).UTC().Format(time.RFC3339), "2018-06-13T08:00:00Z")
	got, err = Convert("Wed, 13 Jun 2018 10:00:00 GMT", "datetime")
	if err != nil {
		t.Fatal(err)
	}
	check(t, "rfc1123", got.(time.Time).UTC().Format(time.RFC3339), "2018-06-13T10:00:00Z")
}

func TestIs(t *testing.T) {
	ex := NewObject("Deserialized.Microsoft.Exchange.Data.Directory.Management.Mailbox")
	tests := []struct {
		v    Value
		typ  string
		want bool
	}{
		{arr(), "object[]", true},
		{arr(), "string[]", false},
		{arr(), "System.Collections.IEnumerable", true},
		{NewHashtable(), "System.Collections.IDictionary", true},
		{int32(1), "ValueType", true},
		{int32(1), "psobject", false},
		{NewObject(""), "psobject", true},
		{nil, "object", false},
		{ex, "Deserialized.Microsoft.Exchange.Data.Directory.Management.Mailbox", true},
		{Guid{}, "guid", true},
		{date(2018, 1, 1, 0, 0, 0), "datetime", true},
		{time.Second, "timespan", true},
	}
	for _, tt := range tests {
		got, err := Is(tt.v, tt.typ)
		if err != nil || got != tt.want {
			t.Errorf("%s -is [%s] = %v, %v", show(tt.v), tt.typ, got, err)
		}
	}
}
