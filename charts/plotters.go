package charts

import (
	"image/color"
	"math"
	"slices"
	"sort"

	"github.com/plancast/plancast"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// xy is a point in data coordinates (year, value).
type xy struct{ x, y float64 }

// plotFunc adapts a function to plot.Plotter.
type plotFunc func(c draw.Canvas, p *plot.Plot)

func (f plotFunc) Plot(c draw.Canvas, p *plot.Plot) { f(c, p) }

// toCanvas maps data points to canvas points.
func toCanvas(c *draw.Canvas, p *plot.Plot, pts []xy) []vg.Point {
	trX, trY := p.Transforms(c)
	out := make([]vg.Point, len(pts))
	for i, q := range pts {
		out[i] = vg.Point{X: trX(q.x), Y: trY(q.y)}
	}
	return out
}

// inReach maps data points to canvas points as toCanvas does, each
// within reach of the plot, for lines and polygons to be clipped to it:
// a coordinate further than farPlots plot sizes from the plot (a figure of
// 1e280 on a chart up to 300, an infinite one) is brought in to that
// distance, and a point with a coordinate that is not a number (NaN) is
// left out, ending the run of points before it. It returns the runs of
// points kept.
//
// Why: a 95% bound of 1e158 over figures near 80 lay some 1e144 points
// above the plot. The clipping of gonum/plot, which cuts a line where it
// leaves the plot, lost every digit of the crossing's place in such
// numbers, and the rasteriser, given coordinates it cannot hold, spun
// without end; one further than farPlots plot sizes is, to within a
// millionth of a year, a vertical line where it crosses the plot, so that
// it is clipped as precisely as any other.
func inReach(c *draw.Canvas, p *plot.Plot, pts []xy) [][]vg.Point {
	w, h := c.Max.X-c.Min.X, c.Max.Y-c.Min.Y
	bound := func(v, lo, hi, size vg.Length) vg.Length {
		return max(lo-farPlots*size, min(hi+farPlots*size, v))
	}
	var runs [][]vg.Point
	var run []vg.Point
	for _, q := range toCanvas(c, p, pts) {
		if math.IsNaN(float64(q.X)) || math.IsNaN(float64(q.Y)) {
			if len(run) > 0 {
				runs, run = append(runs, run), nil
			}
			continue
		}
		run = append(run, vg.Point{X: bound(q.X, c.Min.X, c.Max.X, w), Y: bound(q.Y, c.Min.Y, c.Max.Y, h)})
	}
	if len(run) > 0 {
		runs = append(runs, run)
	}
	return runs
}

// farPlots is how far beyond the plot, in plot sizes, a point of a line or
// a polygon is drawn where it is (inReach).
const farPlots = 1e6

// lineOf draws pts as a polyline with sty, clipped to the data area; a
// point that is not a number breaks it.
func lineOf(pts []xy, sty draw.LineStyle) plot.Plotter {
	return plotFunc(func(c draw.Canvas, p *plot.Plot) {
		for _, run := range inReach(&c, p, pts) {
			if len(run) >= 2 {
				c.StrokeLines(sty, c.ClipLinesXY(run)...)
			}
		}
	})
}

// pointsOf draws a glyph at each of pts shown (draw.Canvas.DrawGlyph
// draws none outside the plot).
func pointsOf(pts []xy, sty draw.GlyphStyle) plot.Plotter {
	return plotFunc(func(c draw.Canvas, p *plot.Plot) {
		for _, q := range toCanvas(&c, p, pts) {
			c.DrawGlyph(sty, q)
		}
	})
}

// fanOf fills the band between lo and hi (same years, ascending), clipped
// to the data area; a bound that is not a number is left out.
func fanOf(lo, hi []xy, col color.Color) plot.Plotter {
	return plotFunc(func(c draw.Canvas, p *plot.Plot) {
		if len(lo) < 2 {
			return
		}
		poly := make([]xy, 0, 2*len(lo))
		poly = append(poly, hi...)
		for i := len(lo) - 1; i >= 0; i-- {
			poly = append(poly, lo[i])
		}
		if pts := slices.Concat(inReach(&c, p, poly)...); len(pts) >= 3 {
			c.FillPolygon(col, c.ClipPolygonXY(pts))
		}
	})
}

// periodBands shades the Five-Year Plan periods shown alternately across
// the full height and writes their names at the top (periodNames).
func periodBands(f *figure) plot.Plotter {
	return plotFunc(func(c draw.Canvas, p *plot.Plot) {
		trX, _ := p.Transforms(&c)
		for _, per := range periodsShown(p) {
			x0, x1, ok := periodSpan(per, p)
			if !ok {
				continue
			}
			col := colBandA
			if per.n%2 == 0 {
				col = colBandB
			}
			fillRect(c, vg.Rectangle{Min: vg.Point{X: trX(x0), Y: c.Min.Y}, Max: vg.Point{X: trX(x1), Y: c.Max.Y}}, col)
		}
		for _, n := range periodNames(f, &c, p) {
			c.FillText(n.sty, n.pt, n.txt)
		}
	})
}

// periodsShown are the Five-Year Plan periods overlapping the years of p.
func periodsShown(p *plot.Plot) []planPeriod {
	return periodsIn(int(math.Ceil(p.X.Min)), int(math.Floor(p.X.Max)))
}

// periodSpan is the part of per's years on p's x axis; ok is false when
// none is.
func periodSpan(per planPeriod, p *plot.Plot) (x0, x1 float64, ok bool) {
	x0 = math.Max(float64(per.start)-0.5, p.X.Min)
	x1 = math.Min(float64(per.end)+0.5, p.X.Max)
	return x0, x1, x1 > x0
}

// periodNames are the names of the periods shown, each centred at the top
// of its band where the band is wide enough for it; box is the text's
// extent (they have no halo). The labels over the plot leave them clear
// (chartLabels.layout).
func periodNames(f *figure, c *draw.Canvas, p *plot.Plot) []placedLabel {
	trX, _ := p.Transforms(c)
	var names []placedLabel
	for _, per := range periodsShown(p) {
		x0, x1, ok := periodSpan(per, p)
		if !ok {
			continue
		}
		label := periodLabel(per, f.lang)
		sty := f.style(label, sizeSmall, false, colFaint)
		sty.XAlign, sty.YAlign = draw.XCenter, draw.YTop
		w, h := sty.Width(label), sty.Height(label)
		if w+vg.Points(4) >= trX(x1)-trX(x0) {
			continue
		}
		pt := vg.Point{X: (trX(x0) + trX(x1)) / 2, Y: c.Max.Y - vg.Points(3)}
		names = append(names, placedLabel{txt: label, sty: sty, pt: pt, point: pt,
			box: vg.Rectangle{Min: vg.Point{X: pt.X - w/2, Y: pt.Y - h}, Max: vg.Point{X: pt.X + w/2, Y: pt.Y}}})
	}
	return names
}

// dueBand hatches the years of due, the ended years after the last figure
// with none stored, over the plot's height (as far as they are shown).
// Their words are written by the labels' layer (dueLabels).
func dueBand(due plancast.YearSpan) layer {
	band := plotFunc(func(c draw.Canvas, p *plot.Plot) {
		r, ok := dueShown(due, &c, p)
		if !ok {
			return
		}
		// hatched at 45°, dueHatch apart: the lines x = y + d, d = k·dueHatch,
		// each from where it enters r to where it leaves it
		sty := draw.LineStyle{Color: colDue, Width: vg.Points(0.6)}
		for k := math.Ceil(float64((r.Min.X - r.Max.Y) / dueHatch)); k <= math.Floor(float64((r.Max.X-r.Min.Y)/dueHatch)); k++ {
			d := vg.Length(k) * dueHatch
			y0, y1 := max(r.Min.Y, r.Min.X-d), min(r.Max.Y, r.Max.X-d)
			if y1 > y0 {
				c.StrokeLine2(sty, y0+d, y0, y1+d, y1)
			}
		}
	})
	return layer{z: zDue, p: band}
}

// dueShown is the rectangle of the years of due shown on c; ok is false
// when none is.
func dueShown(due plancast.YearSpan, c *draw.Canvas, p *plot.Plot) (r vg.Rectangle, ok bool) {
	trX, _ := p.Transforms(c)
	x0 := math.Max(float64(due.From)-0.5, p.X.Min)
	x1 := math.Min(float64(due.To)+0.5, p.X.Max)
	return vg.Rectangle{Min: vg.Point{X: trX(x0), Y: c.Min.Y}, Max: vg.Point{X: trX(x1), Y: c.Max.Y}}, x1 > x0
}

// dueLabels are the lines that say which years due hatches
// (FiguresDueText), at the foot of the hatch, centred on it and kept inside
// the plot, over a halo as the other labels are: on one line, which may
// reach past a narrow hatch, unless it is wider than the plot. They are in
// reading order, from the top line down, so that an SVG reads in order.
func dueLabels(f *figure, due plancast.YearSpan, c *draw.Canvas, p *plot.Plot) []placedLabel {
	r, ok := dueShown(due, c, p)
	if !ok {
		return nil
	}
	lines := f.wrap(FiguresDueText(&due, f.lang), sizeSmall, false, c.Max.X-c.Min.X-vg.Points(4))
	// the lowest line's foot 3 points above the plot's
	y := c.Min.Y + vg.Points(3)
	for _, l := range lines {
		y += f.style(l, sizeSmall, false, colMuted).Height(l)
	}
	var out []placedLabel
	for _, line := range lines {
		sty := f.style(line, sizeSmall, false, colMuted)
		sty.YAlign = draw.YCenter
		w, h := sty.Width(line), sty.Height(line)
		x := (r.Min.X + r.Max.X - w) / 2
		x = max(c.Min.X+vg.Points(2), min(x, c.Max.X-vg.Points(2)-w))
		y -= h
		out = append(out, placedLabel{txt: line, sty: sty, pt: vg.Point{X: x, Y: y + h/2}, point: vg.Point{X: x, Y: y + h/2},
			box: vg.Rectangle{Min: vg.Point{X: x - vg.Points(1.5), Y: y}, Max: vg.Point{X: x + w + vg.Points(1.5), Y: y + h}}})
	}
	return out
}

// dueHatch is the distance between the hatch lines of the ended years
// without a figure, across the lines' run.
var dueHatch = vg.Points(5)

// hGrid draws horizontal grid lines at the value ticks.
func hGrid() plot.Plotter {
	return plotFunc(func(c draw.Canvas, p *plot.Plot) {
		_, trY := p.Transforms(&c)
		sty := draw.LineStyle{Color: colGrid, Width: vg.Points(0.5)}
		for _, t := range p.Y.Tick.Marker.Ticks(p.Y.Min, p.Y.Max) {
			if t.IsMinor() {
				continue
			}
			y := trY(t.Value)
			c.StrokeLine2(sty, c.Min.X, y, c.Max.X, y)
		}
	})
}

// limitBand draws a ceiling (above=true) or floor at value over the years
// [from, to], shading the forbidden side to the edge of the plot.
func limitBand(from, to int, value float64, above bool) plot.Plotter {
	return plotFunc(func(c draw.Canvas, p *plot.Plot) {
		trX, trY := p.Transforms(&c)
		x0 := trX(math.Max(float64(from)-0.5, p.X.Min))
		x1 := trX(math.Min(float64(to)+0.5, p.X.Max))
		if x1 <= x0 {
			return
		}
		y := trY(value)
		if math.IsNaN(float64(y)) {
			return
		}
		y = max(c.Min.Y, min(c.Max.Y, y)) // a limit off the plot: the band, if any, fills it
		edge := c.Max.Y
		if !above {
			edge = c.Min.Y
		}
		poly := []vg.Point{{X: x0, Y: y}, {X: x1, Y: y}, {X: x1, Y: edge}, {X: x0, Y: edge}}
		c.FillPolygon(colLimit, c.ClipPolygonXY(poly))
		c.StrokeLines(draw.LineStyle{Color: colTarget, Width: vg.Points(1)}, c.ClipLinesXY([]vg.Point{{X: x0, Y: y}, {X: x1, Y: y}})...)
	})
}

// Label sides.
const (
	sideAuto  = iota // left of the point in the right quarter of the plot, else right
	sideLeft         // always left
	sideRight        // always right
)

// labelSpec is a label asked for: txt beside the data point at, on side,
// nudged up by dy; rank says how much it matters where there is no room
// for every label (rankLatest…).
type labelSpec struct {
	at   xy
	txt  string
	size float64
	col  color.Color
	side int
	dy   vg.Length
	rank int
}

// Label ranks: a chart with no room for every label over its plot leaves
// out the least important (chartLabels.layout), the one ranked last,
// and of one rank the one of the earliest year, first.
const (
	// the latest figure, what the chart is about; a comparison's region
	// names, which tell its lines apart
	rankLatest = iota
	// the year in progress, as its months so far project it
	rankToDate
	// a Five-Year Plan's (or a longer plan's) level target, ceiling or floor:
	// what the chart is read against
	rankPlanTarget
	// a Five-Year Plan's growth target, whose path and ring stay drawn
	rankPlanGrowth
	// an annual plan's level target, ceiling or floor
	rankAnnualTarget
	// an annual plan's growth target: of the years gone by, one beside
	// each figure, the first to go
	rankAnnualGrowth
)

// targetRank is the rank of the label of target t, of its growth when
// growth is true.
func targetRank(t plancast.Target, growth bool) int {
	from, to, ok := planSpan(t.Plan)
	annual := ok && from == to
	switch {
	case annual && growth:
		return rankAnnualGrowth
	case annual:
		return rankAnnualTarget
	case growth:
		return rankPlanGrowth
	}
	return rankPlanTarget
}

// lessImportant reports whether label a gives way to label b where there
// is no room for both: ranked after it, or of one rank, of an earlier year.
func lessImportant(a, b labelSpec) bool {
	if a.rank != b.rank {
		return a.rank > b.rank
	}
	return a.at.x < b.at.x
}

// placedLabel is a label laid out on a canvas: its text, style and
// position, the box its halo covers, the data point it labels, and the
// box where it was asked to be beside that point (before it moved off its
// marker or another label: near).
type placedLabel struct {
	txt   string
	sty   text.Style
	pt    vg.Point
	box   vg.Rectangle
	point vg.Point
	asked vg.Rectangle
}

// labelText is a label's text as written, its style and its extent, which
// do not depend on where it is placed: measured once for all the places
// tried (alternatives).
type labelText struct {
	txt  string
	sty  text.Style
	w, h vg.Length
}

// measure is l's text as written (fonts.printable), its style and extent.
func (l labelSpec) measure(f *figure) labelText {
	txt := f.fonts.printable(l.txt)
	sty := f.style(txt, l.size, false, l.col)
	sty.YAlign = draw.YCenter
	return labelText{txt: txt, sty: sty, w: sty.Width(txt), h: sty.Height(txt)}
}

// place lays the label out on c: 7pt to the side of its point, kept inside
// the plot.
func (l labelSpec) place(f *figure, c *draw.Canvas, p *plot.Plot) placedLabel {
	return l.placeAs(l.measure(f), c, p)
}

// placeAs is place with l's text measured as t (measure).
func (l labelSpec) placeAs(t labelText, c *draw.Canvas, p *plot.Plot) placedLabel {
	txt, sty, w, h := t.txt, t.sty, t.w, t.h
	pt := toCanvas(c, p, []xy{l.at})[0]
	off := vg.Points(7)
	left := l.side == sideLeft || (l.side == sideAuto && pt.X > c.Min.X+(c.Max.X-c.Min.X)*3/4)
	if l.side == sideAuto {
		// the side with room for the whole label, when only the other has it
		roomLeft, roomRight := pt.X-off-c.Min.X, c.Max.X-pt.X-off
		if left && w > roomLeft && roomRight > roomLeft {
			left = false
		} else if !left && w > roomRight && roomLeft > roomRight {
			left = true
		}
	}
	if left {
		sty.XAlign = draw.XRight
		off = -off
	}
	x := pt.X + off
	// keep the text inside the plot
	if sty.XAlign == draw.XRight && x-w < c.Min.X {
		x = c.Min.X + w
	}
	if sty.XAlign == draw.XLeft && x+w > c.Max.X {
		x = c.Max.X - w
	}
	y := pt.Y + l.dy
	y = vg.Length(math.Min(float64(c.Max.Y-h/2), math.Max(float64(c.Min.Y+h/2), float64(y))))
	boxAt := func(y vg.Length) vg.Rectangle {
		if sty.XAlign == draw.XRight {
			return vg.Rectangle{Min: vg.Point{X: x - w - vg.Points(1.5), Y: y - h/2}, Max: vg.Point{X: x + vg.Points(1.5), Y: y + h/2}}
		}
		return vg.Rectangle{Min: vg.Point{X: x - vg.Points(1.5), Y: y - h/2}, Max: vg.Point{X: x + w + vg.Points(1.5), Y: y + h/2}}
	}
	box := boxAt(y)
	asked := box
	// A label kept inside the plot by sliding it back over its own point
	// would hide the marker it names: it goes above the marker instead, or
	// below when there is no room above.
	reach := targetRadius * markerReach
	marker := vg.Rectangle{Min: vg.Point{X: pt.X - reach, Y: pt.Y - reach}, Max: vg.Point{X: pt.X + reach, Y: pt.Y + reach}}
	if overlaps(box, marker) {
		y = pt.Y + reach + h/2
		if y+h/2 > c.Max.Y {
			y = pt.Y - reach - h/2
		}
		box = boxAt(y)
	}
	return placedLabel{txt: txt, sty: sty, pt: vg.Point{X: x, Y: y}, box: box, point: pt, asked: asked}
}

// moved is the label dy higher.
func (l placedLabel) moved(dy vg.Length) placedLabel {
	l.pt.Y += dy
	l.box.Min.Y += dy
	l.box.Max.Y += dy
	return l
}

// draw writes the label over a white halo, which keeps it legible over
// lines and fans.
func (l placedLabel) draw(c *draw.Canvas) {
	c.SetColor(color.NRGBA{R: 255, G: 255, B: 255, A: 0xc8})
	c.Fill(l.box.Path())
	c.FillText(l.sty, l.pt, l.txt)
}

// labelGap is the room left between two labels stacked one over the
// other.
var labelGap = vg.Points(1)

// stack returns l moved straight up or down by the least distance that
// leaves its box inside c, clear of every box of taken, no higher than any
// box of under in its columns (its top at most theirs), no lower than any
// box of over (its top at least theirs), and still beside its point
// (near, of foreign and mates): l itself when it is already so. A tie goes
// up when up is true, else down. ok is false when there is no such place.
//
// The places tried are l's own, and those that put l's box just below or
// just above a box of taken, under or over in its columns, or against the
// foot or the top of the plot: the nearest such place is one of them.
func (l placedLabel) stack(taken, foreign, under, over, mates []vg.Rectangle, c *draw.Canvas, up bool) (placedLabel, bool) {
	sameColumns := func(a, b vg.Rectangle) bool { return a.Min.X < b.Max.X && b.Min.X < a.Max.X }
	shifts := []vg.Length{0, c.Max.Y - l.box.Max.Y, c.Min.Y - l.box.Min.Y}
	for _, t := range slices.Concat(taken, under, over) {
		if sameColumns(t, l.box) {
			shifts = append(shifts, t.Max.Y+labelGap-l.box.Min.Y, t.Min.Y-labelGap-l.box.Max.Y)
		}
	}
	abs := func(v vg.Length) vg.Length { return max(v, -v) }
	sort.SliceStable(shifts, func(i, j int) bool {
		a, b := shifts[i], shifts[j]
		if abs(a) != abs(b) {
			return abs(a) < abs(b)
		}
		return a != b && (a > b) == up
	})
	fits := func(at placedLabel) bool {
		inside := at.box.Max.Y <= c.Max.Y && at.box.Min.Y >= c.Min.Y
		clear := !slices.ContainsFunc(taken, func(t vg.Rectangle) bool { return overlaps(at.box, t) })
		below := !slices.ContainsFunc(under, func(u vg.Rectangle) bool {
			return overlaps(at.box, u) || sameColumns(at.box, u) && at.box.Max.Y > u.Max.Y
		})
		above := !slices.ContainsFunc(over, func(o vg.Rectangle) bool {
			return overlaps(at.box, o) || sameColumns(at.box, o) && at.box.Max.Y < o.Max.Y
		})
		return inside && clear && below && above && l.near(at, foreign, mates)
	}
	for _, dy := range shifts {
		if at := l.moved(dy); fits(at) {
			return at, true
		}
	}
	return l, false
}

// near reports whether at, l moved up or down, is still beside l's
// point: it moved at most its own height and the gap left round a label
// (labelGap), past what stands at its point and further only over the
// labels stacked there. That is, the stretch it passed over, in at's
// columns, is no taller than that once the boxes of mates (the labels of
// its own and the neighbouring years laid out before it), each with the
// gap round it, are taken out of it; the stretch is the gap between the
// box where l was asked to be (asked) and at's box, and those parts of the
// box asked for that boxes of foreign took (the labels of other years,
// and the markers and dots of other years, which it was moved off). A
// label moves off the markers, dots and labels of its own and the
// neighbouring years, and the period names, at its place, but a label or
// marker of another year that its text reaches over moves it no further
// than its own height: on the user's 320×240 chart of Jincheng's GDP the
// 15th FYP's growth of 2030 moved two heights down off the year to date's
// diamond and the 2026 plan's ring, under its text at 2026, the 2026 plan's
// growth off the tip of that label, and the labels of 2025 were stacked
// under those, four heights under their rings.
// Further than that it sat by points it does not name (on a small chart
// "2025: 2,044" under the 2021–2024 figures, the 15th FYP's 2030 target
// under the 2026 plan's label) and is left out instead.
func (l placedLabel) near(at placedLabel, foreign, mates []vg.Rectangle) bool {
	var passed [][2]vg.Length
	switch {
	case at.box.Min.Y > l.asked.Max.Y:
		passed = append(passed, [2]vg.Length{l.asked.Max.Y, at.box.Min.Y})
	case at.box.Max.Y < l.asked.Min.Y:
		passed = append(passed, [2]vg.Length{at.box.Max.Y, l.asked.Min.Y})
	}
	if at.box != l.asked {
		for _, f := range foreign {
			if overlaps(f, l.asked) {
				passed = append(passed, [2]vg.Length{max(f.Min.Y, l.asked.Min.Y), min(f.Max.Y, l.asked.Max.Y)})
			}
		}
	}
	var stacked [][2]vg.Length
	for _, m := range mates {
		if m.Min.X < at.box.Max.X && at.box.Min.X < m.Max.X {
			stacked = append(stacked, [2]vg.Length{m.Min.Y - labelGap, m.Max.Y + labelGap})
		}
	}
	return uncovered(passed, stacked) <= at.box.Max.Y-at.box.Min.Y+labelGap
}

// uncovered is the length of what the stretches of cover leave of those
// of spans, each stretch from its [0] to its [1].
func uncovered(spans, cover [][2]vg.Length) vg.Length {
	// the ends of both, swept from the bottom up
	type end struct {
		y        vg.Length
		in, over int
	}
	var ends []end
	for _, sp := range spans {
		if sp[0] < sp[1] {
			ends = append(ends, end{sp[0], 1, 0}, end{sp[1], -1, 0})
		}
	}
	for _, c := range cover {
		if c[0] < c[1] {
			ends = append(ends, end{c[0], 0, 1}, end{c[1], 0, -1})
		}
	}
	sort.Slice(ends, func(i, j int) bool { return ends[i].y < ends[j].y })
	var n vg.Length
	in, over := 0, 0
	for i, e := range ends {
		if i > 0 && in > 0 && over == 0 {
			n += e.y - ends[i-1].y
		}
		in, over = in+e.in, over+e.over
	}
	return n
}

// chartLabels are the labels a chart writes over its plot, laid out
// together (layout) so that none covers another.
type chartLabels struct {
	// must are written wherever there is room in the plot's height: the
	// single chart's latest figure, year to date and targets, a
	// comparison's region names. optional are written only where they
	// crowd nothing: a comparison's target values.
	must, optional []labelSpec
	// markers are the data points no label covers (to markerReach target
	// radii around them): a label with no room clear of them is left out.
	markers []xy
	// dots are the figures' dots (and a lone projected year's), which no
	// label covers either, to dotReach around them: a label laid over the
	// history hid the figures it was written on.
	dots []xy
	// lines are the lines an optional label moves off (alternatives).
	lines [][]xy
	// due is the span of ended years without figures whose words
	// (dueLabels) are written before any other label; nil for none.
	due *plancast.YearSpan
	// dodge moves the year to date's label and marker with its mark; nil
	// for none.
	dodge *dodge
}

// layout lays the labels out on c so that no two overlap, nor one
// overlaps a period's name (periodNames), a marker or a figure's dot, and
// returns them in the order to write them:
//
//   - first the words of the ended years without figures (dueLabels),
//     where they belong;
//   - then the labels of must, from the one asked highest (labelSpec.place)
//     down, each where it asks to be or, when its box there would overlap
//     one laid out before it, a marker (markerReach target radii around
//     a point of markers) or a dot (dotReach around a point of dots),
//     moved straight up or down to the nearest place in the plot where it
//     overlaps none and is still beside its point: moved off what stands
//     at its own and the neighbouring years, and by no more than its own
//     height besides but over the labels stacked there (stack, near); a
//     tie goes the way the label is nudged from its point (down when it
//     is not). A label with no such place, where one
//     laid out before it took the place beside its point, is laid out
//     before that one instead, which moves round it (layMust). A label
//     asked alike (on the same side of its point, nudged as far) as one of
//     its own or a neighbouring year laid out before it stays below that
//     one when its point is lower, above when higher, so that labels
//     stacked keep the order of their points: two targets of one year, or of neighbouring years with close
//     values, come one over the other, the higher value on top, as do the
//     names of regions whose lines end together; where there is no place
//     that keeps the order, it takes the nearest clear one. Where there is
//     no room for every label (a small chart), those kept are chosen from
//     the most important down (lessImportant), each that can be laid out
//     so with those chosen before it, and the rest are left out: a small
//     chart keeps the latest figure's label and a Five-Year Plan's
//     target's before an annual plan's growth. A label left out leaves its
//     marker to be read against the axis; no label covers a marker;
//   - then each label of optional whose box overlaps neither a label
//     before it, a period's name nor a marker. Such a label that would
//     cross one of lines (whose stretch under its halo would be washed out
//     and strike through its text) moves to the first place that crosses
//     none and overlaps nothing: 9 points above or below, else the same on
//     the other side of its point; where there is none, it stays as asked.
//     A label left out leaves its marker to be read against the axis.
func (cl *chartLabels) layout(f *figure, c *draw.Canvas, p *plot.Plot) []placedLabel {
	var fixed []placedLabel // written whatever the others: the ended years' words
	var names []vg.Rectangle
	for _, n := range periodNames(f, c, p) {
		names = append(names, n.box)
	}
	if cl.due != nil {
		for _, l := range dueLabels(f, *cl.due, c, p) {
			fixed, names = append(fixed, l), append(names, l.box)
		}
	}
	marks := cl.markBoxes(c, p)
	asked := make([]placedLabel, len(cl.must))
	for i, l := range cl.must {
		l.at = cl.dodge.moved(c, p, l.at)
		asked[i] = l.place(f, c, p)
	}
	// the labels kept: from the most important down, each that can be
	// laid out with those kept before it
	byRank := make([]int, len(cl.must))
	for i := range byRank {
		byRank[i] = i
	}
	sort.SliceStable(byRank, func(i, j int) bool { return lessImportant(cl.must[byRank[j]], cl.must[byRank[i]]) })
	taken := slices.Clone(names)
	for _, m := range marks {
		taken = append(taken, m.box)
	}
	kept := make([]bool, len(cl.must))
	var must []placedLabel
	for _, i := range byRank {
		kept[i] = true
		laid, ok := cl.layMust(asked, kept, names, marks, c)
		// A label with no place beside its point as asked tries the
		// places an optional label tries (alternatives: 9 points above
		// or below, then the other side), as asked there, before it is
		// left out: a share's target of 100 in 2030 sits at the top of
		// the plot, its label left of it over the latest figure's
		// marker, which it could clear only by moving down more than its
		// own height (near), and was left out at every size, though 9
		// points lower it was clear of everything.
		if l := cl.must[i]; !ok && l.rank == rankPlanTarget && l.side == sideAuto {
			t := l.measure(f)
			for _, alt := range l.alternatives()[1:3] {
				alt.at = cl.dodge.moved(c, p, alt.at)
				was := asked[i]
				asked[i] = alt.placeAs(t, c, p)
				if laid, ok = cl.layMust(asked, kept, names, marks, c); ok {
					break
				}
				asked[i] = was
			}
		}
		if ok {
			must = laid
		} else {
			kept[i] = false // left out for want of room
		}
	}
	placed := slices.Concat(fixed, must)
	for _, l := range must {
		taken = append(taken, l.box)
	}
	if len(cl.optional) == 0 {
		return placed
	}

	var segs [][2]vg.Point
	for _, l := range cl.lines {
		pts := toCanvas(c, p, l)
		for i := 1; i < len(pts); i++ {
			segs = append(segs, [2]vg.Point{pts[i-1], pts[i]})
		}
	}
	isTaken := func(pl placedLabel) bool {
		return slices.ContainsFunc(taken, func(o vg.Rectangle) bool { return overlaps(pl.box, o) })
	}
	crossesLine := func(pl placedLabel) bool {
		return slices.ContainsFunc(segs, func(s [2]vg.Point) bool { return crosses(s[0], s[1], pl.box) })
	}
	for _, l := range cl.optional {
		t := l.measure(f)
		pl := l.placeAs(t, c, p)
		if isTaken(pl) {
			continue
		}
		if crossesLine(pl) {
			for _, alt := range l.alternatives()[1:] {
				if a := alt.placeAs(t, c, p); !isTaken(a) && !crossesLine(a) {
					pl = a
					break
				}
			}
		}
		placed, taken = append(placed, pl), append(taken, pl.box)
	}
	return placed
}

// markBoxes are the boxes no label covers on c: markerReach target radii
// around each of markers (where it is drawn, and as large: dodge),
// dotReach around each of dots.
func (cl *chartLabels) markBoxes(c *draw.Canvas, p *plot.Plot) []mark {
	box := func(q xy, r vg.Length) mark {
		pt := toCanvas(c, p, []xy{q})[0]
		return mark{box: vg.Rectangle{Min: vg.Point{X: pt.X - r, Y: pt.Y - r}, Max: vg.Point{X: pt.X + r, Y: pt.Y + r}}, year: q.x}
	}
	var marks []mark
	for _, m := range cl.markers {
		marks = append(marks, box(cl.dodge.moved(c, p, m), cl.dodge.reach(c, p, m)))
	}
	for _, d := range cl.dots {
		marks = append(marks, box(d, dotReach))
	}
	return marks
}

// mark is the box no label covers round a marker or a figure's dot, and
// the year of its point (x, as drawn).
type mark struct {
	box  vg.Rectangle
	year float64
}

// dotReach is how far a figure's dot (dotGlyph, radius 2.6 points with its
// white edge) reaches from its point.
var dotReach = vg.Points(3)

// layMust lays out the labels of must kept (layout), each asked where
// asked holds, clear of the boxes of names and marks and of each other: it
// returns them in the order laid out, or ok false when one has no clear
// place in the plot's height.
//
// They are laid out one by one, from the one asked highest down, each in
// the nearest clear place beside its point (stack). A label laid so may
// take the one place beside the point of a label laid after it, where a
// place a little further from its own point would have left room for
// both: on Jincheng's GDP chart the year to date's label, moved just above
// the 14th FYP's diamond of 2,800, took the place of that diamond's label,
// which was left out at every size while annual plans' growth was written.
// So a label with no place is laid out before those it came after, which
// are laid out again round it; each is brought forward once at most, and
// a label still without a place is left out.
func (cl *chartLabels) layMust(asked []placedLabel, kept []bool, names []vg.Rectangle, marks []mark, c *draw.Canvas) (laid []placedLabel, ok bool) {
	var rest []int
	for i := range asked {
		if kept[i] {
			rest = append(rest, i)
		}
	}
	sort.SliceStable(rest, func(i, j int) bool { return asked[rest[i]].box.Max.Y > asked[rest[j]].box.Max.Y })
	var first []int // the labels brought forward, in the order brought
	for {
		laid, failed := cl.layInOrder(slices.Concat(first, rest), asked, names, marks, c)
		if failed < 0 {
			return laid, true
		}
		if slices.Contains(first, failed) {
			return nil, false
		}
		first = append(first, failed)
		rest = slices.DeleteFunc(rest, func(i int) bool { return i == failed })
	}
}

// layInOrder lays out the labels of must at order, in that order
// (layMust), clear of the boxes of names and marks and of each other: it
// returns them as laid out and failed -1, or failed the index in must of
// the first that has no place.
func (cl *chartLabels) layInOrder(order []int, asked []placedLabel, names []vg.Rectangle, marks []mark, c *draw.Canvas) (laid []placedLabel, failed int) {
	taken := slices.Clone(names)
	for _, m := range marks {
		taken = append(taken, m.box)
	}
	var index []int // in must, of each label laid
	for _, i := range order {
		l := cl.must[i]
		// mates are the labels laid out of its year and the neighbouring
		// years, which it may be stacked over; under those of them asked
		// alike with a higher point, which this one stays below, over
		// those with a lower point, which it stays above; foreign the
		// labels, markers and dots of other years, which move it no
		// further than its own height (near)
		var under, over, mates, foreign []vg.Rectangle
		for _, m := range marks {
			if math.Abs(m.year-l.at.x) > 1 {
				foreign = append(foreign, m.box)
			}
		}
		for j, k := range index {
			m := cl.must[k]
			mate := math.Abs(m.at.x-l.at.x) <= 1
			if mate && m.side == l.side && m.dy == l.dy {
				switch {
				case asked[k].point.Y > asked[i].point.Y:
					under = append(under, laid[j].box)
				case asked[k].point.Y < asked[i].point.Y:
					over = append(over, laid[j].box)
				}
			}
			if mate {
				mates = append(mates, laid[j].box)
			} else {
				foreign = append(foreign, laid[j].box)
			}
		}
		up := l.dy > 0
		at, ok := asked[i].stack(taken, foreign, under, over, mates, c, up)
		if !ok {
			at, ok = asked[i].stack(taken, foreign, nil, nil, mates, c, up)
		}
		if !ok {
			return nil, i
		}
		laid, index, taken = append(laid, at), append(index, i), append(taken, at.box)
	}
	return laid, -1
}

// plotter writes the labels as layout lays them out.
func (cl *chartLabels) plotter(f *figure) plot.Plotter {
	return plotFunc(func(c draw.Canvas, p *plot.Plot) {
		for _, l := range cl.layout(f, &c, p) {
			l.draw(&c)
		}
	})
}

// alternatives are the places tried for an optional label, best first: as
// asked, then 9 points above and below that, then the same on either side
// of its point (one of them the side asked for, or sideAuto's choice).
func (l labelSpec) alternatives() []labelSpec {
	var alts []labelSpec
	for _, side := range []int{l.side, sideLeft, sideRight} {
		for _, dy := range []vg.Length{0, vg.Points(9), -vg.Points(9)} {
			a := l
			a.side, a.dy = side, l.dy+dy
			alts = append(alts, a)
		}
	}
	return alts
}

// crosses reports whether the segment from a to b passes through r
// (Liang–Barsky clipping).
func crosses(a, b vg.Point, r vg.Rectangle) bool {
	t0, t1 := 0.0, 1.0
	dx, dy := float64(b.X-a.X), float64(b.Y-a.Y)
	for _, e := range [4][2]float64{
		{-dx, float64(a.X - r.Min.X)}, {dx, float64(r.Max.X - a.X)},
		{-dy, float64(a.Y - r.Min.Y)}, {dy, float64(r.Max.Y - a.Y)},
	} {
		pq, q := e[0], e[1]
		if pq == 0 {
			if q < 0 {
				return false
			}
			continue
		}
		t := q / pq
		if pq < 0 {
			t0 = math.Max(t0, t)
		} else {
			t1 = math.Min(t1, t)
		}
		if t0 > t1 {
			return false
		}
	}
	return true
}

// overlaps reports whether a and b share area.
func overlaps(a, b vg.Rectangle) bool {
	return a.Min.X < b.Max.X && b.Min.X < a.Max.X && a.Min.Y < b.Max.Y && b.Min.Y < a.Max.Y
}

// targetRadius is the GlyphStyle radius of the target markers.
var targetRadius = vg.Points(3.6)

// toDateRadius is the GlyphStyle radius of the year to date's diamond.
var toDateRadius = vg.Points(3.5)

// dodge is the year to date's mark (its diamond and interval at at) as it
// is drawn beside the markers of the targets (others; rings says which of
// them are rings) that it would overlap, such as the ring of the level a
// growth target of its year implies when the year to date projects nearly
// that level. Drawn over the ring, the diamond, of the ring's size, hid
// it, and under it was hidden: they are drawn apart (on), both seen whole.
//
// A chart with the year to date of more than one year (2025 from its
// January–November and 2026 from its January–October, the latest figure
// 2024's) has a mark each: next is the following year's, and moved,
// radius and reach answer for all of them.
type dodge struct {
	at     xy
	others []xy
	rings  []bool
	next   *dodge
}

// dodged is how the year to date's mark is drawn on a canvas (dodge.on).
type dodged struct {
	offset float64   // how far left of its year, in years
	radius vg.Length // the diamond's GlyphStyle radius
	// around are the markers of others (by index) drawn larger, round the
	// diamond, with the GlyphStyle radius given
	around map[int]vg.Length
}

// dodgeGap is the room left between the year to date's diamond and a
// marker it is drawn beside or inside.
var dodgeGap = vg.Points(1)

// on is how the mark is drawn on c, the first of these that overlaps no
// marker of others (each to markerReach radii around its point):
//
//   - the diamond at its point, when it overlaps none there;
//   - moved left by the least that clears them all, at most 0.4 of a year
//     (further, it would be read as the year before);
//   - the same at half its size (on a chart a few hundred pixels wide a
//     year is some 16 to 25 points, and the diamond and a ring reach 5
//     each);
//   - on the smallest charts, where a year is narrower than that (10
//     points at 200×150: the rings of neighbouring years nearly touch),
//     at its point at half its size, and each marker it would overlap
//     drawn larger, round it: a ring whose inside clears it, a target's
//     diamond that holds it whole. None is moved off its year or value.
func (d *dodge) on(c *draw.Canvas, p *plot.Plot) dodged {
	if d == nil || len(d.others) == 0 {
		return dodged{radius: toDateRadius}
	}
	pts := toCanvas(c, p, append([]xy{d.at, {d.at.x + 1, d.at.y}}, d.others...))
	q, year, others := pts[0], pts[1].X-pts[0].X, pts[2:]
	abs := func(v vg.Length) vg.Length { return max(v, -v) }
	reach := targetRadius * markerReach
	clear := func(x, a vg.Length) bool {
		return !slices.ContainsFunc(others, func(o vg.Point) bool {
			lim := a + reach + dodgeGap - 1e-6 // one just as far is clear, for all the rounding of s
			return abs(o.X-x) < lim && abs(o.Y-q.Y) < lim
		})
	}
	if year > 0 {
		for _, r := range []vg.Length{toDateRadius, toDateRadius / 2} {
			a := r * markerReach
			shifts := []vg.Length{0}
			for _, o := range others { // the shift that puts o just right of the diamond
				if s := q.X - o.X + a + reach + dodgeGap; s > 0 {
					shifts = append(shifts, s)
				}
			}
			slices.Sort(shifts)
			for _, s := range shifts {
				if s > 0.4*year {
					break
				}
				if clear(q.X-s, a) {
					return dodged{offset: float64(s / year), radius: r}
				}
			}
		}
	}
	r := toDateRadius / 2
	a := r*markerReach + markEdge // with its white edge
	out := dodged{radius: r, around: map[int]vg.Length{}}
	for i, o := range others {
		dx, dy := o.X-q.X, o.Y-q.Y
		if i < len(d.rings) && d.rings[i] {
			// a ring the diamond reaches is drawn so that its inside,
			// within its stroke and white edge, clears the diamond
			edge := ringWidth/2 + markEdge
			if diamondDistance(dx, dy, a) >= targetRadius+edge+dodgeGap/2 {
				continue
			}
			dist := vg.Length(math.Hypot(float64(dx), float64(dy)))
			out.around[i] = max(targetRadius, dist+a+edge+dodgeGap/2)
		} else {
			// a target's diamond it reaches is drawn so as to hold it whole
			if abs(dx)+abs(dy) >= a+targetRadius*markerReach+markEdge+dodgeGap/2 {
				continue
			}
			out.around[i] = max(targetRadius, (abs(dx)+abs(dy)+a+dodgeGap/2)/markerReach)
		}
	}
	return out
}

// markEdge is how far the white edge of a marker's stroke reaches past its
// shape.
var markEdge = vg.Points(0.4)

// diamondDistance is the distance from the point (dx, dy) to the diamond
// |x| + |y| ≤ a: 0 inside it.
func diamondDistance(dx, dy, a vg.Length) vg.Length {
	u, v := math.Abs(float64(dx)), math.Abs(float64(dy))
	if u+v <= float64(a) {
		return 0
	}
	// the nearest point of the edge from (a, 0) to (0, a)
	t := math.Max(0, math.Min(float64(a), (u-v+float64(a))/2))
	return vg.Length(math.Hypot(u-t, v-(float64(a)-t)))
}

// offset is how far left, in years, the mark is drawn on c (on).
func (d *dodge) offset(c *draw.Canvas, p *plot.Plot) float64 {
	return d.on(c, p).offset
}

// moved is q as drawn on c: moved with the mark when it is the mark's
// point.
func (d *dodge) moved(c *draw.Canvas, p *plot.Plot, q xy) xy {
	for ; d != nil; d = d.next {
		if q == d.at {
			q.x -= d.offset(c, p)
			return q
		}
	}
	return q
}

// radius is the GlyphStyle radius the marker of others at index i, of
// radius r as asked, is drawn with on c: larger where it is drawn round
// the year to date's diamond (on).
func (d *dodge) radius(c *draw.Canvas, p *plot.Plot, i int, r vg.Length) vg.Length {
	for ; d != nil; d = d.next {
		if around, ok := d.on(c, p).around[i]; ok {
			r = max(r, around)
		}
	}
	return r
}

// reach is how far the marker at q reaches on c (markerReach radii): a
// target's as drawn (radius), the year to date's diamond and any other
// targetRadius's.
func (d *dodge) reach(c *draw.Canvas, p *plot.Plot, q xy) vg.Length {
	r := targetRadius
	if d != nil {
		for i, o := range d.others {
			if o == q {
				r = max(r, d.radius(c, p, i, targetRadius))
			}
		}
	}
	return r * markerReach
}

// markerReach is how far a diamond or triangle marker reaches from its
// point, in GlyphStyle radii.
const markerReach = 1.35

// diamondGlyph is a filled diamond with a white edge, the target marker.
type diamondGlyph struct{}

func (diamondGlyph) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	r := sty.Radius * markerReach
	var path vg.Path
	path.Move(vg.Point{X: pt.X, Y: pt.Y + r})
	path.Line(vg.Point{X: pt.X + r, Y: pt.Y})
	path.Line(vg.Point{X: pt.X, Y: pt.Y - r})
	path.Line(vg.Point{X: pt.X - r, Y: pt.Y})
	path.Close()
	c.SetColor(sty.Color)
	c.Fill(path)
	c.SetLineStyle(draw.LineStyle{Color: color.White, Width: vg.Points(0.8)})
	c.Stroke(path)
}

