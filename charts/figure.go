package charts

import (
	"bytes"
	"context"
	"image"
	"image/color"
	stddraw "image/draw"
	"io"
	"math"
	"regexp"
	"strings"
	"unicode"

	"git.sr.ht/~sbinet/gg"
	xdraw "golang.org/x/image/draw"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Formats are the output formats Render and RenderCompare accept.
var Formats = []string{"png", "svg"}

// Size limits, in pixels, and the default size.
const (
	DefaultWidth  = 800
	DefaultHeight = 500
	MinWidth      = 200
	MaxWidth      = 4000
	MinHeight     = 150
	MaxHeight     = 3000
)

// Colours of the charts.
var (
	colInk      = color.NRGBA{R: 0x22, G: 0x22, B: 0x22, A: 0xff}
	colMuted    = color.NRGBA{R: 0x66, G: 0x66, B: 0x66, A: 0xff}
	colFaint    = color.NRGBA{R: 0x99, G: 0x99, B: 0x99, A: 0xff}
	colGrid     = color.NRGBA{R: 0xdd, G: 0xdd, B: 0xdd, A: 0xff}
	colAxis     = color.NRGBA{R: 0x88, G: 0x88, B: 0x88, A: 0xff}
	colBandA    = color.NRGBA{R: 0xee, G: 0xf1, B: 0xf5, A: 0xff}
	colBandB    = color.NRGBA{R: 0xf7, G: 0xf8, B: 0xfa, A: 0xff}
	colHistory  = color.NRGBA{R: 0x1b, G: 0x3f, B: 0x6e, A: 0xff}
	colMean     = color.NRGBA{R: 0x2b, G: 0x6c, B: 0xb0, A: 0xff}
	colFan95    = color.NRGBA{R: 0x2b, G: 0x6c, B: 0xb0, A: 0x30}
	colFan80    = color.NRGBA{R: 0x2b, G: 0x6c, B: 0xb0, A: 0x48}
	colTarget   = color.NRGBA{R: 0xc0, G: 0x28, B: 0x1e, A: 0xff}
	colImplied  = color.NRGBA{R: 0xd9, G: 0x7a, B: 0x00, A: 0xff}
	colLimit    = color.NRGBA{R: 0xc0, G: 0x28, B: 0x1e, A: 0x1c}
	colNote     = color.NRGBA{R: 0xa0, G: 0x50, B: 0x00, A: 0xff}
	colToDate   = color.NRGBA{R: 0x1b, G: 0x9e, B: 0x77, A: 0xff}
	colDue      = color.NRGBA{R: 0x70, G: 0x70, B: 0x70, A: 0x50} // the hatch of the ended years without a figure: grey, for every warm colour is taken (implied paths, a region)
	colSeries   = []color.NRGBA{{0x1b, 0x3f, 0x6e, 0xff}, {0xd9, 0x5f, 0x02, 0xff}, {0x1b, 0x9e, 0x77, 0xff}, {0x75, 0x70, 0xb3, 0xff}, {0xe7, 0x29, 0x8a, 0xff}, {0x66, 0xa6, 0x1e, 0xff}, {0xa6, 0x76, 0x1d, 0xff}, {0x66, 0x66, 0x66, 0xff}}
	dashMean    = []vg.Length{vg.Points(5), vg.Points(3)}
	dashPath    = []vg.Length{vg.Points(3), vg.Points(2.5)}
	dashImplied = []vg.Length{vg.Points(1), vg.Points(2)}
)

// Type sizes in points (at 96 dpi, 1pt = 4/3 px).
const (
	sizeTitle  = 12.5
	sizeText   = 8.5
	sizeSmall  = 7.5
	sizeSource = 7
)

// figure is a laid-out chart: a title, the plot, a legend row and the
// source line, with the fonts chosen for its language.
type figure struct {
	fonts  fonts
	lang   string
	title  string
	unit   string // heads the value axis
	plot   *plot.Plot
	labels *chartLabels // the labels written over the plot
	legend []legendItem
	source string
	note   string // shown above the source line, e.g. why Chinese labels fell back to English
	// dropped counts the paths and texts the last drawing left out for a
	// coordinate off the page (guardCanvas)
	dropped int
}

// legendItem is one entry of the legend row: a swatch and a label.
type legendItem struct {
	label  string
	swatch func(c draw.Canvas) // draws into a canvas of about 18×8 points
}

// style returns a text style for s.
func (f *figure) style(s string, size float64, bold bool, col color.Color) text.Style {
	return text.Style{
		Color:   col,
		Font:    latinFont(size, bold),
		XAlign:  draw.XLeft,
		YAlign:  draw.YBottom,
		Handler: f.fonts,
	}
}

// scaleDPI returns the resolution at which a W×H pixel chart is drawn: 96 dpi
// for the default 800×500, proportionally more for larger charts so that text
// and lines keep their share of the picture, and at least 72 dpi.
func scaleDPI(w, h int) int {
	k := math.Min(float64(w)/DefaultWidth, float64(h)/DefaultHeight)
	k = math.Max(0.75, math.Min(k, 5))
	return int(math.Round(96 * k))
}

// write draws the figure at w×h pixels in format to out.
func (f *figure) write(out io.Writer, w, h int, format string) error {
	return f.writeContext(context.Background(), out, w, h, format)
}

// writeContext is write stopped when ctx is done (guardCanvas): it then
// writes nothing and returns ctx's error.
func (f *figure) writeContext(ctx context.Context, out io.Writer, w, h int, format string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	dpi := scaleDPI(w, h)
	// The logical page is the chart in points at dpi; PNG draws it at dpi,
	// SVG draws a 96 dpi page and scales the drawing by dpi/96.
	lw := vg.Length(float64(w) * 72 / float64(dpi))
	lh := vg.Length(float64(h) * 72 / float64(dpi))
	switch format {
	case "png":
		c := newImageCanvas(w, h, dpi)
		cw, ch := c.Size()
		if err := f.drawGuarded(ctx, c, vg.Rectangle{Max: vg.Point{X: cw, Y: ch}}); err != nil {
			return err
		}
		return encodePNG(out, c.Image().(*image.RGBA))
	case "svg":
		c := vgsvg.New(vg.Length(w)*0.75, vg.Length(h)*0.75)
		k := float64(dpi) / 96
		c.Scale(k, k)
		if err := f.drawGuarded(ctx, c, vg.Rectangle{Max: vg.Point{X: lw, Y: lh}}); err != nil {
			return err
		}
		var svg bytes.Buffer
		if _, err := c.WriteTo(&svg); err != nil {
			return err
		}
		_, err := out.Write(withFallbackFonts(svg.Bytes()))
		return err
	}
	return errFormat(format)
}

// drawGuarded draws the figure on c over r through a guardCanvas of ctx,
// notes what the guard left out (dropped), and returns ctx's error when
// the drawing was stopped.
func (f *figure) drawGuarded(ctx context.Context, c vg.Canvas, r vg.Rectangle) error {
	g := &guardCanvas{Canvas: c, ctx: ctx}
	f.draw(draw.Canvas{Canvas: g, Rectangle: r})
	f.dropped = g.dropped
	return g.err
}

// svgFamilyRe is a font-family that vgsvg writes in a text's style: the
// one family named in its font, with no fallback.
var svgFamilyRe = regexp.MustCompile(`font-family:([^;"]+)`)

// withFallbackFonts ends each font-family list of an SVG from vgsvg with
// sans-serif. vgsvg names the font the text was measured with (Liberation
// Sans, the CJK font) and nothing else, so that a viewer without it falls
// back to its default, a serif font; it has no option for a fallback. The
// family is quoted as a CSS string ('Liberation Sans',sans-serif), which
// any family name may be.
func withFallbackFonts(svg []byte) []byte {
	return svgFamilyRe.ReplaceAllFunc(svg, func(m []byte) []byte {
		family := strings.TrimSpace(string(m[len("font-family:"):]))
		family = strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(family)
		return []byte("font-family:'" + family + "',sans-serif")
	})
}

// newImageCanvas returns a w×h pixel canvas at dpi. Text is drawn with
// its glyphs placed on whole pixels, so the glyph masks are copied with
// nearest-neighbour sampling: the same pixels as gg's default bilinear
// sampling, at a fraction of the cost.
func newImageCanvas(w, h, dpi int) *vgimg.Canvas {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	ctx := gg.NewContextForRGBA(img)
	ctx.SetLineCapButt()
	ctx.InvertY()
	ctx.SetInterpolator(xdraw.NearestNeighbor)
	return vgimg.NewWith(vgimg.UseImageWithContext(img, ctx), vgimg.UseDPI(dpi))
}

// fillRect fills an axis-aligned rectangle with an opaque colour. On an
// image canvas it sets the pixels directly (edges rounded to whole pixels),
// which is many times faster than the anti-aliasing rasterizer for the
// large areas of a chart: the background and the plan period bands.
func fillRect(c draw.Canvas, r vg.Rectangle, col color.Color) {
	// plot nests draw.Canvas values (padding, cropping) over the guard;
	// find the image under them
	inner := c.Canvas
	for {
		if g, ok := inner.(*guardCanvas); ok {
			if g.done() {
				return
			}
			inner = g.Canvas
			continue
		}
		dc, ok := inner.(draw.Canvas)
		if !ok {
			break
		}
		inner = dc.Canvas
	}
	if ic, ok := inner.(*vgimg.Canvas); ok {
		if _, _, _, a := col.RGBA(); a == 0xffff {
			dpi := ic.DPI()
			img := ic.Image()
			h := img.Bounds().Dy()
			px := image.Rect(
				int(math.Round(r.Min.X.Dots(dpi))), h-int(math.Round(r.Max.Y.Dots(dpi))),
				int(math.Round(r.Max.X.Dots(dpi))), h-int(math.Round(r.Min.Y.Dots(dpi))))
			stddraw.Draw(img, px, image.NewUniform(col), image.Point{}, stddraw.Src)
			return
		}
	}
	c.SetColor(col)
	c.Fill(r.Path())
}

// draw lays the figure out on c: title at the top, source and legend at the
// bottom, the plot in between.
func (f *figure) draw(c draw.Canvas) {
	fillRect(c, c.Rectangle, color.White)

	pad := vg.Points(10)
	left, right := c.Min.X+pad, c.Max.X-pad
	width := right - left
	top := c.Max.Y - pad
	bottom := c.Min.Y + pad*0.8

	// Title, wrapped to the width.
	for _, line := range f.wrap(f.title, sizeTitle, true, width) {
		sty := f.style(line, sizeTitle, true, colInk)
		sty.YAlign = draw.YTop
		c.FillText(sty, vg.Point{X: left, Y: top}, line)
		top -= sty.Height(line) + vg.Points(2)
	}
	top -= vg.Points(2)
	// The unit heads the value axis, written horizontally so that it reads
	// the same in both languages.
	if f.unit != "" {
		sty := f.style(f.unit, sizeText, false, colMuted)
		sty.YAlign = draw.YTop
		c.FillText(sty, vg.Point{X: left, Y: top}, f.unit)
		top -= sty.Height(f.unit) + vg.Points(3)
	}

	// Footer, from the bottom up: source lines, the note, the legend; as
	// much of it as leaves the plot its room.
	lines, withLegend := f.footer(width, top-bottom)
	y := bottom
	for i := len(lines) - 1; i >= 0; i-- {
		y = f.textLine(c, lines[i].text, sizeSource, lines[i].col, left)(y)
	}
	y += vg.Points(6)
	if withLegend {
		y = f.drawLegend(c, left, width, y)
	}
	y += vg.Points(4)

	if f.plot == nil || top-y < vg.Points(40) {
		return
	}
	plotC := draw.Crop(c, pad*0.4, -pad*1.6, y-c.Min.Y, top-c.Max.Y)
	f.plot.Y.Tick.Marker = valueTicks{n: valueIntervals(top - y)}
	f.plot.Draw(plotC)
}

// footerLine is a line of text under the plot.
type footerLine struct {
	text string
	col  color.Color
}

// footer returns the lines of text under the plot (the source and the
// note, wrapped to width) and whether the legend goes above them, in as
// much detail as leaves the plot at least half of the height room between
// the header and the bottom margin. A small chart's footer would otherwise
// take the whole height and be written over the title (a 200x150 chart
// had a six-line source and a five-row legend, and no plot): first the
// source and the note are cut to a line each, ending in "…", then the
// legend is left out.
func (f *figure) footer(width, room vg.Length) (lines []footerLine, legend bool) {
	minPlot := max(vg.Points(40), room/2)
	for _, short := range []bool{false, true} {
		lines = f.footerLines(width, short)
		if room-f.footerHeight(lines, true, width) >= minPlot {
			return lines, true
		}
	}
	return lines, false
}

// footerLines are the source and the note wrapped to width; when short,
// each is cut to its first line, ending in "…" when it had more.
func (f *figure) footerLines(width vg.Length, short bool) []footerLine {
	var out []footerLine
	for _, t := range []footerLine{{f.source, colMuted}, {f.note, colNote}} {
		wrapped := f.wrap(t.text, sizeSource, false, width)
		if short && len(wrapped) > 1 {
			wrapped = []string{f.cut(wrapped[0], sizeSource, width)}
		}
		for _, l := range wrapped {
			out = append(out, footerLine{l, t.col})
		}
	}
	return out
}

// cut returns line, shortened as need be to end in "…" within width.
func (f *figure) cut(line string, size float64, width vg.Length) string {
	r := []rune(line)
	sty := f.style(line, size, false, colInk)
	for len(r) > 0 && sty.Width(string(r)+"…") > width {
		r = r[:len(r)-1]
	}
	return strings.TrimSpace(string(r)) + "…"
}

// footerHeight is the height the footer of lines takes, with the legend
// when legend is true, as draw lays it out.
func (f *figure) footerHeight(lines []footerLine, legend bool, width vg.Length) vg.Length {
	h := vg.Points(6 + 4)
	for _, l := range lines {
		h += f.style(l.text, sizeSource, false, l.col).Height(l.text) + vg.Points(1.5)
	}
	if legend && len(f.legend) > 0 {
		_, rows := f.legendLayout(width)
		h += vg.Length(rows) * legendRowH
	}
	return h
}

// textLine returns a footer line drawer: given the baseline area's bottom y it
// draws line there and returns the y above it.
func (f *figure) textLine(c draw.Canvas, line string, size float64, col color.Color, x vg.Length) func(vg.Length) vg.Length {
	return func(y vg.Length) vg.Length {
		sty := f.style(line, size, false, col)
		c.FillText(sty, vg.Point{X: x, Y: y}, line)
		return y + sty.Height(line) + vg.Points(1.5)
	}
}

// wrap breaks s into lines no wider than width at spaces (or, for Chinese,
// anywhere).
func (f *figure) wrap(s string, size float64, bold bool, width vg.Length) []string {
	s = f.fonts.printable(s)
	if s == "" {
		return nil
	}
	sty := f.style(s, size, bold, colInk)
	if sty.Width(s) <= width {
		return []string{s}
	}
	var lines []string
	var cur []rune
	lastBreak := -1
	for _, r := range s {
		cur = append(cur, r)
		if r == ' ' || r > 0x2e80 {
			lastBreak = len(cur)
		}
		if sty.Width(string(cur)) > width && len(cur) > 1 {
			cut := lastBreak
			if cut <= 0 || cut >= len(cur) {
				cut = len(cur) - 1
			}
			// A closing mark goes down with the character before it, an
			// opening one with the character after it (Chinese typesetting's
			// 避头尾: no line begins "；预测"), and neither takes part of a
			// Latin word or a number with it: "（auto）。" goes down whole,
			// not "…（aut" / "o）。". A word longer than the line is cut
			// where it must be, but not before a mark.
			held := func(c int) bool {
				return strings.ContainsRune(noLineStart, cur[c]) || strings.ContainsRune(noLineEnd, cur[c-1])
			}
			c := cut
			for c > 1 && (held(c) || inWord(cur[c-1]) && inWord(cur[c])) {
				c--
			}
			if c <= 1 {
				for c = cut; c > 1 && held(c); c-- {
				}
			}
			cut = c
			lines = append(lines, strings.TrimSpace(string(cur[:cut])))
			cur = append([]rune(nil), cur[cut:]...)
			lastBreak = -1
		}
	}
	if t := strings.TrimSpace(string(cur)); t != "" {
		lines = append(lines, t)
	}
	return lines
}

// inWord reports whether r belongs to a Latin word or a number, which a
// line is not broken inside when it can be broken before it.
func inWord(r rune) bool {
	return r < 0x2e80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == ',' || r == '_')
}

