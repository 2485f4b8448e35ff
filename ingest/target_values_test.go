package ingest

import (
	"slices"
	"strings"
	"testing"
)

// A growth or avg_growth target must be above -100%, as a stated growth
// must: -150 and -100 were taken without a word. A share target is for an
// indicator measured in percent: one on GDP (100m_yuan) was taken and
// judged as a level of 45 亿元. Each is refused at its cell, in CSV and
// JSON alike; a fall above -100% and a share of a share are read.
func TestTargetsThatCannotBeAreRefusedAtTheirCell(t *testing.T) {
	b := parseString(t, "targets.csv", "region,indicator,plan,kind,year,base_year,value\n"+
		"houma,gdp,14th-fyp,avg_growth,2025,2020,-150\n"+
		"houma,gdp,2022-annual,growth,2022,,-100\n"+
		"houma,gdp,14th-fyp,share,2025,2020,45\n"+
		"houma,gdp,2023-annual,growth,2023,,-99.5\n"+
		"houma,secondary_industry_share,14th-fyp,share,2025,2020,45\n", Options{})
	want := []string{
		"targets.csv row 2 column G (value): an avg_growth target of -150% is not above -100%: nothing falls by all of itself or more; a fall is a growth above -100 (-5 for 5% less)",
		"targets.csv row 3 column G (value): a growth target of -100% is not above -100%: nothing falls by all of itself or more; a fall is a growth above -100 (-5 for 5% less)",
		"targets.csv row 4 column D (kind): a share target is a percent, but indicator gdp is measured in 100m_yuan (亿元): " +
			"a share target is for an indicator in percent (a share of GDP, a rate); for gdp give a level, ceiling or floor in its unit, or a growth",
	}
	if got := problemTexts(b.Problems); !slices.Equal(got, want) {
		t.Errorf("problems:\n%q\nwant:\n%q", got, want)
	}

	b = parseString(t, "targets.json", `{"targets": [
{"region": "houma", "indicator": "gdp", "plan": "14th-fyp", "kind": "share", "year": 2025, "base_year": 2020, "value": 45},
{"region": "houma", "indicator": "gdp", "plan": "14th-fyp", "kind": "avg_growth", "year": 2025, "base_year": 2020, "value": "-150%"},
{"region": "houma", "indicator": "secondary_industry_share", "plan": "14th-fyp", "kind": "share", "year": 2025, "base_year": 2020, "value": 45}
]}`, Options{})
	want = []string{
		"targets.json line 2 (kind): a share target is a percent, but indicator gdp is measured in 100m_yuan (亿元): " +
			"a share target is for an indicator in percent (a share of GDP, a rate); for gdp give a level, ceiling or floor in its unit, or a growth",
		"targets.json line 3 (value): an avg_growth target of -150% is not above -100%: nothing falls by all of itself or more; a fall is a growth above -100 (-5 for 5% less)",
	}
	if got := problemTexts(b.Problems); !slices.Equal(got, want) {
		t.Errorf("problems:\n%q\nwant:\n%q", got, want)
	}
}

// A growth target past plancast.MaxGrowthTarget (1000% a year) is refused
// at its value, saying that a growth is in percent: c.json's 1e300 and 1e6
// were taken, and an explanation printed 1e300 with 301 digits. A level,
// ceiling or floor of any finite size is the indicator's to judge (a floor
// of 1e-300 is a floor of about 0); one that is not finite is refused.
func TestAGrowthTargetNoPlanCouldSetIsRefusedAtItsValue(t *testing.T) {
	b := parseString(t, "c.json", `{"targets": [
{"region": "houma", "indicator": "gdp", "plan": "14th-fyp", "kind": "growth", "year": 2025, "value": 1e300},
{"region": "houma", "indicator": "gdp", "plan": "2024-annual", "kind": "growth", "year": 2024, "value": 1e6},
{"region": "houma", "indicator": "gdp", "plan": "14th-fyp", "kind": "avg_growth", "base_year": 2020, "year": 2025, "value": "1200%"},
{"region": "houma", "indicator": "gdp", "plan": "2022-annual", "kind": "floor", "year": 2022, "value": 1e-300},
{"region": "houma", "indicator": "gdp", "plan": "2023-annual", "kind": "growth", "year": 2023, "value": 1000},
{"region": "houma", "indicator": "gdp", "plan": "2021-annual", "kind": "level", "year": 2021, "value": 1e400},
{"region": "houma", "indicator": "gdp", "plan": "2020-annual", "kind": "ceiling", "year": 2020, "value": "NaN"}
]}`, Options{})
	got := problemTexts(b.Problems)
	want := []string{
		"c.json line 2 (value): a growth target of 1e+300% a year is past any plan's (at most 1000%, an elevenfold rise in a year): a growth target is in percent, 8.5 for 8.5%; a value to reach is a level target",
		"c.json line 3 (value): a growth target of 1,000,000% a year is past any plan's (at most 1000%, an elevenfold rise in a year): a growth target is in percent, 8.5 for 8.5%; a value to reach is a level target",
		"c.json line 4 (value): an avg_growth target of 1,200% a year is past any plan's (at most 1000%, an elevenfold rise in a year): a growth target is in percent, 8.5 for 8.5%; a value to reach is a level target",
	}
	if len(got) != 5 || !slices.Equal(got[:3], want) {
		t.Fatalf("problems:\n%q\nwant these three, then one each at lines 7 and 8 (not finite):\n%q", got, want)
	}
	for i, line := range []string{"c.json line 7 (value): ", "c.json line 8 (value): "} {
		if !strings.HasPrefix(got[3+i], line) {
			t.Errorf("problem %q; want one at %q, a value that is not a finite number", got[3+i], line)
		}
	}
}
