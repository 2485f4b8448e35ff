package api

import (
	"bytes"
	"cmp"
	"context"
	"embed"
	"fmt"
	"html/template"
	"math"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/charts"
	"github.com/plancast/plancast/forecast"
)

//go:embed templates/dashboard.html
var templateFS embed.FS

var dashboardTemplate = template.Must(template.New("dashboard.html").Funcs(templateFuncs).ParseFS(templateFS, "templates/dashboard.html"))

// maxDashboardSections is how many regions "/" shows in full; beyond it the
// page lists the regions and one is chosen with ?region=.
const maxDashboardSections = 12

// dashboardText holds the page's words in one language.
type dashboardText struct {
	Title, Regions, Choose, Indicator, Plan, Target, Latest, Required, Projected, Probability, Status, Unassessed, Footer, Partial, Period, Year, Value, Download, Revisions, Trail, Unit, StatedGrowth, Waiting, NothingFmt, SignOut string
}

var dashboardTexts = map[string]dashboardText{
	"en": {"plancast — indicators against plan targets", "Regions", "Choose a region.", "Indicator", "Plan", "Target", "Latest", "Required growth a year", "Projected (80% interval)", "Probability", "Status", "Not assessed", "Projections: automatic combination of yearly models with calibrated 80% intervals. Probability is of meeting the target.", "Partial-year figures", "Period", "Year", "Value", "Download the assessment", "revisions", "how it moved (trail)", "Unit", "Growth as stated", "Not assessed yet, no yearly figures", "%s has no figures or targets of its own yet.", "Sign out"},
	"zh": {"plancast — 指标与规划目标", "地区", "请选择地区。", "指标", "规划", "目标", "最新值", "所需年均增速", "预测值（80%区间）", "达成概率", "状态", "未评估", "预测：年度模型自动组合，80%区间经过校准。概率为达成目标的概率。", "年内累计数据", "期间", "年份", "数值", "下载目标评估", "修订记录", "评估轨迹", "单位", "公布增速", "暂无年度数据，尚未评估", "%s暂无本级数据和目标。", "退出"},
}

type dashboardPage struct {
	Lang       string
	T          dashboardText
	Only       string
	Nothing    string // the region asked for (Only) has nothing of its own to show
	SignedIn   bool   // let in by the read cookie: the page offers to sign out
	AllRegions []labelled
	Sections   []dashboardSection
}

type labelled struct{ Code, Label string }

type dashboardSection struct {
	Region      plancast.Region
	Label       string
	Assessments []dashboardRow
	Unassessed  []dashboardUnassessed // not judged for another reason than missing figures, said beside each
	Waiting     []dashboardUnassessed // not judged because the series has no yearly figures yet
	Charts      []dashboardChart
	Partial     []dashboardPartial
}

// dashboardPartial is the latest figure of a partial-year series (Guyang's
// January–November 2009 figures, say): shown as a figure, not charted. Its
// Status is in the page's language, as the downloads write it (预计).
type dashboardPartial struct {
	Indicator, Period, Value, Unit, Growth, Status string
	Year                                           int
}

type dashboardRow struct {
	AssessmentItem
	IndicatorLabel, UnitLabel, PlanLabel, StatusLabel, ExplanationText   string
	TargetText, LatestText, RequiredText, ProjectedText, ProbabilityText string
	DueText                                                              string // the ended years without figures, under the latest figure
}

// planText is the plan, the target's kind and its year: "14th FYP · level
// 2025", "十四五 · 总量 2025年" (目标值 for a rate's level, kindZh); an
// annual plan's own year goes without saying ("2021 plan · growth", not
// "2021 plan · growth 2021").
func planText(lang, plan, kind, unit string, year int) string {
	kindText := strings.ReplaceAll(kind, "_", " ")
	yearText := fmt.Sprintf(" %d", year)
	if lang == "zh" && plancast.TargetKindZh[kind] != "" {
		kindText, yearText = kindZh(kind, unit), fmt.Sprintf(" %d年", year)
	}
	if plan == fmt.Sprintf("%d-annual", year) {
		yearText = ""
	}
	return charts.PlanLabel(plan, lang) + " · " + kindText + yearText
}

// statusText is the status in the page's language: the API's own word on
// the English page ("off_track"), plancast.StatusZh on the Chinese one;
// a target whose year is observed and missed is said to be (未实现, not
// 难以实现: Assessment.StatusWords).
// Downloads keep the code in English, for filters; the dashboard says
// "missed" there (dashboardStatus).
func statusText(lang string, a plancast.Assessment) string {
	if lang != "zh" {
		return a.Status
	}
	return a.StatusWords(true)
}

