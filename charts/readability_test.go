package charts

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
)

// isHistory is the dark blue of the history line and its dots.
var isHistory = func(r, g, b uint8) bool { return r < 60 && g < 90 && b > 80 && b < 140 }

// zizhouUnemployment rises to 4.4% in 2020 and falls back to 4.1% in 2021,
// its latest figure, with a flat projection.
func zizhouUnemployment() Spec {
	zizhou := plancast.Region{Code: "zizhou", Name: "Zizhou County", NameZh: "子洲县", Level: plancast.LevelCounty}
	return Spec{
		Region: zizhou, Indicator: unemp,
		History: []plancast.Observation{
			obs("zizhou", "unemployment_rate", 2019, 4.0), obs("zizhou", "unemployment_rate", 2020, 4.4),
			obs("zizhou", "unemployment_rate", 2021, 4.1)},
		Projection: projection("zizhou", "unemployment_rate", plancast.UnitPercent, 2021, 4.1, 0, 0.06, 5),
		Width:      800, Height: 500,
	}
}

// The latest figure is labelled beside its point without hiding the line
// that leads to it: when that line comes down from the year before, every
// stretch of it keeps its colour (a label drawn over it would wash it out
// under its halo), and the label is still written.
func TestTheLatestLabelLeavesTheLineIntoItVisible(t *testing.T) {
	s := zizhouUnemployment()
	f, err := historyFigure(&s)
	if err != nil {
		t.Fatal(err)
	}
	img, pixelAt := renderFigurePNG(t, f, s.Width, s.Height)
	for x := 2020.1; x < 2020.95; x += 0.05 {
		y := 4.4 + (x-2020)*(4.1-4.4)
		if n := count(img, around(pixelAt(x, y), 1), isHistory); n == 0 {
			t.Errorf("the line from 2020 to 2021 is not drawn in its colour at (%.2f, %.3f), pixel %v", x, y, pixelAt(x, y))
		}
	}
	var buf bytes.Buffer
	if err := Render(&buf, s, "svg"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(svgText(t, buf.Bytes()), "2021: 4.1%") {
		t.Error("the latest figure's label is not written")
	}
}

// zizhouGDP grows from 40.1 in 2016 to 74.8 in 2021 and is projected at 8%
// a year; its 2022 plan asks for +7%, whose level lies on the fan.
func zizhouGDP() Spec {
	zizhou := plancast.Region{Code: "zizhou", Name: "Zizhou County", NameZh: "子洲县", Level: plancast.LevelCounty}
	var hist []plancast.Observation
	for i, v := range []float64{40.1, 45.3, 52.8, 60.2, 66.0, 74.8} {
		hist = append(hist, obs("zizhou", "gdp", 2016+i, v))
	}
	return Spec{
		Region: zizhou, Indicator: gdp, History: hist,
		Projection: projection("zizhou", "gdp", plancast.Unit100mYuan, 2021, 74.8, 0.08, 0.05, 5),
		Targets: []plancast.Target{{Region: "zizhou", Indicator: "gdp", Plan: "2022-annual", Kind: plancast.TargetGrowth,
			Year: 2022, Value: 7}},
		Width: 800, Height: 500,
	}
}

// The level a growth target implies in its year is ringed in the path's
// orange, as the comparison rings it: a ring that holds its colour over
// the fan and the projection's line, not a hairline that blends into them.
func TestTheImpliedLevelIsRingedVisibly(t *testing.T) {
	s := zizhouGDP()
	f, err := historyFigure(&s)
	if err != nil {
		t.Fatal(err)
	}
	img, pixelAt := renderFigurePNG(t, f, s.Width, s.Height)
	end := xy{2022, 74.8 * 1.07}
	if n := count(img, around(pixelAt(end.x, end.y), 6), isColour(colImplied)); n < 12 {
		t.Errorf("%d pixels of the path's orange around the implied level (%.2f in 2022), want a ring of ≥ 12", n, end.y)
	}
}

// The value axis of a level starts at zero, so that a rise is drawn in
// proportion to the level it rises from, unless the level keeps within a
// narrow band far above zero (its lowest value above 5/6 of its highest);
// it never goes below zero, which a level cannot be, even where a fan does.
// A rate keeps the close range around its values.
func TestALevelsValueAxisStartsAtZero(t *testing.T) {
	oneFigure := Spec{Region: houma, Indicator: plancast.Indicator{Code: "industrial_output", Name: "Total industrial output value", Unit: plancast.Unit100mYuan, Kind: plancast.KindLevel},
		History: []plancast.Observation{obs("houma", "industrial_output", 2020, 310)},
		Targets: []plancast.Target{{Region: "houma", Indicator: "industrial_output", Plan: "14th-fyp", Kind: plancast.TargetLevel, BaseYear: 2020, Year: 2025, Value: 400}}}
	fanBelowZero := zizhouGDP()
	fanBelowZero.Targets = nil
	for i := range fanBelowZero.Projection.Points {
		fanBelowZero.Projection.Points[i].Lo95 = -10
	}
	narrow := zizhouGDP()
	narrow.Targets, narrow.Projection = nil, nil
	for i := range narrow.History {
		narrow.History[i].Value = 100 + float64(i)
	}
	cases := []struct {
		name   string
		s      Spec
		atZero bool
	}{
		{"Houma's GDP, 88.9 to the target's 250", houmaGDP(), true},
		{"Houma's industrial output, one figure of 310 and a target of 400", oneFigure, true},
		{"a fan whose 95% interval goes below zero", fanBelowZero, true},
		{"a level between 100 and 105", narrow, false},
		{"a rate: Houma's unemployment, 3.4% to its 5.5% ceiling", houmaUnemployment(), false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := historyFigure(&c.s)
			if err != nil {
				t.Fatal(err)
			}
			switch y := f.plot.Y.Min; {
			case c.atZero && y != 0:
				t.Errorf("value axis starts at %v, want 0", y)
			case !c.atZero && y <= 0:
				t.Errorf("value axis starts at %v, want the close range above 0", y)
			}
		})
	}
	cs := compareSpec()
	f, err := compareFigure(&cs)
	if err != nil {
		t.Fatal(err)
	}
	if f.plot.Y.Min != 0 {
		t.Errorf("the comparison of Houma's and Zizhou's GDP starts its value axis at %v, want 0", f.plot.Y.Min)
	}
}

