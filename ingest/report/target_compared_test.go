package report

import "testing"

// A sentence that sets the year's outturn against its target ("增长6.1%，高
// 于6%—6.5%的预期目标", "up 6.1%, exceeding the expected target of 6%-6.5%")
// reports the outturn: the level and its growth are the year's observation,
// not targets of the year.
func TestOutturnSetAgainstItsTargetIsAnObservation(t *testing.T) {
	for _, text := range []string{
		"2023年全市地区生产总值完成245.6亿元，增长6.1%，高于6%—6.5%的预期目标。",
		"In 2023, the city's GDP reached 24.56 billion yuan, up 6.1%, exceeding the expected target of 6%-6.5%.",
	} {
		ex := read(t, text, 2024)
		gdp := obs(t, ex, "gdp", 2023, "year")
		wantValue(t, text, gdp.Value, 245.6)
		wantGrowth(t, gdp, 6.1, "yoy")
		for _, tc := range ex.Targets {
			if tc.Value == 245.6 || tc.Value == 6.1 {
				t.Errorf("%q: the outturn %g read as a %s target", text, tc.Value, tc.Kind)
			}
		}
	}
	// A lead-in still leads in targets.
	ex := read(t, "2024年主要预期目标：地区生产总值增长6%左右。", 2024)
	target(t, ex, "gdp", "2024-annual", "growth")
}
