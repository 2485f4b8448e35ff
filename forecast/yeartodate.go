package forecast

import (
	"math"

	"github.com/plancast/plancast"
)

// The year in progress, judged on its figures so far.
//
// A bureau publishes the year to date long before the year's figure:
// January–November GDP in December, the first half in July. A target for
// that year is then judged on what is already known, not on the yearly
// model alone. With P the year's figure to date, P₀ the same months of the
// year before and A₀ the year before's whole-year figure, the rest of the
// year before was R₀ = A₀ − P₀, and the year's figure is
//
//	A = P + R₀ · exp(log(1 + g) + k · s · (z − z̃)),   g = P/P₀ − 1,   k = √(12 / (12 − m))
//
// where m is the months the year to date covers: the rest of the year is
// expected to grow on the same months of the year before as the year so far
// did (A's median is P·A₀/P₀, the year's figure scaled up in proportion), and
// its spread is the yearly model's one-year spread s·z (z from the
// calibration's one-year quantiles, z̃ their median) scaled by k, the spread of
// a mean of 12 − m independent months against one of 12. The spread of the
// year's growth is then about √((12 − m)/12) of the yearly model's: 0.87 of
// it after the first quarter, 0.71 after the half, 0.29 after November.
//
// This needs a flow that adds up over the year (an indicator of kind level,
// on the log scale: every figure positive) and R₀ > 0; a year-to-date
// figure of anything else (a rate, a stock reported at a month's end) is
// not used. It is not calibrated on data: no history of year-to-date
// figures was at hand to backtest it, so the scaling k is an assumption
// stated here, chosen to widen (not narrow) the spread of the months still
// to come.

// yearToDate is the evidence of the year in progress and the distribution
// of the year's figure it implies.
type yearToDate struct {
	plancast.YearToDate
	rest   float64 // R₀ = A₀ − P₀, the rest of the year before
	spread float64 // k·s on the log scale
	probs  []float64
	zq     []float64 // the calibration's one-year quantiles
	zmed   float64   // their median z̃
}

// newYearToDate finds, among the year-to-date series of a series, the period
// covering the most months that has a positive figure for year and for the
// year before, and sets the distribution of the year's figure from it; ok is
// false when there is none or R₀ ≤ 0. latest is A₀, the year before's figure.
func newYearToDate(series []plancast.Series, year int, latest float64, r *Result) (y yearToDate, ok bool, unused *plancast.YearToDate) {
	if !r.LogScale || latest <= 0 {
		return y, false, nil
	}
	for _, s := range series {
		months, isYTD := plancast.YearToDateMonths(s.Period)
		if !isYTD || months <= y.Months {
			continue
		}
		var value, prior float64
		for _, o := range s.Observations {
			switch o.Year {
			case year:
				value = o.Value
			case year - 1:
				prior = o.Value
			}
		}
		switch {
		case value > 0 && prior > 0 && latest-prior > 0:
			y.YearToDate = plancast.YearToDate{Period: s.Period, Months: months, Year: year, Value: value, Prior: prior, Growth: value/prior - 1}
			y.rest = latest - prior
		case value > 0 && prior > 0 && (unused == nil || months > unused.Months):
			unused = &plancast.YearToDate{Period: s.Period, Months: months, Year: year, Value: value, Prior: prior, Growth: value/prior - 1}
		}
	}
	if y.Months == 0 {
		return y, false, unused
	}
	y.probs, y.zq = r.probs, r.zq[0]
	y.zmed = quantileAt(y.probs, y.zq, 0.5)
	y.spread = math.Sqrt(12/float64(12-y.Months)) * r.Scale
	return y, true, nil
}

// median is the year's figure if the rest of the year grows as the year so
// far did: P + R₀(1 + g).
func (y *yearToDate) median() float64 { return y.Value + y.rest*(1+y.Growth) }

// quantile is the year's figure that it stays at or below with probability prob.
func (y *yearToDate) quantile(prob float64) float64 {
	return y.Value + y.rest*(1+y.Growth)*math.Exp(y.spread*(quantileAt(y.probs, y.zq, prob)-y.zmed))
}

// cdf is the probability that the year's figure is at most x; 0 below the
// year to date, which the rest of the year can only add to.
func (y *yearToDate) cdf(x float64) float64 {
	if x <= y.Value {
		return 0
	}
	if y.spread <= 0 {
		if x >= y.median() {
			return 1
		}
		return 0
	}
	z := y.zmed + (math.Log((x-y.Value)/y.rest)-math.Log1p(y.Growth))/y.spread
	return cdfAt(y.probs, y.zq, z)
}

// point is the predictive distribution of the year's figure as a projection point.
func (y *yearToDate) point(year int) plancast.ProjectionPoint {
	return plancast.ProjectionPoint{Year: year, Mean: y.median(),
		Lo80: y.quantile(0.1), Hi80: y.quantile(0.9), Lo95: y.quantile(0.025), Hi95: y.quantile(0.975)}
}

// requireRest sets RequiredRestGrowth for a year's figure of level: the
// growth on the same months of the year before that the rest of the year
// needs, (level − P)/R₀ − 1; nil when the year to date has passed level.
func (y *yearToDate) requireRest(level float64) {
	if level <= y.Value {
		y.RequiredRestGrowth = nil
		return
	}
	g := (level-y.Value)/y.rest - 1
	y.RequiredRestGrowth = &g
}

// YearToDate is the year after r's last year as its year to date projects
// it (series: the year-to-date series of r's series; see yearToDate), or nil
// when ind's figures do not add up over the year or no year to date of
// that year and the one before is given. The yearly points of r stay the
// yearly model's; this is what the months so far add.
func (r *Result) YearToDate(ind plancast.Indicator, series []plancast.Series) *plancast.YearToDate {
	if y, _ := r.yearToDate(ind, series); y != nil {
		return &y.YearToDate
	}
	return nil
}

// yearToDate is YearToDate with the distribution behind it.
//
// unused is a year to date of both years that could not be used, nil when
// none: the one of the year before at or above that year's whole figure,
// which leaves nothing for the rest of the year (a whole year revised after
// a census, its months not), so that the answer can say why its months
// were not read.
func (r *Result) yearToDate(ind plancast.Indicator, series []plancast.Series) (y *yearToDate, unused *plancast.YearToDate) {
	if ind.Kind != plancast.KindLevel || len(series) == 0 {
		return nil, nil
	}
	v, ok, unused := newYearToDate(series, r.LastYear+1, r.LastValue, r)
	if !ok {
		return nil, unused
	}
	v.Nowcast = v.point(r.LastYear + 1)
	return &v, nil
}
