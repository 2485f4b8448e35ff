package ingest

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/plancast/plancast"
)

// checkBatch checks a batch as a whole against a catalog: the catalog entries
// it declares, every observation and target on its own (codes known, year in
// range, value finite and not negative where that is impossible, a share's
// within 0–100, status,
// period and date well formed), and agreement between rows that give the same
// figure. Rows that repeat a figure are dropped, keeping what either states
// (sayTogether: a row says only what its file has a place for); rows that
// disagree are problems. Parse runs it against the catalog it was given and Apply again
// against the store's, so a batch built by hand or merged from several files is
// checked the same way. It returns the indicators it checked against: the
// stored ones with the batch's declarations over them.
func checkBatch(b *Batch, stored Catalog, ps *problems) (indicators map[string]plancast.Indicator) {
	res := newResolver(stored)
	checkDeclared(b, res, ps)
	day := checkDay()

	firstObs := make(map[plancast.FigureKey]int, len(b.Observations))
	keepObs := make([]plancast.Observation, 0, len(b.Observations))
	keepObsFrom := make([]origin, 0, len(b.Observations))
	for i := range b.Observations {
		if ps.full {
			return res.indicators
		}
		o := b.Observations[i]
		from := b.obsOrigin(i)
		if !checkObservation(&o, from, res, ps, day) {
			continue
		}
		if j, seen := firstObs[o.Key()]; seen {
			prev := &keepObs[j]
			if col, field, agree := sayTogether(prev, &keepObsFrom[j], &o, from); !agree {
				ps.add(from.problem(col, field, "%s %s %s: %s here but %s in %s%s",
					o.Region, o.Indicator, figureWhen(o), figureText(&o), figureText(prev), figureWhere(keepObsFrom[j], from), twoVintagesHint(prev, &o)))
			}
			continue
		}
		firstObs[o.Key()] = len(keepObs)
		keepObs = append(keepObs, o)
		keepObsFrom = append(keepObsFrom, from)
	}

	firstTarget := map[plancast.TargetKey]int{}
	keepTargets := b.Targets[:0:0]
	keepTargetFrom := []targetOrigin{}
	for i := range b.Targets {
		if ps.full {
			return res.indicators
		}
		t := b.Targets[i]
		from := b.targetOrigin(i)
		if !checkTarget(&t, from, res, ps, day) {
			continue
		}
		if j, seen := firstTarget[t.Key()]; seen {
			prev := &keepTargets[j]
			if !sayTargetsTogether(prev, &keepTargetFrom[j], &t, from) {
				ps.add(from.problem(from.valueCol, fieldValue, "target %s %s %s %s %d: %s here but %s in %s",
					t.Region, t.Indicator, t.Plan, t.Kind, t.Year, num(t.Value), num(prev.Value), keepTargetFrom[j].where(from.record)))
			}
			continue
		}
		firstTarget[t.Key()] = len(keepTargets)
		keepTargets = append(keepTargets, t)
		keepTargetFrom = append(keepTargetFrom, from)
	}
	if len(ps.list) == 0 {
		b.Observations, b.obsFrom = keepObs, keepObsFrom
		b.Targets, b.targetFrom = keepTargets, keepTargetFrom
	}
	return res.indicators
}

// conflictField is the column and field where a figure disagrees with an
// earlier row's: the growth when that is all they differ in, else the value.
func conflictField(prev, o *plancast.Observation, from origin) (col, field string) {
	sameBut := *o
	sameBut.Growth, sameBut.GrowthBaseYear = prev.Growth, prev.GrowthBaseYear
	if plancast.SameFigure(prev, &sameBut) {
		return from.growthCol(), fieldGrowth
	}
	return from.valueCol, fieldValue
}

// checkDeclared validates the regions and indicators a batch declares and adds
// the valid ones to res. An indicator may not change its unit: the figures
// already stored are in the old one.
func checkDeclared(b *Batch, res *resolver, ps *problems) {
	for _, r := range b.Regions {
		at := b.declFrom["region:"+r.Code]
		if err := r.Validate(); err != nil {
			ps.add(at.problem("", "regions", "%s", plancast.ErrorMessage(err)))
			continue
		}
		res.addRegion(r)
	}
	for _, ind := range b.Indicators {
		at := b.declFrom["indicator:"+ind.Code]
		if err := ind.Validate(); err != nil {
			ps.add(at.problem("", "indicators", "%s", plancast.ErrorMessage(err)))
			continue
		}
		if old, ok := res.indicators[ind.Code]; ok && old.Unit != ind.Unit {
			ps.add(at.problem("", "indicators", "indicator %s is stored in %s; a push cannot change its unit to %s",
				ind.Code, unitLabel(old.Unit), unitLabel(ind.Unit)))
			continue
		}
		res.addIndicator(ind)
	}
}

