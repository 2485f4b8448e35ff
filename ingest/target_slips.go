package ingest

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/plancast/plancast"
)

// A target gets the check a figure gets (checkJumps) for a slip of units or
// of a percent, with the same override (ApplyOptions.AcceptJumps: plancast
// ingest --accept-jumps, ?accept_jumps=true). Before, a 15th-FYP GDP target
// of 3200000 (万元 written under 亿元: 13,000 times the latest figure) and an
// avg_growth target of 65 (6.5% typed as 65% a year) passed their dry runs
// and were assessed as what they said.
//
// The override is accept_jumps, not a new one: a push that means an
// implausible value says so with the one option that writes values refused
// as likely slips, and every client that knows it (the command, the API,
// report extraction) passes it already; a second name would have to be
// learnt, documented and added to each route's parameters, for the same
// "I checked, it is right". (design.md fixes neither name.)

// TargetFactor and TargetPace set the rule for a level, ceiling or floor
// target of a level indicator: one more than TargetFactor times what its
// series' latest figure reaches by the target's year growing TargetPace
// percent a year, or under 1/TargetFactor of what it comes down to falling
// TargetPace percent a year, is refused as a likely slip. With L the latest
// figure and n the years from it to the target's year (either way):
//
//	L · (1 − 0.30)^n / 10  ≤  target  ≤  L · (1 + 0.30)^n · 10
//
// Why 30% a year: a plan's level targets are set from the latest figures
// at a pace it can defend. Houma's 14th-FYP GDP target, 250 亿元 from
// 120.8 in 2020, needs 15.7% a year, which the report's own figures show is
// two and a half times the pace before it; 30% a year is twice that, over
// every year to the target's. Why 10 beyond it: a target may count from
// another base than the figures stored (a revised series, another scope),
// and no unit slip is smaller than 10 (billion yuan or 千万元 for 亿元); the
// slips that matter are 万元 for 亿元 (10,000), a fraction for a percent or
// 百万元 for 亿元 (100). Over a Five-Year Plan's five years the bounds are
// 37 times and 1/59 of the latest figure: every 万元 slip is caught up to
// 26 years away, every ×100 one up to 8.
//
// A growth or avg_growth target (in percent a year) above TargetPace or
// below −TargetPace is refused for the same reason, and most likely a
// percent typed ten times too large (6.5 as 65). Real targets past it
// exist (a new industrial park's output, from almost nothing), and they
// are what the override is for; past plancast.MaxGrowthTarget a growth
// target is refused outright.
//
// A series with no figure (none stored, none in the batch, none in the
// base year's column of the plan table's row the target is read from) is
// not judged at its level: there is nothing to compare with. Its growth
// targets are, and a target that revises a stored version is judged beside
// that version (versionSlip).
const (
	TargetFactor = 10
	TargetPace   = 30
)

