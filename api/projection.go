package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/forecast"
)

// Projection bounds.
const (
	defaultHorizon = forecast.DefaultHorizon
	maxHorizon     = forecast.MaxHorizon // the command line's too
)

func (s *Server) getProjection(c echo.Context) error {
	ctx := c.Request().Context()
	region, indicator := c.Param("region"), c.Param("indicator")
	horizon, err := horizonParam(c)
	if err != nil {
		return err
	}
	method, err := methodParam(c)
	if err != nil {
		return err
	}
	if _, err := s.region(c, region); err != nil {
		return err
	}
	ind, err := s.lookupIndicator(ctx, indicator)
	if err != nil {
		return err
	}
	format, lang, err := downloadParams(c)
	if err != nil {
		return err
	}
	asOf, err := asOfParam(c)
	if err != nil {
		return err
	}
	key := "projection\x00" + region + "\x00" + indicator + "\x00" + method + "\x00" + strconv.Itoa(horizon) + "\x00" + asOf.String()
	if format != formatJSON {
		// The download holds the observed years too, so it reads the series
		// itself and projects it (cached apart from the JSON answer).
		return s.download(c, key+"\x00"+lang, region+"_"+indicator+"_projection", format, func(version string) (*table, error) {
			series, p, err := s.project(ctx, region, ind, horizon, method, asOf)
			if err != nil {
				return nil, err
			}
			cat, err := s.catalog(ctx)
			if err != nil {
				return nil, err
			}
			return projectionTable(series, p, cat, lang, version), nil
		})
	}
	body, err := s.cached(ctx, "projection", key, func() ([]byte, error) {
		_, p, err := s.project(ctx, region, ind, horizon, method, asOf)
		if err != nil {
			return nil, err
		}
		return json.Marshal(p)
	})
	if err != nil {
		return err
	}
	return c.JSONBlob(http.StatusOK, body)
}

// project reads a series and its year to date (as of a date, when asOf is
// set) and projects it.
func (s *Server) project(ctx context.Context, region string, ind plancast.Indicator, horizon int, method string, asOf plancast.Date) (*plancast.Series, *plancast.Projection, error) {
	series, err := s.cfg.Store.Series(ctx, plancast.SeriesQuery{Region: region, Indicator: ind.Code, AsOf: asOf})
	if plancast.ErrorCode(err) == plancast.ENOTFOUND {
		return nil, nil, s.noYearlyFigures(ctx, region, ind.Code, asOf, err, "projected")
	}
	if err != nil {
		return nil, nil, err
	}
	toDate, err := plancast.ReadYearToDate(ctx, s.cfg.Store, series.Key(), ind, asOf)
	if err != nil {
		return nil, nil, err
	}
	p, err := s.projectSeries(ind, series, toDate, horizon, method, asOf)
	if err != nil || p.YearToDate == nil {
		return series, p, err
	}
	// The year to date's two figures are used too: a projection that took
	// August's months is of August's vintage, not March's. A values read
	// may not carry publication dates (InfluxDB's), so they are read here,
	// for the one period.
	y := p.YearToDate
	vs, err := s.cfg.Store.Vintages(ctx, plancast.SeriesKey{Region: region, Indicator: ind.Code, Period: y.Period})
	if err != nil {
		return nil, nil, fmt.Errorf("read the vintage of %s/%s's %s figures: %w", region, ind.Code, y.Period, err)
	}
	for _, o := range vs {
		if (o.Year == y.Year || o.Year == y.Year-1) && (asOf.IsZero() || !o.Published.After(asOf)) && o.Published.After(p.Vintage) {
			p.Vintage = o.Published
		}
	}
	return series, p, nil
}

