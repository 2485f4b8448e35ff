package ingest

import (
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
// before its year begins, and no final or preliminary one before its
// period ends; an estimate may be (a year's "expected" figure, given in its
// last weeks). Such a date is a typo of the year or of the date, and
// refused at its cell. The push's own date (no published column) is not
// checked so: it is the day the figures arrive.
func TestAPublishedDateBeforeItsFigureCouldBeIsRefused(t *testing.T) {
	for _, c := range []struct{ name, body, want string }{
		{"before the year began", "region,indicator,year,value,published\nhouma,gdp,2022,141.5,2019-01-01\n",
			"c.csv row 2 column E (published): published 2019-01-01, before 2022 began: a figure of 2022 is published in 2022 or later; is the year or the date a typo?"},
		{"a final figure before its year ended", "region,indicator,year,value,published\nhouma,gdp,2021,131.2,2021-03-01\n",
			"c.csv row 2 column E (published): published 2021-03-01, on or before the end of its period (2021-12-31): a final figure of 2021 is published after it; one given earlier is an estimate (status estimate), or the date is a typo"},
		{"a preliminary half-year before its half ended", "region,indicator,year,period,value,status,published\nhouma,gdp,2021,h1,60,preliminary,2021-06-30\n",
			"c.csv row 2 column G (published): published 2021-06-30, on or before the end of its period (2021-06-30): a preliminary figure of 2021 h1 is published after it"},
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
		{"a January–November figure in December", "region,indicator,year,period,value,published\nhouma,gdp,2021,jan-nov,120,2021-12-15\n"},
		{"a year's figure the next spring", "region,indicator,year,value,published\nhouma,gdp,2021,131.2,2022-03-01\n"},
		{"a wide table published after its last year", "indicator,unit,published,2020,2021\ngdp,亿元,2022-02-01,120.8,131.2\n"},
	} {
		b := parseString(t, "c.csv", c.body, Options{Region: "houma"})
		if len(b.Problems) != 0 {
			t.Errorf("%s: problems %q; want none", c.name, b.Problems)
		}
	}
	// The push's date is the day the figures arrive, even before their year ended.
	b := parseString(t, "c.csv", "region,indicator,year,value\nhouma,gdp,2024,158.7\n", Options{Published: plancast.NewDate(2021, 5, 10)})
	if len(b.Problems) != 0 {
		t.Errorf("a push dated 2021-05-10 of a 2024 figure, no published column: %q; want no problem", problemTexts(b.Problems))
	}
}