// A target typed as a fraction of what it means (0.07 for a growth of 7%,
// 0.045 for an unemployment ceiling of 4.5%: a percent-formatted cell copied
// as its value) is the reverse of a growth typed ten times too large, and
// passed every check: stored as 0.07% and 0.045%, it was judged "achieved"
// on a growth of 5.1% and "missed" on an unemployment rate of 3.2. A target
// with 0 < |value| < 1 is refused as a likely fraction, with the override of
// the other slips, when:
//
//   - a level, ceiling, floor or share of an indicator in percent: its value
//     ×100 is within FractionFactor (2) of its series' latest figure, the
//     rule and the factor the figures of a rate are judged by (fractionFor,
//     jumps.go). A plan sets a rate's target near the rate it has: Houma's
//     unemployment ceiling of 4.5% beside a rate under 3%, Zizhou's 4.3%.
//     The base year's figure a plan table's row gives counts as one
//     (besideFigure). Without a figure of the series it is not judged
//     beside one: a rate under 1% may be meant (a poverty rate of 0.05%);
//     beside the version it replaces it is (versionSlip).
//   - a growth or avg_growth of a level indicator: beside its series' recent
//     growth g (the average growth a year from the earliest of its figures
//     within RecentYears before its latest to the latest, as a plan reviews
//     the pace before it), a value ×100 within GrowthFractionFactor (3) of g
//     is a fraction, and a value itself within that of g is meant. A value
//     neither near (or a series without two figures to measure g) is judged
//     by its digits: a plan states a growth to 0.1% ("8.5%", "0.5%", "-0.3%"),
//     so a value under 1 given to more than one decimal (0.07, 0.065, 0.157)
//     whose ×100 is a growth a plan may ask (up to TargetPace% a year, up or
//     down) is a fraction; 0.1 to 0.9 are not judged so, as they may be
//     meant. A growth target of a rate is a change in points and is not
//     judged.
//
// What tells a genuine small growth target from a fraction, then: a
// population target of 0.5% or a decline of 0.3% is stated to one decimal,
// and a series growing about that much has a recent growth 100 times smaller
// than the fraction's reading; only a series growing (or falling) 17% (10%) a
// year or more would have 0.5 (-0.3) refused. Why 3 for growth where figures
// take 2: a target is set ahead of the pace it follows, and further than a
// rate moves in a year: Houma's 14th-FYP GDP target needs 15.7% a year after
// 6.3% a year over the 13th (2.5 times), and the 2021 targets came after a
// year of little growth. Measured on the real targets at hand: the seed's
// 22, the 22 the report reader finds in shared/reports (the same targets,
// read from the text) and the 8 of a user test's Chinese 2025 work report:
// none has a value under 1 (the least is Zizhou's crude oil output of 1,
// in 10,000 tons), so none is refused (TestNoRealTargetIsTakenForAFraction).
// Plans state percents as percents; the risk of a false alarm is in the
// small targets plans rarely set, which the digits and the series' growth
// keep apart (TestASmallTargetMeantIsNotTakenForAFraction).
const (
	GrowthFractionFactor = 3
	RecentYears          = 5
)

// targetLookback is how many years before the targets' earliest year a
// series' latest figure is looked for: a figure older than that says
// little of a target (and the read stays a span of years, not whole
// series, on InfluxDB).
const targetLookback = 30

// judgedLevel says whether checkTargetSlips judges target t at its level:
// a level, ceiling or floor of a level indicator, positive (the ratio to
// the latest figure says nothing of a 0), written by the push.
func judgedLevel(t *plancast.Target, catalog map[string]plancast.Indicator) bool {
	if t.Withdrawn || t.Value <= 0 || catalog[t.Indicator].Kind != plancast.KindLevel {
		return false
	}
	switch t.Kind {
	case plancast.TargetLevel, plancast.TargetCeiling, plancast.TargetFloor:
		return true
	}
	return false
}

// judgedFraction says whether checkTargetSlips judges target t for a
// fraction typed for a percent: one with 0 < |value| < 1 (fractionLike), written
// by the push, that is a level, ceiling, floor or share of an indicator in
// percent, or a growth or avg_growth of a level indicator.
func judgedFraction(t *plancast.Target, catalog map[string]plancast.Indicator) bool {
	if t.Withdrawn || !fractionLike(t.Value) {
		return false
	}
	ind := catalog[t.Indicator]
	if plancast.GrowthKind(t.Kind) {
		return ind.Kind == plancast.KindLevel
	}
	return ind.Unit == plancast.UnitPercent
}

// readTargetSeries reads the yearly series of the targets of b that
// judgedLevel or judgedFraction judge (but those the push restates, skipTargets) as they
// would stand after the batch: stored figures from targetLookback years
// before the earliest target's year on, with the batch's figures over them
// (batchJumpSeries). A store an earlier read of the push found down (down)
// is not asked: down is the error.
func readTargetSeries(ctx context.Context, st plancast.Store, b *Batch, skipObs, skipTargets map[int]bool, catalog map[string]plancast.Indicator, down error) (map[plancast.SeriesKey]*jumpSeries, error) {
	seen := map[plancast.SeriesKey]bool{}
	var keys []plancast.SeriesKey
	first, last := 0, 0
	for i := range b.Targets {
		t := &b.Targets[i]
		if skipTargets[i] || !judgedLevel(t, catalog) && !judgedFraction(t, catalog) {
			continue
		}
		if len(keys) == 0 || t.Year < first {
			first = t.Year
		}
		last = max(last, t.Year)
		if k := t.SeriesKey(); !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return nil, nil
	}
	if down != nil {
		return nil, down
	}
	// Figures reach no further than the year begun (tomorrow's, on the
	// night of 31 December).
	to := max(last, plancast.LatestDay(plancast.Today()).Time().Year())
	stored, err := plancast.ReadSeriesValuesBetween(ctx, st, plancast.SortedSeriesKeys(keys), first-targetLookback, to)
	if err != nil {
		return nil, fmt.Errorf("read the stored figures of the targets' series: %w", err)
	}
	return batchJumpSeries(b, skipObs, stored), nil
}

