package report

import (
	"slices"
	"strings"
	"testing"
)

// Which plan a target belongs to is said once, by a heading or a lead-in
// ("今后五年，全县经济社会发展的主要目标是：", "“十四五”时期经济社会发展主要目标",
// "到2025年"), and holds for every clause, sentence and paragraph after it
// until the next heading or the next lead-in. A Five-Year Plan's targets are
// filed under it, never under the year they end in ("2025-annual"); a year's
// targets that follow under their own heading or lead-in stay the year's.

type wantTarget struct {
	ind, plan, kind string
	year            int
	value           float64
}

// checkTargets asserts that ex has exactly the targets of want, each
// accepted (sure) or each needing review (!sure), and no others.
func checkTargets(t *testing.T, ex *Extraction, want []wantTarget, sure bool) {
	t.Helper()
	for _, w := range want {
		tc := target(t, ex, w.ind, w.plan, w.kind)
		if tc.Year != w.year || !near(tc.Value, w.value) {
			t.Errorf("%s %s %s: year %d value %g, want %d %g", w.ind, w.plan, w.kind, tc.Year, tc.Value, w.year, w.value)
		}
		if sure {
			wantAccepted(t, ex, tc.Provenance, w.ind+" "+w.plan+" "+w.kind)
			if err := tc.Target.Validate(); err != nil {
				t.Error(err)
			}
		} else if !tc.NeedsReview {
			t.Errorf("%s %s %s: accepted, want it flagged for review (%v)", w.ind, w.plan, w.kind, tc.Reasons)
		}
	}
	if len(ex.Targets) != len(want) {
		t.Errorf("%d targets, want %d:\n%s", len(ex.Targets), len(want), dump(ex))
	}
	if len(ex.Observations) != 0 {
		t.Errorf("targets read as observations:\n%s", dump(ex))
	}
}

// The 14th plan's five targets as the reports state them, for 2025.
var fyp14 = []wantTarget{
	{"gdp", "14th-fyp", "level", 2025, 260},
	{"gdp", "14th-fyp", "avg_growth", 2025, 6.5},
	{"budget_revenue", "14th-fyp", "level", 2025, 14},
	{"urban_disposable_income", "14th-fyp", "avg_growth", 2025, 7},
	{"unemployment_rate", "14th-fyp", "ceiling", 2025, 4.5},
}

// The 2021 targets that follow them.
var annual2021 = []wantTarget{
	{"gdp", "2021-annual", "growth", 2021, 8},
	{"budget_revenue", "2021-annual", "growth", 2021, 5},
	{"unemployment_rate", "2021-annual", "ceiling", 2021, 4.5},
}

const (
	fypList    = "到2025年，地区生产总值达到260亿元，年均增长6.5%左右；一般公共预算收入达到14亿元；城镇居民人均可支配收入年均增长7%；城镇登记失业率控制在4.5%以内。"
	annualList = "地区生产总值增长8%左右；一般公共预算收入增长5%；城镇登记失业率控制在4.5%以内。"
)

