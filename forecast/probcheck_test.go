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
	if set, _ := c.Targets(); set != 0 {
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
			b := &want.Bins[binOf(a.Probability)]
			b.Targets++
			b.SumGiven += a.Probability
			if outcome >= target {
				b.Met++
			}
		}
		set, _ := want.Targets()
		if set < 5 {
			t.Fatalf("%d: only %d targets above the latest figure", year, set)
		}
		for i := range want.Bins {
			g, w := got.Bins[i], want.Bins[i]
			if g.Targets != w.Targets || g.Met != w.Met || math.Abs(g.SumGiven-w.SumGiven) > 1e-12 {
				t.Errorf("%d, bin [%g, %g): got %d targets, %d met, Σp %.6f; Assess gives %d, %d, %.6f",
					year, w.Lo, w.Hi, g.Targets, g.Met, g.SumGiven, w.Targets, w.Met, w.SumGiven)
			}
		}
		for _, b := range got.ByStatus() {
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
	setHigh, metHigh := high.Targets()
	setLow, metLow := low.Targets()
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
	if s, ref := low.Brier(); math.Abs(s-sumP/5) > 1e-12 || ref != 0 {
		t.Errorf("Brier with no target met = %v (reference %v), want %v (0)", s, ref, sumP/5)
	}
	if s, _ := high.Brier(); math.Abs(s-sumMiss/5) > 1e-12 {
		t.Errorf("Brier with every target met = %v, want %v", s, sumMiss/5)
	}

	var both ProbabilityCheck
	both.Merge(&high)
	both.Merge(&low)
	both.Merge(&ProbabilityCheck{}) // an empty check adds nothing
	s, ref := both.Brier()
	if set, met := both.Targets(); set != 10 || met != 5 || both.Outcomes != 2 {
		t.Errorf("merged: %d targets, %d met, %d outcomes; want 10, 5, 2", set, met, both.Outcomes)
	}
	if math.Abs(s-(sumP+sumMiss)/10) > 1e-12 || math.Abs(ref-0.25) > 1e-15 {
		t.Errorf("merged Brier %v (reference %v), want %v (0.25)", s, ref, (sumP+sumMiss)/10)
	}
	var empty ProbabilityCheck
	if s, ref := empty.Brier(); !math.IsNaN(s) || !math.IsNaN(ref) {
		t.Errorf("Brier of no targets = %v, %v; want NaN", s, ref)
	}
}
