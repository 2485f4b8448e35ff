package forecast

import (
	"math"
	"testing"

	"github.com/plancast/plancast"
)

// A level target that the latest figure already meets on the indicator's
// better side has nothing left to reach, so no year "at that pace": an
// unemployment rate of 3.9 under a level target of 5.5 was ">99%
// (on_track)" and also "at that pace the target is reached in 2029",
// because the rate rose toward the target from the good side. The same
// for a share above its target while it falls. A figure still short of
// its target keeps its pace year: on a percentage of a whole (the
// unemployment rate), its gap to the limit it falls toward, 0, narrowing
// at the history's rate (limit_target.go).
func TestNoPaceYearForATargetTheLatestFigureMeets(t *testing.T) {
	unemployment := plancast.Indicator{Code: "unemployment_rate", Unit: plancast.UnitPercent, Kind: plancast.KindRate, Better: plancast.BetterLower}
	forest := plancast.Indicator{Code: "forest_coverage_share", Unit: plancast.UnitPercent, Kind: plancast.KindRate, Better: plancast.BetterHigher}
	intensity := plancast.Indicator{Code: "energy_intensity", Unit: "tce_per_10k_yuan", Kind: plancast.KindLevel, Better: plancast.BetterLower}
	level := func(ind plancast.Indicator, kind string, v float64) plancast.Target {
		return plancast.Target{Indicator: ind.Code, Plan: "14th-fyp", Kind: kind, Year: 2025, Value: v}
	}
	quwo := []int{2018, 2019, 2020, 2021, 2022, 2023, 2024}
	for _, c := range []struct {
		name   string
		target plancast.Target
		ind    plancast.Indicator
		years  []int
		values []float64
		want   int // 0: no pace year
	}{
		{"Hongdong's unemployment at 3.9 under a level of 5.5", level(unemployment, plancast.TargetLevel, 5.5), unemployment,
			[]int{2023, 2024}, []float64{3.6, 3.9}, 0},
		{"Quwo's unemployment at 3.3 under a level of 4.5", level(unemployment, plancast.TargetLevel, 4.5), unemployment,
			quwo, []float64{3.1, 3.0, 3.6, 3.4, 3.9, 3.5, 3.3}, 0},
		{"a forest share of 36 above its 32 while it falls", level(forest, plancast.TargetShare, 32), forest,
			[]int{2020, 2022, 2024}, []float64{40, 38, 36}, 0},
		{"an energy intensity under its level while it rises", level(intensity, plancast.TargetLevel, 0.6), intensity,
			[]int{2020, 2022, 2024}, []float64{0.4, 0.45, 0.5}, 0},
		// Short of the target: 5.0 falling (5.0/5.4)^(1/4) − 1 = −1.9% a
		// year reaches 4.5 in log(4.5/5.0)/log(1 − 0.019) = 5.5 years
		// from 2024 (in points, −0.1 a year, it was 5 years): in 2030.
		// The path's 4.52 in 2029, which one decimal writes 4.5, is not
		// the 4.5 P(meet) judges, so it has not reached it (paceYears).
		// Its 2022 figure, 5.19, lies on the gap's path (5.196), not on
		// the straight line (5.2), so the gap is its pace (pacedInPoints;
		// on the straight line it is paced in points: pace_one_test.go).
		{"unemployment at 5.0 falling 0.1 points a year to a level of 4.5", level(unemployment, plancast.TargetLevel, 4.5), unemployment,
			[]int{2020, 2022, 2024}, []float64{5.4, 5.19, 5.0}, 2024 + int(math.Ceil(math.Log(4.5/5.0)/math.Log(math.Pow(5.0/5.4, 0.25))))},
	} {
		a, err := Assess(c.target, c.ind, c.years, c.values, Options{Limits: LimitsOf(c.ind)})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		got := 0
		if a.PaceYear != nil {
			got = *a.PaceYear
		}
		if got != c.want {
			t.Errorf("%s: pace year %d, want %d (%s)", c.name, got, c.want, a.Explanation)
		}
		if c.want == 0 {
			saysAndNot(t, c.name, a.Explanation, nil, []string{"at that pace"})
			saysAndNot(t, c.name+" (zh)", a.ExplanationZh, nil, []string{"按历史增速"})
			continue
		}
		if a.HistoricalChange == nil || math.Abs(*a.HistoricalChange+0.1) > 1e-9 {
			t.Errorf("%s: historical change %v, want -0.1 points a year", c.name, a.HistoricalChange)
		}
		saysAndNot(t, c.name, a.Explanation, []string{"(history: -0.1 points a year); its figures follow their gap to 0 more closely than those points a year: at the history's pace, its gap to 0 narrowing 1.9% a year, the target is reached in 2030"}, nil)
	}
}
