package api_test

import (
	"net/http"
	"regexp"
	"strconv"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// A chart asked from a year past everything it could draw says so, naming
// the last year it could show (the projection's last, or the last figure's
// when the series is too short to project): "nothing to chart (no
// observation and no projection)" read as if the series were empty.
func TestAChartFromAYearPastItsLastSaysWhichIsItsLast(t *testing.T) {
	s := startServer(t, seeded(t, backends[0].open(t)), api.Config{})
	var p plancast.Projection
	s.get("/api/v1/series/houma/gdp/projection?horizon=20").decode(t, http.StatusOK, &p)
	msg := s.get("/charts/houma/gdp.png?from=2149").wantError(t, http.StatusBadRequest, plancast.EINVALID)
	m := regexp.MustCompile(`^from=2149 is after (\d{4}), the last year the chart of houma/gdp could show \(its figures end in 2020, its projection in (\d{4})\): ask from a year up to \d{4}$`).FindStringSubmatch(msg)
	if m == nil {
		t.Fatalf("chart from 2149: %q; want it to name the last year the chart could show", msg)
	}
	if last, _ := strconv.Atoi(m[1]); last < 2025 || last > p.Points[len(p.Points)-1].Year || m[1] != m[2] {
		t.Errorf("chart from 2149: %q; the last year should be its projection's (2025 or later, at most %d)", msg, p.Points[len(p.Points)-1].Year)
	}
	// From the last year itself, the chart is drawn.
	if r := s.get("/charts/houma/gdp.png?from=" + m[1]); r.status != http.StatusOK {
		t.Errorf("chart from %s: status %d %s; want the chart", m[1], r.status, r.body)
	}
}

// The comparison says the same of a chart asked from a year past its last,
// in the same words: before, it said "comparison of gdp: nothing to chart
// (no observation and no projection)" with Houma's figures and projection
// there to draw.
func TestAComparisonFromAYearPastItsLastSaysWhichIsItsLast(t *testing.T) {
	s := startServer(t, seeded(t, backends[0].open(t)), api.Config{})
	msg := s.get("/charts/compare/gdp.png?regions=houma,zizhou&from=2149").wantError(t, http.StatusBadRequest, plancast.EINVALID)
	m := regexp.MustCompile(`^from=2149 is after (\d{4}), the last year the comparison of gdp could show \(its figures end in 2020, its projection in (\d{4})\): ask from a year up to (\d{4})$`).FindStringSubmatch(msg)
	if m == nil || m[1] != m[2] || m[1] != m[3] {
		t.Fatalf("comparison from 2149: %q; want it to name the last year the comparison could show", msg)
	}
	if r := s.get("/charts/compare/gdp.png?regions=houma,zizhou&from=" + m[1]); r.status != http.StatusOK {
		t.Errorf("comparison from %s: status %d %s; want the chart", m[1], r.status, r.body)
	}
}
