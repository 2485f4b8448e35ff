package plancast

import (
	"maps"
	"math"
	"slices"
	"sort"
)

// gapYears is how many covered years the gap of a year without one is
// averaged over: a Five-Year Plan's span, long enough to smooth one year's
// price swing, short enough to be the recent past.
const gapYears = 5

// StatedGap is what the growths stated with a series' figures
// (Observation.Growth) say about its levels.
//
// Chinese statistics state GDP and value added with their growth at
// comparable prices, the levels at current prices; plans set growth targets
// on the stated growth. For a stated growth g (percent a year) over the
// years (b, y] whose levels x_b and x_y are both observed and positive, the
// levels grew faster than stated by
//
//	d = log(x_y / x_b) / (y − b) − log(1 + g/100)   a year,
//
// the implicit price change when g is at comparable prices (and zero, up to
// the rounding of the figures, when g is at current prices too). Each year
// t in (b, y] takes the d of the shortest span covering it (a year-on-year
// growth over a plan's average). Over a target's years (B, Y] the levels
// then have to grow by D = Σ d_t more than the stated growth (Over):
//
//	stated growth over (B, Y] = (x_Y / x_B) · e^{−D}, compounded.
//
// A year no span covers takes the mean of the last gapYears covered years
// before it: the recent price change, carried forward. Only a year before
// the first covered one takes the mean of the first gapYears covered years
// after it, there being none before. So a year's gap rests on later years'
// statements only when no earlier year has one: an observed 2021 judged on
// the gaps of 2016–2020 does not move when 2024's statement arrives, and
// its judgement cites 2016–2020, not years after it.
//
// A statement is measured on the levels it was published with
// (StatedGrowth.Level and BaseLevel, read from the figures' vintages by
// StatedGrowthsOf), not on levels revised since, and a revision that states
// no growth leaves it standing. A census that raises the levels of 2022–2024
// by 3% revises the levels, not the real growth the bureau stated for
// those years: that stays its statement of 2022's growth until it states
// another, and the price change it implies is measured within the one
// vintage it was stated with. Measured on the revised 2022 over the
// unrevised 2021, the gap would take the revision's level step for a price
// change; dropped, it would leave one year's gap to stand for every other.
// So the revision moves a target's judged growth by its own effect on the
// levels alone.
//
// The forecast package judges growth targets on it; the charts draw a
// growth target's path with it, so that the path ends at the level the
// judgement compares with.
type StatedGap struct {
	perYear map[int]float64
	covered []int        // the years of perYear, ascending
	earlier map[int]bool // covered years whose d is of a statement of an earlier vintage
	// Mean is d̄, the mean of the last gapYears covered years, over the
	// years (From, To]: the gap of every year after the last covered one.
	Mean     float64
	From, To int
}

// MeasureStatedGap is the gap of a series (years and values in any order,
// one value a year) measured by its stated growths; nil when no stated
// growth has both of its years observed with positive levels. A statement
// with its own levels (Level, BaseLevel) is measured on them, else on the
// series'.
func MeasureStatedGap(years []int, values []float64, stated []StatedGrowth) *StatedGap {
	if len(stated) == 0 {
		return nil
	}
	level := make(map[int]float64, len(years))
	for i, y := range years {
		level[y] = values[i]
	}
	span := map[int]int{} // year → the length of the span that set perYear
	g := &StatedGap{perYear: map[int]float64{}, earlier: map[int]bool{}}
	for _, s := range stated {
		xb, okb := level[s.BaseYear]
		xy, oky := level[s.Year]
		if s.BaseLevel > 0 {
			xb = s.BaseLevel
		}
		if s.Level > 0 {
			xy = s.Level
		}
		n := s.Year - s.BaseYear
		if !okb || !oky || xb <= 0 || xy <= 0 || n <= 0 || s.Percent <= -100 {
			continue
		}
		d := math.Log(xy/xb)/float64(n) - math.Log1p(s.Percent/100)
		for t := s.BaseYear + 1; t <= s.Year; t++ {
			if cur, ok := span[t]; !ok || n <= cur {
				span[t], g.perYear[t], g.earlier[t] = n, d, s.Earlier
			}
		}
	}
	if len(g.perYear) == 0 {
		return nil
	}
	g.covered = slices.Sorted(maps.Keys(g.perYear))
	last := g.covered[max(0, len(g.covered)-gapYears):]
	g.Mean = g.meanOf(last)
	g.From, g.To = last[0]-1, last[len(last)-1]
	return g
}

