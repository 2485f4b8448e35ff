package ingest

import (
	"context"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// A row says only what its file has a place for. A wide table has no place
// for a stated growth, a table may have no status or growth column, a JSON
// item may leave out the "status" or "growth" key: pushed with the value of
// the stored figure, such a row takes that figure's status and stated growth
// and counts unchanged. Unfixed, the row's defaults (no growth, status
// final) were taken as a revision: a yearbook's table pushed again dropped
// the growth a growth target is judged on and made a preliminary figure
// final. Another value takes nothing: a new level voids the old growth
// statement. A place left blank (an empty cell in a growth column,
// "growth": null) says none, a revision when the stored figure had one.

// statedHoumaGDP is a store holding Houma's GDP as the reports state it:
// 2020 preliminary, 5.3% a year since 2015 (the 2021 work report); 2021
// final, +8.1% (the 2022 communiqué).
func statedHoumaGDP(t *testing.T) plancast.Store {
	t.Helper()
	st := openStore(t)
	apply(t, st, parseString(t, "stated.csv", "region,indicator,year,value,status,growth,growth_base_year,published\n"+
		"houma,gdp,2020,120.8,preliminary,5.3,2015,2021-04-20\n"+
		"houma,gdp,2021,131.2,final,8.1,,2022-03-01\n", Options{}), false)
	return st
}

// The stored figures as statedHoumaGDP states them.
const (
	stated2020 = "120.8, growth 5.3% a year since 2015 (preliminary)"
	stated2021 = "131.2, growth 8.1%"
)

// storedGDP is the latest stored vintage of Houma's GDP of year, as
// figureText writes it.
func storedGDP(t *testing.T, st plancast.Store, year int) string {
	t.Helper()
	s, err := st.Series(context.Background(), plancast.SeriesQuery{Region: "houma", Indicator: "gdp", From: year, To: year})
	if err != nil || len(s.Observations) != 1 {
		t.Fatalf("houma gdp %d: %+v, %v", year, s, err)
	}
	return figureText(&s.Observations[0])
}

// push applies the file to st as a dry run and then for real, and checks
// that both count want (new, revised, unchanged, rejected).
func push(t *testing.T, st plancast.Store, name, content string, opt Options, want [4]int) *Report {
	t.Helper()
	var rep *Report
	for _, dryRun := range []bool{true, false} {
		rep = apply(t, st, parseString(t, name, content, opt), dryRun)
		if got := counts(rep); got != want {
			t.Errorf("%s (dry run %v): new/revised/unchanged/rejected = %v, want %v", name, dryRun, got, want)
		}
	}
	return rep
}

// wantStored checks the latest stored vintages of Houma's 2020 and 2021 GDP.
func wantStored(t *testing.T, st plancast.Store, want2020, want2021 string) {
	t.Helper()
	if got := storedGDP(t, st, 2020); got != want2020 {
		t.Errorf("2020 stored: %s, want %s", got, want2020)
	}
	if got := storedGDP(t, st, 2021); got != want2021 {
		t.Errorf("2021 stored: %s, want %s", got, want2021)
	}
}

// today is the date of a push that gives none: the store is read for rows
// that leave something unsaid even when nothing else needs it.
var today = Options{Published: plancast.Today()}

func TestAWideTableOfTheStoredValuesChangesNothing(t *testing.T) {
	for _, opt := range []Options{today, {Published: plancast.NewDate(2022, 6, 1)}} {
		st := statedHoumaGDP(t)
		push(t, st, "g2.csv", "indicator,2020,2021\ngdp,120.8,131.2\n", Options{Region: "houma", Published: opt.Published}, [4]int{0, 0, 2, 0})
		wantStored(t, st, stated2020, stated2021)
	}
}

func TestAWideWorkbookOfTheStoredValuesChangesNothing(t *testing.T) {
	st := statedHoumaGDP(t)
	data := growthWorkbook(t, [][]any{{"region", "indicator", 2020, 2021}, {"houma", "gdp", 120.8, 131.2}}, "")
	for _, dryRun := range []bool{true, false} {
		b, err := Parse("g2.xlsx", "", strings.NewReader(string(data)), seedCatalog(t), today)
		if err != nil {
			t.Fatal(err)
		}
		if got := counts(apply(t, st, b, dryRun)); got != [4]int{0, 0, 2, 0} {
			t.Errorf("the wide workbook again (dry run %v): %v, want 2 unchanged", dryRun, got)
		}
	}
	wantStored(t, st, stated2020, stated2021)
}

func TestALongTableWithoutAGrowthColumnKeepsTheStatedGrowth(t *testing.T) {
	st := statedHoumaGDP(t)
	push(t, st, "long.csv", "region,indicator,year,value\nhouma,gdp,2020,120.8\nhouma,gdp,2021,131.2\n", today, [4]int{0, 0, 2, 0})
	wantStored(t, st, stated2020, stated2021)
}

func TestAJSONItemWithoutTheGrowthKeyKeepsTheStatedGrowth(t *testing.T) {
	st := statedHoumaGDP(t)
	doc := `[{"region": "houma", "indicator": "gdp", "year": 2020, "value": 120.8},
	         {"region": "houma", "indicator": "gdp", "year": 2021, "value": 131.2, "status": "final"}]`
	push(t, st, "gdp.json", doc, today, [4]int{0, 0, 2, 0})
	wantStored(t, st, stated2020, stated2021)
	// A series object: its observations leave out the keys the same way.
	series := `{"region": "houma", "indicator": "gdp", "observations": [{"year": 2020, "value": 120.8}, {"year": 2021, "value": 131.2}]}`
	push(t, st, "series.json", series, today, [4]int{0, 0, 2, 0})
	wantStored(t, st, stated2020, stated2021)
}

func TestAJSONGrowthOfNullSaysNone(t *testing.T) {
	st := statedHoumaGDP(t)
	doc := `[{"region": "houma", "indicator": "gdp", "year": 2021, "value": 131.2, "growth": null}]`
	push(t, st, "gdp.json", doc, today, [4]int{0, 1, 0, 0})
	wantStored(t, st, stated2020, "131.2")
}

func TestABlankGrowthCellSaysNone(t *testing.T) {
	st := statedHoumaGDP(t)
	push(t, st, "long.csv", "region,indicator,year,value,growth\nhouma,gdp,2021,131.2,\n", today, [4]int{0, 1, 0, 0})
	wantStored(t, st, stated2020, "131.2")
}

func TestAChangedValueTakesNothingOfTheStoredFigure(t *testing.T) {
	st := statedHoumaGDP(t)
	push(t, st, "g2.csv", "indicator,2020,2021\ngdp,121.5,131.2\n", Options{Region: "houma", Published: plancast.Today()}, [4]int{0, 1, 1, 0})
	// A new level voids the old growth statement; its status is the
	// default, final.
	wantStored(t, st, "121.5", stated2021)
}

func TestTheStatusIsKeptWhenTheTableHasNoStatusColumn(t *testing.T) {
	st := statedHoumaGDP(t)
	// A growth column, but no status column: 2020 stays preliminary.
	push(t, st, "long.csv", "region,indicator,year,value,growth,growth_base_year\nhouma,gdp,2020,120.8,5.3,2015\n", today, [4]int{0, 0, 1, 0})
	wantStored(t, st, stated2020, stated2021)
}

func TestAStatusColumnRevisesTheStatusAndTheGrowthIsKept(t *testing.T) {
	st := statedHoumaGDP(t)
	// The bureau confirms 2020 as final, in a table without growths.
	push(t, st, "final.csv", "region,indicator,year,value,status\nhouma,gdp,2020,120.8,final\n", today, [4]int{0, 1, 0, 0})
	wantStored(t, st, "120.8, growth 5.3% a year since 2015", stated2021)
}

func TestAYearHeaderGivingTheStatusSaysIt(t *testing.T) {
	st := statedHoumaGDP(t)
	// "2021年（初步）": the header says 2021's figure is preliminary; its
	// growth, which a wide table has no place for, is kept.
	push(t, st, "g2.csv", "指标,2020年,2021年（初步）\n地区生产总值,120.8,131.2\n", Options{Region: "houma", Published: plancast.Today()}, [4]int{0, 1, 1, 0})
	wantStored(t, st, stated2020, stated2021+" (preliminary)")
}

// An old wide table pushed again with its date restates the vintages it
// gave: it is judged against the vintage served on its date, and takes
// that one's status and growth. Unfixed, its 2020 read final where the
// vintage of that date is preliminary, and the row was refused as
// contradicting it.
func TestAnOldWideTablePushedAgainRestatesItsVintages(t *testing.T) {
	st := statedHoumaGDP(t)
	apply(t, st, parseString(t, "bureau.csv", "region,indicator,year,value,status,published\nhouma,gdp,2020,121.5,final,2022-03-01\n", Options{}), false)
	for _, d := range []plancast.Date{plancast.NewDate(2021, 4, 20), plancast.NewDate(2021, 6, 1)} {
		rep := push(t, st, "2021.csv", "indicator,2020\ngdp,120.8\n", Options{Region: "houma", Published: d}, [4]int{0, 0, 1, 0})
		if len(rep.Notes) != 1 || !strings.Contains(rep.Notes[0], "houma gdp 2020: "+stated2020+", published "+d.String()+", restates the vintage published 2021-04-20") {
			t.Errorf("dated %s: notes %q, want one saying it restates the vintage of 2021-04-20", d, rep.Notes)
		}
	}
	if vs := gdpVintages(t, st); len(vs) != 3 {
		t.Errorf("%d vintages stored, want the 3 before (2020 twice, 2021): %+v", len(vs), vs)
	}
}

// vintagesDown is a store whose stored vintages cannot be read, as the spool
// answers while InfluxDB is down; it writes as it would.
type vintagesDown struct{ plancast.Store }

func (vintagesDown) Vintages(context.Context, plancast.SeriesKey) ([]plancast.Observation, error) {
	return nil, plancast.Errorf(plancast.EUNAVAILABLE, "the backend is down")
}

func (vintagesDown) VintagesOf(context.Context, []plancast.SeriesKey) (map[plancast.SeriesKey][]plancast.Observation, error) {
	return nil, plancast.Errorf(plancast.EUNAVAILABLE, "the backend is down")
}

// While the stored figures cannot be read, the rows are not refused for it:
// they keep their defaults, and the report says so.
func TestWhileTheStoreCannotBeReadTheReportSaysTheRowsTookNothing(t *testing.T) {
	st := vintagesDown{statedHoumaGDP(t)}
	rep := apply(t, st, parseString(t, "long.csv", "region,indicator,year,value\nhouma,gdp,2021,131.2\n", today), false)
	want := "the stored figures could not be read (the backend is down), so the rows without a status or growth column (or key) did not take the stored figure's: " +
		"one pushed again with the same value may count revised and lose the status and growth stored with it"
	if counts(rep) != [4]int{0, 1, 0, 0} || strings.Join(rep.Notes, "\n") != want {
		t.Errorf("%v, notes\n%s\nwant 1 revised and the note\n%s", counts(rep), strings.Join(rep.Notes, "\n"), want)
	}
}

// vintagesOnlyDown is a store whose vintages cannot be read but whose latest
// figures of given years can (FiguresBetween): it stands for any store that
// answers the one read ingest needs for the rows that leave their status or
// growth unsaid, and shows that it needs no other.
type vintagesOnlyDown struct{ vintagesDown }

func (s vintagesOnlyDown) FiguresBetween(ctx context.Context, keys []plancast.SeriesKey, from, to int) ([]plancast.Series, error) {
	return plancast.ReadFiguresBetween(ctx, s.Store.(plancast.VintageStore), keys, from, to)
}

// A push stated today whose rows leave their status or growth unsaid reads
// the latest stored figures of its years alone, not the vintages of its
// series: a yearly push of new figures from a wide table, a table with a
// status column, and a wide table pushed again, which takes the stored
// status and growth from that read. Reading the vintages took a re-push of
// a year's 10,000 figures into InfluxDB 10.0-10.9 s (bench/repush.sh).
func TestARePushStatedTodayReadsNoVintages(t *testing.T) {
	st := vintagesOnlyDown{vintagesDown{statedHoumaGDP(t)}}
	apply(t, st.Store, parseString(t, "2019.csv", "region,indicator,year,value,status,published\nhouma,gdp,2019,116.0,final,2020-03-31\n", Options{}), false)
	for _, c := range []struct {
		name, content string
		want          [4]int
	}{
		{"2022.csv", "indicator,2022\ngdp,140.1\n", [4]int{1, 0, 0, 0}},
		{"2019.csv", "region,indicator,year,value,status\nhouma,gdp,2019,116.0,final\n", [4]int{0, 0, 1, 0}},
		{"2020.csv", "indicator,2020,2021\ngdp,120.8,131.2\n", [4]int{0, 0, 2, 0}},
	} {
		rep := apply(t, st, parseString(t, c.name, c.content, Options{Region: "houma", Published: plancast.Today()}), false)
		if counts(rep) != c.want || len(rep.Notes) != 0 {
			t.Errorf("%s: %v, notes %q; want %v and no note (no vintage read)", c.name, counts(rep), rep.Notes, c.want)
		}
	}
	wantStored(t, st.Store, stated2020, stated2021)
}
