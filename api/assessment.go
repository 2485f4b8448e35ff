package api

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"runtime"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/forecast"
	"github.com/plancast/plancast/ingest"
)

// AssessmentResponse answers the assessment routes.
type AssessmentResponse struct {
	Region    string `json:"region,omitempty"`
	Indicator string `json:"indicator,omitempty"`
	Plan      string `json:"plan,omitempty"`
	// AsOf is the date whose data and targets the answer is given on
	// (figures published and targets set on or before it), when asked for
	// with ?as_of=: an assessment given then, reproduced after later
	// revisions of figures or targets.
	AsOf string `json:"as_of,omitempty"`
	// Assessments are sorted by risk: off_track first, then at_risk, on_track,
	// achieved; within a status, the least likely first.
	Assessments []AssessmentItem `json:"assessments"`
	// Unassessed lists targets that could not be judged, with the reason
	// (usually: no or too few observations of the indicator).
	Unassessed []Unassessed `json:"unassessed"`
}

// AssessmentItem is one judged target.
type AssessmentItem struct {
	Region string `json:"region"`
	Plan   string `json:"plan"`
	plancast.Assessment
}

// Unassessed is a target that could not be judged.
type Unassessed struct {
	Region    string  `json:"region"`
	Indicator string  `json:"indicator"`
	Plan      string  `json:"plan"`
	Kind      string  `json:"kind"`
	Year      int     `json:"year"`
	Target    float64 `json:"target"`
	Binding   bool    `json:"binding"`
	// Code says why in one word, as error answers do: not_found (no yearly
	// figures to judge it on), invalid (the figures cannot answer it, as a
	// growth target on a series with a value ≤ 0) or internal; Reason says
	// it in a sentence, without the words naming the target ("assess gdp
	// growth 2022: "), which the fields above give.
	Code     string `json:"code"`
	Reason   string `json:"reason"`
	ReasonZh string `json:"reason_zh"` // the reason in Chinese
}

func (s *Server) getRegionAssessment(c echo.Context) error {
	ctx := c.Request().Context()
	region := c.Param("region")
	if _, err := s.region(c, region); err != nil {
		return err
	}
	plan, err := planParam(c)
	if err != nil {
		return err
	}
	asOf, err := asOfParam(c)
	if err != nil {
		return err
	}
	return s.cachedAssessment(c, "region\x00"+region+"\x00"+plan+"\x00"+asOf.String()+dueKey(asOf), assessmentFile(region, "", plan), func() (*AssessmentResponse, error) {
		ts, err := s.cfg.Store.Targets(ctx, plancast.TargetFilter{Region: region, Plan: plan, AsOf: asOf})
		if err != nil {
			return nil, err
		}
		resp := s.assess(ctx, ts, asOf)
		resp.Region, resp.Plan, resp.AsOf = region, plan, asOf.String()
		return resp, nil
	})
}

func (s *Server) getAllAssessment(c echo.Context) error {
	ctx := c.Request().Context()
	plan, err := planParam(c)
	if err != nil {
		return err
	}
	indicator, err := s.indicatorParam(c)
	if err != nil {
		return err
	}
	asOf, err := asOfParam(c)
	if err != nil {
		return err
	}
	return s.cachedAssessment(c, "all\x00"+indicator+"\x00"+plan+"\x00"+asOf.String()+dueKey(asOf), assessmentFile("", indicator, plan), func() (*AssessmentResponse, error) {
		ts, err := s.cfg.Store.Targets(ctx, plancast.TargetFilter{Indicator: indicator, Plan: plan, AsOf: asOf})
		if err != nil {
			return nil, err
		}
		resp := s.assess(ctx, ts, asOf)
		resp.Indicator, resp.Plan, resp.AsOf = indicator, plan, asOf.String()
		return resp, nil
	})
}

// dueKey is the part of an assessment's cache key the date adds: an answer
// of the latest data is cached by data version, but a year ending changes
// which years it projects without any write. An as_of date is in the key
// already.
func dueKey(asOf plancast.Date) string {
	if !asOf.IsZero() {
		return ""
	}
	return "\x00" + strconv.Itoa(plancast.Today().Time().Year())
}

// cachedAssessment answers an assessment as JSON, CSV or XLSX (?format=),
// with answerAndDownloads.
func (s *Server) cachedAssessment(c echo.Context, key, file string, compute func() (*AssessmentResponse, error)) error {
	return answerAndDownloads(s, c, "assessment", key, file, compute, assessmentTable)
}

