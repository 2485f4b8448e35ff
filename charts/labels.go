package charts

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/forecast"
)

// Languages of chart labels.
const (
	LangEn = "en"
	LangZh = "zh"
)

// words are the fixed labels of the charts in each language.
type words struct {
	History, Mean, PI80, PI95             string
	Target, Required, Implied             string
	ImpliedLevel                          string // a comparison's ring: the level a growth target implies in its year
	Ceiling, Floor, Source, Projection    string
	AsOf                                  string // before the date of a chart of past data
	StatedFaster, StatedSlower            string // what the mean gap adds to a growth target's path: gap, years
	StatedOwnFmt                          string // what the years' own gaps add to it: years
	StatedOtherFmt, StatedOtherNoneFmt    string // own gaps, and the mean gap or none in other years: own, mean or years
	StatedOtherNamedFmt                   string // own gaps, and the mean gaps of named years: own, the years' clauses
	StatedInFmt, StatedInNoneFmt          string // a mean gap added in named years: years, adds; or none: years, covered years
	StatedOnFmt                           string // the single chart's sentence of what its paths add
	StatedPathsFmt                        string // a comparison's clause of what a region's paths add: region, what
	StatedSame                            string // a gap under 0.05% a year: years
	StatedMonthsFmt                       string // the target year's gap taken from its months: year, period, stated growth, growth at current prices
	StatedMonthsSep                       string // between statedClause's clause and StatedMonthsFmt
	InterpolatedBaseFmt                   string // growth paths from a base year without a figure: year, plans, the stored years around it
	ProjectedBaseFmt                      string // growth paths from a base year after the latest figure: year, plans
	ToDateBaseFmt                         string // the same, the base taken from its months: year, plans, period, level, the latest year with a figure
	ToDate, ToDateFmt                     string // the year projected from its months so far: year, period, value
	Estimate, EstimateFmt                 string // an estimate of the year in progress, not its figure: legend; year, value
	NoFiguresFmt, GrowthOutFmt            string // the regions a comparison does not draw, or draws without the growth targets that imply no level
	DueFmt, DueSpanFmt                    string // the ended years after the last figure with none stored: year; from, to (the dashboard's words)
	DueRegionFmt                          string // a comparison's sentence of a region's ended years without figures: region, DueFmt or DueSpanFmt
	NameSep                               string // between region names in a list
	TargetFmt, LatestFmt, CompareTitleFmt string
	PlanYearTargetFmt                     string // a target of the one year its plan covers (an annual plan's): plan, value
	Sep, ListSep, Stop                    string
}