// targetsUnchecked says which targets of b (but those the push restates,
// skipTargets) were judged beside the batch's own figures only, for the
// note of a push that could not read the stored figures (readTargetSeries
// found the store down): the levels, ceilings and floors of level
// indicators (judgedLevel), and the targets under 1 checked for a fraction
// typed for a percent (judgedFraction), of which a rate's ceiling, floor,
// level or share without a figure in the batch was not judged at all. A
// growth past ±TargetPace%, and a growth under 1 given to more than one
// decimal, are judged on their values alone, which needs no figure.
func targetsUnchecked(b *Batch, skipTargets map[int]bool, catalog map[string]plancast.Indicator) string {
	levels, fractions := false, false
	for i := range b.Targets {
		if t := &b.Targets[i]; !skipTargets[i] {
			levels = levels || judgedLevel(t, catalog)
			fractions = fractions || judgedFraction(t, catalog)
		}
	}
	switch {
	case levels && fractions:
		return "level targets, and targets under 1 checked for a fraction typed for a percent, were judged beside the batch's own figures only"
	case fractions:
		return "targets under 1 were checked for a fraction typed for a percent beside the batch's own figures only"
	}
	return "level targets were judged beside the batch's own figures only"
}

// latest is the series' latest figure and its year; ok is false when it
// has none.
func (js *jumpSeries) latest() (year int, value float64, ok bool) {
	if js == nil {
		return 0, 0, false
	}
	for y, v := range js.values {
		if !ok || y > year {
			year, value, ok = y, v, true
		}
	}
	return year, value, ok
}

// checkTargetSlips adds a problem at the value of every target of b that
// looks like a slip (TargetFactor, TargetPace): a level, ceiling or floor
// far outside what its series' latest figure (series: readTargetSeries)
// reaches by its year, a growth or avg_growth past ±TargetPace percent a
// year, a target that looks like a fraction typed for a percent; or a
// level, ceiling, floor or share far from the version it replaces
// (versions: the stored versions of its key, oldest first; versionSlip).
// A target read from a plan table's row is judged beside the base year's
// figure the row gives, too, when its series has no later figure
// (besideFigure). Targets the push restates (skipTargets) are not written
// and not judged.
func checkTargetSlips(b *Batch, skipTargets map[int]bool, series map[plancast.SeriesKey]*jumpSeries, versions map[plancast.TargetKey][]plancast.Target, catalog map[string]plancast.Indicator, ps *problems) {
	for i := range b.Targets {
		t := &b.Targets[i]
		if skipTargets[i] || t.Withdrawn {
			continue
		}
		from := b.targetOrigin(i)
		var msg string
		switch {
		case plancast.GrowthKind(t.Kind):
			msg = growthSlip(t)
			if msg == "" && judgedFraction(t, catalog) {
				msg = growthFractionSlip(t, series[t.SeriesKey()], b, from)
			}
		case judgedFraction(t, catalog):
			// Beside the latest figure of a rate: no figure, no judgement.
			if f, ok := besideFigure(series[t.SeriesKey()], b, from); ok && fractionFor(t.Value, f.value) {
				msg = fmt.Sprintf("%s is %s %s, %s in %d (%s); %s", plancast.PlainNumber(t.Value), timesText(t.Value/f.value), f.what, plancast.PlainNumber(f.value), f.year,
					f.where, fractionQuestion(t.Value))
			}
		case judgedLevel(t, catalog):
			if f, ok := besideFigure(series[t.SeriesKey()], b, from); ok && f.value > 0 { // else nothing to compare with
				msg = levelSlip(t, f, catalog[t.Indicator].Unit, from)
			}
		}
		if msg == "" && !plancast.GrowthKind(t.Kind) {
			msg = versionSlip(t, comparedVersion(t, versions[t.Key()]), catalog, from)
		}
		if msg != "" {
			ps.add(from.problem(from.valueCol, fieldValue, "target %s %s %s %s %d: %s %s", t.Region, t.Indicator, t.Plan, t.Kind, t.Year, msg, acceptJumpsAdvice))
		}
	}
}

