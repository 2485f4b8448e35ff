package report

import (
	"strings"
	"testing"
)

// English translations beyond the five reference reports.

func TestEnLevelUpYearOnYear(t *testing.T) {
	ex := read(t, "Statistical Communique of Testcity on the 2023 National Economic and Social Development\n\n"+
		"In 2023, the city's GDP reached 35.6 billion yuan, up 6.1% year on year. "+
		"Total retail sales of consumer goods fell 2.3% to 8.4 billion yuan. "+
		"The registered urban unemployment rate was 3.8%, down 0.2 percentage points.", 0)
	if ex.Year != 2023 {
		t.Fatalf("year %d (%s)", ex.Year, ex.YearReason)
	}
	g := obs(t, ex, "gdp", 2023, "year")
	wantValue(t, "gdp", g.Value, 356)
	wantGrowth(t, g, 6.1, "yoy")
	r := obs(t, ex, "retail_sales", 2023, "year")
	wantValue(t, "retail", r.Value, 84)
	wantGrowth(t, r, -2.3, "yoy")
	u := obs(t, ex, "unemployment_rate", 2023, "year")
	wantValue(t, "unemployment", u.Value, 3.8)
	if len(stated(ex)) != 3 {
		t.Errorf("want three figures:\n%s", dump(ex))
	}
}

func TestEnFiveYearReviewFromEndOfPlan(t *testing.T) {
	ex := read(t, "Report on the Work of the Government\n\nI. Review of the 13th Five-Year Plan period\n\n"+
		"Over the past five years, general public budget revenue rose from 2.1 billion yuan at the end of the 12th Five-Year Plan to 2.9 billion yuan, "+
		"an average annual increase of 6.7%; the per capita disposable income of urban residents increased from 21,000 yuan to 29,500 yuan, with an average annual growth of 7%.", 2021)
	rev := obs(t, ex, "budget_revenue", 2020, "year")
	wantValue(t, "revenue 2020", rev.Value, 29)
	wantGrowth(t, rev, 6.7, "avg_annual")
	base := obs(t, ex, "budget_revenue", 2015, "year")
	wantValue(t, "revenue 2015", base.Value, 21)
	if !base.Derived {
		t.Error("base year not marked derived")
	}
	wantValue(t, "urban income 2015", obs(t, ex, "urban_disposable_income", 2015, "year").Value, 21000)
	wantValue(t, "urban income 2020", obs(t, ex, "urban_disposable_income", 2020, "year").Value, 29500)
}

func TestEnTargets(t *testing.T) {
	ex := read(t, "The main targets for this year are: GDP growth of about 6%; general public budget revenue up more than 5%; "+
		"more than 6,000 new urban jobs; the surveyed urban unemployment rate kept within 5.5%; "+
		"a 9% increase in fixed-asset investment.", 2024)
	wantValue(t, "gdp", target(t, ex, "gdp", "2024-annual", "growth").Value, 6)
	rev := target(t, ex, "budget_revenue", "2024-annual", "growth")
	if rev.Bound != "at_least" {
		t.Errorf("revenue bound %q, want at_least", rev.Bound)
	}
	wantValue(t, "jobs", target(t, ex, "new_urban_jobs", "2024-annual", "level").Value, 6000)
	wantValue(t, "unemployment", target(t, ex, "surveyed_unemployment_rate", "2024-annual", "ceiling").Value, 5.5)
	wantValue(t, "investment", target(t, ex, "fixed_asset_investment", "2024-annual", "growth").Value, 9)
}

func TestEnByYearWillReach(t *testing.T) {
	ex := read(t, "By 2025, the city's GDP will reach 50 billion yuan, with an average annual growth of 7.5%.", 2021)
	level := target(t, ex, "gdp", "14th-fyp", "level")
	wantValue(t, "gdp level", level.Value, 500)
	if level.Year != 2025 {
		t.Errorf("year %d, want 2025", level.Year)
	}
	avg := target(t, ex, "gdp", "14th-fyp", "avg_growth")
	wantValue(t, "gdp avg growth", avg.Value, 7.5)
	if len(ex.Observations) != 0 {
		t.Errorf("a target read as a figure:\n%s", dump(ex))
	}
}

