// Command plancast is the one binary of the plancast service: the HTTP server
// and the operator's tools.
//
// Each subcommand lives in its own file and registers itself in init with
// register; main only dispatches. Run "plancast help" for the list.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/pprof"
	"sort"
	"strings"
	"syscall"

	"github.com/plancast/plancast"
)

// command is one subcommand.
type command struct {
	name    string
	summary string // one line for the command list
	// run parses args (everything after the subcommand name) and does the work.
	// It writes results to stdout and progress and diagnostics to stderr.
	run func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

var commands = map[string]*command{}

// register adds a subcommand; called from init in each command's file.
func register(c *command) {
	if _, dup := commands[c.name]; dup {
		panic("plancast: command registered twice: " + c.name)
	}
	commands[c.name] = c
}

func main() {
	// PLANCAST_CPUPROFILE=FILE writes a CPU profile of the whole run, for
	// "go tool pprof" (a slow ingest or backtest on the operator's own data).
	defer startCPUProfile(os.Getenv("PLANCAST_CPUPROFILE"), os.Stderr)()
	ctx, stop := signalContext()
	code := Main(ctx, os.Args[1:], os.Stdout, stderrFor(os.Stderr))
	stop()
	if code != 0 {
		pprof.StopCPUProfile()
		os.Exit(code)
	}
}

// startCPUProfile starts the CPU profile PLANCAST_CPUPROFILE asks for
// (path; "" for none) and returns what stops it. A profile that cannot be
// written is said on stderr, naming the path and why, and the command runs
// without it: it was dropped without a word, and the operator found no
// profile after the run.
func startCPUProfile(path string, stderr io.Writer) (stop func()) {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err == nil {
		if err = pprof.StartCPUProfile(f); err != nil {
			f.Close()
			os.Remove(path)
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "plancast: PLANCAST_CPUPROFILE=%s: no CPU profile is written: %v\n", path, err)
		return func() {}
	}
	return func() { pprof.StopCPUProfile(); f.Close() }
}

// signalContext is cancelled by SIGINT or SIGTERM: serve shuts down gracefully.
func signalContext() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

// Main runs the command line and returns the exit status: 0 on success, 2 on
// a usage error, 1 on any other error.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		if len(args) > 1 {
			if c, ok := commands[args[1]]; ok {
				_ = c.run(ctx, []string{"--help"}, stdout, stderr)
				return 0
			}
		}
		usage(stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	if args[0] == "-version" || args[0] == "--version" {
		args = append([]string{"version"}, args[1:]...)
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "plancast: unknown command %q%s\n\n", args[0], commandHint(args[0]))
		usage(stderr)
		return 2
	}
	err := c.run(ctx, args[1:], stdout, stderr)
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintf(stderr, "plancast %s: %s\n", c.name, ue.msg)
		}
		return 2
	default:
		fmt.Fprintf(stderr, "plancast %s: %v\n", c.name, err)
		return 1
	}
}

// errUsage marks a command-line mistake; Main exits 2. Returned bare, the
// mistake was already reported (by the flag set or the command); a
// usageError carries the message for Main to print.
var errUsage = errors.New("usage error")

// usageError is a command-line mistake with the message that explains it.
type usageError struct{ msg string }

func (e usageError) Error() string        { return e.msg }
func (e usageError) Is(target error) bool { return target == errUsage }

// usageErrorf returns a usageError; Main prints it as "plancast CMD: message".
func usageErrorf(format string, a ...any) error {
	return usageError{fmt.Sprintf(format, a...)}
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "plancast tracks regional economic indicators against plan targets and forecasts them.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage: plancast <command> [flags]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, `Run "plancast <command> --help" for a command's flags.`)
}

// newFlagSet returns a flag set that prints a usage header and the flags, and
// returns errors instead of exiting.
func newFlagSet(name, synopsis, description string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("plancast "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: plancast %s %s\n\n%s\n\nFlags:\n", name, synopsis, description)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses the args of a command that takes flags only, mapping -h
// to flag.ErrHelp and other mistakes to errUsage. An argument that is not a
// flag is refused, naming it, with hint when one is given: the flag package
// stops at it, and the flags after it would go unread ("forecast --indicator
// gdp extra --data-dir X" would open ./data). Commands that take arguments
// use parseInterspersed.
func parseFlags(fs *flag.FlagSet, args []string, hint ...string) error {
	if err := parseFlagsBeforeArgs(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return nil
	}
	why := "a flag's value with spaces needs quotes"
	if len(hint) > 0 {
		why = hint[0]
	}
	return usageErrorf("unexpected argument %q: %s takes flags only (%s)", fs.Arg(0), strings.TrimPrefix(fs.Name(), "plancast "), why)
}

// parseFlagsBeforeArgs parses the flags up to the first argument that is not
// one, mapping -h to flag.ErrHelp and other mistakes to errUsage; fs.Args()
// holds the rest.
func parseFlagsBeforeArgs(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		fmt.Fprint(fs.Output(), flagHint(fs, err))
		return errUsage // the flag set has printed the mistake and the usage
	}
	return nil
}

// commandHint is `; did you mean "forecast"?` for a command name one or two
// edits from a real one ("forcast"), else "".
func commandHint(typed string) string {
	names := make([]string, 0, len(commands))
	for name := range commands {
		names = append(names, name)
	}
	if best := plancast.Nearest(typed, names); best != "" {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	return ""
}

// flagHint is "plancast chart: no flag -regoin; did you mean -region?" for
// a flag fs lacks and has one near, else "". The flag package has already
// printed the mistake and the whole usage; this goes under them, where the
// eye lands.
func flagHint(fs *flag.FlagSet, err error) string {
	typed, ok := strings.CutPrefix(err.Error(), "flag provided but not defined: ")
	if !ok {
		return ""
	}
	typed = strings.TrimLeft(typed, "-")
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	best := plancast.Nearest(typed, names)
	if best == "" {
		// A real flag the typed one starts with: -out for -o.
		for _, n := range names {
			if strings.HasPrefix(typed, n) && (best == "" || len(n) > len(best)) {
				best = n
			}
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf("%s: no flag -%s; did you mean -%s?\n", fs.Name(), typed, best)
}
