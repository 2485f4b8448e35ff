package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/store/bolt"
	"github.com/plancast/plancast/store/influx"
)

func init() {
	register(&command{name: "backup", summary: "copy the embedded store to a file, checked, also while a server runs", run: runBackup})
}

func runBackup(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("backup", "[--out FILE] [--server URL --token T] | --check FILE",
		"Copies the embedded store, as it is at one moment, to one file, then checks the copy\n"+
			"(bbolt's page check, and what it holds) before giving it its name; a copy that fails\n"+
			"the check is removed. While \"plancast serve\" holds the store, take the copy through\n"+
			"it with --server and an admin token: pushes go on meanwhile.\n\n"+
			"To restore, stop the server and run plancast restore --from FILE.\n"+
			"--check FILE checks a copy made earlier and says what it holds.\n"+
			"On InfluxDB, use InfluxDB's own backup (influx backup).", stderr)
	var sf storeFlags
	sf.register(fs)
	out := fs.String("out", "", "the file to write; it must not exist (default plancast-backup-<UTC time>.db)")
	server := fs.String("server", envOr("PLANCAST_SERVER", ""), "copy through this running plancast server (URL) instead of opening the store (env PLANCAST_SERVER)")
	token := fs.String("token", envOr("PLANCAST_TOKEN", ""), "admin token for --server (env PLANCAST_TOKEN)")
	check := fs.String("check", "", "check this backup file and say what it holds, writing nothing")
	if err := parseFlags(fs, args, "the file to write is --out FILE"); err != nil {
		return err
	}
	if *check != "" {
		c, err := bolt.CheckFile(*check)
		if ag := (*bolt.ArchiveGivenError)(nil); errors.As(err, &ag) && dataDirGiven(fs) {
			ag.DataDir = sf.dataDir
			err = archiveIntoHeldStore(ag)
		}
		if err != nil {
			return fmt.Errorf("%w; restore from another copy, or take a new one (plancast backup)", err)
		}
		fmt.Fprintf(stdout, "%s is a good copy: %s\n", *check, c)
		return nil
	}
	if *out == "" {
		*out = "plancast-backup-" + time.Now().UTC().Format("20060102T150405Z") + ".db"
	}
	if _, err := os.Lstat(*out); err == nil {
		return usageErrorf("%s exists; a backup never replaces a file: choose another --out", *out)
	}

	var copyTo func(w io.Writer) (int64, error)
	var size int64
	switch {
	case *server != "":
		tok, err := secretValue(settingName(fs, "token", "PLANCAST_TOKEN"), *token)
		if err != nil {
			return err
		}
		if *token = tok; *token == "" {
			return usageErrorf("--server needs an admin --token (or PLANCAST_TOKEN)")
		}
		srv, err := checkURL("--server", *server, true)
		if err != nil {
			return err
		}
		body, n, err := requestBackup(ctx, srv, *token)
		if err != nil {
			return err
		}
		defer body.Close()
		size = n
		copyTo = func(w io.Writer) (int64, error) { return io.Copy(w, body) }
	case !sf.embedded():
		return usageErrorf("the store is InfluxDB (%s): back it up with InfluxDB's own \"influx backup\"", influx.RedactURL(sf.influxURL))
	default:
		whileServed := "copy it through that server instead: plancast backup --server URL --token ADMIN_TOKEN"
		st, err := sf.openExisting(ctx, whileServed)
		if errors.Is(err, bolt.ErrNeedsUpgrade) {
			// A store an older plancast wrote is copied as it is, not
			// upgraded: the copy before an upgrade.
			path := filepath.Join(sf.dataDir, bolt.FileName)
			st, err = bolt.OpenAsIs(path)
			switch {
			case errors.Is(err, bolt.ErrHeld):
				err = fmt.Errorf("%w; %s", err, whileServed)
			case err == nil:
				fmt.Fprintf(stderr, "plancast: %s was written by an older plancast; the copy is of the file as it is, not upgraded\n", path)
			}
		}
		if err != nil {
			return fmt.Errorf("open store: %w", err)
		}
		defer st.Close()
		sn, err := st.(plancast.Backuper).Snapshot(ctx)
		if err != nil {
			return err
		}
		defer sn.Close()
		size = sn.Size()
		copyTo = sn.WriteTo
	}
	c, err := writeBackup(*out, size, copyTo, stderr)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s (%s bytes), checked: %s\n", *out, plancast.FormatNumber(float64(size), 0), c)
	return nil
}

