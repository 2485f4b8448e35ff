package report

import (
	"fmt"
	"strings"
	"testing"
)

// workReportReview is a 2021 work report whose review of the year before
// ("过去一年") holds sentence.
func workReportReview(sentence string) string {
	return "侯马市2021年政府工作报告\n\n一、过去一年工作回顾\n\n" + sentence + "\n\n二、2021年工作安排\n\n今年工作要突出抓好以下几点。"
}

// A review sentence that sets the year's outturn against the year's target
// states both: the target is read as a growth target of the year the
// outturn is dated to (a 2021 report's 过去一年 is 2020, its plan
// 2020-annual), a range as its lower end, a floor (at least), as any
// range target is, "左右" as about; its reasons say it was read from an
// outturn sentence. The outturn itself is never read as a target.
func TestATargetSetAgainstAnOutturnIsReadAsTheOutturnYearsTarget(t *testing.T) {
	for _, c := range []struct {
		sentence, indicator string
		target              float64
		bound, note         string
		outturn             float64
	}{
		{"全年地区生产总值增长7.2%，高于6%—6.5%的预期目标。", "gdp", 6, "at_least", "at least (range 6–6.5%)", 7.2},
		{"全年地区生产总值增长7.2%，高于6%-6.5%的预期目标。", "gdp", 6, "at_least", "at least (range 6–6.5%)", 7.2},
		{"规模以上工业增加值增长8.1%，超过7%的预期目标。", "industrial_value_added", 7, "", "", 8.1},
		{"社会消费品零售总额增长7.5%，超出7%至7.5%的预期目标。", "retail_sales", 7, "at_least", "at least (range 7–7.5%)", 7.5},
		{"固定资产投资增长10.2%，完成10%的预期目标。", "fixed_asset_investment", 10, "", "", 10.2},
		{"一般公共预算收入增长5.6%，低于6%左右的预期目标。", "budget_revenue", 6, "about", "about", 5.6},
		{"城镇居民人均可支配收入增长6.5%，高于预期目标6%。", "urban_disposable_income", 6, "", "", 6.5},
		{"农村居民人均可支配收入增长8.2%，预期目标为8%。", "rural_disposable_income", 8, "", "", 8.2},
	} {
		ex := read(t, workReportReview(c.sentence), 2021)
		tc := target(t, ex, c.indicator, "2020-annual", "growth")
		wantValue(t, c.sentence, tc.Value, c.target)
		if tc.Year != 2020 || tc.Bound != c.bound || tc.Note != c.note || tc.BaseYear != 0 {
			t.Errorf("%q: year %d bound %q note %q base year %d, want 2020 %q %q 0", c.sentence, tc.Year, tc.Bound, tc.Note, tc.BaseYear, c.bound, c.note)
		}
		if r := strings.Join(tc.Reasons, "; "); !strings.Contains(r, "read from a sentence stating the 2020 outturn") {
			t.Errorf("%q: reasons %q do not say the target was read from an outturn sentence", c.sentence, r)
		}
		wantAccepted(t, ex, tc.Provenance, c.sentence)
		for _, other := range ex.Targets {
			if other.Value == c.outturn || other.Plan != "2020-annual" {
				t.Errorf("%q: read a %s %s target %g besides the one set against the outturn", c.sentence, other.Plan, other.Kind, other.Value)
			}
		}
	}
}

// A sentence that gives the level with its growth keeps both as the year's
// observation and reads the target beside them, in either language.
func TestAnOutturnWithItsLevelIsTheObservationAndItsTargetATarget(t *testing.T) {
	for _, c := range []struct {
		text        string
		report, end int
	}{
		{workReportReview("全市地区生产总值完成245.6亿元，增长6.1%，高于6%—6.5%的预期目标。"), 2021, 2020},
		{"In 2023, the city's GDP reached 24.56 billion yuan, up 6.1%, exceeding the expected target of 6%-6.5%.", 2024, 2023},
	} {
		ex := read(t, c.text, c.report)
		gdp := obs(t, ex, "gdp", c.end, "year")
		wantValue(t, c.text, gdp.Value, 245.6)
		wantGrowth(t, gdp, 6.1, "yoy")
		tc := target(t, ex, "gdp", fmt.Sprintf("%d-annual", c.end), "growth")
		wantValue(t, c.text, tc.Value, 6)
		if tc.Bound != "at_least" || len(ex.Targets) != 1 {
			t.Errorf("%q: bound %q, %d targets; want one, at least 6:\n%s", c.text, tc.Bound, len(ex.Targets), dump(ex))
		}
	}
}

// What is no target set against an outturn: a gap in percentage points,
// and a lead-in that puts 完成 before the targets cue without an outturn
// before it, which still leads in the year's targets.
func TestWhatIsNoTargetSetAgainstAnOutturn(t *testing.T) {
	ex := read(t, workReportReview("全年地区生产总值增长6.3%，高于预期目标0.3个百分点。"), 2021)
	if len(ex.Targets) != 0 {
		t.Errorf("a gap in points read as a target:\n%s", dump(ex))
	}
	ex = read(t, "侯马市2021年政府工作报告\n\n二、2021年工作安排\n\n确保完成全年预期目标：地区生产总值增长8.5%。", 2021)
	tc := target(t, ex, "gdp", "2021-annual", "growth")
	wantValue(t, "lead-in", tc.Value, 8.5)
	if r := strings.Join(tc.Reasons, "; "); strings.Contains(r, "outturn") {
		t.Errorf("a lead-in's target said to be set against an outturn: %q", r)
	}
}

// The target is taken out of the figures the outturn is read from: a
// rate's outturn is its one figure, not the first of two, and the rate's
// target, where lower is better, is read as its ceiling.
func TestARatesTargetSetAgainstItsOutturnIsNoSecondFigureOfIt(t *testing.T) {
	text := workReportReview("城镇登记失业率3.2%，低于4.5%的预期目标。")
	ex := read(t, text, 2021)
	rate := obs(t, ex, "unemployment_rate", 2020, "year")
	wantValue(t, text, rate.Value, 3.2)
	if r := strings.Join(rate.Reasons, "; "); strings.Contains(r, "more than one figure") {
		t.Errorf("the target counted as a second figure of the outturn: %q", r)
	}
	tc := target(t, ex, "unemployment_rate", "2020-annual", "ceiling")
	wantValue(t, text, tc.Value, 4.5)
}

// An average growth over the five years a review looks back on, set
// against its target, is set against the Five-Year Plan's: the 13th's
// average growth target, from 2015.
func TestAnAverageGrowthOfFiveYearsIsSetAgainstThePlansTarget(t *testing.T) {
	text := workReportReview("五年来，地区生产总值年均增长5.3%，高于5%的预期目标。")
	ex := read(t, text, 2021)
	tc := target(t, ex, "gdp", "13th-fyp", "avg_growth")
	wantValue(t, text, tc.Value, 5)
	if tc.BaseYear != 2015 || tc.Year != 2020 {
		t.Errorf("base year %d, year %d; want 2015 to 2020", tc.BaseYear, tc.Year)
	}
	wantAccepted(t, ex, tc.Provenance, text)
}
