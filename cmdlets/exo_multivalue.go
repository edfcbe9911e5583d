package cmdlets

import (
	"fmt"
	"strings"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/value"
)

// mvEdit is the value of a multi-valued Exchange parameter: a list that replaces the
// property, or @{Add=...; Remove=...} that edits it in place.
type mvEdit struct {
	replace     []string
	add, remove []string
	edit        bool // the hashtable form
	clear       bool // $null
}

// mvBinder binds a MultiValuedProperty parameter.
func mvBinder(dst *mvEdit, param string) shell.Binder {
	return shell.Custom("MultiValuedProperty", func(v value.Value) error {
		*dst = mvEdit{}
		if v == nil {
			dst.clear = true
			return nil
		}
		if h, ok := v.(*value.Hashtable); ok {
			dst.edit = true
			for i, k := range h.Keys() {
				vals := mvStrings(h.Values()[i])
				switch strings.ToLower(value.ToString(k)) {
				case "add", "+":
					dst.add = append(dst.add, vals...)
				case "remove", "-":
					dst.remove = append(dst.remove, vals...)
				default:
					return fmt.Errorf("Cannot convert the \"%s\" value of type \"System.Collections.Hashtable\" to type \"Microsoft.Exchange.Data.MultiValuedProperty`1\". The hash table key '%s' isn't valid for parameter %s. Use Add or Remove.",
						value.ToString(v), value.ToString(k), param)
				}
			}
			return nil
		}
		dst.replace = mvStrings(v)
		if len(dst.replace) == 0 {
			dst.clear = true
		}
		return nil
	})
}

// mvStrings flattens a parameter value to its non-empty strings.
func mvStrings(v value.Value) []string {
	var out []string
	for _, x := range items(v) {
		if x == nil {
			continue
		}
		if s := strings.TrimSpace(value.ToString(x)); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// apply returns the new list: cur replaced, or with the additions appended (once) and
// the removals taken out. same compares two entries.
func (e mvEdit) apply(cur []string, same func(a, b string) bool) []string {
	if e.clear {
		return nil
	}
	if !e.edit {
		return dedupe(e.replace, same)
	}
	out := append([]string(nil), cur...)
	for _, a := range e.add {
		if !containsBy(out, a, same) {
			out = append(out, a)
		}
	}
	kept := out[:0]
	for _, x := range out {
		if !containsBy(e.remove, x, same) {
			kept = append(kept, x)
		}
	}
	if len(kept) == 0 {
		return nil
	}
	return kept
}

func containsBy(list []string, s string, same func(a, b string) bool) bool {
	for _, x := range list {
		if same(x, s) {
			return true
		}
	}
	return false
}

func dedupe(list []string, same func(a, b string) bool) []string {
	var out []string
	for _, s := range list {
		if !containsBy(out, s, same) {
			out = append(out, s)
		}
	}
	return out
}

// all returns every value the edit names (to resolve identities beforehand).
func (e mvEdit) all() []string {
	return append(append(append([]string(nil), e.replace...), e.add...), e.remove...)
}

// enumsBinder binds a list of enumeration names (case-insensitive), rejecting others.
func enumsBinder(dst *[]string, enum string, allowed ...string) shell.Binder {
	return shell.Custom(enum+"[]", func(v value.Value) error {
		*dst = nil
		for _, s := range mvStrings(v) {
			name, ok := lookupName(allowed)(s)
			if !ok {
				return &enumError{value: s, enum: enum, names: allowed}
			}
			*dst = append(*dst, name)
		}
		return nil
	})
}
