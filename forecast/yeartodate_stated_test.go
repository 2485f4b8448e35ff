package forecast

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// Jincheng's GDP as a user test had it: yearly figures 2019–2025 at current
// prices, each with its growth at comparable prices, which ran about 1.3%
// a year below the figures' own in 2021–2025; 2026 January–September
// 1,875.6, "按可比价格计算同比增长5.0%"; a 2026 target of +5%.
var (
	jinchengYears  = []int{2019, 2020, 2021, 2022, 2023, 2024, 2025}
	jinchengValues = []float64{1591.9, 1757.1, 2040.4, 2312.2, 2281.5, 2357.4, 2420.9}
	jincheng2026   = plancast.Target{Region: "jincheng", Indicator: "gdp", Plan: "2026-annual", Kind: plancast.TargetGrowth, Year: 2026, Value: 5}
)

func jinchengStated(t *testing.T) []plancast.StatedGrowth {
	t.Helper()
	growth := []float64{6.3, 3.4, 9.1, 4.6, 3.9, 4.1, 4.9}
	s := plancast.Series{Region: "jincheng", Indicator: "gdp"}
	for i, y := range jinchengYears {
		g := growth[i]
		s.Observations = append(s.Observations, plancast.Observation{Region: "jincheng", Indicator: "gdp", Year: y, Value: jinchengValues[i], Growth: &g})
	}
	return s.StatedGrowths()
}

// janSep is a January–September series: its figures by year, 2026's with
// the growth stated with it.
func janSep(figures map[int]float64, stated float64) plancast.Series {
	s := plancast.Series{Region: "jincheng", Indicator: "gdp", Period: "jan-sep"}
	for _, y := range []int{2025, 2026} {
		v, ok := figures[y]
		if !ok {
			continue
		}
		o := plancast.Observation{Region: "jincheng", Indicator: "gdp", Period: "jan-sep", Year: y, Value: v}
		if y == 2026 {
			o.Growth = &stated
		}
		s.Observations = append(s.Observations, o)
	}
	return s
}

// A year to date that states its growth (+5.0% at comparable prices, +4.8%
// at current prices on the same months of 2025) gives the year's gap of the
// stated growth to the figures' own: log(1875.6/1790.4) − log(1.05), 0.2%
// above, not the 1.5% below carried from 2021–2025. The year so far is on
// the target's pace, so 2026 is projected at +5.0% on the stated basis,
// met with probability one half (on_track), not at +3.2% with the rest of
// the year needing +11.4%.
func TestAYearToDateStatingItsGrowthGivesTheYearsGap(t *testing.T) {
	stated := jinchengStated(t)
	a, err := Assess(jincheng2026, gdp, jinchengYears, jinchengValues, Options{Stated: stated,
		YearToDate: []plancast.Series{janSep(map[int]float64{2025: 1790.4, 2026: 1875.6}, 5.0)}})
	if err != nil {
		t.Fatal(err)
	}
	y := a.YearToDate
	if y == nil || y.StatedGrowth == nil || !near(*y.StatedGrowth, 0.05, 1e-12) || y.Prior != 1790.4 || y.PriorFromStated {
		t.Fatalf("year to date %+v, want 2025's 1,790.4 stored and +5.0%% stated", y)
	}
	if a.Projected == nil || math.Abs(a.Projected.Mean-5) > 1e-9 {
		t.Errorf("projected %+v, want +5.0%%: the months' own stated growth", a.Projected)
	}
	if math.Abs(a.Probability-0.5) > 1e-6 || a.Status != plancast.StatusOnTrack {
		t.Errorf("probability %.4f (%s), want one half, on_track", a.Probability, a.Status)
	}
	if y.RequiredRestGrowth == nil || !near(*y.RequiredRestGrowth, 1875.6/1790.4-1, 1e-9) {
		t.Errorf("the rest needs %v at current prices, want the months' own %.4f", y.RequiredRestGrowth, 1875.6/1790.4-1)
	}
	gapMonths := math.Expm1(math.Log(1875.6/1790.4) - math.Log(1.05))
	if sb := a.StatedBasis; sb == nil || !near(sb.Gap, gapMonths, 1e-12) || sb.From != 2025 || sb.To != 2026 {
		t.Errorf("stated basis %+v, want the months' gap %.5f over 2026", a.StatedBasis, gapMonths)
	}
	for _, c := range []struct{ got, want string }{
		{a.Explanation, "which ran 0.2% a year above the figures' own growth in 2026"},
		{a.Explanation, "2026's gap is its January–September figures': stated +5.0% on a year before, +4.8% at current prices"},
		{a.ExplanationZh, "2026年按1—9月数据衡量公布增速与现价增速之差：公布增速同比增长5.0%，现价同比增长4.8%"},
	} {
		if !strings.Contains(c.got, c.want) {
			t.Errorf("explanation %q lacks %q", c.got, c.want)
		}
	}

	// A year to date stating no growth is judged with the gap carried from
	// 2021–2025, as before.
	var plain plancast.Series = janSep(map[int]float64{2025: 1790.4, 2026: 1875.6}, 5.0)
	plain.Observations[1].Growth = nil
	b, err := Assess(jincheng2026, gdp, jinchengYears, jinchengValues, Options{Stated: stated, YearToDate: []plancast.Series{plain}})
	if err != nil {
		t.Fatal(err)
	}
	if b.StatedBasis == nil || b.StatedBasis.From != 2020 || b.StatedBasis.To != 2025 || b.Projected.Mean > 4 {
		t.Errorf("without a stated growth: basis %+v, projected %+v; want the gap of 2021–2025", b.StatedBasis, b.Projected)
	}
}

