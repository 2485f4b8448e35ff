//go:build research

package forecast

import (
	"math"

	"gonum.org/v1/gonum/optimize"
)

// fitTrendNelderMead is the fit of 79bb252 and before: gonum's Nelder–Mead
// through optimize.Minimize from R's start, kept for comparison.
func fitTrendNelderMead(x []float64, damped bool) (etsParams, etsFit) {
	obj := trendObjective(x, damped)
	f := func(v []float64) float64 { return obj(v, nil) }
	start := []float64{0, -2.2}
	if damped {
		start = append(start, 1.4)
	}
	settings := &optimize.Settings{
		FuncEvaluations: 400,
		Converger:       &optimize.FunctionConverge{Absolute: 1e-10 * (1 + variance(x)), Iterations: 20},
	}
	best := start
	if res, err := optimize.Minimize(optimize.Problem{Func: f}, start, settings, &optimize.NelderMead{SimplexSize: 0.8}); res != nil && !(err != nil && len(res.X) == 0) && !math.IsNaN(res.F) {
		best = res.X
	}
	p := decodeTrend(best, damped)
	return p, smoothingSSE(x, p)
}
