package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/ingest/report"
	"github.com/plancast/plancast/seed"
)

const slipTargetsHeader = "region,indicator,plan,kind,year,value,unit,published\n"

// A target far from what its series' latest figure can reach by its year is
// refused as a likely slip, at its value, with the ratio, the slip it
// probably is and the override; so is a growth target past 30% a year up or
// down. The rule: a level, ceiling or floor more than 10 times what the
// latest figure reaches growing 30% a year to the target's year, or under
// 1/10 of what it comes down to falling 30% a year (TargetFactor,
// TargetPace). Before, 3200000 for a GDP of 240 亿元 (万元 under a 亿元
// header) and 65 for 6.5% a year passed their dry runs.
func TestATargetThatLooksLikeASlipIsRefused(t *testing.T) {
	st := openStore(t)
	apply(t, st, parseString(t, "stored.csv", jumpHeader+
		"houma,gdp,2024,228.5,亿元\nhouma,gdp,2025,240.2,亿元\nhouma,rural_disposable_income,2024,19200,元\n", Options{}), false)
	ctx := context.Background()
	const accept = " If it is right, push it again accepting jumps (plancast ingest --accept-jumps, or ?accept_jumps=true)"
	for _, c := range []struct{ row, want string }{
		{"houma,gdp,15th-fyp,level,2030,3200000,亿元,2026-01-15",
			"t.csv row 2 column F (value): target houma gdp 15th-fyp level 2030: 3200000 is 13322.2 times the latest figure, 240.2 in 2025 (stored); " +
				"growing 30% a year from it, the series would reach 891.8 by 2030, and a target more than 10 times that is likely a slip of units (×10000): " +
				"is it in 万元, not 亿元? 3200000 万元 is 320 亿元." + accept},
		{"houma,gdp,15th-fyp,ceiling,2030,0.03,亿元,2026-01-15",
			"t.csv row 2 column F (value): target houma gdp 15th-fyp ceiling 2030: 0.03 is 1/8006.7 of the latest figure, 240.2 in 2025 (stored); " +
				"falling 30% a year from it, the series would still be 40.37 by 2030, and a target under 1/10 of that is likely a slip of units (×1/1000): " +
				"is it 1000 times too small, 30?" + accept},
		// Converted from the unit its row gives, it is said in that unit.
		{"houma,rural_disposable_income,15th-fyp,floor,2030,300000,万元,2026-01-15",
			"t.csv row 2 column F (value): target houma rural_disposable_income 15th-fyp floor 2030: 300000 万元 (3000000000 元) is 156250.0 times the latest figure, 19200 in 2024 (stored); " +
				"growing 30% a year from it, the series would reach 92670 by 2030, and a target more than 10 times that is likely a slip of units (×10000): " +
				"is it in 元, not 万元?"},
		{"houma,gdp,14th-fyp,avg_growth,2025,65,,2021-04-20",
			"t.csv row 2 column F (value): target houma gdp 14th-fyp avg_growth 2025: 65% a year on average is above 30%, past what a plan is taken to ask (30% a year up or down); " +
				"is it 6.5% typed as 65 (a percent typed ×10)?" + accept},
		{"houma,gdp,2026-annual,growth,2026,-45,,2026-01-15",
			"t.csv row 2 column F (value): target houma gdp 2026-annual growth 2026: -45% in one year is below -30%, past what a plan is taken to ask (30% a year up or down); " +
				"is it -4.5% typed as -45 (a percent typed ×10)?" + accept},
	} {
		b := parseString(t, "t.csv", slipTargetsHeader+c.row+"\n", Options{})
		noProblems(t, b)
		for _, dry := range []bool{true, false} {
			rep, err := Apply(ctx, st, b, ApplyOptions{DryRun: dry})
			if err == nil || len(rep.Problems) != 1 || !strings.HasPrefix(rep.Problems[0].Error(), c.want) {
				t.Errorf("%s (dry run %v): problems %q\nwant one beginning\n %q", c.row, dry, problemTexts(rep.Problems), c.want)
			}
		}
		rep, err := Apply(ctx, st, parseString(t, "t.csv", slipTargetsHeader+c.row+"\n", Options{}), ApplyOptions{DryRun: true, AcceptJumps: true})
		if err != nil || rep.Targets.New != 1 {
			t.Errorf("%s, accepting jumps: %v, %+v; want it taken", c.row, err, rep.Targets)
		}
	}

	// Targets a plan can set are taken: Houma's 250 亿元 by 2025 from 120.8
	// in 2020 (15.7% a year), a level beside the figure of its own year, a
	// growth of 30% or -30%.
	for _, row := range []string{
		"houma,gdp,15th-fyp,level,2030,850,亿元,2026-01-15",
		"houma,gdp,15th-fyp,floor,2030,5,亿元,2026-01-15",
		"houma,gdp,14th-fyp,level,2025,250,亿元,2021-04-20",
		"houma,gdp,14th-fyp,level,2025,2400000,万元,2021-04-20",
		"houma,gdp,2026-annual,growth,2026,30,,2026-01-15",
		"houma,gdp,2027-annual,growth,2027,-30,,2026-01-15",
	} {
		if rep, err := Apply(ctx, st, parseString(t, "t.csv", slipTargetsHeader+row+"\n", Options{}), ApplyOptions{DryRun: true}); err != nil {
			t.Errorf("%s: %v %q; want it taken", row, err, problemTexts(rep.Problems))
		}
	}
}

