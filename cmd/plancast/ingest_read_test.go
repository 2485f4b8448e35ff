package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A file of a batch that cannot be read to its end (here a directory, whose
// read fails at once) refuses the whole batch, naming the file and how far
// it was read, and the files before it are not written.
func TestIngestRefusesTheBatchOfAFileThatCannotBeReadToItsEnd(t *testing.T) {
	dir := catalogDir(t)
	good := writeFile(t, "x1.csv", "region,indicator,year,value,unit\nhouma,gdp,2022,140.1,亿元\n")
	unreadable := filepath.Join(t.TempDir(), "y.csv")
	if err := os.Mkdir(unreadable, 0o755); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := run(t, "ingest", "--data-dir", dir, good, unreadable)
	want := "plancast ingest: y.csv could not be read to its end: after 0 bytes, "
	if code != 1 || !strings.HasPrefix(stderr, want) || !strings.HasSuffix(stderr, "; nothing was written\n") {
		t.Errorf("exit %d, stderr %q; want 1 and %q…; nothing was written", code, stderr, want)
	}
	if code, out, _ := run(t, "history", "--data-dir", dir, "--region", "houma", "--indicator", "gdp"); code != 0 || !strings.Contains(out, "no figures") || strings.Contains(out, "140.1") {
		t.Errorf("history after the refused batch: exit %d\n%s%s; want no figures", code, out, stdout)
	}
}
