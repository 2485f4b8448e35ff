package forecast

import (
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// A projected growth a hair below zero is written "0.0%", as a bureau's
// sheet prints it, not "-0.0%": an unemployment rate of 4.9% in 2024,
// projected flat (a growth of about −0.03% for 2026), against a 2026
// target of −2%.
func TestAProjectedGrowthThatRoundsToZeroHasNoSign(t *testing.T) {
	years := []int{2018, 2019, 2020, 2021, 2022, 2023, 2024}
	rates := []float64{4.2, 4.0, 4.5, 5.2, 5.0, 5.1, 4.9}
	a := mustAssess(t, plancast.Target{Indicator: unemp.Code, Plan: "2026-annual", Kind: plancast.TargetGrowth, Year: 2026, Value: -2}, unemp, years, rates)
	if a.Projected == nil || a.Projected.Mean >= 0 || a.Projected.Mean <= -0.05 {
		t.Fatalf("projected %+v, want a growth just below zero", a.Projected)
	}
	if !strings.HasPrefix(a.Explanation, "projected growth 0.0% for 2026 (95% interval ") || strings.Contains(a.Explanation, "-0.0%") {
		t.Errorf("explanation %q, want the growth written 0.0%%", a.Explanation)
	}
	if strings.Contains(a.ExplanationZh, "-0.0%") || strings.Contains(a.ExplanationZh, "下降0.0%") {
		t.Errorf("explanation %q writes a growth of zero with a sign", a.ExplanationZh)
	}
	// In Chinese the sign is a word: a growth that rounds to zero is no
	// decline.
	for g, want := range map[float64]string{-0.0003: "增长0.0%", 0.042: "增长4.2%", -0.01: "下降1.0%", -0.0005: "下降0.1%"} {
		if got := zhGrowth(g); got != want {
			t.Errorf("zhGrowth(%v) = %q, want %q", g, got, want)
		}
	}
}

// A projected growth, and its bounds, are written apart from the growth
// target they are judged against: against a target of the projection
// rounded to one decimal (the growth a plan would write), the projection
// is written with the decimals that tell it from the target, not as it.
func TestAProjectedGrowthIsWrittenApartFromItsTarget(t *testing.T) {
	years := []int{2018, 2019, 2020, 2021, 2022, 2023, 2024}
	values := []float64{100, 106.1, 112.0, 119.3, 125.9, 133.0, 140.6}
	tg := plancast.Target{Indicator: gdp.Code, Plan: "2025-annual", Kind: plancast.TargetGrowth, Year: 2025, Value: 5}
	a := mustAssess(t, tg, gdp, years, values)
	mean := a.Projected.Mean
	tg.Value = plancast.HalfAway(mean, 1)
	if tg.Value == mean {
		t.Fatalf("projected growth %v has one decimal: no target to write it apart from", mean)
	}
	a = mustAssess(t, tg, gdp, years, values)
	target := plancast.FormatNumber(tg.Value, -1) + "%"
	want := "projected growth " + plancast.FormatApart(mean, tg.Value, true, 1) + " for 2025"
	if !strings.HasPrefix(a.Explanation, want) || strings.HasPrefix(a.Explanation, "projected growth "+target+" ") {
		t.Errorf("explanation %q against a target of %s, want it to begin %q", a.Explanation, target, want)
	}
}
