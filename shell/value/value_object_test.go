package value

import (
	"fmt"
	"strings"
	"testing"
)

// Objects with few and with many properties (lookups by scan and by the lazy index)
// behave the same: case-insensitive lookup, replacement in place, removal, copies.
func TestObjectPropertyLookup(t *testing.T) {
	for _, n := range []int{3, linearProps, linearProps + 1, 56} {
		var props []Property
		for i := range n {
			props = append(props, Property{Name: fmt.Sprintf("Prop%d", i), Value: int64(i)})
		}
		o := NewObject("T", props...)
		last := fmt.Sprintf("PROP%d", n-1)
		if v, ok := o.Get(last); !ok || v != int64(n-1) {
			t.Fatalf("%d props: Get(%s) = %v, %v", n, last, v, ok)
		}
		o.Set(strings.ToLower(last), "x")
		if got := o.Properties(); len(got) != n || got[n-1].Name != fmt.Sprintf("Prop%d", n-1) || got[n-1].Value != "x" {
			t.Fatalf("%d props: Set replaced wrongly: %v", n, got[n-1])
		}
		c := o.Copy()
		o.Remove("prop0")
		if o.Has("Prop0") || len(o.Properties()) != n-1 {
			t.Fatalf("%d props: Remove left %v", n, o.Properties())
		}
		if v, ok := o.Get(last); !ok || v != "x" {
			t.Fatalf("%d props: after Remove, Get(%s) = %v, %v", n, last, v, ok)
		}
		o.Set("Added", true)
		if v, _ := o.Get("ADDED"); v != true || o.Properties()[n-1].Name != "Added" {
			t.Fatalf("%d props: Set of a new name: %v", n, o.Properties())
		}
		if !c.Has("Prop0") || c.Has("Added") || len(c.Properties()) != n {
			t.Fatalf("%d props: the copy changed with the original", n)
		}
	}
}
