package charts

import (
	"math"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/forecast"
)

// Yuncheng's GDP as a user test had it: 2019–2024 with the growth stated
// with each year (the figures ran 0.4% a year faster than stated), January–
// September of 2024 1,870 and of 2025 1,950, "+5.0%" stated, +4.3% at
// current prices, and a 2025 target of +5%. The assessment judges the
// target on the months' own gap, log(1950/1870) − log(1.05), so the level
// that meets it is 2,560·1.05·e^gap = 2,560·1950/1870 ≈ 2,669.5, which the
// year to date's nowcast (the months' pace carried to the year) meets
// exactly. The chart's ring for the target sits at that level, not at
// 2,560·1.05·e^0.4% ≈ 2,700 on the yearly figures' gap, and the source
// line says the year was drawn on its months' gap.
func TestAGrowthTargetOfTheYearInProgressIsDrawnOnItsMonthsGap(t *testing.T) {
	years := []int{2019, 2020, 2021, 2022, 2023, 2024}
	values := []float64{2000, 2080, 2250, 2330, 2455.3, 2560}
	growth := []float64{0, 3.1, 8.0, 2.9, 4.6, 4.5}
	yearly := plancast.Series{Region: "yc", Indicator: "gdp"}
	for i, y := range years {
		o := obs("yc", "gdp", y, values[i])
		if growth[i] != 0 {
			g := growth[i]
			o.Growth = &g
		}
		yearly.Observations = append(yearly.Observations, o)
	}
	stated := 5.0
	jan, jan2025 := plancast.Observation{Region: "yc", Indicator: "gdp", Period: "jan-sep", Year: 2024, Value: 1870},
		plancast.Observation{Region: "yc", Indicator: "gdp", Period: "jan-sep", Year: 2025, Value: 1950, Growth: &stated}
	months := plancast.Series{Region: "yc", Indicator: "gdp", Period: "jan-sep", Observations: []plancast.Observation{jan, jan2025}}
	target := plancast.Target{Region: "yc", Indicator: "gdp", Plan: "2025-annual", Kind: plancast.TargetGrowth, Year: 2025, Value: 5}
	ind := plancast.Indicator{Code: "gdp", Kind: plancast.KindLevel, Unit: "100 million yuan"}

	a, err := forecast.Assess(target, ind, years, values, forecast.Options{Stated: yearly.StatedGrowths(), YearToDate: []plancast.Series{months}})
	if err != nil {
		t.Fatal(err)
	}
	y := a.YearToDate
	if y == nil || y.RequiredRestGrowth == nil {
		t.Fatalf("the assessment judges no year to date: %+v", a)
	}
	// The level the assessment says meets the target: the months and the
	// rest of 2024 grown by what the rest needs.
	judged := y.Value + (2560-y.Prior)*(1+*y.RequiredRestGrowth)
	if want := 2560 * 1950 / 1870.0; math.Abs(judged-want) > 1e-6 {
		t.Fatalf("the assessment's level %.4f, want %.4f", judged, want)
	}

	r, err := forecast.Forecast(years, values, forecast.Options{})
	if err != nil {
		t.Fatal(err)
	}
	proj := &plancast.Projection{Region: "yc", Indicator: "gdp", YearToDate: r.YearToDate(ind, []plancast.Series{months}, plancast.MeasureStatedGap(years, values, yearly.StatedGrowths()))}
	if proj.YearToDate == nil || proj.YearToDate.StatedGrowth == nil {
		t.Fatalf("projection's year to date %+v, want the months with their stated growth", proj.YearToDate)
	}
	s := Spec{Region: plancast.Region{Code: "yc"}, Indicator: ind, History: yearly.Observations, Stated: yearly.StatedGrowths(),
		Projection: proj, Targets: []plancast.Target{target}}
	ring := singleChartRing(t, s)
	if ring.x != 2025 || math.Abs(ring.y-judged) > 1e-6 {
		t.Errorf("ring at (%v, %.4f), want (2025, %.4f): the level the assessment judges the target against", ring.x, ring.y, judged)
	}

	for _, c := range []struct{ lang, want string }{
		{LangEn, "in 2025 with the gap of its January–September figures (stated +5.0% on a year before, +4.3% at current prices), as the assessment judges 2025's"},
		{LangZh, "2025年计入其1—9月数据与所述增速之差（公布同比+5.0%，现价同比+4.3%），与2025年的评估一致"},
	} {
		fnts, lang, note := newFonts(c.lang)
		f := &figure{fonts: fnts, lang: lang, note: note}
		latest := &xy{2024, 2560}
		tl := targetLayers(f, &s, latest, nil)
		if tl.stated == nil {
			t.Fatalf("%s: no stated gap recorded", c.lang)
		}
		if got := statedNote(tl.stated, c.lang); !strings.Contains(got, c.want) {
			t.Errorf("%s source note %q lacks %q", c.lang, got, c.want)
		}
	}
}
