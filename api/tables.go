package api

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/charts"
	"github.com/plancast/plancast/forecast"
)

// The download tables of the assessment, projection, series, revisions and
// targets routes. Each
// column is named once per language here; the numbers are those of the JSON
// answer, unrounded.

// headers names a table's columns in English and Chinese.
type headers struct{ en, zh []string }

func (h headers) in(lang string) []string {
	if lang == "zh" {
		return h.zh
	}
	return h.en
}

var assessmentHeaders = headers{
	en: []string{"region", "region_name", "indicator", "indicator_name", "unit", "plan", "kind", "year", "target", "target_unit", "binding",
		"latest_year", "latest", "required_growth", "historical_growth", "required_change", "historical_change", "pace_year", "projected", "lo80", "hi80", "lo95", "hi95", "realised",
		"probability", "status", "progress", "to_date", "to_date_growth", "to_date_stated_growth", "rest_needs", "rest_needs_stated", "stated_gap", "explanation"},
	zh: []string{"地区代码", "地区", "指标代码", "指标", "单位", "规划", "目标类型", "目标年份", "目标值", "目标单位", "约束性",
		"最新年份", "最新值", "所需年均增速", "历史年均增速", "所需年均变化（百分点）", "历史年均变化（百分点）", "按历史增速达到目标年份", "预计值", "80%区间下限", "80%区间上限", "95%区间下限", "95%区间上限", "实际值",
		"达成概率", "状态", "进度", "年内累计", "累计同比增速", "累计公布同比增速", "其余月份所需同比增速", "其余月份所需公布口径同比增速", "现价增速高于公布增速", "说明"},
}

// assessmentTable lays an assessment answer out for download: one row per
// judged target in the answer's order (by risk), then the unassessed ones
// with their reason in the explanation's column.
func assessmentTable(resp *AssessmentResponse, cat *catalogMemo, lang, version string) *table {
	t := &table{Sheet: "assessment", Header: assessmentHeaders.in(lang), Lang: lang}
	if lang == "zh" {
		t.Sheet = "目标评估"
	}
	for _, a := range resp.Assessments {
		t.Rows = append(t.Rows, judgedRow(cat, lang, a))
	}
	for _, u := range resp.Unassessed {
		t.Rows = append(t.Rows, unassessedRow(cat, lang, u))
	}
	t.About = assessmentAbout(resp, cat, lang, version)
	return t
}

// judgedRow is the row of a judged target: its spec, then the judgement.
func judgedRow(cat *catalogMemo, lang string, a AssessmentItem) []cell {
	ind := cat.indicators[a.Indicator]
	// The compared quantity: growth in percent for growth targets, the
	// level in the indicator's unit for the others.
	prec := plancast.ProjectedPrec(a.LatestValue)
	if plancast.GrowthKind(a.Kind) {
		prec = 1
	}
	var p plancast.ProjectionPoint
	if a.Projected != nil {
		p = *a.Projected
	}
	// A projection and its bounds are shown apart from the target, as
	// the explanation writes them (plancast.FormatApart): 99.89 against
	// 99.9, not 99.9.
	lim := forecast.LimitsOf(ind)
	proj := func(v float64) cell {
		if a.Projected == nil {
			return cell{}
		}
		p := prec
		if !plancast.GrowthKind(a.Kind) {
			p = projectedPrec(v, prec, lim)
		}
		return numCell(v, plancast.ApartPrec(v, a.TargetValue, p))
	}
	explanation := a.Explanation
	if lang == "zh" {
		explanation = a.ExplanationZh
	}
	return append(targetCells(cat, lang, a.Region, ind, a.Target),
		yearCell(a.LatestYear), numCell(a.LatestValue, plancast.Decimals(a.LatestValue)),
		percentCell(a.RequiredGrowth), percentCell(a.HistoricalGrowth), optNumCell(a.RequiredChange, 2), optNumCell(a.HistoricalChange, 2), optYearCell(a.PaceYear),
		proj(p.Mean), proj(p.Lo80), proj(p.Hi80), proj(p.Lo95), proj(p.Hi95), realisedCell(a.Assessment),
		percentCell(&a.Probability), textCell(statusText(lang, a.Assessment)), percentCell(a.Progress),
		toDateCell(lang, a.YearToDate), toDateGrowthCell(a.YearToDate), toDateStatedCell(a.YearToDate), restNeedsCell(a.YearToDate), restNeedsStatedCell(a.YearToDate), statedGapCell(a.StatedBasis), textCell(explanation))
}

// realisedCell is an observed target year's figure (a growth in percent
// for a growth target), blank when the year is not observed. It is shown
// as the dashboard and the explanation write it (plancast.FormatApart):
// a level, share or bound with its own decimals (2,043.6, not 2,044 as the
// projection's four significant digits would round it), a growth to one
// decimal, each with more when fewer would write it as its target though
// it misses it (2,199.6 against 2,200; 4.16% against 4.2%).
func realisedCell(a plancast.Assessment) cell {
	if a.Realised == nil {
		return cell{}
	}
	v := *a.Realised
	prec := shownDecimals(v)
	if plancast.GrowthKind(a.Kind) {
		prec = 1
	}
	return numCell(v, plancast.ApartPrec(v, a.TargetValue, prec))
}

