package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"time"

	"github.com/plancast/plancast/store/spool"
)

func init() {
	register(&command{name: "spool", summary: "list or drop the spool's dead letters (batches the replay set aside)", run: runSpool})
}

// runSpool lists the dead letters of the spool in a data directory, or drops
// those whose data were pushed again: a dead letter kept /healthz
// "degraded" for good, and nothing said how to clear it.
func runSpool(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("spool", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dataDir := fs.String("data-dir", envOr("PLANCAST_DATA_DIR", "./data"), "data directory of plancast serve, which holds spool.db (env PLANCAST_DATA_DIR)")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), `Usage: plancast spool [--data-dir DIR] list
       plancast spool [--data-dir DIR] drop N...

A server with --influx-url queues pushes in DIR/spool.db while InfluxDB is
unavailable. A queued batch that no longer passes the catalog when it is
replayed is set aside whole as a dead letter, nothing of it written; while
any remains, /healthz says "degraded" (store.dead, store.refused).

  list     lists the dead letters: number, kind, when accepted, why refused
  drop N   removes dead letter N, once its data were pushed again from their
           source (or are not wanted): /healthz is "ok" once none remain

Run it with plancast serve stopped: the server holds the spool.

`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return err
		}
		return errUsage
	}
	path := filepath.Join(*dataDir, spool.FileName)
	switch fs.Arg(0) {
	case "list":
		if fs.NArg() > 1 {
			return usageErrorf("list takes no arguments; got %q", fs.Arg(1))
		}
		dead, err := spool.DeadLetters(path)
		if err != nil {
			return err
		}
		if len(dead) == 0 {
			fmt.Fprintf(stdout, "no dead letters in %s\n", path)
			return nil
		}
		for _, d := range dead {
			fmt.Fprintf(stdout, "%d\t%s\t%d items\taccepted %s\t%s\n", d.No, d.Kind, d.Items, d.Accepted.Format(time.RFC3339), d.Refusal)
		}
		return nil
	case "drop":
		if fs.NArg() < 2 {
			return usageErrorf("drop takes the numbers of the dead letters to drop (plancast spool list)")
		}
		for _, a := range fs.Args()[1:] {
			no, err := strconv.ParseUint(a, 10, 64)
			if err != nil {
				return usageErrorf("drop: %q is not a dead letter's number", a)
			}
			if err := spool.DropDeadLetter(path, no); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "dropped dead letter %d from %s\n", no, path)
		}
		return nil
	case "":
		return usageErrorf("say list or drop N")
	}
	return usageErrorf("unknown action %q: say list or drop N", fs.Arg(0))
}