// noLineStart are the marks a wrapped line does not begin with, and
// noLineEnd those it does not end with.
const (
	noLineStart = "，。、；：？！）》」』】〕〉”’…%,.;:?!)]}"
	noLineEnd   = "（《「『【〔〈“‘([{"
)

// legendPlaced is a legend item placed in its row, x from the left.
type legendPlaced struct {
	item legendItem
	x    vg.Length
	row  int
}

// Legend metrics: the swatch's width and height, the gap after it and
// after an item's label, and the height of a row.
var (
	legendSwW, legendSwH   = vg.Points(18), vg.Points(8)
	legendGap, legendAfter = vg.Points(4), vg.Points(12)
	legendRowH             = vg.Points(sizeText * 1.6)
)

// legendLayout places the legend items in rows of at most width, filling
// each left to right, and returns them with the number of rows.
func (f *figure) legendLayout(width vg.Length) ([]legendPlaced, int) {
	var ps []legendPlaced
	x, row := vg.Length(0), 0
	for _, it := range f.legend {
		label := f.fonts.printable(it.label)
		it.label = label
		w := legendSwW + legendGap + f.style(label, sizeText, false, colInk).Width(label)
		if x > 0 && x+w > width {
			x, row = 0, row+1
		}
		ps = append(ps, legendPlaced{it, x, row})
		x += w + legendAfter
	}
	return ps, row + 1
}