// unassessedRow is the row of a target listed unjudged: its spec, the
// status "unassessed" and the reason in the explanation's column.
func unassessedRow(cat *catalogMemo, lang string, u Unassessed) []cell {
	ind := cat.indicators[u.Indicator]
	spec := plancast.Target{Region: u.Region, Indicator: u.Indicator, Plan: u.Plan, Kind: u.Kind, Year: u.Year, Value: u.Target, Binding: u.Binding}
	status, reason := "unassessed", u.Reason
	if lang == "zh" {
		status, reason = "未评估", u.ReasonZh
	}
	return append(targetCells(cat, lang, u.Region, ind, spec), unjudgedCells(status, reason)...)
}

// unjudgedCells are the judgement's columns of a target listed without
// one: blank but for the status and, in the explanation's column, the
// reason.
func unjudgedCells(status, reason string) []cell {
	cols := assessmentHeaders.en[targetColumns:]
	row := make([]cell, len(cols))
	row[slices.Index(cols, "status")] = textCell(status)
	row[len(cols)-1] = textCell(reason) // explanation
	return row
}

// optYearCell is a year when there is one.
func optYearCell(y *int) cell {
	if y == nil {
		return cell{}
	}
	return yearCell(*y)
}

// toDateCell names the year to date a target of the year in progress was
// judged on: "2021 h1" / "2021年上半年"; empty when none was.
func toDateCell(lang string, y *plancast.YearToDate) cell {
	if y == nil {
		return cell{}
	}
	if lang == "zh" {
		return textCell(fmt.Sprintf("%d年%s", y.Year, plancast.PeriodName(y.Period, true)))
	}
	return textCell(fmt.Sprintf("%d %s", y.Year, y.Period))
}

// toDateGrowthCell is the year to date's growth on the same months a year before.
func toDateGrowthCell(y *plancast.YearToDate) cell {
	if y == nil {
		return cell{}
	}
	return percentCell(&y.Growth)
}

// toDateStatedCell is the growth the source states with the year to date
// over the same months a year before (at comparable prices for GDP), beside
// to_date_growth, which is at current prices; empty when none is stated.
func toDateStatedCell(y *plancast.YearToDate) cell {
	if y == nil || y.StatedGrowth == nil {
		return cell{}
	}
	return percentCell(y.StatedGrowth)
}

// restNeedsCell is the growth the rest of the year needs on the same months
// a year before (empty when the year to date has settled the target).
func restNeedsCell(y *plancast.YearToDate) cell {
	if y == nil {
		return cell{}
	}
	return percentCell(y.RequiredRestGrowth)
}

// restNeedsStatedCell is rest_needs on the stated basis a growth target
// is judged on (rest_needs is at current prices); empty for a target
// judged at current prices.
func restNeedsStatedCell(y *plancast.YearToDate) cell {
	if y == nil {
		return cell{}
	}
	return percentCell(y.RequiredRestStatedGrowth)
}

// statedGapCell is how much faster a year the figures grew than the growth
// stated with them, when a growth target was judged on the stated growth.
func statedGapCell(b *plancast.StatedBasis) cell {
	if b == nil || b.AsStated {
		return cell{}
	}
	return percentCell(&b.Gap)
}

// targetCells are the first eleven columns: where, what and the target.
func targetCells(cat *catalogMemo, lang, region string, ind plancast.Indicator, spec plancast.Target) []cell {
	r := cat.regions[region]
	kind, plan, binding, targetUnit := spec.Kind, spec.Plan, "expected", charts.UnitLabel(ind.Unit, lang)
	if spec.Binding {
		binding = "binding"
	}
	if plancast.GrowthKind(spec.Kind) {
		targetUnit = charts.UnitLabel(plancast.UnitPercent, lang)
	}
	if lang == "zh" {
		kind, plan, binding = kindZh(spec.Kind, ind.Unit), charts.PlanLabel(spec.Plan, lang), "预期性"
		if spec.Binding {
			binding = "约束性"
		}
	}
	return []cell{
		textCell(region), textCell(nameIn(lang, r.Name, r.NameZh)),
		textCell(ind.Code), textCell(nameIn(lang, ind.Name, ind.NameZh)), textCell(charts.UnitLabel(ind.Unit, lang)),
		textCell(plan), textCell(kind), yearCell(spec.Year), numCell(spec.Value, plancast.Decimals(spec.Value)), textCell(targetUnit), textCell(binding),
	}
}

// assessmentFile names an assessment's download: houma_assessment_14th-fyp,
// assessment_gdp (one indicator in every region), assessment (everything).
func assessmentFile(region, indicator, plan string) string {
	return fileName(region, "assessment", indicator, plan)
}

// fileName joins the parts of a download's name that are set with "_".
func fileName(parts ...string) string {
	return strings.Join(slices.DeleteFunc(parts, func(p string) bool { return p == "" }), "_")
}

