package forecast

import (
	"math"
	"testing"

	"github.com/plancast/plancast"
)

// At the history's pace, when is a level target reached? Houma's GDP grew
// from 88.9 to 120.8 over 2015–2020, h = (120.8/88.9)^(1/5) − 1 = 6.32% a
// year; at that pace 250 takes log(250/120.8)/log(1+h) = 11.9 years from
// 2020, so it is reached in 2032, seven years after the plan's 2025.
func TestThePaceYearOfALevelTarget(t *testing.T) {
	energy := plancast.Indicator{Code: "energy_use", Unit: "10k_tce", Kind: plancast.KindLevel, Better: plancast.BetterLower}
	level := func(year int, v float64) plancast.Target {
		return plancast.Target{Indicator: "gdp", Kind: plancast.TargetLevel, Year: year, Value: v}
	}
	houma := func(tg plancast.Target, ind plancast.Indicator, values ...float64) plancast.Assessment {
		t.Helper()
		a, err := Assess(tg, ind, []int{2015, 2020}, values, Options{})
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	h := math.Pow(120.8/88.9, 0.2) - 1
	wantHouma := 2020 + int(math.Ceil(math.Log(250/120.8)/math.Log1p(h)))
	if wantHouma != 2032 {
		t.Fatalf("the hand computation gives %d", wantHouma)
	}
	cases := []struct {
		name string
		a    plancast.Assessment
		want int // 0: no pace year
	}{
		{"Houma's 250 by 2025", houma(level(2025, 250), gdp, 88.9, 120.8), 2032},
		{"a target the pace meets early", houma(level(2025, 130), gdp, 88.9, 120.8),
			2020 + int(math.Ceil(math.Log(130/120.8)/math.Log1p(h)))},
		{"energy use to fall to 70 while it falls 5% a year", houma(level(2025, 70), energy, 100, 100*math.Pow(0.95, 5)),
			2020 + int(math.Ceil(math.Log(70/(100*math.Pow(0.95, 5)))/math.Log(0.95)))},
		{"a series falling away from its target", houma(level(2025, 250), gdp, 130, 120.8), 0},
		{"a target more than 50 years away at the pace", houma(level(2025, 120.8*math.Pow(1+h, 51)), gdp, 88.9, 120.8), 0},
		{"a target already reached", houma(level(2025, 100), gdp, 88.9, 120.8), 0},
		{"a flat history", houma(level(2025, 250), gdp, 120.8, 120.8), 0},
		{"a growth target", houma(plancast.Target{Indicator: "gdp", Kind: plancast.TargetGrowth, Year: 2021, Value: 8.5}, gdp, 88.9, 120.8), 0},
	}
	for _, c := range cases {
		got := 0
		if c.a.PaceYear != nil {
			got = *c.a.PaceYear
		}
		if got != c.want {
			t.Errorf("%s: pace year %d, want %d (status %s)", c.name, got, c.want, c.a.Status)
		}
	}

	a := cases[0].a
	saysAndNot(t, "English", a.Explanation, []string{"(history: 6.3% a year); at that pace the target is reached in 2032"}, nil)
	saysAndNot(t, "Chinese", a.ExplanationZh, []string{"（历史年均6.3%）；按历史增速，2032年达到目标"}, nil)
	saysAndNot(t, "English", cases[3].a.Explanation, nil, []string{"at that pace"})
}

// The growth an explanation states is rounded as people round it: a
// target of 170 from 160 a year before needs exactly 6.25% a year, written
// 6.3% (四舍五入), in both languages and in the needs and the history.
func TestAnExplanationRoundsHalvesAwayFromZero(t *testing.T) {
	a, err := Assess(plancast.Target{Indicator: "gdp", Kind: plancast.TargetLevel, Year: 2021, Value: 170}, gdp, []int{2019, 2020}, []float64{128, 160}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	saysAndNot(t, "English", a.Explanation, []string{"needs 6.3% a year from 2020 (history: 25.0% a year)"}, []string{"6.2%"})
	saysAndNot(t, "Chinese", a.ExplanationZh, []string{"需年均增长6.3%"}, []string{"6.2%"})
}
