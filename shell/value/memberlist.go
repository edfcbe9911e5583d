package value

import (
	"sort"
	"strings"
	"time"
)

// objectMethods are the System.Object methods every value lists.
var objectMethods = []MemberInfo{
	{"Equals", "Method", "bool Equals(System.Object obj)"},
	{"GetHashCode", "Method", "int GetHashCode()"},
	{"GetType", "Method", "type GetType()"},
	{"ToString", "Method", "string ToString()"},
}

var stringMembers = []MemberInfo{
	{"Length", "Property", "int Length {get;}"},
	{"Chars", "ParameterizedProperty", "char Chars(int index) {get;}"},
	{"Clone", "Method", "System.Object Clone(), System.Object ICloneable.Clone()"},
	{"CompareTo", "Method", "int CompareTo(System.Object value), int CompareTo(string strB)"},
	{"Contains", "Method", "bool Contains(string value), bool Contains(string value, System.StringComparison comparisonType), bool Contains(char value)"},
	{"EndsWith", "Method", "bool EndsWith(string value), bool EndsWith(string value, System.StringComparison comparisonType), bool EndsWith(char value)"},
	{"Equals", "Method", "bool Equals(System.Object obj), bool Equals(string value), bool Equals(string value, System.StringComparison comparisonType)"},
	{"GetEnumerator", "Method", "System.CharEnumerator GetEnumerator()"},
	{"GetHashCode", "Method", "int GetHashCode()"},
	{"GetType", "Method", "type GetType()"},
	{"IndexOf", "Method", "int IndexOf(char value), int IndexOf(char value, int startIndex), int IndexOf(string value), int IndexOf(string value, int startIndex), int IndexOf(string value, System.StringComparison comparisonType)"},
	{"Insert", "Method", "string Insert(int startIndex, string value)"},
	{"IsNormalized", "Method", "bool IsNormalized()"},
	{"LastIndexOf", "Method", "int LastIndexOf(char value), int LastIndexOf(string value), int LastIndexOf(string value, int startIndex)"},
	{"PadLeft", "Method", "string PadLeft(int totalWidth), string PadLeft(int totalWidth, char paddingChar)"},
	{"PadRight", "Method", "string PadRight(int totalWidth), string PadRight(int totalWidth, char paddingChar)"},
	{"Remove", "Method", "string Remove(int startIndex, int count), string Remove(int startIndex)"},
	{"Replace", "Method", "string Replace(string oldValue, string newValue), string Replace(string oldValue, string newValue, bool ignoreCase, cultureinfo culture)"},
	{"Split", "Method", "string[] Split(char separator, System.StringSplitOptions options), string[] Split(string separator, System.StringSplitOptions options), string[] Split(Params char[] separator)"},
	{"StartsWith", "Method", "bool StartsWith(string value), bool StartsWith(string value, System.StringComparison comparisonType), bool StartsWith(char value)"},
	{"Substring", "Method", "string Substring(int startIndex), string Substring(int startIndex, int length)"},
	{"ToCharArray", "Method", "char[] ToCharArray()"},
	{"ToLower", "Method", "string ToLower()"},
	{"ToLowerInvariant", "Method", "string ToLowerInvariant()"},
	{"ToString", "Method", "string ToString()"},
	{"ToUpper", "Method", "string ToUpper()"},
	{"ToUpperInvariant", "Method", "string ToUpperInvariant()"},
	{"Trim", "Method", "string Trim(), string Trim(char trimChar), string Trim(Params char[] trimChars)"},
	{"TrimEnd", "Method", "string TrimEnd(), string TrimEnd(char trimChar), string TrimEnd(Params char[] trimChars)"},
	{"TrimStart", "Method", "string TrimStart(), string TrimStart(char trimChar), string TrimStart(Params char[] trimChars)"},
}

