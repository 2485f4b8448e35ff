package ingest

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// sheetBook is a workbook of one sheet, Sheet1, holding rows, with the
// given ranges ("A1:H1") merged.
func sheetBook(t *testing.T, rows [][]any, merged ...string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	setRows(t, f, "Sheet1", rows)
	for _, m := range merged {
		from, to, _ := strings.Cut(m, ":")
		if err := f.MergeCell("Sheet1", from, to); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func parseSheet(t *testing.T, data []byte) *Batch {
	t.Helper()
	b, err := Parse("s.xlsx", "", bytes.NewReader(data), seedCatalog(t), Options{Published: pushDate})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A value typed in a column whose header cell is blank, past the header's
// last column or in a gap between its columns, used to be left out without
// a word: a figure, a unit beside it, a status. It is refused at its cell,
// saying the column has no header and what to do; a column's cells are one
// problem, at the first of them. The rows are read as before (their other
// cells are checked too), but a batch with a problem writes nothing.
func TestACellInAColumnWithoutAHeaderIsRefused(t *testing.T) {
	const hint = `give column %s a header (备注 or note for a remark), or delete `
	one := func(row, col, text string) string {
		return `s.xlsx sheet Sheet1 row ` + row + ` column ` + col + `: "` + text + `" is in a column without a header, so it would be lost: ` +
			strings.Replace(hint, "%s", col, 1) + `the cell`
	}
	for _, c := range []struct {
		name    string
		rows    [][]any
		want    []string
		figures int
	}{
		{"a remark and a figure past the header (both were left out)", [][]any{
			{"region", "indicator", "year", "value"},
			{"houma", "gdp", 2023, 150.0, "初步核算"},
			{"houma", "gdp", 2024, 158.7, nil, 7},
		}, []string{one("2", "E", "初步核算"), one("3", "F", "7")}, 2},
		{"a unit in a gap between the header's columns", [][]any{
			{"region", "indicator", nil, "year", "value"},
			{"houma", "gdp", "万元", 2024, 1587000},
		}, []string{one("2", "C", "万元")}, 1},
		{"a year of a wide table without its header", [][]any{
			{"region", "indicator", "2019", nil, "2021"},
			{"houma", "gdp", 116, 120.8, 130},
		}, []string{one("2", "D", "120.8")}, 2},
		{"a targets table", [][]any{
			{"region", "indicator", "plan", "kind", "year", "value"},
			{"houma", "gdp", "14th-fyp", "level", 2025, 250, 5},
		}, []string{one("2", "G", "5")}, 1},
		{"a column's cells are one problem, at its first", [][]any{
			{"地区", "指标", "年份", "数值"},
			{"侯马市", "地区生产总值", 2021, 130.5, nil, "a"},
			{"侯马市", "地区生产总值", 2022, 140.0, nil, "b", nil, 1},
			{"侯马市", "地区生产总值", 2023, 150.0},
			{"侯马市", "地区生产总值", 2024, 158.7, nil, "c"},
			{"侯马市", "地区生产总值", 2025, 165.0, nil, nil, nil, 2},
		}, []string{
			`s.xlsx sheet Sheet1 row 2 column F: "a" is in a column without a header, as are 2 more cells of column F, down to row 5, so they would be lost: ` +
				strings.Replace(hint, "%s", "F", 1) + `them`,
			`s.xlsx sheet Sheet1 row 3 column H: "1" is in a column without a header, as is 1 more cell of column H (row 6), so they would be lost: ` +
				strings.Replace(hint, "%s", "H", 1) + `them`,
		}, 5},
		{"a row of nothing but such cells is that one problem", [][]any{
			{"region", "indicator", "year", "value"},
			{"houma", "gdp", 2024, 158.7},
			{nil, nil, nil, nil, nil, "制表：李明"},
		}, []string{one("3", "F", "制表：李明")}, 1},
	} {
		b := parseSheet(t, sheetBook(t, c.rows))
		if got, want := strings.Join(problemTexts(b.Problems), "\n"), strings.Join(c.want, "\n"); got != want {
			t.Errorf("%s: problems\n%s\nwant\n%s", c.name, got, want)
		}
		if n := len(b.Observations) + len(b.Targets); n != c.figures {
			t.Errorf("%s: %d figures and targets read, want %d", c.name, n, c.figures)
		}
	}
}

// What is clearly not a figure is left out as before: blank cells and
// missing marks ("—") in a column without a header, a note beside a row
// ("注：…"), note and source rows under the table however wide, title rows
// above the header, the copies of a merged cell past the header, and a
// column named only in the second line of a two-line header.
func TestCellsThatAreNotFiguresBesideATableAreAccepted(t *testing.T) {
	for _, c := range []struct {
		name    string
		rows    [][]any
		merged  []string
		figures int
	}{
		{"blank cells and missing marks", [][]any{
			{"region", "indicator", "year", "value"},
			{"houma", "gdp", 2024, 158.7, "  ", "—", "…"},
		}, nil, 1},
		{"a note beside a row", [][]any{
			{"region", "indicator", "year", "value"},
			{"houma", "gdp", 2024, 158.7, nil, "注：初步核算数"},
			{"houma", "gdp", 2023, 150.0, "*据统计公报"},
		}, nil, 2},
		{"notes under the table, merged wider than it", [][]any{
			{"region", "indicator", "year", "value"},
			{"houma", "gdp", 2024, 158.7},
			{"注：2024年为初步核算数。"},
			{"资料来源：侯马市统计公报。"},
		}, []string{"A3:H3", "A4:H4"}, 1},
		{"title rows wider than the header", [][]any{
			{"侯马市主要经济指标"},
			{nil, nil, nil, nil, nil, nil, "（单位：亿元）"},
			{"指标", "2023年", "2024年"},
			{"地区生产总值", 150.0, 158.7},
		}, []string{"A1:G1"}, 2},
		{"a merged cell running past the header", [][]any{
			{"region", "indicator", "year", "value"},
			{"houma", "gdp", 2024, 158.7},
			{"houma", "budget_revenue", 2024, 5.29},
		}, []string{"D2:F2", "A2:A3"}, 2},
		{"a column named in the header's second line", [][]any{
			{"侯马市主要经济指标"},
			{"指标", "年份", nil},
			{nil, "2023年", "2024年"},
			{"地区生产总值", 150.0, 158.7},
		}, nil, 2},
	} {
		b := parseSheet(t, sheetBook(t, c.rows, c.merged...))
		for _, p := range b.Problems {
			t.Errorf("%s: unexpected problem: %s", c.name, p.Error())
		}
		if n := len(b.Observations) + len(b.Targets); n != c.figures {
			t.Errorf("%s: %d figures and targets read, want %d", c.name, n, c.figures)
		}
	}
}
