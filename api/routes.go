package api

import "strings"

// routes registers every route. Keep this the one list: the OpenAPI test
// compares it with the document.
func (s *Server) routes() {
	e := s.echo
	e.GET("/healthz", s.getHealth)
	e.GET("/metrics", s.metrics.handler())
	// The dashboard says its data version as the JSON reads do; a browser
	// refused for want of a read token is told so in a page, not in JSON.
	e.GET("/", s.getDashboard, s.browserUnauthorized, s.requireRead, s.withDataVersion)

	v1 := e.Group("/api/v1")
	v1.GET("/openapi.json", s.getOpenAPI)

	read := v1.Group("", s.requireRead, s.withDataVersion)
	read.GET("/regions", s.getRegions)
	read.GET("/indicators", s.getIndicators)
	read.GET("/series/:region/:indicator", s.getSeries)
	read.GET("/series/:region/:indicator/projection", s.getProjection)
	read.GET("/series/:region/:indicator/revisions", s.getRevisions)
	read.GET("/regions/:region/assessment", s.getRegionAssessment)
	read.GET("/regions/:region/assessment/trail", s.getAssessmentTrail)
	read.GET("/assessment", s.getAllAssessment)
	read.GET("/targets", s.getTargets)

	chartRoutes := e.Group("/charts", s.requireRead, s.withDataVersion)
	chartRoutes.GET("/compare/:file", s.getCompareChart)
	chartRoutes.GET("/:region/:file", s.getChart)

	// Writes authenticate with their own write tokens.
	v1.POST("/targets", s.postTargets)
	v1.DELETE("/targets/:region/:indicator/:plan/:year", s.deleteTarget)
	v1.POST("/observations", s.postObservations)
	v1.DELETE("/observations/:region/:indicator/:year", s.deleteObservation)
	v1.POST("/reports/extract", s.postReportExtract)
	// The backup is read with an admin write token: it holds everything.
	v1.GET("/backup", s.getBackup)
	// Tokens are listed, created and revoked with an admin write token;
	// the answers name who may push and carry secrets: never cached.
	v1.GET("/tokens", s.getTokens, noStore)
	v1.POST("/tokens", s.postTokens, noStore)
	v1.DELETE("/tokens/:id", s.deleteToken, noStore)
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
