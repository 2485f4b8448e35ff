package ingest

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/plancast/plancast"
)

// cell is one value read from a document with where it was read: every
// reader turns its input into cells so that the field parsers below report
// problems the same way for CSV, XLSX and JSON.
type cell struct {
	at    record
	col   string // column letter (tables) or "" (JSON)
	field string // region, indicator, year, value, ...
	text  string
}

func (p *parser) fail(c cell, format string, args ...any) {
	p.ps.add(c.at.problem(c.col, c.field, format, args...))
}

func (c cell) blank() bool { return strings.TrimSpace(c.text) == "" }

// quoted shows a cell's text in a message, shortened.
func (c cell) quoted() string {
	t := strings.TrimSpace(c.text)
	if r := []rune(t); len(r) > 40 {
		t = string(r[:40]) + "…"
	}
	return strconv.Quote(t)
}

func (p *parser) region(c cell) (string, bool) {
	code, err := p.res.region(c.text)
	if err != nil {
		p.fail(c, "%v", err)
		return "", false
	}
	return code, true
}

// indicator resolves an indicator cell; unit is the unit written in brackets
// after the name, if any.
func (p *parser) indicator(c cell) (code, unit string, ok bool) {
	code, unit, err := p.res.indicator(c.text)
	if err != nil {
		p.fail(c, "%v", err)
		return "", "", false
	}
	return code, unit, true
}

// year reads a year cell: 2019, "2019年", 2019.0 from a spreadsheet. The range
// is checked with the batch, so that the message names the figure.
func (p *parser) year(c cell) (int, bool) {
	if c.blank() {
		p.fail(c, "year is missing")
		return 0, false
	}
	if y, ok := parseYearLabel(c.text); ok {
		return y, true
	}
	v, err := parseNumber(c.text)
	if err != nil || v != math.Trunc(v) || math.Abs(v) > 1e6 {
		p.fail(c, "%s is not a year", c.quoted())
		return 0, false
	}
	return int(v), true
}

// number reads a figure; blank is an error here (wide tables treat missing
// marks before calling it).
func (p *parser) number(c cell) (float64, bool) {
	if isMissing(c.text) {
		p.fail(c, "%s is missing", c.field)
		return 0, false
	}
	v, err := parseNumber(c.text)
	if err != nil {
		var wu withUnitError
		switch n, worded := signedChange(c.text); {
		case errors.As(err, &wu) && c.col == "" && c.at.Line > 0:
			// A JSON item has no unit column and no header.
			p.fail(c, "%s %s", c.quoted(), wu.jsonError(c.field))
		case worded && c.field == fieldGrowth:
			// "下降3.2": a fall in words, as bulletins write it.
			p.fail(c, "%s is not a number: a growth is written as a number in percent, a fall with a minus sign: write %s", c.quoted(), n)
		default:
			if msg, marked := figureMarkMessage(c); marked {
				p.fail(c, "%s", msg)
				break
			}
			p.fail(c, "%s %v", c.quoted(), err)
		}
		return 0, false
	}
	return v, true
}

// unit reads a unit cell: a unit ParseUnit knows, or the label a download
// writes for an indicator's unit (resolver.unitNamed). A unit column
// repeats a few texts down a file, so each text read as a unit is read
// once (units): the label's reading runs over the catalog's indicators.
// A unit not known is told the units that convert to indicator's (the
// row's; "" when not known).
func (p *parser) unit(c cell, indicator string) (string, bool) {
	if u, ok := p.units[c.text]; ok {
		return u, true
	}
	u, ok := ParseUnit(c.text)
	if !ok {
		u, ok = p.res.unitNamed(c.text)
	}
	if !ok {
		if ind, known := p.res.indicators[indicator]; known {
			p.fail(c, "unit %s is not a known unit: indicator %s is measured in %s; %s", c.quoted(), indicator, unitLabel(ind.Unit), unitAdvice(ind.Unit))
		} else {
			p.fail(c, "unit %s is not a known unit: write one such as 亿元, 万元, 元, %%, 万吨, 亿立方米 or 亿千瓦时, or a unit code (100m_yuan)", c.quoted())
		}
		return "", false
	}
	if p.units == nil {
		p.units = map[string]string{}
	}
	if len(p.units) < 1000 { // a bound on what a file of made-up units costs
		p.units[strings.Clone(c.text)] = u
	}
	return u, true
}

