package api

import (
	"cmp"
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/plancast/plancast"
)

// RevisionsResponse is the answer of GET
// /api/v1/series/{region}/{indicator}/revisions: every vintage of every year,
// how far each year's figure moved from its first release, and the series'
// mean and mean absolute revision (plancast.Revisions states the formulas).
type RevisionsResponse struct {
	Region    string                   `json:"region"`
	Indicator string                   `json:"indicator"`
	Unit      string                   `json:"unit"`
	Period    string                   `json:"period"`
	AsOf      string                   `json:"as_of,omitempty"`
	Summary   plancast.RevisionSummary `json:"summary"`
	Years     []plancast.YearRevisions `json:"years"`
}

// getRevisions answers a series' revision history; from and to select years,
// as_of the history as it was known on a date, format=csv or xlsx one row
// per vintage.
func (s *Server) getRevisions(c echo.Context) error {
	ctx := c.Request().Context()
	ind, q, err := s.seriesRequest(c)
	if err != nil {
		return err
	}
	format, lang, err := downloadParams(c)
	if err != nil {
		return err
	}
	k := plancast.SeriesKey{Region: q.Region, Indicator: q.Indicator, Period: cmp.Or(q.Period, plancast.PeriodYear)}
	q.Period = k.Period
	vintages, err := s.cfg.Store.Vintages(ctx, k)
	if err != nil {
		return err
	}
	var kept []plancast.Observation
	asOf := plancast.VintagesAsOf(vintages, q.AsOf)
	for _, o := range asOf {
		if q.InYears(o.Year) {
			kept = append(kept, o)
		}
	}
	if len(kept) == 0 && len(asOf) > 0 {
		// The series has figures, none in the years asked: say which it has.
		all := plancast.Series{Observations: asOf}
		return plancast.Errorf(plancast.ENOTFOUND, "%s (its figures run %s)", plancast.ErrorMessage(plancast.SeriesNotFound(q)), all.YearSpan())
	}
	if len(kept) == 0 {
		return plancast.SeriesNotFound(q)
	}
	years, summary := plancast.Revisions(kept)
	resp := RevisionsResponse{Region: k.Region, Indicator: k.Indicator, Unit: ind.Unit, Period: k.Period,
		AsOf: q.AsOf.String(), Summary: summary, Years: years}
	if format != formatJSON {
		cat, version, err := s.aboutData(ctx)
		if err != nil {
			return err
		}
		body, err := revisionsTable(&resp, cat, lang, version).render(format)
		if err != nil {
			return err
		}
		return sendTable(c, body, resp.Region+"_"+resp.Indicator+"_revisions", format)
	}
	return c.JSON(http.StatusOK, resp)
}

// aboutData is what a download's About sheet names beside the answer: the
// catalog (names of the region and indicator) and the data version.
func (s *Server) aboutData(ctx context.Context) (*catalogMemo, string, error) {
	cat, err := s.catalog(ctx)
	if err != nil {
		return nil, "", err
	}
	version, err := s.cache.Version(ctx)
	if err != nil {
		return nil, "", err
	}
	return cat, version, nil
}
