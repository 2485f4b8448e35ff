package forecast

import (
	"math"

	"gonum.org/v1/gonum/optimize"
)

// goldenMin returns the minimiser of f on [lo, hi] by golden-section search,
// to an interval width of tol. f is assumed unimodal there; when it is not the
// result is a local minimum, and the end points are checked too because
// smoothing SSE curves often have their minimum at a bound.
func goldenMin(f func(float64) float64, lo, hi, tol float64) float64 {
	const invPhi = 0.6180339887498949
	a, b := lo, hi
	c := b - invPhi*(b-a)
	d := a + invPhi*(b-a)
	fc, fd := f(c), f(d)
	for b-a > tol {
		if fc <= fd {
			b, d, fd = d, c, fc
			c = b - invPhi*(b-a)
			fc = f(c)
		} else {
			a, c, fc = c, d, fd
			d = a + invPhi*(b-a)
			fd = f(d)
		}
	}
	best, fb := c, fc
	if fd < fb {
		best, fb = d, fd
	}
	if v := f(lo); v < fb {
		best, fb = lo, v
	}
	if v := f(hi); v < fb {
		best = hi
	}
	return best
}

// nelderMead minimises f from start with gonum's Nelder–Mead simplex
// (initial simplex size step), stopping when the simplex's function values
// agree to ftol or after maxEval evaluations. Parameters are unbounded: callers
// map them into their bounds (fitTrend uses logistic maps).
func nelderMead(f func([]float64) float64, start []float64, step, ftol float64, maxEval int) []float64 {
	p := optimize.Problem{Func: f}
	settings := &optimize.Settings{
		FuncEvaluations: maxEval,
		Converger:       &optimize.FunctionConverge{Absolute: ftol, Iterations: 20},
	}
	res, err := optimize.Minimize(p, start, settings, &optimize.NelderMead{SimplexSize: step})
	if res == nil || (err != nil && len(res.X) == 0) {
		return start
	}
	if math.IsNaN(res.F) {
		return start
	}
	return res.X
}
