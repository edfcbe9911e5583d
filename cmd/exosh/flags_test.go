package main

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseArgs(t *testing.T) {
	exists := func(p string) bool { return p == "x.ps1" || p == "/tmp/a b.ps1" }
	tests := []struct {
		name  string
		args  []string
		stdin bool // standard input redirected
		want  options
		err   string
		usage bool
	}{
		{name: "nothing", want: options{}},
		{name: "command joins the rest", args: []string{"-Command", "Get-Date", "-Format", "yyyy"},
			want: options{mode: modeCommand, command: "Get-Date -Format yyyy"}},
		{name: "c prefix", args: []string{"-c", "1"}, want: options{mode: modeCommand, command: "1"}},
		{name: "double dash and case", args: []string{"--COMMAND", "1"}, want: options{mode: modeCommand, command: "1"}},
		{name: "slash", args: []string{"/nop", "/c", "1"}, want: options{mode: modeCommand, command: "1", noProfile: true}},
		{name: "command swallows file", args: []string{"-c", "1", "-File", "x.ps1"},
			want: options{mode: modeCommand, command: "1 -File x.ps1"}},
		{name: "switch prefixes", args: []string{"-nop", "-noni", "-nol", "-noe", "-c", "1"},
			want: options{mode: modeCommand, command: "1", noProfile: true, nonInteractive: true, noLogo: true, noExit: true}},
		{name: "full switches", args: []string{"-NoProfile", "-NonInteractive", "-NoLogo", "-Login"}, want: options{noProfile: true, nonInteractive: true, noLogo: true}},
		{name: "command stdin", args: []string{"-Command", "-"}, stdin: true, want: options{mode: modeCommandStdin}},
		{name: "command stdin from terminal", args: []string{"-Command", "-"},
			err: "'-' was specified as the argument to -Command but standard input has not been redirected for this process.", usage: true},
		{name: "command dash and more", args: []string{"-c", "-", "x"}, stdin: true,
			err: "'-' was specified with the -Command parameter; no other arguments to -Command are permitted.", usage: true},
		{name: "command missing", args: []string{"-Command"},
			err: "Cannot process the command because of a missing parameter. A command must follow -Command.", usage: true},
		{name: "encoded", args: []string{"-ec", "MQArADEA"}, want: options{mode: modeCommand, command: "1+1"}},
		{name: "encoded bad", args: []string{"-e", "%%"},
			err: "Cannot process the command because the value specified with -EncodedCommand is not properly encoded. The value must be Base64 encoded.", usage: true},
		{name: "command twice", args: []string{"-ec", "MQArADEA", "-c", "2"},
			err: "Cannot process command because a command is already specified with -Command, -CommandWithArgs, or -EncodedCommand.", usage: true},
		{name: "file with args", args: []string{"-File", "x.ps1", "-Name", "a", "b"},
			want: options{mode: modeFile, file: "x.ps1", fileArgs: []string{"-Name", "a", "b"}}},
		{name: "f prefix", args: []string{"-f", "x.ps1"}, want: options{mode: modeFile, file: "x.ps1", fileArgs: []string{}}},
		{name: "bare path", args: []string{"x.ps1", "1"}, want: options{mode: modeFile, file: "x.ps1", fileArgs: []string{"1"}}},
		{name: "file then command is an argument", args: []string{"-nop", "x.ps1", "-Command", "1"},
			want: options{mode: modeFile, file: "x.ps1", fileArgs: []string{"-Command", "1"}, noProfile: true}},
		{name: "file stdin", args: []string{"-File", "-"}, want: options{mode: modeFileStdin}},
		{name: "file missing", args: []string{"-File"},
			err: "The command cannot be run because the File parameter requires a file path. Supply a path for the File parameter and then try the command again.", usage: true},
		{name: "file not found", args: []string{"nosuch.ps1"},
			err: "The argument 'nosuch.ps1' is not recognized as the name of a script file. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.", usage: true},
		{name: "unknown parameter", args: []string{"-Bogus"},
			err: "The argument '-Bogus' is not recognized as the name of a script file. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.", usage: true},
		{name: "did you mean", args: []string{"-ogo"}, err: "Invalid argument '-ogo', did you mean:\n\n  -nologo"},
		{name: "did you mean several", args: []string{"-ommand"}, err: "Invalid argument '-ommand', did you mean:\n\n  -command\n  -encodedcommand"},
		{name: "version stops parsing", args: []string{"-v", "-Bogus"}, want: options{mode: modeVersion}},
		{name: "help", args: []string{"--help"}, want: options{mode: modeHelp}},
		{name: "question mark", args: []string{"-?"}, want: options{mode: modeHelp}},
		{name: "state dir", args: []string{"-StateDir", "/tmp/s", "-c", "1"}, want: options{mode: modeCommand, command: "1", stateDir: "/tmp/s"}},
		{name: "state dir missing", args: []string{"-StateDir"},
			err: "Cannot process the command because -StateDir requires an argument that is a directory path."},
		{name: "in memory", args: []string{"-InMemory", "-c", "1"}, want: options{mode: modeCommand, command: "1", inMemory: true}},
		{name: "state dir and in memory", args: []string{"-inm", "-st", "d", "-c", "1"},
			err: "Cannot process the command because -StateDir and -InMemory cannot be used together."},
		{name: "execution policy", args: []string{"-ExecutionPolicy", "Bypass", "-File", "x.ps1"},
			want: options{mode: modeFile, file: "x.ps1", fileArgs: []string{}}},
		{name: "execution policy bad", args: []string{"-ep", "Loose"}, err: "Invalid ExecutionPolicy value 'Loose'.", usage: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, cerr := parseArgs(tt.args, tt.stdin, exists)
			if tt.err != "" {
				if cerr == nil {
					t.Fatalf("parseArgs(%q) = %+v, want error %q", tt.args, got, tt.err)
				}
				if cerr.msg != tt.err || cerr.showUsage != tt.usage {
					t.Fatalf("parseArgs(%q) error = %q (usage %v), want %q (usage %v)", tt.args, cerr.msg, cerr.showUsage, tt.err, tt.usage)
				}
				return
			}
			if cerr != nil {
				t.Fatalf("parseArgs(%q): unexpected error %q", tt.args, cerr.msg)
			}
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(options{})); diff != "" {
				t.Errorf("parseArgs(%q) mismatch (-want +got):\n%s", tt.args, diff)
			}
		})
	}
}
