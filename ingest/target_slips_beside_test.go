package ingest

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// A plan comes before a county's figures are stored, so a target was often
// judged beside nothing and passed whatever it said: a share of 45% typed
// as 0.45, an unemployment rate of 4.5% as 0.045, a level of 400 亿元 typed
// in 万元 (4000000), even beside the base year's figure (41.3, 3.2, 100)
// the same row of the plan's table gives, and even when it revised the
// version in force (45, 400), counted "1 revised".

const fractionPlanTable = "指标,单位,2020年,2025年,年均增长（%）,属性\n" +
	"第二产业占GDP比重,%,41.3,0.45,—,预期性\n" +
	"城镇登记失业率,%,3.2,0.045,—,约束性\n" +
	"工业总产值,亿元,100,4000000,—,预期性\n"

func TestAPlanTablesTargetIsJudgedBesideTheBaseYearFigureOfItsRow(t *testing.T) {
	st := openStore(t) // no figures, no targets
	want := []string{
		"plan.csv row 2 column D (value): target houma secondary_industry_share 14th-fyp share 2025: 0.45 is 1/91.8 of the base year's figure, 41.3 in 2020 (column C); " +
			"a fraction typed for a percent (45% is 45)?" + acceptJumpsHint,
		"plan.csv row 3 column D (value): target houma unemployment_rate 14th-fyp ceiling 2025: 0.045 is 1/71.1 of the base year's figure, 3.2 in 2020 (column C); " +
			"a fraction typed for a percent (4.5% is 4.5)?" + acceptJumpsHint,
		"plan.csv row 4 column D (value): target houma industrial_output 14th-fyp level 2025: 4000000 is 40000.0 times the base year's figure, 100 in 2020 (column C); " +
			"growing 30% a year from it, the series would reach 371.3 by 2025, and a target more than 10 times that is likely a slip of units (×10000): " +
			"is it in 万元, not 亿元? 4000000 万元 is 400 亿元." + acceptJumpsHint,
	}
	for _, dry := range []bool{true, false} {
		b := parseString(t, "plan.csv", fractionPlanTable, Options{Region: "houma"})
		noProblems(t, b)
		_, err := Apply(context.Background(), st, b, ApplyOptions{DryRun: dry})
		if got := problemTexts(b.Problems); plancast.ErrorCode(err) != plancast.EINVALID || fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("dry run %v: %v, problems\n%q\nwant\n%q", dry, err, got, want)
		}
	}
	// The targets meant pass beside the same figures; accepting jumps
	// writes the ones refused.
	meant := strings.NewReplacer(",0.45,", ",45,", ",0.045,", ",4.5,", ",4000000,", ",400,").Replace(fractionPlanTable)
	if rep := apply(t, st, parseString(t, "plan.csv", meant, Options{Region: "houma"}), true); rep.Targets.New != 3 {
		t.Errorf("the targets meant: %+v, want 3 new", rep.Targets)
	}
	b := parseString(t, "plan.csv", fractionPlanTable, Options{Region: "houma"})
	if rep, err := Apply(context.Background(), st, b, ApplyOptions{DryRun: true, AcceptJumps: true}); err != nil || rep.Targets.New != 3 {
		t.Errorf("accepting jumps: %v, %+v; want 3 new", err, rep)
	}
}

// A stored figure as recent as the row's base year, or more, is the one
// judged beside, as before.
func TestTheLatestStoredFigureIsJudgedBesideBeforeAnOlderBaseYear(t *testing.T) {
	st := storedJumpFigures(t, "houma,secondary_industry_share,2023,44.0,%\n")
	b := parseString(t, "plan.csv", "指标,单位,2020年,2025年,属性\n第二产业占GDP比重,%,41.3,0.45,预期性\n", Options{Region: "houma"})
	_, err := Apply(context.Background(), st, b, ApplyOptions{DryRun: true})
	want := []string{"plan.csv row 2 column D (value): target houma secondary_industry_share 14th-fyp share 2025: 0.45 is 1/97.8 of the latest figure, 44 in 2023 (stored); " +
		"a fraction typed for a percent (45% is 45)?" + acceptJumpsHint}
	if got := problemTexts(b.Problems); plancast.ErrorCode(err) != plancast.EINVALID || fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("%v, problems\n%q\nwant\n%q", err, got, want)
	}
}

// storedTargets stores targets (slipTargetsHeader's columns) in a new store
// holding no figures.
func storedTargets(t *testing.T, rows string) plancast.Store {
	t.Helper()
	st := openStore(t)
	apply(t, st, parseString(t, "stored.csv", slipTargetsHeader+rows, Options{}), false)
	return st
}

