package forecast

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
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

// TestAssessProperties: for random series (growing, falling, around zero,
// with gaps, long and short) and every target kind, for target years in the
// past, at the latest observation and ahead, with either direction of
// "better", an assessment
//   - has a probability in [0, 1], 1 when achieved and 0 when the target year
//     is observed and missed;
//   - has the status its probability and observation imply (the documented
//     thresholds);
//   - has finite numbers and nested intervals where it projects;
//   - and, ahead of the data, never gives a higher probability to a harder
//     target (a higher level or growth when higher is better, a lower one
//     when lower is better).
//
// The same holds for percentages of a whole (a share near 0, in the middle,
// near 100: the logit scale, LimitsOf), whose projections also stay within
// 0–100.
func TestAssessProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	series := []func(n int) []float64{
		func(n int) []float64 { return walk(rng, n, 100, 0.06, 0.04) },  // growing
		func(n int) []float64 { return walk(rng, n, 100, -0.05, 0.08) }, // falling, noisy
		func(n int) []float64 { // around zero (a balance, a growth rate)
			v := make([]float64, n)
			for i := range v {
				v[i] = rng.NormFloat64() * 3
			}
			return v
		},
	}
	// Percentages of a whole: a logit random walk from near 0, the middle
	// and near 100.
	shares := len(series)
	for _, from := range []float64{-4, 0, 4} {
		series = append(series, func(n int) []float64 {
			v := make([]float64, n)
			y := from + rng.NormFloat64()
			for i := range v {
				y += 0.1 + 0.3*rng.NormFloat64()
				v[i] = 100 / (1 + math.Exp(-y))
			}
			return v
		})
	}
	harder := func(higher bool, v float64) float64 {
		if higher {
			return v + math.Abs(v)*0.1 + 0.5
		}
		return v - math.Abs(v)*0.1 - 0.5
	}
	checked := 0
	for si, gen := range series {
		for _, n := range []int{2, 3, 6, 20} {
			v := gen(n)
			years := make([]int, n)
			y := 2000
			for i := range years {
				years[i] = y
				y += 1 + rng.IntN(2) // gaps
			}
			first, last := years[0], years[n-1]
			for _, better := range []string{plancast.BetterHigher, plancast.BetterLower} {
				ind := plancast.Indicator{Code: "x", Name: "x", Unit: plancast.Unit100mYuan, Kind: plancast.KindLevel, Better: better}
				var opt Options
				if si >= shares {
					ind = plancast.Indicator{Code: "x_share", Name: "x", Unit: plancast.UnitPercent, Kind: plancast.KindRate, Better: better}
					opt.Limits = LimitsOf(ind)
				}
				for _, kind := range plancast.TargetKinds {
					for _, year := range []int{first + (last-first)/2, last, last + 1, last + 5} {
						tg := plancast.Target{Region: "r", Indicator: "x", Plan: "14th-fyp", Kind: kind, Year: year}
						switch kind {
						case plancast.TargetGrowth, plancast.TargetAvgGrowth:
							tg.Value = rng.NormFloat64() * 5
							if kind == plancast.TargetAvgGrowth {
								tg.BaseYear = first
								if year == first {
									continue
								}
							} else if year-1 < first {
								continue
							}
						default:
							tg.Value = v[n-1] * (1 + rng.NormFloat64()*0.3)
						}
						name := fmt.Sprintf("series %d n=%d %s %s %d value %.3g", si, n, better, kind, year, tg.Value)
						a, err := Assess(tg, ind, years, v, opt)
						growthKind := kind == plancast.TargetGrowth || kind == plancast.TargetAvgGrowth
						// A growth is judged when the figures it is
						// measured on are positive: the base year's, or
						// the one before it, and every later one
						// (positiveFrom); one at or below 0 before them
						// leaves it judged on the whole history.
						from := tg.BaseYear
						if from == 0 && kind == plancast.TargetGrowth {
							from = year - 1
						}
						positive := true
						for i, x := range v {
							if x <= 0 && (i+1 == n || years[i+1] > from) {
								positive = false
							}
						}
						if err != nil {
							if plancast.ErrorCode(err) == plancast.EINVALID && growthKind && !positive {
								continue // growth of a series across zero: refused, as it should be
							}
							t.Fatalf("%s: %v", name, err)
						}
						if growthKind && !positive {
							t.Fatalf("%s: a growth target on a series with values ≤ 0 was assessed: %+v", name, a)
						}
						checked++
						if !(a.Probability >= 0 && a.Probability <= 1) {
							t.Fatalf("%s: probability %v", name, a.Probability)
						}
						// Observed: the target year, and a growth's base, are
						// stored; between stored figures without one of
						// its own, a year is interpolated and judged on its
						// distribution, as a year ahead is.
						base := tg.BaseYear
						if kind == plancast.TargetGrowth {
							base = year - 1
						}
						stored := slices.Contains(years, year) && (!growthKind || slices.Contains(years, base))
						observed := year <= last && stored
						// So is a growth's base year without a figure,
						// whatever the target year.
						baseGap := growthKind && base > first && base < last && !slices.Contains(years, base)
						if interpolated := year <= last && !stored || year > last && baseGap; interpolated != (a.Interpolated != nil) || interpolated && a.Realised != nil {
							t.Errorf("%s: interpolated %v, realised %v, for years %v", name, a.Interpolated, a.Realised, years)
						}
						switch {
						case a.Status == plancast.StatusAchieved && a.Probability != 1:
							t.Errorf("%s: achieved with probability %v", name, a.Probability)
						case observed && a.Status != plancast.StatusAchieved && (a.Status != plancast.StatusOffTrack || a.Probability != 0):
							t.Errorf("%s: observed and missed, status %s with probability %v", name, a.Status, a.Probability)
						case !observed && a.Status == plancast.StatusOnTrack && a.Probability < OnTrackProbability,
							!observed && a.Status == plancast.StatusAtRisk && (a.Probability < AtRiskProbability || a.Probability >= OnTrackProbability),
							!observed && a.Status == plancast.StatusOffTrack && a.Probability >= AtRiskProbability:
							t.Errorf("%s: status %s with probability %v", name, a.Status, a.Probability)
						}
						for _, e := range []string{a.Explanation, a.ExplanationZh} {
							if e == "" || strings.Contains(e, "%!") || strings.Contains(e, "NaN") {
								t.Errorf("%s: explanation %q", name, e)
							}
						}
						for _, p := range []*float64{a.RequiredGrowth, a.Progress, a.HistoricalGrowth, a.Realised} {
							if p != nil && !finite(*p) {
								t.Errorf("%s: a non-finite figure in %+v", name, a)
							}
						}
						if observed {
							continue
						}
						if pt := a.Projected; pt == nil || !(pt.Lo95 <= pt.Lo80 && pt.Lo80 <= pt.Mean && pt.Mean <= pt.Hi80 && pt.Hi80 <= pt.Hi95) || !finite(pt.Lo95) || !finite(pt.Hi95) {
							t.Errorf("%s: projected %+v", name, a.Projected)
						} else if si >= shares && !growthKind && (pt.Lo95 <= 0 || pt.Hi95 >= 100) {
							t.Errorf("%s: a share projected at %+v, want inside (0, 100)", name, *pt)
						}
						if a.Status == plancast.StatusAchieved {
							continue // a level already reached: the harder target may not be
						}
						higher := better == plancast.BetterHigher
						if kind == plancast.TargetCeiling {
							higher = false
						}
						if kind == plancast.TargetFloor {
							higher = true
						}
						h := tg
						h.Value = harder(higher, tg.Value)
						b, err := Assess(h, ind, years, v, opt)
						if err != nil {
							t.Fatalf("%s, harder: %v", name, err)
						}
						if b.Probability > a.Probability+1e-12 {
							t.Errorf("%s: the harder target %.3g has probability %v > %v", name, h.Value, b.Probability, a.Probability)
						}
					}
				}
			}
		}
	}
	if checked < 500 {
		t.Fatalf("only %d assessments checked", checked)
	}
}