func assessmentAbout(resp *AssessmentResponse, cat *catalogMemo, lang, version string) [][2]string {
	scope := "every region"
	if resp.Region != "" {
		r := cat.regions[resp.Region]
		scope = nameIn(lang, r.Name, r.NameZh)
	} else if lang == "zh" {
		scope = "全部地区"
	}
	plan := "every plan"
	if resp.Plan != "" {
		plan = charts.PlanLabel(resp.Plan, lang)
	} else if lang == "zh" {
		plan = "全部规划"
	}
	// A read of the past judges the targets set by then on the figures
	// published by then.
	asOf := resp.AsOf
	switch {
	case asOf == "" && lang == "zh":
		asOf = "最新数据与目标"
	case asOf == "":
		asOf = "the latest figures and targets"
	case lang == "zh":
		asOf += "（当日已发布的数据与已设定的目标）"
	default:
		asOf += " (the figures published and the targets set by then)"
	}
	if lang == "zh" {
		return [][2]string{
			{"范围", scope}, {"规划", plan}, {"数据与目标截至", asOf},
			{"已评估 / 未评估", fmt.Sprintf("%d / %d", len(resp.Assessments), len(resp.Unassessed))},
			{"数据版本", version},
			{"预计值", "目标年份的预测均值及80%、95%预测区间；增速类目标为增速（%），其余为指标单位的数值。"},
			{"达成概率", "由预测分布计算的达成目标的概率。"},
			{"状态", fmt.Sprintf("已实现：目标年份已有数据且达到目标；进度正常：概率不低于%.0f%%；存在风险：不低于%.0f%%；难以实现：更低；未实现：目标年份已有数据而未达到（状态代码同为off_track）。", forecast.OnTrackProbability*100, forecast.AtRiskProbability*100)},
			{"进度", "（预计值 − 基期值）/（目标值 − 基期值），与联合国可持续发展目标进度图相同。"},
			{"所需年均变化（百分点）", "百分比指标（占比、比率）的总量或占比目标按百分点规划：自最新值达到目标所需的年均变化，及历史年均变化（5年内由41.3%提高到45%：0.74个百分点）。"},
			{"按历史增速达到目标年份", "尚未实现的总量目标：最新值按历史年均增速增长（百分比指标按历史年均变化的百分点）时达到目标的年份（该增速背离目标或需50年以上时为空）。"},
			{"价格", "货币总量按当年价格计，规划的增速目标通常按可比价格计，二者之差为当年价格涨幅。数据附有公布增速（如GDP按可比价格计算的增速）时，增速目标按公布增速评估：“现价增速高于公布增速”为两者都已知的年份中现价数据年均增速高出公布增速的幅度（目标各年份差距所依据年份的平均：已公布增速的年份取本年差距，按与该增速同期公布的数据计算，数据修订后仍然适用；其余年份取此前五个此类年份的平均，早于所有此类年份的取最早五个），预计增速扣除该幅度，目标年份已公布增速的按公布增速判断。"},
			{"年内累计", "最新年度数据的下一年的目标，在该年与上年同期的累计数（上半年、1—11月等）均已发布时，按年内累计评估：其余月份按年内累计的同比增速预计，波动按剩余月份折算年度波动。“其余月份所需同比增速”为达到目标其余月份需比上年同期增长的幅度（上限类目标及越低越好的指标为不高于，其余为不低于）。"},
		}
	}
	return [][2]string{
		{"Scope", scope}, {"Plan", plan}, {"Data and targets as of", asOf},
		{"Assessed / not assessed", fmt.Sprintf("%d / %d", len(resp.Assessments), len(resp.Unassessed))},
		{"Data version", version},
		{"projected, lo80 … hi95", "The projection's mean and its 80% and 95% prediction intervals at the target year: growth in percent for growth targets, the level in the indicator's unit for the others."},
		{"probability", "Of meeting the target, from the predictive distribution."},
		{"status", fmt.Sprintf("achieved: the target year is observed and the target met; on_track: probability at least %.0f%%; at_risk: at least %.0f%%; off_track: lower, or the target year is observed and the target missed (said to be missed in the explanation).", forecast.OnTrackProbability*100, forecast.AtRiskProbability*100)},
		{"progress", "(projected − base) / (target − base), as the UN SDG progress charts use."},
		{"required_growth", "The average annual growth needed from the latest figure to the target (a fraction: 0.157 is 15.7% a year)."},
		{"required_change, historical_change", "For a level or share target on a percentage (a share of GDP, a rate), planned in points: the change a year in percentage points needed from the latest figure to the target, and the history's (41.3% to 45% in five years: 0.74)."},
		{"pace_year", "For a level target not yet met: the year the latest figure reaches it growing at historical_growth, the average of the observed years, or, on a percentage, changing by historical_change points a year (blank when that pace moves away from the target or takes more than 50 years)."},
		{"Prices, stated_gap", "Money aggregates are in current prices; plans usually set growth at comparable prices, so the two differ by the year's inflation. Where the figures carry the growth their source states (GDP's at comparable prices), growth targets are judged on it: stated_gap is how much faster a year the figures grew than the stated growth where both are known (the mean over the years the target's gaps come from: a year's own where a growth is stated for it, measured on the levels published with that growth even if the figure was revised since, else the five such years before it, or the first five for a year before them all), taken off the projected growth; a target year whose figure states its growth is judged on that growth."},
		{"to_date_stated_growth", "The growth the source states with the year to date over the same months a year before (GDP's at comparable prices), where it states one; to_date_growth is the figures' own, at current prices. Where the same months of the year before are not published, they are taken from this growth and the gap the yearly figures ran at above or below their stated growth, so to_date_growth is then this growth plus that gap."},
		{"to_date, to_date_growth, rest_needs", "A target of the year after the latest yearly figure is judged on the year to date when the figures of the same months of that year and the year before are published (h1, jan-nov, ...): the rest of the year is expected to grow as the year so far did, its growth on the year so far's spreading about as a year's growth around the yearly model's (or as the series' own past years show), so that the year's spread is that times the rest's share of the year. rest_needs is the growth on the same months of the year before that the rest of the year needs for the target: at most for a ceiling or an indicator better lower, at least for the others."},
		{"rest_needs_stated", "For a growth target judged on the growth stated with the figures (see Prices, stated_gap): rest_needs, which is at current prices, on that stated basis, at the year's gap of the stated growth to the figures' own the judgement takes (the months' own where they state their growth), comparable with to_date_stated_growth and the target; blank for a target judged at current prices."},
	}
}

