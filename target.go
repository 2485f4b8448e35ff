package plancast

import (
	"math"
	"regexp"
	"sort"
	"strconv"
	"time"
)

// Target kinds. Value units depend on the kind:
//
//	level       value of the indicator (in its unit) to reach by Year
//	avg_growth  average annual growth in percent from BaseYear to Year,
//	            (x_Year/x_BaseYear)^(1/(Year-BaseYear)) - 1 >= Value/100
//	growth      growth in percent in Year over Year-1 (8.5 means +8.5%)
//	ceiling     the indicator stays at or below Value (e.g. unemployment within 4.5)
//	floor       the indicator stays at or above Value
//	share       the indicator (a share, in percent) reaches Value by Year
//
// For growth and avg_growth the comparison follows the indicator's Better:
// for "higher" the growth must be at least Value, for "lower" at most Value.
const (
	TargetLevel     = "level"
	TargetAvgGrowth = "avg_growth"
	TargetGrowth    = "growth"
	TargetCeiling   = "ceiling"
	TargetFloor     = "floor"
	TargetShare     = "share"
)

// GrowthKind reports whether a target of kind compares growth rates in
// percent (growth, avg_growth) rather than values of the indicator.
func GrowthKind(kind string) bool { return kind == TargetGrowth || kind == TargetAvgGrowth }

// TargetKinds lists every target kind.
var TargetKinds = []string{TargetLevel, TargetAvgGrowth, TargetGrowth, TargetCeiling, TargetFloor, TargetShare}

// TargetKindZh names each target kind in Chinese, as plans and reports do.
var TargetKindZh = map[string]string{
	TargetLevel: "总量", TargetGrowth: "增速", TargetAvgGrowth: "年均增速",
	TargetShare: "比重", TargetFloor: "下限", TargetCeiling: "上限",
}

// planPattern: a Five-Year Plan ("14th-fyp") or a year's plan ("2021-annual").
var planPattern = regexp.MustCompile(`^([0-9]{1,2}(st|nd|rd|th)-fyp|[0-9]{4}-annual)$`)

// ValidPlan reports whether p names a plan: "13th-fyp", "14th-fyp", "2021-annual".
func ValidPlan(p string) bool { return planPattern.MatchString(p) }

// Target is a plan target for one indicator of one region.
//
// A plan's target is revised now and then (a mid-term review lowers it, a
// later document corrects it), and an assessment given on a date must be
// reproducible after that, so the stores keep every version of a target like
// the vintages of a figure: Published is the date the version was set (the
// plan's or the report's date) and Recorded breaks ties. A target read "as
// of" a date is its newest version published on or before it.
type Target struct {
	Region    string  `json:"region"`
	Indicator string  `json:"indicator"`
	Plan      string  `json:"plan"`                // "14th-fyp", "2021-annual"
	Kind      string  `json:"kind"`                // one of TargetKinds
	BaseYear  int     `json:"base_year,omitempty"` // the plan's base (2020 for the 14th FYP); 0 means Year-1 for growth
	Year      int     `json:"year"`                // the year the target applies to
	Value     float64 `json:"value"`
	Binding   bool    `json:"binding"` // 约束性 (binding) rather than 预期性 (expected)
	Source    Source  `json:"source"`
	Note      string  `json:"note,omitempty"`
	// Withdrawn, in a write, takes the stored target of the same key back
	// (a target entered under the wrong plan, say); stores never return a
	// withdrawn target. Withdrawing a target that is not stored is EINVALID.
	Withdrawn bool `json:"withdrawn,omitempty"`
	// Published is the date this version of the target was set. Writes
	// default it to the push's date; targets stored before versions were
	// kept have none, and count as set before any date.
	Published Date `json:"published,omitzero"`
	// Recorded is set by the store when the version was written.
	Recorded time.Time `json:"recorded,omitzero"`
}

// Validate checks the target on its own (not against the catalog).
func (t *Target) Validate() error {
	switch {
	case !ValidCode(t.Region):
		return Errorf(EINVALID, "target: region %q is not a valid code", t.Region)
	case !ValidCode(t.Indicator):
		return Errorf(EINVALID, "target %s: indicator %q is not a valid code", t.Region, t.Indicator)
	case !ValidPlan(t.Plan):
		return Errorf(EINVALID, "target %s/%s: plan %q must look like 14th-fyp or 2021-annual", t.Region, t.Indicator, t.Plan)
	case !validTargetKind(t.Kind):
		return Errorf(EINVALID, "target %s/%s: kind %q must be one of level, avg_growth, growth, ceiling, floor, share", t.Region, t.Indicator, t.Kind)
	case t.Year < MinYear || t.Year > MaxYear:
		return Errorf(EINVALID, "target %s/%s: year %d is outside %d–%d", t.Region, t.Indicator, t.Year, MinYear, MaxYear)
	case t.BaseYear != 0 && (t.BaseYear < MinYear || t.BaseYear >= t.Year):
		return Errorf(EINVALID, "target %s/%s: base_year %d must be before year %d", t.Region, t.Indicator, t.BaseYear, t.Year)
	case t.Kind == TargetAvgGrowth && t.BaseYear == 0:
		return Errorf(EINVALID, "target %s/%s: an avg_growth target needs base_year", t.Region, t.Indicator)
	case math.IsNaN(t.Value) || math.IsInf(t.Value, 0):
		return Errorf(EINVALID, "target %s/%s %d: value must be a finite number", t.Region, t.Indicator, t.Year)
	}
	if err := t.ValueError(); err != nil {
		return Errorf(EINVALID, "target %s/%s %d: %s", t.Region, t.Indicator, t.Year, ErrorMessage(err))
	}
	return nil
}

