package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Without a command plancast lists them all (exit 2); "help NAME" and
// "NAME --help" print that command's usage (exit 0).
func TestUsageListsEveryCommandAndEachHasHelp(t *testing.T) {
	code, stdout, _ := run(t)
	if code != 2 {
		t.Errorf("no command: exit %d, want 2", code)
	}
	for name := range commands {
		if !strings.Contains(stdout, "\n  "+name+" ") {
			t.Errorf("the usage does not list %s:\n%s", name, stdout)
		}
		for _, args := range [][]string{{"help", name}, {name, "--help"}} {
			code, out, errOut := run(t, args...)
			if code != 0 || !strings.Contains(out+errOut, "Usage: plancast "+name) {
				t.Errorf("%v: exit %d, output %q", args, code, out+errOut)
			}
		}
	}
}

// A mistyped command is answered with the one it most likely meant.
func TestAnUnknownCommandSuggestsTheNearOne(t *testing.T) {
	for _, c := range []struct{ typed, want string }{
		{"forcast", `unknown command "forcast"; did you mean "forecast"?`},
		{"serv", `unknown command "serv"; did you mean "serve"?`},
		{"chrat", `unknown command "chrat"; did you mean "chart"?`},
		{"frobnicate", `unknown command "frobnicate"` + "\n"},
	} {
		code, _, stderr := run(t, c.typed)
		if code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("%s: exit %d, stderr %q; want %q", c.typed, code, stderr, c.want)
		}
	}
}

// A mistyped flag is answered, under the usage, with the one it most likely
// meant; a flag like no other gets the usage alone.
func TestAnUnknownFlagSuggestsTheNearOne(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"forecast", "--regoin", "houma"}, "plancast forecast: no flag -regoin; did you mean -region?\n"},
		{[]string{"forecast", "--data_dir", "x"}, "did you mean -data-dir?"},
		{[]string{"chart", "--out", "x.png"}, "plancast chart: no flag -out; did you mean -o?\n"},
		{[]string{"backtest", "--horizn", "6"}, "did you mean -horizon?"},
	} {
		code, _, stderr := run(t, c.args...)
		if code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr ends %q; want %q", c.args, code, stderr[max(0, len(stderr)-120):], c.want)
		}
	}
	code, _, stderr := run(t, "forecast", "--zzz")
	if code != 2 || strings.Contains(stderr, "did you mean") {
		t.Errorf("--zzz: exit %d, stderr %q; want the usage without a guess", code, stderr)
	}
}

// plancast ingest --help tells of --report, and both modes' help give the
// rule for likely slips as it stands (ingest's constants), not an older one.
func TestIngestHelpTellsOfTheReportModeAndTheSlipRule(t *testing.T) {
	code, stdout, stderr := run(t, "ingest", "--help")
	help := stdout + stderr
	if code != 0 || !strings.Contains(help, "plancast ingest --report FILE --region R [--year Y] [--json] [--commit [--accept-jumps]]") {
		t.Errorf("ingest --help: exit %d, does not tell of --report:\n%s", code, help)
	}
	if !strings.Contains(help, "more than 5 times, or under 1/5 of, the same\nseries' nearest figure before or after it within 3 years") || !strings.Contains(help, "within a factor of 2") {
		t.Errorf("ingest --help does not give the slip rule:\n%s", help)
	}
	code, stdout, stderr = run(t, "ingest", "--report", "--help")
	report := stdout + stderr
	if code != 0 || !strings.Contains(report, "Usage: plancast ingest --report FILE") {
		t.Errorf("ingest --report --help: exit %d\n%s", code, report)
	}
	if !strings.Contains(report, jumpRule) || strings.Contains(report, "the year before or\nafter") {
		t.Errorf("ingest --report --help does not give the slip rule as plain ingest does:\n%s", report)
	}
}