var projectionHeaders = headers{
	en: []string{"region", "region_name", "indicator", "indicator_name", "unit", "year", "kind", "value", "lo80", "hi80", "lo95", "hi95", "status"},
	zh: []string{"地区代码", "地区", "指标代码", "指标", "单位", "年份", "类别", "数值", "80%区间下限", "80%区间上限", "95%区间下限", "95%区间上限", "数据状态"},
}

// projectedPrec is the decimals a projected value v (a mean or a bound of
// its interval) is shown with in a download beside a series shown with
// prec decimals (the ValuePrec of its latest figure), as the explanation,
// the dashboard and the forecast command write it: under 1, its own
// about four significant digits (plancast.ShownPrec: 0.0003815, 0.5238,
// where prec gave 0.00038 and 0.52381, and two decimals 0.02 for 0.0234
// in a series of 1 or more), kept apart from its indicator's limits
// (forecast.Limits.Prec); from 1 up, prec, as before.
func projectedPrec(v float64, prec int, lim forecast.Limits) int {
	if math.Abs(v) >= 1 || math.IsNaN(v) {
		return prec
	}
	return lim.Prec(v, plancast.ShownPrec(v, prec))
}

// projectionTable lays a series and its projection out for download: the
// observed years (kind observed, with their status), then the projected
// ones (kind projected, the mean in value, with the intervals).
func projectionTable(series *plancast.Series, p *plancast.Projection, cat *catalogMemo, lang, version string) *table {
	ind := cat.indicators[p.Indicator]
	r := cat.regions[p.Region]
	t := &table{Sheet: "projection", Header: projectionHeaders.in(lang), Lang: lang}
	observed, projected, fromYearToDate, estimated := "observed", "projected", "year_to_date", "estimate"
	if lang == "zh" {
		t.Sheet, observed, projected, fromYearToDate, estimated = "预测", "实际", "预测", "据年内累计", "预计"
	}
	what := []cell{textCell(p.Region), textCell(nameIn(lang, r.Name, r.NameZh)), textCell(p.Indicator),
		textCell(nameIn(lang, ind.Name, ind.NameZh)), textCell(charts.UnitLabel(ind.Unit, lang))}
	latest := 0.0
	for _, o := range series.Observations {
		if e := p.Estimate; e != nil && o.Year == e.Year {
			continue // not a figure: its own row, after them
		}
		t.Rows = append(t.Rows, append(slices.Clone(what), yearCell(o.Year), textCell(observed),
			numCell(o.Value, plancast.Decimals(o.Value)), cell{}, cell{}, cell{}, cell{}, textCell(observationStatusText(lang, o.Status))))
		latest = o.Value
	}
	// An estimate of the year in progress, which the projection does not
	// start from (Projection.Estimate), is not an observed row.
	if e := p.Estimate; e != nil {
		t.Rows = append(t.Rows, append(slices.Clone(what), yearCell(e.Year), textCell(estimated),
			numCell(e.Value, plancast.Decimals(e.Value)), cell{}, cell{}, cell{}, cell{}, textCell(observationStatusText(lang, e.Status))))
	}
	prec, lim := plancast.ProjectedPrec(latest), forecast.LimitsOf(ind)
	// each value with the decimals the explanation writes it with
	points := func(pt plancast.ProjectionPoint) []cell {
		var cells []cell
		for _, v := range []float64{pt.Mean, pt.Lo80, pt.Hi80, pt.Lo95, pt.Hi95} {
			cells = append(cells, numCell(v, projectedPrec(v, prec, lim)))
		}
		return append(cells, cell{})
	}
	for _, pt := range p.Points {
		t.Rows = append(t.Rows, append(append(slices.Clone(what), yearCell(pt.Year), textCell(projected)), points(pt)...))
	}
	// The year in progress as its months so far project it, beside the
	// yearly model's row of the same year.
	if y := p.YearToDate; y != nil {
		t.Rows = append(t.Rows, append(append(slices.Clone(what), yearCell(y.Year), textCell(fromYearToDate)), points(y.Nowcast)...))
	}
	t.About = projectionAbout(p, lang, version)
	return t
}

