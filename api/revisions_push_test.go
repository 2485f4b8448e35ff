package api_test

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

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
				// An edited row keeping its vintage's date is refused
				// (TestAnEditedSeriesDownloadDoesNotRewriteThePast).
				"date each changed row today",
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

// A revisions download with its "served" column deleted, or any one or two
// of its revision-only columns (served, revision, change, vintage), is
// still refused as a revisions download, with the same message, in CSV and
// XLSX, English and Chinese: recognised by "served" beside "revision" only,
// the English table without "served" was answered `date "1" must be
// YYYY-MM-DD` (its vintage column read as the published date), and the
// Chinese one was read as figures, stopped only by its two vintages of 2020
// disagreeing, or, of years of one vintage each, read as figures.
func TestARevisionsDownloadWithoutItsServedColumnIsRefusedAsWhatItIs(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	houma := token(t, st, plancast.Token{Region: "houma", Name: "Houma bureau"})
	revision := []byte("region,indicator,year,value,published\nhouma,gdp,2020,121.5,2022-03-01\n")
	s.do("POST", "/api/v1/observations?filename=revision.csv", "text/csv", houma, revision).decode(t, 200, nil)
	version := s.get("/api/v1/series/houma/gdp").header.Get("X-Data-Version")

	revisionOnly := map[string]string{"served": "当前采用", "revision": "较首次发布修订幅度", "change": "较上一版本变化", "vintage": "版本"}
	for _, lang := range []string{"en", "zh"} {
		for _, drop := range [][]string{{"served"}, {"served", "revision"}, {"served", "change"}, {"revision", "change"}, {"served", "vintage"}} {
			headers := drop
			if lang == "zh" {
				headers = nil
				for _, h := range drop {
					headers = append(headers, revisionOnly[h])
				}
			}
			for _, download := range []string{"csv", "xlsx", "csv&from=2015&to=2015"} {
				format, years, _ := strings.Cut(download, "&")
				name := lang + " " + format + " " + years + " without " + strings.Join(drop, ", ")
				body := s.get("/api/v1/series/houma/gdp/revisions?format=" + download + "&lang=" + lang).body
				file, ctype := "houma_gdp_revisions."+format, ingest.ContentTypeCSV
				if format == "csv" {
					body = withoutCSVColumns(t, body, headers)
				} else {
					body, ctype = withoutXLSXColumns(t, body, headers), ingest.ContentTypeXLSX
				}
				var answer struct {
					Error  api.ErrorBody  `json:"error"`
					Report *ingest.Report `json:"report"`
				}
				s.do("POST", "/api/v1/observations?filename="+file, ctype, houma, body).decode(t, 400, &answer)
				if answer.Report == nil || len(answer.Report.Problems) != 1 {
					t.Errorf("%s: %q, want one problem", name, answer.Error.Message)
					continue
				}
				p := answer.Report.Problems[0]
				if !strings.HasPrefix(p.Message, "this is a revisions download (GET /api/v1/series/{region}/{indicator}/revisions, 修订记录)") || p.Row != 1 || p.File != file {
					t.Errorf("%s: %q, want the header row refused as a revisions download", name, p.Error())
				}
			}
		}
	}
	if v := s.get("/api/v1/series/houma/gdp").header.Get("X-Data-Version"); v != version {
		t.Errorf("the data version moved from %s to %s: something was written", version, v)
	}

	// One column alone is not a revisions download: a bureau's own table
	// of figures with a change column is read.
	own := []byte("region,indicator,year,value,change,published\nhouma,gdp,2021,131.2,10.4,2022-03-01\n")
	var rep struct {
		Report ingest.Report `json:"report"`
	}
	s.do("POST", "/api/v1/observations?filename=own.csv&dry_run=true", ingest.ContentTypeCSV, houma, own).decode(t, 200, &rep)
	if rep.Report.New != 1 {
		t.Errorf("a table with a change column: %+v, want its figure read", rep.Report)
	}
}

// withoutCSVColumns is a CSV with the columns headed by one of drop deleted.
func withoutCSVColumns(t *testing.T, data []byte, drop []string) []byte {
	t.Helper()
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	for _, r := range rows {
		var kept []string
		for i, c := range r {
			if !slices.Contains(drop, rows[0][i]) {
				kept = append(kept, c)
			}
		}
		if err := w.Write(kept); err != nil {
			t.Fatal(err)
		}
	}
	w.Flush()
	return buf.Bytes()
}

// withoutXLSXColumns is a workbook with the columns of its first sheet
// headed by one of drop deleted.
func withoutXLSXColumns(t *testing.T, data []byte, drop []string) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetName(0)
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i := len(rows[0]) - 1; i >= 0; i-- {
		if slices.Contains(drop, rows[0][i]) {
			col, _ := excelize.ColumnNumberToName(i + 1)
			if err := f.RemoveCol(sheet, col); err != nil {
				t.Fatal(err)
			}
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
