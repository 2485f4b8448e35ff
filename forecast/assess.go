package forecast

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/plancast/plancast"
)

// Status thresholds on the probability p of meeting a target whose year is
// not yet observed:
//
//	on_track   p ≥ 0.5   (more likely than not)
//	at_risk    0.1 ≤ p < 0.5
//	off_track  p < 0.1
//
// achieved (p = 1): the target year is observed and the target met. A
// level, share, ceiling or floor target that a figure of an earlier year
// already meets is not achieved ahead of its year, whatever the indicator:
// the target year's figure can fall back across it (a year's oil output,
// new urban jobs, a rate), so it is judged on its year's projection like
// any other, and its explanation says the latest figure meets it. A target
// whose year is observed and missed is off_track with p = 0. Growth targets
// need positive figures from their base year on (a growth rate across zero
// means nothing); a figure at or below 0 before that leaves them judged on
// the projection of the whole series, as its other targets are.
const (
	OnTrackProbability  = plancast.OnTrackProbability
	AtRiskProbability   = plancast.AtRiskProbability
	assessDefaultMethod = MethodAuto
)

// MaxPaceYears is how far ahead Assessment.PaceYear looks: beyond half a
// century, "at that pace, some day" says nothing a planner can use.
const MaxPaceYears = 50

// Assess judges target t against the observed series (years ascending, as for
// Forecast) of indicator ind.
//
// The compared quantity is the level at t.Year (level, share, ceiling,
// floor) or the growth in percent (growth: over the base year, by default
// t.Year−1; avg_growth: the average annual growth from t.BaseYear,
// (x_Y/x_B)^{1/(Y−B)} − 1). Meeting means ≥ the target for Better "higher",
// ≤ for "lower"; a ceiling is always ≤ and a floor ≥. When t.Year is in the
// future, the probability comes from the predictive distribution of Forecast:
// for a base year that is observed, P(growth ≥ g) = P(x_Y ≥ x_B (1+g)^{Y−B})
// exactly; for a base year that is itself projected, the base is taken at its
// projected value and the growth's spread is that of one year (h = 1) of the
// table, an approximation stated in the explanation; for a base year between
// stored figures without one of its own, the growth is measured from the
// base's interpolated level (bridge.go's mean), which a.Interpolated and the
// explanation state, and its distribution mixes the target year's over the
// base's (bridge.go's spread, independent of the projection's given the
// stored figures: interpbase.go), so that the interval is wider than the
// target year's alone and the probability nearer one half.
//
// A target set at a limit of its indicator (a share of 100, a ceiling of
// 0: LimitEdge) is met where a figure written with the series' decimals
// reads as the limit, 99.995 for figures of two decimals, and its
// probability is read there: the logit scale never reaches 100 itself. So
// is a target nearer the limit than that (99.999), which the same figures
// meet: a harder target is never given a higher probability.
//
// RequiredGrowth is the average annual growth from the latest value to the
// level the target implies, (x_target/x_latest)^{1/(Y−latest year)} − 1,
// when that moves toward the target (none when the latest value meets it,
// nor for a growth over a base year after the latest figure, which the
// target itself states);
// PaceYear, for a level or share target the latest value does not yet
// meet, is the year the latest value reaches it growing at the history's
// average (HistoricalGrowth; on a percentage of a whole, a share or the
// unemployment rate, its gap to the limit the target lies toward, 100 or
// 0, narrowing at the history's rate down to the target, or to the edge
// for one judged at the limit: LimitEdge, unless its figures follow the
// history's points a year more closely and those stay short of the
// limit: pacedInPoints; on another percentage,
// changing by its points a year, HistoricalChange), none for one it meets
// already;
// Progress is (projected − base)/(target − base) on levels, base the value at
// t.BaseYear (the plan's base year, plancast.PlanBaseYear, when BaseYear is
// 0); none when that year's figure is not known, or when the target asks
// for no move in the indicator's better direction from it.
//
// A growth target is judged on the growth stated with the figures when
// opt.Stated measures its gap to the levels' growth (plancast.StatedGap): the target
// level is x_B (1+g)^{Y−B} e^{D} with D the gap over (B, Y], and every
// growth reported (realised, projected, required, historical) is the
// levels' growth less the gap of its years; a target year whose figure
// states its growth over the target's base is realised as stated.
//
// When t.Year is after the latest figure and opt.YearToDate holds figures
// of the same months of t.Year and of every year back to the latest
// figure's, the target year's distribution is that of its year to date
// (yeartodate.go), the years between taken at their nowcasts from those
// months, and a.YearToDate says what the year so far needs.
func Assess(t plancast.Target, ind plancast.Indicator, years []int, values []float64, opt Options) (plancast.Assessment, error) {
	a := plancast.Assessment{Target: t, Indicator: t.Indicator, Year: t.Year, Kind: t.Kind, TargetValue: t.Value}
	if t.Indicator == "" {
		a.Indicator = ind.Code
	}
	// An estimate of the latest year published before it ended is not its
	// figure (estimate.go): judged without it, and quoted after.
	est := earlyEstimate(years, opt.Yearly)
	if est != nil {
		years, values, opt.Stated = withoutEstimate(years, values, opt.Stated, est)
	}
	if len(years) == 1 {
		if observedAlone(&a, t, ind, years[0], values[0], opt.Stated) {
			return a, nil
		}
		return a, unassessable(t, func(pb phrasebook) string { return pb.oneYear }, years[0])
	}
	// Every target of a series is judged on the one projection of it that
	// the forecast shows (the table, the chart, the level targets): the
	// whole history, on the scale its figures choose. A growth target is a
	// ratio of two of that projection's levels, and is read off their
	// distribution. It used to be judged on the figures since the last one
	// at or below 0 (a development zone's revenue of 0, 0, 0.5, 1.2, 2.0,
	// 3.1, 4.0 from 2018): a log model of 2020–2024 alone, which compounds
	// a start-up's first growth rates (+140%, +67%, …) into 5.16 for 2025,
	// the top of the 95% interval of the 4.43 [3.34, 5.46] shown for the
	// same year beside it, and a growth of 20% given 64% where that
	// distribution gives it a sixth. The years before the first positive
	// figure are figures too (nothing yet), and the level targets,
	// the table and the chart rest on them; two projections of one year
	// in one answer cannot both hold.
	p, err := prepare(years, values, opt.Limits)
	if err != nil {
		return a, fmt.Errorf("assess %s %s %d: %w", t.Indicator, t.Kind, t.Year, err)
	}
	a.LatestYear, a.LatestValue = p.last, values[len(values)-1]
	if g, ok := HistoricalGrowth(years, values); ok {
		a.HistoricalGrowth = &g
	}
	if !slices.Contains(plancast.TargetKinds, t.Kind) {
		return a, plancast.Errorf(plancast.EINVALID, "assess: unknown target kind %q", t.Kind)
	}
	higher := MeetsAbove(t, ind)
	meets := func(v, target float64) bool { return meetsTarget(v, target, higher) }

	// base is the year the growth or progress is measured from.
	base := t.BaseYear
	growthKind := plancast.GrowthKind(t.Kind)
	if base == 0 {
		if t.Kind == plancast.TargetGrowth {
			base = t.Year - 1
		} else {
			base = p.first
		}
	}
	if bad, ok := positiveFrom(base, years, values); growthKind && !ok {
		// (x_Y/x_B) − 1 of a series that crosses zero is no growth rate: from
		// −2 to 1 would be "−150%".
		return a, unassessable(t, func(pb phrasebook) string { return pb.nonPositive }, base, years[bad], plancast.FormatNumber(values[bad], -1))
	}
	if growthKind && base < p.first {
		return a, unassessable(t, func(pb phrasebook) string { return pb.baseBefore }, base, p.first)
	}
	if t.Year < p.first {
		return a, unassessable(t, func(pb phrasebook) string { return pb.yearBefore }, p.first)
	}

	// Horizon: far enough for the target year (and a projected base).
	if t.Year-p.last > MaxHorizon {
		return a, unassessable(t, func(pb phrasebook) string { return pb.tooFar }, t.Year, t.Year-p.last, p.last, MaxHorizon)
	}
	var res *Result
	if t.Year > p.last {
		if res, err = assessForecast(years, values, opt, t.Year); err != nil {
			return a, fmt.Errorf("assess %s %s %d: %w", t.Indicator, t.Kind, t.Year, err)
		}
		a.Method = res.Method
	}
	var ytd *yearToDate
	var unusedToDate *plancast.YearToDate // one the answer says it did not read
	var unchained *toDateUnchained        // one it could not relate to a whole year
	var unpaired *plancast.YearToDate     // one without the same months of a year before
	if t.Year > p.last {
		// The months' stated growth stands in for the year before's months
		// at the yearly figures' recent gap (newYearToDate).
		priceGap := plancast.MeasureStatedGap(years, values, opt.Stated)
		ytd, unusedToDate, unchained, unpaired = res.yearToDate(ind, opt.YearToDate, t.Year, priceGap)
	}
	// levelAt is the observed (or interpolated) value of a past year, or the
	// projected mean of a future one. An observed year gives its figure as
	// stored: back from the log scale, 88.9 would be 88.89999999999998.
	//
	// A year after the latest figure that is not the target's and has
	// months of its own is taken at their nowcast, as a target year's
	// year to date takes the years between (betweenLevel): the 15th
	// Five-Year Plan's base 2025, with eleven months of it stored, is not
	// the yearly model's projection of it. monthsOf holds those read.
	monthsOf := map[int]*yearToDate{}
	monthsLevel := func(y int) (*yearToDate, bool) {
		if m, ok := monthsOf[y]; ok {
			return m, m != nil
		}
		var m *yearToDate
		if y > p.last && y < t.Year && res != nil && (ytd == nil || ytd.between[y] == 0) {
			m, _, _, _ = res.yearToDate(ind, opt.YearToDate, y, plancast.MeasureStatedGap(years, values, opt.Stated))
		}
		monthsOf[y] = m
		return m, m != nil
	}
	levelAt := func(y int) float64 {
		if i, found := slices.BinarySearch(years, y); found {
			return values[i]
		}
		if y <= p.last {
			return p.back(p.x[y-p.first])
		}
		if ytd != nil && ytd.between[y] > 0 {
			return ytd.between[y] // a year between, at its nowcast, as the target year's rests on it
		}
		if m, ok := monthsLevel(y); ok {
			return m.median() // a year with months of its own, at their nowcast
		}
		return res.mean(y)
	}
	baseValue := levelAt(max(base, p.first))
	// baseMonths: a growth's base after the latest figure, not the target
	// year's year before as its year to date takes it, taken at its own
	// months' nowcast. The growth's distribution is the projection's over
	// the base (growthProbability: a forecast Y − B years ahead), the
	// target's level and the projected level of its year those from the
	// base so taken, and the base is no longer said to be projected.
	var baseMonths *yearToDate
	if m, ok := monthsLevel(base); ok && growthKind && base > p.last {
		baseMonths = m
	}

	// gap is the stated growth's gap to the levels' (nil: growth is judged
	// on the levels), and span the D it puts on the target's years.
	var gap *plancast.StatedGap
	if growthKind {
		gap = plancast.MeasureStatedGap(years, values, opt.Stated)
	}
	// The target year's gap, when its year to date states its growth, is
	// the months' own: log(P/P₀) − log(1 + g), g as stated, not the mean
	// of the years before carried to it (the months' stated growth is the
	// year so far on the stated basis); months taken from their stated
	// growth (PriorFromStated) have the carried gap already. over is
	// gap.Over with it.
	monthsGap, fromMonths := 0.0, false
	if gap != nil && ytd != nil && ytd.StatedGrowth != nil && !ytd.PriorFromStated {
		monthsGap, fromMonths = math.Log(ytd.Value/ytd.Prior)-math.Log1p(*ytd.StatedGrowth), true
	}
	over := func(b, y int) float64 {
		d := gap.Over(b, y)
		if fromMonths && b < t.Year && t.Year <= y {
			d += monthsGap - gap.Year(t.Year)
		}
		return d
	}
	span := over(base, t.Year)

	// targetLevel is the level at t.Year that meets the target exactly.
	targetLevel := t.Value
	if growthKind {
		targetLevel = baseValue * growthFactor(t, base) * math.Exp(span)
	}
	// judgedLevel is the level the target is judged at: targetLevel, or,
	// for a target set at a limit of its indicator (a share of 100, a
	// ceiling of 0), where a figure written with the series' decimals reads
	// as the limit, 99.995 for figures of two decimals (limit_target.go):
	// on the logit scale a share never reaches 100 itself.
	judgedLevel := targetLevel
	// limit is also, for any other level target of a percentage of a
	// whole, the limit it is paced toward (atEdge false).
	limit, atEdge := targetAtLimit(t, opt.Limits, higher, years, values)
	if atEdge {
		judgedLevel = limit.Edge
	}
	// growthOf converts a level at t.Year to the compared growth in percent.
	growthOf := func(v float64) float64 {
		v *= math.Exp(-span)
		if t.Kind == plancast.TargetAvgGrowth {
			return noiseless(100 * (math.Pow(v/baseValue, 1/float64(t.Year-base)) - 1))
		}
		return noiseless(100 * (v/baseValue - 1))
	}
	compared := func(v float64) float64 {
		if growthKind {
			return growthOf(v)
		}
		return v
	}
	levelTarget := t.Kind == plancast.TargetLevel || t.Kind == plancast.TargetShare

	// toward is whether a change (growth or points a year) moves the latest
	// figure toward the target: only such a change is required. Where the
	// latest figure already meets the target none is: "needs −2.9% a year"
	// read as a requirement, and the chart drew a falling path.
	toward := func(change float64) bool { return higher && change > 0 || !higher && change < 0 }
	// A growth over a base year still to come asks for that growth in its
	// own years, which the target states; a growth from the latest figure
	// to the level it implies would rest on the projected base and read as
	// a second requirement ("needs 0.4% a year from 2020" beside +7% in 2023).
	baseAhead := growthKind && base > p.last
	if t.Year > p.last && a.LatestValue > 0 && targetLevel > 0 && (levelTarget || growthKind) && !baseAhead {
		// On the stated basis: the gap of the years left comes off.
		n := float64(t.Year - p.last)
		g := math.Pow(targetLevel/a.LatestValue, 1/n)*math.Exp(-over(p.last, t.Year)/n) - 1
		if toward(g) {
			a.RequiredGrowth = &g
		}
	}
	// A level or share target on a percentage is planned in points a year.
	if inPoints(t, ind) {
		if c, ok := HistoricalChange(years, values); ok {
			a.HistoricalChange = &c
		}
		if c := (t.Value - a.LatestValue) / float64(t.Year-p.last); t.Year > p.last && toward(c) {
			a.RequiredChange = &c
		}
	}
	if gap != nil && a.HistoricalGrowth != nil {
		n := float64(p.last - p.first)
		g := (1+*a.HistoricalGrowth)*math.Exp(-gap.Over(p.first, p.last)/n) - 1
		a.HistoricalGrowth = &g
	}
	a.StatedBasis = statedBasis(gap, base, t.Year)
	if fromMonths {
		// The target year's gap is said with its months (toDateGap); the
		// basis is that of the years before it, or the months' alone.
		if base < t.Year-1 {
			a.StatedBasis = statedBasis(gap, base, t.Year-1)
		} else {
			a.StatedBasis = &plancast.StatedBasis{Gap: math.Expm1(monthsGap), From: t.Year - 1, To: t.Year}
		}
	}

	var achieved bool
	var projectedLevel float64
	stated, statedEarlier, asStated := statedOver(opt.Stated, base, t.Year)
	asStated = asStated && growthKind
	growthBase := 0 // the base year a growth is compared over
	if growthKind {
		growthBase = base
	}
	// frac > 0: the target year, or the growth's base, lies between stored
	// figures with none of its own (bridge.go).
	frac, from, to, missing := bridgeFraction(years, growthBase, t.Year)
	switch {
	case t.Year <= p.last && frac > 0 && !asStated:
		a.Interpolated = &plancast.YearSpan{From: from, To: to}
		projectedLevel = levelAt(t.Year)
		o := opt
		o.Horizon, o.YearToDate = 1, nil
		if o.Method == "" {
			o.Method = assessDefaultMethod
		}
		r1, err := Forecast(years, values, o)
		if err != nil {
			return a, fmt.Errorf("assess %s %s %d: %w", t.Indicator, t.Kind, t.Year, err)
		}
		a.Method = r1.Method
		spread := newOneYearSpread(r1, frac)
		// On the working scale: the interpolated level, or change over the
		// base, and what meets the target exactly.
		center, need := p.x[t.Year-p.first], p.work(judgedLevel)
		switch {
		case growthKind && !p.log:
			// A ratio of levels is no difference of log-odds, nor of
			// levels on their own scale (a series with a 0 before the
			// base): the level that meets the target from the base's, on
			// the working scale (the base's own spread, if it is
			// interpolated too, is in the spread's fraction).
			need = p.work(targetLevel)
		case growthKind:
			center -= p.x[base-p.first]
			need = math.Log(growthFactor(t, base)) + span
		}
		pLow := spread.below(need - center)
		if higher {
			a.Probability = clamp01(1 - pLow)
		} else {
			a.Probability = clamp01(pLow)
		}
		shown := func(w float64) float64 { // a working-scale value as compared
			if !p.log {
				return compared(p.back(w))
			}
			switch t.Kind {
			case plancast.TargetGrowth:
				return 100 * (math.Exp(w-span) - 1)
			case plancast.TargetAvgGrowth:
				return 100 * (math.Exp((w-span)/float64(t.Year-base)) - 1)
			}
			return p.back(w)
		}
		at := func(q float64) float64 { return shown(center + spread.quantile(q)) }
		pt := plancast.ProjectionPoint{Year: t.Year, Mean: shown(center), Lo80: at(0.1), Hi80: at(0.9), Lo95: at(0.025), Hi95: at(0.975)}
		if !growthKind {
			pt = within(pt, opt.Limits)
		}
		a.Projected = &pt
	case t.Year <= p.last:
		v := levelAt(t.Year)
		projectedLevel = v
		// 15 digits, as projections are: 110 on 100 is a growth of 10,
		// not 10.000000000000009.
		r := tidy(compared(v))
		if asStated {
			r = stated
			if a.StatedBasis == nil {
				a.StatedBasis = &plancast.StatedBasis{}
			}
			a.StatedBasis.AsStated = true
			a.StatedBasis.Earlier = nil
			if statedEarlier {
				a.StatedBasis.Earlier = []int{t.Year}
			}
		}
		a.Realised = &r
		// A figure at a limit's edge is the limit written at its decimals:
		// only a figure of 100 meets a share of 100 (99.95 does not).
		achieved = meets(r, t.Value)
		if atEdge {
			achieved = meets(r, judgedLevel)
		}
		if achieved {
			a.Probability = 1
		}
	default:
		y := t.Year
		if frac > 0 {
			// A growth from a base year between stored figures with none
			// of its own (2020, with 2018 and 2021 stored) to a year still
			// projected: the target level, the required growth and the
			// progress rest on the base's interpolated level, which the
			// answer says, as it does once the target year has a figure.
			a.Interpolated = &plancast.YearSpan{From: from, To: to}
		}
		pt := res.Points[y-p.last-1]
		judged := ytd // a growth over a year taken at its nowcast spreads as over that year
		if ytd != nil && growthKind && base > p.last {
			judged = ytd.over(base)
		}
		if ytd != nil {
			pt = judged.Nowcast
		}
		if baseMonths != nil && ytd == nil {
			// A base at its months' nowcast: the target year carried from
			// it as the projection's growth over the base carries it (the
			// growth's distribution, growthProbability, is that of a
			// forecast Y − B years ahead of a known base).
			k := baseValue / res.mean(base)
			pt = plancast.ProjectionPoint{Year: pt.Year, Mean: pt.Mean * k, Lo80: pt.Lo80 * k, Hi80: pt.Hi80 * k, Lo95: pt.Lo95 * k, Hi95: pt.Hi95 * k}
		}
		projectedLevel = pt.Mean
		if ytd != nil {
			ytd.requireRest(judgedLevel)
			if gap != nil && ytd.RequiredRestGrowth != nil {
				// Judged on the stated growth: the rest's need on that
				// basis too, at the year's gap the judgement takes (the
				// months' own where they state their growth), beside the
				// current prices' (the explanation writes both).
				g := (1+*ytd.RequiredRestGrowth)*math.Exp(-over(t.Year-1, t.Year)) - 1
				ytd.RequiredRestStatedGrowth = &g
			}
			a.YearToDate = &ytd.YearToDate
		}
		// cdf is the target year's distribution, P(level ≤ v).
		cdf := func(v float64) float64 { return res.CDF(y, v) }
		if ytd != nil {
			cdf = judged.cdf
		}
		// A base without a figure (frac > 0: its year between stored
		// figures, the target year ahead) is as uncertain as its bridge:
		// the growth's distribution mixes the target year's over the
		// base's (interpbase.go).
		var ob *overBridge
		if growthKind && frac > 0 {
			o := newOverBridge(res, p, y, p.x[base-p.first], frac, cdf, pt.Mean, ytd == nil)
			ob = &o
		}
		var pLow float64
		switch {
		case ob != nil:
			pLow = ob.cdf(growthFactor(t, base) * math.Exp(span))
		case growthKind && base > p.last && ytd == nil:
			pLow = growthProbability(res, t, base, growthFactor(t, base)*math.Exp(span), false)
		default:
			pLow = cdf(judgedLevel)
		}
		pMeet := pLow
		if higher {
			pMeet = 1 - pLow
		}
		a.Probability = clamp01(pMeet)
		proj := pt
		if growthKind {
			proj = plancast.ProjectionPoint{Year: y, Mean: growthOf(pt.Mean), Lo80: growthOf(pt.Lo80), Hi80: growthOf(pt.Hi80), Lo95: growthOf(pt.Lo95), Hi95: growthOf(pt.Hi95)}
			if ob != nil {
				at := func(prob float64) float64 { return growthOf(ob.quantile(prob) * baseValue) }
				proj.Lo80, proj.Hi80 = math.Min(at(0.1), proj.Mean), math.Max(at(0.9), proj.Mean)
				proj.Lo95, proj.Hi95 = math.Min(at(0.025), proj.Lo80), math.Max(at(0.975), proj.Hi80)
			}
			if base > p.last && ytd == nil {
				proj = projectedGrowthPoint(res, t, base, growthOf(pt.Mean), span)
			}
		}
		a.Projected = &proj
		// A latest figure that already meets a target of a later year
		// does not achieve it: the target year's own figure must, and a
		// year's flow can fall below it (a declining oil field's 1.03 in
		// 2021 against 1 for 2022, projected 0.97; 2020's 6,200 new urban
		// jobs are no count of 2021's hiring), as a rate or a share can.
		// It is judged on its year's projection, and the explanation says
		// where the latest figure stands.
	}

	if !(t.Kind == plancast.TargetCeiling || t.Kind == plancast.TargetFloor) {
		pb := t.BaseYear
		if growthKind {
			pb = base
		}
		if pb == 0 {
			// Without a base year of its own, a target is measured from its
			// plan's (plancast.PlanBaseYear: 2020 for the 14th Five-Year
			// Plan), not from whichever figure happens to be stored first.
			pb = plancast.PlanBaseYear(t.Plan)
		}
		// A base year before the first figure has no level to measure
		// progress from; the first figure is no stand-in for it (a 12th
		// FYP's 2010 base, figures from 2015 on, read as no progress). One
		// after the latest figure is projected, with the target's year.
		baseKnown := pb >= p.first && pb < t.Year && (pb <= p.last || res != nil)
		baseLevel := math.NaN()
		if baseKnown {
			baseLevel = levelAt(pb)
		}
		// A growth target's progress is on the stated basis: the levels
		// with the gap of the target's years taken off.
		meetLevel, reached := targetLevel*math.Exp(-span), projectedLevel*math.Exp(-span)
		if a.Realised != nil && growthKind {
			// The level the realised growth (as stated, or the levels'
			// less the gap) reaches from the base.
			reached = baseLevel * growthFactor(plancast.Target{Kind: t.Kind, Year: t.Year, Value: *a.Realised}, base)
		}
		// A target that asks for no move in its better direction from the
		// base (a level at or below the base's figure of one better higher,
		// a fall of 5% a year in it) has no progress toward it to measure:
		// the share would read a miss as 262% and a margin as −357%.
		if d := meetLevel - baseLevel; baseKnown && toward(d) && math.Abs(d) > 1e-12*math.Abs(meetLevel) {
			pr := noiseless((reached - baseLevel) / d)
			a.Progress = &pr
		}
	}

	switch {
	case achieved:
		a.Status = plancast.StatusAchieved
	case t.Year <= p.last && a.Interpolated == nil:
		a.Status = plancast.StatusOffTrack
	// A probability within rounding of a threshold is at it: a target at
	// the projected value is met with probability one half, on_track,
	// whatever the last bit of the arithmetic says.
	case a.Probability >= OnTrackProbability-1e-9:
		a.Status = plancast.StatusOnTrack
	case a.Probability >= AtRiskProbability-1e-9:
		a.Status = plancast.StatusAtRisk
	default:
		a.Status = plancast.StatusOffTrack
	}
	// At the historical pace: the year the latest figure L reaches a level
	// target T in n years, latest year + ⌈n⌉, when the pace moves toward the
	// target and gets there within MaxPaceYears: growing at the history's
	// average h a year, L (1+h)^n = T,
	//	n = log(T/L) / log(1+h);
	// on a percentage of a whole (a share, the unemployment rate), its gap
	// to the limit T lies toward (100, or 0) narrowing at the history's
	// rate c, |100 − L| (1+c)^n = |100 − T|,
	//	n = log(|100 − T| / |100 − L|) / log(1+c),
	// to the edge for a target judged at it (limit_target.go), which is
	// the logit projection's shape: points a year run past 100 (+0.63 a
	// year from 99.8 is 100.43 a year on), and a forest cover's 99.95 was
	// "reached in 2025" by points and in 2027 as the threshold of its 100;
	// on another percentage (a growth rate), changing by the history's c
	// points a year,
	//	n = (T − L) / c.
	// None when L already meets T on its better side: nothing is to be
	// reached, and a pace moving away would "reach" it from the other side
	// (an unemployment rate of 3.9 rising toward a level target of 5.5 read
	// ">99% on_track" and "at that pace the target is reached in 2029").
	//
	// A target short of the limit whose figures follow a straight line in
	// points more closely than the gap's path, and whose straight line
	// stays short of the limit to the target year, is paced in points,
	// as its "history: +1.1 points a year" says (limit_target.go,
	// pacedInPoints): one sentence, one history's pace.
	paceOnGap := atEdge || opt.Limits.NonNegative && opt.Limits.Upper > 0 && !limit.InPoints
	if levelTarget && !achieved && t.Year > p.last && !meets(a.LatestValue, t.Value) {
		n := math.NaN() // no pace: compares false below
		switch {
		case paceOnGap:
			n = limit.paceYears(a.LatestValue, t.Value)
		case inPoints(t, ind):
			if a.HistoricalChange != nil && *a.HistoricalChange != 0 {
				n = (t.Value - a.LatestValue) / *a.HistoricalChange
			}
		case a.HistoricalGrowth != nil && a.LatestValue > 0 && t.Value > 0:
			n = math.Log(t.Value/a.LatestValue) / math.Log1p(*a.HistoricalGrowth)
		}
		if n > 0 && n <= MaxPaceYears {
			y := p.last + int(math.Ceil(n-1e-9))
			a.PaceYear = &y
		}
	}
	// The projection's own pace to the target year, beside the required
	// and the historical (plancast.Assessment.ProjectedGrowth):
	//	g = (x̂_Y / L)^(1/(Y − n)) − 1, or in points c = (x̂_Y − L)/(Y − n).
	if levelTarget && a.Projected != nil && a.Interpolated == nil && t.Year > p.last {
		span := float64(t.Year - p.last)
		switch {
		case a.RequiredChange != nil:
			c := (a.Projected.Mean - a.LatestValue) / span
			a.ProjectedChange = &c
		case a.RequiredGrowth != nil && a.LatestValue > 0 && a.Projected.Mean > 0:
			g := math.Pow(a.Projected.Mean/a.LatestValue, 1/span) - 1
			a.ProjectedGrowth = &g
		}
	}

	// A year ended by the as-of date without its figure is projected, not
	// observed; the answer says so, since a planner reading it after the
	// target year expects the outcome.
	// Only the years up to the target's count: a later one is not judged.
	if due := plancast.EndedAfter(p.last, opt.AsOf); due != nil && !achieved && t.Year > p.last {
		due.To = min(due.To, t.Year)
		a.FiguresDue = due
	}

	approx := base > p.last && growthKind && ytd == nil && baseMonths == nil
	// A year ended without a figure that the judgement takes from its
	// months (the year before of a target year judged on its year to
	// date, or a growth's base at its own months) is not projected: the
	// explanation says so of it, after the months' clauses below.
	shown, dueFromMonths := a, false
	if d := a.FiguresDue; d != nil {
		dueFromMonths = true
		for y := d.From; y <= d.To; y++ {
			if !(ytd != nil && ytd.between[y] > 0 || baseMonths != nil && y == base) {
				dueFromMonths = false
			}
		}
		if dueFromMonths {
			shown.FiguresDue = nil
			a.FiguresDueFromMonths = true
		}
	}
	var edge *LimitEdge // where the target is judged (AtLimit), or how it is paced
	if atEdge || paceOnGap && a.PaceYear != nil {
		edge = &limit
	}
	a.Explanation = explain(english, shown, t, ind, missing, baseValue, base, higher, approx, edge)
	a.ExplanationZh = explain(chinese, shown, t, ind, missing, baseValue, base, higher, approx, edge)
	// Clauses of the year to date said after the judgement, in both languages.
	add := func(clause func(pb *phrasebook) string) {
		a.Explanation += clause(&english)
		a.ExplanationZh += clause(&chinese)
	}
	if dueFromMonths {
		add(func(pb *phrasebook) string {
			if d := a.FiguresDue; d.From != d.To {
				return fmt.Sprintf(pb.dueSpanMonths, d.From, d.To)
			}
			return fmt.Sprintf(pb.dueMonths, a.FiguresDue.From)
		})
	}
	if m := baseMonths; m != nil {
		// The base, without a figure, is taken at its months' nowcast.
		add(func(pb *phrasebook) string {
			return fmt.Sprintf(pb.toDateBefore, base, plancast.FormatNumber(m.median(), plancast.ValuePrec(a.LatestValue)),
				plancast.PeriodName(m.Period, pb.zh), plancast.FormatNumber(m.shownToDate(base, m.Value), -1), m.latest,
				plancast.FormatNumber(m.shownToDate(m.latest, m.latestToDate), -1), plancast.FormatNumber(a.LatestValue, -1))
		})
	}
	if ytd != nil && ytd.PriorNowcast != nil {
		// The year before, without a figure, is taken at its nowcast.
		add(func(pb *phrasebook) string {
			// Taken from its own months that cover the most
			// (betweenLevel), which may run past the target year's.
			m := ytd.beforeFrom
			return fmt.Sprintf(pb.toDateBefore, t.Year-1, plancast.FormatNumber(*ytd.PriorNowcast, plancast.ValuePrec(a.LatestValue)),
				plancast.PeriodName(m.Period, pb.zh), plancast.FormatNumber(m.Value, -1), ytd.latest,
				plancast.FormatNumber(m.Latest, -1), plancast.FormatNumber(a.LatestValue, -1))
		})
	}
	if u := unchained; u != nil {
		add(func(pb *phrasebook) string {
			return fmt.Sprintf(pb.toDateUnchained, plancast.PeriodName(u.Period, pb.zh), u.Year,
				plancast.FormatNumber(u.Value, -1), pb.change(u.Growth), u.latest, pb.years(u.missing))
		})
	}
	if fromMonths {
		add(func(pb *phrasebook) string {
			return fmt.Sprintf(pb.toDateGap, t.Year, plancast.PeriodName(ytd.Period, pb.zh), pb.change(*ytd.StatedGrowth), pb.change(ytd.Growth))
		})
	}
	if ytd != nil {
		// Months not stored, taken from the growth stated with the next
		// year's: the year before's, and the years' back to the latest
		// figure's that the chain reads (yearToDate.taken).
		for _, m := range ytd.taken {
			add(func(pb *phrasebook) string {
				return fmt.Sprintf(pb.toDateFromStated, m.Year, plancast.PeriodName(ytd.Period, pb.zh), plancast.FormatNumber(m.Value, -1),
					m.Year+1, pb.change(m.stated), 100*math.Abs(math.Expm1(math.Log(m.next/m.Value)-math.Log1p(m.stated))), pb.aboveBelow(m.next/m.Value < 1+m.stated))
			})
		}
	}
	if u := unpaired; u != nil {
		add(func(pb *phrasebook) string {
			why := pb.unpairedNoGrowth
			if u.StatedGrowth != nil {
				why = pb.unpairedNoGap
			}
			return fmt.Sprintf(pb.toDateUnpaired, plancast.PeriodName(u.Period, pb.zh), u.Year, plancast.FormatNumber(u.Value, -1), u.Year-1) + why
		})
	}
	if u := unusedToDate; u != nil {
		// Months given and not read are said, not dropped in silence.
		add(func(pb *phrasebook) string {
			return fmt.Sprintf(pb.toDateUnused, plancast.PeriodName(u.Period, pb.zh), u.Year-1,
				plancast.FormatNumber(u.Prior, -1), plancast.FormatNumber(a.LatestValue, -1))
		})
	}
	if est != nil && t.Year >= est.Year {
		add(func(pb *phrasebook) string {
			return estimateClause(pb, est, years[len(years)-1], values[len(values)-1])
		})
	}
	return a, nil
}