func checkObservation(o *plancast.Observation, from origin, res *resolver, ps *problems, day batchDay) bool {
	okGrowth := checkGrowth(o, from, ps) // before Normalize, which drops a withdrawal's growth
	o.Normalize()
	if o.Published.IsZero() {
		o.Published = day.today
	}
	ind, known, ok := checkSubject(o.Region, o.Indicator, from, res, ps)
	if !checkYear(o.Year, from, ps) {
		ok = false
	}
	ok = ok && okGrowth && checkFigurePublished(o, from, ps, day) && checkYearBegun(o, from, ps)
	switch {
	case math.IsNaN(o.Value) || math.IsInf(o.Value, 0):
		ps.add(from.problem(from.valueCol, fieldValue, "value must be a finite number"))
		ok = false
	case known && o.Value < 0 && cannotBeNegative(ind):
		ps.add(negativeLevel(o.Value, ind, from))
		ok = false
	case known && !o.Withdrawn() && outsidePercentRange(o.Value, ind):
		ps.add(rateOutOfRange(o.Value, ind, from))
		ok = false
	}
	return ok && valid(o.Validate(), from, ps)
}

// batchDay is the day a batch is checked on, read from the clock once for
// all its rows: today (UTC), the date of a figure that gives none, and the
// latest date a figure or a target may say it was published, tomorrow,
// where a bureau east of Greenwich already is for hours of the day.
type batchDay struct{ today, latest plancast.Date }

func checkDay() batchDay {
	today := plancast.Today()
	return batchDay{today: today, latest: plancast.LatestDay(today)}
}

// PushDateAhead says what is wrong with d, the date of a push's figures and
// targets that give none (Options.Published: plancast ingest --published,
// ?published=), when it is after tomorrow, as a figure's or a target's own
// date may not be (batchDay): "is after today (2026-11-22): …". It is ""
// for a date that may be. The caller names the option: Parse says it once
// for the push (not at each row dated by it), the command line before
// reading a file.
func PushDateAhead(d plancast.Date) string {
	day := checkDay()
	if !d.After(day.latest) {
		return ""
	}
	return fmt.Sprintf("is after today (%s): figures are pushed once they are published, and targets dated the day their plan set them", day.today)
}

// checkFigurePublished refuses a figure published after today: it would be
// served as the latest figure today and yet be left out of every answer as
// of today.
func checkFigurePublished(o *plancast.Observation, from origin, ps *problems, day batchDay) bool {
	if o.Published.After(day.latest) {
		ps.add(from.problem("", fieldPublished, "published %s is after today (%s): a figure is pushed once it is published; "+
			"leave published empty for today", o.Published, day.today))
		return false
	}
	return true
}

// checkYearBegun refuses a figure published before its year began, as the
// readers do (parser.publishedFits), for every batch: those they did not
// read too (a report's figures, a batch built by hand), whose date is their
// own. A withdrawal carries no figure, and may take back one of any year.
func checkYearBegun(o *plancast.Observation, from origin, ps *problems) bool {
	if o.Withdrawn() || !yearNotBegun(o.Year, o.Published) {
		return true
	}
	ps.add(from.problem("", fieldPublished, "%s", notBegunMessage(o.Year, o.Published, "", figureWhen(*o))))
	return false
}

// yearNotBegun says whether year had not begun on published: no figure of
// it can have been published then.
func yearNotBegun(year int, published plancast.Date) bool {
	return published.Before(plancast.NewDate(year, time.January, 1))
}

// notBegunMessage says that a figure of year (when: "2030", "2030 h1") was
// dated published, before its year began; whose, when not empty, says
// whose date that is (" (the push's date: the row gives none)"). It states
// the rule of parser.publishedFits: a figure of a year is published in it
// or later, a preliminary one or an estimate from its first day on.
func notBegunMessage(year int, published plancast.Date, whose, when string) string {
	return fmt.Sprintf("published %s%s, before %d began: a figure of %s is published in %d or later "+
		"(a preliminary figure or an estimate from %s on); is the year or the date a typo?",
		published, whose, year, when, year, plancast.NewDate(year, time.January, 1))
}

