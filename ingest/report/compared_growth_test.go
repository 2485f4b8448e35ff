package report

import (
	"strings"
	"testing"
)

// A year named only as the base of a comparison ("比2020年增长36%",
// "是2020年的1.26倍") is not the figure's year, and a growth over it is not
// year on year: the five-year review's figures are the last year's, 2025.
func TestComparisonBaseYearIsNotTheFiguresYear(t *testing.T) {
	ex := read(t, "临汾市2026年政府工作报告\n\n一、“十四五”时期工作回顾\n\n"+
		"五年来，全市地区生产总值达到2401.2亿元，比2020年增长36%；一般公共预算收入达到152.3亿元，是2020年的1.26倍；社会消费品零售总额951.3亿元，五年累计增长21.9%。", 0)
	for _, c := range stated(ex) {
		if c.Year != 2025 {
			t.Errorf("%s %g filed under %d (%v), want 2025", c.Indicator, c.Value, c.Year, c.Reasons)
		}
	}
	gdp := obs(t, ex, "gdp", 2025, "year")
	wantValue(t, "gdp", gdp.Value, 2401.2)
	wantAccepted(t, ex, gdp.Provenance, "gdp 2025")
	if gdp.Growth != nil {
		t.Errorf("gdp 2025 growth %g (%s, base %d): 36%% over 2020 is five years' growth, not a growth of 2025", *gdp.Growth, gdp.GrowthKind, gdp.GrowthBaseYear)
	}
	if r := strings.Join(gdp.Reasons, "; "); !strings.Contains(r, "over 2020") || !strings.Contains(r, "not kept") {
		t.Errorf("gdp reasons %q do not say why the 36%% was not kept", r)
	}
	rev := obs(t, ex, "budget_revenue", 2025, "year")
	wantValue(t, "budget revenue", rev.Value, 152.3)
	retail := obs(t, ex, "retail_sales", 2025, "year")
	wantValue(t, "retail sales", retail.Value, 951.3)
	if retail.Growth != nil {
		t.Errorf("retail sales 2025 growth %g (%s): 五年累计 is a five-year total", *retail.Growth, retail.GrowthKind)
	}
	// No previous year is derived from a growth that is not the year's.
	for _, c := range ex.Observations {
		if c.Derived {
			t.Errorf("derived %s %d = %g from a growth over several years", c.Indicator, c.Year, c.Value)
		}
	}
}

// A growth over the year before is year on year, an average over a named
// year runs from that year, in Chinese and in English.
func TestGrowthOverANamedYear(t *testing.T) {
	ex := read(t, "2025年，全市地区生产总值达到2401.2亿元，比2024年增长5.3%；一般公共预算收入152.3亿元，比2020年年均增长4.7%。", 2026)
	wantGrowth(t, obs(t, ex, "gdp", 2025, "year"), 5.3, "yoy")
	rev := obs(t, ex, "budget_revenue", 2025, "year")
	wantGrowth(t, rev, 4.7, "avg_annual")
	if rev.GrowthBaseYear != 2020 {
		t.Errorf("budget revenue growth base %d, want 2020", rev.GrowthBaseYear)
	}

	ex = read(t, "In 2025, the city's GDP reached 240.12 billion yuan, up 36% over 2020.", 2026)
	gdp := obs(t, ex, "gdp", 2025, "year")
	if gdp.Growth != nil {
		t.Errorf("\"up 36%% over 2020\" read as a growth of 2025: %g (%s)", *gdp.Growth, gdp.GrowthKind)
	}
}
