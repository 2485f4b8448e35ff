package ingest

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/plancast/plancast"
)

// A published date ahead of today is refused, for figures and targets in
// every format: such a figure was served as the latest today and yet left
// out of every answer as of today, and such a target version took effect
// at once but not as of today. Tomorrow is allowed: east of Greenwich it
// already is for part of the day.
func TestAPublishedDateAheadOfTodayIsRefused(t *testing.T) {
	day := func(days int) string { return plancast.DateOf(time.Now().AddDate(0, 0, days)).String() }
	for _, c := range []struct{ name, file, body, want string }{
		{"a figure, CSV", "f.csv", "region,indicator,year,value,published\nhouma,gdp,2021,131.2," + day(30) + "\n",
			"f.csv row 2 (published): published " + day(30) + " is after today"},
		{"a figure, JSON", "f.json", `[{"region":"houma","indicator":"gdp","year":2021,"value":131.2,"published":"` + day(200) + `"}]`,
			"f.json line 1 (published): published " + day(200) + " is after today"},
		{"a target, CSV", "t.csv", "region,indicator,plan,kind,year,value,published\nhouma,gdp,14th-fyp,level,2025,200," + day(40) + "\n",
			"t.csv row 2 (published): published " + day(40) + " is after today"},
	} {
		b := parseString(t, c.file, c.body, Options{})
		if len(b.Problems) != 1 || !strings.HasPrefix(problemTexts(b.Problems)[0], c.want) {
			t.Errorf("%s: problems %q; want one starting %q", c.name, b.Problems, c.want)
		}
	}
	for _, body := range []string{
		"region,indicator,year,value,published\nhouma,gdp,2021,131.2," + day(1) + "\n",
		"region,indicator,year,value,published\nhouma,gdp,2021,131.2," + day(0) + "\n",
		"region,indicator,plan,kind,year,value,published\nhouma,gdp,14th-fyp,level,2025,230," + day(1) + "\n",
	} {
		b := parseString(t, "ok.csv", body, Options{})
		if len(b.Problems) != 0 {
			t.Errorf("%q: problems %q; want none (today or tomorrow)", body, b.Problems)
		}
	}
}

// A table's published date must fit its figure: no figure is published
// before its year begins, and no final one before its period ends; a
// preliminary figure or an estimate may be (a year's "expected" figure,
// given in its last weeks, or a work report's figure of the year in
// progress). Such a date is a typo of the year or of the date, and
// refused at its cell. The push's own date (no published column) is not
// checked so: it is the day the figures arrive.
func TestAPublishedDateBeforeItsFigureCouldBeIsRefused(t *testing.T) {
	for _, c := range []struct{ name, body, want string }{
		{"before the year began", "region,indicator,year,value,published\nhouma,gdp,2022,141.5,2019-01-01\n",
			"c.csv row 2 column E (published): published 2019-01-01, before 2022 began: a figure of 2022 is published in 2022 or later (a preliminary figure or an estimate from 2022-01-01 on); is the year or the date a typo?"},
		{"a final figure before its year ended", "region,indicator,year,value,published\nhouma,gdp,2021,131.2,2021-03-01\n",
			"c.csv row 2 column E (published): published 2021-03-01, on or before the end of its period (2021-12-31): a final figure of 2021 is published after it; one published earlier is preliminary or an estimate (status preliminary or estimate, published from 2021-01-01), or the date is a typo"},
		{"a final half-year before its half ended", "region,indicator,year,period,value,status,published\nhouma,gdp,2021,h1,60,final,2021-06-30\n",
			"c.csv row 2 column G (published): published 2021-06-30, on or before the end of its period (2021-06-30): a final figure of 2021 h1 is published after it"},
		{"a wide table, once at the row's cell", "indicator,unit,published,2020,2021,2022\ngdp,亿元,2022-02-01,120.8,131.2,141.5\n",
			"c.csv row 2 column C (published): published 2022-02-01, on or before the end of its period (2022-12-31): a final figure of 2022 is published after it"},
	} {
		b := parseString(t, "c.csv", c.body, Options{Region: "houma"})
		if len(b.Problems) != 1 || !strings.HasPrefix(problemTexts(b.Problems)[0], c.want) {
			t.Errorf("%s: problems %q; want one starting %q", c.name, b.Problems, c.want)
		}
	}
	for _, c := range []struct{ name, body string }{
		{"an estimate in the year's last weeks", "region,indicator,year,value,status,published\nhouma,gdp,2021,131,estimate,2021-12-10\n"},
		{"a preliminary figure of the year in progress", "region,indicator,year,value,status,published\nhouma,gdp,2021,131,preliminary,2021-11-01\n"},
		{"a preliminary half-year on its last day", "region,indicator,year,period,value,status,published\nhouma,gdp,2021,h1,60,preliminary,2021-06-30\n"},
		{"a January–November figure in December", "region,indicator,year,period,value,published\nhouma,gdp,2021,jan-nov,120,2021-12-15\n"},
		{"a year's figure the next spring", "region,indicator,year,value,published\nhouma,gdp,2021,131.2,2022-03-01\n"},
		{"a wide table published after its last year", "indicator,unit,published,2020,2021\ngdp,亿元,2022-02-01,120.8,131.2\n"},
	} {
		b := parseString(t, "c.csv", c.body, Options{Region: "houma"})
		if len(b.Problems) != 0 {
			t.Errorf("%s: problems %q; want none", c.name, b.Problems)
		}
	}
	// The push's date is the day the figures arrive, even before their year
	// ended (a preliminary figure, or one of the year in progress); but not
	// before it began (TestAFigureOfAYearNotBegunIsRefusedInEveryFormat).
	b := parseString(t, "c.csv", "region,indicator,year,value\nhouma,gdp,2021,131.2\n", Options{Published: plancast.NewDate(2021, 5, 10)})
	if len(b.Problems) != 0 {
		t.Errorf("a push dated 2025-05-10 of a 2021 figure, no published column: %q; want no problem", problemTexts(b.Problems))
	}
}