// triangleGlyph is a filled triangle with a white edge, the marker of a
// ceiling (pointing down: the value is not to be exceeded) or a floor
// (pointing up) in a comparison.
type triangleGlyph struct{ down bool }

func (g triangleGlyph) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	r := sty.Radius * markerReach
	tip, base := r, -r/2 // the centroid, (tip + 2·base)/3, is on the point
	if g.down {
		tip, base = -tip, -base
	}
	var path vg.Path
	path.Move(vg.Point{X: pt.X, Y: pt.Y + tip})
	path.Line(vg.Point{X: pt.X + r, Y: pt.Y + base})
	path.Line(vg.Point{X: pt.X - r, Y: pt.Y + base})
	path.Close()
	c.SetColor(sty.Color)
	c.Fill(path)
	c.SetLineStyle(draw.LineStyle{Color: color.White, Width: vg.Points(0.8)})
	c.Stroke(path)
}

// ringGlyph is an open circle with a white edge, the level a growth target
// implies in a comparison: open, as the single chart's end of a growth
// target's path, for a level derived from the target rather than stated by
// it. Its stroke is wider than draw.RingGlyph's half point so that it keeps
// its region's colour on the page; it reaches no further from its point
// than a diamond (markerReach).
type ringGlyph struct{}

// ringWidth is the stroke of ringGlyph.
var ringWidth = vg.Points(1.4)

