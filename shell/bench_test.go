package shell_test

import (
	"testing"
)

// The pipeline benchmark uses the minimal ForEach-Object and Measure-Object of this package's
// tests; the cmdlets package benchmarks the real ones.

func BenchmarkForEachObjectPipeline(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if got := run(b, "(1..1000000 | ForEach-Object { $_ * 2 } | Measure-Object -Sum).Sum", false); got != "1000001000000\n" {
			b.Fatalf("got %q", got)
		}
	}
}

func BenchmarkForeachStatement(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if got := run(b, "$s = 0; foreach ($i in 1..1000000) { $s += $i * 2 }; $s", false); got != "1000001000000\n" {
			b.Fatalf("got %q", got)
		}
	}
}
