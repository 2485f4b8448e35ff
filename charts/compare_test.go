package charts

import (
	"bytes"
	"encoding/xml"
	"image"
	"image/color"
	"io"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/forecast"
)

var guyang = plancast.Region{Code: "guyang", Name: "Guyang County", NameZh: "固阳县", Parent: "baotou", Level: plancast.LevelCounty}

// zizhouTarget is a 14th FYP target of Zizhou's GDP.
func zizhouTarget(kind string, value float64) plancast.Target {
	return plancast.Target{Region: "zizhou", Indicator: "gdp", Plan: "14th-fyp", Kind: kind, BaseYear: 2020, Year: 2025, Value: value}
}

// isColour accepts the pixels within a small distance of c: a marker's
// inside, away from its anti-aliased edge.
func isColour(c color.NRGBA) func(r, g, b uint8) bool {
	return func(r, g, b uint8) bool { return nearAny(r, g, b, []color.NRGBA{c}) }
}

// around is the square of pixels within d of p.
func around(p image.Point, d int) image.Rectangle {
	return image.Rect(p.X-d, p.Y-d, p.X+d+1, p.Y+d+1)
}

// A region's level target, ceiling or floor is marked at (year, value) in
// the region's own colour (Zizhou, drawn second, in the second colour);
// without the target that spot is not.
func TestARegionsTargetIsMarkedInItsColour(t *testing.T) {
	zizhouColour := colSeries[1]
	for _, kind := range []string{plancast.TargetLevel, plancast.TargetCeiling, plancast.TargetFloor} {
		t.Run(kind, func(t *testing.T) {
			target := zizhouTarget(kind, 100)
			_, img, pixelAt := renderZizhouTargets(t, target)
			at := pixelAt(float64(target.Year), target.Value)
			if n := count(img, around(at, 1), isColour(zizhouColour)); n != 9 {
				t.Errorf("%d of the 9 pixels at the target (2025, 100) → %v are Zizhou's colour, want all", n, at)
			}

			_, img, pixelAt = renderZizhouTargets(t)
			if n := count(img, around(pixelAt(float64(target.Year), target.Value), 1), isColour(zizhouColour)); n > 0 {
				t.Errorf("without the target %d pixels at (2025, 100) are Zizhou's colour", n)
			}
		})
	}
}

// A target above every figure and projection widens the value axis to
// take its marker in, as the single chart does.
func TestTheValueAxisTakesInTheTargets(t *testing.T) {
	s := compareSpec()
	highest := 0.0
	for _, rs := range s.Series {
		for _, o := range rs.History {
			highest = max(highest, o.Value)
		}
		for _, p := range rs.Projection.Points {
			highest = max(highest, p.Mean)
		}
	}
	target := zizhouTarget(plancast.TargetLevel, 2*highest)
	s.Series[1].Targets = []plancast.Target{target}
	f, err := compareFigure(&s)
	if err != nil {
		t.Fatal(err)
	}
	if f.plot.Y.Max <= target.Value {
		t.Errorf("value axis ends at %v, below the target %v", f.plot.Y.Max, target.Value)
	}
	img, pixelAt := renderFigurePNG(t, f, s.Width, s.Height)
	if n := count(img, around(pixelAt(float64(target.Year), target.Value), 1), isColour(colSeries[1])); n != 9 {
		t.Errorf("%d of the 9 pixels at the high target are Zizhou's colour, want all: the marker is cut off", n)
	}
}

