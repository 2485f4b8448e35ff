package api

import (
	"net/http"
	"slices"
	"strings"
	"time"

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
	var err error
	if f.AsOf, err = asOfParam(c); err != nil {
		return err
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

// deleteTarget withdraws one target: DELETE
// /api/v1/targets/{region}/{indicator}/{plan}/{year}?kind=&published=&reason=
// (kind may be left out when the plan sets one target for that indicator and
// year; published, the date the withdrawal takes effect, defaults to today).
// Answers with the ingest report; 404 when no such target is stored.
func (s *Server) deleteTarget(c echo.Context) error {
	w, err := s.withdrawalOf(c)
	if err != nil {
		return err
	}
	plan, kind := c.Param("plan"), c.QueryParam("kind")
	if !plancast.ValidPlan(plan) {
		return plancast.Errorf(plancast.EINVALID, "plan %q must look like 14th-fyp or 2021-annual", plan)
	}
	stored, err := s.cfg.Store.Targets(c.Request().Context(), plancast.TargetFilter{Region: w.region, Indicator: w.indicator, Plan: plan})
	if err != nil {
		return err
	}
	match := slices.DeleteFunc(stored, func(t plancast.Target) bool { return t.Year != w.year || (kind != "" && t.Kind != kind) })
	switch {
	case len(match) == 0 && kind != "":
		return plancast.Errorf(plancast.ENOTFOUND, "no %s target of %s/%s in %s for %d is stored: nothing to withdraw", kind, w.region, w.indicator, plan, w.year)
	case len(match) == 0:
		return plancast.Errorf(plancast.ENOTFOUND, "no target of %s/%s in %s for %d is stored: nothing to withdraw", w.region, w.indicator, plan, w.year)
	case len(match) > 1:
		kinds := make([]string, len(match))
		for i, t := range match {
			kinds[i] = t.Kind
		}
		return plancast.Errorf(plancast.EINVALID, "%s/%s has %d targets in %s for %d (%s): say which with ?kind=", w.region, w.indicator, len(match), plan, w.year, strings.Join(kinds, ", "))
	}
	t := match[0]
	t.Withdrawn = true
	t.Source = w.source
	t.Published, t.Recorded = w.published, time.Time{}
	return s.applyBatch(c, &ingest.Batch{Files: []string{"withdrawal"}, Targets: []plancast.Target{t}})
}