func TestFiveYearPlanTargetsKeepTheirPlanAcrossClausesAndSentences(t *testing.T) {
	for _, tc := range []struct{ name, text string }{
		{"heading and 今后五年…主要目标是",
			"云河县2021年政府工作报告\n\n二、“十四五”时期主要目标\n\n今后五年，全县经济社会发展的主要目标是：" + fypList +
				"\n\n三、2021年主要预期目标\n\n2021年全县经济社会发展的主要预期目标是：" + annualList},
		{"heading alone, the year's under 2021年工作安排",
			"云河县2021年政府工作报告\n\n二、“十四五”时期主要目标\n\n" + fypList + "\n\n三、2021年工作安排\n\n" + annualList},
		{"“十四五”时期经济社会发展主要目标 without a heading, then 今年",
			"云河县2021年政府工作报告\n\n“十四五”时期经济社会发展主要目标是：" + strings.TrimPrefix(fypList, "到2025年，") +
				"\n\n今年全县经济社会发展的主要预期目标是：" + annualList},
		{"到2025年 over several sentences",
			"云河县2021年政府工作报告\n\n二、“十四五”时期主要目标\n\n到2025年，地区生产总值达到260亿元，年均增长6.5%左右。一般公共预算收入达到14亿元。城镇居民人均可支配收入年均增长7%。城镇登记失业率控制在4.5%以内。" +
				"\n\n三、2021年工作安排\n\n今年主要预期目标是：" + annualList},
		{"a lead-in on its own line, its list on the next, then 开局之年",
			"云河县2021年政府工作报告\n\n今后五年，全县经济社会发展的主要目标是：\n\n——地区生产总值达到260亿元，年均增长6.5%左右；\n\n——一般公共预算收入达到14亿元；\n\n——城镇居民人均可支配收入年均增长7%；\n\n——城镇登记失业率控制在4.5%以内。" +
				"\n\n2021年是“十四五”开局之年，全县经济社会发展的主要预期目标是：" + annualList},
		{"English: the goals of the next five years, then this year's",
			"Report on the Work of the Government of Yunhe County 2021\n\n" +
				"The main goals for the next five years are: by 2025, GDP will reach 26 billion yuan, with an average annual growth of about 6.5%; general public budget revenue will reach 1.4 billion yuan; " +
				"per capita disposable income of urban residents will grow by an average annual 7%; the registered urban unemployment rate will be kept within 4.5%.\n\n" +
				"The main expected targets for this year are: GDP growth of about 8%; general public budget revenue up 5%; registered urban unemployment within 4.5%."},
		{"开局之年 in the sentence before the year's lead-in",
			"云河县2021年政府工作报告\n\n“十四五”时期经济社会发展主要目标是：" + strings.TrimPrefix(fypList, "到2025年，") +
				"\n\n2021年是“十四五”开局之年，做好今年工作意义重大。全县经济社会发展的主要预期目标是：" + annualList},
		{"a heading that says 今年 after the plan's section",
			"云河县2021年政府工作报告\n\n二、“十四五”时期主要目标\n\n" + fypList + "\n\n三、今年重点工作\n\n" + annualList},
		{"到2025年 in a year's section holds for its paragraph only",
			"云河县2021年政府工作报告\n\n二、“十四五”时期主要目标\n\n" + fypList +
				"\n\n三、2021年工作安排\n\n地区生产总值增长8%左右。\n\n力争到2025年，全县工业总产值达到400亿元。\n\n一般公共预算收入增长5%；城镇登记失业率控制在4.5%以内。",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ex := read(t, tc.text, 0)
			if strings.Contains(tc.name, "到2025年 in a year's section") {
				// The industrial output target of that paragraph is the plan's.
				wantValue(t, "industrial output 2025", target(t, ex, "industrial_output", "14th-fyp", "level").Value, 400)
				ex.Targets = slices.DeleteFunc(ex.Targets, func(c TargetCandidate) bool { return c.Indicator == "industrial_output" })
			}
			if ex.Year != 2021 {
				t.Fatalf("report year %d (%s), want 2021", ex.Year, ex.YearReason)
			}
			checkTargets(t, ex, append(append([]wantTarget{}, fyp14...), annual2021...), true)
		})
	}
}

