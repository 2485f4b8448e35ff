package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/plancast/plancast/store/bolt"
)

// deadPID is the PID of a process that ran and is gone (waited for: no
// zombie is left to look alive).
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return cmd.Process.Pid
}

// livePID is the PID of a process that runs until the test ends.
func livePID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command("sleep", "600")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return cmd.Process.Pid
}

// planted are part files put beside an output, as earlier runs would have
// left them, and whether the next run must remove each.
type planted struct {
	name   string
	age    time.Duration // since it was last written
	remove bool
	why    string
}

// plantParts puts, in dir, part files of the output named name: a dead
// process's of this host (removed), a live process's (kept: a concurrent
// run writes it), another host's (kept: its writer cannot be seen from
// here), and parts of the older unnamed form, decimal as os.CreateTemp
// made them and hex as backtest made them: removed when not written for
// over an hour, kept when written a minute ago (an older plancast may be
// writing it).
func plantParts(t *testing.T, dir, name string) []planted {
	t.Helper()
	host := partHost()
	prefix := "." + name + ".part-"
	parts := []planted{
		{prefix + host + "-" + strconv.Itoa(deadPID(t)) + "-0a1b2c3d4e5f", 0, true, "its writer is gone"},
		{prefix + host + "-" + strconv.Itoa(livePID(t)) + "-0a1b2c3d4e5f", 3 * time.Hour, false, "its writer runs"},
		{prefix + "elsewhere.example-" + strconv.Itoa(deadPID(t)) + "-0a1b2c3d4e5f", 3 * time.Hour, false, "another host's"},
		{prefix + "3141592653", 2 * time.Hour, true, "an unnamed part not written for two hours"},
		{prefix + "9f8e7d6c5b4a", 2 * time.Hour, true, "an unnamed (hex) part not written for two hours"},
		{prefix + "2718281828", time.Minute, false, "an unnamed part written a minute ago"},
	}
	for _, p := range parts {
		plant(t, filepath.Join(dir, p.name), p.age)
	}
	return parts
}

// plant writes a file last written age ago.
func plant(t *testing.T, path string, age time.Duration) {
	t.Helper()
	if err := os.WriteFile(path, []byte("part of an earlier run"), 0o600); err != nil {
		t.Fatal(err)
	}
	when := time.Now().Add(-age)
	if err := os.Chtimes(path, when, when); err != nil {
		t.Fatal(err)
	}
}

// checkPlanted says which planted files a run left that it should have
// removed, and which it removed that it should have left.
func checkPlanted(t *testing.T, run, dir string, parts []planted) {
	t.Helper()
	for _, p := range parts {
		_, err := os.Lstat(filepath.Join(dir, p.name))
		switch {
		case p.remove && err == nil:
			t.Errorf("%s left %s (%s); want it removed", run, p.name, p.why)
		case !p.remove && err != nil:
			t.Errorf("%s removed %s (%s): %v; want it kept", run, p.name, p.why, err)
		}
	}
}

// Every command that writes a file through a part file removes, before it
// writes, the part files of the same file that an earlier run left when it
// was killed outright: a dead process's of this host, and one of the
// unnamed form of older plancasts once it has not been written for an
// hour. A part a live process may still write is never removed. And the
// command's own part file is named with its host and PID, so that the next
// run can tell.
func TestEveryWriterRemovesThePartFilesOfKilledRuns(t *testing.T) {
	seeded := seededDir(t)
	backup := filepath.Join(t.TempDir(), "seed.db")
	mustRun(t, "backup", "--data-dir", seeded, "--out", backup)

	for _, c := range []struct {
		name string
		out  func(dir string) string // the file written, in dir
		args func(out string) []string
	}{
		{"backup", func(dir string) string { return filepath.Join(dir, "b.db") },
			func(out string) []string { return []string{"backup", "--data-dir", seeded, "--out", out} }},
		{"export", func(dir string) string { return filepath.Join(dir, "big.json") },
			func(out string) []string { return []string{"export", "--data-dir", seeded, "--out", out} }},
		{"export .gz", func(dir string) string { return filepath.Join(dir, "big.json.gz") },
			func(out string) []string { return []string{"export", "--data-dir", seeded, "--out", out} }},
		{"backtest", func(dir string) string { return filepath.Join(dir, "fc.csv") },
			func(out string) []string {
				return []string{"backtest", "--input", writeLong(t), "--horizon", "3", "--out", out}
			}},
		{"restore", func(dir string) string { return filepath.Join(dir, bolt.FileName) },
			func(out string) []string {
				return []string{"restore", "--data-dir", filepath.Dir(out), "--from", backup}
			}},
		{"restore over a store", func(dir string) string {
			data, err := os.ReadFile(backup)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, bolt.FileName), data, 0o600); err != nil {
				t.Fatal(err)
			}
			return filepath.Join(dir, bolt.FileName)
		}, func(out string) []string {
			return []string{"restore", "--data-dir", filepath.Dir(out), "--from", backup}
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			out := c.out(dir)
			parts := plantParts(t, dir, filepath.Base(out))
			mustRun(t, c.args(out)...)
			checkPlanted(t, c.name, dir, parts)
			if _, err := os.Stat(out); err != nil {
				t.Errorf("%s wrote nothing: %v", c.name, err)
			}
		})
	}
}

