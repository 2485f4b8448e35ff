package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The progress of a large file counts its data rows, as the report does:
// the header is no row. A file of 12,000 figures said "12001 rows read"
// beside "12000 new".
func TestIngestProgressCountsTheDataRowsOnly(t *testing.T) {
	dir := t.TempDir()
	gen := filepath.Join(dir, "gen")
	mustRun(t, "gen", "--out", gen, "--regions", "50", "--indicators", "8", "--years", "30", "--per-file", "50")
	file := filepath.Join(gen, "observations-0001.csv")
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	rows := strings.Count(string(raw), "\n") - 1 // the header is no row
	if rows < 10000 {
		t.Fatalf("%s holds %d rows; the test needs 10000 or more for progress to show", file, rows)
	}
	// Not --dry-run: a dry run needs a store to read, and this one is new.
	code, _, stderr := run(t, "ingest", "--data-dir", filepath.Join(dir, "data"), filepath.Join(gen, "catalog.json"), file)
	if code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	want := "observations-0001.csv: " + strconv.Itoa(rows) + " rows read\n"
	if !strings.Contains(stderr, want) {
		t.Errorf("stderr %q; want the progress to end %q", stderr, want)
	}
}
