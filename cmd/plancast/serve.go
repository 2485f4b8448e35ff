package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
	"github.com/plancast/plancast/store/bolt"
	"github.com/plancast/plancast/store/influx"
)

func init() {
	register(&command{name: "serve", summary: "run the HTTP service (API, charts, dashboard)", run: runServe})
}

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) (err error) {
	fs := newFlagSet("serve", "[flags]",
		"Runs the HTTP service. On the embedded store the demo dataset (the reference reports'\n"+
			"figures and targets) is loaded on the first start; --reseed loads it again.\n"+
			"Stop with SIGTERM or Ctrl-C: requests in flight get 10 s to finish; the rest are cut off\n"+
			"without an answer (push them again) and serve exits 1.", stderr)
	var sf storeFlags
	sf.register(fs)
	addr := fs.String("addr", envOr("PLANCAST_ADDR", ":8080"), "listen address (env PLANCAST_ADDR)")
	reseed := fs.Bool("reseed", false, "load the demo dataset again before serving (env PLANCAST_RESEED=true)")
	noSeed := fs.Bool("no-seed", false, "never load the demo dataset (env PLANCAST_NO_SEED=true)")
	noInitialAdmin := fs.Bool("no-initial-admin", false, "embedded store: do not create an admin token when it has none (by default its secret goes to DATA_DIR/"+initialAdminFile+") (env PLANCAST_NO_INITIAL_ADMIN=true)")
	readToken := fs.String("read-token", envOr("PLANCAST_READ_TOKEN", ""), "when set, reads need this Bearer token too (env PLANCAST_READ_TOKEN)")
	logFormat := fs.String("log-format", envOr("PLANCAST_LOG_FORMAT", "text"), "log format: text or json (env PLANCAST_LOG_FORMAT)")
	backupDir := fs.String("backup-dir", envOr("PLANCAST_BACKUP_DIR", ""), "embedded store: write a checked copy of the store here at start and every --backup-every (env PLANCAST_BACKUP_DIR)")
	backupEvery := fs.Duration("backup-every", 24*time.Hour, "with --backup-dir: how often to copy the store (a copy is skipped when nothing changed) (env PLANCAST_BACKUP_EVERY)")
	backupKeep := fs.Int("backup-keep", 7, "with --backup-dir: how many of its own copies of this store to keep (plancast-auto-<store id>-<time>-v<N>.db); older ones are removed, other files never (env PLANCAST_BACKUP_KEEP)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	log, err := serveLogger(fs, stderr, *logFormat)
	if err != nil {
		return err
	}
	if *logFormat == "json" {
		// Why serve stopped is a JSON record too, for a collector that
		// reads JSON lines only; Main's plain line stays beside it.
		defer func() {
			if err != nil {
				log.Error("serve stopped", "err", err.Error())
			}
		}()
	}
	fromEnv, err := flagsFromEnv(fs, map[string]string{
		"reseed": "PLANCAST_RESEED", "no-seed": "PLANCAST_NO_SEED", "no-initial-admin": "PLANCAST_NO_INITIAL_ADMIN",
		"backup-every": "PLANCAST_BACKUP_EVERY", "backup-keep": "PLANCAST_BACKUP_KEEP",
	})
	if err != nil {
		return err
	}
	name := func(flagName string) string {
		if env, ok := fromEnv[flagName]; ok {
			return env
		}
		return "--" + flagName
	}
	envAddr, envAddrSet := os.LookupEnv("PLANCAST_ADDR")
	switch {
	case envAddrSet && strings.TrimSpace(envAddr) == "" && !flagGiven(fs, "addr"):
		// Taken as unset, it listened on :8080, every interface, where
		// the setting (PLANCAST_ADDR=${ADDR} with ADDR missing) was
		// meant to name one.
		return usageErrorf("PLANCAST_ADDR is set but empty: give host:port, e.g. :8080 or 127.0.0.1:8080, or unset it for :8080 (every interface)")
	case strings.TrimSpace(*addr) == "":
		// net.Listen takes "" as any port on every interface.
		return usageErrorf("--addr is empty: give host:port, e.g. :8080 or 127.0.0.1:8080 (an unset PLANCAST_ADDR gives :8080)")
	case *reseed && *noSeed:
		return usageErrorf("%s loads the demo dataset again and %s never loads it: give one of them", name("reseed"), name("no-seed"))
	case *backupDir == "" && flagGiven(fs, "backup-every"):
		return usageErrorf("%s has no effect without --backup-dir: give --backup-dir DIR too, or leave %s out", name("backup-every"), name("backup-every"))
	case *backupDir == "" && flagGiven(fs, "backup-keep"):
		return usageErrorf("%s has no effect without --backup-dir: give --backup-dir DIR too, or leave %s out", name("backup-keep"), name("backup-keep"))
	}
	rtName := settingName(fs, "read-token", "PLANCAST_READ_TOKEN")
	rt, err := secretValue(rtName, *readToken)
	if err != nil {
		return err
	}
	if n := len([]rune(rt)); n > 0 && n < minReadToken {
		return usageErrorf("%s is too short (%d of at least %d characters): it is the password to every read route; plancast token create --read makes one of 46", rtName, n, minReadToken)
	}
	if *backupDir != "" {
		switch {
		case !sf.embedded():
			return usageErrorf("--backup-dir copies the embedded store; back InfluxDB up with \"influx backup\"")
		case *backupEvery < time.Second:
			return usageErrorf("%s %s is too short; give 1s or more (24h is the default)", name("backup-every"), *backupEvery)
		case *backupKeep < 1:
			return usageErrorf("%s %d: keep at least one copy", name("backup-keep"), *backupKeep)
		}
		if err := os.MkdirAll(*backupDir, 0o755); err != nil {
			return fmt.Errorf("create the backup directory: %w", err)
		}
	}
	st, err := sf.openServing(ctx, log)
	if err != nil {
		return err
	}
	defer st.Close()
	log.Info("store open", "store", sf.describe())
	if !sf.embedded() {
		selectedBy := "PLANCAST_INFLUX_URL"
		if flagGiven(fs, "influx-url") {
			selectedBy = "--influx-url"
		}
		sayStoreLeftBehind(ctx, log, &sf, selectedBy)
		sayNoAdminToken(ctx, log, st, &sf)
	}

	switch {
	case *noSeed:
	case *reseed:
		res, err := loadSeed(ctx, st)
		if err != nil {
			return fmt.Errorf("reseed: %w", err)
		}
		log.Info("demo dataset loaded again", "result", res.String())
		for _, n := range res.Notes {
			log.Info("demo dataset", "note", n)
		}
	default:
		loaded, res, whyNot, err := seedOnFirstStart(ctx, st)
		if err != nil {
			return fmt.Errorf("load demo dataset: %w", err)
		}
		switch {
		case loaded:
			log.Info("first start: demo dataset loaded", "result", res.String())
		case whyNot != "":
			log.Info("first start: demo dataset not loaded", "why", whyNot)
		}
	}

	// The embedded store is held while the server runs, so the first admin
	// token cannot be made with "plancast token create" then: the server
	// makes it. InfluxDB is not held; its operators create tokens on it.
	if sf.embedded() && !*noInitialAdmin {
		path, err := ensureAdmin(ctx, st, sf.dataDir, time.Now())
		if err != nil {
			return err
		}
		if path != "" {
			log.Warn("the store had no admin token: created one; its secret is in the file, and nowhere else. Read it, then delete the file",
				"file", path, "example", "ADMIN=$(cat "+path+")")
		}
	}

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	reads := "open to anyone"
	if rt != "" {
		reads = "need the read token"
		if rt != *readToken {
			log.Info("the read token is taken without the whitespace around it, which no request can send", "from", rtName)
		}
	}
	// The build is said with the address, so that the log says which build
	// answered from when on (as /healthz and /metrics do while it runs).
	log.Info("listening", "addr", ln.Addr().String(), "url", "http://"+displayAddr(ln.Addr()), "reads", reads, "build", api.CurrentBuild())
	cfg := api.Config{Store: st, Logger: log, ReadToken: rt}
	if *backupDir != "" {
		// The schedule stops with the server, before the store closes.
		var wg sync.WaitGroup
		defer wg.Wait()
		bctx, stop := context.WithCancel(ctx)
		defer stop()
		b := &backupSchedule{st: st.(plancast.Backuper), store: filepath.Join(sf.dataDir, bolt.FileName), dir: *backupDir, every: *backupEvery, keep: *backupKeep, log: log}
		cfg.Backups = b.Status
		wg.Add(1)
		go b.run(bctx, &wg)
		log.Info("backups scheduled", "dir", *backupDir, "every", backupEvery.String(), "keep", *backupKeep)
	}
	return api.New(cfg).Serve(ctx, ln)
}

// flagsFromEnv sets each flag of envs (flag name → variable) that was not
// given from its environment variable when that is set, and returns which
// it set (flag name → variable), for messages to name where a value came
// from. A value the flag does not take is a usage error naming the
// variable. The flag wins over the environment, as for every setting.
func flagsFromEnv(fs *flag.FlagSet, envs map[string]string) (map[string]string, error) {
	set := map[string]string{}
	for _, flagName := range slices.Sorted(maps.Keys(envs)) {
		env := envs[flagName]
		v, ok := os.LookupEnv(env)
		if !ok || v == "" || flagGiven(fs, flagName) {
			continue
		}
		if err := fs.Set(flagName, strings.TrimSpace(v)); err != nil {
			if form := valueForm(fs.Lookup(flagName)); form != "" {
				return nil, usageErrorf("%s=%q is not a value --%s takes: %s", env, v, flagName, form)
			}
			return nil, usageErrorf("%s=%q is not a value --%s takes: %v", env, v, flagName, err)
		}
		set[flagName] = env
	}
	return set, nil
}

// valueForm says what form of value a flag takes, for a refused environment
// variable to say what to write instead of flag's bare "parse error": a
// duration with its unit, a whole number, true or false. It is "" for a
// flag of another kind, whose own error says it.
func valueForm(f *flag.Flag) string {
	if f == nil {
		return ""
	}
	if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
		return "give true or 1 to turn it on, false or 0 to leave it off"
	}
	g, ok := f.Value.(flag.Getter)
	if !ok {
		return ""
	}
	switch g.Get().(type) {
	case time.Duration:
		return "give a duration with its unit, such as 24h, 30m or 90s (a bare number has none)"
	case int, int64, uint, uint64:
		return "give a whole number, such as " + f.DefValue + " (the default)"
	}
	return ""
}

