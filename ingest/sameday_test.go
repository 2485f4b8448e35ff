package ingest

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/store/bolt"
)

// A same-day correction replaces a stored version under its own date, so
// that every answer as of that date on reads the correction. It is for a
// bureau correcting a push the same day it made it: a row stated today, or a
// row correcting versions pushed today whatever date they carry. A row that
// carries the date of a version pushed on an earlier day and says something
// else is an edit of an old download (a series or targets download carries
// each row's published date): it is refused at its published date, saying
// what it would rewrite and how to set the value now, and nothing is
// written. A user test edited one value of a series download whose rows were
// published 2024-03-15 and pushed it back: it was taken as a same-day
// correction, and every answer as of 2024-03-15 on changed.

// gdpPushedLongAgo is a store holding Houma's 2021 and 2022 GDP as a bureau
// pushed them on 2024-03-16, published 2024-03-15 (a RecordedWriter keeps
// the time each vintage was pushed, as an import does), and the 14th-FYP GDP
// target of 250 set on 2021-04-20, pushed on 2021-04-21.
func gdpPushedLongAgo(t *testing.T) *bolt.Store {
	t.Helper()
	ctx := context.Background()
	st := openStore(t)
	pushed := time.Date(2024, time.March, 16, 2, 0, 0, 0, time.UTC)
	published := plancast.NewDate(2024, time.March, 15)
	if _, err := st.WriteObservationsRecorded(ctx, []plancast.Observation{
		{Region: "houma", Indicator: "gdp", Year: 2021, Value: 131.2, Status: plancast.StatusFinal, Period: plancast.PeriodYear, Published: published, Recorded: pushed},
		{Region: "houma", Indicator: "gdp", Year: 2022, Value: 140.5, Status: plancast.StatusFinal, Period: plancast.PeriodYear, Published: published, Recorded: pushed},
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.WriteTargetsRecorded(ctx, []plancast.Target{{Region: "houma", Indicator: "gdp", Plan: "14th-fyp", Kind: plancast.TargetLevel,
		BaseYear: 2020, Year: 2025, Value: 250, Published: date(t, "2021-04-20"), Recorded: time.Date(2021, time.April, 21, 1, 0, 0, 0, time.UTC)}}); err != nil {
		t.Fatal(err)
	}
	return st
}

// gdpAsOf is Houma's GDP of year as an answer as of asOf (zero: now) reads it.
func gdpAsOf(t *testing.T, st plancast.Store, year int, asOf plancast.Date) float64 {
	t.Helper()
	s, err := st.Series(context.Background(), plancast.SeriesQuery{Region: "houma", Indicator: "gdp", From: year, To: year, AsOf: asOf})
	if err != nil || len(s.Observations) != 1 {
		t.Fatalf("houma gdp %d as of %s: %+v, %v", year, asOf, s, err)
	}
	return s.Observations[0].Value
}

const editedSeries = "region,indicator,year,period,value,unit,status,published\n" +
	"houma,gdp,2021,year,131.2,100m_yuan,final,2024-03-15\n" +
	"houma,gdp,2022,year,141.3,100m_yuan,final,2024-03-15\n"

func TestAnEditedFigureKeepingTheDateOfAVintagePushedEarlierIsRefusedAtItsDate(t *testing.T) {
	ctx := context.Background()
	st := gdpPushedLongAgo(t)
	before, _ := st.DataVersion(ctx)
	today := plancast.Today().String()
	want := "series.csv row 3 (published): houma gdp 2022: 141.3, published 2024-03-15, differs from the vintage published that day " +
		"(140.5, the figure served, pushed on 2024-03-16): taken, it would replace that vintage in every answer as of 2024-03-15 or later, " +
		"rewriting what those answers gave (a vintage is corrected under its own date only on the day it was pushed; " +
		"an edited download carries the dates of the vintages it was taken from); to revise the figure, date it today: write " + today +
		" in published, or leave published empty (a row without a date takes the push's: today, unless --published or ?published= gives another)"
	for _, dryRun := range []bool{true, false} {
		rep, err := Apply(ctx, st, parseString(t, "series.csv", editedSeries, Options{}), ApplyOptions{DryRun: dryRun})
		if plancast.ErrorCode(err) != plancast.EINVALID || strings.Join(problemTexts(rep.Problems), "\n") != want {
			t.Errorf("dry run %v: %v, problems\n%s\nwant\n%s", dryRun, err, strings.Join(problemTexts(rep.Problems), "\n"), want)
		}
	}
	if after, _ := st.DataVersion(ctx); after != before {
		t.Errorf("the data version moved from %s to %s", before, after)
	}
	if v := gdpAsOf(t, st, 2022, date(t, "2024-06-01")); v != 140.5 {
		t.Errorf("2022 as of 2024-06-01: %g, want 140.5 as answered before the push", v)
	}

	// The same edit dated today, or without a date (the push's: today), is
	// a revision of today; the row left as downloaded is unchanged.
	for name, table := range map[string]string{
		"dated today": strings.Replace(editedSeries, "141.3,100m_yuan,final,2024-03-15", "141.3,100m_yuan,final,"+today, 1),
		"undated":     strings.Replace(editedSeries, "141.3,100m_yuan,final,2024-03-15", "141.3,100m_yuan,final,", 1),
	} {
		rep := apply(t, st, parseString(t, "series.csv", table, Options{Published: plancast.Today()}), true)
		if counts(rep) != [4]int{0, 1, 1, 0} {
			t.Errorf("%s: %v, want 1 revised and 1 unchanged", name, counts(rep))
		}
	}
	rep := apply(t, st, parseString(t, "series.csv", strings.Replace(editedSeries, "141.3", "140.5", 1), Options{}), false)
	if counts(rep) != [4]int{0, 0, 2, 0} || len(rep.Notes) != 0 {
		t.Errorf("the download unedited: %v, notes %q, want 2 unchanged", counts(rep), rep.Notes)
	}
}

// What the same-day rule is for: a bureau that pushed its bulletin this
// morning, dated the bulletin's day, corrects a figure of it this afternoon
// under the same date. That replaces this morning's vintage, and the note
// says so.
func TestACorrectionOfAPushMadeTodayUnderItsDateIsASameDayCorrection(t *testing.T) {
	st := openStore(t)
	first := "region,indicator,year,value,status,published\nhouma,gdp,2021,131.2,final,2024-03-15\nhouma,gdp,2022,140.5,final,2024-03-15\n"
	apply(t, st, parseString(t, "bulletin.csv", first, Options{}), false)
	corrected := strings.Replace(first, "140.5", "141.3", 1)
	rep := apply(t, st, parseString(t, "bulletin.csv", corrected, Options{}), false)
	if counts(rep) != [4]int{0, 1, 1, 0} || len(rep.Notes) != 1 || !strings.HasPrefix(rep.Notes[0],
		"1 figure replaced the vintage published the same day (a same-day correction): houma gdp 2022: 141.3 (published 2024-03-15) replaced the vintage of the same day (140.5)") {
		t.Errorf("corrected the day it was pushed: %v, notes %q, want 1 revised and the same-day note", counts(rep), rep.Notes)
	}
	if v := gdpAsOf(t, st, 2022, date(t, "2024-06-01")); v != 141.3 {
		t.Errorf("2022 as of 2024-06-01: %g, want the correction, 141.3", v)
	}
}

// Targets alike: a row dated the day of a version pushed on an earlier day,
// with another value, is refused at its published date; in a targets
// download (its row marked in force), at its published cell. Dated today,
// it is a revision.
func TestAnEditedTargetKeepingTheDateOfAVersionPushedEarlierIsRefusedAtItsDate(t *testing.T) {
	ctx := context.Background()
	st := gdpPushedLongAgo(t)
	today := plancast.Today().String()
	table := "region,indicator,plan,kind,base_year,year,value,published\nhouma,gdp,14th-fyp,level,2020,2025,240,2021-04-20\n"
	download := targetsDownloadHeader + strings.Replace(gdp2025AsOf2022, ",2025,250,", ",2025,240,", 1)
	rewrites := "taken, it would replace that version in every answer as of 2021-04-20 or later, rewriting what those answers gave " +
		"(a version is corrected under its own date only on the day it was pushed; an edited download carries the dates of the versions it was taken from)"
	for _, c := range []struct{ name, table, want string }{
		{"targets.csv", table, "targets.csv row 2 (published): houma gdp 14th-fyp level 2025: 240, dated 2021-04-20, differs from the version set that day " +
			"(250, the version in force, pushed on 2021-04-21): " + rewrites + "; to set 240 now, date it today: write " + today +
			" in published, or leave published empty (a row without a date takes the push's: today, unless --published or ?published= gives another)"},
		{"download.csv", download, "download.csv row 2 column M (published): houma gdp 14th-fyp level 2025: the row is marked in force and dated 2021-04-20, " +
			"the day the version in force (250, pushed on 2021-04-21) was set, but says 240: " + rewrites + "; to set 240 now, write " + today +
			" in published; to keep 250, put it back in the row or leave the row out"},
	} {
		for _, dryRun := range []bool{true, false} {
			rep, err := Apply(ctx, st, parseString(t, c.name, c.table, Options{}), ApplyOptions{DryRun: dryRun})
			if plancast.ErrorCode(err) != plancast.EINVALID || strings.Join(problemTexts(rep.Problems), "\n") != c.want {
				t.Errorf("%s (dry run %v): %v, problems\n%s\nwant\n%s", c.name, dryRun, err, strings.Join(problemTexts(rep.Problems), "\n"), c.want)
			}
		}
		dated := strings.Replace(c.table, "2021-04-20", today, 1)
		if rep := apply(t, st, parseString(t, c.name, dated, Options{}), true); rep.Targets != (plancast.WriteResult{Revised: 1}) {
			t.Errorf("%s dated today: %+v, want 1 revised", c.name, rep.Targets)
		}
	}
	ts, err := st.Targets(ctx, plancast.TargetFilter{Region: "houma", Indicator: "gdp", Plan: "14th-fyp", AsOf: date(t, "2022-01-01")})
	if err != nil || len(ts) != 1 || ts[0].Value != 250 {
		t.Errorf("the target as of 2022-01-01: %+v, %v, want 250", ts, err)
	}
}