// convert converts v from the file's unit to the indicator's; fromUnit ""
// means the file gave none, so the value is already in the indicator's unit.
// A unit that does not convert is said at c, and the unit of a value
// converted is noted for the origin of the value read at c (withUnit).
func (p *parser) convert(c cell, v float64, fromUnit, indicator string) (float64, bool) {
	return p.convertAt(c, c, v, fromUnit, indicator)
}

// convertAt is convert for a value whose unit is given apart from it: a
// unit that does not convert is said at c (the unit's cell), and the unit
// of a value converted is noted for the origin of the value read at value.
func (p *parser) convertAt(c, value cell, v float64, fromUnit, indicator string) (float64, bool) {
	ind, known := p.res.indicators[indicator]
	if fromUnit == "" || !known {
		return v, true
	}
	out, err := Convert(v, fromUnit, ind.Unit)
	if err != nil {
		p.fail(c, "%s: indicator %s is measured in %s; %s", plancast.ErrorMessage(err), indicator, unitLabel(ind.Unit), unitAdvice(ind.Unit))
		return 0, false
	}
	if fromUnit != ind.Unit {
		p.noteConverted(value, fromUnit)
	}
	return out, true
}

// Hints on where a percentage goes, for percentFits.
const (
	percentHintTable = "a growth rate goes in a growth column (growth, 增速)"
	percentHintJSON  = `a growth rate goes in "growth"`
)

// percentFits reports whether a figure written with a percent sign ("140%",
// "140％") is of an indicator measured in percent, and if not adds a problem
// at its cell. parseNumber drops the sign (the unit says percent), so a
// percentage of a level would be stored as the level itself: "140%" of GDP
// as 140 亿元. hint says where a growth rate goes instead. A figure without
// the sign, and one of an indicator the catalog does not hold, fit.
func (p *parser) percentFits(c cell, indicator, hint string) bool {
	unit, fits := p.percentUnit(c, indicator)
	if !fits {
		p.fail(c, "%s is a percentage, but indicator %s is measured in %s, not in percent: write the figure without the %% sign; %s",
			c.quoted(), indicator, unitLabel(unit), hint)
	}
	return fits
}

// targetPercentFits is percentFits for a target's value: a growth or a
// share target is in percent whatever its indicator, a level, a ceiling or
// a floor in its indicator's unit.
func (p *parser) targetPercentFits(c cell, t plancast.Target) bool {
	switch t.Kind {
	case plancast.TargetLevel, plancast.TargetCeiling, plancast.TargetFloor:
	default:
		return true
	}
	unit, fits := p.percentUnit(c, t.Indicator)
	if !fits {
		p.fail(c, "%s is a percentage, but a %s target of indicator %s is in %s, not in percent: "+
			"write the level without the %% sign, or make it a growth target (kind growth or avg_growth: 增速, 年均增速)",
			c.quoted(), t.Kind, t.Indicator, unitLabel(unit))
	}
	return fits
}

// percentUnit reports whether a cell's figure fits its indicator as far as
// a percent sign goes, and the indicator's unit when it does not.
func (p *parser) percentUnit(c cell, indicator string) (unit string, fits bool) {
	if !strings.HasSuffix(strings.TrimSpace(widthFold(c.text)), "%") {
		return "", true
	}
	ind, known := p.res.indicators[indicator]
	if !known || ind.Unit == plancast.UnitPercent {
		return "", true
	}
	return ind.Unit, false
}

var statusNames = map[string]string{
	"final": plancast.StatusFinal, "终值": plancast.StatusFinal, "最终": plancast.StatusFinal, "最终核实": plancast.StatusFinal,
	"核实": plancast.StatusFinal, "正式": plancast.StatusFinal,
	"preliminary": plancast.StatusPreliminary, "初步": plancast.StatusPreliminary, "初值": plancast.StatusPreliminary,
	"初步核算": plancast.StatusPreliminary, "快报": plancast.StatusPreliminary, "prelim": plancast.StatusPreliminary,
	"estimate": plancast.StatusEstimate, "预计": plancast.StatusEstimate, "估计": plancast.StatusEstimate,
	"预估": plancast.StatusEstimate, "estimated": plancast.StatusEstimate,
	"withdrawn": plancast.StatusWithdrawn, "withdraw": plancast.StatusWithdrawn, "撤回": plancast.StatusWithdrawn,
	"撤销": plancast.StatusWithdrawn, "作废": plancast.StatusWithdrawn,
}

// statusCodes are the codes a misspelt status is offered ("did you mean",
// plancast.NameHint); a misspelt period is offered plancast.Periods.
var statusCodes = []string{plancast.StatusFinal, plancast.StatusPreliminary, plancast.StatusEstimate, plancast.StatusWithdrawn}