// dashboardStatus is the status cell of the dashboard: statusText, with an
// observed miss said to be one in English as well ("missed"; the row's
// class and title keep the code).
func dashboardStatus(lang string, a plancast.Assessment) string {
	if lang != "zh" && a.Missed() {
		return plancast.Missed
	}
	return statusText(lang, a)
}

type dashboardChart struct {
	Region, Indicator, Label string
	// Projected is true when the series has the two yearly figures a
	// projection needs: its Excel link is the projection's workbook, and
	// otherwise the figures' own, for the projection's would answer 400.
	Projected bool
}

// getDashboard renders the dashboard: server-side HTML that works without
// JavaScript. ?lang=zh switches to Chinese; ?region= shows one region.
func (s *Server) getDashboard(c echo.Context) error {
	ctx := c.Request().Context()
	lang := c.QueryParam("lang")
	if lang != "zh" {
		lang = "en"
	}
	only := c.QueryParam("region")
	status, unknown := http.StatusOK, ""
	if only != "" {
		if _, err := s.region(c, only); err != nil {
			code := plancast.ErrorCode(err)
			if !browserNavigation(c.Request()) || (code != plancast.ENOTFOUND && code != plancast.EINVALID) {
				return err
			}
			// A person who typed a wrong code gets the page, saying so
			// above the list of regions to choose from, not a JSON body.
			status, unknown = statusOf[code], plancast.ErrorMessage(err)
			if lang == "zh" {
				unknown = fmt.Sprintf("没有代码为“%s”的地区，请从下列地区中选择。", only)
			}
		}
	}
	signedIn := s.signedIn(c)
	body, err := s.cached(ctx, "dashboard", "dashboard\x00"+lang+"\x00"+only+"\x00"+strconv.FormatBool(signedIn)+dueKey(plancast.Date{}), func() ([]byte, error) {
		page, err := s.dashboardPage(ctx, lang, only)
		if err != nil {
			return nil, err
		}
		page.SignedIn = signedIn
		if unknown != "" {
			page.Nothing = unknown
		}
		var buf bytes.Buffer
		if err := dashboardTemplate.Execute(&buf, page); err != nil {
			return nil, fmt.Errorf("render dashboard: %w", err)
		}
		return buf.Bytes(), nil
	})
	if err != nil {
		return err
	}
	return c.HTMLBlob(status, body)
}

func (s *Server) dashboardPage(ctx context.Context, lang, only string) (*dashboardPage, error) {
	regions, err := s.cfg.Store.Regions(ctx)
	if err != nil {
		return nil, err
	}
	inds, err := s.cfg.Store.Indicators(ctx)
	if err != nil {
		return nil, err
	}
	indByCode := map[string]plancast.Indicator{}
	for _, i := range inds {
		indByCode[i.Code] = i
	}
	page := &dashboardPage{Lang: lang, T: dashboardTexts[lang], Only: only}
	var withData []dashboardSection
	for _, r := range regions {
		if only != "" && r.Code != only {
			continue
		}
		sec, err := s.dashboardSection(ctx, r, indByCode, lang)
		if err != nil {
			return nil, err
		}
		if len(sec.Charts)+len(sec.Partial)+len(sec.Assessments)+len(sec.Unassessed)+len(sec.Waiting) == 0 {
			continue // a parent region with no figures of its own
		}
		page.AllRegions = append(page.AllRegions, labelled{r.Code, sec.Label})
		withData = append(withData, sec)
	}
	if only != "" || len(withData) <= maxDashboardSections {
		page.Sections = withData
	}
	if only != "" {
		page.AllRegions = nil
		for _, r := range regions {
			page.AllRegions = append(page.AllRegions, labelled{r.Code, nameIn(lang, r.Name, r.NameZh)})
			if r.Code == only && len(page.Sections) == 0 {
				// A province or prefecture whose counties hold the figures.
				page.Nothing = fmt.Sprintf(page.T.NothingFmt, nameIn(lang, r.Name, r.NameZh))
			}
		}
	}
	return page, nil
}