// Shares are not marked, nor targets of another region or indicator, and
// the source line has nothing to say of them.
func TestOnlyTheRegionsTargetsAreMarked(t *testing.T) {
	s := compareSpec()
	ignored := []plancast.Target{
		zizhouTarget(plancast.TargetShare, 100),
		{Region: "houma", Indicator: "gdp", Plan: "14th-fyp", Kind: plancast.TargetLevel, Year: 2025, Value: 100},
		{Region: "zizhou", Indicator: "budget_revenue", Plan: "14th-fyp", Kind: plancast.TargetLevel, Year: 2025, Value: 100},
	}
	s.Series[1].Targets = ignored
	f, err := compareFigure(&s)
	if err != nil {
		t.Fatal(err)
	}
	img, pixelAt := renderFigurePNG(t, f, s.Width, s.Height)
	if n := count(img, around(pixelAt(2025, 100), 1), isColour(colSeries[1])); n > 0 {
		t.Errorf("%d pixels of Zizhou's colour at (2025, 100), where only targets not to be marked are", n)
	}
	if notes := compareNotes(nil, []plancast.Region{s.Series[1].Region}, LangEn); strings.Contains(f.source, notes) {
		t.Errorf("source line %q says %q of targets that are no growth targets", f.source, notes)
	}
}

// zizhouLatest is Zizhou's latest GDP figure in compareSpec, 66 in 2020.
func zizhouLatest(t *testing.T, s CompareSpec) plancast.Observation {
	t.Helper()
	h := s.Series[1].History
	if o := h[len(h)-1]; o.Region == "zizhou" && o.Year == 2020 && o.Value == 66 {
		return o
	}
	t.Fatalf("compareSpec's Zizhou no longer ends at 66 in 2020: %v", h[len(h)-1])
	return plancast.Observation{}
}

// renderZizhouTargets renders compareSpec's comparison as PNG with
// Zizhou's targets (the second region's) set to targets.
func renderZizhouTargets(t *testing.T, targets ...plancast.Target) (*figure, image.Image, func(x, y float64) image.Point) {
	t.Helper()
	s := compareSpec()
	s.Series[1].Targets = targets
	f, err := compareFigure(&s)
	if err != nil {
		t.Fatal(err)
	}
	img, pixelAt := renderFigurePNG(t, f, s.Width, s.Height)
	return f, img, pixelAt
}

// Zizhou's 14th FYP target of 30% a year implies 66·1.3⁵ ≈ 245 in 2025,
// far above any figure or projection: the value axis takes it in, and a
// ring of Zizhou's colour is drawn around that point, open in the middle;
// without the target nothing of Zizhou's colour is there.
func TestAGrowthTargetIsRingedAtTheLevelItImplies(t *testing.T) {
	zizhouColour := colSeries[1]
	latest := zizhouLatest(t, compareSpec())
	target := zizhouTarget(plancast.TargetAvgGrowth, 30)
	level := latest.Value * math.Pow(1.3, 5) // no growth stated with Zizhou's figures: no gap
	f, img, pixelAt := renderZizhouTargets(t, target)
	if f.plot.Y.Max <= level {
		t.Errorf("value axis ends at %v, below the implied level %v", f.plot.Y.Max, level)
	}
	at := pixelAt(float64(target.Year), level)
	ring := around(at, 6) // the ring's radius is 3.6 points, 4.8 pixels at this size
	if n := count(img, ring, isColour(zizhouColour)); n < 12 {
		t.Errorf("%d pixels of Zizhou's colour around the implied level (2025, %.1f) → %v, want a ring of at least 12", n, level, at)
	}
	if n := count(img, around(at, 1), isColour(zizhouColour)); n > 0 {
		t.Errorf("%d of the 9 pixels at the ring's centre %v are Zizhou's colour: a dot, not a ring", n, at)
	}

	_, img, pixelAt = renderZizhouTargets(t)
	if n := count(img, around(pixelAt(float64(target.Year), level), 6), isColour(zizhouColour)); n > 0 {
		t.Errorf("without the target %d pixels of Zizhou's colour at (2025, %.1f)", n, level)
	}
}

