package ingest

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/ingest/internal/bounds"
)

// Every Five-Year Plan and every work report prints its targets as a table
// ("“十四五”时期经济社会发展主要指标"):
//
//	类别 | 指标 | 单位 | 2020年 | 2025年 | 年均增长（%） | 属性
//
// the base year's figure, the target for the plan's last year, the average
// growth the plan sets, and whether the target is binding (约束性) or
// expected (预期性). It names no plan and no kind, so it was read as a wide
// table of figures: the target column stored as that year's figures (final,
// dated the day of the push), and the targets then read "achieved" against
// themselves.
//
// A table of figures that carries what only a plan's targets table does (a
// plan table) is one:
//
//   - a binding column (属性, 约束性, binding), a target's field;
//   - a year column whose header says it holds targets ("2025年目标",
//     "2025年规划目标", or "规划目标" merged over "2020年" and "2025年");
//   - an average growth column (年均增长（%）) beside exactly two year
//     columns, a base year's and a target year's.
//
// Where the push takes targets (plancast ingest, POST /api/v1/targets) it is
// read as targets (planRow): the later year column, or the one whose header
// says so, is the target year's (a level target: a ceiling or a floor when
// the cell says so in the words a report's sentence does, "<5.5",
// "控制在5.5%以内", "不超过5.5", "≥7", "7以上"; a share for a share
// indicator; a ceiling for a rate better lower, 城镇登记失业率 5.5, whose
// number is the most it may reach, as the report reader reads it), the
// earlier the base year's, the average growth column the plan's average
// growth from the base year to the target year (avg_growth), a year's
// plan's growth column (增长（%） beside "2025年计划") its growths over the
// year before (growth; planGrowths), each target binding as its 属性 cell
// says. The plan is the one the title
// (or the sheet's name) names (十四五, "14th Five-Year Plan"; of several,
// "“十三五”完成情况及“十四五”主要指标", the one whose years hold the target
// year, and none of them is refused), else the
// year's plan when the base year is the year before ("2024年完成",
// "2025年计划": 2025-annual), else the Five-Year Plan whose last year the
// target year is (2025: the 14th); the
// base year's figures are not pushed (a targets push takes targets), which
// a note says, as it says how the table was read. On the figures route
// (POST /api/v1/observations, Options.RefusePlanTables) it is refused,
// naming the column that marks it and pointing to /api/v1/targets. A table
// of one figure per row (no year columns) with a binding column is a
// targets table without its plan and kind columns, and is refused saying
// so, on every route.

// planTable is how a plan table is read: its plan, the target year's
// column, the base year's (nil: the plan's base year), the average growth
// column (nil: none).
type planTable struct {
	plan     string
	target   column
	base     *column
	baseYear int
	avg      *column
	// growth is the column of the growths a year's plan sets over the
	// year before (增长（%）beside "2025年计划"; nil: none), baseGrowth the
	// column of the base year's stated growths (beside "2024年完成"), which
	// are figures' and not pushed.
	growth, baseGrowth *column
	// baseHeld notes the base year's figures, which are not pushed, and
	// baseGrowthHeld their growths.
	baseHeld, baseGrowthHeld *unheadedCells
	// read says how the table was read, for the note.
	read string
	// ceilings are the bare numbers of rates better lower read as
	// ceilings, for the note.
	ceilings []planCeiling
}

// planCeiling is a rate's bare number read as a ceiling: its indicator and
// its cell.
type planCeiling struct {
	indicator string
	cell      cell
}

// targetWords are the words a year column's header says its cells are
// targets with ("2025年目标", "规划目标" over "2025年"), folded.
var targetWords = []string{"目标", "规划", "计划", "target", "goal"}

// saysTarget reports whether a header's text says it heads targets.
func saysTarget(s string) bool {
	f := fold(s)
	for _, w := range targetWords {
		if strings.Contains(f, w) {
			return true
		}
	}
	return false
}

