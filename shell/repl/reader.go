package repl

import (
	"bufio"
	"context"
	"errors"
	"io"
	"strings"
	"sync"
)

// ErrInterrupt is returned by a LineReader when the user pressed Ctrl-C while typing: the
// line being typed is abandoned, and the shell goes on.
var ErrInterrupt = errors.New("interrupted")

// errClosed is returned by a lazy reader used after Close.
var errClosed = errors.New("line reader is closed")

// LineReader reads the user's input one line at a time. End of input (Ctrl-D on an empty
// line, or the end of a redirected stream) is io.EOF; Ctrl-C is ErrInterrupt.
type LineReader interface {
	// ReadLine writes prompt and returns the next line, without its line ending.
	ReadLine(prompt string) (string, error)
	// ReadSecret is ReadLine without echoing what is typed (Read-Host -AsSecureString).
	ReadSecret(prompt string) (string, error)
	// Close releases the terminal.
	Close() error
}

// HistorySaver is implemented by line readers that keep a history. The loop saves each
// whole input once it is complete, so continuation lines and Read-Host answers are not
// saved one by one.
type HistorySaver interface {
	SaveHistory(entry string) error
}

// HostReader adapts a LineReader to the session's line reader hook (shell.WithLineReader),
// so that Read-Host reads through the same reader as the prompt. Ctrl-C at a Read-Host
// prompt stops the running command as Ctrl-C anywhere else does, so it is reported as
// context.Canceled, which the session treats as a silent stop.
func HostReader(lr LineReader) func(prompt string, secure bool) (string, error) {
	return func(prompt string, secure bool) (string, error) {
		var line string
		var err error
		if secure {
			line, err = lr.ReadSecret(prompt)
		} else {
			line, err = lr.ReadLine(prompt)
		}
		if errors.Is(err, ErrInterrupt) {
			return "", context.Canceled
		}
		return line, err
	}
}

// plainReader reads lines from a stream that is not a terminal. Prompts are still
// written, as pwsh writes Read-Host's prompt when its input is redirected.
type plainReader struct {
	in  *bufio.Reader
	out io.Writer
}

// NewPlainReader returns a LineReader over in that writes its prompts to out (which may
// be nil to write none).
func NewPlainReader(in io.Reader, out io.Writer) LineReader {
	return &plainReader{in: bufio.NewReader(in), out: out}
}

func (p *plainReader) ReadLine(prompt string) (string, error) {
	if p.out != nil && prompt != "" {
		if _, err := io.WriteString(p.out, prompt); err != nil {
			return "", err
		}
	}
	line, err := p.in.ReadString('\n')
	if err != nil && !(errors.Is(err, io.EOF) && line != "") {
		return "", err
	}
	line = strings.TrimSuffix(line, "\n")
	return strings.TrimSuffix(line, "\r"), nil
}

// ReadSecret cannot hide input that is not typed at a terminal; it reads a plain line.
func (p *plainReader) ReadSecret(prompt string) (string, error) { return p.ReadLine(prompt) }

func (p *plainReader) Close() error { return nil }

// lazyReader creates its reader on first use, so that a script that never calls
// Read-Host does not pay for setting up the terminal.
type lazyReader struct {
	open func() (LineReader, error)
	once sync.Once
	lr   LineReader
	err  error
}

// Lazy returns a LineReader that calls open the first time it is needed.
func Lazy(open func() (LineReader, error)) LineReader { return &lazyReader{open: open} }

func (l *lazyReader) get() (LineReader, error) {
	l.once.Do(func() { l.lr, l.err = l.open() })
	return l.lr, l.err
}

func (l *lazyReader) ReadLine(prompt string) (string, error) {
	lr, err := l.get()
	if err != nil {
		return "", err
	}
	return lr.ReadLine(prompt)
}

func (l *lazyReader) ReadSecret(prompt string) (string, error) {
	lr, err := l.get()
	if err != nil {
		return "", err
	}
	return lr.ReadSecret(prompt)
}

// SaveHistory forwards to the underlying reader when it keeps a history.
func (l *lazyReader) SaveHistory(entry string) error {
	lr, err := l.get()
	if err != nil {
		return err
	}
	if hs, ok := lr.(HistorySaver); ok {
		return hs.SaveHistory(entry)
	}
	return nil
}

// Close closes the underlying reader only if it was ever opened.
func (l *lazyReader) Close() error {
	// When nothing was opened yet, nothing may be opened after closing either.
	l.once.Do(func() { l.err = errClosed })
	if l.lr == nil {
		return nil
	}
	return l.lr.Close()
}