var dict = map[string]words{
	LangEn: {
		History:             "Actual",
		Mean:                "Projection",
		PI80:                "80% interval",
		PI95:                "95% interval",
		Target:              "Plan target",
		Required:            "Path required to meet target",
		Implied:             "Path implied by growth target",
		ImpliedLevel:        "Level implied by growth target",
		Ceiling:             "Ceiling",
		Floor:               "Floor",
		Source:              "Source: ",
		Projection:          "projection: plancast",
		AsOf:                "Data as of ",
		StatedFaster:        "plus the %s%% a year by which the figures grew faster than stated in %s",
		StatedSlower:        "less the %s%% a year by which the figures grew slower than stated in %s",
		StatedOwnFmt:        "with each year's own gap between the figures' growth and the stated growth in %s",
		StatedOtherFmt:      "%s, and otherwise %s",
		StatedOtherNamedFmt: "%s, and %s",
		StatedInFmt:         "in %s, %s",
		StatedInNoneFmt:     "none in %s, as the figures' own growth matched it in %s",
		StatedOtherNoneFmt:  "%s, and none in other years, as the figures' own growth matched it in %s",
		StatedOnFmt:         "Growth targets are drawn on the growth stated with the figures, %s.",
		StatedPathsFmt:      "%s: paths %s.",
		StatedSame:          "Growth targets are drawn on the growth stated with the figures, which matched the figures' own growth in %s.",
		StatedMonthsFmt:     "in %[1]d with the gap of its %[2]s figures (stated %[3]s on a year before, %[4]s at current prices), as the assessment judges %[1]d's",
		StatedMonthsSep:     "; ",
		InterpolatedBaseFmt: "Growth paths from %[1]d (%[2]s) start at the %[1]d level interpolated between the figures of %[3]d and %[4]d, as no figure of %[1]d is stored.",
		ProjectedBaseFmt:    "Growth paths from %[1]d (%[2]s) start at the projected %[1]d level, as no figure of %[1]d is stored yet.",
		ToDateBaseFmt:       "Growth paths from %[1]d (%[2]s) start at the %[1]d level its %[3]s figures give (%[4]s), in the proportion of %[5]d's to the whole of %[5]d, as no figure of %[1]d is stored yet.",
		ToDate:              "The year from its months so far",
		ToDateFmt:           "%d from %s: %s",
		Estimate:            "Estimate, year not over",
		EstimateFmt:         "%d estimate: %s",
		NoFiguresFmt:        "%s: no yearly figures.",
		GrowthOutFmt:        "%s: growth targets with no implied level not drawn.",
		DueFmt:              "no figure for %d yet",
		DueSpanFmt:          "no figures for %d–%d yet",
		DueRegionFmt:        "%s: %s.",
		NameSep:             "; ", // not ", ": at the source line's size a comma after "County" hides under the y
		TargetFmt:           "%s target %d: %s",
		PlanYearTargetFmt:   "%s target: %s",
		LatestFmt:           "%d: %s",
		CompareTitleFmt:     "%s by region",
		Sep:                 " · ",
		ListSep:             "; ",
		Stop:                ".",
	},
	LangZh: {
		History:             "实际值",
		Mean:                "预测值",
		PI80:                "80%预测区间",
		PI95:                "95%预测区间",
		Target:              "目标",
		Required:            "实现目标所需路径",
		Implied:             "增长目标对应路径",
		ImpliedLevel:        "增长目标对应水平",
		Ceiling:             "上限",
		Floor:               "下限",
		Source:              "资料来源：",
		Projection:          "预测：plancast",
		AsOf:                "数据截至",
		StatedFaster:        "计入%[2]s年数值年均快于所述增速的%[1]s%%",
		StatedSlower:        "扣除%[2]s年数值年均慢于所述增速的%[1]s%%",
		StatedOwnFmt:        "计入%s年各年数值增速与所述增速之差",
		StatedOtherFmt:      "%s，其余年份%s",
		StatedOtherNamedFmt: "%s，%s",
		StatedInFmt:         "%s年%s",
		StatedInNoneFmt:     "%s年不作调整（%s年数值增长与所述增速一致）",
		StatedOtherNoneFmt:  "%s，其余年份不作调整（%s年数值增长与所述增速一致）",
		StatedOnFmt:         "增长目标路径按所述增速绘制，并%s。",
		StatedPathsFmt:      "%s：路径%s。",
		StatedSame:          "增长目标路径按所述增速绘制；%s年数值增长与所述增速一致。",
		StatedMonthsFmt:     "%[1]d年计入其%[2]s数据与所述增速之差（公布同比%[3]s，现价同比%[4]s），与%[1]d年的评估一致",
		StatedMonthsSep:     "；",
		InterpolatedBaseFmt: "尚无%[1]d年数据，以%[1]d年为基期的增长目标路径（%[2]s）按%[3]d年和%[4]d年数据推算的%[1]d年水平起算。",
		ProjectedBaseFmt:    "尚无%[1]d年数据，以%[1]d年为基期的增长目标路径（%[2]s）按%[1]d年预测水平起算。",
		ToDateBaseFmt:       "尚无%[1]d年数据，以%[1]d年为基期的增长目标路径（%[2]s）按其%[3]s数据推算的%[1]d年水平（%[4]s）起算，即按%[5]d年%[3]s占全年的比例推算。",
		ToDate:              "据年内累计预计全年",
		ToDateFmt:           "%d年（据%s）：%s",
		Estimate:            "预计数（年度未结束）",
		EstimateFmt:         "%d年预计：%s",
		NoFiguresFmt:        "%s：无年度数据。",
		GrowthOutFmt:        "%s：无法推算对应水平的增长目标未绘制。",
		DueFmt:              "%d年数据未录入",
		DueSpanFmt:          "%d—%d年数据未录入",
		DueRegionFmt:        "%s：%s。",
		NameSep:             "、",
		TargetFmt:           "%s目标（%d年）：%s",
		PlanYearTargetFmt:   "%s目标：%s",
		LatestFmt:           "%d年：%s",
		CompareTitleFmt:     "%s · 各地区比较",
		Sep:                 " · ",
		ListSep:             "；",
		Stop:                "。",
	},
}

