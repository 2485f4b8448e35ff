package forecast

import (
	"math"

	"github.com/plancast/plancast"
)

// prepared is a series made ready for the models: on the annual grid from the
// first to the last observed year, on the working scale.
type prepared struct {
	first, last int       // first and last observed year
	years       []int     // the observed years, as given to prepare (not copied)
	x           []float64 // working-scale values, one per grid year
	log         bool      // working scale is log(value) (ScaleLog)
	// logit: the working scale is log(p/(1 − p)), p = value/upper
	// (ScaleLogit); neither log nor logit: the value itself (ScaleUnit).
	logit bool
	upper float64 // the whole a logit series is a part of (100)
	real  int     // number of observed (not interpolated) years
	scale float64 // the series' own volatility estimate; see ownScale
	diffs int     // number of real annualised differences behind scale
	// exp2 puts a series of a magnitude outside the arithmetic's safe
	// range (safeMagnitude) near 1 for the models: they fit v·2^−exp2,
	// and everything is mapped back by 2^exp2. 0 for every other series,
	// whose arithmetic it leaves untouched to the bit.
	exp2 int
}

// safeMagnitude bounds, on both sides, the largest |value| of a series
// that the models fit as it is. Beyond it their arithmetic breaks: the
// variance of the differences of a series near 1e160 overflows (the
// shrunk drift's t-statistic became NaN, and auto silently the naive
// forecast), and near 1e−160 it underflows to 0 (no shrinkage at all).
// Such a series is fitted divided by a power of two that brings its
// largest |value| into [0.5, 1), which is exact, and mapped back after, so
// that it gets the forecast of the same series near 1 times its scale.
// No economic figure comes near either bound, so every other series,
// among them all of M3's, is fitted as before to the last bit.
const (
	safeMagnitudeHigh = 1e150
	safeMagnitudeLow  = 1e-150
)

// magnitudeExp2 is the prepared.exp2 of a series whose largest |value| is
// m: 0 inside the safe range (and for an all-zero series), else the
// binary exponent that brings m into [0.5, 1).
func magnitudeExp2(m float64) int {
	if m <= safeMagnitudeHigh && (m >= safeMagnitudeLow || m == 0) {
		return 0
	}
	_, e := math.Frexp(m)
	return e
}

// WorkScale names the scale a series is modelled on (Result.WorkScale).
type WorkScale string

// The working scales.
const (
	ScaleUnit  WorkScale = "unit"  // the figures themselves: a series with a figure ≤ 0
	ScaleLog   WorkScale = "log"   // log v: a positive series
	ScaleLogit WorkScale = "logit" // log(p/(1 − p)), p = v/100: a percentage of a whole strictly inside (0, 100)
)

// workScale is the scale p is modelled on.
func (p *prepared) workScale() WorkScale {
	switch {
	case p.logit:
		return ScaleLogit
	case p.log:
		return ScaleLog
	}
	return ScaleUnit
}

// prepare validates the series and puts it on the annual grid.
//
// Years must be ascending and distinct and values finite; fewer than two
// observations is EINVALID. A positive series is modelled on the log scale
// (constant growth rates become linear trends and intervals stay positive);
// a series with a zero or negative value is modelled on its own scale. A
// series that lim bounds on both sides (NonNegative and Upper: a percentage
// of a whole, LimitsOf) whose every figure lies strictly inside (0, Upper)
// is modelled on the logit scale of p = v/Upper, log(p/(1 − p)), where
// every value maps back inside (0, Upper); one with a figure of exactly 0
// or Upper keeps the log scale (or its own) and the clip of within.
//
// Gaps are filled by linear interpolation on the working scale (geometric
// interpolation for a positive series: 88.9 in 2015 and 120.8 in 2020 become
// a constant 6.3% a year). The filled years carry no information about
// volatility, so the interval calibration counts only real observations (see
// prepared.real) and the volatility uses the annualised differences between
// consecutive real observations.
func prepare(years []int, values []float64, lim Limits) (*prepared, error) {
	if len(years) != len(values) {
		return nil, plancast.Errorf(plancast.EINVALID, "forecast: %d years but %d values", len(years), len(values))
	}
	if len(years) < 2 {
		return nil, plancast.Errorf(plancast.EINVALID, "forecast: need at least two observed years, have %d", len(years))
	}
	pos, inside := true, lim.NonNegative && lim.Upper > 0
	magnitude := 0.0
	for i, v := range values {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, plancast.Errorf(plancast.EINVALID, "forecast: value for %d is not a finite number", years[i])
		}
		if i > 0 && years[i] <= years[i-1] {
			return nil, plancast.Errorf(plancast.EINVALID, "forecast: years must be ascending and distinct (%d after %d)", years[i], years[i-1])
		}
		if v <= 0 {
			pos = false
		}
		if !(v > 0 && v < lim.Upper) {
			inside = false
		}
		magnitude = math.Max(magnitude, math.Abs(v))
	}
	p := &prepared{first: years[0], last: years[len(years)-1], years: years, log: pos && !inside, logit: inside, real: len(years)}
	if inside {
		p.upper = lim.Upper
	} else {
		// A share is within (0, 100): its logit, and the linear models'
		// percentages, need no scaling.
		p.exp2 = magnitudeExp2(magnitude)
	}
	if p.last-p.first > 1000 {
		return nil, plancast.Errorf(plancast.EINVALID, "forecast: years %d–%d span too long", p.first, p.last)
	}
	w := p.work
	p.x = make([]float64, p.last-p.first+1)
	annual := make([]float64, 0, len(years)-1)
	for i := range years {
		p.x[years[i]-p.first] = w(values[i])
		if i == 0 {
			continue
		}
		gap := years[i] - years[i-1]
		a, b := w(values[i-1]), w(values[i])
		for k := 1; k < gap; k++ {
			p.x[years[i-1]-p.first+k] = a + (b-a)*float64(k)/float64(gap)
		}
		annual = append(annual, (b-a)/float64(gap))
	}
	if len(annual) > scaleWindow {
		annual = annual[len(annual)-scaleWindow:]
	}
	p.scale = ownScale(annual)
	p.diffs = len(annual)
	return p, nil
}

