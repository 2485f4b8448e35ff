package forecast

import "math"

// A growth target whose base year B has no figure of its own (2020, with
// 2018 and 2021 stored) and whose target year Y is still projected compares
// two uncertain levels: the projection of Y, and the level of B, known only
// as the interpolation between the stored figures a < B < b around it. On
// the working scale, given the stored figures,
//
//	x_Y = x̂_Y + s z_h          (Forecast's distribution h = Y − n years ahead)
//	x_B = x̃_B + s √f_B z′₁     (bridge.go: its mean, f_B = (B − a)(b − B)/(b − a))
//
// s = Result.Scale, z_h the table's centred error h years ahead and z′₁ a
// draw of its one-year error; on the log scale the growth's log is
//
//	x_Y − x_B = (x̂_Y − x̃_B) + s (z_h − √f_B z′₁),   var = s² (var z_h + f_B var z₁)
//
// with no covariance: z′₁ is independent of z_h given the stored figures.
// The bridge is a random walk with drift μ tied to x_a and x_b. Given μ and
// the stored figures, the walk inside (a, b) is independent of the shocks
// after the latest figure (the Markov property: the future depends on the
// past through the latest level alone, and that is stored), and a walk tied
// at both ends has the same distribution whatever its drift (all the
// drift does over (a, b) is pinned by x_b − x_a). So the base's deviation
// from the interpolation is independent of μ and of the later shocks given
// the stored figures, and the projection's error, x_Y − x̂_Y, is a function
// of those and of the stored figures alone (x̂_Y and the drift it estimates
// are computed from them; a year to date, from the year's own shocks). A
// model whose shocks fade (a trend with stationary noise about it) would
// make a base above its interpolation foretell a target year above its
// projection; the random walk is what the bridge assumes.
//
// On any scale (the logit one too, where Y/B is no difference of working
// values) the distribution of Y/B is the mixture of the target year's over
// the base's:
//
//	P(Y/B ≤ c) = E_B P(Y ≤ c·B) ≈ Σ_i w_i F_Y(c · back(x̃_B + s √f_B z₁(Φ(v_i))))
//
// F_Y the target year's distribution (Result.CDF, or its year to date's),
// z₁(p) the one-year error's quantile, v_i and w_i the normal scores and
// weights of baseDraws. Both spreads are centred on their medians; their
// mixture need not be, and is re-centred by one factor on Y/B, so that its
// median is the ratio of the projected level to the interpolated base, the
// growth shown as projected: a target at it is met with probability one
// half, as at any other projection. On the simulated
// walks of TestAGrowthFromAnInterpolatedBaseCoversRandomWalks the
// factor moved the distribution by at most 0.7% of its 80% interval's width.
type overBridge struct {
	cdfY   func(level float64) float64 // P(Y's level ≤ level)
	base   []float64                   // the base's level at N points
	weight []float64                   // and their probabilities
	center float64                     // the median of Y/B after re-centring
	factor float64                     // the re-centring factor on Y/B
	// On the log scale, with Y's distribution the projection's, the same
	// in units of its scale s, without a logarithm per point: P(Y ≤ c·B_i)
	// = F(log c/s + z_i), z_i = (log B_i − x̂_Y)/s, F the table's.
	table *zTable
	z     []float64
	scale float64
}

// baseDraws is N, the points the base's distribution is taken at: its
// quantiles at the probabilities Φ(v) of N normal scores v evenly spaced
// over ±baseReach, weighted by the normal density φ(v). That reaches the
// tails (to Φ(−6) = 10⁻⁹), which equiprobable points miss: against 20,000
// equiprobable points, 100 scores put the quantiles within 0.1% of the 80%
// interval's width and the probabilities within 3·10⁻⁴ (100 equiprobable
// points: 1.3% and 1.3·10⁻³).
const (
	baseDraws = 100
	baseReach = 6.0
)