// status reads a status cell; blank means final.
func (p *parser) status(c cell) (string, bool) {
	if c.blank() {
		return plancast.StatusFinal, true
	}
	if s, ok := statusNames[fold(c.text)]; ok {
		return s, true
	}
	// "最终核实数", "初步核算数": the NBS's words for a final and a
	// preliminary figure, as a year's header takes them (yearQualifier).
	if s, ok := statusNames[fold(strings.TrimRight(strings.TrimSpace(c.text), "数值"))]; ok && s != plancast.StatusWithdrawn {
		return s, true
	}
	p.fail(c, "status %s must be final, preliminary, estimate or withdrawn (终值, 初步, 预计, 撤回)%s", c.quoted(), plancast.NameHint(c.text, statusCodes))
	return "", false
}

// levels reports whether a transform cell says the row's value is a figure
// (blank, lin or 原值), and refuses it otherwise: the series API's
// download with units=chg, pch, log, ... holds changes, which pushed back
// would revise the figures they were computed from.
func (p *parser) levels(c cell) bool {
	switch t := fold(c.text); t {
	case "", "lin", fold("原值"):
		return true
	}
	p.fail(c, "the value is not a figure but units=%s of the figures (a series downloaded with units=%s); download the series with units=lin, the default, to push its figures back", strings.TrimSpace(c.text), strings.TrimSpace(c.text))
	return false
}

// publishedFits checks the date a row's figure of year is published on
// against the figure and the row's period and status: the date the row
// gives (in cell c, its published cell), or the push's (m.published) when
// it gives none (c blank, or no published column). The rule:
//
//   - No figure is published before its year begins (yearNotBegun),
//     whichever date it is, the row's or the push's, whatever its status:
//     2031 for 2021, or a date a year early, is a typo.
//   - A preliminary figure or an estimate may be published from its year's
//     first day on: a government work report states the year in progress
//     ("预计全年…"), and a figure of a year that has begun, published
//     during it, is a preliminary figure a bureau may push. Why: a
//     preliminary figure of 2026 dated 2026-11-01 was refused as "published
//     on or before the end of its period", while the same row undated, the
//     push's date 2026-11-23, was taken; the date said when it was
//     published, and the rule is the same with it or without.
//   - A final figure is not published before its period ends (Houma's 2021
//     GDP published 2021-03-01 is a typo for 2022-03-01). That is checked
//     on the row's own date only: the push's is the day the figures arrive,
//     and a bureau may push the year just ended a day after it without
//     dating it, or a figure of the year in progress without its status.
//
// A withdrawal, which carries no figure, may be of any year. A push's date
// before the figure's year began is said at the year's cell yc: the year is
// what is likely wrong (2031 for 2021), or the push's date. checkBatch says
// the same of batches not read here (checkYearBegun).
func (p *parser) publishedFits(c, yc cell, m rowMeta, year int) bool {
	if m.published.IsZero() || year < plancast.MinYear || year > plancast.MaxYear || m.status == plancast.StatusWithdrawn {
		return true
	}
	// The figure's year and period, said only of a figure refused: written
	// for every row, it was an allocation per row of every table read.
	when := func() string { return figureWhen(plancast.Observation{Year: year, Period: m.period}) }
	if c.blank() {
		if !yearNotBegun(year, m.published) {
			return true
		}
		p.fail(yc, "%s", notBegunMessage(year, m.published, " (the push's date: the row gives none)", when()))
		return false
	}
	ends, ok := plancast.PeriodEnd(year, m.period)
	if !ok {
		return true
	}
	switch {
	case yearNotBegun(year, m.published):
		p.fail(c, "%s", notBegunMessage(year, m.published, "", when()))
	case !m.published.After(ends) && m.status == plancast.StatusFinal:
		p.fail(c, "published %s, on or before the end of its period (%s): a final figure of %s is published after it; one published earlier is preliminary or an estimate "+
			"(status preliminary or estimate, published from %s), or the date is a typo",
			m.published, ends, when(), plancast.NewDate(year, time.January, 1))
	default:
		return true
	}
	return false
}

// figureValue reads a figure's value cell. A withdrawal (status withdrawn)
// needs none: its row names the figure, and a value given anyway is ignored.
func (p *parser) figureValue(c cell, status string) (float64, bool) {
	if status == plancast.StatusWithdrawn {
		return 0, true
	}
	return p.number(c)
}

