package forecast

import (
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// A number within an indicator's limits but not at one is never written as
// the limit: a share projected at 99.96 is not "100.0" (the logit scale
// never reaches 100), a level of 0.004 not "0.0". Other numbers keep the
// decimals asked for.
func TestANumberShortOfALimitIsNotWrittenAsIt(t *testing.T) {
	share := Limits{NonNegative: true, Upper: 100}
	level := Limits{NonNegative: true}
	for _, c := range []struct {
		lim  Limits
		v    float64
		prec int
		want string
	}{
		{share, 99.96, 1, "99.96"}, {share, 99.996, 1, "99.996"}, {share, 99.94, 1, "99.9"},
		{share, 100, 1, "100.0"}, {share, 0.04, 1, "0.04"}, {share, 45.2, 1, "45.2"},
		{level, 0.004, 1, "0.004"}, {level, 0, 1, "0.0"}, {level, 1234.5, 0, "1,235"},
		{Limits{}, -0.004, 1, "0.0"}, {Limits{}, 99.96, 1, "100.0"},
	} {
		if got := plancast.FormatNumber(c.v, c.lim.Prec(c.v, c.prec)); got != c.want {
			t.Errorf("%+v: %v with %d decimals asked = %q, want %q", c.lim, c.v, c.prec, got, c.want)
		}
	}

	// The explanation of a share target projected just short of 100.
	years := []int{2019, 2020, 2021, 2022, 2023, 2024}
	values := []float64{99.5, 99.6, 99.7, 99.8, 99.9, 99.95}
	ind := plancast.Indicator{Code: "emerging_industry_share", Unit: plancast.UnitPercent, Kind: plancast.KindRate, Better: plancast.BetterHigher}
	a, err := Assess(plancast.Target{Indicator: ind.Code, Kind: plancast.TargetShare, Year: 2026, Value: 99.99}, ind, years, values, Options{Limits: LimitsOf(ind)})
	if err != nil {
		t.Fatal(err)
	}
	if a.Projected == nil || a.Projected.Hi95 >= 100 {
		t.Fatalf("projected %+v, want one below 100", a.Projected)
	}
	// (Its pace names the limit itself: "its gap to 100 narrowing".)
	if strings.Contains(a.Explanation, "100.0") || strings.Contains(a.Explanation, "projected 100 ") || strings.Contains(a.Explanation, " to 100)") {
		t.Errorf("explanation %q writes a projection below 100 as 100", a.Explanation)
	}
}
