package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
	"github.com/plancast/plancast/store/bolt"
)

// plancast backup writes the store to a file that, put in place of a data
// directory's plancast.db, answers exactly as the original did; the file is
// checked and said to hold the seeded figures and targets.
func TestABackupRestoredAnswersAsTheOriginal(t *testing.T) {
	dir := seededDir(t)
	out := filepath.Join(t.TempDir(), "houma.db")
	stdout := mustRun(t, "backup", "--data-dir", dir, "--out", out)
	if !strings.HasPrefix(stdout, "wrote "+out+" (") || !strings.Contains(stdout, "checked: data version") ||
		!strings.Contains(stdout, "9 regions, 17 indicators, 17 figures (17 vintages), 22 targets") {
		t.Errorf("backup says %q; want the file, its size and what the check counted (the seed's 9 regions, 17 figures, 22 targets)", stdout)
	}
	if checked := mustRun(t, "backup", "--check", out); !strings.Contains(checked, out+" is a good copy: data version") {
		t.Errorf("backup --check says %q", checked)
	}

	restored := t.TempDir()
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(restored, bolt.FileName), data, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"forecast", "--region", "houma", "--indicator", "gdp"},
		{"history", "--region", "houma", "--indicator", "gdp"},
	} {
		before := mustRun(t, append(args, "--data-dir", dir)...)
		after := mustRun(t, append(args, "--data-dir", restored)...)
		if before != after {
			t.Errorf("%v from the restored copy:\n%s\nwant what the original answered:\n%s", args, after, before)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".*part*"))
	if len(leftovers) > 0 {
		t.Errorf("the backup left %v beside it", leftovers)
	}
}