// requestBackup asks a running server for its store and returns the body and
// its announced length.
func requestBackup(ctx context.Context, server, token string) (io.ReadCloser, int64, error) {
	endpoint := strings.TrimRight(server, "/") + "/api/v1/backup"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, endpoint, nil)
	if err != nil {
		return nil, 0, fmt.Errorf("--server %q: %w", server, err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	// No overall timeout: a large store takes as long as it takes, and
	// Ctrl-C cancels ctx.
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, 0, fmt.Errorf("ask %s for a backup: %w", server, err)
	}
	if resp.StatusCode != http.StatusOK {
		defer resp.Body.Close()
		data, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
		return nil, 0, serverError(resp.Status, data)
	}
	if resp.ContentLength < 0 {
		resp.Body.Close()
		return nil, 0, fmt.Errorf("server answered the backup without its length; cannot tell a whole copy from a cut one")
	}
	return resp.Body, resp.ContentLength, nil
}

// writeBackup writes size bytes from copyTo to out through createOnce,
// checking the copy (bolt.CheckFile) before it gets its name: out is either
// a whole, checked copy or absent, never a cut one after a crash or a
// dropped connection.
func writeBackup(out string, size int64, copyTo func(io.Writer) (int64, error), progress io.Writer) (bolt.Contents, error) {
	var c bolt.Contents
	err := createOnce(out, func(f *os.File) error {
		w := &progressWriter{w: f, total: size, name: out, p: &throttled{out: progress, every: 2 * time.Second, last: time.Now()}}
		n, err := copyTo(w)
		w.done()
		if err != nil {
			return fmt.Errorf("copy the store to %s: %w", out, err)
		}
		if n != size {
			return fmt.Errorf("copy the store to %s: got %d of %d bytes", out, n, size)
		}
		return nil
	}, func(tmp string) (err error) {
		if c, err = bolt.CheckFile(tmp); err != nil {
			return fmt.Errorf("the copy failed its check, so it was not kept: %w", err)
		}
		return nil
	})
	return c, err
}

// createOnce creates path through a part file beside it (createPart):
// write fills it, it is synced, check (when not nil) passes on it, and
// only then is it linked to path. Link, not rename: it fails if path
// exists, so that a file is never replaced; and a failure or a crash
// leaves nothing at path.
func createOnce(path string, write func(*os.File) error, check func(tmp string) error) error {
	return throughPart(path, write, check, func(tmp string) error {
		if err := os.Link(tmp, path); err != nil {
			return fmt.Errorf("name the file %s: %w", path, err)
		}
		return syncDir(filepath.Dir(path))
	})
}

// throughPart writes path's content to a part file beside it: write fills
// it, it is synced and closed, check (when not nil) passes on it, and place
// gives it path's name. The part file is removed on return (after place it
// is a second name of the file, or gone); one a crash leaves is removed by
// the next run for path (removeStaleParts).
func throughPart(path string, write func(*os.File) error, check, place func(tmp string) error) error {
	tmp, err := createPart(path, 0o600)
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	if err := write(tmp); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", tmp.Name(), err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("close %s: %w", tmp.Name(), err)
	}
	if check != nil {
		if err := check(tmp.Name()); err != nil {
			return err
		}
	}
	return place(tmp.Name())
}

// syncDir makes a new name in dir survive a crash.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("open %s to sync it: %w", dir, err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	return nil
}

// progressWriter counts what passes and says how far a long copy has got.
type progressWriter struct {
	w        io.Writer
	name     string
	n, total int64
	p        *throttled
}

func (p *progressWriter) Write(b []byte) (int, error) {
	n, err := p.w.Write(b)
	p.n += int64(n)
	p.p.say(false, "\r%s: %s of %s MiB", p.name, mib(p.n), mib(p.total))
	return n, err
}