// assessForecast is the projection Assess judges the years after the
// latest of years on, through year y: Forecast with opt, by default of
// assessDefaultMethod.
func assessForecast(years []int, values []float64, opt Options, y int) (*Result, error) {
	opt.Horizon = y - years[len(years)-1]
	if opt.Method == "" {
		opt.Method = assessDefaultMethod
	}
	return Forecast(years, values, opt)
}

// mean is the projected mean of year y, after r.LastYear: the level Assess
// takes for a year still projected, a growth's base year not yet reached
// among them.
func (r *Result) mean(y int) float64 {
	return r.Points[y-r.LastYear-1].Mean
}

// observedAlone judges target t on a series of one figure (value, of
// year) when that figure alone settles it: a level, share, ceiling or floor
// of the figure's year is met or missed by it (5,899.6 new urban jobs
// against 5,900 in their first year of figures), and a growth target of
// that year by the growth stated with it over the target's base. Nothing
// needs a projection or a second figure then. It reports false, leaving a
// as it was, when the target needs more (another year, a growth from a
// figure not stored).
func observedAlone(a *plancast.Assessment, t plancast.Target, ind plancast.Indicator, year int, value float64, stated []plancast.StatedGrowth) bool {
	if t.Year != year || !slices.Contains(plancast.TargetKinds, t.Kind) {
		return false
	}
	r, base, asStated, earlier := value, t.BaseYear, false, false
	if plancast.GrowthKind(t.Kind) {
		if base == 0 && t.Kind == plancast.TargetGrowth {
			base = t.Year - 1
		}
		var ok bool
		if r, earlier, ok = statedOver(stated, base, t.Year); !ok || base == 0 {
			return false
		}
		asStated = true
	}
	higher := MeetsAbove(t, ind)
	a.LatestYear, a.LatestValue, a.Realised = year, value, &r
	if asStated {
		a.StatedBasis = &plancast.StatedBasis{AsStated: true}
		if earlier {
			a.StatedBasis.Earlier = []int{t.Year}
		}
	}
	a.Status, a.Probability = plancast.StatusOffTrack, 0
	if meetsTarget(r, t.Value, higher) {
		a.Status, a.Probability = plancast.StatusAchieved, 1
	}
	a.Explanation = explain(english, *a, t, ind, nil, math.NaN(), base, higher, false, nil)
	a.ExplanationZh = explain(chinese, *a, t, ind, nil, math.NaN(), base, higher, false, nil)
	return true
}