// The latest figure a level target is judged beside is the batch's own
// when it brings a later one; a series without any figure, stored or in
// the batch, has nothing to judge a level beside, but its growth targets
// are judged all the same.
func TestATargetIsJudgedBesideTheLatestFigureOrNotAtAll(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	// No figure of Houma's retail sales anywhere: any level goes.
	b := parseString(t, "t.csv", slipTargetsHeader+"houma,retail_sales,15th-fyp,level,2030,3200000,亿元,2026-01-15\n"+
		"houma,retail_sales,14th-fyp,avg_growth,2025,85,,2021-04-20\n", Options{})
	rep, err := Apply(ctx, st, b, ApplyOptions{DryRun: true})
	if texts := problemTexts(rep.Problems); err == nil || len(texts) != 1 || !strings.Contains(texts[0], "row 3 column F (value): target houma retail_sales 14th-fyp avg_growth 2025: 85% a year") {
		t.Errorf("no figures: problems %q; want only the growth of row 3", texts)
	}

	// A bundle bringing figures and targets together: the target is judged
	// beside the batch's latest figure, named by its row.
	b = parseString(t, "b.json", `{"observations": [{"region":"houma","indicator":"retail_sales","year":2025,"value":80.5}],
 "targets": [{"region":"houma","indicator":"retail_sales","plan":"15th-fyp","kind":"level","year":2030,"value":3200000,"published":"2026-01-15"}]}`, Options{})
	noProblems(t, b)
	rep, err = Apply(ctx, st, b, ApplyOptions{DryRun: true})
	if texts := problemTexts(rep.Problems); err == nil || len(texts) != 1 || !strings.Contains(texts[0], "3200000 is 39751.6 times the latest figure, 80.5 in 2025 (line 1)") {
		t.Errorf("figures and targets in one batch: problems %q", texts)
	}
}

