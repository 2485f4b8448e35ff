package charts

import (
	"context"
	"fmt"
	"image/color"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/plancast/plancast"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// MaxCompareSeries is the most regions one comparison chart shows.
const MaxCompareSeries = 8

// RegionSeries is one region's line in a comparison chart.
type RegionSeries struct {
	Region plancast.Region
	// History is the region's yearly figures. A region without any is not
	// drawn; the source line names it as having no yearly figures.
	History    []plancast.Observation
	Stated     []plancast.StatedGrowth // as Spec.Stated
	Projection *plancast.Projection    // may be nil
	// Targets of the region for the indicator, any plan and kind, as
	// Spec.Targets: level targets, ceilings and floors are marked in the
	// region's colour, and growth and average-growth targets by the path
	// they imply, ending at the level they imply in their year (see
	// targetMarks); a growth target that implies none is not drawn and the
	// source line says so; shares and targets of another region or
	// indicator are ignored.
	Targets []plancast.Target
	// YearToDate are the region's year-to-date series, as Spec.YearToDate:
	// a growth target after the latest figure is ringed at the level the
	// assessment judges it against on them.
	YearToDate []plancast.Series
}

// CompareSpec is a chart of one indicator across regions.
type CompareSpec struct {
	Indicator plancast.Indicator
	Series    []RegionSeries // 1–MaxCompareSeries regions, drawn in this order
	Width     int            // pixels; 0 means DefaultWidth
	Height    int            // pixels; 0 means DefaultHeight
	Lang      string         // LangEn (default) or LangZh
	From      int            // first year shown; 0 shows all
	Horizon   int            // projected years shown; 0 shows all
	Sources   []string       // documents for the source line
	AsOf      plancast.Date  // the date of the data, when not the latest (said on the source line)
	// Today is the date a comparison of the latest data is drawn on, as
	// Spec.Today: the years ended by then (or by AsOf) that no region
	// drawn has a figure of are hatched and named, and a region whose
	// figures end before the others' is named on the source line with
	// its own ended years. With both zero none is marked.
	Today plancast.Date
}

// Validate returns an EINVALID error for a bad size, language, year or
// number of series.
func (s *CompareSpec) Validate() error {
	if err := validSize(s.Width, s.Height); err != nil {
		return err
	}
	if err := validLang(s.Lang); err != nil {
		return err
	}
	switch {
	case len(s.Series) == 0:
		return plancast.Errorf(plancast.EINVALID, "comparison of %s: no region given", s.Indicator.Code)
	case len(s.Series) > MaxCompareSeries:
		return plancast.Errorf(plancast.EINVALID, "comparison of %s: %d regions, at most %d", s.Indicator.Code, len(s.Series), MaxCompareSeries)
	}
	return validYears(s.From, s.Horizon)
}

// RenderCompare draws one indicator across regions in format ("png" or
// "svg") to w: one colour per region, history solid with a dot per year,
// projection mean dashed, each line named at its end, and the region's
// level targets, ceilings, floors and the levels its growth targets imply
// marked in its colour, with a thin dotted line along each growth target's
// path; the source line says what a region's paths add for the growth
// stated with its figures, as the single chart's does.
func RenderCompare(w io.Writer, s CompareSpec, format string) error {
	return RenderCompareContext(context.Background(), w, s, format)
}

// RenderCompareContext is RenderCompare stopped when ctx is done, as
// RenderContext is.
func RenderCompareContext(ctx context.Context, w io.Writer, s CompareSpec, format string) error {
	if err := prepare(format, s.Validate, &s.Width, &s.Height); err != nil {
		return err
	}
	f, err := compareFigure(&s)
	if err != nil {
		return err
	}
	return f.writeContext(ctx, w, s.Width, s.Height, format)
}

func compareFigure(s *CompareSpec) (*figure, error) {
	fnts, lang, note := newFonts(s.Lang)
	f := &figure{fonts: fnts, lang: lang, note: note}
	wd := dict[lang]
	f.title = fmt.Sprintf(wd.CompareTitleFmt, indicatorName(s.Indicator, lang))

	var d comparison
	for _, rs := range s.Series {
		// an estimate of the year in progress is not a figure
		// (estimate.go): a region's line ends at its latest real one, from
		// which its projection starts
		if one, est := withoutEstimate(&Spec{History: rs.History, Stated: rs.Stated}); est != nil {
			rs.History, rs.Stated = one.History, one.Stated
		}
		if len(rs.History) == 0 {
			d.noFigures = append(d.noFigures, rs.Region)
			continue
		}
		line, mean, method := regionLine(rs, s.From, s.Horizon)
		if len(line) == 0 && len(mean) == 0 {
			continue
		}
		col := colSeries[d.drawn%len(colSeries)]
		d.addLine(f, rs, s.From, line, mean, method, col)
		marks, stated, growthOut := targetMarks(rs, s.Indicator, s.From)
		d.addTargets(marks, s.Indicator, lang, col)
		if stated != nil {
			d.stated = append(d.stated, regionGap{rs.Region, stated})
		}
		var bases unobservedBases
		for _, m := range marks {
			if m.path != nil {
				bases.add(m.base, PlanLabel(m.target.Plan, lang))
			}
		}
		if len(bases) > 0 {
			d.unobserved = append(d.unobserved, regionBases{rs.Region, bases})
		}
		if growthOut {
			d.growthLeftOut = append(d.growthLeftOut, rs.Region)
		}
	}
	if len(d.xs) == 0 {
		// the latest figure and projected year of the regions with figures
		var lastFig, lastProj int
		for _, rs := range s.Series {
			if f := lastFigure(rs.History); f != 0 {
				lastFig, lastProj = max(lastFig, f), max(lastProj, lastProjected(rs.Projection, s.Horizon))
			}
		}
		if err := errFromPastLast(s.From, "the comparison of "+s.Indicator.Code, lastFig, lastProj); err != nil {
			return nil, err
		}
		return nil, plancast.Errorf(plancast.EINVALID, "comparison of %s: nothing to chart (no observation and no projection)", s.Indicator.Code)
	}
	f.legend = d.legend
	if d.projDone {
		f.legend = append(f.legend, legendItem{wd.Mean, swatchLine(draw.LineStyle{Color: colMuted, Width: vg.Points(1.5), Dashes: dashMean}, nil)})
	}
	f.legend = append(f.legend, targetLegend(d.shapes, lang)...)
	// the ended years that no region drawn has a figure of (those after
	// the latest figure of all), which every projection runs through
	on := s.AsOf
	if on.IsZero() {
		on = s.Today
	}
	due := figuresDue(d.hist, on)
	// the names wherever there is room, a target's value only where it
	// crowds nothing, laid out together so that none covers another
	f.labels = &chartLabels{must: d.names, optional: d.values, markers: d.markers, dots: d.dots, lines: d.lines, due: due}
	f.plotLayers(d.layers, s.Indicator.Unit, d.xs, d.ys, nil, s.Indicator.Kind == plancast.KindLevel, s.Width, s.Height)

	var proj *plancast.Projection
	if d.projDone {
		proj = &plancast.Projection{Method: strings.Join(d.methods, ", "), Points: []plancast.ProjectionPoint{{}}}
	}
	f.source = sourceLine(&Spec{History: d.hist, Projection: proj, Targets: d.targets, Sources: s.Sources, AsOf: s.AsOf}, lang)
	if notes := statedNotes(d.stated, lang); notes != "" {
		f.source = joinSentences(f.source, notes, lang)
	}
	for _, r := range d.unobserved {
		f.source = joinSentences(f.source, r.note(lang), lang)
	}
	if notes := compareNotes(d.noFigures, d.growthLeftOut, lang); notes != "" {
		f.source = joinSentences(f.source, notes, lang)
	}
	if notes := dueNotes(s.Series, due, on, lang); notes != "" {
		f.source = joinSentences(f.source, notes, lang)
	}
	return f, nil
}

// dueNotes is what the source line says of the regions whose figures end
// before the latest of all (due, the years hatched, starts after it; nil
// when none is): a sentence each of the years ended by on without a
// figure of that region, "Houma: no figures for 2021–2025 yet.", for
// the hatch leaves out the years some other region has figures of. It is
// empty when every region's figures end in the same year.
func dueNotes(series []RegionSeries, due *plancast.YearSpan, on plancast.Date, lang string) string {
	var out string
	for _, rs := range series {
		own := figuresDue(rs.History, on)
		if own == nil || due != nil && own.From >= due.From {
			continue
		}
		out = joinSentences(out, fmt.Sprintf(dict[lang].DueRegionFmt, regionName(rs.Region, lang), FiguresDueText(own, lang)), lang)
	}
	return out
}

// comparison is what the regions of a comparison chart add up to as each
// is drawn.
type comparison struct {
	drawn         int       // regions drawn; each takes the next colour
	xs, ys        []float64 // data extent
	layers        []layer
	legend        []legendItem // one entry per region
	names, values []labelSpec  // the lines' names, the targets' values
	markers       []xy         // the targets marked
	dots          []xy         // the figures' dots
	lines         [][]xy       // the lines drawn: figures, projections, paths
	shapes        []draw.GlyphDrawer
	projDone      bool     // a projection of more than one year is drawn
	methods       []string // the projections' methods, each once
	// what the source line names: the documents of the figures and the
	// targets drawn, what a stated gap adds to each region's paths, the
	// regions not drawn and those drawn without a growth target that
	// implies no level
	hist                     []plancast.Observation
	targets                  []plancast.Target
	stated                   []regionGap
	unobserved               []regionBases
	noFigures, growthLeftOut []plancast.Region
}

// regionBases are the base years without a figure that a region's growth
// targets' paths start from.
type regionBases struct {
	region plancast.Region
	bases  unobservedBases
}

// note is what the source line says of them, the single chart's sentences
// after the region's name: "Gap City: growth paths from 2020 (14th FYP)
// start at the 2020 level interpolated between the figures of 2018 and
// 2021, as no figure of 2020 is stored.", "Houma: growth paths from 2025
// (2026 plan) start at the projected 2025 level, as no figure of 2025 is
// stored yet."
func (r regionBases) note(lang string) string {
	name := regionName(r.region, lang)
	var out string
	for _, b := range r.bases {
		s := unobservedBases{b}.note(lang)
		if lang == LangZh {
			s = name + "：" + s
		} else {
			s = name + ": " + lowerFirst(s, lang)
		}
		out = joinSentences(out, s, lang)
	}
	return out
}

// regionGap is what a region's growth targets' paths took from its stated
// gap.
type regionGap struct {
	region plancast.Region
	use    *statedUse
}

// addLine draws a region's line in col: its figures from year from solid
// with a dot a year, its projected mean dashed, its name at its end.
func (d *comparison) addLine(f *figure, rs RegionSeries, from int, line, mean []xy, method string, col color.NRGBA) {
	d.drawn++
	for _, q := range append(slices.Clone(line), mean...) {
		d.xs, d.ys = append(d.xs, q.x), append(d.ys, q.y)
	}
	histSty, glyph, hl := historyLayers(sortedHistory(rs.History, from), col)
	meanSty := draw.LineStyle{Color: col, Width: vg.Points(1.5), Dashes: dashMean}
	d.layers = append(d.layers, hl...)
	d.layers = append(d.layers, layer{z: zMean, p: lineOf(mean, meanSty)})
	d.projDone = d.projDone || len(mean) > 1
	if method != "" && !slices.Contains(d.methods, method) {
		d.methods = append(d.methods, method)
	}
	d.hist = append(d.hist, rs.History...)
	d.lines = append(d.lines, line, mean)
	d.dots = append(d.dots, line...)

	end := line
	if len(mean) > 0 {
		end = mean
	}
	name := regionName(rs.Region, f.lang)
	d.names = append(d.names, labelSpec{end[len(end)-1], name, sizeSmall, col, sideLeft, vg.Points(7), rankLatest})
	d.legend = append(d.legend, legendItem{name, swatchLine(histSty, &glyph)})
}

// addTargets draws the marks of a region's targets in col, a growth
// target's with its path, each with its value (in unit, as a target's label
// writes it in lang; a growth target's growth, as the single chart's label
// of its path) to be written where it crowds nothing.
func (d *comparison) addTargets(marks []targetMark, ind plancast.Indicator, lang string, col color.NRGBA) {
	for _, m := range marks {
		d.xs, d.ys = append(d.xs, m.at.x), append(d.ys, m.at.y)
		d.markers = append(d.markers, m.at)
		d.addPath(m.path, col)
		d.layers = append(d.layers, layer{z: zTarget, p: pointsOf([]xy{m.at}, draw.GlyphStyle{Color: col, Radius: targetRadius, Shape: m.shape})})
		text := annotValue(m.target.Value, ind, lang)
		if plancast.GrowthKind(m.target.Kind) {
			text = growthValueText(m.target, lang)
		}
		d.values = append(d.values, labelSpec{m.at, text, sizeSmall, col, sideAuto, 0, targetRank(m.target, plancast.GrowthKind(m.target.Kind))})
		d.targets = append(d.targets, m.target)
		if !slices.Contains(d.shapes, m.shape) {
			d.shapes = append(d.shapes, m.shape)
		}
	}
}

// comparePathWidth is the width of a growth target's path on a comparison:
// thinner than the history (1.8 points) and the projection (1.5), and
// dotted, so that the paths of eight regions leave their lines readable.
var comparePathWidth = vg.Points(1)

// addPath draws a growth target's path in col, under every region's history
// and projection (zPath), and takes it into the ranges.
func (d *comparison) addPath(path []xy, col color.NRGBA) {
	for _, q := range path {
		d.xs, d.ys = append(d.xs, q.x), append(d.ys, q.y)
	}
	d.layers = append(d.layers, layer{z: zPath, p: lineOf(path, impliedPathStyle(col, comparePathWidth))})
	d.lines = append(d.lines, path)
}

// regionLine returns the points of a region's line from year from on: its
// observed figures, and its projected mean (at most horizon years past the
// projection's last year, when horizon > 0) starting from the last figure
// when the projection continues it; and the projection's method.
func regionLine(rs RegionSeries, from, horizon int) (line, mean []xy, method string) {
	for _, o := range sortedHistory(rs.History, from) {
		line = append(line, xy{float64(o.Year), o.Value})
	}
	p := rs.Projection
	if p == nil {
		return line, nil, ""
	}
	if len(line) > 0 && int(line[len(line)-1].x) == p.LastYear {
		mean = append(mean, line[len(line)-1])
	}
	pts := slices.Clone(p.Points)
	sort.Slice(pts, func(a, b int) bool { return pts[a].Year < pts[b].Year })
	for _, q := range pts {
		if q.Year <= p.LastYear || q.Year < from || (horizon > 0 && q.Year > p.LastYear+horizon) {
			continue
		}
		mean = append(mean, xy{float64(q.Year), q.Mean})
	}
	return line, mean, p.Method
}

// targetMark is a target a comparison marks: where, and the marker's shape.
type targetMark struct {
	target plancast.Target
	at     xy
	shape  draw.GlyphDrawer
	// path is a growth target's implied path as the single chart draws it
	// (growthBasis.path), ending at at, and base what it grows from; nil
	// and zero for the other kinds.
	path []xy
	base pathBase
}

// targetMarks returns the marks of the region's targets on a comparison of
// ind from year from: a level target as the single chart's diamond, a
// ceiling as a triangle pointing down and a floor as one pointing up, each
// at (year, value), and a growth or average-growth target as a ring at the
// level it implies in its year with the path that leads there, in the
// order given. Of the single chart's lines only the growth target's path is
// kept, drawn thin: a required path or shaded limit per region would bury
// the lines being compared, while a ring says little without the base it
// grows from.
//
// A growth target's ring is where the single chart of the region from the
// same year ends the target's path (growthBasis.path), the level the
// assessment judges the target against, and its path is the single chart's. A growth target that implies no
// level there (no figure to grow from, a rate) is left out; growthLeftOut
// reports that the region has one, for the source line to say so. A share
// target, a percentage of some whole, is left to the single chart.
//
// stated is what the region's growth targets' paths took from its stated
// gap (growthBasis.gap, one for all of them); nil when none was drawn or
// the figures state no growth.
func targetMarks(rs RegionSeries, ind plancast.Indicator, from int) (marks []targetMark, stated *statedUse, growthLeftOut bool) {
	growth := newGrowthBasis(rs.History, from).withStated(rs.Stated).withToDate(rs.Projection, rs.YearToDate)
	for _, t := range rs.Targets {
		if !targetOnChart(t, rs.Region, ind, from) {
			continue
		}
		var shape draw.GlyphDrawer
		switch t.Kind {
		case plancast.TargetLevel:
			shape = diamondGlyph{}
		case plancast.TargetCeiling:
			shape = triangleGlyph{down: true}
		case plancast.TargetFloor:
			shape = triangleGlyph{}
		case plancast.TargetGrowth, plancast.TargetAvgGrowth:
			path, base, ok := growth.path(t, ind)
			if !ok {
				growthLeftOut = true
				continue
			}
			marks = append(marks, targetMark{target: t, at: path[len(path)-1], shape: ringGlyph{}, path: path, base: base})
			if growth.gap != nil {
				if stated == nil {
					stated = &statedUse{}
				}
				stated.add(growth.gap, base.year, t.Year, base.months)
			}
			continue
		default:
			continue
		}
		marks = append(marks, targetMark{target: t, at: xy{float64(t.Year), t.Value}, shape: shape})
	}
	return marks, stated, growthLeftOut
}

// statedNotes is what the source line says of the regions whose growth
// targets' paths were drawn with a stated gap: a sentence each of what the
// gap adds, worded as the single chart words it (statedClause), "Houma:
// paths plus the 1.0% a year by which the figures grew faster than stated
// in 2016–2020." A gap that rounds to 0.0% adds nothing and is not said, so
// that the line stays short with eight regions whose growth is stated at
// current prices. It is empty when no region has one to say.
func statedNotes(gaps []regionGap, lang string) string {
	var out string
	for _, g := range gaps {
		if adds, ok := statedClause(g.use, lang); ok {
			out = joinSentences(out, fmt.Sprintf(dict[lang].StatedPathsFmt, regionName(g.region, lang), adds), lang)
		}
	}
	return out
}

// targetLegend names the target markers drawn, in grey: each region's are
// in its own colour. A ring is named as the level a growth target implies,
// for it is no figure the plan states, after the path that leads to it,
// named as the single chart names it.
func targetLegend(shapes []draw.GlyphDrawer, lang string) []legendItem {
	wd := dict[lang]
	var items []legendItem
	for _, sh := range shapes {
		name := wd.Target
		switch sh {
		case triangleGlyph{down: true}:
			name = wd.Ceiling
		case triangleGlyph{}:
			name = wd.Floor
		case ringGlyph{}:
			name = wd.ImpliedLevel
			items = append(items, legendItem{wd.Implied, swatchLine(impliedPathStyle(colMuted, comparePathWidth), nil)})
		}
		items = append(items, legendItem{name, swatchGlyph(draw.GlyphStyle{Color: colMuted, Radius: targetRadius, Shape: sh})})
	}
	return items
}

// compareNotes is what the source line says of the regions asked for but
// not drawn in full: those without yearly figures, and those with a growth
// target that implies no level and so is not drawn (growthLeftOut; a
// region's growth targets that do imply one are drawn as paths ending in
// rings). It is empty when there are none.
func compareNotes(noFigures, growthLeftOut []plancast.Region, lang string) string {
	wd := dict[lang]
	list := func(rs []plancast.Region) string {
		names := make([]string, len(rs))
		for i, r := range rs {
			names[i] = regionName(r, lang)
		}
		return strings.Join(names, wd.NameSep)
	}
	var out string
	if len(noFigures) > 0 {
		out = fmt.Sprintf(wd.NoFiguresFmt, list(noFigures))
	}
	if len(growthLeftOut) > 0 {
		out = joinSentences(out, fmt.Sprintf(wd.GrowthOutFmt, list(growthLeftOut)), lang)
	}
	return out
}