// singleChartRing is where the single chart of s ends the path of its one
// growth target, whose ring is drawn there: the last point the targets add
// to its extent.
func singleChartRing(t *testing.T, s Spec) xy {
	t.Helper()
	fnts, lang, note := newFonts(LangEn)
	f := &figure{fonts: fnts, lang: lang, note: note}
	var latest *xy // as historyFigure takes it
	if hist := sortedHistory(s.History, s.From); len(hist) > 0 {
		latest = &xy{float64(hist[len(hist)-1].Year), hist[len(hist)-1].Value}
	}
	tl := targetLayers(f, &s, latest, nil)
	if len(tl.xs) == 0 || len(tl.ys) == 0 {
		t.Fatalf("the single chart draws no path for %+v", s.Targets)
	}
	return xy{tl.xs[len(tl.xs)-1], tl.ys[len(tl.ys)-1]}
}

// A comparison rings a growth target at the level the single chart's path
// of the same target ends at, each worked out by hand: on the stated
// growth plus the gap to the levels' own when the figures state one
// (measured on the whole history, also when the chart starts after the
// gap's base year), and from the projected level of the target's base
// when that year is not yet reached (the projection's mean, as the
// assessment takes it).
func TestARingIsWhereTheSingleChartsPathEnds(t *testing.T) {
	zz := compareSpec().Series[1]
	houmaStated := RegionSeries{Region: houma, History: []plancast.Observation{obs("houma", "gdp", 2015, 88.9), statedObs(2020, 120.8, 5.3, 2015)}}
	d := math.Log(120.8/88.9)/5 - math.Log(1.053) // Houma's gap a year, ≈ 0.97%
	res, err := forecast.Forecast([]int{2015, 2020}, []float64{88.9, 120.8}, forecast.Options{Horizon: 3, Limits: forecast.LimitsOf(gdp)})
	if err != nil {
		t.Fatal(err)
	}
	projected2022 := res.Points[1].Mean
	houmaTarget := func(kind string, base, year int, v float64) plancast.Target {
		return plancast.Target{Region: "houma", Indicator: "gdp", Plan: "14th-fyp", Kind: kind, BaseYear: base, Year: year, Value: v}
	}
	cases := []struct {
		name   string
		rs     RegionSeries
		target plancast.Target
		from   int
		want   float64 // by hand
	}{
		{"Zizhou 30% a year, no growth stated", zz, zizhouTarget(plancast.TargetAvgGrowth, 30), 0, 66 * math.Pow(1.3, 5)},
		{"Zizhou +20% over 2020–2025", zz, zizhouTarget(plancast.TargetGrowth, 20), 0, 66 * 1.2},
		{"Houma 6% a year, on the stated growth", houmaStated, houmaTarget(plancast.TargetAvgGrowth, 2020, 2025, 6), 0,
			120.8 * math.Pow(1.06, 5) * math.Exp(5*d)},
		{"the same from 2018: the gap still measured from 2015", houmaStated, houmaTarget(plancast.TargetAvgGrowth, 2020, 2025, 6), 2018,
			120.8 * math.Pow(1.06, 5) * math.Exp(5*d)},
		{"Houma +8% in 2023, its base 2022 not yet reached: grown from its projection", houmaStated, houmaTarget(plancast.TargetGrowth, 0, 2023, 8), 0,
			projected2022 * 1.08 * math.Exp(d)},
		{"Houma 6% a year over 2016–2025 from 2016: grown from 2015, which is not shown", houmaStated, houmaTarget(plancast.TargetAvgGrowth, 2015, 2025, 6), 2016,
			88.9 * math.Pow(1.06, 10) * math.Exp(10*d)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rs := c.rs
			rs.Targets = []plancast.Target{c.target}
			marks, _, leftOut := targetMarks(rs, gdp, c.from)
			if len(marks) != 1 || leftOut {
				t.Fatalf("%d marks, growth left out %v; want one ring", len(marks), leftOut)
			}
			ring := marks[0].at
			if ring.x != float64(c.target.Year) || math.Abs(ring.y-c.want) > 1e-9*c.want {
				t.Errorf("ring at (%v, %.6f), want (%d, %.6f)", ring.x, ring.y, c.target.Year, c.want)
			}
			single := singleChartRing(t, Spec{Region: rs.Region, Indicator: gdp, History: rs.History, Targets: rs.Targets, From: c.from})
			if single.x != ring.x || math.Abs(single.y-ring.y) > 1e-9*single.y {
				t.Errorf("the single chart's path ends at (%v, %.6f), the comparison's ring is at (%v, %.6f)", single.x, single.y, ring.x, ring.y)
			}
		})
	}
}

