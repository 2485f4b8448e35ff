package forecast

import (
	"github.com/plancast/plancast"
)

// A growth target is judged on the growth stated with its series' figures
// when they state one (Assess, with plancast.StatedGap). The gap's own
// year-to-year swing is not added to the spread: it is part of the levels'
// history the model's spread is learnt from already.

// statedBasis is the assessment's account of the gap g of a target over
// the years (base, year]: the years its gaps were measured on (see
// plancast.StatedGap for how), their mean, and those stated with an
// earlier vintage of their figure.
func statedBasis(g *plancast.StatedGap, base, year int) *plancast.StatedBasis {
	return g.Basis(base, year)
}

// statedOver is the growth stated with the figure of year over exactly the
// years (base, year], if there is one; earlier when it was stated with an
// earlier vintage of the figure, which has been revised since.
func statedOver(stated []plancast.StatedGrowth, base, year int) (percent float64, earlier, ok bool) {
	for i := len(stated) - 1; i >= 0; i-- {
		if s := stated[i]; s.Year == year && s.BaseYear == base {
			return s.Percent, s.Earlier, true
		}
	}
	return 0, false, false
}