// isAvgGrowth reports whether a header heads an average growth over
// several years ("年均增长（%）", "年均增速", "2021-2025年均增长%", "average
// annual growth"), which a long table's growth column is not: read as year
// on year it would be wrong (headerAliases).
func isAvgGrowth(s string) bool {
	f := fold(s)
	for _, w := range []string{"年均增", "年平均增", "averageannualgrowth", "annualaveragegrowth", "averagegrowth", "cagr"} {
		if strings.Contains(f, w) {
			return true
		}
	}
	return false
}

// plansInTitle finds the Five-Year Plans a table's title or sheet names,
// each once, in the order it names them: 十四五 (in quotes or not), "14th
// Five-Year Plan", "14th FYP". A 14th Plan's table is often headed with
// the 13th's too ("“十三五”规划完成情况及“十四五”规划主要指标"): which of
// them the table's targets are of, its target year tells (planOfTitle).
var fypOrdinal = regexp.MustCompile(`(?i)\b([0-9]{1,2})(?:st|nd|rd|th)[\s-]*(?:five[\s-]*year[\s-]*plan|fyp)`)

var fypNamesZh = regexp.MustCompile(`十([一二三四五六])五`)

var zhDigits = map[string]int{"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6}

func plansInTitle(text string) []string {
	type named struct {
		at   int
		plan string
	}
	var found []named
	f := fold(text)
	for _, m := range fypNamesZh.FindAllStringSubmatchIndex(f, -1) {
		found = append(found, named{m[0], plancast.Ordinal(10+zhDigits[f[m[2]:m[3]]]) + "-fyp"})
	}
	w := widthFold(text)
	for _, m := range fypOrdinal.FindAllStringSubmatchIndex(w, -1) {
		n, _ := strconv.Atoi(w[m[2]:m[3]])
		// The English names come after the Chinese: a title names its
		// plans in one language, and the order only lists them.
		found = append(found, named{len(f) + m[0], plancast.Ordinal(n) + "-fyp"})
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].at < found[j].at })
	var plans []string
	for _, n := range found {
		if !slices.Contains(plans, n.plan) {
			plans = append(plans, n.plan)
		}
	}
	return plans
}

// planOfTitle picks, of the plans a title names, the one whose years hold
// the target year (or whose long-range goal it is, 2035): the same one
// every time, whatever the order of the names. ok is false when none of
// them, or more than one, holds it.
func planOfTitle(named []string, year int) (plan string, ok bool) {
	var in, goal []string
	for _, n := range named {
		from, last, valid := plancast.PlanSpan(n)
		switch {
		case !valid:
		case year >= from && year <= last:
			in = append(in, n)
		case plancast.LongRangeGoalOf(n, year):
			goal = append(goal, n)
		}
	}
	switch {
	case len(in) == 1:
		return in[0], true
	case len(in) == 0 && len(goal) == 1:
		return goal[0], true
	}
	return "", false
}

// planMark is the column that makes a table a plan table, and what it says
// of the table, for the problem that refuses it as figures; ok is false
// when the table has none.
func planMark(l *layout, cols []column) (mark column, says string, ok bool) {
	if b, has := l.fields[fieldBinding]; has {
		return b, "says whether a target is binding (约束性) or expected (预期性), a target's field", true
	}
	var marked *column
	for i, y := range l.years {
		if y.planTarget && (marked == nil || y.year > marked.year) { // "规划目标" over the base year too: the target year's
			marked = &l.years[i]
		}
	}
	if marked != nil {
		return *marked, "says its column holds targets", true
	}
	if len(l.years) == 2 {
		for _, c := range cols {
			if c.avgGrowth {
				return c, fmt.Sprintf("is an average growth beside a base year and a target year (%s, %s), as a plan sets it", l.years[0].header, l.years[1].header), true
			}
		}
	}
	return column{}, "", false
}

