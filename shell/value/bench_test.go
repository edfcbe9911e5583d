package value

import "testing"

func BenchmarkAddInt32(b *testing.B) {
	var acc Value = int32(0)
	one := Value(int32(1))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		r, err := Binary("+", acc, one)
		if err != nil {
			b.Fatal(err)
		}
		acc = r
		if i%1000 == 0 {
			acc = int32(0)
		}
	}
}

func BenchmarkMulInt32(b *testing.B) {
	x, y := Value(int32(3)), Value(int32(7))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Binary("*", x, y); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAddInt64(b *testing.B) {
	x, y := Value(int64(1)<<40), Value(int64(5))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Binary("+", x, y); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEqualStrings(b *testing.B) {
	x, y := Value("Mailbox-Database-01"), Value("mailbox-database-01")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if !Equal(x, y, false) {
			b.Fatal("not equal")
		}
	}
}

func BenchmarkCompareInt(b *testing.B) {
	x, y := Value(int32(3)), Value(int32(7))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Binary("-lt", x, y); err != nil {
			b.Fatal(err)
		}
	}
}
