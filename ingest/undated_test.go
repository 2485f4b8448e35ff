package ingest

import (
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// Rows that carry no published date of their own are dated the day of the
// push, and the report says so in a note: how many, of which file, the
// date, and how to date them (a published column, or the push's date). A
// user test's wide table of 2018–2025 without a published column was
// stored as published that day without a word, and an answer as of any
// earlier date had none of it. Rows that give their date, and a push given
// its date (?published=, --published), are dated as they say: no note.
func TestRowsWithoutADateAreSaidToTakeThePushsDate(t *testing.T) {
	today := plancast.Today().String()
	for _, c := range []struct {
		name, content string
		opt           Options
		want          string // the note's start; "" for none
	}{
		{"wide.csv", "region,indicator,unit,2018,2019,2020\nhouma,fixed_asset_investment,亿元,98.5,105.2,101.3\n", Options{},
			"wide.csv: 3 figures carry no published date, so each one this push writes (new or revised) is dated " + today + ", the day of the push, and an answer as of an earlier date does not have it"},
		{"long.csv", "region,indicator,year,value,published\nhouma,gdp,2019,110,2020-03-01\nhouma,gdp,2018,100,\n", Options{},
			"long.csv: 1 figure carries no published date, so if this push writes it (new or revised), it is dated " + today + ", the day of the push"},
		{"items.json", `[{"region":"houma","indicator":"gdp","year":2019,"value":110,"published":"2020-03-01"},{"region":"houma","indicator":"gdp","year":2018,"value":100}]`, Options{},
			"items.json: 1 figure carries no published date"},
		{"targets.csv", "region,indicator,plan,kind,base_year,year,value\nhouma,gdp,14th-fyp,level,2020,2025,250\n", Options{},
			"targets.csv: 1 target carries no published date"},
		{"bundle.json", `{"observations":[{"region":"houma","indicator":"gdp","year":2019,"value":110}],"targets":[{"region":"houma","indicator":"gdp","plan":"14th-fyp","kind":"level","base_year":2020,"year":2025,"value":250}]}`, Options{},
			"bundle.json: 1 figure and 1 target carry no published date"},
		{"dated.csv", "region,indicator,year,value,published\nhouma,gdp,2019,110,2020-03-01\n", Options{}, ""},
		{"wide.csv", "region,indicator,unit,2018,2019\nhouma,fixed_asset_investment,亿元,98.5,105.2\n", Options{Published: plancast.NewDate(2020, 6, 1)}, ""},
	} {
		for _, dry := range []bool{true, false} {
			st := openStore(t)
			rep := apply(t, st, parseAsPushed(t, c.name, c.content, c.opt), dry)
			var got []string
			for _, n := range rep.Notes {
				if strings.Contains(n, "no published date") {
					got = append(got, n)
				}
			}
			switch {
			case c.want == "" && len(got) > 0:
				t.Errorf("%s (dry run %t): notes %q; want none on dates", c.name, dry, got)
			case c.want != "" && (len(got) != 1 || !strings.HasPrefix(got[0], c.want) ||
				!strings.Contains(got[0], "a published column") || !strings.Contains(got[0], "?published=YYYY-MM-DD")):
				t.Errorf("%s (dry run %t): notes %q; want one starting %q and saying how to date them", c.name, dry, rep.Notes, c.want)
			}
		}
	}
	// Pushed again, the same figures are unchanged: none is written, and
	// none takes the push's date, so nothing is said of dates.
	st := openStore(t)
	wide := "region,indicator,unit,2018,2019,2020\nhouma,fixed_asset_investment,亿元,98.5,105.2,101.3\n"
	apply(t, st, parseAsPushed(t, "wide.csv", wide, Options{}), false)
	if rep := apply(t, st, parseAsPushed(t, "wide.csv", wide, Options{}), false); rep.Unchanged != 3 || len(rep.Notes) != 0 {
		t.Errorf("the same wide table again: %d unchanged, notes %q; want 3 unchanged and no note", rep.Unchanged, rep.Notes)
	}
	// A refused push says what is wrong, not what its rows would have been dated.
	st = openStore(t)
	b := parseAsPushed(t, "bad.csv", "region,indicator,year,value\nhouma,gdp,2019,abc\n", Options{})
	if rep, err := Apply(t.Context(), st, b, ApplyOptions{}); err == nil || len(rep.Notes) != 0 {
		t.Errorf("a refused push: %v, notes %q; want it refused without a note on dates", err, rep.Notes)
	}
}

// parseAsPushed reads content as a push does: without a push date unless
// opt gives one (parseString gives every document one).
func parseAsPushed(t *testing.T, name, content string, opt Options) *Batch {
	t.Helper()
	b, err := Parse(name, "", strings.NewReader(content), seedCatalog(t), opt)
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return b
}