// planPeriod is a Five-Year Plan period.
type planPeriod struct {
	n          int // 13 for the 13th FYP
	start, end int // first and last year, inclusive
}

// fypPeriod returns the years of the n-th Five-Year Plan
// (plancast.FiveYearPlanSpan: the 14th is 2021–2025).
func fypPeriod(n int) planPeriod {
	start, end := plancast.FiveYearPlanSpan(n)
	return planPeriod{n: n, start: start, end: end}
}

// periodsIn returns the Five-Year Plan periods overlapping [from, to].
func periodsIn(from, to int) []planPeriod {
	var ps []planPeriod
	for n := 1; ; n++ {
		p := fypPeriod(n)
		if p.start > to {
			break
		}
		if p.end >= from {
			ps = append(ps, p)
		}
	}
	return ps
}

var zhNumerals = []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// zhNumber writes 1–99 in Chinese numerals as plan names use them (十三, 二十).
func zhNumber(n int) string {
	switch {
	case n < 10:
		return zhNumerals[n]
	case n < 20:
		return "十" + zhNumerals[n%10]
	default:
		return zhNumerals[n/10] + "十" + zhNumerals[n%10]
	}
}

// periodLabel is "14th FYP" or "十四五".
func periodLabel(p planPeriod, lang string) string {
	if lang == LangZh {
		return zhNumber(p.n) + "五"
	}
	return plancast.Ordinal(p.n) + " FYP"
}

// PlanLabel names a plan code: "14th-fyp" → "14th FYP" / "十四五",
// "2021-annual" → "2021 plan" / "2021年计划"; an unknown code as it is.
func PlanLabel(plan, lang string) string {
	if n, ok := strings.CutSuffix(plan, "-fyp"); ok {
		k, err := strconv.Atoi(strings.TrimRight(n, "stndrh"))
		if err == nil {
			return periodLabel(planPeriod{n: k}, lang)
		}
	}
	if y, ok := strings.CutSuffix(plan, "-annual"); ok {
		if lang == LangZh {
			return y + "年计划"
		}
		return y + " plan"
	}
	return plan
}

// planSpan returns the years a plan covers (plancast.PlanSpan): a
// Five-Year Plan its five years, an annual plan its year. ok is false for
// an unknown plan code.
func planSpan(plan string) (from, to int, ok bool) { return plancast.PlanSpan(plan) }

// UnitLabel names a unit code for people, in English or Chinese
// (plancast.UnitLabels): the y axis here, the dashboard's figures in the api
// package.
func UnitLabel(unit, lang string) string {
	if p, ok := plancast.UnitLabels[unit]; ok {
		if lang == LangZh {
			return p.Zh
		}
		return p.En
	}
	return strings.ReplaceAll(unit, "_", " ")
}

// TargetValueText writes what a target asks for, with its unit, for text
// that has no unit column: "+7%" for a growth, "≤ 4.5%", "≥ 2,000 persons",
// "400亿元". An English unit that starts with a number gets a "×", so that
// 400 of "100 million yuan" does not read as 400,100 million:
// "400 × 100 million yuan".
func TargetValueText(kind string, v float64, unit, lang string) string {
	text := plancast.FormatNumber(v, -1)
	switch {
	case plancast.GrowthKind(kind):
		if v >= 0 {
			text = "+" + text
		}
		return text + "%"
	case kind == plancast.TargetCeiling:
		text = "≤ " + text
	case kind == plancast.TargetFloor:
		text = "≥ " + text
	}
	label := UnitLabel(unit, lang)
	switch {
	case label == "":
		return text
	case label == "%" || lang == LangZh:
		return text + label
	case label[0] >= '0' && label[0] <= '9':
		return text + " × " + label
	}
	return text + " " + label
}

