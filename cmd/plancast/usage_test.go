package main

import (
	"strings"
	"testing"
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
