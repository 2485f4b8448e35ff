package plancast

import "math"

// ProjectionPoint is the predictive distribution of one future year: its mean
// and the central 80% and 95% prediction intervals, in the indicator's unit.
type ProjectionPoint struct {
	Year int     `json:"year"`
	Mean float64 `json:"mean"`
	Lo80 float64 `json:"lo80"`
	Hi80 float64 `json:"hi80"`
	Lo95 float64 `json:"lo95"`
	Hi95 float64 `json:"hi95"`
}

// Projection is a forecast of one series.
type Projection struct {
	Region    string            `json:"region"`
	Indicator string            `json:"indicator"`
	Unit      string            `json:"unit"`
	Method    string            `json:"method"`           // "auto" (the combination) or a model name
	Models    []ModelWeight     `json:"models,omitempty"` // what "auto" combined, with weights
	Points    []ProjectionPoint `json:"points"`
	// Backtest is the method's rolling-origin error on this series (MASE and
	// sMAPE); absent when the series is too short to backtest.
	Backtest *BacktestError `json:"backtest,omitempty"`
	Vintage  Date           `json:"vintage"` // the latest vintage among the observations used
	LastYear int            `json:"last_year"`
	// AsOf is the date the data was read as of (figures published on or
	// before it), when the projection was asked for as of a past date.
	AsOf string `json:"as_of,omitempty"`
	// YearToDate is the year after LastYear as its year to date projects it
	// (its Nowcast), when its months so far and the same months a year
	// before are published; Points stay the yearly model's.
	YearToDate *YearToDate `json:"year_to_date,omitempty"`
	// Estimate is the year after LastYear as an estimate published before
	// that year ended (a work report's 预计全年 in November): not the
	// year's figure, which the assessment does not judge targets on, so
	// the projection starts from the latest real figure (LastYear) and the
	// estimate is shown apart.
	Estimate *YearEstimate `json:"estimate,omitempty"`
}

// YearEstimate is a year's estimate published before the year ended: the
// value, its status (estimate) and when it was published.
type YearEstimate struct {
	Year      int     `json:"year"`
	Value     float64 `json:"value"`
	Status    string  `json:"status"`
	Published Date    `json:"published"`
}

// StatedBasis says how a growth target was put on the stated growth: the
// stored levels (current prices) grew faster than the growth stated with
// them by Gap a year, the implicit price change when the growth is stated at
// comparable prices, measured over the years (From, To]. The target's
// levels are raised, and the projected and realised growth lowered, by that
// gap (forecast.Assess states the formula).
type StatedBasis struct {
	Gap  float64 `json:"gap"`  // a year, a fraction: (1 + levels' growth)/(1 + stated growth) − 1
	From int     `json:"from"` // the stated growths that measured it cover (From, To]
	To   int     `json:"to"`
	// AsStated: the target year's growth is the one stated with its
	// figure, not derived from the levels.
	AsStated bool `json:"as_stated,omitempty"`
	// Earlier are the years, ascending, whose growth the basis took as
	// stated with an earlier vintage of their figure (revised since
	// without stating its growth again: a census revision of the levels),
	// each gap measured on the levels published with it (StatedGap).
	Earlier []int `json:"earlier_vintages,omitempty"`
}

// Even reports whether the stated growth ran level with the figures' own,
// to the 0.1% a year the judgement is written in: "ran 0.0% a year above"
// would name a side the figures do not show.
func (b StatedBasis) Even() bool { return math.Abs(b.Gap) < 0.0005 }

// ModelWeight is one member of a combined forecast.
type ModelWeight struct {
	Model  string  `json:"model"`
	Weight float64 `json:"weight"`
}

// BacktestError summarises a rolling-origin evaluation of a method on one series.
type BacktestError struct {
	MASE    float64 `json:"mase"`
	SMAPE   float64 `json:"smape"` // in percent, 0–200
	Origins int     `json:"origins"`
}

// Assessment statuses, from best to worst.
const (
	StatusAchieved = "achieved"
	StatusOnTrack  = "on_track"
	StatusAtRisk   = "at_risk"
	StatusOffTrack = "off_track"
)

// StatusZh names each assessment status in Chinese.
var StatusZh = map[string]string{
	StatusAchieved: "已实现", StatusOnTrack: "进度正常", StatusAtRisk: "存在风险", StatusOffTrack: "难以实现",
}

// MissedZh and Missed name the off_track of a target whose year is observed
// and missed: 难以实现 ("hard to achieve") says a target may yet be met, and
// a year that is over cannot be.
const (
	MissedZh = "未实现"
	Missed   = "missed"
)

// Missed reports whether a is the judgement of a target whose year is
// observed and missed (off_track with the realised value), not one still
// projected.
func (a Assessment) Missed() bool { return a.Status == StatusOffTrack && a.Realised != nil }

