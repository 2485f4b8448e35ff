package api

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// Health is the /healthz answer.
type Health struct {
	Status      string `json:"status"` // "ok" or "degraded"
	DataVersion string `json:"data_version,omitempty"`
	Error       string `json:"error,omitempty"`
}

func (s *Server) getHealth(c echo.Context) error {
	v, err := s.cfg.Store.DataVersion(c.Request().Context())
	if err != nil {
		return c.JSON(http.StatusServiceUnavailable, Health{Status: "degraded", Error: err.Error()})
	}
	return c.JSON(http.StatusOK, Health{Status: "ok", DataVersion: v})
}