// planLayout decides whether a table without plan and kind columns is a
// plan table and, if so, how to read it (l.plan) or why not. isPlan is
// false for a table of figures; ok is false when the table is refused,
// with a problem.
func (p *parser) planLayout(l *layout, cols []column, title string, headerRow int) (isPlan, ok bool) {
	mark, says, found := planMark(l, cols)
	if !found {
		return false, true
	}
	refuseAt := func(at column, format string, args ...any) (bool, bool) {
		p.ps.add(Problem{File: p.file, Sheet: p.sheet, Row: headerRow, Column: at.letter, Field: at.field, Message: fmt.Sprintf(format, args...)})
		return true, false
	}
	refuse := func(format string, args ...any) (bool, bool) { return refuseAt(mark, format, args...) }
	header := cell{text: mark.header}.quoted()
	if len(l.years) == 0 {
		return refuse("column %s (%s) %s: a table of targets needs a plan (规划) and a kind (目标类型) column beside its indicator, year and value columns, "+
			"or, as a plan's table, its base year's and target year's columns (指标, 2020年, 2025年, 年均增长（%%）, 属性); figures go in a table without it",
			mark.letter, header, says)
	}
	target := l.years[len(l.years)-1]
	var marked []column
	for _, y := range l.years {
		if y.planTarget {
			marked = append(marked, y)
		}
		if y.year > target.year {
			target = y
		}
	}
	switch {
	case len(marked) == len(l.years):
		marked = nil // "规划目标" merged over the base year and the target year: the later is the target's
	case len(marked) == 1:
		target = marked[0]
	}
	if p.opt.RefusePlanTables {
		return refuse("column %s (%s) %s: the table is a plan's targets, not figures, and its column %s (%s) would be stored as figures of %d; "+
			"push it to POST /api/v1/targets, which reads it as targets (as plancast ingest does), or push figures in a table without target columns",
			mark.letter, header, says, target.letter, cell{text: target.header}.quoted(), target.year)
	}
	if len(marked) > 1 {
		return refuseAt(marked[1], "columns %s (%s) and %s (%s) both hold targets: a plan's targets table reads one target year; push the targets of each year in a table of their own",
			marked[0].letter, cell{text: marked[0].header}.quoted(), marked[1].letter, cell{text: marked[1].header}.quoted())
	}
	pt := &planTable{target: target}
	for _, y := range l.years {
		switch {
		case y.idx == target.idx:
		case pt.base != nil:
			return refuseAt(y, "column %s (%s) is a third year column: a plan's targets table has its base year's column and its target year's (%s, %s); "+
				"push the figures of other years in a table of figures", y.letter, cell{text: y.header}.quoted(), pt.base.header, target.header)
		case y.year >= target.year:
			return refuseAt(y, "column %s (%s) is not before the target year's, column %s (%s): a plan's targets table has its base year's column and its target year's",
				y.letter, cell{text: y.header}.quoted(), target.letter, cell{text: target.header}.quoted())
		default:
			base := y
			pt.base = &base
		}
	}
	for _, c := range cols {
		if !c.avgGrowth {
			continue
		}
		if pt.avg != nil {
			return refuseAt(c, "columns %s (%s) and %s (%s) both hold average growths: a plan's targets table sets one; keep one",
				pt.avg.letter, cell{text: pt.avg.header}.quoted(), c.letter, cell{text: c.header}.quoted())
		}
		avg := c
		pt.avg = &avg
	}

	// The plan: the title's, else the Five-Year Plan ending in the target year.
	named := plansInTitle(title + " " + p.sheet)
	var pickedFrom []string // the plans the title names, when it names several
	byYears, fyp := plancast.FiveYearPlanOf(target.year)
	if _, last, _ := plancast.PlanSpan(byYears); !fyp || last != target.year {
		byYears = ""
	}
	switch {
	case len(named) == 1:
		if _, ok := planOfTitle(named, target.year); !ok {
			return refuseAt(target, "the title names plan %s, but the target year's column %s (%s) is not of its years: "+
				"push the targets of each plan in a table of their own, or give the table plan (规划) and kind (目标类型) columns",
				named[0], target.letter, cell{text: target.header}.quoted())
		}
		pt.plan = named[0]
	case len(named) > 1:
		plan, ok := planOfTitle(named, target.year)
		if !ok {
			return refuseAt(target, "the title names plans %s, and the target year's column %s (%s) is not of the years of one of them: "+
				"name only the plan whose targets the table holds in the title, or give the table plan (规划) and kind (目标类型) columns",
				strings.Join(named, " and "), target.letter, cell{text: target.header}.quoted())
		}
		pt.plan = plan
		pickedFrom = named
	case pt.base != nil && target.year-pt.base.year == 1:
		pt.plan = fmt.Sprintf("%d-annual", target.year) // a year's plan beside the year before ("2024年完成, 2025年计划")
	case byYears != "":
		pt.plan = byYears
	default:
		return refuseAt(target, "the table is a plan's targets, but which plan cannot be told: %d is the last year of no Five-Year Plan and the title names none (十四五); "+
			"name the plan in the title, or give the table plan (规划) and kind (目标类型) columns", target.year)
	}
	pt.baseYear = plancast.PlanBaseYear(pt.plan)
	if pt.base != nil {
		pt.baseYear = pt.base.year
	}
	if pt.baseYear >= target.year {
		return refuseAt(target, "the base year %d is not before the target year %d", pt.baseYear, target.year)
	}

	if !p.planGrowths(l, cols, pt, headerRow) {
		return true, false
	}

	planRead := fmt.Sprintf("plan %s", pt.plan)
	if pickedFrom != nil {
		planRead += fmt.Sprintf(" (the title names %s; %d is of %s's years)", strings.Join(pickedFrom, " and "), target.year, pt.plan)
	}
	read := []string{planRead, fmt.Sprintf("targets for %d from column %s (%s)", target.year, target.letter, cell{text: target.header}.quoted())}
	if pt.avg != nil {
		read = append(read, fmt.Sprintf("average growths from %d to %d from column %s (%s)", pt.baseYear, target.year, pt.avg.letter, cell{text: pt.avg.header}.quoted()))
	}
	if pt.growth != nil {
		read = append(read, fmt.Sprintf("growths of %d over %d from column %s (%s)", target.year, pt.baseYear, pt.growth.letter, cell{text: pt.growth.header}.quoted()))
	}
	if b, has := l.fields[fieldBinding]; has {
		read = append(read, fmt.Sprintf("binding or expected from column %s (%s)", b.letter, cell{text: b.header}.quoted()))
	}
	pt.read = strings.Join(read, ", ")
	l.plan = pt
	l.kind = layoutPlan
	return true, true
}

