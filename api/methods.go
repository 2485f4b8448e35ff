package api

import (
	"net/http"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"
)

// HEAD and the wrong method.
//
// Echo registers only the methods a route names, and a group with
// middleware catches every unmatched request under it as not found. So
// `curl -I` on a chart answered 404, as if the chart did not exist, and PUT
// on /api/v1/targets answered 404 where RFC 9110 §15.5.6 asks for 405 with
// the methods the path takes. Here a HEAD is answered as its GET (the
// server sends no body for it), and a request whose path some route takes
// with another method gets 405 and an Allow header.

// headContextKey marks a request that came as HEAD and is routed as GET.
const headContextKey = "plancast.head"

// headAsGet routes a HEAD request as its GET (RFC 9110 §9.3.2: the same
// header fields, no content). It runs before routing; restoreHead, the
// first middleware after it, gives the request its method back before any
// handler runs, so that net/http sends no body and the handlers' HEAD cases
// (an error answer without its JSON) hold.
func headAsGet(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if r := c.Request(); r.Method == http.MethodHead {
			r.Method = http.MethodGet
			c.Set(headContextKey, true)
		}
		return next(c)
	}
}

// restoreHead undoes headAsGet once the route is found.
func restoreHead(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if head, _ := c.Get(headContextKey).(bool); head {
			c.Request().Method = http.MethodHead
		}
		return next(c)
	}
}

// routePattern is a registered route's path split at its slashes: a
// segment starting with ":" stands for any one segment, "*" for the rest.
type routePattern struct {
	method string
	segs   []string
}

// methodTable is every route's method and pattern, for allowedMethods.
type methodTable []routePattern

// newMethodTable reads the routes registered on e; it is built once, after
// routes().
func newMethodTable(e *echo.Echo) methodTable {
	var t methodTable
	for _, r := range e.Routes() {
		switch r.Method {
		case http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete:
			t = append(t, routePattern{r.Method, strings.Split(r.Path, "/")})
		}
	}
	return t
}

// allowedMethods is the methods some route takes path with, sorted, HEAD
// beside GET; none when no route takes it.
func (t methodTable) allowedMethods(path string) []string {
	segs := strings.Split(path, "/")
	var methods []string
	for _, r := range t {
		if r.matches(segs) && !slices.Contains(methods, r.method) {
			methods = append(methods, r.method)
			if r.method == http.MethodGet {
				methods = append(methods, http.MethodHead)
			}
		}
	}
	slices.Sort(methods)
	return methods
}

func (r routePattern) matches(segs []string) bool {
	for i, p := range r.segs {
		switch {
		case p == "*":
			return true
		case i >= len(segs):
			return false
		case strings.HasPrefix(p, ":"):
			if segs[i] == "" {
				return false
			}
		case p != segs[i]:
			return false
		}
	}
	return len(segs) == len(r.segs)
}
