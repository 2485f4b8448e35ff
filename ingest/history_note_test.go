package ingest

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/plancast/plancast"
)

// Many figures kept as history are counted in one note that names the
// first five and says how many more there are.
func TestManyFiguresKeptAsHistoryAreCountedInOneNote(t *testing.T) {
	st := openStore(t)
	var served, older strings.Builder
	served.WriteString("region,indicator,year,value,published\n")
	older.WriteString("region,indicator,year,value,published\n")
	for y := 2013; y <= 2019; y++ {
		fmt.Fprintf(&served, "houma,gdp,%d,%d,2021-06-01\n", y, 100+y-2013)
		fmt.Fprintf(&older, "houma,gdp,%d,%d.5,2020-06-01\n", y, 100+y-2013)
	}
	apply(t, st, parseString(t, "served.csv", served.String(), Options{}), false)
	rep := apply(t, st, parseString(t, "older.csv", older.String(), Options{}), false)
	if rep.History != 7 || rep.Revised != 0 || len(rep.Notes) != 1 {
		t.Fatalf("7 figures dated before the served ones: %d history, %d revised, notes %q; want 7 kept as history in one note", rep.History, rep.Revised, rep.Notes)
	}
	n := rep.Notes[0]
	for _, want := range []string{"7 figures are dated before the vintages served, so they are kept as history",
		"houma gdp 2013: 100.5 (published 2020-06-01) is kept as an earlier vintage; the served figure stays 100 (published 2021-06-01)",
		"; and 2 more; to have a figure served"} {
		if !strings.Contains(n, want) {
			t.Errorf("note %q; want it to say %q", n, want)
		}
	}
	if c := strings.Count(n, "is kept as an earlier vintage"); c != 5 {
		t.Errorf("the note names %d figures; want the first 5", c)
	}
}

// The notes and problems that name a stored vintage write its figure as a
// table holds it, not in e-notation: a clerk who keyed Houma's 2024 urban
// income 4146000 for 41460 and corrected it the same day read "replaced the
// vintage of the same day (4.146e+06)", in the very note that confirms
// which slip was corrected.
func TestNotesWriteLargeFiguresPlainly(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	push := func(name, rows string) (*Report, error) {
		b := parseString(t, name, "region,indicator,year,value,published\n"+rows, Options{})
		return Apply(ctx, st, b, ApplyOptions{AcceptJumps: true})
	}
	for _, c := range []struct{ file, rows, says string }{
		{"slip.csv", "houma,urban_disposable_income,2024,4146000,2025-03-20\n", ""},
		{"fixed.csv", "houma,urban_disposable_income,2024,41460,2025-03-20\n",
			"houma urban_disposable_income 2024: 41460 (published 2025-03-20) replaced the vintage of the same day (4146000); an answer as of that day or later now reads 41460"},
		{"big.csv", "houma,urban_disposable_income,2023,1234567,2025-03-01\n", ""},
		{"revised.csv", "houma,urban_disposable_income,2023,1250000,2025-06-01\n", ""},
		{"older.csv", "houma,urban_disposable_income,2023,1240000,2025-04-01\n",
			"houma urban_disposable_income 2023: 1240000 (published 2025-04-01) is kept as an earlier vintage; the served figure stays 1250000 (published 2025-06-01)"},
	} {
		rep, err := push(c.file, c.rows)
		if err != nil {
			t.Fatalf("%s: %v (problems %q)", c.file, err, problemTexts(rep.Problems))
		}
		notes := strings.Join(rep.Notes, "\n")
		if c.says != "" && !strings.Contains(notes, c.says) {
			t.Errorf("%s: notes\n%s\nwant them to say %q", c.file, notes, c.says)
		}
		if strings.Contains(notes, "e+0") {
			t.Errorf("%s: a figure in e-notation in the notes\n%s", c.file, notes)
		}
	}
	// A row contradicting a vintage of its own day, revised since.
	rep, err := push("edited.csv", "houma,urban_disposable_income,2023,1234000,2025-03-01\n")
	problems := strings.Join(problemTexts(rep.Problems), "\n")
	if want := "houma urban_disposable_income 2023: 1234000, published 2025-03-01, contradicts the vintage published that day (1234567), which was revised on 2025-04-01 to 1240000 (served now: 1250000, published 2025-06-01)"; err == nil || !strings.Contains(problems, want) {
		t.Errorf("edited.csv: %v, problems\n%s\nwant %q", err, problems, want)
	}
}