func (ringGlyph) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	var path vg.Path
	path.Move(vg.Point{X: pt.X + sty.Radius, Y: pt.Y})
	path.Arc(pt, sty.Radius, 0, 2*math.Pi)
	path.Close()
	c.SetLineStyle(draw.LineStyle{Color: color.White, Width: ringWidth + vg.Points(0.8)})
	c.Stroke(path)
	c.SetLineStyle(draw.LineStyle{Color: sty.Color, Width: ringWidth})
	c.Stroke(path)
}

// dotGlyph is a filled circle with a white edge, the observed points.
type dotGlyph struct{}

func (dotGlyph) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	var path vg.Path
	path.Move(vg.Point{X: pt.X + sty.Radius, Y: pt.Y})
	path.Arc(pt, sty.Radius, 0, 2*math.Pi)
	path.Close()
	c.SetColor(sty.Color)
	c.Fill(path)
	c.SetLineStyle(draw.LineStyle{Color: color.White, Width: vg.Points(0.7)})
	c.Stroke(path)
}

// Swatches for the legend.
func swatchLine(sty draw.LineStyle, glyph *draw.GlyphStyle) func(draw.Canvas) {
	return func(c draw.Canvas) {
		y := (c.Min.Y + c.Max.Y) / 2
		c.StrokeLine2(sty, c.Min.X, y, c.Max.X, y)
		if glyph != nil {
			c.DrawGlyphNoClip(*glyph, vg.Point{X: (c.Min.X + c.Max.X) / 2, Y: y})
		}
	}
}

func swatchFill(col color.Color) func(draw.Canvas) {
	return func(c draw.Canvas) {
		c.SetColor(col)
		c.Fill(c.Rectangle.Path())
	}
}

func swatchGlyph(g draw.GlyphStyle) func(draw.Canvas) {
	return func(c draw.Canvas) {
		c.DrawGlyphNoClip(g, c.Center())
	}
}

func swatchLimit(above bool) func(draw.Canvas) {
	return func(c draw.Canvas) {
		mid := (c.Min.Y + c.Max.Y) / 2
		r := vg.Rectangle{Min: vg.Point{X: c.Min.X, Y: mid}, Max: c.Max}
		if !above {
			r = vg.Rectangle{Min: c.Min, Max: vg.Point{X: c.Max.X, Y: mid}}
		}
		c.SetColor(colLimit)
		c.Fill(r.Path())
		c.StrokeLine2(draw.LineStyle{Color: colTarget, Width: vg.Points(1)}, c.Min.X, mid, c.Max.X, mid)
	}
}