// checkGrowth checks a figure's stated growth against the figure, on the
// growth's own column: a withdrawal carries no figure and so no growth; a base
// year needs a growth and must be one of the plancast.MaxGrowthSpan years
// before the figure's; a growth is a finite percentage above -100. It runs
// before Normalize, which would drop a withdrawal's growth unseen.
// (Observation.Validate says the same, but of the whole record.)
func checkGrowth(o *plancast.Observation, from origin, ps *problems) bool {
	base := o.GrowthBaseYear
	switch {
	case o.Growth == nil && base != 0:
		ps.add(from.problem(from.baseCol(), fieldGrowthBase, "growth_base_year %d is given without a growth: "+
			"give the growth (in percent) measured from it, or leave the base year empty", base))
	case o.Growth == nil:
		return true
	case o.Status == plancast.StatusWithdrawn:
		ps.add(from.problem(from.growthCol(), fieldGrowth, "a withdrawal carries no figure: leave its growth empty (it is %s%%)", num(*o.Growth)))
	case math.IsNaN(*o.Growth) || math.IsInf(*o.Growth, 0):
		ps.add(from.problem(from.growthCol(), fieldGrowth, "growth must be a finite number"))
	case *o.Growth <= -100:
		ps.add(from.problem(from.growthCol(), fieldGrowth, "growth %s%% is not above -100%%: nothing falls by all of itself or more", num(*o.Growth)))
	case base != 0 && o.Year >= plancast.MinYear && o.Year <= plancast.MaxYear &&
		(base >= o.Year || base < o.Year-plancast.MaxGrowthSpan):
		ps.add(from.problem(from.baseCol(), fieldGrowthBase, "growth_base_year %d must be one of the %d years before the figure's year %d (empty for year on year)",
			base, plancast.MaxGrowthSpan, o.Year))
	default:
		return true
	}
	return false
}

// checkSubject checks what figures and targets share: a known region and a
// known indicator. It returns the indicator when known.
func checkSubject(region, indicator string, from origin, res *resolver, ps *problems) (ind plancast.Indicator, known, ok bool) {
	ok = true
	if _, k := res.regions[region]; !k {
		ps.add(from.problem("", fieldRegion, "region %q is unknown%s", region, suggest(fold(region), res.regionNames)))
		ok = false
	}
	ind, known = res.indicators[indicator]
	if !known {
		ps.add(from.problem("", fieldIndicator, "indicator %q is unknown%s", indicator, suggest(fold(indicator), res.indicatorNames)))
		ok = false
	}
	return ind, known, ok
}

func checkYear(year int, from origin, ps *problems) bool {
	if year < plancast.MinYear || year > plancast.MaxYear {
		ps.add(from.problem(from.yearCol, fieldYear, "year %d is outside %d–%d", year, plancast.MinYear, plancast.MaxYear))
		return false
	}
	return true
}

func negativeLevel(v float64, ind plancast.Indicator, from origin) Problem {
	return from.problem(from.valueCol, fieldValue, "%s is negative, but %s is a level in %s and cannot be", num(v), ind.Code, unitLabel(ind.Unit))
}

// rateOutOfRange is the problem of a figure, or a level, ceiling, floor or
// share target, of a rate outside 0–100 (outsidePercentRange).
func rateOutOfRange(v float64, ind plancast.Indicator, from origin) Problem {
	what := "negative"
	if v > 100 {
		what = "over 100"
	}
	return from.problem(from.valueCol, fieldValue, "%s is %s, but %s is a percent of a whole and cannot be: write a percent from 0 to 100", num(v), what, ind.Code)
}

// outsidePercentRange says whether v cannot be a figure of ind: ind is a
// percent of a whole (plancast.Indicator.PercentOfWhole: an industry's
// share, the unemployment rate) and v is outside 0–100. Other rates may be
// negative (a change in prices).
func outsidePercentRange(v float64, ind plancast.Indicator) bool {
	return ind.PercentOfWhole() && (v < 0 || v > 100)
}

// valid adds the domain type's own check, when it fails, as a problem of the
// whole record.
func valid(err error, from origin, ps *problems) bool {
	if err != nil {
		ps.add(from.problem("", "", "%s", plancast.ErrorMessage(err)))
		return false
	}
	return true
}

