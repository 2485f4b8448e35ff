package ingest

import (
	"slices"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// The surveyed urban unemployment rate (城镇调查失业率, from the labour
// force survey, on which Five-Year Plans set their targets) and the
// registered one (城镇登记失业率, which counties publish) are different
// statistics. Both were read as unemployment_rate, the registered rate: a
// plan's 城镇调查失业率 ＜5.5 became a ceiling on the registered rate,
// judged "on track" on figures near 3.3, and a table giving both rates was
// refused as a conflict of one figure with itself. The surveyed rate is
// its own indicator, surveyed_unemployment_rate.
func TestTheSurveyedAndTheRegisteredUnemploymentRatesAreTwoIndicators(t *testing.T) {
	cat := seedCatalog(t)
	i := slices.IndexFunc(cat.Indicators, func(in plancast.Indicator) bool { return in.Code == "surveyed_unemployment_rate" })
	if i < 0 {
		t.Fatal("the seed's catalog has no surveyed_unemployment_rate")
	}
	want := plancast.Indicator{Code: "surveyed_unemployment_rate", Name: "Surveyed urban unemployment rate", NameZh: "城镇调查失业率",
		Unit: plancast.UnitPercent, Kind: plancast.KindRate, Better: plancast.BetterLower, OfWhole: true}
	if got := cat.Indicators[i]; got != want || !got.PercentOfWhole() {
		t.Errorf("the seed's surveyed_unemployment_rate = %+v (percent of a whole %v), want %+v, a percent of a whole", got, got.PercentOfWhole(), want)
	}

	// A table giving both rates: two figures, no conflict.
	b := parseString(t, "unemp.csv", "指标,单位,2024年\n城镇登记失业率,%,3.3\n城镇调查失业率,%,5.1\n登记失业率,%,3.3\n", Options{Region: "houma"})
	noProblems(t, b)
	checkFigures(t, b, []figure{
		{region: "houma", indicator: "unemployment_rate", year: 2024, value: 3.3},
		{region: "houma", indicator: "surveyed_unemployment_rate", year: 2024, value: 5.1},
	})
	b = parseString(t, "unemp.csv", "region,indicator,year,value\nhouma,调查失业率,2024,5.1\nhouma,surveyed urban unemployment rate,2023,5.2\nhouma,registered urban unemployment rate,2023,3.4\n", Options{})
	noProblems(t, b)
	checkFigures(t, b, []figure{
		{region: "houma", indicator: "surveyed_unemployment_rate", year: 2024, value: 5.1},
		{region: "houma", indicator: "surveyed_unemployment_rate", year: 2023, value: 5.2},
		{region: "houma", indicator: "unemployment_rate", year: 2023, value: 3.4},
	})

	// A plan's ceiling on the surveyed rate is the surveyed rate's.
	b = parseString(t, "plan.csv", "指标,单位,2020年,2025年目标,年均增长（%）,属性\n城镇调查失业率,%,—,＜5.5,—,预期性\n", Options{Region: "houma"})
	noProblems(t, b)
	if got, want := targetTexts(b.Targets), "houma surveyed_unemployment_rate 14th-fyp ceiling 2020–2025 5.5 binding=false"; got != want {
		t.Errorf("the plan's target\n%s\nwant\n%s", got, want)
	}

	// A percent of a whole, as the registered rate: not above 100.
	b = parseString(t, "unemp.csv", "指标,单位,2024年\n城镇调查失业率,%,105\n", Options{Region: "houma"})
	if len(b.Problems) != 1 || !strings.Contains(b.Problems[0].Message, "105") {
		t.Errorf("a surveyed rate of 105%%: problems %q, want one", problemTexts(b.Problems))
	}
}

// A store whose catalog lacks the surveyed rate (seeded before it was
// added) refuses its name as an indicator the catalog does not have,
// saying which it is and how to add it, not "did you mean" the registered
// rate, which is the statistic it is not.
func TestTheSurveyedRateOutsideTheCatalogIsNotOfferedTheRegisteredRate(t *testing.T) {
	cat := seedCatalog(t)
	cat.Indicators = slices.DeleteFunc(cat.Indicators, func(in plancast.Indicator) bool { return in.Code == "surveyed_unemployment_rate" })
	b, err := Parse("unemp.csv", "", strings.NewReader("指标,单位,2024年\n城镇调查失业率,%,5.1\n"), cat, Options{Region: "houma", Published: pushDate})
	if err != nil {
		t.Fatal(err)
	}
	want := `unemp.csv row 2 column A (indicator): indicator "城镇调查失业率" is surveyed_unemployment_rate, which is not in the catalog: ` +
		`add it with plancast seed (which adds the demo catalog's indicators and leaves what is stored as it is), or declare it in a catalog's indicators`
	if got := strings.Join(problemTexts(b.Problems), "\n"); got != want {
		t.Errorf("problems\n%s\nwant\n%s", got, want)
	}
}