// Without 2025's January–September stored, 2026's stated +5.0% gives it:
// 1875.6/(1.05·e^d̄), d̄ the gap carried from 2021–2025, so the months on
// the stated basis grew +5.0%, and the year is judged on them (+5.0%,
// on_track), the answer saying how 2025's months were taken. Without a
// stated growth the months are not read, and the answer says so and what
// to push; the yearly model alone judges the year.
func TestAYearToDateWithoutTheYearBeforeIsTakenFromItsStatedGrowth(t *testing.T) {
	stated := jinchengStated(t)
	a, err := Assess(jincheng2026, gdp, jinchengYears, jinchengValues, Options{Stated: stated,
		YearToDate: []plancast.Series{janSep(map[int]float64{2026: 1875.6}, 5.0)}})
	if err != nil {
		t.Fatal(err)
	}
	d := plancast.MeasureStatedGap(jinchengYears, jinchengValues, stated).Year(2026)
	want, _ := strconv.ParseFloat(strconv.FormatFloat(1875.6/(1.05*math.Exp(d)), 'g', 6, 64), 64)
	y := a.YearToDate
	if y == nil || !y.PriorFromStated || y.Prior != want {
		t.Fatalf("year to date %+v, want 2025's months taken at %g from the stated +5.0%%", y, want)
	}
	if a.Projected == nil || math.Abs(a.Projected.Mean-5) > 1e-9 || a.Status != plancast.StatusOnTrack {
		t.Errorf("projected %+v (%s), want +5.0%% on_track", a.Projected, a.Status)
	}
	for _, c := range []struct{ got, want string }{
		{a.Explanation, "2025 January–September, not stored, is taken at " + plancast.FormatNumber(want, -1) + " from the +5.0% stated with 2026's"},
		{a.Explanation, "which ran 1.3% a year below the figures' own growth in 2021–2025"},
		{a.Explanation, "and the figures' own growth running 1.3% above the stated, as the yearly figures' did"},
		{a.ExplanationZh, "2025年1—9月无数据，按2026年1—9月公布增速（增长5.0%）推算为" + plancast.FormatNumber(want, -1)},
	} {
		if !strings.Contains(c.got, c.want) {
			t.Errorf("explanation %q lacks %q", c.got, c.want)
		}
	}

	plain := janSep(map[int]float64{2026: 1875.6}, 5.0)
	plain.Observations[0].Growth = nil
	b, err := Assess(jincheng2026, gdp, jinchengYears, jinchengValues, Options{Stated: stated, YearToDate: []plancast.Series{plain}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ got, want string }{
		{b.Explanation, "the January–September figure of 2026 (1,875.6) was not read: the January–September figure of 2025 is not stored, and no growth is stated with it to take its place"},
		{b.ExplanationZh, "未采用2026年1—9月数据（1,875.6）：缺少2025年1—9月数据，且未公布其增速可资替代"},
	} {
		if b.YearToDate != nil || !strings.Contains(c.got, c.want) {
			t.Errorf("explanation %q lacks %q (year to date %+v)", c.got, c.want, b.YearToDate)
		}
	}
}
