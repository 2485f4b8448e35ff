package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
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
	store string // the store file's path, which names the copies (storeID)
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

// backupPrefix and backupSuffix name the files the schedule writes:
// plancast-auto-<store>-<UTC time>-v<data version>.db, where <store> names
// the store file the server serves (storeID). The pruning removes only
// files of this form for this server's store: never a copy "plancast
// backup" wrote (plancast-backup-<time>.db), one downloaded from GET
// /api/v1/backup (plancast-<time>-v<version>.db), one an operator named,
// nor another store's scheduled copies in a shared --backup-dir.
const (
	backupPrefix = "plancast-auto-"
	backupSuffix = ".db"
	backupTime   = "20060102T150405.000Z"
)

// storeID names the store file at path in the names of its scheduled
// copies: the first 8 bytes, in hex, of the SHA-256 of its absolute path
// (symbolic links resolved), so that two servers of two data directories
// sharing a --backup-dir tell their copies apart, and a restart of one
// finds its own.
func storeID(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if dir, err := filepath.EvalSymlinks(filepath.Dir(path)); err == nil {
		path = filepath.Join(dir, filepath.Base(path))
	}
	sum := sha256.Sum256([]byte(path))
	return hex.EncodeToString(sum[:8])
}

// run takes copies until ctx ends; wg is done when it has stopped, so that
// the store is not closed under a copy.
func (b *backupSchedule) run(ctx context.Context, wg *sync.WaitGroup) {
	defer wg.Done()
	if kept := b.kept(); len(kept) > 0 {
		b.last = versionOfCopy(kept[len(kept)-1]) // a restart with nothing new takes no copy
	}
	b.sayOldCopies()
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
	name := copyName(storeID(b.store), time.Now(), sn.Version())
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
	b.prune(name)
}

// copyName names a copy of the store id (storeID) by its UTC time, which
// orders the copies, and the data version it holds:
// plancast-auto-1a2b3c4d5e6f7a8b-20261122T113529.112Z-v4.db.
func copyName(id string, t time.Time, version string) string {
	return backupPrefix + id + "-" + t.UTC().Format(backupTime) + "-v" + version + backupSuffix
}

// parseCopyName reads what copyName wrote; ok is false for any other name.
func parseCopyName(name string) (id string, t time.Time, version string, ok bool) {
	rest, ok := strings.CutPrefix(name, backupPrefix)
	if !ok {
		return "", time.Time{}, "", false
	}
	if rest, ok = strings.CutSuffix(rest, backupSuffix); !ok {
		return "", time.Time{}, "", false
	}
	id, rest, ok = strings.Cut(rest, "-")
	if !ok || len(id) != 16 || strings.Trim(id, "0123456789abcdef") != "" {
		return "", time.Time{}, "", false
	}
	stamp, version, ok := strings.Cut(rest, "-v")
	if !ok || version == "" || strings.Trim(version, "0123456789") != "" {
		return "", time.Time{}, "", false
	}
	t, err := time.Parse(backupTime, stamp)
	if err != nil {
		return "", time.Time{}, "", false
	}
	return id, t, version, true
}

// versionOfCopy is the data version a copy's name says it holds. Only
// checked copies get a name, so the name is trusted without reading the file.
func versionOfCopy(name string) string {
	_, _, v, _ := parseCopyName(name)
	return v
}

// copyPart recognises the part file of a copy (createPart) for
// removeStalePartsIn: ".plancast-auto-<store>-<time>-v<version>.db.part-REST",
// and ".plancast-<time>-v<version>.db.part-REST" of a server of before the
// store's id in the names (its pruning never sees part files).
func copyPart(name string) (rest string, ok bool) {
	n, ok := strings.CutPrefix(name, ".")
	if !ok || !strings.HasPrefix(n, "plancast-") {
		return "", false
	}
	_, rest, ok = strings.Cut(n, backupSuffix+".part-")
	return rest, ok
}

// kept lists the schedule's copies of its store in dir (the names
// copyName gives with this store's id), oldest first by the time in their
// names.
func (b *backupSchedule) kept() []string {
	entries, err := os.ReadDir(b.dir)
	if err != nil {
		return nil
	}
	id := storeID(b.store)
	var copies []copyFile
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		if of, t, _, ok := parseCopyName(e.Name()); ok && of == id {
			copies = append(copies, copyFile{e.Name(), t})
		}
	}
	return namesByTime(copies)
}

// copyFile is a backup copy in the directory and the time its name gives.
type copyFile struct {
	name string
	t    time.Time
}