func (s *Server) dashboardSection(ctx context.Context, r plancast.Region, indByCode map[string]plancast.Indicator, lang string) (dashboardSection, error) {
	sec := dashboardSection{Region: r, Label: nameIn(lang, r.Name, r.NameZh)}
	ts, err := s.cfg.Store.Targets(ctx, plancast.TargetFilter{Region: r.Code})
	if err != nil {
		return sec, err
	}
	res := s.assess(ctx, ts, plancast.Date{})
	for _, a := range res.Assessments {
		ind := indByCode[a.Indicator]
		explanation := a.Explanation
		if lang == "zh" {
			explanation = a.ExplanationZh
		}
		sec.Assessments = append(sec.Assessments, dashboardRow{
			AssessmentItem:  a,
			IndicatorLabel:  nameIn(lang, ind.Name, ind.NameZh),
			UnitLabel:       charts.UnitLabel(ind.Unit, lang),
			PlanLabel:       planText(lang, a.Plan, a.Kind, ind.Unit, a.Year),
			StatusLabel:     dashboardStatus(lang, a.Assessment),
			ExplanationText: explanation,
			TargetText:      charts.TargetValueText(a.Kind, a.TargetValue, "", lang), // the unit is beside the indicator
			LatestText:      fmt.Sprintf("%s (%d)", latestText(a.Assessment), a.LatestYear),
			DueText:         charts.FiguresDueText(a.FiguresDue, lang), // the chart's words under its hatch
			RequiredText:    requiredText(lang, a.Assessment),
			ProjectedText:   projectedText(lang, a.Kind, a.TargetValue, a.Projected, a.Realised, plancast.ProjectedPrec(a.LatestValue), forecast.LimitsOf(ind)),
			ProbabilityText: plancast.FormatProbability(a.Probability),
		})
	}
	for _, u := range res.Unassessed {
		ind := indByCode[u.Indicator]
		// Beside the target's own label: the reason names no target.
		reason := u.Reason
		if lang == "zh" {
			reason = u.ReasonZh
		}
		item := dashboardUnassessed{
			Label:  fmt.Sprintf("%s (%s: %s)", nameIn(lang, ind.Name, ind.NameZh), planText(lang, u.Plan, u.Kind, ind.Unit, u.Year), charts.TargetValueText(u.Kind, u.Target, ind.Unit, lang)),
			Reason: reason,
		}
		// Most unjudged targets wait for their first yearly figure (all of
		// Zizhou's 2022 targets): said once for the lot. Any other reason
		// (a store away, a base year missing) is said beside its target.
		if u.Code == plancast.ENOTFOUND {
			sec.Waiting = append(sec.Waiting, item)
		} else {
			sec.Unassessed = append(sec.Unassessed, item)
		}
	}
	have, err := s.cfg.Store.SeriesSet(ctx, plancast.SeriesSetQuery{Regions: []string{r.Code}, Period: plancast.AllPeriods})
	if err != nil {
		return sec, err
	}
	for _, sr := range have {
		ind := indByCode[sr.Indicator]
		label := nameIn(lang, ind.Name, ind.NameZh)
		if sr.Period == plancast.PeriodYear {
			sec.Charts = append(sec.Charts, dashboardChart{Region: r.Code, Indicator: ind.Code, Label: label, Projected: len(sr.Observations) >= 2})
			continue
		}
		last := sr.Observations[len(sr.Observations)-1]
		sec.Partial = append(sec.Partial, dashboardPartial{Indicator: label, Period: periodLabel(lang, sr.Period),
			Year: last.Year, Value: number(last.Value), Unit: charts.UnitLabel(ind.Unit, lang), Growth: cmp.Or(plancast.FormatStatedGrowth(last, lang == "zh"), "—"), Status: observationStatusText(lang, last.Status)})
	}
	return sec, nil
}

// periodLabel names a partial period for people: "Jan–Nov" / "1—11月".
func periodLabel(lang, period string) string {
	if lang == "zh" && plancast.PeriodName(period, true) != "" {
		return plancast.PeriodName(period, true)
	}
	if first, last, ok := strings.Cut(period, "-"); ok && first == "jan" {
		return "Jan–" + strings.ToUpper(last[:1]) + last[1:]
	}
	return strings.ToUpper(period)
}

func nameIn(lang, en, zh string) string {
	if lang == "zh" && zh != "" {
		return zh
	}
	if en == "" {
		return zh
	}
	return en
}

// latestText is the "latest" cell: the figure as number writes it, or
// with the decimals that tell it from a level, share, ceiling or floor
// target it is judged against (figureText).
func latestText(a plancast.Assessment) string {
	if plancast.GrowthKind(a.Kind) {
		return number(a.LatestValue)
	}
	return figureText(a.LatestValue, a.TargetValue)
}