// meanOf is the mean gap of covered years.
func (g *StatedGap) meanOf(years []int) float64 {
	var sum float64
	for _, t := range years {
		sum += g.perYear[t]
	}
	return sum / float64(len(years))
}

// carried are the covered years whose mean is the gap of year t, which no
// statement covers: the last gapYears before it, or, when none is, the
// first gapYears after it.
func (g *StatedGap) carried(t int) []int {
	if i := sort.SearchInts(g.covered, t); i > 0 {
		return g.covered[max(0, i-gapYears):i]
	}
	return g.covered[:min(gapYears, len(g.covered))]
}

// StatedGapOf is MeasureStatedGap of observations of one series (one per
// year, in any order).
func StatedGapOf(obs []Observation) *StatedGap {
	s := Series{Observations: obs}
	years := make([]int, len(obs))
	values := make([]float64, len(obs))
	for i, o := range obs {
		years[i], values[i] = o.Year, o.Value
	}
	return MeasureStatedGap(years, values, s.StatedGrowths())
}

// Year is d_t, the gap of year t (log scale, a year): measured when a
// stated growth covers t, else the mean of the covered years carried to it
// (see StatedGap). Zero for a nil gap.
func (g *StatedGap) Year(t int) float64 {
	if g == nil {
		return 0
	}
	if d, ok := g.perYear[t]; ok {
		return d
	}
	return g.meanOf(g.carried(t))
}

// CarriedTo is, for a year t that no statement covers, the covered years
// whose mean gap t takes (ascending; see carried) and that mean (log scale,
// a year); ok is false when t has a gap of its own, or g is nil.
func (g *StatedGap) CarriedTo(t int) (years []int, mean float64, ok bool) {
	if g == nil || g.Measured(t) {
		return nil, 0, false
	}
	years = g.carried(t)
	return years, g.meanOf(years), true
}

// Measured reports whether year t has a gap of its own, measured by a
// stated growth that covers it, rather than a mean carried to it.
func (g *StatedGap) Measured(t int) bool {
	if g == nil {
		return false
	}
	_, ok := g.perYear[t]
	return ok
}

// Over is D = Σ d_t over the years (b, y]: how much more (log scale) the
// levels must grow than the stated growth. Zero for a nil gap.
func (g *StatedGap) Over(b, y int) float64 {
	var sum float64
	for t := b + 1; t <= y; t++ {
		sum += g.Year(t)
	}
	return sum
}

// Basis is the account of the gap a target over the years (b, y] is
// judged with: the covered years its years took their gaps from (their
// own, or those whose mean was carried to them), their mean gap (as a
// growth, a year) and span, and those of them whose statement is of an
// earlier vintage of their figure. Over no years, d̄'s. Nil for a nil gap.
func (g *StatedGap) Basis(b, y int) *StatedBasis {
	if g == nil {
		return nil
	}
	used := map[int]bool{}
	for t := b + 1; t <= y; t++ {
		if g.Measured(t) {
			used[t] = true
			continue
		}
		for _, c := range g.carried(t) {
			used[c] = true
		}
	}
	if len(used) == 0 {
		for _, c := range g.covered[max(0, len(g.covered)-gapYears):] {
			used[c] = true
		}
	}
	years := slices.Sorted(maps.Keys(used))
	sb := &StatedBasis{Gap: math.Expm1(g.meanOf(years)), From: years[0] - 1, To: years[len(years)-1]}
	for _, t := range years {
		if g.earlier[t] {
			sb.Earlier = append(sb.Earlier, t)
		}
	}
	return sb
}

