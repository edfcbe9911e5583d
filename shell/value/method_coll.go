package value

import (
	"slices"
	"strings"
)

// strictEqual is Object.Equals as collection methods use it: same type and value, strings
// compared case-sensitively.
func strictEqual(a, b Value) bool {
	if isNumber(a) && isNumber(b) {
		return TypeName(a) == TypeName(b) && asFloat(a) == asFloat(b)
	}
	if TypeName(a) != TypeName(b) {
		return false
	}
	return Equal(a, b, true)
}

// arrayMethod implements the IList methods pwsh exposes on object[].
func arrayMethod(arr []Value, c *call) (Value, bool, error) {
	n := c.n()
	switch strings.ToLower(c.method) {
	case "contains":
		if n != 1 {
			return nil, true, c.overload()
		}
		return slices.ContainsFunc(arr, func(e Value) bool { return strictEqual(e, c.args[0]) }), true, nil
	case "indexof":
		if n != 1 {
			return nil, true, c.overload()
		}
		return int32(slices.IndexFunc(arr, func(e Value) bool { return strictEqual(e, c.args[0]) })), true, nil
	case "clone":
		return slices.Clone(arr), true, nil
	case "getvalue":
		if n != 1 {
			return nil, true, c.overload()
		}
		i, err := c.int(0, "index")
		if err != nil {
			return nil, true, err
		}
		if i < 0 || i >= len(arr) {
			return nil, true, methodError(c.method, n, "Index was outside the bounds of the array.")
		}
		return arr[i], true, nil
	case "setvalue":
		if n != 2 {
			return nil, true, c.overload()
		}
		i, err := c.int(1, "index")
		if err != nil {
			return nil, true, err
		}
		if i < 0 || i >= len(arr) {
			return nil, true, methodError(c.method, n, "Index was outside the bounds of the array.")
		}
		arr[i] = c.args[0]
		return nil, true, nil
	case "add", "remove", "insert", "removeat", "clear":
		return nil, true, methodError(c.method, n, "Collection was of a fixed size.")
	}
	return nil, false, nil
}

// listMethod implements ArrayList and List[T].
func listMethod(l *List, c *call) (Value, bool, error) {
	n := c.n()
	generic := strings.HasPrefix(l.TypeName, TListPrefix)
	elem := func(v Value, i int) (Value, error) {
		if !generic {
			return v, nil
		}
		t := strings.TrimSuffix(l.TypeName[len(TListPrefix):], "]]")
		r, err := convertTo(v, t, nil)
		if err != nil {
			return nil, c.convErr(i, "item", t, err)
		}
		return r, nil
	}
	switch strings.ToLower(c.method) {
	case "add":
		if n != 1 {
			return nil, true, c.overload()
		}
		v, err := elem(c.args[0], 0)
		if err != nil {
			return nil, true, err
		}
		l.Items = append(l.Items, v)
		if generic {
			return nil, true, nil
		}
		return int32(len(l.Items) - 1), true, nil
	case "addrange":
		if n != 1 {
			return nil, true, c.overload()
		}
		for _, e := range items(c.args[0]) {
			v, err := elem(e, 0)
			if err != nil {
				return nil, true, err
			}
			l.Items = append(l.Items, v)
		}
		return nil, true, nil
	case "remove":
		if n != 1 {
			return nil, true, c.overload()
		}
		i := slices.IndexFunc(l.Items, func(e Value) bool { return strictEqual(e, c.args[0]) })
		if i >= 0 {
			l.Items = slices.Delete(l.Items, i, i+1)
		}
		if generic {
			return i >= 0, true, nil
		}
		return nil, true, nil
	case "removeat":
		if n != 1 {
			return nil, true, c.overload()
		}
		i, err := c.int(0, "index")
		if err != nil {
			return nil, true, err
		}
		if i < 0 || i >= len(l.Items) {
			return nil, true, methodError(c.method, n, "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')")
		}
		l.Items = slices.Delete(l.Items, i, i+1)
		return nil, true, nil
	case "insert":
		if n != 2 {
			return nil, true, c.overload()
		}
		i, err := c.int(0, "index")
		if err != nil {
			return nil, true, err
		}
		if i < 0 || i > len(l.Items) {
			return nil, true, methodError(c.method, n, "Index must be within the bounds of the List. (Parameter 'index')")
		}
		v, err := elem(c.args[1], 1)
		if err != nil {
			return nil, true, err
		}
		l.Items = slices.Insert(l.Items, i, v)
		return nil, true, nil
	case "contains":
		if n != 1 {
			return nil, true, c.overload()
		}
		return slices.ContainsFunc(l.Items, func(e Value) bool { return strictEqual(e, c.args[0]) }), true, nil
	case "indexof":
		if n != 1 {
			return nil, true, c.overload()
		}
		return int32(slices.IndexFunc(l.Items, func(e Value) bool { return strictEqual(e, c.args[0]) })), true, nil
	case "clear":
		l.Items = nil
		return nil, true, nil
	case "toarray":
		return slices.Clone(l.Items), true, nil
	case "clone":
		return &List{TypeName: l.TypeName, Items: slices.Clone(l.Items)}, true, nil
	case "reverse":
		slices.Reverse(l.Items)
		return nil, true, nil
	case "sort":
		var err error
		slices.SortStableFunc(l.Items, func(a, b Value) int {
			r, e := Compare(a, b, false)
			if e != nil && err == nil {
				err = e
			}
			return r
		})
		if err != nil {
			return nil, true, methodError(c.method, n, "Failed to compare two elements in the array.")
		}
		return nil, true, nil
	}
	return nil, false, nil
}

// hashtableMethod implements Hashtable / OrderedDictionary.
func hashtableMethod(h *Hashtable, c *call) (Value, bool, error) {
	n := c.n()
	switch strings.ToLower(c.method) {
	case "containskey", "contains":
		if n != 1 {
			return nil, true, c.overload()
		}
		return h.Has(c.args[0]), true, nil
	case "containsvalue":
		if n != 1 {
			return nil, true, c.overload()
		}
		return slices.ContainsFunc(h.vals, func(e Value) bool { return strictEqual(e, c.args[0]) }), true, nil
	case "add":
		if n != 2 {
			return nil, true, c.overload()
		}
		if c.args[0] == nil {
			return nil, true, methodError(c.method, n, "Key cannot be null. (Parameter 'key')")
		}
		if err := h.Add(c.args[0], c.args[1]); err != nil {
			return nil, true, methodError(c.method, n, err.Error())
		}
		return nil, true, nil
	case "remove":
		if n != 1 {
			return nil, true, c.overload()
		}
		h.Remove(c.args[0])
		return nil, true, nil
	case "clear":
		*h = Hashtable{Ordered: h.Ordered, index: map[string]int{}}
		return nil, true, nil
	case "clone":
		return h.Copy(), true, nil
	case "getenumerator":
		out := make([]Value, len(h.keys))
		for i, k := range h.keys {
			out[i] = DictionaryEntry(k, h.vals[i])
		}
		return out, true, nil
	}
	return nil, false, nil
}

// DictionaryEntry builds the System.Collections.DictionaryEntry object that enumerating a
// hashtable yields; Name is the alias of Key that pwsh adds.
func DictionaryEntry(k, v Value) *Object {
	o := NewObject("System.Collections.DictionaryEntry")
	o.SetTypeNames([]string{"System.Collections.DictionaryEntry", "System.ValueType", TObject})
	o.Set("Name", k)
	o.Set("Key", k)
	o.Set("Value", v)
	o.SetString("System.Collections.DictionaryEntry")
	return o
}
