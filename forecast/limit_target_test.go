package forecast

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

var garbageShare = plancast.Indicator{Code: "garbage_treatment_share", Unit: plancast.UnitPercent, Kind: plancast.KindRate, Better: plancast.BetterHigher}

// A share of exactly 100 is never projected on the logit scale, so read
// literally a target of 100 has probability 0 whatever the figures: Houma's
// garbage treatment at 99.0, 99.5, 99.8, 99.9 and 99.95 in 2020–2024 was
// "probability 0% (off_track)" for a 2025 target of 100, beside "at that
// pace the target is reached in 2025". A figure of two decimals reads 100
// from 99.995 on, so that is where the target is met: its probability is
// P(2025 ≥ 99.995), the explanation says so, and the pace is the gap to
// 100 narrowing as the history's did (1 to 0.05 in four years: 52.7% a
// year), which reads 100 in 2028, not 2025.
func TestAShareTargetOf100IsJudgedWhereAFigureReads100(t *testing.T) {
	years, values := []int{2020, 2021, 2022, 2023, 2024}, []float64{99.0, 99.5, 99.8, 99.9, 99.95}
	target := plancast.Target{Indicator: garbageShare.Code, Plan: "14th-fyp", Kind: plancast.TargetShare, Year: 2025, Value: 100}
	opt := Options{Limits: LimitsOf(garbageShare)}
	a, err := Assess(target, garbageShare, years, values, opt)
	if err != nil {
		t.Fatal(err)
	}
	o := opt
	o.Horizon, o.Method = 1, MethodAuto
	res, err := Forecast(years, values, o)
	if err != nil {
		t.Fatal(err)
	}
	if want := 1 - res.CDF(2025, 99.995); a.Probability <= 0 || math.Abs(a.Probability-want) > 1e-12 {
		t.Errorf("probability %v, want P(2025 ≥ 99.995) = %v, above 0", a.Probability, want)
	}
	if got := plancast.FormatProbability(a.Probability); got == "0%" {
		t.Errorf("the probability reads %q, as a target already missed", got)
	}
	// (1 − 0.05 ... 0.005): gap 0.05 in 2024 narrowing (0.05/1)^(1/4) − 1 a year.
	g := math.Pow(0.05/1, 0.25) - 1
	wantPace := 2024 + int(math.Ceil(math.Log(0.005/0.05)/math.Log1p(g)))
	if wantPace != 2028 || a.PaceYear == nil || *a.PaceYear != wantPace {
		t.Errorf("pace year %s, want %d", paceText(a.PaceYear), wantPace)
	}
	saysAndNot(t, "English", a.Explanation, []string{
		"against a target of 100: probability " + plancast.FormatProbability(a.Probability) + " (off_track)",
		"(history: +0.2 points a year); those points a year would run past 100: at the history's pace, its gap to 100 narrowing 52.7% a year, the target is reached in 2028",
		"; met from 99.995 up, which figures of two decimals write as 100",
	}, []string{"reached in 2025", "probability 0%"})
	saysAndNot(t, "Chinese", a.ExplanationZh, []string{
		"（历史年均提高0.2个百分点）；按历史年均点数将超过100：按历史速度，与100的差距年均缩小52.7%，2028年达到目标",
		"；数据保留两位小数，不低于99.995即记为100，按此判断",
	}, []string{"达成概率0%"})

	// A series of one decimal reads 100 from 99.95 on.
	a1, err := Assess(target, garbageShare, []int{2020, 2022, 2024}, []float64{99.0, 99.5, 99.8}, opt)
	if err != nil {
		t.Fatal(err)
	}
	r1, _ := Forecast([]int{2020, 2022, 2024}, []float64{99.0, 99.5, 99.8}, o)
	if want := 1 - r1.CDF(2025, 99.95); math.Abs(a1.Probability-want) > 1e-12 || !strings.Contains(a1.Explanation, "; met from 99.95 up, which figures of one decimal write as 100") {
		t.Errorf("one decimal: probability %v, want %v; %q", a1.Probability, want, a1.Explanation)
	}

	// A target short of the limit is judged at itself, as before.
	below := target
	below.Value = 99.9
	b, err := Assess(below, garbageShare, years, values, opt)
	if err != nil {
		t.Fatal(err)
	}
	if want := 1 - res.CDF(2025, 99.9); math.Abs(b.Probability-want) > 1e-12 || strings.Contains(b.Explanation, "write as") {
		t.Errorf("a target of 99.9: probability %v, want %v; %q", b.Probability, want, b.Explanation)
	}
}

