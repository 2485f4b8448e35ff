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
		"/api/v1/series/houma/gdp?from=2030&as_of=2020-01-01": "series houma/gdp (year) has no figures from 2030 on published on or before 2020-01-01; its first figures, for 2015–2020, were published on 2021-04-20",
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

// A yearly series asked as of a day before its first figure was published
// says when that was, not that it has no yearly figures; and it points
// only to the parts of the year it had figures for on that day, read as of
// it. Houma's yearly GDP (2015 and 2020) was first published on 2021-04-20,
// with the 2021 work report; its first halves of 2020 and 2021 were
// published on 2020-07-20 and 2021-07-20. On 2019-01-01 there was none of
// either; on 2021-01-01 there was the first half of 2020 only.
func TestASeriesAskedAsOfBeforeItsFirstFigureSaysWhenThatWas(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			st := seeded(t, b.open(t))
			s := startServer(t, st, api.Config{})
			houma := token(t, st, plancast.Token{Region: "houma"})
			h1 := func(year int, value float64, published string) plancast.Observation {
				d, err := plancast.ParseDate(published)
				if err != nil {
					t.Fatal(err)
				}
				return plancast.Observation{Region: "houma", Indicator: "gdp", Period: "h1", Year: year, Value: value, Status: plancast.StatusPreliminary, Published: d}
			}
			var pr api.PushResponse
			s.do("POST", "/api/v1/observations", "application/json", houma, obsJSON(t, h1(2020, 55, "2020-07-20"), h1(2021, 60, "2021-07-20"))).decode(t, 200, &pr)
			if pr.Report.New != 2 {
				t.Fatalf("push: %+v", pr.Report)
			}

			const before = "series houma/gdp (year) has no figures published on or before 2019-01-01; its first figures, for 2015–2020, were published on 2021-04-20"
			const then = "series houma/gdp (year) has no figures published on or before 2021-01-01; its first figures, for 2015–2020, were published on 2021-04-20" +
				"; on 2021-01-01 it had first half figures for 2020 (GET /api/v1/series/houma/gdp?period=h1&as_of=2021-01-01)"
			for path, want := range map[string]string{
				"/api/v1/series/houma/gdp?as_of=2019-01-01":            before,
				"/api/v1/series/houma/gdp/projection?as_of=2019-01-01": before,
				"/charts/houma/gdp.png?as_of=2019-01-01":               before,
				"/charts/houma/gdp.svg?as_of=2019-01-01":               before,
				"/api/v1/series/houma/gdp?as_of=2021-01-01":            then,
				"/api/v1/series/houma/gdp/projection?as_of=2021-01-01": then + ", which are not projected",
				"/charts/houma/gdp.svg?as_of=2021-01-01":               then + ", which are not charted",
			} {
				if msg := s.get(path).wantError(t, http.StatusNotFound, plancast.ENOTFOUND); msg != want {
					t.Errorf("%s:\n got %q\nwant %q", path, msg, want)
				}
			}
			// The period pointed to has figures as of the same day.
			var h1Then api.SeriesResponse
			s.get("/api/v1/series/houma/gdp?period=h1&as_of=2021-01-01").decode(t, 200, &h1Then)
			if len(h1Then.Observations) != 1 || h1Then.Observations[0].Year != 2020 {
				t.Errorf("h1 as of 2021-01-01: %+v, want the first half of 2020", h1Then.Observations)
			}
		})
	}
}

// A series that has never had yearly figures, asked as of a day, says so,
// and points to the parts of the year only if they had been published by
// then: Guyang's January–November 2009 figures were published on
// 2010-01-01.
func TestASeriesWithoutYearlyFiguresAsOfADayPointsOnlyToWhatThereWasThen(t *testing.T) {
	s := startServer(t, seeded(t, backends[0].open(t)), api.Config{})
	for path, want := range map[string]string{
		"/api/v1/series/guyang/gdp?as_of=2009-12-31": "series guyang/gdp (year) has no figures published on or before 2009-12-31, nor any since",
		"/api/v1/series/guyang/gdp/projection?as_of=2010-01-01": "series guyang/gdp (year) has no figures published on or before 2010-01-01, nor any since" +
			"; on 2010-01-01 it had January–November figures for 2009 (GET /api/v1/series/guyang/gdp?period=jan-nov&as_of=2010-01-01), which are not projected",
	} {
		if msg := s.get(path).wantError(t, http.StatusNotFound, plancast.ENOTFOUND); msg != want {
			t.Errorf("%s:\n got %q\nwant %q", path, msg, want)
		}
	}
}