// A growth target that implies no level is not drawn and its region is
// named on the source line: one whose base is not observed and whose year
// is past, one grown from a figure not positive, one of a rate. A region
// whose growth targets are all ringed is not named.
func TestAGrowthTargetThatImpliesNoLevelIsNamed(t *testing.T) {
	zizhou := compareSpec().Series[1].Region
	past := zizhouTarget(plancast.TargetGrowth, 10)
	past.BaseYear, past.Year = 2010, 2019 // 2010 is not observed, 2019 is before the latest figure
	zero := compareSpec()
	zero.Series[1].History = append([]plancast.Observation{obs("zizhou", "gdp", 2015, 0)}, zero.Series[1].History...)
	fromZero := zizhouTarget(plancast.TargetAvgGrowth, 10)
	fromZero.BaseYear, fromZero.Year = 2015, 2019
	rate := compareSpec()
	rate.Indicator = unemp
	for i := range rate.Series {
		for j := range rate.Series[i].History {
			rate.Series[i].History[j].Indicator = unemp.Code
		}
	}
	rateTarget := zizhouTarget(plancast.TargetAvgGrowth, 10)
	rateTarget.Indicator = unemp.Code

	cases := []struct {
		name   string
		s      CompareSpec
		target plancast.Target
	}{
		{"base not observed, year past", compareSpec(), past},
		{"grown from zero", zero, fromZero},
		{"growth of a rate", rate, rateTarget},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := c.s
			s.Series[1].Targets = []plancast.Target{c.target}
			marks, _, leftOut := targetMarks(s.Series[1], s.Indicator, s.From)
			if len(marks) != 0 || !leftOut {
				t.Errorf("%d marks, growth left out %v; want none, left out", len(marks), leftOut)
			}
			f, err := compareFigure(&s)
			if err != nil {
				t.Fatal(err)
			}
			if want := compareNotes(nil, []plancast.Region{zizhou}, LangEn); !strings.Contains(f.source, want) {
				t.Errorf("source line %q does not say %q", f.source, want)
			}
		})
	}

	s := compareSpec()
	s.Series[1].Targets = []plancast.Target{zizhouTarget(plancast.TargetAvgGrowth, 6), zizhouTarget(plancast.TargetGrowth, 30)}
	f, err := compareFigure(&s)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(f.source, "growth targets") {
		t.Errorf("source line %q names a region whose growth targets are all drawn", f.source)
	}
}

// A ring is named in the legend, in either language, as the other markers
// are; without one it is not.
func TestTheLegendNamesTheRing(t *testing.T) {
	for _, lang := range []string{LangEn, LangZh} {
		name := dict[lang].ImpliedLevel
		level := zizhouTarget(plancast.TargetLevel, 100)
		if legend := compareLegend(t, lang, level); slices.Contains(legend, name) {
			t.Errorf("%s: the legend names %q with no growth target drawn", lang, name)
		}
		legend := compareLegend(t, lang, level, zizhouTarget(plancast.TargetAvgGrowth, 6))
		if !slices.Contains(legend, name) {
			t.Errorf("%s: the legend does not name %q beside a ring", lang, name)
		}
		if !slices.Contains(legend, dict[lang].Target) {
			t.Errorf("%s: the level target is no longer named beside the ring", lang)
		}
	}
}

// compareLegend is the legend's labels of compareSpec's comparison in lang
// with Zizhou's targets set to targets.
func compareLegend(t *testing.T, lang string, targets ...plancast.Target) []string {
	t.Helper()
	s := compareSpec()
	s.Lang = lang
	s.Series[1].Targets = targets
	f, err := compareFigure(&s)
	if err != nil {
		t.Fatal(err)
	}
	return labels(f.legend)
}

