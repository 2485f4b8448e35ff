package forecast

import (
	"math"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// A share or a rate is planned in percentage points: Houma's secondary
// industry at 41.3% of GDP in 2020 against 45% for 2025 needs +0.74 points a
// year, which "1.7% a year" would hide. The assessment says the change in
// points (RequiredChange, HistoricalChange), its explanation says it in
// both languages, and the pace year is the year the history's points a year
// get there. A money level keeps its growth rate.
func TestATargetOnAPercentageIsPlannedInPoints(t *testing.T) {
	share := plancast.Indicator{Code: "secondary_industry_share", Unit: plancast.UnitPercent}
	years, values := []int{2016, 2017, 2018, 2019, 2020}, []float64{38.0, 38.6, 39.5, 40.4, 41.3}
	target := plancast.Target{Region: "houma", Indicator: share.Code, Plan: "14th-fyp", Kind: plancast.TargetShare, Year: 2025, Value: 45}
	a, err := Assess(target, share, years, values, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.RequiredChange == nil || math.Abs(*a.RequiredChange-0.74) > 1e-9 {
		t.Errorf("required change %v, want (45 − 41.3)/5 = 0.74 points a year", a.RequiredChange)
	}
	if a.HistoricalChange == nil || math.Abs(*a.HistoricalChange-0.825) > 1e-9 {
		t.Errorf("historical change %v, want (41.3 − 38.0)/4 = 0.825 points a year", a.HistoricalChange)
	}
	// 3.7 points at 0.825 a year: 4.5 years, so 2025.
	if a.PaceYear == nil || *a.PaceYear != 2025 {
		t.Errorf("pace year %v, want 2025", a.PaceYear)
	}
	for _, c := range []struct{ got, want, not string }{
		{a.Explanation, "; needs +0.7 points a year from 2020 (history: +0.8 points a year)", "% a year"},
		{a.ExplanationZh, "；自2020年起需年均提高0.7个百分点（历史年均提高0.8个百分点）", "需年均增长"},
	} {
		if !strings.Contains(c.got, c.want) || strings.Contains(c.got, c.not) {
			t.Errorf("the explanation %q does not say %q (or still says %q)", c.got, c.want, c.not)
		}
	}

	// A rate to bring down: a level target on a percentage where lower is better.
	poverty := plancast.Indicator{Code: "poverty_rate", Unit: plancast.UnitPercent, Better: plancast.BetterLower}
	down, err := Assess(plancast.Target{Region: "r", Indicator: poverty.Code, Plan: "p", Kind: plancast.TargetLevel, Year: 2023, Value: 2},
		poverty, []int{2018, 2019, 2020}, []float64{6.0, 5.4, 5.0}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if down.RequiredChange == nil || math.Abs(*down.RequiredChange+1) > 1e-9 || !strings.Contains(down.ExplanationZh, "需年均降低1.0个百分点（历史年均降低0.5个百分点）") ||
		!strings.Contains(down.Explanation, "needs -1.0 points a year from 2020 (history: -0.5 points a year)") {
		t.Errorf("a rate to bring down from 5.0 to 2 in 3 years: %v\n%s\n%s", down.RequiredChange, down.Explanation, down.ExplanationZh)
	}
	// 3 points at 0.5 a year: 2026.
	if down.PaceYear == nil || *down.PaceYear != 2026 {
		t.Errorf("pace year %v, want 2026", down.PaceYear)
	}

	// Houma's GDP, a money level, is still planned in growth.
	gdpTarget := plancast.Target{Region: "houma", Indicator: "gdp", Plan: "14th-fyp", Kind: plancast.TargetLevel, BaseYear: 2020, Year: 2025, Value: 250}
	money, err := Assess(gdpTarget, gdp, houmaYears, houmaValues, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if money.RequiredChange != nil || money.HistoricalChange != nil || money.RequiredGrowth == nil || !strings.Contains(money.Explanation, "needs 15.7% a year") {
		t.Errorf("a money level: change %v / %v, growth %v: %s", money.RequiredChange, money.HistoricalChange, money.RequiredGrowth, money.Explanation)
	}
}