// inPoints reports whether a target is planned in percentage points: a
// level or share target on an indicator measured in percent.
func inPoints(t plancast.Target, ind plancast.Indicator) bool {
	return ind.Unit == plancast.UnitPercent && (t.Kind == plancast.TargetLevel || t.Kind == plancast.TargetShare)
}

// meetsTarget reports whether v meets target, at or above it when higher
// and at or below it otherwise, allowing for rounding of one part in 10⁹.
func meetsTarget(v, target float64, higher bool) bool {
	if higher {
		return v >= target-1e-9*math.Abs(target)
	}
	return v <= target+1e-9*math.Abs(target)
}

// Meets reports whether a value v of target t's compared quantity meets it
// (on MeetsAbove's side, within meetsTarget's tolerance): the judgement the
// assessment makes, for the charts to draw as it does.
func Meets(v float64, t plancast.Target, ind plancast.Indicator) bool {
	return meetsTarget(v, t.Value, MeetsAbove(t, ind))
}

// MeetsAbove reports whether target t of indicator ind is met at or above
// its value (a floor, or a level or growth of an indicator better higher);
// otherwise at or below it (a ceiling, or an indicator better lower).
func MeetsAbove(t plancast.Target, ind plancast.Indicator) bool {
	switch t.Kind {
	case plancast.TargetCeiling:
		return false
	case plancast.TargetFloor:
		return true
	}
	return ind.Better != plancast.BetterLower
}

