package forecast

import (
	"math"
	"slices"
	"strconv"

	"github.com/plancast/plancast"
)

// The year in progress, judged on its figures so far.
//
// A bureau publishes the year to date long before the year's figure:
// January–November GDP in December, the first half in July. A target for
// that year is then judged on what is already known, not on the yearly
// model alone. With P the year's figure to date (m months from January),
// P₀ the same months of the year before and A₀ the year before's whole
// figure, the rest of the year before was R₀ = A₀ − P₀, and the year's
// figure is A = P + R, R the rest of this year, unknown:
//
//	A = P + R₀ · (1 + g) · exp(u),   g = P/P₀ − 1,   u = c · s · (z − z̃)
//
// u = log(R/R₀) − log(P/P₀) is how much faster the rest of the year grows
// on the same months of the year before than the year so far did. Its
// median is 0 (A's median is P·A₀/P₀: the year's figure in proportion to
// the year so far) and its spread the yearly model's one-year spread
// s·(z − z̃) (z from the calibration's one-year quantiles, z̃ their median)
// times c. The year's growth then spreads about w·c·s, w = R₀(1 + g)/A the
// rest's share of the year's value: the months known narrow the year
// through w, a quarter of it after September (more where the fourth
// quarter weighs more), a twelfth after November.
//
// Where the series has years of its own, c is learnt from them; otherwise
// it is what a random walk of monthly shocks gives:
//
//	c = (n₀ · c_rw(m) + Σᵢ |uᵢ| / (s·δ)) / (n₀ + n),   n₀ = 4,
//
// the uᵢ the u of the n past years whose period and whole figure are given
// with the year before's, δ = E|z − z̃| under the one-year quantiles (so
// that |uᵢ|/(s·δ) is one year's c), the random walk weighing as four years.
// c learnt from a few years is itself uncertain, with relative variance
// V = (π/2 − 1)·n/(n₀ + n)², and the quantile of probability p is taken
// 1 + V·ζ_p²/2 times as far from the median (ζ_p the normal quantile of p):
// the predictive distribution of a scale estimated from n draws, to second
// order.
//
// c_rw(m) (randomWalkRest) is the standard deviation of u over that of the
// year's growth when the monthly log level is a random walk with equal
// months: 1.021 for m = 1 and 11, 1.005 to 1.011 between; seasons move it a
// few percent (China's GDP's quarters, 22% to 29% of the year: 1.031 after
// the first quarter, 0.986 after November). u does not narrow as the
// months known grow: the year so far's growth is the mean of m months'
// growths on a year before, each the sum of twelve monthly shocks, not the
// level the months have reached, and the rest's months differ from it by
// about a year's shocks whatever m is. The remaining fraction enters as w,
// not as a square root in c: a rest spreading √((12 − m)/12) yearly
// spreads (as if only the months still to come were uncertain) gives 80%
// intervals of the year that cover 49% of simulated years after September
// and 29% after November, 72% and 30% of real ones.
//
// Calibration (yeartodate_calibration_test.go): on simulated random walks
// the year's 80% and 95% intervals cover 79–82% and 95–96% of outcomes
// after the first quarter, the half, September and November, with no past
// years and with five; on 14 real monthly and quarterly flows
// (testdata/subannual.csv: US GDP and its parts, production, UK gas and
// consumption, Dutch retail sales, air passengers), each year projected
// from the ten before it, 80–89% and 97.5–99% (without the years to learn
// from, 81–94% and 97.5–99.5%): on the wide side, as the yearly model's s,
// learnt on yearly series, is for the months of a year. Until this was
// learnt the rest spread √(12/(12 − m)) yearly spreads (the mean of 12 − m
// independent months against 12), twice the yearly after September: its
// 80% intervals then covered 99% of simulated years and 98% of real ones.
//
// This needs a flow that adds up over the year (an indicator of kind level,
// on the log scale: every figure positive) and R₀ > 0; a year-to-date
// figure of anything else (a rate, a stock reported at a month's end) is
// not used.
//
// A year two or more after the latest figure L (2026 in November 2026, the
// 2025 figure not yet published) is judged on its year to date through the
// years between, each taken at its nowcast from the same months: A₀, the
// year before's whole figure, is P₀ · A_L/P_L, the year before's months in
// the proportion of the latest year's months P_L to its whole figure A_L,
// which is what the chain of medians P + R₀(1 + g) gives year after year.
// A year between with more months of its own than the year judged (2025's
// January–November, 2026's to October) is taken from those, as its own
// year to date projects it (betweenLevel): one level of 2025 whichever
// target rests on it. The rest of the year before is then that level less
// the period's figure, and the spread stays the chain's, D − D_L (a little
// wide: the longer months know the year before better).
// The rest of the year is measured on the rest of the year before as
// nowcast, and A = P + R₀(1 + g) exp(u) as above. With D = log(R/P), the
// log ratio of a year's rest to its months, u = D − D₀ (an identity), so
// the chain telescopes to A = P + R_L (P/P_L) exp(D − D_L): the year's
// figure spreads as u over the years since L, and c is learnt from the
// series' own years as far apart (pastRest; a random walk of monthly
// shocks, whose shocks within a year set that year's D alone, gives the
// same c_rw at any distance). A growth over the year before as nowcast
// spreads as one year's u, D − D₀, the two years' proportion to L's
// cancelling (over). On 14 real flows (yeartodate_calibration_test.go) the
// years two and three after the latest figure are covered as the year
// after it is: 76–92% by the 80% intervals, 96–99% by the 95%. This needs
// the period's figure of every year from L to the year: without L's the
// months cannot be related to a whole year, and the answer says that the
// year's months were not read, and why.
//
// A growth target judged on the growth stated with the figures
// (plancast.StatedGap) is a target on the stated basis, and a period's
// figure that states its growth g over the same months of the year before
// says what the year so far grew on it. The year's gap of the stated growth
// to the figures' own is then the months', d = log(P/P₀) − log(1 + g)
// (Assess), not the recent years' mean carried to the year: the levels'
// growth less the gap is the stated g for the year so far, and the year,
// growing as its months did, is projected at g. The distribution of the
// year's figure is as above; only the level a growth target asks of it
// moves (x_B (1 + target) e^D, D with the year's d). When the same months
// of the year before are not stored and the months state their growth, g
// stands in for them at the yearly figures' recent gap d̄ (that year's,
// StatedGap.Year): P₀ = P/((1 + g)·e^d̄), the months' gap d̄ by
// construction, so that the year so far on the stated basis is again g
// (the answer says how P₀ was taken). Without a stated growth, or without
// yearly stated growths to measure d̄, the months are not read, and the
// answer says so and what to push.