// The value axis carries four to eight labelled ticks, enough to read a
// figure or a target against: Houma's GDP from 0 gets one every 50 up to
// its target's 250, not 0, 100 and 200 alone, and its unemployment one
// every 0.5% up to its 5.5% ceiling. A small chart gets fewer, each label
// at least twice its height from the next.
func TestTheValueAxisHasEnoughTicksToReadAgainst(t *testing.T) {
	// labelled returns the value axis' labelled ticks of f drawn at w×h,
	// and how many pixels apart the closest two are
	labelled := func(f *figure, w, h int) (labels []string, gap int) {
		_, pixelAt := renderFigurePNG(t, f, w, h)
		gap = h
		var prev *plot.Tick
		for _, tk := range f.plot.Y.Tick.Marker.Ticks(f.plot.Y.Min, f.plot.Y.Max) {
			if tk.Label == "" {
				continue
			}
			labels = append(labels, tk.Label)
			if prev != nil {
				gap = min(gap, pixelAt(0, prev.Value).Y-pixelAt(0, tk.Value).Y)
			}
			prev = &tk
		}
		return labels, gap
	}
	cs := compareSpec()
	compare, err := compareFigure(&cs)
	if err != nil {
		t.Fatal(err)
	}
	figures := map[string]*figure{"comparison of GDP": compare}
	for name, s := range map[string]Spec{"Houma's GDP": houmaGDP(), "Houma's unemployment": houmaUnemployment(),
		"Houma's budget revenue": houmaRevenue(), "Zizhou's GDP": zizhouGDP(), "Zizhou's unemployment": zizhouUnemployment()} {
		f, err := historyFigure(&s)
		if err != nil {
			t.Fatal(err)
		}
		figures[name] = f
	}
	for name, f := range figures {
		if labels, _ := labelled(f, 800, 500); len(labels) < 4 || len(labels) > 8 {
			t.Errorf("%s: value axis %v–%v labelled %q, want 4 to 8 labels", name, f.plot.Y.Min, f.plot.Y.Max, labels)
		}
	}
	if f := figures["Houma's GDP"]; !slices.ContainsFunc(f.plot.Y.Tick.Marker.Ticks(f.plot.Y.Min, f.plot.Y.Max), func(tk plot.Tick) bool { return tk.Label == "250" }) {
		t.Error("Houma's GDP axis has no tick at its target's 250")
	}
	for _, size := range []image.Point{{300, 200}, {400, 250}, {560, 350}} {
		s := houmaGDP()
		f, err := historyFigure(&s)
		if err != nil {
			t.Fatal(err)
		}
		labels, gap := labelled(f, size.X, size.Y)
		if minGap := int(math.Ceil(2 * sizeText * float64(scaleDPI(size.X, size.Y)) / 72)); len(labels) < 2 || gap < minGap {
			t.Errorf("Houma's GDP at %dx%d: value axis labelled %q, the closest %d pixels apart; want at least 2 labels, %d pixels apart",
				size.X, size.Y, labels, gap, minGap)
		}
	}
}