// An observed figure is judged at its decimals: 99.95 does not read 100,
// and misses a target of 100; a figure of 100 meets it. Nor does 99.999,
// a figure of three decimals, which two decimals would write as 100.
func TestAnObservedShareMeetsATargetOf100OnlyAt100(t *testing.T) {
	target := plancast.Target{Indicator: garbageShare.Code, Plan: "14th-fyp", Kind: plancast.TargetShare, Year: 2024, Value: 100}
	for _, c := range []struct {
		latest float64
		status string
		says   string
	}{
		{99.95, plancast.StatusOffTrack, "2024 observed: 99.95 against a target of 100 (missed, off_track)"},
		{99.999, plancast.StatusOffTrack, "2024 observed: 99.999 against a target of 100 (missed, off_track)"},
		{100, plancast.StatusAchieved, "2024 observed: 100 against a target of 100 (achieved)"},
	} {
		a, err := Assess(target, garbageShare, []int{2022, 2023, 2024}, []float64{99.8, 99.9, c.latest}, Options{Limits: LimitsOf(garbageShare)})
		if err != nil {
			t.Fatal(err)
		}
		if a.Status != c.status || !strings.Contains(a.Explanation, c.says) || strings.Contains(a.Explanation, "write as") {
			t.Errorf("%v: %s, %q; want %s and %q", c.latest, a.Status, a.Explanation, c.status, c.says)
		}
	}
}

// A ceiling of 0 (消除劣V类水体) on a share falling 4.0 to 0.2 is met where a
// figure of one decimal reads 0, under 0.05: it was "probability 0%
// (off_track)" beside a projection of 0.11. So is a share of 0 better
// lower, and a year between stored figures judged on their bridge.
func TestATargetOf0IsJudgedWhereAFigureReads0(t *testing.T) {
	poor := plancast.Indicator{Code: "poor_water_share", Unit: plancast.UnitPercent, Kind: plancast.KindRate, Better: plancast.BetterLower}
	years, values := []int{2020, 2021, 2022, 2023, 2024}, []float64{4.0, 2.0, 1.0, 0.5, 0.2}
	opt := Options{Limits: LimitsOf(poor)}
	o := opt
	o.Horizon, o.Method = 1, MethodAuto
	res, err := Forecast(years, values, o)
	if err != nil {
		t.Fatal(err)
	}
	for _, kind := range []string{plancast.TargetCeiling, plancast.TargetShare} {
		a, err := Assess(plancast.Target{Indicator: poor.Code, Plan: "14th-fyp", Kind: kind, Year: 2025, Value: 0}, poor, years, values, opt)
		if err != nil {
			t.Fatal(err)
		}
		if want := res.CDF(2025, 0.05); a.Probability <= 0 || math.Abs(a.Probability-want) > 1e-12 {
			t.Errorf("%s of 0: probability %v, want P(2025 ≤ 0.05) = %v", kind, a.Probability, want)
		}
		saysAndNot(t, kind, a.Explanation, []string{"; met under 0.05, which figures of one decimal write as 0"}, []string{"probability 0%"})
		saysAndNot(t, kind+" (zh)", a.ExplanationZh, []string{"；数据保留一位小数，低于0.05即记为0，按此判断"}, nil)
	}
	// 2022 has no figure: judged on the bridge between 2021 and 2023,
	// which never reaches 0 itself.
	a, err := Assess(plancast.Target{Indicator: poor.Code, Plan: "2022-annual", Kind: plancast.TargetCeiling, Year: 2022, Value: 0}, poor,
		[]int{2020, 2021, 2023, 2024}, []float64{4.0, 2.0, 0.5, 0.2}, opt)
	if err != nil {
		t.Fatal(err)
	}
	if a.Interpolated == nil || a.Probability <= 0 {
		t.Errorf("a ceiling of 0 in a year between figures: interpolated %v, probability %v; want it judged above 0", a.Interpolated, a.Probability)
	}
}