// A plan's table gives the base year's figure on each target's row
// ("第二产业占GDP比重, %, 41.3, 0.45": 2020's share beside the 2025
// target), which the push does not store (planNotes), and a county's plan
// often comes before its figures are stored. A target of a series with no
// figure was not judged at all, so a share of 45% typed as 0.45 beside the
// 41.3 its own row gives passed, as did 4000000 (万元 under a 亿元 header)
// beside a base of 100. The row's base figure is now a figure of the
// series for its target's check: the latest figure, stored or the
// batch's, is judged beside when it is as recent; else the row's.

// planBase is the base year's figure a plan table's row gives beside its
// target: its year, its value in the indicator's unit, and its column.
type planBase struct {
	year  int
	value float64
	col   string
}

// planBaseOf reads the base year's figure of a plan table's row for a
// target of indicator, converted to the indicator's unit from the row's
// (rowUnit, with the base year's header's unit); nil when the table has no
// base year column, its cell holds no number (a dash, text) or the unit
// does not convert. It says nothing of the cell: the column is left out on
// purpose (planNotes says so), and read only to judge the target beside.
func (p *parser) planBaseOf(l *layout, row tableRow, inName, indicator string) *planBase {
	pt := l.plan
	if pt == nil || pt.base == nil {
		return nil
	}
	text := row.at(pt.base.idx)
	ind, known := p.res.indicators[indicator]
	if isMissing(text) || !known {
		return nil
	}
	v, err := parseNumber(text)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	if unit, _, ok := p.rowUnit(l, row, inName, indicator, pt.base.unit); !ok {
		return nil
	} else if unit != "" {
		if v, err = Convert(v, unit, ind.Unit); err != nil {
			return nil
		}
	}
	return &planBase{year: pt.base.year, value: v, col: pt.base.letter}
}

// beside is the figure a target is judged beside: its year and value, what
// it is ("the latest figure", "the base year's figure") and where
// ("stored", the batch's row, the plan table's column).
type beside struct {
	year        int
	value       float64
	what, where string
}

// besideFigure is the figure target's check compares with: the series'
// latest figure (stored or the batch's), or the base year's figure the
// target's plan table row gives (from.base) when the series has none as
// recent; ok is false when there is neither.
func besideFigure(js *jumpSeries, b *Batch, from targetOrigin) (f beside, ok bool) {
	year, v, has := js.latest()
	if base := from.base; base != nil && (!has || base.year > year) {
		return beside{year: base.year, value: base.value, what: "the base year's figure", where: "column " + base.col}, true
	}
	if !has {
		return beside{}, false
	}
	return beside{year: year, value: v, what: "the latest figure", where: js.whereIs(year, b, from)}, true
}

// A target revised to a fraction or a multiple of the version it replaces
// is as likely a slip: the version in force, 45 (a share of 45%), revised
// to 0.45, or a level of 400 亿元 to 4000000 (万元 under a 亿元 header), was
// counted "1 revised" when the series had no figure to judge it beside.
// A level, ceiling, floor or share revised to more than JumpFactor times,
// or under 1/JumpFactor of, the version it replaces (the one it is
// compared with: comparedVersion) is refused as a likely slip, by the
// factor a figure's jump is judged by, with the same override; one of an
// indicator in percent that looks like a fraction typed for a percent
// beside it (fractionFor) is asked so. A plan revised at mid-term moves a
// target by a fraction of itself (Houma's GDP target of 250 to 230), not
// fivefold. Growth targets are judged on their own values (growthSlip,
// growthFractionSlip): a growth may be revised from 0.5% to 3%.