// labels are a legend's labels in order.
func labels(legend []legendItem) []string {
	var ls []string
	for _, it := range legend {
		ls = append(ls, it.label)
	}
	return ls
}

// A region without yearly figures is not drawn but named, in the chart's
// language; the others are drawn as before.
func TestARegionWithoutFiguresIsNamedNotDrawn(t *testing.T) {
	cases := []struct {
		lang                 string
		noFigures, growthOut []plancast.Region
		want                 string
	}{
		{LangEn, []plancast.Region{guyang}, nil, "Guyang County: no yearly figures."},
		{LangZh, []plancast.Region{guyang}, nil, "固阳县：无年度数据。"},
		{LangEn, []plancast.Region{guyang, houma}, []plancast.Region{houma}, "Guyang County; Houma: no yearly figures. Houma: growth targets with no implied level not drawn."},
		{LangZh, []plancast.Region{guyang, houma}, []plancast.Region{houma}, "固阳县、侯马市：无年度数据。侯马市：无法推算对应水平的增长目标未绘制。"},
		{LangEn, nil, []plancast.Region{houma, guyang}, "Houma; Guyang County: growth targets with no implied level not drawn."},
		{LangZh, nil, []plancast.Region{houma}, "侯马市：无法推算对应水平的增长目标未绘制。"},
		{LangEn, nil, nil, ""},
	}
	for _, c := range cases {
		if got := compareNotes(c.noFigures, c.growthOut, c.lang); got != c.want {
			t.Errorf("compareNotes(%s) = %q, want %q", c.lang, got, c.want)
		}
	}

	s := compareSpec()
	s.Series = append(s.Series, RegionSeries{Region: guyang})
	var svg bytes.Buffer
	if err := RenderCompare(&svg, s, "svg"); err != nil {
		t.Fatalf("a region without figures fails the chart: %v", err)
	}
	if !strings.Contains(svg.String(), "Guyang County: no yearly figures.") {
		t.Error("the chart does not name the region without figures")
	}
	f, err := compareFigure(&s)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range f.legend {
		if it.label == guyang.Name {
			t.Error("the region without figures has a legend entry")
		}
	}
}