func projectionAbout(p *plancast.Projection, lang, version string) [][2]string {
	models := make([]string, len(p.Models))
	for i, m := range p.Models {
		models[i] = fmt.Sprintf("%s %.0f%%", m.Model, m.Weight*100)
	}
	backtest := "-"
	if p.Backtest != nil {
		backtest = fmt.Sprintf("MASE %.2f, sMAPE %.1f%% (%d origins)", p.Backtest.MASE, p.Backtest.SMAPE, p.Backtest.Origins)
	}
	var about [][2]string
	if lang == "zh" {
		about = [][2]string{
			{"方法", p.Method}, {"组合模型", strings.Join(models, "，")}, {"回测误差", backtest},
			{"最新数据年份", fmt.Sprint(p.LastYear)}, {"数据发布日期", p.Vintage.String()}, {"数据截至", cmp.Or(p.AsOf, "最新数据")}, {"数据版本", version},
			{"区间", "80%和95%预测区间，经年度数据的滚动回测校准。"},
		}
		if y := p.YearToDate; y != nil {
			prior, growth := "上年同期"+plancast.FormatNumber(y.Prior, -1), "同比"
			if y.PriorFromStated && y.StatedGrowth != nil {
				prior = fmt.Sprintf("上年同期无数据，按公布增速（同比增长%.1f%%）推算为%s", plancast.HalfAway(100**y.StatedGrowth, 1), plancast.FormatNumber(y.Prior, -1))
				growth = "现价同比"
			}
			about = append(about, [2]string{"据年内累计", fmt.Sprintf("%d年%s%s，%s（%s%+.1f%%）：其余月份按同比增速预计，波动按剩余月份折算年度波动（未经回测）。",
				y.Year, plancast.PeriodName(y.Period, true), plancast.FormatNumber(y.Value, -1), prior, growth, plancast.HalfAway(100*y.Growth, 1))})
		}
		if e := p.Estimate; e != nil {
			about = append(about, [2]string{"预计", fmt.Sprintf("%d年预计%s（%s发布，发布时该年尚未结束）：非全年实际数据，预测自%d年实际数据起算。",
				e.Year, plancast.FormatNumber(e.Value, -1), e.Published, p.LastYear)})
		}
		return about
	}
	about = [][2]string{
		{"Method", p.Method}, {"Models combined", strings.Join(models, ", ")}, {"Backtest error", backtest},
		{"Latest year", fmt.Sprint(p.LastYear)}, {"Data vintage", p.Vintage.String()}, {"Data as of", cmp.Or(p.AsOf, "the latest figures")}, {"Data version", version},
		{"Intervals", "80% and 95% prediction intervals, calibrated by rolling-origin evaluation on yearly data."},
	}
	if y := p.YearToDate; y != nil {
		// The year before's months taken from the growth stated with the
		// year's, as the assessment takes them, are said to be.
		prior := plancast.FormatNumber(y.Prior, -1) + " a year before"
		if y.PriorFromStated && y.StatedGrowth != nil {
			prior = fmt.Sprintf("%s a year before (not stored: taken from the growth stated with the months, %+.1f%%, and the yearly figures' gap to their stated growth)",
				plancast.FormatNumber(y.Prior, -1), plancast.HalfAway(100**y.StatedGrowth, 1))
		}
		about = append(about, [2]string{"year_to_date", fmt.Sprintf("%d %s: %s against %s (%+.1f%%); the rest of the year is projected to grow as the year so far did, its growth on the year so far's spreading about as a year's around the yearly model's (or as the series' own past years show), weighed by the rest's share of the year (checked on simulated and real monthly and quarterly series).",
			y.Year, y.Period, plancast.FormatNumber(y.Value, -1), prior, plancast.HalfAway(100*y.Growth, 1))})
	}
	if e := p.Estimate; e != nil {
		about = append(about, [2]string{"estimate", fmt.Sprintf("%d is estimated at %s in an estimate published on %s, before the year ended: not its figure; the projection starts from %d's.",
			e.Year, plancast.FormatNumber(e.Value, -1), e.Published, p.LastYear)})
	}
	return about
}

// observationStatusZh names an observation's status in Chinese.
var observationStatusZh = map[string]string{
	plancast.StatusFinal: "最终核实", plancast.StatusPreliminary: "初步核算", plancast.StatusEstimate: "预计", plancast.StatusWithdrawn: "撤回",
}

func observationStatusText(lang, status string) string {
	if lang == "zh" && observationStatusZh[status] != "" {
		return observationStatusZh[status]
	}
	return status
}

