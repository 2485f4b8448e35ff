package forecast

import (
	"math"

	"github.com/plancast/plancast"
)

// LimitEdge is a target set at a limit of its indicator's figures, to be
// met at the limit itself: a share or floor of 100 on a percentage of a
// whole (覆盖率达到100%), a ceiling (or a level or share better lower) of 0
// on an indicator that is never negative (消除劣V类水体: a share of 0); or
// a target within half a unit of the figures' last decimal of it (99.99,
// or a ceiling of 0.01, with figures of one decimal), which the same
// figures meet.
//
// The logit scale never projects a share at 100 or 0 (doc.go, Percentages
// of a whole), and no continuous distribution puts mass on one value, so
// read literally such a target has probability 0 whatever the figures:
// 99.95 rising toward 100 was "probability 0% (off_track)" beside "at that
// pace the target is reached in 2025". But a figure is published at its
// decimals, and one of two decimals reads 100 from 99.995 on: that is how
// the target can be met, so it is judged there. Edge is where a figure
// reads as the limit at the decimals the series' figures are written with
// (the most any has): limit − ½·10^−decimals for the upper limit, met at
// or above it; ½·10^−decimals for 0, met below it. An observed figure is
// judged the same way, at its decimals: 99.95 does not read 100.
//
// A target between the edge and the limit is judged as the limit is: a
// figure of the series' decimals meets 99.99 exactly when it reads 100.
// Judged at itself, it was harder than the limit (with figures of one
// decimal, P 4% for a forest cover of 99.99 and 42% for 100; 1% for a
// poverty ceiling of 0.01 and 46% for 0). So the level a target is
// judged at never falls as the target rises (as a ceiling's never rises
// as it falls):
//
//	judged(T) = T                 for T ≤ limit − ½·10^−d
//	          = limit − ½·10^−d   for limit − ½·10^−d < T ≤ limit
//
// (and at 0, ½·10^−d for 0 ≤ T < ½·10^−d), and a harder target is never
// given a higher probability.
//
// Its pace (GapChange) is the history's change a year in the gap between
// the figures and the limit, (gap_last/gap_first)^(1/(last − first)) − 1,
// as a share is modelled: on the logit scale a share near 100 closes a
// steady fraction of its gap a year, and its points a year slow down.
// The history's points a year would run past the limit: 99.0 to 99.95 over
// 2020–2024, +0.24 points a year, "reached 100 in 2025, on time" beside a
// probability of 1%; the gap, 1 to 0.05, narrows 53% a year and reaches
// 0.005 in 2028.
//
// Every level target on a percentage of a whole (a share, the
// unemployment rate: Limits bounding both sides) is paced so, not only
// one at the limit: the gap to the limit the target lies toward (100 for
// a target met above, 0 for one met below) narrowing at the history's
// rate, down to the target (to the edge, for a target judged at it).
// Paced in points a year, a target just short of the limit ran past it
// and contradicted the limit's own pace in one answer: a forest cover of
// 99.8 after 96.0 in 2018, +0.63 points a year, reached 99.95 "in 2025,
// 5 years early" (100.43 in 2025), while its gap to 100, 4.0 to 0.2,
// narrowing 39.3% a year, reached the same 99.95 in 2027 for the target
// of 100. So one series has one pace, and no pace runs past a limit.
// The one exception is a target short of the limit whose figures follow
// a straight line in points more closely than the gap's path, a line
// that stays short of the limit to the target year (pacedInPoints): it is
// paced at those points a year, as its explanation states them.
// TargetAtLimit gives such a target's LimitEdge with AtLimit false: the
// limit it is paced toward, not where it is judged.
type LimitEdge struct {
	Limit    float64 // 100 or 0
	Edge     float64 // 99.995, 0.005 for figures of two decimals
	Decimals int     // the figures' decimals the edge is read at
	Upper    bool    // the limit is the upper one, met from the edge up
	// AtLimit: the target is judged at Edge (it is set at the limit, or
	// within half a unit of the figures' last decimal of it). False for a
	// target of a percentage of a whole short of that, which is judged at
	// itself and only paced on its gap to Limit.
	AtLimit bool
	// GapChange is the history's change a year in the gap to the limit (a
	// fraction, negative when the gap narrows); nil when the first or the
	// last figure is at the limit, or when the target is paced in points
	// a year (InPoints).
	GapChange *float64
	// InPoints: the target (one short of the limit, AtLimit false) is
	// paced at the history's points a year, not on its gap, under the
	// rule of pacedInPoints; GapChange is then nil, so that every answer
	// that says the pace says the one the pace year follows.
	InPoints bool
	// PointsPass: the history's points a year would run past the limit
	// (the target is at the limit, or the straight line passes it by the
	// target year), which is why the target is paced on its gap although
	// its figures may follow points a year as closely.
	PointsPass bool
}

