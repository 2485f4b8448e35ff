package main

import (
	"bytes"
	"context"
	"log/slog"
	"os"
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
// own copies). Before, they stayed there, growing old, without a word.
func TestScheduledBackupsSayWhichOldCopiesTheyDoNotPrune(t *testing.T) {
	backups := t.TempDir()
	old := []string{
		"plancast-20261101T020304.123Z-v3.db",
		"plancast-20261102T020304.456Z-v5.db",
		"plancast-auto-20261103T020304.789Z.db",
	}
	others := []string{
		"plancast-20991231T235959Z-v9.db", // a download of GET /api/v1/backup
		"plancast-backup-20991231T235959Z.db",
		"plancast-manual.db",
		"plancast-auto-2a3b4c5d6e7f8a9b-20261104T020304.000Z-v7.db", // another store's copy, of the new name
	}
	for _, n := range append(slices.Clone(old), others...) {
		if err := os.WriteFile(filepath.Join(backups, n), []byte("a copy"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	b, st := scheduleOf(t, catalogDir(t), backups, 1)
	var logged bytes.Buffer
	b.log = slog.New(slog.NewTextHandler(&logged, nil))
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
	for _, want := range []string{"3 copies in " + backups, "--backup-keep does not count them", "never removed, since they may be another store's", "oldest " + old[0], "newest " + old[2], "e.g. rm "} {
		if !strings.Contains(out, want) {
			t.Errorf("the log does not say %q", want)
		}
	}
	for _, n := range append(slices.Clone(old), others...) {
		if _, err := os.Stat(filepath.Join(backups, n)); err != nil {
			t.Errorf("%s was removed", n)
		}
	}

	// The command it gives removes the old copies and nothing else.
	_, rm, _ := strings.Cut(out, "e.g. rm ")
	rm, _, _ = strings.Cut(rm, `"`)
	var matched []string
	for _, glob := range strings.Fields(rm) {
		m, err := filepath.Glob(glob)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range m {
			matched = append(matched, filepath.Base(p))
		}
	}
	slices.Sort(matched)
	if !slices.Equal(matched, old) {
		t.Errorf("rm %s would remove\n  %v\nwant the old copies alone:\n  %v", rm, matched, old)
	}
}
