package ingest

import (
	"context"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// reviewedTargets is a store whose targets have a history, as Houma's do in
// cmd/plancast's tests: the 2021 report set the 2025 GDP target at 250 and
// 2021's GDP growth at 8.5% on 2021-04-20, the growth target was withdrawn
// on 2022-01-10 and the mid-term review lowered the 2025 target to 230 on
// 2023-06-01. The fixed-asset investment target never changed.
func reviewedTargets(t *testing.T) plancast.Store {
	t.Helper()
	st := openStore(t)
	apply(t, st, parseString(t, "report.csv", "region,indicator,plan,kind,year,value,base_year,published\n"+
		"houma,gdp,14th-fyp,level,2025,250,2020,2021-04-20\n"+
		"houma,gdp,2021-annual,growth,2021,8.5,,2021-04-20\n"+
		"houma,fixed_asset_investment,2021-annual,growth,2021,10,,2021-04-20\n", Options{}), false)
	if _, err := st.WriteTargets(context.Background(), []plancast.Target{{Region: "houma", Indicator: "gdp", Plan: "2021-annual",
		Kind: plancast.TargetGrowth, Year: 2021, Withdrawn: true, Published: date(t, "2022-01-10")}}); err != nil {
		t.Fatal(err)
	}
	apply(t, st, parseString(t, "review.csv", "region,indicator,plan,kind,year,value,base_year,published\n"+
		"houma,gdp,14th-fyp,level,2025,230,2020,2023-06-01\n", Options{}), false)
	return st
}

// The rows of a targets download (api/tables.go) of the three targets, as
// of 2022-01-01 and as of now, in English and in Chinese.
const (
	gdp2025AsOf2022    = "houma,Houma,gdp,Gross regional product,100 million yuan,14th-fyp,level,2025,250,100 million yuan,expected,2020,2021-04-20,in force,,report.csv,\n"
	gdp2021AsOf2022    = "houma,Houma,gdp,Gross regional product,100 million yuan,2021-annual,growth,2021,8.5,%,expected,,2021-04-20,in force,,report.csv,\n"
	investment2021     = "houma,Houma,fixed_asset_investment,Fixed-asset investment,100 million yuan,2021-annual,growth,2021,10,%,expected,,2021-04-20,in force,,report.csv,\n"
	gdp2025Now         = "houma,Houma,gdp,Gross regional product,100 million yuan,14th-fyp,level,2025,230,100 million yuan,expected,2020,2023-06-01,in force,,review.csv,\n"
	gdp2025AsOf2022Zh  = "houma,侯马市,gdp,地区生产总值,亿元,十四五,总量,2025,250,亿元,预期性,2020,2021-04-20,现行,,report.csv,\n"
	gdp2021AsOf2022Zh  = "houma,侯马市,gdp,地区生产总值,亿元,2021年计划,增速,2021,8.5,%,预期性,,2021-04-20,现行,,report.csv,\n"
	investment2021Zh   = "houma,侯马市,fixed_asset_investment,固定资产投资,亿元,2021年计划,增速,2021,10,%,预期性,,2021-04-20,现行,,report.csv,\n"
	restates250Message = "houma gdp 14th-fyp level 2025: the row restates the version set on 2021-04-20 (250), which was replaced on 2023-06-01 by 230, the version in force " +
		"(a download taken as of an earlier date?); to set 250 again, write in published the date it is set again; " +
		"to keep 230, leave the row out or push a download of the targets in force now (without as_of)"
	restates85Message = "houma gdp 2021-annual growth 2021: the row restates the version set on 2021-04-20 (8.5), which was withdrawn on 2022-01-10 " +
		"(a download taken as of an earlier date?); to set 8.5 again, write in published the date it is set again; " +
		"to keep it withdrawn, leave the row out or push a download of the targets in force now (without as_of)"
)

// A targets download taken as of a past date says of each row that it is
// the version in force, as a download of today's targets does; only its
// values and dates are older. Pushed back, its rows that the store has
// seen replaced or withdrawn since are refused, each at its published cell,
// saying which version it restates, what replaced it and how to set it
// again on purpose; the batch writes nothing, not even its rows that are
// still in force, in a dry run as in a write.
func TestAPastDownloadPushedBackIsRefusedAtEachRowReplacedSince(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct{ name, table string }{
		{"targets.csv", targetsDownloadHeader + investment2021 + gdp2025AsOf2022 + gdp2021AsOf2022},
		{"规划目标.csv", targetsDownloadHeaderZh + investment2021Zh + gdp2025AsOf2022Zh + gdp2021AsOf2022Zh},
	} {
		st := reviewedTargets(t)
		before, _ := st.DataVersion(ctx)
		history, err := st.TargetVersions(ctx, plancast.TargetFilter{})
		if err != nil {
			t.Fatal(err)
		}
		for _, dryRun := range []bool{true, false} {
			b := parseString(t, c.name, c.table, Options{})
			noProblems(t, b)
			rep, err := Apply(ctx, st, b, ApplyOptions{DryRun: dryRun})
			if plancast.ErrorCode(err) != plancast.EINVALID {
				t.Fatalf("%s (dry run %v): Apply error %v, want EINVALID", c.name, dryRun, err)
			}
			want := c.name + " row 3 column M (published): " + restates250Message + "\n" +
				c.name + " row 4 column M (published): " + restates85Message
			if got := strings.Join(problemTexts(rep.Problems), "\n"); got != want {
				t.Errorf("%s (dry run %v): problems\n%s\nwant\n%s", c.name, dryRun, got, want)
			}
			if rep.Targets != (plancast.WriteResult{}) {
				t.Errorf("%s (dry run %v): targets counted %+v, want none", c.name, dryRun, rep.Targets)
			}
		}
		if after, _ := st.DataVersion(ctx); after != before {
			t.Errorf("%s: the data version moved from %s to %s", c.name, before, after)
		}
		if now, _ := st.TargetVersions(ctx, plancast.TargetFilter{}); len(now) != len(history) {
			t.Errorf("%s: %d target versions stored after the refused push, want the %d before", c.name, len(now), len(history))
		}
	}
}

// The check holds the rows to the store, not to a date in the file, so a
// download of the targets in force now still goes back in unchanged, an
// edited value in it is still a revision, and an old version is set again
// on purpose by giving it the date it is set again.
func TestACurrentDownloadStillGoesBackUnchangedAndAnEditIsARevision(t *testing.T) {
	st := reviewedTargets(t)
	current := targetsDownloadHeader + investment2021 + gdp2025Now
	if rep := apply(t, st, parseString(t, "targets.csv", current, Options{}), false); rep.Targets != (plancast.WriteResult{Unchanged: 2}) {
		t.Errorf("the current download pushed back: %+v, want 2 unchanged", rep.Targets)
	}
	edited := strings.Replace(current, ",level,2025,230,", ",level,2025,240,", 1)
	if rep := apply(t, st, parseString(t, "edited.csv", edited, Options{}), false); rep.Targets != (plancast.WriteResult{Revised: 1, Unchanged: 1}) {
		t.Errorf("the edited download: %+v, want 1 revised and 1 unchanged", rep.Targets)
	}
	again := strings.Replace(targetsDownloadHeader+gdp2025AsOf2022, ",2021-04-20,in force,", ",2026-11-20,in force,", 1)
	if rep := apply(t, st, parseString(t, "again.csv", again, Options{}), false); rep.Targets != (plancast.WriteResult{Revised: 1}) {
		t.Errorf("250 dated anew: %+v, want 1 revised", rep.Targets)
	}
	ts, err := st.Targets(context.Background(), plancast.TargetFilter{Region: "houma", Indicator: "gdp", Plan: "14th-fyp"})
	if err != nil || len(ts) != 1 || ts[0].Value != 250 {
		t.Errorf("houma gdp 14th-fyp in force: %+v %v, want 250", ts, err)
	}
}

// A row of a past download whose value was edited restates no stored
// version, but its published date is still the past one: stored, it would
// be history that never comes into force, so it is refused as well, and a
// row restating a version that is in force again (set anew since) is
// unchanged.
func TestAnEditedRowOfAPastDownloadIsRefusedForItsDate(t *testing.T) {
	ctx := context.Background()
	st := reviewedTargets(t)
	edited := strings.Replace(gdp2025AsOf2022, ",level,2025,250,", ",level,2025,260,", 1)
	rep, err := Apply(ctx, st, parseString(t, "edited.csv", targetsDownloadHeader+edited, Options{}), ApplyOptions{})
	want := "edited.csv row 2 column M (published): houma gdp 14th-fyp level 2025: the row is marked in force but dated 2021-04-20, " +
		"before the version in force (230, set on 2023-06-01), so it would be kept as history and not put in force " +
		"(a download taken as of an earlier date, edited?); to set 260, write in published the date it is set; " +
		"to keep 230, leave the row out or push a download of the targets in force now (without as_of)"
	if plancast.ErrorCode(err) != plancast.EINVALID || strings.Join(problemTexts(rep.Problems), "\n") != want {
		t.Errorf("an edited past row: %v, problems\n%s\nwant\n%s", err, strings.Join(problemTexts(rep.Problems), "\n"), want)
	}

	// Set anew at 250, the version of 2021-04-20 restates the one in force.
	apply(t, st, parseString(t, "again.csv", "region,indicator,plan,kind,year,value,base_year,published\n"+
		"houma,gdp,14th-fyp,level,2025,250,2020,2026-11-20\n", Options{}), false)
	if rep := apply(t, st, parseString(t, "targets.csv", targetsDownloadHeader+gdp2025AsOf2022, Options{}), false); rep.Targets != (plancast.WriteResult{Unchanged: 1}) {
		t.Errorf("250 as of 2022 once 250 is in force again: %+v, want 1 unchanged", rep.Targets)
	}
}

// Only a row that says it is in force is held to the version in force: a
// table without a version column, or a row whose version the author left
// blank, is held to the version in force on its date (restated.go). A
// version dated before the one in force on a day no stored version was set
// is kept as history (README: "A version dated before the one in force is
// kept as history and does not replace it"), and counted so, not revised;
// a row restating the version in force on its date is unchanged (it
// counted revised, and was stored again, before the restatements were
// recognised).
func TestRowsThatClaimNoVersionAreNotHeldToTheStore(t *testing.T) {
	st := reviewedTargets(t)
	backfill := "region,indicator,plan,kind,year,value,base_year,published\nhouma,gdp,14th-fyp,level,2025,260,2020,2022-03-01\n"
	if rep := apply(t, st, parseString(t, "backfill.csv", backfill, Options{}), false); rep.Targets != (plancast.WriteResult{History: 1}) {
		t.Errorf("a backfilled version: %+v, want 1 kept as history", rep.Targets)
	}
	blank := strings.Replace(gdp2025AsOf2022, ",in force,", ",,", 1)
	if rep := apply(t, st, parseString(t, "blank.csv", targetsDownloadHeader+blank, Options{}), false); rep.Targets != (plancast.WriteResult{Unchanged: 1}) {
		t.Errorf("a row with a blank version: %+v, want 1 unchanged (it restates the version of 2021-04-20)", rep.Targets)
	}
}

// Further histories, said of the row as staleVersion says them: a version
// replaced twice names the version in force too; a version stored before
// versions were dated comes out of a download with a blank date (read as
// the push's) and is still recognised, since pushed as a version of the
// push's date it would be put back in force.
func TestAStaleRowNamesWhatReplacedItAndWhatIsInForce(t *testing.T) {
	v := func(value float64, published string) plancast.Target {
		tg := plancast.Target{Region: "houma", Indicator: "gdp", Plan: "14th-fyp", Kind: plancast.TargetLevel, Year: 2025, BaseYear: 2020, Value: value}
		if published != "" {
			tg.Published = date(t, published)
		}
		return tg
	}
	withdrawal := v(0, "2024-03-01")
	withdrawal.Withdrawn = true
	row := v(250, "2021-04-20")
	for _, c := range []struct {
		name     string
		row      plancast.Target
		undated  bool
		versions []plancast.Target
		want     string
	}{
		{"replaced twice", row, false, []plancast.Target{v(250, "2021-04-20"), v(240, "2022-06-01"), v(230, "2023-06-01")},
			"the row restates the version set on 2021-04-20 (250), which was replaced on 2022-06-01 by 240 (in force now: 230, set on 2023-06-01)"},
		{"replaced, then withdrawn", row, false, []plancast.Target{v(250, "2021-04-20"), v(230, "2023-06-01"), withdrawal},
			"the row restates the version set on 2021-04-20 (250), which was replaced on 2023-06-01 by 230 (and withdrawn on 2024-03-01)"},
		{"undated, replaced", v(250, "2026-11-20"), true, []plancast.Target{v(250, ""), v(230, "2023-06-01")},
			"the row restates the version stored without a date (250), which was replaced on 2023-06-01 by 230, the version in force"},
		{"undated, in force", v(250, "2026-11-20"), true, []plancast.Target{v(250, "")}, ""},
		{"dated, edited after the review", v(260, "2026-11-20"), false, []plancast.Target{v(250, "2021-04-20"), v(230, "2023-06-01")}, ""},
	} {
		got := staleVersion(&c.row, c.undated, c.versions)
		if !strings.HasPrefix(got, c.want) || (c.want == "") != (got == "") {
			t.Errorf("%s: %q, want it to start %q", c.name, got, c.want)
		}
	}
}
