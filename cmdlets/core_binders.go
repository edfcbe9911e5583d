package cmdlets

import (
	"fmt"
	"strings"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/value"
)

// Binders the core cmdlets need beyond the runtime's typed ones: parameters whose meaning
// depends on the kind of argument (ForEach-Object's `{ block }` versus `MemberName`) and
// remaining-argument collectors.

// blockOrNameBinder takes script blocks into blocks and anything else, as a string, into
// name. ForEach-Object and Where-Object use it for their first positional argument, where
// pwsh picks the parameter set from the argument's type.
type blockOrNameBinder struct {
	blocks *[]*value.ScriptBlock
	name   *string
	set    *bool // set when a name was bound
	typ    string
}

func (b blockOrNameBinder) Set(v value.Value) error {
	for _, x := range items(v) {
		if sb, ok := x.(*value.ScriptBlock); ok {
			*b.blocks = append(*b.blocks, sb)
			continue
		}
		if len(items(v)) > 1 {
			return fmt.Errorf("Cannot convert 'System.Object[]' to the type '%s'", b.typ)
		}
		*b.name = value.ToString(x)
		if b.set != nil {
			*b.set = true
		}
	}
	return nil
}

func (b blockOrNameBinder) TypeName() string { return b.typ }

// scriptBlocksBinder collects script blocks (ForEach-Object -Begin/-End/-Process by name).
type scriptBlocksBinder struct{ dst *[]*value.ScriptBlock }

func (b scriptBlocksBinder) Set(v value.Value) error {
	for _, x := range items(v) {
		sb, ok := x.(*value.ScriptBlock)
		if !ok {
			return fmt.Errorf("Cannot convert the \"%s\" value of type \"%s\" to type \"System.Management.Automation.ScriptBlock\".",
				value.ToString(x), firstTypeName(x))
		}
		*b.dst = append(*b.dst, sb)
	}
	return nil
}

func (b scriptBlocksBinder) TypeName() string { return "ScriptBlock[]" }

// collectBinder appends every bound value (remaining arguments, -ArgumentList).
type collectBinder struct {
	dst *[]value.Value
	typ string
}

func (b collectBinder) Set(v value.Value) error {
	*b.dst = append(*b.dst, items(v)...)
	if v == nil {
		*b.dst = append(*b.dst, nil)
	}
	return nil
}

func (b collectBinder) TypeName() string { return b.typ }

// anyBinder stores the argument unchanged (InputObject, -Value of Where-Object).
type anyBinder struct{ dst *value.Value }

func (b anyBinder) Set(v value.Value) error { *b.dst = v; return nil }
func (b anyBinder) TypeName() string        { return "Object" }

// propsBinder takes Select-Object/Sort-Object/Format-* -Property lists: strings, script
// blocks and hashtables, kept as given and interpreted by the cmdlet.
type propsBinder struct{ dst *[]value.Value }

func (b propsBinder) Set(v value.Value) error {
	*b.dst = append((*b.dst)[:0], items(v)...)
	return nil
}

func (b propsBinder) TypeName() string { return "Object[]" }

// intsBinder binds an Int32[] parameter (Select-Object -Index).
type intsBinder struct{ dst *[]int }

func (b intsBinder) Set(v value.Value) error {
	*b.dst = (*b.dst)[:0]
	for _, x := range items(v) {
		n, err := value.Convert(x, value.TInt32)
		if err != nil {
			return err
		}
		i, _ := n.(int32)
		*b.dst = append(*b.dst, int(i))
	}
	return nil
}

func (b intsBinder) TypeName() string { return "Int32[]" }

// enumBinder binds a parameter of a .NET enum type (ConsoleColor, ErrorCategory): names match
// case-insensitively and are stored in their canonical spelling; anything else fails with
// the enum conversion text pwsh shows.
type enumBinder struct {
	dst   *string
	typ   string // full .NET type name, e.g. "System.ConsoleColor"
	names []string
}

func (b enumBinder) Set(v value.Value) error {
	if len(items(v)) == 1 {
		v = items(v)[0]
	}
	s := value.ToString(v)
	for _, n := range b.names {
		if strings.EqualFold(n, strings.TrimSpace(s)) {
			*b.dst = n
			return nil
		}
	}
	return fmt.Errorf("Cannot convert value \"%s\" to type \"%s\". Error: \"Unable to match the identifier name %s to a valid enumerator name. Specify one of the following enumerator names and try again:\n%s\"",
		s, b.typ, s, strings.Join(b.names, ", "))
}

func (b enumBinder) TypeName() string { return value.ShortTypeName(b.typ) }

// rangeBinder binds an Int32 parameter with a [ValidateRange(min, max)] attribute.
type rangeBinder struct {
	dst      *int
	min, max int
}

func (b rangeBinder) Set(v value.Value) error {
	var n int
	if err := shell.Int(&n).Set(v); err != nil {
		return err
	}
	switch {
	case n < b.min:
		return shell.ArgumentValidationError(fmt.Sprintf("The %d argument is less than the minimum allowed range of %d. Supply an argument that is greater than or equal to %d and then try the command again.", n, b.min, b.min))
	case n > b.max:
		return shell.ArgumentValidationError(fmt.Sprintf("The %d argument is greater than the maximum allowed range of %d. Supply an argument that is less than or equal to %d and then try the command again.", n, b.max, b.max))
	}
	*b.dst = n
	return nil
}

func (b rangeBinder) TypeName() string { return "Int32" }