// saysGrowth reports whether a header heads growths ("增长（%）", "比上年增长",
// "预期增长（%）", "增速目标（%）", "growth"), an average's or not.
func saysGrowth(s string) bool {
	f := fold(s)
	for _, w := range []string{"增长", "增速", "增幅", "growth"} {
		if strings.Contains(f, w) {
			return true
		}
	}
	return false
}

// planGrowths places a plan table's growth columns (not its average
// growth): an annual plan's table prints the growth it sets beside its
// target ("2024年完成, 2025年计划, 增长（%）": GDP 6左右), which is read as
// growth targets of the target year over the base year, as a Five-Year
// Plan's 年均增长 column is read as average growths. A growth column is of
// the year its header names ("2025年增长（%）"), else of the target year
// when its header says it holds targets ("预期增长", "增速目标"), else of the
// year column to its left. The base year's growths ("2024年完成, 比上年增长")
// are figures', not pushed, which a note says. A growth column that cannot
// be placed, or one of the target year in a Five-Year Plan's table (whose
// growths are averages, 年均增长), is refused: a column of targets is never
// left out without a word. It reports false, with a problem, when it
// refuses one.
func (p *parser) planGrowths(l *layout, cols []column, pt *planTable, headerRow int) bool {
	refuse := func(g column, format string, args ...any) bool {
		p.ps.add(Problem{File: p.file, Sheet: p.sheet, Row: headerRow, Column: g.letter, Field: fieldGrowth, Message: fmt.Sprintf(format, args...)})
		return false
	}
	target := pt.target
	for _, g := range cols {
		if g.avgGrowth || g.year != 0 || g.indicator != "" || (g.field != "" && g.field != fieldGrowth) {
			continue
		}
		year := g.growthYear
		switch {
		case g.field == fieldGrowth || g.growthYear != 0:
		case g.unreadYear != 0 && saysGrowth(g.header): // "2025年预期增长（%）"
			year = g.unreadYear
			l.unreadYears = slices.DeleteFunc(l.unreadYears, func(c column) bool { return c.idx == g.idx })
		case g.unreadYear == 0 && saysGrowth(g.header): // "预期增长（%）", "增速目标（%）"
		default:
			continue
		}
		header := cell{text: g.header}.quoted()
		if msg := growthHeaderProblem(g); msg != "" {
			return refuse(g, "%s", msg)
		}
		if year == 0 && (saysTarget(g.header) || strings.Contains(fold(g.header), "预期") || strings.Contains(fold(g.header), "expected")) {
			year = target.year
		}
		if year == 0 { // the year column nearest on its left
			left := -1
			for _, y := range l.years {
				if y.idx < g.idx && y.idx > left {
					left, year = y.idx, y.year
				}
			}
		}
		switch {
		case year == 0:
			return refuse(g, "column %s (%s) holds growths, but of which year's column the header does not say: head it with its year (\"%d年增长（%%）\")",
				g.letter, header, target.year)
		case year == target.year && pt.growth != nil:
			return refuse(g, "columns %s (%s) and %s (%s) both hold the growths of %d: keep one",
				pt.growth.letter, cell{text: pt.growth.header}.quoted(), g.letter, header, year)
		case year == target.year && (!strings.HasSuffix(pt.plan, "-annual") || pt.baseYear != target.year-1):
			return refuse(g, "column %s (%s) holds growths of %d, but the table is plan %s's, from %d: a growth over a Five-Year Plan's years is an average a year; "+
				"head the column 年均增长（%%） if it holds one, or, for a year's plan, give the year before's column beside the target's (%d年完成, %d年计划)",
				g.letter, header, year, pt.plan, pt.baseYear, target.year-1, target.year)
		case year == target.year:
			growth := g
			pt.growth = &growth
		case pt.base != nil && year == pt.base.year && pt.baseGrowth == nil:
			growth := g
			pt.baseGrowth = &growth
		default:
			return refuse(g, "column %s (%s) holds growths of %d, which is neither the target year's column (%s) nor the base year's: "+
				"a plan's targets table sets the growths of its target year; push the figures' growths in a table of figures",
				g.letter, header, year, target.header)
		}
	}
	return true
}

