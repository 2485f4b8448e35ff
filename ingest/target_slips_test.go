package ingest

import (
	"context"
	"strings"
	"testing"
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
