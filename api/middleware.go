package api

import (
	"errors"
	"log/slog"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// middlewares installs, before routing, the canonical spelling of an escaped
// path and HEAD routed as GET (methods.go), and then, outermost first: the
// HEAD given back, panic recovery, the decoding of path
// parameters, request IDs, the access log and metrics, CORS (only when
// origins are configured), gzip for text answers, and the body limit.
func (s *Server) middlewares() {
	e := s.echo
	e.Pre(canonicalRawPath)
	e.Pre(headAsGet)
	e.Use(restoreHead)
	e.Use(middleware.Recover())
	e.Use(decodePathParams)
	e.Use(middleware.RequestID())
	e.Use(s.accessLog)
	if len(s.cfg.CORSOrigins) > 0 {
		e.Use(middleware.CORSWithConfig(middleware.CORSConfig{AllowOrigins: s.cfg.CORSOrigins}))
	}
	e.Use(middleware.GzipWithConfig(middleware.GzipConfig{
		// Images are compressed already; gzip would only cost time. A
		// backup keeps its Content-Length, by which a client tells a whole
		// copy from a cut one. The metrics handler compresses its answer
		// itself: gzip on top of it reached scrapers compressed twice. The
		// icon is a PNG inside.
		Skipper: func(c echo.Context) bool {
			p := c.Request().URL.Path
			return strings.HasPrefix(p, "/charts/") || p == "/api/v1/backup" || p == "/metrics" || p == "/favicon.ico"
		},
	}))
	e.Use(middleware.BodyLimit(byteSize(s.cfg.BodyLimit)))
}

// canonicalRawPath respells a request's raw path so that Echo's router,
// which matches on the raw path when there is one, sees each segment as Go
// would escape it: every escape decoded, then only what must be escaped in a
// path segment escaped again, in uppercase. An escaped character of a fixed
// segment is the character (/api/v1/%73eries is /api/v1/series, RFC 3986
// §6.2.2.2); before, it matched no route and got 404. Each segment is
// decoded once, and an escaped slash stays escaped inside its segment, so no
// spelling reaches a route its decoded segments do not name. Parameters
// still come escaped from a raw path; decodePathParams decodes them.
func canonicalRawPath(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		u := c.Request().URL
		if u.RawPath == "" {
			return next(c)
		}
		segs := strings.Split(u.RawPath, "/")
		for i, seg := range segs {
			d, err := url.PathUnescape(seg)
			if err != nil { // cannot be: Go has parsed the whole raw path
				return next(c)
			}
			segs[i] = url.PathEscape(d)
		}
		u.RawPath = strings.Join(segs, "/")
		return next(c)
	}
}

// decodePathParams hands every route its path parameters decoded, however
// the client escaped them. Go keeps a request's raw path (URL.RawPath) when
// it is not the one Go would write: lowercase escapes (%e4%be%af, as curl
// and many clients send), or escapes of characters that need none (h%6Fuma).
// Echo routes on that raw path when there is one, so its parameters came
// still escaped ("h%6Fuma" is not a valid code; "%e4%be%af%e9%a9%ac" got no
// hint of houma), while the same path in uppercase escapes came decoded.
// Escapes are case-insensitive (RFC 3986 §2.1): decoded here once, every
// spelling is the same parameter. Without a raw path Echo routed on the
// decoded path and its parameters are decoded already; decoding them again
// would read %2568 as h.
func decodePathParams(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if c.Request().URL.RawPath == "" {
			return next(c)
		}
		values := c.ParamValues()
		decoded := make([]string, len(values))
		for i, v := range values {
			d, err := url.PathUnescape(v)
			if err != nil { // cannot be: Go has parsed the whole raw path
				d = v
			}
			decoded[i] = d
		}
		c.SetParamValues(decoded...)
		return next(c)
	}
}

// accessLog writes one structured line per request and records its metrics
// under the route pattern (not the raw path, which would explode the labels).
func (s *Server) accessLog(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		err := next(c)
		if err != nil {
			c.Error(err) // write the error answer now, so that its status is logged
		}
		elapsed := time.Since(start)
		route := c.Path()
		if route == "" {
			route = "unmatched"
		}
		status := c.Response().Status
		s.metrics.observe(route, c.Request().Method, status, elapsed)
		level, msg := slog.LevelInfo, "request"
		if status >= 500 {
			level = slog.LevelError
		}
		attrs := []slog.Attr{
			slog.String("id", c.Response().Header().Get(echo.HeaderXRequestID)),
			slog.String("method", c.Request().Method),
			slog.String("path", redactSecrets(c.Request().URL.Path)),
			slog.String("route", route),
			slog.Int("status", status),
			slog.Int64("bytes", c.Response().Size),
			slog.Duration("duration", elapsed),
			slog.String("remote", c.RealIP()),
		}
		if cut := (*cutByShutdown)(nil); errors.As(err, &cut) {
			// Its 503 reached no one, and it is no fault: the line says
			// what happened to the request, and to what it sent, and no
			// status or size of an answer that was never sent (it said
			// status=503 bytes=275 while the client got nothing).
			level, msg = slog.LevelWarn, "request cut off by the shutdown"
			attrs = slices.DeleteFunc(attrs, func(a slog.Attr) bool { return a.Key == "status" || a.Key == "bytes" })
			attrs = append(attrs, slog.String("answer", "none (the connection was closed)"), slog.String("detail", cut.Error()))
		}
		s.log.LogAttrs(c.Request().Context(), level, msg, attrs...)
		return nil
	}
}

// byteSize renders a byte count for Echo's body limit ("32M").
func byteSize(n int64) string {
	switch {
	case n%(1<<20) == 0:
		return itoa(n>>20) + "M"
	case n%(1<<10) == 0:
		return itoa(n>>10) + "K"
	}
	return itoa(n) + "B"
}

// redactSecrets hides a token's secret sent in a path (DELETE
// /api/v1/tokens/pc_… by someone who took the secret for the id): the log
// keeps the segment's start, never the secret.
func redactSecrets(path string) string {
	if !strings.Contains(path, "/pc_") {
		return path
	}
	segs := strings.Split(path, "/")
	for i, seg := range segs {
		if strings.HasPrefix(seg, "pc_") {
			segs[i] = "pc_(secret)"
		}
	}
	return strings.Join(segs, "/")
}
