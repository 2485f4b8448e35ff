package charts

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/forecast"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// targetDrawing is what the targets add to a chart.
type targetDrawing struct {
	layers []layer
	xs, ys []float64 // data extent
	legend []legendItem
	// labels are the targets' labels, in the targets' order, for the
	// chart to lay out with its others (chartLabels); markers are the
	// points of the targets' markers, which they leave uncovered
	labels  []labelSpec
	markers []xy
	rings   []bool // of each of markers, whether it is a ring (else a diamond)
	// stated is what the growth targets' paths took from the stated gap,
	// for the source line to say so; nil when no path needed one.
	stated *statedUse
	// unobserved are the base years without a figure that growth
	// targets' paths start from, for the source line to say so.
	unobserved unobservedBases
}

// unobservedBases are the base years, with no figure of their own, that a
// chart's growth-target paths start from at the level the assessment
// judges them on: interpolated between the stored figures around them
// (forecast.Interpolated), or, after the latest figure, projected
// (forecast.ProjectedBase); each with the plans whose paths start there,
// in the order drawn.
type unobservedBases []unobservedBase

type unobservedBase struct {
	pathBase
	plans []string // the plans' labels (PlanLabel), each once
}

// add records the path of plan (its label) from b, a base year without a
// figure; one with a figure is not recorded.
func (u *unobservedBases) add(b pathBase, plan string) {
	if b.between == nil && !b.projected {
		return
	}
	i := slices.IndexFunc(*u, func(o unobservedBase) bool { return o.year == b.year })
	if i < 0 {
		*u = append(*u, unobservedBase{pathBase: b})
		i = len(*u) - 1
	}
	if o := &(*u)[i]; !slices.Contains(o.plans, plan) {
		o.plans = append(o.plans, plan)
	}
}

// note is what the source line says of u: a sentence for each base year,
// "Growth paths from 2020 (14th FYP) start at the 2020 level interpolated
// between the figures of 2018 and 2021, as no figure of 2020 is stored.",
// "Growth paths from 2025 (2026 plan) start at the projected 2025 level,
// as no figure of 2025 is stored yet.", or, for a base taken from its
// months, "Growth paths from 2025 (2026 plan) start at the 2025 level its
// January–September figures give (158.9), in the proportion of 2024's to
// the whole of 2024, as no figure of 2025 is stored yet." (the assessment's
// explanation says the same of the target's judgement); empty for none.
func (u unobservedBases) note(lang string) string {
	sep := ", "
	if lang == LangZh {
		sep = "、"
	}
	var out string
	for _, b := range u {
		plans := strings.Join(b.plans, sep)
		s := fmt.Sprintf(dict[lang].ProjectedBaseFmt, b.year, plans)
		switch {
		case b.between != nil:
			s = fmt.Sprintf(dict[lang].InterpolatedBaseFmt, b.year, plans, b.between.From, b.between.To)
		case b.chained != nil:
			c := b.chained
			s = fmt.Sprintf(dict[lang].ToDateBaseFmt, b.year, plans, plancast.PeriodName(c.period, lang == LangZh), c.level, c.latest)
		}
		out = joinSentences(out, s, lang)
	}
	return out
}

// statedUse is what a chart's growth-target paths took from the stated gap
// (impliedPath), for the source line to say it (statedClause): the years
// whose own measured gap d_t a path added, where it rounds to 0.1% or more,
// and the mean gaps a path added for years without one of their own.
type statedUse struct {
	gap     *plancast.StatedGap
	own     []int // ascending, distinct
	carried []carriedGap
	// months are the years to date whose own gap a path took for its
	// year, as the assessment judges a target of that year (monthsGap),
	// one a year, ascending; none when none did.
	months []*plancast.YearToDate
}

// carriedGap is a mean gap that paths added for years no statement covers:
// the mean of the covered years (from, to] (plancast.StatedGap.CarriedTo),
// and the years it was added in.
type carriedGap struct {
	from, to int
	mean     float64
	years    []int // ascending, distinct
}