func TestEnJanuaryToNovemberAndFirstHalf(t *testing.T) {
	ex := read(t, "From January to November, fixed assets investment is expected to be 3.1 billion yuan, an increase of 12%.\n"+
		"In the first half of the year, the county's fiscal revenue was 450 million yuan, a year-on-year decrease of 4.5%.", 2022)
	fai := obs(t, ex, "fixed_asset_investment", 2022, "jan-nov")
	wantValue(t, "investment", fai.Value, 31)
	if fai.Status != "estimate" {
		t.Errorf("status %q, want estimate", fai.Status)
	}
	fr := obs(t, ex, "fiscal_revenue", 2022, "h1")
	wantValue(t, "fiscal revenue", fr.Value, 4.5)
	wantGrowth(t, fr, -4.5, "yoy")
}

// The translation renders 亿元 as "00 million yuan"; the growth rate stated
// beside a from/to pair decides which reading is right.
func TestGarbleResolvedByStatedGrowth(t *testing.T) {
	ex := read(t, "Review of the 13th Five-Year Plan\n\nIndustrial added value above scale from 13.100 million yuan to 1.7 billion yuan, an average annual increase of 3.5%.", 2021)
	base := obs(t, ex, "industrial_value_added", 2015, "year")
	wantValue(t, "2015", base.Value, 13.1)
	if !base.Repaired || base.Original != "13.100 million yuan" {
		t.Errorf("repaired %v original %q, want a repair that keeps the text", base.Repaired, base.Original)
	}
	wantAccepted(t, ex, base.Provenance, "repaired 2015 figure")
}

func TestGarbleSplitYiReadsAsOneFigure(t *testing.T) {
	ex := read(t, "Review of the 13th Five-Year Plan\n\nRevenue in the general public budget was raised from 400 million yuan to 500 million yuan.29100 million yuan, an annual increase of 5.2%.", 2021)
	c := obs(t, ex, "budget_revenue", 2020, "year")
	wantValue(t, "revenue", c.Value, 5.29)
	if !c.Repaired || !strings.Contains(c.Original, "29100") {
		t.Errorf("repaired %v original %q", c.Repaired, c.Original)
	}
	wantGrowth(t, c, 5.2, "avg_annual")
}

func TestGarbleWithoutEvidenceIsNotAccepted(t *testing.T) {
	// Alone, "12.300 million yuan" may be 12.3 million or 12.3亿: both are
	// plausible fiscal revenues, so a person must decide.
	ex := read(t, "In 2022, fiscal revenue was 12.300 million yuan.", 2023)
	c := obs(t, ex, "fiscal_revenue", 2022, "year")
	if !c.NeedsReview || c.accepted(ex.Threshold) {
		t.Errorf("unresolvable garble accepted: %+v", c.Provenance)
	}
	obsAcc, _ := ex.Accepted()
	if len(obsAcc) != 0 {
		t.Errorf("Accepted returned %v", obsAcc)
	}
	// For GDP the literal reading (0.456亿元) is not a plausible size: the
	// repair stands on magnitude alone, so it is shown but not accepted.
	ex = read(t, "In 2022, the GDP reached 45.600 million yuan.", 2023)
	g := obs(t, ex, "gdp", 2022, "year")
	wantValue(t, "gdp", g.Value, 45.6)
	if !g.Repaired || g.accepted(ex.Threshold) {
		t.Errorf("repaired %v accepted %v: a repair on magnitude alone must be reviewed", g.Repaired, g.accepted(ex.Threshold))
	}
}

func TestFiguresForIndicatorsOutsideTheCatalogNeedReview(t *testing.T) {
	ex, err := Extract([]byte("The main expected goals in 2022: strive to exploit more than 10000 tons of oil; GDP growth of 7%."),
		Options{Region: "zizhou", Indicators: builtinCatalogWithout("crude_oil_output")})
	if err != nil {
		t.Fatal(err)
	}
	oil := target(t, ex, "crude_oil_output", "2022-annual", "level")
	if !oil.NeedsReview {
		t.Error("a target outside the catalog must need review")
	}
	_, ts := ex.Accepted()
	if len(ts) != 1 || ts[0].Indicator != "gdp" {
		t.Errorf("accepted %+v, want the GDP target only", ts)
	}
}