// figureText writes a figure judged against a level, share, ceiling or
// floor target as every cell of the dashboard writes it: as number does
// (plancast.Decimals, none that the figure does not have), or with the
// decimals that tell it from the target (a figure of 4.504 under a ceiling
// of 4.5 is not "4.5"). The latest cell and the projected cell of an
// observed target write the same figure alike, as its explanation does:
// 2,043.6 in both, not 2,044 in one.
func figureText(v, target float64) string {
	return plancast.FormatApart(v, target, false, shownDecimals(v))
}

// number formats a value with thousands separators and at most the
// decimals of plancast.Decimals, trailing zeros dropped (shownDecimals): at
// most two from 1 up, about four significant digits under 1: 33029 →
// "33,029", 147.2405 → "147.24", 147.201 → "147.2", 0.016981 → "0.01698"
// (not "0.02", a township's budget in 亿元).
func number(v float64) string {
	return plancast.FormatNumber(v, shownDecimals(v))
}

// shownDecimals is how many decimals number writes v with: v rounded to
// plancast.Decimals(v), trailing zeros dropped (147.201 → 1).
func shownDecimals(v float64) int {
	return plancast.Decimals(plancast.HalfAway(v, plancast.Decimals(v)))
}

// requiredText is the "required growth a year" cell: the growth in percent,
// or, for a target on a percentage, the change in points ("+0.7 pt" /
// "+0.7个百分点"), with the decimals the explanation writes it with
// (plancast.PacePrec): never "+0.00" for a target beyond the latest figure.
func requiredText(lang string, a plancast.Assessment) string {
	if c := a.RequiredChange; c != nil {
		hist := math.NaN()
		if a.HistoricalChange != nil {
			hist = *a.HistoricalChange
		}
		pointsPrec := plancast.PacePrec(*c, hist, plancast.PointsPrec(*c))
		if lang == "zh" {
			return plancast.Signed(*c, pointsPrec) + "个百分点"
		}
		return plancast.Signed(*c, pointsPrec) + " pt"
	}
	return percentOrDash(a.RequiredGrowth)
}

func percentOrDash(f *float64) string {
	if f == nil {
		return "—"
	}
	return plancast.Fixed(*f*100, 1) + "%"
}

// projectedText shows the projected quantity with its 80% interval; growth
// targets compare growth in percent, so those read "+4.3% (−1.0 to +12.5%)".
// A level is shown with prec decimals, plancast.ValuePrec of the latest
// figure, as the charts show it: a projection is no more precise than the
// data it comes from (120.8 → 147.2, not 147.24). The projection and its
// bounds are written apart from the target (plancast.FormatApart), as the
// explanation writes them: "99.89 (99.83 to 99.92)" against 99.9, not
// "99.9 (99.8 to 99.9)". An observed target year's figure (realised) is no
// projection: it is written as figureText writes it in the latest cell.
func projectedText(lang, kind string, target float64, p *plancast.ProjectionPoint, realised *float64, prec int, lim forecast.Limits) string {
	growth := plancast.GrowthKind(kind)
	format := func(v float64) string {
		// lim.Prec: a share below 100 never reads 100.0.
		return plancast.FormatApart(v, target, growth, lim.Prec(v, plancast.ShownPrec(v, prec)))
	}
	if realised != nil {
		// Observed: written as the latest cell writes a figure, apart
		// from the target it is judged against; prec is a projection's.
		if growth {
			return plancast.FormatApart(*realised, target, true, 1)
		}
		return figureText(*realised, target)
	}
	if p == nil {
		return "—"
	}
	to := "to"
	if lang == "zh" {
		to = "至"
	}
	return fmt.Sprintf("%s (%s %s %s)", format(p.Mean), format(p.Lo80), to, format(p.Hi80))
}

// dashboardUnassessed is a target the dashboard could not judge: what it is,
// and why (shown on hover; the API's unassessed list has the same reason).
type dashboardUnassessed struct {
	Label, Reason string
}

// kindZh names a target's kind in Chinese (plancast.TargetKindZh), save a
// level target on an indicator in percent: 总量 is an aggregate quantity,
// and a rate's level is its 目标值.
func kindZh(kind, unit string) string {
	if kind == plancast.TargetLevel && unit == plancast.UnitPercent {
		return "目标值"
	}
	return plancast.TargetKindZh[kind]
}
