package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plancast/plancast/store/bolt"
)

// While a running server holds the embedded store, every command that needs
// the store fails at once and says what to do instead; the answer is the
// command's own (push through the server, ask it, stop it).
func TestEachCommandSaysWhatToDoWhileAServerHoldsTheStore(t *testing.T) {
	dir := t.TempDir()
	held, err := bolt.Open(filepath.Join(dir, bolt.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	report := filepath.Join("..", "..", "ingest", "report", "testdata", "reports", "004_381206a40357bc15.txt")
	emptyArchive := filepath.Join(t.TempDir(), "empty.json")
	if err := os.WriteFile(emptyArchive, []byte(`{"format": "plancast-archive/1"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"ingest", fixture("long.csv")}, "if it is a running server, push through it with --server URL --token T; if it is another command (ingest, export, backup), run this one again when it has finished"},
		{[]string{"ingest", "--report", report, "--region", "houma", "--commit"}, "commit through that server instead: add --server URL --token T (a write token of the region)"},
		{[]string{"forecast", "--region", "houma", "--indicator", "gdp"}, "GET /api/v1/series/houma/gdp/projection and /api/v1/regions/houma/assessment"},
		{[]string{"chart", "--region", "houma", "--indicator", "gdp", "-o", filepath.Join(dir, "c.png")}, "GET /charts/houma/gdp.png"},
		{[]string{"seed"}, "restart it with serve --reseed"},
		{[]string{"token", "create", "--region", "houma"}, "create it through that server instead: plancast token create --server URL --token ADMIN_TOKEN"},
		{[]string{"serve", "--addr", "127.0.0.1:0"}, "give this one another --data-dir"},
		{[]string{"backup", "--out", filepath.Join(dir, "b.db")}, "copy it through that server instead: plancast backup --server URL --token ADMIN_TOKEN"},
		{[]string{"export", "--out", filepath.Join(dir, "a.json")}, "take a copy through that server instead (plancast backup --server URL --token ADMIN_TOKEN), or stop it"},
		{[]string{"import", emptyArchive}, "stop it first: a store is imported before it is served"},
	} {
		code, _, stderr := run(t, append(c.args, "--data-dir", dir)...)
		if code == 0 || !strings.Contains(stderr, "is held by another process") || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want a failure saying %q", c.args, code, stderr, c.want)
		}
	}
}

// A command that reads a series from an empty store says how to fill it.
func TestForecastOnAnEmptyStoreSaysHowToSeedIt(t *testing.T) {
	dir := t.TempDir()
	empty, err := bolt.Open(filepath.Join(dir, bolt.FileName))
	if err != nil {
		t.Fatal(err)
	}
	empty.Close()
	code, _, stderr := run(t, "forecast", "--data-dir", dir, "--region", "houma", "--indicator", "gdp")
	if code == 0 || !strings.Contains(stderr, `the store is empty: "plancast seed" loads`) {
		t.Errorf("exit %d, stderr %q; want the seed hint", code, stderr)
	}
}

// A command that only reads the store never creates one: a mistyped
// --data-dir is an error naming the path, not a new empty store that answers
// as if the figures were gone.
func TestReadingCommandsDoNotCreateAStore(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "typo")
	for _, args := range [][]string{
		{"forecast", "--region", "houma", "--indicator", "gdp"},
		{"history", "--region", "houma", "--indicator", "gdp"},
		{"backup", "--out", filepath.Join(parent, "b.db")},
		{"export", "--out", filepath.Join(parent, "a.json")},
		{"chart", "--region", "houma", "--indicator", "gdp", "-o", filepath.Join(parent, "c.png")},
	} {
		code, _, stderr := run(t, append(args, "--data-dir", dir)...)
		want := "there is no embedded store at " + filepath.Join(dir, bolt.FileName)
		if code == 0 || !strings.Contains(stderr, want) || !strings.Contains(stderr, "plancast seed --data-dir "+dir) {
			t.Errorf("%v: exit %d, stderr %q; want a failure saying %q and how to seed", args, code, stderr, want)
		}
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			t.Fatalf("%v created %s (stat: %v)", args, dir, err)
		}
	}
}
