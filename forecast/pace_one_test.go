package forecast

import (
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// One sentence, one history's pace. Yuncheng's urbanization rate, a
// percentage of a whole, rose a steady +1.14 points a year from 46.36 in
// 2015 to 57.79 in 2025; the 15th FYP's level of 63 in 2030 needs +1.04
// points a year. The explanation said "needs +1.0 points a year from 2025
// (history: +1.1 points a year); at the history's pace, its gap to 100
// narrowing 2.4% a year, the target is reached in 2031": the history's
// pace faster than needed and, under the same words, a year late.
//
// Its figures lie on the straight line (within 0.1 point) and up to 0.4
// point off the gap's path, and the line stays short of 100 by 2030, so
// the target is paced at the history's points a year: 57.79 + 5 × 1.143
// = 63.5, reached in 2030, on time, as "history: +1.1" beside "needs
// +1.0" says. The forecast command words the same pace (TargetAtLimit:
// no gap's pace).
func TestASteadyShareIsPacedAtThePointsAYearItsHistoryIsSaidToRun(t *testing.T) {
	urban := plancast.Indicator{Code: "urbanization_rate", Unit: plancast.UnitPercent, Kind: plancast.KindRate, Better: plancast.BetterHigher, OfWhole: true}
	years := []int{2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025}
	values := []float64{46.36, 47.37, 48.52, 49.73, 50.85, 52.06, 53.28, 54.38, 55.40, 56.58, 57.79}
	target := plancast.Target{Region: "yuncheng", Indicator: urban.Code, Plan: "15th-fyp", Kind: plancast.TargetLevel, BaseYear: 2025, Year: 2030, Value: 63}
	opt := Options{SkipBacktest: true, Limits: LimitsOf(urban)}
	a, err := Assess(target, urban, years, values, opt)
	if err != nil {
		t.Fatal(err)
	}
	if a.PaceYear == nil || *a.PaceYear != 2030 {
		t.Errorf("pace year %s, want 2030: +1.143 points a year from 57.79 is 63.5 in 2030", paceText(a.PaceYear))
	}
	saysAndNot(t, "English", a.Explanation,
		[]string{"needs +1.0 points a year from 2025 (history: +1.1 points a year); at that pace the target is reached in 2030"},
		[]string{"gap to 100", "2031"})
	saysAndNot(t, "Chinese", a.ExplanationZh,
		[]string{"（历史年均提高1.1个百分点）；按历史增速，2030年达到目标"},
		[]string{"差距", "2031"})
	if edge, _ := TargetAtLimit(target, urban, opt.Limits, years, values); edge.GapChange != nil {
		t.Errorf("TargetAtLimit %+v: want it paced in points, with no gap's pace for the forecast command to state", edge)
	}
}

// The points a year are the pace only while they stay short of the limit:
// a share rising a steady 2 points a year, 90 to 98 in 2020–2024, would
// pass 100 in 2026 on that line, long before a target of 99.5 in 2030.
// Its gap to 100, 10 to 2, narrowing 33.1% a year, is the pace (as the
// logit projection moves), and the sentence says why the +2.0 points a
// year it states beside the needed are not.
func TestASteadyShareWhoseLineWouldPassTheLimitKeepsTheGapsPace(t *testing.T) {
	share := plancast.Indicator{Code: "waste_treatment_rate", Unit: plancast.UnitPercent, Kind: plancast.KindRate, Better: plancast.BetterHigher, OfWhole: true}
	years := []int{2020, 2021, 2022, 2023, 2024}
	values := []float64{90, 92, 94, 96, 98}
	target := plancast.Target{Region: "r", Indicator: share.Code, Plan: "15th-fyp", Kind: plancast.TargetLevel, Year: 2030, Value: 99.5}
	a, err := Assess(target, share, years, values, Options{SkipBacktest: true, Limits: LimitsOf(share)})
	if err != nil {
		t.Fatal(err)
	}
	// 2 → 0.5 at −33.1% a year: log(0.25)/log(0.669) = 3.45 years.
	if a.PaceYear == nil || *a.PaceYear != 2028 {
		t.Errorf("pace year %s, want 2028 on the gap's pace", paceText(a.PaceYear))
	}
	saysAndNot(t, "English", a.Explanation,
		[]string{"(history: +2.0 points a year); those points a year would run past 100: at the history's pace, its gap to 100 narrowing 33.1% a year, the target is reached in 2028"},
		[]string{"at that pace"})
	if !strings.Contains(a.ExplanationZh, "按历史年均点数将超过100：按历史速度，与100的差距年均缩小33.1%，2028年达到目标") {
		t.Errorf("Chinese: %s", a.ExplanationZh)
	}
}