// add records a path that adds the gap g over the years (start, year],
// year's being that of months when months is given (monthsGap).
func (u *statedUse) add(g *plancast.StatedGap, start, year int, months *plancast.YearToDate) {
	u.gap = g
	for t := start + 1; t <= year; t++ {
		if months != nil && t == year {
			if !slices.ContainsFunc(u.months, func(m *plancast.YearToDate) bool { return m.Year == year }) {
				u.months = append(u.months, months)
				slices.SortFunc(u.months, func(a, b *plancast.YearToDate) int { return a.Year - b.Year })
			}
			continue
		}
		if covered, mean, ok := g.CarriedTo(t); ok {
			u.carry(covered[0]-1, covered[len(covered)-1], mean, t)
			continue
		}
		if math.Abs(math.Expm1(g.Year(t))) >= 0.0005 && !slices.Contains(u.own, t) {
			u.own = append(u.own, t)
			slices.Sort(u.own)
		}
	}
}

// carry records that year t took the mean gap of the covered years
// (from, to].
func (u *statedUse) carry(from, to int, mean float64, t int) {
	i := slices.IndexFunc(u.carried, func(c carriedGap) bool { return c.from == from && c.to == to })
	if i < 0 {
		u.carried = append(u.carried, carriedGap{from: from, to: to, mean: mean})
		i = len(u.carried) - 1
	}
	if c := &u.carried[i]; !slices.Contains(c.years, t) {
		c.years = append(c.years, t)
		slices.Sort(c.years)
	}
}

// carriedFrom are the years whose statements gave the mean gaps that u
// added, ascending: the spans (from, to] of its carried gaps, or the gap's
// own last covered years when it added none.
func (u *statedUse) carriedFrom() []int {
	spans := u.carried
	if len(spans) == 0 {
		spans = []carriedGap{{from: u.gap.From, to: u.gap.To}}
	}
	var years []int
	for _, c := range spans {
		for t := c.from + 1; t <= c.to; t++ {
			if !slices.Contains(years, t) {
				years = append(years, t)
			}
		}
	}
	slices.Sort(years)
	return years
}

// geometricPath returns the yearly points from (x0, v0) to year x1 growing
// at rate g a year (a fraction):
//
//	v(t) = v0 · (1+g)^(t−x0),  t = x0, x0+1, …, x1
func geometricPath(x0 int, v0 float64, x1 int, g float64) []xy {
	pts := make([]xy, 0, x1-x0+1)
	for t := x0; t <= x1; t++ {
		pts = append(pts, xy{float64(t), v0 * math.Pow(1+g, float64(t-x0))})
	}
	return pts
}

// impliedPath is the path of levels a growth target t implies from v0 in
// year start to t.Year, each year growing by the target's growth and by
// that year's gap d_t between the stated growth and the levels' own
// (plancast.StatedGap; zero without one):
//
//	v(u) = v0 · q^(u−start) · e^{D(start, u)},  u = start, …, t.Year
//
// with q = 1 + g for an average growth g a year, and for a growth g over
// its base, q = (1 + g)^(1/(Y−start)) so that the path compounds to 1 + g
// by the target year. It ends at the level the assessment judges the target
// against (forecast.Assess).
//
// months, when given, is the target year's year to date stating its
// growth: the target year's gap is then the months' own (monthsGap), not
// d_t, as the assessment judges it.
func impliedPath(t plancast.Target, start int, v0 float64, gap *plancast.StatedGap, months *plancast.YearToDate) []xy {
	g := t.Value / 100
	q := 1 + g
	if t.Kind == plancast.TargetGrowth {
		q = math.Pow(1+g, 1/float64(t.Year-start))
	}
	pts := make([]xy, 0, t.Year-start+1)
	for u := start; u <= t.Year; u++ {
		d := gap.Over(start, u)
		if months != nil && u == t.Year && start < t.Year {
			d += monthsGap(months) - gap.Year(t.Year)
		}
		pts = append(pts, xy{float64(u), v0 * math.Pow(q, float64(u-start)) * math.Exp(d)})
	}
	return pts
}

// monthsGap is the gap of a year to date's figures to the growth stated
// with them, log(P/P₀) − log(1 + g): the target year's gap the assessment
// judges a growth target on when its year to date states its growth
// (forecast.Assess).
func monthsGap(y *plancast.YearToDate) float64 {
	return math.Log(y.Value/y.Prior) - math.Log1p(*y.StatedGrowth)
}