func TestFifteenthPlanTargetsKeepTheirPlan(t *testing.T) {
	list := "到2030年，地区生产总值达到360亿元，年均增长5.5%左右；一般公共预算收入达到20亿元；城镇居民人均可支配收入年均增长6%；城镇登记失业率控制在5%以内。"
	want := []wantTarget{
		{"gdp", "15th-fyp", "level", 2030, 360},
		{"gdp", "15th-fyp", "avg_growth", 2030, 5.5},
		{"budget_revenue", "15th-fyp", "level", 2030, 20},
		{"urban_disposable_income", "15th-fyp", "avg_growth", 2030, 6},
		{"unemployment_rate", "15th-fyp", "ceiling", 2030, 5},
		{"gdp", "2026-annual", "growth", 2026, 6},
		{"budget_revenue", "2026-annual", "growth", 2026, 4},
		{"unemployment_rate", "2026-annual", "ceiling", 2026, 5.5},
	}
	annual := "地区生产总值增长6%左右；一般公共预算收入增长4%；城镇登记失业率控制在5.5%以内。"
	for _, tc := range []struct{ name, text string }{
		{"heading and 今后五年",
			"云河县2026年政府工作报告\n\n二、“十五五”时期主要目标\n\n今后五年，全县经济社会发展的主要目标是：" + list +
				"\n\n三、2026年主要预期目标\n\n2026年全县经济社会发展的主要预期目标是：" + annual},
		{"“十五五”时期经济社会发展主要目标",
			"云河县2026年政府工作报告\n\n“十五五”时期经济社会发展主要目标是：" + strings.TrimPrefix(list, "到2030年，") +
				"\n\n2026年是“十五五”开局之年，全县经济社会发展的主要预期目标是：" + annual},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkTargets(t, read(t, tc.text, 0), want, true)
		})
	}
}

// Where the text does not make the plan clear, its targets need review:
// they are never committed under a plan that was guessed.
func TestTargetsOfAnUnclearPlanNeedReview(t *testing.T) {
	t.Run("the next five years mid-plan", func(t *testing.T) {
		// A report of 2023: its next five years (2023–2027) are no Five-Year Plan.
		ex := read(t, "云河县2023年政府工作报告\n\n今后五年，全县经济社会发展的主要目标是：到2027年，地区生产总值达到300亿元，年均增长6%；一般公共预算收入达到16亿元。", 0)
		checkTargets(t, ex, []wantTarget{
			{"gdp", "2027-annual", "level", 2027, 300},
			{"gdp", "2027-annual", "avg_growth", 2027, 6},
			{"budget_revenue", "2027-annual", "level", 2027, 16},
		}, false)
	})
	t.Run("a heading naming the plan and the year", func(t *testing.T) {
		ex := read(t, "云河县2021年政府工作报告\n\n二、“十四五”时期目标和2021年工作安排\n\n地区生产总值达到260亿元；一般公共预算收入达到14亿元。", 0)
		for _, c := range ex.Targets {
			if !c.NeedsReview {
				t.Errorf("%s %s %s accepted under a heading naming both the plan and the year: %v", c.Indicator, c.Plan, c.Kind, c.Reasons)
			}
		}
		if len(ex.Targets) != 2 {
			t.Errorf("want the two targets, for review:\n%s", dump(ex))
		}
	})
}

// An average annual growth (年均增长) is a target over a plan's years: never
// accepted under a year's plan.
func TestAnAverageGrowthIsNeverAnAnnualTarget(t *testing.T) {
	for _, text := range []string{
		"今年全市经济社会发展的主要预期目标是：地区生产总值增长6.5%；城镇居民人均可支配收入年均增长7%。",
		"2024年主要预期目标：城镇居民人均可支配收入年均增长7%。",
		"The main targets for this year are: per capita disposable income of urban residents will grow by an average annual 7%.",
	} {
		ex := read(t, text, 2024)
		n := 0
		for _, c := range ex.Targets {
			if c.Kind != "avg_growth" {
				continue
			}
			n++
			if strings.HasSuffix(c.Plan, "-annual") && c.accepted(ex.Threshold) {
				t.Errorf("%q: an avg_growth target accepted under %s: %v", text, c.Plan, c.Reasons)
			}
			if !c.NeedsReview {
				t.Errorf("%q: %s avg_growth under %s not flagged for review", text, c.Indicator, c.Plan)
			}
		}
		if n != 1 {
			t.Errorf("%q: want the one avg_growth target, for review:\n%s", text, dump(ex))
		}
	}
}
