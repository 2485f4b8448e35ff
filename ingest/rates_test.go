package ingest

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// A rate (plancast.KindRate: an unemployment rate, an industry's share) is
// a percent of a whole: a figure of it below 0 or over 100 is impossible,
// and refused at its value, in every format, as a negative level of money is.
func TestARateFigureOutsideZeroToHundredIsRefusedAtItsValue(t *testing.T) {
	b := parseString(t, "r.csv", "region,indicator,year,value\n"+
		"houma,unemployment_rate,2023,-3.9\nhouma,secondary_industry_share,2023,145\nhouma,emerging_industry_share,2023,-20\n", Options{})
	want := []string{
		"r.csv row 2 column D (value): -3.9 is negative, but unemployment_rate is a percent of a whole and cannot be: write a percent from 0 to 100",
		"r.csv row 3 column D (value): 145 is over 100, but secondary_industry_share is a percent of a whole and cannot be: write a percent from 0 to 100",
		"r.csv row 4 column D (value): -20 is negative, but emerging_industry_share is a percent of a whole and cannot be: write a percent from 0 to 100",
	}
	if got := problemTexts(b.Problems); !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	b = parseString(t, "r.json", `[{"region":"houma","indicator":"unemployment_rate","year":2023,"value":-3.9}]`, Options{})
	if got := problemTexts(b.Problems); len(got) != 1 || got[0] != "r.json line 1 (value): -3.9 is negative, but unemployment_rate is a percent of a whole and cannot be: write a percent from 0 to 100" {
		t.Errorf("JSON: problems %q", got)
	}
	// A wide table's cell, the share in percent.
	b = parseString(t, "w.csv", "指标,单位,2022,2023\n第二产业占GDP比重,%,44.1,145\n", Options{Region: "houma"})
	if got := problemTexts(b.Problems); len(got) != 1 || !strings.HasPrefix(got[0], "w.csv row 2 column D (value): 145 is over 100, but secondary_industry_share is a percent of a whole") {
		t.Errorf("wide: problems %q", got)
	}
}

// A rate a push declares is a percent of a whole when its code says it is
// a share (plancast.Indicator.PercentOfWhole); any other rate may be
// negative, a change in prices.
func TestADeclaredShareIsAPercentOfAWholeAndAChangeMayBeNegative(t *testing.T) {
	cpi := plancast.Indicator{Code: "cpi_change", Name: "Consumer prices, change on the year before", Unit: "percent", Kind: plancast.KindRate, Better: plancast.BetterLower}
	tourism := plancast.Indicator{Code: "tourism_share", Name: "Tourism's share of GDP", Unit: "percent", Kind: plancast.KindRate, Better: plancast.BetterHigher}
	seeded := seedCatalog(t)
	cat := Catalog{Regions: seeded.Regions, Indicators: append(slices.Clone(seeded.Indicators), cpi, tourism)}
	b, err := Parse("d.csv", "", strings.NewReader("region,indicator,year,value\nhouma,cpi_change,2020,-2.1\nhouma,tourism_share,2020,-2.1\n"), cat, Options{Published: pushDate})
	if err != nil {
		t.Fatal(err)
	}
	if got := problemTexts(b.Problems); len(got) != 1 || !strings.HasPrefix(got[0], "d.csv row 3 column D (value): -2.1 is negative, but tourism_share is a percent of a whole") {
		t.Errorf("problems %q; want the share's -2.1 refused, and the change in prices read", got)
	}
}

// The whole range is a rate's, both ends included; a withdrawal carries no
// figure to judge.
func TestRatesFromZeroToHundredAreAccepted(t *testing.T) {
	st := openStore(t)
	b := parseString(t, "ok.csv", "region,indicator,year,value,status\n"+
		"houma,unemployment_rate,2023,0,\nhouma,secondary_industry_share,2023,100,\nhouma,emerging_industry_share,2023,0.5,\n"+
		"houma,unemployment_rate,2022,3.9,\n", Options{})
	noProblems(t, b)
	if rep := apply(t, st, b, false); rep.New != 4 {
		t.Errorf("%+v; want 4 new", rep)
	}
	w := parseString(t, "w.csv", "region,indicator,year,value,status\nhouma,unemployment_rate,2022,,withdrawn\n", Options{})
	noProblems(t, w)
	if rep := apply(t, st, w, false); rep.Withdrawn != 1 {
		t.Errorf("withdrawal: %+v", rep)
	}
}

// A level, ceiling, floor or share target of a rate is a value of it, and
// refused outside 0–100 at its value; a growth target of a rate is a change
// in points, which may be negative (unemployment down 0.5 points).
func TestATargetOnARateOutsideZeroToHundredIsRefusedButItsGrowthMayBeNegative(t *testing.T) {
	b := parseString(t, "t.csv", "region,indicator,plan,kind,base_year,year,value\n"+
		"houma,unemployment_rate,14th-fyp,ceiling,,2025,-4.5\n"+
		"houma,secondary_industry_share,14th-fyp,share,2020,2025,145\n"+
		"houma,emerging_industry_share,14th-fyp,level,2020,2025,-1\n"+
		"houma,secondary_industry_share,14th-fyp,floor,,2025,101\n", Options{})
	want := []string{
		"t.csv row 2 column G (value): -4.5 is negative, but unemployment_rate is a percent of a whole and cannot be: write a percent from 0 to 100",
		"t.csv row 3 column G (value): 145 is over 100, but secondary_industry_share is a percent of a whole and cannot be: write a percent from 0 to 100",
		"t.csv row 4 column G (value): -1 is negative, but emerging_industry_share is a percent of a whole and cannot be: write a percent from 0 to 100",
		"t.csv row 5 column G (value): 101 is over 100, but secondary_industry_share is a percent of a whole and cannot be: write a percent from 0 to 100",
	}
	if got := problemTexts(b.Problems); !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	st := openStore(t)
	ok := parseString(t, "ok.csv", "region,indicator,plan,kind,base_year,year,value\n"+
		"houma,unemployment_rate,2023-annual,growth,,2023,-0.5\n"+
		"houma,secondary_industry_share,14th-fyp,avg_growth,2020,2025,-2\n"+
		"houma,unemployment_rate,14th-fyp,ceiling,,2025,4.5\n"+
		"houma,emerging_industry_share,14th-fyp,share,2020,2025,100\n", Options{})
	noProblems(t, ok)
	if rep, err := Apply(context.Background(), st, ok, ApplyOptions{}); err != nil || rep.Targets.New != 4 {
		t.Errorf("%v, %+v; want 4 new targets", err, rep)
	}
}