// sayStoreLeftBehind warns when the data directory of a server on InfluxDB
// holds an embedded store, which it does not use: an operator switching
// backends in place otherwise finds the server empty and the admin token in
// initial-admin-token refused, and believes the data vanished (or that
// InfluxDB already holds it). The warning counts what the embedded store
// holds and says how to move it.
func sayStoreLeftBehind(ctx context.Context, log *slog.Logger, sf *storeFlags, selectedBy string) {
	path := filepath.Join(sf.dataDir, bolt.FileName)
	if _, err := os.Stat(path); err != nil {
		return
	}
	holds := "an embedded store"
	if st, err := bolt.OpenWith(path, bolt.OpenOptions{ReadOnly: true}); err == nil {
		rs, rerr := st.Regions(ctx)
		is, ierr := st.Indicators(ctx)
		if rerr == nil && ierr == nil {
			holds = fmt.Sprintf("an embedded store (%d regions, %d indicators)", len(rs), len(is))
		}
		st.Close()
	}
	log.Warn(fmt.Sprintf("%s holds %s that this server does not use: %s selects InfluxDB. To move it there: plancast export --tokens --data-dir %s --out FILE (with no InfluxDB set), then plancast import FILE --influx-url ... --influx-bucket %s",
		path, holds, selectedBy, sf.dataDir, sf.influxBucket), "embedded_store", path)
}

