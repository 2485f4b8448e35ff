package forecast

import (
	"math"
	"sort"
)

// A model maps a yearly series x_1..x_n (on the working scale: log when the
// series is positive) to point forecasts x̂_{n+1..n+h}. Every model here is
// deterministic and needs at least minObs points.
type model struct {
	name   string
	minObs int
	fit    func(x []float64, h int) []float64
	doc    string
	// linear marks a model fitted on the original scale even when the
	// series is positive (x is then exp of the working scale).
	linear bool
}

// Model names, as accepted by Options.Method.
const (
	MethodAuto         = "auto"
	MethodNaive        = "naive"
	MethodDrift        = "drift"
	MethodTrend        = "trend"
	MethodSES          = "ses"
	MethodHolt         = "holt"
	MethodDamped       = "damped"
	MethodTheta        = "theta"
	MethodThetaOptim   = "theta_opt"
	MethodDriftRobust  = "drift_robust"
	MethodDriftShrunk  = "drift_shrunk"
	MethodDriftLinear  = "drift_linear"
	MethodDampedLinear = "damped_linear"
)

var models = []model{
	{MethodNaive, 1, naiveFit, "x̂_{n+h} = x_n", false},
	{MethodDrift, 2, driftFit, "x̂_{n+h} = x_n + h (x_n − x_1)/(n − 1): random walk with drift", false},
	{MethodTrend, 3, trendFit, "x̂_{n+h} = a + b (n + h), (a, b) by least squares on t: a constant growth rate on the log scale", false},
	{MethodSES, 3, sesFit, "simple exponential smoothing ETS(A,N,N), α and ℓ_0 by least squares", false},
	{MethodHolt, 4, holtFit, "Holt's linear trend ETS(A,A,N), α, β, ℓ_0, b_0 by least squares", false},
	{MethodDamped, 5, dampedFit, "damped trend ETS(A,Ad,N), α, β, φ ∈ [0.8, 0.98], ℓ_0, b_0 by least squares", false},
	{MethodTheta, 3, thetaFit, "classic Theta (Assimakopoulos & Nikolopoulos 2000) as SES with drift b/2 (Hyndman & Billah 2003)", false},
	{MethodThetaOptim, 4, thetaOptFit, "optimised Theta (Fiorucci et al. 2016): θ ∈ [1, 5] and α by in-sample MSE", false},
	{MethodDriftRobust, 2, driftRobustFit, "x̂_{n+h} = x_n + (φ + … + φ^h) median(Δx), φ = 0.9: damped robust drift", false},
	{MethodDriftShrunk, 2, shrunkDrift(8), "x̂_{n+h} = x_n + h b t²/(t² + 8), b the mean drift, t its t-statistic", false},
	{MethodDriftLinear, 2, shrunkDrift(2), "drift_shrunk with k = 2 on the original scale (linear, not exponential, growth)", true},
	{MethodDampedLinear, 5, dampedFit, "damped on the original scale (a damped linear, not exponential, trend)", true},
}

func modelByName(name string) (model, bool) {
	for _, m := range models {
		if m.name == name {
			return m, true
		}
	}
	return model{}, false
}

// naiveFit: x̂_{n+h} = x_n.
func naiveFit(x []float64, h int) []float64 {
	out := make([]float64, h)
	for j := range out {
		out[j] = x[len(x)-1]
	}
	return out
}

// driftFit: x̂_{n+h} = x_n + h·b, b = (x_n − x_1)/(n − 1), the mean first difference.
func driftFit(x []float64, h int) []float64 {
	n := len(x)
	b := (x[n-1] - x[0]) / float64(n-1)
	out := make([]float64, h)
	for j := range out {
		out[j] = x[n-1] + float64(j+1)*b
	}
	return out
}

// linearFit returns the least-squares line x_t ≈ a + b·t over t = 1..n.
func linearFit(x []float64) (a, b float64) {
	n := float64(len(x))
	tbar := (n + 1) / 2
	xbar := mean(x)
	var sxy, sxx float64
	for i, v := range x {
		dt := float64(i+1) - tbar
		sxy += dt * (v - xbar)
		sxx += dt * dt
	}
	if sxx > 0 {
		b = sxy / sxx
	}
	return xbar - b*tbar, b
}

// trendFit: x̂_{n+h} = a + b (n + h), the least-squares line through t = 1..n.
func trendFit(x []float64, h int) []float64 {
	a, b := linearFit(x)
	out := make([]float64, h)
	for j := range out {
		out[j] = a + b*float64(len(x)+j+1)
	}
	return out
}

// sesFit: x̂_{n+h} = ℓ_n of ETS(A,N,N).
func sesFit(x []float64, h int) []float64 {
	p, f := fitSES(x)
	return etsPath(f, p, h)
}

