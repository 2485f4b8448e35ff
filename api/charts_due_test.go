package api_test

import (
	"strings"
	"testing"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
	"github.com/plancast/plancast/charts"
)

// The seed holds Houma's figures up to 2020. Its chart and a comparison of
// it drawn today say that the years since, up to the last one ended, have
// no figures, in the dashboard's words; drawn as of the report's day
// (2021-04-20), when 2020 was the last year ended, they say nothing of the
// kind.
func TestAChartSaysWhichEndedYearsHaveNoFigures(t *testing.T) {
	s := startServer(t, seeded(t, backends[0].open(t)), api.Config{})
	lastEnded := time.Now().Year() - 1 // the test's clock is the server's
	want := charts.FiguresDueText(&plancast.YearSpan{From: 2021, To: lastEnded}, charts.LangEn)
	if svg := s.get("/charts/houma/gdp.svg"); svg.status != 200 || !strings.Contains(string(svg.body), want) {
		t.Errorf("the chart drawn today (%d) does not say %q", svg.status, want)
	}
	if svg := s.get("/charts/houma/gdp.svg?as_of=2021-04-20"); svg.status != 200 || strings.Contains(string(svg.body), "no figure") {
		t.Errorf("the chart as of 2021-04-20 (%d) says a year is without figures", svg.status)
	}
	if svg := s.get("/charts/compare/gdp.svg?regions=houma"); svg.status != 200 || !strings.Contains(string(svg.body), want) {
		t.Errorf("the comparison drawn today (%d) does not say %q", svg.status, want)
	}
	if svg := s.get("/charts/compare/gdp.svg?regions=houma&as_of=2021-04-20"); svg.status != 200 || strings.Contains(string(svg.body), "no figure") {
		t.Errorf("the comparison as of 2021-04-20 (%d) says a year is without figures", svg.status)
	}
}