var monthCodes = []string{"", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

var periodNames = map[string]string{
	"全年": plancast.PeriodYear, "年度": plancast.PeriodYear, "annual": plancast.PeriodYear, "fullyear": plancast.PeriodYear,
	"上半年": "h1", "下半年": "h2", "一季度": "q1", "二季度": "q2", "三季度": "q3", "四季度": "q4",
	"第一季度": "q1", "第二季度": "q2", "第三季度": "q3", "第四季度": "q4",
}

// monthRange matches "1-11月", "1—11月", "1至11月", "jan-nov" is handled as a code.
var monthRange = regexp.MustCompile(`^1(?:-|—|–|~|至|到)([0-9]{1,2})月?$`)

// period reads a period cell; blank means the whole year.
func (p *parser) period(c cell) (string, bool) {
	if c.blank() {
		return plancast.PeriodYear, true
	}
	if s, ok := periodOf(c.text); ok {
		return s, true
	}
	p.fail(c, "period %s must be year, h1, h2, q1–q4 or jan-feb … jan-nov (上半年, 1-11月)%s", c.quoted(), plancast.NameHint(c.text, plancast.Periods))
	return "", false
}

// periodOf reads a period as a period cell gives it ("h1", "上半年",
// "1-6月"); ok is false when the text is none.
func periodOf(text string) (string, bool) {
	t := strings.ToLower(strings.TrimSpace(widthFold(text)))
	if plancast.ValidPeriod(t) {
		return t, true
	}
	if s, ok := periodNames[fold(t)]; ok {
		return s, true
	}
	if m := monthRange.FindStringSubmatch(strings.ReplaceAll(t, " ", "")); m != nil {
		if n, _ := strconv.Atoi(m[1]); n >= 2 && n <= 11 {
			return "jan-" + monthCodes[n], true
		} else if n == 12 {
			return plancast.PeriodYear, true
		}
	}
	return "", false
}

var dateLayouts = []string{"2006-01-02", "2006/01/02", "2006/1/2", "2006-1-2", "2006.01.02", "2006年1月2日", "20060102"}

// dateParts picks the year, month and day out of a text in one of the
// forms of dateLayouts, whether or not they make a day: time.Parse refuses
// 2024/02/30 as it refuses "soon", and the cell would be told to be
// YYYY-MM-DD, a form its writer had not got wrong. Each pattern is as
// wide as the layouts of its form (1 or 2 digits where the layout has 1
// or 2, exactly 2 where it has 01 or 02).
var dateParts = []*regexp.Regexp{
	regexp.MustCompile(`^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$`),  // 2006-01-02, 2006-1-2
	regexp.MustCompile(`^([0-9]{4})/([0-9]{1,2})/([0-9]{1,2})$`),  // 2006/01/02, 2006/1/2
	regexp.MustCompile(`^([0-9]{4})\.([0-9]{2})\.([0-9]{2})$`),    // 2006.01.02
	regexp.MustCompile(`^([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日$`), // 2006年1月2日
	regexp.MustCompile(`^([0-9]{4})([0-9]{2})([0-9]{2})$`),        // 20060102
}

// notADay says why t, in one of the forms a date cell is read in, is no
// day of the calendar (plancast.NoSuchDay: "2024/02/30 is not a day:
// February 2024 has 29 days"), as ISO's 2024-02-30 is told everywhere;
// "" for a day and for a text of no such form.
func notADay(t string) string {
	for _, re := range dateParts {
		if m := re.FindStringSubmatch(t); m != nil {
			y, _ := strconv.Atoi(m[1])
			mo, _ := strconv.Atoi(m[2])
			d, _ := strconv.Atoi(m[3])
			return plancast.NoSuchDay(t, y, mo, d)
		}
	}
	return ""
}

// date reads a published date: ISO, slashes, "2021年4月20日", or an Excel
// serial day number (spreadsheets store dates as numbers). Blank means the
// push's default.
func (p *parser) date(c cell) (plancast.Date, bool) {
	t := strings.TrimSpace(widthFold(c.text))
	if p.dated = t != ""; !p.dated {
		return p.opt.Published, true
	}
	for _, l := range dateLayouts {
		if d, err := time.Parse(l, t); err == nil {
			return plancast.DateOf(d), true
		}
	}
	if serial, err := strconv.ParseFloat(t, 64); err == nil && serial > 1 && serial < 100000 && len(t) != 8 {
		// Excel day 1 is 1900-01-01, with the phantom 1900-02-29: day 0 is 1899-12-30 for serials past 60.
		return plancast.DateOf(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(serial))), true
	}
	if why := notADay(t); why != "" {
		p.fail(c, "%s", why)
	} else {
		p.fail(c, "date %s must be YYYY-MM-DD", c.quoted())
	}
	return plancast.Date{}, false
}

