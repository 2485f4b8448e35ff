package forecast

import (
	"testing"

	"github.com/plancast/plancast"
)

// yunchengUrbanization is the user test's Yuncheng: an urbanization rate
// of 44.6 in 2015 rising to 54.8 in 2025, +1.02 points a year, against a
// 15th-FYP level of 60 in 2030, which needs (60 − 54.8)/5 = +1.04.
var (
	urbanization   = plancast.Indicator{Code: "urbanization_rate", Unit: plancast.UnitPercent, Kind: plancast.KindRate, Better: plancast.BetterHigher}
	yunchengYears  = []int{2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025}
	yunchengValues = []float64{44.6, 45.9, 47.2, 48.4, 49.6, 50.3, 51.4, 52.2, 53.1, 54.0, 54.8}
)

// A required pace and the history's pace that round alike are written with
// the decimals that tell them apart, since the sentence compares them and
// says that at the history's pace the target comes late: Yuncheng's
// urbanization rate read "needs +1.0 points a year from 2025 (history:
// +1.0 points a year); at that pace the target is reached in 2031".
func TestARequiredPaceIsWrittenApartFromTheHistorysPace(t *testing.T) {
	target := plancast.Target{Region: "yuncheng", Indicator: urbanization.Code, Plan: "15th-fyp", Kind: plancast.TargetLevel, BaseYear: 2025, Year: 2030, Value: 60}
	a, err := Assess(target, urbanization, yunchengYears, yunchengValues, Options{SkipBacktest: true})
	if err != nil {
		t.Fatal(err)
	}
	if a.PaceYear == nil || *a.PaceYear != 2031 {
		t.Fatalf("pace year %v, want 2031", a.PaceYear)
	}
	saysAndNot(t, "English", a.Explanation,
		[]string{"; needs +1.04 points a year from 2025 (history: +1.02 points a year); at that pace the target is reached in 2031"},
		[]string{"+1.0 points"})
	saysAndNot(t, "Chinese", a.ExplanationZh,
		[]string{"；自2025年起需年均提高1.04个百分点（历史年均提高1.02个百分点）；按历史增速，2031年达到目标"},
		[]string{"提高1.0个百分点"})
}

// So is a growth: a GDP that grew 6.26% a year over 2015–2025 (100 to
// 183.5) and needs 6.34% a year to reach 249.5 in 2030 is not said to
// need "6.3% a year (history: 6.3% a year)" beside a pace year after the
// target's. Paces that round apart keep their one decimal.
func TestARequiredGrowthIsWrittenApartFromTheHistorysGrowth(t *testing.T) {
	gdp := plancast.Indicator{Code: "gdp", Unit: plancast.Unit100mYuan, Kind: plancast.KindLevel, Better: plancast.BetterHigher}
	values := []float64{100.0, 106.3, 112.9, 120.0, 127.5, 135.5, 144.0, 153.0, 162.5, 172.7, 183.5}
	target := plancast.Target{Region: "r", Indicator: gdp.Code, Plan: "15th-fyp", Kind: plancast.TargetLevel, BaseYear: 2025, Year: 2030, Value: 249.5}
	a, err := Assess(target, gdp, yunchengYears, values, Options{SkipBacktest: true})
	if err != nil {
		t.Fatal(err)
	}
	saysAndNot(t, "English", a.Explanation, []string{"; needs 6.34% a year from 2025 (history: 6.26% a year)"}, []string{"6.3%"})
	saysAndNot(t, "Chinese", a.ExplanationZh, []string{"；自2025年起需年均增长6.34%（历史年均6.26%）"}, []string{"6.3%"})

	target.Value = 280 // needs 8.8% a year: apart from 6.3% at one decimal
	a, err = Assess(target, gdp, yunchengYears, values, Options{SkipBacktest: true})
	if err != nil {
		t.Fatal(err)
	}
	saysAndNot(t, "English", a.Explanation, []string{"; needs 8.8% a year from 2025 (history: 6.3% a year)"}, nil)
}
