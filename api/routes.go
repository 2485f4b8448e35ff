package api

// routes registers every route. Keep this the one list: the OpenAPI test
// compares it with the document.
func (s *Server) routes() {
	e := s.echo
	e.GET("/healthz", s.getHealth)
	e.GET("/metrics", s.metrics.handler())
	e.GET("/", s.getDashboard, s.requireRead)

	v1 := e.Group("/api/v1")
	v1.GET("/openapi.json", s.getOpenAPI)

	read := v1.Group("", s.requireRead)
	read.GET("/regions", s.getRegions)
	read.GET("/indicators", s.getIndicators)
	read.GET("/series/:region/:indicator", s.getSeries)
	read.GET("/series/:region/:indicator/projection", s.getProjection)
	read.GET("/regions/:region/assessment", s.getRegionAssessment)
	read.GET("/assessment", s.getAllAssessment)
	read.GET("/targets", s.getTargets)

	chartRoutes := e.Group("/charts", s.requireRead)
	chartRoutes.GET("/compare/:file", s.getCompareChart)
	chartRoutes.GET("/:region/:file", s.getChart)

	// Writes authenticate with their own write tokens.
	v1.POST("/targets", s.postTargets)
	v1.POST("/observations", s.postObservations)
	v1.POST("/reports/extract", s.postReportExtract)
}
