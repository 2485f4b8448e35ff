package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/store/bolt"
	"github.com/plancast/plancast/store/influx"
	"github.com/plancast/plancast/store/spool"
)

// storeFlags selects and configures the backend. A set InfluxDB URL selects
// InfluxDB; otherwise the embedded store under the data directory is used.
// Only this file knows which backends exist.
type storeFlags struct {
	dataDir      string
	influxURL    string
	influxToken  string
	influxOrg    string
	influxBucket string

	// log, when set, takes what opening the store says (a server's logger);
	// else it goes to stderr.
	log *slog.Logger
}

// rebuilding says what keeps the embedded store's open long.
func (s *storeFlags) rebuilding(msg string) {
	if s.log != nil {
		s.log.Info(msg)
		return
	}
	fmt.Fprintln(os.Stderr, "plancast: "+msg)
}

func envOr(name, def string) string {
	if v, ok := os.LookupEnv(name); ok && v != "" {
		return v
	}
	return def
}

func (s *storeFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&s.dataDir, "data-dir", envOr("PLANCAST_DATA_DIR", "./data"), "directory of the embedded store (env PLANCAST_DATA_DIR)")
	fs.StringVar(&s.influxURL, "influx-url", envOr("PLANCAST_INFLUX_URL", ""), "InfluxDB URL; when set, InfluxDB is the store (env PLANCAST_INFLUX_URL)")
	fs.StringVar(&s.influxToken, "influx-token", envOr("PLANCAST_INFLUX_TOKEN", ""), "InfluxDB API token; for 1.8 user:password (env PLANCAST_INFLUX_TOKEN)")
	fs.StringVar(&s.influxOrg, "influx-org", envOr("PLANCAST_INFLUX_ORG", ""), "InfluxDB organisation; empty for 1.8 (env PLANCAST_INFLUX_ORG)")
	fs.StringVar(&s.influxBucket, "influx-bucket", envOr("PLANCAST_INFLUX_BUCKET", "plancast"), "InfluxDB bucket; for 1.8 database/retention-policy (env PLANCAST_INFLUX_BUCKET)")
}

// embedded reports whether the embedded store is selected.
func (s *storeFlags) embedded() bool { return s.influxURL == "" }

// describe names the selected store for logs.
func (s *storeFlags) describe() string {
	if s.embedded() {
		return "embedded store " + filepath.Join(s.dataDir, bolt.FileName)
	}
	return "InfluxDB " + influx.RedactURL(s.influxURL) + " bucket " + s.influxBucket
}

// openServing opens the store for the server: InfluxDB gets a durable local
// spool in front of it (under the data directory), so that a push the server
// acknowledged survives InfluxDB being down or slow.
func (s *storeFlags) openServing(ctx context.Context, log *slog.Logger) (plancast.Store, error) {
	s.log = log
	path := filepath.Join(s.dataDir, spool.FileName)
	st, err := s.open(ctx, "stop that server, or give this one another --data-dir")
	if err != nil || s.embedded() {
		return st, err
	}
	sp, err := spool.Open(st, path, spool.Options{Logger: log, Backend: s.describe()})
	if err != nil {
		st.Close()
		return nil, err
	}
	log.Info("write spool open", "spool", path, "queued", sp.Status(ctx).Queued)
	return sp, nil
}