// growthProbability handles a growth target whose base year B is itself
// projected: the growth over the base is the difference of the projected
// means plus the error of a forecast Y − B years ahead,
//
//	g = exp(x̂_Y − x̂_B + s z_{Y−B}) − 1   (annualised for avg_growth).
//
// If the errors are yearly shocks plus an error in the drift, e_h = Σ ε_i +
// δh, then e_Y − e_B = Σ_{B<i≤Y} ε_i + δ(Y − B) is distributed as e_{Y−B}:
// one year's error for an annual target, five years' for a Five-Year Plan's
// average growth from a base year not yet published (bench/forecast.md,
// eleventh round, measured both).
func growthProbability(r *Result, t plancast.Target, base int, factor float64, higher bool) float64 {
	jy, jb := t.Year-r.LastYear-1, base-r.LastYear-1
	zq := r.zq[t.Year-base-1]
	var need float64 // the change x_Y − x_B needed on the working scale
	switch r.WorkScale {
	case ScaleLog:
		need = math.Log(factor)
	case ScaleLogit: // from the projected base to factor times its level
		need = r.prep.work(factor*r.prep.back(r.center[jb])) - r.center[jb]
	default:
		need = r.center[jb] * (factor - 1)
	}
	z := (need - (r.center[jy] - r.center[jb])) / r.Scale
	pLow := cdfAt(r.probs, zq, z)
	if higher {
		return 1 - pLow
	}
	return pLow
}

