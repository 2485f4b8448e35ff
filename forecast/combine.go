package forecast

import (
	"math"

	"github.com/plancast/plancast"
)

// autoMembers are the models that "auto" averages with equal weights, on the
// original scale, for a series of fewer than longHistory observed years;
// longAutoMembers for a longer one. The choice and the evidence for it are in
// the package doc.
var (
	autoMembers     = []string{MethodNaive, MethodDriftRobust, MethodDriftShrunk, MethodDriftLinear}
	longAutoMembers = []string{MethodDriftShrunk, MethodDamped, MethodDampedLinear}
)

// longHistory is the number of observed years from which auto uses
// longAutoMembers: with that much history the damped trend's three
// parameters are estimated well enough to beat the simple drifts.
const longHistory = 15

// autoMix returns the members auto averages for p.
func autoMix(p *prepared) []string {
	if p.real >= longHistory {
		return longAutoMembers
	}
	return autoMembers
}

// pointForecast returns the working-scale point forecasts of method for
// horizons 1..h and the weights of the models behind them.
func pointForecast(p *prepared, method string, h int) ([]float64, []plancast.ModelWeight, error) {
	if method == MethodAuto {
		members := autoMix(p)
		sum := make([]float64, h)
		ws := make([]plancast.ModelWeight, 0, len(members))
		w := 1 / float64(len(members))
		for _, name := range members {
			m, _ := modelByName(name)
			f := fitModel(p, m, h)
			for j := range sum {
				sum[j] += w * p.level(f[j])
			}
			ws = append(ws, plancast.ModelWeight{Model: name, Weight: w})
		}
		out := make([]float64, h)
		for j := range out {
			out[j] = p.fromUnit(sum[j])
		}
		return sanitize(p, out), ws, nil
	}
	m, ok := modelByName(method)
	if !ok {
		return nil, nil, plancast.Errorf(plancast.EINVALID, "forecast: unknown method %q (one of %v)", method, Methods())
	}
	// Interpolated years are not data: a damped trend through two figures
	// five years apart would fit the straight line between them exactly.
	if p.real < m.minObs {
		return nil, nil, plancast.Errorf(plancast.EINVALID, "forecast: method %s needs at least %d observed years, the series has %d", method, m.minObs, p.real)
	}
	return sanitize(p, fitModel(p, m, h)), []plancast.ModelWeight{{Model: method, Weight: 1}}, nil
}

// fitModel runs m on the prepared series; a linear model on a log or a
// logit series is fitted on the original values (divided by 2^exp2 when
// outside safeMagnitude: level) and mapped back with fromUnit.
func fitModel(p *prepared, m model, h int) []float64 {
	if !m.linear || !p.log && !p.logit {
		return m.fit(p.x, h)
	}
	y := make([]float64, len(p.x))
	for i, v := range p.x {
		if p.logit {
			y[i] = p.back(v)
		} else {
			y[i] = math.Exp(v - p.logShift())
		}
	}
	f := m.fit(y, h)
	for j := range f {
		f[j] = p.fromUnit(f[j])
	}
	return f
}

// fromUnit maps a forecast in the models' unit (the indicator's, divided by
// 2^exp2: level) to the working scale. A
// log series cannot forecast a value ≤ 0; such a value (a linear decline
// run past zero) is floored at 1/1000 of the last value (unitFloor). A
// logit series cannot forecast a value at or past 0 or the whole; its
// forecasts are kept within the odds of the last value divided or
// multiplied by 1000 (logitReach), the floor of a log series on the odds.
func (p *prepared) fromUnit(v float64) float64 {
	if p.logit {
		last := p.x[len(p.x)-1]
		return math.Max(last-logitReach, math.Min(last+logitReach, p.work(v)))
	}
	if !p.log {
		return v
	}
	return math.Log(math.Max(v, p.unitFloor())) + p.logShift()
}

// logitReach is how far from the last value, on the logit scale, fromUnit
// keeps a linear model's forecast of a logit series: a factor of 1000 in
// the odds, as unitFloor is in the value of a log series.
var logitReach = math.Log(1000)

// unitFloor is the floor fromUnit puts under a log series' forecasts, in
// the models' unit (level): 1/1000 of the last value.
func (p *prepared) unitFloor() float64 {
	return math.Exp(p.x[len(p.x)-1]-p.logShift()) * 1e-3
}

// atFloor reports whether a working-scale forecast of a linear model on a
// log series is fromUnit's floor: the model's own value was at or below it
// (a linear decline run past zero); on a logit series, whether it is at
// either of fromUnit's limits (a linear trend run past 0 or the whole).
func (p *prepared) atFloor(c float64) bool {
	if p.logit {
		last := p.x[len(p.x)-1]
		return c <= last-logitReach || c >= last+logitReach
	}
	return p.log && c <= math.Log(p.unitFloor())+p.logShift()
}

// sanitize replaces any non-finite forecast (an overflow on extreme input)
// by the last value, so that no NaN or Inf ever leaves the package.
func sanitize(p *prepared, f []float64) []float64 {
	last := p.x[len(p.x)-1]
	for j, v := range f {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			f[j] = last
		}
	}
	return f
}