// A restore by an older plancast, killed, left its copy in the data
// directory as ".plancast.db.restore-PID", and that copy's part file as
// "..plancast.db.restore-PID.part-RANDOM" (240 MB each in a user's run).
// Neither names its host, so a restore removes them as part files of the
// unnamed form: once not written for an hour.
func TestARestoreRemovesWhatAKilledRestoreOfAnOlderPlancastLeft(t *testing.T) {
	dir := seededDir(t)
	backup := filepath.Join(t.TempDir(), "seed.db")
	mustRun(t, "backup", "--data-dir", dir, "--out", backup)
	parts := []planted{
		{".plancast.db.restore-4242", 2 * time.Hour, true, "a killed restore's copy, two hours old"},
		{"..plancast.db.restore-4242.part-1234567890", 2 * time.Hour, true, "a killed restore's part file, two hours old"},
		{".plancast.db.restore-4343", time.Minute, false, "a restore's copy written a minute ago"},
		{"..plancast.db.restore-4343.part-987654321", time.Minute, false, "a restore's part file written a minute ago"},
		{".plancast.db.restore-notes", 2 * time.Hour, false, "not a name a restore gives"},
	}
	for _, p := range parts {
		plant(t, filepath.Join(dir, p.name), p.age)
	}
	mustRun(t, "restore", "--data-dir", dir, "--from", backup)
	checkPlanted(t, "restore", dir, parts)
}

// serve --backup-dir names each copy by its time, so the next copy's name
// finds no part file of a copy a killed server was writing: the schedule
// looks for the part files of every copy's name, and removes those whose
// writer is gone before each copy. --backup-keep prunes copies only, and
// would never have seen them.
func TestScheduledBackupsRemoveThePartFilesOfAKilledServer(t *testing.T) {
	dataDir, backups := seededDir(t), t.TempDir()
	st, err := bolt.Open(filepath.Join(dataDir, bolt.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	parts := plantParts(t, backups, "plancast-20260101T000000.000Z-v3.db")
	other := planted{".notes.db.part-" + partHost() + "-" + strconv.Itoa(deadPID(t)) + "-0a1b2c3d4e5f", 0, false, "not a part of a copy"}
	plant(t, filepath.Join(backups, other.name), 0)
	parts = append(parts, other)

	b := &backupSchedule{st: st, store: filepath.Join(dataDir, bolt.FileName), dir: backups, every: time.Hour, keep: 2, log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	b.once(context.Background())
	checkPlanted(t, "a scheduled backup", backups, parts)
	if kept := b.kept(); len(kept) != 1 {
		t.Errorf("the backup folder holds copies %v; want the one written", kept)
	}
}

// partsOf lists the part files of the file named name in dir.
func partsOf(t *testing.T, dir, name string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var parts []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "."+name+".part-") {
			parts = append(parts, e.Name())
		}
	}
	return parts
}

// waitForPartOf waits until dir holds a part file of name named with p's
// host and PID, and returns it.
func waitForPartOf(t *testing.T, dir, name string, p *proc) string {
	t.Helper()
	owner := fmt.Sprintf(".part-%s-%d-", partHost(), p.cmd.Process.Pid)
	deadline := time.Now().Add(20 * time.Second)
	for {
		all := partsOf(t, dir, name)
		for _, part := range all {
			if strings.Contains(part, owner) {
				return part
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s holds part files %v, none named %s…; the child printed %q", dir, all, owner, p.Output())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// A backup killed outright (SIGKILL) while it copies leaves its part file,
// named with its host and PID. The next backup to the same file removes it
// and writes the file; while another backup to that file runs, its part
// file is left alone. The killed and the running backups copy from a
// server that sends a third of the store and then nothing more.
func TestAKilledBackupsPartFileIsRemovedByTheNextRun(t *testing.T) {
	dir := seededDir(t)
	admin := addAdmin(t, dir)
	url, stop := servedDir(t, dir)
	defer stop()
	whole := filepath.Join(t.TempDir(), "whole.db")
	mustRun(t, "backup", "--server", url, "--token", admin, "--out", whole)
	data, err := os.ReadFile(whole)
	if err != nil {
		t.Fatal(err)
	}
	release := make(chan struct{})
	stalled := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", strconv.Itoa(len(data)))
		w.WriteHeader(http.StatusOK)
		w.Write(data[:len(data)/3])
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}))
	defer stalled.Close()
	defer close(release) // before Close, which waits for the handlers

	folder := t.TempDir()
	out := filepath.Join(folder, "nightly.db")
	args := []string{"backup", "--server", stalled.URL, "--token", admin, "--out", out}
	killed := startPlancast(t, args...)
	stale := waitForPartOf(t, folder, "nightly.db", killed)
	killed.kill()
	if parts := partsOf(t, folder, "nightly.db"); len(parts) != 1 || parts[0] != stale {
		t.Fatalf("after SIGKILL %s holds part files %v; want the killed backup's %s", folder, parts, stale)
	}

	live := startPlancast(t, args...)
	livePart := waitForPartOf(t, folder, "nightly.db", live)
	mustRun(t, "backup", "--server", url, "--token", admin, "--out", out)
	if parts := partsOf(t, folder, "nightly.db"); len(parts) != 1 || parts[0] != livePart {
		t.Errorf("after a backup beside a running one %s holds part files %v; want the running one's %s alone (the killed one's %s removed)", folder, parts, livePart, stale)
	}
	if _, err := bolt.CheckFile(out); err != nil {
		t.Errorf("the backup after the killed one: %v", err)
	}
	live.kill()
	if parts := partsOf(t, folder, "nightly.db"); !slices.Contains(parts, livePart) {
		t.Errorf("the killed running backup's part %s is gone: %v", livePart, parts)
	}
}