// done ends the progress line, if one was started.
func (p *progressWriter) done() {
	p.p.say(true, "\r%s: %s of %s MiB", p.name, mib(p.n), mib(p.total))
	p.p.end()
}

func mib(n int64) string { return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) }

func init() {
	register(&command{name: "restore", summary: "put a backup in place of the embedded store, keeping the store it replaces", run: runRestore})
}

func runRestore(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("restore", "--from FILE [--data-dir DIR]",
		"Puts a backup (plancast backup) in place of the embedded store: the file is checked,\n"+
			"copied beside the store, checked again, and only then given the store's name. The\n"+
			"store it replaces is kept beside it as "+bolt.FileName+".replaced-<UTC time>; a data\n"+
			"directory that does not exist yet (a fresh machine) is created. No server may hold the\n"+
			"store meanwhile: stop it first, and start it again after.\n\n"+
			"The restored store's data version (X-Data-Version, and the charts' ETags) is moved\n"+
			"past those of the store it replaces and of the stores kept before, so that a version\n"+
			"seen before the restore never names the restored data. In a data directory that\n"+
			"held no store (another machine), or only a damaged one whose version cannot be read,\n"+
			"it is taken from the clock (microseconds since 1970), past any version the store the\n"+
			"backup was taken from can have given since.", stderr)
	var sf storeFlags
	sf.register(fs)
	from := fs.String("from", "", "the backup file to restore")
	if err := parseFlags(fs, args, "the backup to restore is --from FILE"); err != nil {
		return err
	}
	if *from == "" {
		fs.Usage()
		return usageErrorf("--from FILE is required")
	}
	if !sf.embedded() {
		return usageErrorf("the store is InfluxDB (%s): restore it with InfluxDB's own \"influx restore\"", influx.RedactURL(sf.influxURL))
	}
	c, err := bolt.CheckFile(*from)
	if ag := (*bolt.ArchiveGivenError)(nil); errors.As(err, &ag) {
		ag.DataDir = sf.dataDir // the directory this restore was to fill
		err = archiveIntoHeldStore(ag)
	}
	if err != nil {
		return fmt.Errorf("%w; nothing was changed", err)
	}
	path := filepath.Join(sf.dataDir, bolt.FileName)
	if same, _ := sameFile(*from, path); same {
		return usageErrorf("%s is the store itself", *from)
	}
	// Restoring onto a fresh machine, the data directory is not there yet:
	// it is made as opening the store makes it for every other command
	// (bolt.Open), and taken away again if the restore fails.
	created, err := makeDataDir(sf.dataDir)
	if err != nil {
		return fmt.Errorf("%w; nothing was changed", err)
	}
	r, err := restoreFile(ctx, *from, path)
	if err != nil {
		removeDirs(created)
		return err
	}
	if len(created) > 0 {
		fmt.Fprintf(stdout, "created the data directory %s\n", sf.dataDir)
	}
	fmt.Fprintf(stdout, "restored %s to %s: %s\n", *from, path, c)
	switch {
	case r.fromClock && r.damaged != nil:
		fmt.Fprintf(stdout, "its data version is now %s, from the clock: this data directory held a damaged store (%v), kept as %s, whose data version cannot be read, and the store the backup was taken from may have gone past the backup's version %s since, with other data; no ETag or If-Match version either gave matches the restored data\n", r.version, r.damaged, r.replaced, c.Version)
	case r.fromClock:
		fmt.Fprintf(stdout, "its data version is now %s, from the clock: this data directory held no store, and the store the backup was taken from may have gone past the backup's version %s since, with other data; no ETag or If-Match version it gave matches the restored data\n", r.version, c.Version)
	case r.version != "":
		fmt.Fprintf(stdout, "its data version is now %s, past the %s this data directory had reached, so that no ETag or If-Match version from before the restore matches the restored data\n", r.version, r.highest)
	}
	if r.replaced != "" {
		fmt.Fprintf(stdout, "the store it replaced is kept as %s\n", r.replaced)
	}
	return nil
}