// answerAndDownloads answers as JSON, CSV or XLSX (?format=), each cached by
// data version under kind and key. The downloads are laid out (lay) from
// the cached JSON answer, so they carry the same numbers and the answer is
// computed once per data version whichever format is asked first.
func answerAndDownloads[T any](s *Server, c echo.Context, kind, key, file string, compute func() (*T, error),
	lay func(answer *T, cat *catalogMemo, lang, version string) *table) error {
	format, lang, err := downloadParams(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	answer := func() ([]byte, error) {
		return s.cached(ctx, kind, kind+"\x00"+key, func() ([]byte, error) {
			resp, err := compute()
			if err != nil {
				return nil, err
			}
			return json.Marshal(resp)
		})
	}
	if format == formatJSON {
		body, err := answer()
		if err != nil {
			return err
		}
		return c.JSONBlob(http.StatusOK, body)
	}
	return s.download(c, kind+"\x00"+lang+"\x00"+key, file, format, func(version string) (*table, error) {
		body, err := answer()
		if err != nil {
			return nil, err
		}
		var resp T
		if err := json.Unmarshal(body, &resp); err != nil {
			return nil, fmt.Errorf("read the %s back for its download: %w", kind, err)
		}
		cat, err := s.catalog(ctx)
		if err != nil {
			return nil, err
		}
		return lay(&resp, cat, lang, version), nil
	})
}

// indicatorParam reads ?indicator=, which narrows an answer to one
// indicator: empty when absent, a known code (a missed one is answered with
// the near ones) when given.
func (s *Server) indicatorParam(c echo.Context) (string, error) {
	indicator := c.QueryParam("indicator")
	if indicator == "" {
		return "", nil
	}
	if _, err := s.lookupIndicator(c.Request().Context(), indicator); err != nil {
		return "", err
	}
	return indicator, nil
}

func planParam(c echo.Context) (string, error) {
	plan := c.QueryParam("plan")
	if plan == "" {
		return "", nil
	}
	if code, ok := planCode(plan); ok {
		return code, nil
	}
	return "", plancast.Errorf(plancast.EINVALID, "plan=%q must look like 14th-fyp or 2021-annual%s", plan, plancast.PlanHint(plan))
}

// planCode is the plan a request names: its code ("15th-fyp",
// "2026-annual") or its Chinese name as the dashboard prints it and a
// targets file gives it ("十五五", "2026年计划", "2026年"), read as ingest
// reads a targets file's plan. A bare "2026" or "15th" is not read: it is
// offered its code instead ("did you mean").
func planCode(typed string) (string, bool) {
	if plancast.ValidPlan(typed) {
		return typed, true
	}
	if !hasNonASCII(typed) {
		return "", false
	}
	return ingest.PlanCode(typed)
}

func hasNonASCII(s string) bool {
	for _, r := range s {
		if r >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// assess judges every target, reading each series once (as it stood on
// asOf, when set), on every CPU.
func (s *Server) assess(ctx context.Context, ts []plancast.Target, asOf plancast.Date) *AssessmentResponse {
	resp := &AssessmentResponse{Assessments: []AssessmentItem{}, Unassessed: []Unassessed{}}
	inds, err := s.cfg.Store.Indicators(ctx)
	if err != nil {
		for _, t := range ts {
			resp.Unassessed = append(resp.Unassessed, unassessed(t, err))
		}
		return resp
	}
	byCode := make(map[string]plancast.Indicator, len(inds))
	for _, i := range inds {
		byCode[i.Code] = i
	}
	// Read every series the targets need, and only those, in bulk (values
	// only where the store can: assessments use years and values): the
	// yearly figures, then the year to date of the series whose targets
	// include the year after their latest figure (an annual plan's, not a
	// Five-Year Plan's in its first years), which alone it can judge.
	var keys []plancast.SeriesKey
	read := map[plancast.SeriesKey]bool{}
	for _, t := range ts {
		if k := t.SeriesKey(); !read[k] {
			read[k] = true
			keys = append(keys, k)
		}
	}
	sets, err := plancast.ReadSeriesValuesAsOf(ctx, s.cfg.Store, keys, asOf)
	if err == nil {
		var toDate []plancast.Series
		toDate, err = plancast.ReadSeriesValuesAsOf(ctx, s.cfg.Store, yearToDateKeys(ts, sets, byCode), asOf)
		sets = append(sets, toDate...)
	}
	if err != nil {
		for _, t := range ts {
			resp.Unassessed = append(resp.Unassessed, unassessed(t, err))
		}
		return resp
	}
	series := make(map[plancast.SeriesKey]*plancast.Series, len(sets))
	for i := range sets {
		series[sets[i].Key()] = &sets[i]
	}
	// Judge the targets on every CPU; each result goes to its target's slot,
	// so the answer is the same as a sequential pass. An assessment does not
	// need the forecast's backtest.
	type outcome struct {
		a   plancast.Assessment
		err error
	}
	results := make([]outcome, len(ts))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.NumCPU(), max(1, len(ts)/16)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(ts) {
					return
				}
				t := ts[i]
				sr, ok := series[t.SeriesKey()]
				if !ok {
					results[i].err = noFigures(t, byCode[t.Indicator], asOf)
					continue
				}
				years, values, _ := seriesArrays(sr)
				opt := forecast.Options{SkipBacktest: true, Stated: sr.StatedGrowths(), AsOf: asOf.OrToday(), Limits: forecast.LimitsOf(byCode[t.Indicator]), Yearly: sr.Observations}
				for _, k := range plancast.YearToDateKeys(t.SeriesKey(), byCode[t.Indicator]) {
					if toDate := series[k]; toDate != nil {
						opt.YearToDate = append(opt.YearToDate, *toDate)
					}
				}
				results[i].a, results[i].err = forecast.Assess(t, byCode[t.Indicator], years, values, opt)
				s.metrics.forecasts.Inc()
			}
		}()
	}
	wg.Wait()
	for i, t := range ts {
		if err := results[i].err; err != nil {
			resp.Unassessed = append(resp.Unassessed, unassessed(t, err))
			continue
		}
		resp.Assessments = append(resp.Assessments, AssessmentItem{Region: t.Region, Plan: t.Plan, Assessment: results[i].a})
	}
	sort.SliceStable(resp.Assessments, func(i, j int) bool {
		a, b := &resp.Assessments[i], &resp.Assessments[j]
		if ra, rb := riskRank[a.Status], riskRank[b.Status]; ra != rb {
			return ra < rb
		}
		return a.Probability < b.Probability
	})
	return resp
}