// restPrior is n₀, how many years of the series' own history the random
// walk's c_rw weighs as.
const restPrior = 4

// yearToDate is the evidence of the year in progress and the distribution
// of the year's figure it implies.
type yearToDate struct {
	plancast.YearToDate
	rest   float64 // R₀ = A₀ − P₀, the rest of the year before
	spread float64 // c·s on the log scale
	vary   float64 // V, the relative variance of c as learnt (0: not learnt)
	probs  []float64
	zq     []float64 // the calibration's one-year quantiles
	zmed   float64   // their median z̃
	// between are the whole figures of the years after the latest figure
	// and before Year, as their months project them: P·A_L/P_L (none when
	// Year is the year after the latest figure). latest is that latest
	// year, L, and latestToDate its figure of the period, P_L.
	between      map[int]float64
	latest       int
	latestToDate float64
	// learn is c·s and V learnt for u over gap years (pastRest).
	learn func(gap int) (spread, vary float64)
	// taken are the years' months, not stored, taken from the growth
	// stated with the next year's (latest first), the answer saying how.
	taken []takenMonths
	// beforeFrom are the months the year before (PriorNowcast) is taken
	// from, when it has no figure: its own year to date covering the
	// most months (betweenLevel), which may be more than Period's.
	beforeFrom betweenMonths
}

