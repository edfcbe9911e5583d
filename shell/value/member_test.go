package value

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestGetMember(t *testing.T) {
	u1 := NewObject("", Property{"Name", "a"}, Property{"Size", int32(1)})
	u2 := NewObject("", Property{"Name", "b"})
	h := ht("Name", "n", "Count", int32(9))
	d := date(2018, 6, 13, 9, 15, 30)
	tests := []struct {
		v    Value
		name string
		want string
	}{
		{u1, "name", "String:a"},
		{u1, "missing", "none"},
		{h, "name", "String:n"},
		{h, "Count", "Int32:9"},
		{ht("a", int32(1)), "count", "Int32:1"},
		{ht("a", int32(1), "b", int32(2)), "Keys", "[String:a,String:b]"},
		{ht("a", int32(1)), "values", "[Int32:1]"},
		{ht("a", int32(1)), "nokey", "none"},
		{"héllo", "Length", "Int32:5"},
		{arr(int32(1), int32(2)), "Count", "Int32:2"},
		{arr(int32(1), int32(2)), "length", "Int32:2"},
		{arr(u1, u2), "Name", "[String:a,String:b]"},
		{arr(u1, u2), "Size", "Int32:1"},
		{arr(u1, u2), "Nope", "none"},
		{arr("ab", "abc"), "Length", "Int32:2"},
		{arr(NewObject("", Property{"Length", int32(7)})), "Length", "Int32:1"},
		{&List{Items: arr(u1, u2)}, "name", "[String:a,String:b]"},
		{&List{Items: arr(u1)}, "Count", "Int32:1"},
		{d, "Year", "Int32:2018"},
		{d, "Month", "Int32:6"},
		{d, "Day", "Int32:13"},
		{d, "Hour", "Int32:9"},
		{d, "Minute", "Int32:15"},
		{d, "Second", "Int32:30"},
		{d, "DayOfWeek", "String:Wednesday"},
		{d, "DayOfYear", "Int32:164"},
		{d, "Date", "DateTime:06/13/2018 00:00:00"},
		{d, "TimeOfDay", "TimeSpan:09:15:30"},
		{time.Date(1, 1, 1, 0, 0, 1, 0, time.UTC), "Ticks", "Int64:10000000"},
		{time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC), "Ticks", "Int64:636503616000000000"},
		{time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC), "Kind", "String:Utc"},
		{36*time.Hour + 90*time.Second, "Days", "Int32:1"},
		{36*time.Hour + 90*time.Second, "Hours", "Int32:12"},
		{36*time.Hour + 90*time.Second, "Minutes", "Int32:1"},
		{36*time.Hour + 90*time.Second, "Seconds", "Int32:30"},
		{36 * time.Hour, "TotalDays", "Double:1.5"},
		{90 * time.Minute, "TotalHours", "Double:1.5"},
		{90 * time.Second, "TotalMinutes", "Double:1.5"},
		{1500 * time.Millisecond, "TotalSeconds", "Double:1.5"},
		{1500 * time.Millisecond, "TotalMilliseconds", "Double:1500"},
		{TypeValue{Name: TInt32}, "Name", "String:Int32"},
		{TypeValue{Name: TInt32}, "FullName", "String:System.Int32"},
		{NewSecureString("abc"), "Length", "Int32:3"},
		{int32(5), "Foo", "none"},
		{nil, "Foo", "none"},
	}
	for _, tt := range tests {
		got, ok := GetMember(tt.v, tt.name)
		res := "none"
		if ok {
			res = show(got)
		}
		check(t, show(tt.v)+"."+tt.name, res, tt.want)
	}
}

