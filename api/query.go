package api

import (
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/plancast/plancast"
)

// takes is the middleware of a route that reads the query parameters names
// and no other (routes.go lists them beside each route). A parameter it does
// not read is refused with 400 before anything else is done, naming it, the
// one meant when it is near one of names, and names: a handler that ignored
// it would answer as if nothing had been asked (?unit=pch for ?units=pch
// answers the levels).
func takes(names ...string) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if err := checkQuery(c, names); err != nil {
				return err
			}
			return next(c)
		}
	}
}

// checkQuery refuses a query naming a parameter not in names, one Go
// cannot read whole (url.ParseQuery skips a part with a ";" and Echo's
// QueryParam would answer without it), or one giving a parameter twice.
func checkQuery(c echo.Context, names []string) error {
	req := c.Request()
	route := req.Method + " " + req.URL.Path
	q, err := url.ParseQuery(req.URL.RawQuery)
	if err != nil {
		raw := req.URL.RawQuery
		if len(raw) > 200 {
			raw = strings.ToValidUTF8(raw[:200], "") + "…"
		}
		return plancast.Errorf(plancast.EINVALID, "%s: the query %q cannot be read (%v); separate parameters with &, and write ; or %% in a value as %%3B or %%25", route, raw, err)
	}
	var unknown []string
	for name := range q {
		if !slices.Contains(names, name) {
			unknown = append(unknown, name)
		}
	}
	if len(unknown) == 0 {
		return repeated(route, q)
	}
	slices.Sort(unknown)
	named := make([]string, len(unknown))
	for i, name := range unknown {
		named[i] = fmt.Sprintf("%q", name)
		if near := nearestName(name, names); near != "" {
			named[i] += fmt.Sprintf(" (did you mean %q?)", near)
		}
	}
	what := "unknown query parameter " + named[0]
	if len(named) > 1 {
		what = "unknown query parameters " + joinAnd(named)
	}
	if len(names) == 0 {
		return plancast.Errorf(plancast.EINVALID, "%s: %s takes no query parameters", what, route)
	}
	return plancast.Errorf(plancast.EINVALID, "%s: %s takes %s", what, route, strings.Join(names, ", "))
}

// repeated refuses a query that gives a parameter more than once: every
// handler reads the first value (Echo's QueryParam), so
// ?dry_run=false&dry_run=true would write while its sender meant a dry
// run. The first such parameter, by name, is named with its values.
func repeated(route string, q url.Values) error {
	names := make([]string, 0, len(q))
	for name, values := range q {
		if len(values) > 1 {
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		return nil
	}
	slices.Sort(names)
	name := names[0]
	values := make([]string, len(q[name]))
	for i, v := range q[name] {
		if len(v) > 40 {
			v = strings.ToValidUTF8(v[:40], "") + "…"
		}
		values[i] = fmt.Sprintf("%q", v)
	}
	hint := "give it once"
	if name == "regions" {
		hint = "list the regions in one, comma-separated (regions=houma,quwo)"
	}
	return plancast.Errorf(plancast.EINVALID, "%s: the query parameter %q is given %d times (%s); %s", route, name, len(values), strings.Join(values, ", "), hint)
}
