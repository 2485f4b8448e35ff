package api

import (
	"net/http"
	"slices"

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

// methodTable is every registered route, by "METHOD /path" as Echo names
// it, for allowedMethods to tell a route from a group's catch-all.
type methodTable struct {
	echo   *echo.Echo
	routes map[string]bool
}

// newMethodTable reads the routes registered on e; it is built once, after
// routes().
func newMethodTable(e *echo.Echo) methodTable {
	t := methodTable{echo: e, routes: map[string]bool{}}
	for _, r := range e.Routes() {
		t.routes[r.Method+" "+r.Path] = true
	}
	return t
}

// allowedMethods is the methods some route takes r's path with, sorted,
// HEAD beside GET; none when no route takes it. Echo's own router finds the
// route for each method, as it would route the request: the route it finds
// is one of those registered for that method, not a group's catch-all.
func (t methodTable) allowedMethods(r *http.Request) []string {
	var methods []string
	for _, m := range []string{http.MethodDelete, http.MethodGet, http.MethodPatch, http.MethodPost, http.MethodPut} {
		c := t.echo.NewContext(r, nil)
		t.echo.Router().Find(m, echo.GetPath(r), c)
		if t.routes[m+" "+c.Path()] {
			methods = append(methods, m)
			if m == http.MethodGet {
				methods = append(methods, http.MethodHead)
			}
		}
	}
	slices.Sort(methods)
	return methods
}
