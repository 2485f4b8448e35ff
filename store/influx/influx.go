// Package influx is plancast's InfluxDB store, through influxdb-client-go/v2:
// line protocol for writes, Flux for reads. It works against InfluxDB 2.x and
// InfluxDB Cloud (production) and against InfluxDB 1.8's /api/v2 compatibility
// endpoints (bucket "db/rp", empty org, token "user:password" or empty).
//
// Schema (measurement names carry Config.Prefix, empty by default):
//
//	observation  tags region, indicator, period, vintage (recorded, unix ns)
//	             fields value (float), status, published (YYYY-MM-DD),
//	             source_document, source_quote, and where the source states a
//	             growth: growth (float, percent), growth_base_year (integer,
//	             absent when the year before); time = YYYY-01-01T00:00:00Z
//	region       tag code; field json; time = 1970-01-01 (rewrites replace)
//	indicator    tag code; field json; time = 1970-01-01
//	target       tags region, indicator, plan, kind, vintage (recorded, unix ns; absent
//	             on targets written before versions were kept); field json (the
//	             Target, with its published and recorded dates); time = the target year
//	token        tag hash; field json; time = 1970-01-01
//	change       field n; time = the write; the newest one is the data version
//
// Every vintage is its own series (the vintage tag), so nothing a store
// accepted is ever overwritten; "latest" and "as of" are decided on read.
//
// Atomicity: a batch is validated completely (values, catalog, contradictions)
// before anything is sent, then sent as one write request. InfluxDB applies a
// request's points per shard, so a batch could only half-land if the server
// failed between shards; the spool of the reliability work covers that case.
package influx

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	influxdb2 "github.com/influxdata/influxdb-client-go/v2"
	"github.com/influxdata/influxdb-client-go/v2/api"
	ihttp "github.com/influxdata/influxdb-client-go/v2/api/http"
	"github.com/influxdata/influxdb-client-go/v2/api/write"

	"github.com/plancast/plancast"
)

// Config says where the data lives.
type Config struct {
	URL    string // e.g. http://127.0.0.1:8086
	Token  string // API token; for 1.8 "user:password" or empty
	Org    string // empty for 1.8
	Bucket string // for 1.8 "database/retention_policy"
	// Prefix is prepended to every measurement name, so several independent
	// plancast datasets (or test runs) can share one bucket.
	Prefix string
	// Timeout bounds every request; default 10 s.
	Timeout time.Duration
}

// Store is the InfluxDB store. It is safe for concurrent use.
type Store struct {
	cfg    Config
	client influxdb2.Client
	write  api.WriteAPIBlocking
	query  api.QueryAPI

	clock plancast.VintageClock // Recorded times of the vintages written

	// The catalog is read on every write and series read; it changes rarely,
	// so it is kept for catalogTTL (and dropped at once on this store's own
	// catalog writes). Another replica's new region is seen within the TTL.
	catMu         sync.Mutex
	catRegions    []plancast.Region
	catInds       []plancast.Indicator
	catRead       time.Time // zero: no copy (never read, or dropped after a catalog write)
	catRefreshing bool      // one caller is reading a fresh copy

	// A request InfluxDB did not answer within its time marks the server
	// stalled for cfg.Timeout: requests meanwhile fail at once as
	// unavailable instead of each waiting its own timeout, so that a push,
	// which reads the catalog, the token and the stored figures before it
	// writes, is judged "unavailable" and queued within about one timeout
	// (it took 95 s with InfluxDB hung: every read waited 10 s). A /ping
	// answered, or the time passing, lets requests through again.
	stallMu      sync.Mutex
	stalledAt    time.Time
	stalledUntil time.Time
}

// catalogTTL is how long a read catalog is trusted.
const catalogTTL = 2 * time.Second

// Open connects and checks that the server answers.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	if cfg.URL == "" || cfg.Bucket == "" {
		return nil, plancast.Errorf(plancast.EINVALID, "InfluxDB needs a URL and a bucket (PLANCAST_INFLUX_URL, PLANCAST_INFLUX_BUCKET)")
	}
	if _, err := url.Parse(cfg.URL); err != nil {
		return nil, plancast.Errorf(plancast.EINVALID, "InfluxDB URL %q: %v", RedactURL(cfg.URL), err)
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = 10 * time.Second
	}
	opts := influxdb2.DefaultOptions().
		SetHTTPRequestTimeout(uint(cfg.Timeout / time.Second)).
		SetPrecision(time.Nanosecond)
	client := influxdb2.NewClientWithOptions(cfg.URL, cfg.Token, opts)
	s := &Store{cfg: cfg, client: client, write: client.WriteAPIBlocking(cfg.Org, cfg.Bucket), query: client.QueryAPI(cfg.Org)}
	// No client-side batching: send chunks each WritePoint call as one request.
	if err := s.Ping(ctx); err != nil {
		client.Close()
		return nil, err
	}
	// InfluxDB answers /ping without credentials and whatever the bucket:
	// a mistyped bucket or refused credentials are found by a read, here,
	// rather than by every request after the start (500 "internal error").
	if err := s.checkBucket(ctx); err != nil {
		client.Close()
		return nil, err
	}
	return s, nil
}

