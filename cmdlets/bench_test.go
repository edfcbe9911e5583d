package cmdlets_test

import (
	"context"
	"io"
	"testing"
	"time"

	"github.com/exosh/exosh/cmdlets"
	"github.com/exosh/exosh/shell"
)

// fixedClock is a clock that never moves.
type fixedClock struct{ t time.Time }

func (f fixedClock) Now() time.Time { return f.t }

// runBench runs src b.N times in one session, discarding the output.
func runBench(b *testing.B, src string) {
	b.Helper()
	s, err := shell.New(
		shell.WithCmdlets(cmdlets.All()...),
		shell.WithViews(cmdlets.Views()...),
		shell.WithClock(fixedClock{time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)}),
		shell.WithIO(nil, io.Discard, io.Discard),
	)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := s.Run(context.Background(), shell.Source{Name: "bench.ps1", Text: src}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkForEachObjectMillion pipes a million numbers through ForEach-Object into a
// streaming Measure-Object.
func BenchmarkForEachObjectMillion(b *testing.B) {
	runBench(b, `1..1000000 | ForEach-Object { $_ * 2 } | Measure-Object -Sum`)
}

// BenchmarkForeachMillion is the same work with the foreach statement, for comparison.
func BenchmarkForeachMillion(b *testing.B) {
	runBench(b, `$s=0; foreach ($i in 1..1000000) { $s += $i * 2 }`)
}
