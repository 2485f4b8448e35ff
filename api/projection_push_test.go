package api_test

import (
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
	"github.com/plancast/plancast/ingest"
)

// A projection download (the dashboard's chart "CSV" and "Excel": a row
// per year with its kind, observed, projected or year_to_date, and the
// projected years' intervals) pushed back to POST /api/v1/observations, in
// CSV or XLSX, English or Chinese, and with only its observed rows kept as
// a clerk would edit it, is refused whole as what it is, naming the series
// download to push instead; nothing is written. It was answered "the
// header has no plan column", taken for a targets table by its kind column.
func TestAProjectionDownloadPushedBackIsRefusedAsWhatItIs(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	houma := token(t, st, plancast.Token{Region: "houma", Name: "Houma bureau"})
	before := s.get("/api/v1/series/houma/gdp")
	version := before.header.Get("X-Data-Version")

	observedOnly := func(b []byte) []byte {
		var keep []string
		for _, line := range strings.Split(string(b), "\n") {
			if !strings.Contains(line, ",projected,") && !strings.Contains(line, ",预测,") && !strings.Contains(line, ",year_to_date,") {
				keep = append(keep, line)
			}
		}
		return []byte(strings.Join(keep, "\n"))
	}
	for _, d := range []struct {
		name, query, file, ctype string
		edit                     func([]byte) []byte
	}{
		{"csv", "?format=csv", "houma_gdp_projection.csv", ingest.ContentTypeCSV, nil},
		{"csv zh", "?format=csv&lang=zh", "houma_gdp_projection.csv", ingest.ContentTypeCSV, nil},
		{"xlsx", "?format=xlsx", "houma_gdp_projection.xlsx", ingest.ContentTypeXLSX, nil},
		{"xlsx zh", "?format=xlsx&lang=zh", "houma_gdp_projection.xlsx", ingest.ContentTypeXLSX, nil},
		{"csv observed rows only", "?format=csv", "houma_gdp_projection.csv", ingest.ContentTypeCSV, observedOnly},
	} {
		t.Run(d.name, func(t *testing.T) {
			body := s.get("/api/v1/series/houma/gdp/projection" + d.query)
			if body.status != 200 {
				t.Fatalf("download: %d %s", body.status, body.body)
			}
			file := body.body
			if d.edit != nil {
				file = d.edit(file)
			}
			var answer struct {
				Error  api.ErrorBody  `json:"error"`
				Report *ingest.Report `json:"report"`
			}
			s.do("POST", "/api/v1/observations?filename="+d.file, d.ctype, houma, file).decode(t, 400, &answer)
			if answer.Report == nil || len(answer.Report.Problems) != 1 {
				t.Fatalf("report %+v, want one problem", answer.Report)
			}
			p := answer.Report.Problems[0]
			for _, says := range []string{
				"this is a projection download (GET /api/v1/series/",
				"projected and year_to_date rows are projections, not figures",
				"to push figures, download the series (GET /api/v1/series/{region}/{indicator}?format=csv)",
			} {
				if !strings.Contains(p.Message, says) {
					t.Errorf("problem %q does not say %q", p.Error(), says)
				}
			}
			if strings.Contains(p.Message, "plan column") {
				t.Errorf("problem %q takes the download for a targets table", p.Error())
			}
			after := s.get("/api/v1/series/houma/gdp")
			if v := after.header.Get("X-Data-Version"); v != version || string(after.body) != string(before.body) {
				t.Errorf("the series changed: data version %s, was %s", v, version)
			}
		})
	}
}