// restored is what restoreFile did.
type restored struct {
	replaced string // where the replaced store is kept; "" when there was none
	// version is the data version the restored store was given, past
	// highest, the highest version of the stores it found in the data
	// directory, or with fromClock (it found none) past the clock's.
	version, highest string
	fromClock        bool
	// damaged is why the store in place could not be opened (it is cut
	// short: bolt.CutShort), nil when there was none or it opened.
	damaged error
}

// restoreFile copies from to a temporary file beside path, checks the copy,
// moves its data version past those of the data directory's stores
// (versionsBefore), and swaps it in while holding the store's lock, so
// that a server starting meanwhile waits rather than opening a
// half-placed file.
func restoreFile(ctx context.Context, from, path string) (r restored, err error) {
	var held *bolt.Store
	// A store in place that is cut short cannot be opened (bolt.CutShort),
	// only replaced: it is what a backup is restored for.
	_, statErr := os.Stat(path)
	if statErr == nil {
		r.damaged = bolt.CutShort(path)
	}
	cut := r.damaged != nil
	if statErr == nil && !cut {
		held, err = bolt.Open(path)
		if err != nil {
			if errors.Is(err, bolt.ErrHeld) {
				return r, fmt.Errorf("%w; if it is a running server, stop it, restore, then start it again; if it is another command (ingest, export, backup), run this one again when it has finished; nothing was changed", err)
			}
			return r, fmt.Errorf("%w; nothing was changed", err)
		}
		defer held.Close()
	}
	seen, err := versionsBefore(ctx, held, path)
	if err != nil {
		return r, fmt.Errorf("%w; nothing was changed", err)
	}
	if len(seen) == 0 {
		seen, r.fromClock = []string{clockVersion(time.Now())}, true
	}
	src, err := os.Open(from)
	if err != nil {
		return r, fmt.Errorf("open %s: %w", from, err)
	}
	defer src.Close()
	// A restore killed by an older plancast left its copy under other names.
	removeStalePartsIn(filepath.Dir(path), oldRestoreLeftover)
	var placing bool
	err = throughPart(path, func(f *os.File) error {
		_, err := io.Copy(f, src)
		return err
	}, func(tmp string) error {
		_, err := bolt.CheckFile(tmp)
		return err
	}, func(tmp string) error {
		placing = true
		v, err := bolt.MoveVersionPast(tmp, seen...)
		if err != nil {
			return fmt.Errorf("%w; nothing was changed", err)
		}
		highest, _ := bolt.HighestVersion(seen...) // each a counter: MoveVersionPast read them
		r.version, r.highest = v, strconv.FormatUint(highest, 10)
		if held != nil || cut {
			r.replaced = path + ".replaced-" + time.Now().UTC().Format("20060102T150405Z")
			if err := os.Rename(path, r.replaced); err != nil {
				return fmt.Errorf("keep the current store as %s: %w; nothing was changed", r.replaced, err)
			}
		}
		if err := os.Rename(tmp, path); err != nil {
			if r.replaced != "" {
				if back := os.Rename(r.replaced, path); back != nil {
					return fmt.Errorf("put the backup in place: %w; and putting the store back failed too (%v): it is at %s", err, back, r.replaced)
				}
			}
			return fmt.Errorf("put the backup in place: %w; the store is unchanged", err)
		}
		return syncDir(filepath.Dir(path))
	})
	switch {
	case err != nil && placing:
		return restored{}, err
	case err != nil:
		return restored{}, fmt.Errorf("copy %s beside the store: %w; nothing was changed", from, err)
	}
	return r, nil
}

// oldRestoreLeftover recognises, for removeStalePartsIn, what a restore by
// a plancast of before the named part files left in the data directory
// when it was killed: its copy ".plancast.db.restore-PID" and that copy's
// part file "..plancast.db.restore-PID.part-RANDOM". Neither names its
// host, so both are taken as part files of the unnamed form (removed once
// not written for oldPartAge).
func oldRestoreLeftover(name string) (rest string, ok bool) {
	prefix := "." + bolt.FileName + ".restore-"
	if pid, ok := strings.CutPrefix(name, prefix); ok && pid != "" && strings.Trim(pid, "0123456789") == "" {
		return pid, true
	}
	if rest, ok := strings.CutPrefix(name, "."+prefix); ok {
		if pid, random, ok := strings.Cut(rest, ".part-"); ok && pid != "" && strings.Trim(pid, "0123456789") == "" {
			return random, true
		}
	}
	return "", false
}

