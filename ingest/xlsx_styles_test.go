package ingest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A figure in percent read from a percent-formatted cell is the percentage
// the cell shows, wherever the cell is: in any year column of a wide table,
// in the value or the growth column of a long one, with or without its
// position written in the file (a cell without r="E4" is placed after the
// one before it). A cell formatted otherwise ("0.00", or "%" as quoted text)
// is read as written. A figure not in percent from a percent-formatted cell
// is refused (TestAPercentFormattedCellOfAFigureNotInPercentIsRefused): it
// used to be read as written.
func TestPercentFormattedCellsReadAsTheAuthorSeesThem(t *testing.T) {
	data := percentWorkbook(t)
	cat := seedCatalog(t)

	wide, err := Parse("rates.xlsx", "", bytes.NewReader(data), cat, Options{Published: pushDate, Sheet: "wide"})
	if err != nil {
		t.Fatal(err)
	}
	const gdpAsPercent = `rates.xlsx sheet wide row 3 column E (value): the cell is formatted as a percentage (shows 12080%), ` +
		`but indicator gdp is measured in 100m_yuan (亿元), not in percent: format the cell as a number, and check the figure it then shows (120.8); ` +
		`a growth rate goes in a growth column (growth, 增速)`
	if got := strings.Join(problemTexts(wide.Problems), "\n"); got != gdpAsPercent {
		t.Errorf("wide: problems\n%s\nwant\n%s", got, gdpAsPercent)
	}
	checkFigures(t, wide, []figure{
		{region: "houma", indicator: "gdp", year: 2018, value: 108},
		{region: "houma", indicator: "gdp", year: 2019, value: 116},
		// 2020's 120.8 is formatted as 0.00%, but gdp is in 亿元: refused
		{region: "houma", indicator: "unemployment_rate", year: 2018, value: 3.1},         // 0.031 as 0.00%
		{region: "houma", indicator: "unemployment_rate", year: 2019, value: 3.2},         // 3.2 as 0.00
		{region: "houma", indicator: "unemployment_rate", year: 2020, value: 2.9},         // 0.029 as 0.0%, no r
		{region: "houma", indicator: "secondary_industry_share", year: 2018, value: 45.1}, // General
		{region: "houma", indicator: "secondary_industry_share", year: 2019, value: 46.2}, // 0.462 as 0%
		{region: "houma", indicator: "secondary_industry_share", year: 2020, value: 47},   // 47 as 0.0"%"
	})

	long, err := Parse("rates.xlsx", "", bytes.NewReader(data), cat, Options{Published: pushDate, Sheet: "long"})
	if err != nil {
		t.Fatal(err)
	}
	noProblems(t, long)
	checkFigures(t, long, []figure{
		{region: "houma", indicator: "gdp", year: 2020, value: 120.8},
		{region: "houma", indicator: "unemployment_rate", year: 2020, value: 2.9}, // 0.029 as 0.00%
		{region: "houma", indicator: "unemployment_rate", year: 2019, value: 3.1}, // 3.1 as 0.00
		{region: "houma", indicator: "budget_revenue", year: 2020, value: 5.29},
	})
	checkGrowths(t, long, []stated{
		{region: "houma", indicator: "gdp", year: 2020, growth: pct(4.1)},               // 0.041 as 0.00%
		{region: "houma", indicator: "unemployment_rate", year: 2020, growth: pct(3.6)}, // General
		{region: "houma", indicator: "unemployment_rate", year: 2019, growth: pct(2)},   // 0.02 as 0.00%, no r
		{region: "houma", indicator: "budget_revenue", year: 2020, growth: pct(5.6)},    // 5.6 as 0.0
	})
}

