package api_test

import (
	"bytes"
	"compress/gzip"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
	"github.com/plancast/plancast/ingest"
)

// A file pushed as text (CSV or JSON) that is another kind of file by its
// first bytes is refused saying what it is and how to send it: an XLSX
// workbook sent as text/csv was answered "the file holds NUL bytes, the
// first at byte 5", which names no way out. The workbook then goes in
// under its own type; nothing is written by the refused pushes.
func TestAFilePushedUnderAnotherKindsTypeIsNamedForWhatItIs(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	houma := token(t, st, plancast.Token{Region: "houma"})
	book := oversizedSheet(t, 2) // houma gdp 1902, 1903: years with no figure stored
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("region,indicator,year,value\nhouma,gdp,2019,110\n"))
	zw.Close()
	before := s.get("/api/v1/series/houma/gdp").header.Get("X-Data-Version")

	for _, c := range []struct {
		name, file, ctype string
		body              []byte
		want              []string
	}{
		{"xlsx as csv", "book.xlsx", "text/csv", book,
			[]string{"book.xlsx was sent as text/csv", "is an XLSX workbook (a ZIP file)", "Content-Type " + ingest.ContentTypeXLSX}},
		{"xlsx as csv, unnamed", "", "text/csv; charset=utf-8", book,
			[]string{"upload was sent as text/csv", "XLSX workbook", "--data-binary @upload.xlsx"}},
		{"xlsx as json", "book.json", "application/json", book, []string{"XLSX workbook"}},
		{"xls as csv", "old.xls", "text/csv", append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 504)...),
			[]string{"Excel 97–2003 workbook (.xls)", "save it as an Excel Workbook (.xlsx)"}},
		{"gzip as csv", "gdp.csv.gz", "text/csv", gz.Bytes(), []string{"gzip-compressed", "unpack it"}},
		{"pdf as csv", "report.pdf", "text/csv", []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"), []string{"a PDF document", "/api/v1/reports/extract"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := "/api/v1/observations"
			if c.file != "" {
				path += "?filename=" + c.file
			}
			msg := s.do("POST", path, c.ctype, houma, c.body).wantError(t, 400, plancast.EINVALID)
			for _, w := range c.want {
				if !strings.Contains(msg, w) {
					t.Errorf("refused with %q; want it to say %q", msg, w)
				}
			}
			if strings.Contains(msg, "NUL") {
				t.Errorf("refused with %q, which blames NUL bytes in what is no text file", msg)
			}
		})
	}
	if after := s.get("/api/v1/series/houma/gdp").header.Get("X-Data-Version"); after != before {
		t.Errorf("the data version moved from %s to %s: a refused push wrote", before, after)
	}
	// The same workbook under its own type goes in.
	var ans api.PushResponse
	s.do("POST", "/api/v1/observations?filename=book.xlsx", ingest.ContentTypeXLSX, houma, book).decode(t, 200, &ans)
	if ans.Report.New != 2 {
		t.Errorf("the workbook sent as XLSX: %+v; want 2 new", ans.Report)
	}
	// A CSV as CSV is read as ever, a short one too.
	s.do("POST", "/api/v1/observations?filename=a.csv&dry_run=true", "text/csv", houma, []byte("region,indicator,year,value\nhouma,gdp,2019,110\n")).decode(t, 200, nil)
	s.do("POST", "/api/v1/observations?filename=a.json", "application/json", houma, []byte("[]")).wantError(t, 400, plancast.EINVALID)
}