// A Chinese line is never begun by a closing mark (，。；：）and the like)
// nor ended by an opening one (（《“), as Chinese typesetting requires: the
// source line of Zizhou's GDP chart wrapped at every width from 60 to 400
// points keeps "；预测" and "）。" together, does not split "（auto）" from
// 100 points up, and loses no character.
func TestChineseLinesKeepTheirPunctuation(t *testing.T) {
	f, lang, _ := newFonts(LangZh)
	if lang != LangZh {
		t.Skip("no CJK font installed")
	}
	fig := &figure{fonts: f, lang: lang}
	src := "资料来源：Zizhou statistical communiques；000_31d79bc64c9d3619.txt — 子洲县人民政府办公室关于印发2022年政府工作报告重点任务分工的通知，2022年4月8日；预测：plancast（auto）。增长目标路径按所述增速绘制，并计入2016–2020年数值年均快于所述增速的1.0%。"
	for w := 60.0; w <= 400; w++ {
		lines := fig.wrap(src, sizeSource, false, vg.Points(w))
		for i, l := range lines {
			r := []rune(l)
			if strings.ContainsRune(noLineStart, r[0]) {
				t.Errorf("at %vpt line %d begins with %q: %q", w, i+1, r[0], l)
			}
			if strings.ContainsRune(noLineEnd, r[len(r)-1]) {
				t.Errorf("at %vpt line %d ends with %q: %q", w, i+1, r[len(r)-1], l)
			}
		}
		if w >= 100 && !slices.ContainsFunc(lines, func(l string) bool { return strings.Contains(l, "（auto）") }) {
			t.Errorf("at %vpt the lines %q split \"（auto）\"", w, lines)
		}
		if got, want := strings.ReplaceAll(strings.Join(lines, ""), " ", ""), strings.ReplaceAll(src, " ", ""); got != want {
			t.Fatalf("at %vpt the lines hold %q, want %q", w, got, want)
		}
	}
}

// A target's label names its year once: an annual plan's name says it
// ("2022 plan target: 1", "2022年计划目标：1万吨"), a Five-Year Plan's
// target says which of its years ("14th FYP target 2025: 250").
func TestATargetsLabelNamesItsYearOnce(t *testing.T) {
	oil := plancast.Indicator{Code: "crude_oil_output", Name: "Crude oil output", NameZh: "原油产量", Unit: "10k_tons", Kind: plancast.KindLevel}
	s := Spec{Region: plancast.Region{Code: "zizhou", Name: "Zizhou County", NameZh: "子洲县"}, Indicator: oil,
		History: []plancast.Observation{obs("zizhou", "crude_oil_output", 2021, 0.82)},
		Targets: []plancast.Target{{Region: "zizhou", Indicator: "crude_oil_output", Plan: "2022-annual", Kind: plancast.TargetLevel, Year: 2022, Value: 1}}}
	want := map[string]string{LangEn: "2022 plan target: 1, needs 22.0% a year", LangZh: "2022年计划目标：1万吨，需年均增长22.0%"}
	for _, lang := range []string{LangEn, LangZh} {
		if got, _ := ResolveLang(lang); got != lang {
			continue
		}
		s.Lang = lang
		var buf bytes.Buffer
		if err := Render(&buf, s, "svg"); err != nil {
			t.Fatal(err)
		}
		if text := svgText(t, buf.Bytes()); !strings.Contains(text, want[lang]) || strings.Contains(text, "2022 plan target 2022") || strings.Contains(text, "（2022年）") {
			t.Errorf("%s: the chart's text %q, want the label %q", lang, text, want[lang])
		}
	}
	var buf bytes.Buffer
	if err := Render(&buf, houmaGDP(), "svg"); err != nil {
		t.Fatal(err)
	}
	if text := svgText(t, buf.Bytes()); !strings.Contains(text, "14th FYP target 2025: 250") {
		t.Errorf("Houma's GDP chart reads %q, want its 2025 target labelled with its year", text)
	}
}