// requiredGrowth is the constant yearly growth (a fraction) that takes v0 in
// year x0 to v1 in year x1: (v1/v0)^(1/(x1−x0)) − 1. ok is false when it is
// undefined (x1 ≤ x0, or a value not positive).
func requiredGrowth(x0 int, v0 float64, x1 int, v1 float64) (g float64, ok bool) {
	if x1 <= x0 || v0 <= 0 || v1 <= 0 {
		return 0, false
	}
	return math.Pow(v1/v0, 1/float64(x1-x0)) - 1, true
}

// growthBasis is what a chart grows a growth target's implied level from.
type growthBasis struct {
	observed map[int]float64 // every figure, shown or not, by year
	// years and values are every figure, shown or not, ascending: the
	// history a base year without a figure is interpolated in
	years  []int
	values []float64
	latest *xy // the latest figure shown; nil when none is
	from   int // the first year shown
	// gap puts growth targets on the basis the assessment judges them on:
	// the growth stated with the figures, measured on the whole history,
	// shown or not.
	gap *plancast.StatedGap
	// toDate is the year in progress's months when they state their growth
	// over the same months of the year before, both stored: a growth
	// target of that year is judged on their gap (withToDate).
	toDate *plancast.YearToDate
	// stated are the growths stated with the figures (Spec.Stated, or read
	// off the history), and toDateSeries the year-to-date series of the
	// figures' series (Spec.YearToDate): what the assessment judges a
	// target after the latest figure on (judgedToDate).
	stated       []plancast.StatedGrowth
	toDateSeries []plancast.Series
}

// withToDate is b with the year to date of p (Projection.YearToDate) when
// its figures state their growth and the year before's months are stored:
// the assessment judges a growth target of that year on the months' own
// gap of their figures to the stated growth (forecast.Assess), so its path
// ends there too (impliedPath). Months taken from the stated growth carry
// the yearly figures' gap already, and are not this.
//
// series are the year-to-date series of the chart's series (Spec.YearToDate):
// a growth target after the latest figure is drawn on the year to date the
// assessment judges it on (judgedToDate), a year two or more after it too.
func (b growthBasis) withToDate(p *plancast.Projection, series []plancast.Series) growthBasis {
	b.toDateSeries = series
	if p == nil || b.gap == nil {
		return b
	}
	if y := p.YearToDate; y != nil && y.StatedGrowth != nil && !y.PriorFromStated && y.Value > 0 && y.Prior > 0 && *y.StatedGrowth > -1 {
		b.toDate = y
	}
	return b
}

// monthsOf is the year to date whose gap t's path takes for t.Year, nil
// when none: judged, the year to date the assessment judges t on
// (judgedToDate), when its months state their growth over stored months of
// the year before; without judged, the projection's (withToDate).
func (b growthBasis) monthsOf(t plancast.Target, judged *plancast.YearToDate) *plancast.YearToDate {
	switch {
	case b.gap == nil:
		return nil
	case judged != nil:
		if judged.StatedGrowth != nil && !judged.PriorFromStated && judged.Value > 0 && judged.Prior > 0 && *judged.StatedGrowth > -1 {
			return judged
		}
		return nil
	case b.toDate != nil && b.toDate.Year == t.Year:
		return b.toDate
	}
	return nil
}

// judgedToDate is the year to date the assessment judges t on, asked of
// forecast.Assess with the chart's figures, stated growths and year-to-date
// series, as the assessment route asks it: for a year after the latest
// figure, its months, and for a year two or more after it, the years
// between taken at their nowcasts from the same months (PriorNowcast, the
// year before's). Nil when the chart has no year-to-date series, t.Year has
// a figure, or the assessment reads no months for it.
func (b growthBasis) judgedToDate(t plancast.Target, ind plancast.Indicator) *plancast.YearToDate {
	if n := len(b.years); len(b.toDateSeries) == 0 || n < 2 || t.Year <= b.years[n-1] {
		return nil
	}
	a, err := forecast.Assess(t, ind, b.years, b.values, forecast.Options{SkipBacktest: true, Stated: b.stated,
		YearToDate: b.toDateSeries, Limits: forecast.LimitsOf(ind)})
	if err != nil || a.YearToDate == nil || a.YearToDate.Year != t.Year {
		return nil
	}
	return a.YearToDate
}