// drawLegend draws the legend items in rows from y upwards (rows fill left to
// right, the first row on top) and returns the y above the legend.
func (f *figure) drawLegend(c draw.Canvas, left, width, y vg.Length) vg.Length {
	if len(f.legend) == 0 {
		return y
	}
	ps, rows := f.legendLayout(width)
	for _, p := range ps {
		base := y + vg.Length(rows-1-p.row)*legendRowH
		sw := draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{
			Min: vg.Point{X: left + p.x, Y: base + vg.Points(1)},
			Max: vg.Point{X: left + p.x + legendSwW, Y: base + vg.Points(1) + legendSwH},
		}}
		p.item.swatch(sw)
		sty := f.style(p.item.label, sizeText, false, colInk)
		c.FillText(sty, vg.Point{X: left + p.x + legendSwW + legendGap, Y: base + vg.Points(1)}, p.item.label)
	}
	return y + vg.Length(rows)*legendRowH
}

// newPlot returns a plot styled for the charts: no title (the figure draws
// it), year ticks on x, value ticks with separators on y, light grid.
func (f *figure) newPlot(unit string, xmin, xmax, ymin, ymax float64, plotWidth vg.Length) *plot.Plot {
	p := plot.New()
	p.TextHandler = f.fonts
	p.BackgroundColor = nil
	p.X.Min, p.X.Max = xmin, xmax
	p.Y.Min, p.Y.Max = ymin, ymax
	p.X.Padding, p.Y.Padding = 0, 0

	tick := func(a *plot.Axis, s string) {
		a.Tick.Label = f.style(s, sizeText, false, colMuted)
		a.Tick.LineStyle = draw.LineStyle{Color: colAxis, Width: vg.Points(0.5)}
		a.LineStyle = draw.LineStyle{Color: colAxis, Width: vg.Points(0.6)}
	}
	tick(&p.X, "2020")
	p.X.Tick.Label.XAlign, p.X.Tick.Label.YAlign = draw.XCenter, draw.YTop
	p.X.Tick.Length = vg.Points(3)
	// about one label per 45pt of width, never more than one per year
	p.X.Tick.Marker = yearTicks{maxLabels: int(plotWidth / vg.Points(38))}

	tick(&p.Y, "0")
	p.Y.Tick.Label.XAlign, p.Y.Tick.Label.YAlign = draw.XRight, draw.YCenter
	p.Y.Tick.Length = 0
	p.Y.LineStyle.Width = 0
	p.Y.Tick.Marker = valueTicks{n: 5} // until draw knows the plot's height

	f.unit = UnitLabel(unit, f.lang)
	return p
}

