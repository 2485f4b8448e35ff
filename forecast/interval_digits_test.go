package forecast

import (
	"regexp"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// significant counts the significant digits a written number shows:
// "0.0003815" → 4, "0.5238" → 4, "0.00038" → 2.
func significant(s string) int {
	digits := strings.TrimLeft(strings.ReplaceAll(strings.ReplaceAll(s, ",", ""), ".", ""), "0")
	return len(digits)
}

// A projection under 1 and its interval are written to about four
// significant digits each, as the README promises: a poverty incidence of
// 3.2 … 0.06 over 2016–2020 projected for 2025 read "projected 0.01600
// for 2025 (95% interval 0.00038 to 0.52381)", the bounds with the mean's
// five decimals: two significant digits and five. Each now takes its own
// (plancast.ShownPrec), and none is written "0.00".
func TestAProjectionUnderOneAndItsIntervalShowAboutFourSignificantDigits(t *testing.T) {
	poverty := plancast.Indicator{Code: "poverty_incidence", Unit: plancast.UnitPercent, Kind: plancast.KindRate, Better: plancast.BetterLower, OfWhole: true}
	years := []int{2016, 2017, 2018, 2019, 2020}
	values := []float64{3.2, 1.9, 0.85, 0.31, 0.06}
	target := plancast.Target{Region: "tl", Indicator: poverty.Code, Plan: "14th-fyp", Kind: plancast.TargetCeiling, Year: 2025, Value: 0.1}
	a, err := Assess(target, poverty, years, values, Options{SkipBacktest: true, Limits: LimitsOf(poverty)})
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`projected ([0-9.]+) for 2025 \(95% interval ([0-9.]+) to ([0-9.]+)\)`).FindStringSubmatch(a.Explanation)
	if m == nil {
		t.Fatalf("no projection with its interval in %q", a.Explanation)
	}
	for i, name := range []string{"projection", "low bound", "high bound"} {
		if n := significant(m[i+1]); n != 4 {
			t.Errorf("%s %q has %d significant digits, want 4: %q", name, m[i+1], n, a.Explanation)
		}
	}
	saysAndNot(t, "English", a.Explanation, nil, []string{" 0.00 ", "-0.0"})
}