// MaxGrowthTarget bounds a growth or avg_growth target, in percent a year
// (in points for a rate): 1000%, an elevenfold rise in one year, or every
// year of a plan for an average. Why: a plan's growth targets run from a
// few percent to a few tens (Houma's 14th Five-Year GDP target needs 15.7%
// a year, two and a half times its pace before); even a county's revenue
// or a new industrial park's output, from a small base, is not planned to
// do more than double or triple (+100%, +200%) in a year, and a rate cannot
// move more than 100 points. A value past the bound is a slip (1e6, a
// level typed as a growth) that was judged and printed as a growth of
// 300 digits; one under it that is still a slip (850 for 8.5) is left to
// the assessment, which shows how far the figures are from it.
const MaxGrowthTarget = 1000

// ValueError says why the target's value cannot be, whatever its
// indicator: a growth or avg_growth target of -100% or less, as a stated
// growth cannot be (Observation.Validate), since nothing falls by all of
// itself or more, and the level such a target implies, x_B (1 + g)^n, is
// zero or of the wrong sign; or of more than MaxGrowthTarget. nil when it
// can be, and for a withdrawal, whose value says nothing. Validate
// includes it; the ingest readers say it at the value's cell.
func (t *Target) ValueError() error {
	if t.Withdrawn || !GrowthKind(t.Kind) || math.IsNaN(t.Value) || t.Value > -100 && (t.Value <= MaxGrowthTarget || math.IsInf(t.Value, 1)) {
		return nil
	}
	article := "a"
	if t.Kind == TargetAvgGrowth {
		article = "an"
	}
	if t.Value > MaxGrowthTarget && !math.IsInf(t.Value, 1) { // +Inf: Validate says it is not finite
		return Errorf(EINVALID, "%s %s target of %s%% a year is past any plan's (at most %d%%, an elevenfold rise in a year): "+
			"a growth target is in percent, 8.5 for 8.5%%; a value to reach is a level target", article, t.Kind, FormatNumber(t.Value, -1), MaxGrowthTarget)
	}
	return Errorf(EINVALID, "%s %s target of %s%% is not above -100%%: nothing falls by all of itself or more; "+
		"a fall is a growth above -100 (-5 for 5%% less)", article, t.Kind, strconv.FormatFloat(t.Value, 'g', -1, 64))
}

// IndicatorError says why the target cannot be one of indicator ind: a
// share target (the indicator reaches a percentage of a whole) of an
// indicator not measured in percent, such as GDP in 100m_yuan, whose
// value would be judged as a level in the indicator's unit while read as
// a percent. nil when it can be. The catalog is the caller's, so Validate,
// which checks the target alone, does not include it; ingest says it at
// the kind's cell, for every format and the API alike.
func (t *Target) IndicatorError(ind Indicator) error {
	if t.Withdrawn || t.Kind != TargetShare || ind.Unit == UnitPercent {
		return nil
	}
	unit := ind.Unit
	if l, ok := UnitLabels[unit]; ok {
		unit += " (" + l.Zh + ")"
	}
	return Errorf(EINVALID, "a share target is a percent, but indicator %s is measured in %s: "+
		"a share target is for an indicator in percent (a share of GDP, a rate); for %s give a level, ceiling or floor in its unit, or a growth",
		ind.Code, unit, ind.Code)
}

// Key returns the target's identity: a later write with the same key replaces it.
func (t *Target) Key() TargetKey {
	return TargetKey{Region: t.Region, Indicator: t.Indicator, Plan: t.Plan, Kind: t.Kind, Year: t.Year}
}

// SeriesKey is the series the target is judged against: its region's yearly
// figures of its indicator.
func (t *Target) SeriesKey() SeriesKey {
	return SeriesKey{Region: t.Region, Indicator: t.Indicator, Period: PeriodYear}
}

// SameTarget reports whether re-pushing b over a changes nothing: the same
// key and the same substance (base year, value, binding, withdrawal). As for
// figures (SameFigure), the version's dates and its source and note do not
// count: a later document that restates a target in force, in its own words,
// does not set a new version of it, and the version in force keeps the
// source that first set it.
func SameTarget(a, b *Target) bool {
	x, y := *a, *b
	x.Published, y.Published = Date{}, Date{}
	x.Recorded, y.Recorded = time.Time{}, time.Time{}
	x.Source, y.Source = Source{}, Source{}
	x.Note, y.Note = "", ""
	return x == y
}

