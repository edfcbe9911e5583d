package cmdlets

import (
	"fmt"
	"strings"

	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/value"
)

// calcProp is one entry of a -Property list: a property name (maybe a wildcard), a script
// block, or a calculated-property hashtable, with the extra keys Format-Table and
// Sort-Object understand.
type calcProp struct {
	Name       string      // column or property name
	Expr       value.Value // string property name or *value.ScriptBlock
	Wildcard   bool        // Name is a wildcard pattern to expand per object
	Width      int
	Alignment  string
	FormatStr  string
	Descending *bool
}

// calcKeys lists, per consumer, the hashtable keys a calculated property may use.
var (
	selectKeys = []string{"Name", "Label", "Expression"}
	formatKeys = []string{"Name", "Label", "Expression", "Width", "Alignment", "FormatString"}
	sortKeys   = []string{"Expression", "Ascending", "Descending"}
	groupKeys  = []string{"Expression"}
)

// parseProps turns a -Property argument list into calcProps. allowed names the hashtable
// keys valid for the calling cmdlet; any case-insensitive prefix of a key is accepted.
func parseProps(list []value.Value, allowed []string) ([]calcProp, error) {
	out := make([]calcProp, 0, len(list))
	for _, x := range list {
		switch t := x.(type) {
		case *value.ScriptBlock:
			out = append(out, calcProp{Name: t.Text, Expr: t})
		case *value.Hashtable:
			p, err := parseCalc(t, allowed)
			if err != nil {
				return nil, err
			}
			out = append(out, p)
		case nil:
			continue
		default:
			s := value.ToString(t)
			out = append(out, calcProp{Name: s, Expr: s, Wildcard: hasWildcard(s)})
		}
	}
	return out, nil
}

// parseCalc reads one @{Name=...; Expression=...} hashtable.
func parseCalc(h *value.Hashtable, allowed []string) (calcProp, error) {
	var p calcProp
	seen := map[string]bool{}
	hasExpr := false
	for i, k := range h.Keys() {
		key := value.ToString(k)
		full := ""
		for _, a := range allowed {
			if len(key) > 0 && strings.HasPrefix(strings.ToLower(a), strings.ToLower(key)) {
				if full != "" && !(isNameKey(full) && isNameKey(a)) {
					return p, fmt.Errorf("The \"%s\" key is not valid.", key)
				}
				if full == "" {
					full = a
				}
			}
		}
		if full == "" {
			return p, fmt.Errorf("The \"%s\" key is not valid.", key)
		}
		canon := full
		if isNameKey(full) {
			canon = "Name"
		}
		if seen[canon] {
			return p, fmt.Errorf("The \"%s\" key has already been specified.", key)
		}
		seen[canon] = true
		v := h.Values()[i]
		switch canon {
		case "Name":
			p.Name = value.ToString(v)
		case "Expression":
			hasExpr = true
			switch e := v.(type) {
			case *value.ScriptBlock:
				p.Expr = e
				if p.Name == "" {
					p.Name = e.Text
				}
			default:
				s := value.ToString(e)
				p.Expr = s
				if p.Name == "" {
					p.Name = s
				}
			}
		case "Width":
			n, err := value.Convert(v, value.TInt32)
			if err != nil {
				return p, err
			}
			p.Width = int(n.(int32))
		case "Alignment":
			p.Alignment = value.ToString(v)
		case "FormatString":
			p.FormatStr = value.ToString(v)
		case "Descending":
			d := value.ToBool(v)
			p.Descending = &d
		case "Ascending":
			d := !value.ToBool(v)
			p.Descending = &d
		}
	}
	if !hasExpr {
		if seen["Descending"] || seen["Ascending"] {
			// Sort-Object allows @{Descending=$true} alone; it orders by the object itself.
			return p, nil
		}
		return p, fmt.Errorf("The Expression key is missing.")
	}
	return p, nil
}

func isNameKey(k string) bool { return k == "Name" || k == "Label" }

// eval computes the property's value for in: a named property (nil when missing) or the
// script block's output with $_ = in (nothing → nil, one value → it, several → an array).
func (p calcProp) eval(c *shell.Context, in value.Value) (value.Value, error) {
	switch e := p.Expr.(type) {
	case *value.ScriptBlock:
		out, err := c.InvokeCollect(e, in)
		if err != nil {
			return nil, err
		}
		switch len(out) {
		case 0:
			return nil, nil
		case 1:
			return out[0], nil
		}
		return out, nil
	case string:
		v, _ := propertyOf(in, e)
		return v, nil
	}
	return in, nil
}

// expand resolves wildcard entries against in's property names, giving one concrete
// calcProp per property, in the order of the list and then of the object.
func expand(props []calcProp, in value.Value) []calcProp {
	var out []calcProp
	for _, p := range props {
		if !p.Wildcard {
			if s, ok := p.Expr.(string); ok && p.Name == s {
				// Use the member's own spelling when it exists.
				for _, n := range propertyNames(in) {
					if strings.EqualFold(n, s) {
						p.Name = n
						break
					}
				}
			}
			out = append(out, p)
			continue
		}
		for _, n := range propertyNames(in) {
			if wildcardMatch(p.Name, n, false) {
				out = append(out, calcProp{Name: n, Expr: n})
			}
		}
	}
	return out
}
