package api

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/ingest"
)

func (s *Server) getTargets(c echo.Context) error {
	f := plancast.TargetFilter{Region: c.QueryParam("region"), Indicator: c.QueryParam("indicator"), Plan: c.QueryParam("plan")}
	for name, v := range map[string]string{"region": f.Region, "indicator": f.Indicator} {
		if v != "" && !plancast.ValidCode(v) {
			return plancast.Errorf(plancast.EINVALID, "%s=%q is not a valid code", name, v)
		}
	}
	if f.Plan != "" && !plancast.ValidPlan(f.Plan) {
		return plancast.Errorf(plancast.EINVALID, "plan=%q must look like 14th-fyp or 2021-annual", f.Plan)
	}
	ts, err := s.cfg.Store.Targets(c.Request().Context(), f)
	if err != nil {
		return err
	}
	if ts == nil {
		ts = []plancast.Target{}
	}
	return c.JSON(http.StatusOK, map[string]any{"targets": ts})
}

// postTargets takes targets as JSON (a list of targets, or a bundle with
// "targets"), CSV or XLSX, through the same validated path as observations.
func (s *Server) postTargets(c echo.Context) error {
	return s.push(c, true, func(b *ingest.Batch) error {
		if len(b.Observations) > 0 {
			return plancast.Errorf(plancast.EINVALID, "this route takes targets; push figures to /api/v1/observations")
		}
		if len(b.Targets) == 0 && len(b.Problems) == 0 {
			return plancast.Errorf(plancast.EINVALID, "the body holds no targets")
		}
		return nil
	})
}
