package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// serve refuses flags that contradict each other or have no effect, as a
// usage error (exit 2) before anything is opened: "--reseed --no-seed"
// started and loaded nothing, and --backup-every or --backup-keep without
// --backup-dir started without a word, making no backups.
func TestServeRefusesFlagsThatContradictOrDoNothing(t *testing.T) {
	tmp := t.TempDir()
	data := filepath.Join(tmp, "data")
	serve := []string{"serve", "--addr", "127.0.0.1:0", "--data-dir", data}
	for _, c := range []struct {
		args []string
		want string
	}{
		// "--addr ${PLANCAST_ADDR}" with the variable unset: it listened on
		// a random port on every interface.
		{[]string{"serve", "--data-dir", data, "--addr", ""}, "plancast serve: --addr is empty: give host:port, e.g. :8080 or 127.0.0.1:8080 (an unset PLANCAST_ADDR gives :8080)"},
		{append(serve, "--reseed", "--no-seed"), "plancast serve: --reseed loads the demo dataset again and --no-seed never loads it: give one of them"},
		{append(serve, "--backup-every", "1h"), "plancast serve: --backup-every has no effect without --backup-dir: give --backup-dir DIR too, or leave --backup-every out"},
		{append(serve, "--backup-keep", "3"), "plancast serve: --backup-keep has no effect without --backup-dir: give --backup-dir DIR too, or leave --backup-keep out"},
	} {
		code, _, stderr := runWithin(t, 3*time.Second, c.args...)
		if code != 2 || stderr != c.want+"\n" {
			t.Errorf("%v: exit %d, stderr %q;\nwant exit 2 and %q", c.args, code, stderr, c.want)
		}
	}
	if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
		t.Errorf("%s made before the flags were refused", entries[0].Name())
	}
}

// serve --help says what a stop does to requests in flight: they get 10 s,
// and those still open then are cut off. It said they "finish first".
func TestServeHelpSaysTheShutdownGrace(t *testing.T) {
	_, _, stderr := run(t, "serve", "--help")
	help := strings.Join(strings.Fields(stderr), " ")
	want := "Stop with SIGTERM or Ctrl-C: requests in flight get 10 s to finish; the rest are cut off without an answer (push them again) and serve exits 1."
	if !strings.Contains(help, want) {
		t.Errorf("serve --help does not say %q:\n%s", want, stderr)
	}
}