// projectedGrowthPoint is the growth distribution (percent) for a projected
// base year, with the spread of growthProbability.
func projectedGrowthPoint(r *Result, t plancast.Target, base int, mean, span float64) plancast.ProjectionPoint {
	jy, jb := t.Year-r.LastYear-1, base-r.LastYear-1
	years := float64(t.Year - base)
	zq := r.zq[t.Year-base-1]
	at := func(prob float64) float64 {
		z := quantileAt(r.probs, zq, prob)
		switch r.WorkScale {
		case ScaleLog:
			return 100 * (math.Exp((r.center[jy]-r.center[jb]-span+r.Scale*z)/years) - 1)
		case ScaleLogit:
			ratio := r.prep.back(r.center[jy]+r.Scale*z) * math.Exp(-span) / r.prep.back(r.center[jb])
			return 100 * (math.Pow(ratio, 1/years) - 1)
		}
		b := r.center[jb]
		if b == 0 {
			return math.NaN()
		}
		return 100 * (math.Pow((r.center[jy]+r.Scale*z)/b, 1/years) - 1)
	}
	pt := plancast.ProjectionPoint{Year: t.Year, Mean: mean, Lo80: at(0.1), Hi80: at(0.9), Lo95: at(0.025), Hi95: at(0.975)}
	for _, v := range []*float64{&pt.Lo80, &pt.Hi80, &pt.Lo95, &pt.Hi95} {
		if math.IsNaN(*v) || math.IsInf(*v, 0) {
			*v = mean
		}
	}
	return pt
}

// growthFactor is x_Y/x_B at which a growth target is met exactly: 1 + g
// for growth (over the base year), (1 + g)^{Y−B} for avg_growth.
func growthFactor(t plancast.Target, base int) float64 {
	if t.Kind == plancast.TargetAvgGrowth {
		return math.Pow(1+t.Value/100, float64(t.Year-base))
	}
	return 1 + t.Value/100
}

// noiseless is x, or 0 when |x| < 1e-9: a growth in percent or a share of
// progress that small is what floating point leaves of none (a flat series'
// growth came out −4.4e−14%, shown "-0.0%"); −0 becomes 0.
func noiseless(x float64) float64 {
	if math.Abs(x) < 1e-9 {
		return 0
	}
	return x
}

func clamp01(p float64) float64 {
	if math.IsNaN(p) {
		return 0
	}
	return math.Max(0, math.Min(1, p))
}

// phrasebook holds the clauses of the judgement in one language. The format
// strings take their arguments by index, so each language orders them its
// own way.
type phrasebook struct {
	zh bool // names periods in Chinese
	// what names the compared quantity: ("growth ", 2021) → "growth " /
	// "2021年增长"; observed for a target year already observed.
	what func(kind string, base, year int, observed bool) string
	// observed: what, value, target, status, target year.
	observed string
	// reached opens the judgement of a level, share, ceiling or floor
	// target of a later year that the latest figure already meets: latest
	// year, latest figure, target year, target, and where the figure
	// stands (reachedAbove, reachedBelow, reachedAt).
	reached                               string
	reachedAbove, reachedBelow, reachedAt string
	// interpolated: as projected, then the years without a figure, the
	// stored years around them (a.Interpolated).
	interpolated string
	// interpolatedBase opens projected when a growth's base year has no
	// figure and its target year is ahead: the base year, the stored years
	// around it, its interpolated level.
	interpolatedBase string
	and              string // joins two years
	// projected: what, mean, 95% low, 95% high, target, probability
	// (plancast.FormatProbability), status, target year.
	projected string
	// needs: the required growth in percent, latest year; history: the
	// historical growth in percent. Each is written with the decimals that
	// tell it from the other (plancast.ApartPrec): "needs 6.34% a year
	// (history: 6.26% a year)", not 6.3% twice.
	needs   string
	history string
	// needsPoints and historyPoints say them in points a year, for a
	// percentage (a.RequiredChange): the change's words, latest year;
	// points writes a change with prec decimals.
	needsPoints, historyPoints string
	points                     func(change float64, prec int) string
	pace                       string // the year the target is reached at the historical pace
	// limitPace: pace for a target at a limit (LimitEdge): the year, the
	// limit, how much of the gap to it closes a year ("52.7%").
	limitPace string
	// pointsPass, gapFits: limitPace where the history's points a year
	// were said just before, saying why the gap's pace, not those
	// points, gives the year: the points would run past the limit, or the
	// figures follow the gap more closely (pacedInPoints); limitPace's
	// arguments.
	pointsPass, gapFits string
	// edgeFrom, edgeUnder: where a target at the upper limit, or at 0, is
	// met: the edge, the figures' decimals in words (decimals), the limit.
	edgeFrom, edgeUnder string
	decimals            func(n int) string
	// projectedPace: the projection's growth (or change in points) a year,
	// slower or faster; said where the pace and the probability disagree.
	// gapPace says it of a target paced on its gap to a limit
	// (limitPace): how much of the gap the projection closes a year
	// ("10.2%"), slower or faster; gapWidens, of a projection whose gap
	// widens: by how much a year.
	projectedPace, slower, faster string
	gapPace, gapWidens            string
	growthRate                    func(g float64, prec int) string // a growth a year (a fraction) in words, prec decimals of its percent
	current                       string                           // the growth is of current-price figures
	// stated: the gap in percent a year, below or above, the years it
	// was measured over (span's words); asStated: the target year.
	stated     string
	statedEven string // the gap rounds to 0.0%: the years it was measured over
	// span writes the years from–to, or one year alone: "2016–2020",
	// "2020"; "2016—2020", "2020" (the phrase adds 年).
	span         func(from, to int) string
	below, above string
	asStated     string
	approx       string // the base year is itself projected
	// due, dueSpan: the years ended without a figure (a.FiguresDue), one
	// year, or the first and last.
	due, dueSpan string
	// dueMonths, dueSpanMonths: those years, each taken from its months
	// (said after), not projected.
	dueMonths, dueSpanMonths string
	// estimate: the latest year given only as an estimate published before
	// it ended (the year, the value, the publication date, estimateGrowth
	// or nothing); estimateGrowth: the growth it states (change's words)
	// on the year before.
	estimate, estimateGrowth string

	// earlier: the years (years' words) whose growth is the one stated
	// with their figure before it was revised; asStatedEarlier: the
	// target year's is.
	earlier, asStatedEarlier string
	years                    func(ys []int) string

	// The year to date (a.YearToDate): toDate takes the period's name, the
	// year, the figure and its change on a year before (change's words);
	// restAtLeast and restAtMost the growth the rest of the year needs on
	// the same months of the year before, in percent, and that year;
	// restStatedAtLeast and restStatedAtMost the same at current prices
	// with the need on the stated basis after it (RequiredRestStatedGrowth,
	// for a target judged on the stated growth); passed and passedOver say
	// the year to date alone meets, or misses, the target.
	toDate string
	// toDateStated is toDate when the year before's months were taken from
	// the growth stated with the year's (PriorFromStated): the change is
	// at current prices, the stated growth (change's words) after it.
	toDateStated                        string
	change                              func(fraction float64) string
	restAtLeast, restAtMost             string
	restStatedAtLeast, restStatedAtMost string
	passed, passedOver                  string
	// toDateUnused: a year to date not read (the period's name, the year
	// before, its figure so far, its whole figure).
	toDateUnused string
	// toDateBefore: the year before, without a figure, taken at its
	// nowcast: the year, the nowcast, the period's name, its figure so far,
	// the latest year with a figure, that year's so far and whole.
	// toDateUnchained: a year to date not read for want of the figures of
	// the years between (the period's name, the year, its figure so far,
	// its change on a year before in change's words, the latest year with a
	// figure, the years missing in years' words).
	toDateBefore, toDateUnchained string
	// toDateGap: the target year's gap measured on its months (the year,
	// the period's name, the growth stated with them and their own, in
	// change's words). toDateFromStated: the year before's months taken
	// from the stated growth (the year before, the period's name, the
	// figure so taken, the year, the stated growth, the gap in percent and
	// aboveBelow's side). toDateUnpaired: a year to date not read for want
	// of the same months a year before (the period's name, the year, its
	// figure, the year before), followed by unpairedNoGrowth or
	// unpairedNoGap.
	toDateGap, toDateFromStated     string
	aboveBelow                      func(below bool) string
	toDateUnpaired                  string
	unpairedNoGrowth, unpairedNoGap string

	// Why a target cannot be judged (UnassessableError).
	oneYear     string // the one observed year
	nonPositive string // a growth target on figures not all positive from its base: base year, the year of the first figure ≤ 0, that figure
	baseBefore  string // base year, first observed year
	yearBefore  string // first observed year
	tooFar      string // target year, years past the latest, latest observed year, MaxHorizon
}

