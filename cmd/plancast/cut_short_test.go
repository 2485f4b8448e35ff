package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/store/bolt"
)

// A store file or a backup cut short (an interrupted cp or scp, a full
// disk) is told from its size against the pages its meta page counts,
// before bbolt maps it: bbolt read the missing pages and the process died
// of SIGBUS with a page of goroutine stacks. Each command answers one
// line, exit 1: backup --check and restore that the copy is not whole
// (restore leaving the store as it was); serve and forecast that the store
// is damaged and a backup is to be restored; and restore puts a whole
// backup in place of a store that is cut short, keeping it beside.
func TestAFileCutShortIsToldInOneLine(t *testing.T) {
	good := filepath.Join(t.TempDir(), "good.db")
	mustRun(t, "backup", "--data-dir", seededDir(t), "--out", good)
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	cutAt := len(data) * 3 / 4
	cut := filepath.Join(t.TempDir(), "cut.db")
	if err := os.WriteFile(cut, data[:cutAt], 0o600); err != nil {
		t.Fatal(err)
	}
	short := cut + " is cut short: " + plancast.FormatNumber(float64(cutAt), 0) + " bytes, but its pages run to " + plancast.FormatNumber(float64(len(data)), 0) + ": not a whole copy"

	oneLine := func(what, out string, err error, want string) {
		t.Helper()
		if err == nil || strings.Count(strings.TrimSpace(out), "\n") != 0 || !strings.Contains(out, want) || strings.Contains(out, "SIGBUS") {
			t.Errorf("%s: %v, said\n%s\nwant one line saying %q", what, err, out, want)
		}
	}
	out, err := runPlancast(t, "backup", "--check", cut)
	oneLine("backup --check", out, err, short)

	into := t.TempDir()
	if err := os.WriteFile(filepath.Join(into, bolt.FileName), data, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err = runPlancast(t, "restore", "--from", cut, "--data-dir", into)
	oneLine("restore --from a cut copy", out, err, short+"; nothing was changed")
	if now, _ := os.ReadFile(filepath.Join(into, bolt.FileName)); !bytes.Equal(now, data) {
		t.Errorf("restore of a cut copy changed the store")
	}

	damaged := t.TempDir()
	store := filepath.Join(damaged, bolt.FileName)
	if err := os.WriteFile(store, data[:cutAt], 0o600); err != nil {
		t.Fatal(err)
	}
	want := "the embedded store " + store + " is damaged (cut short: " + plancast.FormatNumber(float64(cutAt), 0) + " bytes, but its pages run to " + plancast.FormatNumber(float64(len(data)), 0) + "): restore a backup (plancast restore --from FILE)"
	out, err = runPlancast(t, "forecast", "--data-dir", damaged, "--region", "houma", "--indicator", "gdp")
	oneLine("forecast", out, err, want)
	out, err = runPlancast(t, "serve", "--data-dir", damaged, "--addr", freeAddr(t))
	if err == nil || !strings.Contains(out, want) || strings.Contains(out, "SIGBUS") {
		t.Errorf("serve on a cut store: %v, said\n%s\nwant %q", err, out, want)
	}

	out, err = runPlancast(t, "restore", "--from", good, "--data-dir", damaged)
	if err != nil || !strings.Contains(out, "the store it replaced is kept as "+store+".replaced-") {
		t.Fatalf("restore in place of a cut store: %v\n%s", err, out)
	}
	if now, _ := os.ReadFile(store + strings.Split(strings.SplitAfter(out, "the store it replaced is kept as "+store)[1], "\n")[0]); !bytes.Equal(now, data[:cutAt]) {
		t.Errorf("the cut store was not kept beside the restored one")
	}
	if _, err := runPlancast(t, "forecast", "--data-dir", damaged, "--region", "houma", "--indicator", "gdp"); err != nil {
		t.Errorf("forecast after the restore: %v", err)
	}
}
