package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plancast/plancast/store/bolt"
)

// A store file or backup of 0 bytes (a cp onto a full disk,
// "> plancast.db", an scp killed at once) is the extreme of cut short and
// is told so in one line: backup --check and restore refuse it as no copy,
// the read commands and ingest as a damaged store, and serve refuses it
// rather than take it for a new store, load the demo data into it and make
// an admin token (bbolt initialises a 0-byte file as a new one). restore
// puts a whole backup in its place.
func TestAnEmptyStoreOrBackupIsToldAsCutShort(t *testing.T) {
	empty := filepath.Join(t.TempDir(), "empty.db")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	oneLine := func(what, out string, err error, want string) {
		t.Helper()
		if err == nil || strings.Count(strings.TrimSpace(out), "\n") != 0 || !strings.Contains(out, want) {
			t.Errorf("%s: %v, said\n%s\nwant one line saying %q", what, err, out, want)
		}
	}
	out, err := runPlancast(t, "backup", "--check", empty)
	oneLine("backup --check", out, err, empty+" is empty (0 bytes): not a whole copy")
	out, err = runPlancast(t, "restore", "--from", empty, "--data-dir", t.TempDir())
	oneLine("restore --from", out, err, empty+" is empty (0 bytes): not a whole copy; nothing was changed")

	dir := t.TempDir()
	store := filepath.Join(dir, bolt.FileName)
	if err := os.WriteFile(store, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	want := "the embedded store " + store + " is empty (0 bytes): it is damaged (cut short before its first page); restore a backup (plancast restore --from FILE)"
	out, err = runPlancast(t, "forecast", "--data-dir", dir, "--region", "houma", "--indicator", "gdp")
	oneLine("forecast", out, err, want)
	out, err = runPlancast(t, "backup", "--data-dir", dir, "--out", filepath.Join(t.TempDir(), "b.db"))
	oneLine("backup", out, err, want)
	out, err = runPlancast(t, "serve", "--data-dir", dir, "--addr", freeAddr(t))
	if err == nil || !strings.Contains(out, want) || strings.Contains(out, "demo dataset loaded") {
		t.Errorf("serve on a 0-byte store: %v, said\n%s\nwant %q", err, out, want)
	}
	if info, err := os.Stat(store); err != nil || info.Size() != 0 {
		t.Errorf("serve changed the 0-byte store: %v %v", info.Size(), err)
	}
	if _, err := os.Stat(filepath.Join(dir, initialAdminFile)); err == nil {
		t.Errorf("serve made an admin token over a 0-byte store")
	}

	good := filepath.Join(t.TempDir(), "good.db")
	mustRun(t, "backup", "--data-dir", seededDir(t), "--out", good)
	out, err = runPlancast(t, "restore", "--from", good, "--data-dir", dir)
	if err != nil || !strings.Contains(out, "the store it replaced is kept as "+store+".replaced-") {
		t.Fatalf("restore in place of a 0-byte store: %v\n%s", err, out)
	}
	if _, err := runPlancast(t, "forecast", "--data-dir", dir, "--region", "houma", "--indicator", "gdp"); err != nil {
		t.Errorf("forecast after the restore: %v", err)
	}
}