// versionSlip says why target t (non-growth, read at from) looks like a
// slip beside v, the stored version it replaces (nil: none), or "" when it
// does not.
func versionSlip(t *plancast.Target, v *plancast.Target, catalog map[string]plancast.Indicator, from targetOrigin) string {
	if v == nil || v.Withdrawn || v.Value <= 0 || t.Value <= 0 || plancast.GrowthKind(v.Kind) {
		return ""
	}
	r := t.Value / v.Value
	replaced := fmt.Sprintf("the version it replaces, %s (%s)", plancast.PlainNumber(v.Value), setOn(v.Published))
	if judgedFraction(t, catalog) && fractionFor(t.Value, v.Value) {
		return fmt.Sprintf("%s is %s %s; %s", plancast.PlainNumber(t.Value), timesText(r), replaced, fractionQuestion(t.Value))
	}
	if r <= JumpFactor && r >= 1.0/JumpFactor {
		return ""
	}
	unit := catalog[t.Indicator].Unit
	if t.Kind == plancast.TargetShare {
		unit = plancast.UnitPercent
	}
	return fmt.Sprintf("%s is %s %s; a target revised to more than %d times, or under 1/%d of, the version in force is likely a slip of units%s",
		valueText(from.origin, t.Value, unit), timesText(r), replaced, JumpFactor, JumpFactor,
		unitSlipHint(t.Value, unit, v.Value/JumpFactor, v.Value*JumpFactor, from.origin))
}

// acceptJumpsAdvice ends a problem that accepting jumps overrides.
const acceptJumpsAdvice = "If it is right, push it again accepting jumps (plancast ingest --accept-jumps, or ?accept_jumps=true)"

// levelBounds are the least and the most a level target of the year
// target may be beside the series' latest figure v of the year latest.
func levelBounds(v float64, latest, target int) (lo, hi float64) {
	n := float64(target - latest)
	if n < 0 {
		n = -n
	}
	pace := TargetPace / 100.0
	return v * math.Pow(1-pace, n) / TargetFactor, v * math.Pow(1+pace, n) * TargetFactor
}

// levelSlip says why the level, ceiling or floor t (in unit, its
// indicator's, read at from) looks like a slip beside the figure f of its
// series (besideFigure), or "" when it does not.
func levelSlip(t *plancast.Target, f beside, unit string, from targetOrigin) string {
	v, year := f.value, f.year
	lo, hi := levelBounds(v, year, t.Year)
	if t.Value >= lo && t.Value <= hi {
		return ""
	}
	text := valueText(from.origin, t.Value, unit)
	ratio := timesText(t.Value / v)
	latest := fmt.Sprintf("%s, %s in %d (%s)", f.what, plancast.PlainNumber(v), year, f.where)
	var reach string
	switch {
	case t.Year == year:
		reach = fmt.Sprintf("a target more than %d times", TargetFactor)
		if t.Value < lo {
			reach = fmt.Sprintf("a target under 1/%d of", TargetFactor)
		}
		reach += " the figure of its own year"
	case t.Value > hi:
		reach = fmt.Sprintf("growing %d%% a year from it, the series would reach %s by %d, and a target more than %d times that",
			TargetPace, plancast.PlainNumber(roundSignificant(hi/TargetFactor, 4)), t.Year, TargetFactor)
	default:
		reach = fmt.Sprintf("falling %d%% a year from it, the series would still be %s by %d, and a target under 1/%d of that",
			TargetPace, plancast.PlainNumber(roundSignificant(lo*TargetFactor, 4)), t.Year, TargetFactor)
	}
	return fmt.Sprintf("%s is %s %s; %s is likely a slip of units%s", text, ratio, latest, reach, unitSlipHint(t.Value, unit, lo, hi, from.origin))
}

// slipUnits are the money units a level's slip may be in, the likeliest
// first.
var slipUnits = []string{Unit10kYuan, plancast.Unit100mYuan, plancast.UnitYuan, Unit1kYuan, UnitMillionYuan, UnitBillionYuan}