// cannotBeNegative says which levels have no negative values: money levels
// (GDP, revenue, incomes, investment); a level in another unit is left to
// its declarer. (A share is a percent of a whole: outsidePercentRange.)
func cannotBeNegative(ind plancast.Indicator) bool {
	return ind.Kind == plancast.KindLevel && IsMoney(ind.Unit)
}

// checkTarget checks a target on its own and against its indicator, each
// problem at its cell: plancast.Target's own rules of its value
// (ValueError: a growth above -100%) and of its indicator (IndicatorError:
// a share target of an indicator in percent) are said at the value's and
// the kind's cell, before Validate says the rest of the record.
func checkTarget(t *plancast.Target, at targetOrigin, res *resolver, ps *problems, day batchDay) bool {
	from := at.origin
	ind, known, ok := checkSubject(t.Region, t.Indicator, from, res, ps)
	if !checkYear(t.Year, from, ps) {
		return false
	}
	if !t.Withdrawn && (!checkPlanYears(t, from, ps) || !planBaseYear(t, from, ps)) {
		ok = false
	}
	if err := t.ValueError(); err != nil {
		ps.add(from.problem(from.valueCol, fieldValue, "%s", plancast.ErrorMessage(err)))
		ok = false
	}
	if err := t.IndicatorError(ind); known && err != nil {
		ps.add(from.problem(at.kindCol, fieldKind, "%s", plancast.ErrorMessage(err)))
		ok = false
	}
	if t.Published.After(day.latest) {
		ps.add(from.problem("", fieldPublished, "published %s is after today (%s): a target version is dated the day its plan set it, "+
			"which cannot be ahead; leave published empty for today", t.Published, day.today))
		ok = false
	}
	isLevel := t.Kind == plancast.TargetLevel || t.Kind == plancast.TargetCeiling || t.Kind == plancast.TargetFloor
	switch {
	case known && isLevel && t.Value < 0 && cannotBeNegative(ind):
		ps.add(negativeLevel(t.Value, ind, from))
		ok = false
	case known && (isLevel || t.Kind == plancast.TargetShare) && !t.Withdrawn && outsidePercentRange(t.Value, ind):
		// A growth target of a rate is a change in points, and may be negative.
		ps.add(rateOutOfRange(t.Value, ind, from))
		ok = false
	}
	return ok && valid(t.Validate(), from, ps)
}

// checkPlanYears checks a target's years against its plan's
// (plancast.PlanSpan): an annual plan's target is for its year
// (2022-annual's for 2022); a Five-Year Plan's for one of its five years
// (14th-fyp: 2021–2025) or a long-range goal for 2035
// (plancast.LongRangeGoalOf); and its base year, when given, is before its
// year. A plan that is not one (Target.Validate says so) is left alone, but
// for the 0th Five-Year Plan, which looks like one.
func checkPlanYears(t *plancast.Target, from origin, ps *problems) bool {
	first, last, known := plancast.PlanSpan(t.Plan)
	annual := strings.HasSuffix(t.Plan, "-annual")
	switch {
	case !known && plancast.ValidPlan(t.Plan):
		ps.add(from.problem("", fieldPlan, "plan %s is no plan: the Five-Year Plans count from the 1st (1953–1957); write 14th-fyp, 十四五 or 2021-annual", t.Plan))
	case !known:
		return true
	case annual && t.Year != first:
		ps.add(from.problem(from.yearCol, fieldYear, "year %d is not the year of plan %s: an annual plan's targets are for its own year; "+
			"write %d, or plan %d-annual for a target of %d", t.Year, t.Plan, first, t.Year, t.Year))
	case !annual && (t.Year < first || t.Year > last) && !plancast.LongRangeGoalOf(t.Plan, t.Year):
		fix := fmt.Sprintf("write a year of %d–%d", first, last)
		if plan, ok := plancast.FiveYearPlanOf(t.Year); ok && t.Year != plancast.LongRangeGoalYear {
			fix += fmt.Sprintf(", or plan %s for a target of %d", plan, t.Year)
		} else if ok {
			fix += fmt.Sprintf(", or plan 14th-fyp for a long-range goal of %d", t.Year)
		}
		ps.add(from.problem(from.yearCol, fieldYear, "year %d is outside plan %s (%d–%d): a Five-Year Plan's targets are for its five years, "+
			"or long-range goals for %d (from the 14th on); %s", t.Year, t.Plan, first, last, plancast.LongRangeGoalYear, fix))
	case t.BaseYear != 0 && t.BaseYear >= t.Year:
		ps.add(from.problem(from.baseCol(), fieldBaseYear, "base_year %d is not before the target's year %d: it is the year the target is measured from, "+
			"%d for plan %s", t.BaseYear, t.Year, plancast.PlanBaseYear(t.Plan), t.Plan))
	default:
		return true
	}
	return false
}