// A figure is published in its year or later, whatever the format and
// wherever its date comes from: its own published date (a column, a JSON
// key) or, when it gives none, the push's (?published=, plancast ingest
// --published, else today). JSON used to take what CSV refused (GDP of
// 2030, and of 2025, published 2024-03-01), and any format a figure of a
// year to come pushed without a date, stored as final.
func TestAFigureOfAYearNotBegunIsRefusedInEveryFormat(t *testing.T) {
	const dated = "published 2024-03-01, before 2030 began: a figure of 2030 is published in 2030 or later (a preliminary figure or an estimate from 2030-01-01 on); is the year or the date a typo?"
	for _, c := range []struct{ name, file, body, want string }{
		{"CSV, its own date", "f.csv", "region,indicator,year,value,published\nhouma,gdp,2030,300,2024-03-01\n",
			"f.csv row 2 column E (published): " + dated},
		{"JSON, its own date", "f.json", `[{"region":"houma","indicator":"gdp","year":2030,"value":300,"published":"2024-03-01"}]`,
			"f.json line 1 (published): " + dated},
		{"JSON, a final figure before its year ended", "f.json", `[{"region":"houma","indicator":"gdp","year":2024,"value":160,"published":"2024-03-01"}]`,
			"f.json line 1 (published): published 2024-03-01, on or before the end of its period (2024-12-31): a final figure of 2024 is published after it"},
		{"CSV, the push's date", "f.csv", "region,indicator,year,value\nhouma,gdp,2030,300\n",
			"f.csv row 2 column C (year): published 2024-03-01 (the push's date: the row gives none), before 2030 began: a figure of 2030 is published in 2030 or later (a preliminary figure or an estimate from 2030-01-01 on); is the year or the date a typo?"},
		{"CSV, a blank published cell", "f.csv", "region,indicator,year,value,status,published\nhouma,gdp,2025,170,estimate,\n",
			"f.csv row 2 column C (year): published 2024-03-01 (the push's date: the row gives none), before 2025 began"},
		{"a wide table, the push's date", "f.csv", "indicator,unit,2023,2025\ngdp,亿元,150,170\n",
			"f.csv row 2 column D (year): published 2024-03-01 (the push's date: the row gives none), before 2025 began"},
		{"JSON, the push's date", "f.json", `[{"region":"houma","indicator":"gdp","year":2030,"value":300,"status":"preliminary"}]`,
			"f.json line 1 (year): published 2024-03-01 (the push's date: the row gives none), before 2030 began"},
	} {
		b := parseString(t, c.file, c.body, Options{Region: "houma", Published: plancast.NewDate(2024, 3, 1)})
		if got := problemTexts(b.Problems); len(got) != 1 || !strings.HasPrefix(got[0], c.want) {
			t.Errorf("%s: problems %q; want one starting %q", c.name, got, c.want)
		}
	}

	// A batch no reader read (a report's figures, one built by hand) is
	// held to the same rule when it is checked.
	hand := &Batch{Observations: []plancast.Observation{{Region: "houma", Indicator: "gdp", Year: 2030, Value: 300, Published: plancast.NewDate(2024, 3, 1)}}}
	ps := problems{limit: DefaultMaxProblems}
	checkBatch(hand, seedCatalog(t), &ps)
	if got := problemTexts(ps.list); len(got) != 1 || got[0] != "observations row 1 (published): "+dated {
		t.Errorf("a batch built by hand: problems %q; want one: %q", got, "observations row 1 (published): "+dated)
	}

	// Pushed today without a date, next year's figure is refused too.
	next := plancast.Today().Time().Year() + 1
	b := parseString(t, "f.csv", fmt.Sprintf("region,indicator,year,value\nhouma,gdp,%d,300\n", next), Options{Published: plancast.Today()})
	if got := problemTexts(b.Problems); len(got) != 1 || !strings.Contains(got[0], fmt.Sprintf("before %d began", next)) {
		t.Errorf("a figure of %d pushed today: problems %q; want it refused", next, got)
	}

	// What the push's date may do: date the figures of the year just ended
	// early in the next, back-date a push, date a preliminary figure or an
	// estimate of the year in progress, and withdraw a figure of any year
	// (one stored by mistake for a year to come).
	for _, c := range []struct {
		name, file, body string
		push             plancast.Date
	}{
		{"last year's figures in early January", "f.csv", "region,indicator,year,value\nhouma,gdp,2023,150\n", plancast.NewDate(2024, 1, 3)},
		{"a back-dated push", "f.json", `[{"region":"houma","indicator":"gdp","year":2021,"value":131.2}]`, plancast.NewDate(2022, 3, 1)},
		{"a preliminary figure of the year in progress", "f.csv", "region,indicator,year,value,status\nhouma,gdp,2024,160,preliminary\n", plancast.NewDate(2024, 12, 20)},
		{"an estimate of the year in progress", "f.json", `[{"region":"houma","indicator":"gdp","year":2024,"value":160,"status":"estimate"}]`, plancast.NewDate(2024, 11, 30)},
		{"a withdrawal of a figure of a year to come", "f.csv", "region,indicator,year,value,status\nhouma,gdp,2100,,withdrawn\n", plancast.NewDate(2024, 3, 1)},
		{"a withdrawal, JSON", "f.json", `[{"region":"houma","indicator":"gdp","year":2150,"status":"withdrawn"}]`, plancast.NewDate(2024, 3, 1)},
	} {
		b := parseString(t, c.file, c.body, Options{Published: c.push})
		if len(b.Problems) != 0 {
			t.Errorf("%s: problems %q; want none", c.name, problemTexts(b.Problems))
		}
	}
}

// A published cell of the form YYYY-MM-DD that is no day is said to be
// none, as the API's and the command line's dates are (plancast.NotADay).
func TestAPublishedCellOfNoDayIsSaidToBeNone(t *testing.T) {
	b := parseString(t, "f.csv", "region,indicator,year,value,published\nhouma,gdp,2021,131.2,2022-02-30\n", Options{})
	want := "f.csv row 2 column E (published): 2022-02-30 is not a day: February 2022 has 28 days"
	if got := problemTexts(b.Problems); len(got) != 1 || got[0] != want {
		t.Errorf("problems %q; want %q", got, want)
	}
}