// A figure pushed without a date is dated the day of the push, and the note
// says to give it the date it was published; pushed again with that date,
// the same figure is kept as an earlier vintage of it, which an answer as
// of that date reads, and a note says so; the vintage of the first push
// keeps its date (a push moves no vintage's date). A user test did as the
// note said and was answered "0 new, 0 revised, 1 unchanged" with no note,
// the figure still dated the day of the push and missing from an answer as
// of 2025-06-01. Pushed again with the same date, it restates that vintage.
func TestTheFigureServedPushedAgainWithAnEarlierDateTakesIt(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	const undated = "region,indicator,year,value\nhouma,gdp,2024,152.8\n"
	apply(t, st, parseString(t, "undated.csv", undated, Options{}), false) // dated the push's day, pushDate
	today := pushDate
	asOf := plancast.NewDate(2025, time.April, 1)

	dated := Options{Published: plancast.NewDate(2025, time.March, 20)}
	wantNote := "1 figure is stored already with a later date (the vintage served), so the earlier date this push gives it is kept as history: " +
		"an earlier vintage of the same figure, which an answer as of that date or later now reads; the vintage served keeps its own date " +
		"(a push moves no vintage's date) and what is served does not change: houma gdp 2024: 152.8 (published 2025-03-20) is kept as an earlier vintage of the figure served since " + today.String()
	for _, dryRun := range []bool{true, false} {
		rep := apply(t, st, parseString(t, "undated.csv", undated, dated), dryRun)
		if rep.History != 1 || rep.New+rep.Revised+rep.Unchanged != 0 || !slices.Contains(rep.Notes, wantNote) {
			t.Errorf("dry run %v: %d history, %d new, %d revised, %d unchanged, notes\n%s\nwant 1 kept as history and the note\n%s",
				dryRun, rep.History, rep.New, rep.Revised, rep.Unchanged, strings.Join(rep.Notes, "\n"), wantNote)
		}
	}
	if got := gdpAsOf(t, st, 2024, asOf); got != 152.8 {
		t.Errorf("as of %s: %g; want 152.8, published 2025-03-20", asOf, got)
	}
	vs, err := st.Vintages(ctx, plancast.SeriesKey{Region: "houma", Indicator: "gdp", Period: plancast.PeriodYear})
	if err != nil || len(vs) != 2 || vs[0].Published != dated.Published || vs[1].Published != today {
		t.Fatalf("vintages %+v, %v; want 152.8 published 2025-03-20, and the first push's, dated %s", vs, err, today)
	}

	// The same date again: a restatement of that vintage, not stored again.
	rep := apply(t, st, parseString(t, "undated.csv", undated, dated), false)
	want := "houma gdp 2024: 152.8, published 2025-03-20, restates the vintage published 2025-03-20, which was published again on " + today.String() + ", the figure served"
	if rep.Unchanged != 1 || rep.History != 0 || !strings.Contains(strings.Join(rep.Notes, "\n"), want) {
		t.Errorf("pushed again with the same date: %d unchanged, %d history, notes\n%s\nwant 1 unchanged and a note saying %q", rep.Unchanged, rep.History, strings.Join(rep.Notes, "\n"), want)
	}
	// Undated again, dated the push's day: the figure served, unchanged,
	// nothing said.
	if rep := apply(t, st, parseString(t, "undated.csv", undated, Options{}), false); rep.Unchanged != 1 || len(rep.Notes) != 0 {
		t.Errorf("pushed again undated: %d unchanged, notes %q; want 1 unchanged and no note", rep.Unchanged, rep.Notes)
	}
}
