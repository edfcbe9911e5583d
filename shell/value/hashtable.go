package value

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// hashKey normalizes a key so that lookups follow PowerShell's Hashtable: strings compare
// case-insensitively, and numbers of different types with the same value are the same key.
func hashKey(k Value) string {
	switch k := k.(type) {
	case string:
		return "s:" + strings.ToLower(k)
	case int32:
		return "n:" + strconv.FormatInt(int64(k), 10)
	case int64:
		return "n:" + strconv.FormatInt(k, 10)
	case float64:
		if k == math.Trunc(k) && math.Abs(k) < 1<<53 {
			return "n:" + strconv.FormatInt(int64(k), 10)
		}
		return "f:" + strconv.FormatFloat(k, 'g', -1, 64)
	case bool:
		return "b:" + strconv.FormatBool(k)
	case nil:
		return "z:"
	case Custom:
		return "c:" + strings.ToLower(k.String())
	default:
		return fmt.Sprintf("p:%p", k)
	}
}

// Len returns the number of entries.
func (h *Hashtable) Len() int { return len(h.keys) }

// Get returns the value stored under key.
func (h *Hashtable) Get(key Value) (Value, bool) {
	i, ok := h.index[hashKey(key)]
	if !ok {
		return nil, false
	}
	return h.vals[i], true
}

// Set stores v under key, replacing an existing entry in place.
func (h *Hashtable) Set(key, v Value) {
	if h.index == nil {
		h.index = map[string]int{}
	}
	k := hashKey(key)
	if i, ok := h.index[k]; ok {
		h.vals[i] = v
		return
	}
	h.index[k] = len(h.keys)
	h.keys = append(h.keys, key)
	h.vals = append(h.vals, v)
}

// Add stores v under key and fails when the key exists, as Hashtable.Add does.
func (h *Hashtable) Add(key, v Value) error {
	if _, ok := h.Get(key); ok {
		return fmt.Errorf("Item has already been added. Key in dictionary: '%s'  Key being added: '%s'", ToString(key), ToString(key))
	}
	h.Set(key, v)
	return nil
}

// Has reports whether key is present.
func (h *Hashtable) Has(key Value) bool {
	_, ok := h.index[hashKey(key)]
	return ok
}

// Remove deletes key, keeping the order of the others.
func (h *Hashtable) Remove(key Value) {
	k := hashKey(key)
	i, ok := h.index[k]
	if !ok {
		return
	}
	h.keys = append(h.keys[:i], h.keys[i+1:]...)
	h.vals = append(h.vals[:i], h.vals[i+1:]...)
	delete(h.index, k)
	for j := i; j < len(h.keys); j++ {
		h.index[hashKey(h.keys[j])] = j
	}
}

// Keys returns the keys in insertion order. The caller must not modify the slice.
func (h *Hashtable) Keys() []Value { return h.keys }

// Values returns the values in insertion order. The caller must not modify the slice.
func (h *Hashtable) Values() []Value { return h.vals }

// Copy returns a shallow copy.
func (h *Hashtable) Copy() *Hashtable {
	c := &Hashtable{Ordered: h.Ordered, index: make(map[string]int, len(h.keys))}
	for i, k := range h.keys {
		c.Set(k, h.vals[i])
	}
	return c
}