// StatusWords is a's status for people: the status code in English
// ("missed, off_track" for an observed miss), its Chinese name in Chinese
// (MissedZh for an observed miss).
func (a Assessment) StatusWords(zh bool) string {
	switch {
	case zh && a.Missed():
		return MissedZh
	case zh && StatusZh[a.Status] != "":
		return StatusZh[a.Status]
	case a.Missed():
		return Missed + ", " + a.Status
	}
	return a.Status
}

// Assessment is the judgement of one target against the data and the projection.
type Assessment struct {
	Target Target `json:"spec"` // the target as declared

	Indicator   string  `json:"indicator"`
	Year        int     `json:"year"`
	Kind        string  `json:"kind"`
	TargetValue float64 `json:"target"`

	LatestYear  int     `json:"latest_year"`
	LatestValue float64 `json:"latest"`
	// RequiredGrowth is the average annual growth (a fraction: 0.156 is 15.6%
	// a year) needed from the latest value to the target; nil when it does not
	// apply (ceilings, floors, a target year already past, a latest value that
	// meets the target, a growth over a base year still to come: that growth
	// is the requirement, as the target states it).
	RequiredGrowth *float64 `json:"required_growth"`
	// HistoricalGrowth is the average annual growth over the observed history (a fraction).
	HistoricalGrowth *float64 `json:"historical_growth,omitempty"`
	// RequiredChange, for a level or share target on a percentage (a share
	// of GDP, a rate), is the change a year, in percentage points, that takes
	// the latest value to the target: (target − latest)/(target year −
	// latest year). A percentage is planned in points: 41.3% to 45% in five
	// years is +0.74 points a year, which RequiredGrowth's 1.7% a year hides.
	// The explanation, the dashboard, the CLI and the charts say it instead of
	// RequiredGrowth; nil otherwise, or when the target year is past.
	RequiredChange *float64 `json:"required_change,omitempty"`
	// HistoricalChange is, beside RequiredChange, the history's change a
	// year in points: (x_last − x_first)/(last − first).
	HistoricalChange *float64 `json:"historical_change,omitempty"`
	// PaceYear is, for a level or share target not yet met, the year the
	// latest value reaches it growing at HistoricalGrowth:
	// latest year + ⌈log(target/latest) / log(1 + historical growth)⌉, or,
	// on a percentage of a whole (a share, the unemployment rate), its gap
	// to the limit the target lies toward (100, or 0) narrowing at the
	// history's rate, down to the target (to where a figure reads as the
	// limit, for a target of 100 or 0: forecast/limit_target.go); on
	// another percentage, changing by HistoricalChange points a year:
	// latest year + ⌈(target − latest) / historical change⌉. Nil when
	// the latest figure already meets the target on the indicator's better
	// side, when that pace moves away from the target, or when it takes
	// more than forecast.MaxPaceYears (Houma's 250 亿元 by 2025: 2032 at
	// 6.3% a year).
	PaceYear *int `json:"pace_year,omitempty"`
	// ProjectedGrowth is, beside RequiredGrowth and HistoricalGrowth, the
	// projection's own average growth from the latest value to the target
	// year: (projected / latest)^(1/(target year − latest year)) − 1. It
	// says why a target that the historical pace reaches in time can still
	// be at risk: the projection allows for growth slowing. ProjectedChange
	// is the same in points a year on a percentage, beside RequiredChange:
	// (projected − latest)/(target year − latest year). Each is given only
	// with its required counterpart.
	ProjectedGrowth *float64 `json:"projected_growth,omitempty"`
	ProjectedChange *float64 `json:"projected_change,omitempty"`

	// Projected is the predictive distribution of the compared quantity at the
	// target year: the level for level/ceiling/floor/share targets, the growth
	// in percent for growth and avg_growth targets. Nil when the target year is observed.
	Projected *ProjectionPoint `json:"projected"`
	// Realised is the observed value of the compared quantity, when the target year is observed.
	Realised *float64 `json:"realised,omitempty"`
	// Interpolated, when the target year (or a growth target's base year)
	// lies between stored figures but has none of its own, spans the stored
	// years around it. The compared quantity is then not realised but
	// interpolated between them: Projected gives its distribution (a random
	// walk tied to the figures on both sides; forecast.Assess states it),
	// and Probability and Status are read from it as for a year ahead. A
	// growth whose base year has no figure and whose target year is still
	// ahead is projected from the base's interpolated level, which the
	// explanation gives.
	Interpolated *YearSpan `json:"interpolated,omitempty"`

	Probability float64 `json:"probability"` // of meeting the target, 0–1
	Status      string  `json:"status"`
	// Progress is the share of the required progress made:
	// (projected − base) / (target − base), as the UN SDG progress charts use.
	Progress    *float64 `json:"progress,omitempty"`
	Explanation string   `json:"explanation"`
	// ExplanationZh is the same sentence in Chinese.
	ExplanationZh string `json:"explanation_zh"`
	Method        string `json:"method,omitempty"`
	// YearToDate is what the figures of the year so far say, when the target
	// year is after the latest yearly figure and figures of the same months
	// of it and of every year back to the latest figure's are stored;
	// Projected and Probability then come from them (forecast.Assess states
	// the formula).
	YearToDate *YearToDate `json:"year_to_date,omitempty"`
	// StatedBasis is set when a growth target is judged on the growth the
	// source states with its figures (Observation.Growth: for GDP, at
	// comparable prices) rather than on the stored levels' own growth.
	StatedBasis *StatedBasis `json:"stated_basis,omitempty"`
	// FiguresDue, when the assessment is made as of a date (the request's
	// as_of, or today), spans the years up to the target year that had ended
	// by then but have no figure stored: the judgement projects years that
	// are past. Houma's 2025 target judged in November 2026 on figures up to
	// 2020 has 2021–2025. Nil when every ended year is stored, or the target
	// is achieved.
	FiguresDue *YearSpan `json:"figures_due,omitempty"`
	// FiguresDueFromMonths: each year of FiguresDue is taken from its
	// months so far (their nowcast: the year before of a target year
	// judged on its year to date, or a growth's base year with months of
	// its own), not projected, and the explanation says so.
	FiguresDueFromMonths bool `json:"figures_due_from_months,omitempty"`
}

