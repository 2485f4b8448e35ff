package api

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/charts"
	"github.com/plancast/plancast/forecast"
)

// chartParams are the query parameters every chart takes.
type chartParams struct {
	width, height, from, horizon int
	lang                         string
	asOf                         plancast.Date // the data as it stood then (?as_of=)
}

func readChartParams(c echo.Context) (chartParams, error) {
	p := chartParams{lang: c.QueryParam("lang")}
	ints := []struct {
		name     string
		dst      *int
		min, max int
	}{
		{"width", &p.width, charts.MinWidth, charts.MaxWidth},
		{"height", &p.height, charts.MinHeight, charts.MaxHeight},
		{"from", &p.from, plancast.MinYear, plancast.MaxYear},
		{"horizon", &p.horizon, 0, maxHorizon},
	}
	for _, f := range ints {
		v := c.QueryParam(f.name)
		if v == "" {
			continue
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < f.min || n > f.max {
			return p, plancast.Errorf(plancast.EINVALID, "%s=%q must be a whole number from %d to %d", f.name, v, f.min, f.max)
		}
		*f.dst = n
	}
	if p.lang != "" && p.lang != charts.LangEn && p.lang != charts.LangZh {
		return p, plancast.Errorf(plancast.EINVALID, "lang=%q must be en or zh", p.lang)
	}
	var err error
	p.asOf, err = asOfParam(c)
	return p, err
}

// splitChartFile turns "gdp.png" into ("gdp", "png").
func splitChartFile(file string) (name, format string, err error) {
	ext := path.Ext(file)
	format = strings.TrimPrefix(ext, ".")
	if err := charts.ValidFormat(format); err != nil || ext == "" {
		return "", "", plancast.Errorf(plancast.EINVALID, "chart %q must end in .png or .svg", file)
	}
	return strings.TrimSuffix(file, ext), format, nil
}

// getChart renders GET /charts/{region}/{indicator}.png|svg.
func (s *Server) getChart(c echo.Context) error {
	ctx := c.Request().Context()
	regionCode := c.Param("region")
	indicator, format, err := splitChartFile(c.Param("file"))
	if err != nil {
		return err
	}
	p, err := readChartParams(c)
	if err != nil {
		return err
	}
	region, err := s.region(c, regionCode)
	if err != nil {
		return err
	}
	ind, err := s.lookupIndicator(ctx, indicator)
	if err != nil {
		return err
	}
	// dueKey: a year ending changes the years the chart marks as ended
	// without a figure, with no write to move the data version
	key := "chart\x00" + c.Request().URL.Path + "\x00" + c.Request().URL.RawQuery + dueKey(p.asOf)
	return s.serveChart(c, key, format, func(ctx context.Context) ([]byte, error) {
		spec, err := s.chartSpec(ctx, region, ind, p)
		if err != nil {
			return nil, err
		}
		var buf bytes.Buffer
		if err := charts.RenderContext(ctx, &buf, spec, format); err != nil {
			return nil, err
		}
		return buf.Bytes(), nil
	})
}

func (s *Server) chartSpec(ctx context.Context, region plancast.Region, ind plancast.Indicator, p chartParams) (charts.Spec, error) {
	series, err := s.cfg.Store.Series(ctx, plancast.SeriesQuery{Region: region.Code, Indicator: ind.Code, AsOf: p.asOf})
	if plancast.ErrorCode(err) == plancast.ENOTFOUND {
		return charts.Spec{}, s.noYearlyFigures(ctx, region.Code, ind.Code, p.asOf, err, "charted")
	}
	if err != nil {
		return charts.Spec{}, err
	}
	targets, err := s.chartTargets(ctx, region, ind, p.asOf)
	if err != nil {
		return charts.Spec{}, err
	}
	// projected from the latest real figure: an estimate of the year in
	// progress is not one (projectSeries; the chart draws it apart)
	figures, _ := forecast.WithoutEarlyEstimate(series)
	horizon := chartHorizon(p.horizon, figures, targets)
	spec := charts.Spec{Region: region, Indicator: ind, History: series.Observations, Stated: series.StatedGrowths(), Targets: targets,
		Width: p.width, Height: p.height, Lang: p.lang, From: p.from, AsOf: p.asOf, Today: plancast.Today()}
	toDate, err := plancast.ReadYearToDate(ctx, s.cfg.Store, series.Key(), ind, p.asOf)
	if err != nil {
		return charts.Spec{}, err
	}
	spec.YearToDate = toDate // a growth target after the latest figure is ringed where the assessment judges it
	// A series too short to project is still drawn, without a fan.
	if proj, err := s.projectSeries(ind, series, toDate, horizon, forecast.MethodAuto, p.asOf); err == nil {
		spec.Projection = proj
	}
	return spec, nil
}

// chartTargets are the targets a chart of ind in region draws: the
// region's targets for the indicator in force as of asOf (the latest when
// zero).
func (s *Server) chartTargets(ctx context.Context, region plancast.Region, ind plancast.Indicator, asOf plancast.Date) ([]plancast.Target, error) {
	targets, err := s.cfg.Store.Targets(ctx, plancast.TargetFilter{Region: region.Code, Indicator: ind.Code, AsOf: asOf})
	if err != nil {
		return nil, fmt.Errorf("read the targets of %s/%s: %w", region.Code, ind.Code, err)
	}
	return targets, nil
}

// chartHorizon is how many years a chart projects series: those asked
// for, or by default far enough to reach every target.
func chartHorizon(asked int, series *plancast.Series, targets []plancast.Target) int {
	if asked != 0 {
		return asked
	}
	return forecast.HorizonToTargets(series.Observations[len(series.Observations)-1].Year, targets, maxHorizon)
}

// getCompareChart renders GET /charts/compare/{indicator}.png?regions=a,b.
func (s *Server) getCompareChart(c echo.Context) error {
	ctx := c.Request().Context()
	indicator, format, err := splitChartFile(c.Param("file"))
	if err != nil {
		return err
	}
	p, err := readChartParams(c)
	if err != nil {
		return err
	}
	ind, err := s.lookupIndicator(ctx, indicator)
	if err != nil {
		return err
	}
	codes := strings.Split(c.QueryParam("regions"), ",")
	if c.QueryParam("regions") == "" || len(codes) > charts.MaxCompareSeries {
		return plancast.Errorf(plancast.EINVALID, "regions= must list 1 to %d region codes separated by commas", charts.MaxCompareSeries)
	}
	// A region listed twice would be drawn twice, in two colours, with
	// two legend entries and its sentences said twice.
	for i := range codes {
		codes[i] = strings.TrimSpace(codes[i])
		if slices.Contains(codes[:i], codes[i]) {
			return plancast.Errorf(plancast.EINVALID, "regions=: %q is listed twice; list each region once", codes[i])
		}
	}
	key := "compare\x00" + c.Request().URL.Path + "\x00" + c.Request().URL.RawQuery + dueKey(p.asOf) // as getChart's
	return s.serveChart(c, key, format, func(ctx context.Context) ([]byte, error) {
		spec := charts.CompareSpec{Indicator: ind, Width: p.width, Height: p.height, Lang: p.lang, From: p.from, Horizon: p.horizon, AsOf: p.asOf, Today: plancast.Today()}
		var withoutFigures []string
		for _, code := range codes {
			region, err := s.region(c, code)
			if err != nil {
				return nil, err
			}
			rs, err := s.compareRegion(ctx, region, ind, p)
			if err != nil {
				return nil, err
			}
			if len(rs.History) == 0 {
				withoutFigures = append(withoutFigures, region.Code)
			}
			spec.Series = append(spec.Series, rs)
		}
		if len(withoutFigures) == len(spec.Series) {
			return nil, plancast.Errorf(plancast.ENOTFOUND, "no region asked for has yearly %s figures: %s", ind.Code, strings.Join(withoutFigures, ", "))
		}
		var buf bytes.Buffer
		if err := charts.RenderCompareContext(ctx, &buf, spec, format); err != nil {
			return nil, err
		}
		return buf.Bytes(), nil
	})
}

// compareRegion reads a region's line of a comparison as the single chart
// reads its series: the yearly figures, their projection and the targets in
// force, as of p.asOf. A region without yearly figures comes back with no
// History (and nothing else), for the chart to name rather than draw.
func (s *Server) compareRegion(ctx context.Context, region plancast.Region, ind plancast.Indicator, p chartParams) (charts.RegionSeries, error) {
	rs := charts.RegionSeries{Region: region}
	series, err := s.cfg.Store.Series(ctx, plancast.SeriesQuery{Region: region.Code, Indicator: ind.Code, AsOf: p.asOf})
	switch {
	case plancast.ErrorCode(err) == plancast.ENOTFOUND:
		return rs, nil
	case err != nil:
		return rs, fmt.Errorf("read %s/%s for a comparison: %w", region.Code, ind.Code, err)
	case len(series.Observations) == 0:
		return rs, nil
	}
	targets, err := s.chartTargets(ctx, region, ind, p.asOf)
	if err != nil {
		return rs, err
	}
	rs.History, rs.Stated, rs.Targets = series.Observations, series.StatedGrowths(), targets
	// the months a growth target after the latest figure is judged on, for
	// its ring to sit where the single chart's does
	if rs.YearToDate, err = plancast.ReadYearToDate(ctx, s.cfg.Store, series.Key(), ind, p.asOf); err != nil {
		return rs, err
	}
	// projected at least defaultHorizon years, whatever is shown (p.horizon crops the chart)
	figures, _ := forecast.WithoutEarlyEstimate(series) // as chartSpec's
	horizon := max(chartHorizon(p.horizon, figures, targets), defaultHorizon)
	if proj, err := s.projectSeries(ind, series, nil, horizon, forecast.MethodAuto, p.asOf); err == nil {
		rs.Projection = proj
	}
	return rs, nil
}

// chartTimeLimit bounds the time a chart takes to be read and drawn
// (serveChart), in nanoseconds: 20 s, where a chart takes some 50 ms and
// the largest a few hundred. (Atomic so that a test may lower it.)
var chartTimeLimit = func() *atomic.Int64 {
	var d atomic.Int64
	d.Store(int64(20 * time.Second))
	return &d
}()

// serveChart answers from the cache with an ETag of the data version and the
// request, so that a client revalidating an unchanged chart gets 304. Only a
// chart is marked cacheable, never an error; and behind a read token only by
// the client itself (private), so that a shared cache does not hand it to
// whoever asks without one.
//
// render reads and draws the chart under a context that ends when the
// client goes away or chartTimeLimit has passed; the drawing stops there
// (charts.RenderContext), on the request's goroutine, leaving nothing
// running. Past the limit the answer is 503 saying so, and the log says
// which chart; a client gone gets no answer, and the log says that too.
// Another request for the same chart waiting on this one's drawing
// (answerCache.Get) draws it again itself when this one's client went
// away: its own did not.
func (s *Server) serveChart(c echo.Context, key, format string, render func(ctx context.Context) ([]byte, error)) error {
	ctx := c.Request().Context()
	version, err := s.cache.Version(ctx)
	if err != nil {
		return err
	}
	sum := sha256.Sum256([]byte(version + "\x00" + key))
	etag := `"` + hex.EncodeToString(sum[:12]) + `"`
	cacheable := func() {
		h := c.Response().Header()
		h.Set("ETag", etag)
		if s.cfg.ReadToken != "" {
			h.Set("Cache-Control", "private, max-age=60, must-revalidate")
		} else {
			h.Set("Cache-Control", "public, max-age=60, must-revalidate")
		}
	}
	if match := c.Request().Header.Get("If-None-Match"); match != "" && strings.Contains(match, etag) {
		cacheable()
		return c.NoContent(http.StatusNotModified)
	}
	limit := time.Duration(chartTimeLimit.Load())
	limited := func() ([]byte, error) {
		rctx, cancel := context.WithTimeout(ctx, limit)
		defer cancel()
		return render(rctx)
	}
	body, err := s.cached(ctx, "chart", key, limited)
	if errors.Is(err, context.Canceled) && ctx.Err() == nil {
		// the drawing waited on was stopped by its own client's going
		body, err = s.cached(ctx, "chart", key, limited)
	}
	path := c.Request().URL.RequestURI()
	switch {
	case err == nil:
	case ctx.Err() != nil:
		s.log.Info("chart: the client went away; its drawing was stopped", "path", path)
		return plancast.Errorf(plancast.EUNAVAILABLE, "the chart %s was not drawn: the request was cancelled", path)
	case errors.Is(err, context.DeadlineExceeded):
		s.log.Warn("chart: the drawing ran past its time limit and was stopped", "path", path, "limit", limit.String())
		return plancast.Errorf(plancast.EUNAVAILABLE,
			"the chart %s took longer than %s to draw and was stopped; ask for it again, smaller (width=, height=) or over fewer years (from=, horizon=), and report it if it keeps happening", path, limit)
	default:
		return err
	}
	cacheable()
	return c.Blob(http.StatusOK, charts.ContentType(format), body)
}
