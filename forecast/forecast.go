package forecast

import (
	"math"
	"strconv"

	"github.com/plancast/plancast"
)

// DefaultHorizon is the horizon when Options.Horizon is zero.
const DefaultHorizon = 5

// MaxHorizon bounds Options.Horizon, and every horizon a user asks for, on
// the command line and over HTTP alike: 20 years reach a Five-Year Plan's
// 2035 long-range goals from 2015's figures, and beyond them the
// calibration (learnt on six years) is stretched past anything it saw.
const MaxHorizon = 20

// Options tune Forecast. The zero value is the automatic combination over
// five years with the built-in calibration.
type Options struct {
	Horizon int    // years after the last observed year (1..MaxHorizon); 0 means DefaultHorizon
	Method  string // MethodAuto (the default when empty) or a name from Methods()
	// PooledScale is s₀, the typical mean absolute annual change of log(value)
	// for this indicator or dataset (0.05 is 5% a year), pooled across
	// series; see Calibration. 0 uses the calibration's own (M3) value.
	// PooledScaleOf computes it from a set of series. 0 uses
	// DefaultPooledScale.
	PooledScale float64
	// Calibration is the table of scaled-error quantiles; nil uses DefaultCalibration.
	Calibration *Calibration
	// SkipBacktest leaves Result.Backtest nil (saves a few fits per series).
	SkipBacktest bool
	// YearToDate are the year-to-date series (periods from January,
	// plancast.YearToDatePeriods) of the series; Assess judges a target of
	// the year after the latest figure on them when they cover that year and
	// the one before (see yeartodate.go). Forecast does not use them.
	YearToDate []plancast.Series
	// Stated are the growths stated with the series' figures
	// (plancast.Series.StatedGrowths); Assess judges growth targets on them
	// (see plancast.StatedGap). Forecast does not use them.
	Stated []plancast.StatedGrowth
	// AsOf is the date an assessment is made as of (a request's as_of, or
	// today); Assess says which years had ended by then without a figure
	// (plancast.Assessment.FiguresDue). Zero says nothing of them. Forecast
	// does not use it.
	AsOf plancast.Date
	// Limits keeps the projection within what the indicator's figures
	// cannot pass (LimitsOf): a level is never below 0, a percentage of a
	// whole never above 100 nor below 0.
	//
	// A percentage of a whole whose figures all lie strictly inside
	// (0, 100) is modelled on the logit scale (prepare), where the mean
	// and every bound and quantile stay inside (0, 100) by the
	// distribution's shape: a share at 97 rising a point a year is
	// projected below 100, closer to it the further ahead, and the
	// probability of reaching a value is read from that distribution
	// (none of reaching 100). Otherwise (a level, or a share with a figure
	// of exactly 0 or 100) the projected mean and interval bounds are
	// taken to the limit, so that a share at 100 is never shown at 122.7
	// nor a level near 0 with a bound of −8.8; those quantiles are the
	// distribution's with its mass beyond a limit put at it, which leaves
	// every probability of reaching a value within the limits as it was.
	// The zero Limits keeps nothing.
	Limits Limits
	// Yearly are the yearly figures as read, with their status and
	// publication date (plancast.Series.Observations), for Assess to tell
	// an estimate of a year published before it ended (预计全年 in
	// November) from the year's figure (earlyEstimate); nil treats every
	// figure given as the year's. Forecast does not use them.
	Yearly []plancast.Observation
}

// Limits are the values an indicator's figures cannot pass.
type Limits struct {
	NonNegative bool    // no value below 0
	Upper       float64 // no value above it; 0: none
}

// LimitsOf is what an indicator's projections are kept within
// (Options.Limits), as ingest refuses figures past them: a level is not
// negative (a money aggregate, a count, a per-capita income); a percentage
// of a whole (plancast.Indicator.PercentOfWhole: a share, the unemployment
// rate) is 0–100; another rate (a change in prices, a balance) has no limit.
func LimitsOf(ind plancast.Indicator) Limits {
	switch {
	case ind.PercentOfWhole():
		return Limits{NonNegative: true, Upper: 100}
	case ind.Kind != plancast.KindRate:
		return Limits{NonNegative: true}
	}
	return Limits{}
}

// Prec is prec, or more decimals (up to four more: plancast.ApartPrec), so
// that v, within l but not at a limit, is not written as the limit: a share
// projected at 99.96 reads "99.96" with one decimal asked, not "100.0",
// which would say the projection reaches what its shape never lets it
// (the logit scale); a level projected at 0.004 reads "0.004", not "0.0".
func (l Limits) Prec(v float64, prec int) int {
	if l.Upper > 0 && v < l.Upper {
		prec = plancast.ApartPrec(v, l.Upper, prec)
	}
	if l.NonNegative && v > 0 {
		prec = plancast.ApartPrec(v, 0, prec)
	}
	return prec
}

