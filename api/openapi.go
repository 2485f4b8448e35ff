package api

import (
	_ "embed"
	"net/http"

	"github.com/labstack/echo/v4"
)

// openAPIDoc is the OpenAPI 3 description of every route (openapi.json
// beside this file; TestOpenAPIMatchesRoutes keeps the two in step).
//
//go:embed openapi.json
var openAPIDoc []byte

func (s *Server) getOpenAPI(c echo.Context) error {
	return c.Blob(http.StatusOK, echo.MIMEApplicationJSON, openAPIDoc)
}
