package api

// routes registers every route. Keep this the one list: the OpenAPI test
// compares it with the document.
func (s *Server) routes() {
	e := s.echo
	e.GET("/healthz", s.getHealth)

	v1 := e.Group("/api/v1")
	v1.GET("/series/:region/:indicator", s.getSeries)
}
