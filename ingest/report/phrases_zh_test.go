package report

import "testing"

// Sentences written in the style of 统计公报 and 政府工作报告.

func TestZhCommuniqueLevelWithGrowth(t *testing.T) {
	ex := read(t, "测试市2023年国民经济和社会发展统计公报\n\n2023年，全市实现地区生产总值120.8亿元，按可比价格计算，比上年增长5.3%。", 0)
	if ex.Year != 2023 || ex.Kind != kindCommunique {
		t.Fatalf("year %d kind %s, want 2023 communique (%s)", ex.Year, ex.Kind, ex.YearReason)
	}
	c := obs(t, ex, "gdp", 2023, "year")
	wantValue(t, "gdp", c.Value, 120.8)
	wantGrowth(t, c, 5.3, "yoy")
	if c.Unit != "100m_yuan" {
		t.Errorf("unit %q", c.Unit)
	}
	wantAccepted(t, ex, c.Provenance, "gdp 2023")
	// The previous year's level follows from the level and its growth.
	prev := obs(t, ex, "gdp", 2022, "year")
	if !prev.Derived || prev.accepted(ex.Threshold) {
		t.Errorf("2022 gdp: derived %v accepted %v, want a derived candidate below the threshold", prev.Derived, prev.accepted(ex.Threshold))
	}
	wantValue(t, "derived 2022 gdp", prev.Value, 114.7)
}

func TestZhNegativeGrowth(t *testing.T) {
	ex := read(t, "全年一般公共预算收入5.29亿元，同比下降3.2%。售电量5.09亿千瓦时，比上年下降36.1%。", 2023)
	c := obs(t, ex, "budget_revenue", 2023, "year")
	wantValue(t, "budget_revenue", c.Value, 5.29)
	wantGrowth(t, c, -3.2, "yoy")
	e := obs(t, ex, "electricity_sales", 2023, "year")
	wantValue(t, "electricity_sales", e.Value, 5.09)
	wantGrowth(t, e, -36.1, "yoy")
}

func TestZhPartialPeriods(t *testing.T) {
	ex := read(t, "1—11月，全县规模以上工业增加值同比增长8.1%，固定资产投资完成45.6亿元，同比增长12.3%。\n"+
		"上半年，全县社会消费品零售总额预计12.5亿元，同比增长6.0%。\n"+
		"1-9月，财政收入3.2亿元。", 2023)
	fai := obs(t, ex, "fixed_asset_investment", 2023, "jan-nov")
	wantValue(t, "fixed-asset investment", fai.Value, 45.6)
	if fai.Status != "preliminary" {
		t.Errorf("jan-nov status %q, want preliminary", fai.Status)
	}
	retail := obs(t, ex, "retail_sales", 2023, "h1")
	wantValue(t, "retail sales", retail.Value, 12.5)
	if retail.Status != "estimate" {
		t.Errorf("预计 status %q, want estimate", retail.Status)
	}
	obs(t, ex, "fiscal_revenue", 2023, "jan-sep")
	// A growth rate alone is not a level: no industrial value added.
	for _, c := range ex.Observations {
		if c.Indicator == "industrial_value_added" {
			t.Errorf("growth alone read as a level: %+v", c)
		}
	}
}

func TestZhIncomesInYuanAndWanYuan(t *testing.T) {
	ex := read(t, "城镇居民人均可支配收入3.3万元，增长6.2%；农村居民人均可支配收入17431元，增长6.9%。", 2023)
	wantValue(t, "urban income", obs(t, ex, "urban_disposable_income", 2023, "year").Value, 33000)
	wantValue(t, "rural income", obs(t, ex, "rural_disposable_income", 2023, "year").Value, 17431)
}

func TestZhPercentagePointsAreNotLevels(t *testing.T) {
	ex := read(t, "规模以上工业增加值增速比上年提高1.5个百分点。城镇登记失业率3.2%，比上年下降0.3个百分点。", 2023)
	st := stated(ex)
	if len(st) != 1 {
		t.Fatalf("want only the unemployment rate, got:\n%s", dump(ex))
	}
	u := obs(t, ex, "unemployment_rate", 2023, "year")
	wantValue(t, "unemployment rate", u.Value, 3.2)
	if u.Growth != nil {
		t.Errorf("a change in percentage points read as growth: %v", *u.Growth)
	}
	if len(ex.Targets) != 0 {
		t.Errorf("targets from a communiqué:\n%s", dump(ex))
	}
}

