package value

import (
	"strings"
	"time"
)

// Canonical .NET names of the types the value model knows.
const (
	TBool        = "System.Boolean"
	TInt32       = "System.Int32"
	TInt64       = "System.Int64"
	TDouble      = "System.Double"
	TString      = "System.String"
	TDateTime    = "System.DateTime"
	TTimeSpan    = "System.TimeSpan"
	TObjectArray = "System.Object[]"
	THashtable   = "System.Collections.Hashtable"
	TOrdered     = "System.Collections.Specialized.OrderedDictionary"
	TArrayList   = "System.Collections.ArrayList"
	TPSCustom    = "System.Management.Automation.PSCustomObject"
	TPSObject    = "System.Management.Automation.PSObject"
	TScriptBlock = "System.Management.Automation.ScriptBlock"
	TObject      = "System.Object"
	TGuid        = "System.Guid"
	TChar        = "System.Char"
	TByte        = "System.Byte"
	TDecimal     = "System.Decimal"
	TSingle      = "System.Single"
	TSecure      = "System.Security.SecureString"
	TSwitch      = "System.Management.Automation.SwitchParameter"
	TRegex       = "System.Text.RegularExpressions.Regex"
	TArray       = "System.Array"
	TListPrefix  = "System.Collections.Generic.List`1[["
)

// accelerators maps lower-cased short names and full names to canonical .NET names.
var accelerators = map[string]string{
	"int": TInt32, "int32": TInt32, "system.int32": TInt32,
	"long": TInt64, "int64": TInt64, "system.int64": TInt64,
	"int16": "System.Int16", "short": "System.Int16", "system.int16": "System.Int16",
	"uint": "System.UInt32", "uint32": "System.UInt32", "system.uint32": "System.UInt32",
	"ulong": "System.UInt64", "uint64": "System.UInt64", "system.uint64": "System.UInt64",
	"double": TDouble, "system.double": TDouble,
	"float": TSingle, "single": TSingle, "system.single": TSingle,
	"decimal": TDecimal, "system.decimal": TDecimal,
	"string": TString, "system.string": TString,
	"char": TChar, "system.char": TChar,
	"byte": TByte, "system.byte": TByte,
	"bool": TBool, "boolean": TBool, "system.boolean": TBool,
	"switch": TSwitch, "switchparameter": TSwitch, "system.management.automation.switchparameter": TSwitch,
	"datetime": TDateTime, "system.datetime": TDateTime,
	"timespan": TTimeSpan, "system.timespan": TTimeSpan,
	"guid": TGuid, "system.guid": TGuid,
	"array": TArray, "system.array": TArray,
	"object": TObject, "system.object": TObject,
	"psobject": TPSObject, "system.management.automation.psobject": TPSObject,
	"pscustomobject": TPSCustom, "system.management.automation.pscustomobject": TPSCustom,
	"hashtable": THashtable, "system.collections.hashtable": THashtable,
	"ordered": TOrdered, "system.collections.specialized.ordereddictionary": TOrdered,
	"regex": TRegex, "system.text.regularexpressions.regex": TRegex,
	"securestring": TSecure, "system.security.securestring": TSecure,
	"scriptblock": TScriptBlock, "system.management.automation.scriptblock": TScriptBlock,
	"system.collections.arraylist": TArrayList,
	"math":                         "System.Math", "system.math": "System.Math",
	"convert": "System.Convert", "system.convert": "System.Convert",
	"system.io.path":     "System.IO.Path",
	"system.environment": "System.Environment",
	"void":               "System.Void", "system.void": "System.Void",
	"type": "System.Type", "system.type": "System.Type",
	"pscredential": "System.Management.Automation.PSCredential",
	"system.management.automation.pscredential": "System.Management.Automation.PSCredential",
	"system.valuetype":                          "System.ValueType",
	"system.collections.ienumerable":            "System.Collections.IEnumerable",
	"system.collections.ilist":                  "System.Collections.IList",
	"system.collections.idictionary":            "System.Collections.IDictionary",
}

// shortNames gives the Name of a canonical type (GetType().Name, binding messages).
var shortNames = map[string]string{
	TObjectArray: "Object[]",
	TArrayList:   "ArrayList",
	TOrdered:     "OrderedDictionary",
}

// ResolveType returns the canonical .NET full name for a type name as written in a type
// literal ([int], [System.String], [string[]], [System.Collections.Generic.List[string]],
// [Environment]), matching case-insensitively. ok is false for unknown types; report those
// with ErrUnknownType.
func ResolveType(name string) (string, bool) {
	n := strings.TrimSpace(name)
	if n == "" {
		return "", false
	}
	if strings.HasSuffix(n, "[]") {
		elem, ok := ResolveType(n[:len(n)-2])
		if !ok {
			return "", false
		}
		return elem + "[]", true
	}
	lower := strings.ToLower(n)
	if c, ok := accelerators[lower]; ok {
		return c, true
	}
	if c, ok := accelerators["system."+lower]; ok {
		return c, true
	}
	for _, prefix := range []string{"system.collections.generic.list[", "collections.generic.list[", "list["} {
		if strings.HasPrefix(lower, prefix) && strings.HasSuffix(lower, "]") {
			elem, ok := ResolveType(n[len(prefix) : len(n)-1])
			if !ok {
				return "", false
			}
			return TListPrefix + elem + "]]", true
		}
	}
	if strings.HasPrefix(lower, strings.ToLower(TListPrefix)) && strings.HasSuffix(n, "]]") {
		elem, ok := ResolveType(n[len(TListPrefix) : len(n)-2])
		if !ok {
			return "", false
		}
		return TListPrefix + elem + "]]", true
	}
	return "", false
}