// versionsBefore returns the data versions the data directory of path has
// had: that of the store being replaced (held, when there is one) and
// those of the stores earlier restores kept beside it (.replaced-*), which
// may be higher (a restore by an older plancast set the counter back, and
// a failed one can leave no store at path). A restored store is given a
// version past them all, so that no version ever names two states of the
// data in one directory. A kept file that cannot be read is passed over:
// it is the user's to keep or remove, and must not stop a restore.
//
// A directory with none of them (a fresh machine) gives nothing to go
// past, yet the backup's own version is no safe one: the store it was
// taken from may have gone on past it (the writes since the copy, which
// the restore loses), and its clients hold those versions, named for other
// data, when the restored store takes its address. restoreFile then goes
// past clockVersion.
func versionsBefore(ctx context.Context, held *bolt.Store, path string) ([]string, error) {
	var seen []string
	if held != nil {
		v, err := held.DataVersion(ctx)
		if err != nil {
			return nil, fmt.Errorf("read the data version of %s: %w", path, err)
		}
		seen = append(seen, v)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	for _, e := range entries {
		if !e.Type().IsRegular() || !strings.HasPrefix(e.Name(), filepath.Base(path)+".replaced-") {
			continue
		}
		if v, err := bolt.FileVersion(filepath.Join(filepath.Dir(path), e.Name())); err == nil {
			seen = append(seen, v)
		}
	}
	return seen, nil
}

// clockVersion is a data version from the clock: microseconds since 1970.
// A store's counter moves by one a committed write, each an fsynced bbolt
// transaction (milliseconds), so a store that started below the clock, or
// was put past it by a restore at an earlier time, cannot have reached the
// clock of a later restore. It stays a decimal counter that JavaScript
// reads exactly (below 2^53 until the year 2255).
func clockVersion(now time.Time) string {
	return strconv.FormatInt(now.UnixMicro(), 10)
}

// makeDataDir creates dir and its missing parents, as bolt.Open does, and
// returns the directories it created, the deepest first.
func makeDataDir(dir string) (created []string, err error) {
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if _, err := os.Stat(d); err == nil || !errors.Is(err, os.ErrNotExist) || filepath.Dir(d) == d {
			break
		}
		created = append(created, d)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create the data directory %s: %w", dir, err)
	}
	return created, nil
}

// removeDirs removes the directories makeDataDir created, if they are still
// empty.
func removeDirs(dirs []string) {
	for _, d := range dirs {
		os.Remove(d)
	}
}

// dataDirGiven reports whether the user named the data directory, by
// --data-dir or PLANCAST_DATA_DIR, rather than leaving the default.
func dataDirGiven(fs *flag.FlagSet) bool {
	given := os.Getenv("PLANCAST_DATA_DIR") != ""
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == "data-dir" })
	return given
}

// sameFile reports whether a and b name one file.
func sameFile(a, b string) (bool, error) {
	ia, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	ib, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(ia, ib), nil
}

// archiveIntoHeldStore is ag's advice when its data directory already holds
// a store: import rebuilds a store only into an empty one (or one holding a
// part of the archive), so "plancast import FILE --data-dir DIR" there would
// be refused. It says to import into a new empty directory, or to move the
// store aside first. When the directory holds no store, ag itself.
func archiveIntoHeldStore(ag *bolt.ArchiveGivenError) error {
	store := filepath.Join(ag.DataDir, bolt.FileName)
	if fi, err := os.Stat(store); err != nil || fi.IsDir() {
		return ag
	}
	return fmt.Errorf("%s is a plancast export archive, not a backup: import rebuilds a store from it, but only into an empty one, and %s already holds a store: import into a new empty directory (plancast import %s --data-dir NEWDIR), or move %s aside first and then run plancast import %s --data-dir %s",
		ag.Path, ag.DataDir, ag.Path, store, ag.Path, ag.DataDir)
}
