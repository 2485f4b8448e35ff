package forecast

import (
	"math"
	"testing"

	"github.com/plancast/plancast"
)

// A share whose required pace is the history's, but for float noise: the
// user test's urbanization rate, declared a percentage of a whole, 55.00,
// 55.01, 55.00, 55.01, 55.02 over 2019–2023, against a level of 55.03 in
// 2025. It needs (55.03 − 55.02)/2 = 0.005 points a year, and ran (55.02 −
// 55.00)/4 = 0.005, computed as 0.004999999999999005 and
// 0.005000000000000782. The answer read "needs +0.00 points a year
// (history: +0.01 points a year); at the history's pace, its gap to 100
// narrowing 0.0% a year, the target is reached in 2026": the same pace
// written apart, a required pace toward a target above the latest figure
// written as zero, a gap that narrows written as not narrowing, and the
// history's pace, which the sentence says is the faster, arriving a year
// late because its path reaches 55.029997 in 2025, which the figures' two
// decimals write 55.03.
//
// The paces are written alike, neither as zero, and the pace year is
// 2025, on time. The figures lie as close to the straight line of +0.005
// points a year as to their gap's path, and closer, so they are paced
// in points (pacedInPoints), the pace the sentence states; the gap's
// path, short of the target by 3·10⁻⁶, under a thousandth of the figures'
// last decimal (paceSlack: no figure shows it and no P(meet) in whole
// percent tells it apart), reaches it in 2025 as well. (A path that only
// reads as the target at the figures' decimals, half a unit short, does
// not: pace_judged_test.go.)
func TestEqualPacesAreWrittenEqualAndAPathThatReadsAsTheTargetReachesIt(t *testing.T) {
	share := plancast.Indicator{Code: "urbanization_rate", Unit: plancast.UnitPercent, Kind: plancast.KindRate, Better: plancast.BetterHigher, OfWhole: true}
	years := []int{2019, 2020, 2021, 2022, 2023}
	values := []float64{55.00, 55.01, 55.00, 55.01, 55.02}
	target := plancast.Target{Region: "z0", Indicator: share.Code, Plan: "14th-fyp", Kind: plancast.TargetLevel, BaseYear: 2020, Year: 2025, Value: 55.03}
	a, err := Assess(target, share, years, values, Options{SkipBacktest: true, Limits: LimitsOf(share)})
	if err != nil {
		t.Fatal(err)
	}
	if a.PaceYear == nil || *a.PaceYear != 2025 {
		t.Errorf("pace year %s, want 2025: the gap's path is 55.029997 in 2025, which reads 55.03", paceText(a.PaceYear))
	}
	saysAndNot(t, "English", a.Explanation,
		[]string{"needs +0.01 points a year from 2023 (history: +0.01 points a year); at that pace the target is reached in 2025"},
		[]string{"+0.00 points", "0.0%"})
	saysAndNot(t, "Chinese", a.ExplanationZh,
		[]string{"需年均提高0.01个百分点（历史年均提高0.01个百分点）；按历史增速，2025年达到目标"},
		[]string{"提高0.00个百分点", "缩小0.0%"})
	// The gap's path reaches it in 2025 too: paceSlack.
	edge, _ := targetAtLimit(target, LimitsOf(share), true, years, values)
	g := math.Pow((100-55.02)/(100-55.00), 0.25) - 1
	edge.GapChange = &g
	if n := edge.paceYears(55.02, 55.03); !(n > 0 && n <= 2) {
		t.Errorf("the gap's path reaches 55.03 in %.6f years from 2023, want within 2", n)
	}
}