func TestSetMember(t *testing.T) {
	o := NewObject("", Property{"Name", "a"})
	if err := SetMember(o, "NAME", "b"); err != nil {
		t.Fatal(err)
	}
	v, _ := o.Get("name")
	check(t, "set", show(v), "String:b")
	if o.Properties()[0].Name != "Name" {
		t.Error("set changed the property's spelling")
	}
	check(t, "missing", errText(SetMember(o, "X", int32(1))),
		"The property 'X' cannot be found on this object. Verify that the property exists and can be set.")
	h := NewHashtable()
	if err := SetMember(h, "k", int32(1)); err != nil || !h.Has("K") {
		t.Errorf("hashtable set: %v", err)
	}
	check(t, "read-only", errText(SetMember("abc", "length", int32(1))), "'Length' is a ReadOnly property.")
	check(t, "null", errText(SetMember(nil, "x", int32(1))),
		"The property 'x' cannot be found on this object. Verify that the property exists and can be set.")
}

func TestInvokeMethod(t *testing.T) {
	d := date(2018, 6, 13, 9, 15, 0)
	list := &List{Items: arr(int32(1))}
	gen := &List{TypeName: TListPrefix + TString + "]]"}
	tests := []struct {
		v    Value
		name string
		args []Value
		want string
	}{
		{"Hello", "ToUpper", nil, "String:HELLO"},
		{"Hello", "tolower", nil, "String:hello"},
		{"  hi  ", "Trim", nil, "String:hi"},
		{"xxhixx", "Trim", arr("x"), "String:hi"},
		{"xxhi", "TrimStart", arr(Char('x')), "String:hi"},
		{"hi  ", "TrimEnd", nil, "String:hi"},
		{"a,b,,c", "Split", arr(","), "[String:a,String:b,String:,String:c]"},
		{"a,b;c", "Split", arr(",;"), "[String:a,b;c]"},
		{"a,b;c", "Split", arr(arr(Char(','), Char(';'))), "[String:a,String:b,String:c]"},
		{"a,b,,c", "Split", arr(",", "RemoveEmptyEntries"), "[String:a,String:b,String:c]"},
		{"a,b,c", "Split", arr(",", int32(2)), "[String:a,String:b,c]"},
		{"a b", "Split", nil, "[String:a,String:b]"},
		{"a.b.c", "Replace", arr(".", "-"), "String:a-b-c"},
		{"aAa", "Replace", arr("a", "x"), "String:xAx"},
		{"Hello", "Contains", arr("ell"), "Boolean:True"},
		{"Hello", "Contains", arr("ELL"), "Boolean:False"},
		{"Hello", "Contains", arr("ELL", "OrdinalIgnoreCase"), "Boolean:True"},
		{"Hello", "StartsWith", arr("He"), "Boolean:True"},
		{"Hello", "StartsWith", arr("he"), "Boolean:False"},
		{"Hello", "EndsWith", arr("LO", "CurrentCultureIgnoreCase"), "Boolean:True"},
		{"Hello", "IndexOf", arr("l"), "Int32:2"},
		{"Hello", "IndexOf", arr("l", int32(3)), "Int32:3"},
		{"Hello", "IndexOf", arr("z"), "Int32:-1"},
		{"Hello", "LastIndexOf", arr("l"), "Int32:3"},
		{"Hello", "Substring", arr(int32(1)), "String:ello"},
		{"Hello", "Substring", arr(int32(1), int32(3)), "String:ell"},
		{"Hello", "Substring", arr("1", 2.0), "String:el"},
		{"5", "PadLeft", arr(int32(3), "0"), "String:005"},
		{"ab", "PadRight", arr(int32(4)), "String:ab  "},
		{"ac", "Insert", arr(int32(1), "b"), "String:abc"},
		{"abcd", "Remove", arr(int32(1), int32(2)), "String:ad"},
		{"abcd", "Remove", arr(int32(2)), "String:ab"},
		{"abc", "Equals", arr("abc"), "Boolean:True"},
		{"abc", "Equals", arr("ABC"), "Boolean:False"},
		{"a", "CompareTo", arr("b"), "Int32:-1"},
		{"ab", "ToCharArray", nil, "[Char:a,Char:b]"},
		{"ab", "ToString", nil, "String:ab"},
		{"ab", "GetType", nil, "RuntimeType:System.String"},
		{d, "AddDays", arr(int32(1)), "DateTime:06/14/2018 09:15:00"},
		{d, "AddDays", arr(-0.5), "DateTime:06/12/2018 21:15:00"},
		{d, "AddHours", arr(int32(2)), "DateTime:06/13/2018 11:15:00"},
		{d, "AddMinutes", arr(int32(-15)), "DateTime:06/13/2018 09:00:00"},
		{d, "AddSeconds", arr(int32(30)), "DateTime:06/13/2018 09:15:30"},
		{date(2018, 1, 31, 0, 0, 0), "AddMonths", arr(int32(1)), "DateTime:02/28/2018 00:00:00"},
		{date(2016, 2, 29, 0, 0, 0), "AddYears", arr(int32(1)), "DateTime:02/28/2017 00:00:00"},
		{d, "Add", arr(time.Hour), "DateTime:06/13/2018 10:15:00"},
		{d, "Subtract", arr(date(2018, 6, 12, 9, 15, 0)), "TimeSpan:1.00:00:00"},
		{d, "Subtract", arr(time.Hour), "DateTime:06/13/2018 08:15:00"},
		{d, "ToString", nil, "String:6/13/2018 9:15:00 AM"},
		{d, "ToString", arr("yyyy-MM-dd"), "String:2018-06-13"},
		{d, "ToString", arr("s"), "String:2018-06-13T09:15:00"},
		{d, "ToShortDateString", nil, "String:6/13/2018"},
		{d, "ToLongDateString", nil, "String:Wednesday, June 13, 2018"},
		{d, "ToShortTimeString", nil, "String:9:15 AM"},
		{time.Date(2018, 6, 13, 9, 15, 0, 0, time.UTC), "ToString", arr("o"), "String:2018-06-13T09:15:00.0000000Z"},
		{time.Date(2018, 6, 13, 9, 15, 0, 0, time.UTC), "ToUniversalTime", nil, "DateTime:06/13/2018 09:15:00"},
		{90 * time.Minute, "ToString", nil, "String:01:30:00"},
		{90 * time.Minute, "Add", arr(time.Minute), "TimeSpan:01:31:00"},
		{90 * time.Minute, "Subtract", arr("0:30"), "TimeSpan:01:00:00"},
		{int32(5), "ToString", nil, "String:5"},
		{int32(5), "ToString", arr("D3"), "String:005"},
		{1234.5, "ToString", arr("N1"), "String:1,234.5"},
		{1.5, "ToString", nil, "String:1.5"},
		{int32(5), "CompareTo", arr(int32(7)), "Int32:-1"},
		{int32(5), "Equals", arr(int32(5)), "Boolean:True"},
		{int32(5), "GetType", nil, "RuntimeType:System.Int32"},
		{arr(int32(1), int32(2)), "Contains", arr(int32(2)), "Boolean:True"},
		{arr("a"), "Contains", arr("A"), "Boolean:False"},
		{arr(int32(1), int32(2)), "IndexOf", arr(int32(2)), "Int32:1"},
		{arr(int32(1), int32(2)), "Clone", nil, "[Int32:1,Int32:2]"},
		{arr(int32(1)), "ToString", nil, "String:System.Object[]"},
		{arr(int32(1)), "Add", arr(int32(2)), `error: Exception calling "Add" with "1" argument(s): "Collection was of a fixed size."`},
		{list, "Add", arr(int32(2)), "Int32:1"},
		{list, "Contains", arr(int32(2)), "Boolean:True"},
		{list, "IndexOf", arr(int32(2)), "Int32:1"},
		{list, "Insert", arr(int32(0), int32(0)), "null"},
		{list, "ToArray", nil, "[Int32:0,Int32:1,Int32:2]"},
		{list, "Remove", arr(int32(1)), "null"},
		{list, "RemoveAt", arr(int32(0)), "null"},
		{list, "ToArray", nil, "[Int32:2]"},
		{list, "AddRange", arr(arr(int32(3), int32(4))), "null"},
		{list, "ToArray", nil, "[Int32:2,Int32:3,Int32:4]"},
		{list, "RemoveAt", arr(int32(9)), `error: Exception calling "RemoveAt" with "1" argument(s): "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')"`},
		{gen, "Add", arr(int32(5)), "null"},
		{gen, "ToArray", nil, "[String:5]"},
		{ht("a", int32(1)), "ContainsKey", arr("A"), "Boolean:True"},
		{ht("a", int32(1)), "ContainsValue", arr(int32(1)), "Boolean:True"},
		{ht("a", int32(1)), "Add", arr("a", int32(2)), `error: Exception calling "Add" with "2" argument(s): "Item has already been added. Key in dictionary: 'a'  Key being added: 'a'"`},
		{NewObject("", Property{"a", int32(1)}), "ToString", nil, "String:@{a=1}"},
		{NewObject(""), "GetType", nil, "RuntimeType:System.Management.Automation.PSCustomObject"},
		{"abc", "Foo", nil, "error: Method invocation failed because [System.String] does not contain a method named 'Foo'."},
		{"abc", "Substring", arr(int32(1), int32(1), int32(1)), `error: Cannot find an overload for "Substring" and the argument count: "3".`},
		{"abc", "Substring", arr(int32(5)), `error: Exception calling "Substring" with "1" argument(s): "startIndex cannot be larger than length of string. (Parameter 'startIndex')"`},
		{"abc", "Substring", arr("x"), `error: Cannot convert argument "startIndex", with value: "x", for "Substring" to type "System.Int32": "Cannot convert value "x" to type "System.Int32". Error: "The input string 'x' was not in a correct format.""`},
		{nil, "Foo", nil, "error: You cannot call a method on a null-valued expression."},
	}
	for _, tt := range tests {
		got, err := InvokeMethod(tt.v, tt.name, tt.args)
		res := show(got)
		if err != nil {
			res = "error: " + err.Error()
		}
		check(t, show(tt.v)+"."+tt.name+show(tt.args), res, tt.want)
	}
}

