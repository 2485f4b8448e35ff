package forecast

import (
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// A growth target is quoted as the plan set it, with its own decimals, in
// English and in Chinese; the growth projected or realised beside it keeps
// its one decimal (the realised one more where it would read as the
// target). Rounded to one decimal, a plan's 6.25% read "a target of 6.3%"
// beside the dashboard's +6.25%, and retail sales up 6.863% on a target of
// 6.86 read "growth 6.863% against a target of 6.9% (achieved)".
func TestAGrowthTargetIsQuotedAsSet(t *testing.T) {
	retail := plancast.Indicator{Code: "retail_sales", Unit: plancast.Unit100mYuan, Kind: plancast.KindLevel, Better: plancast.BetterHigher}
	revenue := plancast.Indicator{Code: "budget_revenue", Unit: plancast.Unit100mYuan, Kind: plancast.KindLevel, Better: plancast.BetterHigher}
	for _, c := range []struct {
		name     string
		target   plancast.Target
		ind      plancast.Indicator
		years    []int
		values   []float64
		stated   []plancast.StatedGrowth
		en, zh   []string
		notEn    []string
		wantStat string
	}{
		{"observed, met", plancast.Target{Indicator: "retail_sales", Kind: plancast.TargetGrowth, BaseYear: 2022, Year: 2023, Value: 6.86},
			retail, []int{2021, 2022, 2023}, []float64{38, 40.8, 43.6}, nil,
			[]string{"2023 observed: growth 6.863% against a target of 6.86% (achieved)"},
			[]string{"2023年实际增长6.863%，目标6.86%（已实现）"}, []string{"6.9%"}, plancast.StatusAchieved},
		{"observed as stated, missed", plancast.Target{Indicator: "gdp", Kind: plancast.TargetGrowth, BaseYear: 2022, Year: 2023, Value: 4.25},
			gdp, []int{2021, 2022, 2023}, []float64{100, 104, 108}, []plancast.StatedGrowth{{BaseYear: 2022, Year: 2023, Percent: 4.2}},
			[]string{"2023 observed: growth 4.2% against a target of 4.25% (missed, off_track)"},
			[]string{"2023年实际增长4.2%，目标4.25%（未实现）"}, []string{"4.3%"}, plancast.StatusOffTrack},
		{"projected", plancast.Target{Indicator: "budget_revenue", Kind: plancast.TargetGrowth, BaseYear: 2024, Year: 2025, Value: 6.25},
			revenue, []int{2023, 2024}, []float64{8, 8.5}, nil,
			[]string{"projected growth ", "% for 2025 (95% interval ", "against a target of 6.25%: probability "},
			[]string{"目标6.25%：达成概率"}, []string{"target of 6.3%"}, ""},
		{"an average growth, whole", plancast.Target{Indicator: "gdp", Kind: plancast.TargetAvgGrowth, BaseYear: 2020, Year: 2025, Value: 6},
			gdp, []int{2015, 2020}, []float64{88.9, 120.8}, nil,
			[]string{"projected average growth 2020–2025 ", "against a target of 6%: probability "},
			[]string{"目标6%：达成概率"}, []string{"target of 6.0%"}, ""},
	} {
		a, err := Assess(c.target, c.ind, c.years, c.values, Options{Stated: c.stated})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		saysAndNot(t, c.name, a.Explanation, c.en, c.notEn)
		saysAndNot(t, c.name+" (zh)", a.ExplanationZh, c.zh, nil)
		if c.wantStat != "" && a.Status != c.wantStat {
			t.Errorf("%s: %s, want %s", c.name, a.Status, c.wantStat)
		}
		if a.Projected != nil {
			// The projection keeps its one decimal.
			if want := plancast.Fixed(a.Projected.Mean, 1) + "% for 2025"; !strings.Contains(a.Explanation, want) && c.target.Kind == plancast.TargetGrowth {
				t.Errorf("%s: %q lacks %q", c.name, a.Explanation, want)
			}
		}
	}
}
