package ingest

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

const planHeader = "region,indicator,plan,kind,base_year,year,value\n"

// A target's year belongs to its plan: an annual plan's target is for its
// own year, a Five-Year Plan's for one of its five (plancast.PlanSpan).
// Anything else is refused at the year, naming the plan's years and what to
// write instead; the base year, given, is before the year.
func TestATargetOutsideItsPlansYearsIsRefusedAtItsYear(t *testing.T) {
	b := parseString(t, "t.csv", planHeader+
		"houma,gdp,2022-annual,growth,,2021,6\n"+
		"houma,gdp,13th-fyp,level,2015,2025,200\n"+
		"houma,gdp,2030-annual,growth,,2031,5\n"+
		"houma,gdp,13th-fyp,level,2015,2035,400\n"+
		"houma,gdp,14th-fyp,level,2020,2026,260\n"+
		"houma,gdp,14th-fyp,avg_growth,2025,2025,6\n"+
		"houma,gdp,0th-fyp,level,,2025,6\n", Options{})
	want := []string{
		"t.csv row 2 column F (year): year 2021 is not the year of plan 2022-annual: an annual plan's targets are for its own year; write 2022, or plan 2021-annual for a target of 2021",
		"t.csv row 3 column F (year): year 2025 is outside plan 13th-fyp (2016–2020): a Five-Year Plan's targets are for its five years, or long-range goals for 2035 (from the 14th on); write a year of 2016–2020, or plan 14th-fyp for a target of 2025",
		"t.csv row 4 column F (year): year 2031 is not the year of plan 2030-annual: an annual plan's targets are for its own year; write 2030, or plan 2031-annual for a target of 2031",
		"t.csv row 5 column F (year): year 2035 is outside plan 13th-fyp (2016–2020): a Five-Year Plan's targets are for its five years, or long-range goals for 2035 (from the 14th on); write a year of 2016–2020, or plan 14th-fyp for a long-range goal of 2035",
		"t.csv row 6 column F (year): year 2026 is outside plan 14th-fyp (2021–2025): a Five-Year Plan's targets are for its five years, or long-range goals for 2035 (from the 14th on); write a year of 2021–2025, or plan 15th-fyp for a target of 2026",
		"t.csv row 7 column E (base_year): base_year 2025 is not before the target's year 2025: it is the year the target is measured from, 2020 for plan 14th-fyp",
		"t.csv row 8 (plan): plan 0th-fyp is no plan: the Five-Year Plans count from the 1st (1953–1957); write 14th-fyp, 十四五 or 2021-annual",
	}
	if got := problemTexts(b.Problems); !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// A JSON target is refused at its line, the year named.
	b = parseString(t, "t.json", `{"targets":[{"region":"houma","indicator":"gdp","plan":"2022-annual","kind":"growth","year":2021,"value":6}]}`, Options{})
	if got := problemTexts(b.Problems); len(got) != 1 || !strings.HasPrefix(got[0], "t.json line 1 (year): year 2021 is not the year of plan 2022-annual") {
		t.Errorf("JSON: problems %q", got)
	}
}

// The years of a plan are its targets' (both ends of a Five-Year Plan's
// span, in English and in Chinese), and the 14th Five-Year Plan's outline
// and the plans after it set long-range goals for 2035 (远景目标).
func TestTargetsWithinTheirPlansYearsOrFor2035AreAccepted(t *testing.T) {
	st := openStore(t)
	b := parseString(t, "ok.csv", planHeader+
		"houma,gdp,2022-annual,growth,,2022,6\n"+
		"houma,gdp,2022年,level,2021,2022,150\n"+
		"houma,gdp,14th-fyp,level,2020,2025,250\n"+
		"houma,gdp,十四五,growth,,2021,8\n"+
		"houma,gdp,14th-fyp,level,2020,2035,400\n"+
		"houma,gdp,15th-fyp,level,2025,2035,420\n"+
		"houma,gdp,13th-fyp,avg_growth,2015,2020,7\n", Options{})
	noProblems(t, b)
	if rep, err := Apply(context.Background(), st, b, ApplyOptions{}); err != nil || rep.Targets.New != 7 {
		t.Errorf("%v, %+v; want 7 new targets", err, rep)
	}
}

// The rule is a pushed target's: one stored under the wrong year before it
// held can still be withdrawn.
func TestATargetStoredOutsideItsPlansYearsCanBeWithdrawn(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	wrong := plancast.Target{Region: "houma", Indicator: "gdp", Plan: "2022-annual", Kind: plancast.TargetGrowth, Year: 2021, Value: 6, Published: pushDate}
	if _, err := st.WriteTargets(ctx, []plancast.Target{wrong}); err != nil {
		t.Fatal(err)
	}
	wrong.Withdrawn = true
	rep, err := Apply(ctx, st, &Batch{Targets: []plancast.Target{wrong}}, ApplyOptions{})
	if err != nil || rep.Targets.Withdrawn != 1 {
		t.Errorf("withdrawing 2022-annual's target of 2021: %v, %+v", err, rep)
	}
}

// An avg_growth target of a Five-Year Plan's year is measured from the
// plan's base year (2020 for the 14th) when it names none, as plans state
// them ("年均增长6%" over the plan): it used to be refused as needing
// base_year. Where the base cannot be known (an annual plan has none of
// several years; a long-range goal of 2035 is not within the plan's years)
// it is still refused, at the row's base_year, saying why.
func TestAnAvgGrowthTargetWithoutABaseYearTakesItsFiveYearPlans(t *testing.T) {
	b := parseString(t, "t.csv", planHeader+
		"houma,gdp,14th-fyp,avg_growth,,2025,6\n"+
		"houma,gdp,十四五,avg_growth,,2023,6.5\n"+
		"houma,gdp,14th-fyp,avg_growth,2022,2024,7\n", Options{})
	noProblems(t, b)
	var bases []int
	for _, tg := range b.Targets {
		bases = append(bases, tg.BaseYear)
	}
	if !slices.Equal(bases, []int{2020, 2020, 2022}) {
		t.Errorf("base years %v; want 2020 (the 14th plan's), 2020, and 2022 as given", bases)
	}
	j := parseString(t, "t.json", `[{"region":"houma","indicator":"gdp","plan":"15th-fyp","kind":"avg_growth","year":2030,"value":5}]`, Options{})
	noProblems(t, j)
	if len(j.Targets) != 1 || j.Targets[0].BaseYear != 2025 {
		t.Errorf("JSON: targets %+v; want base year 2025, the 15th plan's", j.Targets)
	}

	b = parseString(t, "t.csv", planHeader+
		"houma,gdp,2024-annual,avg_growth,,2024,6\n"+
		"houma,gdp,14th-fyp,avg_growth,,2035,6\n", Options{})
	want := []string{
		"t.csv row 2 column E (base_year): an avg_growth target needs base_year, the year its average growth is measured from: " +
			"plan 2024-annual is one year's and has none of its own; give it, or a growth target of 2024",
		"t.csv row 3 column E (base_year): an avg_growth target needs base_year, the year its average growth is measured from: " +
			"2035 is a long-range goal, outside plan 14th-fyp's years (2021–2025), so the plan's base year (2020) need not be its; give it",
	}
	if got := problemTexts(b.Problems); !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
