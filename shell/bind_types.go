package shell

import (
	"fmt"
	"strings"
	"time"

	"github.com/exosh/exosh/shell/value"
)

// The typed binders cmdlets use in their Params tables. Each converts the bound argument with
// value.Convert and reports conversion failures with the inner reason only; the parameter
// binder adds pwsh's "Cannot bind parameter 'X'. " prefix (see bindFailure for the forms
// that need a different wording).

// bindFailure is a binder error whose full text depends on the parameter name, for the pwsh
// messages that are not of the "Cannot bind parameter 'X'. <reason>" form.
type bindFailure struct {
	kind     failKind
	reason   string // the text after the kind's prefix
	from, to string // type names for failRequiredBy
}

type failKind int

const (
	// failTransform: "Cannot process argument transformation on parameter 'X'. <reason>"
	failTransform failKind = iota
	// failValidate: "Cannot validate argument on parameter 'X'. <reason>"
	failValidate
	// failRequiredBy: "Cannot convert 'A' to the type 'B' required by parameter 'X'. Specified method is not supported."
	failRequiredBy
)

func (f *bindFailure) Error() string { return f.reason }

// message renders the full pwsh text for parameter name.
func (f *bindFailure) message(param string) string {
	switch f.kind {
	case failTransform:
		return fmt.Sprintf("Cannot process argument transformation on parameter '%s'. %s", param, f.reason)
	case failValidate:
		return fmt.Sprintf("Cannot validate argument on parameter '%s'. %s", param, f.reason)
	default:
		return fmt.Sprintf("Cannot convert '%s' to the type '%s' required by parameter '%s'. Specified method is not supported.", f.from, f.to, param)
	}
}

// errorID is the FullyQualifiedErrorId pwsh gives the failure.
func (f *bindFailure) errorID() string {
	switch f.kind {
	case failTransform:
		return "ParameterArgumentTransformationError"
	case failValidate:
		return "ParameterArgumentValidationError"
	default:
		return "CannotConvertArgument"
	}
}

// ArgumentValidationError returns a binder error rendered as pwsh's
// "Cannot validate argument on parameter 'X'. <reason>" (ValidateSet, ValidateRange ... in
// custom binders).
func ArgumentValidationError(reason string) error {
	return &bindFailure{kind: failValidate, reason: reason}
}

// ArgumentTransformationError returns a binder error rendered as pwsh's
// "Cannot process argument transformation on parameter 'X'. <reason>".
func ArgumentTransformationError(reason string) error {
	return &bindFailure{kind: failTransform, reason: reason}
}

// asSlice returns the elements of an array-like argument.
func asSlice(v value.Value) ([]value.Value, bool) {
	switch x := v.(type) {
	case []value.Value:
		return x, true
	case *value.List:
		return x.Items, true
	}
	return nil, false
}

// scalarArg converts v for a scalar parameter of .NET type full: a one-element array is
// unwrapped, a longer array is pwsh's "Cannot convert 'System.Object[]' ..." failure.
func scalarArg(v value.Value, full string) (value.Value, error) {
	if items, ok := asSlice(v); ok {
		if len(items) != 1 {
			return nil, &bindFailure{kind: failRequiredBy, from: value.TypeName(v), to: full}
		}
		v = items[0]
	}
	return value.Convert(v, full)
}

// fullTypeName maps a binder's short type name to the .NET full name shown in
// "Specify a parameter of type 'System.String'".
func fullTypeName(short string) string {
	if full, ok := value.ResolveType(short); ok {
		return full
	}
	if strings.Contains(short, ".") {
		return short
	}
	return "System." + short
}

type stringBinder struct{ dst *string }

// String binds a System.String parameter. $null binds as "".
func String(dst *string) Binder { return stringBinder{dst} }

func (b stringBinder) Set(v value.Value) error {
	if v == nil {
		*b.dst = ""
		return nil
	}
	if sb, ok := v.(*value.ScriptBlock); ok { // -Filter {...} passes its source text
		*b.dst = sb.Text
		return nil
	}
	x, err := scalarArg(v, value.TString)
	if err != nil {
		return err
	}
	*b.dst = value.ToString(x)
	return nil
}

func (stringBinder) TypeName() string { return "String" }

type stringsBinder struct{ dst *[]string }

// Strings binds a System.String[] parameter; a scalar becomes a one-element array.
func Strings(dst *[]string) Binder { return stringsBinder{dst} }

