package forecast

import (
	"maps"
	"math"
	"slices"

	"github.com/plancast/plancast"
)

// gapYears is how many of the latest years with a measured gap the gap of
// a year without one is averaged over: a Five-Year Plan's span, long enough
// to smooth one year's price swing, short enough to be the recent past.
const gapYears = 5

// statedGap is what the growths stated with a series' figures
// (plancast.Observation.Growth) say about its levels.
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
// growth over a plan's average), and a year no span covers takes the mean
// d̄ of the last gapYears years that have one: the recent price change,
// carried forward. Over a target's years (B, Y] the levels then have to
// grow by D = Σ d_t more than the stated growth:
//
//	stated growth over (B, Y] = (x_Y / x_B) · e^{−D}, compounded.
//
// The gap's own year-to-year swing is not added to the spread: it is part
// of the levels' history the model's spread is learnt from already.
type statedGap struct {
	perYear  map[int]float64
	mean     float64 // d̄
	from, to int     // d̄ is over the years (from, to]
}

// measureStatedGap is the gap of the series (years ascending) measured by
// the stated growths; nil when no stated growth has both of its levels
// observed.
func measureStatedGap(years []int, values []float64, stated []plancast.StatedGrowth) *statedGap {
	if len(stated) == 0 {
		return nil
	}
	level := make(map[int]float64, len(years))
	for i, y := range years {
		level[y] = values[i]
	}
	span := map[int]int{} // year → the length of the span that set perYear
	g := &statedGap{perYear: map[int]float64{}}
	for _, s := range stated {
		xb, okb := level[s.BaseYear]
		xy, oky := level[s.Year]
		n := s.Year - s.BaseYear
		if !okb || !oky || xb <= 0 || xy <= 0 || n <= 0 || s.Percent <= -100 {
			continue
		}
		d := math.Log(xy/xb)/float64(n) - math.Log1p(s.Percent/100)
		for t := s.BaseYear + 1; t <= s.Year; t++ {
			if cur, ok := span[t]; !ok || n <= cur {
				span[t], g.perYear[t] = n, d
			}
		}
	}
	if len(g.perYear) == 0 {
		return nil
	}
	covered := slices.Sorted(maps.Keys(g.perYear))
	last := covered[max(0, len(covered)-gapYears):]
	for _, t := range last {
		g.mean += g.perYear[t]
	}
	g.mean /= float64(len(last))
	g.from, g.to = last[0]-1, last[len(last)-1]
	return g
}

// over is D = Σ d_t over the years (b, y]: how much more (log scale) the
// levels must grow than the stated growth. Zero for a nil gap.
func (g *statedGap) over(b, y int) float64 {
	if g == nil {
		return 0
	}
	var sum float64
	for t := b + 1; t <= y; t++ {
		if d, ok := g.perYear[t]; ok {
			sum += d
		} else {
			sum += g.mean
		}
	}
	return sum
}

// basis is the assessment's account of the gap.
func (g *statedGap) basis() *plancast.StatedBasis {
	if g == nil {
		return nil
	}
	return &plancast.StatedBasis{Gap: math.Expm1(g.mean), From: g.from, To: g.to}
}

// statedOver is the growth stated with the figure of year over exactly the
// years (base, year], if there is one.
func statedOver(stated []plancast.StatedGrowth, base, year int) (float64, bool) {
	for i := len(stated) - 1; i >= 0; i-- {
		if s := stated[i]; s.Year == year && s.BaseYear == base {
			return s.Percent, true
		}
	}
	return 0, false
}