// betweenMonths are the months a year after the latest figure and before
// the year judged is taken from: the period, the year's figure of it
// (Value) and the latest year's (Latest); the year is taken at
// Value·A_L/Latest.
type betweenMonths struct {
	Period        string
	Value, Latest float64
}

// betweenLevel is year k's whole figure, after the latest figure r.LastYear
// and without one of its own, as its own year to date projects it: the
// median of the period covering the most months with figures of k and of
// every year back to the latest's (newYearToDate of k), P_k·A_L/P_L, and
// the months it is taken from. Without such a period it is fallback's
// months in the same proportion. A year between is then taken at one level
// whichever year is judged on it: 2025 at its January–November, not at
// its January–October because 2026's months run to October.
func betweenLevel(series []plancast.Series, k int, r *Result, priceGap *plancast.StatedGap, fallback betweenMonths) (float64, betweenMonths) {
	if y, ok, _, _, _ := newYearToDate(series, k, r, priceGap); ok && y.Months > 0 {
		return y.median(), betweenMonths{Period: y.Period, Value: y.shownToDate(k, y.Value), Latest: y.shownToDate(r.LastYear, y.latestToDate)}
	}
	return fallback.Value * r.LastValue / fallback.Latest, fallback
}

// takenMonths is a year's figure of the period, not stored, taken from the
// growth stated with the next year's: Value (as a figure would be written)
// = next/((1 + stated)·e^d), d the yearly figures' gap of that next year.
type takenMonths struct {
	Year   int
	Value  float64
	next   float64 // the next year's figure of the period
	stated float64 // the growth stated with it
	exact  float64 // Value unrounded
}