// The smallest chart the routes take, 200x150, still shows its plot, at
// least a third of its height, with nothing but the title and the unit
// above it: the footer gives way instead (its source cut to a line ending
// in "…", then the legend left out), where it used to take the whole
// height and be written over the title. At the default size it is whole.
func TestASmallChartKeepsItsPlot(t *testing.T) {
	cs := compareSpec()
	cs.Series[0].Targets = houmaGDP().Targets
	specs := map[string]func() (*figure, error){
		"Houma's GDP":     func() (*figure, error) { s := houmaGDP(); return historyFigure(&s) },
		"Houma's revenue": func() (*figure, error) { s := houmaRevenue(); return historyFigure(&s) },
		"Houma's GDP drawn in 2026, with 2021–2025 ended without figures": func() (*figure, error) {
			s := houmaGDP()
			s.Today = plancast.NewDate(2026, 11, 22)
			return historyFigure(&s)
		},
		"the GDP comparison": func() (*figure, error) { return compareFigure(&cs) },
	}
	isData := func(r, g, b uint8) bool { // the fans, the targets' red, the paths' orange, the regions' second colour
		return isFan(r, g, b) || isTarget(r, g, b) || isColour(colImplied)(r, g, b) || isColour(colSeries[1])(r, g, b)
	}
	for name, build := range specs {
		f, err := build()
		if err != nil {
			t.Fatal(err)
		}
		img, pixelAt := renderFigurePNG(t, f, MinWidth, MinHeight)
		top, bottom := pixelAt(0, f.plot.Y.Max).Y, pixelAt(0, f.plot.Y.Min).Y
		if bottom-top < MinHeight/3 {
			t.Errorf("%s at %dx%d: the plot is %d pixels high, want at least a third of the chart", name, MinWidth, MinHeight, bottom-top)
		}
		if n := count(img, image.Rect(0, 0, MinWidth, top-1), isData); n > 0 {
			t.Errorf("%s at %dx%d: %d pixels of the legend's or the data's colours above the plot, where only the title and the unit are", name, MinWidth, MinHeight, n)
		}
	}
	var buf bytes.Buffer
	if err := Render(&buf, houmaGDP(), "svg"); err != nil {
		t.Fatal(err)
	}
	if text := svgText(t, buf.Bytes()); !strings.Contains(text, "Source: Houma 2021 government work report; projection: plancast (auto).") ||
		!strings.Contains(text, "Path required to meet target") || strings.Contains(text, "…") {
		t.Errorf("Houma's GDP at the default size reads %q, want the whole source line and the legend", text)
	}
}

// svgPolyline is a line of an SVG chart: its stroke colour and points.
type svgPolyline struct {
	stroke string
	pts    []vg.Point
}

// svgLabel is a label of an SVG chart: its text and the box of its halo.
type svgLabel struct {
	text string
	box  vg.Rectangle
}

var (
	svgPathRe   = regexp.MustCompile(`<path d="([^"]*)" style="([^"]*)"`)
	svgTextRe   = regexp.MustCompile(`(?s)<text[^>]*>([^<]*)</text>`)
	svgStrokeRe = regexp.MustCompile(`fill:none;stroke:(#[0-9A-F]{6})`)
	svgPointRe  = regexp.MustCompile(`[ML](-?[0-9.]+),(-?[0-9.]+)`)
)