// regionName and indicatorName pick the name in lang, falling back to the
// other language and then the code.
func regionName(r plancast.Region, lang string) string {
	return pick(lang, r.Name, r.NameZh, r.Code)
}

func indicatorName(i plancast.Indicator, lang string) string {
	return pick(lang, i.Name, i.NameZh, i.Code)
}

func pick(lang, en, zh, code string) string {
	if lang == LangZh && zh != "" {
		return zh
	}
	if en != "" {
		return en
	}
	if zh != "" {
		return zh
	}
	return code
}

// formatValue writes a value with its unit for annotations: "250 亿元",
// "33,029 yuan", "4.5%". A percentage of a whole (whole: a share, the
// unemployment rate) below 100 never reads 100, nor one above 0 reads 0:
// it gets the decimals that keep it apart from the limit
// (plancast.ApartPrec), so that a share of 99.95 is "99.95%", not "100%"
// as if the whole were reached, beside a target of 99.96, "99.96%".
func formatValue(v float64, unit, lang string, whole bool) string {
	prec := plancast.ValuePrec(v)
	if whole {
		prec = plancast.ApartPrec(v, 0, plancast.ApartPrec(v, 100, prec))
	}
	s := plancast.FormatNumber(v, prec)
	if strings.Contains(s, ".") {
		s = strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
	}
	return withUnit(s, unit, lang)
}

// withUnit writes the number s with its unit as formatValue does.
func withUnit(s, unit, lang string) string {
	u := UnitLabel(unit, lang)
	if u == "" {
		return s
	}
	if u == "%" || lang == LangZh {
		return s + u
	}
	return s + " " + u
}

// labelPrec is the decimals of v, the latest figure or a level, share,
// ceiling or floor target, in its label: those the dashboard writes it with
// (plancast.Decimals, trailing zeros dropped: the latest figure 2,455.3,
// not 2,455; 265.51, not 265.5), and more where it would read like one of
// others, the values it is judged against on the same chart
// (plancast.ApartPrec): the latest figure 2,799.6 beside a target of 2,800
// is "2,799.6", not "2,800" as if it met it; a share of 59.96 beside 60 is
// "59.96%". A percentage of a whole is kept apart from 0 and 100, as
// formatValue keeps it.
func labelPrec(v float64, others []float64, ind plancast.Indicator) int {
	prec := plancast.Decimals(plancast.HalfAway(v, plancast.Decimals(v)))
	if ind.PercentOfWhole() {
		others = append([]float64{0, 100}, others...)
	}
	for _, o := range others {
		prec = plancast.ApartPrec(v, o, prec)
	}
	return prec
}

// labelValue writes v with prec decimals and its unit as annotValue writes
// it: English labels carry only "%", Chinese ones every unit.
func labelValue(v float64, prec int, ind plancast.Indicator, lang string) string {
	unit := ind.Unit
	if lang != LangZh && unit != plancast.UnitPercent {
		unit = ""
	}
	return withUnit(plancast.FormatNumber(v, prec), unit, lang)
}

// latestValue writes the latest figure v of s for its label (labelPrec),
// apart from each level, share, ceiling and floor target s draws.
func latestValue(v float64, s *Spec, lang string) string {
	var targets []float64
	for _, t := range s.Targets {
		if targetOnChart(t, s.Region, s.Indicator, s.From) && !plancast.GrowthKind(t.Kind) {
			targets = append(targets, t.Value)
		}
	}
	return labelValue(v, labelPrec(v, targets, s.Indicator), s.Indicator, lang)
}

