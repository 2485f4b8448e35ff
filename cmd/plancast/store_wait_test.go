package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/plancast/plancast/store/bolt"
)

// An ingest finding the embedded store held by another process waits for
// it (heldWait, 10 s) and then writes: the second of two ingests run at
// once failed at once, told to push through a server that did not exist.
// Held for longer, it fails saying what to do for either holder.
func TestIngestWaitsForAStoreAnotherCommandHolds(t *testing.T) {
	dir := catalogDir(t)
	file := writeFile(t, "houma.csv", "region,indicator,year,value\nhouma,gdp,2019,118\n")
	held, err := bolt.Open(filepath.Join(dir, bolt.FileName))
	if err != nil {
		t.Fatal(err)
	}
	go func() { time.Sleep(time.Second); held.Close() }()
	code, stdout, stderr := run(t, "ingest", "--data-dir", dir, file)
	if code != 0 || !strings.Contains(stdout, "houma.csv: 1 new") || !strings.Contains(stderr, "the embedded store is held by another process; waiting up to 10s for it to be free") {
		t.Errorf("ingest while another process held the store for 1 s: exit %d, stdout %q, stderr %q; want it to wait, say so, and write", code, stdout, stderr)
	}

	held, err = bolt.Open(filepath.Join(dir, bolt.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	old := heldWait
	heldWait = 500 * time.Millisecond
	defer func() { heldWait = old }()
	code, _, stderr = run(t, "ingest", "--data-dir", dir, file)
	want := "is held by another process; if it is a running server, push through it with --server URL --token T; if it is another command (ingest, export, backup), run this one again when it has finished"
	if code != 1 || !strings.Contains(stderr, want) {
		t.Errorf("ingest while the store stays held: exit %d, stderr %q; want exit 1 saying %q", code, stderr, want)
	}
}