// A growth target is explained in growth rates, not levels: Houma's 2021
// target of 8.5% growth reads "projected growth 4.3% … against a target of
// 8.5%", and, GDP being in current prices, says that inflation is in it.
func TestAssessExplainsGrowthTargetsAsGrowth(t *testing.T) {
	years, values := []int{2015, 2020}, []float64{88.9, 120.8}
	for _, c := range []struct {
		target plancast.Target
		ind    plancast.Indicator
		want   []string
		not    []string
	}{
		{plancast.Target{Indicator: "gdp", Kind: plancast.TargetGrowth, Year: 2021, Value: 8.5}, gdp,
			[]string{"projected growth ", "% for 2021", "against a target of 8.5%", "current-price"}, nil},
		{plancast.Target{Indicator: "gdp", Kind: plancast.TargetAvgGrowth, BaseYear: 2020, Year: 2025, Value: 7}, gdp,
			[]string{"projected average growth 2020–2025 ", "against a target of 7%", "current-price"}, nil},
		{plancast.Target{Indicator: "gdp", Kind: plancast.TargetAvgGrowth, BaseYear: 2015, Year: 2020, Value: 5}, gdp,
			[]string{"2020 observed: average growth 2015–2020 6.3% against a target of 5%"}, nil},
		// 2019 has no figure: the growth into 2020 is not observed.
		{plancast.Target{Indicator: "gdp", Kind: plancast.TargetGrowth, Year: 2020, Value: 5}, gdp,
			[]string{"no figure of 2019 is stored: between the figures of 2015 and 2020, growth 6.3% (95% interval ", "against a target of 5%: probability "},
			[]string{"observed"}},
		{plancast.Target{Indicator: "rate", Kind: plancast.TargetGrowth, Year: 2021, Value: 8.5},
			plancast.Indicator{Code: "rate", Unit: plancast.UnitPercent, Better: plancast.BetterHigher},
			[]string{"projected growth "}, []string{"current-price"}},
		{plancast.Target{Indicator: "gdp", Kind: plancast.TargetLevel, Year: 2025, Value: 250}, gdp,
			[]string{"against a target of 250:"}, []string{"growth 1", "current-price"}},
	} {
		a, err := Assess(c.target, c.ind, years, values, Options{})
		if err != nil {
			t.Fatalf("%s %d: %v", c.target.Kind, c.target.Year, err)
		}
		saysAndNot(t, fmt.Sprintf("%s %d", c.target.Kind, c.target.Year), a.Explanation, c.want, c.not)
	}
}