// newYearToDate finds, among the year-to-date series of a series, the period
// covering the most months that has a positive figure for year and for
// every year back to r's last (the latest whole figure), and sets the
// distribution of year's figure from it; ok is false when there is none or
// R₀ ≤ 0.
//
// unused is a year to date of both years that could not be used, nil when
// none: one whose figure of the latest year is at or above that year's
// whole figure, which leaves nothing for the rest of the year (a whole year
// revised after a census, its months not); its Year − 1 is that latest
// year and Prior its figure of the period. unchained is one of year and the
// year before that the latest year's cannot reach, for want of the figures
// of the years between (see above), when no period is used.
//
// A period's figure of year stating its growth over the same months of the
// year before (plancast.YearToDate.StatedGrowth) stands in for that year's
// months when they are not stored and priceGap, the yearly figures' stated
// gap, is given: P₀ = P/((1 + g)·e^d), d priceGap's year (see
// plancast.StatedGap), so that the months' gap is the yearly figures'
// recent one. The months of the years back to the latest figure's that
// the chain needs are taken so too, from the growth stated with the next
// year's (2024's from 2025's for a 2026 target, 2024's figure the latest),
// so that a target of a later year reads the months a target of the year
// after the latest reads (yearToDate.taken). unpaired is one whose year
// before is missing and cannot be so taken, when no period is used.
func newYearToDate(series []plancast.Series, year int, r *Result, priceGap *plancast.StatedGap) (y yearToDate, ok bool, unused *plancast.YearToDate, unchained *toDateUnchained, unpaired *plancast.YearToDate) {
	latest := r.LastValue
	if r.WorkScale != ScaleLog || latest <= 0 || year <= r.LastYear {
		return y, false, nil, nil, nil
	}
	var from plancast.Series // the series of the period used
	for _, s := range series {
		months, isYTD := plancast.YearToDateMonths(s.Period)
		if !isYTD || months <= y.Months {
			continue
		}
		figure := map[int]float64{}    // the period's positive figures, r.LastYear to year
		statedOf := map[int]*float64{} // the growth stated with a year's, over the year before's
		for _, o := range s.Observations {
			if o.Year >= r.LastYear && o.Year <= year && o.Value > 0 {
				figure[o.Year] = o.Value
				if o.Growth != nil && o.GrowthBase() == o.Year-1 && *o.Growth > -100 {
					g := *o.Growth / 100
					statedOf[o.Year] = &g
				}
			}
		}
		stated := statedOf[year] // the growth stated with year's, over year − 1's
		// A year's months not stored are taken from the growth stated with
		// the next year's, from the year before year back to the latest
		// year's (the chain below reads them as it reads stored ones).
		var taken []takenMonths
		if priceGap != nil {
			for k := year - 1; k >= r.LastYear; k-- {
				if g := statedOf[k+1]; figure[k] == 0 && figure[k+1] > 0 && g != nil {
					figure[k] = figure[k+1] / ((1 + *g) * math.Exp(priceGap.Year(k+1)))
					taken = append(taken, takenMonths{Year: k, Value: sixDigits(figure[k]), next: figure[k+1], stated: *g, exact: figure[k]})
				}
			}
		}
		value, prior := figure[year], figure[year-1]
		fromStated := len(taken) > 0 && taken[0].Year == year-1
		if !(value > 0 && prior > 0) {
			if value > 0 && (unpaired == nil || months > unpaired.Months) {
				unpaired = &plancast.YearToDate{Period: s.Period, Months: months, Year: year, Value: value, StatedGrowth: stated}
			}
			continue
		}
		ytd := plancast.YearToDate{Period: s.Period, Months: months, Year: year, Value: value, Prior: prior, Growth: value/prior - 1,
			StatedGrowth: stated, PriorFromStated: fromStated}
		if fromStated {
			// Shown as a figure would be; the judgement is on prior itself.
			ytd.Prior = sixDigits(prior)
		}
		var missing []int
		for k := r.LastYear; k < year-1; k++ {
			if figure[k] == 0 {
				missing = append(missing, k)
			}
		}
		if len(missing) > 0 {
			if unchained == nil || months > unchained.Months {
				unchained = &toDateUnchained{YearToDate: ytd, latest: r.LastYear, missing: missing}
			}
			continue
		}
		// A₀: the year before's figure, or, when it has none, its months
		// in the proportion of the latest year's to its whole figure:
		// those of its own year to date that cover the most months
		// (betweenLevel), so that a year without a figure is taken at one
		// level whatever is judged on it (2025 at its January–November
		// for the 15th Five-Year Plan's base, for 2026 judged on its
		// January–October and for the projection's year to date alike).
		toDateL, before := figure[r.LastYear], latest
		var between map[int]float64
		var beforeFrom betweenMonths
		for k := r.LastYear + 1; k < year; k++ {
			if between == nil {
				between = map[int]float64{}
			}
			between[k], beforeFrom = betweenLevel(series, k, r, priceGap, betweenMonths{Period: s.Period, Value: figure[k], Latest: toDateL})
			before = between[k]
		}
		if between != nil && !(before-prior > 0) {
			// The longer months leave nothing for the rest of this
			// period's year before: the chain of this period's own.
			for k := r.LastYear + 1; k < year; k++ {
				between[k] = figure[k] * latest / toDateL
			}
			before, beforeFrom = between[year-1], betweenMonths{Period: s.Period, Value: figure[year-1], Latest: toDateL}
		}
		switch {
		case latest-toDateL > 0:
			y.YearToDate, y.rest, from = ytd, before-prior, s
			y.between, y.latest, y.latestToDate = between, r.LastYear, toDateL
			y.taken = taken
			if between != nil {
				y.PriorNowcast = &before
				y.beforeFrom = beforeFrom
			}
		case unused == nil || months > unused.Months:
			u := ytd
			if year > r.LastYear+1 {
				// The latest year's months, not the year before's.
				next := figure[r.LastYear+1]
				u = plancast.YearToDate{Period: s.Period, Months: months, Year: r.LastYear + 1, Value: next, Prior: toDateL, Growth: next/toDateL - 1}
			}
			unused = &u
		}
	}
	if y.Months == 0 {
		return y, false, unused, unchained, unpaired
	}
	y.probs, y.zq = r.probs, r.zq[0]
	y.zmed = quantileAt(y.probs, y.zq, 0.5)
	months, probs, zq, zmed := y.Months, y.probs, y.zq, y.zmed
	y.learn = func(gap int) (float64, float64) {
		c, v := restFactor(months, pastRest(from, year, gap, r.prep), r.Scale, probs, zq, zmed)
		return c * r.Scale, v
	}
	y.spread, y.vary = y.learn(year - r.LastYear)
	return y, true, nil, nil, nil
}

