package api

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/plancast/plancast"
)

// Health is the /healthz answer. Status is "ok"; "degraded" when the backend
// is unreachable or its small read fails (Store.Error says why), or pushes
// wait in the spool (the server still answers the probe: 200); "down" when the store cannot serve at all (503).
type Health struct {
	Status      string                `json:"status"`
	DataVersion string                `json:"data_version,omitempty"`
	Store       *plancast.StoreStatus `json:"store,omitempty"`
	Error       string                `json:"error,omitempty"`
	Backup      *BackupStatus         `json:"backup,omitempty"` // serve --backup-dir; a failed copy does not make the server degraded
	Build       Build                 `json:"build"`            // which build answers, in every answer: a probe tells a rolled-out replica from one left behind
}

func (s *Server) getHealth(c echo.Context) error {
	ctx := c.Request().Context()
	var h Health
	if r, ok := s.cfg.Store.(plancast.StatusReporter); ok {
		// Each backend's Status makes a small real read (the embedded
		// store: its catalog and each bucket's ends; InfluxDB: the
		// bucket): being open or answering /ping is not being readable.
		st := r.Status(ctx)
		h = Health{Status: "ok", Store: &st, Build: CurrentBuild()}
		if !st.Reachable || st.Queued > 0 || st.Dead > 0 {
			h.Status = "degraded"
		}
		if st.Reachable {
			h.DataVersion, _ = s.cfg.Store.DataVersion(ctx)
		}
	} else {
		v, err := s.cfg.Store.DataVersion(ctx)
		if err != nil {
			return c.JSON(http.StatusServiceUnavailable, Health{Status: "down", Error: plancast.ErrorMessage(err), Build: CurrentBuild()})
		}
		h = Health{Status: "ok", DataVersion: v, Build: CurrentBuild()}
	}
	if s.cfg.Backups != nil {
		b := s.cfg.Backups()
		h.Backup = &b
	}
	return c.JSON(http.StatusOK, h)
}