func (b stringsBinder) Set(v value.Value) error {
	if v == nil {
		*b.dst = nil
		return nil
	}
	items, ok := asSlice(v)
	if !ok {
		items = []value.Value{v}
	}
	out := make([]string, 0, len(items))
	for _, it := range items {
		if sb, ok := it.(*value.ScriptBlock); ok {
			out = append(out, sb.Text)
			continue
		}
		x, err := value.Convert(it, value.TString)
		if err != nil {
			return err
		}
		out = append(out, value.ToString(x))
	}
	*b.dst = out
	return nil
}

func (stringsBinder) TypeName() string { return "String[]" }

type intBinder struct{ dst *int }

// Int binds a System.Int32 parameter.
func Int(dst *int) Binder { return intBinder{dst} }

func (b intBinder) Set(v value.Value) error {
	x, err := scalarArg(v, value.TInt32)
	if err != nil {
		return err
	}
	n, _ := x.(int32)
	*b.dst = int(n)
	return nil
}

func (intBinder) TypeName() string { return "Int32" }

type int64Binder struct{ dst *int64 }

// Int64 binds a System.Int64 parameter.
func Int64(dst *int64) Binder { return int64Binder{dst} }

func (b int64Binder) Set(v value.Value) error {
	x, err := scalarArg(v, value.TInt64)
	if err != nil {
		return err
	}
	n, _ := x.(int64)
	*b.dst = n
	return nil
}

func (int64Binder) TypeName() string { return "Int64" }

type doubleBinder struct{ dst *float64 }

// Double binds a System.Double parameter.
func Double(dst *float64) Binder { return doubleBinder{dst} }

func (b doubleBinder) Set(v value.Value) error {
	x, err := scalarArg(v, value.TDouble)
	if err != nil {
		return err
	}
	f, _ := x.(float64)
	*b.dst = f
	return nil
}

func (doubleBinder) TypeName() string { return "Double" }

// boolArg implements pwsh's rule for Boolean parameters: only Booleans and numbers.
func boolArg(v value.Value) (bool, error) {
	if items, ok := asSlice(v); ok && len(items) == 1 {
		v = items[0]
	}
	switch x := v.(type) {
	case bool:
		return x, nil
	case int32, int64, float64:
		return value.ToBool(x), nil
	case nil:
		return false, nil
	}
	if c, ok := v.(value.Custom); ok && c.TypeNames()[0] == value.TSwitch {
		return value.ToBool(v), nil
	}
	return false, ArgumentTransformationError(fmt.Sprintf(
		"Cannot convert value \"%s\" to type \"System.Boolean\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.",
		value.TypeName(v)))
}

type boolBinder struct{ dst *bool }

// Bool binds a System.Boolean parameter (`-AuditEnabled $true`): Booleans and numbers only.
func Bool(dst *bool) Binder { return boolBinder{dst} }

func (b boolBinder) Set(v value.Value) error {
	x, err := boolArg(v)
	if err != nil {
		return err
	}
	*b.dst = x
	return nil
}

func (boolBinder) TypeName() string { return "Boolean" }

type switchBinder struct{ dst *bool }

// Switch binds a SwitchParameter: present means true; -Name:$false gives an explicit value.
func Switch(dst *bool) Binder { return switchBinder{dst} }

func (b switchBinder) Set(v value.Value) error {
	x, err := boolArg(v)
	if err != nil {
		return err
	}
	*b.dst = x
	return nil
}

func (switchBinder) TypeName() string { return "SwitchParameter" }

// IsSwitch marks the binder as a switch.
func (switchBinder) IsSwitch() {}

type dateBinder struct{ dst *time.Time }

// Date binds a System.DateTime parameter (strings parsed with the en-US culture).
func Date(dst *time.Time) Binder { return dateBinder{dst} }

func (b dateBinder) Set(v value.Value) error {
	x, err := scalarArg(v, value.TDateTime)
	if err != nil {
		return err
	}
	t, _ := x.(time.Time)
	*b.dst = t
	return nil
}

func (dateBinder) TypeName() string { return "DateTime" }

type timeSpanBinder struct{ dst *time.Duration }

// TimeSpan binds a System.TimeSpan parameter.
func TimeSpan(dst *time.Duration) Binder { return timeSpanBinder{dst} }

func (b timeSpanBinder) Set(v value.Value) error {
	x, err := scalarArg(v, value.TTimeSpan)
	if err != nil {
		return err
	}
	d, _ := x.(time.Duration)
	*b.dst = d
	return nil
}

