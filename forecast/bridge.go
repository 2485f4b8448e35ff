package forecast

import (
	"math"
	"slices"
)

// A year inside the history with no figure of its own (2021 when 2020 and
// 2023 are stored) is not observed: prepare fills it by interpolation, and a
// target of that year judged on the filled value would read as certain, met
// or missed, on a number nobody published. It is judged on its distribution
// instead. Tied to the stored figures on either side, a < y < b, a random
// walk's value at y has, on the working scale,
//
//	mean  x_a + (x_b − x_a)(y − a)/(b − a)     (prepare's interpolation)
//	var   σ² (y − a)(b − y)/(b − a)              (a Brownian bridge)
//
// and two such years s < t between the same figures covary by
// σ² (s − a)(b − t)/(b − a); years between different pairs of figures are
// independent. So a growth x_Y − x_B whose base or year (or both) is
// unobserved has variance σ² (f_Y + f_B − 2 c), f and c the fractions
// above (0 for an observed year). σ is one year's error of the series' own
// forecast, Result.Scale times the spread of the table's one-year quantiles
// about their median: wider than a bridge's own shocks, since it holds the
// error in the level and drift that the two figures pin down, so the
// probabilities err toward doubt.

// bridgeSpan is the stored years around unobserved year y: a < y < b with
// nothing stored between; ok is false when y is stored or outside the
// history.
func bridgeSpan(years []int, y int) (a, b int, ok bool) {
	i, found := slices.BinarySearch(years, y)
	if found || i == 0 || i == len(years) {
		return 0, 0, false
	}
	return years[i-1], years[i], true
}

// bridgeFraction is f_Y + f_B − 2 c for the change from base to year (base 0
// for the level at year alone; base < year): the variance of x_year − x_base
// in units of σ², the stored years around the unobserved ones, and those
// unobserved years, ascending (none when both are stored).
func bridgeFraction(years []int, base, year int) (frac float64, from, to int, missing []int) {
	type side struct{ y, a, b int } // an unobserved year between a and b
	var sides []side
	for _, y := range []int{base, year} {
		if a, b, ok := bridgeSpan(years, y); ok {
			sides = append(sides, side{y, a, b})
		}
	}
	if len(sides) == 0 {
		return 0, 0, 0, nil
	}
	from, to = sides[0].a, sides[len(sides)-1].b
	for _, s := range sides {
		frac += float64(s.y-s.a) * float64(s.b-s.y) / float64(s.b-s.a)
		missing = append(missing, s.y)
	}
	if s, t := sides[0], sides[len(sides)-1]; len(sides) == 2 && s.a == t.a {
		frac -= 2 * float64(s.y-s.a) * float64(t.b-t.y) / float64(t.b-t.a) // one bridge: they covary
	}
	return frac, from, to, missing
}

// oneYearSpread is one year's forecast error, about its median, scaled by
// sd, on the working scale: its quantiles and its CDF.
type oneYearSpread struct {
	probs, zq []float64
	median    float64
	sd        float64 // √frac · Result.Scale
}

func newOneYearSpread(r *Result, frac float64) oneYearSpread {
	zq := r.zq[0]
	return oneYearSpread{probs: r.probs, zq: zq, median: quantileAt(r.probs, zq, 0.5), sd: math.Sqrt(frac) * r.Scale}
}

// quantile is the error at probability q.
func (s oneYearSpread) quantile(q float64) float64 {
	return s.sd * (quantileAt(s.probs, s.zq, q) - s.median)
}

// below is P(error ≤ e); with no spread (a constant series), 0 or 1.
func (s oneYearSpread) below(e float64) float64 {
	if !(s.sd > 0) {
		if e >= 0 {
			return 1
		}
		return 0
	}
	return cdfAt(s.probs, s.zq, e/s.sd+s.median)
}
