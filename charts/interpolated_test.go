package charts

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/forecast"
)

// gapCity is the user test's Gap City: GDP of 500 in 2016, 560 in 2018,
// 640 in 2021 and 720 in 2024, no figure of 2020, and the 14th FYP's
// average growth of 6% a year over 2021–2025 (base 2020); with more, the
// figures of those years too.
var gapCity = plancast.Region{Code: "gapcity", Name: "Gap City", NameZh: "缺年市", Parent: "shanxi", Level: plancast.LevelPrefecture}

func gapCityGDP(more ...[2]float64) Spec {
	var hist []plancast.Observation
	for _, f := range append([][2]float64{{2016, 500}, {2018, 560}, {2021, 640}, {2024, 720}}, more...) {
		hist = append(hist, obs("gapcity", "gdp", int(f[0]), f[1]))
	}
	last := hist[len(hist)-1]
	return Spec{Region: gapCity, Indicator: gdp, History: hist,
		Projection: projection("gapcity", "gdp", plancast.Unit100mYuan, last.Year, last.Value, 0.04, 0.04, 5),
		Targets: []plancast.Target{{Region: "gapcity", Indicator: "gdp", Plan: "14th-fyp", Kind: plancast.TargetAvgGrowth,
			BaseYear: 2020, Year: 2025, Value: 6}},
		Width: DefaultWidth, Height: DefaultHeight}
}