func TestATargetRevisedToAFractionOrAMultipleOfTheVersionItReplacesIsRefused(t *testing.T) {
	st := storedTargets(t, "houma,secondary_industry_share,14th-fyp,share,2025,45,,2021-04-20\n"+
		"houma,industrial_output,14th-fyp,level,2025,400,亿元,2021-04-20\n"+
		"houma,unemployment_rate,14th-fyp,ceiling,2025,4.5,,2021-04-20\n")
	ctx := context.Background()
	rows := "houma,secondary_industry_share,14th-fyp,share,2025,0.45,,\n" +
		"houma,industrial_output,14th-fyp,level,2025,4000000,亿元,\n" +
		"houma,unemployment_rate,14th-fyp,ceiling,2025,45,,\n"
	want := []string{
		"t.csv row 2 column F (value): target houma secondary_industry_share 14th-fyp share 2025: 0.45 is 1/100.0 of the version it replaces, 45 (set on 2021-04-20); " +
			"a fraction typed for a percent (45% is 45)?" + acceptJumpsHint,
		"t.csv row 3 column F (value): target houma industrial_output 14th-fyp level 2025: 4000000 is 10000.0 times the version it replaces, 400 (set on 2021-04-20); " +
			"a target revised to more than 5 times, or under 1/5 of, the version in force is likely a slip of units (×10000): is it in 万元, not 亿元? 4000000 万元 is 400 亿元." + acceptJumpsHint,
		"t.csv row 4 column F (value): target houma unemployment_rate 14th-fyp ceiling 2025: 45 is 10.0 times the version it replaces, 4.5 (set on 2021-04-20); " +
			"a target revised to more than 5 times, or under 1/5 of, the version in force is likely a slip of units (×10): is it 10 times too large, 4.5?" + acceptJumpsHint,
	}
	for _, dry := range []bool{true, false} {
		b := parseString(t, "t.csv", slipTargetsHeader+rows, Options{})
		noProblems(t, b)
		_, err := Apply(ctx, st, b, ApplyOptions{DryRun: dry})
		if got := problemTexts(b.Problems); plancast.ErrorCode(err) != plancast.EINVALID || fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("dry run %v: %v, problems\n%q\nwant\n%q", dry, err, got, want)
		}
	}
	// A revision within the factor is a plan revised (400 to 360, 45 to
	// 43, 4.5 to 5): written. Accepting jumps writes the others.
	revised := "houma,secondary_industry_share,14th-fyp,share,2025,43,,\nhouma,industrial_output,14th-fyp,level,2025,360,亿元,\nhouma,unemployment_rate,14th-fyp,ceiling,2025,5,,\n"
	if rep := apply(t, st, parseString(t, "t.csv", slipTargetsHeader+revised, Options{}), true); rep.Targets.Revised != 3 {
		t.Errorf("revisions within the factor: %+v, want 3 revised", rep.Targets)
	}
	rep, err := Apply(ctx, st, parseString(t, "t.csv", slipTargetsHeader+rows, Options{}), ApplyOptions{AcceptJumps: true})
	if err != nil || rep.Targets.Revised != 3 {
		t.Errorf("accepting jumps: %v, %+v; want 3 revised", err, rep)
	}
}

// A plan table's row revising a version is judged beside both, the base
// year's figure first: the user test's push of 0.45 over the 45 in force.
func TestAPlanTableRevisingTheVersionInForceToAFractionIsRefused(t *testing.T) {
	st := storedTargets(t, "houma,secondary_industry_share,14th-fyp,share,2025,45,,2021-04-20\n")
	b := parseString(t, "frac_share.csv", "指标,单位,2025年,属性\n第二产业占GDP比重,%,0.45,预期性\n", Options{Region: "houma"})
	noProblems(t, b)
	_, err := Apply(context.Background(), st, b, ApplyOptions{DryRun: true})
	want := []string{"frac_share.csv row 2 column C (value): target houma secondary_industry_share 14th-fyp share 2025: 0.45 is 1/100.0 of the version it replaces, 45 (set on 2021-04-20); " +
		"a fraction typed for a percent (45% is 45)?" + acceptJumpsHint}
	if got := problemTexts(b.Problems); plancast.ErrorCode(err) != plancast.EINVALID || fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("%v, problems\n%q\nwant\n%q", err, got, want)
	}
}

// versionReads counts the reads of stored target versions.
type versionReads struct {
	plancast.Store
	n int
}

func (s *versionReads) TargetVersions(ctx context.Context, f plancast.TargetFilter) ([]plancast.Target, error) {
	s.n++
	return s.Store.TargetVersions(ctx, f)
}

// The versions the targets replace are those the push reads to hold its
// targets to the store (checkTargetHistory), read once: on InfluxDB a read
// is a round trip a series.
func TestTheVersionsATargetReplacesAreReadOnce(t *testing.T) {
	st := &versionReads{Store: storedTargets(t, "houma,industrial_output,14th-fyp,level,2025,400,亿元,2021-04-20\n")}
	b := parseString(t, "t.csv", slipTargetsHeader+"houma,industrial_output,14th-fyp,level,2025,360,亿元,\n", Options{})
	if _, err := Apply(context.Background(), st, b, ApplyOptions{}); err != nil {
		t.Fatal(err)
	}
	if st.n != 1 {
		t.Errorf("%d reads of the stored versions of one series' targets, want 1", st.n)
	}
}