// shownToDate is year's figure of the period as the answer writes it: v,
// or, when taken from a stated growth, as taken (takenMonths.Value).
func (y *yearToDate) shownToDate(year int, v float64) float64 {
	for _, m := range y.taken {
		if m.Year == year {
			return m.Value
		}
	}
	return v
}

// sixDigits is x to six significant digits: a figure taken, not stored,
// written as a figure would be (1,760.26, not 1,760.2607221382907).
func sixDigits(x float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 6, 64), 64)
	return v
}

// over is the year's figure as judged against the year base, between the
// latest figure and the year (a growth over a year taken at its nowcast):
// the same median, spread as u over year − base years, D − D_base, where
// the year's figure itself spreads as D − D_L.
func (y *yearToDate) over(base int) *yearToDate {
	o := *y
	o.spread, o.vary = y.learn(y.Year - base)
	o.Nowcast = o.point(y.Year)
	return &o
}

// toDateUnchained is a year to date of a year and the year before, more
// than a year after the latest figure, that could not be read: the period's
// figures of the years missing (before the year before, from the latest
// year, latest, on) are not stored, so its months cannot be related to a
// whole year.
type toDateUnchained struct {
	plancast.YearToDate
	latest  int
	missing []int
}

// pastRest is the u of each year before year (see above) that s's period
// and the yearly figures p holds observed give, with those of the year gap
// years before it: log((A − P)/(A₀ − P₀)) − log(P/P₀), every figure
// positive and each period's figure below its year's (gap 1: the year
// before; more for a year judged through years without a figure, D − D_L).
// A series holds one figure a year, ascending (plancast.Series).
func pastRest(s plancast.Series, year, gap int, p *prepared) []float64 {
	var u []float64
	obs := s.Observations
	for i := 1; i < len(obs) && obs[i].Year < year; i++ {
		yr := obs[i].Year
		j, found := slices.BinarySearchFunc(obs[:i], yr-gap, func(o plancast.Observation, y int) int { return o.Year - y })
		if !found {
			continue
		}
		v, v0 := obs[i].Value, obs[j].Value
		a, okA := observedFigure(p, yr)
		a0, okA0 := observedFigure(p, yr-gap)
		if okA && okA0 && v > 0 && v0 > 0 && a > v && a0 > v0 {
			u = append(u, math.Log((a-v)/(a0-v0))-math.Log(v/v0))
		}
	}
	return u
}

// observedFigure is the yearly figure of year yr as given to prepare; ok is
// false for a year interpolated between figures or outside them.
func observedFigure(p *prepared, yr int) (float64, bool) {
	if _, ok := slices.BinarySearch(p.years, yr); !ok {
		return 0, false
	}
	return p.back(p.x[yr-p.first]), true
}

// restFactor is c (see above) for m months known and the past years' u,
// with s the yearly model's scale and zq its one-year quantiles at probs,
// zmed their median.
func restFactor(m int, past []float64, s float64, probs, zq []float64, zmed float64) (c, v float64) {
	c = randomWalkRest(m)
	if len(past) == 0 || !(s > 0) {
		return c, 0
	}
	delta := meanAbsDeviation(probs, zq, zmed)
	if !(delta > 0) {
		return c, 0
	}
	sum := restPrior * c
	for _, u := range past {
		sum += math.Abs(u) / (s * delta)
	}
	n := float64(len(past))
	return sum / (restPrior + n), (math.Pi/2 - 1) * n / ((restPrior + n) * (restPrior + n))
}

// widen is how much farther from the median the quantile of probability
// prob lies for c learnt with relative variance V: 1 + V·ζ²/2, ζ the normal
// quantile of prob.
func (y *yearToDate) widen(prob float64) float64 {
	if y.vary == 0 {
		return 1
	}
	z := math.Sqrt2 * math.Erfinv(2*prob-1)
	return 1 + y.vary*z*z/2
}

