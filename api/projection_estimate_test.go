package api_test

import (
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// pushEstimateOfTheYearInProgress pushes, to the seeded store behind s,
// the first halves of Houma's 2020 and 2021 GDP and a work report's 预计全年
// for 2021, 131, published as an estimate on 2021-11-20 while the year
// runs (the latest figure before it is 2020's).
func pushEstimateOfTheYearInProgress(t *testing.T, s *server, st plancast.Store) {
	t.Helper()
	houma := token(t, st, plancast.Token{Region: "houma"})
	d := func(v string) plancast.Date {
		x, err := plancast.ParseDate(v)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	var pr api.PushResponse
	s.do("POST", "/api/v1/observations", "application/json", houma, obsJSON(t,
		plancast.Observation{Region: "houma", Indicator: "gdp", Period: "h1", Year: 2020, Value: 55, Status: plancast.StatusFinal, Published: d("2020-07-15")},
		plancast.Observation{Region: "houma", Indicator: "gdp", Period: "h1", Year: 2021, Value: 60, Status: plancast.StatusPreliminary, Published: d("2021-07-15")},
		plancast.Observation{Region: "houma", Indicator: "gdp", Year: 2021, Value: 131, Status: plancast.StatusEstimate, Published: d("2021-11-20"),
			Source: plancast.Source{Document: "2021年预计全年"}},
	)).decode(t, 200, &pr)
}

// The projection route, as the assessment does, does not take an estimate
// of the year in progress for its figure: the projection starts from the
// latest real figure (2020), projects 2021 as a year ahead, beside its
// first half's year to date, and gives the estimate apart; its download
// has the estimate as a row of its own kind (estimate / 预计), not an
// observed (实际) one.
func TestTheProjectionStartsFromTheLatestRealFigureAndShowsTheEstimateApart(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	pushEstimateOfTheYearInProgress(t, s, st)

	var p plancast.Projection
	s.get("/api/v1/series/houma/gdp/projection").decode(t, 200, &p)
	if p.LastYear != 2020 || len(p.Points) == 0 || p.Points[0].Year != 2021 {
		t.Errorf("last_year %d, first point %+v: want the projection to start from 2020's figure, with 2021 projected", p.LastYear, p.Points[:min(1, len(p.Points))])
	}
	if p.YearToDate == nil || p.YearToDate.Year != 2021 {
		t.Errorf("year_to_date %+v, want 2021 from its first half", p.YearToDate)
	}
	if e := p.Estimate; e == nil || e.Year != 2021 || e.Value != 131 || e.Status != plancast.StatusEstimate || e.Published.String() != "2021-11-20" {
		t.Errorf("estimate %+v, want 2021's 131, estimate, published 2021-11-20", e)
	}

	csv := string(s.get("/api/v1/series/houma/gdp/projection?format=csv").body)
	if !strings.Contains(csv, ",2021,estimate,131,,,,,estimate") || strings.Contains(csv, ",2021,observed,") {
		t.Errorf("download: want 2021's 131 as an estimate row, not an observed one:\n%s", csv)
	}
	zh := string(s.get("/api/v1/series/houma/gdp/projection?format=csv&lang=zh").body)
	if !strings.Contains(zh, ",2021,预计,131,") || strings.Contains(zh, ",2021,实际,") {
		t.Errorf("download in Chinese: want 2021's 131 as 预计, not 实际:\n%s", zh)
	}
}

// The chart draws an estimate of the year in progress as an estimate: its
// own legend entry and label ("2021 estimate: 131" / "2021年预计"), while
// the latest figure labelled is 2020's, where the projection starts.
func TestTheChartDrawsAnEstimateOfTheYearInProgressAsAnEstimate(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	pushEstimateOfTheYearInProgress(t, s, st)

	svg := string(s.get("/charts/houma/gdp.svg?width=900&height=560&from=2015").body)
	for _, want := range []string{">Estimate, year not over<", ">2021 estimate: 131<", ">2020: "} {
		if !strings.Contains(svg, want) {
			t.Errorf("chart: no %q", want)
		}
	}
	if strings.Contains(svg, ">2021: 131<") {
		t.Errorf("chart: the estimate is labelled as the latest figure (2021: 131)")
	}
	zh := string(s.get("/charts/houma/gdp.svg?width=900&height=560&from=2015&lang=zh").body)
	for _, want := range []string{"预计数（年度未结束）", "2021年预计："} {
		if !strings.Contains(zh, want) {
			t.Errorf("chart in Chinese: no %q", want)
		}
	}
}