var english = phrasebook{
	what: func(kind string, base, year int, observed bool) string {
		switch kind {
		case plancast.TargetGrowth:
			return "growth "
		case plancast.TargetAvgGrowth:
			return fmt.Sprintf("average growth %d–%d ", base, year)
		}
		return ""
	},
	observed:         "%[5]d observed: %[1]s%[2]s against a target of %[3]s (%[4]s)",
	reached:          "already at %[2]s in %[1]d, %[5]s the %[4]s set for %[3]d; ",
	reachedAbove:     "above",
	reachedBelow:     "below",
	reachedAt:        "equal to",
	interpolated:     "no figure of %[8]s is stored: between the figures of %[9]d and %[10]d, %[1]s%[2]s (95%% interval %[3]s to %[4]s) against a target of %[5]s: probability %[6]s (%[7]s)",
	interpolatedBase: "no figure of %[1]s is stored: on its level interpolated between the figures of %[2]d and %[3]d (%[4]s), ",
	and:              " or ",
	projected:        "projected %[1]s%[2]s for %[8]d (95%% interval %[3]s to %[4]s) against a target of %[5]s: probability %[6]s (%[7]s)",
	needs:            "; needs %[1]s%% a year from %[2]d",
	history:          " (history: %s%% a year)",
	needsPoints:      "; needs %[1]s a year from %[2]d",
	historyPoints:    " (history: %s a year)",
	points:           func(c float64, prec int) string { return plancast.Signed(c, prec) + " points" },
	pace:             "; at that pace the target is reached in %d",
	limitPace:        "; at the history's pace, its gap to %[2]s narrowing %[3]s a year, the target is reached in %[1]d",
	pointsPass:       "; those points a year would run past %[2]s: at the history's pace, its gap to %[2]s narrowing %[3]s a year, the target is reached in %[1]d",
	gapFits:          "; its figures follow their gap to %[2]s more closely than those points a year: at the history's pace, its gap to %[2]s narrowing %[3]s a year, the target is reached in %[1]d",
	edgeFrom:         "; met from %[1]s up, which figures of %[2]s write as %[3]s",
	edgeUnder:        "; met under %[1]s, which figures of %[2]s write as %[3]s",
	decimals: func(n int) string {
		switch n {
		case 0:
			return "no decimals"
		case 1:
			return "one decimal"
		}
		return [...]string{"", "", "two", "three", "four", "five", "six"}[min(n, maxFigureDecimals)] + " decimals"
	},
	projectedPace:   ", but the projection assumes %s a year, %s than the history",
	gapPace:         ", but the projection narrows it %s a year, %s than the history",
	gapWidens:       ", but in the projection it widens %s a year",
	growthRate:      func(g float64, prec int) string { return plancast.Fixed(100*g, prec) + "%" },
	slower:          "slower",
	faster:          "faster",
	current:         "; growth of the current-price figures, inflation included",
	stated:          "; judged on the growth stated with the figures, which ran %.1[1]f%% a year %[2]s the figures' own growth in %[3]s",
	statedEven:      "; judged on the growth stated with the figures, which ran level with the figures' own growth in %[1]s",
	span:            func(from, to int) string { return plancast.YearSpanText(from, to, "–") },
	below:           "below",
	above:           "above",
	asStated:        "; the growth as stated with the %d figure",
	earlier:         " (for %s the growth stated with the figures before their revision, each year's gap measured on the levels published with it)",
	asStatedEarlier: "; the growth as stated with the %d figure before its revision",
	years:           func(ys []int) string { return plancast.YearRunsText(ys, "–", ", ") },
	approx:          "; the base year is itself projected, so the growth's spread is approximate",
	due:             "; %d has ended but no figure of it is stored: it is projected",
	dueSpan:         "; %d–%d have ended but no figures of them are stored: they are projected",
	dueMonths:       "; %d has ended but no figure of it is stored: it is taken from its months",
	estimate:        "; %[1]d is estimated at %[2]s%[4]s in an estimate published on %[3]s, before the year ended: not its figure, which the judgement does not rest on",
	estimateGrowth:  " (%s on %d)",
	dueSpanMonths:   "; %d–%d have ended but no figures of them are stored: they are taken from their months",

	toDate:       "; %[2]d %[1]s: %[3]s, %[4]s on a year before",
	toDateStated: "; %[2]d %[1]s: %[3]s, %[4]s at current prices (stated %[5]s) on a year before",
	change:       func(g float64) string { return plancast.Signed(100*g, 1) + "%" },
	restAtLeast:  "; the rest of the year needs %+.1[1]f%% on the same months of %[2]d",
	restAtMost:   "; the rest of the year must stay within %+.1[1]f%% of the same months of %[2]d",
	// On the stated basis the target is judged on, written as the year
	// to date's own change beside its stated growth (toDateStated).
	restStatedAtLeast: "; the rest of the year needs %+.1[1]f%% at current prices (%+.1[3]f%% on the stated basis the target is judged on) on the same months of %[2]d",
	restStatedAtMost:  "; the rest of the year must stay within %+.1[1]f%% at current prices (%+.1[3]f%% on the stated basis the target is judged on) of the same months of %[2]d",
	passed:            "; the year to date alone meets the target",
	passedOver:        "; the year to date alone is past the target",

	toDateUnused: "; the %[1]s figures were not read: %[2]d's (%[3]s) is not below the whole of %[2]d (%[4]s), which leaves nothing for the rest of the year to grow on",

	toDateBefore:    "; %[1]d, without a yearly figure, is taken at %[2]s: its %[3]s (%[4]s) in the proportion of %[5]d's (%[6]s) to the whole of %[5]d (%[7]s)",
	toDateUnchained: "; the %[1]s figure of %[2]d (%[3]s, %[4]s on a year before) was not read: relating it to a whole year needs the %[1]s figures of every year from %[5]d, the latest year with a yearly figure, and none is stored for %[6]s",

	toDateGap:        "; %[1]d's gap is its %[2]s figures': stated %[3]s on a year before, %[4]s at current prices",
	toDateFromStated: "; %[1]d %[2]s, not stored, is taken at %[3]s from the %[5]s stated with %[4]d's and the figures' own growth running %.1[6]f%% %[7]s the stated, as the yearly figures' did",
	aboveBelow: func(below bool) string {
		if below {
			return "below"
		}
		return "above"
	},
	toDateUnpaired:   "; the %[1]s figure of %[2]d (%[3]s) was not read: the %[1]s figure of %[4]d is not stored",
	unpairedNoGrowth: ", and no growth is stated with it to take its place: push that figure, or the growth stated with this one",
	unpairedNoGap:    ", and the growth stated with it cannot stand in for it, as the yearly figures state no growth to measure their prices by: push that figure, or the yearly figures' stated growth",

	oneYear:     "one observed year (%d); at least two are needed",
	nonPositive: "a growth target needs positive figures from its base year (%[1]d) on, or from the latest figure before it when the base year has none; the figure of %[2]d is %[3]s, and a growth rate needs positive levels: check that figure",
	baseBefore:  "base year %d is before the first observation (%d)",
	yearBefore:  "the target year is before the first observation (%d)",
	tooFar:      "%d is %d years past the latest figure (%d); projections reach at most %d years ahead",
}

// earlierYears says which years' growth was stated with their figures
// before these were revised (plancast.StatedBasis.Earlier); "" for none.
func (pb phrasebook) earlierYears(ys []int) string {
	if len(ys) == 0 {
		return ""
	}
	return fmt.Sprintf(pb.earlier, pb.years(ys))
}

// zhGrowth writes a growth (a fraction) in Chinese: 增长4.2%, 下降1.0%; one
// that rounds to zero is 增长0.0%, as "+0.0%" in English, not 下降0.0%.
func zhGrowth(g float64) string { return zhGrowthPrec(g, 1) }

// zhGrowthPrec is zhGrowth with prec decimals: 增长6.34%.
func zhGrowthPrec(g float64, prec int) string {
	s := plancast.Fixed(100*g, prec)
	if strings.HasPrefix(s, "-") {
		return "下降" + s[1:] + "%"
	}
	return "增长" + s + "%"
}

var chinese = phrasebook{
	zh: true,
	what: func(kind string, base, year int, observed bool) string {
		actual := ""
		if observed {
			actual = "实际"
		}
		switch kind {
		case plancast.TargetGrowth:
			return fmt.Sprintf("%d年%s增长", year, actual)
		case plancast.TargetAvgGrowth:
			return fmt.Sprintf("%d—%d年%s年均增长", base, year, actual)
		}
		return fmt.Sprintf("%d年%s为", year, actual)
	},
	observed:         "%[1]s%[2]s，目标%[3]s（%[4]s）",
	reached:          "%[1]d年已为%[2]s，%[5]s%[3]d年目标%[4]s；",
	reachedAbove:     "高于",
	reachedBelow:     "低于",
	reachedAt:        "等于",
	interpolated:     "尚无%[8]s年数据，按%[9]d年和%[10]d年数据推算%[1]s%[2]s（95%%区间%[3]s至%[4]s），目标%[5]s：达成概率%[6]s（%[7]s）",
	interpolatedBase: "尚无%[1]s年数据，按%[2]d年和%[3]d年数据推算为%[4]s，",
	and:              "年和",
	projected:        "预计%[1]s%[2]s（95%%区间%[3]s至%[4]s），目标%[5]s：达成概率%[6]s（%[7]s）",
	needs:            "；自%[2]d年起需年均增长%[1]s%%",
	history:          "（历史年均%s%%）",
	needsPoints:      "；自%[2]d年起需年均%[1]s",
	historyPoints:    "（历史年均%s）",
	points:           plancast.FormatPointsZhPrec,
	pace:             "；按历史增速，%d年达到目标",
	limitPace:        "；按历史速度，与%[2]s的差距年均缩小%[3]s，%[1]d年达到目标",
	pointsPass:       "；按历史年均点数将超过%[2]s：按历史速度，与%[2]s的差距年均缩小%[3]s，%[1]d年达到目标",
	gapFits:          "；历史数据更接近与%[2]s的差距按比例缩小，而非每年固定点数：按历史速度，与%[2]s的差距年均缩小%[3]s，%[1]d年达到目标",
	edgeFrom:         "；数据保留%[2]s，不低于%[1]s即记为%[3]s，按此判断",
	edgeUnder:        "；数据保留%[2]s，低于%[1]s即记为%[3]s，按此判断",
	decimals: func(n int) string {
		if n == 0 {
			return "整数"
		}
		return [...]string{"", "一", "两", "三", "四", "五", "六"}[min(n, maxFigureDecimals)] + "位小数"
	},
	projectedPace:   "，但预测年均%s，%s历史",
	gapPace:         "，但预测差距年均缩小%s，%s历史",
	gapWidens:       "，但预测差距年均扩大%s",
	slower:          "慢于",
	faster:          "快于",
	growthRate:      zhGrowthPrec,
	current:         "；按现价数据计算，含价格因素",
	stated:          "；按公布的增速判断，%[3]s年公布增速比现价数据增速年均%[2]s%.1[1]f%%",
	statedEven:      "；按公布的增速判断，%[1]s年公布增速与现价数据增速持平",
	span:            func(from, to int) string { return plancast.YearSpanText(from, to, "—") },
	below:           "低",
	above:           "高",
	asStated:        "；为%d年公布的增速",
	earlier:         "（%s年为数据修订前公布的增速，差距按同期公布的数据计算）",
	asStatedEarlier: "；为%d年数据修订前公布的增速",
	years:           func(ys []int) string { return plancast.YearRunsText(ys, "—", "、") },
	approx:          "；基期本身为预测值，增速区间为近似值",
	due:             "；%d年已结束，但尚无该年数据，按预测值判断",
	dueSpan:         "；%d—%d年已结束，但尚无这些年份的数据，按预测值判断",
	dueMonths:       "；%d年已结束，但尚无该年数据，按其年内累计推算",
	estimate:        "；%[1]d年预计%[2]s%[4]s（%[3]s发布的预计数，发布时该年尚未结束，非全年实际数据，未据以判断）",
	estimateGrowth:  "，比%[2]d年%[1]s",
	dueSpanMonths:   "；%d—%d年已结束，但尚无这些年份的数据，按其年内累计推算",

	toDate:            "；%[2]d年%[1]s%[3]s，同比%[4]s",
	toDateStated:      "；%[2]d年%[1]s%[3]s，现价同比%[4]s（公布增速同比%[5]s）",
	change:            zhGrowth,
	restAtLeast:       "；其余月份同比增速需不低于%.1[1]f%%",
	restAtMost:        "；其余月份同比增速需不高于%.1[1]f%%",
	restStatedAtLeast: "；其余月份现价同比增速需不低于%.1[1]f%%（按目标所依据的公布增速口径需不低于%.1[3]f%%）",
	restStatedAtMost:  "；其余月份现价同比增速需不高于%.1[1]f%%（按目标所依据的公布增速口径需不高于%.1[3]f%%）",
	passed:            "；年内累计已达到目标",
	passedOver:        "；年内累计已超过目标",

	toDateUnused: "；未采用%[1]s数据：%[2]d年%[1]s（%[3]s）不低于%[2]d年全年（%[4]s），无从推算其余月份",

	toDateBefore:    "；%[1]d年尚无数据，按其%[3]s（%[4]s）与%[5]d年%[3]s（%[6]s）占全年（%[7]s）的比例推算为%[2]s",
	toDateUnchained: "；未采用%[2]d年%[1]s数据（%[3]s，同比%[4]s）：推算全年需要自%[5]d年（最近有全年数据的年份）起各年的%[1]s数据，尚缺%[6]s年",

	toDateGap:        "；%[1]d年按%[2]s数据衡量公布增速与现价增速之差：公布增速同比%[3]s，现价同比%[4]s",
	toDateFromStated: "；%[1]d年%[2]s无数据，按%[4]d年%[2]s公布增速（%[5]s）推算为%[3]s，现价增速按近年公布增速与现价增速之差取%[7]s公布增速%.1[6]f%%",
	aboveBelow: func(below bool) string {
		if below {
			return "低于"
		}
		return "高于"
	},
	toDateUnpaired:   "；未采用%[2]d年%[1]s数据（%[3]s）：缺少%[4]d年%[1]s数据",
	unpairedNoGrowth: "，且未公布其增速可资替代：请补报该数据，或本期数据的公布增速",
	unpairedNoGap:    "，其公布增速也无法替代，因全年数据未公布增速，无从衡量价格变动：请补报该数据，或全年数据的公布增速",

	oneYear:     "仅有%d年一年的数据，至少需要两年",
	nonPositive: "增速目标需要自基期（%[1]d年）起各年数据均为正值（基期无数据时自其前最近一年起），而%[2]d年数据为%[3]s，增速需以正值计算：请核对该数据",
	baseBefore:  "基期%d年早于最早的数据年份（%d年）",
	yearBefore:  "目标年份早于最早的数据年份（%d年）",
	tooFar:      "%d年距最新数据（%[3]d年）%[2]d年，预测最多只能外推%[4]d年",
}

