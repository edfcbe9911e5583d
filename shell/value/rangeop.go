package value

// maxRange bounds the arrays Range builds; longer ranges should stream with RangeIter.
const maxRange = 50_000_000

// rangeBounds converts the ends of a..b: single-character strings give a character range,
// anything else is converted to Int32 (rounding).
func rangeBounds(a, b Value) (lo, hi int32, chars bool, err error) {
	if sa, ok := a.(string); ok && len([]rune(sa)) == 1 {
		if sb, ok := b.(string); ok && len([]rune(sb)) == 1 {
			return int32([]rune(sa)[0]), int32([]rune(sb)[0]), true, nil
		}
	}
	if ca, ok := a.(Char); ok {
		if cb, ok := b.(Char); ok {
			return int32(ca), int32(cb), true, nil
		}
	}
	x, err := Convert(a, TInt32)
	if err != nil {
		return 0, 0, false, err
	}
	y, err := Convert(b, TInt32)
	if err != nil {
		return 0, 0, false, err
	}
	return x.(int32), y.(int32), false, nil
}

// Range is a..b: the inclusive Int32 sequence in either direction, or a character range for
// single-character strings ('a'..'e').
func Range(a, b Value) ([]Value, error) {
	lo, hi, chars, err := rangeBounds(a, b)
	if err != nil {
		return nil, err
	}
	n := int64(hi) - int64(lo)
	if n < 0 {
		n = -n
	}
	if n+1 > maxRange {
		return nil, newError(excRuntime, "InvalidOperation", "RangeTooBig",
			"The range is too large to be represented as an array (more than %d elements).", maxRange)
	}
	out := make([]Value, 0, n+1)
	for v := range rangeSeq(lo, hi, chars) {
		out = append(out, v)
	}
	return out, nil
}

// RangeIter is a..b as a lazy sequence, so that 1..1000000 | ... streams.
func RangeIter(a, b Value) (func(yield func(Value) bool), error) {
	lo, hi, chars, err := rangeBounds(a, b)
	if err != nil {
		return nil, err
	}
	return rangeSeq(lo, hi, chars), nil
}

func rangeSeq(lo, hi int32, chars bool) func(yield func(Value) bool) {
	return func(yield func(Value) bool) {
		step := int64(1)
		if hi < lo {
			step = -1
		}
		for i := int64(lo); ; i += step {
			var v Value = int32(i)
			if chars {
				v = Char(rune(i))
			}
			if !yield(v) || i == int64(hi) {
				return
			}
		}
	}
}
