package api_test

import (
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// GET /api/v1/series/{region}/{indicator}/revisions takes a year's first
// release from the vintages some answer as of a date reads: a vintage a
// correction published the same day replaced (a clerk's keying slip
// corrected that morning) is not one. It is listed apart, in
// corrected_same_day, and the CSV and XLSX downloads leave it out; the year
// counts unrevised. A user test keyed Houma's 2024 GDP 152.3 and corrected
// it to 152.8 the same day, and the answer gave "first": 152.3, "revision":
// 0.00328 and 1 year revised, the MR of a series no published figure of
// which was ever revised.
func TestRevisionsLeaveOutAVintageCorrectedTheSameDay(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	houma := token(t, st, plancast.Token{Region: "houma"})
	for _, v := range []string{"152.3", "152.8"} {
		body := []byte("region,indicator,year,value,published\nhouma,gdp,2024," + v + ",2025-03-20\n")
		s.do("POST", "/api/v1/observations?filename=gdp.csv", "text/csv", houma, body).decode(t, 200, nil)
	}

	var revs api.RevisionsResponse
	r := ask{method: "GET", path: "/api/v1/series/houma/gdp/revisions"}.check(t, s, fetchDoc(t, s))
	r.decode(t, 200, &revs)
	var y *plancast.YearRevisions
	for i := range revs.Years {
		if revs.Years[i].Year == 2024 {
			y = &revs.Years[i]
		}
	}
	if y == nil {
		t.Fatalf("no 2024 in %+v", revs.Years)
	}
	if y.First != 152.8 || y.Revision == nil || *y.Revision != 0 || len(y.Vintages) != 1 || y.Vintages[0].Value != 152.8 {
		t.Errorf("2024: first %g, revision %v, vintages %+v; want the correction 152.8 the first release and no revision", y.First, y.Revision, y.Vintages)
	}
	if len(y.CorrectedSameDay) != 1 || y.CorrectedSameDay[0].Value != 152.3 || y.CorrectedSameDay[0].Published != plancast.NewDate(2025, 3, 20) {
		t.Errorf("2024 corrected the same day: %+v; want 152.3, published 2025-03-20", y.CorrectedSameDay)
	}
	if sum := revs.Summary; sum.Revised != 0 || sum.MeanRevision == nil || *sum.MeanRevision != 0 || *sum.MeanAbsRevision != 0 {
		t.Errorf("summary %+v; want nothing revised, MR and MAR 0", sum)
	}

	for _, format := range []string{"csv", "xlsx"} {
		t.Run(format, func(t *testing.T) {
			sh := download(t, s, "/api/v1/series/houma/gdp/revisions?format="+format, format, "houma_gdp_revisions."+format)
			var rows []string
			for r := range sh.rows {
				if sh.cell(t, r, "year") == "2024" {
					rows = append(rows, sh.cell(t, r, "vintage")+" "+sh.cell(t, r, "value")+" "+sh.cell(t, r, "change")+" "+sh.cell(t, r, "revision"))
				}
			}
			if len(rows) != 1 || rows[0] != "1 152.8  0" {
				t.Errorf("the rows of 2024 (vintage, value, change, revision): %q; want the one release, 152.8, unrevised", rows)
			}
		})
	}
}
