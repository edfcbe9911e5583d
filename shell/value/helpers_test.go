package value

import (
	"testing"
	"time"
)

// show renders a value with its type so that tables can state both: "System.Int32:3".
func show(v Value) string {
	if v == nil {
		return "null"
	}
	if arr, ok := v.([]Value); ok {
		s := "["
		for i, e := range arr {
			if i > 0 {
				s += ","
			}
			s += show(e)
		}
		return s + "]"
	}
	return ShortTypeName(TypeName(v)) + ":" + ToString(v)
}

// date builds a local time for tests.
func date(y, m, d, h, mi, s int) time.Time {
	return time.Date(y, time.Month(m), d, h, mi, s, 0, time.Local)
}

func arr(v ...Value) []Value { return v }

func ht(kv ...Value) *Hashtable {
	h := NewHashtable()
	for i := 0; i+1 < len(kv); i += 2 {
		h.Set(kv[i], kv[i+1])
	}
	return h
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func check(t *testing.T, name, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("%s:\n got %q\nwant %q", name, got, want)
	}
}

// runtimeSum adds at run time: Go folds constant expressions exactly (0.1+0.2 == 0.3).
func runtimeSum(a, b float64) float64 { return a + b }
