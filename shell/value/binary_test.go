package value

import (
	"math"
	"testing"
	"time"
)

func TestBinary(t *testing.T) {
	h1 := ht("a", int32(1))
	tests := []struct {
		x    Value
		op   string
		y    Value
		want string // show() of the result, or "error: <text>"
	}{
		// Comparison: the left operand drives conversion.
		{"10", "-gt", int32(9), "Boolean:False"},
		{int32(10), "-gt", "9", "Boolean:True"},
		{true, "-eq", "false", "Boolean:True"},
		{"false", "-eq", false, "Boolean:True"},
		{int32(1), "-eq", "1.0", "Boolean:True"},
		{"1.0", "-eq", int32(1), "Boolean:False"},
		{int32(1), "-eq", 1.0, "Boolean:True"},
		{int32(5), "-eq", "abc", "Boolean:False"},
		{int32(5), "-gt", "abc", `error: Could not compare "5" to "abc". Error: "Cannot convert value "abc" to type "System.Int32". Error: "The input string 'abc' was not in a correct format.""`},
		{"abc", "-eq", "ABC", "Boolean:True"},
		{"abc", "-ceq", "ABC", "Boolean:False"},
		{"abc", "-ieq", "ABC", "Boolean:True"},
		{"abc", "-ne", "abd", "Boolean:True"},
		{"a", "-lt", "B", "Boolean:True"},
		{"a", "-clt", "A", "Boolean:True"},
		{"B", "-cgt", "b", "Boolean:True"},
		{nil, "-eq", nil, "Boolean:True"},
		{nil, "-eq", int32(0), "Boolean:False"},
		{int32(0), "-eq", nil, "Boolean:False"},
		{"", "-eq", nil, "Boolean:False"},
		{date(2018, 6, 13, 0, 0, 0), "-lt", "06/14/2018", "Boolean:True"},
		{date(2018, 6, 13, 0, 0, 0), "-eq", "6/13/2018", "Boolean:True"},
		{2.5, "-ge", int32(2), "Boolean:True"},
		{int64(5), "-le", int32(5), "Boolean:True"},
		// A collection on the left filters.
		{arr(int32(1), int32(2), int32(3)), "-gt", int32(1), "[Int32:2,Int32:3]"},
		{arr(int32(1), nil, int32(3), nil), "-eq", nil, "[null,null]"},
		{arr(int32(0), int32(1)), "-eq", int32(0), "[Int32:0]"},
		{arr(int32(1), int32(2)), "-eq", int32(5), "[]"},
		{arr("a", "B"), "-ceq", "b", "[]"},
		// Like and match.
		{"Hello", "-like", "h*", "Boolean:True"},
		{"Hello", "-clike", "h*", "Boolean:False"},
		{"Hello", "-notlike", "*x*", "Boolean:True"},
		{"a[1]", "-like", "a`[1`]", "Boolean:True"},
		{"b", "-like", "[a-c]", "Boolean:True"},
		{"d", "-like", "[a-c]", "Boolean:False"},
		{"abc", "-like", "a?c", "Boolean:True"},
		{"abc", "-like", "a?", "Boolean:False"},
		{arr(int32(1), int32(12), int32(3)), "-like", "1*", "[String:1,String:12]"},
		{"x", "-like", "[ab", "error: The specified wildcard character pattern is not valid: [ab"},
		{"Hello", "-match", "L+", "Boolean:True"},
		{"Hello", "-cmatch", "L+", "Boolean:False"},
		{"Hello", "-notmatch", "^x", "Boolean:True"},
		{arr("ab", "cd", "xb"), "-match", "b$", "[String:ab,String:xb]"},
		// Replace and split.
		{"Hello World", "-replace", arr("o", "0"), "String:Hell0 W0rld"},
		{"Hello", "-creplace", arr("h", "J"), "String:Hello"},
		{"John Smith", "-replace", arr(`(\w+) (\w+)`, "$2, $1"), "String:Smith, John"},
		{"abc", "-replace", arr(`(?<x>b)`, "[${x}]"), "String:a[b]c"},
		{"a.b", "-replace", `\.`, "String:ab"},
		{"cost", "-replace", arr("cost", "$$5"), "String:$5"},
		{arr("aa", "ba"), "-replace", arr("a", "x"), "[String:xx,String:bx]"},
		{"a,b,,c", "-split", ",", "[String:a,String:b,String:,String:c]"},
		{"a.b", "-split", ".", "[String:,String:,String:,String:]"},
		{"a.b", "-split", arr(".", int32(0), "SimpleMatch"), "[String:a,String:b]"},
		{"a1b2c", "-split", `(\d)`, "[String:a,String:1,String:b,String:2,String:c]"},
		{"a,b,c,d", "-split", arr(",", int32(2)), "[String:a,String:b,c,d]"},
		{"aXbxc", "-split", "x", "[String:a,String:b,String:c]"},
		{"aXbxc", "-csplit", "x", "[String:aXb,String:c]"},
		// Containment and type operators.
		{arr(int32(1), int32(2)), "-contains", "2", "Boolean:True"},
		{arr("a", "b"), "-contains", "A", "Boolean:True"},
		{arr("a", "b"), "-ccontains", "A", "Boolean:False"},
		{arr("a", "b"), "-notcontains", "c", "Boolean:True"},
		{"b", "-in", arr("a", "b"), "Boolean:True"},
		{"c", "-notin", arr("a", "b"), "Boolean:True"},
		{"abc", "-contains", "ABC", "Boolean:True"},
		{int32(1), "-is", TypeValue{Name: TInt32}, "Boolean:True"},
		{int32(1), "-is", "int", "Boolean:True"},
		{int32(1), "-is", "long", "Boolean:False"},
		{int32(1), "-isnot", "string", "Boolean:True"},
		{arr(), "-is", "array", "Boolean:True"},
		{"s", "-is", "object", "Boolean:True"},
		{NewObject(""), "-is", "pscustomobject", "Boolean:True"},
		{NewHashtable(), "-is", "hashtable", "Boolean:True"},
		{int32(1), "-is", "nosuch", "error: Unable to find type [nosuch]."},
		{"42", "-as", "int", "Int32:42"},
		{"x", "-as", "int", "null"},
		{"5", "-as", TypeValue{Name: TDouble}, "Double:5"},
		// Join and format.
		{arr(int32(1), int32(2), int32(3)), "-join", ",", "String:1,2,3"},
		{"a", "-join", "-", "String:a"},
		{"{0}-{1}", "-f", arr("a", int32(2)), "String:a-2"},
		{"{0:N2}", "-f", 1234.5, "String:1,234.50"},
		{"{2}", "-f", "a", "error: Error formatting a string: Index (zero based) must be greater than or equal to zero and less than the size of the argument list.."},
		// Arithmetic.
		{"10", "+", int32(5), "String:105"},
		{int32(10), "+", "5", "Int32:15"},
		{int32(10), "+", "x", `error: Cannot convert value "x" to type "System.Int32". Error: "The input string 'x' was not in a correct format."`},
		{arr(int32(1), int32(2)), "+", int32(3), "[Int32:1,Int32:2,Int32:3]"},
		{arr(int32(1)), "+", arr(int32(2), int32(3)), "[Int32:1,Int32:2,Int32:3]"},
		{arr(int32(1)), "+", nil, "[Int32:1,null]"},
		{h1, "+", ht("a", int32(2)), "error: Item has already been added. Key in dictionary: 'a'  Key being added: 'a'"},
		{h1, "+", int32(1), "error: A hash table can only be added to another hash table."},
		{int32(1), "+", arr(int32(2)), "error: Method invocation failed because [System.Object[]] does not contain a method named 'op_Addition'."},
		{NewObject(""), "+", int32(1), "error: Method invocation failed because [System.Management.Automation.PSCustomObject] does not contain a method named 'op_Addition'."},
		{nil, "+", int32(5), "Int32:5"},
		{int32(5), "+", nil, "Int32:5"},
		{int32(5), "*", nil, "Int32:0"},
		{int32(5), "-", nil, "Int32:5"},
		{true, "+", int32(1), "Int32:2"},
		{int32(math.MaxInt32), "+", int32(1), "Double:2147483648"},
		{int32(math.MinInt32), "-", int32(1), "Double:-2147483649"},
		{int64(math.MaxInt64), "+", int32(1), "Double:9.22337203685478E+18"},
		{int32(65536), "*", int32(65536), "Double:4294967296"},
		{int64(65536), "*", int32(65536), "Int64:4294967296"},
		{int32(2), "*", 1.5, "Double:3"},
		{int32(2), "*", "3", "Int32:6"},
		{"ab", "*", int32(3), "String:ababab"},
		{arr(int32(1), int32(2)), "*", int32(2), "[Int32:1,Int32:2,Int32:1,Int32:2]"},
		{"10", "-", int32(5), "Int32:5"},
		{"", "-", int32(0), "Int32:0"},
		{"abc", "-", int32(1), `error: Cannot convert value "abc" to type "System.Int32". Error: "The input string 'abc' was not in a correct format."`},
		{int32(4), "/", int32(2), "Int32:2"},
		{int32(5), "/", int32(2), "Double:2.5"},
		{int64(10), "/", int32(5), "Int64:2"},
		{int32(1), "/", int32(0), "error: Attempted to divide by zero."},
		{1.0, "/", int32(0), "error: Attempted to divide by zero."},
		{int32(-5), "%", int32(3), "Int32:-2"},
		{5.5, "%", int32(2), "Double:1.5"},
		{int32(5), "%", int32(0), "error: Attempted to divide by zero."},
		{"1kb", "+", int32(0), "String:1kb0"},
		{int32(0), "+", "1kb", "Int32:1024"},
		{date(2018, 6, 13, 0, 0, 0), "+", 2 * time.Hour, "DateTime:06/13/2018 02:00:00"},
		{date(2018, 6, 13, 0, 0, 0), "-", date(2018, 6, 12, 0, 0, 0), "TimeSpan:1.00:00:00"},
		{time.Hour, "+", time.Minute, "TimeSpan:01:01:00"},
		// Bitwise and logical.
		{int32(6), "-band", int32(3), "Int32:2"},
		{int32(6), "-bor", int32(3), "Int32:7"},
		{int32(6), "-bxor", int32(3), "Int32:5"},
		{int32(1), "-shl", int32(4), "Int32:16"},
		{int32(-16), "-shr", int32(2), "Int32:-4"},
		{int64(1), "-shl", int32(40), "Int64:1099511627776"},
		{"6", "-band", int32(3), "Int32:2"},
		{true, "-xor", false, "Boolean:True"},
		{true, "-xor", "x", "Boolean:False"},
		// Range.
		{int32(1), "..", int32(3), "[Int32:1,Int32:2,Int32:3]"},
		{int32(3), "..", int32(1), "[Int32:3,Int32:2,Int32:1]"},
		{1.6, "..", int32(3), "[Int32:2,Int32:3]"},
		{"a", "..", "c", "[Char:a,Char:b,Char:c]"},
		{"x", "..", int32(2), `error: Cannot convert value "x" to type "System.Int32". Error: "The input string 'x' was not in a correct format."`},
		{int32(1), "-nope", int32(2), "error: The operator '-nope' is not supported."},
	}
	for _, tt := range tests {
		got, err := Binary(tt.op, tt.x, tt.y)
		res := show(got)
		if err != nil {
			res = "error: " + err.Error()
		}
		check(t, show(tt.x)+" "+tt.op+" "+show(tt.y), res, tt.want)
	}
}

