package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/exosh/exosh/cmdlets"
	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/shell/repl"
	"github.com/exosh/exosh/store/demo"
)

func main() { os.Exit(run(os.Args[1:])) }

// run wires the process together and returns its exit code.
func run(args []string) int {
	stdinTTY := repl.IsTerminal(os.Stdin)
	o, cerr := parseArgs(args, !stdinTTY, isFile)
	if cerr != nil {
		return badArgs(cerr.msg, cerr.showUsage)
	}
	switch o.mode {
	case modeHelp:
		fmt.Fprint(os.Stdout, helpText)
		return 0
	case modeVersion:
		fmt.Fprintln(os.Stdout, "exosh "+version)
		return 0
	}
	if o.mode == modeCommandStdin {
		// -Command - runs standard input as one command text.
		text, err := io.ReadAll(os.Stdin)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		o.mode, o.command = modeCommand, decodeScript(text)
	}
	clk, err := clockFromEnv(os.LookupEnv)
	if err != nil {
		return badArgs(err.Error(), false)
	}
	st, err := openStore(o, clk, os.LookupEnv)
	if err != nil {
		return badArgs(err.Error(), false)
	}
	defer st.Close()
	if tc, ok := clk.(*demo.Clock); ok {
		tc.Attach(st)
	}

	if o.mode == modeServe {
		return serve(o.serveAddr, st, clk, os.Stdout, os.Stderr)
	}

	hist := loadHistory(o)
	var sess *shell.Session // the reader opens on first use, after the session exists
	reader := repl.Lazy(func() (repl.LineReader, error) { return openReader(stdinTTY, hist, sess) })
	defer reader.Close()
	stdoutTTY := repl.IsTerminal(os.Stdout)
	width := 120 // pwsh's width when output is not a console
	if w := repl.TerminalWidth(); stdoutTTY && w > 0 {
		width = w
	}
	_, noColor := os.LookupEnv("NO_COLOR")
	sess, err = shell.New(
		shell.WithStore(st),
		shell.WithClock(clk),
		shell.WithCmdlets(cmdlets.All()...),
		shell.WithViews(cmdlets.Views()...),
		shell.WithIO(os.Stdin, os.Stdout, os.Stderr),
		shell.WithInteractive(interactiveRendering(o, stdinTTY)),
		shell.WithColor(stdoutTTY && !noColor),
		shell.WithWidth(width),
		shell.WithLineReader(hostReader(reader, o.nonInteractive)),
		shell.WithNonInteractive(o.nonInteractive),
		shell.WithEnv(os.LookupEnv),
		shell.WithTempDir(os.TempDir()),
		shell.WithAccess(cmdlets.AccessPolicy()),
	)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer sess.Close()

	sess.Services().History = hist.Book()
	if code, exited := loadProfile(context.Background(), sess, profilePath(os.LookupEnv), !o.noProfile); exited {
		return code
	}
	h := host{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, stdinTTY: stdinTTY, reader: reader, noLogo: o.noLogo,
		prompt: promptFunc(st, clk), tenant: func() string { return tenantName(st) }}
	return runMode(context.Background(), o, sess, h)
}
