// Package charts draws the plancast charts with gonum.org/v1/plot: one
// indicator of one region (history, projection fan, plan targets) and one
// indicator across regions, as PNG or SVG, straight to an io.Writer.
//
// Charts are drawn in English or Chinese. Chinese needs a CJK font, found on
// the system or named by PLANCAST_FONT (see FindCJKFont); without one a chart
// asked for in Chinese is drawn in English with a note saying why, never
// with missing glyphs.
//
// The package imports only the root package and plot; the caller supplies the
// observations, the projection and the targets.
package charts

import (
	"context"
	"fmt"
	"image/color"
	"io"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/forecast"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Spec is a chart of one indicator of one region.
type Spec struct {
	Region    plancast.Region
	Indicator plancast.Indicator
	// History is one observation per year; it need not be sorted and may
	// have gaps (drawn as a dotted line between the observed years).
	History []plancast.Observation
	// Stated are the growths stated with History's figures as the series
	// read gives them (plancast.Series.StatedGrowths: with those stated
	// before a revision); nil: read off History.
	Stated []plancast.StatedGrowth
	// Projection may be nil (series too short to project). Its points after
	// LastYear are drawn as the mean with the 80% and 95% fans.
	Projection *plancast.Projection
	// YearToDate are the year-to-date series of History's series
	// (plancast.ReadYearToDate), the months the assessment judges a target
	// after the latest figure on: a growth target of such a year is drawn
	// to the level it is judged against (for a year two or more after the
	// latest figure, through the years between taken at their months); nil
	// draws it on Projection's year to date alone.
	YearToDate []plancast.Series
	// Targets of this region and indicator, any plan and kind; targets of
	// another region or indicator are ignored.
	Targets []plancast.Target
	Width   int    // pixels, MinWidth–MaxWidth; 0 means DefaultWidth
	Height  int    // pixels, MinHeight–MaxHeight; 0 means DefaultHeight
	Lang    string // LangEn (default) or LangZh
	From    int    // first year shown; 0 shows all
	// Horizon limits the projection shown to this many years after its
	// LastYear; 0 shows every projected year.
	Horizon int
	// Sources name the documents behind the figures and targets, for the
	// source line; the documents of History and Targets are added.
	Sources []string
	// AsOf, when set, is the date whose data the chart shows (the figures
	// published on or before it); the source line says so, so that a chart
	// of the past is not taken for today's.
	AsOf plancast.Date
	// Today is the date a chart of the latest data (AsOf zero) is drawn
	// on; a chart of the past is drawn as of AsOf. The years ended by that
	// date after the last figure have no figure stored, and the projection
	// runs through them as if they were still ahead: the chart shades them
	// and says so ("no figures for 2021–2025 yet"), as an assessment on
	// that date says in FiguresDue. With both zero none is marked.
	Today plancast.Date
}

// drawnOn is the date the chart is drawn as of: AsOf, else Today.
func (s *Spec) drawnOn() plancast.Date {
	if s.AsOf.IsZero() {
		return s.Today
	}
	return s.AsOf
}

// Validate returns an EINVALID error for a size, language or year out of
// range. It accepts zero Width, Height and Lang (the defaults).
func (s *Spec) Validate() error {
	if err := validSize(s.Width, s.Height); err != nil {
		return err
	}
	if err := validLang(s.Lang); err != nil {
		return err
	}
	return validYears(s.From, s.Horizon)
}

// validYears checks the first year shown and the projected years shown.
func validYears(from, horizon int) error {
	switch {
	case from != 0 && (from < plancast.MinYear || from > plancast.MaxYear):
		return plancast.Errorf(plancast.EINVALID, "from %d is outside %d–%d", from, plancast.MinYear, plancast.MaxYear)
	case horizon < 0:
		return plancast.Errorf(plancast.EINVALID, "horizon %d must not be negative", horizon)
	}
	return nil
}

func validSize(w, h int) error {
	if w != 0 && (w < MinWidth || w > MaxWidth) {
		return plancast.Errorf(plancast.EINVALID, "width %d is outside %d–%d pixels", w, MinWidth, MaxWidth)
	}
	if h != 0 && (h < MinHeight || h > MaxHeight) {
		return plancast.Errorf(plancast.EINVALID, "height %d is outside %d–%d pixels", h, MinHeight, MaxHeight)
	}
	return nil
}

func validLang(l string) error {
	if l != "" && l != LangEn && l != LangZh {
		return plancast.Errorf(plancast.EINVALID, "lang %q must be en or zh", l)
	}
	return nil
}

func errFormat(format string) error {
	return plancast.Errorf(plancast.EINVALID, "format %q must be png or svg", format)
}

// ValidFormat returns an EINVALID error unless format is "png" or "svg".
func ValidFormat(format string) error {
	if !slices.Contains(Formats, format) {
		return errFormat(format)
	}
	return nil
}

// ContentType returns the MIME type of a format: image/png or image/svg+xml.
func ContentType(format string) string {
	if format == "svg" {
		return "image/svg+xml"
	}
	return "image/png"
}

// ResolveLang returns the language a chart asked for in lang will be drawn
// in, and a message when that differs ("zh" without a CJK font). Handlers can
// pass the message on, e.g. in a response header or a log line; Render also
// prints it on the chart.
func ResolveLang(lang string) (effective, message string) {
	_, effective, message = newFonts(lang)
	return effective, message
}

// Render draws the chart of s in format ("png" or "svg") to w. A PNG is
// exactly Width×Height pixels; an SVG is Width×Height CSS pixels.
// It returns EINVALID for a bad spec or format, for a From after the last
// year the chart could show (naming that year: errFromPastLast), and when
// there is nothing to draw (no observation and no projection).
func Render(w io.Writer, s Spec, format string) error {
	return RenderContext(context.Background(), w, s, format)
}

// RenderContext is Render stopped when ctx is done: no drawing operation
// starts after that (each is short: lines and fans are clipped to the plot
// before they are drawn), nothing is written to w, and it returns ctx's
// error (context.Canceled or context.DeadlineExceeded). The drawing runs on
// the caller's goroutine and leaves nothing running.
func RenderContext(ctx context.Context, w io.Writer, s Spec, format string) error {
	if err := prepare(format, s.Validate, &s.Width, &s.Height); err != nil {
		return err
	}
	f, err := historyFigure(&s)
	if err != nil {
		return err
	}
	return f.writeContext(ctx, w, s.Width, s.Height, format)
}

// prepare checks the format and a spec (with its Validate) and fills in the
// default size: what every Render function does first.
func prepare(format string, validate func() error, width, height *int) error {
	if err := ValidFormat(format); err != nil {
		return err
	}
	if err := validate(); err != nil {
		return err
	}
	if *width == 0 {
		*width = DefaultWidth
	}
	if *height == 0 {
		*height = DefaultHeight
	}
	return nil
}

// historyFigure lays out the chart of one series.
func historyFigure(s *Spec) (*figure, error) {
	fnts, lang, note := newFonts(s.Lang)
	f := &figure{fonts: fnts, lang: lang, note: note}
	wd := dict[lang]
	unit := s.Indicator.Unit
	// an estimate of the year in progress: drawn apart (estimate.go)
	s, est := withoutEstimate(s)

	hist := sortedHistory(s.History, s.From)
	var pts []plancast.ProjectionPoint
	if s.Projection != nil {
		for _, p := range s.Projection.Points {
			if p.Year <= s.Projection.LastYear || p.Year < s.From {
				continue
			}
			if s.Horizon > 0 && p.Year > s.Projection.LastYear+s.Horizon {
				continue
			}
			pts = append(pts, p)
		}
		sort.Slice(pts, func(i, j int) bool { return pts[i].Year < pts[j].Year })
	}
	if len(hist) == 0 && len(pts) == 0 {
		chart := "the chart of " + s.Region.Code + "/" + s.Indicator.Code
		if err := errFromPastLast(s.From, chart, lastFigure(s.History), lastProjected(s.Projection, s.Horizon)); err != nil {
			return nil, err
		}
		return nil, plancast.Errorf(plancast.EINVALID, "%s/%s: nothing to chart (no observation and no projection)", s.Region.Code, s.Indicator.Code)
	}

	// latest observed figure: where the projection and the required paths start
	var latest *xy
	if len(hist) > 0 {
		o := hist[len(hist)-1]
		latest = &xy{float64(o.Year), o.Value}
	}

	f.title = regionName(s.Region, lang) + wd.Sep + indicatorName(s.Indicator, lang)

	var (
		xs, ys  []float64
		spread  []float64 // the intervals' bounds, which the value range covers as far as they stay near ys (yRange)
		layers  []layer
		labels  []labelSpec // written over the plot, laid out together (chartLabels)
		markers []xy        // the points they leave uncovered where they can
		dots    []xy        // the figures' dots and a lone projected year's, which they leave uncovered too
		dodged  *dodge      // the years to date's marks, each moved off a target's marker at its point
	)
	add := func(x, y float64) { xs, ys = append(xs, x), append(ys, y) }
	for _, o := range hist {
		add(float64(o.Year), o.Value)
	}

	// projection: mean and fans, starting at the latest observation when the
	// projection continues it
	if len(pts) > 0 {
		var mean, lo80, hi80, lo95, hi95 []xy
		if latest != nil && s.Projection.LastYear == int(latest.x) {
			for _, l := range []*[]xy{&mean, &lo80, &hi80, &lo95, &hi95} {
				*l = append(*l, *latest)
			}
		}
		for _, p := range pts {
			x := float64(p.Year)
			mean = append(mean, xy{x, p.Mean})
			lo80, hi80 = append(lo80, xy{x, p.Lo80}), append(hi80, xy{x, p.Hi80})
			lo95, hi95 = append(lo95, xy{x, p.Lo95}), append(hi95, xy{x, p.Hi95})
			add(x, p.Mean)
			spread = append(spread, p.Lo95, p.Hi95)
		}
		meanSty := draw.LineStyle{Color: colMean, Width: vg.Points(1.5), Dashes: dashMean}
		layers = append(layers,
			layer{z: zFan, p: fanOf(lo95, hi95, colFan95)},
			layer{z: zFan + 1, p: fanOf(lo80, hi80, colFan80)},
			layer{z: zMean, p: lineOf(mean, meanSty)},
		)
		if len(mean) == 1 { // a lone projected year: mark it
			layers = append(layers, layer{z: zMean, p: pointsOf(mean, draw.GlyphStyle{Color: colMean, Radius: vg.Points(2.5), Shape: dotGlyph{}})})
			dots = append(dots, mean...)
		}
		f.legend = append(f.legend,
			legendItem{wd.Mean, swatchLine(meanSty, nil)},
			legendItem{wd.PI80, swatchFill(blend(colFan80, colFan95))},
			legendItem{wd.PI95, swatchFill(colFan95)},
		)
	}

	// the year in progress as its year to date projects it: a diamond with
	// its 80% (thick) and 95% (thin) intervals, over the targets' markers,
	// and drawn apart from one at its point (dodge.on: beside it, or on the
	// smallest charts smaller, inside it): a ring of the same year and
	// nearly the same value hid it
	var toDates []labelSpec
	for i, y := range yearsToDateShown(s) {
		n, x := y.Nowcast, float64(y.Year)
		sty95 := draw.LineStyle{Color: colToDate, Width: vg.Points(1)}
		sty80 := draw.LineStyle{Color: colToDate, Width: vg.Points(3.5)}
		glyph := draw.GlyphStyle{Color: colToDate, Radius: toDateRadius, Shape: diamondGlyph{}}
		d := &dodge{at: xy{x, n.Mean}, next: dodged}
		dodged = d
		layers = append(layers,
			layer{z: zTarget, p: plotFunc(func(c draw.Canvas, p *plot.Plot) {
				x := x - d.offset(&c, p)
				lineOf([]xy{{x, n.Lo95}, {x, n.Hi95}}, sty95).Plot(c, p)
				lineOf([]xy{{x, n.Lo80}, {x, n.Hi80}}, sty80).Plot(c, p)
			})},
			layer{z: zToDate, p: plotFunc(func(c draw.Canvas, p *plot.Plot) {
				on, g := d.on(&c, p), glyph
				g.Radius = on.radius
				pointsOf([]xy{{x - on.offset, n.Mean}}, g).Plot(c, p)
			})},
		)
		toDates = append(toDates, labelSpec{xy{x, n.Mean}, fmt.Sprintf(wd.ToDateFmt, y.Year, plancast.PeriodName(y.Period, lang == LangZh), annotValue(n.Mean, s.Indicator, lang)), sizeSmall, colToDate, sideLeft, vg.Points(10), rankToDate})
		markers = append(markers, xy{x, n.Mean})
		add(x, n.Mean)
		spread = append(spread, n.Lo95, n.Hi95)
		if i == 0 {
			f.legend = append(f.legend, legendItem{wd.ToDate, swatchLine(sty80, &glyph)})
		}
	}

	// history: solid through consecutive years, dotted across gaps, a dot per year
	if len(hist) > 0 {
		histSty, glyph, hl := historyLayers(hist, colHistory)
		layers = append(layers, hl...)
		f.legend = append([]legendItem{{wd.History, swatchLine(histSty, &glyph)}}, f.legend...)
		lo := hist[len(hist)-1]
		labels = append(labels, labelSpec{*latest, fmt.Sprintf(wd.LatestFmt, lo.Year, latestValue(lo.Value, s, lang)), sizeSmall, colHistory, sideLeft, latestLabelDy(hist), rankLatest})
		markers = append(markers, *latest)
		for _, o := range hist[:len(hist)-1] {
			dots = append(dots, xy{float64(o.Year), o.Value})
		}
	}
	if est != nil && est.Year >= s.From {
		el, legend, label := estimateLayers(est, latest, s, lang)
		layers = append(layers, el...)
		f.legend = append(f.legend, legend)
		labels = append(labels, label)
		markers = append(markers, label.at)
		add(label.at.x, label.at.y)
	}
	labels = append(labels, toDates...)

	// targets
	tl := targetLayers(f, s, latest, dodged)
	layers = append(layers, tl.layers...)
	xs, ys = append(xs, tl.xs...), append(ys, tl.ys...)
	f.legend = append(f.legend, tl.legend...)
	labels, markers = append(labels, tl.labels...), append(markers, tl.markers...)
	for d := dodged; d != nil; d = d.next {
		d.others, d.rings = tl.markers, tl.rings
	}

	// the labels: the latest figure's, the year to date's and the
	// targets', laid out together so that none covers another; and the
	// ended years without a figure, which the projection runs through
	f.labels = &chartLabels{must: labels, markers: markers, dots: dots, due: figuresDue(s.History, s.drawnOn()), dodge: dodged}
	f.plotLayers(layers, unit, xs, ys, spread, s.Indicator.Kind == plancast.KindLevel, s.Width, s.Height)

	f.source = sourceLine(s, lang)
	if tl.stated != nil {
		f.source = joinSentences(f.source, statedNote(tl.stated, lang), lang)
	}
	if note := tl.unobserved.note(lang); note != "" {
		f.source = joinSentences(f.source, note, lang)
	}
	return f, nil
}

// errFromPastLast is the error of a chart asked from a year after the last
// it could show: it names that year, the last projected year shown or the
// last figure's, whichever is later, and says where the figures and the
// projection end. chart names the chart ("the chart of houma/gdp");
// lastFig and lastProj are 0 for none. It is nil when from is not after
// that year, or when there is neither a figure nor a projected year, and
// so truly nothing to chart. Why: the chart said "nothing to chart (no
// observation and no projection)", which reads as if the series were
// empty. The single chart and the comparison say it here, in the CLI and
// over HTTP alike.
func errFromPastLast(from int, chart string, lastFig, lastProj int) error {
	var last int
	var ends string
	switch {
	case lastFig != 0 && lastProj != 0:
		last = max(lastFig, lastProj)
		ends = fmt.Sprintf("its figures end in %d, its projection in %d", lastFig, lastProj)
	case lastFig != 0:
		last, ends = lastFig, fmt.Sprintf("its figures end in %d, and it has no projection", lastFig)
	case lastProj != 0:
		last, ends = lastProj, fmt.Sprintf("it has no figures, and its projection ends in %d", lastProj)
	default:
		return nil
	}
	if from <= last {
		return nil
	}
	return plancast.Errorf(plancast.EINVALID, "from=%d is after %d, the last year %s could show (%s): ask from a year up to %d",
		from, last, chart, ends, last)
}

// lastFigure is the year of the latest figure of obs; 0 when there is none.
func lastFigure(obs []plancast.Observation) int {
	all := sortedHistory(obs, 0)
	if len(all) == 0 {
		return 0
	}
	return all[len(all)-1].Year
}

// lastProjected is the last year of p a chart shows, at most horizon years
// after its LastYear when horizon > 0; 0 when it shows none.
func lastProjected(p *plancast.Projection, horizon int) int {
	if p == nil {
		return 0
	}
	last := 0
	for _, q := range p.Points {
		if q.Year > p.LastYear && (horizon <= 0 || q.Year <= p.LastYear+horizon) {
			last = max(last, q.Year)
		}
	}
	return last
}

// latestLabelDy is how far the latest figure's label, written to the left
// of its point, is nudged up: above the point, unless the line comes down
// into it from the year before, where the label above would sit on that
// line (its halo washing it out); then below, where the line is not.
func latestLabelDy(hist []plancast.Observation) vg.Length {
	dy := vg.Points(8)
	if n := len(hist); n > 1 && hist[n-2].Value > hist[n-1].Value {
		return -dy
	}
	return dy
}

// yearToDateShown is the projection's year to date when its year is on
// the chart.
func yearToDateShown(s *Spec) *plancast.YearToDate {
	if s.Projection == nil || s.Projection.YearToDate == nil || s.Projection.YearToDate.Year < s.From {
		return nil
	}
	return s.Projection.YearToDate
}

// yearsToDateShown are the years to date the chart draws, ascending: the
// projection's (the year after the latest figure), and the years two or
// more after it whose months the assessment judges their targets on
// (forecast.LaterYearsToDate: 2026 from its January–October, 2025 taken
// at its own months, when the latest figure is 2024's), each as the
// assessment reads it, for a target's ring to stand beside the months
// it is judged on: without 2026's, the ring stood above the projection's
// line, a miss to the eye, where the months judge the target on track.
func yearsToDateShown(s *Spec) []plancast.YearToDate {
	var out []plancast.YearToDate
	if y := yearToDateShown(s); y != nil {
		out = append(out, *y)
	}
	if s.Projection == nil || len(s.YearToDate) == 0 {
		return out
	}
	hist := sortedHistory(s.History, 0)
	years, values := make([]int, len(hist)), make([]float64, len(hist))
	for i, o := range hist {
		years[i], values[i] = o.Year, o.Value
	}
	stated := s.Stated
	if stated == nil {
		stated = (&plancast.Series{Observations: hist}).StatedGrowths()
	}
	for _, y := range forecast.LaterYearsToDate(s.Indicator, years, values, stated, s.YearToDate, forecast.LimitsOf(s.Indicator)) {
		if y.Year >= s.From && (s.Horizon == 0 || y.Year <= s.Projection.LastYear+s.Horizon) {
			out = append(out, y)
		}
	}
	return out
}

// Drawing order.
const (
	zBands = iota
	zDue
	zGrid
	zLimit
	zFan
	zPath = zFan + 2
	zHistory
	zMean = zHistory + 2
	zTarget
	zToDate // the year to date's diamond, over a target's ring at its point
	zLabel
)

// layer is a plotter with its drawing order.
type layer struct {
	z int
	p plot.Plotter
}

// plotLayers sets f.plot, of a chart of width×height pixels, to a plot of
// layers with the labels of f.labels and the hatch of the ended years
// they name (dueBand), over the Five-Year Plan periods' bands and the
// grid, drawn in their order: over the years of xs, at least five, and
// the values of ys and, as far as they stay near them, spread (yRange),
// with unit heading the value axis.
func (f *figure) plotLayers(layers []layer, unit string, xs, ys, spread []float64, level bool, width, height int) {
	if f.labels.due != nil {
		layers = append(layers, dueBand(*f.labels.due))
	}
	layers = append(layers, layer{z: zLabel, p: f.labels.plotter(f)})

	xmin, xmax := slices.Min(xs), slices.Max(xs)
	if xmax-xmin < 4 { // at least five years wide
		xmin = xmax - 4
	}
	ymin, ymax := yRange(ys, spread, level)
	xmin, xmax = xmin-0.5, xmax+0.5

	plotW := vg.Length(float64(width)*72/float64(scaleDPI(width, height))) - vg.Points(60)
	p := f.newPlot(unit, xmin, xmax, ymin, ymax, plotW)
	layers = append(layers,
		layer{z: zBands, p: periodBands(f)},
		layer{z: zGrid, p: hGrid()},
	)
	sort.SliceStable(layers, func(i, j int) bool { return layers[i].z < layers[j].z })
	for _, l := range layers {
		p.Add(l.p)
	}
	f.plot = p
}

// sortedHistory returns the observations from year from on, one per year,
// ascending.
func sortedHistory(obs []plancast.Observation, from int) []plancast.Observation {
	var h []plancast.Observation
	for _, o := range obs {
		if o.Year >= from && !math.IsNaN(o.Value) && !math.IsInf(o.Value, 0) {
			h = append(h, o)
		}
	}
	sort.SliceStable(h, func(i, j int) bool { return h[i].Year < h[j].Year })
	return slices.CompactFunc(h, func(a, b plancast.Observation) bool { return a.Year == b.Year })
}

// blend is the colour of top drawn over bottom over white.
func blend(top, bottom color.NRGBA) color.NRGBA {
	mix := func(t, b, ta, ba uint8) uint8 {
		base := float64(b)*float64(ba)/255 + 255*(1-float64(ba)/255)
		return uint8(math.Round(float64(t)*float64(ta)/255 + base*(1-float64(ta)/255)))
	}
	return color.NRGBA{R: mix(top.R, bottom.R, top.A, bottom.A), G: mix(top.G, bottom.G, top.A, bottom.A), B: mix(top.B, bottom.B, top.A, bottom.A), A: 0xff}
}

// sourceLine names the documents: the spec's Sources plus those of the
// observations and targets, each once, and the projection method; then the
// date of the data when it is not the latest.
func sourceLine(s *Spec, lang string) string {
	line := documentsLine(s, lang)
	if !s.AsOf.IsZero() {
		line = joinSentences(line, dict[lang].AsOf+s.AsOf.String()+dict[lang].Stop, lang)
	}
	return line
}

// joinSentences appends sentence b to a: after a space in English, directly
// after the full stop in Chinese.
func joinSentences(a, b, lang string) string {
	if a != "" && lang != LangZh {
		a += " "
	}
	return a + b
}

// documentsLine is the source line's documents and projection method.
func documentsLine(s *Spec, lang string) string {
	wd := dict[lang]
	seen := map[string]bool{}
	var docs []string
	addDoc := func(d string) {
		d = strings.TrimSpace(d)
		if d != "" && !seen[d] {
			seen[d] = true
			docs = append(docs, d)
		}
	}
	for _, d := range s.Sources {
		addDoc(d)
	}
	for _, o := range s.History {
		addDoc(o.Source.Document)
	}
	for _, t := range s.Targets {
		addDoc(t.Source.Document)
	}
	var b strings.Builder
	b.WriteString(wd.Source)
	b.WriteString(strings.Join(docs, wd.ListSep))
	if s.Projection != nil && len(s.Projection.Points) > 0 {
		if len(docs) > 0 {
			b.WriteString(wd.ListSep)
		}
		b.WriteString(wd.Projection)
		if m := s.Projection.Method; m != "" {
			if lang == LangZh {
				b.WriteString("（" + m + "）")
			} else {
				b.WriteString(" (" + m + ")")
			}
		}
	}
	if len(docs) == 0 && (s.Projection == nil || len(s.Projection.Points) == 0) {
		return ""
	}
	b.WriteString(wd.Stop)
	return b.String()
}

// historyLayers draws observations in col: solid through consecutive years,
// dotted across gaps, a dot on each year. It returns the styles for the legend.
func historyLayers(hist []plancast.Observation, col color.Color) (draw.LineStyle, draw.GlyphStyle, []layer) {
	histSty := draw.LineStyle{Color: col, Width: vg.Points(1.8)}
	gapSty := draw.LineStyle{Color: col, Width: vg.Points(1), Dashes: dashImplied}
	glyph := draw.GlyphStyle{Color: col, Radius: vg.Points(2.6), Shape: dotGlyph{}}
	var layers []layer
	var run, all []xy
	for i, o := range hist {
		q := xy{float64(o.Year), o.Value}
		all = append(all, q)
		if i > 0 && o.Year-hist[i-1].Year > 1 {
			layers = append(layers, layer{z: zHistory, p: lineOf(run, histSty)},
				layer{z: zHistory, p: lineOf([]xy{run[len(run)-1], q}, gapSty)})
			run = nil
		}
		run = append(run, q)
	}
	layers = append(layers,
		layer{z: zHistory, p: lineOf(run, histSty)},
		layer{z: zHistory + 1, p: pointsOf(all, glyph)})
	return histSty, glyph, layers
}
