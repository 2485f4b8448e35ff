package ingest

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A workbook damaged in transit (a byte of one part's compressed data
// changed, so the part fails its checksum or does not inflate) is refused
// with a problem that names the part, and nothing from it is accepted: a
// damaged part could otherwise be read as other text than was written.
// (The fuzzer found such a file that crashed excelize's reader.)
func TestADamagedWorkbookIsRefusedByName(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "long.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, part := range []string{"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"} {
		var zf *zip.File
		for _, f := range zr.File {
			if f.Name == part {
				zf = f
			}
		}
		if zf == nil {
			t.Fatalf("long.xlsx has no part %s", part)
		}
		off, err := zf.DataOffset()
		if err != nil {
			t.Fatal(err)
		}
		damaged := bytes.Clone(data)
		damaged[off+int64(zf.CompressedSize64)/2] ^= 0x5a

		b, err := Parse("long.xlsx", "", bytes.NewReader(damaged), seedCatalog(t), Options{Published: pushDate})
		if err != nil {
			t.Fatal(err)
		}
		if len(b.Problems) != 1 || b.Problems[0].File != "long.xlsx" ||
			!strings.Contains(b.Problems[0].Message, "damaged workbook: its part "+part+" does not unpack") {
			t.Errorf("%s damaged: problems %v, want one naming the part", part, b.Problems)
		}
		if len(b.Observations) != 0 || len(b.Targets) != 0 {
			t.Errorf("%s damaged: %d figures and %d targets accepted", part, len(b.Observations), len(b.Targets))
		}
	}
	if b := parseFixture(t, "long.xlsx", Options{}); len(b.Problems) != 0 || len(b.Observations) == 0 {
		t.Errorf("the undamaged workbook: %v, %d figures", b.Problems, len(b.Observations))
	}
}
