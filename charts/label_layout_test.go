package charts

import (
	"bytes"
	"cmp"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// houmaLevel is a level target of Houma's GDP.
func houmaLevel(plan string, year int, v float64) plancast.Target {
	return plancast.Target{Region: "houma", Indicator: "gdp", Plan: plan, Kind: plancast.TargetLevel, BaseYear: 2020, Year: year, Value: v}
}

// crowdedChart is a chart whose labels, each written where it asks to be,
// overlapped: its figure at a size, and the labels that are stacked in
// the order of their points, top first (by the start of their text).
type crowdedChart struct {
	name  string
	fig   func(*testing.T, int, int) *figure
	order []string
}

// crowdedCharts are the crowded charts of the single chart and the
// comparison.
func crowdedCharts() []crowdedChart {
	single := func(mod func(*Spec)) func(*testing.T, int, int) *figure {
		return func(t *testing.T, w, h int) *figure {
			s := houmaGDP()
			mod(&s)
			s.Width, s.Height = w, h
			f, err := historyFigure(&s)
			if err != nil {
				t.Fatal(err)
			}
			return f
		}
	}
	return []crowdedChart{
		{"two targets of one year, 250 and 245", single(func(s *Spec) {
			s.Targets = append(s.Targets, houmaLevel("2025-annual", 2025, 245))
		}), []string{"14th FYP target 2025: 250", "2025 plan target: 245"}},
		{"targets of neighbouring years, 248 in 2024 and 250 in 2025", single(func(s *Spec) {
			s.Targets = append(s.Targets, houmaLevel("2024-annual", 2024, 248))
		}), []string{"14th FYP target 2025: 250", "2024 plan target: 248"}},
		{"a target of the latest figure's year, on its label", single(func(s *Spec) {
			s.Projection, s.Targets = nil, []plancast.Target{houmaLevel("2020-annual", 2020, 121)}
		}), nil},
		{"a level and a growth target of one year, from 2020", single(func(s *Spec) {
			s.From = 2020
			s.Targets = append(s.Targets, houmaLevel("2021-annual", 2021, 128),
				plancast.Target{Region: "houma", Indicator: "gdp", Plan: "2021-annual", Kind: plancast.TargetGrowth, Year: 2021, Value: 8.5})
		}), nil},
		{"two targets of one year over the ended years' words", single(func(s *Spec) {
			s.Today = plancast.NewDate(2026, 3, 1)
			s.Targets = append(s.Targets, houmaLevel("2025-annual", 2025, 245))
		}), []string{"14th FYP target 2025: 250", "2025 plan target: 245"}},
		{"two ceilings of one value", func(t *testing.T, w, h int) *figure {
			s := houmaUnemployment()
			s.Targets = append(s.Targets, plancast.Target{Region: "houma", Indicator: "unemployment_rate", Plan: "2025-annual", Kind: plancast.TargetCeiling, Year: 2025, Value: 5.5})
			s.Width, s.Height = w, h
			f, err := historyFigure(&s)
			if err != nil {
				t.Fatal(err)
			}
			return f
		}, nil},
		{"a comparison of four regions ending within 1%", func(t *testing.T, w, h int) *figure {
			region := func(code string, v0 float64) RegionSeries {
				var hist []plancast.Observation
				for i := range 5 {
					hist = append(hist, obs(code, "gdp", 2016+i, v0*(1+0.08*float64(i))))
				}
				last := hist[4].Value
				return RegionSeries{Region: plancast.Region{Code: code, Name: code}, History: hist,
					Projection: projection(code, "gdp", plancast.Unit100mYuan, 2020, last, 0.05, 0.03, 5)}
			}
			s := CompareSpec{Indicator: gdp, Series: []RegionSeries{region("alpha", 100), region("beta", 101), region("gamma", 99), region("delta", 100.5)}, Width: w, Height: h}
			f, err := compareFigure(&s)
			if err != nil {
				t.Fatal(err)
			}
			return f
		}, []string{"beta", "delta", "alpha", "gamma"}}, // by their lines' ends: 170.1, 168.6, 168.5, 168.4
	}
}

// laidOut draws f as a w×h PNG and returns the decoded image, the labels
// written over its plot as laid out there (chartLabels.layout), the
// period names at its top, and the pixels of a box on the canvas.
func laidOut(t *testing.T, f *figure, w, h int) (img image.Image, labels, names []placedLabel, pixels func(vg.Rectangle) image.Rectangle) {
	t.Helper()
	var c draw.Canvas
	var p *plot.Plot
	f.plot.Add(plotFunc(func(dc draw.Canvas, dp *plot.Plot) { c, p = dc, dp }))
	var buf bytes.Buffer
	if err := f.write(&buf, w, h, "png"); err != nil {
		t.Fatalf("write PNG: %v", err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatalf("decode PNG: %v", err)
	}
	if p == nil {
		t.Fatal("the plot was not drawn")
	}
	dpi := float64(scaleDPI(w, h))
	pixels = func(r vg.Rectangle) image.Rectangle {
		return image.Rect(int(math.Ceil(r.Min.X.Dots(dpi))), h-int(math.Floor(r.Max.Y.Dots(dpi))),
			int(math.Floor(r.Max.X.Dots(dpi))), h-int(math.Ceil(r.Min.Y.Dots(dpi))))
	}
	return img, f.labels.layout(f, &c, p), periodNames(f, &c, p), pixels
}

// No label written over a plot covers another, nor a period's name: two
// targets of one year, or of neighbouring years with close values, are
// written one over the other, in the order of their values; a target of
// the latest figure's year moves off that figure's label; a growth target's
// label off a level target's of its year; two ceilings of one value, and
// the names of regions whose lines end together, are stacked. Every label
// is still written, beside its point (only moved up or down), at the
// default size and at half of it.
func TestNoLabelCoversAnother(t *testing.T) {
	for _, c := range crowdedCharts() {
		for _, size := range [][2]int{{DefaultWidth, DefaultHeight}, {DefaultWidth / 2, DefaultHeight / 2}} {
			f := c.fig(t, size[0], size[1])
			_, labels, names, _ := laidOut(t, f, size[0], size[1])
			due := 0
			if f.labels.due != nil {
				due = 1 // the ended years' words, on one line at these widths
			}
			if len(labels) != due+len(f.labels.must) {
				t.Errorf("%s, %dx%d: %d labels written, want all %d", c.name, size[0], size[1], len(labels), due+len(f.labels.must))
			}
			all := append(append([]placedLabel(nil), labels...), names...)
			for i, a := range all {
				for _, b := range all[i+1:] {
					if overlaps(a.box, b.box) {
						t.Errorf("%s, %dx%d: %q (%v) overlaps %q (%v)", c.name, size[0], size[1], a.txt, a.box, b.txt, b.box)
					}
				}
			}
			// stacked in the order of their points: the higher value's label above
			var tops []vg.Length
			for _, want := range c.order {
				i := slices.IndexFunc(labels, func(l placedLabel) bool { return strings.HasPrefix(l.txt, want) })
				if i < 0 {
					t.Errorf("%s, %dx%d: no label %q", c.name, size[0], size[1], want)
					continue
				}
				tops = append(tops, labels[i].box.Max.Y)
			}
			if !slices.IsSortedFunc(tops, func(a, b vg.Length) int { return cmp.Compare(b, a) }) {
				t.Errorf("%s, %dx%d: the labels %q are not stacked in that order, top first (their tops %v)", c.name, size[0], size[1], c.order, tops)
			}
		}
	}
}

// The labels stacked to keep clear of each other are drawn in their
// colours, on a chart that is still drawn whole: Houma's GDP with targets
// of 250 and 245 for 2025 keeps its two red diamonds, each label's box
// holds its own text, and the 250 target's label, which keeps its place,
// holds the same text as on the chart without the 245 target: none of it
// washed out under the other's halo nor written over by the other's text.
func TestStackedLabelsAreDrawn(t *testing.T) {
	// a pixel of text in col, not washed out under a halo: nearer col than white
	inks := func(col color.Color) func(r, g, b uint8) bool {
		c := color.NRGBAModel.Convert(col).(color.NRGBA)
		return func(r, g, b uint8) bool {
			return abs(int(r)-int(c.R))+abs(int(g)-int(c.G))+abs(int(b)-int(c.B)) < abs(255-int(r))+abs(255-int(g))+abs(255-int(b))
		}
	}
	const first = "14th FYP target 2025: 250"
	// the box of the 250 target's label and the pixels of its text
	alone := houmaGDP()
	aloneFig, err := historyFigure(&alone)
	if err != nil {
		t.Fatal(err)
	}
	aloneImg, aloneLabels, _, pixels := laidOut(t, aloneFig, DefaultWidth, DefaultHeight)
	i := slices.IndexFunc(aloneLabels, func(l placedLabel) bool { return strings.HasPrefix(l.txt, first) })
	if i < 0 {
		t.Fatalf("no label %q on Houma's GDP", first)
	}
	box := pixels(aloneLabels[i].box)
	want := count(aloneImg, box, inks(colTarget))

	f := crowdedCharts()[0].fig(t, DefaultWidth, DefaultHeight)
	img, labels, _, _ := laidOut(t, f, DefaultWidth, DefaultHeight)
	if b := img.Bounds(); b.Dx() != DefaultWidth || b.Dy() != DefaultHeight {
		t.Fatalf("the PNG is %dx%d, want %dx%d", b.Dx(), b.Dy(), DefaultWidth, DefaultHeight)
	}
	if got := count(img, box, inks(colTarget)); math.Abs(float64(got-want)) > 0.03*float64(want) {
		t.Errorf("the label %q holds %d pixels of red text with a second target of 2025, %d without it; want the same", first, got, want)
	}
	targets := 0
	for _, l := range labels {
		if n := count(img, pixels(l.box), inks(l.sty.Color)); n < 40 {
			t.Errorf("%q: %d pixels of its colour in its box %v, want its text (≥ 40)", l.txt, n, pixels(l.box))
		}
		if l.sty.Color == colTarget {
			targets++
		}
	}
	if targets != 2 {
		t.Errorf("%d target labels laid out, want 2", targets)
	}
	_, pixelAt := renderFigurePNG(t, f, DefaultWidth, DefaultHeight)
	for _, v := range []float64{250, 245} {
		if n := count(img, around(pixelAt(2025, v), 2), isTarget); n < 10 {
			t.Errorf("the diamond of %v in 2025: %d red pixels, want it drawn", v, n)
		}
	}
}

// userTestCharts are the user test's charts of Yunhe County whose labels
// hid each other: its GDP (targets of two Five-Year Plans and six annual
// plans, the year to date of 2026 at the 2026 plan's ring), in full and
// from 2020, its energy intensity (the latest figure just over the 14th
// FYP's ceiling) and its unemployment rate (three ceilings of 4.5%).
func userTestCharts() map[string]func() Spec {
	from2020 := func() Spec {
		s := yunheGDP()
		s.From = 2020
		return s
	}
	return map[string]func() Spec{"gdp": yunheGDP, "gdp from 2020": from2020, "energy_intensity": yunheEnergy, "unemployment_rate": yunheUnemployment}
}

// apiSizes are sizes the API accepts: its corners, the dashboard's, the
// default and larger.
var apiSizes = [][2]int{
	{MinWidth, MinHeight}, {300, 200}, {400, 250}, {560, 350}, {DefaultWidth, DefaultHeight}, {1200, 700},
	{MaxWidth, MaxHeight}, {MaxWidth, MinHeight}, {MinWidth, MaxHeight}, {1000, MinHeight}, {MinWidth, 1000},
}

// layoutOn lays out f's labels as drawn at w×h (an SVG, whose page in
// points is the PNG's) and returns them with the boxes of the period names
// and of the markers (where the markers are drawn: dodge), and of the
// dots of the figures at dots (dotReach around them).
func layoutOn(t *testing.T, f *figure, w, h int, dots ...xy) (labels []placedLabel, names, marks []vg.Rectangle) {
	t.Helper()
	var c draw.Canvas
	var p *plot.Plot
	f.plot.Add(plotFunc(func(dc draw.Canvas, dp *plot.Plot) { c, p = dc, dp }))
	if err := f.write(io.Discard, w, h, "svg"); err != nil {
		t.Fatal(err)
	}
	for _, n := range periodNames(f, &c, p) {
		names = append(names, n.box)
	}
	r := targetRadius * markerReach
	for _, m := range f.labels.markers {
		q := toCanvas(&c, p, []xy{f.labels.dodge.moved(&c, p, m)})[0]
		marks = append(marks, vg.Rectangle{Min: vg.Point{X: q.X - r, Y: q.Y - r}, Max: vg.Point{X: q.X + r, Y: q.Y + r}})
	}
	for _, d := range dots {
		q := toCanvas(&c, p, []xy{d})[0]
		marks = append(marks, vg.Rectangle{Min: vg.Point{X: q.X - dotReach, Y: q.Y - dotReach}, Max: vg.Point{X: q.X + dotReach, Y: q.Y + dotReach}})
	}
	return f.labels.layout(f, &c, p), names, marks
}

// On the user test's charts, in English and Chinese, at every size the
// API accepts, no label covers another, a period's name or a marker (the
// user saw "14th FYP target 2025: 260" over "14th FYP: +6.5% a year", the
// year to date's label over the latest figure's, the 2023–2026 labels of
// the dashboard's Chinese chart in a pile, "2025: 0.66" under "14th FYP
// ceiling: 0.62", "14th FYP ceiling" run into "2026 plan ceiling: 4.5%").
// From the default size up every label is written, and from the
// dashboard's every label but an annual plan's growth (allWritten); a
// smaller chart leaves out what it has no room for, and keeps the latest
// figure's label (TestTheLeastImportantLabelGoesFirst).
func TestTheUserTestsLabelsCoverNothing(t *testing.T) {
	for name, spec := range userTestCharts() {
		for _, lang := range []string{LangEn, LangZh} {
			for _, size := range apiSizes {
				s := spec()
				s.Lang, s.Width, s.Height = lang, size[0], size[1]
				f, err := historyFigure(&s)
				if err != nil {
					t.Fatal(err)
				}
				at := fmt.Sprintf("%s %s %dx%d", name, lang, size[0], size[1])
				labels, names, marks := layoutOn(t, f, size[0], size[1], figureDots(s)...)
				for i, a := range labels {
					for _, b := range labels[i+1:] {
						if overlaps(a.box, b.box) {
							t.Errorf("%s: %q overlaps %q", at, a.txt, b.txt)
						}
					}
					for _, n := range names {
						if overlaps(a.box, n) {
							t.Errorf("%s: %q overlaps a period's name", at, a.txt)
						}
					}
					for _, m := range marks {
						if overlaps(a.box, m) {
							t.Errorf("%s: %q covers the marker at %v", at, a.txt, m.Min.Add(m.Max).Scale(0.5))
						}
					}
				}
				written := func(prefix string) bool {
					return slices.ContainsFunc(labels, func(l placedLabel) bool { return strings.HasPrefix(l.txt, prefix) })
				}
				allWritten(t, at, f, labels, size)
				if latest := f.labels.must[slices.IndexFunc(f.labels.must, func(l labelSpec) bool { return l.rank == rankLatest })]; !written(latest.txt) {
					t.Errorf("%s: the latest figure's label %q left out", at, latest.txt)
				}
			}
		}
	}
}

// figureDots are the points of the figures s draws a dot at.
func figureDots(s Spec) []xy {
	var dots []xy
	for _, o := range sortedHistory(s.History, s.From) {
		dots = append(dots, xy{float64(o.Year), o.Value})
	}
	return dots
}

// On a small chart no label is laid over the figures' dots, and every
// label written is beside the point it names: the user saw, on a 300×200
// chart of Jinzhong's GDP, "2025: 2,044" over the 2022–2024 figures and
// "15th FYP target 2030: 2,650, needs 5.3% a year" over the 2020 figure,
// under the history, far from the 2030 diamond. Beside means that from
// where the label asks to be (its point, nudged up or down: labelSpec.dy)
// to its box is at most two lines of text (moved off a marker or a
// figure) once the labels of its own and the neighbouring years stacked
// there are left out. At every size the API accepts, in English and
// Chinese, the latest figure's label is written, and from the dashboard's
// size up every label but an annual plan's growth (allWritten).
func TestLabelsStayBesideTheirPointsOffTheFigures(t *testing.T) {
	charts := map[string]func() Spec{"jinzhong gdp": jinzhongGDP}
	for name, spec := range userTestCharts() {
		charts["yunhe "+name] = spec
	}
	for name, spec := range charts {
		for _, lang := range []string{LangEn, LangZh} {
			for _, size := range apiSizes {
				s := spec()
				s.Lang, s.Width, s.Height = lang, size[0], size[1]
				f, err := historyFigure(&s)
				if err != nil {
					t.Fatal(err)
				}
				at := fmt.Sprintf("%s %s %dx%d", name, lang, size[0], size[1])
				labels, _, marks := layoutOn(t, f, size[0], size[1], figureDots(s)...)
				for _, l := range labels {
					for _, m := range marks {
						if overlaps(l.box, m) {
							t.Errorf("%s: %q covers the dot or marker at %v", at, l.txt, m.Min.Add(m.Max).Scale(0.5))
						}
					}
					if open, h := apart(l, labels, f.labels.must); open > 2*h {
						t.Errorf("%s: %q is %.1f points from where it asks to be by its point %v, with no label of its years between; want at most %.1f", at, l.txt, open, l.point, 2*h)
					}
				}
				allWritten(t, at, f, labels, size)
				if !slices.ContainsFunc(labels, func(l placedLabel) bool { return l.sty.Color == colHistory }) {
					t.Errorf("%s: the latest figure's label left out", at)
				}
			}
		}
	}
}

// allWritten checks that labels, laid out on f at size, are every label of
// f from the default size up, and every label but an annual plan's growth
// from the dashboard's size (560×350) up: of the user test's charts, the
// dashboard's Chinese chart of Yunhe's GDP has no room beside its ring for
// "2023年计划：增长6%", whose place the labels of 2025 take, and leaves it
// out (it was written three label heights under its ring, under the
// labels of 2024 and 2025).
func allWritten(t *testing.T, at string, f *figure, labels []placedLabel, size [2]int) {
	t.Helper()
	for _, m := range f.labels.must {
		if size[0] < 560 || size[1] < 350 || m.rank == rankAnnualGrowth && (size[0] < DefaultWidth || size[1] < DefaultHeight) {
			continue
		}
		if !slices.ContainsFunc(labels, func(l placedLabel) bool { return l.txt == f.fonts.printable(m.txt) }) {
			t.Errorf("%s: %q left out; want every label written", at, m.txt)
		}
	}
}

// apart is the stretch between where label l asks to be (its point nudged
// by its labelSpec's dy) and its box, less what the boxes of the other
// labels of its year and the neighbouring years (by the points of must
// they were asked for) cover of it in l's columns; and l's height.
func apart(l placedLabel, labels []placedLabel, must []labelSpec) (open, h vg.Length) {
	spec := func(txt string) labelSpec {
		i := slices.IndexFunc(must, func(m labelSpec) bool { return m.txt == txt })
		if i < 0 {
			return labelSpec{at: xy{math.NaN(), 0}}
		}
		return must[i]
	}
	own := spec(l.txt)
	h = l.box.Max.Y - l.box.Min.Y
	y0 := l.point.Y + own.dy
	lo, hi := y0, l.box.Min.Y
	if l.box.Max.Y < y0 {
		lo, hi = l.box.Max.Y, y0
	}
	// sample the stretch in tenths of a point
	for y := lo; y < hi; y += 0.1 {
		covered := slices.ContainsFunc(labels, func(o placedLabel) bool {
			return o.txt != l.txt && math.Abs(spec(o.txt).at.x-own.at.x) <= 1 &&
				o.box.Min.X < l.box.Max.X && l.box.Min.X < o.box.Max.X && o.box.Min.Y <= y && y <= o.box.Max.Y
		})
		if !covered {
			open += 0.1
		}
	}
	return open, h
}

// The user test's GDP chart, drawn as the API and the dashboard draw it:
// the year to date's green diamond is seen whole beside the 2026 plan's
// ring (it was drawn under the ring, of its size, and only its middle
// showed), the ring is seen too, and every label's box holds its own text.
func TestTheYearToDatesDiamondIsSeenBesideTheRing(t *testing.T) {
	isToDate := func(r, g, b uint8) bool {
		return abs(int(r)-0x1b) < 40 && abs(int(g)-0x9e) < 40 && abs(int(b)-0x77) < 40
	}
	isRing := func(r, g, b uint8) bool { return r > 180 && g > 90 && g < 160 && b < 80 }
	inks := func(col color.Color) func(r, g, b uint8) bool {
		c := color.NRGBAModel.Convert(col).(color.NRGBA)
		return func(r, g, b uint8) bool {
			return abs(int(r)-int(c.R))+abs(int(g)-int(c.G))+abs(int(b)-int(c.B)) < abs(255-int(r))+abs(255-int(g))+abs(255-int(b))
		}
	}
	for _, v := range []struct {
		lang string
		w, h int
	}{{LangEn, DefaultWidth, DefaultHeight}, {LangZh, DefaultWidth, DefaultHeight}, {LangEn, 560, 350}, {LangZh, 560, 350}, {LangEn, 1200, 700}} {
		s := yunheGDP()
		s.Lang, s.Width, s.Height = v.lang, v.w, v.h
		f, err := historyFigure(&s)
		if err != nil {
			t.Fatal(err)
		}
		var c draw.Canvas
		var p *plot.Plot
		f.plot.Add(plotFunc(func(dc draw.Canvas, dp *plot.Plot) { c, p = dc, dp }))
		img, labels, _, pixels := laidOut(t, f, v.w, v.h)
		at := fmt.Sprintf("%s %dx%d", v.lang, v.w, v.h)
		if b := img.Bounds(); b.Dx() != v.w || b.Dy() != v.h {
			t.Fatalf("%s: the PNG is %dx%d", at, b.Dx(), b.Dy())
		}
		dpi := float64(scaleDPI(v.w, v.h))
		box := func(q xy, reach vg.Length) image.Rectangle {
			pt := toCanvas(&c, p, []xy{q})[0]
			return pixels(vg.Rectangle{Min: vg.Point{X: pt.X - reach, Y: pt.Y - reach}, Max: vg.Point{X: pt.X + reach, Y: pt.Y + reach}})
		}
		diamond := box(f.labels.dodge.moved(&c, p, f.labels.dodge.at), toDateRadius*markerReach)
		whole := 2 * math.Pow(toDateRadius.Dots(dpi)*markerReach, 2) // the diamond's area in pixels
		if n := count(img, diamond, isToDate); float64(n) < 0.6*whole {
			t.Errorf("%s: %d green pixels in the year to date's diamond %v; want it seen whole (≥ %.0f)", at, n, diamond, 0.6*whole)
		}
		if n := count(img, diamond, isRing); n > 4 { // the growth path's dots at its corners
			t.Errorf("%s: %d pixels of the ring's orange in the year to date's diamond %v; want none", at, n, diamond)
		}
		ring := box(xy{2026, 243.6 * 1.05}, targetRadius*markerReach) // the 2026 plan's +5% on 2025's figure, about
		if n := count(img, ring, isRing); n < 15 {
			t.Errorf("%s: %d orange pixels at the 2026 plan's ring %v; want it seen", at, n, ring)
		}
		for _, l := range labels {
			if n := count(img, pixels(l.box), inks(l.sty.Color)); n < 30 {
				t.Errorf("%s: %q: %d pixels of its colour in its box; want its text", at, l.txt, n)
			}
		}
	}
}

// Where a chart has room for only some of the labels that ask for one
// place, it writes the most important (its rank, rankLatest…: the latest figure, the
// year to date, a Five-Year Plan's target, its growth, an annual plan's
// target, its growth; of one rank the later year) and leaves out the
// rest, whatever order they come in: on the smallest chart, six labels at
// Houma's 2020 figure. The labels were laid out from the one asked
// highest down, and those left at the end, whatever they were, went.
func TestTheLeastImportantLabelGoesFirst(t *testing.T) {
	ranked := []labelSpec{ // most important first
		{txt: "latest", rank: rankLatest},
		{txt: "to date", rank: rankToDate},
		{txt: "plan target", rank: rankPlanTarget},
		{txt: "plan growth", rank: rankPlanGrowth},
		{txt: "2024 plan growth", rank: rankAnnualGrowth, at: xy{0.1, 0}},
		{txt: "2021 plan growth", rank: rankAnnualGrowth},
	}
	for _, order := range [][]int{{0, 1, 2, 3, 4, 5}, {5, 4, 3, 2, 1, 0}, {3, 5, 0, 4, 2, 1}} {
		s := houmaGDP()
		s.Width, s.Height = MinWidth, MinHeight
		f, err := historyFigure(&s)
		if err != nil {
			t.Fatal(err)
		}
		f.labels.must = nil
		for _, i := range order {
			l := ranked[i]
			l.at = xy{2020 + l.at.x, 120.8}
			l.size, l.col, l.side = sizeSmall, colInk, sideLeft
			f.labels.must = append(f.labels.must, l)
		}
		labels, _, _ := layoutOn(t, f, MinWidth, MinHeight)
		var got []string
		for _, l := range labels {
			got = append(got, l.txt)
		}
		if len(got) == 0 || len(got) == len(ranked) {
			t.Fatalf("order %v: %d of %d labels written; want room for some but not all", order, len(got), len(ranked))
		}
		for _, want := range ranked[:len(got)] {
			if !slices.Contains(got, want.txt) {
				t.Errorf("order %v: %q written, %q left out; want the %d most important", order, got, want.txt, len(got))
			}
		}
	}
}

// With room to spare every label is written, a Five-Year Plan's target
// among them. The user saw Jincheng's GDP chart leave out "14th FYP target
// 2025: 2,800" at every size from 800×500 to 1600×1000, the space above
// its diamond empty, while it wrote "2025 plan: +5.5%" and "2026 plan:
// +5%", the annual plans' growth that is the first to go: the year to
// date's label, laid out before it, had moved just above the diamond into
// the one place beside it. At those sizes, in English and Chinese, every
// label is written, none covers another, a period's name or a marker, and
// the 2,800's label is beside its diamond (within its own height of where
// it asks to be, level with the diamond).
func TestAFiveYearPlansTargetIsLabelledWithRoomToSpare(t *testing.T) {
	for _, lang := range []string{LangEn, LangZh} {
		for _, size := range [][2]int{{800, 500}, {1000, 600}, {1200, 700}, {1600, 1000}} {
			s := jinchengGDP()
			s.Lang, s.Width, s.Height = lang, size[0], size[1]
			f, err := historyFigure(&s)
			if err != nil {
				t.Fatal(err)
			}
			at := fmt.Sprintf("%s %dx%d", lang, size[0], size[1])
			labels, names, marks := layoutOn(t, f, size[0], size[1], figureDots(s)...)
			for _, m := range f.labels.must {
				if !slices.ContainsFunc(labels, func(l placedLabel) bool { return l.txt == f.fonts.printable(m.txt) }) {
					t.Errorf("%s: %q left out; want every label written", at, m.txt)
				}
			}
			for i, a := range labels {
				for _, b := range labels[i+1:] {
					if overlaps(a.box, b.box) {
						t.Errorf("%s: %q overlaps %q", at, a.txt, b.txt)
					}
				}
				for _, o := range slices.Concat(names, marks) {
					if overlaps(a.box, o) {
						t.Errorf("%s: %q covers a period's name or a marker at %v", at, a.txt, o.Min.Add(o.Max).Scale(0.5))
					}
				}
			}
			want := map[string]string{LangEn: "14th FYP target 2025: 2,800", LangZh: "十四五目标（2025年）：2,800亿元"}[lang]
			i := slices.IndexFunc(labels, func(l placedLabel) bool { return l.txt == want })
			if i < 0 {
				continue
			}
			l := labels[i]
			if h := l.box.Max.Y - l.box.Min.Y; max(l.box.Min.Y-l.asked.Max.Y, l.asked.Min.Y-l.box.Max.Y) > h {
				t.Errorf("%s: %q at %v, more than its height from where it asks to be, %v", at, l.txt, l.box, l.asked)
			}
		}
	}
}

// On a small chart a label stays beside its point or is left out: moved
// from where it asks to be by at most its own height (and the gap left
// round a label), past what stands at its own and the neighbouring years
// (their markers, dots and labels) and the period names, further only
// over the labels stacked there. On the user's 320×240 Chinese chart of
// Jincheng's GDP "2025年计划：增长5.5%" was written at the height of 170
// 亿元, four label heights under its ring at 2,475, with "十四五：年均增长6.5%"
// just above it and "2026年计划：增长5%" left of 2025: the 15th FYP's growth
// of 2030 had moved two heights down off the year to date's diamond of
// 2026, under its text, and the labels of 2025 and 2026 were stacked under
// it. At every size the API accepts and 320×240, in English and Chinese,
// every label written is so; the latest figure's label is written, and
// from the dashboard's size up every label.
func TestLabelsAreNotMovedFarByOtherYears(t *testing.T) {
	for _, lang := range []string{LangEn, LangZh} {
		for _, size := range append([][2]int{{320, 240}}, apiSizes...) {
			s := jinchengGDP()
			s.Lang, s.Width, s.Height = lang, size[0], size[1]
			f, err := historyFigure(&s)
			if err != nil {
				t.Fatal(err)
			}
			at := fmt.Sprintf("%s %dx%d", lang, size[0], size[1])
			dots := figureDots(s)
			labels, names, marks := layoutOn(t, f, size[0], size[1], dots...)
			years := make([]float64, 0, len(marks)) // of each of marks: f.labels.markers, then dots
			for _, m := range slices.Concat(f.labels.markers, dots) {
				years = append(years, m.x)
			}
			for _, l := range labels {
				if open, h := movedPast(l, labels, f.labels.must, names, marks, years); open > h+labelGap+0.01 {
					t.Errorf("%s: %q moved %.1f points from where it asks to be past what stands at other years; want at most its height, %.1f, and the gap round it", at, l.txt, open, h)
				}
			}
			if !slices.ContainsFunc(labels, func(l placedLabel) bool { return l.sty.Color == colHistory }) {
				t.Errorf("%s: the latest figure's label left out", at)
			}
			if all := len(f.labels.must); size[0] >= 560 && size[1] >= 350 && len(labels) != all {
				t.Errorf("%s: %d of %d labels written; want all", at, len(labels), all)
			}
		}
	}
}

// movedPast is how far label l moved from where it asked to be (the far
// edge of its asked box to the near edge of its box), less what it moved
// past or off that stands at its own and the neighbouring years (by the
// points of must the labels were asked for, years for marks), each with
// the gap left round a label, and the period names; and l's height.
func movedPast(l placedLabel, labels []placedLabel, must []labelSpec, names, marks []vg.Rectangle, years []float64) (open, h vg.Length) {
	year := func(txt string) float64 {
		for _, m := range must {
			if m.txt == txt || strings.HasPrefix(txt, m.txt) {
				return m.at.x
			}
		}
		return math.NaN()
	}
	own := year(l.txt)
	var stand []vg.Rectangle
	for _, o := range labels {
		if o.txt != l.txt && math.Abs(year(o.txt)-own) <= 1 {
			stand = append(stand, o.box)
		}
	}
	for i, m := range marks {
		if math.Abs(years[i]-own) <= 1 {
			stand = append(stand, m)
		}
	}
	stand = append(stand, names...)
	h = l.box.Max.Y - l.box.Min.Y
	lo, hi := l.asked.Min.Y, l.box.Min.Y
	if l.box.Min.Y < l.asked.Min.Y {
		lo, hi = l.box.Max.Y, l.asked.Max.Y
	}
	var cover [][2]vg.Length
	for _, o := range stand {
		if o.Min.X < l.box.Max.X && l.box.Min.X < o.Max.X {
			cover = append(cover, [2]vg.Length{o.Min.Y - labelGap, o.Max.Y + labelGap})
		}
	}
	return uncovered([][2]vg.Length{{lo, hi}}, cover), h
}