// sayNoAdminToken warns when the InfluxDB store has no admin token (the
// embedded store's first start makes one; InfluxDB is not held by the
// server, so its operator makes it), saying how: without one no token can
// be made through the server.
func sayNoAdminToken(ctx context.Context, log *slog.Logger, st plancast.TokenStore, sf *storeFlags) {
	tokens, err := st.Tokens(ctx)
	if err != nil {
		return // InfluxDB cannot answer now: its status says so
	}
	for _, t := range tokens {
		if t.Admin && t.Revoked == nil {
			return
		}
	}
	log.Warn(fmt.Sprintf("the store has no admin token: make one with plancast token create --admin --influx-url %s --influx-bucket %s (and the same --influx-token, --influx-org)",
		influx.RedactURL(sf.influxURL), sf.influxBucket))
}

// serveLogger is the server's logger in the format asked for, made before
// the server opens anything; a format newLogger does not write is refused:
// taken as text, "--log-format xml" (or a typo in PLANCAST_LOG_FORMAT) left
// a log shipper expecting JSON without a word. The message names where the
// format came from: the flag, or the environment when the flag was not
// given.
func serveLogger(fs *flag.FlagSet, w io.Writer, format string) (*slog.Logger, error) {
	log, ok := newLogger(w, format)
	switch {
	case ok:
		return log, nil
	case !flagGiven(fs, "log-format"):
		return nil, usageErrorf("PLANCAST_LOG_FORMAT=%q: the log format must be text or json (or give --log-format)", format)
	}
	return nil, usageErrorf("--log-format %q must be text or json", format)
}

// flagGiven reports whether the flag was given on the command line, not
// taken from its default (or the environment variable behind it).
func flagGiven(fs *flag.FlagSet, name string) bool {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == name })
	return given
}

// newLogger writes text or json logs to w; ok is false for another format.
func newLogger(w io.Writer, format string) (log *slog.Logger, ok bool) {
	switch format {
	case "json":
		return slog.New(slog.NewJSONHandler(w, nil)), true
	case "text":
		return slog.New(slog.NewTextHandler(w, nil)), true
	}
	return nil, false
}

// displayAddr turns ":8080" into "localhost:8080" for the log line.
func displayAddr(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}
