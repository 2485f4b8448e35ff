package plancast

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// YearlyAbsence is what a store holds of a series whose yearly figures were
// asked for (as of a date, when AsOf is set) and not found: what the answer
// needs to say where to look instead. The API and the command line word it
// from this one reading, each with its own link (GET /api/v1/series/…,
// plancast history …), so that they say the same.
type YearlyAbsence struct {
	AsOf Date
	// FirstOn is, asked as of a date, the first day after it on which the
	// series had yearly figures, and First the yearly series as it stood
	// that day: Houma's GDP asked as of 2019-01-01 had its first figures,
	// for 2015–2020, published on 2021-04-20. Zero when none has been
	// published since, and when asked without a date (a series with no
	// yearly figures at all).
	FirstOn Date
	First   Series
	// Next is set when the series had yearly figures on or before AsOf
	// too, all withdrawn by then: First holds its next figures, not its
	// first.
	Next bool
	// Partial are the series kept for parts of the year (jan-nov, h1, …):
	// their latest vintages; asked as of a date, as they stood on it, the
	// periods with nothing published by then left out (partial-year figures
	// published later were not there then either).
	Partial []Series
}

// FirstText says when the yearly figures were first published after AsOf:
// "its first figures, for 2015–2020, were published on 2021-04-20" ("its
// next figure, for 2018, was …" when Next, of one year); "" when none has
// been (FirstOn zero).
func (a YearlyAbsence) FirstText() string {
	if a.FirstOn.IsZero() {
		return ""
	}
	which, were := "first figures", "were"
	if a.Next {
		which = "next figures"
	}
	if len(a.First.Observations) == 1 {
		which, were = strings.TrimSuffix(which, "s"), "was"
	}
	return fmt.Sprintf("its %s, for %s, %s published on %s", which, a.First.YearSpan(), were, a.FirstOn)
}

// ReadYearlyAbsence reads what there is of the series of region and
// indicator besides its yearly figures, as of asOf when it is set: call it
// once its yearly series (as of asOf) is not found.
func ReadYearlyAbsence(ctx context.Context, st VintageStore, region, indicator string, asOf Date) (YearlyAbsence, error) {
	a := YearlyAbsence{AsOf: asOf}
	partial, err := PartialPeriods(ctx, st, region, indicator)
	if err != nil {
		return a, err
	}
	if asOf.IsZero() {
		a.Partial = partial
		return a, nil
	}
	vs, err := st.Vintages(ctx, SeriesKey{Region: region, Indicator: indicator, Period: PeriodYear})
	if err != nil && ErrorCode(err) != ENOTFOUND {
		return a, fmt.Errorf("read the vintages of %s/%s: %w", region, indicator, err)
	}
	a.First, a.FirstOn, a.Next = firstPublishedAfter(vs, asOf)
	for _, p := range partial {
		then, err := st.Series(ctx, SeriesQuery{Region: region, Indicator: indicator, Period: p.Period, AsOf: asOf})
		if ErrorCode(err) == ENOTFOUND {
			continue
		}
		if err != nil {
			return a, fmt.Errorf("read the %s figures of %s/%s as of %s: %w", p.Period, region, indicator, asOf, err)
		}
		a.Partial = append(a.Partial, *then)
	}
	return a, nil
}

// firstPublishedAfter finds the first day after asOf on which the series of
// vintages vs had figures, and the series as it stood that day; next when
// it had figures on or before asOf too (withdrawn by asOf). A zero day when
// it has had none since.
func firstPublishedAfter(vs []Observation, asOf Date) (first Series, on Date, next bool) {
	var days []Date
	for _, o := range vs {
		if o.Published.After(asOf) {
			days = append(days, o.Published)
		} else if !o.Withdrawn() {
			next = true
		}
	}
	slices.SortFunc(days, func(a, b Date) int { return a.Time().Compare(b.Time()) })
	for _, d := range days {
		if ss := LatestVintages(vs, d); len(ss) > 0 {
			return ss[0], d, next
		}
	}
	return Series{}, Date{}, false
}