var dateMembers = []MemberInfo{
	{"Date", "Property", "datetime Date {get;}"},
	{"Day", "Property", "int Day {get;}"},
	{"DayOfWeek", "Property", "System.DayOfWeek DayOfWeek {get;}"},
	{"DayOfYear", "Property", "int DayOfYear {get;}"},
	{"Hour", "Property", "int Hour {get;}"},
	{"Kind", "Property", "System.DateTimeKind Kind {get;}"},
	{"Microsecond", "Property", "int Microsecond {get;}"},
	{"Millisecond", "Property", "int Millisecond {get;}"},
	{"Minute", "Property", "int Minute {get;}"},
	{"Month", "Property", "int Month {get;}"},
	{"Second", "Property", "int Second {get;}"},
	{"Ticks", "Property", "long Ticks {get;}"},
	{"TimeOfDay", "Property", "timespan TimeOfDay {get;}"},
	{"Year", "Property", "int Year {get;}"},
	{"DateTime", "ScriptProperty", "System.Object DateTime {get=if ((& { Set-StrictMode -Version 1; $this.DisplayHint }) -ieq  \"Date\")...;}"},
	{"Add", "Method", "datetime Add(timespan value)"},
	{"AddDays", "Method", "datetime AddDays(double value)"},
	{"AddHours", "Method", "datetime AddHours(double value)"},
	{"AddMilliseconds", "Method", "datetime AddMilliseconds(double value)"},
	{"AddMinutes", "Method", "datetime AddMinutes(double value)"},
	{"AddMonths", "Method", "datetime AddMonths(int months)"},
	{"AddSeconds", "Method", "datetime AddSeconds(double value)"},
	{"AddTicks", "Method", "datetime AddTicks(long value)"},
	{"AddYears", "Method", "datetime AddYears(int value)"},
	{"CompareTo", "Method", "int CompareTo(System.Object value), int CompareTo(datetime value)"},
	{"IsDaylightSavingTime", "Method", "bool IsDaylightSavingTime()"},
	{"Subtract", "Method", "timespan Subtract(datetime value), datetime Subtract(timespan value)"},
	{"ToFileTime", "Method", "long ToFileTime()"},
	{"ToFileTimeUtc", "Method", "long ToFileTimeUtc()"},
	{"ToLocalTime", "Method", "datetime ToLocalTime()"},
	{"ToLongDateString", "Method", "string ToLongDateString()"},
	{"ToLongTimeString", "Method", "string ToLongTimeString()"},
	{"ToShortDateString", "Method", "string ToShortDateString()"},
	{"ToShortTimeString", "Method", "string ToShortTimeString()"},
	{"ToString", "Method", "string ToString(), string ToString(string format), string ToString(System.IFormatProvider provider), string ToString(string format, System.IFormatProvider provider)"},
	{"ToUniversalTime", "Method", "datetime ToUniversalTime()"},
}

var timeSpanMembers = []MemberInfo{
	{"Days", "Property", "int Days {get;}"},
	{"Hours", "Property", "int Hours {get;}"},
	{"Milliseconds", "Property", "int Milliseconds {get;}"},
	{"Minutes", "Property", "int Minutes {get;}"},
	{"Seconds", "Property", "int Seconds {get;}"},
	{"Ticks", "Property", "long Ticks {get;}"},
	{"TotalDays", "Property", "double TotalDays {get;}"},
	{"TotalHours", "Property", "double TotalHours {get;}"},
	{"TotalMilliseconds", "Property", "double TotalMilliseconds {get;}"},
	{"TotalMinutes", "Property", "double TotalMinutes {get;}"},
	{"TotalSeconds", "Property", "double TotalSeconds {get;}"},
	{"Add", "Method", "timespan Add(timespan ts)"},
	{"CompareTo", "Method", "int CompareTo(System.Object value), int CompareTo(timespan value)"},
	{"Duration", "Method", "timespan Duration()"},
	{"Negate", "Method", "timespan Negate()"},
	{"Subtract", "Method", "timespan Subtract(timespan ts)"},
	{"ToString", "Method", "string ToString(), string ToString(string format), string ToString(string format, System.IFormatProvider formatProvider)"},
}

func numberMembers(short string) []MemberInfo {
	return []MemberInfo{
		{"CompareTo", "Method", "int CompareTo(System.Object value), int CompareTo(" + short + " value)"},
		{"GetTypeCode", "Method", "System.TypeCode GetTypeCode()"},
		{"ToString", "Method", "string ToString(), string ToString(string format), string ToString(System.IFormatProvider provider), string ToString(string format, System.IFormatProvider provider)"},
	}
}

var hashtableMembers = []MemberInfo{
	{"Count", "Property", "int Count {get;}"},
	{"IsFixedSize", "Property", "bool IsFixedSize {get;}"},
	{"IsReadOnly", "Property", "bool IsReadOnly {get;}"},
	{"IsSynchronized", "Property", "bool IsSynchronized {get;}"},
	{"Keys", "Property", "System.Collections.ICollection Keys {get;}"},
	{"Values", "Property", "System.Collections.ICollection Values {get;}"},
	{"Item", "ParameterizedProperty", "System.Object Item(System.Object key) {get;set;}"},
	{"Add", "Method", "void Add(System.Object key, System.Object value)"},
	{"Clear", "Method", "void Clear()"},
	{"Clone", "Method", "System.Object Clone()"},
	{"Contains", "Method", "bool Contains(System.Object key)"},
	{"ContainsKey", "Method", "bool ContainsKey(System.Object key)"},
	{"ContainsValue", "Method", "bool ContainsValue(System.Object value)"},
	{"GetEnumerator", "Method", "System.Collections.IDictionaryEnumerator GetEnumerator()"},
	{"Remove", "Method", "void Remove(System.Object key)"},
}

