package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// A CSV file with a NUL byte in it that is not UTF-16 (a damaged file, a
// file padded with NUL bytes by a crash, a binary file named .csv) is
// refused naming the file, the first NUL's byte and its line, and saying
// that the file is not text plancast can read. One stray NUL fell as
// UTF-16's NUL bytes fall, and the file was read as UTF-16 and refused as
// "no header row found"; with NUL bytes on both sides of their pairs, a
// GBK file was read as GB18030 with the NUL in a cell ("1\x00.5" is not a
// number). UTF-16, whose NUL bytes are the high halves of its ASCII
// characters, is read as before.

const nulTable = "地区,指标,年份,数值\n侯马市,地区生产总值,2019,110\n侯马市,地区生产总值,2020,120.8\n"

// withNUL returns a copy of data with the last byte of the first
// occurrence of at turned into a NUL byte, and the NUL's offset.
func withNUL(t *testing.T, data []byte, at string) ([]byte, int) {
	t.Helper()
	i := bytes.Index(data, []byte(at))
	if i < 0 {
		t.Fatalf("%q not found", at)
	}
	out := bytes.Clone(data)
	i += len(at) - 1
	out[i] = 0
	return out, i
}

func gbk(t *testing.T, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestACSVWithANULByteIsRefusedWhereTheFirstIs(t *testing.T) {
	utf8 := []byte(nulTable)
	type tc struct {
		name   string
		data   []byte
		offset int
		line   int
	}
	var cases []tc
	add := func(name string, data []byte, at string, line int) {
		d, off := withNUL(t, data, at)
		cases = append(cases, tc{name, d, off, line})
	}
	// The NUL at an odd and at an even offset: one of the two fell as
	// UTF-16LE's do, the other as UTF-16BE's.
	add("UTF-8, a NUL in a year", utf8, "2019", 2)
	add("UTF-8, a NUL in a value", utf8, "120.", 3)
	add("UTF-8, a NUL in the header", utf8, "年份", 1)
	add("UTF-8 with its mark, a NUL in a value", append([]byte("\xef\xbb\xbf"), utf8...), "110", 2)
	add("GBK, a NUL in a year", gbk(t, nulTable), "2019", 2)
	add("GBK, a NUL in a value", gbk(t, nulTable), "120.", 3)
	padded := append([]byte(nulTable), make([]byte, 512)...) // a file cut by a crash, padded with NULs
	cases = append(cases, tc{"UTF-8 padded with NUL bytes", padded, len(nulTable), 4})
	two := strings.Replace(nulTable, "110", "1\x00\x0010", 1)
	cases = append(cases, tc{"UTF-8, two NULs in a value", []byte(two), strings.IndexByte(two, 0), 2})

	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := parseBytes(t, "stray.csv", c.data)
			want := fmt.Sprintf("stray.csv row %d: the file holds NUL bytes, the first at byte %d (line %d), and is not text plancast can read", c.line, c.offset, c.line)
			texts := problemTexts(b.Problems)
			if len(texts) != 1 || !strings.HasPrefix(texts[0], want) {
				t.Errorf("problems %q,\nwant one starting %q", texts, want)
			}
			if len(b.Observations) != 0 {
				t.Errorf("%d figures read from a file refused before its rows", len(b.Observations))
			}
		})
	}
}

// A NUL after the reader's first look (64 KiB) is found as the rows are
// read: the same problem at its byte and line, and the batch, whose rows
// before it were read, does not land (Problems is not empty).
func TestANULByteAfterTheFirstLookIsRefusedWhereItIs(t *testing.T) {
	for _, enc := range []struct {
		name   string
		encode func(string) []byte
	}{
		{"UTF-8", func(s string) []byte { return []byte(s) }},
		{"GBK", func(s string) []byte { return gbk(t, s) }},
	} {
		t.Run(enc.name, func(t *testing.T) {
			var text strings.Builder
			text.WriteString("地区,指标,年份,数值\n")
			for range 5000 {
				text.WriteString("侯马市,地区生产总值,2020,120.8\n")
			}
			text.WriteString("侯马市,地区生产总值,2021,1X.5\n")
			data, off := withNUL(t, enc.encode(text.String()), "1X")
			if off < 64<<10 {
				t.Fatalf("the NUL is at byte %d, within the first look", off)
			}
			b := parseBytes(t, "long.csv", data)
			want := fmt.Sprintf("long.csv row 5002: the file holds NUL bytes, the first at byte %d (line 5002), and is not text plancast can read", off)
			texts := problemTexts(b.Problems)
			if len(texts) != 1 || !strings.HasPrefix(texts[0], want) {
				t.Errorf("problems %q,\nwant one starting %q", texts, want)
			}
		})
	}
}

// UTF-16 without a mark is told from stray NUL bytes by how many it has:
// a table's delimiters, line ends and digits give one in every few bytes,
// even beside long Chinese notes.
func TestUTF16WithoutAMarkIsStillReadBesideLongChineseNotes(t *testing.T) {
	note := strings.Repeat("全年经济运行总体平稳稳中有进", 8) // 112 characters without an ASCII one
	table := "地区\t指标\t年份\t数值\t备注\r\n侯马市\t地区生产总值\t2020\t120.8\t" + note + "\r\n"
	for _, order := range []unicode.Endianness{unicode.LittleEndian, unicode.BigEndian} {
		data, err := unicode.UTF16(order, unicode.IgnoreBOM).NewEncoder().Bytes([]byte(table))
		if err != nil {
			t.Fatal(err)
		}
		b := parseBytes(t, "notes.txt", data)
		noProblems(t, b)
		checkFigures(t, b, []figure{{region: "houma", indicator: "gdp", year: 2020, value: 120.8}})
	}
}

func parseBytes(t *testing.T, name string, data []byte) *Batch {
	t.Helper()
	b, err := Parse(name, "", bytes.NewReader(data), seedCatalog(t), Options{Published: pushDate, Size: int64(len(data))})
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return b
}