// newGrowthBasis is the growth basis of a chart of history from year from.
// The single chart and the comparison both build theirs here, so that a
// comparison's ring is where the single chart's path ends. A target grows
// from its base year's figure even when the chart starts after it (the
// single chart draws the path from its first year on), for that is the
// level the assessment judges it against.
func newGrowthBasis(history []plancast.Observation, from int) growthBasis {
	all := sortedHistory(history, 0)
	b := growthBasis{observed: make(map[int]float64, len(all)), from: from, gap: plancast.StatedGapOf(all),
		stated: (&plancast.Series{Observations: all}).StatedGrowths()}
	for _, o := range all {
		b.observed[o.Year] = o.Value
		b.years, b.values = append(b.years, o.Year), append(b.values, o.Value)
	}
	// The latest figure is shown unless the chart starts after it.
	if n := len(all); n > 0 && all[n-1].Year >= from {
		b.latest = &xy{float64(all[n-1].Year), all[n-1].Value}
	}
	return b
}

// pathBase is what a growth target's path grows from.
type pathBase struct {
	year int // the year it grows from, before any year not shown is left out
	// between, when year has no figure and lies between stored ones, is
	// the stored years around it: the path starts at its level
	// interpolated between them; nil otherwise.
	between *plancast.YearSpan
	// projected is whether year is after the latest figure and the path
	// starts at its projected level, so that it starts on the projection,
	// not at a figure.
	projected bool
	// chained, when year is after the latest figure and the assessment
	// takes its level from its months (its year to date's PriorNowcast),
	// says so for the source line; nil otherwise.
	chained *chainedBase
	// months is the target year's year to date whose own gap the path
	// takes for that year (monthsGap), as the assessment judges it; nil
	// when none.
	months *plancast.YearToDate
}

// chainedBase is a base year after the latest figure taken at its months
// in the proportion of the latest year's months to its whole figure, as
// the assessment takes it (plancast.YearToDate.PriorNowcast).
type chainedBase struct {
	period string // the months' period
	level  string // the level, written as the assessment's explanation writes it
	latest int    // the latest year with a yearly figure
}

// withStated is b with the gap measured by stated, the growths stated with
// its figures as the series read gives them (Spec.Stated: with those stated
// before a revision, as the assessment takes them); b itself when nil.
func (b growthBasis) withStated(stated []plancast.StatedGrowth) growthBasis {
	if stated != nil {
		b.gap = plancast.MeasureStatedGap(b.years, b.values, stated)
		b.stated = stated
	}
	return b
}