// svgLinesAndLabels reads the straight lines (paths of moves and lines
// only) and the haloed labels (a translucent white box, then its text) of
// an SVG chart drawn by this package.
func svgLinesAndLabels(svg string) (lines []svgPolyline, labels []svgLabel) {
	paths := svgPathRe.FindAllStringSubmatchIndex(svg, -1)
	for _, m := range paths {
		d, style := svg[m[2]:m[3]], svg[m[4]:m[5]]
		var pts []vg.Point
		for _, p := range svgPointRe.FindAllStringSubmatch(d, -1) {
			x, _ := strconv.ParseFloat(p[1], 64)
			y, _ := strconv.ParseFloat(p[2], 64)
			pts = append(pts, vg.Point{X: vg.Length(x), Y: vg.Length(y)})
		}
		if strings.Trim(d, "ML0123456789.,-Z") != "" {
			continue // arcs: a marker
		}
		switch {
		case svgStrokeRe.MatchString(style):
			lines = append(lines, svgPolyline{svgStrokeRe.FindStringSubmatch(style)[1], pts})
		case strings.Contains(style, "fill-opacity:0.78") && len(pts) == 4:
			t := svgTextRe.FindStringSubmatch(svg[m[1]:])
			labels = append(labels, svgLabel{t[1], vg.Rectangle{Min: pts[0], Max: pts[2]}})
		}
	}
	return lines, labels
}

// A comparison writes a target's value beside its marker where it strikes
// through no line: Houma's 2021 +8.5% and Zizhou's 2021 +7% rings sit on
// their own projections, and their values, written to the right of them,
// lay their halos over those lines; they now move off them.
func TestATargetsValueStaysOffTheLines(t *testing.T) {
	s := compareSpec()
	s.Series[0].Targets = []plancast.Target{{Region: "houma", Indicator: "gdp", Plan: "2021-annual", Kind: plancast.TargetGrowth, Year: 2021, Value: 8.5}}
	s.Series[1].Targets = []plancast.Target{{Region: "zizhou", Indicator: "gdp", Plan: "2021-annual", Kind: plancast.TargetGrowth, Year: 2021, Value: 7}}
	for _, lang := range []string{LangEn, LangZh} {
		s.Lang = lang
		var buf bytes.Buffer
		if err := RenderCompare(&buf, s, "svg"); err != nil {
			t.Fatal(err)
		}
		lines, labels := svgLinesAndLabels(buf.String())
		values := 0
		for _, l := range labels {
			if !strings.Contains(l.text, "%") {
				continue // a region's name
			}
			values++
			for _, pl := range lines {
				if !slices.ContainsFunc(colSeries[:2], func(c color.NRGBA) bool { return pl.stroke == fmt.Sprintf("#%02X%02X%02X", c.R, c.G, c.B) }) {
					continue // the axes and the grid
				}
				for i := 1; i < len(pl.pts); i++ {
					if crosses(pl.pts[i-1], pl.pts[i], l.box) {
						t.Errorf("%s: the value %q is written over the %s line from %v to %v", lang, l.text, pl.stroke, pl.pts[i-1], pl.pts[i])
					}
				}
			}
		}
		if values != 2 {
			t.Errorf("%s: %d target values written, want Houma's and Zizhou's", lang, values)
		}
	}
}

// The single chart's legend names the ring at the end of a growth
// target's path, in either language, as the comparison's does; a chart
// with no growth target drawn does not.
func TestTheSingleChartsLegendNamesTheRing(t *testing.T) {
	for _, lang := range []string{LangEn, LangZh} {
		if got, _ := ResolveLang(lang); got != lang {
			continue
		}
		name := dict[lang].ImpliedLevel
		for _, c := range []struct {
			spec Spec
			want bool
		}{{zizhouGDP(), true}, {houmaRevenue(), true}, {houmaGDP(), false}} {
			s := c.spec
			s.Lang = lang
			f, err := historyFigure(&s)
			if err != nil {
				t.Fatal(err)
			}
			if got := slices.Contains(labels(f.legend), name); got != c.want {
				t.Errorf("%s, %s: the legend %q names %q: %v, want %v", lang, s.Indicator.Code, labels(f.legend), name, got, c.want)
			}
		}
	}
}