// unitSlipHint asks which slip a level target v (in unit, its
// indicator's, read at from) outside lo..hi is, to follow "a slip of
// units": for a money unit, the other money unit that the number its cell
// gave fits in (" (×10000): is it in 万元, not 亿元? 3200000 万元 is 320 亿元.");
// for another, the power of ten it is off by (" (×1000): is it 1000 times
// too large, 3.2?"); else "?".
func unitSlipHint(v float64, unit string, lo, hi float64, from origin) string {
	if IsMoney(unit) {
		typedUnit, typed := unit, v
		if u := from.typedUnit(); u != "" && u != unit {
			if c, err := Convert(v, unit, u); err == nil {
				typedUnit, typed = u, c
			}
		}
		for _, u := range slipUnits {
			if u == typedUnit {
				continue
			}
			w, err := Convert(typed, u, unit)
			if err != nil || w < lo || w > hi {
				continue
			}
			hint := fmt.Sprintf(" (×%s): is it in %s, not %s?", factorText(v/w), unitWord(u), unitWord(typedUnit))
			if u != unit {
				hint += fmt.Sprintf(" %s %s is %s %s.", plancast.PlainNumber(typed), unitWord(u), plancast.PlainNumber(w), unitWord(unit))
			}
			return hint
		}
	}
	for _, k := range []float64{10, 100, 1000, 1e4, 1e5, 1e6, 1e8} {
		if w := v / k; w >= lo && w <= hi {
			return fmt.Sprintf(" (×%s): is it %s times too large, %s?", factorText(k), factorText(k), plancast.PlainNumber(roundSignificant(w, 12)))
		}
		if w := v * k; w >= lo && w <= hi {
			return fmt.Sprintf(" (×1/%s): is it %s times too small, %s?", factorText(k), factorText(k), plancast.PlainNumber(roundSignificant(w, 12)))
		}
	}
	return "?"
}

// factorText writes a slip's factor, a power of ten or its inverse: 10000,
// or 1/100 for 0.01.
func factorText(f float64) string {
	if f < 1 {
		return "1/" + plancast.PlainNumber(roundSignificant(1/f, 6))
	}
	return plancast.PlainNumber(roundSignificant(f, 6))
}

// growthSlip says why the growth or avg_growth target t looks like a slip
// (past ±TargetPace percent a year), or "" when it does not.
func growthSlip(t *plancast.Target) string {
	g := t.Value
	if math.Abs(g) <= TargetPace || math.IsNaN(g) || math.IsInf(g, 0) {
		return ""
	}
	per := "a year on average"
	if t.Kind == plancast.TargetGrowth {
		per = "in one year"
	}
	side := fmt.Sprintf("above %d%%", TargetPace)
	if g < 0 {
		side = fmt.Sprintf("below -%d%%", TargetPace)
	}
	hint := "is it in another unit?"
	for _, k := range []float64{10, 100} {
		if w := g / k; math.Abs(w) <= TargetPace {
			hint = fmt.Sprintf("is it %s%% typed as %s (a percent typed ×%s)?", strconv.FormatFloat(roundSignificant(w, 12), 'f', -1, 64), plancast.PlainNumber(g), plancast.PlainNumber(k))
			break
		}
	}
	return fmt.Sprintf("%s%% %s is %s, past what a plan is taken to ask (%d%% a year up or down); %s", plancast.PlainNumber(g), per, side, TargetPace, hint)
}

// whereIs says where the series' figure of year is, for a target's problem
// (from): "stored", or the batch's row ("row 3", "figures.csv row 3").
func (js *jumpSeries) whereIs(year int, b *Batch, from targetOrigin) string {
	if j, inBatch := js.row[year]; inBatch {
		return b.obsOrigin(j).where(from.record)
	}
	return "stored"
}

// recentGrowth is the series' average growth a year, in percent, from the
// earliest of its positive figures within RecentYears before its latest to
// the latest (from, to: their years); ok is false without two such figures.
func (js *jumpSeries) recentGrowth() (g float64, from, to int, ok bool) {
	to, last, has := js.latest()
	if !has || last <= 0 {
		return 0, 0, 0, false
	}
	for y := to - RecentYears; y < to; y++ {
		if v, found := js.values[y]; found && v > 0 {
			return 100 * (math.Pow(last/v, 1/float64(to-y)) - 1), y, to, true
		}
	}
	return 0, 0, 0, false
}

// within says whether x is within factor of y: the same sign, and
// 1/factor ≤ x/y ≤ factor.
func within(x, y, factor float64) bool {
	if y == 0 {
		return false
	}
	r := x / y
	return r >= 1/factor && r <= factor
}