func (timeSpanBinder) TypeName() string { return "TimeSpan" }

type valueBinder struct{ dst *value.Value }

// Value binds a System.Object parameter: any value, unconverted.
func Value(dst *value.Value) Binder { return valueBinder{dst} }

func (b valueBinder) Set(v value.Value) error {
	*b.dst = v
	return nil
}

func (valueBinder) TypeName() string { return "Object" }

type valuesBinder struct{ dst *[]value.Value }

// Values binds a System.Object[] parameter: a scalar becomes a one-element array, $null an
// array holding $null.
func Values(dst *[]value.Value) Binder { return valuesBinder{dst} }

func (b valuesBinder) Set(v value.Value) error {
	if items, ok := asSlice(v); ok {
		*b.dst = append([]value.Value(nil), items...)
		return nil
	}
	*b.dst = []value.Value{v}
	return nil
}

func (valuesBinder) TypeName() string { return "Object[]" }

type scriptBlockBinder struct{ dst **value.ScriptBlock }

// ScriptBlock binds a ScriptBlock parameter.
func ScriptBlock(dst **value.ScriptBlock) Binder { return scriptBlockBinder{dst} }

func (b scriptBlockBinder) Set(v value.Value) error {
	if v == nil {
		*b.dst = nil
		return nil
	}
	x, err := scalarArg(v, value.TScriptBlock)
	if err != nil {
		return err
	}
	sb, ok := x.(*value.ScriptBlock)
	if !ok {
		return fmt.Errorf("Cannot convert the \"%s\" value of type \"%s\" to type \"%s\".",
			value.ToString(v), value.TypeName(v), value.TScriptBlock)
	}
	*b.dst = sb
	return nil
}

func (scriptBlockBinder) TypeName() string { return "ScriptBlock" }

type hashtableBinder struct{ dst **value.Hashtable }

// Hashtable binds a Hashtable parameter (ordered dictionaries are accepted as they are).
func Hashtable(dst **value.Hashtable) Binder { return hashtableBinder{dst} }

func (b hashtableBinder) Set(v value.Value) error {
	if v == nil {
		*b.dst = nil
		return nil
	}
	if h, ok := v.(*value.Hashtable); ok {
		*b.dst = h
		return nil
	}
	x, err := scalarArg(v, value.THashtable)
	if err != nil {
		return err
	}
	h, ok := x.(*value.Hashtable)
	if !ok {
		return fmt.Errorf("Cannot convert the \"%s\" value of type \"%s\" to type \"%s\".",
			value.ToString(v), value.TypeName(v), value.THashtable)
	}
	*b.dst = h
	return nil
}

func (hashtableBinder) TypeName() string { return "Hashtable" }

type enumBinder struct {
	dst     *string
	allowed []string
}

// Enum binds a String parameter restricted to allowed values (pwsh's ValidateSet): matching
// is case-insensitive and the canonical casing from allowed is stored.
func Enum(dst *string, allowed ...string) Binder { return enumBinder{dst, allowed} }

func (b enumBinder) Set(v value.Value) error {
	x, err := scalarArg(v, value.TString)
	if err != nil {
		return err
	}
	s := value.ToString(x)
	for _, a := range b.allowed {
		if strings.EqualFold(a, s) {
			*b.dst = a
			return nil
		}
	}
	return ArgumentValidationError(fmt.Sprintf(
		"The argument \"%s\" does not belong to the set \"%s\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.",
		s, strings.Join(b.allowed, ",")))
}

func (enumBinder) TypeName() string { return "String" }

type customBinder struct {
	typeName string
	set      func(value.Value) error
}

// Custom binds a parameter through set; typeName is the short .NET type name shown in errors
// and help ("Unlimited`1", "RecipientIdParameter" ...).
func Custom(typeName string, set func(value.Value) error) Binder {
	return customBinder{typeName, set}
}

func (b customBinder) Set(v value.Value) error { return b.set(v) }

func (b customBinder) TypeName() string { return b.typeName }

// EnumBinder is implemented by binders whose parameter takes one of a fixed set of
// values, so that tab completion and help can list them.
type EnumBinder interface {
	Binder
	// Values returns the allowed values in their canonical casing.
	Values() []string
}

// Values returns the allowed values (tab completion lists them).
func (b enumBinder) Values() []string { return append([]string(nil), b.allowed...) }
