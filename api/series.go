package api

import (
	"context"
	"net/http"
	"slices"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/plancast/plancast"
)

// SeriesResponse is the answer of GET /api/v1/series/{region}/{indicator}.
type SeriesResponse struct {
	Region       string                 `json:"region"`
	Indicator    string                 `json:"indicator"`
	Unit         string                 `json:"unit"`  // of the values as served (after units=)
	Units        string                 `json:"units"` // the transformation: lin, pch, ...
	Period       string                 `json:"period"`
	AsOf         string                 `json:"as_of,omitempty"`
	Observations []plancast.Observation `json:"observations"`
	// Notes say which years the answer leaves out and why (units=pch needs
	// the figure of the year before, units=cch figures above 0:
	// TransformNotes), so that a short or empty list is not read as missing
	// data. Absent when there is nothing to say.
	Notes []string `json:"notes,omitempty"`
	// NotesZh are the same notes in Chinese, always beside the English as
	// an assessment's explanation_zh is (lang= chooses the language of a
	// download, not of the JSON); the Chinese XLSX carries these.
	NotesZh []string `json:"notes_zh,omitempty"`
}

func (s *Server) getSeries(c echo.Context) error {
	ctx := c.Request().Context()
	ind, q, err := s.seriesRequest(c)
	if err != nil {
		return err
	}
	units := c.QueryParam("units")
	if units == "" {
		units = "lin"
	}
	if !ValidUnits(units) {
		return plancast.Errorf(plancast.EINVALID, "units=%q must be one of lin, chg, ch1, pch, pc1, pca, cch, cca, log", units)
	}
	format, lang, err := downloadParams(c)
	if err != nil {
		return err
	}
	// from= cuts the answer, not the figures a change is taken from: 2021's
	// percent change asked from 2021 is over the stored 2020, and pca's over
	// the last year before it however far back.
	read := q
	if NeedsYearBefore(units) {
		read.From = 0
	}
	series, err := s.cfg.Store.Series(ctx, read)
	if plancast.ErrorCode(err) == plancast.ENOTFOUND {
		return s.seriesNotFound(ctx, read, err)
	}
	if err != nil {
		return err
	}
	obs := Transform(series.Observations, units)
	if read.From != q.From {
		obs = slices.DeleteFunc(obs, func(o plancast.Observation) bool { return o.Year < q.From })
	}
	resp := SeriesResponse{
		Region: series.Region, Indicator: series.Indicator, Unit: transformedUnit(ind.Unit, units), Units: units,
		Period: series.Period, AsOf: q.AsOf.String(), Observations: obs,
		Notes:   TransformNotes(series.Observations, units, q.From),
		NotesZh: TransformNotesZh(series.Observations, units, q.From),
	}
	if resp.Observations == nil {
		resp.Observations = []plancast.Observation{}
	}
	if format != formatJSON {
		cat, version, err := s.aboutData(ctx)
		if err != nil {
			return err
		}
		t := seriesTable(resp, lang)
		t.About = seriesAbout(resp, cat, lang, version)
		body, err := t.render(format)
		if err != nil {
			return err
		}
		return sendTable(c, body, resp.Region+"_"+resp.Indicator+"_"+resp.Units, format)
	}
	return c.JSON(http.StatusOK, resp)
}

// seriesNotFound is the not-found answer of a series read with q: when q
// is bounded to years and the series has figures outside them, the years
// they run ("has no figures from 2030 on (its figures run 2015–2020)"),
// and when the yearly series has none at all, the parts of the year it
// has figures for (noYearlyFigures).
func (s *Server) seriesNotFound(ctx context.Context, q plancast.SeriesQuery, notFound error) error {
	if q.From != 0 || q.To != 0 {
		all := q
		all.From, all.To = 0, 0
		series, err := s.cfg.Store.Series(ctx, all)
		if err == nil && len(series.Observations) > 0 {
			return plancast.Errorf(plancast.ENOTFOUND, "%s (its figures run %s)", plancast.ErrorMessage(notFound), series.YearSpan())
		}
		if plancast.ErrorCode(err) != plancast.ENOTFOUND {
			return notFound
		}
	}
	if q.Period != "" && q.Period != plancast.PeriodYear {
		return notFound
	}
	return s.noYearlyFigures(ctx, q.Region, q.Indicator, q.AsOf, notFound, "")
}

