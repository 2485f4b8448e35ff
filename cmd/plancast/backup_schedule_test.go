package main

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/store/bolt"
)

// scheduleOf is serve's backup schedule of the store in dataDir, writing to
// backups and keeping keep copies.
func scheduleOf(t *testing.T, dataDir, backups string, keep int) (*backupSchedule, *bolt.Store) {
	t.Helper()
	path := filepath.Join(dataDir, bolt.FileName)
	st, err := bolt.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return &backupSchedule{st: st, store: path, dir: backups, every: time.Hour, keep: keep, log: slog.New(slog.NewTextHandler(io.Discard, nil))}, st
}

// change makes the store's data version move, so that the next scheduled
// copy is taken.
func change(t *testing.T, st *bolt.Store, name string) {
	t.Helper()
	if err := st.PutRegions(context.Background(), []plancast.Region{{Code: "r" + name, Name: name, Level: "county"}}); err != nil {
		t.Fatal(err)
	}
}

func filesIn(t *testing.T, dir string) []string {
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

// --backup-keep N keeps the N newest copies the server wrote of its own
// store, by the time in their names. Files it did not write stay where
// they are, and do not count: copies of "plancast backup" (its default
// name, plancast-backup-<time>.db, sorts after the scheduled ones), a
// download of GET /api/v1/backup (plancast-<time>-v<N>.db), a file an
// operator named, and the scheduled copies of another server's store that
// shares the directory. The copy just written is never removed, and the
// one /healthz names as the last is there.
func TestScheduledBackupsPruneOnlyTheirOwnCopies(t *testing.T) {
	backups := t.TempDir()
	foreign := []string{
		"plancast-backup-20991231T235959Z.db",
		"plancast-manual.db",
		"plancast-20991231T235959Z-v9.db",
		"plancast-20991231T235959.999Z-v9.db",
	}
	for _, n := range foreign {
		if err := os.WriteFile(filepath.Join(backups, n), []byte("not the server's"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	mine, st := scheduleOf(t, catalogDir(t), backups, 2)
	other, otherSt := scheduleOf(t, catalogDir(t), backups, 1)

	other.once(context.Background())
	otherCopies := other.kept()
	if len(otherCopies) != 1 {
		t.Fatalf("the other server's schedule holds %v; want its one copy", otherCopies)
	}
	var written []string
	for i, name := range []string{"a", "b", "c", "d"} {
		if i > 0 {
			change(t, st, name)
			time.Sleep(5 * time.Millisecond) // copies named in one millisecond would tie
		}
		mine.once(context.Background())
		last := mine.Status().LastFile
		if _, err := os.Stat(last); err != nil {
			t.Fatalf("copy %d: /healthz names the last copy %s, which is not there: %v", i+1, last, err)
		}
		written = append(written, filepath.Base(last))
	}
	change(t, otherSt, "z")
	other.once(context.Background()) // keep 1: prunes its own older copy alone

	want := append(slices.Clone(foreign), written[2:]...)
	want = append(want, other.kept()...)
	slices.Sort(want)
	got := filesIn(t, backups)
	if !slices.Equal(got, want) {
		t.Errorf("the backup directory holds\n  %v\nwant the files the servers did not write, this server's two newest copies and the other server's newest:\n  %v", got, want)
	}
	if st := mine.Status(); st.Written != 4 || st.Failed != 0 {
		t.Errorf("status %+v; want 4 written, none failed", st)
	}
	if k := other.kept(); len(k) != 1 || k[0] == otherCopies[0] {
		t.Errorf("the other server keeps %v; want its newest copy alone", k)
	}
}

// A restarted server finds its copies by its store's id: with nothing new
// since the newest, it takes no copy.
func TestScheduledBackupsRestartedTakeNoCopyOfTheSameVersion(t *testing.T) {
	backups, dataDir := t.TempDir(), catalogDir(t)
	b, st := scheduleOf(t, dataDir, backups, 3)
	b.once(context.Background())
	st.Close()
	b2, _ := scheduleOf(t, dataDir, backups, 3)
	ctx, stop := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go b2.run(ctx, &wg)
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		s := b2.Status()
		if s.Written+s.Skipped+s.Failed > 0 || time.Now().After(deadline) {
			break
		}
	}
	stop()
	wg.Wait()
	if s := b2.Status(); s.Written != 0 || s.Skipped != 1 {
		t.Errorf("a restart with nothing new: status %+v; want the copy skipped", s)
	}
}
