package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/store/bolt"
)

// heldWait is how long a command that writes the embedded store (ingest)
// waits for another process to let go of it: two ingests run by cron at
// once, or an export reading, hold it for seconds; a server holds it for
// good, and the error then says what to do.
var heldWait = 10 * time.Second

// openWaiting opens the store with open, and while another process holds
// the embedded store tries again for up to heldWait, saying once on stderr
// that it waits. The second of two ingests failed at once, told to push
// through a server that did not exist.
func openWaiting(ctx context.Context, open func(context.Context, string) (plancast.Store, error), whileHeld string, stderr io.Writer) (plancast.Store, error) {
	deadline := time.Now().Add(heldWait)
	said := false
	for {
		st, err := open(ctx, whileHeld)
		if !errors.Is(err, bolt.ErrHeld) || !time.Now().Before(deadline) {
			return st, err
		}
		if !said {
			fmt.Fprintf(stderr, "the embedded store is held by another process; waiting up to %s for it to be free…\n", heldWait)
			said = true
		}
		select {
		case <-ctx.Done():
			return nil, err
		case <-time.After(200 * time.Millisecond):
		}
	}
}
