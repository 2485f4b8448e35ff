package report

import (
	"strings"
	"testing"
)

// A threshold passed ("突破2400亿元", "surpassed 12 billion yuan") is a check on
// the figure stated beside it: a figure above it is taken, a figure below it
// contradicts the text and goes to review, saying so.
func TestFigureBesideAThresholdIsCheckedAgainstIt(t *testing.T) {
	for _, c := range []struct {
		text   string
		value  float64
		review bool
	}{
		{"2023年，地区生产总值突破2400亿元，达到2401.2亿元。", 2401.2, false},
		{"In 2023, GDP surpassed 12 billion yuan, reaching 12.08 billion yuan.", 120.8, false},
		{"2023年，地区生产总值突破2400亿元，达到2351.2亿元。", 2351.2, true},
		{"In 2023, GDP surpassed 12 billion yuan, reaching 1.208 billion yuan.", 12.08, true},
	} {
		ex := read(t, c.text, 2024)
		gdp := obs(t, ex, "gdp", 2023, "year")
		wantValue(t, c.text, gdp.Value, c.value)
		if got := !gdp.accepted(ex.Threshold); got != c.review {
			t.Errorf("%q: for review %v (confidence %.2f, reasons %q), want %v", c.text, got, gdp.Confidence, gdp.Reasons, c.review)
		}
		if r := strings.Join(gdp.Reasons, "; "); c.review && !strings.Contains(r, "contradicts") {
			t.Errorf("%q: reasons %q do not say the figure contradicts the bound", c.text, r)
		}
	}
}

// "exceeded", the usual translation of 突破/超过, marks a threshold passed as
// "surpassed" does: alone it is a bound for review, beside a stated figure
// the figure is taken. "has not exceeded" is a ceiling.
func TestExceededIsAThresholdPassed(t *testing.T) {
	ex := read(t, "In 2023, GDP exceeded 12 billion yuan for the first time.", 2024)
	gdp := obs(t, ex, "gdp", 2023, "year")
	if gdp.Bound != "at_least" || gdp.accepted(ex.Threshold) {
		t.Errorf("exceeded alone: bound %q accepted %v, want at_least for review", gdp.Bound, gdp.accepted(ex.Threshold))
	}
	ex = read(t, "In 2023, GDP exceeded 12 billion yuan, reaching 12.08 billion yuan.", 2024)
	gdp = obs(t, ex, "gdp", 2023, "year")
	wantValue(t, "exceeded, reaching", gdp.Value, 120.8)
	wantAccepted(t, ex, gdp.Provenance, "exceeded, reaching")

	if b, _ := boundBefore("the registered urban unemployment rate has not exceeded "); b != "at_most" {
		t.Errorf("has not exceeded: bound %q, want at_most", b)
	}
}
