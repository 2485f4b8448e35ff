package main

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// Scheduled copies an older plancast wrote (plancast-<time>-v<N>.db, the
// time with milliseconds, before the store's id was in the names; and
// plancast-auto-<time>.db) are not pruned, since their names say no store
// and another store's copies may share the directory; but the schedule
// says so once as it starts: how many there are, that --backup-keep does
// not count them, and a command that removes them and nothing else (a
// download of GET /api/v1/backup, a copy of plancast backup, this store's
// own copies, nor a copy the operator kept by renaming it). Before, they
// stayed there, growing old, without a word; then the command given, globs,
// also removed kept copies whose names merely start like an old copy's, and
// broke on a directory with a space.
func TestScheduledBackupsSayWhichOldCopiesTheyDoNotPrune(t *testing.T) {
	backups := filepath.Join(t.TempDir(), "my backups")
	if err := os.Mkdir(backups, 0o700); err != nil {
		t.Fatal(err)
	}
	old := []string{ // oldest first, by the time in the name
		"plancast-20261101T020304.123Z-v3.db",
		"plancast-auto-20261101T120304.789Z.db", // between the two others in time, last by name
		"plancast-20261102T020304.456Z-v5.db",
	}
	others := []string{
		"plancast-20991231T235959Z-v9.db", // a download of GET /api/v1/backup
		"plancast-backup-20991231T235959Z.db",
		"plancast-manual.db",
		"plancast-auto-2a3b4c5d6e7f8a9b-20261104T020304.000Z-v7.db", // another store's copy, of the new name
		// old copies the operator kept by renaming them
		"plancast-20261019T090000.000Z-v4-before-upgrade.db",
		"plancast-auto-20261019T090000.000Z-KEEP.db",
		"plancast-auto-20261018T090000.000Z.db.keep.db",
	}
	for _, n := range append(slices.Clone(old), others...) {
		if err := os.WriteFile(filepath.Join(backups, n), []byte("a copy"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	b, st := scheduleOf(t, catalogDir(t), backups, 1)
	var logged bytes.Buffer
	b.log = slog.New(slog.NewJSONHandler(&logged, nil))
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go b.run(ctx, &wg) // as serve starts it: the copy at start
	deadline := time.Now().Add(30 * time.Second)
	for b.Status().Written == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	wg.Wait()
	change(t, st, "a")
	b.once(context.Background()) // keep 1: prunes its own first copy, and only that

	out := logged.String()
	t.Logf("log:\n%s", out)
	if n := strings.Count(out, "bear the names an older plancast gave"); n != 1 {
		t.Fatalf("the old copies are said %d times; want once:\n%s", n, out)
	}
	for _, want := range []string{"3 copies in " + backups, "--backup-keep does not count them", "never removed, since they may be another store's", "oldest " + old[0], "newest " + old[2], "by the time in their names", "no other file: "} {
		if !strings.Contains(out, want) {
			t.Errorf("the log does not say %q", want)
		}
	}
	for _, n := range append(slices.Clone(old), others...) {
		if _, err := os.Stat(filepath.Join(backups, n)); err != nil {
			t.Errorf("%s was removed", n)
		}
	}

	// The command it gives, run by a shell elsewhere, removes the old copies
	// it counted and nothing else.
	var said struct{ Msg string }
	for line := range strings.Lines(out) {
		if strings.Contains(line, "bear the names") {
			if err := json.Unmarshal([]byte(line), &said); err != nil {
				t.Fatal(err)
			}
		}
	}
	_, cmd, ok := strings.Cut(said.Msg, "no other file: ")
	if !ok {
		t.Fatalf("the log gives no command to remove them: %s", said.Msg)
	}
	before := dirNames(t, backups)
	sh := exec.Command("sh", "-c", cmd)
	sh.Dir = t.TempDir()
	if o, err := sh.CombinedOutput(); err != nil {
		t.Errorf("%s: %v\n%s", cmd, err, o)
	}
	after := dirNames(t, backups)
	var removed []string
	for _, n := range before {
		if !slices.Contains(after, n) {
			removed = append(removed, n)
		}
	}
	slices.Sort(removed)
	want := slices.Sorted(slices.Values(old))
	if !slices.Equal(removed, want) {
		t.Errorf("%s removed\n  %v\nwant the old copies alone:\n  %v", cmd, removed, want)
	}
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}