// A command that takes flags only refuses an argument that is not a flag,
// naming it, before it opens a store: the flags after it would otherwise
// go unread (here --data-dir, so ./data would be opened or created).
func TestAStrayArgumentIsRefusedBeforeAnyStoreIsOpened(t *testing.T) {
	t.Chdir(t.TempDir()) // a store opened at the default ./data would show here
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"forecast", "--region", "houma", "--indicator", "gdp", "extra", "--data-dir", dir}, `forecast: unexpected argument "extra": forecast takes flags only`},
		{[]string{"history", "--region", "houma", "--indicator", "gdp", "extra", "--data-dir", dir}, `unexpected argument "extra"`},
		{[]string{"chart", "--region", "houma", "extra", "--data-dir", dir}, `unexpected argument "extra"`},
		{[]string{"seed", "extra", "--data-dir", dir}, `unexpected argument "extra"`},
		{[]string{"backtest", "extra", "--data-dir", dir}, `unexpected argument "extra"`},
		{[]string{"export", "--out", filepath.Join(dir, "x.json"), "extra", "--data-dir", dir}, `unexpected argument "extra": export takes flags only (the file to write is --out FILE)`},
		{[]string{"backup", "b.db", "--data-dir", dir}, `unexpected argument "b.db": backup takes flags only (the file to write is --out FILE)`},
		{[]string{"restore", "--from", "b.db", "extra", "--data-dir", dir}, `unexpected argument "extra"`},
		{[]string{"token", "list", "extra", "--data-dir", dir}, `unexpected argument "extra": token list takes flags only`},
		{[]string{"token", "create", "--region", "houma", "--name", "Houma", "bureau", "--data-dir", dir}, `unexpected argument "bureau": token create takes flags only (the token's label is --name LABEL)`},
		{[]string{"ingest", "--report", "r.txt", "--region", "houma", "extra", "--commit", "--data-dir", dir}, `unexpected argument "extra"`},
	} {
		code, _, stderr := run(t, c.args...)
		if code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q", c.args, code, stderr, c.want)
		}
	}
	// serve, refused, must not start; were it to, the cancelled context
	// stops it at once (the store it opened still shows below).
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stderr bytes.Buffer
	if code := Main(ctx, []string{"serve", "extra", "--addr", "127.0.0.1:0", "--data-dir", dir}, io.Discard, &stderr); code != 2 || !strings.Contains(stderr.String(), `unexpected argument "extra"`) {
		t.Errorf("serve extra: exit %d, stderr %q", code, stderr.String())
	}
	if entries, _ := os.ReadDir("."); len(entries) > 0 {
		t.Errorf("a refused command left %v in the working directory", entries)
	}
	if entries, _ := os.ReadDir(dir); len(entries) > 0 {
		t.Errorf("a refused command left %v in the data directory", entries)
	}
	// Commands that take arguments keep them, flags before, among or after.
	if code, _, stderr := run(t, "ingest", fixture("wide.csv"), "--data-dir", dir, "--dry-run"); code == 2 {
		t.Errorf("ingest FILE --data-dir: a usage error: %s", stderr)
	}
}