// seriesRequest reads what the routes of one series share: the region and
// indicator of the path (checked first, so a missed code is answered with
// the near ones), then the series query.
func (s *Server) seriesRequest(c echo.Context) (plancast.Indicator, plancast.SeriesQuery, error) {
	if _, err := s.region(c, c.Param("region")); err != nil {
		return plancast.Indicator{}, plancast.SeriesQuery{}, err
	}
	ind, err := s.lookupIndicator(c.Request().Context(), c.Param("indicator"))
	if err != nil {
		return ind, plancast.SeriesQuery{}, err
	}
	q, err := seriesQuery(c)
	return ind, q, err
}

// seriesQuery reads the path and the from, to, as_of and period parameters.
func seriesQuery(c echo.Context) (plancast.SeriesQuery, error) {
	q := plancast.SeriesQuery{Region: c.Param("region"), Indicator: c.Param("indicator")}
	var err error
	if q.Period, err = periodParam(c); err != nil {
		return q, err
	}
	if q.From, err = yearParam(c, "from"); err != nil {
		return q, err
	}
	if q.To, err = yearParam(c, "to"); err != nil {
		return q, err
	}
	if q.From != 0 && q.To != 0 && q.From > q.To {
		return q, plancast.Errorf(plancast.EINVALID, "from %d is after to %d", q.From, q.To)
	}
	q.AsOf, err = asOfParam(c)
	return q, err
}

// asOfParam reads ?as_of=, the date whose data a read answers with: the
// newest vintage of every figure published on or before it. Zero when
// absent (the latest data).
func asOfParam(c echo.Context) (plancast.Date, error) {
	d, err := dateParam(c, "as_of")
	if ahead := plancast.AsOfAhead(d); err == nil && ahead != "" {
		return plancast.Date{}, plancast.Errorf(plancast.EINVALID, "as_of=%s %s", d, ahead)
	}
	return d, err
}

// boolParam reads an optional boolean query parameter: true or false (or
// what strconv.ParseBool reads as them: 1, 0, TRUE, ...); false when absent.
// Anything else is refused, never read as false, so that ?dry_run=yes does
// not write.
func boolParam(c echo.Context, name string) (bool, error) {
	v := c.QueryParam(name)
	if v == "" {
		return false, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, plancast.Errorf(plancast.EINVALID, "%s=%q must be true or false", name, v)
	}
	return b, nil
}

// dateParam reads an optional date query parameter; zero when absent.
func dateParam(c echo.Context, name string) (plancast.Date, error) {
	v := c.QueryParam(name)
	if v == "" {
		return plancast.Date{}, nil
	}
	d, err := plancast.ParseDate(v)
	if why := plancast.NotADay(v); err != nil && why != "" {
		return plancast.Date{}, plancast.Errorf(plancast.EINVALID, "%s=%q: %s", name, v, why)
	}
	if err != nil {
		return plancast.Date{}, plancast.Errorf(plancast.EINVALID, "%s=%q must be a date YYYY-MM-DD", name, v)
	}
	return d, nil
}

// periodParam reads ?period=, a known period code ("year", "h1", "jan-nov",
// ...); empty when absent.
func periodParam(c echo.Context) (string, error) {
	p := c.QueryParam("period")
	if p != "" && !plancast.ValidPeriod(p) {
		return "", plancast.Errorf(plancast.EINVALID, "period=%q must be year, h1, h2, q1–q4 or jan-feb … jan-nov", p)
	}
	return p, nil
}

// yearParam reads an optional year query parameter; 0 when absent.
func yearParam(c echo.Context, name string) (int, error) {
	v := c.QueryParam(name)
	if v == "" {
		return 0, nil
	}
	y, err := strconv.Atoi(v)
	if err != nil || y < plancast.MinYear || y > plancast.MaxYear {
		return 0, plancast.Errorf(plancast.EINVALID, "%s=%q must be a year from %d to %d", name, v, plancast.MinYear, plancast.MaxYear)
	}
	return y, nil
}
