package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// forecast and chart asked as of a day before a series' first yearly
// figure say when that was, as the API does, not that the series has no
// yearly figures; and they point only to the parts of the year there were
// figures for on that day, with the command that reads them as of it.
// Houma's yearly GDP (2015 and 2020) was first published on 2021-04-20,
// with the 2021 work report; its first halves of 2020 and 2021 were
// published here on 2020-07-20 and 2021-07-20. On 2019-01-01 there was
// none of either; on 2020-08-01 there was the first half of 2020 only.
// Guyang's GDP has never had yearly figures: its January–November 2009
// figures were published on 2010-01-01.
func TestForecastAndChartAsOfBeforeTheFirstFigureSayWhenThatWas(t *testing.T) {
	dir := seededDir(t)
	csv := filepath.Join(t.TempDir(), "h1.csv")
	if err := os.WriteFile(csv, []byte("region,indicator,year,period,value,status,published\n"+
		"houma,gdp,2021,h1,60,preliminary,2021-07-20\n"+
		"houma,gdp,2020,h1,55,preliminary,2020-07-20\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRun(t, "ingest", "--data-dir", dir, csv)

	const first = "its first figures, for 2015–2020, were published on 2021-04-20"
	for _, c := range []struct {
		region, asOf, want string
	}{
		{"houma", "2019-01-01", "houma/gdp has no yearly figures to %s published on or before 2019-01-01; " + first},
		{"houma", "2020-08-01", "houma/gdp has no yearly figures to %s published on or before 2020-08-01; " + first +
			"; on 2020-08-01 it had first half figures for 2020 (plancast history --region houma --indicator gdp --period h1 --as-of 2020-08-01)"},
		{"guyang", "2009-12-31", "guyang/gdp has no yearly figures to %s published on or before 2009-12-31, nor any since"},
		{"guyang", "2010-01-01", "guyang/gdp has no yearly figures to %s published on or before 2010-01-01, nor any since" +
			"; on 2010-01-01 it had January–November figures for 2009 (plancast history --region guyang --indicator gdp --period jan-nov --as-of 2010-01-01)"},
		// Without a date, what there is now.
		{"guyang", "", "guyang/gdp has no yearly figures to %s; it has January–November figures for 2009 (plancast history --region guyang --indicator gdp --period jan-nov)"},
	} {
		for _, cmd := range []struct{ name, verb string }{{"forecast", "project"}, {"chart", "chart"}} {
			args := []string{cmd.name, "--data-dir", dir, "--region", c.region, "--indicator", "gdp"}
			if cmd.name == "chart" {
				args = append(args, "-o", filepath.Join(t.TempDir(), "c.png"))
			}
			if c.asOf != "" {
				args = append(args, "--as-of", c.asOf)
			}
			want := "plancast " + cmd.name + ": " + strings.Replace(c.want, "%s", cmd.verb, 1) + "\n"
			if code, _, stderr := run(t, args...); code != 1 || stderr != want {
				t.Errorf("%v: exit %d\n got %q\nwant %q", args, code, stderr, want)
			}
		}
	}

	// The command pointed to reads the figures there were on that day.
	out := mustRun(t, "history", "--data-dir", dir, "--region", "houma", "--indicator", "gdp", "--period", "h1", "--as-of", "2020-08-01")
	if !strings.Contains(out, "2020-07-20  preliminary     55") || strings.Contains(out, "2021-07-20") {
		t.Errorf("history of h1 as of 2020-08-01:\n%s\nwant the first half of 2020 only", out)
	}
}
