package api_test

import (
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// The revisions download's change column holds the change as the figures
// write it: 120.8 revised to 122.9 changed by 2.1, in the CSV and in the
// XLSX alike. It held the difference of the two binary floating-point
// numbers, 2.1000000000000085, and a user test found 2.0999999999999943
// and 0.39999999999997726 in it.
func TestTheRevisionsDownloadWritesChangesWithTheFiguresDecimals(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	houma := token(t, st, plancast.Token{Region: "houma"})
	revision := []byte("region,indicator,year,value,published\nhouma,gdp,2020,122.9,2022-03-01\n")
	s.do("POST", "/api/v1/observations?filename=revision.csv", "text/csv", houma, revision).decode(t, 200, nil)

	for _, format := range []string{"csv", "xlsx"} {
		t.Run(format, func(t *testing.T) {
			sh := download(t, s, "/api/v1/series/houma/gdp/revisions?format="+format, format, "houma_gdp_revisions."+format)
			found := false
			for r := range sh.rows {
				if sh.cell(t, r, "year") != "2020" || sh.cell(t, r, "value") != "122.9" {
					continue
				}
				found = true
				if got := sh.cell(t, r, "change"); got != "2.1" {
					t.Errorf("the change of 2020 from 120.8 to 122.9 is written %q; want 2.1", got)
				}
			}
			if !found {
				t.Fatalf("no row of 2020 = 122.9 in %q", sh.rows)
			}
		})
	}
}
