package forecast

import (
	"math"

	"github.com/plancast/plancast"
)

// A growth target is judged on the growth stated with its series' figures
// when they state one (Assess, with plancast.StatedGap). The gap's own
// year-to-year swing is not added to the spread: it is part of the levels'
// history the model's spread is learnt from already.

// statedBasis is the assessment's account of the gap g (see
// plancast.StatedGap for how it is measured).
func statedBasis(g *plancast.StatedGap) *plancast.StatedBasis {
	if g == nil {
		return nil
	}
	return &plancast.StatedBasis{Gap: math.Expm1(g.Mean), From: g.From, To: g.To}
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
