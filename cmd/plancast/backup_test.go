package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
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
		!strings.Contains(stdout, "9 regions, 18 indicators, 17 figures (17 vintages), 22 targets") {
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
	// So is a store another process holds, saying what to do for each it
	// can be: the words of ingest's.
	held, err := bolt.Open(filepath.Join(dir, bolt.FileName))
	if err != nil {
		t.Fatal(err)
	}
	code, _, stderr = run(t, "restore", "--data-dir", dir, "--from", backup)
	held.Close()
	if code == 0 || !strings.Contains(stderr, "is held by another process") || !strings.Contains(stderr, "; if it is a running server, stop it, restore, then start it again; if it is another command (ingest, export, backup), run this one again when it has finished; nothing was changed") {
		t.Errorf("restore into a held store: exit %d, %q", code, stderr)
	}
	if after := mustRun(t, "history", "--data-dir", dir, "--region", "houma", "--indicator", "gdp"); after != before {
		t.Errorf("a refused restore changed the store:\n%s", after)
	}
	if again, _ := filepath.Glob(filepath.Join(dir, "*")); len(again) != 2 {
		t.Errorf("the data directory holds %v; want the store and the one kept store", again)
	}
}

// Restoring onto a fresh machine, the data directory does not exist yet:
// restore creates it (and its missing parents), as opening the store does
// for every other command, says so, and the store there answers as the
// one backed up. A backup that fails its check creates nothing.
func TestRestoreIntoADataDirectoryThatDoesNotExistCreatesIt(t *testing.T) {
	dir := seededDir(t)
	backup := filepath.Join(t.TempDir(), "houma.db")
	mustRun(t, "backup", "--data-dir", dir, "--out", backup)
	before := mustRun(t, "history", "--data-dir", dir, "--region", "houma", "--indicator", "gdp")

	fresh := filepath.Join(t.TempDir(), "srv", "plancast", "data")
	code, stdout, stderr := run(t, "restore", "--data-dir", fresh, "--from", backup)
	if code != 0 || !strings.Contains(stdout, "created the data directory "+fresh+"\n") ||
		!strings.Contains(stdout, "restored "+backup+" to "+filepath.Join(fresh, bolt.FileName)+": ") || strings.Contains(stdout, "kept as") {
		t.Fatalf("restore into %s: exit %d\n%s%s\nwant the directory created and the backup restored there", fresh, code, stdout, stderr)
	}
	if after := mustRun(t, "history", "--data-dir", fresh, "--region", "houma", "--indicator", "gdp"); after != before {
		t.Errorf("the restored store reads:\n%s\nwant what the backed-up one read:\n%s", after, before)
	}
	if entries, _ := os.ReadDir(fresh); len(entries) != 1 || entries[0].Name() != bolt.FileName {
		t.Errorf("the new data directory holds %v; want the store alone", entries)
	}

	bad := filepath.Join(t.TempDir(), "notes.db")
	if err := os.WriteFile(bad, []byte("GDP 120.8"), 0o600); err != nil {
		t.Fatal(err)
	}
	parent := t.TempDir()
	code, _, stderr = run(t, "restore", "--data-dir", filepath.Join(parent, "data"), "--from", bad)
	if entries, _ := os.ReadDir(parent); code != 1 || !strings.Contains(stderr, "nothing was changed") || len(entries) != 0 {
		t.Errorf("restore of a text file into a new directory: exit %d, %q, %d files made; want nothing made", code, stderr, len(entries))
	}
}