// refuseInfluxDataDir is the one check of every writable open of the
// embedded store (serve, ingest, seed, token create, import, ingest
// --report --commit) against a data directory whose spool says it serves
// InfluxDB.
//
// When the spool holds pushes an InfluxDB server accepted (202) and has not
// written yet, the embedded store never replays them, and the next
// InfluxDB start here would replay them after the data moved on, so
// writing here silently loses them. They are not replayed into the
// embedded store either: they were judged against InfluxDB's catalog and
// figures, and belong with the data there; written here, the two stores
// would each hold part of the bureaus' pushes. The operator decides: run
// with that InfluxDB (its server writes them), or move the spool aside.
//
// When the queue is empty but the spool records that it served InfluxDB
// and there is no embedded store yet, the open would make a new one (a
// server: with the demo data and a new admin token) that nobody reads:
// the likeliest cause is an InfluxDB URL lost from the environment (an
// empty PLANCAST_INFLUX_URL counts as unset). Refused too, saying how to
// start an embedded store there deliberately. When there is one, the
// store the directory served before it moved to InfluxDB, it is refused
// as well (refuseStoreLeftBehind).
func (s *storeFlags) refuseInfluxDataDir(path string) error {
	b, err := spool.Pending(path)
	if err != nil {
		return fmt.Errorf("%w: the embedded store does not use it, but it may hold pushes accepted for InfluxDB; stop that process first", err)
	}
	forWhat := "for InfluxDB"
	if b.Backend != "" {
		forWhat = "for " + b.Backend
	}
	if b.Queued == 0 {
		store := filepath.Join(s.dataDir, bolt.FileName)
		if b.Backend == "" {
			return nil
		}
		if s.exists() {
			return s.refuseStoreLeftBehind(path, store, b.Backend)
		}
		return plancast.Errorf(plancast.ECONFLICT,
			"%s was last used with %s, and there is no embedded store at %s: this data directory is served from InfluxDB. Give --influx-url (env PLANCAST_INFLUX_URL, which is empty or unset here) and --influx-bucket to use that InfluxDB; to start a new embedded store in this directory deliberately, move %s aside first",
			path, b.Backend, store, path)
	}
	batches := "1 batch"
	if b.Queued != 1 {
		batches = fmt.Sprintf("%d batches", b.Queued)
	}
	return plancast.Errorf(plancast.ECONFLICT,
		"%s holds %s accepted (202) from %s %s that %s not written yet, and the embedded store does not replay them: start the server with that InfluxDB (--influx-url, --influx-bucket) and this --data-dir to write them, then start on the embedded store again (a command writes through that server with --server URL --token T, or to that InfluxDB with --influx-url); or, to drop them, move %s aside",
		path, batches, b.Oldest.Format("2006-01-02T15:04:05Z"), forWhat, map[bool]string{true: "is", false: "are"}[b.Queued == 1], path)
}

// refuseStoreLeftBehind is refuseInfluxDataDir's answer when the data
// directory holds an embedded store (store) beside a spool (path) that
// served backend: the store the directory served before it moved to
// InfluxDB, left there (serve on InfluxDB warns of it, and does not use
// it). Started on, it would serve figures as old as the move, without a
// word, and take pushes that InfluxDB never sees; the likeliest cause is
// an InfluxDB URL lost from the environment, as with no store at all.
//
// It is refused rather than warned of: a warning in a server's log is read
// after planners have read the old figures and bureaus have pushed into a
// store nobody reads, while a refused start is seen at once and costs a
// deliberate move back one step (moving the spool aside, as for a new
// embedded store). The refusal says when each file was last written (the
// spool's time is the InfluxDB's last use here, the store's about the
// move), and the ways on: InfluxDB, or the embedded store with InfluxDB's
// data (export, import), or the embedded store as it was.
func (s *storeFlags) refuseStoreLeftBehind(path, store, backend string) error {
	when := func(p string) string {
		info, err := os.Stat(p)
		if err != nil {
			return "at a time unknown"
		}
		return info.ModTime().UTC().Format("2006-01-02T15:04:05Z")
	}
	return plancast.Errorf(plancast.ECONFLICT,
		"%s was last used with %s (written %s): this data directory is served from InfluxDB. The embedded store %s beside it (written %s) is the one it served before, and lacks every figure, target and token written to InfluxDB since; started on it, plancast would serve those old figures and take pushes InfluxDB never sees. "+
			"To go on with InfluxDB, give --influx-url (env PLANCAST_INFLUX_URL, which is empty or unset here) and --influx-bucket. "+
			"To move back to the embedded store with InfluxDB's data: plancast export --tokens --influx-url URL --influx-bucket BUCKET --out FILE (that InfluxDB), move %s and %s aside, then plancast import FILE --data-dir %s. "+
			"To use the embedded store as it was, without what InfluxDB received, move %s aside",
		path, backend, when(path), store, when(store), path, store, s.dataDir, path)
}