// A target's label never covers its own diamond. A label too long for the
// room on its side was pushed back inside the plot over the marker it
// names: Houma's 250 亿元 target, in Chinese on a 500-pixel chart
// projected eight years, was a label with no diamond. It now takes the side
// with room, or, with room on neither, moves above or below the diamond.
func TestATargetsLabelLeavesItsDiamondVisible(t *testing.T) {
	diamondRe := regexp.MustCompile(`<path d="M(-?[0-9.]+),(-?[0-9.]+)L(-?[0-9.]+),(-?[0-9.]+)L(-?[0-9.]+),(-?[0-9.]+)L(-?[0-9.]+),(-?[0-9.]+)Z" style="fill:` +
		fmt.Sprintf("#%02X%02X%02X", colTarget.R, colTarget.G, colTarget.B) + `"`)
	charts := 0
	for _, lang := range []string{LangEn, LangZh} {
		for _, h := range []int{5, 8, 12} {
			for w := 400; w <= 900; w += 50 {
				s := houmaGDP()
				s.Lang, s.Width = lang, w
				s.Projection = projection("houma", "gdp", plancast.Unit100mYuan, 2020, 120.8, 0.053, 0.035, h)
				var buf bytes.Buffer
				if err := Render(&buf, s, "svg"); err != nil {
					t.Fatal(err)
				}
				_, labels := svgLinesAndLabels(buf.String())
				diamonds := diamondRe.FindAllStringSubmatch(buf.String(), -1)
				if len(diamonds) < 2 { // the target's and the legend's
					t.Fatalf("%s, %d years, %d wide: %d diamonds drawn, want the target's and the legend's", lang, h, w, len(diamonds))
				}
				for _, d := range diamonds {
					var box vg.Rectangle // the diamond's corners: bottom, right, top, left
					for i, v := range d[1:] {
						f, _ := strconv.ParseFloat(v, 64)
						if i%2 == 0 {
							box.Min.X, box.Max.X = vg.Length(math.Min(float64(box.Min.X), f)), vg.Length(math.Max(float64(box.Max.X), f))
							if i == 0 {
								box.Min.X, box.Max.X = vg.Length(f), vg.Length(f)
							}
						} else {
							box.Min.Y, box.Max.Y = vg.Length(math.Min(float64(box.Min.Y), f)), vg.Length(math.Max(float64(box.Max.Y), f))
							if i == 1 {
								box.Min.Y, box.Max.Y = vg.Length(f), vg.Length(f)
							}
						}
					}
					for _, l := range labels {
						if overlaps(l.box, box) {
							t.Errorf("%s, %d years, %d wide: the label %q (%v) covers the diamond at %v", lang, h, w, l.text, l.box, box)
						}
					}
				}
				charts++
			}
		}
	}
	if charts != 66 {
		t.Errorf("%d charts checked, want 66", charts)
	}
}

// A target the latest figure already meets requires no path: its label
// says the target alone, and the legend has no "Path required" (budget
// revenue of 14.6 against 13 for 2025 drew a falling line, "needs −2.9% a
// year"). The same target above the latest figure keeps both.
func TestAMetTargetDrawsNoRequiredPath(t *testing.T) {
	revenue := plancast.Indicator{Code: "budget_revenue", Name: "Budget revenue", Unit: plancast.Unit100mYuan, Kind: plancast.KindLevel, Better: plancast.BetterHigher}
	for _, c := range []struct {
		target   float64
		required bool
	}{{13, false}, {20, true}} {
		s := Spec{Region: plancast.Region{Code: "uatville", Name: "UAT Ville"}, Indicator: revenue, Lang: LangEn,
			History: []plancast.Observation{obs("uatville", "budget_revenue", 2020, 13.9), obs("uatville", "budget_revenue", 2021, 14.6)},
			Targets: []plancast.Target{{Region: "uatville", Indicator: "budget_revenue", Plan: "14th-fyp", Kind: plancast.TargetLevel, Year: 2025, Value: c.target}}}
		var buf bytes.Buffer
		if err := Render(&buf, s, "svg"); err != nil {
			t.Fatal(err)
		}
		text := svgText(t, buf.Bytes())
		if got := strings.Contains(text, "needs") || strings.Contains(text, "Path required"); got != c.required {
			t.Errorf("target %g with the latest figure 14.6: required path drawn %v, want %v; the chart reads %q", c.target, got, c.required, text)
		}
	}
}
