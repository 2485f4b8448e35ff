package ingest

import (
	"testing"
)

// Digits grouped with a no-break, narrow no-break or thin space read as
// those grouped with a plain space: "1 234.5" looks the same whichever space
// it has (Excel in French or Russian settings, and a table copied from a web
// page, put a no-break space there), and was "not a number" with any but
// the plain one. The grouping is held to threes all the same.
func TestParseNumberGroupsWithEverySpaceAlike(t *testing.T) {
	for _, space := range []string{" ", "\u00a0", "\u202f", "\u2009"} {
		for cell, want := range map[string]float64{
			"1" + space + "234.5":                 1234.5,
			"-12" + space + "345" + space + "678": -12345678,
			space + "131.2" + space:               131.2,
		} {
			if got, err := parseNumber(cell); err != nil || got != want {
				t.Errorf("parseNumber(%q) = %v, %v; want %v", cell, got, err, want)
			}
		}
		if _, err := parseNumber("12" + space + "34"); err != errGrouping {
			t.Errorf("parseNumber(%q) error = %v; want %v", "12"+space+"34", err, errGrouping)
		}
		if _, err := parseNumber("1.234" + space + "5"); err != errAfterPoint {
			t.Errorf("parseNumber(%q) error = %v; want %v", "1.234"+space+"5", err, errAfterPoint)
		}
	}
}

// The same in a pushed file: the user's numshapes.csv, whose no-break and
// thin spaces were refused as "not a number".
func TestCSVReadsDigitsGroupedWithANoBreakSpace(t *testing.T) {
	b := parseString(t, "numshapes.csv", "region,indicator,year,value,unit\n"+
		"houma,urban_disposable_income,1990,\"1\u00a0234.5\",元\n"+
		"houma,urban_disposable_income,1991,\"1\u2009234.5\",元\n"+
		"houma,urban_disposable_income,1992,\"1\u202f234.5\",元\n", Options{})
	noProblems(t, b)
	checkFigures(t, b, []figure{
		{region: "houma", indicator: "urban_disposable_income", year: 1990, value: 1234.5},
		{region: "houma", indicator: "urban_disposable_income", year: 1991, value: 1234.5},
		{region: "houma", indicator: "urban_disposable_income", year: 1992, value: 1234.5},
	})
}
