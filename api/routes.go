package api

import "strings"

// routes registers every route. Keep this the one list: the OpenAPI test
// compares it with the document.
//
// Each route names the query parameters it reads (takes); any other is
// refused with 400, so that a misspelt one (?unit= for ?units=) is said,
// not answered as if nothing had been asked. The dashboard alone is
// lenient: links to it are shared, and collect parameters on the way
// (WeChat adds from=singlemessage&isappinstalled=0, others utm_source), and
// the page shows plainly what it answers. So are the health check and the
// metrics, which read no parameter to misspell and are polled by tools an
// operator configures once: a probe refused for a parameter it adds would
// take a healthy server out of its load balancer.
func (s *Server) routes() {
	e := s.echo
	e.GET("/healthz", s.getHealth)
	e.GET("/metrics", s.metrics.handler())
	// The browser's icon, asked for by every page it opens here; it says
	// nothing of the data, so it needs no token (favicon.go).
	e.GET("/favicon.ico", s.getFavicon, takes())
	// The dashboard says its data version as the JSON reads do; a browser
	// refused for want of a read token is told so in a page, not in JSON.
	// It reads lang and region.
	e.GET("/", s.getDashboard, s.browserUnauthorized, s.requireRead, s.withDataVersion)
	// A browser cannot add the read token's header to a page and its
	// images: the 401 page's form signs it in with a cookie (signin.go).
	// The address to go back to is a form field (next), not a parameter.
	e.POST("/signin", s.postSignIn, sameOriginForm, takes())
	e.POST("/signout", s.postSignOut, sameOriginForm, takes())

	v1 := e.Group("/api/v1")
	// The API's root says what it is and lists its routes, with or without
	// the trailing slash (a developer types either); like the document it
	// is drawn from, it needs no token.
	v1.GET("", s.getIndex, takes())
	v1.GET("/", s.getIndex, takes())
	v1.GET("/openapi.json", s.getOpenAPI, takes())

	// A browser opening a read route (a chart link, a download) without
	// the read token gets the dashboard's 401 page and its form, which
	// brings it back to the address once signed in; API clients get JSON.
	read := v1.Group("", s.browserUnauthorized, s.requireRead, s.withDataVersion)
	read.GET("/regions", s.getRegions, takes())
	read.GET("/indicators", s.getIndicators, takes())
	read.GET("/series/:region/:indicator", s.getSeries, takes("from", "to", "period", "as_of", "units", "format", "lang"))
	read.GET("/series/:region/:indicator/projection", s.getProjection, takes("horizon", "method", "as_of", "format", "lang"))
	read.GET("/series/:region/:indicator/revisions", s.getRevisions, takes("from", "to", "period", "as_of", "format", "lang"))
	read.GET("/regions/:region/assessment", s.getRegionAssessment, takes("plan", "as_of", "format", "lang"))
	read.GET("/regions/:region/assessment/trail", s.getAssessmentTrail, takes("indicator", "plan", "format", "lang"))
	read.GET("/assessment", s.getAllAssessment, takes("plan", "indicator", "as_of", "format", "lang"))
	read.GET("/targets", s.getTargets, takes("region", "indicator", "plan", "as_of", "versions", "format", "lang"))

	chartRoutes := e.Group("/charts", s.browserUnauthorized, s.requireRead, s.withDataVersion)
	chartRoutes.GET("/compare/:file", s.getCompareChart, takes("regions", "width", "height", "from", "horizon", "lang", "as_of"))
	chartRoutes.GET("/:region/:file", s.getChart, takes("width", "height", "from", "horizon", "lang", "as_of"))

	// Writes authenticate with their own write tokens. Pushes and
	// withdrawals read dry_run and accept_jumps (applyBatch); pushes the
	// defaults of rows that lack them (region, published), the sheet of an
	// XLSX file (or all_sheets) and the file's name for its problems.
	v1.POST("/targets", s.postTargets, takes("region", "sheet", "all_sheets", "filename", "published", "dry_run", "accept_jumps"))
	v1.DELETE("/targets/:region/:indicator/:plan/:year", s.deleteTarget, takes("kind", "reason", "published", "dry_run", "accept_jumps"))
	v1.POST("/observations", s.postObservations, takes("region", "sheet", "all_sheets", "filename", "published", "dry_run", "accept_jumps", "plan_tables"))
	v1.DELETE("/observations/:region/:indicator/:year", s.deleteObservation, takes("period", "reason", "published", "dry_run", "accept_jumps"))
	v1.POST("/reports/extract", s.postReportExtract, takes("region", "year", "document", "commit", "accept_jumps"))
	// The backup is read with an admin write token: it holds everything.
	v1.GET("/backup", s.getBackup, takes())
	// Tokens are listed, created and revoked with an admin write token;
	// the answers name who may push and carry secrets: never cached.
	v1.GET("/tokens", s.getTokens, noStore, takes())
	v1.POST("/tokens", s.postTokens, noStore, takes())
	v1.DELETE("/tokens/:id", s.deleteToken, noStore, takes())
}

// Route is a registered method and path, in OpenAPI's {param} form.
type Route struct{ Method, Path string }

// Routes lists the registered routes (for the OpenAPI test and the docs).
func (s *Server) Routes() []Route {
	var out []Route
	for _, r := range s.echo.Routes() {
		parts := strings.Split(r.Path, "/")
		for i, p := range parts {
			if strings.HasPrefix(p, ":") {
				parts[i] = "{" + p[1:] + "}"
			}
		}
		out = append(out, Route{Method: r.Method, Path: strings.Join(parts, "/")})
	}
	return out
}