// path is the path the growth or average-growth target t implies on a
// chart of ind (impliedPath), as the chart shows it; its last point is the
// level t implies in its year, the level the assessment judges it against
// (forecast.Assess). It grows from t's base year (for a growth without
// one, the year before t.Year): from its figure; for a base year between
// stored figures with none of its own, from the level interpolated between
// them, as the assessment takes it (forecast.Interpolated), whether t.Year
// is still ahead or has a figure, and base.between is then the stored
// years around it, for the chart to say so; for a base year after the
// figures (not yet reached), from its projected level, as the assessment
// takes it (forecast.ProjectedBase: the projection's mean of that year),
// and base.projected is then true, for the chart to say so. A path from a
// year before the first year shown is drawn from that year (t.Year itself
// is shown: targetOnChart). ok is false when there is no path: a growth of
// a rate (a rate does not compound), a base year before the first figure
// (which the assessment does not judge: carrying the target's rate from
// the latest figure drew a ring at a level no judgement is made against,
// +50% on 2015 carried as +50% a year), no figure or projection to start
// from, a start value not positive or not before t.Year, or a fall of 100%
// or more.
func (b growthBasis) path(t plancast.Target, ind plancast.Indicator) (path []xy, base pathBase, ok bool) {
	if ind.Kind == plancast.KindRate {
		return nil, pathBase{}, false
	}
	base.year = t.Year - 1
	if t.Kind == plancast.TargetAvgGrowth {
		base.year = t.BaseYear
	} else if t.BaseYear != 0 {
		base.year = t.BaseYear
	}
	judged := b.judgedToDate(t, ind)
	v0, observed := b.observed[base.year]
	if n := len(b.years); !observed {
		if v, from, to, ok := forecast.Interpolated(t, b.years, b.values, base.year, forecast.LimitsOf(ind)); ok {
			v0, base.between = v, &plancast.YearSpan{From: from, To: to}
		} else if v, period, latest, ok := forecast.MonthsBase(ind, b.years, b.values, b.stated, b.toDateSeries, base.year, forecast.LimitsOf(ind)); ok {
			// A base after the latest figure with months of its own, at
			// their nowcast, as the assessment takes it whichever target
			// rests on it (the 15th Five-Year Plan's and the 2026 plan's
			// 2025 alike).
			v0, base.projected = v, true
			base.chained = &chainedBase{period: period, latest: latest,
				level: plancast.FormatNumber(v0, plancast.ValuePrec(b.values[n-1]))}
		} else if y := judged; y != nil && y.PriorNowcast != nil && base.year == y.Year-1 && base.year > b.years[n-1] {
			// The year before the target's, after the latest figure, at
			// its months' nowcast, as the assessment takes it.
			latest := b.years[n-1]
			v0, base.projected = *y.PriorNowcast, true
			base.chained = &chainedBase{period: y.Period, latest: latest,
				level: plancast.FormatNumber(v0, plancast.ValuePrec(b.values[n-1]))}
		} else if n > 0 && base.year > b.years[n-1] {
			if v0, ok = forecast.ProjectedBase(t, b.years, b.values, base.year, forecast.LimitsOf(ind)); !ok {
				return nil, pathBase{}, false
			}
			base.projected = true
		} else {
			return nil, pathBase{}, false
		}
	}
	if v0 <= 0 || base.year >= t.Year || t.Value <= -100 {
		return nil, pathBase{}, false
	}
	base.months = b.monthsOf(t, judged)
	path = impliedPath(t, base.year, v0, b.gap, base.months)
	return slices.DeleteFunc(path, func(p xy) bool { return p.x < float64(b.from) }), base, true
}

// impliedPathStyle is the line of a growth target's implied path, on the
// single chart and the comparison alike: dotted, for it is no figure.
func impliedPathStyle(col color.Color, width vg.Length) draw.LineStyle {
	return draw.LineStyle{Color: col, Width: width, Dashes: dashImplied}
}

// targetOnChart reports whether a chart of ind in region from year from
// draws t: a target of that region and indicator (an empty field matches),
// of a year shown, with a finite value.
func targetOnChart(t plancast.Target, region plancast.Region, ind plancast.Indicator, from int) bool {
	if (t.Region != "" && t.Region != region.Code) || (t.Indicator != "" && t.Indicator != ind.Code) {
		return false
	}
	return t.Year >= from && !math.IsNaN(t.Value) && !math.IsInf(t.Value, 0)
}

