package report

import (
	"strings"
	"testing"
)

// "突破2400亿元，达到2401.2亿元": the figure stated is the candidate, not the
// threshold passed, and the reasons say the threshold was set aside.
func TestStatedFigureRatherThanThresholdPassed(t *testing.T) {
	ex := read(t, "临汾市2026年政府工作报告\n\n一、2025年工作回顾\n\n"+
		"2025年，全市地区生产总值突破2400亿元，达到2401.2亿元；一般公共预算收入完成1523000万元。", 0)
	gdp := obs(t, ex, "gdp", 2025, "year")
	wantValue(t, "gdp", gdp.Value, 2401.2)
	wantAccepted(t, ex, gdp.Provenance, "gdp 2025")
	if gdp.Bound != "" {
		t.Errorf("gdp bound %q: 2401.2 is the measured figure", gdp.Bound)
	}
	if r := strings.Join(gdp.Reasons, "; "); !strings.Contains(r, `"2400亿元" is a bound`) {
		t.Errorf("gdp reasons %q do not say 2400 was a bound set aside", r)
	}

	ex = read(t, "In 2025, the city's GDP crossed the 240 billion yuan mark, reaching 240.12 billion yuan.", 2026)
	wantValue(t, "gdp (English)", obs(t, ex, "gdp", 2025, "year").Value, 2401.2)
}

// "迈上2400亿元新台阶" says GDP passed 2400, as 突破 does: a bound, for
// review, never the year's measured figure.
func TestMilestonePassedIsABound(t *testing.T) {
	for _, text := range []string{
		"2025年，全市地区生产总值迈上2400亿元新台阶，人均地区生产总值达到6.1万元，增长5.8%。",
		"2025年，全市地区生产总值跨越2400亿元大关。",
		"In 2025, the city's GDP crossed the 240 billion yuan mark.",
		"In 2025, the city's GDP surpassed 240 billion yuan.",
	} {
		ex := read(t, text, 2026)
		gdp := obs(t, ex, "gdp", 2025, "year")
		if gdp.Bound != "at_least" || gdp.accepted(ex.Threshold) {
			t.Errorf("%s\n  gdp %g bound %q accepted %v, want an at_least bound for review", text, gdp.Value, gdp.Bound, gdp.accepted(ex.Threshold))
		}
	}
}

// The words of an indicator's name bound none of its figures: "Industrial
// added value above scale" puts no floor on the figure after it.
func TestNameWordsAreNoBound(t *testing.T) {
	ex := read(t, "In 2025, industrial added value above scale was 61.05 billion yuan.", 2026)
	c := obs(t, ex, "industrial_value_added", 2025, "year")
	wantValue(t, "industrial value added", c.Value, 610.5)
	if c.Bound != "" {
		t.Errorf("bound %q read from the indicator's name", c.Bound)
	}
	wantAccepted(t, ex, c.Provenance, "industrial value added 2025")
}
