package api

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/ingest"
)

// getTargets lists the targets in force (now, or as of ?as_of=), or with
// ?versions=all every version of each, withdrawals too, in the order they
// took effect and the one in force marked; format=csv or xlsx downloads
// either as a table.
func (s *Server) getTargets(c echo.Context) error {
	ctx := c.Request().Context()
	f := plancast.TargetFilter{Region: c.QueryParam("region")}
	// A filter on a code the catalog lacks is a 404 naming the near codes,
	// not an empty list that reads as "no targets".
	if f.Region != "" {
		if _, err := s.region(c, f.Region); err != nil {
			return err
		}
	}
	var err error
	if f.Indicator, err = s.indicatorParam(c); err != nil {
		return err
	}
	if f.Plan, err = planParam(c); err != nil {
		return err
	}
	if f.AsOf, err = asOfParam(c); err != nil {
		return err
	}
	versions := false
	switch v := c.QueryParam("versions"); v {
	case "", "current":
	case "all":
		versions = true
	default:
		return plancast.Errorf(plancast.EINVALID, "versions=%q must be current (the targets in force, the default) or all (every version)", v)
	}
	format, lang, err := downloadParams(c)
	if err != nil {
		return err
	}
	var rows []plancast.TargetVersion
	if versions {
		stored, err := s.cfg.Store.TargetVersions(ctx, f)
		if err != nil {
			return err
		}
		rows = plancast.TargetHistory(stored, f)
	} else {
		ts, err := s.cfg.Store.Targets(ctx, f)
		if err != nil {
			return err
		}
		if format == formatJSON {
			return c.JSON(http.StatusOK, map[string]any{"targets": listOf(ts)})
		}
		for _, t := range ts {
			rows = append(rows, plancast.TargetVersion{Target: t, InForce: true})
		}
	}
	if format == formatJSON {
		return c.JSON(http.StatusOK, map[string]any{"targets": listOf(rows)})
	}
	cat, err := s.catalog(ctx)
	if err != nil {
		return err
	}
	body, err := targetsTable(rows, cat, lang).render(format)
	if err != nil {
		return err
	}
	return sendTable(c, body, targetsFile(f, versions), format)
}

// postTargets takes targets as JSON (a list of targets, or a bundle with
// "targets"), CSV or XLSX, through the same validated path as observations.
func (s *Server) postTargets(c echo.Context) error {
	return s.push(c, true, func(b *ingest.Batch) error {
		if len(b.Observations) > 0 {
			return figuresOnTargetsRoute(c, b)
		}
		// A body that holds nothing at all is refused by ingest.Apply,
		// naming the file.
		if len(b.Targets) == 0 && len(b.Problems) == 0 && len(b.EmptyFiles()) == 0 {
			return plancast.Errorf(plancast.EINVALID, "%s holds no targets; nothing was written", strings.Join(b.Files, ", "))
		}
		return nil
	})
}

// figuresOnTargetsRoute refuses a push to the targets route that holds
// figures, at the first of them (file, sheet, row), naming the tables
// that hold them and the route that takes them: the figures route, and,
// for a push that holds targets too (a workbook of a sheet of figures and
// a plan's targets table, all_sheets=true), the figures route with
// plan_tables=true, which takes both in one push. It answered "this route
// takes targets" and nothing more.
func figuresOnTargetsRoute(c echo.Context, b *ingest.Batch) error {
	fr := b.FiguresAt()
	o := fr.First
	held := ""
	if fr.N > 1 {
		held = fmt.Sprintf(" (%d figures, in %s)", fr.N, strings.Join(fr.Tables, ", "))
	}
	msg := fmt.Sprintf("%s: %s %s %d is a figure%s, and this route takes targets only: ", fr.At, o.Region, o.Indicator, o.Year, held)
	if len(b.Targets) == 0 {
		return plancast.Errorf(plancast.EINVALID, "%s", msg+"push figures to POST /api/v1/observations")
	}
	var q []string // the sheets asked for, as here
	if c.QueryParam("all_sheets") != "" {
		q = append(q, "all_sheets="+c.QueryParam("all_sheets"))
	}
	if c.QueryParam("sheet") != "" {
		q = append(q, "sheet="+c.QueryParam("sheet"))
	}
	q = append(q, "plan_tables=true")
	return plancast.Errorf(plancast.EINVALID, "%spush the figures and the targets together to POST /api/v1/observations?%s (the other parameters as here), "+
		"which takes both, a plan's targets table too; or push here only the tables of targets", msg, strings.Join(q, "&"))
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
	code, ok := planCode(plan)
	if !ok {
		return plancast.Errorf(plancast.EINVALID, "plan %q must look like 14th-fyp or 2021-annual%s", plan, plancast.PlanHint(plan))
	}
	plan = code
	// A kind that no target can have is a mistake in the request, not a
	// target that is missing: said before the store is asked, so that
	// ?kind=lvl is not answered "no lvl target is stored".
	if kind != "" && !slices.Contains(plancast.TargetKinds, kind) {
		hint := ""
		if near := nearestName(kind, plancast.TargetKinds); near != "" {
			hint = fmt.Sprintf("; did you mean %q?", near)
		}
		return plancast.Errorf(plancast.EINVALID, "kind=%q must be one of %s%s", kind, strings.Join(plancast.TargetKinds, ", "), hint)
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

// listOf is s, or an empty list for nil: JSON answers [] rather than null.
func listOf[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