// checkBucket reads the bucket once (nothing of it is kept): an error says
// that it is missing or that the credentials are refused (unavailable).
func (s *Store) checkBucket(ctx context.Context) error {
	flux := fmt.Sprintf(`from(bucket: %s) |> range(start: -1m) |> limit(n: 1)`, fluxString(s.cfg.Bucket))
	return s.rows(ctx, "read the bucket", flux, func(map[string]any) error { return nil })
}

// Ping checks that InfluxDB answers.
func (s *Store) Ping(ctx context.Context) error {
	ok, err := s.client.Ping(ctx)
	if err != nil || !ok {
		return s.unavailable("reach", err)
	}
	s.stallMu.Lock()
	s.stalledUntil = time.Time{}
	s.stallMu.Unlock()
	return nil
}

// stalled returns an unavailable error when a request timed out within the
// last cfg.Timeout (see Store.stalledUntil), else nil.
func (s *Store) stalled(what string) error {
	s.stallMu.Lock()
	at, until := s.stalledAt, s.stalledUntil
	s.stallMu.Unlock()
	if time.Now().Before(until) {
		return plancast.Errorf(plancast.EUNAVAILABLE, "InfluxDB at %s: cannot %s: it did not answer a request within %s at %s; it is not asked again before %s, or before it answers /ping",
			RedactURL(s.cfg.URL), what, s.cfg.Timeout, at.UTC().Format("15:04:05"), until.UTC().Format("15:04:05"))
	}
	return nil
}

// noteTimeout marks the server stalled when the request whose context is
// rctx failed by running out of time (not when its caller gave up).
func (s *Store) noteTimeout(rctx context.Context, err error) {
	if err == nil || !errors.Is(rctx.Err(), context.DeadlineExceeded) {
		return
	}
	now := time.Now()
	s.stallMu.Lock()
	s.stalledAt, s.stalledUntil = now, now.Add(s.cfg.Timeout)
	s.stallMu.Unlock()
}

// Close releases the client.
func (s *Store) Close() error {
	s.client.Close()
	return nil
}

func (s *Store) m(name string) string { return s.cfg.Prefix + name }

// unavailable wraps a transport failure as EUNAVAILABLE, naming the server.
func (s *Store) unavailable(what string, err error) error {
	if err != nil {
		var he *ihttp.Error
		status := 0
		if errors.As(err, &he) {
			status = he.StatusCode
		}
		msg := err.Error()
		switch {
		case status == http.StatusUnauthorized || status == http.StatusForbidden || strings.Contains(msg, "status code 401") || strings.Contains(msg, "status code 403"):
			if status == 0 {
				status = http.StatusUnauthorized
			}
			return plancast.Errorf(plancast.EUNAVAILABLE, "InfluxDB at %s refused the credentials (%d) to %s: check --influx-token (env PLANCAST_INFLUX_TOKEN; user:password for InfluxDB 1.8, an API token with access to bucket %q for 2.x)",
				RedactURL(s.cfg.URL), status, what, s.cfg.Bucket)
		case strings.Contains(msg, "no database") || strings.Contains(msg, "database not found") || (strings.Contains(msg, "bucket") && strings.Contains(msg, "not found")):
			db, _, _ := strings.Cut(s.cfg.Bucket, "/")
			return plancast.Errorf(plancast.EUNAVAILABLE, "InfluxDB at %s has no bucket (database) %q, so it cannot %s: check --influx-bucket (env PLANCAST_INFLUX_BUCKET), or create it (InfluxDB 1.8: CREATE DATABASE %s WITH SHARD DURATION 14040w; 2.x: influx bucket create; README \"Scaling\")",
				RedactURL(s.cfg.URL), s.cfg.Bucket, what, db)
		}
	}
	var ne net.Error
	if err == nil || errors.As(err, &ne) || errors.Is(err, context.DeadlineExceeded) || strings.Contains(err.Error(), "connection refused") {
		return plancast.Errorf(plancast.EUNAVAILABLE, "InfluxDB at %s: cannot %s: %v", RedactURL(s.cfg.URL), what, err)
	}
	return fmt.Errorf("InfluxDB at %s: %s: %w", RedactURL(s.cfg.URL), what, err)
}

// RedactURL is the InfluxDB URL as every message shows it: a password given
// in it (http://user:pass@host) is replaced by "***", as net/http shows it in
// its own part of the same messages (url.URL.Redacted writes "xxxxx"). A URL
// that does not parse loses everything before its last "@", so that no
// message repeats what may be a password.
func RedactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		if i := strings.LastIndex(raw, "@"); i >= 0 {
			return "***" + raw[i:]
		}
		return raw
	}
	if _, has := u.User.Password(); has {
		return strings.Replace(u.Redacted(), ":xxxxx@", ":***@", 1)
	}
	return u.String()
}

// Writes go out in requests of at most pointsPerRequest points (about 1 MB of
// line protocol: well inside the request limits of InfluxDB 2.x, Cloud and
// 1.8), one at a time, each with its own timeout. One in flight is measured
// to be fastest on 2 cores: 100,000 points took 5.0 s with one request in
// flight and 9.4 s with two (InfluxDB 1.8, bench/ingest_rate.sh).
const pointsPerRequest = 10_000