// planNotes are the notes on a plan table read as targets: how it was
// read, and the base year's figures left out.
func (p *parser) planNotes(l *layout) []string {
	pt := l.plan
	where := p.where()
	notes := []string{fmt.Sprintf("%s: read as a plan's targets table (no plan or kind column): %s", where, pt.read)}
	if u := pt.baseHeld; u != nil {
		held := u.held()
		notes = append(notes, fmt.Sprintf("%s: column %s (%s) holds the base year's figures (%s), which were not pushed: a plan's table gives them to measure its targets from; "+
			"push figures in a table of figures", where, pt.base.letter, cell{text: pt.base.header}.quoted(), held))
	}
	if u := pt.baseGrowthHeld; u != nil {
		held := u.held()
		notes = append(notes, fmt.Sprintf("%s: column %s (%s) holds the stated growths of the base year's figures (%s), which were not pushed: "+
			"push figures and their growths in a table of figures", where, pt.baseGrowth.letter, cell{text: pt.baseGrowth.header}.quoted(), held))
	}
	if len(pt.ceilings) > 0 {
		var read []string
		for _, c := range pt.ceilings {
			read = append(read, fmt.Sprintf("%s %s in row %d", c.indicator, c.cell.quoted(), c.cell.at.Row))
		}
		notes = append(notes, fmt.Sprintf("%s: %s read as %s: a plan's number for a rate that is better lower is the most it may reach, "+
			"as the report reader reads it in a plan's text; write the bound (5.5以内) to say so, or push a level target in a targets table (kind level)",
			where, strings.Join(read, ", "), map[bool]string{true: "a ceiling", false: "ceilings"}[len(pt.ceilings) == 1]))
	}
	return notes
}