// A target typed as a fraction of the percent it means (a percent-formatted
// cell copied as its value) is refused at its value as the figures' fraction
// is, with the same question and the same override: an unemployment ceiling
// of 0.045 beside rates of 3.1 and 3.2 (4.5 is within 2 times of 3.2), a
// growth target of 0.07 beside retail sales growing 5.1% a year, a 14th-FYP
// average growth of 0.157 beside a GDP that grew 6.3% a year over the 13th
// (15.7 is 2.5 times that: within 3). Before, each was stored as 0.045% or
// 0.07% and judged on it: "missed" against 3.2, "achieved" on 5.1%.
func TestATargetTypedAsAFractionIsRefused(t *testing.T) {
	st := openStore(t)
	apply(t, st, parseString(t, "figures.csv", "region,indicator,year,value,published\n"+
		"houma,unemployment_rate,2024,3.1,2025-03-20\nhouma,unemployment_rate,2025,3.2,2026-03-20\n"+
		"houma,retail_sales,2024,53.4,2025-03-20\nhouma,retail_sales,2025,56.1,2026-03-20\n"+
		"houma,gdp,2015,88.9,2021-04-20\nhouma,gdp,2020,120.8,2021-04-20\n", Options{}), false)
	ctx := context.Background()
	const accept = " If it is right, push it again accepting jumps (plancast ingest --accept-jumps, or ?accept_jumps=true)"
	for _, c := range []struct{ row, want string }{
		{"houma,unemployment_rate,2025-annual,ceiling,2025,0.045,,2025-01-20",
			"t.csv row 2 column F (value): target houma unemployment_rate 2025-annual ceiling 2025: 0.045 is 1/71.1 of the latest figure, 3.2 in 2025 (stored); " +
				"a fraction typed for a percent (4.5% is 4.5)?" + accept},
		{"houma,retail_sales,2025-annual,growth,2025,0.07,,2025-01-20",
			"t.csv row 2 column F (value): target houma retail_sales 2025-annual growth 2025: 0.07% in one year is 1/72.2 of the series' recent growth, " +
				"5.06% a year from 2024 to 2025 (stored); a fraction typed for a percent (7% is 7)?" + accept},
		{"houma,gdp,14th-fyp,avg_growth,2025,0.157,,2021-04-20",
			"t.csv row 2 column F (value): target houma gdp 14th-fyp avg_growth 2025: 0.157% a year on average is 1/40.3 of the series' recent growth, " +
				"6.32% a year from 2015 to 2020 (stored); a fraction typed for a percent (15.7% is 15.7)?" + accept},
		// A series without figures to measure its growth by: a growth
		// under 1% given to more than one decimal, where plans state growth
		// to 0.1%.
		{"houma,fixed_asset_investment,2025-annual,growth,2025,0.065,,2025-01-20",
			"t.csv row 2 column F (value): target houma fixed_asset_investment 2025-annual growth 2025: 0.065% in one year is under 1% and given to more than one decimal, " +
				"where a plan states a growth to 0.1% (the series has no two figures within 5 years to compare it with); a fraction typed for a percent (6.5% is 6.5)?" + accept},
		{"houma,fixed_asset_investment,2025-annual,growth,2025,-0.03,,2025-01-20",
			"t.csv row 2 column F (value): target houma fixed_asset_investment 2025-annual growth 2025: -0.03% in one year is under 1% and given to more than one decimal"},
	} {
		for _, dry := range []bool{true, false} {
			rep, err := Apply(ctx, st, parseString(t, "t.csv", slipTargetsHeader+c.row+"\n", Options{}), ApplyOptions{DryRun: dry})
			if err == nil || len(rep.Problems) != 1 || !strings.HasPrefix(rep.Problems[0].Error(), c.want) {
				t.Errorf("%s (dry run %v): problems %q\nwant one beginning\n %q", c.row, dry, problemTexts(rep.Problems), c.want)
			}
		}
		rep, err := Apply(ctx, st, parseString(t, "t.csv", slipTargetsHeader+c.row+"\n", Options{}), ApplyOptions{DryRun: true, AcceptJumps: true})
		if err != nil || rep.Targets.New != 1 {
			t.Errorf("%s, accepting jumps: %v, %+v; want it taken", c.row, err, rep.Targets)
		}
	}
	// The targets meant, in percent, are taken.
	for _, row := range []string{
		"houma,unemployment_rate,2025-annual,ceiling,2025,4.5,,2025-01-20",
		"houma,retail_sales,2025-annual,growth,2025,7,,2025-01-20",
		"houma,gdp,14th-fyp,avg_growth,2025,15.7,,2021-04-20",
	} {
		if rep, err := Apply(ctx, st, parseString(t, "t.csv", slipTargetsHeader+row+"\n", Options{}), ApplyOptions{DryRun: true}); err != nil {
			t.Errorf("%s: %v %q; want it taken", row, err, problemTexts(rep.Problems))
		}
	}
}

