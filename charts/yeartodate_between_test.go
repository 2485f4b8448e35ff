package charts

import (
	"bytes"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/forecast"
)

// Changzhi's budget revenue: yearly figures to 2024, January–October and
// January–November of 2024 and 2025, January–October of 2026; the 2026
// plan's +5% over 2025 and the 15th Five-Year Plan's 5% a year from 2025.
// The 2026 target is judged on 2026's January–October (81%, on track),
// 2025 taken at its January–November (152.3). The chart draws what the
// judgement rests on: 2026 from its January–October (160.7) beside the
// 2026 plan's ring, which without it stood above the projection's line,
// a miss to the eye; and the source line says both plans' paths start at
// 2025's level from its January–November, not at a projected 2025.
func TestTheChartDrawsTheYearToDateATargetTwoYearsAheadIsJudgedOn(t *testing.T) {
	years := []int{2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024}
	values := []float64{92.4, 96.24, 105.29, 108.62, 114.18, 120.71, 127.06, 129.54, 139.7, 146.78}
	ind := plancast.Indicator{Code: "budget_revenue", Name: "Budget revenue", Unit: plancast.Unit100mYuan, Kind: plancast.KindLevel, Better: plancast.BetterHigher}
	var hist []plancast.Observation
	for i, y := range years {
		hist = append(hist, obs("changzhi", "budget_revenue", y, values[i]))
	}
	months := func(period string, figures map[int]float64) plancast.Series {
		s := plancast.Series{Region: "changzhi", Indicator: "budget_revenue", Period: period}
		for y := 2024; y <= 2026; y++ {
			if v, ok := figures[y]; ok {
				s.Observations = append(s.Observations, plancast.Observation{Region: "changzhi", Indicator: "budget_revenue", Period: period, Year: y, Value: v, Status: plancast.StatusPreliminary})
			}
		}
		return s
	}
	toDate := []plancast.Series{
		months("jan-oct", map[int]float64{2024: 124.3, 2025: 128.6, 2026: 135.7}),
		months("jan-nov", map[int]float64{2024: 136.1, 2025: 141.2}),
	}
	targets := []plancast.Target{
		{Region: "changzhi", Indicator: "budget_revenue", Plan: "15th-fyp", Kind: plancast.TargetAvgGrowth, BaseYear: 2025, Year: 2030, Value: 5},
		{Region: "changzhi", Indicator: "budget_revenue", Plan: "2026-annual", Kind: plancast.TargetGrowth, BaseYear: 2025, Year: 2026, Value: 5},
	}
	r, err := forecast.Forecast(years, values, forecast.Options{Horizon: 6, Limits: forecast.LimitsOf(ind)})
	if err != nil {
		t.Fatal(err)
	}
	s := Spec{Region: plancast.Region{Code: "changzhi", Name: "Changzhi"}, Indicator: ind, History: hist, Targets: targets,
		Projection: &plancast.Projection{Region: "changzhi", Indicator: "budget_revenue", Unit: ind.Unit, Method: r.Method, Points: r.Points,
			LastYear: r.LastYear, YearToDate: r.YearToDate(ind, toDate, nil)},
		YearToDate: toDate, Width: 900, Height: 560}
	a, err := forecast.Assess(targets[1], ind, years, values, forecast.Options{YearToDate: toDate, Limits: forecast.LimitsOf(ind)})
	if err != nil {
		t.Fatal(err)
	}
	if a.YearToDate == nil || a.Status != plancast.StatusOnTrack {
		t.Fatalf("the 2026 target is judged %s on %+v, want on_track on its months", a.Status, a.YearToDate)
	}
	var buf bytes.Buffer
	if err := Render(&buf, s, "svg"); err != nil {
		t.Fatal(err)
	}
	text := strings.ReplaceAll(svgText(t, buf.Bytes()), " ", "")
	for _, want := range []string{
		"2026 from January–October: " + plancast.FormatNumber(a.YearToDate.Nowcast.Mean, 1),
		"2025 from January–November: 152.3",
		"Growth paths from 2025 (15th FYP, 2026 plan) start at the 2025 level its January–November figures give (152.3)",
	} {
		if !strings.Contains(text, strings.ReplaceAll(want, " ", "")) {
			t.Errorf("the chart does not say %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "startattheprojected") {
		t.Errorf("the chart says a path starts at a projected 2025:\n%s", text)
	}
}
