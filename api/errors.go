package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/plancast/plancast"
)

// statusOf maps application error codes to HTTP statuses; the one table.
var statusOf = map[string]int{
	plancast.EINVALID:      http.StatusBadRequest,
	plancast.ENOTFOUND:     http.StatusNotFound,
	plancast.EUNAUTHORIZED: http.StatusUnauthorized,
	plancast.EFORBIDDEN:    http.StatusForbidden,
	plancast.ECONFLICT:     http.StatusConflict,
	plancast.EUNAVAILABLE:  http.StatusServiceUnavailable,
	plancast.EINTERNAL:     http.StatusInternalServerError,
}

// codeOfStatus maps Echo's own HTTP errors (unknown route, wrong method, body
// too large) back to application codes.
func codeOfStatus(status int) string {
	switch {
	case status == http.StatusNotFound:
		return plancast.ENOTFOUND
	case status == http.StatusUnauthorized:
		return plancast.EUNAUTHORIZED
	case status == http.StatusForbidden:
		return plancast.EFORBIDDEN
	case status == http.StatusConflict:
		return plancast.ECONFLICT
	case status == http.StatusServiceUnavailable:
		return plancast.EUNAVAILABLE
	case status >= 500:
		return plancast.EINTERNAL
	default:
		return plancast.EINVALID
	}
}

// ErrorResponse is the body of every error answer.
type ErrorResponse struct {
	Error ErrorBody `json:"error"`
}

// ErrorBody carries the code and a message meant for the user.
type ErrorBody struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// handleError writes {"error": {"code", "message"}} with the mapped status and
// logs internal errors only (the others are the caller's business).
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	if clientGone(c, err) {
		// The client went away (or its proxy gave up) before the answer:
		// nobody reads it, and it is no internal error of this server. 499
		// is the status proxies log for it.
		s.log.Warn("the client went away before the answer", "method", c.Request().Method, "path", c.Request().URL.Path, "err", err)
		c.Response().WriteHeader(499)
		return
	}
	code, msg := plancast.ErrorCode(err), plancast.ErrorMessage(err)
	status := statusOf[code]
	var he *echo.HTTPError
	if errors.As(err, &he) {
		status, code = he.Code, codeOfStatus(he.Code)
		msg = http.StatusText(he.Code)
		if m, ok := he.Message.(string); ok && m != "" {
			msg = m
		}
		if status == http.StatusRequestEntityTooLarge && msg == http.StatusText(he.Code) {
			// Echo's body limit says no more than the status; a route with
			// a lower limit of its own (the report reader's) says it.
			msg = fmt.Sprintf("request body is larger than this server's limit of %s; send the figures in smaller files, each a batch of its own", humanBytes(s.cfg.BodyLimit))
		}
		// A path some route takes with another method: 405 naming them,
		// not the 404 a group's catch-all answers (methods.go).
		if status == http.StatusNotFound || status == http.StatusMethodNotAllowed {
			r := c.Request()
			if allowed := s.methods.allowedMethods(r); len(allowed) > 0 {
				status, code = http.StatusMethodNotAllowed, plancast.EINVALID
				c.Response().Header().Set(echo.HeaderAllow, strings.Join(allowed, ", "))
				msg = fmt.Sprintf("%s %s: this path takes %s, not %s", r.Method, r.URL.Path, joinAnd(allowed), r.Method)
			}
		}
	}
	if code == plancast.EINTERNAL {
		// With the request's id, as its access line and its answer's
		// X-Request-Id have it: the id a client quotes finds the cause.
		s.log.Error("internal error", "id", c.Response().Header().Get(echo.HeaderXRequestID), "method", c.Request().Method, "path", c.Request().URL.Path, "err", err)
	}
	if c.Request().Method == http.MethodHead {
		// The GET's type, without its content (methods.go).
		c.Response().Header().Set(echo.HeaderContentType, echo.MIMEApplicationJSON)
		_ = c.NoContent(status)
		return
	}
	_ = c.JSON(status, ErrorResponse{Error: ErrorBody{Code: code, Message: msg}})
}

// clientGone reports whether err is the request's own cancellation: the
// client went away while the handler read the store (which then says
// "context canceled"), so the error is no fault of this server's.
func clientGone(c echo.Context, err error) bool {
	if !errors.Is(c.Request().Context().Err(), context.Canceled) {
		return false
	}
	return errors.Is(err, context.Canceled) || strings.Contains(err.Error(), context.Canceled.Error())
}

// humanBytes writes a size as people read it: "32 MiB", "512 KiB", "1000
// bytes".
func humanBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