// targetLayers draws the targets of s: a level (or share) target as a
// diamond at its year with the path required from the latest value, a growth
// or average-growth target as the path it implies, a ceiling or floor as a
// line over the plan's years with the forbidden side shaded.
//
// The year to date's mark, dodged (nil for none), may have a marker drawn
// larger, round it (dodge.on), once dodged.others are the markers drawn.
func targetLayers(f *figure, s *Spec, latest *xy, dodged *dodge) targetDrawing {
	var d targetDrawing
	wd := dict[f.lang]
	unit := s.Indicator.Unit
	marker := draw.GlyphStyle{Color: colTarget, Radius: targetRadius, Shape: diamondGlyph{}}
	pathSty := draw.LineStyle{Color: colTarget, Width: vg.Points(1.3), Dashes: dashPath}
	impliedSty := impliedPathStyle(colImplied, vg.Points(1.6))
	// the comparison's ring: draw.RingGlyph's half-point stroke blends into
	// the fan and the projection's line under it
	ring := draw.GlyphStyle{Color: colImplied, Radius: targetRadius, Shape: ringGlyph{}}
	var haveMarker, havePath, haveImplied, haveCeiling, haveFloor bool
	growth := newGrowthBasis(s.History, s.From).withStated(s.Stated).withToDate(s.Projection, s.YearToDate)

	for _, t := range s.Targets {
		if !targetOnChart(t, s.Region, s.Indicator, s.From) {
			continue
		}
		plan := PlanLabel(t.Plan, f.lang)
		switch t.Kind {
		case plancast.TargetLevel, plancast.TargetShare:
			at := xy{float64(t.Year), t.Value}
			d.xs, d.ys = append(d.xs, at.x), append(d.ys, at.y)
			txt := fmt.Sprintf(wd.TargetFmt, plan, t.Year, targetValue(t.Value, latest, s.Indicator, f.lang))
			if from, to, ok := planSpan(t.Plan); ok && from == t.Year && to == t.Year {
				// the plan's name says the year: "2022 plan target: 1", not "2022 plan target 2022: 1"
				txt = fmt.Sprintf(wd.PlanYearTargetFmt, plan, targetValue(t.Value, latest, s.Indicator, f.lang))
			}
			// No path is required of a latest figure that already meets
			// the target, as the assessment requires none: a falling red
			// line labelled "needs -2.9% a year" read as a plan.
			ahead := latest != nil && int(latest.x) < t.Year && !forecast.Meets(latest.y, t, s.Indicator)
			if ahead && unit == plancast.UnitPercent {
				// A percentage is planned in points: a straight path, and
				// the points a year it needs (as the assessment says).
				c := (t.Value - latest.y) / float64(t.Year-int(latest.x))
				path := []xy{*latest, at}
				d.layers = append(d.layers, layer{z: zPath, p: lineOf(path, pathSty)})
				havePath = true
				txt += needsPointsText(c, historyPace(s, true), f.lang)
			} else if ahead {
				if g, ok := requiredGrowth(int(latest.x), latest.y, t.Year, t.Value); ok {
					path := geometricPath(int(latest.x), latest.y, t.Year, g)
					d.layers = append(d.layers, layer{z: zPath, p: lineOf(path, pathSty)})
					havePath = true
					txt += needsText(g, historyPace(s, false), f.lang)
				}
			}
			d.layers = append(d.layers, layer{z: zTarget, p: markerOf(at, marker, dodged, len(d.markers))})
			d.labels = append(d.labels, labelSpec{at, txt, sizeSmall, colTarget, sideAuto, 0, targetRank(t, false)})
			d.markers, d.rings = append(d.markers, at), append(d.rings, false)
			haveMarker = true

		case plancast.TargetGrowth, plancast.TargetAvgGrowth:
			path, base, ok := growth.path(t, s.Indicator)
			if !ok {
				continue
			}
			d.unobserved.add(base, plan)
			if growth.gap != nil {
				if d.stated == nil {
					d.stated = &statedUse{}
				}
				d.stated.add(growth.gap, base.year, t.Year, base.months)
			}
			end := path[len(path)-1]
			d.xs = append(d.xs, path[0].x, end.x)
			d.ys = append(d.ys, end.y)
			d.layers = append(d.layers,
				layer{z: zPath, p: lineOf(path, impliedSty)},
				layer{z: zTarget, p: markerOf(end, ring, dodged, len(d.markers))},
			)
			d.labels = append(d.labels, labelSpec{end, growthText(plan, t, f.lang), sizeSmall, colImplied, sideAuto, vg.Points(-9), targetRank(t, true)})
			d.markers, d.rings = append(d.markers, end), append(d.rings, true)
			haveImplied = true

		case plancast.TargetCeiling, plancast.TargetFloor:
			from, to, ok := planSpan(t.Plan)
			if !ok {
				from, to = t.Year, t.Year
			}
			above := t.Kind == plancast.TargetCeiling
			d.xs = append(d.xs, float64(t.Year))
			d.ys = append(d.ys, t.Value)
			name := wd.Ceiling
			if above {
				haveCeiling = true
			} else {
				name, haveFloor = wd.Floor, true
			}
			dy := vg.Points(7)
			if !above {
				dy = -dy
			}
			txt := fmt.Sprintf("%s %s: %s", plan, lowerFirst(name, f.lang), targetValue(t.Value, latest, s.Indicator, f.lang))
			if f.lang == LangZh {
				txt = fmt.Sprintf("%s%s：%s", plan, name, targetValue(t.Value, latest, s.Indicator, f.lang))
			}
			d.layers = append(d.layers, layer{z: zLimit, p: limitBand(from, to, t.Value, above)})
			d.labels = append(d.labels, labelSpec{xy{float64(min(to, t.Year)) + 0.5, t.Value}, txt, sizeSmall, colTarget, sideLeft, dy, targetRank(t, false)})
		}
	}
	if haveMarker {
		d.legend = append(d.legend, legendItem{wd.Target, swatchGlyph(marker)})
	}
	if havePath {
		d.legend = append(d.legend, legendItem{wd.Required, swatchLine(pathSty, nil)})
	}
	if haveImplied {
		// the ring is named as the comparison names it: a level the growth
		// target implies, not one the plan states
		d.legend = append(d.legend, legendItem{wd.Implied, swatchLine(impliedSty, nil)},
			legendItem{wd.ImpliedLevel, swatchGlyph(ring)})
	}
	if haveCeiling {
		d.legend = append(d.legend, legendItem{wd.Ceiling, swatchLimit(true)})
	}
	if haveFloor {
		d.legend = append(d.legend, legendItem{wd.Floor, swatchLimit(false)})
	}
	return d
}