// Explanations write figures for people: a target as stated, projections as
// precisely as the latest figure, thousands separated, never in exponent
// notation (33,029 yuan read "3.303e+04" before).
func TestAssessExplainsLargeFiguresInFull(t *testing.T) {
	income := plancast.Indicator{Code: "urban_disposable_income", Unit: plancast.UnitYuan, Better: plancast.BetterHigher}
	years, values := []int{2015, 2020}, []float64{24500, 33029}
	for _, c := range []struct {
		target plancast.Target
		want   string
	}{
		{plancast.Target{Indicator: income.Code, Kind: plancast.TargetLevel, Year: 2025, Value: 45000.5}, "against a target of 45,000.5:"},
		{plancast.Target{Indicator: income.Code, Kind: plancast.TargetLevel, Year: 2020, Value: 30000}, "2020 observed: 33,029 against a target of 30,000"},
		{plancast.Target{Indicator: income.Code, Kind: plancast.TargetLevel, Year: 2025, Value: 30000}, "already at 33,029 in 2020, above the 30,000 set for 2025; projected 40,062 for 2025"},
	} {
		a, err := Assess(c.target, income, years, values, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(a.Explanation, c.want) || strings.Contains(a.Explanation, "e+") {
			t.Errorf("explanation %q, want %q and no exponent", a.Explanation, c.want)
		}
		if a.Projected != nil && a.Realised == nil && a.Status != plancast.StatusAchieved {
			// Whole yuan, as the latest figure: "projected 40,062 for 2025".
			want := "projected " + plancast.FormatNumber(a.Projected.Mean, 0) + " for 2025"
			if !strings.Contains(a.Explanation, want) {
				t.Errorf("explanation %q lacks %q", a.Explanation, want)
			}
		}
	}
}

// The Chinese explanation says the same as the English one, clause for
// clause, in the words of a plan.
func TestAssessExplainsInChinese(t *testing.T) {
	years, values := []int{2015, 2020}, []float64{88.9, 120.8}
	for _, c := range []struct {
		target   plancast.Target
		want     []string
		not      []string
		sameAsEn []string // figures the English sentence has too
	}{
		{plancast.Target{Indicator: "gdp", Kind: plancast.TargetLevel, Year: 2025, Value: 250},
			[]string{"预计2025年为", "（95%区间", "目标250：达成概率", "（难以实现）", "自2020年起需年均增长15.7%", "（历史年均6.3%）"},
			[]string{"按现价"}, []string{"15.7%", "6.3%"}},
		{plancast.Target{Indicator: "gdp", Kind: plancast.TargetGrowth, Year: 2021, Value: 8.5},
			[]string{"预计2021年增长", "目标8.5%", "按现价数据计算，含价格因素"}, nil, nil},
		{plancast.Target{Indicator: "gdp", Kind: plancast.TargetAvgGrowth, BaseYear: 2020, Year: 2025, Value: 7},
			[]string{"预计2020—2025年年均增长", "目标7%"}, nil, nil},
		{plancast.Target{Indicator: "gdp", Kind: plancast.TargetAvgGrowth, BaseYear: 2015, Year: 2020, Value: 5},
			[]string{"2015—2020年实际年均增长6.3%", "目标5%（已实现）"}, []string{"预计"}, nil},
		{plancast.Target{Indicator: "gdp", Kind: plancast.TargetGrowth, Year: 2020, Value: 5},
			[]string{"尚无2019年数据，按2015年和2020年数据推算2020年增长6.3%（95%区间", "目标5%：达成概率"}, []string{"实际"}, nil},
		{plancast.Target{Indicator: "gdp", Kind: plancast.TargetLevel, Year: 2025, Value: 100},
			[]string{"2020年已为120.8，高于2025年目标100；预计2025年为147.2", "（进度正常）"}, []string{"已实现", "提前实现"}, nil},
	} {
		a, err := Assess(c.target, gdp, years, values, Options{})
		if err != nil {
			t.Fatalf("%s %d: %v", c.target.Kind, c.target.Year, err)
		}
		saysAndNot(t, fmt.Sprintf("%s %d", c.target.Kind, c.target.Year), a.ExplanationZh, c.want, c.not)
		if a.Realised == nil && a.Status != plancast.StatusAchieved {
			for _, w := range []string{fmt.Sprintf("达成概率%.0f%%", 100*a.Probability), fmt.Sprintf("probability %.0f%%", 100*a.Probability)} {
				if !strings.Contains(a.ExplanationZh+a.Explanation, w) {
					t.Errorf("%s %d: neither %q nor %q says %q", c.target.Kind, c.target.Year, a.ExplanationZh, a.Explanation, w)
				}
			}
		}
		for _, w := range c.sameAsEn {
			if !strings.Contains(a.Explanation, w) {
				t.Errorf("%s %d: the English %q lacks %q", c.target.Kind, c.target.Year, a.Explanation, w)
			}
		}
	}
}

// saysAndNot checks that the sentence has every phrase of want and none of not.
func saysAndNot(t *testing.T, what, sentence string, want, not []string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(sentence, w) {
			t.Errorf("%s: %q lacks %q", what, sentence, w)
		}
	}
	for _, w := range not {
		if strings.Contains(sentence, w) {
			t.Errorf("%s: %q has %q", what, sentence, w)
		}
	}
}

// A target its series cannot judge is EINVALID, with the reason in English
// and in Chinese.
func TestAssessSaysWhyATargetCannotBeJudged(t *testing.T) {
	level := plancast.Target{Indicator: "gdp", Plan: "14th-fyp", Kind: plancast.TargetLevel, BaseYear: 2020, Year: 2025, Value: 250}
	growth := plancast.Target{Indicator: "gdp", Plan: "14th-fyp", Kind: plancast.TargetAvgGrowth, BaseYear: 2015, Year: 2025, Value: 8}
	past := plancast.Target{Indicator: "gdp", Plan: "12th-fyp", Kind: plancast.TargetLevel, Year: 2010, Value: 50}
	avgFrom2020 := plancast.Target{Indicator: "gdp", Plan: "14th-fyp", Kind: plancast.TargetAvgGrowth, BaseYear: 2020, Year: 2025, Value: 8}
	for _, c := range []struct {
		name   string
		t      plancast.Target
		years  []int
		values []float64
		en, zh string
	}{
		{"one year", level, []int{2020}, []float64{120.8}, "one observed year (2020)", "仅有2020年一年的数据，至少需要两年"},
		{"a value ≤ 0", growth, []int{2018, 2019, 2020}, []float64{-1, 2, 3},
			"a growth target needs positive figures from its base year (2015) on, or from the latest figure before it when the base year has none; the figure of 2018 is -1, and a growth rate needs positive levels: check that figure",
			"增速目标需要自基期（2015年）起各年数据均为正值（基期无数据时自其前最近一年起），而2018年数据为-1，增速需以正值计算：请核对该数据"},
		// Only the figures from the base year on count: a 0 before it
		// leaves the growth assessable (positiveFrom), so the message says
		// which figure of those is not positive.
		{"a value ≤ 0 after the base", avgFrom2020, []int{2018, 2019, 2020, 2021, 2022}, []float64{0, 0, 3, -0.5, 4},
			"positive figures from its base year (2020) on, or from the latest figure before it when the base year has none; the figure of 2021 is -0.5",
			"增速目标需要自基期（2020年）起各年数据均为正值（基期无数据时自其前最近一年起），而2021年数据为-0.5，增速需以正值计算：请核对该数据"},
		{"base before the data", growth, []int{2018, 2019, 2020}, []float64{1, 2, 3}, "base year 2015 is before the first observation (2018)", "基期2015年早于最早的数据年份（2018年）"},
		{"target year before the data", past, []int{2018, 2019, 2020}, []float64{1, 2, 3}, "the target year is before the first observation (2018)", "目标年份早于最早的数据年份（2018年）"},
	} {
		_, err := Assess(c.t, gdp, c.years, c.values, Options{SkipBacktest: true})
		var why *UnassessableError
		if plancast.ErrorCode(err) != plancast.EINVALID || !strings.Contains(plancast.ErrorMessage(err), c.en) || !errors.As(err, &why) || why.Zh != c.zh {
			t.Errorf("%s: %v (code %s), Chinese %+v; want invalid, %q and %q", c.name, err, plancast.ErrorCode(err), why, c.en, c.zh)
		}
	}
}

