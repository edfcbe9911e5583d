package main

import "strings"

// version is exosh's version; a release build sets it with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

// banner is the one line the REPL prints before its first prompt.
func banner() string {
	return "exosh " + version + " (PowerShell 7 with an emulated Exchange Online tenant)"
}

// usage is the short usage pwsh-style errors are followed by.
const usage = `Usage: exosh [[-File] <filePath> [args]]
             [-Command { - | <string> }] [-EncodedCommand <Base64EncodedCommand>]
             [-StateDir <directoryPath> | -InMemory] [-ExecutionPolicy <ExecutionPolicy>]
             [-NoExit] [-NoLogo] [-NonInteractive] [-NoProfile]
       exosh -Serve [<host:port>] [-StateDir <directoryPath> | -InMemory]

       exosh -Help | -? | /?
       exosh -Version

All parameters are case-insensitive.
`

// helpText is what -Help prints: the usage, then what each parameter does.
var helpText = strings.Join([]string{
	"exosh runs PowerShell 7 commands and scripts against an emulated Exchange Online tenant.",
	"",
	usage,
	"-File | -f <filePath> [args]",
	"    Runs the script; $args and param() receive the arguments. A first argument that",
	"    is not a parameter is taken as the script path. '-' reads the script from",
	"    standard input.",
	"-Command | -c <string> | -",
	"    Runs the rest of the command line as PowerShell; '-' reads the commands from",
	"    standard input. The exit code is 1 when the last pipeline failed.",
	"-EncodedCommand | -e <Base64EncodedCommand>",
	"    Runs a command given as Base64 of UTF-16LE text.",
	"-StateDir <directoryPath>",
	"    Keeps the tenant in this directory (default: $EXOSH_STATE_DIR, else the per-user",
	"    data directory).",
	"-InMemory",
	"    Keeps the tenant in memory only; it is gone when exosh ends.",
	"-NoExit | -noe",
	"    Starts the interactive shell after -Command or -File.",
	"-NoLogo | -nol, -NoProfile | -nop, -NonInteractive | -noni, -ExecutionPolicy | -ep",
	"    Accepted as pwsh accepts them. -NonInteractive makes Read-Host and confirmation",
	"    prompts fail.",
	"-Serve [<host:port>]",
	"    Runs an SMTP listener (default " + defaultServeAddr + ", loopback addresses only) that",
	"    delivers every message it accepts into the tenant, as mail sent to Exchange Online",
	"    would be; Ctrl-C stops it.",
	"-Version | -v",
	"    Prints the version.",
	"",
	"Without -Command or -File, exosh starts the interactive shell on a terminal and runs",
	"standard input as a script otherwise.",
	"",
	"Environment:",
	"    EXOSH_STATE_DIR  the state directory when -StateDir is not given",
	"    EXOSH_NOW        an RFC 3339 time that pins the session clock",
	"",
}, "\n")