// yRange returns the value range of a chart covering vals and, as far as
// they stay near them, spread (the bounds of the intervals drawn): from a
// round value about 4% of the span below the lowest (0 when every value is
// positive and the round value would be negative) to 13% of the span above
// the highest, which leaves room for the plan period labels.
//
// On a chart of a level (level true: money, output, incomes, persons) the
// range is never below zero, which a level cannot be (ingest refuses one):
// the part of a fan below it is cut by the axis. And it starts at zero
// unless the lowest value is above 5/6 of the highest (the rule office
// charts follow), so that a rise is drawn in proportion to the level it
// rises from: a target 29% above the latest figure is not drawn as a climb
// from the bottom of the chart to its top. A level that moves within a
// narrow band far from zero keeps the close range, as a rate does always.
//
// The range is finite and drawable whatever the values (spreadReach):
// values that are not finite are left out; a bound of spread reaches at
// most spreadReach times the values' magnitude beyond them, so that an
// interval blown up by a wild figure (a 95% bound of 1e158 over figures
// near 80) runs off the top of the plot instead of squashing the figures
// into its foot; and the range of figures near the largest float64 is
// cut where its ends and its span still are one.
func yRange(vals, spread []float64, level bool) (lo, hi float64) {
	lo, hi = finiteBounds(vals)
	if math.IsInf(lo, 1) {
		// no value to stay near: the bounds of spread alone
		lo, hi = finiteBounds(spread)
	} else if slo, shi := finiteBounds(spread); !math.IsInf(slo, 1) {
		reach := spreadReach * math.Max(hi/2-lo/2, math.Max(math.Abs(hi), math.Abs(lo))) // may be +Inf: no limit then
		lo, hi = math.Min(lo, math.Max(slo, lo-reach)), math.Max(hi, math.Min(shi, hi+reach))
	}
	if math.IsInf(lo, 1) {
		return 0, 1
	}
	if level && (lo < 0 || lo < hi*5/6) {
		lo, hi = 0, math.Max(hi, 0)
	}
	span := math.Min(hi-lo, math.MaxFloat64) // values of either sign near the largest float64
	if span <= math.Max(math.Abs(hi), math.Abs(lo))*1e-12 {
		// one value, or values the same in 12 digits, which no round step
		// divides
		span = math.Max(math.Abs(hi)*0.2, 1)
	}
	step := niceStep(span, 5)
	l := math.Floor((lo-0.04*span)/step) * step
	if lo >= 0 && l < 0 {
		l = 0
	}
	// finite ends, and a finite span between them, which the plot
	// divides by: of values near the largest float64, each end at most
	// half of it when they are of either sign
	l, h := math.Max(l, -math.MaxFloat64), math.Min(hi+0.13*span, math.MaxFloat64)
	if math.IsInf(h-l, 0) {
		l, h = math.Max(l, -math.MaxFloat64/2), math.Min(h, math.MaxFloat64/2)
	}
	return l, h
}

// spreadReach is how far beyond the values charted the bound of an
// interval may take a chart's value range, in the values' magnitude (the
// larger of their span and their largest absolute value): twice, so that
// the figures keep at least a third of the plot's height.
const spreadReach = 2

// finiteBounds are the least and the greatest finite value of vals; +Inf
// and −Inf when there is none.
func finiteBounds(vals []float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range vals {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			continue
		}
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	return lo, hi
}
