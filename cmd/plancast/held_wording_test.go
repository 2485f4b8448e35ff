package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/plancast/plancast/store/bolt"
)

// While another process holds the embedded store, every command that needs
// it names both cases, in ingest's words: a running server (and what to do
// through it, the command's own answer), or another command, to run this
// one again when it has finished. The read commands (a nightly backup
// beside a cron'd ingest) spoke only of "a running plancast serve" and sent
// the operator to a server that did not exist. They fail at once; only
// ingest waits for the store.
func TestEveryCommandNamesBothHoldersOfTheStore(t *testing.T) {
	dir := seededDir(t)
	held, err := bolt.Open(filepath.Join(dir, bolt.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	report := filepath.Join("..", "..", "ingest", "report", "testdata", "reports", "004_381206a40357bc15.txt")
	const another = "; if it is another command (ingest, export, backup), run this one again when it has finished"
	for _, c := range []struct {
		args   []string
		server string
	}{
		{[]string{"backup", "--out", filepath.Join(t.TempDir(), "b.db")}, "copy it through that server instead: plancast backup --server URL --token ADMIN_TOKEN"},
		{[]string{"export", "--out", filepath.Join(t.TempDir(), "a.json")}, "take a copy through that server instead"},
		{[]string{"forecast", "--region", "houma", "--indicator", "gdp"}, "that server answers the same: GET /api/v1/series/houma/gdp/projection"},
		{[]string{"token", "list"}, ""},
		{[]string{"ingest", "--report", report, "--region", "houma", "--commit"}, "commit through that server instead: add --server URL --token T"},
	} {
		code, _, stderr := run(t, append(c.args, "--data-dir", dir)...)
		if code == 0 || !strings.Contains(stderr, "is held by another process; if it is a running server, "+c.server) || !strings.Contains(stderr, another) || strings.Contains(stderr, "plancast serve\"?") {
			t.Errorf("%v: exit %d, stderr %q; want a failure naming a running server and another command", c.args, code, stderr)
		}
	}
}
