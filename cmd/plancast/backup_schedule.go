package main

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// backupSchedule is serve's own backups of the embedded store: one at start
// and one every `every`, each checked (writeBackup) and named by its time
// and data version, the oldest beyond `keep` removed. A copy is skipped when
// nothing changed since the last one kept.
type backupSchedule struct {
	st    plancast.Backuper
	dir   string
	every time.Duration
	keep  int
	log   *slog.Logger

	last string // the data version of the newest copy kept

	mu     sync.Mutex
	status api.BackupStatus // for /healthz and /metrics
}

// Status says how the backups are going (api.Config.Backups).
func (b *backupSchedule) Status() api.BackupStatus {
	b.mu.Lock()
	defer b.mu.Unlock()
	st := b.status
	st.Dir, st.Every = b.dir, b.every.String()
	return st
}

// record notes an attempt's outcome: a written copy (path), a skipped one,
// or a failure (err).
func (b *backupSchedule) record(path string, skipped bool, err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch {
	case err != nil:
		b.status.Failed++
		b.status.Error = err.Error()
	case skipped:
		b.status.Skipped++
	default:
		b.status.Written++
		b.status.Last, b.status.LastFile, b.status.Error = time.Now().UTC(), path, ""
	}
}

// backupPrefix and backupSuffix name the files the schedule writes, and the
// only files its pruning removes.
const (
	backupPrefix = "plancast-"
	backupSuffix = ".db"
)

// run takes copies until ctx ends; wg is done when it has stopped, so that
// the store is not closed under a copy.
func (b *backupSchedule) run(ctx context.Context, wg *sync.WaitGroup) {
	defer wg.Done()
	if kept := b.kept(); len(kept) > 0 {
		b.last = versionOfCopy(kept[len(kept)-1]) // a restart with nothing new takes no copy
	}
	t := time.NewTicker(b.every)
	defer t.Stop()
	for {
		b.once(ctx)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// once takes one copy, unless the data did not change since the last.
// Before, it removes the part files of copies that a server killed while
// copying left (each copy has a name of its own, so the next copy's name
// finds none of them: they are looked for by the names of copies).
func (b *backupSchedule) once(ctx context.Context) {
	removeStalePartsIn(b.dir, copyPart)
	sn, err := b.st.Snapshot(ctx)
	if err != nil {
		b.log.Error("backup: snapshot", "err", err)
		b.record("", false, err)
		return
	}
	defer sn.Close()
	if sn.Version() == b.last {
		b.log.Debug("backup skipped: no change since the last", "data_version", b.last)
		b.record("", true, nil)
		return
	}
	name := copyName(time.Now(), sn.Version())
	path := filepath.Join(b.dir, name)
	start := time.Now()
	c, err := writeBackup(path, sn.Size(), sn.WriteTo, io.Discard)
	if err != nil {
		if ctx.Err() != nil {
			return // the server is stopping: not a failure of the backups
		}
		b.log.Error("backup failed", "file", path, "err", err)
		b.record("", false, err)
		return
	}
	b.last = sn.Version()
	b.record(path, false, nil)
	b.log.Info("backup written", "file", path, "bytes", sn.Size(), "duration", time.Since(start).Round(time.Millisecond), "holds", c.String())
	b.prune()
}

// copyName names a copy by its UTC time, which sorts the copies, and the
// data version it holds: plancast-20261122T113529.112Z-v4.db.
func copyName(t time.Time, version string) string {
	return backupPrefix + t.UTC().Format("20060102T150405.000Z") + "-v" + version + backupSuffix
}

// versionOfCopy is the data version a copy's name says it holds. Only
// checked copies get a name, so the name is trusted without reading the file.
func versionOfCopy(name string) string {
	name = strings.TrimSuffix(name, backupSuffix)
	return name[strings.LastIndex(name, "-v")+2:]
}

// copyPart recognises the part file of a copy (createPart) for
// removeStalePartsIn: ".plancast-<time>-v<version>.db.part-REST".
func copyPart(name string) (rest string, ok bool) {
	n, ok := strings.CutPrefix(name, ".")
	if !ok || !strings.HasPrefix(n, backupPrefix) {
		return "", false
	}
	_, rest, ok = strings.Cut(n, backupSuffix+".part-")
	return rest, ok
}

// kept lists the schedule's copies in dir, oldest first (their names start
// with their UTC time).
func (b *backupSchedule) kept() []string {
	entries, err := os.ReadDir(b.dir)
	if err != nil {
		return nil
	}
	var names []string
	for _, e := range entries {
		if n := e.Name(); e.Type().IsRegular() && strings.HasPrefix(n, backupPrefix) && strings.HasSuffix(n, backupSuffix) {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	return names
}

// prune removes the oldest copies beyond keep.
func (b *backupSchedule) prune() {
	names := b.kept()
	for len(names) > b.keep {
		path := filepath.Join(b.dir, names[0])
		if err := os.Remove(path); err != nil {
			b.log.Error("backup: remove an old copy", "file", path, "err", err)
			return
		}
		b.log.Info("old backup removed", "file", path)
		names = names[1:]
	}
}