// A target's value is written beside its marker unless it would cover
// another label or marker: of two regions' targets a hair apart, only the
// first is written.
func TestATargetsValueIsWrittenOnlyWhereItCrowdsNothing(t *testing.T) {
	s := compareSpec()
	s.Series[0].Targets = []plancast.Target{{Region: "houma", Indicator: "gdp", Plan: "14th-fyp", Kind: plancast.TargetLevel, Year: 2025, Value: 231}}
	s.Series[1].Targets = []plancast.Target{zizhouTarget(plancast.TargetLevel, 229)}
	var svg bytes.Buffer
	if err := RenderCompare(&svg, s, "svg"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(svg.String(), ">231<") {
		t.Error("Houma's target value 231 is not written")
	}
	if strings.Contains(svg.String(), ">229<") {
		t.Error("Zizhou's target value 229 is written over Houma's")
	}
	s.Series[1].Targets = []plancast.Target{zizhouTarget(plancast.TargetLevel, 120)}
	svg.Reset()
	if err := RenderCompare(&svg, s, "svg"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(svg.String(), ">231<") || !strings.Contains(svg.String(), ">120<") {
		t.Error("two targets far apart do not both have their values written")
	}
}

// isTintOf accepts the pixels of a thin line of colour c over the plot's
// near-white ground: c laid over white with a coverage α of at least 0.35
// (an anti-aliased dot of a dotted line never reaches c itself). α is read
// from the channel in which c is darkest, and each channel must lie within
// 12 of c's at that α.
func isTintOf(c color.NRGBA) func(r, g, b uint8) bool {
	want := [3]float64{float64(c.R), float64(c.G), float64(c.B)}
	k := 0
	for i := range want {
		if want[i] < want[k] {
			k = i
		}
	}
	return func(r, g, b uint8) bool {
		got := [3]float64{float64(r), float64(g), float64(b)}
		alpha := (255 - got[k]) / (255 - want[k])
		if alpha < 0.35 {
			return false
		}
		for i := range got {
			if math.Abs(got[i]-(255-alpha*(255-want[i]))) > 12 {
				return false
			}
		}
		return true
	}
}

// Zizhou's 14th FYP target of 30% a year is drawn as the single chart draws
// its path, 66 in 2020 growing 30% a year, dotted in Zizhou's colour up to
// the ring: midway between its yearly points, away from either end where
// Zizhou's projection and the ring's label are, each stretch of the path
// has pixels of that colour. With a level target at the ring's spot
// instead, which keeps the axes as they were, those spots have none.
func TestAGrowthTargetsPathIsDrawnInItsColour(t *testing.T) {
	zizhouTint := isTintOf(colSeries[1])
	s := compareSpec()
	latest := zizhouLatest(t, s)
	level := func(year int) float64 { return latest.Value * math.Pow(1.3, float64(year-latest.Year)) }
	var along []xy // the path is straight between its yearly points
	for year := 2021; year < 2024; year++ {
		along = append(along, xy{float64(year) + 0.5, (level(year) + level(year+1)) / 2})
	}
	inkAlong := func(target plancast.Target) []int {
		_, img, pixelAt := renderZizhouTargets(t, target)
		var n []int
		for _, q := range along {
			// 7 pixels square holds a dot of the dotted line whichever way it runs
			n = append(n, count(img, around(pixelAt(q.x, q.y), 3), zizhouTint))
		}
		return n
	}
	for i, n := range inkAlong(zizhouTarget(plancast.TargetAvgGrowth, 30)) {
		if n == 0 {
			t.Errorf("no pixel of Zizhou's colour on the path at (%.1f, %.1f)", along[i].x, along[i].y)
		}
	}
	for i, n := range inkAlong(zizhouTarget(plancast.TargetLevel, level(2025))) {
		if n > 0 {
			t.Errorf("with a level target instead %d pixels of Zizhou's colour at (%.1f, %.1f)", n, along[i].x, along[i].y)
		}
	}
}

// The path is named in the legend as the single chart names it, in either
// language, before the ring; without a growth target drawn it is not.
func TestTheLegendNamesThePathAsTheSingleChartDoes(t *testing.T) {
	for _, lang := range []string{LangEn, LangZh} {
		wd := dict[lang]
		single := houmaRevenue() // two growth targets
		single.Lang = lang
		sf, err := historyFigure(&single)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(labels(sf.legend), wd.Implied) {
			t.Fatalf("%s: the single chart's legend %q no longer names the path %q", lang, labels(sf.legend), wd.Implied)
		}

		level := zizhouTarget(plancast.TargetLevel, 100)
		if legend := compareLegend(t, lang, level); slices.Contains(legend, wd.Implied) {
			t.Errorf("%s: the legend %q names the path with no growth target drawn", lang, legend)
		}
		legend := compareLegend(t, lang, level, zizhouTarget(plancast.TargetAvgGrowth, 6))
		path, ring := slices.Index(legend, wd.Implied), slices.Index(legend, wd.ImpliedLevel)
		if path < 0 || ring < 0 || path > ring {
			t.Errorf("%s: the legend %q does not name the path %q before the ring %q", lang, legend, wd.Implied, wd.ImpliedLevel)
		}
	}
}

// svgText is the text an SVG writes, its text elements' contents run
// together in order, so that a line drawn in runs of two faces (Chinese in
// the CJK face, digits in a Latin one) reads whole.
func svgText(t *testing.T, svg []byte) string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	var b strings.Builder
	inText := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return b.String()
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			if tk.Name.Local == "text" {
				inText++
			}
		case xml.EndElement:
			if tk.Name.Local == "text" {
				inText--
			}
		case xml.CharData:
			if inText > 0 {
				b.Write(tk)
			}
		}
	}
}