// within is pt with its mean and bounds taken within lim. On the logit
// scale they are inside already.
func within(pt plancast.ProjectionPoint, lim Limits) plancast.ProjectionPoint {
	for _, v := range []*float64{&pt.Mean, &pt.Lo80, &pt.Hi80, &pt.Lo95, &pt.Hi95} {
		if lim.Upper > 0 {
			*v = math.Min(*v, lim.Upper)
		}
		if lim.NonNegative {
			*v = math.Max(*v, 0)
		}
	}
	return pt
}

// Result is the projection of one series.
type Result struct {
	Method    string                     // "auto" or the model's name
	Models    []plancast.ModelWeight     // what "auto" combined, with weights; the model itself otherwise
	Points    []plancast.ProjectionPoint // one per year LastYear+1 .. LastYear+Horizon
	Backtest  *plancast.BacktestError    // rolling-origin error on the series; nil when too short
	LastYear  int
	LastValue float64
	// WorkScale is the scale the series was modelled on: ScaleLog (every
	// value positive), ScaleLogit (a percentage of a whole strictly inside
	// 0–100, Options.Limits), or ScaleUnit (its own).
	WorkScale WorkScale
	// Scale is s, the shrunk volatility behind the intervals (working
	// scale; on a series' own scale, in its unit divided by 2^exp2 when
	// its magnitude is outside safeMagnitude).
	Scale float64
	// RealObs is the number of observed years (interpolated gap years excluded).
	RealObs int

	probs  []float64
	center []float64   // working-scale point forecast per horizon
	zq     [][]float64 // scaled-error quantiles per horizon
	// reach is, per horizon, the quantiles of the predictive distribution
	// when they are not zq's: nil but for a linear model whose extrapolation
	// ran to the floor (reachUp).
	reach [][]float64
	prep  *prepared
}

// Methods lists the accepted method names: "auto" first, then the models.
func Methods() []string {
	out := []string{MethodAuto}
	for _, m := range models {
		out = append(out, m.name)
	}
	return out
}

// Forecast projects a yearly series. years must be ascending and distinct and
// may have gaps; values must be finite. Fewer than two observations, an
// unknown method or a horizon out of range is EINVALID.
//
// The point forecast is the chosen model's (or, for "auto", the mean of the
// members autoMix picks for the series' length, on the original scale). The predictive
// distribution of year n+h is
//
//	x_{n+h} = x̂_{n+h} + s · z_h,   z_h ~ the calibration's quantiles less their median
//
// on the working scale (log for a positive series, logit for a percentage of
// a whole strictly inside 0–100, see Options.Limits), mapped back to the unit.
func Forecast(years []int, values []float64, opt Options) (*Result, error) {
	h := opt.Horizon
	if h == 0 {
		h = DefaultHorizon
	}
	if h < 1 || h > MaxHorizon {
		return nil, plancast.Errorf(plancast.EINVALID, "forecast: horizon %d must be between 1 and %d", h, MaxHorizon)
	}
	method := opt.Method
	if method == "" {
		method = MethodAuto
	}
	cal := opt.Calibration
	if cal == nil {
		var err error
		if cal, err = DefaultCalibration(); err != nil {
			return nil, err
		}
	}
	p, err := prepare(years, values, opt.Limits)
	if err != nil {
		return nil, err
	}
	center, weights, err := pointForecast(p, method, h)
	if err != nil {
		return nil, err
	}
	r := &Result{
		Method:    method,
		Models:    weights,
		LastYear:  p.last,
		LastValue: values[len(values)-1],
		WorkScale: p.workScale(),
		RealObs:   p.real,
		probs:     cal.Probs,
		center:    center,
		prep:      p,
	}
	r.Scale = cal.scale(p.scale, p.diffs, pooledWorkScale(p, opt.PooledScale))
	r.zq = make([][]float64, h)
	r.reach = make([][]float64, h)
	r.Points = make([]plancast.ProjectionPoint, h)
	m, _ := modelByName(method)
	for j := range h {
		// The distribution is centred on the point forecast: the table's
		// median error (the training years' bias of the point) is taken
		// off, so that a target at the projected value is met with
		// probability one half, as a planner reads it (doc.go, Intervals).
		r.zq[j] = centred(cal.Probs, monotone(cal.quantiles(method, p.real, j+1)))
		if j > 0 {
			widenFrom(r.zq[j], r.zq[j-1], cal.Probs)
		}
		if m.linear && p.atFloor(center[j]) {
			r.reach[j] = reachUp(cal.Probs, r.zq[j], (p.x[len(p.x)-1]-center[j])/r.Scale)
		}
		r.Points[j] = within(r.point(j), opt.Limits)
	}
	if !opt.SkipBacktest {
		r.Backtest = backtest(p, method)
	}
	return r, nil
}

