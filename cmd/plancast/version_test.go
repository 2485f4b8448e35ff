package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/plancast/plancast/api"
)

// plancast version says the build /healthz says, in one line, and
// --version is the same command.
func TestVersionSaysTheBuildHealthzSays(t *testing.T) {
	want := versionLine(api.CurrentBuild()) + "\n"
	for _, args := range [][]string{{"version"}, {"--version"}, {"-version"}} {
		var out, errOut bytes.Buffer
		if code := Main(context.Background(), args, &out, &errOut); code != 0 {
			t.Fatalf("plancast %s exited %d: %s", args[0], code, errOut.String())
		}
		if out.String() != want {
			t.Errorf("plancast %s printed %q, want %q", args[0], out.String(), want)
		}
	}
	var out, errOut bytes.Buffer
	if code := Main(context.Background(), []string{"version", "now"}, &out, &errOut); code != 2 || !strings.Contains(errOut.String(), `takes no arguments; got "now"`) {
		t.Errorf("plancast version now: exit %d, %q; want a usage error naming the argument", code, errOut.String())
	}
}

func TestVersionLineNamesTheCommitOrSaysNoneWasStamped(t *testing.T) {
	stamped := api.Build{Version: "v0.0.0-20261123085641-51da242820be+dirty", Revision: "51da242820be4697d8c51e891de21302a741bdc3",
		Time: "2026-11-23T08:56:41Z", Modified: "true", GoVersion: "go1.26.8"}
	if got, want := versionLine(stamped), "plancast v0.0.0-20261123085641-51da242820be+dirty (commit 51da242820be4697d8c51e891de21302a741bdc3, 2026-11-23T08:56:41Z, with uncommitted changes) built with go1.26.8"; got != want {
		t.Errorf("stamped build:\n got %s\nwant %s", got, want)
	}
	bare := api.Build{Version: "devel", Revision: "unknown", Time: "unknown", Modified: "unknown", GoVersion: "go1.26.8"}
	got := versionLine(bare)
	for _, part := range []string{"plancast devel (", "no commit stamped", "-buildvcs=true", "built with go1.26.8"} {
		if !strings.Contains(got, part) {
			t.Errorf("unstamped build %q does not say %q", got, part)
		}
	}
	if strings.Contains(got, "commit unknown") {
		t.Errorf("unstamped build %q names an unknown commit as if it were one", got)
	}
}