// percentWorkbook has a wide sheet ("wide", years across) and a long one
// ("long", a growth column), with cells formatted as percentages, as other
// numbers, and as text ending in a quoted "%"; in each sheet one formatted
// cell (E4) has no r attribute.
func percentWorkbook(t *testing.T) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "wide"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.NewSheet("long"); err != nil {
		t.Fatal(err)
	}
	setRows(t, f, "wide", [][]any{
		{"侯马市主要经济指标（2018—2020年）"},
		{"指标", "单位", "2018年", "2019年", "2020年"},
		{"地区生产总值", "亿元", 108.0, 116.0, 120.8},
		{"城镇登记失业率", "%", 0.031, 3.2, 0.029},
		{"第二产业占GDP比重", "%", 45.1, 0.462, 47.0},
	})
	setRows(t, f, "long", [][]any{
		{"地区", "指标", "年份", "数值", "增长率(%)"},
		{"侯马市", "地区生产总值", 2020, 120.8, 0.041},
		{"侯马市", "城镇登记失业率", 2020, 0.029, 3.6},
		{"侯马市", "城镇登记失业率", 2019, 3.1, 0.02},
		{"侯马市", "一般公共预算收入", 2020, 5.29, 5.6},
	})
	percent := numberStyle(t, f, &excelize.Style{NumFmt: 10})  // 0.00%
	whole := numberStyle(t, f, &excelize.Style{NumFmt: 9})     // 0%
	twoPlaces := numberStyle(t, f, &excelize.Style{NumFmt: 2}) // 0.00
	oneDecimalPercent, oneDecimal, quotedPercent := `0.0%`, `0.0`, `0.0"%"`
	customPercent := numberStyle(t, f, &excelize.Style{CustomNumFmt: &oneDecimalPercent})
	custom := numberStyle(t, f, &excelize.Style{CustomNumFmt: &oneDecimal})
	quoted := numberStyle(t, f, &excelize.Style{CustomNumFmt: &quotedPercent})
	for _, s := range []struct {
		sheet, cell string
		style       int
	}{
		{"wide", "E3", percent}, {"wide", "C4", percent}, {"wide", "D4", twoPlaces}, {"wide", "E4", customPercent},
		{"wide", "D5", whole}, {"wide", "E5", quoted},
		{"long", "E2", percent}, {"long", "D3", percent}, {"long", "D4", twoPlaces}, {"long", "E4", percent},
		{"long", "E5", custom},
	} {
		if err := f.SetCellStyle(s.sheet, s.cell, s.cell, s.style); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	for _, part := range []string{"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"} {
		data = editPart(t, data, part, func(x string) string {
			if strings.Count(x, `<c r="E4" s=`) != 1 {
				t.Fatalf("%s: no one cell E4 with a style:\n%s", part, x)
			}
			return strings.Replace(x, `<c r="E4" s=`, `<c s=`, 1)
		})
	}
	return data
}

func setRows(t *testing.T, f *excelize.File, sheet string, rows [][]any) {
	t.Helper()
	for i, r := range rows {
		if err := f.SetSheetRow(sheet, fmt.Sprintf("A%d", i+1), &r); err != nil {
			t.Fatal(err)
		}
	}
}