// StatedGrowthsOf are the growths stated with the figures of one series,
// read from its vintages (in any order) as they stood on asOf (all when
// zero), each with the levels it was stated with:
//
//   - a year's statement is the growth stated with the newest of its
//     vintages that states one since its latest withdrawal: a revision of
//     the value stating none (a census pushed from a table without a
//     growth column) leaves it standing, Earlier, as the bureau's
//     statement of that year's growth until it states another; the same
//     value pushed again saying none (an empty growth cell, "growth":
//     null) takes it back, as does a withdrawal;
//   - Level is that vintage's value; BaseLevel the base year's as
//     published by the same date (its newest vintage published on or
//     before it; its first, when the base year was stored only later; zero
//     when that is a withdrawal: the series' own is taken).
//
// Nil when that says nothing the latest figures do not (no statement of an
// earlier vintage, none whose base has been revised since it was stated):
// Series.StatedGrowths then reads them off the figures, on the same levels.
func StatedGrowthsOf(vintages []Observation, asOf Date) []StatedGrowth {
	byYear := map[int][]Observation{}
	multi := false
	for _, o := range vintages {
		if asOf.IsZero() || !o.Published.After(asOf) {
			byYear[o.Year] = append(byYear[o.Year], o)
			multi = multi || len(byYear[o.Year]) > 1
		}
	}
	if !multi {
		return nil
	}
	for _, vs := range byYear {
		slices.SortStableFunc(vs, func(a, b Observation) int { // oldest first
			switch {
			case NewerVintage(&b, &a):
				return -1
			case NewerVintage(&a, &b):
				return 1
			}
			return 0
		})
	}
	// latest is a year's value served now; false when it has none.
	latest := func(y int) (float64, bool) {
		vs := byYear[y]
		if len(vs) == 0 || vs[len(vs)-1].Withdrawn() {
			return 0, false
		}
		return vs[len(vs)-1].Value, true
	}
	var out []StatedGrowth
	differs := false
	for _, y := range slices.Sorted(maps.Keys(byYear)) {
		vs := byYear[y]
		if vs[len(vs)-1].Withdrawn() {
			continue
		}
		i := len(vs) - 1
		for i >= 0 && !vs[i].Withdrawn() && vs[i].Growth == nil {
			i--
		}
		if i < 0 || vs[i].Withdrawn() || slices.ContainsFunc(vs[i+1:], func(o Observation) bool { return o.Value == vs[i].Value }) {
			continue // none stated, withdrawn, or the same figure pushed again saying none
		}
		v := vs[i]
		s := StatedGrowth{BaseYear: v.GrowthBase(), Year: y, Percent: *v.Growth, Level: v.Value, Published: v.Published, Earlier: i < len(vs)-1}
		if bs := byYear[s.BaseYear]; len(bs) > 0 {
			b := bs[0]
			for _, o := range bs[1:] {
				if !o.Published.After(v.Published) {
					b = o
				}
			}
			if !b.Withdrawn() {
				s.BaseLevel = b.Value
			}
		}
		if cur, ok := latest(s.BaseYear); s.Earlier || s.BaseLevel > 0 && (!ok || cur != s.BaseLevel) {
			differs = true
		}
		out = append(out, s)
	}
	if !differs {
		return nil
	}
	return out
}

// statedOfVintages sets the Stated of each series of out (LatestVintages'
// answer from vintages as of asOf, figures of them) that StatedGrowthsOf
// finds something to say of: only series with a figure of several vintages
// can have it.
func statedOfVintages(out []Series, vintages []Observation, asOf Date, figures int) {
	n := 0
	for i := range vintages {
		if asOf.IsZero() || !vintages[i].Published.After(asOf) {
			n++
		}
	}
	if n == figures {
		return // one vintage a figure
	}
	count := make(map[FigureKey]int, figures)
	multi := map[SeriesKey]bool{}
	for i := range vintages {
		if o := &vintages[i]; asOf.IsZero() || !o.Published.After(asOf) {
			k := o.Key()
			if count[k]++; count[k] > 1 {
				multi[k.SeriesKey] = true
			}
		}
	}
	bySeries := map[SeriesKey][]Observation{}
	for _, o := range vintages {
		if k := o.Key().SeriesKey; multi[k] {
			bySeries[k] = append(bySeries[k], o)
		}
	}
	for i := range out {
		if vs, ok := bySeries[out[i].Key()]; ok {
			out[i].Stated = StatedGrowthsOf(vs, asOf)
		}
	}
}
