package forecast

import (
	"math"
	"testing"

	"github.com/plancast/plancast"
)

var gdp = plancast.Indicator{Code: "gdp", Name: "GDP", Unit: plancast.Unit100mYuan, Kind: plancast.KindLevel, Better: plancast.BetterHigher}

// Houma's 14th Five-Year-Plan GDP target: 250 亿元 in 2025 from 120.8 in 2020
// (88.9 in 2015) needs 15.6% a year against a history of 6.3%.
func TestAssessHouma(t *testing.T) {
	tg := plancast.Target{Region: "houma", Indicator: "gdp", Plan: "14th-fyp", Kind: plancast.TargetLevel, BaseYear: 2020, Year: 2025, Value: 250}
	a, err := Assess(tg, gdp, []int{2015, 2020}, []float64{88.9, 120.8}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.RequiredGrowth == nil || math.Abs(*a.RequiredGrowth-0.156) > 0.001 {
		t.Errorf("required growth %v, want 0.156", a.RequiredGrowth)
	}
	if a.Probability >= 0.05 {
		t.Errorf("probability %.3f, want < 0.05", a.Probability)
	}
	if a.Status != plancast.StatusOffTrack {
		t.Errorf("status %s, want off_track", a.Status)
	}
	if a.Projected == nil || !(a.Projected.Lo95 < a.Projected.Mean && a.Projected.Mean < a.Projected.Hi95) {
		t.Errorf("projected %+v", a.Projected)
	}
	if a.Progress == nil || *a.Progress <= 0 || *a.Progress >= 1 {
		t.Errorf("progress %v, want in (0, 1)", a.Progress)
	}
	if a.HistoricalGrowth == nil || math.Abs(*a.HistoricalGrowth-0.0633) > 0.001 {
		t.Errorf("historical growth %v, want 0.0633", a.HistoricalGrowth)
	}
	t.Logf("%+v\n%s", a.Projected, a.Explanation)
}
