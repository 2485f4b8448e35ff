package charts

import (
	"bytes"
	"image"
	"image/color"
	"strings"
	"testing"

	"github.com/plancast/plancast"
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
			with := compareSpec()
			with.Series[1].Targets = []plancast.Target{target}
			f, err := compareFigure(&with)
			if err != nil {
				t.Fatal(err)
			}
			img, pixelAt := renderFigurePNG(t, f, with.Width, with.Height)
			at := pixelAt(float64(target.Year), target.Value)
			if n := count(img, around(at, 1), isColour(zizhouColour)); n != 9 {
				t.Errorf("%d of the 9 pixels at the target (2025, 100) → %v are Zizhou's colour, want all", n, at)
			}

			without := compareSpec()
			f, err = compareFigure(&without)
			if err != nil {
				t.Fatal(err)
			}
			img, pixelAt = renderFigurePNG(t, f, with.Width, with.Height)
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

// Growth targets and shares are not marked, nor targets of another region
// or indicator; the source line says which regions' growth targets are
// left out.
func TestOnlyTheRegionsLevelTargetsAreMarked(t *testing.T) {
	s := compareSpec()
	ignored := []plancast.Target{
		zizhouTarget(plancast.TargetGrowth, 100), zizhouTarget(plancast.TargetAvgGrowth, 100), zizhouTarget(plancast.TargetShare, 100),
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
	if want := compareNotes(nil, []plancast.Region{s.Series[1].Region}, LangEn); !strings.Contains(f.source, want) {
		t.Errorf("source line %q does not say %q", f.source, want)
	}
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
		{LangEn, []plancast.Region{guyang, houma}, []plancast.Region{houma}, "Guyang County; Houma: no yearly figures. Houma: growth targets not drawn."},
		{LangZh, []plancast.Region{guyang, houma}, []plancast.Region{houma}, "固阳县、侯马市：无年度数据。侯马市：未绘制增长目标。"},
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