func TestHashtableMethods(t *testing.T) {
	h := ht("a", int32(1), "b", int32(2))
	if _, err := InvokeMethod(h, "Remove", arr("A")); err != nil || h.Len() != 1 {
		t.Errorf("Remove: %v, len %d", err, h.Len())
	}
	c, _ := InvokeMethod(h, "Clone", nil)
	if _, err := InvokeMethod(h, "Clear", nil); err != nil || h.Len() != 0 {
		t.Errorf("Clear: %v", err)
	}
	if c.(*Hashtable).Len() != 1 {
		t.Error("Clone shares storage")
	}
	e, _ := InvokeMethod(ht("k", "v"), "GetEnumerator", nil)
	entries := e.([]Value)
	name, _ := GetMember(entries[0], "Name")
	val, _ := GetMember(entries[0], "Value")
	check(t, "entry", show(name)+" "+show(val), "String:k String:v")
}

func TestStatics(t *testing.T) {
	now := time.Date(2020, 2, 3, 4, 5, 6, 0, time.Local)
	tmp := t.TempDir()
	env := &Env{
		Now:     func() time.Time { return now },
		NewGuid: func() Guid { return NewGuidFromBytes([16]byte{1, 2, 3}) },
		TempDir: tmp,
		Getenv:  func(k string) (string, bool) { return map[string]string{"HOME": "/home/u"}[k], k == "HOME" },
	}
	tests := []struct {
		typ, name string
		args      []Value // nil: property
		want      string
	}{
		{"math", "PI", nil, "Double:3.14159265358979"},
		{"Math", "Round", arr(2.5), "Double:2"},
		{"math", "Round", arr(3.5), "Double:4"},
		{"math", "Round", arr(2.125, int32(2)), "Double:2.12"},
		{"math", "Round", arr(1.23456, int32(3)), "Double:1.235"},
		{"math", "Round", arr(2.5, int32(0), "AwayFromZero"), "Double:3"},
		{"math", "Round", arr(int32(7)), "Double:7"},
		{"math", "Floor", arr(2.7), "Double:2"},
		{"math", "Ceiling", arr(2.1), "Double:3"},
		{"math", "Truncate", arr(-2.7), "Double:-2"},
		{"math", "Abs", arr(int32(-3)), "Int32:3"},
		{"math", "Abs", arr(-2.5), "Double:2.5"},
		{"math", "Max", arr(int32(3), int32(7)), "Int32:7"},
		{"math", "Min", arr(int32(3), 1.5), "Double:1.5"},
		{"math", "Pow", arr(int32(2), int32(10)), "Double:1024"},
		{"math", "Sqrt", arr(int32(16)), "Double:4"},
		{"datetime", "Now", nil, "DateTime:02/03/2020 04:05:06"},
		{"DateTime", "Today", nil, "DateTime:02/03/2020 00:00:00"},
		{"datetime", "Parse", arr("6/13/2018"), "DateTime:06/13/2018 00:00:00"},
		{"datetime", "ParseExact", arr("13.06.2018", "dd.MM.yyyy", nil), "DateTime:06/13/2018 00:00:00"},
		{"datetime", "DaysInMonth", arr(int32(2024), int32(2)), "Int32:29"},
		{"datetime", "MinValue", nil, "DateTime:01/01/0001 00:00:00"},
		{"timespan", "FromDays", arr(int32(90)), "TimeSpan:90.00:00:00"},
		{"timespan", "FromHours", arr(1.5), "TimeSpan:01:30:00"},
		{"timespan", "FromMinutes", arr(int32(5)), "TimeSpan:00:05:00"},
		{"timespan", "FromSeconds", arr(int32(30)), "TimeSpan:00:00:30"},
		{"timespan", "Zero", nil, "TimeSpan:00:00:00"},
		{"string", "IsNullOrEmpty", arr(nil), "Boolean:True"},
		{"string", "IsNullOrEmpty", arr(" "), "Boolean:False"},
		{"string", "IsNullOrWhiteSpace", arr(" "), "Boolean:True"},
		{"string", "Join", arr(",", arr("a", "b")), "String:a,b"},
		{"string", "Join", arr("-", "a", "b", "c"), "String:a-b-c"},
		{"string", "Format", arr("{0}:{1}", "a", int32(1)), "String:a:1"},
		{"string", "Format", arr("{0}:{1}", arr("a", "b")), "String:a:b"},
		{"string", "Empty", nil, "String:"},
		{"string", "Concat", arr("a", int32(1)), "String:a1"},
		{"int", "MaxValue", nil, "Int32:2147483647"},
		{"int", "MinValue", nil, "Int32:-2147483648"},
		{"long", "MaxValue", nil, "Int64:9223372036854775807"},
		{"int", "Parse", arr("42"), "Int32:42"},
		{"guid", "NewGuid", []Value{}, "Guid:01020300-0000-4000-8000-000000000000"},
		{"guid", "Empty", nil, "Guid:00000000-0000-0000-0000-000000000000"},
		{"guid", "Parse", arr("01020300-0000-4000-8000-000000000000"), "Guid:01020300-0000-4000-8000-000000000000"},
		{"System.IO.Path", "GetTempPath", []Value{}, "String:" + tmp + "/"},
		{"IO.Path", "Combine", arr("/a", "b", "c.txt"), "String:/a/b/c.txt"},
		{"System.IO.Path", "Combine", arr("/a", "/b"), "String:/b"},
		{"System.IO.Path", "GetFileName", arr("/a/b.txt"), "String:b.txt"},
		{"System.IO.Path", "GetExtension", arr("/a/b.tar.gz"), "String:.gz"},
		{"System.IO.Path", "GetFileNameWithoutExtension", arr("/a/b.txt"), "String:b"},
		{"System.IO.Path", "GetDirectoryName", arr("/a/b.txt"), "String:/a"},
		{"System.Environment", "NewLine", nil, "String:\n"},
		{"Environment", "GetEnvironmentVariable", arr("HOME"), "String:/home/u"},
		{"regex", "Escape", arr("a.b*c"), `String:a\.b\*c`},
		{"regex", "Replace", arr("a1b22", `\d+`, "#"), "String:a#b#"},
		{"math", "Foo", nil, "null"},
	}
	for _, tt := range tests {
		var got Value
		var err error
		if tt.args == nil {
			got, err = GetStatic(tt.typ, tt.name, env)
		} else {
			got, err = InvokeStatic(tt.typ, tt.name, tt.args, env)
		}
		res := show(got)
		if err != nil {
			res = "error: " + err.Error()
		}
		check(t, "["+tt.typ+"]::"+tt.name+show(tt.args), res, tt.want)
	}
	errs := []struct {
		typ, name string
		args      []Value
		want      string
	}{
		{"nosuch", "X", []Value{}, "Unable to find type [nosuch]."},
		{"math", "Foo", []Value{}, "Method invocation failed because [System.Math] does not contain a method named 'Foo'."},
		{"datetime", "Parse", arr("x"), `Exception calling "Parse" with "1" argument(s): "String 'x' was not recognized as a valid DateTime."`},
		{"math", "Round", []Value{}, `Cannot find an overload for "Round" and the argument count: "0".`},
	}
	for _, tt := range errs {
		_, err := InvokeStatic(tt.typ, tt.name, tt.args, env)
		check(t, tt.typ+"::"+tt.name, errText(err), tt.want)
	}
	name, err := InvokeStatic("System.IO.Path", "GetTempFileName", []Value{}, env)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(name.(string)) != tmp || !strings.HasSuffix(name.(string), ".tmp") {
		t.Errorf("temp file %v not under %s", name, tmp)
	}
	if _, err := os.Stat(name.(string)); err != nil {
		t.Errorf("temp file not created: %v", err)
	}
}