// planRow reads a row of a plan table: the target year's cell as a level
// target (a ceiling or floor when it says so, a share for a share
// indicator), the average growth cell as an avg_growth target from the
// base year. A row with neither (a section's heading, an indicator without
// targets) holds nothing to read.
func (p *parser) planRow(l *layout, row tableRow) {
	pt := l.plan
	tc := p.cellAt(row, pt.target, fieldValue)
	var ac cell
	hasAvg := pt.avg != nil
	if hasAvg {
		ac = p.cellAt(row, *pt.avg, fieldValue)
		hasAvg = !isMissing(ac.text)
	}
	var gc cell
	hasGrowth := pt.growth != nil
	if hasGrowth {
		gc = p.cellAt(row, *pt.growth, fieldValue)
		hasGrowth = !isMissing(gc.text)
	}
	hold := func(c *column, held **unheadedCells) {
		if c == nil {
			return
		}
		if t := row.at(c.idx); !isMissing(t) {
			if *held == nil {
				*held = &unheadedCells{text: shownNumber(t), row: row.num}
			} else {
				(*held).more++
			}
		}
	}
	hold(pt.base, &pt.baseHeld)
	hold(pt.baseGrowth, &pt.baseGrowthHeld)
	hasTarget := !isMissing(tc.text)
	if !hasTarget && !hasAvg && !hasGrowth {
		return
	}
	region, ok := p.rowRegion(l, row)
	indicator, inName, okInd := p.rowIndicator(l, row)
	ok = ok && okInd
	t0 := plancast.Target{Region: region, Indicator: indicator, Plan: pt.plan, BaseYear: pt.baseYear, Year: pt.target.year,
		Source: plancast.Source{Document: p.file}, Published: p.opt.Published}
	ok = p.targetDetails(l, row, &t0) && ok
	var good bool
	from := func(c cell) targetOrigin {
		var places *rowPlaces
		if pt.base != nil {
			places = &rowPlaces{base: pt.base.letter}
		}
		return targetOrigin{origin: origin{record: c.at, yearCol: pt.target.letter, valueCol: c.col, places: places}}
	}
	if hasTarget {
		t := t0
		var bound, num string
		t.Value, bound, num, good = p.planValue(tc)
		pc := tc // the number with its percent sign, without its bound words
		pc.text = num
		t.Kind = plancast.TargetLevel
		ind := p.res.indicators[indicator]
		switch {
		case bound != "":
			t.Kind = bound
		case ind.PercentOfWhole() && ind.Better != plancast.BetterLower:
			// A percentage of a whole, by its code or its declaration
			// (a treatment rate declared "percent_of_whole": true).
			t.Kind = plancast.TargetShare
		case ind.Kind == plancast.KindRate && ind.Better == plancast.BetterLower:
			// A plan's number for a rate better lower (城镇登记失业率 5.5)
			// is the most it may reach, not a level to rise to: a
			// ceiling, as the report reader reads it in the plan's text.
			t.Kind = plancast.TargetCeiling
			if good && ok {
				pt.ceilings = append(pt.ceilings, planCeiling{indicator: indicator, cell: tc})
			}
		}
		unit, at, okUnit := p.rowUnit(l, row, inName, indicator, pt.target.unit)
		if at.col == "" {
			at = tc
		}
		if ok && good && okUnit && p.targetPercentFits(pc, t) && p.targetUnitAt(at, tc, &t, unit) {
			at := from(tc)
			at.base = p.planBaseOf(l, row, inName, t.Indicator)
			p.addTarget(t, at)
		}
	}
	growth := func(c cell, kind, unit string) {
		t := t0
		t.Kind = kind
		var bound string
		t.Value, bound, _, good = p.planValue(c)
		if good && ok {
			good = p.growthBoundFits(c, bound, t)
		}
		if ok && good && p.targetUnitAt(c, c, &t, unit) {
			p.addTarget(t, from(c))
		}
	}
	if hasAvg {
		growth(ac, plancast.TargetAvgGrowth, pt.avg.unit)
	}
	if hasGrowth {
		growth(gc, plancast.TargetGrowth, pt.growth.unit)
	}
}