// planBaseYear gives an avg_growth target without a base year its Five-Year
// Plan's (plancast.PlanBaseYear: 2020 for the 14th) when its year is one of
// the plan's: that is what a plan's "年均增长6%" is measured from, and such
// a target was refused as needing base_year though the base was known. An
// annual plan has no base of several years, and a long-range goal of 2035
// is outside its plan's years, whose base need not be the goal's: those
// are refused at the base year, saying why. It runs after checkPlanYears,
// so the plan and year are known to fit.
func planBaseYear(t *plancast.Target, from origin, ps *problems) bool {
	if t.Kind != plancast.TargetAvgGrowth || t.BaseYear != 0 {
		return true
	}
	first, last, known := plancast.PlanSpan(t.Plan)
	if !known {
		return true // not a plan: Validate says so
	}
	const needs = "an avg_growth target needs base_year, the year its average growth is measured from: "
	switch {
	case strings.HasSuffix(t.Plan, "-annual"):
		ps.add(from.problem(from.baseCol(), fieldBaseYear, needs+"plan %s is one year's and has none of its own; give it, or a growth target of %d", t.Plan, t.Year))
	case t.Year < first || t.Year > last:
		ps.add(from.problem(from.baseCol(), fieldBaseYear, needs+"%d is a long-range goal, outside plan %s's years (%d–%d), so the plan's base year (%d) need not be its; give it",
			t.Year, t.Plan, first, last, first-1))
	default:
		t.BaseYear = plancast.PlanBaseYear(t.Plan)
		return true
	}
	return false
}

func sameTarget(a, b *plancast.Target) bool {
	scale := math.Max(1, math.Max(math.Abs(a.Value), math.Abs(b.Value)))
	return a.Key() == b.Key() && a.BaseYear == b.BaseYear && a.Binding == b.Binding &&
		math.Abs(a.Value-b.Value) <= 1e-9*scale
}

// figureWhen names a figure's time: "2019", or "2019 jan-nov".
func figureWhen(o plancast.Observation) string {
	if o.Period == plancast.PeriodYear {
		return strconv.Itoa(o.Year)
	}
	return fmt.Sprintf("%d %s", o.Year, o.Period)
}

// figureText is a value, its stated growth and, when not final, its status:
// "120.8 (preliminary)", "120.8, growth 5.3% a year since 2015", "56, growth 17.1%".
func figureText(o *plancast.Observation) string {
	s := num(o.Value)
	if o.Growth != nil {
		s += fmt.Sprintf(", growth %s%%", num(*o.Growth))
		if o.GrowthBaseYear != 0 && o.GrowthBaseYear != o.Year-1 {
			s += fmt.Sprintf(" a year since %d", o.GrowthBaseYear)
		}
	}
	if o.Status != plancast.StatusFinal {
		s += fmt.Sprintf(" (%s)", o.Status)
	}
	return s
}

// num writes a figure in a message as a table holds it (plancast.PlainNumber):
// 4146000, not 4.146e+06.
func num(v float64) string { return plancast.PlainNumber(v) }

// figureWhere names where the figure first read at first is, for the
// problem of another read at from: its row, and its column when the two are
// in the same row (a table's "2024年（初步）" and "2024年" columns side by
// side).
func figureWhere(first, from origin) string {
	w := first.where(from.record)
	if first.record == from.record && first.valueCol != "" && first.valueCol != from.valueCol {
		w += " column " + first.valueCol
	}
	return w
}

// twoVintagesHint says how to push a preliminary and a final figure of
// one year when a push gives both: a push holds one figure of a year, and
// each of them is a vintage of its own.
func twoVintagesHint(prev, o *plancast.Observation) string {
	if prev.Status == o.Status || prev.Status == plancast.StatusWithdrawn || o.Status == plancast.StatusWithdrawn {
		return ""
	}
	return fmt.Sprintf("; a push holds one figure of a year: push the %s figure and the %s one in two pushes, each dated the day it was published "+
		"(a published column, 发布日期, or plancast ingest --published YYYY-MM-DD), the earlier first", prev.Status, o.Status)
}