// figureDecimals reads a figure's decimals as written, beyond plancast.Decimals' two,
// through a conversion's float noise.
func TestFigureDecimals(t *testing.T) {
	for v, want := range map[float64]int{100: 0, 99.5: 1, 99.95: 2, 99.999: 3, 0.2: 1, 0.1 + 0.2: 1, 99.94999999999999: 2, math.Pi: maxFigureDecimals} {
		if got := figureDecimals(v); got != want {
			t.Errorf("figureDecimals(%v) = %d, want %d", v, got, want)
		}
	}
}

func paceText(y *int) string {
	if y == nil {
		return "none"
	}
	return strconv.Itoa(*y)
}

// A harder target is never likelier: with figures of one decimal, a
// forest cover of 99.99 was judged at itself (P 4%) and one of 100 where a
// figure reads 100, from 99.95 (P 42%); a poverty ceiling of 0.01 got 1%
// and one of 0, met under 0.05, 46%. A target within half a unit of the
// figures' last decimal of the limit is met by exactly the figures that
// meet the limit, and is judged as the limit is; so P falls as a target
// rises toward 100, and rises as a ceiling rises from 0.
func TestATargetNearALimitIsNeverLikelierThanAnEasierOne(t *testing.T) {
	forest := plancast.Indicator{Code: "forest_share", Unit: plancast.UnitPercent, Kind: plancast.KindRate, Better: plancast.BetterHigher}
	poverty := plancast.Indicator{Code: "poverty_share", Unit: plancast.UnitPercent, Kind: plancast.KindRate, Better: plancast.BetterLower}
	years := []int{2018, 2019, 2020, 2021, 2022, 2023, 2024}
	for _, c := range []struct {
		ind     plancast.Indicator
		kind    string
		values  []float64
		targets []float64 // from the hardest to the easiest
		limit   float64
		edge    float64
		judged  []bool // judged as the limit is (the explanation says where)
	}{
		{forest, plancast.TargetShare, []float64{96.0, 97.0, 98.0, 98.8, 99.3, 99.6, 99.8},
			[]float64{100, 99.99, 99.96, 99.951, 99.95, 99.94, 99.9}, 100, 99.95,
			[]bool{true, true, true, true, false, false, false}},
		{poverty, plancast.TargetCeiling, []float64{8.0, 5.0, 3.0, 1.5, 0.8, 0.3, 0.1},
			[]float64{0, 0.01, 0.04, 0.049, 0.05, 0.06, 0.1}, 0, 0.05,
			[]bool{true, true, true, true, false, false, false}},
	} {
		opt := Options{Limits: LimitsOf(c.ind)}
		res, err := Forecast(years, c.values, Options{Limits: opt.Limits, Horizon: 1, SkipBacktest: true})
		if err != nil {
			t.Fatal(err)
		}
		atLimit := res.CDF(2025, c.edge)
		if c.limit > 0 {
			atLimit = 1 - atLimit
		}
		prev := -1.0
		for i, v := range c.targets {
			tg := plancast.Target{Indicator: c.ind.Code, Plan: "14th-fyp", Kind: c.kind, Year: 2025, Value: v}
			a, err := Assess(tg, c.ind, years, c.values, opt)
			if err != nil {
				t.Fatal(err)
			}
			if a.Probability < prev-1e-12 {
				t.Errorf("%s %s of %v: P %.4f, below the %.4f of the harder %v", c.ind.Code, c.kind, v, a.Probability, prev, c.targets[i-1])
			}
			prev = a.Probability
			if c.judged[i] {
				if math.Abs(a.Probability-atLimit) > 1e-12 {
					t.Errorf("%s %s of %v: P %.4f, want %.4f, as the limit %v (met %s %v)", c.ind.Code, c.kind, v, a.Probability, atLimit, c.limit, map[bool]string{true: "from", false: "under"}[c.limit > 0], c.edge)
				}
				edge, ok := TargetAtLimit(tg, c.ind, opt.Limits, years, c.values)
				if !ok || edge.Edge != c.edge || edge.Limit != c.limit {
					t.Errorf("%s %s of %v: TargetAtLimit %+v, %v; want the edge %v of %v", c.ind.Code, c.kind, v, edge, ok, c.edge, c.limit)
				}
				if !strings.Contains(a.Explanation, "which figures of one decimal write as "+plancast.FormatNumber(c.limit, -1)) {
					t.Errorf("%s %s of %v: %q does not say where the target is met", c.ind.Code, c.kind, v, a.Explanation)
				}
			} else if _, ok := TargetAtLimit(tg, c.ind, opt.Limits, years, c.values); ok || strings.Contains(a.Explanation, "write as") {
				t.Errorf("%s %s of %v: judged at the limit, want it judged at itself: %q", c.ind.Code, c.kind, v, a.Explanation)
			}
		}
	}
}

