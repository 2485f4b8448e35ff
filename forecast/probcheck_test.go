package forecast

import (
	"math"
	"testing"

	"github.com/plancast/plancast"
)

func houmaForecast(t *testing.T) *Result {
	t.Helper()
	r, err := Forecast(houmaYears, houmaValues, Options{Horizon: 6, SkipBacktest: true}) // 88.9 in 2015, 120.8 in 2020
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestHistoricalGrowth(t *testing.T) {
	g, ok := HistoricalGrowth(houmaYears, houmaValues)
	if !ok || math.Abs(g-(math.Pow(120.8/88.9, 0.2)-1)) > 1e-15 || math.Abs(g-0.0633) > 5e-4 {
		t.Errorf("Houma's pace = %v, %v; want (120.8/88.9)^(1/5) − 1 ≈ 6.3%%", g, ok)
	}
	for _, c := range []struct {
		years  []int
		values []float64
	}{
		{[]int{2020}, []float64{1}},
		{[]int{2019, 2020}, []float64{0, 1}},
		{[]int{2019, 2020}, []float64{1, -1}},
		{[]int{2019, 2020}, []float64{1}},
	} {
		if g, ok := HistoricalGrowth(c.years, c.values); ok {
			t.Errorf("HistoricalGrowth(%v, %v) = %v, want none", c.years, c.values, g)
		}
	}
}

// An outcome at the forecast's own 30% quantile is below the quantiles of
// 50% and up, and above those of 25% and down.
func TestProbabilityCheckCountsOutcomesBelowEachQuantile(t *testing.T) {
	r := houmaForecast(t)
	var c ProbabilityCheck
	for year := 2021; year <= 2026; year++ {
		c.Add(r, math.NaN(), year, r.Quantile(year, 0.3))
	}
	if c.Outcomes != 6 {
		t.Fatalf("outcomes = %d, want 6", c.Outcomes)
	}
	for i, q := range PITLevels {
		want := 0
		if q > 0.3 {
			want = 6
		}
		if c.Below[i] != want {
			t.Errorf("below the %g quantile: %d, want %d", q, c.Below[i], want)
		}
	}
	if set, _ := c.Level.Targets(); set != 0 {
		t.Errorf("a NaN pace set %d targets, want none", set)
	}
	c.Add(r, 0.05, 2019, 100) // not a forecast year
	c.Add(r, 0.05, 2021, math.Inf(1))
	if c.Outcomes != 6 {
		t.Errorf("a year outside the forecast or an infinite outcome was counted: %d outcomes", c.Outcomes)
	}
}

// The probabilities the check gives its targets are those Assess gives the
// same level targets, so the check measures what planners are told.
func TestProbabilityCheckTargetsAreJudgedAsAssessJudgesThem(t *testing.T) {
	r := houmaForecast(t)
	pace, _ := HistoricalGrowth(houmaYears, houmaValues)
	ind := plancast.Indicator{Code: "gdp", Kind: plancast.KindLevel, Better: plancast.BetterHigher}
	for _, year := range []int{2021, 2023, 2025} {
		outcome := r.Quantile(year, 0.6)
		var got ProbabilityCheck
		got.Add(r, pace, year, outcome)

		var want ProbabilityCheck
		want.init()
		statuses := map[string]int{}
		for _, d := range CheckTargetOffsets {
			target := 120.8 * math.Pow(1+pace+d, float64(year-2020))
			if target <= 120.8 {
				continue
			}
			a, err := Assess(plancast.Target{Region: "houma", Indicator: "gdp", Plan: "check", Kind: plancast.TargetLevel, Year: year, Value: target},
				ind, houmaYears, houmaValues, Options{})
			if err != nil {
				t.Fatal(err)
			}
			statuses[a.Status]++
			b := &want.Level.Bins[binOf(a.Probability)]
			b.Targets++
			b.SumGiven += a.Probability
			if outcome >= target {
				b.Met++
			}
		}
		set, _ := want.Level.Targets()
		if set < 5 {
			t.Fatalf("%d: only %d targets above the latest figure", year, set)
		}
		for i := range want.Level.Bins {
			g, w := got.Level.Bins[i], want.Level.Bins[i]
			if g.Targets != w.Targets || g.Met != w.Met || math.Abs(g.SumGiven-w.SumGiven) > 1e-12 {
				t.Errorf("%d, bin [%g, %g): got %d targets, %d met, Σp %.6f; Assess gives %d, %d, %.6f",
					year, w.Lo, w.Hi, g.Targets, g.Met, g.SumGiven, w.Targets, w.Met, w.SumGiven)
			}
		}
		for _, b := range got.Level.ByStatus() {
			if b.Targets != statuses[b.Status] {
				t.Errorf("%d: %d targets counted %s; Assess judged %d so (%v)", year, b.Targets, b.Status, statuses[b.Status], statuses)
			}
		}
	}
}

// Targets below the latest figure are not set, an outcome above every
// target meets them all, and the Brier score is that of those probabilities.
func TestProbabilityCheckScoresTargets(t *testing.T) {
	r := houmaForecast(t)
	var high, low ProbabilityCheck
	high.Add(r, 0.0, 2025, 1e6)
	low.Add(r, 0.0, 2025, 1)
	setHigh, metHigh := high.Level.Targets()
	setLow, metLow := low.Level.Targets()
	// Pace 0: only the positive offsets set a target above 120.8.
	if setHigh != 5 || metHigh != 5 || setLow != 5 || metLow != 0 {
		t.Fatalf("targets set / met: high outcome %d/%d, low %d/%d; want 5/5 and 5/0", setHigh, metHigh, setLow, metLow)
	}
	var sumP, sumMiss float64
	for _, d := range CheckTargetOffsets[5:] {
		p := 1 - r.CDF(2025, 120.8*math.Pow(1+d, 5))
		sumP += p * p
		sumMiss += (1 - p) * (1 - p)
	}
	if s, ref := low.Level.Brier(); math.Abs(s-sumP/5) > 1e-12 || ref != 0 {
		t.Errorf("Brier with no target met = %v (reference %v), want %v (0)", s, ref, sumP/5)
	}
	if s, _ := high.Level.Brier(); math.Abs(s-sumMiss/5) > 1e-12 {
		t.Errorf("Brier with every target met = %v, want %v", s, sumMiss/5)
	}

	var both ProbabilityCheck
	both.Merge(&high)
	both.Merge(&low)
	both.Merge(&ProbabilityCheck{}) // an empty check adds nothing
	s, ref := both.Level.Brier()
	if set, met := both.Level.Targets(); set != 10 || met != 5 || both.Outcomes != 2 {
		t.Errorf("merged: %d targets, %d met, %d outcomes; want 10, 5, 2", set, met, both.Outcomes)
	}
	if math.Abs(s-(sumP+sumMiss)/10) > 1e-12 || math.Abs(ref-0.25) > 1e-15 {
		t.Errorf("merged Brier %v (reference %v), want %v (0.25)", s, ref, (sumP+sumMiss)/10)
	}
	var empty ProbabilityCheck
	if s, ref := empty.Level.Brier(); !math.IsNaN(s) || !math.IsNaN(ref) {
		t.Errorf("Brier of no targets = %v, %v; want NaN", s, ref)
	}
}

// The growth targets the check sets are judged as Assess judges the same
// growth targets, over the latest figure in the year after it and over a
// projected year later (Assess's approximation, which the check measures),
// each kind in its own table; a target is met when the outcomes grew by it.
func TestProbabilityCheckGrowthTargetsAreJudgedAsAssessJudgesThem(t *testing.T) {
	r := houmaForecast(t)
	pace, _ := HistoricalGrowth(houmaYears, houmaValues)
	ind := plancast.Indicator{Code: "gdp", Kind: plancast.KindLevel, Better: plancast.BetterHigher}
	for _, year := range []int{2021, 2022, 2024} {
		base := 120.8
		if year > 2021 {
			base = r.Quantile(year-1, 0.5)
		}
		outcome := base * (1 + pace) // grew at its pace: meets d ≤ 0, misses d > 0
		var got ProbabilityCheck
		got.AddGrowth(r, pace, year-1, year, outcome, base)

		var want ProbabilityCheck
		want.init()
		table, other := &want.GrowthFromProjected, &got.GrowthFromLatest
		gotTable := &got.GrowthFromProjected
		if year == 2021 {
			table, other, gotTable = &want.GrowthFromLatest, &got.GrowthFromProjected, &got.GrowthFromLatest
		}
		statuses := map[string]int{}
		for _, d := range CheckTargetOffsets {
			g := pace + d
			if g <= 0 {
				continue
			}
			a, err := Assess(plancast.Target{Region: "houma", Indicator: "gdp", Plan: "check", Kind: plancast.TargetGrowth, Year: year, Value: 100 * g},
				ind, houmaYears, houmaValues, Options{})
			if err != nil {
				t.Fatal(err)
			}
			statuses[a.Status]++
			table.add(a.Probability, d <= 0)
		}
		set, met := table.Targets()
		if set != 10 || met != 5 {
			t.Fatalf("%d: %d growth targets above 0, %d at or below the pace; want all 10 (a pace of 6.3%%) and 5", year, set, met)
		}
		for i := range table.Bins {
			g, w := gotTable.Bins[i], table.Bins[i]
			if g.Targets != w.Targets || g.Met != w.Met || math.Abs(g.SumGiven-w.SumGiven) > 1e-12 {
				t.Errorf("%d, bin [%g, %g): got %d targets, %d met, Σp %.6f; Assess gives %d, %d, %.6f",
					year, w.Lo, w.Hi, g.Targets, g.Met, g.SumGiven, w.Targets, w.Met, w.SumGiven)
			}
		}
		for _, b := range gotTable.ByStatus() {
			if b.Targets != statuses[b.Status] {
				t.Errorf("%d: %d targets counted %s; Assess judged %d so (%v)", year, b.Targets, b.Status, statuses[b.Status], statuses)
			}
		}
		if n, _ := other.Targets(); n != 0 {
			t.Errorf("%d: %d targets in the other growth table", year, n)
		}
		if n, _ := got.Level.Targets(); n != 0 || got.Outcomes != 0 {
			t.Errorf("%d: AddGrowth set %d level targets and counted %d outcomes; want none", year, n, got.Outcomes)
		}
	}
}

// Growth is not scored where Assess would not judge it (a series that is
// not positive) or where it is not a growth (a base outcome not positive),
// nor outside the forecast's years; merging adds the growth tables too.
func TestProbabilityCheckGrowthSkipsAndMerges(t *testing.T) {
	r := houmaForecast(t)
	crossing, err := Forecast([]int{2018, 2019, 2020}, []float64{-2, 1, 3}, Options{Horizon: 3, SkipBacktest: true})
	if err != nil {
		t.Fatal(err)
	}
	var c ProbabilityCheck
	c.AddGrowth(crossing, 0.05, 2020, 2021, 4, 3)
	c.AddGrowth(r, math.NaN(), 2021, 2022, 130, 125)
	c.AddGrowth(r, 0.05, 2021, 2022, 130, 0)
	c.AddGrowth(r, 0.05, 2021, 2022, 130, math.Inf(1))
	c.AddGrowth(r, 0.05, 2019, 2020, 120.8, 110)
	c.AddGrowth(r, 0.05, 2026, 2027, 160, 150)   // beyond the 6 years forecast
	c.AddGrowth(r, 0.05, 2019, 2021, 126, 110)   // a base before the latest figure
	c.AddGrowth(r, 0.05, 2020, 2023, 140, 120.8) // over the latest figure, several years: a level target
	c.AddGrowth(r, 0.05, 2022, 2022, 130, 130)   // no years
	for _, tab := range c.reliabilities() {
		if n, _ := tab.Targets(); n != 0 {
			t.Errorf("%d targets scored where none should be", n)
		}
	}

	var a, b, both ProbabilityCheck
	// A pace of 5%: every offset but −5 points sets a target.
	a.AddGrowth(r, 0.05, 2020, 2021, 1e6, 120.8) // every target met
	b.AddGrowth(r, 0.05, 2022, 2023, 1, 130)     // none
	both.Merge(&a)
	both.Merge(&b)
	if n, m := both.GrowthFromLatest.Targets(); n != 9 || m != 9 {
		t.Errorf("merged, from the latest figure: %d targets, %d met; want 9, 9", n, m)
	}
	if n, m := both.GrowthFromProjected.Targets(); n != 9 || m != 0 {
		t.Errorf("merged, from a projected year: %d targets, %d met; want 9, 0", n, m)
	}
	if s, _ := both.GrowthFromProjected.Brier(); !(s > 0) {
		t.Errorf("Brier of the projected-base growth targets = %v; want it scored", s)
	}
}

// An average growth target over several years from a projected year is
// judged as Assess judges it, in its own table, and met when the outcomes
// grew by it on average.
func TestProbabilityCheckAverageGrowthIsJudgedAsAssessJudgesIt(t *testing.T) {
	r := houmaForecast(t)
	pace, _ := HistoricalGrowth(houmaYears, houmaValues)
	ind := plancast.Indicator{Code: "gdp", Kind: plancast.KindLevel, Better: plancast.BetterHigher}
	base := r.Quantile(2022, 0.5)
	outcome := base * math.Pow(1+pace, 3) // 2022–2025 at the pace: meets d ≤ 0
	var got, want ProbabilityCheck
	got.AddGrowth(r, pace, 2022, 2025, outcome, base)
	want.init()
	for _, d := range CheckTargetOffsets {
		a, err := Assess(plancast.Target{Region: "houma", Indicator: "gdp", Plan: "check", Kind: plancast.TargetAvgGrowth, BaseYear: 2022, Year: 2025, Value: 100 * (pace + d)},
			ind, houmaYears, houmaValues, Options{})
		if err != nil {
			t.Fatal(err)
		}
		want.AverageGrowthFromProjected.add(a.Probability, d <= 0)
	}
	if set, met := got.AverageGrowthFromProjected.Targets(); set != 10 || met != 5 {
		t.Fatalf("%d average growth targets, %d met; want 10 and 5", set, met)
	}
	for i, w := range want.AverageGrowthFromProjected.Bins {
		g := got.AverageGrowthFromProjected.Bins[i]
		if g.Targets != w.Targets || g.Met != w.Met || math.Abs(g.SumGiven-w.SumGiven) > 1e-12 {
			t.Errorf("bin [%g, %g): got %d targets, %d met, Σp %.6f; Assess gives %d, %d, %.6f", w.Lo, w.Hi, g.Targets, g.Met, g.SumGiven, w.Targets, w.Met, w.SumGiven)
		}
	}
	if n, _ := got.GrowthFromProjected.Targets(); n != 0 {
		t.Errorf("%d targets counted as annual", n)
	}
}