func TestMembers(t *testing.T) {
	o := NewObject("", Property{"Name", "x"}, Property{"Count", int32(3)}, Property{"Gone", nil})
	var got []string
	for _, m := range Members(o) {
		got = append(got, m.MemberType+" "+m.Name+" | "+m.Definition)
	}
	want := []string{
		"Method Equals | bool Equals(System.Object obj)",
		"Method GetHashCode | int GetHashCode()",
		"Method GetType | type GetType()",
		"Method ToString | string ToString()",
		"NoteProperty Count | int Count=3",
		"NoteProperty Gone | object Gone=null",
		"NoteProperty Name | string Name=x",
	}
	check(t, "object members", strings.Join(got, "\n"), strings.Join(want, "\n"))
	ms := Members("s")
	last := ms[len(ms)-1]
	check(t, "string last member", last.MemberType+" "+last.Definition, "Property int Length {get;}")
	if Members(nil) != nil {
		t.Error("members of null")
	}
}

func TestEnumerate(t *testing.T) {
	for _, v := range []Value{"abc", NewHashtable(), NewObject(""), int32(1), nil} {
		if _, ok := Enumerate(v); ok {
			t.Errorf("%s enumerated", show(v))
		}
	}
	if it, ok := Enumerate(&List{Items: arr(int32(1))}); !ok || len(it) != 1 {
		t.Error("list not enumerated")
	}
	var seen []Value
	_ = ForEach(arr(int32(1), int32(2)), func(v Value) error { seen = append(seen, v); return nil })
	_ = ForEach("x", func(v Value) error { seen = append(seen, v); return nil })
	_ = ForEach(nil, func(v Value) error { seen = append(seen, v); return nil })
	check(t, "ForEach", show(seen), "[Int32:1,Int32:2,String:x]")
}