// TargetAtLimit reports whether target t of indicator ind is set at a
// limit of lim (Options.Limits, LimitsOf) on the side it is met at
// (MeetsAbove), or within half a unit of the series' last decimal of it,
// and where a figure written with the decimals of the series' values
// reads as the limit (LimitEdge). A growth target is a growth, not
// a level at a limit; a target at a limit met on the other side (a floor
// of 0, a ceiling of 100) is met by every figure, as it is.
//
// Any other target (not a growth) of a percentage of a whole, which lim
// bounds on both sides, is paced on its gap to the limit it lies toward:
// for it the LimitEdge is that limit and the gap's pace, with AtLimit
// false, and ok is false. For any other target it is the zero LimitEdge.
func TargetAtLimit(t plancast.Target, ind plancast.Indicator, lim Limits, years []int, values []float64) (LimitEdge, bool) {
	return targetAtLimit(t, lim, MeetsAbove(t, ind), years, values)
}

func targetAtLimit(t plancast.Target, lim Limits, higher bool, years []int, values []float64) (LimitEdge, bool) {
	if plancast.GrowthKind(t.Kind) {
		return LimitEdge{}, false
	}
	d := 0
	for _, v := range values {
		d = max(d, figureDecimals(v))
	}
	half := 0.5 * math.Pow10(-d)
	var at LimitEdge
	// A target closer to the limit than the edge (99.99 with figures of
	// one decimal, or a ceiling of 0.01) is met by exactly the figures
	// that meet the limit (those that read 100, or 0): judged at itself,
	// it was harder than the limit (P 4% against 100's 42%).
	//
	// A target short of that on a percentage of a whole is paced on its
	// gap to the limit it lies toward: 100 for a target met above, 0 for
	// one met below (only a target the latest figure does not meet is
	// paced, and it lies on that side).
	bounded := lim.NonNegative && lim.Upper > 0
	switch {
	case higher && lim.Upper > 0 && t.Value > lim.Upper-half && t.Value <= lim.Upper:
		at = LimitEdge{Limit: lim.Upper, Edge: lim.Upper - half, Decimals: d, Upper: true, AtLimit: true}
	case !higher && lim.NonNegative && t.Value >= 0 && t.Value < half:
		at = LimitEdge{Limit: 0, Edge: half, Decimals: d, AtLimit: true}
	case bounded && higher:
		at = LimitEdge{Limit: lim.Upper, Edge: lim.Upper - half, Decimals: d, Upper: true}
	case bounded:
		at = LimitEdge{Limit: 0, Edge: half, Decimals: d}
	default:
		return LimitEdge{}, false
	}
	gaps := make([]float64, len(values))
	for i, v := range values {
		gaps[i] = math.Abs(at.Limit - v)
	}
	if g, ok := HistoricalGrowth(years, gaps); ok {
		at.GapChange = &g
	}
	if at.GapChange != nil {
		at.InPoints, at.PointsPass = pacedInPoints(at, t, years, values)
		if at.InPoints {
			at.GapChange = nil
		}
	}
	return at, at.AtLimit
}

