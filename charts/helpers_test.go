package charts

import (
	"bytes"
	"image"
	"image/png"
	"math"
	"testing"

	"github.com/plancast/plancast"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

var (
	houma = plancast.Region{Code: "houma", Name: "Houma", NameZh: "侯马市", Parent: "linfen", Level: plancast.LevelCounty}
	gdp   = plancast.Indicator{Code: "gdp", Name: "Gross regional product", NameZh: "地区生产总值", Unit: plancast.Unit100mYuan, Kind: plancast.KindLevel, Better: plancast.BetterHigher}
	unemp = plancast.Indicator{Code: "unemployment_rate", Name: "Urban surveyed unemployment rate", NameZh: "城镇调查失业率", Unit: plancast.UnitPercent, Kind: plancast.KindRate, Better: plancast.BetterLower}
	rev   = plancast.Indicator{Code: "budget_revenue", Name: "General budget revenue", NameZh: "一般公共预算收入", Unit: plancast.Unit100mYuan, Kind: plancast.KindLevel, Better: plancast.BetterHigher}
)

const houmaReport = "Houma 2021 government work report"

func obs(region, ind string, year int, v float64) plancast.Observation {
	return plancast.Observation{Region: region, Indicator: ind, Year: year, Value: v, Status: plancast.StatusFinal, Period: plancast.PeriodYear,
		Source: plancast.Source{Document: houmaReport}}
}

// projection builds a projection from (last, v0) growing at g a year with a
// log-normal spread of sigma·√h: the shape the forecast package produces.
func projection(region, ind, unit string, last int, v0, g, sigma float64, h int) *plancast.Projection {
	p := &plancast.Projection{Region: region, Indicator: ind, Unit: unit, Method: "auto", LastYear: last}
	for k := 1; k <= h; k++ {
		m := v0 * math.Pow(1+g, float64(k))
		s := sigma * math.Sqrt(float64(k))
		p.Points = append(p.Points, plancast.ProjectionPoint{
			Year: last + k, Mean: m,
			Lo80: m * math.Exp(-1.2816*s), Hi80: m * math.Exp(1.2816*s),
			Lo95: m * math.Exp(-1.96*s), Hi95: m * math.Exp(1.96*s),
		})
	}
	return p
}

// houmaGDP is the acceptance chart: Houma's GDP of 88.9 亿元 in 2015 and
// 120.8 in 2020, projected at 5.3% a year, against the 14th FYP target of
// 250 亿元 in 2025.
func houmaGDP() Spec {
	return Spec{
		Region:     houma,
		Indicator:  gdp,
		History:    []plancast.Observation{obs("houma", "gdp", 2015, 88.9), obs("houma", "gdp", 2020, 120.8)},
		Projection: projection("houma", "gdp", plancast.Unit100mYuan, 2020, 120.8, 0.053, 0.035, 5),
		Targets: []plancast.Target{{Region: "houma", Indicator: "gdp", Plan: "14th-fyp", Kind: plancast.TargetLevel,
			BaseYear: 2020, Year: 2025, Value: 250, Source: plancast.Source{Document: houmaReport}}},
		Width: 800, Height: 500,
	}
}

// houmaUnemployment has a ceiling over the 14th FYP.
func houmaUnemployment() Spec {
	var hist []plancast.Observation
	for i, v := range []float64{3.9, 3.8, 3.6, 3.5, 3.4, 4.6, 4.2} {
		hist = append(hist, obs("houma", "unemployment_rate", 2016+i, v))
	}
	return Spec{
		Region: houma, Indicator: unemp, History: hist,
		Projection: projection("houma", "unemployment_rate", plancast.UnitPercent, 2022, 4.2, -0.01, 0.06, 3),
		Targets: []plancast.Target{{Region: "houma", Indicator: "unemployment_rate", Plan: "14th-fyp", Kind: plancast.TargetCeiling,
			Year: 2025, Value: 5.5, Binding: true}},
		Width: 800, Height: 500,
	}
}

// houmaRevenue has yearly history, an average-growth target and a one-year
// growth target.
func houmaRevenue() Spec {
	var hist []plancast.Observation
	for i, v := range []float64{6.1, 6.6, 7.9, 9.2, 10.3, 10.9} {
		hist = append(hist, obs("houma", "budget_revenue", 2015+i, v))
	}
	return Spec{
		Region: houma, Indicator: rev, History: hist,
		Projection: projection("houma", "budget_revenue", plancast.Unit100mYuan, 2020, 10.9, 0.07, 0.05, 5),
		Targets: []plancast.Target{
			{Region: "houma", Indicator: "budget_revenue", Plan: "14th-fyp", Kind: plancast.TargetAvgGrowth, BaseYear: 2020, Year: 2025, Value: 8},
			{Region: "houma", Indicator: "budget_revenue", Plan: "2021-annual", Kind: plancast.TargetGrowth, Year: 2021, Value: 10},
		},
		Sources: []string{"Houma 2021 budget report"},
		Width:   800, Height: 500,
	}
}

// renderFigurePNG draws f as a w×h PNG, decodes it, and returns it with
// the plot's own data-to-canvas mapping carried over to the image's pixels:
// the pixel on which the data point (x, y) was drawn.
func renderFigurePNG(t testing.TB, f *figure, w, h int) (img image.Image, pixelAt func(x, y float64) image.Point) {
	t.Helper()
	var trX, trY func(float64) vg.Length
	f.plot.Add(plotFunc(func(c draw.Canvas, p *plot.Plot) { trX, trY = p.Transforms(&c) }))
	var buf bytes.Buffer
	if err := f.write(&buf, w, h, "png"); err != nil {
		t.Fatalf("write PNG: %v", err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatalf("decode PNG: %v", err)
	}
	if trX == nil {
		t.Fatal("the plot was not drawn")
	}
	// the canvas counts points up from the bottom at the chart's dpi; the image counts pixels down from the top
	dpi := float64(scaleDPI(w, h))
	return img, func(x, y float64) image.Point {
		return image.Point{X: int(math.Floor(trX(x).Dots(dpi))), Y: int(math.Floor(float64(h) - trY(y).Dots(dpi)))}
	}
}