// growthFractionSlip says why the growth or avg_growth target t, with
// 0 < |value| < 1, looks like a fraction typed for a percent beside its
// series js (judgedFraction), or "" when it does not.
func growthFractionSlip(t *plancast.Target, js *jumpSeries, b *Batch, from targetOrigin) string {
	g := t.Value
	per := "a year on average"
	if t.Kind == plancast.TargetGrowth {
		per = "in one year"
	}
	pace, first, last, ok := js.recentGrowth()
	switch {
	case ok && within(100*g, pace, GrowthFractionFactor):
		where := js.whereIs(last, b, from)
		if w := js.whereIs(first, b, from); w != where {
			where = w + " and " + where
		}
		return fmt.Sprintf("%s%% %s is %s the series' recent growth, %s%% a year from %d to %d (%s); %s",
			plancast.PlainNumber(g), per, timesText(g/pace), plancast.PlainNumber(roundSignificant(pace, 3)), first, last, where, fractionQuestion(g))
	case ok && within(g, pace, GrowthFractionFactor):
		return "" // near the series' growth as it stands: meant
	}
	if tenths := 10 * g; math.Abs(tenths-math.Round(tenths)) < 1e-9 || math.Abs(100*g) > TargetPace {
		return ""
	}
	beside := "the series has no two figures within " + strconv.Itoa(RecentYears) + " years to compare it with"
	if ok {
		beside = fmt.Sprintf("nor is it near the series' recent growth, %s%% a year from %d to %d", plancast.PlainNumber(roundSignificant(pace, 3)), first, last)
	}
	return fmt.Sprintf("%s%% %s is under 1%% and given to more than one decimal, where a plan states a growth to 0.1%% (%s); %s",
		plancast.PlainNumber(g), per, beside, fractionQuestion(g))
}

// fractionQuestion asks whether a target v is a fraction typed for a
// percent, as the figures' check asks (suspectedSlip): "a fraction typed
// for a percent (7% is 7)?".
func fractionQuestion(v float64) string {
	return fmt.Sprintf("a fraction typed for a percent (%[1]s%% is %[1]s)?", strconv.FormatFloat(roundSignificant(100*v, 12), 'g', 12, 64))
}

// versionsKept is a target store that keeps each answer of its
// TargetVersions, so that the stored versions the push reads for
// checkTargetHistory are read once, and the slips' check has them too
// (targetVersions): on InfluxDB a read is a round trip a series.
type versionsKept struct {
	plancast.TargetStore
	answers map[plancast.TargetFilter]keptVersions
}

type keptVersions struct {
	list []plancast.Target
	err  error
}

func (s *versionsKept) TargetVersions(ctx context.Context, f plancast.TargetFilter) ([]plancast.Target, error) {
	if a, ok := s.answers[f]; ok {
		return a.list, a.err
	}
	list, err := s.TargetStore.TargetVersions(ctx, f)
	if s.answers == nil {
		s.answers = map[plancast.TargetFilter]keptVersions{}
	}
	s.answers[f] = keptVersions{list, err}
	return list, err
}

// targetVersions reads the stored versions of the targets of b that
// versionSlip judges (the level, ceiling, floor and share targets the push
// writes: not skipTargets), by key, oldest first. When the store cannot
// answer (InfluxDB down; the spool keeps the push) why says so and the
// versions are nil: the targets go unjudged beside them.
func targetVersions(ctx context.Context, st plancast.TargetStore, b *Batch, skipTargets map[int]bool) (versions map[plancast.TargetKey][]plancast.Target, why string) {
	judged := false
	for i := range b.Targets {
		t := &b.Targets[i]
		judged = judged || !skipTargets[i] && !t.Withdrawn && !plancast.GrowthKind(t.Kind) && t.Value > 0
	}
	if !judged {
		return nil, ""
	}
	// The reads of all the batch's targets, as checkTargetHistory's were
	// (targetReads), so that st (versionsKept) answers them again.
	versions, err := storedTargetVersions(ctx, st, b.Targets)
	if err != nil {
		return nil, plancast.ErrorMessage(err)
	}
	return versions, ""
}

// versionsUnjudged is what a push could not check while the stored target
// versions could not be read (versionSlip).
const versionsUnjudged = "the targets were not judged beside the versions they replace"

// versionsUnreadNote adds versionsUnjudged to the note on the stored targets
// that could not be read (why), said once: to checkTargetHistory's note
// when it gave one, else as a note of its own.
func versionsUnreadNote(notes []string, why string) []string {
	prefix := unreadableNote("targets", why)
	for i, n := range notes {
		if strings.HasPrefix(n, prefix) {
			notes[i] = n + ", and " + versionsUnjudged
			return notes
		}
	}
	return append(notes, unreadableNote("targets", why, versionsUnjudged))
}