// What tells a small growth target meant from a fraction: a plan states a
// growth to 0.1%, and a series growing about that much has a recent growth
// a hundred times smaller than the fraction's reading would be. A
// population growth target of 0.5% beside a population growing 0.4% a year
// is taken, as is a decline of 0.3%, with figures or without; so are 0.1 to
// 0.9 without figures (10% to 90% typed as fractions cannot be told from
// them), a rate's ceiling under 1 without figures (a poverty rate of 0.05%),
// and a growth target of a rate, which is a change in points (-0.3 points of
// unemployment). A fraction of a whole ten, 0.1 for 10%, is told by the
// series' growth.
func TestASmallTargetMeantIsNotTakenForAFraction(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	population := plancast.Indicator{Code: "population", Name: "Resident population", NameZh: "常住人口", Unit: "10k_persons", Kind: plancast.KindLevel, Better: plancast.BetterHigher}
	poverty := plancast.Indicator{Code: "poverty_rate", Name: "Poverty rate", NameZh: "贫困发生率", Unit: plancast.UnitPercent, Kind: plancast.KindRate, Better: plancast.BetterLower}
	if err := st.PutIndicators(ctx, []plancast.Indicator{population, poverty}); err != nil {
		t.Fatal(err)
	}
	cat := seedCatalog(t)
	cat.Indicators = append(cat.Indicators, population, poverty)
	parse := func(name, content string) *Batch {
		t.Helper()
		b, err := Parse(name, "", strings.NewReader(content), cat, Options{Published: pushDate})
		if err != nil {
			t.Fatal(err)
		}
		noProblems(t, b)
		return b
	}
	targets := slipTargetsHeader +
		"houma,population,2026-annual,growth,2026,0.5,,2026-01-15\n" +
		"houma,population,2027-annual,growth,2027,-0.3,,2026-01-15\n" +
		"houma,population,15th-fyp,avg_growth,2030,0.4,,2026-01-15\n" +
		"houma,gdp,2026-annual,growth,2026,0.1,,2026-01-15\n" +
		"houma,gdp,2027-annual,growth,2027,-0.9,,2026-01-15\n" +
		"houma,poverty_rate,15th-fyp,ceiling,2030,0.05,,2026-01-15\n" +
		"houma,unemployment_rate,2026-annual,growth,2026,-0.3,,2026-01-15\n" +
		"houma,unemployment_rate,2027-annual,growth,2027,0.05,,2026-01-15\n"
	// Without a figure of any series.
	if rep, err := Apply(ctx, st, parse("targets.csv", targets), ApplyOptions{DryRun: true}); err != nil || rep.Targets.New != 8 {
		t.Errorf("without figures: %v %q, %+v; want all 8 taken", err, problemTexts(rep.Problems), rep.Targets)
	}
	// Beside figures: a population growing 0.4% a year, unemployment near
	// 3, a GDP falling 3% a year (0.1 and -0.9 are nowhere near).
	apply(t, st, parse("figures.csv", "region,indicator,year,value,published\n"+
		"houma,population,2021,24.1,2022-03-01\nhouma,population,2025,24.49,2026-03-01\n"+
		"houma,unemployment_rate,2025,3.2,2026-03-01\nhouma,gdp,2024,130,2025-03-01\nhouma,gdp,2025,126.1,2026-03-01\n"), false)
	if rep, err := Apply(ctx, st, parse("targets.csv", targets), ApplyOptions{DryRun: true}); err != nil || rep.Targets.New != 8 {
		t.Errorf("beside figures: %v %q, %+v; want all 8 taken", err, problemTexts(rep.Problems), rep.Targets)
	}
	// But 0.1 beside an investment growing 8% a year is 10% typed as a
	// fraction.
	apply(t, st, parse("investment.csv", "region,indicator,year,value,published\n"+
		"houma,fixed_asset_investment,2023,100,2024-03-01\nhouma,fixed_asset_investment,2025,117,2026-03-01\n"), false)
	rep, err := Apply(ctx, st, parse("t.csv", slipTargetsHeader+"houma,fixed_asset_investment,2026-annual,growth,2026,0.1,,2026-01-15\n"), ApplyOptions{DryRun: true})
	if want := "target houma fixed_asset_investment 2026-annual growth 2026: 0.1% in one year is 1/81.7 of the series' recent growth, 8.17% a year from 2023 to 2025 (stored); " +
		"a fraction typed for a percent (10% is 10)?"; err == nil || len(rep.Problems) != 1 || !strings.Contains(rep.Problems[0].Error(), want) {
		t.Errorf("0.1 beside an investment growing: %v %q; want one saying %q", err, problemTexts(rep.Problems), want)
	}
}

