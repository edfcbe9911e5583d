package main

import (
	"errors"
	"flag"
	"net/smtp"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata/script")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"exosh": main})
}

// TestScripts runs the binary's transcripts in testdata/script. Each runs in a fresh
// work directory whose state directory is $WORK/state.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		UpdateScripts:       *update,
		Setup: func(env *testscript.Env) error {
			env.Setenv("EXOSH_STATE_DIR", filepath.Join(env.WorkDir, "state"))
			env.Setenv("NO_COLOR", "1")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"status":   cmdStatus,
			"smtpsend": cmdSMTPSend,
		},
	})
}

// cmdStatus is `status N program args...`: it runs the program like exec (stdin,
// stdout and stderr behave the same) and checks that it exits with code N.
func cmdStatus(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("status does not take '!'; give the expected code instead")
	}
	if len(args) < 2 {
		ts.Fatalf("usage: status code program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("status: bad exit code %q", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("status: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("exit code %d, want %d", got, want)
	}
}

// cmdSMTPSend is `smtpsend addr from to subject`: a real SMTP client (net/smtp) sends one
// message to a listener on loopback, retrying briefly while the listener starts.
func cmdSMTPSend(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 4 {
		ts.Fatalf("usage: smtpsend addr from to subject")
	}
	addr, from, to, subject := args[0], args[1], args[2], args[3]
	msg := []byte("From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject +
		"\r\nMessage-ID: <smtpsend@fabrikam.com>\r\n\r\nSent by a real SMTP client.\r\n")
	var err error
	for range 100 {
		if err = smtp.SendMail(addr, nil, from, []string{to}, msg); err == nil {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	ts.Fatalf("smtpsend: %v", err)
}