// scaleWindow is how many of the latest real differences ownScale uses: the
// volatility that matters is the recent one (economies change regime).
const scaleWindow = 10

// ownScale is the series' volatility on the working scale: the mean absolute
// annualised first difference,
//
//	s = (1/m) Σ |Δx_i|
//
// the in-sample scale of MASE, which also tracks how much trend there is to
// get wrong. It is 0 for a constant series; calibration shrinks it toward a
// pooled scale.
func ownScale(d []float64) float64 {
	if len(d) == 0 {
		return 0
	}
	s := 0.0
	for _, v := range d {
		s += math.Abs(v)
	}
	return s / float64(len(d))
}

// back maps a working-scale value to the indicator's unit, clamped to the
// largest finite float64 so that extreme input never yields ±Inf. On the
// logit scale it is the inverse logit, U/(1 + e^−y), written so that
// neither side overflows: inside [0, U] for every y.
func (p *prepared) back(v float64) float64 {
	switch {
	case p.logit:
		if v >= 0 {
			return p.upper / (1 + math.Exp(-v))
		}
		e := math.Exp(v)
		return p.upper * e / (1 + e)
	case p.log:
		v = math.Exp(v)
	case p.exp2 != 0:
		v = math.Ldexp(v, p.exp2)
	}
	return clampFinite(v)
}

// clampFinite is v within ±math.MaxFloat64.
func clampFinite(v float64) float64 {
	return math.Max(-math.MaxFloat64, math.Min(math.MaxFloat64, v))
}

// level maps a working-scale value to the unit the models fit in: the
// indicator's, divided by 2^exp2 (safeMagnitude), clamped as back is. The
// linear models and auto's mean work in it; fromUnit maps it back. On the
// log scale, which holds every magnitude as it is, it is e^(x − exp2·ln 2);
// on the series' own scale the working value itself.
func (p *prepared) level(v float64) float64 {
	switch {
	case p.logit:
		return p.back(v)
	case p.log:
		v = math.Exp(v - p.logShift())
	}
	return clampFinite(v)
}

// logShift is 2^exp2 on the log scale: exp2·ln 2 (0 for a series in the
// safe range).
func (p *prepared) logShift() float64 { return float64(p.exp2) * math.Ln2 }

// work maps a value in the indicator's unit to the working scale; for a log
// series a non-positive x maps to −Inf; for a logit series one at or below
// 0 to −Inf and one at or above the whole to +Inf. A series on its own
// scale is divided by 2^exp2 (safeMagnitude); the log scale holds every
// magnitude as it is.
func (p *prepared) work(v float64) float64 {
	switch {
	case p.logit:
		switch {
		case v <= 0:
			return math.Inf(-1)
		case v >= p.upper:
			return math.Inf(1)
		}
		return math.Log(v) - math.Log(p.upper-v) // log(p/(1 − p)), exact near the whole
	case p.log:
		if v <= 0 {
			return math.Inf(-1)
		}
		return math.Log(v)
	case p.exp2 != 0:
		return math.Ldexp(v, -p.exp2)
	}
	return v
}