// ShortTypeName returns the name without namespace, as .NET's Type.Name gives it
// ("System.Int32" → "Int32", "System.String[]" → "String[]", a List → "List`1").
func ShortTypeName(full string) string {
	if s, ok := shortNames[full]; ok {
		return s
	}
	if strings.HasPrefix(full, TListPrefix) {
		return "List`1"
	}
	if i := strings.LastIndexByte(full, '.'); i >= 0 {
		return full[i+1:]
	}
	return full
}

// TypeName returns the .NET full type name of v; "" for $null.
func TypeName(v Value) string {
	switch v := v.(type) {
	case nil:
		return ""
	case bool:
		return TBool
	case int32:
		return TInt32
	case int64:
		return TInt64
	case float64:
		return TDouble
	case string:
		return TString
	case time.Time:
		return TDateTime
	case time.Duration:
		return TTimeSpan
	case []Value:
		return TObjectArray
	case *List:
		if v.TypeName == "" {
			return TArrayList
		}
		return v.TypeName
	case *Hashtable:
		if v.Ordered {
			return TOrdered
		}
		return THashtable
	case *Object:
		if len(v.typeNames) > 0 {
			return v.typeNames[0]
		}
		return TPSCustom
	case *ScriptBlock:
		return TScriptBlock
	case Custom:
		if n := v.TypeNames(); len(n) > 0 {
			return n[0]
		}
	}
	return TObject
}

// TypeNames returns v's type hierarchy, most specific first, as PSObject.TypeNames lists it.
// Formatting picks views by these names; -is also consults them.
func TypeNames(v Value) []string {
	switch v := v.(type) {
	case nil:
		return nil
	case bool, int32, int64, float64, time.Time, time.Duration:
		return []string{TypeName(v), "System.ValueType", TObject}
	case []Value:
		return []string{TObjectArray, TArray, TObject}
	case *Object:
		return v.typeNames
	case Custom:
		return v.TypeNames()
	}
	return []string{TypeName(v), TObject}
}

// interfaces lists the .NET interfaces a value's Go type implements, for -is.
func interfaces(v Value) []string {
	switch v.(type) {
	case []Value, *List:
		return []string{"System.Collections.IList", "System.Collections.ICollection", "System.Collections.IEnumerable"}
	case *Hashtable:
		return []string{"System.Collections.IDictionary", "System.Collections.ICollection", "System.Collections.IEnumerable"}
	case string:
		return []string{"System.Collections.IEnumerable", "System.IComparable"}
	case int32, int64, float64, time.Time, time.Duration:
		return []string{"System.IComparable", "System.IFormattable"}
	}
	return nil
}

// Is reports whether v is an instance of the named type (-is). typeName may be a short or
// full name; unknown names fail with pwsh's "Unable to find type" error.
func Is(v Value, typeName string) (bool, error) {
	t, ok := ResolveType(typeName)
	if !ok {
		// Exchange objects carry type names that are not .NET accelerators.
		if o, isObj := v.(*Object); isObj {
			for _, n := range o.typeNames {
				if strings.EqualFold(n, typeName) {
					return true, nil
				}
			}
		}
		return false, ErrUnknownType(typeName)
	}
	return isType(v, t), nil
}

func isType(v Value, t string) bool {
	if v == nil {
		return false
	}
	switch t {
	case TObject:
		return true
	case TPSObject:
		// Every value the pipeline sees is wrapped in a PSObject in pwsh; report the
		// objects that are PSObjects in their own right.
		_, ok := v.(*Object)
		return ok
	case TSwitch:
		return false
	}
	if strings.HasSuffix(t, "[]") {
		// Arrays built by the language are always object[].
		_, ok := v.([]Value)
		return ok && t == TObjectArray
	}
	for _, n := range TypeNames(v) {
		if strings.EqualFold(n, t) {
			return true
		}
	}
	for _, n := range interfaces(v) {
		if n == t {
			return true
		}
	}
	return false
}

// TypeValue is a type used as a value: a type literal such as [int] evaluated on its own, or
// the result of GetType().
type TypeValue struct {
	Name string // canonical .NET full name, e.g. "System.Int32"
}

// TypeNames implements Custom: a type literal is a System.RuntimeType.
func (t TypeValue) TypeNames() []string {
	return []string{"System.RuntimeType", "System.Reflection.TypeInfo", "System.Type", "System.Reflection.MemberInfo", TObject}
}

// String gives the full name, as [type].ToString() does.
func (t TypeValue) String() string { return t.Name }

// Member exposes Name, FullName, Namespace, BaseType and IsArray.
func (t TypeValue) Member(name string) (Value, bool) {
	switch strings.ToLower(name) {
	case "name":
		return ShortTypeName(t.Name), true
	case "fullname":
		return t.Name, true
	case "namespace":
		if i := strings.LastIndexByte(t.Name, '.'); i >= 0 && !strings.HasPrefix(t.Name, TListPrefix) {
			return t.Name[:i], true
		}
		return "System.Collections.Generic", true
	case "isarray":
		return strings.HasSuffix(t.Name, "[]"), true
	case "basetype":
		switch {
		case strings.HasSuffix(t.Name, "[]"):
			return TypeValue{Name: TArray}, true
		case t.Name == TObject:
			return nil, true
		}
		switch t.Name {
		case TBool, TInt32, TInt64, TDouble, TDateTime, TTimeSpan, TGuid, TChar, TByte, TDecimal, TSingle:
			return TypeValue{Name: "System.ValueType"}, true
		}
		return TypeValue{Name: TObject}, true
	}
	return nil, false
}
