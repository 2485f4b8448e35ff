package ingest

import (
	"strings"
	"testing"
	"time"

	"github.com/plancast/plancast"
)

// A push dated after tomorrow (?published=, plancast ingest --published) on
// a file without a published column is one mistake, the push's: it is said
// once, naming the option, and no row or published column is blamed for it,
// for figures and targets alike.
func TestAPushDateAheadOfTodayIsSaidOnceNotAtEachRow(t *testing.T) {
	ahead := plancast.DateOf(time.Now().AddDate(0, 0, 30))
	want := "published " + ahead.String() + ", the push's date (?published=, or plancast ingest --published), is after today (" +
		plancast.Today().String() + "): figures are pushed once they are published, and targets dated the day their plan set them; leave it out for today"
	for _, c := range []struct{ name, file, body string }{
		{"figures", "c5.csv", "region,indicator,year,value\nhouma,gdp,2021,131.2\nhouma,gdp,2022,140.1\n"},
		{"figures, JSON", "c5.json", `[{"region":"houma","indicator":"gdp","year":2021,"value":131.2},{"region":"houma","indicator":"gdp","year":2022,"value":140.1}]`},
		{"targets", "t.csv", "region,indicator,plan,kind,year,value\nhouma,gdp,14th-fyp,level,2025,250\nhouma,gdp,2022-annual,growth,2022,6\n"},
		{"a published column left blank", "c5.csv", "region,indicator,year,value,published\nhouma,gdp,2021,131.2,\n"},
	} {
		b := parseString(t, c.file, c.body, Options{Published: ahead})
		if len(b.Problems) != 1 || b.Problems[0] != (Problem{Message: want}) {
			t.Errorf("%s: problems %q; want one, of no row or column:\n %q", c.name, problemTexts(b.Problems), want)
		}
	}
	// A published cell of its own that is ahead is still its row's.
	b := parseString(t, "c5.csv", "region,indicator,year,value,published\nhouma,gdp,2021,131.2,"+ahead.String()+"\n", Options{})
	if got := problemTexts(b.Problems); len(got) != 1 || !strings.HasPrefix(got[0], "c5.csv row 2 (published): published "+ahead.String()+" is after today") {
		t.Errorf("a published cell ahead: %q", got)
	}
	// Tomorrow is a push's date east of Greenwich.
	b = parseString(t, "c5.csv", "region,indicator,year,value\nhouma,gdp,2021,131.2\n", Options{Published: plancast.DateOf(time.Now().AddDate(0, 0, 1))})
	noProblems(t, b)
}
