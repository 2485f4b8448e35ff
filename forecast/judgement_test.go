package forecast

import (
	"math"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// What a planner reads off an assessment must be a figure they can defend.
// These cases come from a user test of the built service.

var (
	budget = plancast.Indicator{Code: "budget_revenue", Unit: plancast.Unit100mYuan, Kind: plancast.KindLevel, Better: plancast.BetterHigher}
	unemp  = plancast.Indicator{Code: "unemployment_rate", Unit: plancast.UnitPercent, Kind: plancast.KindRate, Better: plancast.BetterLower}
	share  = plancast.Indicator{Code: "secondary_industry_share", Unit: plancast.UnitPercent, Kind: plancast.KindRate, Better: plancast.BetterHigher}
)

func mustAssess(t *testing.T, tg plancast.Target, ind plancast.Indicator, years []int, values []float64) plancast.Assessment {
	t.Helper()
	a, err := Assess(tg, ind, years, values, Options{Limits: LimitsOf(ind)})
	if err != nil {
		t.Fatalf("%s %s %d: %v", tg.Indicator, tg.Kind, tg.Year, err)
	}
	return a
}

// A series that did not move is projected not to move: its figure as
// stored, a growth of exactly 0 and no progress either way, never the
// 0.6999999999999997, −4.4e−14% ("-0.0%") and −5.6e−16 the log round trip
// left.
func TestAFlatSeriesIsProjectedExactlyFlat(t *testing.T) {
	years, values := []int{2019, 2020}, []float64{0.7, 0.7}
	oil := plancast.Indicator{Code: "crude_oil_output", Unit: plancast.Unit100mYuan, Kind: plancast.KindLevel, Better: plancast.BetterHigher}
	r, err := Forecast(years, values, Options{Horizon: 5})
	if err != nil {
		t.Fatal(err)
	}
	for _, pt := range r.Points {
		if pt.Mean != 0.7 {
			t.Errorf("%d: projected %v, want 0.7", pt.Year, pt.Mean)
		}
	}
	g := mustAssess(t, plancast.Target{Indicator: oil.Code, Plan: "2021-annual", Kind: plancast.TargetGrowth, Year: 2021, Value: 3}, oil, years, values)
	if g.Projected.Mean != 0 || math.Signbit(g.Projected.Mean) || g.Progress == nil || *g.Progress != 0 || math.Signbit(*g.Progress) {
		t.Errorf("growth of a flat series: projected %v, progress %v; want exactly +0 and +0", g.Projected.Mean, g.Progress)
	}
	if strings.Contains(g.Explanation, "-0.0%") || !strings.Contains(g.Explanation, "projected growth 0.0% for 2021") {
		t.Errorf("explanation %q, want projected growth 0.0%% and no -0.0%%", g.Explanation)
	}
}

// A target is achieved by the figure of its own year, never ahead of it
// by an earlier one: a year's flow can fall back below it (a declining
// oil field's 1.03 万吨 in 2021 against 1 for 2022 is projected at 0.97;
// 2020's 6,200 new urban jobs are no count of 2021's hiring), as a rate
// can, and in principle GDP. Such a target is judged on its year's
// projection like any other, its probability and status read there, and
// its explanation says that the latest figure already meets it. Its own
// year's figure, once stored, achieves it.
func TestATargetIsAchievedOnlyByTheFigureOfItsYear(t *testing.T) {
	oil := plancast.Indicator{Code: "crude_oil_output", Unit: "10k_tonnes", Kind: plancast.KindLevel, Better: plancast.BetterHigher}
	jobs := plancast.Indicator{Code: "new_urban_jobs", Unit: "persons", Kind: plancast.KindLevel, Better: plancast.BetterHigher}
	rateYears, rates := []int{2016, 2017, 2018, 2019, 2020, 2021}, []float64{4.6, 4.5, 4.4, 4.3, 4.4, 4.0}
	for _, c := range []struct {
		name   string
		target plancast.Target
		ind    plancast.Indicator
		years  []int
		values []float64
		en, zh string // the opening clause
	}{
		{"Zizhou's oil, 1.03 in 2021 and falling, against 1 for 2022",
			plancast.Target{Indicator: oil.Code, Plan: "2022-annual", Kind: plancast.TargetLevel, Year: 2022, Value: 1}, oil,
			[]int{2018, 2019, 2020, 2021}, []float64{1.31, 1.22, 1.12, 1.03},
			"already at 1.03 in 2021, above the 1 set for 2022; projected 0.97 for 2022", "2021年已为1.03，高于2022年目标1；预计2022年为0.97"},
		{"Houma's 6,200 new urban jobs in 2020 against 5,900 for 2021",
			plancast.Target{Indicator: jobs.Code, Plan: "2021-annual", Kind: plancast.TargetLevel, Year: 2021, Value: 5900}, jobs,
			[]int{2017, 2018, 2019, 2020}, []float64{6600, 6400, 6100, 6200},
			"already at 6,200 in 2020, above the 5,900 set for 2021; projected ", "2020年已为6,200，高于2021年目标5,900；预计2021年为"},
		{"GDP of 120.8 in 2020 against 118 for 2025",
			plancast.Target{Indicator: gdp.Code, Plan: "14th-fyp", Kind: plancast.TargetLevel, BaseYear: 2020, Year: 2025, Value: 118}, gdp,
			[]int{2019, 2020}, []float64{114.9, 120.8},
			"already at 120.8 in 2020, above the 118 set for 2025; projected ", "2020年已为120.8，高于2025年目标118；预计2025年为"},
		{"an unemployment rate of 4.0 in 2021 under a 2022 level of 4.2",
			plancast.Target{Indicator: unemp.Code, Plan: "2022-annual", Kind: plancast.TargetLevel, Year: 2022, Value: 4.2}, unemp,
			rateYears, rates, "already at 4 in 2021, below the 4.2 set for 2022; projected ", "2021年已为4，低于2022年目标4.2；预计2022年为"},
		{"the same rate under a 2022 ceiling of 4.2",
			plancast.Target{Indicator: unemp.Code, Plan: "2022-annual", Kind: plancast.TargetCeiling, Year: 2022, Value: 4.2}, unemp,
			rateYears, rates, "already at 4 in 2021, below the 4.2 set for 2022; projected ", "2021年已为4，低于2022年目标4.2；预计2022年为"},
		{"the same rate at a 2022 ceiling of 4.0",
			plancast.Target{Indicator: unemp.Code, Plan: "2022-annual", Kind: plancast.TargetCeiling, Year: 2022, Value: 4}, unemp,
			rateYears, rates, "already at 4 in 2021, equal to the 4 set for 2022; projected ", "2021年已为4，等于2022年目标4；预计2022年为"},
	} {
		a := mustAssess(t, c.target, c.ind, c.years, c.values)
		if a.Status == plancast.StatusAchieved || a.Realised != nil || a.Projected == nil || !(a.Probability > 0 && a.Probability < 1) {
			t.Errorf("%s: %s with P %v; want it judged on %d's projection, not achieved", c.name, a.Status, a.Probability, c.target.Year)
			continue
		}
		meets := a.Projected.Mean >= c.target.Value
		if !MeetsAbove(c.target, c.ind) {
			meets = a.Projected.Mean <= c.target.Value
		}
		if meets != (a.Probability >= OnTrackProbability) {
			t.Errorf("%s: projected %v against %v with P %v: the probability is not read off the projection", c.name, a.Projected.Mean, c.target.Value, a.Probability)
		}
		if !strings.HasPrefix(a.Explanation, c.en) || strings.Contains(a.Explanation, "reached") || strings.Contains(a.Explanation, "achieved") {
			t.Errorf("%s: explanation %q, want it to open %q", c.name, a.Explanation, c.en)
		}
		if !strings.HasPrefix(a.ExplanationZh, c.zh) || strings.Contains(a.ExplanationZh, "实现：") || strings.Contains(a.ExplanationZh, "已实现") {
			t.Errorf("%s: explanation %q, want it to open %q", c.name, a.ExplanationZh, c.zh)
		}
		if a.PaceYear != nil || a.RequiredGrowth != nil || a.RequiredChange != nil {
			t.Errorf("%s: pace year %v, needs %v / %v; want nothing to reach", c.name, a.PaceYear, a.RequiredGrowth, a.RequiredChange)
		}
	}
	// The oil field's decline, projected below its target, is no better
	// than even, and never certain.
	oilYears, oilValues := []int{2018, 2019, 2020, 2021}, []float64{1.31, 1.22, 1.12, 1.03}
	a := mustAssess(t, plancast.Target{Indicator: oil.Code, Plan: "2022-annual", Kind: plancast.TargetLevel, Year: 2022, Value: 1}, oil, oilYears, oilValues)
	if a.Projected.Mean >= 1 || a.Probability >= OnTrackProbability {
		t.Errorf("oil projected at %v for 2022 against 1: P %v, want under one half", a.Projected.Mean, a.Probability)
	}
	// Once 2022's own figure is stored it settles the target.
	met := mustAssess(t, plancast.Target{Indicator: oil.Code, Plan: "2022-annual", Kind: plancast.TargetLevel, Year: 2022, Value: 1}, oil,
		append(oilYears, 2022), append(oilValues, 1.01))
	missed := mustAssess(t, plancast.Target{Indicator: oil.Code, Plan: "2022-annual", Kind: plancast.TargetLevel, Year: 2022, Value: 1}, oil,
		append(oilYears, 2022), append(oilValues, 0.96))
	if met.Status != plancast.StatusAchieved || met.Probability != 1 || missed.Status != plancast.StatusOffTrack || missed.Probability != 0 {
		t.Errorf("2022 observed at 1.01 and 0.96 against 1: %s (P %v) and %s (P %v); want achieved and missed", met.Status, met.Probability, missed.Status, missed.Probability)
	}
}

// A change is required only toward the target. Where the latest figure
// already meets it, nothing is needed: no "needs −2.9% a year", no points a
// year to rise for a rate better lower, and no share of progress toward a
// target that asks for none (a level below its base's figure, a fall of 5%
// a year in a figure better higher), where it read −357% and 262%.
func TestNothingIsRequiredOfAFigureThatMeetsItsTarget(t *testing.T) {
	years, values := []int{2016, 2017, 2018, 2019, 2020, 2021}, []float64{11.8, 12.4, 12.9, 13.3, 13.9, 14.6}
	met := mustAssess(t, plancast.Target{Indicator: budget.Code, Plan: "14th-fyp", Kind: plancast.TargetLevel, BaseYear: 2020, Year: 2025, Value: 13}, budget, years, values)
	if met.Status == plancast.StatusAchieved || met.RequiredGrowth != nil || met.Progress != nil || strings.Contains(met.Explanation, "needs") {
		t.Errorf("13 by 2025, already 14.6: %s, needs %v, progress %v, %q; want it judged on 2025's projection (not achieved before 2025), no requirement, no progress", met.Status, met.RequiredGrowth, met.Progress, met.Explanation)
	}
	falling := []float64{100, 80, 60, 45}
	decline := mustAssess(t, plancast.Target{Indicator: budget.Code, Plan: "14th-fyp", Kind: plancast.TargetAvgGrowth, BaseYear: 2020, Year: 2025, Value: -5},
		budget, []int{2017, 2018, 2019, 2020}, falling)
	if decline.Progress != nil {
		t.Errorf("a fall of at most 5%% a year from a figure better higher: progress %v, want none", *decline.Progress)
	}
	if decline.RequiredGrowth != nil {
		t.Errorf("from 45, already above the 34.8 a fall of 5%% a year leads to: needs %v, want nothing", *decline.RequiredGrowth)
	}
	low := mustAssess(t, plancast.Target{Indicator: unemp.Code, Plan: "2022-annual", Kind: plancast.TargetLevel, Year: 2022, Value: 4.2}, unemp,
		[]int{2016, 2017, 2018, 2019, 2020, 2021}, []float64{4.6, 4.5, 4.4, 4.3, 4.4, 4.0})
	if low.RequiredChange != nil || strings.Contains(low.Explanation, "needs") {
		t.Errorf("a rate of 4.0 under a target of 4.2: needs %v, %q; want nothing required", low.RequiredChange, low.Explanation)
	}
	high := mustAssess(t, plancast.Target{Indicator: unemp.Code, Plan: "2022-annual", Kind: plancast.TargetLevel, Year: 2022, Value: 4.2}, unemp,
		[]int{2019, 2020, 2021}, []float64{4.3, 4.4, 4.5})
	if high.RequiredChange == nil || math.Abs(*high.RequiredChange+0.3) > 1e-12 {
		t.Errorf("a rate of 4.5 over a target of 4.2: needs %v, want −0.3 points a year", high.RequiredChange)
	}
}

// A target without a base year of its own is measured from its plan's
// (2020 for the 14th Five-Year Plan), not from whichever year happens to be
// stored first: a share of 44.0 in 2016 and 41.0 in 2020 toward 45 read
// −540% from 2016.
func TestProgressIsMeasuredFromThePlansBaseYear(t *testing.T) {
	years := []int{2016, 2017, 2018, 2019, 2020, 2021}
	values := []float64{44.0, 43.1, 42.5, 41.8, 41.0, 41.6}
	a := mustAssess(t, plancast.Target{Indicator: share.Code, Plan: "14th-fyp", Kind: plancast.TargetShare, Year: 2025, Value: 45}, share, years, values)
	if a.Progress == nil {
		t.Fatal("no progress")
	}
	if want := (a.Projected.Mean - 41.0) / (45 - 41.0); math.Abs(*a.Progress-want) > 1e-9 {
		t.Errorf("progress %.4f, want %.4f: from 2020's 41.0, the plan's base year", *a.Progress, want)
	}
	early := mustAssess(t, plancast.Target{Indicator: share.Code, Plan: "14th-fyp", Kind: plancast.TargetShare, Year: 2025, Value: 45}, share, []int{2021, 2022}, []float64{41.6, 42.0})
	if early.Progress != nil {
		t.Errorf("figures from 2021 on: progress %v, want none (no figure of 2020)", *early.Progress)
	}
	if plancast.PlanBaseYear("14th-fyp") != 2020 || plancast.PlanBaseYear("2021-annual") != 2020 || plancast.PlanBaseYear("x") != 0 {
		t.Errorf("PlanBaseYear: %d, %d, %d", plancast.PlanBaseYear("14th-fyp"), plancast.PlanBaseYear("2021-annual"), plancast.PlanBaseYear("x"))
	}
}
