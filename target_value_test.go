package plancast

import (
	"strings"
	"testing"
)

// The rules of a target's value and indicator live on plancast.Target, so
// that the ingest readers, which say them at their cells, and every write
// that validates a target hold the same ones.
func TestTargetValueAndIndicatorRules(t *testing.T) {
	gdp := Indicator{Code: "gdp", Name: "GDP", Unit: Unit100mYuan, Kind: KindLevel, Better: BetterHigher}
	share := Indicator{Code: "secondary_industry_share", Name: "Share", Unit: UnitPercent, Kind: KindRate, Better: BetterHigher}
	target := func(kind string, value float64) Target {
		return Target{Region: "houma", Indicator: "gdp", Plan: "14th-fyp", Kind: kind, BaseYear: 2020, Year: 2025, Value: value}
	}
	for _, c := range []struct {
		t    Target
		ind  Indicator
		want string // "" for a target that can be
	}{
		{target(TargetAvgGrowth, -150), gdp, "an avg_growth target of -150% is not above -100%"},
		{target(TargetGrowth, -100), gdp, "a growth target of -100% is not above -100%"},
		{target(TargetGrowth, -99.9), gdp, ""},
		// Past MaxGrowthTarget: no plan's, and printed with 301 digits.
		{target(TargetGrowth, 1e300), gdp, "a growth target of 1e+300% a year is past any plan's (at most 1000%, an elevenfold rise in a year): a growth target is in percent, 8.5 for 8.5%"},
		{target(TargetAvgGrowth, 1e6), gdp, "an avg_growth target of 1,000,000% a year is past any plan's"},
		{target(TargetGrowth, 1000.5), share, "a growth target of 1,000.5% a year is past any plan's"},
		{target(TargetGrowth, 1000), gdp, ""},
		{target(TargetAvgGrowth, 200), gdp, ""},
		{target(TargetLevel, 1e300), gdp, ""},  // a level's size is its indicator's: any finite one can be
		{target(TargetFloor, 1e-300), gdp, ""}, // a floor near 0 is a floor
		{target(TargetLevel, -150), gdp, ""},   // a level's sign is the indicator's to judge (ingest: negativeLevel)
		{target(TargetShare, 45), gdp, "a share target is a percent, but indicator gdp is measured in 100m_yuan (亿元)"},
		{target(TargetShare, 45), share, ""},
		{Target{Region: "houma", Indicator: "gdp", Plan: "14th-fyp", Kind: TargetShare, Year: 2025, Withdrawn: true}, gdp, ""},
	} {
		err := c.t.ValueError()
		if err == nil {
			err = c.t.IndicatorError(c.ind)
		}
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s %g of %s: %v; want none", c.t.Kind, c.t.Value, c.ind.Code, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s %g of %s: %v; want one saying %q", c.t.Kind, c.t.Value, c.ind.Code, err, c.want)
		}
		// Validate holds a target to its value's rule too, not to its
		// indicator's, which needs the catalog.
		if verr := c.t.Validate(); (c.t.ValueError() != nil) != (verr != nil) {
			t.Errorf("%s %g: Validate() = %v; ValueError() = %v", c.t.Kind, c.t.Value, verr, c.t.ValueError())
		}
	}
}