func TestBinaryHashtableAdd(t *testing.T) {
	a := ht("a", int32(1))
	r, err := Binary("+", a, ht("b", int32(2)))
	if err != nil {
		t.Fatal(err)
	}
	h := r.(*Hashtable)
	if h.Len() != 2 || a.Len() != 1 {
		t.Errorf("merge: got %d keys (left now %d)", h.Len(), a.Len())
	}
}

func TestMatches(t *testing.T) {
	r, m, err := Match("John Smith", `(?<first>\w+) (\w+)`, false, false)
	if err != nil || r != true || m == nil {
		t.Fatalf("match = %v %v %v", r, m, err)
	}
	want := map[Value]string{int32(0): "John Smith", int32(1): "Smith", "first": "John"}
	for k, v := range want {
		got, ok := m.Get(k)
		if !ok || got != v {
			t.Errorf("$Matches[%v] = %v (%v), want %v", k, got, ok, v)
		}
	}
	if m.Len() != 3 {
		t.Errorf("$Matches has %d entries", m.Len())
	}
	r, m, _ = Match("abc", "x", false, false)
	if r != false || m != nil {
		t.Errorf("failed match = %v %v", r, m)
	}
	r, m, _ = Match("abc", "b", false, true)
	if r != false || m == nil {
		t.Errorf("-notmatch that matched = %v %v", r, m)
	}
	r, m, _ = Match(arr("ab", "cd"), "b", false, false)
	if show(r) != "[String:ab]" || m != nil {
		t.Errorf("collection match = %v %v", show(r), m)
	}
	_, _, err = Match("a", "(", false, false)
	check(t, "bad pattern", errText(err), "Invalid pattern '(' at offset 1. Not enough )'s.")
}