// targetValue writes a level, share, ceiling or floor target v of ind for
// its label: as stated, with the decimals the dashboard writes it with
// (labelPrec), which the latest figure (latest, nil for none) is written
// apart from; the target 60 beside a figure of 59.96 stays "60". Only a
// target that would still read as the latest figure, its decimals beyond
// the dashboard's, gets more: 2,800.004 beside a figure of 2,800 (written
// "2,800.000") is "2,800.004", not "2,800".
func targetValue(v float64, latest *xy, ind plancast.Indicator, lang string) string {
	prec := labelPrec(v, nil, ind)
	if latest != nil && latest.y != v {
		shown := plancast.HalfAway(latest.y, labelPrec(latest.y, []float64{v}, ind))
		if plancast.HalfAway(v, prec) == shown {
			prec = plancast.ApartPrec(v, latest.y, prec)
		}
	}
	return labelValue(v, prec, ind, lang)
}

// historyPace is the history's pace of s, as the assessment computes it
// (forecast.HistoricalChange, or HistoricalGrowth), in points a year when
// points, else as a growth; NaN when the history has none. A target's
// label writes what it needs apart from it, as the assessment's
// explanation and the forecast command write the two side by side:
// Yuncheng's urbanization rate "needs +1.04 points a year", where the
// history ran +1.02, not "+1.0" as both round.
func historyPace(s *Spec, points bool) float64 {
	var years []int
	var values []float64
	for _, o := range sortedHistory(s.History, 0) {
		years, values = append(years, o.Year), append(values, o.Value)
	}
	pace, ok := forecast.HistoricalGrowth(years, values)
	if points {
		pace, ok = forecast.HistoricalChange(years, values)
	}
	if !ok {
		return math.NaN()
	}
	return pace
}

// statedNote is the single chart's account of what its growth targets'
// paths took from the stated gap: what it adds (statedClause), or that it
// matched when it adds nothing.
func statedNote(u *statedUse, lang string) string {
	wd := dict[lang]
	adds, ok := statedClause(u, lang)
	if !ok {
		return fmt.Sprintf(wd.StatedSame, yearsText(u.carriedFrom(), lang))
	}
	return fmt.Sprintf(wd.StatedOnFmt, adds)
}

// statedClause says what the gap adds to the paths of u, as impliedPath
// adds it: each year's own gap d_t where a stated growth measured one
// ("with each year's own gap … in 2021"), and in the other years the mean
// gap carried to them (carriedClause), so that the words name the amounts
// the path was drawn with. ok is false when nothing is added that rounds
// to 0.1%. The single chart and the comparison both word the gap with it.
func statedClause(u *statedUse, lang string) (clause string, ok bool) {
	clause, ok = statedYearsClause(u, lang)
	for _, y := range u.months {
		// The target year's gap is its months', as the assessment's.
		months := fmt.Sprintf(dict[lang].StatedMonthsFmt, y.Year, plancast.PeriodName(y.Period, lang == LangZh),
			signedPercent(*y.StatedGrowth), signedPercent(y.Growth))
		if ok {
			clause += dict[lang].StatedMonthsSep + months
		} else {
			clause, ok = months, true
		}
	}
	return clause, ok
}

// signedPercent is a fraction as a signed percentage to one decimal,
// "+5.0%".
func signedPercent(f float64) string {
	return plancast.Signed(100*f, 1) + "%"
}

// statedYearsClause is statedClause of the years' own and carried gaps.
func statedYearsClause(u *statedUse, lang string) (clause string, ok bool) {
	wd := dict[lang]
	other, otherOK, named := carriedClause(u, lang)
	switch {
	case len(u.own) == 0:
		return other, otherOK
	case len(u.carried) == 0:
		return fmt.Sprintf(wd.StatedOwnFmt, yearsText(u.own, lang)), true
	}
	own := fmt.Sprintf(wd.StatedOwnFmt, yearsText(u.own, lang))
	switch {
	case !otherOK:
		return fmt.Sprintf(wd.StatedOtherNoneFmt, own, yearsText(u.carriedFrom(), lang)), true
	case named:
		return fmt.Sprintf(wd.StatedOtherNamedFmt, own, other), true
	}
	return fmt.Sprintf(wd.StatedOtherFmt, own, other), true
}