// send writes points, then a "change" point that moves the data version:
// the version moves only once every point has landed.
func (s *Store) send(ctx context.Context, what string, pts []*write.Point) error {
	return s.sendEach(ctx, what, len(pts), func(b []byte, i int) ([]byte, error) { return appendPoint(b, pts[i]) })
}

// sendEach is send for n points, line(b, i) appending the i-th to b as line
// protocol (line.go), so that encoding them runs on the encoder's goroutine
// while earlier requests are in flight, not before the first one.
func (s *Store) sendEach(ctx context.Context, what string, n int, line func(b []byte, i int) ([]byte, error)) error {
	if n == 0 {
		return nil
	}
	if err := s.sendChunks(ctx, n, line); err != nil {
		return s.unavailable(what, err)
	}
	change := influxdb2.NewPoint(s.m("change"), nil, map[string]any{"n": int64(n)}, time.Now().UTC())
	if err := s.sendChunks(ctx, 1, func(b []byte, _ int) ([]byte, error) { return appendPoint(b, change) }); err != nil {
		return s.unavailable(what, err)
	}
	return nil
}

// sendChunks writes the n points line(b, i) appends in requests of
// pointsPerRequest, one request in flight; the next chunk is encoded while
// the current one is sent, so that work overlaps the server's.
func (s *Store) sendChunks(ctx context.Context, n int, line func(b []byte, i int) ([]byte, error)) error {
	encoded := make(chan string, 1)
	var encErr error // set by the encoder before it closes encoded
	go func() {
		defer close(encoded)
		var b []byte
		for start := 0; start < n; start += pointsPerRequest {
			b = b[:0]
			for i := start; i < min(start+pointsPerRequest, n); i++ {
				var err error
				if b, err = line(b, i); err != nil {
					encErr = fmt.Errorf("encode a point as line protocol: %w", err)
					return
				}
			}
			select {
			case encoded <- string(b):
			case <-ctx.Done():
				return
			}
		}
	}()
	var firstErr error
	for lines := range encoded {
		if firstErr != nil {
			continue // drain the encoder
		}
		if firstErr = s.stalled("write"); firstErr != nil {
			continue
		}
		rctx, cancel := context.WithTimeout(ctx, s.cfg.Timeout)
		firstErr = s.write.WriteRecord(rctx, lines)
		s.noteTimeout(rctx, firstErr)
		cancel()
	}
	if firstErr == nil {
		firstErr = encErr
	}
	if firstErr == nil {
		firstErr = ctx.Err()
	}
	return firstErr
}

// epoch is the time of catalog and token points: rewriting one replaces it.
var epoch = time.Unix(0, 0).UTC()

func yearTime(year int) time.Time { return time.Date(year, time.January, 1, 0, 0, 0, 0, time.UTC) }

// fluxString quotes s as a Flux string literal.
func fluxString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "${", `\${`)
	return `"` + r.Replace(s) + `"`
}

// fullRange covers every year plancast accepts plus the catalog's epoch.
const fullRange = `range(start: 1800-01-01T00:00:00Z, stop: 2200-01-01T00:00:00Z)`

// rows runs a Flux query and calls fn with each record's values.
func (s *Store) rows(ctx context.Context, what, flux string, fn func(map[string]any) error) error {
	if err := s.stalled(what); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, s.cfg.Timeout)
	defer cancel()
	res, err := s.query.Query(ctx, flux)
	if err != nil {
		s.noteTimeout(ctx, err)
		return s.unavailable(what, err)
	}
	defer res.Close()
	for res.Next() {
		if err := fn(res.Record().Values()); err != nil {
			return err
		}
	}
	if err := res.Err(); err != nil {
		s.noteTimeout(ctx, err)
		return s.unavailable(what, err)
	}
	return nil
}

// DataVersion is the time of the newest change point, in nanoseconds.
func (s *Store) DataVersion(ctx context.Context) (string, error) {
	flux := fmt.Sprintf(`from(bucket: %s) |> range(start: 1970-01-01T00:00:00Z) |> filter(fn: (r) => r._measurement == %s) |> group() |> last()`,
		fluxString(s.cfg.Bucket), fluxString(s.m("change")))
	version := "0"
	err := s.rows(ctx, "read the data version", flux, func(v map[string]any) error {
		if t, ok := v["_time"].(time.Time); ok {
			version = strconv.FormatInt(t.UnixNano(), 10)
		}
		return nil
	})
	return version, err
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

// Status reports whether InfluxDB answers.
func (s *Store) Status(ctx context.Context) plancast.StoreStatus {
	st := plancast.StoreStatus{Backend: "influxdb", Reachable: true}
	err := s.Ping(ctx)
	if err == nil {
		err = s.checkBucket(ctx) // answering /ping, it may still refuse the bucket or the credentials
	}
	if err != nil {
		st.Reachable, st.Error = false, plancast.ErrorMessage(err)
	}
	return st
}