// The source line says, for each region whose growth targets' paths add a
// stated gap, what they add, in the single chart's words and in either
// language: Houma's figures, 88.9 in 2015 and 120.8 in 2020 stated as 5.3%
// a year, grew 1.0% a year faster than stated; Zizhou's, 40.1 in 2016 and
// 66 in 2020 stated as 10% a year, 3.0% faster. A region whose figures
// state no growth, or state their own (13.3% a year: a gap that rounds to
// 0.0%, which adds nothing), or whose stated figures have no growth target
// drawn, has no clause.
func TestTheSourceLineSaysEachRegionsStatedGap(t *testing.T) {
	type region struct{ clause, start string } // what is said of it; how a clause of it starts
	houma := map[string]region{
		LangEn: {"Houma: paths plus the 1.0% a year by which the figures grew faster than stated in 2016–2020.", "Houma: paths"},
		LangZh: {"侯马市：路径计入2016–2020年数值年均快于所述增速的1.0%。", "侯马市：路径"},
	}
	zizhou := map[string]region{
		LangEn: {"Zizhou: paths plus the 3.0% a year by which the figures grew faster than stated in 2017–2020.", "Zizhou: paths"},
		LangZh: {"子洲县：路径计入2017–2020年数值年均快于所述增速的3.0%。", "子洲县：路径"},
	}
	houmaGrowth := plancast.Target{Region: "houma", Indicator: "gdp", Plan: "14th-fyp", Kind: plancast.TargetAvgGrowth, BaseYear: 2020, Year: 2025, Value: 6}
	houmaLevel := plancast.Target{Region: "houma", Indicator: "gdp", Plan: "14th-fyp", Kind: plancast.TargetLevel, Year: 2025, Value: 200}
	cases := []struct {
		name                  string
		houmaTarget           plancast.Target
		zizhouStated          float64 // Zizhou's growth stated over 2016–2020, % a year; 0 for none
		saysHouma, saysZizhou bool
	}{
		{"Houma's figures state their growth, Zizhou's do not", houmaGrowth, 0, true, false},
		{"both state it: a clause each", houmaGrowth, 10, true, true},
		{"Zizhou's state the figures' own growth", houmaGrowth, 13.3, true, false},
		{"Houma's figures state it but its target is a level", houmaLevel, 0, false, false},
	}
	for _, lang := range []string{LangEn, LangZh} {
		if _, err := FindCJKFont(); lang == LangZh && err != nil {
			t.Logf("no CJK font: the Chinese source line is not checked (%v)", err)
			continue
		}
		for _, c := range cases {
			s := compareSpec()
			s.Lang = lang
			s.Width = 1600 // the source line on one line: a clause wrapped would be two texts
			s.Series[0].History = []plancast.Observation{obs("houma", "gdp", 2015, 88.9), statedObs(2020, 120.8, 5.3, 2015)}
			s.Series[0].Targets = []plancast.Target{c.houmaTarget}
			s.Series[1].Targets = []plancast.Target{zizhouTarget(plancast.TargetAvgGrowth, 10)}
			if c.zizhouStated != 0 {
				latest := &s.Series[1].History[len(s.Series[1].History)-1]
				latest.Growth, latest.GrowthBaseYear = &c.zizhouStated, 2016
			}
			var svg bytes.Buffer
			if err := RenderCompare(&svg, s, "svg"); err != nil {
				t.Fatal(err)
			}
			text := svgText(t, svg.Bytes())
			for _, r := range []struct {
				region
				says bool
			}{{houma[lang], c.saysHouma}, {zizhou[lang], c.saysZizhou}} {
				if r.says && !strings.Contains(text, r.clause) {
					t.Errorf("%s, %s: the chart's text %q lacks %q", lang, c.name, text, r.clause)
				}
				if !r.says && strings.Contains(text, r.start) {
					t.Errorf("%s, %s: the chart's text %q has a clause %q…", lang, c.name, text, r.start)
				}
			}
		}
	}
}
