package ingest

import (
	"context"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// The 2021 report's targets, as a table with the report's date and no
// version column (what the report reader gives, in a file).
const report2021Targets = "region,indicator,plan,kind,year,value,base_year,published\n" +
	"houma,gdp,14th-fyp,level,2025,250,2020,2021-04-20\n" +
	"houma,gdp,2021-annual,growth,2021,8.5,,2021-04-20\n" +
	"houma,fixed_asset_investment,2021-annual,growth,2021,10,,2021-04-20\n"

// inForce is the value of houma gdp 14th-fyp level 2025 in force now.
func gdp2025InForce(t *testing.T, st plancast.Store) float64 {
	t.Helper()
	ts, err := st.Targets(context.Background(), plancast.TargetFilter{Region: "houma", Indicator: "gdp", Plan: "14th-fyp"})
	if err != nil || len(ts) != 1 {
		t.Fatalf("houma gdp 14th-fyp in force: %+v, %v", ts, err)
	}
	return ts[0].Value
}

// The 2021 report pushed again after the mid-term review lowered its 2025
// target to 230 and its 2021 growth target was withdrawn: its rows restate
// the versions in force on its date, so they count unchanged (a dry run as
// the write), nothing is stored, the note names each version restated and
// what replaced it, and 230 stays in force. Unfixed, the two rows counted
// "2 revised" and were stored again as versions of 2021-04-20.
func TestAnOldDocumentPushedAgainRestatesItsTargetsUnchanged(t *testing.T) {
	ctx := context.Background()
	st := reviewedTargets(t)
	before, _ := st.DataVersion(ctx)
	history, err := st.TargetVersions(ctx, plancast.TargetFilter{})
	if err != nil {
		t.Fatal(err)
	}
	wantNote := "2 targets restate versions replaced since, so they count unchanged and are not stored again: " +
		"report.csv row 2: houma gdp 14th-fyp level 2025: 250, dated 2021-04-20, restates the version set on 2021-04-20, " +
		"which was replaced on 2023-06-01 by 230, the version in force; " +
		"report.csv row 3: houma gdp 2021-annual growth 2021: 8.5, dated 2021-04-20, restates the version set on 2021-04-20, " +
		"which was withdrawn on 2022-01-10; to set an old value again, write in published the date it is set again"
	for _, dryRun := range []bool{true, false} {
		rep := apply(t, st, parseString(t, "report.csv", report2021Targets, Options{}), dryRun)
		if rep.Targets != (plancast.WriteResult{Unchanged: 3}) {
			t.Errorf("the 2021 report again (dry run %v): %+v, want 3 unchanged", dryRun, rep.Targets)
		}
		if strings.Join(rep.Notes, "\n") != wantNote {
			t.Errorf("the 2021 report again (dry run %v): notes\n%s\nwant\n%s", dryRun, strings.Join(rep.Notes, "\n"), wantNote)
		}
		var text strings.Builder
		rep.WriteText(&text)
		if !strings.Contains(text.String(), "targets: 0 new, 0 revised, 3 unchanged\nnote: 2 targets restate") {
			t.Errorf("the report as printed:\n%s", text.String())
		}
	}
	if after, _ := st.DataVersion(ctx); after != before {
		t.Errorf("the data version moved from %s to %s", before, after)
	}
	if now, _ := st.TargetVersions(ctx, plancast.TargetFilter{}); len(now) != len(history) {
		t.Errorf("%d target versions stored, want the %d before", len(now), len(history))
	}
	if v := gdp2025InForce(t, st); v != 230 {
		t.Errorf("in force after the 2021 report again: %g, want 230", v)
	}

	// A document of 2022 that repeats the 250 in force then restates it too.
	repeat := "region,indicator,plan,kind,year,value,base_year,published\nhouma,gdp,14th-fyp,level,2025,250,2020,2022-03-01\n"
	if rep := apply(t, st, parseString(t, "2022.csv", repeat, Options{}), false); rep.Targets != (plancast.WriteResult{Unchanged: 1}) ||
		len(rep.Notes) != 1 || !strings.Contains(rep.Notes[0], "250, dated 2022-03-01, restates the version set on 2021-04-20, which was replaced on 2023-06-01 by 230") {
		t.Errorf("250 repeated in 2022: %+v, notes %q", rep.Targets, rep.Notes)
	}
	if v := gdp2025InForce(t, st); v != 230 {
		t.Errorf("in force after 250 repeated in 2022: %g, want 230", v)
	}
}

// Going back to the old value is a new decision when it is dated after the
// version that replaced it, or not dated at all (stated the day it is
// pushed): a revision that comes into force, without a note.
func TestGoingBackToAnOldValueLaterIsARevision(t *testing.T) {
	for _, c := range []struct {
		name, table string
		opt         Options
	}{
		{"dated after the review", "region,indicator,plan,kind,year,value,base_year,published\nhouma,gdp,14th-fyp,level,2025,250,2020,2026-11-20\n", Options{}},
		{"undated, pushed today", "region,indicator,plan,kind,year,value,base_year\nhouma,gdp,14th-fyp,level,2025,250,2020\n", Options{Published: plancast.Today()}},
	} {
		st := reviewedTargets(t)
		rep := apply(t, st, parseString(t, "again.csv", c.table, c.opt), false)
		if rep.Targets != (plancast.WriteResult{Revised: 1}) || len(rep.Notes) != 0 {
			t.Errorf("%s: %+v, notes %q, want 1 revised and no note", c.name, rep.Targets, rep.Notes)
		}
		if v := gdp2025InForce(t, st); v != 250 {
			t.Errorf("%s: in force %g, want 250", c.name, v)
		}
	}
}

// A row dated the day of a stored version that a later one replaced, with
// another value, says that version was something else: refused at its
// value, naming the stored versions, and nothing is written (the rows that
// restate are not written either). Unfixed, it was stored as a version of
// 2021-04-20 recorded later, and the answers as of 2021-04-20 to 2023-05-31
// changed from 250 to 260 silently.
func TestARowContradictingAPastVersionOfItsDateIsRefused(t *testing.T) {
	ctx := context.Background()
	st := reviewedTargets(t)
	history, _ := st.TargetVersions(ctx, plancast.TargetFilter{})
	edited := strings.Replace(report2021Targets, ",2025,250,", ",2025,260,", 1)
	for _, dryRun := range []bool{true, false} {
		rep, err := Apply(ctx, st, parseString(t, "report.csv", edited, Options{}), ApplyOptions{DryRun: dryRun})
		want := "report.csv row 2 column F (value): houma gdp 14th-fyp level 2025: 260, dated 2021-04-20, contradicts the version set on that date (250), " +
			"which was replaced on 2023-06-01 by 230, the version in force; a push does not rewrite a past version: to set 260 now, write in published the date it is set"
		if plancast.ErrorCode(err) != plancast.EINVALID || strings.Join(problemTexts(rep.Problems), "\n") != want {
			t.Errorf("dry run %v: %v, problems\n%s\nwant\n%s", dryRun, err, strings.Join(problemTexts(rep.Problems), "\n"), want)
		}
	}
	if now, _ := st.TargetVersions(ctx, plancast.TargetFilter{}); len(now) != len(history) {
		t.Errorf("%d target versions stored, want the %d before", len(now), len(history))
	}
	as2022, err := st.Targets(ctx, plancast.TargetFilter{Region: "houma", Indicator: "gdp", Plan: "14th-fyp", AsOf: date(t, "2022-01-01")})
	if err != nil || len(as2022) != 1 || as2022[0].Value != 250 {
		t.Errorf("as of 2022-01-01: %+v %v, want 250", as2022, err)
	}
}

// houmaGDPRevised is a store whose 2020 GDP was first published
// (preliminary) in the 2021 report and revised by the bureau in 2022.
func houmaGDPRevised(t *testing.T) plancast.Store {
	t.Helper()
	st := openStore(t)
	apply(t, st, parseString(t, "report.csv", "region,indicator,year,value,status,published\nhouma,gdp,2020,120.8,preliminary,2021-04-20\n", Options{}), false)
	apply(t, st, parseString(t, "bureau.csv", "region,indicator,year,value,status,published\nhouma,gdp,2020,121.5,final,2022-03-01\n", Options{}), false)
	return st
}

func gdpVintages(t *testing.T, st plancast.Store) []plancast.Observation {
	t.Helper()
	vs, err := st.Vintages(context.Background(), plancast.SeriesKey{Region: "houma", Indicator: "gdp", Period: plancast.PeriodYear})
	if err != nil {
		t.Fatal(err)
	}
	return vs
}

// The figures have the same hole: the report's 2020 GDP pushed again after
// the bureau revised it restates the vintage of its date, so it counts
// unchanged with a note and is not stored again (unfixed: "1 revised" and
// a third vintage); a figure dated between restates the vintage served
// then; one dated that day with another value is refused at its value; the
// old value dated later is a revision.
func TestAnOldVintagePushedAgainRestatesIt(t *testing.T) {
	ctx := context.Background()
	st := houmaGDPRevised(t)
	old := "region,indicator,year,value,status,published\nhouma,gdp,2020,120.8,preliminary,2021-04-20\n"
	wantNote := "1 figure restates a vintage revised since, so it counts unchanged and is not stored again: " +
		"report.csv row 2: houma gdp 2020: 120.8 (preliminary), published 2021-04-20, restates the vintage published 2021-04-20, " +
		"which was revised on 2022-03-01 to 121.5, the figure served; to revise a figure, give it the date it is published"
	for _, dryRun := range []bool{true, false} {
		rep := apply(t, st, parseString(t, "report.csv", old, Options{}), dryRun)
		if counts(rep) != [4]int{0, 0, 1, 0} || strings.Join(rep.Notes, "\n") != wantNote {
			t.Errorf("the 2021 figure again (dry run %v): %v, notes\n%s\nwant\n%s", dryRun, counts(rep), strings.Join(rep.Notes, "\n"), wantNote)
		}
	}
	between := strings.Replace(old, "2021-04-20", "2021-06-01", 1)
	if rep := apply(t, st, parseString(t, "between.csv", between, Options{}), false); counts(rep) != [4]int{0, 0, 1, 0} || len(rep.Notes) != 1 {
		t.Errorf("the 2021 figure dated 2021-06-01: %v, notes %q", counts(rep), rep.Notes)
	}
	if vs := gdpVintages(t, st); len(vs) != 2 {
		t.Errorf("%d vintages stored, want the 2 before: %+v", len(vs), vs)
	}
	s, err := st.Series(ctx, plancast.SeriesQuery{Region: "houma", Indicator: "gdp"})
	if err != nil || s.Observations[0].Value != 121.5 {
		t.Errorf("served: %+v %v, want 121.5", s, err)
	}

	contradicts := strings.Replace(old, ",120.8,", ",125,", 1)
	rep, err := Apply(ctx, st, parseString(t, "report.csv", contradicts, Options{}), ApplyOptions{})
	want := "report.csv row 2 column D (value): houma gdp 2020: 125 (preliminary), published 2021-04-20, contradicts the vintage published that day (120.8 (preliminary)), " +
		"which was revised on 2022-03-01 to 121.5, the figure served; a push does not rewrite a past vintage: to revise the figure, give it the date it is published (or none: today)"
	if plancast.ErrorCode(err) != plancast.EINVALID || strings.Join(problemTexts(rep.Problems), "\n") != want {
		t.Errorf("125 dated 2021-04-20: %v, problems\n%s\nwant\n%s", err, strings.Join(problemTexts(rep.Problems), "\n"), want)
	}

	later := strings.Replace(old, "2021-04-20", "2026-11-20", 1)
	if rep := apply(t, st, parseString(t, "later.csv", later, Options{}), false); counts(rep) != [4]int{0, 1, 0, 0} || len(rep.Notes) != 0 {
		t.Errorf("120.8 dated 2026-11-20: %v, notes %q, want 1 revised", counts(rep), rep.Notes)
	}
	if vs := gdpVintages(t, st); len(vs) != 3 || vs[2].Value != 120.8 {
		t.Errorf("vintages after 120.8 dated later: %+v, want it the third", vs)
	}
}

// A restated figure is not written, so it is no jump: the report of
// 2021-04-20 gave 2020's GDP as 1208 (亿元 for 千万元, pushed accepting
// the jump), and the bureau corrected it to 120.8 weeks later. Committing the
// old report again restates its vintage; the jump check, which judges what
// the series would hold after the push, must not refuse it for a tenfold
// jump from 2019 that the push would not store (unfixed: "1208 is 10.4 times
// the 2019 figure 116.2").
func TestARestatedFigureIsNotJudgedAsAJump(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	const header = "region,indicator,year,value,status,published\n"
	apply(t, st, parseString(t, "2019.csv", header+"houma,gdp,2019,116.2,final,2020-03-31\n", Options{}), false)
	slip := header + "houma,gdp,2020,1208,preliminary,2021-04-20\n"
	if _, err := Apply(ctx, st, parseString(t, "report.csv", slip, Options{}), ApplyOptions{AcceptJumps: true}); err != nil {
		t.Fatal(err)
	}
	apply(t, st, parseString(t, "bureau.csv", header+"houma,gdp,2020,120.8,final,2025-05-10\n", Options{}), false)

	for _, dryRun := range []bool{true, false} {
		rep, err := Apply(ctx, st, parseString(t, "report.csv", slip, Options{}), ApplyOptions{DryRun: dryRun})
		if err != nil || counts(rep) != [4]int{0, 0, 1, 0} || len(rep.Notes) != 1 || !strings.Contains(rep.Notes[0], "restates the vintage published 2021-04-20") {
			t.Errorf("the old report again (dry run %v): %v, %v, notes %q; want 1 unchanged, restating its vintage",
				dryRun, err, counts(rep), rep.Notes)
		}
	}
	// The figure the old report restates stays out of the series the jump
	// check sees: 2021's true figure beside the served 120.8 is no jump.
	next := header + "houma,gdp,2020,1208,preliminary,2021-04-20\nhouma,gdp,2021,131.5,final,2022-03-31\n"
	if rep := apply(t, st, parseString(t, "both.csv", next, Options{}), false); counts(rep) != [4]int{1, 0, 1, 0} {
		t.Errorf("the old report with 2021's figure: %v, want 1 new and 1 unchanged", counts(rep))
	}
	if vs := gdpVintages(t, st); len(vs) != 4 {
		t.Errorf("%d vintages stored, want 2019, the two of 2020 and 2021: %+v", len(vs), vs)
	}
}