// NewerTarget reports whether a is a later version of a target than b: set
// on a later date, or on the same date and recorded later.
func NewerTarget(a, b *Target) bool {
	return laterVersion(a.Published, b.Published, a.Recorded, b.Recorded)
}

// InForce reports whether this version of a target had been set by asOf (a
// zero asOf: by now). A version without a date counts as set before any date.
func (t *Target) InForce(asOf Date) bool {
	return asOf.IsZero() || t.Published.IsZero() || !t.Published.After(asOf)
}

// CurrentTargets reduces stored versions of targets to the targets in force
// as of f.AsOf: for each key the newest version set by then, unless that
// version is a withdrawal; then f's region, indicator and plan filter them.
// The result is sorted as SortTargets sorts.
func CurrentTargets(versions []Target, f TargetFilter) []Target {
	newest := make(map[TargetKey]int, len(versions))
	for i := range versions {
		v := &versions[i]
		if !v.InForce(f.AsOf) {
			continue
		}
		if j, ok := newest[v.Key()]; !ok || NewerTarget(v, &versions[j]) {
			newest[v.Key()] = i
		}
	}
	out := make([]Target, 0, len(newest))
	for _, i := range newest {
		if MatchTarget(f, &versions[i]) {
			out = append(out, versions[i])
		}
	}
	SortTargets(out)
	return out
}

// TargetVersion is one version of a target in its history, and whether it
// is the version in force (as of the history's date).
type TargetVersion struct {
	Target
	InForce bool `json:"in_force"`
}

// TargetStatesZh names each State of a target version in Chinese.
var TargetStatesZh = map[string]string{"in force": "现行", "replaced": "已被替代", "withdrawal": "撤回"}

// State says what a version of a target is now: "in force", "replaced" by
// a later one, or a "withdrawal" (TargetStatesZh in Chinese).
func (v *TargetVersion) State() string {
	switch {
	case v.Withdrawn:
		return "withdrawal"
	case v.InForce:
		return "in force"
	}
	return "replaced"
}

// TargetHistory reduces stored versions of targets to the history of those
// f selects by region, indicator and plan: every version set by f.AsOf,
// withdrawals included, grouped by target (sorted as SortTargets sorts) and
// in the order the versions took effect within a target. The newest version
// of each target is in force, unless it is a withdrawal.
func TargetHistory(versions []Target, f TargetFilter) []TargetVersion {
	out := make([]TargetVersion, 0, len(versions))
	for _, v := range versions {
		if v.InForce(f.AsOf) && f.Selects(&v) {
			out = append(out, TargetVersion{Target: v})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := &out[i].Target, &out[j].Target
		if a.Key() != b.Key() {
			return targetLess(a, b)
		}
		return NewerTarget(b, a)
	})
	for i := range out {
		newest := i == len(out)-1 || out[i+1].Key() != out[i].Key()
		out[i].InForce = newest && !out[i].Withdrawn
	}
	return out
}

// ByTarget splits a history (in TargetHistory's order) into the versions of
// each target, oldest first.
func ByTarget(history []TargetVersion) [][]Target {
	var out [][]Target
	for i, v := range history {
		if i == 0 || v.Key() != history[i-1].Key() {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], v.Target)
	}
	return out
}

// TargetKey identifies a target.
type TargetKey struct {
	Region, Indicator, Plan, Kind string
	Year                          int
}

func validTargetKind(k string) bool {
	for _, v := range TargetKinds {
		if k == v {
			return true
		}
	}
	return false
}

// MatchTarget reports whether t passes the filter.
func MatchTarget(f TargetFilter, t *Target) bool {
	return !t.Withdrawn && f.Selects(t)
}

// Selects reports whether t is among the targets f selects by region,
// indicator and plan, whatever its dates and whether it is a withdrawal.
func (f TargetFilter) Selects(t *Target) bool {
	return (f.Region == "" || f.Region == t.Region) &&
		(f.Indicator == "" || f.Indicator == t.Indicator) &&
		(f.Plan == "" || f.Plan == t.Plan)
}

// SortTargets orders targets by region, indicator, plan, year and kind, the
// order Targets methods promise.
func SortTargets(ts []Target) {
	sort.Slice(ts, func(i, j int) bool { return targetLess(&ts[i], &ts[j]) })
}

// targetLess orders targets by region, indicator, plan, year and kind.
func targetLess(a, b *Target) bool {
	if a.Region != b.Region {
		return a.Region < b.Region
	}
	if a.Indicator != b.Indicator {
		return a.Indicator < b.Indicator
	}
	if a.Plan != b.Plan {
		return a.Plan < b.Plan
	}
	if a.Year != b.Year {
		return a.Year < b.Year
	}
	return a.Kind < b.Kind
}