// growthBoundFits reports whether the bound a growth cell gives ("6以上",
// "控制在3以内") is the side plancast judges the growth target on: at or
// above it for an indicator better higher, at or below for one better
// lower. A bound on the other side (GDP's growth "控制在6以内") is no growth
// target plancast holds, and is refused rather than read as one.
func (p *parser) growthBoundFits(c cell, bound string, t plancast.Target) bool {
	lower := p.res.indicators[t.Indicator].Better == plancast.BetterLower
	var side string
	switch {
	case bound == plancast.TargetCeiling && !lower:
		side = "above"
	case bound == plancast.TargetFloor && lower:
		side = "below"
	default:
		return true
	}
	judged := map[bool]string{true: "at or below it (better lower)", false: "at or above it (better higher)"}[lower]
	p.fail(c, "%s bounds the growth of %s from %s, but plancast judges a growth target of %s as met %s: "+
		"write the growth alone if the plan means it to be reached, or push the bound as a level target (kind ceiling or floor) in a targets table",
		c.quoted(), t.Indicator, side, t.Indicator, judged)
	return false
}

// shownNumber is a cell's number as its spreadsheet shows it: a workbook
// stores 95.1 as the double nearest it, "95.099999999999994", which a
// message would quote as typed by no one. A plain number of more than 15
// significant digits (more than a spreadsheet shows) is written in the
// shortest form of its value at 15 digits (95.1); any other text is as
// written.
func shownNumber(text string) string {
	t := strings.TrimSpace(text)
	mantissa, _, exp := strings.Cut(strings.ToLower(t), "e")
	digits := strings.TrimLeft(strings.NewReplacer("-", "", "+", "", ".", "").Replace(mantissa), "0")
	if len(digits) <= 15 || strings.Trim(digits, "0123456789") != "" {
		return text
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil {
		return text
	}
	format := byte('f')
	if exp {
		format = 'g'
	}
	return strconv.FormatFloat(roundSignificant(v, 15), format, -1, 64)
}

// planSymbols are the signs a plan's table bounds a target with before its
// number ("<5.5", "≤5.5", "≥7"): a table's notation, which a report's
// sentence does not use. The words ("控制在5.5%以内", "不超过5.5", "7以上",
// "6左右") are the report reader's (bounds.Of): a plan's table and its
// text read alike.
var planSymbols = []struct{ sign, bound string }{
	{"<=", bounds.AtMost}, {"≤", bounds.AtMost}, {"≦", bounds.AtMost}, {"<", bounds.AtMost},
	{">=", bounds.AtLeast}, {"≥", bounds.AtLeast}, {"≧", bounds.AtLeast}, {">", bounds.AtLeast},
}

// boundKinds are the kinds of target a bound makes of a plan's number (""
// keeps the column's).
var boundKinds = map[string]string{bounds.AtMost: plancast.TargetCeiling, bounds.AtLeast: plancast.TargetFloor, bounds.About: ""}

// planNumber splits a plan's target cell into the words before its number,
// the number with its percent sign, and the words after it.
var planNumber = regexp.MustCompile(`^(.*?)([-+−]?[0-9][0-9,]*(?:\.[0-9]+)?\s*%?)(.*)$`)

// planValue reads a plan table's target cell: a number, with a bound
// before or after it or both (planSymbols, bounds.Of: "控制在5.5%以内",
// "不超过5.5", "≥7", "7以上", "6左右"), and the kind the bound makes (""
// for none). num is the number as written, with its percent sign, for the
// check that a percentage fits its indicator. A bracketed number
// ("〔13.5〕", "[13.5]") is a target summed over the plan's years, which
// plancast does not hold, and is refused saying so, as is any other text.
func (p *parser) planValue(c cell) (v float64, kind, num string, ok bool) {
	t := strings.TrimSpace(widthFold(c.text))
	if strings.HasPrefix(t, "[") || strings.HasPrefix(t, "〔") || strings.HasPrefix(t, "【") {
		p.fail(c, "%s is a target summed over the plan's years (累计), which plancast does not hold: leave the cell empty (—), "+
			"or push a level or growth target of the plan's last year in a targets table", c.quoted())
		return 0, "", "", false
	}
	if v, err := parseNumber(t); err == nil {
		return v, "", t, true
	}
	v, bound, num, ok := boundedNumber(t)
	if !ok {
		p.fail(c, "%s is not a target plancast reads: write a number, with a bound if any (<5.5, 控制在5.5%%以内, 不超过5.5, ≥7, 7以上, 6左右), or — for none", c.quoted())
		return 0, "", "", false
	}
	return v, boundKinds[bound], num, true
}

// boundedNumber reads a number with a bound before or after it or both
// (planSymbols, bounds.Of: "控制在5.5%以内", "不超过5.5", "≥7", "7以上",
// "6左右"): the number, the bound (bounds.AtMost, AtLeast, About; "" for
// none), and the number as written with its percent sign. ok is false for
// any other text.
func boundedNumber(text string) (v float64, bound, num string, ok bool) {
	t := strings.TrimSpace(widthFold(text))
	m := planNumber.FindStringSubmatch(t)
	if m == nil {
		return 0, "", "", false
	}
	before, num, after := strings.TrimSpace(m[1]), strings.Join(strings.Fields(m[2]), ""), m[3] // "5.5 %": 5.5%
	sign := ""
	for _, s := range planSymbols {
		if rest, cut := strings.CutPrefix(before, s.sign); cut {
			before, sign = rest, s.bound
			break
		}
	}
	bound, ok = bounds.Of(before, after)
	switch {
	case !ok, sign != "" && strings.TrimSpace(before) != "":
		return 0, "", "", false
	case sign != "":
		if bound != "" && bound != bounds.About && bound != sign {
			return 0, "", "", false // "≥5.5以内"
		}
		bound = sign
	}
	v, err := parseNumber(num)
	if err != nil {
		return 0, "", "", false
	}
	return v, bound, num, true
}

// avgGrowthNotes are the notes on the average growth columns of a table of
// figures (not a plan table), which it does not read: an average over
// several years is no year-on-year growth.
func (p *parser) avgGrowthNotes(l *layout) []string {
	var notes []string
	where := p.where()
	for _, c := range l.avgGrowths {
		u := l.unplacedHeld[c.idx]
		if u == nil {
			continue
		}
		held := u.held()
		notes = append(notes, fmt.Sprintf("%s: column %s (%s) holds average growths (%s) that were not read: an average runs over several years, from a base year the column does not give; "+
			"to push them as the figures' stated growth, head the column 增长（%%） and give the year it runs from in a growth_base_year column (增长基期); "+
			"a plan's average growth targets go in a targets table", where, c.letter, cell{text: c.header}.quoted(), held))
	}
	return notes
}

// FiguresRead is where a batch's figures were read (Batch.FiguresAt): how
// many, where the first is in reading order ("hd_mix.xlsx sheet 2024年
// row 2"), what it is, and the files and sheets that hold them.
type FiguresRead struct {
	N      int
	At     string
	First  plancast.Observation
	Tables []string
}

// FiguresAt says where b's figures were read, for a route that takes only
// targets (POST /api/v1/targets) to refuse them at their place: a workbook
// pushed there whole (all_sheets) may hold a sheet of figures beside its
// plan's targets table. The first is the first read (files in the
// batch's order, a workbook's sheets in its order, rows down), the tables
// in the order read. The zero FiguresRead when b holds none.
func (b *Batch) FiguresAt() FiguresRead {
	var fr FiguresRead
	if len(b.Observations) == 0 {
		return fr
	}
	seen := map[sheetOf]bool{}
	for i := range b.Observations {
		at := b.obsOrigin(i).record
		if t := (sheetOf{at.File, at.Sheet}); !seen[t] {
			seen[t] = true
			name := t.file
			if t.sheet != "" {
				name += " sheet " + t.sheet
			}
			fr.Tables = append(fr.Tables, name)
		}
	}
	first := b.obsOrigin(0).record
	fr.N, fr.First = len(b.Observations), b.Observations[0]
	fr.At = strings.TrimSuffix(Problem{File: first.File, Sheet: first.Sheet, Row: first.Row, Line: first.Line}.Error(), ": ")
	return fr
}
