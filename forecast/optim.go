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
// (initial simplex size step), stopping when the best value has not improved
// by more than ftol in 20 iterations or after maxEval evaluations. Parameters
// are unbounded: callers map them into their bounds (fitTrend uses logistic
// maps).
//
// It drives gonum's NelderMead (its Run method) with the stopping rules of
// optimize.Minimize — a FunctionConverge and an evaluation limit — and gives
// the same answer to the bit (TestNelderMeadMatchesGonumMinimize). It does
// not call Minimize because Minimize passes every evaluation through three
// goroutines and a statistics loop: about 1.5 µs each against 0.1 µs for a
// smoothing SSE, so a damped-trend fit took 0.65 ms, nine tenths of it in
// hand-offs.
func nelderMead(f func([]float64) float64, start []float64, step, ftol float64, maxEval int) []float64 {
	dim := len(start)
	method := &optimize.NelderMead{SimplexSize: step}
	method.Init(dim, 1)
	operations := make(chan optimize.Task, 1)
	results := make(chan optimize.Task, 1)
	initial := optimize.Task{Op: optimize.NoOperation, Location: &optimize.Location{X: append([]float64(nil), start...)}}
	go method.Run(operations, results, []optimize.Task{initial})

	converger := &optimize.FunctionConverge{Absolute: ftol, Iterations: 20}
	converger.Init(dim)
	// As Minimize: the optimum is the last major iteration's location, zeros
	// with +Inf until there is one.
	best, bestF := make([]float64, dim), math.Inf(1)
	evals, stopped := 0, false
	stop := func() {
		results <- optimize.Task{Op: optimize.PostIteration}
		close(results)
		stopped = true
	}
	for task := range operations { // the method closes operations when done
		if stopped {
			continue
		}
		switch {
		case task.Op == optimize.MajorIteration:
			copy(best, task.X)
			bestF = task.F
			if converger.Converged(task.Location) != optimize.NotTerminated {
				stop()
				continue
			}
		case task.Op == optimize.MethodDone:
			stop()
			continue
		case task.Op&optimize.FuncEvaluation != 0:
			task.F = f(task.X)
			if evals++; evals >= maxEval {
				stop()
				continue
			}
		}
		results <- task
	}
	if math.IsNaN(bestF) {
		return start
	}
	return best
}