// namesByTime is the copies' names, oldest first by the time in their
// names (then by name), as pruning and the start log's advice order them.
func namesByTime(copies []copyFile) []string {
	slices.SortStableFunc(copies, func(a, b copyFile) int {
		if c := a.t.Compare(b.t); c != 0 {
			return c
		}
		return strings.Compare(a.name, b.name)
	})
	names := make([]string, len(copies))
	for i, c := range copies {
		names[i] = c.name
	}
	return names
}

// oldCopy recognises the name of a scheduled copy written by a plancast of
// before the store's id in the names (4aa879c): plancast-<time>-v<N>.db,
// its time with milliseconds (20261122T113529.112Z), which a download of
// GET /api/v1/backup (plancast-20261122T113529Z-v4.db) never has; and
// plancast-auto-<time>.db, with or without -v<N>. Whose store such a copy
// is the name does not say, so the pruning never removes one.
func oldCopy(name string) bool {
	_, ok := oldCopyTime(name)
	return ok
}

// oldCopyTime is the time in the name of an old copy (oldCopy); ok is false
// for any other name.
func oldCopyTime(name string) (time.Time, bool) {
	rest, ok := strings.CutSuffix(name, backupSuffix)
	if !ok {
		return time.Time{}, false
	}
	if r, auto := strings.CutPrefix(rest, backupPrefix); auto {
		rest = r
	} else if rest, ok = strings.CutPrefix(rest, "plancast-"); !ok {
		return time.Time{}, false
	}
	stamp, version, hasVersion := strings.Cut(rest, "-v")
	if hasVersion && (version == "" || strings.Trim(version, "0123456789") != "") {
		return time.Time{}, false
	}
	if !hasVersion && !strings.HasPrefix(name, backupPrefix) {
		return time.Time{}, false
	}
	t, err := time.Parse(backupTime, stamp)
	return t, err == nil
}

// sayOldCopies logs once, at the start, how many copies of the old names
// (oldCopy) lie in the backup directory: --backup-keep no longer counts
// them, and they stayed there, growing old, without a word. They are not
// removed (another store's copies may share the directory); the message
// says which they are, the oldest and newest by the time in their names,
// and a command that removes those it counted and no other file.
func (b *backupSchedule) sayOldCopies() {
	entries, err := os.ReadDir(b.dir)
	if err != nil {
		return
	}
	var old []copyFile
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		if t, ok := oldCopyTime(e.Name()); ok {
			old = append(old, copyFile{e.Name(), t})
		}
	}
	if len(old) == 0 {
		return
	}
	names := namesByTime(old)
	copies := "1 copy"
	if len(old) != 1 {
		copies = fmt.Sprintf("%d copies", len(old))
	}
	b.log.Warn(fmt.Sprintf("backup: %s in %s bear the names an older plancast gave its scheduled copies (plancast-<time>-v<N>.db, the time with milliseconds, or plancast-auto-<time>.db), which say no store: --backup-keep does not count them and they are never removed, since they may be another store's. Remove those you no longer need by hand (oldest %s, newest %s, by the time in their names); to remove all of them and no other file: %s",
		copies, b.dir, names[0], names[len(names)-1], oldCopiesRemoval(b.dir, names)), "dir", b.dir, "old_copies", len(old))
}

// oldCopiesRemoval is a shell command that removes the old copies named, in
// dir, and no other file: each named, not a glob (a glob matching every old
// name also matches a kept copy renamed plancast-<time>-v4-before-upgrade.db),
// and the directory shell-quoted (a space in it would make rm work on other
// paths).
func oldCopiesRemoval(dir string, names []string) string {
	var cmd strings.Builder
	cmd.WriteString("cd " + shellQuote(dir) + " && rm --")
	for _, n := range names {
		cmd.WriteString(" " + shellQuote(n))
	}
	return cmd.String()
}

// shellQuote is s as one word of a POSIX shell: as it is when it holds only
// characters no shell treats specially, else in single quotes.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/-+:,@%=") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// prune removes this store's oldest copies beyond keep; never written, the
// copy just written, whatever the clock did meanwhile.
func (b *backupSchedule) prune(written string) {
	names := slices.DeleteFunc(b.kept(), func(n string) bool { return n == written })
	for len(names) > b.keep-1 && len(names) > 0 {
		path := filepath.Join(b.dir, names[0])
		if err := os.Remove(path); err != nil {
			b.log.Error("backup: remove an old copy", "file", path, "err", err)
			return
		}
		b.log.Info("old backup removed", "file", path)
		names = names[1:]
	}
}