// runWithin runs a command as run does, but stops it after d: a command
// that should have refused its flags and serves instead ends, and the test
// fails on what it printed rather than hanging.
func runWithin(t *testing.T, d time.Duration, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	var out, errOut bytes.Buffer
	code = Main(ctx, args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// A flag that takes one of a few values refuses any other, naming the ones
// it takes, before the command opens (or creates) the store or anything
// else: "serve --log-format xml" was logged as text without a word, and a
// typo in PLANCAST_LOG_FORMAT too. Such a mistake is a usage error (exit
// 2). DATA, BACKUPS and OUT stand for paths in a fresh folder, which must
// still be empty after the command.
func TestEnumeratedFlagsRefuseOtherValuesBeforeAnythingStarts(t *testing.T) {
	methods := `(one of [auto naive drift trend ses holt damped theta theta_opt drift_robust drift_shrunk drift_linear damped_linear])`
	serve := []string{"serve", "--addr", "127.0.0.1:0", "--data-dir", "DATA"}
	series := []string{"--data-dir", "DATA", "--region", "houma", "--indicator", "gdp"}
	for _, c := range []struct {
		env  string // PLANCAST_LOG_FORMAT, when set
		args []string
		want string
	}{
		{"", append(serve, "--log-format", "xml"), `plancast serve: --log-format "xml" must be text or json`},
		{"", append(serve, "--log-format", "JSON", "--backup-dir", "BACKUPS"), `plancast serve: --log-format "JSON" must be text or json`},
		{"xml", serve, `plancast serve: PLANCAST_LOG_FORMAT="xml": the log format must be text or json (or give --log-format)`},
		{"", append([]string{"forecast", "--method", "prophet"}, series...), `plancast forecast: unknown method "prophet" ` + methods},
		{"", []string{"backtest", "--input", "DATA", "--out", "OUT", "--method", "prophet"}, `plancast backtest: unknown method "prophet" ` + methods},
		{"", append([]string{"chart", "-o", "OUT", "--format", "gif"}, series...), `plancast chart: format "gif" must be png or svg`},
		{"", append([]string{"chart", "-o", "OUT", "--lang", "fr"}, series...), `plancast chart: lang "fr" must be en or zh`},
		{"", append([]string{"history", "--period", "jan-dec"}, series...), `plancast history: --period "jan-dec" must be year, h1, h2, q1–q4 or jan-feb … jan-nov`},
	} {
		if c.env != "" {
			t.Setenv("PLANCAST_LOG_FORMAT", c.env)
		}
		tmp := t.TempDir()
		paths := strings.NewReplacer("DATA", filepath.Join(tmp, "data"), "BACKUPS", filepath.Join(tmp, "backups"), "OUT", filepath.Join(tmp, "out"))
		args := make([]string, len(c.args))
		for i, a := range c.args {
			args[i] = paths.Replace(a)
		}
		code, _, stderr := runWithin(t, 3*time.Second, args...)
		if code != 2 || stderr != c.want+"\n" {
			t.Errorf("%v (PLANCAST_LOG_FORMAT %q): exit %d, stderr %q; want exit 2 and %q", c.args, c.env, code, stderr, c.want)
		}
		if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
			t.Errorf("%v: %s made before the flag was refused", c.args, entries[0].Name())
		}
		os.Unsetenv("PLANCAST_LOG_FORMAT")
	}

	// The flag wins over the environment, as for every setting.
	t.Setenv("PLANCAST_LOG_FORMAT", "xml")
	code, _, stderr := runWithin(t, 3*time.Second, "serve", "--log-format", "json", "--data-dir", t.TempDir(), "--addr", "127.0.0.1:-1")
	if code != 1 || !strings.Contains(stderr, `"msg":"store open"`) || !strings.Contains(stderr, "listen on 127.0.0.1:-1") {
		t.Errorf("--log-format json over PLANCAST_LOG_FORMAT=xml: exit %d, stderr %q; want JSON logs up to the listen error", code, stderr)
	}
}

// An error is said after "plancast COMMAND: " without the command's name
// again: "plancast import: import cut.json.gz: ..." and "plancast restore:
// restore needs --from FILE" said it twice. (backtest's errors:
// TestBacktestErrorsSayTheirPrefixOnce.)
func TestErrorsSayTheCommandOnce(t *testing.T) {
	dir := seededDir(t)
	archive := filepath.Join(t.TempDir(), "all.json.gz")
	mustRun(t, "export", "--data-dir", dir, "--out", archive)
	cut := cutShort(t, archive)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"import", "--data-dir", t.TempDir(), cut}, "plancast import: " + cut + " is cut short (the gzip stream ends after "},
		{[]string{"import", "--data-dir", t.TempDir()}, "plancast import: one archive FILE is required, 0 given"},
		{[]string{"export", "--data-dir", dir}, "plancast export: --out FILE is required"},
		{[]string{"restore", "--data-dir", dir}, "plancast restore: --from FILE is required"},
	} {
		_, _, stderr := run(t, c.args...)
		lines := strings.Split(strings.TrimSpace(stderr), "\n")
		if last := lines[len(lines)-1]; !strings.HasPrefix(last, c.want) {
			t.Errorf("%v: the error reads %q; want it to start %q", c.args, last, c.want)
		}
	}
}
