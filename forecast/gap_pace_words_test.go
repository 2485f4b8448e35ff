package forecast

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// A target of a percentage of a whole is paced on its gap to the limit
// (commit 07ebb7c), and where that pace and the odds disagree the
// projection's pace is said on the same gap: a share of 91.8 in 2024
// whose gap to 100 narrowed 13.8% a year reaches 96 in 2029 at that pace,
// but the projection (95.7 in 2030) closes it more slowly, at under even
// odds. The sentence said "its gap to 100 narrowing 13.8% a year, the
// target is reached in 2029, but the projection assumes +0.7 points a
// year, slower than the history", setting points against a gap; it now
// says how much of the gap the projection closes a year.
func TestTheProjectionsPaceIsSaidOnTheGapATargetIsPacedOn(t *testing.T) {
	share := plancast.Indicator{Code: "emerging_industry_share", Unit: plancast.UnitPercent, Kind: plancast.KindRate, Better: plancast.BetterHigher}
	years, values := []int{2018, 2019, 2020, 2021, 2022, 2023, 2024}, []float64{80, 85, 88, 90, 91, 91.5, 91.8}
	target := plancast.Target{Region: "r", Indicator: share.Code, Plan: "15th-fyp", Kind: plancast.TargetShare, Year: 2030, Value: 96}
	a, err := Assess(target, share, years, values, Options{SkipBacktest: true, Limits: LimitsOf(share)})
	if err != nil {
		t.Fatal(err)
	}
	if a.PaceYear == nil || *a.PaceYear > 2030 || a.Probability >= OnTrackProbability {
		t.Fatalf("pace year %v, P %.2f; want the pace in time and the odds under even: %s", a.PaceYear, a.Probability, a.Explanation)
	}
	// the projection's gap: 8.2 in 2024 to 100 − x̂ in 2030
	gap := math.Pow((100-a.Projected.Mean)/(100-91.8), 1.0/6) - 1
	// the history's: 20 in 2018 to 8.2 in 2024, −13.8% a year
	if hist := math.Pow(8.2/20, 1.0/6) - 1; gap >= 0 || gap <= hist {
		t.Fatalf("the projection's gap changes %.3f a year; want it narrowing, slower than the history's", gap)
	}
	en := fmt.Sprintf("its gap to 100 narrowing 13.8%% a year, the target is reached in %d, but the projection narrows it %s%% a year, slower than the history",
		*a.PaceYear, plancast.Fixed(-100*gap, 1))
	saysAndNot(t, "English", a.Explanation, []string{en}, []string{"the projection assumes"})
	zh := fmt.Sprintf("与100的差距年均缩小13.8%%，%d年达到目标，但预测差距年均缩小%s%%，慢于历史", *a.PaceYear, plancast.Fixed(-100*gap, 1))
	saysAndNot(t, "Chinese", a.ExplanationZh, []string{zh}, []string{"但预测年均提高"})
	if strings.Contains(a.Explanation, "points a year, slower") {
		t.Errorf("the projection's pace is still said in points: %s", a.Explanation)
	}
}