// reachUpTop is the probability from which reachUp lifts a quantile by the
// whole gap: the top of the 80% interval.
const reachUpTop = 0.9

// reachUp is the distribution of a year whose linear extrapolation ran past
// zero on a log series, where fromUnit floors the point at 1/1000 of the
// last value. The table's errors around that floor would say the outcome is
// within a few thousandths of the last value ("0.02 [0.02, 0.02]" after 20);
// but the linear model has only said that the series falls toward zero, not
// how far it gets. So the quantiles above the median (the floored point,
// which stays the median) are lifted by a share of gap, the distance from
// the floor up to the last value in units of the scale: 0 at the median,
// rising linearly with the probability to all of it at reachUpTop and
// beyond. The 80% and 95% upper bounds are then the table's bounds around
// the last value, as if the series stopped falling, and the mass between is
// spread from the floor up to them: the outcome may be anything from near 0
// to about the last value. zq is left as it is.
//
// A negative gap is the mirror image, for a logit series whose linear
// extrapolation ran past the whole (fromUnit's limit above the last value):
// the quantiles below the median are lowered by the share of −gap at 1 −
// their probability, so that the lower bounds are those of a series that
// stops rising.
func reachUp(probs, zq []float64, gap float64) []float64 {
	out := append([]float64(nil), zq...)
	if gap == 0 || math.IsNaN(gap) || math.IsInf(gap, 0) {
		return out
	}
	for k, pr := range probs {
		switch {
		case gap > 0 && pr > 0.5:
			out[k] += gap * math.Min(1, (pr-0.5)/(reachUpTop-0.5))
		case gap < 0 && pr < 0.5:
			out[k] += gap * math.Min(1, (0.5-pr)/(reachUpTop-0.5))
		}
	}
	return out
}

// quantiles is the table of the predictive distribution of horizon j+1 on
// the scaled-error axis: zq's, or reachUp's where it applies.
func (r *Result) quantiles(j int) []float64 {
	if r.reach[j] != nil {
		return r.reach[j]
	}
	return r.zq[j]
}

// point builds the projection of horizon j+1: the mean (the point forecast)
// and the 80% and 95% central intervals, each nested around the mean.
func (r *Result) point(j int) plancast.ProjectionPoint {
	p, c, s := r.prep, r.center[j], r.Scale
	at := func(prob float64) float64 {
		return p.back(c + s*quantileAt(r.probs, r.quantiles(j), prob))
	}
	pt := plancast.ProjectionPoint{
		Year: r.LastYear + j + 1,
		Mean: p.back(c),
		Lo80: at(0.10), Hi80: at(0.90),
		Lo95: at(0.025), Hi95: at(0.975),
	}
	pt.Lo80 = math.Min(pt.Lo80, pt.Mean)
	pt.Hi80 = math.Max(pt.Hi80, pt.Mean)
	pt.Lo95 = math.Min(pt.Lo95, pt.Lo80)
	pt.Hi95 = math.Max(pt.Hi95, pt.Hi80)
	for _, v := range []*float64{&pt.Mean, &pt.Lo80, &pt.Hi80, &pt.Lo95, &pt.Hi95} {
		*v = tidy(*v)
	}
	return pt
}

// tidy rounds x to 15 significant digits, the most a float64 holds
// faithfully: what the log round trip leaves beyond them is noise (a flat
// series at 0.7 came back projected at 0.6999999999999997, and its growth
// as −4.4e−14%, shown "-0.0%"). −0 becomes 0.
func tidy(x float64) float64 {
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return x + 0 // −0 + 0 is +0
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 15, 64), 64)
	if err != nil {
		return x
	}
	return r
}

// CDF returns P(value in year ≤ x) under the predictive distribution, for a
// year among r.Points; NaN for any other year. For a log-scale series
// P(value ≤ x) is 0 for every x ≤ 0; for a logit one, also 1 for every x
// at or above the whole (100): the outcome is inside (0, 100).
func (r *Result) CDF(year int, x float64) float64 {
	j := year - r.LastYear - 1
	if j < 0 || j >= len(r.Points) || math.IsNaN(x) {
		return math.NaN()
	}
	v := r.prep.work(x)
	if math.IsInf(v, -1) {
		return 0
	}
	if math.IsInf(v, 1) {
		return 1
	}
	return cdfAt(r.probs, r.quantiles(j), (v-r.center[j])/r.Scale)
}

// Quantile returns the value that the year's outcome stays at or below with
// probability prob (0 < prob < 1); NaN outside r.Points or the range.
func (r *Result) Quantile(year int, prob float64) float64 {
	j := year - r.LastYear - 1
	if j < 0 || j >= len(r.Points) || !(prob > 0 && prob < 1) {
		return math.NaN()
	}
	return r.prep.back(r.center[j] + r.Scale*quantileAt(r.probs, r.quantiles(j), prob))
}

