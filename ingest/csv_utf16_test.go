package ingest

import (
	"bytes"
	"testing"

	"golang.org/x/text/encoding/unicode"
)

// A table saved as UTF-16, as Excel's "Unicode Text" (a tab-separated .txt,
// with a byte-order mark) and some exporters without the mark write it, is
// read as the report reader reads such a text: it was read as UTF-8 or
// GB18030, and refused with "no header row found in the first rows".
func TestCSVReadsUTF16WithOrWithoutItsMark(t *testing.T) {
	const table = "地区\t指标\t年份\t数值\t单位\r\n侯马市\t地区生产总值\t2022\t140.1\t亿元\r\n侯马市\t地区生产总值\t2023\t\"1,520.5\"\t亿元\r\n"
	for _, c := range []struct {
		name  string
		order unicode.Endianness
		bom   unicode.BOMPolicy
	}{
		{"UTF-16LE with its mark (Excel's Unicode Text)", unicode.LittleEndian, unicode.UseBOM},
		{"UTF-16BE with its mark", unicode.BigEndian, unicode.UseBOM},
		{"UTF-16LE without a mark", unicode.LittleEndian, unicode.IgnoreBOM},
		{"UTF-16BE without a mark", unicode.BigEndian, unicode.IgnoreBOM},
	} {
		t.Run(c.name, func(t *testing.T) {
			data, err := unicode.UTF16(c.order, c.bom).NewEncoder().Bytes([]byte(table))
			if err != nil {
				t.Fatal(err)
			}
			for _, size := range []int64{0, int64(len(data))} { // Options.Size sizes the batch from the head's lines
				b, err := Parse("houma.txt", "", bytes.NewReader(data), seedCatalog(t), Options{Published: pushDate, Size: size})
				if err != nil {
					t.Fatal(err)
				}
				noProblems(t, b)
				checkFigures(t, b, []figure{
					{region: "houma", indicator: "gdp", year: 2022, value: 140.1},
					{region: "houma", indicator: "gdp", year: 2023, value: 1520.5},
				})
			}
		})
	}
}

// A UTF-16 table longer than the reader's first look (64 KiB), whose
// last row's cells come after it: the rest is decoded as it is read, and
// a row number is its line in the file.
func TestCSVReadsALongUTF16Table(t *testing.T) {
	var text bytes.Buffer
	text.WriteString("region,indicator,year,value\n")
	for y := 1900; y <= 2150; y++ {
		for range 40 { // the same figure again: dropped as a repeat
			text.WriteString("houma,gdp,2000,1.5\n")
		}
	}
	text.WriteString("houma,gdp,2001,x\n")
	data, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(text.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(data) < 128<<10 {
		t.Fatalf("the table is %d bytes; want it past the first look", len(data))
	}
	b := parseString(t, "long.csv", string(data), Options{})
	lines := bytes.Count(text.Bytes(), []byte("\n"))
	if len(b.Problems) != 1 || b.Problems[0].Row != lines || b.Problems[0].Column != "D" {
		t.Fatalf("problems %v; want one, at row %d column D", b.Problems, lines)
	}
}