// YearSpan is the years From to To, both included.
type YearSpan struct {
	From int `json:"from"`
	To   int `json:"to"`
}

// EndedAfter is the span of the years after last that have ended by the
// date on, up to (and with) the year before on's: the years a series whose
// last figure is of last lacks on that day (Assessment.FiguresDue, and the
// chart's hatch). Nil when on is zero or no year after last has ended.
func EndedAfter(last int, on Date) *YearSpan {
	if on.IsZero() || on.Time().Year()-1 <= last {
		return nil
	}
	return &YearSpan{From: last + 1, To: on.Time().Year() - 1}
}

// YearToDate is the evidence of a year in progress: the figure of its
// months so far (a period from January, plancast.YearToDatePeriods) against
// the same months a year before.
type YearToDate struct {
	Period string  `json:"period"` // the year-to-date period judged on: the one covering most months
	Months int     `json:"months"` // how many months from January it covers
	Year   int     `json:"year"`   // the year in progress
	Value  float64 `json:"value"`  // its figure to date
	Prior  float64 `json:"prior"`  // the same months of the year before
	Growth float64 `json:"growth"` // Value/Prior − 1, a fraction
	// RequiredRestGrowth is the growth over the same months of the year
	// before that the rest of the year needs to meet the target exactly,
	// (T − Value)/(A − Prior) − 1 with T the year's figure that meets it and
	// A the year before's whole-year figure (a fraction); nil when the year
	// to date has already passed T.
	RequiredRestGrowth *float64 `json:"required_rest_growth"`
	// RequiredRestStatedGrowth is RequiredRestGrowth on the stated basis,
	// for a growth target judged on the growth stated with the figures
	// (Assessment.StatedBasis): (1 + RequiredRestGrowth)·e^−d − 1, d the
	// year's gap of the stated growth to the figures' own that the
	// judgement takes (the months' own where they state their growth), so
	// that it compares with StatedGrowth and the target; nil otherwise.
	RequiredRestStatedGrowth *float64 `json:"required_rest_stated_growth,omitempty"`
	// Nowcast is the year's whole figure as the year to date projects it, in
	// the indicator's unit, with its 80% and 95% intervals.
	Nowcast ProjectionPoint `json:"nowcast"`
	// PriorNowcast is set when the year before has no whole figure stored
	// (a year two or more after the latest figure): the year before's whole
	// figure as its months project it, P₀ × A_L/P_L, with A_L the latest
	// whole figure and P₀, P_L the year before's and that year's figures
	// of the period covering the most months of the year before (its
	// January–November when 2026's months run to October: the level every
	// judgement takes that year at), which may be longer than Period. The
	// rest of the year before, which RequiredRestGrowth and Nowcast rest
	// on, is PriorNowcast − Prior.
	PriorNowcast *float64 `json:"prior_nowcast,omitempty"`
	// StatedGrowth is the growth the source states with the period's figure
	// of Year over the same months of the year before (a fraction; at
	// comparable prices for GDP), nil when it states none. A growth target
	// judged on the stated growth takes Year's gap from it:
	// log(Value/Prior) − log(1 + StatedGrowth).
	StatedGrowth *float64 `json:"stated_growth,omitempty"`
	// PriorFromStated: the same months of the year before are not stored;
	// Prior is Value/((1 + StatedGrowth)·e^d), d the year's gap of the
	// yearly figures' stated growth to their own (the recent years' mean),
	// shown to six significant digits (Growth and the judgement are on the
	// value itself).
	PriorFromStated bool `json:"prior_from_stated,omitempty"`
}
