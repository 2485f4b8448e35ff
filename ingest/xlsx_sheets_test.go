package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// sheetSpec is one sheet of a test workbook: its rows, and whether it is
// hidden.
type sheetSpec struct {
	name   string
	rows   [][]any
	hidden bool
}

// sheetsWorkbook builds a workbook of the sheets, in order, with the sheet
// at index active (in that order) the one it opens at.
func sheetsWorkbook(t *testing.T, active int, sheets ...sheetSpec) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		for r, row := range s.rows {
			if err := f.SetSheetRow(s.name, fmt.Sprintf("A%d", r+1), &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	// excelize hides no sheet while it is the active one: hide each with
	// a visible one active, then make the asked one active, hidden or not
	// (a workbook another program wrote may open at a hidden sheet).
	for i, s := range sheets {
		if !s.hidden {
			f.SetActiveSheet(i)
			break
		}
	}
	for _, s := range sheets {
		if s.hidden {
			if err := f.SetSheetVisible(s.name, false); err != nil {
				t.Fatal(err)
			}
			if v, _ := f.GetSheetVisible(s.name); v {
				t.Fatalf("sheet %s is not hidden", s.name)
			}
		}
	}
	f.SetActiveSheet(active)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// gdpSheet is a long table of Houma's GDP in one year.
func gdpSheet(name string, year int, value float64) sheetSpec {
	return sheetSpec{name: name, rows: [][]any{{"地区", "指标", "年份", "数值"}, {"侯马市", "地区生产总值", year, value}}}
}

func parseWorkbook(t *testing.T, data []byte, opt Options) *Batch {
	t.Helper()
	opt.Published = pushDate
	b, err := Parse("book.xlsx", "", bytes.NewReader(data), seedCatalog(t), opt)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A workbook of a sheet a year is read one sheet at a time, as before, but
// the report says which sheets holding a table were not read and how to
// push them, all in one batch or one by name: the first year alone was
// pushed without a word. A sheet without a table (a note) is not named.
func TestWorkbookNotesTheSheetsWithATableItDidNotRead(t *testing.T) {
	data := sheetsWorkbook(t, 0,
		gdpSheet("2022年", 2022, 140.1),
		sheetSpec{name: "说明", rows: [][]any{{"数据来源：侯马市统计局"}}},
		gdpSheet("2023年", 2023, 150.2),
		gdpSheet("2024 final", 2024, 160.3))
	b := parseWorkbook(t, data, Options{})
	noProblems(t, b)
	checkFigures(t, b, []figure{{region: "houma", indicator: "gdp", year: 2022, value: 140.1}})
	want := []string{`book.xlsx: sheet "2022年" was read; sheets "2023年", "2024 final" hold tables too and were not read: ` +
		`push every sheet that holds a table in one batch (plancast ingest --all-sheets book.xlsx, or ?all_sheets=true on the push), ` +
		`or one by name (plancast ingest --sheet "2023年" book.xlsx, or ?sheet=2023年 on the push)`}
	if fmt.Sprint(b.Notes) != fmt.Sprint(want) {
		t.Errorf("notes %q;\nwant %q", b.Notes, want)
	}

	// A sheet named is read, and the push chose it: no note.
	b = parseWorkbook(t, data, Options{Sheet: "2024 final"})
	noProblems(t, b)
	checkFigures(t, b, []figure{{region: "houma", indicator: "gdp", year: 2024, value: 160.3}})
	if len(b.Notes) != 0 {
		t.Errorf("notes %q; want none when the sheet is named", b.Notes)
	}
	if got := sheetOption("book.xlsx", "2024 final"); !strings.HasSuffix(got, "?sheet=2024+final on the push") {
		t.Errorf("sheetOption = %q; want the name escaped in the query", got)
	}
}

// Without a sheet named, the sheet read is the one the workbook opens at
// when it is visible, else the first visible one: a hidden first sheet
// keeping last year's figures was read in place of the visible one.
func TestWorkbookReadsTheActiveVisibleSheet(t *testing.T) {
	old := gdpSheet("Sheet1", 2019, 999)
	old.hidden = true
	for _, c := range []struct {
		name   string
		active int
		sheets []sheetSpec
		want   float64
		note   string
	}{
		{"a hidden first sheet, the visible one active", 1, []sheetSpec{old, gdpSheet("data", 2019, 110.2)}, 110.2,
			`book.xlsx: sheet "data" was read; sheet "Sheet1" (hidden) holds a table too and was not read: ` +
				`a hidden sheet is read only when named (plancast ingest --sheet "Sheet1" book.xlsx, or ?sheet=Sheet1 on the push)`},
		{"a hidden sheet active", 0, []sheetSpec{old, gdpSheet("a", 2019, 110.2), gdpSheet("b", 2019, 111)}, 110.2,
			`book.xlsx: sheet "a" was read; sheets "Sheet1" (hidden), "b" hold tables too and were not read: ` +
				`push every visible sheet that holds a table in one batch (plancast ingest --all-sheets book.xlsx, or ?all_sheets=true on the push), ` +
				`or one by name (plancast ingest --sheet "Sheet1" book.xlsx, or ?sheet=Sheet1 on the push), the only way a hidden sheet is read`},
		{"the second of two visible sheets active", 1, []sheetSpec{gdpSheet("draft", 2019, 100), gdpSheet("final", 2019, 110.2)}, 110.2,
			`book.xlsx: sheet "final" was read; sheet "draft" holds a table too and was not read: ` +
				`push every sheet that holds a table in one batch (plancast ingest --all-sheets book.xlsx, or ?all_sheets=true on the push), ` +
				`or one by name (plancast ingest --sheet "draft" book.xlsx, or ?sheet=draft on the push)`},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := parseWorkbook(t, sheetsWorkbook(t, c.active, c.sheets...), Options{})
			noProblems(t, b)
			checkFigures(t, b, []figure{{region: "houma", indicator: "gdp", year: 2019, value: c.want}})
			if fmt.Sprint(b.Notes) != fmt.Sprint([]string{c.note}) {
				t.Errorf("notes %q;\nwant %q", b.Notes, c.note)
			}
		})
	}
}

// A sheet read without a header row (a cover sheet first) says which of
// the workbook's other sheets hold a table and how to name one; it said
// only "no header row found".
func TestWorkbookWithoutAHeaderOnItsSheetNamesTheOthers(t *testing.T) {
	cover := sheetSpec{name: "封面", rows: [][]any{{"侯马市2023年统计数据"}, {"侯马市统计局"}}}
	for _, c := range []struct {
		name   string
		sheets []sheetSpec
		want   string
	}{
		{"a cover and a table", []sheetSpec{cover, gdpSheet("数据", 2023, 150.2)},
			`; sheet "封面" was read, and the workbook's other sheet "数据" holds a table: push every sheet that holds a table in one batch (plancast ingest --all-sheets book.xlsx, or ?all_sheets=true on the push), or one by name (plancast ingest --sheet "数据" book.xlsx, or ?sheet=数据 on the push)`},
		{"a cover, a note and a table", []sheetSpec{cover, {name: "说明", rows: [][]any{{"单位：亿元"}}}, gdpSheet("数据", 2023, 150.2)},
			`; sheet "封面" was read; of the workbook's other sheets "说明", "数据", only "数据" holds a table: push every sheet that holds a table in one batch (plancast ingest --all-sheets book.xlsx, or ?all_sheets=true on the push), or one by name (plancast ingest --sheet "数据" book.xlsx, or ?sheet=数据 on the push)`},
		{"no table anywhere", []sheetSpec{cover, {name: "说明", rows: [][]any{{"单位：亿元"}}}},
			`; sheet "封面" was read, and the workbook's other sheet "说明" holds none either`},
		{"one sheet", []sheetSpec{cover}, ""},
		{"an empty sheet", []sheetSpec{{name: "空"}, gdpSheet("数据", 2023, 150.2)}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := parseWorkbook(t, sheetsWorkbook(t, 0, c.sheets...), Options{})
			if len(b.Problems) != 1 || len(b.Notes) != 0 {
				t.Fatalf("problems %v, notes %q; want one problem and no note", b.Problems, b.Notes)
			}
			msg := b.Problems[0].Message
			want := "no header row found in the first rows: expected columns such as region/地区, indicator/指标, year/年份 and value/数值, or year columns (2019, 2019年)" + c.want
			if c.name == "an empty sheet" {
				want = `the table is empty; sheet "空" was read, and the workbook's other sheet "数据" holds a table: push every sheet that holds a table in one batch (plancast ingest --all-sheets book.xlsx, or ?all_sheets=true on the push), or one by name (plancast ingest --sheet "数据" book.xlsx, or ?sheet=数据 on the push)`
			}
			if msg != want {
				t.Errorf("problem %q;\nwant %q", msg, want)
			}
		})
	}
}