// openExisting opens the selected store for a command that only reads it
// (forecast, history, chart, backup, export, token list, ingest
// --dry-run), read-only
// (openReading). Such a command never creates the embedded store: a
// mistyped --data-dir would otherwise leave a new, empty store behind and
// answer as if the figures were gone.
func (s *storeFlags) openExisting(ctx context.Context, whileServed string) (plancast.Store, error) {
	if s.embedded() && !s.exists() {
		path := filepath.Join(s.dataDir, bolt.FileName)
		return nil, plancast.Errorf(plancast.ENOTFOUND,
			"there is no embedded store at %s: check --data-dir (env PLANCAST_DATA_DIR); \"plancast seed --data-dir %s\" creates one holding the reference reports' figures and targets",
			path, s.dataDir)
	}
	return s.openReading(ctx, whileServed)
}

// exists reports whether the embedded store's file is there (or may be:
// only a file known to be missing is not).
func (s *storeFlags) exists() bool {
	_, err := os.Stat(filepath.Join(s.dataDir, bolt.FileName))
	return !errors.Is(err, os.ErrNotExist)
}

// openReading opens the selected store, which exists, for a command that
// only reads it. The embedded store is opened read-only (bolt's
// OpenOptions.ReadOnly), so that a store on read-only media, or in a
// directory the user may not write, is read as any other: opened to write,
// it was refused ("read-only file system"). A read-only open takes a shared
// lock, so a server holding the store keeps it out as before (whileServed
// says what to do instead), while several readers may read at once.
//
// A store an older plancast wrote needs an upgrade first, which is a write:
// it is refused (bolt.ErrNeedsUpgrade, saying to open it once writable), so
// that the file stays as it was, as the commands that only read promise;
// they upgraded it, and a backup "before the upgrade" was upgraded.
func (s *storeFlags) openReading(ctx context.Context, whileServed string) (plancast.Store, error) {
	if !s.embedded() {
		return s.open(ctx, whileServed)
	}
	path := filepath.Join(s.dataDir, bolt.FileName)
	st, err := bolt.OpenWith(path, bolt.OpenOptions{ReadOnly: true})
	switch {
	case errors.Is(err, bolt.ErrHeld):
		return nil, whileHeld(err, whileServed)
	case err != nil:
		return nil, err
	}
	return st, nil
}

// whileHeld is the one wording of a command's error while another process
// holds the embedded store (bolt.ErrHeld): it may be a running server, and
// then server says what to do instead (each command has its own answer:
// push through it, ask it, stop it), or another command (an ingest, export
// or backup holds the store for seconds), to run again when it has
// finished. The commands that only read said only "a running plancast
// serve?", and a nightly backup beside a cron'd ingest was told to go
// through a server that did not exist. Only ingest waits (openWaiting).
func whileHeld(err error, server string) error {
	return fmt.Errorf("%w; if it is a running server, %s; if it is another command (ingest, export, backup), run this one again when it has finished", err, server)
}

// open opens the selected store. whileServed says what the command's user
// can do instead when a running server holds the embedded store.
func (s *storeFlags) open(ctx context.Context, whileServed string) (plancast.Store, error) {
	if !s.embedded() {
		u, err := checkURL("--influx-url", s.influxURL, false)
		if err != nil {
			return nil, err
		}
		st, err := influx.Open(ctx, influx.Config{URL: u, Token: s.influxToken, Org: s.influxOrg, Bucket: s.influxBucket})
		if err != nil {
			return nil, influxPathRefused(u, err)
		}
		return st, nil
	}
	if err := s.refuseInfluxDataDir(filepath.Join(s.dataDir, spool.FileName)); err != nil {
		return nil, err
	}
	path := filepath.Join(s.dataDir, bolt.FileName)
	st, err := bolt.OpenWith(path, bolt.OpenOptions{Rebuilding: func(vintages int) {
		s.rebuilding(fmt.Sprintf("building the compact values of the %d vintages in %s, once after an upgrade (about 15 s a million)", vintages, path))
	}})
	if errors.Is(err, bolt.ErrHeld) {
		return nil, whileHeld(err, whileServed)
	}
	return st, err
}