// A growth over projected years is as uncertain as a level forecast as many
// years ahead (growthProbability): the spread of the average growth from
// 2021 to 2025, both projected from 2020, is that of the level 4 years out,
// and an annual growth over a projected year has the one-year spread.
func TestAssessGrowthOverProjectedYearsIsAsUncertainAsItsSpan(t *testing.T) {
	r := houmaForecast(t)
	ind := plancast.Indicator{Code: "gdp", Kind: plancast.KindLevel, Better: plancast.BetterHigher}
	for _, c := range []struct {
		kind       string
		base, year int
	}{
		{plancast.TargetAvgGrowth, 2021, 2025},
		{plancast.TargetAvgGrowth, 2022, 2024},
		{plancast.TargetGrowth, 2022, 2023},
	} {
		a, err := Assess(plancast.Target{Region: "houma", Indicator: "gdp", Plan: "p", Kind: c.kind, BaseYear: c.base, Year: c.year, Value: 7},
			ind, houmaYears, houmaValues, Options{})
		if err != nil {
			t.Fatal(err)
		}
		k := c.year - c.base
		// Growth G a year over k years is a log change of k log(1 + G).
		logWidth := func(lo, hi float64) float64 { return float64(k) * math.Log((1+hi/100)/(1+lo/100)) }
		level := r.Points[k-1] // the level k years after 2020
		for _, w := range []struct {
			name           string
			got, levelSpan float64
		}{
			{"80%", logWidth(a.Projected.Lo80, a.Projected.Hi80), math.Log(level.Hi80 / level.Lo80)},
			{"95%", logWidth(a.Projected.Lo95, a.Projected.Hi95), math.Log(level.Hi95 / level.Lo95)},
		} {
			if math.Abs(w.got-w.levelSpan) > 1e-9 {
				t.Errorf("%s %d–%d: %s interval spans %.6f in log change; the level %d years ahead spans %.6f",
					c.kind, c.base, c.year, w.name, w.got, k, w.levelSpan)
			}
		}
	}
}

