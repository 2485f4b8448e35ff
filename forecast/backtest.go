package forecast

import (
	"math"

	"github.com/plancast/plancast"
)

// backtestOrigins is how many rolling origins backtest evaluates at most.
const backtestOrigins = 5

// backtest evaluates method on the series itself from rolling origins: for
// each of the last (up to) five origins o, fit on x_1..x_o and forecast
// to the end of the series (at most 6 years ahead), then average
//
//	sMAPE = 200 |y − ŷ| / (|y| + |ŷ|)          (percent)
//	MASE  = |y − ŷ| / mean_t |y_t − y_{t−1}|   (scale from the fitting window)
//
// over all forecasts, on the original scale. nil when the series has gaps
// (the held-out years would be interpolations) or fewer than 5 years.
func backtest(p *prepared, method string) *plancast.BacktestError {
	n := len(p.x)
	if p.real != n || n < 5 {
		return nil
	}
	var sm, ms float64
	var cnt, mcnt, origins int
	for o := n - 1; o >= 3 && o >= n-backtestOrigins; o-- {
		h := min(n-o, 6)
		sub := &prepared{first: p.first, last: p.first + o - 1, x: p.x[:o], log: p.log, logit: p.logit, upper: p.upper, real: o, exp2: p.exp2}
		f, _, err := pointForecast(sub, method, h)
		if err != nil {
			continue
		}
		scale := 0.0
		for t := 1; t < o; t++ {
			scale += math.Abs(p.back(p.x[t]) - p.back(p.x[t-1]))
		}
		scale /= float64(o - 1)
		for j := range h {
			y, yh := p.back(p.x[o+j]), p.back(f[j])
			if d := math.Abs(y) + math.Abs(yh); d > 0 {
				sm += 200 * math.Abs(y-yh) / d
			}
			cnt++
			if scale > 0 {
				ms += math.Abs(y-yh) / scale
				mcnt++
			}
		}
		origins++
	}
	if origins == 0 {
		return nil
	}
	b := &plancast.BacktestError{SMAPE: sm / float64(cnt), Origins: origins}
	if mcnt > 0 {
		b.MASE = ms / float64(mcnt)
	}
	return b
}
