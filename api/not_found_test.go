package api_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// A series asked for years it has no figures in says so, and which years
// its figures run, rather than that it has none: Houma's GDP runs
// 2015–2020 in the seed.
func TestASeriesAskedOutsideItsYearsSaysWhichYearsItHas(t *testing.T) {
	s := startServer(t, seeded(t, backends[0].open(t)), api.Config{})
	for path, want := range map[string]string{
		"/api/v1/series/houma/gdp?from=2030":           "series houma/gdp (year) has no figures from 2030 on (its figures run 2015–2020)",
		"/api/v1/series/houma/gdp?to=2000":             "series houma/gdp (year) has no figures up to 2000 (its figures run 2015–2020)",
		"/api/v1/series/houma/gdp?from=2030&to=2031":   "series houma/gdp (year) has no figures in 2030–2031 (its figures run 2015–2020)",
		"/api/v1/series/houma/gdp/revisions?from=2030": "series houma/gdp (year) has no figures from 2030 on (its figures run 2015–2020)",
		// As of a day before any was published it has none at all.
		"/api/v1/series/houma/gdp?from=2030&as_of=2020-01-01": "series houma/gdp (year) has no figures from 2030 on published on or before 2020-01-01",
	} {
		if msg := s.get(path).wantError(t, http.StatusNotFound, plancast.ENOTFOUND); msg != want {
			t.Errorf("%s: %q, want %q", path, msg, want)
		}
	}
}

// A chart of a series without yearly figures gives the projection route's
// hint of the parts of the year it has (Guyang's GDP: January–November
// 2009, which the seed holds), saying they are not charted; the series
// route gives it too.
func TestAChartOfASeriesWithoutYearlyFiguresSaysWhichItHas(t *testing.T) {
	s := startServer(t, seeded(t, backends[0].open(t)), api.Config{})
	const hint = "series guyang/gdp (year) has no figures; it has January–November figures for 2009 (GET /api/v1/series/guyang/gdp?period=jan-nov)"
	for path, want := range map[string]string{
		"/api/v1/series/guyang/gdp/projection": hint + ", which are not projected",
		"/charts/guyang/gdp.png":               hint + ", which are not charted",
		"/charts/guyang/gdp.svg":               hint + ", which are not charted",
		"/api/v1/series/guyang/gdp":            hint,
	} {
		if msg := s.get(path).wantError(t, http.StatusNotFound, plancast.ENOTFOUND); msg != want {
			t.Errorf("%s: %q, want %q", path, msg, want)
		}
	}
	// A period other than the year is not hinted at: it was asked for.
	if msg := s.get("/api/v1/series/guyang/gdp?period=h1").wantError(t, http.StatusNotFound, plancast.ENOTFOUND); strings.Contains(msg, "jan-nov") {
		t.Errorf("period=h1: %q; want no hint of the other periods", msg)
	}
}