// One series, one pace: on a percentage of a whole every level target is
// paced on its gap to the limit it lies toward narrowing at the history's
// rate, as the target at the limit is and as the logit projection moves.
// A forest cover of 96.0 … 99.8 in 2018–2024 closes 39.3% of its gap to
// 100 a year (4.0 to 0.2): 0.121 in 2025 (99.88), 0.074 in 2026 (99.93),
// 0.045 in 2027 (99.955). So 99.9 is reached in 2026: a target short of
// the limit is judged at itself, and reached where the path meets it, not
// where it reads as it at the figures' one decimal (99.88 in 2025, which
// P(meet) 31% judges short of 99.9: "reached in 2025" beside it
// contradicted it); 99.95 in 2027 as the target of 100 (met from 99.95)
// is; in points, +0.63 a year,
// every one of them was "reached in 2025" (100.43 by then), which
// contradicted the 100's "2027" in the same answer. A share falling
// toward 0 (poverty, 8.0 … 0.1) is paced on the share itself shrinking
// 51.8% a year. A growth rate, which has no limit, is still paced in
// points.
func TestEveryTargetOfAPercentageOfAWholeIsPacedOnItsGapToTheLimit(t *testing.T) {
	forest := plancast.Indicator{Code: "forest_share", Unit: plancast.UnitPercent, Kind: plancast.KindRate, Better: plancast.BetterHigher}
	poverty := plancast.Indicator{Code: "poverty_share", Unit: plancast.UnitPercent, Kind: plancast.KindRate, Better: plancast.BetterLower}
	years := []int{2018, 2019, 2020, 2021, 2022, 2023, 2024}
	trees := []float64{96.0, 97.0, 98.0, 98.8, 99.3, 99.6, 99.8}
	poor := []float64{8.0, 5.0, 3.0, 1.5, 0.8, 0.3, 0.1}
	closes := math.Pow(0.2/4.0, 1.0/6) - 1 // −39.3%
	shrinks := math.Pow(0.1/8.0, 1.0/6) - 1
	paceTo := func(gapLatest, gapTarget, c float64) int {
		return 2024 + int(math.Ceil(math.Log(gapTarget/gapLatest)/math.Log1p(c)))
	}
	for _, c := range []struct {
		ind    plancast.Indicator
		values []float64
		kind   string
		year   int
		target float64
		want   int
		gap    string // the explanation's pace
	}{
		{forest, trees, plancast.TargetShare, 2025, 100, paceTo(0.2, 0.05, closes), "its gap to 100 narrowing 39.3% a year"},
		{forest, trees, plancast.TargetShare, 2030, 99.95, paceTo(0.2, 0.05, closes), "its gap to 100 narrowing 39.3% a year"},
		{forest, trees, plancast.TargetLevel, 2025, 99.9, paceTo(0.2, 0.1, closes), "its gap to 100 narrowing 39.3% a year"},
		{forest, trees, plancast.TargetShare, 2030, 99.85, paceTo(0.2, 0.15, closes), "its gap to 100 narrowing 39.3% a year"},
		{poverty, poor, plancast.TargetLevel, 2025, 0.05, paceTo(0.1, 0.05, shrinks), "its gap to 0 narrowing 51.8% a year"},
		// Judged at the limit (under 0.05): paced to there.
		{poverty, poor, plancast.TargetShare, 2030, 0.02, paceTo(0.1, 0.05, shrinks), "its gap to 0 narrowing 51.8% a year"},
	} {
		tg := plancast.Target{Indicator: c.ind.Code, Plan: "p", Kind: c.kind, Year: c.year, Value: c.target}
		opt := Options{Limits: LimitsOf(c.ind)}
		a, err := Assess(tg, c.ind, years, c.values, opt)
		if err != nil {
			t.Fatal(err)
		}
		name := c.ind.Code + " " + plancast.FormatNumber(c.target, -1)
		if a.PaceYear == nil || *a.PaceYear != c.want {
			t.Errorf("%s: pace year %s, want %d", name, paceText(a.PaceYear), c.want)
		}
		// Its points a year, said as the history's beside the needed,
		// would run past the limit, and the sentence says so: the gap
		// is the pace (pacedInPoints).
		saysAndNot(t, name, a.Explanation, []string{fmt.Sprintf(" points a year would run past %s: at the history's pace, %s, the target is reached in %d",
			plancast.FormatNumber(map[bool]float64{true: 100, false: 0}[c.ind.Better == plancast.BetterHigher], -1), c.gap, c.want)},
			[]string{"at that pace"})
		// The forecast command words the pace from TargetAtLimit: the
		// limit the target lies toward and the gap's pace.
		edge, _ := TargetAtLimit(tg, c.ind, opt.Limits, years, c.values)
		if edge.GapChange == nil || edge.Limit != map[bool]float64{true: 100, false: 0}[c.ind.Better == plancast.BetterHigher] {
			t.Errorf("%s: TargetAtLimit %+v, want the gap to the limit it lies toward and its pace", name, edge)
		}
	}
	// Where the target is judged is said only for one judged at the limit.
	a, err := Assess(plancast.Target{Indicator: forest.Code, Plan: "p", Kind: plancast.TargetShare, Year: 2030, Value: 99.9}, forest, years, trees, Options{Limits: LimitsOf(forest)})
	if err != nil {
		t.Fatal(err)
	}
	saysAndNot(t, "99.9", a.Explanation, nil, []string{"write as"})

	// A growth rate (a percentage, but of no whole) keeps points a year.
	cpi := plancast.Indicator{Code: "cpi", Unit: plancast.UnitPercent, Kind: plancast.KindRate, Better: plancast.BetterHigher}
	r, err := Assess(plancast.Target{Indicator: "cpi", Plan: "p", Kind: plancast.TargetLevel, Year: 2030, Value: 4}, cpi, []int{2020, 2024}, []float64{1, 3}, Options{Limits: LimitsOf(cpi)})
	if err != nil {
		t.Fatal(err)
	}
	if r.PaceYear == nil || *r.PaceYear != 2026 {
		t.Errorf("a growth rate of 1 then 3, +0.5 points a year, toward 4: pace year %s, want 2026", paceText(r.PaceYear))
	}
	saysAndNot(t, "cpi", r.Explanation, []string{"at that pace the target is reached in 2026"}, []string{"gap"})
}