// noYearlyFigures is the not-found answer for a series without yearly
// figures, saying which parts of the year it has figures for instead and
// where to read them (Guyang's GDP: January–November 2009), and that the
// route does not use them (they are not projected, or charted); the
// projection and chart routes and the series route give the same hint.
// What is said is read by plancast.ReadYearlyAbsence, as the command line
// reads it.
//
// Asked as of a date (asOf set) before any of its yearly figures was
// published, it says when the first was published, and of which years
// ("its first figures, for 2015–2020, were published on 2021-04-20"), or
// that none has been since; and only the parts of the year it had figures
// for on that date, read as of it. A series with yearly figures published
// later is not one without them, and partial-year figures published later
// were not there then either.
func (s *Server) noYearlyFigures(ctx context.Context, region, indicator string, asOf plancast.Date, notFound error, notUsed string) error {
	a, err := plancast.ReadYearlyAbsence(ctx, s.cfg.Store, region, indicator, asOf)
	if err != nil || asOf.IsZero() && len(a.Partial) == 0 {
		return notFound
	}
	msg := plancast.ErrorMessage(notFound)
	asOfParam, had := "", "it has"
	if !asOf.IsZero() {
		if first := a.FirstText(); first == "" {
			msg += ", nor any since"
		} else {
			msg += "; " + first
		}
		asOfParam, had = "&as_of="+asOf.String(), fmt.Sprintf("on %s it had", asOf)
	}
	var where []string
	for _, p := range a.Partial {
		where = append(where, fmt.Sprintf("%s figures for %s (GET /api/v1/series/%s/%s?period=%s%s)",
			plancast.PeriodName(p.Period, false), p.YearSpan(), region, indicator, p.Period, asOfParam))
	}
	if len(where) > 0 {
		msg += fmt.Sprintf("; %s %s", had, strings.Join(where, " and "))
		if notUsed != "" {
			msg += ", which are not " + notUsed
		}
	}
	return plancast.Errorf(plancast.ENOTFOUND, "%s", msg)
}

// projectSeries projects a series already read (as of asOf, when set), with
// what its year to date (toDate, may be nil) says of the year after it.
//
// An estimate of the latest year published before it ended is not
// projected from, as the assessment does not judge on it: the projection
// starts from the latest real figure, and the estimate is in its Estimate.
func (s *Server) projectSeries(ind plancast.Indicator, series *plancast.Series, toDate []plancast.Series, horizon int, method string, asOf plancast.Date) (*plancast.Projection, error) {
	series, est := forecast.WithoutEarlyEstimate(series)
	years, values, vintage := seriesArrays(series)
	res, err := forecast.Forecast(years, values, forecast.Options{Horizon: horizon, Method: method, Limits: forecast.LimitsOf(ind)})
	s.metrics.forecasts.Inc()
	if err != nil && plancast.ErrorCode(err) == plancast.EINVALID {
		// Named as the command line names it ("houma/gdp: need at least
		// two observed years, have 1 (2023)"): the answer said
		// "forecast: need ..." of no series.
		msg := fmt.Sprintf("%s/%s: %s", series.Region, series.Indicator, strings.TrimPrefix(plancast.ErrorMessage(err), "forecast: "))
		if len(years) == 1 {
			msg += fmt.Sprintf(" (%d)", years[0])
		}
		return nil, plancast.Errorf(plancast.EINVALID, "%s", msg)
	}
	if err != nil {
		return nil, err
	}
	p := &plancast.Projection{
		Region: series.Region, Indicator: series.Indicator, Unit: ind.Unit, Method: res.Method, Models: res.Models,
		Points: res.Points, Backtest: res.Backtest, Vintage: vintage, LastYear: res.LastYear, AsOf: asOf.String(),
		YearToDate: res.YearToDate(ind, toDate, plancast.MeasureStatedGap(years, values, series.StatedGrowths())),
	}
	if est != nil {
		p.Estimate = &plancast.YearEstimate{Year: est.Year, Value: est.Value, Status: est.Status, Published: est.Published}
	}
	return p, nil
}

// seriesArrays splits a series into years and values and finds its newest vintage.
func seriesArrays(s *plancast.Series) (years []int, values []float64, vintage plancast.Date) {
	years, values = s.YearsValues()
	for _, o := range s.Observations {
		if o.Published.After(vintage) {
			vintage = o.Published
		}
	}
	return years, values, vintage
}

func horizonParam(c echo.Context) (int, error) {
	v := c.QueryParam("horizon")
	if v == "" {
		return defaultHorizon, nil
	}
	h, err := strconv.Atoi(v)
	if err != nil || h < 1 || h > maxHorizon {
		return 0, plancast.Errorf(plancast.EINVALID, "horizon=%q must be a whole number of years from 1 to %d", v, maxHorizon)
	}
	return h, nil
}

func methodParam(c echo.Context) (string, error) {
	m := c.QueryParam("method")
	if m == "" {
		return "auto", nil
	}
	for _, known := range forecast.Methods() {
		if m == known {
			return m, nil
		}
	}
	return "", plancast.Errorf(plancast.EINVALID, "method=%q is not known; use one of %v", m, forecast.Methods())
}