// pacedInPoints is the rule that picks one pace for a level target of a
// percentage of a whole, so that the explanation's "history: +1.1 points
// a year" and its pace year are the same history's pace: the history's
// points a year, (x_last − x_first)/(last − first), when its figures
// follow that straight line more closely than their gap to the limit
// narrowing by a steady fraction a year (GapChange), the path the logit
// projection takes, and the straight line stays short of the limit up to
// the target year; the gap otherwise. pass reports that the straight
// line would run past the limit (always, for a target at the limit).
//
// Closely is the sum of squared distances, in points, of the figures
// between the first and the last from each path through those two
// (both paths meet them there); a tie, as with two figures, goes to
// the gap, the limit-aware pace. An urbanization rate rising a steady
// +1.14 points a year from 46.36 in 2015 to 57.79 in 2025 was paced on
// its gap to 100, narrowing 2.4% a year, and "reached 63 in 2031"
// right after "needs +1.0 points a year (history: +1.1 points a year)";
// its figures lie on the straight line (within 0.1 point) and up to
// 0.4 point off the gap's path, so it is paced in points and reaches 63
// in 2030. A share closing its gap to 100 (96.0, 97.0, 98.0, 98.8, 99.3,
// 99.6, 99.8: each step smaller) follows the gap, and a straight line
// from 99.0 to 99.95 in four years would pass 100 in 2025: both keep the
// gap's pace, which never runs past the limit.
func pacedInPoints(at LimitEdge, t plancast.Target, years []int, values []float64) (inPoints, pass bool) {
	n := len(values)
	if n < 2 || len(years) != n || years[n-1] <= years[0] {
		return false, at.AtLimit
	}
	first, last := values[0], values[n-1]
	span := float64(years[n-1] - years[0])
	c := (last - first) / span
	// toward the limit: points moving away reach no target on its side.
	if at.Upper && c <= 0 || !at.Upper && c >= 0 {
		return false, at.AtLimit
	}
	if at.AtLimit {
		return false, true
	}
	if by := last + c*float64(t.Year-years[n-1]); at.Upper && by > at.Limit || !at.Upper && by < at.Limit {
		return false, true
	}
	var line, gap float64
	for i := 1; i < n-1; i++ {
		k := float64(years[i] - years[0])
		dl := values[i] - (first + c*k)
		dg := values[i] - (at.Limit + (first-at.Limit)*math.Pow(1+*at.GapChange, k))
		line += dl * dl
		gap += dg * dg
	}
	return line < gap, false
}

// paceYears is how many years the latest figure takes to reach a target
// at the history's pace: its gap to the limit shrinking by GapChange a
// year down to the target's, n = log(gap_target/gap_latest)/log(1 + c);
// for a target judged at the limit (AtLimit), down to the edge's. NaN
// when the gap does not narrow, or the target is not between the latest
// figure and the limit.
//
// The path reaches the target where the probability counts a figure as
// meeting it (Assess's judged level), so that the pace year and P(meet)
// judge one threshold: the edge for a target judged at the limit (a
// figure that reads 100 meets a share of 100, or of 99.99 with figures
// of one decimal, and the explanation says so), the target itself for
// any other. A path that only reads as the target at the figures'
// decimals has not reached it: a forest cover of 99.7 in 2024 closing
// 30.1% of its gap to 100 a year is 99.853 in 2026, which one decimal
// writes 99.9, but P(meet) judges 99.853 short of 99.9; read "reached in
// 2026, a year early" beside P 22% (at_risk) for a 2027 target of 99.9,
// the two contradicted each other. It reaches 99.9 in 2028 (99.928).
//
// A path short of the target by less than paceSlack (a thousandth of the
// last decimal of the figures, or of the target if it has more) has
// reached it: the gap's path is geometric, and where the history's
// points a year are the required ones it falls short by a second-order
// amount no figure shows and no probability written in whole percent
// tells apart: a share of 55.00 in 2019 and 55.02 in 2023, +0.005 points
// a year as 55.03 in 2025 needs, is 55.029997 in 2025 on its gap's pace,
// which reaches 55.03 in 2025, on time, as the equal paces say.
func (at LimitEdge) paceYears(latest, target float64) float64 {
	if at.AtLimit {
		target = at.Edge
	} else {
		slack := paceSlack * math.Pow10(-max(at.Decimals, figureDecimals(target)))
		if at.Upper {
			target -= slack
		} else {
			target += slack
		}
	}
	if at.GapChange == nil || *at.GapChange >= 0 || at.Upper && target > at.Limit || !at.Upper && target < at.Limit {
		return math.NaN()
	}
	return math.Log(math.Abs(at.Limit-target)/math.Abs(at.Limit-latest)) / math.Log1p(*at.GapChange)
}

// paceSlack is how far short of a target, in units of the last decimal
// of the figures (or the target), a pace path may be and have reached it
// (paceYears): a thousandth, where reading the path at the figures'
// decimals allowed half a unit.
const paceSlack = 1e-3

// maxFigureDecimals bounds figureDecimals: a value with more decimals than
// this is arithmetic (a unit's conversion), not a figure as published.
const maxFigureDecimals = 6

// figureDecimals is how many decimals write v as it was published: as
// plancast.Decimals (250 → 0, 99.95 → 2), which stops at two, and on up to
// maxFigureDecimals, so that a figure of 99.999 is not read at two
// decimals, where it would be 100.
func figureDecimals(v float64) int { return plancast.DecimalsUpTo(v, maxFigureDecimals) }
