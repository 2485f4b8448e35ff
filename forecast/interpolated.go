package forecast

import "github.com/plancast/plancast"

// Interpolated is the level of year y, which has no figure of its own
// between the stored figures of from and to (from < y < to), that Assess
// judges a growth target t on when y is its base year (or its target
// year): the figures' interpolation on the working scale (prepare:
// geometric for a positive series, as 560 in 2018 and 640 in 2021 give
// 612.3 for 2020), of the whole history, on which Assess judges every
// target (t does not choose the history). years are ascending and values
// their figures; lim is the indicator's limits
// (LimitsOf), which choose the working scale as Assess's Options.Limits
// do. ok is false when y has a figure,
// lies outside the figures, or the history cannot be prepared.
//
// The charts draw a growth target's path from it, so that the path ends
// at the level the assessment judges the target against.
func Interpolated(t plancast.Target, years []int, values []float64, y int, lim Limits) (v float64, from, to int, ok bool) {
	from, to, ok = bridgeSpan(years, y)
	if !ok {
		return 0, 0, 0, false
	}
	p, err := prepare(years, values, lim)
	if err != nil {
		return 0, 0, 0, false
	}
	return p.back(p.x[y-p.first]), from, to, true
}

// ProjectedBase is the level of year y, after the latest figure, that
// Assess judges a growth target t on when y is its base year, a year not
// yet reached: the mean of the projection Assess makes (assessForecast,
// with its default method) for y, of the whole history, on which Assess
// judges every target (t does not choose the history). years are
// ascending and values their figures; lim is
// the indicator's limits (LimitsOf), as Assess's Options.Limits. ok is
// false when y is not after the latest figure or is more than MaxHorizon
// years after it, or the history cannot be projected.
//
// The charts draw a growth target's path from it, so that the path ends
// at the level the assessment judges the target against.
func ProjectedBase(t plancast.Target, years []int, values []float64, y int, lim Limits) (v float64, ok bool) {
	if len(years) == 0 || y <= years[len(years)-1] || y-years[len(years)-1] > MaxHorizon {
		return 0, false
	}
	res, err := assessForecast(years, values, Options{Limits: lim, SkipBacktest: true}, y)
	if err != nil {
		return 0, false
	}
	return res.mean(y), true
}
