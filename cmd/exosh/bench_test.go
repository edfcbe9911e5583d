package main

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkStartup measures the time from starting `exosh -NoProfile -Command '1'` to its
// first byte of output (target: under 30 ms). The binary is built once per run.
func BenchmarkStartup(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "exosh")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		b.Fatalf("go build: %v", err)
	}
	state := b.TempDir()
	var first time.Duration
	runs := 0
	b.ResetTimer()
	for b.Loop() {
		cmd := exec.Command(bin, "-NoProfile", "-Command", "1")
		cmd.Env = append(os.Environ(), envStateDir+"="+state)
		out, err := cmd.StdoutPipe()
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		buf := make([]byte, 1)
		if _, err := out.Read(buf); err != nil {
			b.Fatalf("no output: %v", err)
		}
		first += time.Since(start)
		runs++
		if buf[0] != '1' {
			b.Fatalf("output starts with %q, want \"1\"", buf)
		}
		io.Copy(io.Discard, out)
		if err := cmd.Wait(); err != nil {
			b.Fatalf("exosh: %v", err)
		}
	}
	b.ReportMetric(float64(first.Microseconds())/1000/float64(runs), "ms-to-first-output")
}