// HorizonToTargets is how far to project a series whose last observed year is
// lastYear so that its chart reaches every target: to the latest target year,
// at least DefaultHorizon years and at most maxH.
func HorizonToTargets(lastYear int, targets []plancast.Target, maxH int) int {
	h := DefaultHorizon
	for _, t := range targets {
		h = max(h, t.Year-lastYear)
	}
	return min(h, maxH)
}

// DefaultPooledScale is s₀ for macroeconomic aggregates: PooledScaleOf over
// the training years of the 83 positive MACRO series of M3 yearly (median
// mean absolute annual log change 0.0418). plancast's indicators (GDP,
// revenue, income, investment) are of that kind, and the built-in table was
// learnt with each M3 series scaled by its own category's s₀
// (GroupPooledScales: MACRO 0.044, DEMOGRAPHIC 0.050, INDUSTRY 0.114, MICRO
// 0.133), so a macro series forecast with this s₀ gets the table's meaning.
// Pass Options.PooledScale (e.g. pooled across regions for one indicator) to
// override.
const DefaultPooledScale = 0.0418

// pooledWorkScale is s₀ on the series' working scale: the log-scale pooled
// scale as given (or DefaultPooledScale); for a series on its own scale,
// that relative scale times the mean absolute value; for a logit series,
// that relative scale taken by the smaller of the share and its complement
// (which moves as a level does), mapped to the logit scale by the
// derivative there, d logit = d log q/(1 − q), q = min(p, 1 − p):
//
//	s₀,logit = s₀ / max(p̄, 1 − p̄),   p̄ the mean of v/Upper
//
// the log scale's own s₀ at the series' level for a share below one half
// (logit ≈ log p), and its mirror image above (a share and its complement
// get the same).
func pooledWorkScale(p *prepared, pooled float64) float64 {
	if !(pooled > 0) {
		pooled = DefaultPooledScale
	}
	if p.logit {
		m := 0.0
		for _, v := range p.x {
			m += p.back(v) / p.upper
		}
		m /= float64(len(p.x))
		return pooled / math.Max(m, 1-m)
	}
	if p.log {
		return pooled
	}
	m := 0.0
	for _, v := range p.x {
		m += math.Abs(v)
	}
	m /= float64(len(p.x))
	if m == 0 {
		m = 1 // an all-zero series: one unit
	}
	return pooled * m
}

// centred shifts the quantiles q (at probs) so that their median is 0.
func centred(probs, q []float64) []float64 {
	med := quantileAt(probs, q, 0.5)
	for k := range q {
		q[k] -= med
	}
	return q
}

// monotone returns a sorted copy of q so that the quantile function never
// decreases, whatever the sampling noise in the table.
func monotone(q []float64) []float64 {
	out := append([]float64(nil), q...)
	for i := 1; i < len(out); i++ {
		if out[i] < out[i-1] {
			out[i] = out[i-1]
		}
	}
	return out
}

// widenFrom makes the centred quantiles q of a horizon at least as far from
// the centre, on each side, as prev, the next shorter horizon's: the table's
// cells are learnt apart and are noisy by horizon (a 2.5% quantile of −4.27
// one year ahead and −3.70 two years ahead), and a fan that narrows from
// one year to the next, on either side, says the later year is known
// better. It is done here, where the table is read, after centring (which
// moves each horizon's quantiles by its own median, so a table monotone as
// learnt could come out of it narrowing) and for every table, the built-in
// one and any learnt later (ReadCalibration); calibration.json keeps the
// quantiles as learnt.
//
// Each quantile below the median takes the lower of its own value and
// prev's, each above the higher (a running maximum of each quantile's
// distance from the centre, which keeps q ascending); the median is 0 at
// every horizon. Beyond the table's outermost probabilities quantileAt and
// cdfAt follow an exponential tail whose scale is the gap between the two
// outermost quantiles on that side, so that gap is kept from narrowing too
// (by moving the outermost quantile out): otherwise a 1-in-10,000 bound, or
// the probability of a figure far from the projection, could stand closer
// to the centre a year further ahead.
func widenFrom(q, prev, probs []float64) {
	for k := range q {
		if probs[k] < 0.5 {
			q[k] = math.Min(q[k], prev[k])
		} else if probs[k] > 0.5 {
			q[k] = math.Max(q[k], prev[k])
		}
	}
	if m := len(q) - 1; m >= 1 {
		q[0] = math.Min(q[0], q[1]-(prev[1]-prev[0]))
		q[m] = math.Max(q[m], q[m-1]+(prev[m]-prev[m-1]))
	}
}
