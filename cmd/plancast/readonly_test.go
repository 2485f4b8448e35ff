package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"github.com/plancast/plancast/store/bolt"
)

// readingCommands are the commands that only read the store, run on the
// store in dir: their files go to out, a writable directory, and ingest
// --dry-run checks the file csv.
func readingCommands(dir, out, csv string) [][]string {
	return [][]string{
		{"forecast", "--data-dir", dir, "--region", "houma", "--indicator", "gdp"},
		{"history", "--data-dir", dir, "--region", "houma", "--indicator", "gdp"},
		{"chart", "--data-dir", dir, "--region", "houma", "--indicator", "gdp", "-o", filepath.Join(out, "houma-gdp.png")},
		{"export", "--data-dir", dir, "--out", filepath.Join(out, "export.json")},
		{"backup", "--data-dir", dir, "--out", filepath.Join(out, "backup.db")},
		{"token", "list", "--data-dir", dir},
		{"ingest", "--dry-run", "--data-dir", dir, csv},
	}
}

// The commands that only read the store open it read-only, so they leave
// the file as it was, byte for byte and mtime: opened to write, as before,
// each read moved bbolt's transaction id in the file, and a store on
// read-only media was refused. (Root ignores file modes, so this is the
// test that runs everywhere; the one below mounts read-only media.)
func TestReadingCommandsLeaveTheStoreFileAsItWas(t *testing.T) {
	dir, out := seededDir(t), t.TempDir()
	path := filepath.Join(dir, bolt.FileName)
	csv := writeFile(t, "rev.csv", "region,indicator,year,value,published\nhouma,gdp,2020,124.2,2022-03-01\n")
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fi, _ := os.Stat(path)
	time.Sleep(10 * time.Millisecond) // a write now would move the mtime
	for _, args := range readingCommands(dir, out, csv) {
		mustRun(t, args...)
		after, _ := os.ReadFile(path)
		if now, _ := os.Stat(path); !bytes.Equal(before, after) || !now.ModTime().Equal(fi.ModTime()) {
			t.Errorf("plancast %s changed the store file", strings.Join(args, " "))
		}
	}
}

// On read-only media (a tmpfs remounted read-only, which binds root too)
// every reading command reads the store; a store an older plancast wrote,
// which must be upgraded before it is read, is refused with what to do.
func TestFaultReadingCommandsOnAReadOnlyDataDirectory(t *testing.T) {
	media := mountTmpfs(t, "8m")
	dir, out := filepath.Join(media, "data"), t.TempDir()
	mustRun(t, "seed", "--data-dir", dir)
	csv := writeFile(t, "rev.csv", "region,indicator,year,value,published\nhouma,gdp,2020,124.2,2022-03-01\n")
	remount := func(mode string) {
		t.Helper()
		if o, err := exec.Command("mount", "-o", "remount,"+mode, media).CombinedOutput(); err != nil {
			t.Fatalf("remount %s: %v %s", mode, err, o)
		}
	}
	remount("ro")
	for _, args := range readingCommands(dir, out, csv) {
		if code, _, stderr := run(t, args...); code != 0 {
			t.Errorf("plancast %s on read-only media: exit %d: %s", args[0], code, stderr)
		}
	}

	// The store as an older plancast left it: no vals2 bucket.
	remount("rw")
	db, err := bbolt.Open(filepath.Join(dir, bolt.FileName), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bbolt.Tx) error { return tx.DeleteBucket([]byte("vals2")) }); err != nil {
		t.Fatal(err)
	}
	db.Close()
	remount("ro")
	code, _, stderr := run(t, "forecast", "--data-dir", dir, "--region", "houma", "--indicator", "gdp")
	if code != 1 || !strings.Contains(stderr, "was written by an older plancast and must be upgraded") ||
		!strings.Contains(stderr, "open it once writable to upgrade it") {
		t.Errorf("forecast of a store needing an upgrade on read-only media: exit %d: %s\nwant exit 1 saying to open it once writable", code, stderr)
	}
}

// The commands that only read leave a store an older plancast wrote as it
// was, also where they could write it: they refuse it, saying to open it
// once writable and how to keep a copy first; backup copies it as it is, not
// upgraded. They upgraded it in place, so that "plancast backup" before an
// upgrade kept no copy of the file before it.
func TestReadingCommandsLeaveAnOlderStoreAsItWas(t *testing.T) {
	dir, out := seededDir(t), t.TempDir()
	path := filepath.Join(dir, bolt.FileName)
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bbolt.Tx) error { return tx.DeleteBucket([]byte("vals2")) }); err != nil { // as an older plancast left it
		t.Fatal(err)
	}
	db.Close()
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	csv := writeFile(t, "rev.csv", "region,indicator,year,value,published\nhouma,gdp,2020,124.2,2022-03-01\n")
	for _, args := range readingCommands(dir, out, csv) {
		code, _, stderr := run(t, args...)
		if args[0] == "backup" {
			if code != 0 || !strings.Contains(stderr, "the copy is of the file as it is, not upgraded") {
				t.Errorf("plancast %s of an older store: exit %d: %s; want a copy of the file as it is", strings.Join(args, " "), code, stderr)
			}
		} else if code != 1 || !strings.Contains(stderr, "was written by an older plancast and must be upgraded") ||
			!strings.Contains(stderr, "plancast serve --data-dir "+dir+" upgrades it") || !strings.Contains(stderr, "plancast backup --data-dir "+dir+" --out FILE") {
			t.Errorf("plancast %s of an older store: exit %d: %s; want it refused, saying how to upgrade it and how to keep a copy first", strings.Join(args, " "), code, stderr)
		}
		if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
			t.Fatalf("plancast %s changed the older store", strings.Join(args, " "))
		}
	}
	st, err := bolt.Open(path) // the writable open upgrades it
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	mustRun(t, "forecast", "--data-dir", dir, "--region", "houma", "--indicator", "gdp")
}