// explain writes the one-sentence judgement shown to planners, in the
// language of pb: "projected 147.2 for 2025 (95% interval 103.2 to 225.7)
// against a target of 250: probability 1% (off_track); needs 15.7% a year
// from 2020 (history: 6.3% a year); at that pace the target is reached in
// 2032" / "预计2025年为147.2（95%区间103.2至225.7），目标250：达成概率1%（难以
// 实现）；自2020年起需年均增长15.7%（历史年均6.3%）；按历史增速，2032年达到目标". A year in progress adds its year to date: "; 2021 first half: 60,
// +9.1% on a year before; the rest of the year needs +8.0% on the same months
// of 2020" / "；2021年上半年60，同比增长9.1%；其余月份同比增速需不低于8.0%".
// Figures are written as stated, projections as precisely as the
// latest figure (plancast.ValuePrec), or more precisely where that would
// write one as its target (plancast.FormatApart: "projected 99.89 (95%
// interval 99.7 to 99.95) against a target of 99.9", not "99.9 (… to
// 99.9)"). A growth target's figures are growth rates in percent, said as
// such. When the growth stated with the figures
// judged it (a.StatedBasis), the sentence says so and how far the stated
// growth ran from the figures' own; otherwise, for a money aggregate, it
// says that the growth is in current prices: plans usually set GDP growth at
// comparable prices, which a series of current-price figures alone cannot
// separate from inflation.
func explain(pb phrasebook, a plancast.Assessment, t plancast.Target, ind plancast.Indicator, missing []int, baseLevel float64, base int, higher, approx bool, edge *LimitEdge) string {
	growth := plancast.GrowthKind(t.Kind)
	target := func(v float64) string { return plancast.FormatNumber(v, -1) }
	lim, prec := LimitsOf(ind), plancast.ProjectedPrec(a.LatestValue)
	// A projection and its bounds are written apart from the target, as an
	// observed value is (apart, below): "99.9 (95% interval 99.7 to 99.9)
	// against a target of 99.9" put the target at the projection and at
	// the interval's top, beside a probability of 31%.
	num := func(v float64) string {
		return plancast.FormatApart(v, t.Value, growth, lim.Prec(v, plancast.ShownPrec(v, prec)))
	}
	if growth {
		// A growth projected is written to one decimal (num); its target
		// as set, with its own decimals: "against a target of 6.3%"
		// misquoted a plan's 6.25%, and "growth 6.863% against a target of
		// 6.9% (achieved)" read as a miss for a target of 6.86.
		target = func(v float64) string { return plancast.FormatNumber(v, -1) + "%" }
	}
	// An observed value is written apart from its target: "growth 8.5%
	// against a target of 8.5% (off_track)" hid 8.46%; an observed level is
	// the figure, written as stated (5,899.6, not 5,900).
	apart := func(v float64) string { return plancast.FormatApart(v, t.Value, growth, -1) }
	status := a.StatusWords(pb.zh)
	var s string
	switch {
	case a.Realised != nil:
		s = fmt.Sprintf(pb.observed, pb.what(t.Kind, base, t.Year, true), apart(*a.Realised), target(t.Value), status, t.Year)
	case a.Interpolated != nil && t.Year > a.LatestYear:
		// Only the base is interpolated; the target year is projected.
		s = fmt.Sprintf(pb.interpolatedBase, strconv.Itoa(base), a.Interpolated.From, a.Interpolated.To,
			plancast.FormatNumber(baseLevel, plancast.ValuePrec(a.LatestValue)))
		s += fmt.Sprintf(pb.projected, pb.what(t.Kind, base, t.Year, false), num(a.Projected.Mean),
			num(a.Projected.Lo95), num(a.Projected.Hi95), target(t.Value), plancast.FormatProbability(a.Probability), status, t.Year)
	case a.Interpolated != nil:
		years := make([]string, len(missing))
		for i, y := range missing {
			years[i] = strconv.Itoa(y)
		}
		s = fmt.Sprintf(pb.interpolated, pb.what(t.Kind, base, t.Year, false), num(a.Projected.Mean),
			num(a.Projected.Lo95), num(a.Projected.Hi95), target(t.Value), plancast.FormatProbability(a.Probability), status,
			strings.Join(years, pb.and), a.Interpolated.From, a.Interpolated.To)
	default:
		if !growth && t.Year > a.LatestYear && meetsTarget(a.LatestValue, t.Value, higher) {
			// Met by the latest figure, not yet by its year's: said,
			// and judged on the projection all the same.
			side := pb.reachedAt
			switch d := a.LatestValue - t.Value; {
			case math.Abs(d) <= 1e-9*math.Abs(t.Value):
			case d > 0:
				side = pb.reachedAbove
			default:
				side = pb.reachedBelow
			}
			s = fmt.Sprintf(pb.reached, a.LatestYear, plancast.FormatNumber(a.LatestValue, -1), t.Year, target(t.Value), side)
		}
		s += fmt.Sprintf(pb.projected, pb.what(t.Kind, base, t.Year, false), num(a.Projected.Mean),
			num(a.Projected.Lo95), num(a.Projected.Hi95), target(t.Value), plancast.FormatProbability(a.Probability), status, t.Year)
	}
	if y := a.YearToDate; y != nil {
		if y.PriorFromStated && y.StatedGrowth != nil {
			// The year before's months were made from the stated growth:
			// their change is at current prices, beside the stated one.
			s += fmt.Sprintf(pb.toDateStated, plancast.PeriodName(y.Period, pb.zh), y.Year,
				plancast.FormatNumber(y.Value, -1), pb.change(y.Growth), pb.change(*y.StatedGrowth))
		} else {
			s += fmt.Sprintf(pb.toDate, plancast.PeriodName(y.Period, pb.zh), y.Year,
				plancast.FormatNumber(y.Value, -1), pb.change(y.Growth))
		}
		switch {
		case y.RequiredRestGrowth == nil && higher:
			s += pb.passed
		case y.RequiredRestGrowth == nil:
			s += pb.passedOver
		case y.RequiredRestStatedGrowth != nil:
			// Judged on the stated growth: the need at current prices,
			// which the months' change is in, and on the stated basis,
			// which the target and the months' stated growth are in.
			phrase := pb.restStatedAtMost
			if higher {
				phrase = pb.restStatedAtLeast
			}
			s += fmt.Sprintf(phrase, plancast.HalfAway(100**y.RequiredRestGrowth, 1), y.Year-1, plancast.HalfAway(100**y.RequiredRestStatedGrowth, 1))
		case higher:
			s += fmt.Sprintf(pb.restAtLeast, plancast.HalfAway(100**y.RequiredRestGrowth, 1), y.Year-1)
		default:
			s += fmt.Sprintf(pb.restAtMost, plancast.HalfAway(100**y.RequiredRestGrowth, 1), y.Year-1)
		}
	}
	// A pace the sentence compares with another (the required with the
	// history's, the projection's with the history's) is written apart
	// from it (plancast.ApartPrec): Yuncheng's urbanization rate "needs
	// +1.0 points a year (history: +1.0 points a year)", at that pace
	// "reached in 2031", a year late, hid 1.04 against 1.02. other is
	// NaN when there is none to compare with.
	points := func(c, other float64) string {
		return pb.points(c, plancast.PacePrec(c, other, plancast.PointsPrec(c)))
	}
	orNaN := func(v *float64) float64 {
		if v == nil {
			return math.NaN()
		}
		return *v
	}
	switch {
	case a.RequiredChange != nil:
		s += fmt.Sprintf(pb.needsPoints, points(*a.RequiredChange, orNaN(a.HistoricalChange)), a.LatestYear)
		if a.HistoricalChange != nil {
			s += fmt.Sprintf(pb.historyPoints, points(*a.HistoricalChange, *a.RequiredChange))
		}
	case a.RequiredGrowth != nil:
		g, h := *a.RequiredGrowth, orNaN(a.HistoricalGrowth)
		s += fmt.Sprintf(pb.needs, plancast.Fixed(100*g, plancast.PacePrec(100*g, 100*h, 1)), a.LatestYear)
		if a.HistoricalGrowth != nil {
			s += fmt.Sprintf(pb.history, plancast.Fixed(100*h, plancast.PacePrec(100*h, 100*g, 1)))
		}
	}
	if a.PaceYear != nil {
		if edge != nil && edge.GapChange != nil {
			// A target at a limit is paced on its gap to the limit.
			// Where the history's points a year were said just before,
			// the sentence says why the gap's pace, not that one,
			// gives the year: two paces of one history, and the
			// reader is told which counts (limit_target.go,
			// pacedInPoints).
			phrase := pb.limitPace
			switch {
			case a.RequiredChange == nil || a.HistoricalChange == nil:
			case edge.PointsPass:
				phrase = pb.pointsPass
			default:
				phrase = pb.gapFits
			}
			s += fmt.Sprintf(phrase, *a.PaceYear, plancast.FormatNumber(edge.Limit, -1), plancast.Fixed(-100**edge.GapChange, plancast.PacePrec(-100**edge.GapChange, math.NaN(), 1))+"%")
		} else {
			s += fmt.Sprintf(pb.pace, *a.PaceYear)
		}
		s += paceCaveat(pb, a, t, edge)
	}
	if edge != nil && edge.AtLimit && a.Realised == nil && a.Status != plancast.StatusAchieved {
		// What "met" means for a target at a limit, which the probability
		// is read at: where a figure reads as the limit.
		phrase := pb.edgeUnder
		if edge.Upper {
			phrase = pb.edgeFrom
		}
		s += fmt.Sprintf(phrase, plancast.FormatNumber(edge.Edge, -1), pb.decimals(edge.Decimals), plancast.FormatNumber(edge.Limit, -1))
	}
	switch sb := a.StatedBasis; {
	case sb != nil && sb.AsStated && len(sb.Earlier) > 0:
		s += fmt.Sprintf(pb.asStatedEarlier, t.Year)
	case sb != nil && sb.AsStated:
		s += fmt.Sprintf(pb.asStated, t.Year)
	case sb != nil && sb.Even():
		s += fmt.Sprintf(pb.statedEven, pb.span(sb.From+1, sb.To)) + pb.earlierYears(sb.Earlier)
	case sb != nil:
		side := pb.below
		if sb.Gap < 0 {
			side = pb.above
		}
		s += fmt.Sprintf(pb.stated, plancast.HalfAway(100*math.Abs(sb.Gap), 1), side, pb.span(sb.From+1, sb.To)) + pb.earlierYears(sb.Earlier)
	case growth && (ind.Unit == plancast.Unit100mYuan || ind.Unit == plancast.UnitYuan):
		s += pb.current
	}
	if approx {
		s += pb.approx
	}
	switch d := a.FiguresDue; {
	case d != nil && d.From == d.To:
		s += fmt.Sprintf(pb.due, d.From)
	case d != nil:
		s += fmt.Sprintf(pb.dueSpan, d.From, d.To)
	}
	return s
}

