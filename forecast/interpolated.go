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

// MonthsBase is the level of year y, after the latest figure and without
// one of its own, that Assess takes a growth target's base year (or the
// year before a target year judged on its year to date) at when y has
// months of its own: their nowcast, from the period covering the most
// months with figures of y and of every year back to the latest figure's
// (betweenLevel), P_y·A_L/P_L, with that period and L. ind is the
// indicator (only a flow that adds up over the year is read), stated the
// growths stated with the figures (the months' year before may be taken
// from them, as Assess takes it) and toDate the series' year-to-date
// series. ok is false when y is not after the latest figure, or no months
// of it are read.
//
// The charts start a growth target's path there, and say so, so that one
// level of y is drawn whichever target rests on it.
func MonthsBase(ind plancast.Indicator, years []int, values []float64, stated []plancast.StatedGrowth, toDate []plancast.Series, y int, lim Limits) (v float64, period string, latest int, ok bool) {
	if len(years) < 2 || len(toDate) == 0 || y <= years[len(years)-1] || y-years[len(years)-1] > MaxHorizon {
		return 0, "", 0, false
	}
	res, err := assessForecast(years, values, Options{Limits: lim, SkipBacktest: true}, y)
	if err != nil {
		return 0, "", 0, false
	}
	m, _, _, _ := res.yearToDate(ind, toDate, y, plancast.MeasureStatedGap(years, values, stated))
	if m == nil {
		return 0, "", 0, false
	}
	return m.median(), m.Period, res.LastYear, true
}

// LaterYearsToDate are the years two or more after the latest figure that
// Assess judges a target of on their year to date, each as its months
// project it (the years between taken at their own months' nowcast, as
// Assess takes them), ascending: 2026 from its January–October when the
// latest yearly figure is 2024's. The year after the latest figure is the
// projection's (Result.YearToDate). ind, stated, toDate and lim are as for
// MonthsBase; none when no months of such a year are read.
//
// The charts draw each, so that a target judged on a year's months is
// shown beside the months it is judged on.
func LaterYearsToDate(ind plancast.Indicator, years []int, values []float64, stated []plancast.StatedGrowth, toDate []plancast.Series, lim Limits) []plancast.YearToDate {
	if len(years) < 2 || len(toDate) == 0 || ind.Kind != plancast.KindLevel {
		return nil
	}
	last, until := years[len(years)-1], 0
	for _, s := range toDate {
		for _, o := range s.Observations {
			until = max(until, o.Year)
		}
	}
	until = min(until, last+MaxHorizon)
	if until < last+2 {
		return nil
	}
	res, err := assessForecast(years, values, Options{Limits: lim, SkipBacktest: true}, until)
	if err != nil {
		return nil
	}
	gap := plancast.MeasureStatedGap(years, values, stated)
	var out []plancast.YearToDate
	for y := last + 2; y <= until; y++ {
		if m, _, _, _ := res.yearToDate(ind, toDate, y, gap); m != nil {
			out = append(out, m.YearToDate)
		}
	}
	return out
}