func TestZhAnnualTargets(t *testing.T) {
	ex := read(t, "今年全市经济社会发展的主要预期目标是：地区生产总值增长6.5%左右；一般公共预算收入增长5%以上；"+
		"固定资产投资增长10%；社会消费品零售总额增长8%；城乡居民人均可支配收入分别增长7%和8%；"+
		"城镇新增就业5000人以上；城镇登记失业率控制在4.5%以内。", 2024)
	const plan = "2024-annual"
	for _, w := range []struct {
		ind, kind string
		value     float64
		bound     string
	}{
		{"gdp", "growth", 6.5, "about"},
		{"budget_revenue", "growth", 5, "at_least"},
		{"fixed_asset_investment", "growth", 10, ""},
		{"retail_sales", "growth", 8, ""},
		{"urban_disposable_income", "growth", 7, ""},
		{"rural_disposable_income", "growth", 8, ""},
		{"new_urban_jobs", "level", 5000, "at_least"},
		{"unemployment_rate", "ceiling", 4.5, "at_most"},
	} {
		tc := target(t, ex, w.ind, plan, w.kind)
		wantValue(t, w.ind, tc.Value, w.value)
		if tc.Year != 2024 || tc.Bound != w.bound {
			t.Errorf("%s: year %d bound %q, want 2024 %q", w.ind, tc.Year, tc.Bound, w.bound)
		}
		wantAccepted(t, ex, tc.Provenance, w.ind)
		if err := tc.Target.Validate(); err != nil {
			t.Error(err)
		}
	}
	if len(ex.Observations) != 0 {
		t.Errorf("targets read as observations:\n%s", dump(ex))
	}
}

func TestZhFiveYearPlanTargets(t *testing.T) {
	ex := read(t, "二、“十四五”时期的主要目标\n\n到2025年，地区生产总值达到250亿元，年均增长7%；规模以上工业增加值年均增长8%；战略性新兴产业占工业总产值比重达到50%。", 2021)
	level := target(t, ex, "gdp", "14th-fyp", "level")
	wantValue(t, "gdp level", level.Value, 250)
	if level.Year != 2025 || level.BaseYear != 2020 {
		t.Errorf("gdp level year %d base %d, want 2025 base 2020", level.Year, level.BaseYear)
	}
	avg := target(t, ex, "gdp", "14th-fyp", "avg_growth")
	wantValue(t, "gdp avg growth", avg.Value, 7)
	if avg.BaseYear != 2020 || avg.Year != 2025 {
		t.Errorf("avg growth base %d year %d, want 2020–2025", avg.BaseYear, avg.Year)
	}
	wantValue(t, "industrial avg growth", target(t, ex, "industrial_value_added", "14th-fyp", "avg_growth").Value, 8)
	wantValue(t, "emerging share", target(t, ex, "emerging_industry_share", "14th-fyp", "share").Value, 50)
	for _, c := range ex.Targets {
		if c.Indicator == "industrial_output" {
			t.Errorf("the denominator of a share read as a target: %+v", c.Target)
		}
	}
}

func TestZhThirteenthPlanReviewFromTo(t *testing.T) {
	ex := read(t, "侯马市政府工作报告\n\n一、“十三五”时期工作回顾\n\n五年来，全市地区生产总值由2015年的88.9亿元增加到120.8亿元，年均增长5.3%；一般公共预算收入从4亿元增长到5.29亿元，年均增长5.2%。", 2021)
	end := obs(t, ex, "gdp", 2020, "year")
	wantValue(t, "gdp 2020", end.Value, 120.8)
	wantGrowth(t, end, 5.3, "avg_annual")
	base := obs(t, ex, "gdp", 2015, "year")
	wantValue(t, "gdp 2015", base.Value, 88.9)
	if !base.Derived {
		t.Error("the base year of from X to Y must be marked derived")
	}
	wantAccepted(t, ex, base.Provenance, "gdp 2015")
	wantValue(t, "revenue 2015", obs(t, ex, "budget_revenue", 2015, "year").Value, 4)
	wantValue(t, "revenue 2020", obs(t, ex, "budget_revenue", 2020, "year").Value, 5.29)
}

func TestZhBlockersKeepFiguresWithTheirOwnNames(t *testing.T) {
	ex := read(t, "全年地区生产总值120.8亿元，其中第三产业增加值60.2亿元，增长7.1%；人均地区生产总值5.2万元。", 2023)
	c := obs(t, ex, "gdp", 2023, "year")
	wantValue(t, "gdp", c.Value, 120.8)
	if c.Growth != nil {
		t.Errorf("the tertiary industry's growth given to GDP: %v", *c.Growth)
	}
	if len(stated(ex)) != 1 {
		t.Errorf("want GDP only:\n%s", dump(ex))
	}
}

func TestZhWorkReportReviewAndPlanSections(t *testing.T) {
	ex := read(t, "2024年测试市人民政府工作报告\n\n一、2023年工作回顾\n\n过去一年，全市地区生产总值完成356亿元，增长6.1%；社会消费品零售总额84亿元，下降2.3%。\n\n"+
		"二、2024年工作安排\n\n全市固定资产投资增长8%左右，城镇登记失业率控制在4.5%以内。", 0)
	if ex.Year != 2024 || ex.Kind != kindWorkReport {
		t.Fatalf("year %d kind %s (%s)", ex.Year, ex.Kind, ex.YearReason)
	}
	g := obs(t, ex, "gdp", 2023, "year")
	wantValue(t, "gdp 2023", g.Value, 356)
	wantGrowth(t, obs(t, ex, "retail_sales", 2023, "year"), -2.3, "yoy")
	wantValue(t, "investment target", target(t, ex, "fixed_asset_investment", "2024-annual", "growth").Value, 8)
	wantValue(t, "unemployment ceiling", target(t, ex, "unemployment_rate", "2024-annual", "ceiling").Value, 4.5)
}