var seriesHeaders = headers{
	en: []string{"region", "indicator", "year", "period", "value", "unit", "status", "growth", "growth_base_year", "published", "source_document", "source_quote"},
	zh: []string{"地区代码", "指标代码", "年份", "期间", "数值", "单位", "数据状态", "增速(%)", "增速基期", "发布日期", "来源文件", "来源原文"},
}

// seriesTable lays a series answer out for download, one row per figure.
func seriesTable(r SeriesResponse, lang string) *table {
	t := &table{Sheet: "series", Header: seriesHeaders.in(lang), Lang: lang}
	if lang == "zh" {
		t.Sheet = "数据"
	}
	unit := r.Unit
	if lang == "zh" {
		unit = charts.UnitLabel(r.Unit, lang)
	}
	// Values other than the levels (units=chg, pch, log, ...) are not
	// figures: a last column says which they are, and ingest refuses a row
	// whose transform is not lin, so that such a table never goes back in as
	// revisions of the figures it was computed from.
	transformed := r.Units != "" && r.Units != "lin"
	if transformed {
		t.Header = append(slices.Clip(t.Header), transformHeader.in(lang)[0])
	}
	for _, o := range r.Observations {
		row := []cell{textCell(o.Region), textCell(o.Indicator), yearCell(o.Year), textCell(seriesPeriodText(lang, o.Period)),
			numCell(o.Value, plancast.Decimals(o.Value)), textCell(unit), textCell(observationStatusText(lang, o.Status)),
			statedGrowthCell(o.Growth), growthBaseCell(o), textCell(o.Published.String()),
			textCell(o.Source.Document), textCell(o.Source.Quote)}
		if transformed {
			row = append(row, textCell(r.Units))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// transformHeader names the series table's column of the units= a
// transformed download was taken with.
var transformHeader = headers{en: []string{"transform"}, zh: []string{"变换"}}

// seriesAbout is the series XLSX's About sheet: what was asked (the
// series, the units, the data's date) and the JSON answer's notes, one row
// each, saying which years the table leaves out and why. The notes stay off
// the CSV, which is one table that pushes back into ingest; the XLSX's
// first sheet alone is read back, so the About sheet changes nothing there.
// The Chinese file carries the JSON answer's notes_zh.
func seriesAbout(r SeriesResponse, cat *catalogMemo, lang, version string) [][2]string {
	reg, ind := cat.regions[r.Region], cat.indicators[r.Indicator]
	scope := nameIn(lang, reg.Name, reg.NameZh) + " · " + nameIn(lang, ind.Name, ind.NameZh)
	if r.Period != "" {
		scope += " · " + seriesPeriodText(lang, r.Period)
	}
	w := seriesAboutWords[lang]
	units := "units=" + r.Units
	if name := w.unitNames[r.Units]; name != "" {
		units += w.colon + name
	}
	about := [][2]string{{w.scope, scope}, {w.units, units}, {w.asOf, cmp.Or(r.AsOf, w.latest)}, {w.version, version}}
	notes := r.Notes
	if lang == "zh" {
		notes = r.NotesZh
	}
	for _, note := range notes {
		about = append(about, [2]string{w.leftOut, note})
	}
	return about
}

// seriesAboutWords are the series About sheet's labels in each language.
var seriesAboutWords = map[string]struct {
	scope, units, asOf, latest, version, leftOut, colon string
	unitNames                                           map[string]string
}{
	"en": {"Scope", "Units", "Data as of", "the latest figures", "Data version", "Left out", ": ", unitNames},
	"zh": {"范围", "变换", "数据截至", "最新数据", "数据版本", "未列年份", "：", unitNamesZh},
}

// unitNamesZh is what the Chinese About sheet calls each unit.
var unitNamesZh = map[string]string{
	"lin": "原值",
	"chg": "变化量",
	"ch1": "同比变化量",
	"pch": "变化率（%）",
	"pc1": "同比变化率（%）",
	"pca": "年均复合变化率（%）",
	"cch": "连续复利变化率（%）",
	"cca": "年均连续复利变化率（%）",
	"log": "自然对数",
}

// statedGrowthCell is the growth stated with a figure, in percent as the
// source and the ingest formats write it (17.1 is +17.1%); blank when none.
func statedGrowthCell(g *float64) cell {
	if g == nil {
		return cell{}
	}
	return numCell(*g, plancast.Decimals(*g))
}

// growthBaseCell is the year a stated growth runs from, when that is not
// the year before (blank: year on year, as the ingest formats read it).
func growthBaseCell(o plancast.Observation) cell {
	if o.Growth == nil || o.GrowthBaseYear == 0 {
		return cell{}
	}
	return yearCell(o.GrowthBaseYear)
}

var revisionHeaders = headers{
	en: []string{"region", "indicator", "year", "period", "vintage", "published", "status", "value", "unit", "growth", "growth_base_year",
		"change", "revision", "served", "source_document", "source_quote"},
	zh: []string{"地区代码", "指标代码", "年份", "期间", "版本", "发布日期", "数据状态", "数值", "单位", "增速(%)", "增速基期",
		"较上一版本变化", "较首次发布修订幅度", "当前采用", "来源文件", "来源原文"},
}

// revisionsTable lays a revision history out for download, one row per
// vintage: its value and the growth its source stated with it, the change
// from the vintage before, the revision from the first release (a
// fraction), and whether it is the figure served.
func revisionsTable(r *RevisionsResponse, cat *catalogMemo, lang, version string) *table {
	t := &table{Sheet: "revisions", Header: revisionHeaders.in(lang), Lang: lang}
	served := "yes"
	if lang == "zh" {
		t.Sheet, served = "修订记录", "是"
	}
	unit := charts.UnitLabel(r.Unit, lang)
	for _, y := range r.Years {
		for i, o := range y.Vintages {
			value, change, revision, isServed := cell{}, cell{}, cell{}, cell{}
			if !o.Withdrawn() {
				value = numCell(o.Value, plancast.Decimals(o.Value))
				if d, prec, ok := y.Change(i); ok {
					change = numCell(d, prec)
				}
				revision = percentCell(y.RevisionOf(o.Value))
				if i == len(y.Vintages)-1 {
					isServed = textCell(served)
				}
			}
			t.Rows = append(t.Rows, []cell{textCell(o.Region), textCell(o.Indicator), yearCell(o.Year), textCell(seriesPeriodText(lang, o.Period)),
				numCell(float64(i+1), 0), textCell(o.Published.String()), textCell(observationStatusText(lang, o.Status)), value, textCell(unit),
				statedGrowthCell(o.Growth), growthBaseCell(o), change, revision, isServed, textCell(o.Source.Document), textCell(o.Source.Quote)})
		}
	}
	t.About = revisionsAbout(r, cat, lang, version)
	return t
}

func revisionsAbout(r *RevisionsResponse, cat *catalogMemo, lang, version string) [][2]string {
	reg, ind := cat.regions[r.Region], cat.indicators[r.Indicator]
	scope := nameIn(lang, reg.Name, reg.NameZh) + " · " + nameIn(lang, ind.Name, ind.NameZh) + " · " + seriesPeriodText(lang, r.Period)
	// A fraction in percent with layout ("%+.2f%%" for MR, whose sign
	// matters), rounded as plancast rounds (no "-0.00%"); "-" when there
	// is none.
	percent := func(layout string, p *float64) string {
		if p == nil {
			return "-"
		}
		return fmt.Sprintf(layout, plancast.HalfAway(*p*100, 2))
	}
	sum := r.Summary
	if lang == "zh" {
		return [][2]string{
			{"范围", scope}, {"数据截至", cmp.Or(r.AsOf, "最新数据")}, {"数据版本", version},
			{"已测算年份 / 其中修订", fmt.Sprintf("%d / %d", sum.Years, sum.Revised)},
			{"平均修订幅度（MR）", percent("%+.2f%%", sum.MeanRevision)}, {"平均绝对修订幅度（MAR）", percent("%.2f%%", sum.MeanAbsRevision)},
			{"较首次发布修订幅度", "（该版本数值 − 首次发布数值）/ |首次发布数值|。"},
			{"MR", "各年当前数值较首次发布的修订幅度的平均值，未修订的年份计为0；为正表示首次发布数值偏低。"},
			{"MAR", "各年修订幅度绝对值的平均值：首次发布的数值通常还会变动多少。"},
		}
	}
	return [][2]string{
		{"Scope", scope}, {"Data as of", cmp.Or(r.AsOf, "the latest figures")}, {"Data version", version},
		{"Years measured / revised", fmt.Sprintf("%d / %d", sum.Years, sum.Revised)},
		{"Mean revision (MR)", percent("%+.2f%%", sum.MeanRevision)}, {"Mean absolute revision (MAR)", percent("%.2f%%", sum.MeanAbsRevision)},
		{"revision", "(the vintage's value − the first release) / |the first release|."},
		{"MR", "The mean of each year's revision from its first release to the figure served, unrevised years counting as zero; positive when first releases were too low."},
		{"MAR", "The mean of the revisions' absolute values: how far a first release usually moves."},
	}
}

// targetColumns is how many of the assessment's first columns say what
// the target is (targetCells), region to binding.
const targetColumns = 11

var targetHeaders = headers{
	en: append(slices.Clone(assessmentHeaders.en[:targetColumns]), "base_year", "published", "version", "note", "source_document", "source_quote"),
	zh: append(slices.Clone(assessmentHeaders.zh[:targetColumns]), "基期年份", "发布日期", "版本状态", "备注", "来源文件", "来源原文"),
}

// targetsTable lays targets out for download, one row per version: the
// targets in force, or a history where the versions that were replaced and
// the withdrawals stand beside the one in force.
func targetsTable(rows []plancast.TargetVersion, cat *catalogMemo, lang string) *table {
	t := &table{Sheet: "targets", Header: targetHeaders.in(lang), Lang: lang}
	if lang == "zh" {
		t.Sheet = "规划目标"
	}
	for _, v := range rows {
		base := cell{}
		if v.BaseYear != 0 {
			base = yearCell(v.BaseYear)
		}
		var value cell
		if !v.Withdrawn {
			value = numCell(v.Value, plancast.Decimals(v.Value))
		}
		row := targetCells(cat, lang, v.Region, cat.indicators[v.Indicator], v.Target)
		row[8] = value // a withdrawal sets no value
		t.Rows = append(t.Rows, append(row, base, textCell(v.Published.String()), textCell(targetVersionText(lang, &v)),
			textCell(v.Note), textCell(v.Source.Document), textCell(v.Source.Quote)))
	}
	return t
}

// targetVersionText says what a version of a target is now (State), in
// lang.
func targetVersionText(lang string, v *plancast.TargetVersion) string {
	if lang == "zh" {
		return plancast.TargetStatesZh[v.State()]
	}
	return v.State()
}

// targetsFile names a targets download: targets, houma_targets_gdp,
// houma_target_versions_14th-fyp.
func targetsFile(f plancast.TargetFilter, versions bool) string {
	what := "targets"
	if versions {
		what = "target_versions"
	}
	return fileName(f.Region, what, f.Indicator, f.Plan)
}

// seriesPeriodText is the period's code in English ("year", "jan-nov", as
// pushed) and its name in Chinese ("全年", "1—11月").
func seriesPeriodText(lang, period string) string {
	switch {
	case lang != "zh":
		return period
	case period == plancast.PeriodYear:
		return "全年"
	}
	return periodLabel(lang, period)
}

var trailHeaders = headers{
	en: append([]string{"as_of", "changed"}, assessmentHeaders.en...),
	zh: append([]string{"截至日期", "变化"}, assessmentHeaders.zh...),
}

// trailTable lays a trail out for download, one row per target and day: the
// day, what changed on it (figures, target), and the answer the assessment
// routes gave as of that day, in the assessment download's columns; a
// withdrawal has the status "withdrawn" and no judgement.
func trailTable(resp *TrailResponse, cat *catalogMemo, lang, version string) *table {
	t := &table{Sheet: "trail", Header: trailHeaders.in(lang), Lang: lang}
	withdrawn, sep := "withdrawn", ", "
	changed := map[string]string{"figures": "figures", "target": "target"}
	if lang == "zh" {
		t.Sheet, withdrawn, sep = "评估轨迹", "已撤销", "、"
		changed = map[string]string{"figures": "数据", "target": "目标"}
	}
	for _, tt := range resp.Targets {
		for _, p := range tt.Points {
			var what []string
			for _, c := range p.Changed {
				what = append(what, cmp.Or(changed[c], c))
			}
			day := []cell{textCell(p.AsOf), textCell(strings.Join(what, sep))}
			var row []cell
			switch {
			case p.Assessment != nil:
				row = judgedRow(cat, lang, *p.Assessment)
			case p.Unassessed != nil:
				row = unassessedRow(cat, lang, *p.Unassessed)
			default: // withdrawn that day: the target's key, no value
				spec := plancast.Target{Region: resp.Region, Indicator: tt.Indicator, Plan: tt.Plan, Kind: tt.Kind, Year: tt.Year}
				row = targetCells(cat, lang, resp.Region, cat.indicators[tt.Indicator], spec)
				row[slices.Index(assessmentHeaders.en, "target")], row[slices.Index(assessmentHeaders.en, "binding")] = cell{}, cell{} // no value in force
				row = append(row, unjudgedCells(withdrawn, "")...)
			}
			t.Rows = append(t.Rows, append(day, row...))
		}
	}
	t.About = trailAbout(resp, cat, lang, version)
	return t
}

func trailAbout(resp *TrailResponse, cat *catalogMemo, lang, version string) [][2]string {
	r := cat.regions[resp.Region]
	scope := nameIn(lang, r.Name, r.NameZh)
	if resp.Indicator != "" {
		ind := cat.indicators[resp.Indicator]
		scope += " · " + nameIn(lang, ind.Name, ind.NameZh)
	}
	if resp.Plan != "" {
		scope += " · " + charts.PlanLabel(resp.Plan, lang)
	}
	if lang == "zh" {
		return [][2]string{
			{"范围", scope}, {"目标数", fmt.Sprint(len(resp.Targets))}, {"数据版本", version},
			{"截至日期", "目标或其数据发生变化（数据发布、修订或撤回，目标设定、调整或撤销）的每一天；各行为评估接口以该日为截至日期（as_of）给出的结果。"},
			{"变化", "当日的变化：数据（该指标的数据）、目标（目标的一个版本）。"},
			{"其余各列", "与目标评估下载相同，见其说明。"},
		}
	}
	return [][2]string{
		{"Scope", scope}, {"Targets", fmt.Sprint(len(resp.Targets))}, {"Data version", version},
		{"as_of", "Each day a target or its figures changed (a figure published, revised or withdrawn; a version of the target set, or the target withdrawn); each row is the answer the assessment routes give as of that day."},
		{"changed", "What changed that day: figures (of the target's series), target (a version of it)."},
		{"The other columns", "As in the assessment download; see its About sheet."},
	}
}