// carriedClause says what the mean gaps of u add in the years without a
// gap of their own. The usual case is one mean, that of the last covered
// years, added after them: "plus the 1.0% a year by which the figures grew
// faster than stated in 2016–2020". A year between covered ones takes the
// mean of those before it instead (plancast.StatedGap.CarriedTo), so when
// a path added another mean, each is said with the years it was added in
// ("in 2019–2020, plus the 0.4% … in 2014–2018; in 2024–2025, plus …"),
// and named is true. ok is false when none of them rounds to 0.1%.
func carriedClause(u *statedUse, lang string) (clause string, ok, named bool) {
	wd := dict[lang]
	if len(u.carried) == 0 {
		return "", false, false
	}
	if c := u.carried[0]; len(u.carried) == 1 && c.from == u.gap.From && c.to == u.gap.To {
		adds, ok := statedAdds(c, lang)
		return adds, ok, false
	}
	var parts []string
	for _, c := range u.carried {
		if adds, addsOK := statedAdds(c, lang); addsOK {
			parts, ok = append(parts, fmt.Sprintf(wd.StatedInFmt, yearsText(c.years, lang), adds)), true
		} else {
			parts = append(parts, fmt.Sprintf(wd.StatedInNoneFmt, yearsText(c.years, lang), spanText(c.from+1, c.to)))
		}
	}
	return strings.Join(parts, wd.ListSep), ok, true
}

// statedAdds is what the mean gap c adds to a growth target's path, e^{d̄}
// − 1 a year over the years of its statements: "plus the 1.0% a year by
// which the figures grew faster than stated in 2016–2020". ok is false
// when it rounds to 0.0% and so adds nothing.
func statedAdds(c carriedGap, lang string) (adds string, ok bool) {
	wd := dict[lang]
	gap, format := math.Expm1(c.mean), wd.StatedFaster
	switch {
	case math.Abs(gap) < 0.0005: // rounds to 0.0%
		return "", false
	case gap < 0:
		gap, format = -gap, wd.StatedSlower
	}
	return fmt.Sprintf(format, plancast.FormatNumber(100*gap, 1), spanText(c.from+1, c.to)), true
}

// spanText is the years from–to as the charts write them: "2016–2020", or
// "2016" when from is to.
func spanText(from, to int) string { return plancast.YearSpanText(from, to, "–") }

// yearsText lists ascending years as runs (spanText): "2021–2022, 2024",
// in Chinese "2021–2022、2024".
func yearsText(years []int, lang string) string {
	sep := ", "
	if lang == LangZh {
		sep = "、"
	}
	return plancast.YearRunsText(years, "–", sep)
}

// FiguresDueText says which ended years have no figure stored yet (an
// assessment's FiguresDue, or the years a chart shades): "no figures for
// 2021–2025 yet", "2021—2025年数据未录入"; "" for nil. They are the words
// the dashboard writes under a latest figure (api's dueText), so that the
// chart beside it says the same.
func FiguresDueText(due *plancast.YearSpan, lang string) string {
	if lang != LangZh {
		lang = LangEn
	}
	switch wd := dict[lang]; {
	case due == nil:
		return ""
	case due.From == due.To:
		return fmt.Sprintf(wd.DueFmt, due.From)
	default:
		return fmt.Sprintf(wd.DueSpanFmt, due.From, due.To)
	}
}

// figuresDue is the span of the years ended by the date on (their year
// before on's) after the last figure of history, which have no figure
// stored: the years an assessment on that date calls FiguresDue. Nil when
// on is zero, there is no figure, or the last figure is of the last year
// ended.
func figuresDue(history []plancast.Observation, on plancast.Date) *plancast.YearSpan {
	all := sortedHistory(history, 0)
	if len(all) == 0 {
		return nil
	}
	return plancast.EndedAfter(all[len(all)-1].Year, on)
}
