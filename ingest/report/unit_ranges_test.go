package report

import (
	"strings"
	"testing"
)

// A level range with the unit written on both ends ("250亿元—260亿元",
// "4.5万—4.6万元", "250亿至260亿元", "25 billion to 26 billion yuan") is read as
// "250至260亿元" is: its lower end, a floor (at least), the range in the note;
// never its upper end as an exact level.
func TestLevelRangeWithTheUnitOnBothEnds(t *testing.T) {
	for _, c := range []struct {
		text, indicator string
		lo              float64
	}{
		{"2024年主要预期目标：地区生产总值达到250亿元—260亿元。", "gdp", 250},
		{"2024年主要预期目标：地区生产总值达到250亿至260亿元。", "gdp", 250},
		{"2024年主要预期目标：城镇居民人均可支配收入达到4.5万—4.6万元。", "urban_disposable_income", 45000},
		{"Main targets for 2024: GDP of 25 billion to 26 billion yuan.", "gdp", 250},
	} {
		ex := read(t, c.text, 2024)
		tc := target(t, ex, c.indicator, "2024-annual", "level")
		wantValue(t, c.text, tc.Value, c.lo)
		if tc.Bound != "at_least" || !strings.Contains(tc.Note, "range") {
			t.Errorf("%q: bound %q note %q, want at_least with the range noted", c.text, tc.Bound, tc.Note)
		}
	}
	// A change from one level to another is no range.
	for _, text := range []string{"由2015年的88.9亿元到120.8亿元", "from 8.89 billion yuan to 12.08 billion yuan"} {
		for _, q := range findQuantities(text, 0, len(text)) {
			if q.rng != nil {
				t.Errorf("%q: read a range %s", text, q.rng)
			}
		}
	}
}
