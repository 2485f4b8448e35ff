package api_test

import (
	"cmp"
	"encoding/json"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
	"github.com/plancast/plancast/ingest"
)

// A revisions download pushed back to POST /api/v1/observations, in any of
// its forms (JSON, CSV and XLSX in English and Chinese), is refused whole
// as what it is, a revisions download, with the way to push figures
// instead; nothing of it is written. It was answered `the column "served"
// is not one plancast reads; did you mean "series"?` (the English table),
// "holds no figures or targets" (the JSON), and the Chinese table was read
// as figures, each vintage a figure with its past published date. The
// series download it points to goes back in as it is.
func TestARevisionsDownloadPushedBackIsRefusedAsWhatItIs(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	houma := token(t, st, plancast.Token{Region: "houma", Name: "Houma bureau"})

	// Houma's 2020 GDP revised, so that its history has two vintages.
	revision := []byte("region,indicator,year,value,published\nhouma,gdp,2020,121.5,2022-03-01\n")
	s.do("POST", "/api/v1/observations?filename=revision.csv", "text/csv", houma, revision).decode(t, 200, nil)
	var revs api.RevisionsResponse
	s.get("/api/v1/series/houma/gdp/revisions").decode(t, 200, &revs)
	if n := len(revs.Years); n != 2 || len(revs.Years[1].Vintages) != 2 {
		t.Fatalf("the revisions answer has %d years, want 2015 and 2020, 2020 with 2 vintages", n)
	}
	before := s.get("/api/v1/series/houma/gdp")
	version := before.header.Get("X-Data-Version")

	for _, d := range []struct{ query, file, ctype string }{
		{"", "houma_gdp_revisions.json", ingest.ContentTypeJSON},
		{"?format=csv", "houma_gdp_revisions.csv", ingest.ContentTypeCSV},
		{"?format=csv&lang=zh", "houma_gdp_revisions.csv", ingest.ContentTypeCSV},
		{"?format=xlsx", "houma_gdp_revisions.xlsx", ingest.ContentTypeXLSX},
		{"?format=xlsx&lang=zh", "houma_gdp_revisions.xlsx", ingest.ContentTypeXLSX},
	} {
		t.Run(cmp.Or(strings.TrimPrefix(d.query, "?"), "json"), func(t *testing.T) {
			body := s.get("/api/v1/series/houma/gdp/revisions" + d.query)
			if body.status != 200 {
				t.Fatalf("download: %d %s", body.status, body.body)
			}
			r := s.do("POST", "/api/v1/observations?filename="+d.file, d.ctype, houma, body.body)
			var answer struct {
				Error  api.ErrorBody  `json:"error"`
				Report *ingest.Report `json:"report"`
			}
			r.decode(t, 400, &answer)
			if answer.Error.Code != plancast.EINVALID || !strings.Contains(answer.Error.Message, "nothing was written") {
				t.Errorf("error %+v, want invalid saying nothing was written", answer.Error)
			}
			if answer.Report == nil || len(answer.Report.Problems) != 1 {
				t.Fatalf("report %+v, want one problem", answer.Report)
			}
			p := answer.Report.Problems[0]
			for _, says := range []string{
				"this is a revisions download (GET /api/v1/series/",
				"not figures to push",
				"to push figures, download the series (GET /api/v1/series/",
			} {
				if !strings.Contains(p.Message, says) {
					t.Errorf("problem %q does not say %q", p.Error(), says)
				}
			}
			if p.File != d.file || strings.Contains(p.Message, "did you mean") {
				t.Errorf("problem %q, want one of %s and no guess at a misspelling", p.Error(), d.file)
			}
			if d.ctype == ingest.ContentTypeJSON && !strings.Contains(p.Message, "/api/v1/series/houma/gdp?format=csv") {
				t.Errorf("problem %q does not name the series download of houma/gdp, which the JSON gives", p.Error())
			}
			after := s.get("/api/v1/series/houma/gdp")
			if v := after.header.Get("X-Data-Version"); v != version || string(after.body) != string(before.body) {
				t.Errorf("the series changed: data version %s, was %s", v, version)
			}
		})
	}

	// The way the message points: the series download goes back in, every
	// figure unchanged.
	series := s.get("/api/v1/series/houma/gdp?format=csv")
	var rep struct {
		Report ingest.Report `json:"report"`
	}
	s.do("POST", "/api/v1/observations?filename=houma_gdp.csv", ingest.ContentTypeCSV, houma, series.body).decode(t, 200, &rep)
	if rep.Report.Unchanged != 2 || rep.Report.New+rep.Report.Revised != 0 {
		b, _ := json.Marshal(rep.Report)
		t.Errorf("the series download pushed back: %s, want its 2 figures unchanged", b)
	}
}