// holtFit: x̂_{n+h} = ℓ_n + h b_n of ETS(A,A,N).
func holtFit(x []float64, h int) []float64 {
	p, f := fitTrend(x, false)
	return etsPath(f, p, h)
}

// dampedFit: x̂_{n+h} = ℓ_n + (φ + … + φ^h) b_n of ETS(A,Ad,N).
func dampedFit(x []float64, h int) []float64 {
	p, f := fitTrend(x, true)
	return etsPath(f, p, h)
}

// thetaFit is the classic Theta method in the form of R's forecast::thetaf:
//
//	x̂_{n+h} = ℓ_n + (b/2) (h − 1 + (1 − (1 − α)^n)/α)
//
// where ℓ_n and α come from SES on x and b is the least-squares slope of x on t.
func thetaFit(x []float64, h int) []float64 {
	p, f := fitSES(x)
	_, b := linearFit(x)
	a := math.Max(p.alpha, 1e-10)
	n := float64(len(x))
	adj := (1 - math.Pow(1-a, n)) / a
	out := make([]float64, h)
	for j := range out {
		out[j] = f.level + b/2*(float64(j)+adj)
	}
	return out
}

// thetaOptFit is the optimised Theta method (OTM, Fiorucci et al. 2016). With
// L_t = A + B t the least-squares line and the theta line
// Z_t = θ x_t + (1 − θ) L_t smoothed by SES (α, ℓ_0 fitted on Z):
//
//	x̂_{n+h} = (1 − 1/θ) L_{n+h} + (1/θ) ℓ_n^Z
//
// The in-sample one-step error of this forecast is (Z_t − ℓ^Z_{t−1})/θ, so θ
// minimises SSE_Z(θ)/θ² by golden section on [1, 5]. θ = 2 is classic Theta
// (with the SES run on the theta line rather than the data).
func thetaOptFit(x []float64, h int) []float64 {
	A, B := linearFit(x)
	z := make([]float64, len(x))
	build := func(theta float64) {
		for i, v := range x {
			z[i] = theta*v + (1-theta)*(A+B*float64(i+1))
		}
	}
	obj := func(theta float64) float64 {
		build(theta)
		_, f := fitSES(z)
		return f.sse / (theta * theta)
	}
	theta := goldenMin(obj, 1, 5, 1e-3)
	build(theta)
	_, f := fitSES(z)
	n := len(x)
	out := make([]float64, h)
	for j := range out {
		out[j] = (1-1/theta)*(A+B*float64(n+j+1)) + f.level/theta
	}
	return out
}

// driftRobustPhi damps driftRobustFit's trend; 0.9 halves it after 6.6 years.
const driftRobustPhi = 0.9

// driftRobustFit is a damped drift with a robust slope:
//
//	x̂_{n+h} = x_n + (φ + φ² + … + φ^h) · median(x_t − x_{t−1}),  φ = 0.9
//
// The median ignores one-off jumps (a recession year, a boundary change) that
// drag the mean drift, and the damping stops a fast early growth rate from
// compounding over the horizon.
func driftRobustFit(x []float64, h int) []float64 {
	n := len(x)
	b := median(differences(x))
	out := make([]float64, h)
	cum, pw := 0.0, 1.0
	for j := range out {
		pw *= driftRobustPhi
		cum += pw
		out[j] = x[n-1] + cum*b
	}
	return out
}

// shrunkDrift returns a random walk whose drift is shrunk toward zero by its
// signal-to-noise ratio:
//
//	x̂_{n+h} = x_n + h · b · t²/(t² + k),  b = (x_n − x_1)/(n − 1),  t² = b²/(s²/(n − 1))
//
// with s² the sample variance of the first differences. A steady trend
// (large t) is extrapolated almost in full; a drift that the noise could
// explain is mostly dropped, which is the empirical-Bayes answer for a
// zero-mean prior on the drift. With two points s² is unknown and the drift
// is halved (t² = k).
func shrunkDrift(k float64) func(x []float64, h int) []float64 {
	return func(x []float64, h int) []float64 {
		n := len(x)
		b := (x[n-1] - x[0]) / float64(n-1)
		w := 0.5
		if n > 2 {
			s2 := variance(differences(x)) / float64(n-1)
			switch {
			case b == 0:
				w = 0
			case s2 == 0:
				w = 1
			default:
				t2 := b * b / s2
				w = t2 / (t2 + k)
			}
		}
		out := make([]float64, h)
		for j := range out {
			out[j] = x[n-1] + float64(j+1)*b*w
		}
		return out
	}
}

// differences is x_t − x_{t−1} for t = 2 … n.
func differences(x []float64) []float64 {
	d := make([]float64, len(x)-1)
	for i := range d {
		d[i] = x[i+1] - x[i]
	}
	return d
}

func median(v []float64) float64 {
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	m := len(s)
	return (s[(m-1)/2] + s[m/2]) / 2
}