// yearToDateKeys are the year-to-date series (plancast.YearToDateKeys) of the
// yearly series in yearly that a target of ts falls after the latest figure
// of: the only targets Assess judges on a year to date (the year after it
// on its months, a later year on its months through the years between).
func yearToDateKeys(ts []plancast.Target, yearly []plancast.Series, byCode map[string]plancast.Indicator) []plancast.SeriesKey {
	latest := make(map[plancast.SeriesKey]int, len(yearly))
	for _, s := range yearly {
		if n := len(s.Observations); n > 0 {
			latest[s.Key()] = s.Observations[n-1].Year
			if forecast.EstimatedEarly(s.Observations[n-1]) {
				// not the year's figure: the year is judged on its months
				latest[s.Key()]--
			}
		}
	}
	var keys []plancast.SeriesKey
	for _, t := range ts {
		k := t.SeriesKey()
		if last, ok := latest[k]; ok && t.Year > last {
			keys = append(keys, plancast.YearToDateKeys(k, byCode[t.Indicator])...)
			delete(latest, k) // once per series
		}
	}
	return keys
}

// noFigures is why a target cannot be judged when its series has no yearly
// figure (published by asOf, when set).
func noFigures(t plancast.Target, ind plancast.Indicator, asOf plancast.Date) error {
	return &forecast.UnassessableError{
		Err: plancast.Errorf(plancast.ENOTFOUND, "series %s/%s has no yearly figures%s", t.Region, t.Indicator, asOfText(asOf)),
		// Beside the target, which names its series: the reason alone.
		En: "no yearly figures yet" + asOfText(asOf),
		Zh: "暂无" + cmp.Or(ind.NameZh, t.Indicator) + "的年度数据" + asOfTextZh(asOf)}
}

// riskRank orders statuses from the most to the least worrying.
var riskRank = map[string]int{plancast.StatusOffTrack: 0, plancast.StatusAtRisk: 1, plancast.StatusOnTrack: 2, plancast.StatusAchieved: 3}

func unassessed(t plancast.Target, err error) Unassessed {
	code, reason := plancast.ErrorCode(err), plancast.ErrorMessage(err)
	if code == plancast.ENOTFOUND {
		reason = fmt.Sprintf("no observations of %s for %s: %s", t.Indicator, t.Region, reason)
	}
	var zh string
	var why *forecast.UnassessableError
	switch {
	case errors.As(err, &why):
		// The error's message names the target ("assess gdp growth 2022:
		// one observed year ..."), as an error said alone must; the
		// answer names it in its own fields.
		zh, reason = why.Zh, cmp.Or(why.En, reason)
	case code == plancast.EUNAVAILABLE:
		zh = "数据存储暂不可用：" + reason
	case code == plancast.EINTERNAL:
		zh = "内部错误"
	default:
		zh = "无法评估：" + reason
	}
	return Unassessed{Region: t.Region, Indicator: t.Indicator, Plan: t.Plan, Kind: t.Kind, Year: t.Year, Target: t.Value, Binding: t.Binding,
		Code: code, Reason: reason, ReasonZh: zh}
}

// asOfTextZh is "（截至2021-04-20）" for a read of the past, "" for the latest.
func asOfTextZh(asOf plancast.Date) string {
	if asOf.IsZero() {
		return ""
	}
	return "（截至" + asOf.String() + "）"
}

// asOfText is " as of 2021-04-20" for a read of the past, "" for the latest.
func asOfText(asOf plancast.Date) string {
	if asOf.IsZero() {
		return ""
	}
	return " as of " + asOf.String()
}
