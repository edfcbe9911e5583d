package value

import (
	"math"
	"testing"
	"time"
)

func TestToString(t *testing.T) {
	obj := NewObject("", Property{"Name", "x"}, Property{"Count", int32(3)})
	tests := []struct {
		in   Value
		want string
	}{
		{nil, ""},
		{"abc", "abc"},
		{true, "True"},
		{false, "False"},
		{int32(-5), "-5"},
		{int64(1) << 40, "1099511627776"},
		{runtimeSum(0.1, 0.2), "0.3"},
		{1.0 / 3, "0.333333333333333"},
		{math.Pi, "3.14159265358979"},
		{1e16, "1E+16"},
		{1e15, "1E+15"},
		{123456789012345.0, "123456789012345"},
		{2.5, "2.5"},
		{0.00001, "1E-05"},
		{0.0001, "0.0001"},
		{-1.5e-7, "-1.5E-07"},
		{2147483648.0, "2147483648"},
		{math.Inf(1), "Infinity"},
		{math.NaN(), "NaN"},
		{date(2018, 6, 13, 9, 15, 0), "06/13/2018 09:15:00"},
		{time.Duration(0), "00:00:00"},
		{26*time.Hour + 3*time.Minute + 4*time.Second, "1.02:03:04"},
		{90 * time.Minute, "01:30:00"},
		{-90 * time.Minute, "-01:30:00"},
		{1500 * time.Millisecond, "00:00:01.5000000"},
		{arr(int32(1), "a", nil, true), "1 a  True"},
		{arr(int32(1), arr(int32(2), int32(3))), "1 System.Object[]"},
		{&List{Items: arr("a", "b")}, "a b"},
		{NewHashtable(), "System.Collections.Hashtable"},
		{&Hashtable{Ordered: true}, "System.Collections.Specialized.OrderedDictionary"},
		{obj, "@{Name=x; Count=3}"},
		{NewObject("", Property{"a", nil}, Property{"b", arr(int32(1))}), "@{a=; b=System.Object[]}"},
		{&ScriptBlock{Text: " $_.Name "}, " $_.Name "},
		{Guid{0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0, 0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0}, "12345678-9abc-def0-1234-56789abcdef0"},
		{NewSecureString("pw"), "System.Security.SecureString"},
		{Char('x'), "x"},
		{TypeValue{Name: TInt32}, "System.Int32"},
	}
	for _, tt := range tests {
		check(t, show(tt.in), ToString(tt.in), tt.want)
	}
}

func TestObjectSetString(t *testing.T) {
	o := NewObject("Microsoft.Exchange.Data.Directory.Management.Mailbox", Property{"Name", "john"})
	o.SetString("john")
	check(t, "exchange object", ToString(o), "john")
	check(t, "copy keeps text", ToString(o.Copy()), "john")
}

func TestToBool(t *testing.T) {
	tests := []struct {
		in   Value
		want bool
	}{
		{nil, false},
		{"", false},
		{"False", true},
		{"0", true},
		{" ", true},
		{int32(0), false},
		{int64(0), false},
		{0.0, false},
		{int32(-1), true},
		{0.5, true},
		{true, true},
		{false, false},
		{arr(), false},
		{arr(int32(0)), false},
		{arr(int32(1)), true},
		{arr(""), false},
		{arr(int32(0), int32(0)), true},
		{arr(arr()), false},
		{arr(arr(int32(0))), true},
		{&List{}, false},
		{NewHashtable(), true},
		{NewObject(""), true},
		{date(2018, 1, 1, 0, 0, 0), true},
		{time.Duration(0), true},
		{Char(0), false},
	}
	for _, tt := range tests {
		if got := ToBool(tt.in); got != tt.want {
			t.Errorf("ToBool(%s) = %v, want %v", show(tt.in), got, tt.want)
		}
	}
}

func TestTypeNames(t *testing.T) {
	tests := []struct {
		in   Value
		want string
	}{
		{int32(1), "System.Int32"},
		{int64(1), "System.Int64"},
		{1.5, "System.Double"},
		{"s", "System.String"},
		{true, "System.Boolean"},
		{arr(), "System.Object[]"},
		{NewHashtable(), "System.Collections.Hashtable"},
		{NewObject(""), "System.Management.Automation.PSCustomObject"},
		{NewObject("My.Type"), "My.Type"},
		{&List{}, "System.Collections.ArrayList"},
		{&ScriptBlock{}, "System.Management.Automation.ScriptBlock"},
		{date(2018, 1, 1, 0, 0, 0), "System.DateTime"},
		{time.Second, "System.TimeSpan"},
		{Guid{}, "System.Guid"},
		{nil, ""},
	}
	for _, tt := range tests {
		check(t, show(tt.in), TypeName(tt.in), tt.want)
	}
	got := TypeNames(NewObject("My.Type"))
	if len(got) != 3 || got[1] != TPSCustom || got[2] != TObject {
		t.Errorf("TypeNames(object) = %v", got)
	}
	got = TypeNames(int32(1))
	if len(got) != 3 || got[1] != "System.ValueType" {
		t.Errorf("TypeNames(int) = %v", got)
	}
}

func TestResolveType(t *testing.T) {
	tests := []struct{ in, want string }{
		{"int", TInt32},
		{"INT", TInt32},
		{"System.Int32", TInt32},
		{"Int32", TInt32},
		{"long", TInt64},
		{"string[]", "System.String[]"},
		{"datetime", TDateTime},
		{"pscustomobject", TPSCustom},
		{"ordered", TOrdered},
		{"Environment", "System.Environment"},
		{"IO.Path", "System.IO.Path"},
		{"System.Collections.Generic.List[string]", "System.Collections.Generic.List`1[[System.String]]"},
		{"System.Collections.ArrayList", TArrayList},
		{"system.collections.generic.list`1[[system.int32]]", "System.Collections.Generic.List`1[[System.Int32]]"},
		{"regex", TRegex},
		{"nosuchtype", ""},
		{"nosuch[]", ""},
	}
	for _, tt := range tests {
		got, _ := ResolveType(tt.in)
		check(t, tt.in, got, tt.want)
	}
	check(t, "unknown type error", ErrUnknownType("Foo").Error(), "Unable to find type [Foo].")
}