// PaceCaveat is what an assessment's explanation adds, in English, to "at
// that pace the target is reached in Y" when the projection's pace
// disagrees with the history's (", but the projection assumes 3.0% a year,
// slower than the history"), so that an answer that writes the history's
// pace apart from the explanation (plancast forecast) says it in the same
// words; "" when there is no pace, or no disagreement. edge is the
// target's forecast.TargetAtLimit, for one paced on its gap to a limit
// (nil, or one without a GapChange, for any other).
func PaceCaveat(a plancast.Assessment, edge *LimitEdge) string {
	if a.PaceYear == nil {
		return ""
	}
	return paceCaveat(english, a, a.Target, edge)
}

// paceCaveat is PaceCaveat in the words of pb, for target t.
func paceCaveat(pb phrasebook, a plancast.Assessment, t plancast.Target, edge *LimitEdge) string {
	points := func(c, other float64) string {
		return pb.points(c, plancast.PacePrec(c, other, plancast.PointsPrec(c)))
	}
	growthRate := func(g, other float64) string { return pb.growthRate(g, plancast.PacePrec(100*g, 100*other, 1)) }
	s := ""
	// The historical pace and the probability disagree (the pace gets
	// there in time, the odds are under even, or the reverse) when the
	// projection grows at another pace than the history: say its pace.
	// toward is +1 for a target above the latest value, −1 below.
	toward := math.Copysign(1, t.Value-a.LatestValue)
	inTime := *a.PaceYear <= t.Year
	if inTime != (a.Probability >= OnTrackProbability-1e-9) {
		side := pb.slower
		if !inTime {
			side = pb.faster
		}
		// Said only when the projection's pace is on that side of the
		// history's (a probability a hair under even at the historical
		// pace is no disagreement).
		onSide := func(proj, hist float64) bool { return inTime == (toward*(proj-hist) < 0) }
		switch gap, ok := projectedGapChange(a, t, edge); {
		case ok:
			// A target paced on its gap to a limit is compared on it,
			// as its pace was said: "its gap to 100 narrowing 13.8% a
			// year …, but the projection assumes +0.7 points a year"
			// set points against a gap. A gap closing more slowly
			// (less negative) is slower.
			hist := *edge.GapChange
			if onGapSide := inTime == (gap > hist); onGapSide && gap < 0 {
				s += fmt.Sprintf(pb.gapPace, plancast.Fixed(-100*gap, plancast.PacePrec(-100*gap, -100*hist, 1))+"%", side)
			} else if onGapSide {
				s += fmt.Sprintf(pb.gapWidens, plancast.Fixed(100*gap, plancast.PacePrec(100*gap, math.NaN(), 1))+"%")
			}
		case a.ProjectedChange != nil && a.HistoricalChange != nil && onSide(*a.ProjectedChange, *a.HistoricalChange):
			s += fmt.Sprintf(pb.projectedPace, points(*a.ProjectedChange, *a.HistoricalChange), side)
		case a.ProjectedGrowth != nil && a.HistoricalGrowth != nil && onSide(*a.ProjectedGrowth, *a.HistoricalGrowth):
			s += fmt.Sprintf(pb.projectedPace, growthRate(*a.ProjectedGrowth, *a.HistoricalGrowth), side)
		}
	}
	return s
}

// projectedGapChange is the change a year in the gap between the figures
// and the limit a target is paced toward (edge, with its GapChange) that
// the projection assumes from the latest figure to the target year:
// (|limit − x̂_Y| / |limit − L|)^(1/(Y − n)) − 1, negative when it
// narrows, as edge.GapChange is the history's. ok is false for a target
// not paced on a gap, or without a projection of its year.
func projectedGapChange(a plancast.Assessment, t plancast.Target, edge *LimitEdge) (float64, bool) {
	if edge == nil || edge.GapChange == nil || a.Projected == nil || a.Interpolated != nil || t.Year <= a.LatestYear {
		return 0, false
	}
	from, to := math.Abs(edge.Limit-a.LatestValue), math.Abs(edge.Limit-a.Projected.Mean)
	if !(from > 0) || math.IsNaN(to) {
		return 0, false
	}
	return math.Pow(to/from, 1/float64(t.Year-a.LatestYear)) - 1, true
}

// UnassessableError is the EINVALID error of a target its series cannot
// judge, with the reason in Chinese as well, for answers in Chinese.
// ErrorCode and ErrorMessage find the English error through Unwrap.
type UnassessableError struct {
	Err *plancast.Error
	Zh  string
	// En is the English reason alone, for a place that names the target
	// already; Err's message begins with the target ("assess gdp growth 2022: ").
	En string
}

func (e *UnassessableError) Error() string { return e.Err.Error() }
func (e *UnassessableError) Unwrap() error { return e.Err }

// unassessable is the EINVALID error of target t, in the words phrase picks
// from each language's phrasebook.
func unassessable(t plancast.Target, phrase func(phrasebook) string, args ...any) error {
	en := fmt.Sprintf(phrase(english), args...)
	return &UnassessableError{Err: plancast.Errorf(plancast.EINVALID, "assess %s %s %d: %s", t.Indicator, t.Kind, t.Year, en),
		Zh: fmt.Sprintf(phrase(chinese), args...), En: en}
}

// positiveFrom reports whether the levels a growth from base year base
// is measured on are positive: the figure of the base year, or the latest
// before it (its interpolation's start, or the projection's origin when
// the base is after the latest figure), and every later one. A growth is a
// ratio of positive levels: one across 0 means nothing (from −2 to 1
// would be "−150%"). A figure at or below 0 before that (a series starting
// from nothing: 0, 0, 0.5, 1.2) leaves the growth assessable, on the
// projection of the whole history (Assess). When they are not, bad is
// the index of the first of them at or below 0, which the error names.
func positiveFrom(base int, years []int, values []float64) (bad int, ok bool) {
	i, found := slices.BinarySearch(years, base)
	if !found && i > 0 {
		i-- // the figure before the base
	}
	for j, v := range values[i:] {
		if !(v > 0) {
			return i + j, false
		}
	}
	return 0, true
}