// assessed is the assessment of target t on the figures of s.
func assessed(t *testing.T, s Spec, target plancast.Target) plancast.Assessment {
	t.Helper()
	var years []int
	var values []float64
	for _, o := range sortedHistory(s.History, 0) {
		years, values = append(years, o.Year), append(values, o.Value)
	}
	a, err := forecast.Assess(target, s.Indicator, years, values, forecast.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// ringOf is the point of the ring that ends the path of the growth target
// labelled label on the chart of s (the point its label names), and the
// path's first point.
func ringOf(t *testing.T, s Spec, label string) (ring, first xy) {
	t.Helper()
	f, err := historyFigure(&s)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(f.labels.must, func(l labelSpec) bool { return l.txt == label })
	if i < 0 {
		t.Fatalf("no label %q on the chart: no path drawn", label)
	}
	path, _, ok := newGrowthBasis(s.History, s.From).path(s.Targets[0], s.Indicator)
	if !ok {
		t.Fatal("no path")
	}
	return f.labels.must[i].at, path[0]
}

// A growth target whose base year has no figure is drawn from the level
// the assessment judges it on, interpolated between the figures around
// the base (geometrically: 560 · (640/560)^(2/3) = 612.1 for 2020), so
// that its ring is where it is judged: at 612.1 · 1.06⁵ = 819.2 in 2025,
// where the chart drew 763 (720 · 1.06, the rate carried a year from the
// latest figure). The assessment's required growth from 720 leads to the
// same level. Once 2025 has a figure (748) the path and its ring are still
// drawn, at the same level (no path was drawn at all), and the
// assessment's growth realised over the interpolated base agrees.
func TestAGrowthPathFromABaseWithoutAFigureStartsAtItsInterpolation(t *testing.T) {
	base := 560 * math.Pow(640.0/560, 2.0/3)
	want := base * math.Pow(1.06, 5) // 819.2
	const label = "14th FYP: +6% a year"

	s := gapCityGDP()
	ring, first := ringOf(t, s, label)
	if ring.x != 2025 || math.Abs(ring.y-want) > 1e-9*want {
		t.Errorf("the ring is at (%v, %.2f), want (2025, %.2f): 2020's level between 2018 and 2021 grown 6%% a year", ring.x, ring.y, want)
	}
	if first.x != 2020 || math.Abs(first.y-base) > 1e-9*base {
		t.Errorf("the path starts at (%v, %.2f), want (2020, %.2f), 2020's interpolated level", first.x, first.y, base)
	}
	a := assessed(t, s, s.Targets[0])
	if a.RequiredGrowth == nil {
		t.Fatal("the assessment requires no growth")
	}
	if judged := 720 * (1 + *a.RequiredGrowth); math.Abs(ring.y-judged) > 1e-6*judged {
		t.Errorf("the ring is at %.2f, the level the assessment requires from 720 is %.2f", ring.y, judged)
	}

	s = gapCityGDP([2]float64{2025, 748})
	ring, first = ringOf(t, s, label)
	if ring.x != 2025 || math.Abs(ring.y-want) > 1e-9*want || first.x != 2020 {
		t.Errorf("with a figure of 2025: the path runs from %v to (%v, %.2f), want from 2020 to (2025, %.2f)", first.x, ring.x, ring.y, want)
	}
	a = assessed(t, s, s.Targets[0])
	if a.Projected == nil || a.Interpolated == nil {
		t.Fatalf("with a figure of 2025 the assessment is not judged on the interpolation: %+v", a)
	}
	// 748 = base · (1 + g)^5 for the growth g the assessment finds
	if judgedBase := 748 / math.Pow(1+a.Projected.Mean/100, 5); math.Abs(first.y-judgedBase) > 1e-6*judgedBase {
		t.Errorf("the path starts at %.3f, the assessment's base is %.3f", first.y, judgedBase)
	}
}

// An annual plan's growth over a year without a figure (2019, between
// 2018 and 2021) grows from that year's interpolated level:
// 560 · (640/560)^(1/3) · 1.05 in 2020.
func TestAYearsGrowthOverAYearWithoutAFigure(t *testing.T) {
	s := gapCityGDP()
	s.Targets = []plancast.Target{{Region: "gapcity", Indicator: "gdp", Plan: "2020-annual", Kind: plancast.TargetGrowth, Year: 2020, Value: 5}}
	ring, first := ringOf(t, s, "2020 plan: +5%")
	base := 560 * math.Pow(640.0/560, 1.0/3)
	if want := base * 1.05; ring.x != 2020 || math.Abs(ring.y-want) > 1e-9*want || first.x != 2019 {
		t.Errorf("the path runs from %v to (%v, %.2f), want from 2019 to (2020, %.2f)", first.x, ring.x, ring.y, want)
	}
}

// The source line says that a path starts from an interpolated level, as
// the assessment's explanation says of the target's judgement, in English
// and Chinese; a chart whose base year has a figure says nothing of it.
// The comparison's ring is where the single chart's path ends, and its
// source line says the same after the region's name.
func TestTheSourceLineSaysAPathStartsFromAnInterpolation(t *testing.T) {
	const en = "Growth paths from 2020 (14th FYP) start at the 2020 level interpolated between the figures of 2018 and 2021, as no figure of 2020 is stored."
	for _, c := range []struct{ lang, want string }{
		{LangEn, en},
		{LangZh, "尚无2020年数据，以2020年为基期的增长目标路径（十四五）按2018年和2021年数据推算的2020年水平起算。"},
	} {
		for _, more := range [][][2]float64{nil, {{2025, 748}}} {
			s := gapCityGDP(more...)
			s.Lang = c.lang
			f, err := historyFigure(&s)
			if err != nil {
				t.Fatal(err)
			}
			if f.lang != c.lang {
				continue // no CJK font here: drawn in English
			}
			if !strings.HasSuffix(f.source, c.want) {
				t.Errorf("%s, %d figures: the source line %q does not end %q", c.lang, len(s.History), f.source, c.want)
			}
		}
	}
	s := gapCityGDP([2]float64{2020, 610})
	f, err := historyFigure(&s)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(f.source, "interpolated") {
		t.Errorf("with a figure of 2020 the source line says %q", f.source)
	}

	single := gapCityGDP()
	ring, _ := ringOf(t, single, "14th FYP: +6% a year")
	cs := CompareSpec{Indicator: gdp, Series: []RegionSeries{{Region: gapCity, History: single.History, Projection: single.Projection, Targets: single.Targets}},
		Width: DefaultWidth, Height: DefaultHeight}
	marks, _, _ := targetMarks(cs.Series[0], gdp, 0)
	if len(marks) != 1 || marks[0].at != ring {
		t.Errorf("the comparison marks %+v, want one ring at %v", marks, ring)
	}
	cf, err := compareFigure(&cs)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Gap City: growth paths from 2020 (14th FYP) start at the 2020 level"; !strings.Contains(cf.source, want) {
		t.Errorf("the comparison's source line %q does not say %q", cf.source, want)
	}
}
