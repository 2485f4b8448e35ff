package api_test

import (
	"html"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// Houma's 14th Five-Year target for the secondary industry's share of GDP
// (45% in 2025), with the share's figures to 2020 (41.3%), is answered in
// percentage points everywhere a planner reads it: required_change and
// historical_change in the JSON and the downloads, "+0.7 pt" on the
// dashboard, "needs +0.7 points a year" in the explanation and on the chart.
func TestAShareTargetIsAnsweredInPoints(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	houma := token(t, st, plancast.Token{Region: "houma"})
	var figures []plancast.Observation
	for i, v := range []float64{38.0, 38.6, 39.5, 40.4, 41.3} {
		figures = append(figures, plancast.Observation{Region: "houma", Indicator: "secondary_industry_share", Year: 2016 + i, Value: v, Status: plancast.StatusFinal})
	}
	if r := s.do("POST", "/api/v1/observations", "application/json", houma, obsJSON(t, figures...)); r.status != 200 {
		t.Fatalf("push the share's figures: %d %s", r.status, r.body)
	}

	var resp api.AssessmentResponse
	s.get("/api/v1/regions/houma/assessment?plan=14th-fyp").decode(t, 200, &resp)
	a := judged(t, resp, "secondary_industry_share", plancast.TargetShare, 2025)
	if a.RequiredChange == nil || math.Abs(*a.RequiredChange-0.74) > 1e-9 || a.HistoricalChange == nil || math.Abs(*a.HistoricalChange-0.825) > 1e-9 {
		t.Errorf("required change %v, historical %v; want 0.74 and 0.825 points a year", a.RequiredChange, a.HistoricalChange)
	}
	if !strings.Contains(a.Explanation, "needs +0.7 points a year from 2020 (history: +0.8 points a year)") {
		t.Errorf("the explanation does not say the points: %s", a.Explanation)
	}

	csv := strings.Split(string(s.get("/api/v1/regions/houma/assessment?plan=14th-fyp&format=csv").body), "\n")
	header := strings.Split(csv[0], ",")
	col := func(name string) int {
		for i, h := range header {
			if h == name {
				return i
			}
		}
		t.Fatalf("no column %s in %v", name, header)
		return -1
	}
	found := false
	for _, line := range csv[1:] {
		if f := strings.Split(line, ","); len(f) > col("historical_change") && f[col("indicator")] == "secondary_industry_share" {
			found = true
			if !near(f[col("required_change")], 0.74) || !near(f[col("historical_change")], 0.825) {
				t.Errorf("the CSV's required_change %q and historical_change %q, want 0.74 and 0.825", f[col("required_change")], f[col("historical_change")])
			}
		}
	}
	if !found {
		t.Errorf("no row of the share's target in the CSV:\n%s", strings.Join(csv, "\n"))
	}

	for lang, want := range map[string]string{"en": "<td>+0.7 pt</td>", "zh": "<td>+0.7个百分点</td>"} {
		page := html.UnescapeString(string(s.do("GET", "/?region=houma&lang="+lang, "", "", nil, "Accept", "text/html").body))
		if !strings.Contains(page, want) {
			t.Errorf("the %s dashboard does not show %s", lang, want)
		}
	}
	if svg := string(s.get("/charts/houma/secondary_industry_share.svg").body); !strings.Contains(svg, "needs +0.7 points a year") || strings.Contains(svg, "% a year") {
		t.Errorf("the chart's target label does not say the points a year")
	}
}

// near reports whether the text of a CSV cell is the number want, to 1e-9.
func near(text string, want float64) bool {
	v, err := strconv.ParseFloat(text, 64)
	return err == nil && math.Abs(v-want) < 1e-9
}