func numberStyle(t *testing.T, f *excelize.File, s *excelize.Style) int {
	t.Helper()
	id, err := f.NewStyle(s)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// editPart rewrites one part of a workbook archive, stored uncompressed; the
// others are copied as they are.
func editPart(t testing.TB, data []byte, part string, edit func(string) string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	found := false
	for _, zf := range zr.File {
		if zf.Name != part {
			if err := zw.Copy(zf); err != nil {
				t.Fatal(err)
			}
			continue
		}
		content, ok := readPart(zr, part)
		if !ok {
			t.Fatalf("unreadable %s", part)
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: part, Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(edit(string(content)))); err != nil {
			t.Fatal(err)
		}
		found = true
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if !found {
		t.Fatalf("no part %s", part)
	}
	return out.Bytes()
}

// An archive may hold two entries of one name; excelize reads the last, and
// so do the figures: here the first copy of the sheet formats the rate as a
// percentage and the last does not.
func TestASheetPartHeldTwiceIsReadAsExcelizeReadsIt(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	setRows(t, f, "Sheet1", [][]any{
		{"地区", "指标", "年份", "数值"},
		{"侯马市", "城镇登记失业率", 2020, 2.9},
	})
	if err := f.SetCellStyle("Sheet1", "D2", "D2", numberStyle(t, f, &excelize.Style{NumFmt: 10})); err != nil {
		t.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	const part = "xl/worksheets/sheet1.xml"
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	formatted, ok := readPart(zr, part)
	if !ok || !bytes.Contains(formatted, []byte(`<c r="D2" s=`)) {
		t.Fatalf("no formatted D2 in:\n%s", formatted)
	}
	plain := regexp.MustCompile(`<c r="D2" s="\d+"`).ReplaceAll(formatted, []byte(`<c r="D2"`))
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		if err := zw.Copy(zf); err != nil {
			t.Fatal(err)
		}
	}
	w, err := zw.Create(part)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(plain); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}

	b, err := Parse("twice.xlsx", "", bytes.NewReader(out.Bytes()), seedCatalog(t), Options{Published: pushDate})
	if err != nil {
		t.Fatal(err)
	}
	noProblems(t, b)
	checkFigures(t, b, []figure{{region: "houma", indicator: "unemployment_rate", year: 2020, value: 2.9}})
}

// The style ids read from a sheet's XML are those excelize's GetCellStyle
// gives, for every cell of the sheet and around it: a cell's own, else its
// row's, else its column's. Where the scan cannot be sure of reading the
// sheet as excelize does, it gives up, and the styles used are GetCellStyle's.
func TestTheStyleScanAgreesWithExcelize(t *testing.T) {
	for _, c := range styleScanSheets {
		t.Run(c.name, func(t *testing.T) {
			checkStyleScan(t, sheetWorkbook(t, c.xml), "Sheet1", c.scans)
		})
	}
	for _, c := range []struct{ file, sheet string }{
		{"long.xlsx", "figures"}, {"long.xlsx", "按指标"}, {"yearbook.xlsx", "说明"}, {"yearbook.xlsx", "表1"},
		{"targets.xlsx", ""},
	} {
		t.Run(c.file+" "+c.sheet, func(t *testing.T) {
			data := readFixture(t, c.file)
			sheet := c.sheet
			if sheet == "" {
				sheet = firstSheet(t, data)
			}
			checkStyleScan(t, data, sheet, true)
		})
	}
	t.Run("percentWorkbook", func(t *testing.T) {
		data := percentWorkbook(t)
		checkStyleScan(t, data, "wide", true)
		checkStyleScan(t, data, "long", true)
	})
}

// styleScanSheets are worksheets (their XML) for checking the style scan
// against excelize; scans says whether the scan reads them or gives up.
var styleScanSheets = []struct {
	name, xml string
	scans     bool
}{
	{"styles of cells, rows and columns", worksheetXML(`<cols><col min="2" max="3" style="2"/><col min="3" max="5" style="3"/><col min="7" max="7"/></cols>` +
		`<sheetData><row r="1"><c r="A1" s="1"/><c r="B1"/><c r="C1"><v>1</v></c><c r="F1" s="4"/></row>` +
		`<row r="2" s="5" customFormat="1"><c r="A2"/><c r="B2" s="1"/></row><row r="4"><c r="D4" s="0"/></row></sheetData>`), true},
	{"cells and rows without r", worksheetXML(`<sheetData><row r="1"><c s="1"/><c/><c r="D1" s="2"/><c s="3"><v>2</v></c></row>` +
		`<row s="4" customFormat="1"><c s="1"/><c/><c s="2"/></row><row r="0"><c s="3"/></row><row r="5" s="3"><c s="2"/></row></sheetData>`), true},
	{"prefixes, comments, CDATA, spaces and quotes", `<?xml version="1.0" encoding="utf-8" standalone="yes"?>` + "\n" +
		`<!-- written by hand --><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
		`<x:sheetData><!-- <c r="A1" s="9"/> --><x:row r = '1' ><x:c r="A1" s=" 2 " t="n"><x:v>1</x:v></x:c>` +
		`<x:c r="B1" s='3' t="inlineStr"><x:is><x:t><![CDATA[<c r="C1" s="7"/>]]></x:t></x:is></x:c>` +
		`<x:c r="C1" t="s" s="4"><x:v>0</x:v></x:c></x:row>` + "\n\t" + `<x:row r="2"><x:c` + "\n" + `r="B2"` + "\t" + `s="5"/></x:row></x:sheetData></x:worksheet>`, true},
	{"strict OOXML", `<worksheet xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"><sheetData><row r="1"><c r="B1" s="2"/></row></sheetData></worksheet>`, true},
	{"a second sheetData", worksheetXML(`<sheetData><row r="1"><c r="A1" s="1"/></row></sheetData><sheetData><row r="3"><c r="B3" s="2"/></row></sheetData>`), true},
	{"elements of other kinds named alike", worksheetXML(`<sheetPr><row r="1"><c r="A1" s="6"/></row></sheetPr><sheetData><row r="2"><c r="A2" s="1"/><x><c r="B2" s="7"/></x></row></sheetData>`), true},

	{"rows out of order", worksheetXML(`<sheetData><row r="3"><c r="A3" s="1"/></row><row r="2"><c r="A2" s="2"/></row></sheetData>`), false},
	{"a row number repeated", worksheetXML(`<sheetData><row r="2"><c r="A2" s="1"/></row><row r="2"><c r="B2" s="2"/></row></sheetData>`), false},
	{"cells out of order", worksheetXML(`<sheetData><row r="1"><c r="C1" s="1"/><c r="A1" s="2"/></row></sheetData>`), false},
	{"a row without r, its cells with", worksheetXML(`<sheetData><row r="1"><c r="A1" s="1"/></row><row><c r="B4" s="2"/></row></sheetData>`), false},
	{"an entity in a style", worksheetXML(`<sheetData><row r="1"><c r="A1" s="&#50;"/></row></sheetData>`), false},
	{"a style that is not a number", worksheetXML(`<sheetData><row r="1"><c r="A1" s="x"/></row></sheetData>`), false},
	{"a cell reference that is not one", worksheetXML(`<sheetData><row r="1"><c r="1A" s="1"/></row></sheetData>`), false},
	{"a DOCTYPE", `<!DOCTYPE worksheet>` + worksheetXML(`<sheetData><row r="1"><c r="A1" s="1"/></row></sheetData>`), false},
	{"an encoding other than UTF-8", `<?xml version="1.0" encoding="ISO-8859-1"?>` + worksheetXML(`<sheetData><row r="1"><c r="A1" s="1"/></row></sheetData>`), false},
	{"not a worksheet", `<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>`, false},
	{"an end tag not matching", worksheetXML(`<sheetData><row r="1"><c r="A1" s="1"></row></c></sheetData>`), false},
	{"not closed", strings.TrimSuffix(worksheetXML(`<sheetData><row r="1"><c r="A1" s="1"/></row></sheetData>`), `</worksheet>`), false},
}

func worksheetXML(body string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
		body + `</worksheet>`
}

// checkStyleScan compares the styles percentCells uses (scanned, or
// GetCellStyle's when the scan gives up) with GetCellStyle's, for the cells
// of the sheet and rows and columns beyond; where GetCellStyle fails, no
// style is known.
func checkStyleScan(t *testing.T, data []byte, sheet string, scans bool) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	asked := styleGrid(12, 40)
	doc := sheetDoc(data, sheet)
	if _, err := scanSheetStyles(doc, asked); (err == nil) != scans {
		t.Errorf("scanning sheet %s: error %v, want the scan to read it: %v", sheet, err, scans)
	}
	styles := cellStyles(doc, f, sheet, asked)
	for c := range asked {
		name, _ := excelize.CoordinatesToCellName(c.col, c.row)
		want, err := f.GetCellStyle(sheet, name)
		got, known := styles[c]
		switch {
		case err != nil && known:
			t.Errorf("%s: style %d, but GetCellStyle fails: %v", name, got, err)
		case err == nil && (!known || got != want):
			t.Errorf("%s: style %d (known: %v), GetCellStyle %d", name, got, known, want)
		}
	}
}

// styleGrid asks for the cells of the first cols columns and rows rows.
func styleGrid(cols, rows int) map[cellRef]bool {
	asked := map[cellRef]bool{}
	for r := 1; r <= rows; r++ {
		for c := 1; c <= cols; c++ {
			asked[cellRef{col: c, row: r}] = true
		}
	}
	return asked
}

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := readTestdata(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func readTestdata(name string) ([]byte, error) { return os.ReadFile(filepath.Join("testdata", name)) }

func firstSheet(t *testing.T, data []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return f.GetSheetList()[0]
}

// sheetWorkbook is a new workbook whose one sheet, Sheet1, is the given XML.
func sheetWorkbook(t testing.TB, sheetXML string) []byte {
	t.Helper()
	emptyOnce.Do(func() {
		f := excelize.NewFile()
		defer f.Close()
		buf, err := f.WriteToBuffer()
		if err != nil {
			emptyErr = err
			return
		}
		emptyWorkbook = buf.Bytes()
	})
	if emptyErr != nil {
		t.Fatal(emptyErr)
	}
	return editPart(t, emptyWorkbook, "xl/worksheets/sheet1.xml", func(string) string { return sheetXML })
}

var (
	emptyOnce     sync.Once
	emptyWorkbook []byte
	emptyErr      error
)

// FuzzStyleScan checks the style scan against excelize on worksheets of any
// XML: where the scan reads a sheet and excelize's GetCellStyle answers, they
// give the same style to every cell. (Where GetCellStyle fails, the scan is
// free to read more: percentCells then read no cell as a percentage.)
//
//	go test ./ingest -run '^$' -fuzz FuzzStyleScan -fuzztime 60s
func FuzzStyleScan(f *testing.F) {
	for _, c := range styleScanSheets {
		f.Add([]byte(c.xml))
	}
	for _, name := range []string{"long.xlsx", "yearbook.xlsx", "targets.xlsx"} {
		data, err := readTestdata(name)
		if err != nil {
			f.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			f.Fatal(err)
		}
		for _, zf := range zr.File {
			if strings.HasPrefix(zf.Name, "xl/worksheets/sheet") {
				x, ok := readPart(zr, zf.Name)
				if !ok {
					f.Fatalf("%s: unreadable %s", name, zf.Name)
				}
				f.Add(x)
			}
		}
	}
	f.Fuzz(func(t *testing.T, sheetXML []byte) {
		data := sheetWorkbook(t, string(sheetXML))
		asked := styleGrid(8, 12)
		styles, err := scanSheetStyles(sheetDoc(data, "Sheet1"), asked)
		if err != nil {
			return
		}
		xf, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			return
		}
		defer xf.Close()
		for c := range asked {
			want, err := excelizeCellStyle(xf, c)
			if err != nil {
				if strings.HasPrefix(err.Error(), "panic") {
					t.Fatalf("the scan read the sheet, GetCellStyle panicked: %v", err)
				}
				return
			}
			if got := styles.styleOf(c); got != want {
				t.Fatalf("cell %v: scanned style %d, GetCellStyle %d", c, got, want)
			}
		}
	})
}

// excelizeCellStyle is GetCellStyle's answer, with a panic as an error.
func excelizeCellStyle(f *excelize.File, c cellRef) (id int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	name, err := excelize.CoordinatesToCellName(c.col, c.row)
	if err != nil {
		return 0, err
	}
	return f.GetCellStyle("Sheet1", name)
}
