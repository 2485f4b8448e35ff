package report

import (
	"strings"
	"testing"
)

// A growth target stated over an earlier year ("比2020年增长25%以上", "到2025年
// 比2020年增长40%", "up 40% over 2020") is a growth over that year in all: a
// growth target with that base year, never a year-on-year growth of the
// target's year, and never called a possible average a year.
func TestGrowthTargetOverANamedYearKeepsItsBaseYear(t *testing.T) {
	for _, c := range []struct {
		text, plan string
		value      float64
	}{
		{"2024年主要预期目标：地区生产总值比2020年增长25%以上。", "2024-annual", 25},
		{"“十四五”时期主要目标：到2025年，地区生产总值比2020年增长40%。", "14th-fyp", 40},
		{"Main targets for 2024: GDP to grow by 25% over 2020.", "2024-annual", 25},
	} {
		ex := read(t, c.text, 2024)
		tc := target(t, ex, "gdp", c.plan, "growth")
		wantValue(t, c.text, tc.Value, c.value)
		if tc.BaseYear != 2020 {
			t.Errorf("%q: base year %d, want 2020 (the growth is over 2020 in all)", c.text, tc.BaseYear)
		}
		r := strings.Join(tc.Reasons, "; ")
		if !strings.Contains(r, "over 2020 in all") || strings.Contains(r, "年均") {
			t.Errorf("%q: reasons %q, want them to say the growth is over 2020 in all", c.text, r)
		}
	}
	// Over the year before it is year on year, as ever.
	ex := read(t, "2024年主要预期目标：地区生产总值比2023年增长6%。", 2024)
	if tc := target(t, ex, "gdp", "2024-annual", "growth"); tc.BaseYear != 0 || !tc.accepted(ex.Threshold) {
		t.Errorf("比2023年增长6%%: base year %d accepted %v, want year on year (0), accepted", tc.BaseYear, tc.accepted(ex.Threshold))
	}
}