// randomWalkRest is c_rw(m): with the monthly log level a random walk,
// L_t = L_{t−1} + μ + ε_t, the growth of month j on a year before is
// L_{12+j} − L_j = 12μ + ε_{j+1} + … + ε_{j+12}; the year so far's growth is
// about the mean of months 1..m's, the rest's that of months m+1..12, the
// year's that of all twelve. c_rw is the standard deviation of the rest's
// less the year so far's over the year's (less 12μ), counting each of the
// 24 shocks' weight in each.
func randomWalkRest(m int) float64 {
	var diff, year float64
	for i := 1; i <= 24; i++ { // shock ε_i
		var soFar, rest int // months j whose growth on a year before holds ε_i
		for j := max(1, i-12); j <= min(12, i-1); j++ {
			if j <= m {
				soFar++
			} else {
				rest++
			}
		}
		d := float64(rest)/float64(12-m) - float64(soFar)/float64(m)
		a := float64(soFar+rest) / 12
		diff += d * d
		year += a * a
	}
	return math.Sqrt(diff / year)
}

// meanAbsDeviation is E|z − zmed| for z with quantiles zq at probs (the
// midpoint rule on a thousand probabilities, the tails as quantileAt
// extends them).
func meanAbsDeviation(probs, zq []float64, zmed float64) float64 {
	const n = 1000
	sum := 0.0
	for i := range n {
		sum += math.Abs(quantileAt(probs, zq, (float64(i)+0.5)/n) - zmed)
	}
	return sum / n
}

// median is the year's figure if the rest of the year grows as the year so
// far did: P + R₀(1 + g).
func (y *yearToDate) median() float64 { return y.Value + y.rest*(1+y.Growth) }

// quantile is the year's figure that it stays at or below with probability prob.
func (y *yearToDate) quantile(prob float64) float64 {
	return y.Value + y.rest*(1+y.Growth)*math.Exp(y.spread*(quantileAt(y.probs, y.zq, prob)-y.zmed)*y.widen(prob))
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
	u := (math.Log((x-y.Value)/y.rest) - math.Log1p(y.Growth)) / y.spread
	if y.vary == 0 {
		return cdfAt(y.probs, y.zq, y.zmed+u)
	}
	lo, hi := 0.0, 1.0 // (quantileAt(p) − z̃)·widen(p) rises with p
	for range 60 {
		mid := (lo + hi) / 2
		if (quantileAt(y.probs, y.zq, mid)-y.zmed)*y.widen(mid) < u {
			lo = mid
		} else {
			hi = mid
		}
	}
	return (lo + hi) / 2
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
//
// priceGap is the yearly figures' stated gap (plancast.MeasureStatedGap of
// the series' figures and stated growths; nil when they state none): with
// it, months whose year before is not stored but which state their growth
// on it are read as Assess reads them, the year before's months taken from
// that growth (PriorFromStated), so that the projection shows the year to
// date every target of that year is judged on.
func (r *Result) YearToDate(ind plancast.Indicator, series []plancast.Series, priceGap *plancast.StatedGap) *plancast.YearToDate {
	if y, _, _, _ := r.yearToDate(ind, series, r.LastYear+1, priceGap); y != nil {
		return &y.YearToDate
	}
	return nil
}

// yearToDate is the distribution of year's figure (after r.LastYear) from
// its year to date, nil when none can be read (newYearToDate), with unused
// and unchained, when nil, saying why, so that the answer can say why its
// months were not read.
func (r *Result) yearToDate(ind plancast.Indicator, series []plancast.Series, year int, priceGap *plancast.StatedGap) (y *yearToDate, unused *plancast.YearToDate, unchained *toDateUnchained, unpaired *plancast.YearToDate) {
	if ind.Kind != plancast.KindLevel || len(series) == 0 {
		return nil, nil, nil, nil
	}
	v, ok, unused, unchained, unpaired := newYearToDate(series, year, r, priceGap)
	if !ok {
		return nil, unused, unchained, unpaired
	}
	v.Nowcast = v.point(year)
	return &v, nil, nil, nil
}
