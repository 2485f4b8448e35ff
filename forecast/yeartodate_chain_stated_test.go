package forecast

import (
	"math"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// janSepStated is a January–September series of Jincheng's GDP: its
// figures by year, each with the growth stated over the same months of the
// year before when stated has it.
func janSepStated(figures, stated map[int]float64) plancast.Series {
	s := plancast.Series{Region: "jincheng", Indicator: "gdp", Period: "jan-sep"}
	for y := 2020; y <= 2030; y++ {
		v, ok := figures[y]
		if !ok {
			continue
		}
		o := plancast.Observation{Region: "jincheng", Indicator: "gdp", Period: "jan-sep", Year: y, Value: v}
		if g, ok := stated[y]; ok {
			o.Growth = &g
		}
		s.Observations = append(s.Observations, o)
	}
	return s
}

// With the yearly figures to 2024 and January–September of 2025 (+5.0%
// stated) and 2026 (+4.6% stated) stored, 2024's months, not stored, are
// taken from 2025's stated growth for the 2025 target, and the same months
// serve the chain that relates 2026's months to a whole year: the 2026
// target is judged on its months, as it is with those 2024 months stored,
// and the answer says how 2024's were taken, not that none exist.
func TestMonthsTakenFromAStatedGrowthServeTheChainOfLaterYears(t *testing.T) {
	years, values := jinchengYears[:6], jinchengValues[:6]
	var stated []plancast.StatedGrowth
	for _, s := range jinchengStated(t) {
		if s.Year <= 2024 {
			stated = append(stated, s)
		}
	}
	growth := map[int]float64{2025: 5.0, 2026: 4.6}
	target := jincheng2026
	derived := plancast.Series{}
	{
		d := plancast.MeasureStatedGap(years, values, stated).Year(2025)
		derived = janSepStated(map[int]float64{2024: 1850 / (1.05 * math.Exp(d)), 2025: 1850, 2026: 1935}, growth)
	}
	a, err := Assess(target, gdp, years, values, Options{Stated: stated,
		YearToDate: []plancast.Series{janSepStated(map[int]float64{2025: 1850, 2026: 1935}, growth)}})
	if err != nil {
		t.Fatal(err)
	}
	if a.YearToDate == nil || a.YearToDate.Prior != 1850 {
		t.Fatalf("year to date %+v, want 2026's months read on 2025's 1,850", a.YearToDate)
	}
	b, err := Assess(target, gdp, years, values, Options{Stated: stated, YearToDate: []plancast.Series{derived}})
	if err != nil {
		t.Fatal(err)
	}
	if a.Projected == nil || b.Projected == nil || !near(a.Projected.Mean, b.Projected.Mean, 1e-6) ||
		!near(a.Projected.Lo95, b.Projected.Lo95, 1e-6) || !near(a.Projected.Hi95, b.Projected.Hi95, 1e-6) {
		t.Errorf("projected %+v, want %+v: as with 2024's months stored at the figure taken", a.Projected, b.Projected)
	}
	taken := plancast.FormatNumber(sixDigits(derived.Observations[0].Value), -1)
	for _, c := range []struct{ got, want string }{
		{a.Explanation, "2024 January–September, not stored, is taken at " + taken + " from the +5.0% stated with 2025's"},
		{a.ExplanationZh, "2024年1—9月无数据，按2025年1—9月公布增速（增长5.0%）推算为" + taken},
		{a.Explanation, "in the proportion of 2024's (" + taken + ") to the whole of 2024"},
	} {
		if !strings.Contains(c.got, c.want) {
			t.Errorf("explanation %q lacks %q", c.got, c.want)
		}
	}
	if strings.Contains(a.Explanation, "was not read") {
		t.Errorf("explanation %q says months were not read", a.Explanation)
	}

	// The 2025 target in the same answer takes the same 2024 months.
	t2025 := target
	t2025.Year, t2025.Plan = 2025, "2025-annual"
	c, err := Assess(t2025, gdp, years, values, Options{Stated: stated,
		YearToDate: []plancast.Series{janSepStated(map[int]float64{2025: 1850, 2026: 1935}, growth)}})
	if err != nil {
		t.Fatal(err)
	}
	if c.YearToDate == nil || !c.YearToDate.PriorFromStated || plancast.FormatNumber(c.YearToDate.Prior, -1) != taken {
		t.Errorf("2025's year to date %+v, want 2024's months taken at %s", c.YearToDate, taken)
	}
}
