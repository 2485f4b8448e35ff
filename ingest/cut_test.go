package ingest

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// cutBody gives the first n bytes of data, then io.ErrUnexpectedEOF once,
// then a clean io.EOF for ever: what net/http's request body does when the
// client announced a Content-Length and dropped the connection before it.
type cutBody struct {
	data   []byte
	n      int
	failed bool
}

func (c *cutBody) Read(p []byte) (int, error) {
	if len(c.data) > 0 && c.n > 0 {
		k := copy(p, c.data[:min(len(c.data), c.n)])
		c.data, c.n = c.data[k:], c.n-k
		return k, nil
	}
	if !c.failed {
		c.failed = true
		return 0, io.ErrUnexpectedEOF
	}
	return 0, io.EOF
}

// A document whose reader fails before its end is refused whole, with a
// *ReadError naming the file and how far it was read, in every format,
// wherever the cut falls: in the first 512 bytes that the format is
// sniffed from (where bufio's Peek used to swallow the error, so that a CSV
// cut after "48" of "48.7" was read as a whole file holding 48), past
// them, and inside a workbook's or a JSON document's bytes.
func TestADocumentCutShortIsRefusedWhole(t *testing.T) {
	csv := "region,indicator,year,value,unit\nhouma,retail_sales,2020,48.7,亿元\nhouma,retail_sales,2021,52.5,亿元\n"
	long := csv + strings.Repeat("houma,retail_sales,2019,47.1,亿元\n", 2000)
	xlsx, err := os.ReadFile(filepath.Join("testdata", "long.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	js, err := os.ReadFile(filepath.Join("testdata", "observations.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		data []byte
		cut  int
	}{
		{"cut.csv", []byte(csv), strings.Index(csv, "48") + 2},
		{"cut-after-a-row.csv", []byte(csv), strings.Index(csv, "houma,retail_sales,2021")},
		{"cut-far-in.csv", []byte(long), len(long) - 10},
		{"cut.xlsx", xlsx, len(xlsx) / 2},
		{"cut.json", js, len(js) - 5},
	} {
		t.Run(c.name, func(t *testing.T) {
			b, err := Parse(c.name, "", &cutBody{data: c.data, n: c.cut}, seedCatalog(t), Options{Published: pushDate})
			var re *ReadError
			if !errors.As(err, &re) {
				t.Fatalf("Parse of a body cut after %d of %d bytes = %v, %v; want a *ReadError", c.cut, len(c.data), b, err)
			}
			if b != nil {
				t.Errorf("a cut document gave a batch: %d figures", len(b.Observations))
			}
			if re.File != c.name || re.Read != int64(c.cut) || !errors.Is(err, io.ErrUnexpectedEOF) {
				t.Errorf("ReadError = %+v (%v); want file %s, %d bytes read, io.ErrUnexpectedEOF", re, err, c.name, c.cut)
			}
		})
	}
}

// A reader failing after the document's last byte refuses it too: whether
// a document is whole is for its reader to say (a Content-Length may promise
// more than a CSV that reads well without it), not guessed from the content.
func TestAReadErrorAfterTheLastByteStillRefusesTheDocument(t *testing.T) {
	csv := "region,indicator,year,value,unit\nhouma,retail_sales,2020,48.7,亿元\n"
	b, err := Parse("whole.csv", "", &cutBody{data: []byte(csv), n: len(csv)}, seedCatalog(t), Options{Published: pushDate})
	var re *ReadError
	if !errors.As(err, &re) || re.Read != int64(len(csv)) {
		t.Fatalf("Parse = %v, %v; want a *ReadError after %d bytes", b, err, len(csv))
	}
}

// A reader that stops before the end (here at the row limit) still has the
// document refused for a cut after where it stopped: the rest is read to
// its end, so that a cut body is never answered with the problems its cut
// made, or with none.
func TestACutPastWhereReadingStoppedIsFound(t *testing.T) {
	csv := "region,indicator,year,value,unit\n" + strings.Repeat("houma,retail_sales,2019,47.1,亿元\n", 5000)
	_, err := Parse("stops.csv", "", &cutBody{data: []byte(csv), n: len(csv) - 10}, seedCatalog(t), Options{Published: pushDate, MaxRows: 10})
	var re *ReadError
	if !errors.As(err, &re) || re.Read != int64(len(csv)-10) {
		t.Fatalf("Parse stopping at 10 rows of a body cut after %d bytes = %v; want a *ReadError after them", len(csv)-10, err)
	}
}