var listMembers = []MemberInfo{
	{"Capacity", "Property", "int Capacity {get;set;}"},
	{"Count", "Property", "int Count {get;}"},
	{"Item", "ParameterizedProperty", "System.Object Item(int index) {get;set;}"},
	{"Add", "Method", "int Add(System.Object value)"},
	{"AddRange", "Method", "void AddRange(System.Collections.ICollection c)"},
	{"Clear", "Method", "void Clear()"},
	{"Clone", "Method", "System.Object Clone()"},
	{"Contains", "Method", "bool Contains(System.Object item)"},
	{"IndexOf", "Method", "int IndexOf(System.Object value)"},
	{"Insert", "Method", "void Insert(int index, System.Object value)"},
	{"Remove", "Method", "void Remove(System.Object obj)"},
	{"RemoveAt", "Method", "void RemoveAt(int index)"},
	{"Reverse", "Method", "void Reverse()"},
	{"Sort", "Method", "void Sort()"},
	{"ToArray", "Method", "System.Object[] ToArray()"},
}

var arrayMembers = []MemberInfo{
	{"Count", "AliasProperty", "Count = Length"},
	{"IsFixedSize", "Property", "bool IsFixedSize {get;}"},
	{"IsReadOnly", "Property", "bool IsReadOnly {get;}"},
	{"IsSynchronized", "Property", "bool IsSynchronized {get;}"},
	{"Length", "Property", "int Length {get;}"},
	{"LongLength", "Property", "long LongLength {get;}"},
	{"Rank", "Property", "int Rank {get;}"},
	{"Clone", "Method", "System.Object Clone()"},
	{"Contains", "Method", "bool IList.Contains(System.Object value)"},
	{"GetValue", "Method", "System.Object GetValue(int index)"},
	{"IndexOf", "Method", "int IList.IndexOf(System.Object value)"},
	{"SetValue", "Method", "void SetValue(System.Object value, int index)"},
}

// definitionType is how Get-Member names a value's type in a NoteProperty definition:
// the accelerator for common types, else the full name.
func definitionType(v Value) string {
	switch v.(type) {
	case nil:
		return "object"
	case string:
		return "string"
	case int32:
		return "int"
	case int64:
		return "long"
	case float64:
		return "double"
	case bool:
		return "bool"
	case time.Time:
		return "datetime"
	case time.Duration:
		return "timespan"
	case *Hashtable:
		if v.(*Hashtable).Ordered {
			return TOrdered
		}
		return "hashtable"
	case Guid:
		return "guid"
	case *ScriptBlock:
		return "scriptblock"
	case []Value:
		return "Object[]"
	case *Object:
		return TPSCustom
	}
	return TypeName(v)
}

// Members lists v's members for Get-Member, sorted by MemberType then Name as Get-Member
// prints them.
func Members(v Value) []MemberInfo {
	var ms []MemberInfo
	withObject := func(own []MemberInfo) []MemberInfo {
		seen := map[string]bool{}
		for _, m := range own {
			seen[strings.ToLower(m.Name)] = true
		}
		out := append([]MemberInfo{}, own...)
		for _, m := range objectMethods {
			if !seen[strings.ToLower(m.Name)] {
				out = append(out, m)
			}
		}
		return out
	}
	switch x := v.(type) {
	case nil:
		return nil
	case *Object:
		for _, p := range x.props {
			val := ToString(p.Value)
			if p.Value == nil {
				val = "null"
			}
			ms = append(ms, MemberInfo{p.Name, "NoteProperty", definitionType(p.Value) + " " + p.Name + "=" + val})
		}
		ms = withObject(ms)
	case string:
		ms = stringMembers
	case time.Time:
		ms = withObject(dateMembers)
	case time.Duration:
		ms = withObject(timeSpanMembers)
	case int32, int64, float64, Byte:
		ms = withObject(numberMembers(definitionType(v)))
	case *Hashtable:
		ms = withObject(hashtableMembers)
	case *List:
		ms = withObject(listMembers)
	case []Value:
		ms = withObject(arrayMembers)
	case MemberLister:
		ms = withObject(x.MemberList())
	default:
		ms = withObject(nil)
	}
	out := append([]MemberInfo{}, ms...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].MemberType != out[j].MemberType {
			return out[i].MemberType < out[j].MemberType
		}
		return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name)
	})
	return out
}
