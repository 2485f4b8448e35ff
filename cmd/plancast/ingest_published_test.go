package main

import (
	"strings"
	"testing"
	"time"

	"github.com/plancast/plancast"
)

// A push dated after tomorrow is one mistake, of the option that dated it:
// --published is refused once, before any file is read or sent, and the
// API's published= parameter once in its report, at no row or column.
func TestIngestSaysAPublishedDateAheadOnceNamingTheOption(t *testing.T) {
	ahead := plancast.DateOf(time.Now().AddDate(0, 0, 400)).String()
	c5 := writeFile(t, "c5.csv", "region,indicator,year,value\nhouma,gdp,2021,131.2\nhouma,gdp,2022,140.1\n")
	c6 := writeFile(t, "c6.csv", "region,indicator,year,value\nhouma,gdp,2020,120.8\n")
	want := "plancast ingest: --published " + ahead + " is after today (" + plancast.Today().String() + "): " +
		"figures are pushed once they are published, and targets dated the day their plan set them; leave --published out for today\n"

	url, admin := serverWithAdmin(t, nil)
	for _, args := range [][]string{
		{"ingest", "--data-dir", catalogDir(t), "--published", ahead, c5, c6},
		{"ingest", "--server", url, "--token", admin, "--published", ahead, c5, c6},
	} {
		code, stdout, stderr := run(t, args...)
		if code != 1 || stdout != "" || stderr != want {
			t.Errorf("%s: exit %d, stdout %q, stderr\n %q\nwant exit 1 and\n %q", args[1], code, stdout, stderr, want)
		}
	}

	rep := postObservations(t, url+"/api/v1/observations?filename=c5.csv&published="+ahead, admin, "region,indicator,year,value\nhouma,gdp,2021,131.2\nhouma,gdp,2022,140.1\n")
	if len(rep.Problems) != 1 || rep.Problems[0].Row != 0 || rep.Problems[0].Field != "" || rep.Rejected != 0 ||
		!strings.HasPrefix(rep.Problems[0].Message, "published "+ahead+", the push's date (?published=, or plancast ingest --published), is after today") {
		t.Errorf("the API: %d rejected, problems %q; want one naming ?published=, at no row", rep.Rejected, rep.Problems)
	}
}
