package forecast

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/optimize"
)

// nelderMeadMinimize is the reference: gonum's optimize.Minimize with the
// settings nelderMead reproduces.
func nelderMeadMinimize(f func([]float64) float64, start []float64, step, ftol float64, maxEval int) []float64 {
	settings := &optimize.Settings{
		FuncEvaluations: maxEval,
		Converger:       &optimize.FunctionConverge{Absolute: ftol, Iterations: 20},
	}
	res, err := optimize.Minimize(optimize.Problem{Func: f}, start, settings, &optimize.NelderMead{SimplexSize: step})
	if res == nil || (err != nil && len(res.X) == 0) || math.IsNaN(res.F) {
		return start
	}
	return res.X
}

// nelderMead must give exactly what optimize.Minimize gives: on the damped
// and Holt objectives of M3 series on both scales, on test functions with a
// tight and a loose evaluation limit, and from a start where f is NaN.
func TestNelderMeadMatchesGonumMinimize(t *testing.T) {
	type problem struct {
		name    string
		f       func([]float64) float64
		start   []float64
		step    float64
		ftol    float64
		maxEval int
	}
	var problems []problem
	series := map[string][]float64{}
	for _, r := range readCSV(t, "testdata/ref_series.csv") {
		series[r[0]] = append(series[r[0]], atof(t, r[2]))
	}
	for id, v := range series {
		for _, linear := range []bool{false, true} {
			x := make([]float64, len(v))
			for i := range v {
				x[i] = v[i]
				if !linear {
					x[i] = math.Log(v[i])
				}
			}
			for _, damped := range []bool{false, true} {
				obj, start := trendObjective(x, damped)
				problems = append(problems, problem{id, obj, start, 0.8, 1e-10 * (1 + variance(x)), 400})
			}
		}
	}
	rosen := func(v []float64) float64 {
		s := 0.0
		for i := 0; i+1 < len(v); i++ {
			s += 100*math.Pow(v[i+1]-v[i]*v[i], 2) + math.Pow(1-v[i], 2)
		}
		return s
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for k := range 20 {
		start := []float64{rng.NormFloat64() * 2, rng.NormFloat64() * 2, rng.NormFloat64() * 2}
		problems = append(problems, problem{"rosenbrock", rosen, start, 0.1 + rng.Float64(), 1e-12, []int{15, 60, 400, 2000}[k%4]})
	}
	problems = append(problems, problem{"NaN at the start", func([]float64) float64 { return math.NaN() }, []float64{1, 2}, 0.5, 1e-8, 100})
	problems = append(problems, problem{"+Inf at the start", func(v []float64) float64 {
		if v[0] == 1 {
			return math.Inf(1)
		}
		return v[0] * v[0]
	}, []float64{1, 2}, 0.5, 1e-8, 100})
	for _, p := range problems {
		want := nelderMeadMinimize(p.f, p.start, p.step, p.ftol, p.maxEval)
		got := nelderMead(p.f, p.start, p.step, p.ftol, p.maxEval)
		if len(got) != len(want) {
			t.Fatalf("%s: %v, Minimize %v", p.name, got, want)
		}
		for i := range got {
			if got[i] != want[i] && !(math.IsNaN(got[i]) && math.IsNaN(want[i])) {
				t.Fatalf("%s (step %g, %d evaluations): %v, Minimize %v", p.name, p.step, p.maxEval, got, want)
			}
		}
	}
}
