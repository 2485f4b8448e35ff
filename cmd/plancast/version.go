package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/plancast/plancast/api"
)

func init() {
	register(&command{name: "version", summary: "say which build of plancast this is", run: runVersion})
}

// runVersion prints the build as /healthz and /metrics say it, so that an
// operator can tell which build a binary on disk is before starting it.
func runVersion(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("version", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), `Usage: plancast version

Prints the build of this binary as the Go toolchain stamped it: the module's
version, the commit, its time and whether the tree had uncommitted changes,
and the Go release that built it. A running server says the same on /healthz
and /metrics. What the toolchain did not stamp (go run, -buildvcs=false) is
said as "devel" or "unknown", never made up.
`)
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return err
		}
		return errUsage
	}
	if fs.NArg() > 0 {
		return usageErrorf("takes no arguments; got %q", fs.Arg(0))
	}
	fmt.Fprintln(stdout, versionLine(api.CurrentBuild()))
	return nil
}

// versionLine is one line: "plancast v0.0.0-20261123090000-32ca6b0c1d2e
// (commit 32ca6b0c…, 2026-11-23T09:00:00Z) built with go1.26.1", or for a
// binary the toolchain stamped no commit into, says so and how to get one.
func versionLine(b api.Build) string {
	commit := "no commit stamped: go run, or a build with -buildvcs=false; build from a git checkout with go build -buildvcs=true"
	if b.Revision != "unknown" {
		commit = "commit " + b.Revision
		if b.Time != "unknown" {
			commit += ", " + b.Time
		}
		if b.Modified == "true" {
			commit += ", with uncommitted changes"
		}
	}
	return fmt.Sprintf("plancast %s (%s) built with %s", b.Version, commit, b.GoVersion)
}
