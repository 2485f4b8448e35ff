package forecast

import (
	"math"
	"math/rand/v2"
	"testing"
)

// refTrendProblems are the Holt and damped objectives of the reference
// series (testdata/ref_series.csv) on the log and the original scale.
func refTrendProblems(t *testing.T) (xs [][]float64, names []string) {
	order, series := refSeries(t)
	for _, id := range order {
		for _, logScale := range []bool{true, false} {
			x := append([]float64(nil), series[id]...)
			name := id + " original"
			if logScale {
				name = id + " log"
				for i := range x {
					x[i] = math.Log(x[i])
				}
			}
			xs, names = append(xs, x), append(names, name)
		}
	}
	return xs, names
}

// The analytic gradient of the profiled SSE (envelope theorem plus tangent
// recursion) must agree with central differences of the SSE itself, which
// re-profiles the initial states at every point.
func TestTrendGradientMatchesFiniteDifferences(t *testing.T) {
	xs, names := refTrendProblems(t)
	rng := rand.New(rand.NewPCG(1, 2))
	for i, x := range xs {
		for _, damped := range []bool{false, true} {
			obj := trendObjective(x, damped)
			sumSq := 0.0
			for _, v := range x {
				sumSq += v * v
			}
			dim := 2
			if damped {
				dim = 3
			}
			for range 20 {
				v := make([]float64, dim)
				for k := range v {
					v[k] = rng.NormFloat64() * 1.5
				}
				grad := make([]float64, dim)
				f := obj(v, grad)
				if f != obj(v, nil) {
					t.Fatalf("%s: the value with the gradient %g differs from the value alone %g", names[i], f, obj(v, nil))
				}
				for k := range v {
					// The profiled SSE cancels sums of the size of Σx²,
					// so a difference quotient carries a rounding error of
					// about ε Σx²/h besides its O(h²).
					const h = 3e-4
					up := append([]float64(nil), v...)
					down := append([]float64(nil), v...)
					up[k] += h
					down[k] -= h
					numeric := (obj(up, nil) - obj(down, nil)) / (2 * h)
					if math.Abs(grad[k]-numeric) > 1e-5*math.Abs(numeric)+1e-11*sumSq {
						t.Errorf("%s damped=%v at %v: ∂SSE/∂v%d = %g, central difference %g", names[i], damped, v, k, grad[k], numeric)
					}
				}
			}
		}
	}
}

// fitTrend must end at a local minimum of the SSE (the one nearest R's
// start, by design): no point around it inside the bounds, 0.1% or 1% of
// each parameter's range away along any combination of the axes, has a lower
// SSE by more than 0.01%. (The logistic maps flatten toward the bounds, so a
// fit that ends at a bound stops a little short of it: 2e-5 of the SSE on
// Y250.) This checks the optimiser without its gradient.
func TestFitTrendEndsAtALocalMinimum(t *testing.T) {
	xs, names := refTrendProblems(t)
	clip := func(v, lo, hi float64) float64 { return math.Min(math.Max(v, lo), hi) }
	for i, x := range xs {
		for _, damped := range []bool{false, true} {
			p, fit := fitTrend(x, damped)
			phiSteps := []float64{0}
			if damped {
				phiSteps = []float64{-1, 0, 1}
			}
			for _, d := range []float64{1e-3, 1e-2} {
				for _, da := range []float64{-1, 0, 1} {
					for _, db := range []float64{-1, 0, 1} {
						for _, dp := range phiSteps {
							q := p
							q.alpha = clip(p.alpha+da*d*(alphaMax-alphaMin), alphaMin, alphaMax)
							q.beta = clip(p.beta+db*d*(alphaMax-betaMin), betaMin, q.alpha)
							if damped {
								q.phi = clip(p.phi+dp*d*(phiMax-phiMin), phiMin, phiMax)
							}
							if sse := smoothingSSE(x, q).sse; sse < fit.sse*(1-1e-4) {
								t.Errorf("%s damped=%v: SSE %.8g at %+v, lower %.8g at %+v", names[i], damped, fit.sse, p, sse, q)
							}
						}
					}
				}
			}
		}
	}
}

func TestQuasiNewton(t *testing.T) {
	rosen := func(v, grad []float64) float64 {
		a, b := 1-v[0], v[1]-v[0]*v[0]
		if grad != nil {
			grad[0] = -2*a - 400*v[0]*b
			grad[1] = 200 * b
		}
		return a*a + 100*b*b
	}
	t.Run("Rosenbrock's valley is followed to its minimum", func(t *testing.T) {
		rng := rand.New(rand.NewPCG(3, 4))
		for range 20 {
			start := []float64{rng.NormFloat64() * 2, rng.NormFloat64() * 2}
			x, f := quasiNewton(rosen, start, 1e-10, 1e-16, 2000)
			if math.Abs(x[0]-1) > 1e-4 || math.Abs(x[1]-1) > 1e-4 || f > 1e-8 || f != rosen(x, nil) {
				t.Errorf("from %v: %v with f = %g, want (1, 1)", start, x, f)
			}
		}
	})
	t.Run("the evaluation limit holds", func(t *testing.T) {
		evals := 0
		counted := func(v, g []float64) float64 { evals++; return rosen(v, g) }
		x, f := quasiNewton(counted, []float64{-1.2, 1}, 0, 0, 15)
		if evals > 15 {
			t.Errorf("%d evaluations, limit 15", evals)
		}
		if start := rosen([]float64{-1.2, 1}, nil); f > start || f != rosen(x, nil) {
			t.Errorf("f = %g at %v: not the value there, or worse than the start's %g", f, x, start)
		}
	})
	t.Run("a start where f is not finite is returned as it is", func(t *testing.T) {
		for _, bad := range []float64{math.NaN(), math.Inf(1)} {
			x, f := quasiNewton(func(v, g []float64) float64 { return bad }, []float64{1, 2}, 0, 1e-8, 100)
			if x[0] != 1 || x[1] != 2 || !(math.IsNaN(f) || math.IsInf(f, 1)) {
				t.Errorf("f ≡ %g: got %v, %g; want the start", bad, x, f)
			}
		}
	})
}
