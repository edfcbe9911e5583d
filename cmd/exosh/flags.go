package main

import (
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"strings"
	"unicode/utf16"
)

// mode is what the process was asked to do.
type mode int

const (
	modeDefault      mode = iota // REPL on a terminal, else the script on standard input
	modeCommand                  // -Command <text>
	modeCommandStdin             // -Command -
	modeFile                     // -File <path> [args], or a bare script path
	modeFileStdin                // -File -
	modeHelp                     // -Help, -?, /?
	modeVersion                  // -Version
	modeServe                    // -Serve [address]: the SMTP listener
)

// options is the parsed command line.
type options struct {
	mode           mode
	command        string   // modeCommand
	file           string   // modeFile, as given
	fileArgs       []string // arguments after the script path
	noExit         bool     // -NoExit: enter the REPL after -Command or -File
	noLogo         bool
	noProfile      bool   // skip the user's profile script
	nonInteractive bool   // Read-Host fails
	stateDir       string // -StateDir; "" means the default
	inMemory       bool
	serveAddr      string // -Serve's address
}

// cliError is a bad command line: pwsh writes the message to the error stream, then the
// usage when showUsage is set, and exits with exitBadArgs.
type cliError struct {
	msg       string
	showUsage bool
}

func (e *cliError) Error() string { return e.msg }

// exitBadArgs is pwsh's exit code for a bad command line (ExitCodeBadCommandLineParameter).
const exitBadArgs = 64

// pwsh's command-line messages, word for word.
const (
	msgMissingFile        = "The command cannot be run because the File parameter requires a file path. Supply a path for the File parameter and then try the command again."
	msgFileNotFound       = "The argument '%s' is not recognized as the name of a script file. Check the spelling of the name, or if a path was included, verify that the path is correct and try again."
	msgDidYouMean         = "Invalid argument '%s', did you mean:"
	msgCommandTwice       = "Cannot process command because a command is already specified with -Command, -CommandWithArgs, or -EncodedCommand."
	msgMissingCommand     = "Cannot process the command because of a missing parameter. A command must follow -Command."
	msgBadEncoded         = "Cannot process the command because the value specified with -EncodedCommand is not properly encoded. The value must be Base64 encoded."
	msgDashWithArgs       = "'-' was specified with the -Command parameter; no other arguments to -Command are permitted."
	msgStdinNotRedirected = "'-' was specified as the argument to -Command but standard input has not been redirected for this process."
	msgMissingPolicy      = "Cannot process the execution policy because of a missing policy name. A policy name must follow -ExecutionPolicy."
	msgBadPolicy          = "Invalid ExecutionPolicy value '%s'."
	// exosh's own parameters, worded like pwsh's.
	msgMissingStateDir = "Cannot process the command because -StateDir requires an argument that is a directory path."
	msgStateAndMemory  = "Cannot process the command because -StateDir and -InMemory cannot be used together."
)

// switchNames are the parameters the did-you-mean hint offers, lower-case as pwsh
// prints them.
var switchNames = []string{
	"command", "encodedcommand", "executionpolicy", "file", "help", "inmemory", "login",
	"noexit", "nologo", "noninteractive", "noprofile", "serve", "statedir", "version",
}

// executionPolicies are the values -ExecutionPolicy accepts. exosh runs every script
// anyway; the value is only validated, as pwsh does on a non-Windows host.
var executionPolicies = []string{
	"allsigned", "bypass", "default", "remotesigned", "restricted", "unrestricted", "undefined",
}

// matchSwitch reports whether key (without its dash) names the parameter full, being at
// least as long as pwsh's shortest accepted prefix min.
func matchSwitch(key, full, min string) bool {
	return len(key) >= len(min) && strings.HasPrefix(full, strings.ToLower(key))
}