// markerOf draws a target's marker at at in sty, the i-th of the markers
// the year to date's mark dodges (nil for none): larger where it is drawn
// round that mark (dodge.radius).
func markerOf(at xy, sty draw.GlyphStyle, dodged *dodge, i int) plot.Plotter {
	return plotFunc(func(c draw.Canvas, p *plot.Plot) {
		g := sty
		g.Radius = dodged.radius(&c, p, i, sty.Radius)
		pointsOf([]xy{at}, g).Plot(c, p)
	})
}

// annotValue writes a value of ind for a label: the unit is on the axis, so
// English labels carry only "%"; Chinese ones carry the unit (250亿元). A
// percentage of a whole is written apart from 0 and 100 (formatValue).
func annotValue(v float64, ind plancast.Indicator, lang string) string {
	whole := ind.PercentOfWhole()
	if lang == LangZh || ind.Unit == plancast.UnitPercent {
		return formatValue(v, ind.Unit, lang, whole)
	}
	return formatValue(v, "", lang, whole)
}

// needsText is the required growth appended to a level target's label,
// written apart from the history's growth hist (historyPace).
func needsText(g, hist float64, lang string) string {
	n := plancast.FormatNumber(100*g, plancast.PacePrec(100*g, 100*hist, 1))
	if lang == LangZh {
		return fmt.Sprintf("，需年均增长%s%%", n)
	}
	return fmt.Sprintf(", needs %s%% a year", n)
}

// needsPointsText is the change a year in percentage points appended to a
// share's or rate's level target label: ", needs +0.7 points a year",
// written apart from the history's change hist (historyPace).
func needsPointsText(c, hist float64, lang string) string {
	prec := plancast.PacePrec(c, hist, plancast.PointsPrec(c))
	if lang == LangZh {
		return "，需年均" + plancast.FormatPointsZhPrec(c, prec)
	}
	return fmt.Sprintf(", needs %s points a year", plancast.Signed(c, prec))
}

// growthText labels a growth target: "14th FYP: +6% a year", "2021 plan: +8.5%".
func growthText(plan string, t plancast.Target, lang string) string {
	if lang == LangZh {
		return plan + "：" + growthValueText(t, lang)
	}
	return plan + ": " + growthValueText(t, lang)
}

// growthValueText is the growth a growth target asks for: "+6% a year",
// "+8.5%"; "年均增长6%", "增长8.5%".
func growthValueText(t plancast.Target, lang string) string {
	g := formatValue(t.Value, plancast.UnitPercent, LangEn, false)
	if lang == LangZh {
		if t.Kind == plancast.TargetAvgGrowth {
			return "年均增长" + g
		}
		return "增长" + g
	}
	sign := ""
	if t.Value >= 0 {
		sign = "+"
	}
	if t.Kind == plancast.TargetAvgGrowth {
		return sign + g + " a year"
	}
	return sign + g
}

func lowerFirst(s, lang string) string {
	if lang == LangZh || s == "" {
		return s
	}
	return string(s[0]|0x20) + s[1:]
}