// plan reads a plan cell: "14th-fyp", "十四五", "2021-annual", "2021年".
func (p *parser) plan(c cell) (string, bool) {
	if code, ok := PlanCode(c.text); ok {
		return code, true
	}
	p.fail(c, "plan %s must look like 14th-fyp, 十四五 or 2021-annual%s", c.quoted(), plancast.PlanHint(c.text))
	return "", false
}

// PlanCode is the plan code a planner's name of a plan stands for, as a
// targets file gives it: the code itself ("14th-fyp", "2021-annual"), a
// Five-Year Plan's Chinese name ("十四五", "十五五规划" → "15th-fyp"), a
// year's plan ("2021年", "2026年计划", "2021" → "2021-annual").
func PlanCode(text string) (string, bool) {
	t := strings.ToLower(strings.TrimSpace(widthFold(text)))
	if plancast.ValidPlan(t) {
		return t, true
	}
	for k, v := range fypNames {
		if strings.HasPrefix(fold(t), k) {
			return v, true
		}
	}
	if y, ok := parseYearLabel(strings.TrimSuffix(strings.TrimSuffix(t, "计划"), "-annual")); ok {
		return fmt.Sprintf("%d-annual", y), true
	}
	return "", false
}

// fypNames are the Five-Year Plans' Chinese names.
var fypNames = map[string]string{"十一五": "11th-fyp", "十二五": "12th-fyp", "十三五": "13th-fyp", "十四五": "14th-fyp", "十五五": "15th-fyp"}

var targetKindNames = map[string]string{
	"目标值": plancast.TargetLevel, "总量": plancast.TargetLevel, "达到": plancast.TargetLevel,
	"年均增长": plancast.TargetAvgGrowth, "年均增速": plancast.TargetAvgGrowth, "averagegrowth": plancast.TargetAvgGrowth,
	"增长": plancast.TargetGrowth, "增速": plancast.TargetGrowth,
	"上限": plancast.TargetCeiling, "以内": plancast.TargetCeiling, "不高于": plancast.TargetCeiling, "控制在": plancast.TargetCeiling,
	"下限": plancast.TargetFloor, "不低于": plancast.TargetFloor,
	"比重": plancast.TargetShare, "占比": plancast.TargetShare,
}

func (p *parser) targetKind(c cell) (string, bool) {
	t := strings.ToLower(strings.TrimSpace(c.text))
	for _, k := range plancast.TargetKinds {
		if t == k {
			return k, true
		}
	}
	if k, ok := targetKindNames[fold(t)]; ok {
		return k, true
	}
	p.fail(c, "kind %s must be one of %s%s", c.quoted(), strings.Join(plancast.TargetKinds, ", "), plancast.NameHint(c.text, plancast.TargetKinds))
	return "", false
}

// binding reads whether a target is binding (约束性) or expected (预期性); blank is expected.
func (p *parser) binding(c cell) (bool, bool) {
	switch fold(c.text) {
	case "", "false", "no", "n", "0", "expected", "预期性", "预期", "否":
		return false, true
	case "true", "yes", "y", "1", "binding", "约束性", "约束", "是":
		return true, true
	}
	p.fail(c, "binding %s must be true or false (约束性 or 预期性)", c.quoted())
	return false, false
}

// statedGrowth reads a figure's stated growth and the year it is measured
// from. The growth is in percent: "17.1", "17.1%", "+17.1", "-3.2", "−3.2"
// (a Unicode minus); blank or a dash means the source states none. A blank
// base year is 0, year on year. Whether the two fit the figure (a withdrawal
// has no growth, a base year needs a growth and must be before the figure's
// year) is checked with the batch (checkGrowth), so that every format and a
// batch built by hand are held to the same rules.
func (p *parser) statedGrowth(gc, bc cell) (growth *float64, base int, ok bool) {
	ok = true
	if !isMissing(gc.text) {
		v, good := p.number(gc)
		if good {
			growth = &v
		}
		ok = good
	}
	base, good := p.optionalYear(bc)
	return growth, base, ok && good
}

// optionalYear reads a base year; blank is 0.
func (p *parser) optionalYear(c cell) (int, bool) {
	if c.blank() {
		return 0, true
	}
	return p.year(c)
}
