package report

import (
	"strings"
	"testing"
)

// A target written as a range is read the same way in both languages: its
// lower end, a floor (at least), the range in the note and the reasons.
func TestRangeTargetsReadAsTheirLowerEndInBothLanguages(t *testing.T) {
	zh := read(t, "临汾市2026年政府工作报告\n\n二、2026年主要预期目标\n\n"+
		"2026年主要预期目标是：地区生产总值增长6%—6.5%；一般公共预算收入增长5.5%至6%；社会消费品零售总额增长6%到6.5%。", 0)
	en := read(t, "Report on the Work of the Government of Linfen 2026\n\nII. Main targets for 2026\n\n"+
		"The main expected targets for 2026 are: GDP to grow by 6-6.5%; general public budget revenue growth of 5.5% to 6%; total retail sales of consumer goods to grow by between 6% and 6.5%.", 0)
	for _, c := range []struct {
		ex        *Extraction
		indicator string
		lo        float64
		note      string
	}{
		{zh, "gdp", 6, "at least (range 6–6.5%)"},
		{zh, "budget_revenue", 5.5, "at least (range 5.5–6%)"},
		{zh, "retail_sales", 6, "at least (range 6–6.5%)"},
		{en, "gdp", 6, "at least (range 6–6.5%)"},
		{en, "budget_revenue", 5.5, "at least (range 5.5–6%)"},
		{en, "retail_sales", 6, "at least (range 6–6.5%)"},
	} {
		tc := target(t, c.ex, c.indicator, "2026-annual", "growth")
		wantValue(t, c.indicator+" "+tc.Original, tc.Value, c.lo)
		if tc.Bound != "at_least" || tc.Note != c.note {
			t.Errorf("%s %q: bound %q note %q, want at_least %q", c.indicator, tc.Original, tc.Bound, tc.Note, c.note)
		}
		if r := strings.Join(tc.Reasons, "; "); !strings.Contains(r, "range") {
			t.Errorf("%s %q: reasons %q do not say it is a range", c.indicator, tc.Original, r)
		}
		wantAccepted(t, c.ex, tc.Provenance, c.indicator+" "+tc.Original)
	}
}

// Where the lower end is no floor (a decline, a rate where less is better)
// the range is flagged; a figure of the year written as a range is no one
// figure; a change "by 20% to 74%" and "from 88.9 to 120.8" are no ranges.
func TestRangesThatAreNoFloor(t *testing.T) {
	ex := read(t, "2026年主要预期目标：城镇调查失业率控制在5%—5.5%；单位地区生产总值能耗下降3%至3.5%。", 2026)
	for _, tc := range ex.Targets {
		if tc.accepted(ex.Threshold) {
			t.Errorf("%s %s %g from %q accepted: which end binds is not clear", tc.Indicator, tc.Kind, tc.Value, tc.Original)
		}
	}
	if len(ex.Targets) == 0 {
		t.Errorf("no targets read:\n%s", dump(ex))
	}

	ex = read(t, "2025年，全市地区生产总值2400—2410亿元，增长5%—5.5%。", 2026)
	gdp := obs(t, ex, "gdp", 2025, "year")
	if gdp.accepted(ex.Threshold) || gdp.Growth != nil {
		t.Errorf("gdp %g growth %v from a range accepted %v, want for review without a growth", gdp.Value, deref(gdp.Growth), gdp.accepted(ex.Threshold))
	}

	for _, text := range []string{"increased by 20% to 74%", "from 88.9 to 120.8 billion yuan", "由88.9亿元到120.8亿元", "1—11月，增长8.1%"} {
		for _, q := range findQuantities(text, 0, len(text)) {
			if q.rng != nil {
				t.Errorf("%q: read a range %s", text, q.rng)
			}
		}
	}
}