// A backup never replaces a file, and --check refuses a file that is not a
// good copy.
func TestABackupNeverReplacesAFileAndCheckRefusesABadOne(t *testing.T) {
	dir := seededDir(t)
	out := filepath.Join(t.TempDir(), "kept.db")
	if err := os.WriteFile(out, []byte("last week's backup"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := run(t, "backup", "--data-dir", dir, "--out", out)
	if code == 0 || !strings.Contains(stderr, out+" exists; a backup never replaces a file") {
		t.Errorf("backup over an existing file: exit %d, %q", code, stderr)
	}
	if data, _ := os.ReadFile(out); string(data) != "last week's backup" {
		t.Errorf("the existing file now holds %q", data)
	}
	code, _, stderr = run(t, "backup", "--check", out)
	if code == 0 || !strings.Contains(stderr, "check "+out) {
		t.Errorf("--check of a text file: exit %d, %q; want a failure naming it", code, stderr)
	}
	code, _, stderr = run(t, "backup", "--influx-url", "http://127.0.0.1:1", "--out", filepath.Join(t.TempDir(), "x.db"))
	if code == 0 || !strings.Contains(stderr, `"influx backup"`) {
		t.Errorf("backup of an InfluxDB store: exit %d, %q; want InfluxDB's own backup named", code, stderr)
	}
}

// While a server holds the store, the copy is taken through it with an
// admin token; a token that is not admin, or a connection cut before the
// whole file came, leaves no file.
func TestABackupThroughARunningServer(t *testing.T) {
	ctx := context.Background()
	dir := seededDir(t)
	st, err := bolt.Open(filepath.Join(dir, bolt.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	admin, adminHash := plancast.NewTokenSecret()
	houma, houmaHash := plancast.NewTokenSecret()
	for _, tok := range []plancast.Token{
		{Hash: adminHash, Scope: plancast.ScopeWrite, Admin: true, Created: time.Now()},
		{Hash: houmaHash, Scope: plancast.ScopeWrite, Region: "houma", Created: time.Now()},
	} {
		if err := st.PutToken(ctx, tok); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(api.New(api.Config{Store: st}).Handler())
	defer srv.Close()
	version, err := st.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}

	folder := t.TempDir()
	out := filepath.Join(folder, "served.db")
	stdout := mustRun(t, "backup", "--server", srv.URL, "--token", admin, "--out", out)
	if !strings.Contains(stdout, "checked: data version "+version+": 9 regions") {
		t.Errorf("backup through the server says %q; want the check of data version %s", stdout, version)
	}

	refused := filepath.Join(folder, "refused.db")
	code, _, stderr := run(t, "backup", "--server", srv.URL, "--token", houma, "--out", refused)
	if code == 0 || !strings.Contains(stderr, "403") || !strings.Contains(stderr, "admin token") {
		t.Errorf("a region's token: exit %d, %q; want the server's 403 saying an admin token is needed", code, stderr)
	}

	// A server that announces the whole file and sends a piece of it.
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	cutter := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", strconv.Itoa(len(data)))
		w.WriteHeader(http.StatusOK)
		w.Write(data[:len(data)/3])
	}))
	defer cutter.Close()
	cut := filepath.Join(folder, "cut.db")
	code, _, stderr = run(t, "backup", "--server", cutter.URL, "--token", admin, "--out", cut)
	if code == 0 || !strings.Contains(stderr, "copy the store to "+cut) {
		t.Errorf("a cut connection: exit %d, %q; want a failure saying the copy did not complete", code, stderr)
	}
	entries, err := os.ReadDir(folder)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if len(names) != 1 || names[0] != "served.db" {
		t.Errorf("the folder holds %v; want only served.db (nothing of the refused and the cut copies)", names)
	}
}

// plancast restore puts a backup in place of the store and keeps the store
// it replaced: figures pushed after the backup are gone from the store and
// still in the kept file. A file that fails the check, or a store a server
// holds, changes nothing.
func TestRestorePutsABackupInPlaceAndKeepsTheStoreItReplaced(t *testing.T) {
	dir := seededDir(t)
	backup := filepath.Join(t.TempDir(), "before.db")
	mustRun(t, "backup", "--data-dir", dir, "--out", backup)
	before := mustRun(t, "history", "--data-dir", dir, "--region", "houma", "--indicator", "gdp")
	ingestFiles(t, dir, [2]string{"houma-2021.csv", "region,indicator,year,value,published\nhouma,gdp,2021,131.2,2022-03-01\n"})
	pushed := mustRun(t, "history", "--data-dir", dir, "--region", "houma", "--indicator", "gdp")
	if pushed == before {
		t.Fatal("the push after the backup changed nothing; the test cannot tell a restore from none")
	}

	stdout := mustRun(t, "restore", "--data-dir", dir, "--from", backup)
	if after := mustRun(t, "history", "--data-dir", dir, "--region", "houma", "--indicator", "gdp"); after != before {
		t.Errorf("after the restore the history reads:\n%s\nwant what it read when the backup was taken:\n%s", after, before)
	}
	kept, err := filepath.Glob(filepath.Join(dir, bolt.FileName+".replaced-*"))
	if err != nil || len(kept) != 1 {
		t.Fatalf("kept stores %v (%v), want one", kept, err)
	}
	if !strings.Contains(stdout, "restored "+backup+" to "+filepath.Join(dir, bolt.FileName)) || !strings.Contains(stdout, "kept as "+kept[0]) {
		t.Errorf("restore says %q; want what it restored, where, and where the replaced store is kept", stdout)
	}
	aside := t.TempDir()
	data, err := os.ReadFile(kept[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(aside, bolt.FileName), data, 0o600); err != nil {
		t.Fatal(err)
	}
	if again := mustRun(t, "history", "--data-dir", aside, "--region", "houma", "--indicator", "gdp"); again != pushed {
		t.Errorf("the kept store reads:\n%s\nwant the store as it was before the restore:\n%s", again, pushed)
	}

	// A text file is refused before anything is touched.
	bad := filepath.Join(t.TempDir(), "notes.db")
	if err := os.WriteFile(bad, []byte("GDP 120.8"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := run(t, "restore", "--data-dir", dir, "--from", bad)
	if code == 0 || !strings.Contains(stderr, "check "+bad) || !strings.Contains(stderr, "nothing was changed") {
		t.Errorf("restore of a text file: exit %d, %q", code, stderr)
	}
	// So is a store a server holds.
	held, err := bolt.Open(filepath.Join(dir, bolt.FileName))
	if err != nil {
		t.Fatal(err)
	}
	code, _, stderr = run(t, "restore", "--data-dir", dir, "--from", backup)
	held.Close()
	if code == 0 || !strings.Contains(stderr, "stop the server first") {
		t.Errorf("restore into a held store: exit %d, %q", code, stderr)
	}
	if after := mustRun(t, "history", "--data-dir", dir, "--region", "houma", "--indicator", "gdp"); after != before {
		t.Errorf("a refused restore changed the store:\n%s", after)
	}
	if again, _ := filepath.Glob(filepath.Join(dir, "*")); len(again) != 2 {
		t.Errorf("the data directory holds %v; want the store and the one kept store", again)
	}
}