// parseArgs reads the command line the way pwsh does: parameters are case-insensitive
// prefixes introduced by -, -- or /; -Command takes the rest of the line; the first
// argument that is not a parameter is the script file, and everything after the script
// belongs to it. stdinRedirected and fileExists are the only facts it needs from outside.
func parseArgs(args []string, stdinRedirected bool, fileExists func(string) bool) (options, *cliError) {
	var o options
	commandSet := false
	for i := 0; i < len(args); i++ {
		arg := strings.TrimSpace(args[i])
		if arg == "" || (arg[0] != '-' && arg[0] != '/') {
			return o.parseFile(args, i, fileExists)
		}
		key := arg[1:]
		if arg[0] == '-' && strings.HasPrefix(key, "-") {
			key = key[1:]
		}
		switch {
		case matchSwitch(key, "version", "v"):
			o.mode = modeVersion
			return o, nil // pwsh looks at nothing after -Version
		case matchSwitch(key, "help", "h"), key == "?":
			o.mode = modeHelp
		case matchSwitch(key, "login", "l"):
			// A login shell on Unix; nothing to do here.
		case matchSwitch(key, "noexit", "noe"):
			o.noExit = true
		case matchSwitch(key, "noprofile", "nop"):
			o.noProfile = true
		case matchSwitch(key, "nologo", "nol"):
			o.noLogo = true
		case matchSwitch(key, "noninteractive", "noni"):
			o.nonInteractive = true
		case matchSwitch(key, "interactive", "i"):
			o.nonInteractive = false
		case matchSwitch(key, "inmemory", "inm"):
			o.inMemory = true
		case matchSwitch(key, "serve", "se"):
			// -Serve [host:port]: the address is optional, loopback by default.
			o.mode, o.serveAddr = modeServe, defaultServeAddr
			if i+1 < len(args) && args[i+1] != "" && args[i+1][0] != '-' && args[i+1][0] != '/' {
				i++
				o.serveAddr = args[i]
			}
		case matchSwitch(key, "statedir", "st"):
			i++
			if i >= len(args) || args[i] == "" {
				return o, &cliError{msg: msgMissingStateDir}
			}
			o.stateDir = args[i]
		case matchSwitch(key, "executionpolicy", "ex"), matchSwitch(key, "ep", "ep"):
			i++
			if i >= len(args) {
				return o, &cliError{msg: msgMissingPolicy, showUsage: true}
			}
			if !containsFold(executionPolicies, args[i]) {
				return o, &cliError{msg: fmt.Sprintf(msgBadPolicy, args[i]), showUsage: true}
			}
		case matchSwitch(key, "command", "c"), matchSwitch(key, "encodedcommand", "e"), matchSwitch(key, "ec", "e"):
			if commandSet {
				return o, &cliError{msg: msgCommandTwice, showUsage: true}
			}
			commandSet = true
			encoded := !matchSwitch(key, "command", "c")
			if cerr := o.parseCommand(args[i+1:], encoded, stdinRedirected); cerr != nil {
				return o, cerr
			}
			if o.mode == modeCommand && !encoded {
				i = len(args) // -Command takes the rest of the line
			} else {
				i++
			}
		case matchSwitch(key, "file", "f"):
			return o.parseFile(args, i+1, fileExists)
		default:
			// The first argument pwsh does not recognise is taken as the script file.
			return o.parseFile(args, i, fileExists)
		}
	}
	if o.stateDir != "" && o.inMemory {
		return o, &cliError{msg: msgStateAndMemory}
	}
	return o, nil
}

// parseCommand reads the argument of -Command or -EncodedCommand (rest holds the
// arguments after the parameter).
func (o *options) parseCommand(rest []string, encoded, stdinRedirected bool) *cliError {
	if len(rest) == 0 {
		return &cliError{msg: msgMissingCommand, showUsage: true}
	}
	switch {
	case encoded:
		text, ok := decodeCommand(rest[0])
		if !ok {
			return &cliError{msg: msgBadEncoded, showUsage: true}
		}
		o.mode, o.command = modeCommand, text
	case rest[0] == "-":
		if len(rest) > 1 {
			return &cliError{msg: msgDashWithArgs, showUsage: true}
		}
		if !stdinRedirected {
			return &cliError{msg: msgStdinNotRedirected, showUsage: true}
		}
		o.mode = modeCommandStdin
	default:
		// pwsh joins the remaining arguments with single spaces.
		o.mode, o.command = modeCommand, strings.Join(rest, " ")
	}
	return nil
}

// parseFile takes args[i] as the script path and the rest as its arguments.
func (o options) parseFile(args []string, i int, fileExists func(string) bool) (options, *cliError) {
	if i >= len(args) {
		return o, &cliError{msg: msgMissingFile, showUsage: true}
	}
	if o.stateDir != "" && o.inMemory {
		return o, &cliError{msg: msgStateAndMemory}
	}
	path := args[i]
	if path == "-" {
		o.mode = modeFileStdin
		return o, nil
	}
	if !fileExists(path) {
		return o, fileNotFound(path)
	}
	o.mode, o.file, o.fileArgs = modeFile, path, args[i+1:]
	return o, nil
}

// fileNotFound is pwsh's error for a script path that does not exist. An argument that
// looks like a misspelt parameter gets the list of parameters containing it instead.
func fileNotFound(arg string) *cliError {
	if len(arg) > 1 && arg[0] == '-' {
		part := strings.ToLower(arg[1:])
		var b strings.Builder
		for _, name := range switchNames {
			if strings.Contains(name, part) {
				b.WriteString("\n  -" + name)
			}
		}
		if b.Len() > 0 {
			return &cliError{msg: fmt.Sprintf(msgDidYouMean, arg) + "\n" + b.String()}
		}
	}
	return &cliError{msg: fmt.Sprintf(msgFileNotFound, arg), showUsage: true}
}

// decodeCommand decodes -EncodedCommand's argument: Base64 of UTF-16LE text.
func decodeCommand(s string) (string, bool) {
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil || len(b)%2 != 0 {
		return "", false
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = binary.LittleEndian.Uint16(b[2*i:])
	}
	return string(utf16.Decode(u)), true
}

func containsFold(list []string, s string) bool {
	for _, v := range list {
		if strings.EqualFold(v, s) {
			return true
		}
	}
	return false
}
