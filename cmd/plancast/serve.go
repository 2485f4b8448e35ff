package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

func init() {
	register(&command{name: "serve", summary: "run the HTTP service (API, charts, dashboard)", run: runServe})
}

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("serve", "[flags]",
		"Runs the HTTP service. On the embedded store the demo dataset (the reference reports'\n"+
			"figures and targets) is loaded on the first start; --reseed loads it again.\n"+
			"Stop with SIGTERM or Ctrl-C: requests in flight finish first.", stderr)
	var sf storeFlags
	sf.register(fs)
	addr := fs.String("addr", envOr("PLANCAST_ADDR", ":8080"), "listen address (env PLANCAST_ADDR)")
	reseed := fs.Bool("reseed", false, "load the demo dataset again before serving")
	noSeed := fs.Bool("no-seed", false, "never load the demo dataset")
	readToken := fs.String("read-token", envOr("PLANCAST_READ_TOKEN", ""), "when set, reads need this Bearer token too (env PLANCAST_READ_TOKEN)")
	logFormat := fs.String("log-format", envOr("PLANCAST_LOG_FORMAT", "text"), "log format: text or json (env PLANCAST_LOG_FORMAT)")
	backupDir := fs.String("backup-dir", envOr("PLANCAST_BACKUP_DIR", ""), "embedded store: write a checked copy of the store here at start and every --backup-every (env PLANCAST_BACKUP_DIR)")
	backupEvery := fs.Duration("backup-every", 24*time.Hour, "with --backup-dir: how often to copy the store (a copy is skipped when nothing changed)")
	backupKeep := fs.Int("backup-keep", 7, "with --backup-dir: how many copies to keep; older ones are removed")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := checkLogFormat(fs, *logFormat); err != nil {
		return err
	}
	if *backupDir != "" {
		switch {
		case !sf.embedded():
			return usageErrorf("--backup-dir copies the embedded store; back InfluxDB up with \"influx backup\"")
		case *backupEvery < time.Second:
			return usageErrorf("--backup-every %s is too short; give 1s or more (24h is the default)", *backupEvery)
		case *backupKeep < 1:
			return usageErrorf("--backup-keep %d: keep at least one copy", *backupKeep)
		}
		if err := os.MkdirAll(*backupDir, 0o755); err != nil {
			return fmt.Errorf("create the backup directory: %w", err)
		}
	}
	log := newLogger(stderr, *logFormat)

	st, err := sf.openServing(ctx, log)
	if err != nil {
		return err
	}
	defer st.Close()
	log.Info("store open", "store", sf.describe())

	switch {
	case *noSeed:
	case *reseed:
		res, err := loadSeed(ctx, st)
		if err != nil {
			return fmt.Errorf("reseed: %w", err)
		}
		log.Info("demo dataset loaded again", "result", res.String())
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

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	log.Info("listening", "addr", ln.Addr().String(), "url", "http://"+displayAddr(ln.Addr()))
	cfg := api.Config{Store: st, Logger: log, ReadToken: *readToken}
	if *backupDir != "" {
		// The schedule stops with the server, before the store closes.
		var wg sync.WaitGroup
		defer wg.Wait()
		bctx, stop := context.WithCancel(ctx)
		defer stop()
		b := &backupSchedule{st: st.(plancast.Backuper), dir: *backupDir, every: *backupEvery, keep: *backupKeep, log: log}
		cfg.Backups = b.Status
		wg.Add(1)
		go b.run(bctx, &wg)
		log.Info("backups scheduled", "dir", *backupDir, "every", backupEvery.String(), "keep", *backupKeep)
	}
	return api.New(cfg).Serve(ctx, ln)
}

// logFormats are the formats newLogger writes.
var logFormats = []string{"text", "json"}

// checkLogFormat refuses a log format newLogger does not write, before the
// server opens anything: taken as text, "--log-format xml" (or a typo in
// PLANCAST_LOG_FORMAT) left a log shipper expecting JSON without a word.
// The message names where the format came from: the flag, or the
// environment when the flag was not given.
func checkLogFormat(fs *flag.FlagSet, format string) error {
	if slices.Contains(logFormats, format) {
		return nil
	}
	if !flagGiven(fs, "log-format") {
		return usageErrorf("PLANCAST_LOG_FORMAT=%q: the log format must be %s (or give --log-format)", format, strings.Join(logFormats, " or "))
	}
	return usageErrorf("--log-format %q must be %s", format, strings.Join(logFormats, " or "))
}

// flagGiven reports whether the flag was given on the command line, not
// taken from its default (or the environment variable behind it).
func flagGiven(fs *flag.FlagSet, name string) bool {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == name })
	return given
}

func newLogger(w io.Writer, format string) *slog.Logger {
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, nil))
	}
	return slog.New(slog.NewTextHandler(w, nil))
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