// serve --backup-dir takes a checked copy at start and one every
// --backup-every while figures change, skips a copy when nothing changed,
// and keeps the newest --backup-keep. It stops with the server.
func TestServeTakesScheduledBackupsAndKeepsTheNewest(t *testing.T) {
	dataDir, backups := t.TempDir(), t.TempDir()
	token := seedEmbedded(t, dataDir)
	addr := freeAddr(t)
	p := startPlancast(t, "serve", "--addr", addr, "--data-dir", dataDir, "--backup-dir", backups, "--backup-every", "1s", "--backup-keep", "2")
	waitHTTP(t, "http://"+addr+"/healthz", p)

	copies := func() []string {
		names, _ := filepath.Glob(filepath.Join(backups, "plancast-*.db"))
		return names
	}
	// waitFor waits until the newest copy holds figures figures.
	waitFor := func(figures int) string {
		t.Helper()
		deadline := time.Now().Add(30 * time.Second)
		for time.Now().Before(deadline) {
			if names := copies(); len(names) > 0 {
				if c, err := bolt.CheckFile(names[len(names)-1]); err == nil && c.Figures == figures {
					return names[len(names)-1]
				}
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Fatalf("no copy holding %d figures within 30 s; the folder holds %v:\n%s", figures, copies(), p.Output())
		return ""
	}
	first := waitFor(17) // the seed's figures
	for i, year := range []int{2021, 2022, 2023} {
		csv := fmt.Sprintf("region,indicator,year,value\nhouma,gdp,%d,%d\n", year, 130+10*i)
		req, err := http.NewRequest(http.MethodPost, "http://"+addr+"/api/v1/observations", strings.NewReader(csv))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Content-Type", "text/csv")
		resp, err := http.DefaultClient.Do(req)
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("push %d: %v %v", year, resp, err)
		}
		resp.Body.Close()
		waitFor(18 + i)
	}
	// A backup is written, then the oldest beyond --backup-keep removed:
	// the copies are read once the removal is done, not between the two.
	newest := copies()
	for deadline := time.Now().Add(10 * time.Second); len(newest) > 2 && time.Now().Before(deadline); newest = copies() {
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(2500 * time.Millisecond) // two periods with nothing new
	if again := copies(); len(again) != 2 || again[1] != newest[1] {
		t.Errorf("after two quiet periods the copies are %v; want the same two newest as before, %v", again, newest)
	}
	if _, err := os.Stat(first); !os.IsNotExist(err) {
		t.Errorf("the first copy %s is still there with --backup-keep 2", first)
	}
	// /healthz and /metrics say how the backups go, for the operator's
	// monitoring: four written, the quiet periods skipped, none failed.
	var health struct {
		Status string           `json:"status"`
		Backup api.BackupStatus `json:"backup"`
	}
	getJSON(t, "http://"+addr+"/healthz", &health)
	if b := health.Backup; health.Status != "ok" || b.Dir != backups || b.Written != 4 || b.Skipped < 2 || b.Failed != 0 || b.LastFile != newest[1] || b.Last.IsZero() {
		t.Errorf("healthz says %+v; want status ok and backups in %s: 4 written, 2 or more skipped, none failed, the newest %s", health, backups, newest[1])
	}
	metrics := getText(t, "http://"+addr+"/metrics")
	for _, want := range []string{`plancast_backups_total{result="written"} 4`, `plancast_backups_total{result="failed"} 0`, "plancast_backup_last_success_timestamp_seconds 1."} {
		if !strings.Contains(metrics, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case <-p.exited:
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop on SIGTERM")
	}
	out := p.Output()
	if p.cmd.ProcessState.ExitCode() != 0 || strings.Count(out, `msg="backup written"`) != 4 || !strings.Contains(out, `msg="old backup removed"`) {
		t.Errorf("exit %d; want four copies written (start and three pushes) and old ones removed in the log:\n%s", p.cmd.ProcessState.ExitCode(), out)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(backups, ".*")); len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

// --backup-dir is refused where it cannot work, before anything starts.
func TestServeRefusesBackupsItCannotTake(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--influx-url", "http://127.0.0.1:1", "--backup-dir", t.TempDir()}, `back InfluxDB up with "influx backup"`},
		{[]string{"--backup-dir", t.TempDir(), "--backup-every", "10ms"}, "--backup-every 10ms is too short"},
		{[]string{"--backup-dir", t.TempDir(), "--backup-keep", "0"}, "keep at least one copy"},
	} {
		code, _, stderr := run(t, append([]string{"serve", "--addr", "127.0.0.1:0", "--data-dir", t.TempDir()}, c.args...)...)
		if code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("serve %v: exit %d, %q; want a usage error saying %q", c.args, code, stderr, c.want)
		}
	}
}

// getJSON decodes the JSON answer of GET url, failing on anything but 200.
func getJSON(t *testing.T, url string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(getText(t, url)), v); err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
}

// getText is the body of GET url, failing on anything but 200.
func getText(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d %v", url, resp.StatusCode, err)
	}
	return string(body)
}
