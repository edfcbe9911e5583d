package parser

import (
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"
)

// addSeeds feeds the parse and error tables, the example scripts and the corpus to a fuzz
// target.
func addSeeds(f *testing.F, validOnly bool) {
	for _, tt := range parseTests {
		f.Add(tt.src)
	}
	if !validOnly {
		for _, tt := range errorTests {
			f.Add(tt.src)
		}
	}
	for _, src := range exampleScripts(f) {
		f.Add(src)
	}
	for _, r := range loadCorpus(f) {
		if _, err := Parse("seed", r.Code); err == nil || !validOnly {
			f.Add(r.Code)
		}
	}
}

// FuzzParse checks that Parse never panics, returns promptly, and positions every error
// inside the input.
func FuzzParse(f *testing.F) {
	addSeeds(f, false)
	f.Fuzz(func(t *testing.T, src string) {
		start := time.Now()
		_, err := Parse("fuzz.ps1", src)
		if d := time.Since(start); d > 2*time.Second {
			t.Fatalf("Parse took %v on %q", d, src)
		}
		if err == nil {
			return
		}
		var pe *Error
		if !errors.As(err, &pe) {
			t.Fatalf("error %T (%v), want *Error", err, err)
		}
		if pe.Pos.Offset < 0 || pe.Pos.Offset > len(src) || pe.Pos.Line < 1 || pe.Pos.Column < 1 {
			t.Fatalf("error position %+v outside input of %d bytes: %v", pe.Pos, len(src), err)
		}
		if pe.Msg == "" || pe.ErrorID == "" {
			t.Fatalf("error without text or id: %+v", pe)
		}
	})
}

// FuzzIncomplete cuts a valid input at every token boundary (and inside strings): each
// prefix parses or fails, and a prefix that ends inside an open (, {, $(, @(, @{ or a
// string fails with Incomplete set.
func FuzzIncomplete(f *testing.F) {
	addSeeds(f, true)
	f.Fuzz(func(t *testing.T, src string) {
		if _, err := Parse("full.ps1", src); err != nil {
			return // only valid inputs are cut
		}
		lx, _ := definition{}.Lex("cut.ps1", strings.NewReader(src))
		var open []string
		for {
			tok, _ := lx.Next()
			if tok.EOF() {
				return
			}
			switch tok.Type {
			case tokSQ, tokDQ:
				// A cut just inside the string leaves it unterminated.
				_, size := utf8.DecodeRuneInString(tok.Value)
				checkPrefix(t, src[:tok.Pos.Offset+size], true)
			case tokPunct:
				switch tok.Value {
				// '[' is left out: in argument mode it is an ordinary bareword character.
				case "(", "{", "$(", "@(", "@{":
					open = append(open, tok.Value)
				case ")", "}":
					if len(open) > 0 {
						open = open[:len(open)-1]
					}
				}
			}
			end := tok.Pos.Offset + len(tok.Value)
			checkPrefix(t, src[:end], len(open) > 0 && tok.Type != tokComment && !closesLine(tok))
		}
	})
}

// closesLine reports tokens after which an open '[' may legitimately be reported as a
// non-incomplete error (a type literal cannot span lines).
func closesLine(tok lexer.Token) bool { return tok.Type == tokNewline }

func checkPrefix(t *testing.T, prefix string, mustBeIncomplete bool) {
	t.Helper()
	_, err := Parse("cut.ps1", prefix)
	if err == nil {
		if mustBeIncomplete {
			t.Fatalf("prefix %q inside an open construct parsed without error", prefix)
		}
		return
	}
	if mustBeIncomplete && !IsIncomplete(err) {
		t.Fatalf("prefix %q: %v is not Incomplete", prefix, err)
	}
}

// BenchmarkParse parses the whole corpus per iteration.
func BenchmarkParse(b *testing.B) {
	records := loadCorpus(b)
	size := 0
	for _, r := range records {
		size += len(r.Code)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, r := range records {
			_, _ = Parse("bench.ps1", r.Code)
		}
	}
}
