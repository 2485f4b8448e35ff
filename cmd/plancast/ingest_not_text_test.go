package main

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"testing"
)

// A workbook saved under a name ending .csv (or .json), a gzip file or a
// PDF is refused by plancast ingest saying what the file is and what to
// do, as the push route says it (ingest.NotText, one place for both): it
// was read as CSV and refused for its NUL bytes, which said nothing of
// either. Through a server of several files, which reads them here
// first, it says the same.
func TestIngestSaysAFileReadAsTextIsAWorkbookOrAnotherKind(t *testing.T) {
	book, err := os.ReadFile(fixture("long.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	w := gzip.NewWriter(&gz)
	w.Write([]byte("region,indicator,year,value\nhouma,gdp,2021,131.2\n"))
	w.Close()
	dir := t.TempDir()
	put := func(name string, data []byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	ok := writeFile(t, "ok.csv", "region,indicator,year,value\nhouma,gdp,2021,131.2\n")
	url, admin := serverWithAdmin(t, nil)
	for _, c := range []struct {
		file string
		data []byte
		want string
	}{
		{"book.csv", book, "book.csv is read as CSV by its name, but it is an XLSX workbook (a ZIP file), not text; name it book.xlsx and plancast ingest that; nothing was written"},
		{"book.json", book, "book.json is read as JSON by its name, but it is an XLSX workbook (a ZIP file), not text; name it book.xlsx and plancast ingest that; nothing was written"},
		{"gdp.csv", gz.Bytes(), "gdp.csv is read as CSV by its name, but it is gzip-compressed, not text: unpack it (gunzip) and push the file inside; nothing was written"},
		{"report.csv", []byte("%PDF-1.7\n%âãÏÓ\n"), "report.csv is read as CSV by its name, but it is a PDF document, which plancast does not read: " +
			"push the table as CSV, XLSX or JSON, or push a report's text (copied out of the PDF) with plancast ingest --report FILE (POST /api/v1/reports/extract); nothing was written"},
	} {
		path := put(c.file, c.data)
		for _, args := range [][]string{
			{"ingest", "--data-dir", catalogDir(t), path},
			{"ingest", "--server", url, "--token", admin, ok, path},
		} {
			code, stdout, stderr := run(t, args...)
			if code != 1 || stdout != "" || stderr != "plancast ingest: "+c.want+"\n" {
				t.Errorf("%s %s: exit %d, stdout %q, stderr\n %q\nwant exit 1 and\n %q", args[1], c.file, code, stdout, stderr, "plancast ingest: "+c.want+"\n")
			}
		}
	}
}