// The rule measured on the targets plancast holds: every target of the
// seed, and every target the report reader finds in the five reference
// reports, pushed beside the seed's figures, passes it.
func TestNoRealTargetIsTakenForAFraction(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	bundle, err := seed.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.WriteObservations(ctx, bundle.Observations); err != nil {
		t.Fatal(err)
	}
	all := map[string][]plancast.Target{"seed.json": bundle.Targets}
	files, err := filepath.Glob(filepath.Join("report", "testdata", "reports", "*.txt"))
	if err != nil || len(files) != 5 {
		t.Fatalf("the reference reports: %v, %v", files, err)
	}
	regions := map[string]string{"000": "zizhou", "001": "zizhou", "002": "guyang", "003": "zizhou", "004": "houma"}
	n := len(bundle.Targets)
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		ex, err := report.Extract(text, report.Options{Region: regions[filepath.Base(f)[:3]], Indicators: bundle.Indicators})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range ex.Targets {
			all[filepath.Base(f)] = append(all[filepath.Base(f)], c.Target)
		}
		n += len(ex.Targets)
	}
	if n < 30 {
		t.Fatalf("%d targets read, want the seed's 22 and the reports' own", n)
	}
	for name, ts := range all {
		b := &Batch{Files: []string{name}, Targets: ts}
		if rep, err := Apply(ctx, st, b, ApplyOptions{DryRun: true}); err != nil {
			t.Errorf("%s: %v %q", name, err, problemTexts(rep.Problems))
		}
	}
}

// While the stored figures cannot be read, the note names the targets whose
// check went without them: the level targets (beside the latest figure), the
// targets under 1 checked for a fraction typed for a percent (beside the
// latest figure of a rate, or the series' recent growth), or both. It said
// "level targets" of a push of an unemployment ceiling of 0.045 alone, which
// was taken unjudged for want of a figure to judge it by.
func TestWhileTheFiguresCannotBeReadTheNoteNamesTheTargetsJudgedWithoutThem(t *testing.T) {
	const down = "the stored figures could not be read (the backend is down), so "
	for _, c := range []struct{ rows, want string }{
		{"houma,gdp,14th-fyp,level,2025,250,,2021-04-20\n", down + "level targets were judged beside the batch's own figures only"},
		{"houma,unemployment_rate,2025-annual,ceiling,2025,0.045,,2025-01-20\n",
			down + "targets under 1 were checked for a fraction typed for a percent beside the batch's own figures only"},
		{"houma,gdp,14th-fyp,level,2025,250,,2021-04-20\nhouma,retail_sales,2025-annual,growth,2025,0.7,,2025-01-20\n",
			down + "level targets, and targets under 1 checked for a fraction typed for a percent, were judged beside the batch's own figures only"},
	} {
		reads := 0
		st := figuresDown{openStore(t), &reads}
		rep := apply(t, st, parseString(t, "t.csv", slipTargetsHeader+c.rows, Options{}), true)
		if strings.Join(rep.Notes, "\n") != c.want {
			t.Errorf("%s: notes %q\nwant the one %q", c.rows, rep.Notes, c.want)
		}
	}
}
