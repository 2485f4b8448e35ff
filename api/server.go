// Package api is plancast's HTTP interface on Echo: JSON routes under
// /api/v1, charts, the dashboard, health and metrics. Handlers depend on the
// root package's store interfaces, never on a backend.
//
// Where things live: routes.go lists every route; one file per resource
// (series.go, targets.go, ...) holds its handlers; errors.go maps error codes
// to HTTP statuses.
package api

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/plancast/plancast"
)

// Config wires a server.
type Config struct {
	Store  plancast.Store
	Logger *slog.Logger // nil: discard
	// ReadToken, when set, is required (as a Bearer token) on every read route.
	ReadToken string
	// BodyLimit bounds request bodies in bytes; default 32 MiB.
	BodyLimit int64
	// MaxRows bounds the rows of one pushed document; default ingest's.
	MaxRows int
	// CORSOrigins allows cross-origin requests from these origins; none by default.
	CORSOrigins []string
	// ReadHeaderTimeout bounds how long a client may take to send its request
	// headers (slow-loris defence); default 5 s.
	ReadHeaderTimeout time.Duration
	// VersionTTL is how long the data version is trusted before the store is
	// asked again (writes through this server invalidate it at once); default 1 s.
	VersionTTL time.Duration
	// Backups, when set, says how the server's own backups of its store are
	// going (serve --backup-dir), for /healthz and /metrics.
	Backups func() BackupStatus
	// ShutdownGrace is how long Serve lets the requests in flight finish
	// once it is told to stop; default 10 s (shutdownGrace).
	ShutdownGrace time.Duration
}

// BackupStatus is how the scheduled backups are going.
type BackupStatus struct {
	Dir      string    `json:"dir"`
	Every    string    `json:"every"`
	Last     time.Time `json:"last,omitzero"`       // when the newest copy was written
	LastFile string    `json:"last_file,omitempty"` // its path
	Written  int       `json:"written"`             // copies written since the server started
	Skipped  int       `json:"skipped"`             // copies not taken: nothing changed
	Failed   int       `json:"failed"`              // copies that failed
	Error    string    `json:"error,omitempty"`     // why the latest attempt failed, until one succeeds
}

// Server is the HTTP server.
type Server struct {
	cfg     Config
	log     *slog.Logger
	echo    *echo.Echo
	metrics *metrics
	cache   *answerCache
	cat     atomic.Pointer[catalogMemo] // the catalog of the latest data version seen
	methods methodTable                 // the registered routes, for 405's Allow
	// cutOff is set when the shutdown's grace ran out and Serve closed the
	// connections still open: a body read failing from then on was cut
	// off by the shutdown (uploadCut).
	cutOff atomic.Bool
}

// New builds a server with every route registered.
func New(cfg Config) *Server {
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.BodyLimit == 0 {
		cfg.BodyLimit = 32 << 20
	}
	if cfg.ReadHeaderTimeout == 0 {
		cfg.ReadHeaderTimeout = 5 * time.Second
	}
	if cfg.VersionTTL == 0 {
		cfg.VersionTTL = time.Second
	}
	if cfg.ShutdownGrace == 0 {
		cfg.ShutdownGrace = shutdownGrace
	}
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	s := &Server{cfg: cfg, log: cfg.Logger, echo: e, metrics: newMetrics(cfg.Backups)}
	s.cache = newAnswerCache(cfg.Store.DataVersion, cfg.VersionTTL, 4096)
	e.HTTPErrorHandler = s.handleError
	s.middlewares()
	s.routes()
	s.methods = newMethodTable(e)
	return s
}

// Handler returns the server's http.Handler.
func (s *Server) Handler() http.Handler { return s.echo }

// shutdownGrace is how long Serve lets the requests in flight finish once
// it is told to stop.
const shutdownGrace = 10 * time.Second

// Serve answers on ln until ctx is cancelled, then shuts down gracefully,
// letting requests in flight finish for up to shutdownGrace (10 s). Those
// still open then are cut off without an answer, the log says how many (and
// of an upload cut off, that the shutdown cut it and nothing of it was
// written: uploadCut), and Serve returns an error saying so.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	var open openRequests
	srv := &http.Server{
		Handler:           s.echo,
		ReadHeaderTimeout: s.cfg.ReadHeaderTimeout, // slow-loris clients
		ReadTimeout:       30 * time.Second,        // large uploads still fit
		// Long enough for a cold nationwide assessment on slow hardware (it took
		// 58 s on a loaded 2-core machine); slow clients are cut off by the
		// header and read timeouts above.
		WriteTimeout:   3 * time.Minute,
		IdleTimeout:    120 * time.Second,
		MaxHeaderBytes: 1 << 20,
		ErrorLog:       slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
		ConnState:      open.track,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	grace := s.cfg.ShutdownGrace
	s.log.Info("shutting down", "grace", grace.String())
	shutdownCtx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	err := srv.Shutdown(shutdownCtx)
	if errors.Is(err, context.DeadlineExceeded) && open.count() == 0 {
		// Every request was answered: Shutdown looks at the connections
		// only every half second, and one answered in the grace's last
		// half second (a long push answered 200) was still counted as
		// busy when the grace ran out. Nothing is cut off: the
		// connections left are idle, and the shutdown is clean.
		_ = srv.Close()
		<-errc
		s.log.Info("shut down: every request was answered")
		return nil
	}
	if errors.Is(err, context.DeadlineExceeded) {
		// Shutdown gives up waiting but leaves the connections open, and
		// its bare "context deadline exceeded" said nothing of them. They
		// are closed here: a push still being read or checked is not
		// written, and one already writing is written whole (each store
		// write is atomic, and the store closes after it), so its client,
		// answered by neither, may push it again: what is stored counts
		// unchanged.
		n := open.count()
		s.cutOff.Store(true)
		_ = srv.Close()
		msg := fmt.Sprintf("the grace period of %s ran out with %s still open; cut off without an answer: a push among them was written whole or not at all, so push it again (what is stored counts unchanged)",
			grace, plural(n, "request", "requests"))
		s.log.Warn("shutdown: the grace period ran out; the requests still open were cut off", "grace", grace.String(), "open", n)
		return errors.New(msg)
	}
	if err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// openRequests counts the connections with a request being read or
// answered (http.StateActive): the requests a shutdown waits for.
type openRequests struct {
	mu     sync.Mutex
	active map[net.Conn]bool
}

func (o *openRequests) track(c net.Conn, state http.ConnState) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.active == nil {
		o.active = map[net.Conn]bool{}
	}
	if state == http.StateActive {
		o.active[c] = true
	} else {
		delete(o.active, c)
	}
}

func (o *openRequests) count() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return len(o.active)
}

// plural is "1 request", "2 requests".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