// A target year between stored figures with none of its own is not
// observed: it is judged on the interpolation between the figures on either
// side, with the spread of a random walk tied to both (bridge.go), never as
// certainly met or missed. A bureau that pushed 2020 and 2023 but not 2021
// is told so, with a probability, for its 2021 target.
func TestAssessJudgesAYearWithoutAFigureOnItsInterpolation(t *testing.T) {
	years, values := []int{2015, 2020, 2023}, []float64{88.9, 120.8, 152.3}
	between := 100 * (math.Pow(152.3/120.8, 1.0/3) - 1) // the growth a year, 2020–2023: 8.0%
	for _, c := range []struct {
		target plancast.Target
		mean   float64 // of the compared quantity
		say    string
	}{
		{plancast.Target{Indicator: "gdp", Kind: plancast.TargetGrowth, Year: 2021, Value: 8.5}, between,
			"no figure of 2021 is stored: between the figures of 2020 and 2023, growth 8.0% (95% interval "},
		{plancast.Target{Indicator: "gdp", Kind: plancast.TargetLevel, Year: 2021, Value: 135}, 120.8 * (1 + between/100),
			"no figure of 2021 is stored: between the figures of 2020 and 2023, 130.5 (95% interval "},
		{plancast.Target{Indicator: "gdp", Kind: plancast.TargetGrowth, Year: 2022, Value: 9}, between,
			"no figure of 2021 or 2022 is stored: between the figures of 2020 and 2023, growth 8.0%"},
		{plancast.Target{Indicator: "gdp", Kind: plancast.TargetAvgGrowth, BaseYear: 2021, Year: 2023, Value: 7}, between,
			"no figure of 2021 is stored"},
	} {
		name := fmt.Sprintf("%s %d", c.target.Kind, c.target.Year)
		a, err := Assess(c.target, gdp, years, values, Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if a.Realised != nil || a.Interpolated == nil || *a.Interpolated != (plancast.YearSpan{From: 2020, To: 2023}) {
			t.Fatalf("%s: realised %v, interpolated %v; want no realised value, interpolated between 2020 and 2023", name, a.Realised, a.Interpolated)
		}
		pt := a.Projected
		if pt == nil || math.Abs(pt.Mean-c.mean) > 1e-9*math.Abs(c.mean) || !(pt.Lo95 < pt.Lo80 && pt.Lo80 < pt.Mean && pt.Mean < pt.Hi80 && pt.Hi80 < pt.Hi95) {
			t.Errorf("%s: projected %+v, want mean %.4f inside nested intervals", name, pt, c.mean)
		}
		if !(a.Probability > 0.01 && a.Probability < 0.99) {
			t.Errorf("%s: probability %v, want neither certain nor impossible", name, a.Probability)
		}
		if want := statusOf(a.Probability); a.Status != want {
			t.Errorf("%s: status %s with probability %.3f, want %s", name, a.Status, a.Probability, want)
		}
		saysAndNot(t, name, a.Explanation, []string{c.say, fmt.Sprintf("probability %.0f%%", 100*a.Probability)}, []string{"observed"})
		saysAndNot(t, name, a.ExplanationZh, []string{"尚无2021", "按2020年和2023年数据推算"}, []string{"实际"})

		// A target at the interpolated value itself is an even chance.
		even := c.target
		even.Value = c.mean
		if b, err := Assess(even, gdp, years, values, Options{}); err != nil || math.Abs(b.Probability-0.5) > 1e-6 {
			t.Errorf("%s at the interpolation %.4f: probability %v (%v), want 0.5", name, c.mean, b.Probability, err)
		}
	}

	// The spread is widest midway between the figures and narrows toward
	// each: 2015 to 2020, symmetric about 2017.5.
	width := map[int]float64{}
	for y := 2016; y <= 2019; y++ {
		a, err := Assess(plancast.Target{Indicator: "gdp", Kind: plancast.TargetLevel, Year: y, Value: 100}, gdp, years, values, Options{})
		if err != nil {
			t.Fatal(err)
		}
		width[y] = math.Log(a.Projected.Hi95 / a.Projected.Lo95)
	}
	if !(width[2016] < width[2017] && math.Abs(width[2016]-width[2019]) < 1e-9 && math.Abs(width[2017]-width[2018]) < 1e-9) {
		t.Errorf("log widths of the 95%% intervals 2016–2019: %v; want the middle years widest and the two ends alike", width)
	}

	// A growth stated with a stored figure is realised as stated, even over
	// a base year without a figure.
	stated := []plancast.StatedGrowth{{BaseYear: 2022, Year: 2023, Percent: 6.1}}
	a, err := Assess(plancast.Target{Indicator: "gdp", Kind: plancast.TargetGrowth, Year: 2023, Value: 6}, gdp, years, values, Options{Stated: stated})
	if err != nil || a.Realised == nil || *a.Realised != 6.1 || a.Interpolated != nil || a.Status != plancast.StatusAchieved {
		t.Errorf("stated growth over a year without a figure: %+v, %v; want realised 6.1 as stated, achieved", a, err)
	}
}

// A growth target whose base year has no figure and whose target year is
// still ahead rests on the base's interpolated level: the target level, the
// growth a year it requires and the progress toward it. The answer says so,
// as it does once the target year has a figure. Figures of 2016, 2018, 2021
// and 2024 (500, 560, 640, 720) and the 14th Five-Year Plan's +6% a year
// over 2020–2025: 2020 is 560·(640/560)^(2/3) = 612.1 between 2018 and
// 2021, the target 612.1·1.06⁵ = 819.2 in 2025, 13.8% above 2024's 720.
func TestAGrowthFromABaseYearWithoutAFigureSaysItIsInterpolated(t *testing.T) {
	years, values := []int{2016, 2018, 2021, 2024}, []float64{500, 560, 640, 720}
	base := 560 * math.Pow(640.0/560, 2.0/3)
	for _, c := range []struct {
		target plancast.Target
		en, zh string
	}{
		{plancast.Target{Indicator: "gdp", Plan: "14th-fyp", Kind: plancast.TargetAvgGrowth, BaseYear: 2020, Year: 2025, Value: 6},
			"no figure of 2020 is stored: on its level interpolated between the figures of 2018 and 2021 (612.1), projected average growth 2020–2025 ",
			"尚无2020年数据，按2018年和2021年数据推算为612.1，预计2020—2025年年均增长"},
		{plancast.Target{Indicator: "gdp", Plan: "2026-annual", Kind: plancast.TargetGrowth, BaseYear: 2019, Year: 2026, Value: 30},
			"no figure of 2019 is stored: on its level interpolated between the figures of 2018 and 2021 (",
			"尚无2019年数据，按2018年和2021年数据推算为"},
	} {
		name := fmt.Sprintf("%s %d over %d", c.target.Kind, c.target.Year, c.target.BaseYear)
		a, err := Assess(c.target, gdp, years, values, Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if a.Interpolated == nil || *a.Interpolated != (plancast.YearSpan{From: 2018, To: 2021}) || a.Realised != nil || a.Projected == nil {
			t.Errorf("%s: interpolated %v, realised %v, projected %v; want the base interpolated between 2018 and 2021, the year projected", name, a.Interpolated, a.Realised, a.Projected)
		}
		saysAndNot(t, name, a.Explanation, []string{c.en, "probability "}, []string{"observed"})
		saysAndNot(t, name, a.ExplanationZh, []string{c.zh, "达成概率"}, []string{"实际"})
	}
	a, err := Assess(plancast.Target{Indicator: "gdp", Plan: "14th-fyp", Kind: plancast.TargetAvgGrowth, BaseYear: 2020, Year: 2025, Value: 6}, gdp, years, values, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := base * math.Pow(1.06, 5) / 720; a.RequiredGrowth == nil || !near(*a.RequiredGrowth, want-1, 1e-9) {
		t.Errorf("required growth %v, want %.5f: from 720 in 2024 to the interpolated base's 612.1 grown 6%% a year", a.RequiredGrowth, want-1)
	}
	if !strings.Contains(a.Explanation, "needs 13.8% a year from 2024") {
		t.Errorf("explanation %q lacks the requirement on the interpolated base", a.Explanation)
	}

	// With the base stored, nothing is interpolated and nothing said.
	stored, err := Assess(plancast.Target{Indicator: "gdp", Plan: "14th-fyp", Kind: plancast.TargetAvgGrowth, BaseYear: 2018, Year: 2025, Value: 6}, gdp, years, values, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if stored.Interpolated != nil || strings.Contains(stored.Explanation, "no figure") || strings.Contains(stored.ExplanationZh, "尚无") {
		t.Errorf("a stored base: interpolated %v, explanation %q / %q; want nothing said", stored.Interpolated, stored.Explanation, stored.ExplanationZh)
	}
}

func statusOf(p float64) string {
	switch {
	case p >= OnTrackProbability:
		return plancast.StatusOnTrack
	case p >= AtRiskProbability:
		return plancast.StatusAtRisk
	}
	return plancast.StatusOffTrack
}

// bridgeFraction is the variance of an interpolated level or change in units
// of one year's: a Brownian bridge's (y − a)(b − y)/(b − a), and for a change
// between two years under one bridge f_Y + f_B − 2 c.
func TestBridgeFraction(t *testing.T) {
	years := []int{2015, 2020, 2021, 2024}
	for _, c := range []struct {
		base, year int
		frac       float64
		from, to   int
	}{
		{0, 2017, 2.0 * 3 / 5, 2015, 2020},                // a level between 2015 and 2020
		{0, 2020, 0, 0, 0},                                // stored
		{2020, 2021, 0, 0, 0},                             // both stored
		{2021, 2022, 1.0 * 2 / 3, 2021, 2024},             // from a stored base
		{2022, 2023, 2.0/3 + 2.0/3 - 2.0*1/3, 2021, 2024}, // one year inside one bridge: 1·(1 − 1/3)
		{2016, 2022, 4.0/5 + 2.0/3, 2015, 2024},           // two bridges: independent
		{2022, 2024, 2.0 / 3, 2021, 2024},                 // to a stored year
	} {
		frac, from, to, _ := bridgeFraction(years, c.base, c.year)
		if math.Abs(frac-c.frac) > 1e-12 || from != c.from || to != c.to {
			t.Errorf("bridgeFraction(%d → %d) = %v, %d–%d; want %v, %d–%d", c.base, c.year, frac, from, to, c.frac, c.from, c.to)
		}
	}
}

// A target judged on a year with a figure reports that figure as stored:
// read back from the log scale, 88.9 came out as 88.89999999999998 in the
// JSON and the CSV.
func TestAssessReportsAnObservedFigureAsStored(t *testing.T) {
	years := []int{2015, 2016, 2017, 2018, 2019, 2020}
	values := []float64{88.9, 95, 44, 101.3, 110.7, 120.8}
	for i, y := range years {
		tg := plancast.Target{Region: "houma", Indicator: "gdp", Plan: "13th-fyp", Kind: plancast.TargetLevel, Year: y, Value: 50}
		a, err := Assess(tg, gdp, years, values, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if a.Realised == nil || *a.Realised != values[i] {
			t.Errorf("%d: realised %v, want the figure %v exactly", y, a.Realised, values[i])
		}
	}
}

// Progress is measured from the base year's figure. With no figure of the
// base year or before it, there is none: the first figure is no stand-in
// for the base, and an achieved target read as "-0%" progress. Progress is
// never −0.
func TestAssessProgressNeedsTheBaseYear(t *testing.T) {
	years, values := []int{2015, 2016, 2017}, []float64{88.9, 95, 101.3}
	noBase := plancast.Target{Region: "houma", Indicator: "gdp", Plan: "12th-fyp", Kind: plancast.TargetLevel, BaseYear: 2010, Year: 2015, Value: 80}
	a, err := Assess(noBase, gdp, years, values, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Status != plancast.StatusAchieved || a.Progress != nil {
		t.Errorf("base 2010 before the first figure (2015): status %s, progress %v; want achieved, and no progress", a.Status, a.Progress)
	}
	based := plancast.Target{Region: "houma", Indicator: "gdp", Plan: "13th-fyp", Kind: plancast.TargetLevel, BaseYear: 2015, Year: 2017, Value: 120}
	if a, err = Assess(based, gdp, years, values, Options{}); err != nil {
		t.Fatal(err)
	}
	if want := (101.3 - 88.9) / (120 - 88.9); a.Progress == nil || math.Abs(*a.Progress-want) > 1e-12 {
		t.Errorf("base 2015, observed: progress %v, want %.6f", a.Progress, want)
	}
	// No way forward: the target year's figure is the base's.
	flat := plancast.Target{Region: "houma", Indicator: "gdp", Plan: "13th-fyp", Kind: plancast.TargetLevel, BaseYear: 2016, Year: 2017, Value: 120}
	if a, err = Assess(flat, gdp, []int{2015, 2016, 2017}, []float64{88.9, 95, 95}, Options{}); err != nil {
		t.Fatal(err)
	}
	if a.Progress == nil || *a.Progress != 0 || math.Signbit(*a.Progress) {
		t.Errorf("a level that did not move: progress %v, want +0", a.Progress)
	}
}

// A series that starts from nothing (a development zone's revenue of 0, 0,
// 0.5, 1.2, 2.0, 3.1, 4.0 in 2018–2024) has one projection of each year,
// the one the forecast prints and the level target is judged on (2025:
// 4.43 [3.34, 5.46]), and its growth targets are read off it: the growth
// of 2025 is that level over 2024's 4.0 (10.9% [−16.5%, 36.6%]), and a
// growth of 20% is met when 2025 reaches 4.8. They were judged on a log
// model of 2020–2024 alone, which put 2025 at 5.16 (+29.0% [−41.1%,
// 176.3%], P 64%) beside the level's 4.43 in the same answer. A 0 at or
// after the base still leaves a growth unjudgeable, as it is no ratio.
func TestAGrowthTargetOnASeriesFromZeroIsReadOffTheProjectionShown(t *testing.T) {
	revenue := plancast.Indicator{Code: "budget_revenue", Unit: plancast.Unit100mYuan, Kind: plancast.KindLevel, Better: plancast.BetterHigher}
	years := []int{2018, 2019, 2020, 2021, 2022, 2023, 2024}
	values := []float64{0, 0, 0.5, 1.2, 2.0, 3.1, 4.0}
	opt := Options{Limits: LimitsOf(revenue)}
	shown, err := Forecast(years, values, Options{Limits: opt.Limits, Horizon: 2})
	if err != nil {
		t.Fatal(err)
	}
	y := shown.Points[0] // 2025, as the forecast prints it
	target := func(kind string, base int, v float64) plancast.Assessment {
		t.Helper()
		a, err := Assess(plancast.Target{Indicator: revenue.Code, Plan: "p", Kind: kind, BaseYear: base, Year: 2025, Value: v}, revenue, years, values, opt)
		if err != nil {
			t.Fatalf("%s %v: %v", kind, v, err)
		}
		return a
	}
	near := func(what string, got, want float64) {
		t.Helper()
		if math.Abs(got-want) > 1e-9*math.Max(1, math.Abs(want)) {
			t.Errorf("%s: %.6g, want %.6g", what, got, want)
		}
	}
	level := target(plancast.TargetLevel, 0, 5)
	near("level: projected 2025", level.Projected.Mean, y.Mean)
	near("level: P(2025 ≥ 5)", level.Probability, 1-shown.CDF(2025, 5))

	growth := target(plancast.TargetGrowth, 0, 20)
	for _, c := range [][3]any{{"mean", growth.Projected.Mean, y.Mean}, {"80% low", growth.Projected.Lo80, y.Lo80}, {"80% high", growth.Projected.Hi80, y.Hi80},
		{"95% low", growth.Projected.Lo95, y.Lo95}, {"95% high", growth.Projected.Hi95, y.Hi95}} {
		near("growth 2025: "+c[0].(string), c[1].(float64), 100*(c[2].(float64)/4.0-1))
	}
	near("growth: P(2025 ≥ 4.0 × 1.2)", growth.Probability, 1-shown.CDF(2025, 4.8))
	if growth.Probability > 0.3 {
		t.Errorf("a growth of 20%% where the projection shown gives 2025 %.2f [%.2f, %.2f]: P %.2f", y.Mean, y.Lo95, y.Hi95, growth.Probability)
	}

	avg := target(plancast.TargetAvgGrowth, 2020, 30)
	near("average growth 2020–2025", avg.Projected.Mean, 100*(math.Pow(y.Mean/0.5, 0.2)-1))
	near("average growth: P(2025 ≥ 0.5 × 1.3^5)", avg.Probability, 1-shown.CDF(2025, 0.5*math.Pow(1.3, 5)))

	for _, base := range []int{2018, 2019} {
		if _, err := Assess(plancast.Target{Indicator: revenue.Code, Plan: "p", Kind: plancast.TargetAvgGrowth, BaseYear: base, Year: 2025, Value: 30}, revenue, years, values, opt); err == nil || !strings.Contains(err.Error(), "positive") {
			t.Errorf("base %d, a 0: %v; want it unjudgeable for want of positive values", base, err)
		}
	}
	// A growth to a year between figures is read off their bridge on the
	// series' own scale: 2022 halfway from 2.0 to 4.0 is 3.0, +50% on
	// 2021, and a target of 50% is met as often as not.
	gap, err := Assess(plancast.Target{Indicator: revenue.Code, Plan: "p", Kind: plancast.TargetGrowth, Year: 2022, Value: 50}, revenue,
		[]int{2018, 2019, 2020, 2021, 2023}, []float64{0, 0, 1.0, 2.0, 4.0}, opt)
	if err != nil {
		t.Fatal(err)
	}
	if gap.Interpolated == nil || gap.Projected == nil || math.Abs(gap.Projected.Mean-50) > 1e-9 || math.Abs(gap.Probability-0.5) > 0.02 ||
		!(gap.Projected.Lo95 < 50 && gap.Projected.Hi95 > 50) {
		t.Errorf("a growth to 2022, between 2.0 and 4.0: interpolated %v, projected %+v, P %v; want +50%% around its interval, P about one half",
			gap.Interpolated, gap.Projected, gap.Probability)
	}
	// A growth over a year between figures from a 0 is no ratio either.
	if _, err := Assess(plancast.Target{Indicator: revenue.Code, Plan: "p", Kind: plancast.TargetAvgGrowth, BaseYear: 2020, Year: 2025, Value: 30}, revenue,
		[]int{2019, 2021, 2024}, []float64{0, 1.2, 4.0}, opt); err == nil || !strings.Contains(err.Error(), "positive") {
		t.Errorf("base 2020 between a 0 and 1.2: %v; want it unjudgeable for want of positive values", err)
	}
}

// An observed value that misses its target is written so that the miss
// shows: GDP up 8.46% against +8.5%, retail sales at 59.96 against 60, an
// unemployment rate of 4.504% under a ceiling of 4.5%; and it is said to be
// missed (未实现), not hard to achieve (难以实现), for its year is over.
func TestAnObservedMissIsWrittenApartFromItsTarget(t *testing.T) {
	retail := plancast.Indicator{Code: "retail_sales", Unit: plancast.Unit100mYuan, Kind: plancast.KindLevel, Better: plancast.BetterHigher}
	unemployment := plancast.Indicator{Code: "unemployment_rate", Unit: plancast.UnitPercent, Kind: plancast.KindRate, Better: plancast.BetterLower}
	for _, c := range []struct {
		target      plancast.Target
		ind         plancast.Indicator
		values      []float64
		want, wantZ string
	}{
		{plancast.Target{Indicator: "gdp", Kind: plancast.TargetGrowth, Year: 2023, Value: 8.5}, gdp, []float64{95, 100, 108.46},
			"2023 observed: growth 8.46% against a target of 8.5% (missed, off_track)", "2023年实际增长8.46%，目标8.5%（未实现）"},
		{plancast.Target{Indicator: "retail_sales", Kind: plancast.TargetLevel, Year: 2023, Value: 60}, retail, []float64{50, 55, 59.96},
			"2023 observed: 59.96 against a target of 60 (missed, off_track)", "2023年实际为59.96，目标60（未实现）"},
		{plancast.Target{Indicator: "unemployment_rate", Kind: plancast.TargetCeiling, Year: 2023, Value: 4.5}, unemployment, []float64{4.5, 4.5, 4.504},
			"2023 observed: 4.504 against a target of 4.5 (missed, off_track)", "2023年实际为4.504，目标4.5（未实现）"},
	} {
		a, err := Assess(c.target, c.ind, []int{2021, 2022, 2023}, c.values, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if a.Status != plancast.StatusOffTrack || !strings.Contains(a.Explanation, c.want) || !strings.Contains(a.ExplanationZh, c.wantZ) {
			t.Errorf("%s %v: %s, %q / %q; want off_track and %q / %q", c.target.Kind, c.target.Value, a.Status, a.Explanation, a.ExplanationZh, c.want, c.wantZ)
		}
	}
}

// A realised growth is the growth the figures show, without the float
// arithmetic's last digits: 110 on 100 is 10%, not 10.000000000000009%.
func TestARealisedGrowthCarriesNoArithmeticNoise(t *testing.T) {
	target := plancast.Target{Indicator: "gdp", Kind: plancast.TargetGrowth, Year: 2022, Value: 10}
	a, err := Assess(target, gdp, []int{2020, 2021, 2022}, []float64{95, 100, 110}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Realised == nil || *a.Realised != 10 || a.Status != plancast.StatusAchieved {
		t.Errorf("realised %v (%s), want exactly 10 and achieved", a.Realised, a.Status)
	}
}

// A series of one figure judges a target of that figure's year, which the
// figure alone settles: a level or a ceiling by the figure, a growth by the
// growth stated with it. Any other target waits for a second figure.
func TestOneFigureJudgesATargetOfItsOwnYear(t *testing.T) {
	jobs := plancast.Indicator{Code: "new_urban_jobs", Unit: "persons", Kind: plancast.KindLevel, Better: plancast.BetterHigher}
	unemployment := plancast.Indicator{Code: "unemployment_rate", Unit: plancast.UnitPercent, Kind: plancast.KindRate, Better: plancast.BetterLower}
	stated := []plancast.StatedGrowth{{BaseYear: 2020, Year: 2021, Percent: 9.9999}}
	for _, c := range []struct {
		name    string
		target  plancast.Target
		ind     plancast.Indicator
		value   float64
		status  string
		explain string
	}{
		{"a level missed", plancast.Target{Indicator: "new_urban_jobs", Kind: plancast.TargetLevel, Year: 2021, Value: 5900}, jobs, 5899.6,
			plancast.StatusOffTrack, "2021 observed: 5,899.6 against a target of 5,900 (missed, off_track)"},
		{"a level met", plancast.Target{Indicator: "new_urban_jobs", Kind: plancast.TargetLevel, Year: 2021, Value: 5800}, jobs, 5899.6,
			plancast.StatusAchieved, "2021 observed: 5,899.6 against a target of 5,800 (achieved)"},
		{"a ceiling missed", plancast.Target{Indicator: "unemployment_rate", Kind: plancast.TargetCeiling, Year: 2021, Value: 4.5}, unemployment, 4.504,
			plancast.StatusOffTrack, "2021 observed: 4.504 against a target of 4.5 (missed, off_track)"},
		{"a growth by the growth stated", plancast.Target{Indicator: "gdp", Kind: plancast.TargetGrowth, Year: 2021, Value: 10}, gdp, 100,
			plancast.StatusOffTrack, "2021 observed: growth 9.9999% against a target of 10% (missed, off_track)"},
	} {
		a, err := Assess(c.target, c.ind, []int{2021}, []float64{c.value}, Options{Stated: stated})
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if a.Status != c.status || a.Realised == nil || a.LatestYear != 2021 || !strings.Contains(a.Explanation, c.explain) {
			t.Errorf("%s: %s, realised %v, %q; want %s and %q", c.name, a.Status, a.Realised, a.Explanation, c.status, c.explain)
		}
	}
	for _, target := range []plancast.Target{
		{Indicator: "gdp", Kind: plancast.TargetLevel, Year: 2022, Value: 110},                  // a year not observed
		{Indicator: "gdp", Kind: plancast.TargetGrowth, Year: 2021, Value: 8.5, BaseYear: 2019}, // no growth stated over 2019
	} {
		if _, err := Assess(target, gdp, []int{2021}, []float64{100}, Options{Stated: stated}); plancast.ErrorCode(err) != plancast.EINVALID || !strings.Contains(err.Error(), "one observed year (2021)") {
			t.Errorf("%s %d: %v; want it unassessable on one observed year", target.Kind, target.Year, err)
		}
	}
}

// A target further ahead than any projection reaches (MaxHorizon years past
// the latest figure) is not judged, and the reason says so in a planner's
// terms, not as a horizon parameter out of range.
func TestAssessTargetBeyondTheLongestProjection(t *testing.T) {
	tg := plancast.Target{Region: "houma", Indicator: "gdp", Plan: "2050-vision", Kind: plancast.TargetLevel, Year: 2050, Value: 1000}
	_, err := Assess(tg, gdp, []int{2016, 2017, 2018, 2019, 2020}, []float64{88.9, 95.1, 101.7, 111.0, 120.8}, Options{})
	var why *UnassessableError
	if !errors.As(err, &why) || plancast.ErrorCode(err) != plancast.EINVALID {
		t.Fatalf("Assess of a 2050 target from 2020: %v; want an invalid UnassessableError", err)
	}
	if want := "2050 is 30 years past the latest figure (2020); projections reach at most 20 years ahead"; why.En != want {
		t.Errorf("reason %q, want %q", why.En, want)
	}
	if want := "2050年距最新数据（2020年）30年，预测最多只能外推20年"; why.Zh != want {
		t.Errorf("Chinese reason %q, want %q", why.Zh, want)
	}
	// The furthest year a projection reaches is still judged.
	tg.Year = 2040
	if a, err := Assess(tg, gdp, []int{2016, 2017, 2018, 2019, 2020}, []float64{88.9, 95.1, 101.7, 111.0, 120.8}, Options{}); err != nil || a.Status == "" {
		t.Errorf("Assess of a 2040 target from 2020: %+v, %v; want a judgement", a.Status, err)
	}
}

// When the historical pace reaches a target in time but the odds are under
// even, the explanation says why: the projection assumes a slower pace than
// the history. A series growing a steady 6.9% a year for ten years, with a
// 2030 target the history's pace reaches in 2029, is projected slower (auto
// allows for growth slowing), and the sentence gives that pace.
func TestAssessSaysWhenTheProjectionIsSlowerThanTheHistoricalPace(t *testing.T) {
	years := make([]int, 11)
	values := make([]float64, 11)
	for i := range years {
		years[i], values[i] = 2015+i, 100*math.Pow(1.069, float64(i))
	}
	tg := plancast.Target{Region: "yunhe", Indicator: "gdp", Plan: "15th-fyp", Kind: plancast.TargetLevel, BaseYear: 2025, Year: 2030,
		Value: values[10] * math.Pow(1.069, 4.5)}
	a, err := Assess(tg, gdp, years, values, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.PaceYear == nil || *a.PaceYear != 2030 || a.Status == plancast.StatusOnTrack || a.Probability >= OnTrackProbability {
		t.Fatalf("pace year %v, status %s, P %.2f; want the pace in time (2030) and the odds under even", a.PaceYear, a.Status, a.Probability)
	}
	if a.ProjectedGrowth == nil || a.HistoricalGrowth == nil || *a.ProjectedGrowth >= *a.HistoricalGrowth {
		t.Fatalf("projected growth %v against history %v; want it slower", a.ProjectedGrowth, a.HistoricalGrowth)
	}
	if want := math.Pow(a.Projected.Mean/a.LatestValue, 1.0/5) - 1; math.Abs(*a.ProjectedGrowth-want) > 1e-12 {
		t.Errorf("projected growth %v, want (projected/latest)^(1/5) − 1 = %v", *a.ProjectedGrowth, want)
	}
	en := fmt.Sprintf("at that pace the target is reached in 2030, but the projection assumes %.1f%% a year, slower than the history", 100**a.ProjectedGrowth)
	if !strings.Contains(a.Explanation, en) {
		t.Errorf("explanation %q\nwant it to say %q", a.Explanation, en)
	}
	zh := fmt.Sprintf("按历史增速，2030年达到目标，但预测年均增长%.1f%%，慢于历史", 100**a.ProjectedGrowth)
	if !strings.Contains(a.ExplanationZh, zh) {
		t.Errorf("explanation %q\nwant it to say %q", a.ExplanationZh, zh)
	}

	// Where pace and odds agree (Houma's 250 by 2025: reached in 2032 at its
	// pace, 1%), nothing more is said, but the projection's pace is given.
	h, err := Assess(plancast.Target{Region: "houma", Indicator: "gdp", Plan: "14th-fyp", Kind: plancast.TargetLevel, BaseYear: 2020, Year: 2025, Value: 250},
		gdp, []int{2016, 2017, 2018, 2019, 2020}, []float64{88.9, 95.1, 101.7, 111.0, 120.8}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(h.Explanation, "the projection assumes") || h.ProjectedGrowth == nil {
		t.Errorf("Houma: %q, projected growth %v; want no contrast and the projected growth given", h.Explanation, h.ProjectedGrowth)
	}
}