func TestUnary(t *testing.T) {
	tests := []struct {
		op   string
		x    Value
		want string
	}{
		{"-not", int32(0), "Boolean:True"},
		{"!", "x", "Boolean:False"},
		{"-not", arr(), "Boolean:True"},
		{"-bnot", int32(0), "Int32:-1"},
		{"-", int32(5), "Int32:-5"},
		{"-", "5", "Int32:-5"},
		{"-", 1.5, "Double:-1.5"},
		{"-", int32(math.MinInt32), "Double:2147483648"},
		{"+", "7", "Int32:7"},
		{"-split", " a  b c ", "[String:a,String:b,String:c]"},
		{"-join", arr("a", int32(1), "b"), "String:a1b"},
		{"-", arr(int32(1)), "error: Method invocation failed because [System.Object[]] does not contain a method named 'op_UnaryNegation'."},
	}
	for _, tt := range tests {
		got, err := Unary(tt.op, tt.x)
		res := show(got)
		if err != nil {
			res = "error: " + err.Error()
		}
		check(t, tt.op+" "+show(tt.x), res, tt.want)
	}
}

func TestRangeIter(t *testing.T) {
	seq, err := RangeIter(int32(1), int32(1000000))
	if err != nil {
		t.Fatal(err)
	}
	n, sum := 0, int64(0)
	for v := range seq {
		n++
		sum += int64(v.(int32))
	}
	if n != 1000000 || sum != 500000500000 {
		t.Errorf("n=%d sum=%d", n, sum)
	}
	// Early stop.
	seq, _ = RangeIter(int32(5), int32(1))
	var got []Value
	for v := range seq {
		got = append(got, v)
		if len(got) == 2 {
			break
		}
	}
	check(t, "early stop", show(got), "[Int32:5,Int32:4]")
}

func TestWildcard(t *testing.T) {
	tests := []struct {
		pattern, s string
		cs, want   bool
	}{
		{"*", "", false, true},
		{"*", "anything", false, true},
		{"a*b*c", "aXXbYYc", false, true},
		{"a*b*c", "aXXbYY", false, false},
		{"*.txt", "FILE.TXT", false, true},
		{"*.txt", "FILE.TXT", true, false},
		{"?", "", false, false},
		{"[0-9][0-9]", "42", false, true},
		{"[abc]*", "Bob", false, true},
		{"`*", "*", false, true},
		{"`*", "x", false, false},
		{"*ab", "abab", false, true},
		{"user*@contoso.com", "User1@Contoso.com", false, true},
	}
	for _, tt := range tests {
		if got := MatchWildcard(tt.pattern, tt.s, tt.cs); got != tt.want {
			t.Errorf("MatchWildcard(%q, %q, %v) = %v", tt.pattern, tt.s, tt.cs, got)
		}
	}
	if !HasWildcard("a*") || HasWildcard("a`*") || HasWildcard("plain") {
		t.Error("HasWildcard")
	}
}