// newOverBridge is the distribution of Y/B for a target year y whose level
// has CDF cdfY and median medY (r's projection of y, or its year to date's
// when projected is false), and a base year B interpolated at work-scale xB
// on series p, with the one-year spread of r times √fB (bridge.go).
func newOverBridge(r *Result, p *prepared, y int, xB, fB float64, cdfY func(float64) float64, medY float64, projected bool) overBridge {
	spread := newOneYearSpread(r, fB)
	o := overBridge{cdfY: cdfY, base: make([]float64, baseDraws), weight: make([]float64, baseDraws), factor: 1}
	sum := 0.0
	for i := range o.base {
		v := -baseReach + 2*baseReach*(float64(i)+0.5)/baseDraws // a normal score
		o.base[i] = p.back(xB + spread.quantile(0.5*math.Erfc(-v/math.Sqrt2)))
		o.weight[i] = math.Exp(-v * v / 2)
		sum += o.weight[i]
	}
	for i := range o.weight {
		o.weight[i] /= sum
	}
	if j := y - r.LastYear - 1; projected && p.log && r.Scale > 0 {
		o.table, o.scale = newZTable(r.probs, r.quantiles(j)), r.Scale
		o.z = make([]float64, len(o.base))
		for i, b := range o.base {
			o.z[i] = (math.Log(b) - r.center[j]) / r.Scale
		}
	}
	o.center = medY / p.back(xB)
	if m := o.rawQuantile(0.5); m > 0 && !math.IsInf(m, 0) {
		o.factor = o.center / m
	}
	return o
}

// cdf is P(Y/B ≤ c).
func (o overBridge) cdf(c float64) float64 {
	if !(c > 0) {
		return 0
	}
	return o.raw(math.Log(c / o.factor))
}

// quantile is the ratio Y/B at or below which the outcome stays with
// probability prob.
func (o overBridge) quantile(prob float64) float64 { return o.factor * o.rawQuantile(prob) }

// raw is the mixture before re-centring at u = log c: P(Y/B ≤ c) =
// Σ_i w_i F_Y(c·B_i).
func (o overBridge) raw(u float64) float64 {
	sum := 0.0
	if o.table != nil {
		v := u / o.scale
		for i, z := range o.z {
			sum += o.weight[i] * o.table.cdf(v+z)
		}
		return sum
	}
	c := math.Exp(u)
	for i, b := range o.base {
		sum += o.weight[i] * o.cdfY(c*b)
	}
	return sum
}

// rawQuantile inverts raw: the root of raw(u) = prob in u = log c,
// bracketed from around the median and found by regula falsi with the
// Illinois step (a dozen evaluations, where bisection takes forty).
func (o overBridge) rawQuantile(prob float64) float64 {
	f := func(u float64) float64 { return o.raw(u) - prob }
	u := math.Log(o.center)
	lo, hi := u-0.25, u+0.25
	flo, fhi := f(lo), f(hi)
	for i := 0; i < 60 && flo > 0; i++ {
		lo, hi, fhi = lo-2*(hi-lo), lo, flo
		flo = f(lo)
	}
	for i := 0; i < 60 && fhi < 0; i++ {
		lo, hi, flo = hi, hi+2*(hi-lo), fhi
		fhi = f(hi)
	}
	side := 0
	for i := 0; i < 100 && hi-lo > 1e-11; i++ {
		m := lo - flo*(hi-lo)/(fhi-flo)
		if !(m > lo && m < hi) {
			m = (lo + hi) / 2
		}
		fm := f(m)
		switch {
		case math.Abs(fm) < 1e-12:
			return math.Exp(m)
		case fm < 0:
			lo, flo = m, fm
			if side < 0 {
				fhi /= 2
			}
			side = -1
		default:
			hi, fhi = m, fm
			if side > 0 {
				flo /= 2
			}
			side = 1
		}
	}
	return math.Exp((lo + hi) / 2)
}

// zTable is cdfAt over one table of quantiles with its tails' scales
// worked out once.
type zTable struct {
	probs, q     []float64
	tauLo, tauHi float64
}

func newZTable(probs, q []float64) *zTable {
	m := len(q) - 1
	return &zTable{probs: probs, q: q, tauLo: tailScale(probs[0], probs[1], q[0], q[1]),
		tauHi: tailScale(1-probs[m], 1-probs[m-1], q[m], q[m-1])}
}

// cdf is cdfAt(probs, q, v): its tails from the scales worked out once,
// between them cdfAt's own interpolation, which computes no scale there.
func (t *zTable) cdf(v float64) float64 {
	q, probs := t.q, t.probs
	m := len(q) - 1
	switch {
	case v < q[0]:
		return probs[0] * math.Exp((v-q[0])/t.tauLo)
	case v >= q[m]:
		return 1 - (1-probs[m])*math.Exp(-(v-q[m])/t.tauHi)
	}
	return cdfAt(probs, q, v)
}
