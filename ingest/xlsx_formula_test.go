package ingest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// formulaBook is a workbook of one sheet, Sheet1, holding rows, with a
// formula in each cell of formulas ("D2": "C2*1.05") and no value computed
// from it: excelize, as other libraries that write workbooks, stores the
// formula alone (<c r="D2" t="str"><f>C2*1.05</f></c>), and a spreadsheet
// program computes the value when the file is opened.
func formulaBook(t *testing.T, rows [][]any, formulas map[string]string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	setRows(t, f, "Sheet1", rows)
	for cell, formula := range formulas {
		if err := f.SetCellFormula("Sheet1", cell, formula); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// editSheet rewrites the XML of a workbook's Sheet1, to write cells as
// other programs do.
func editSheet(t *testing.T, data []byte, from, to string) []byte {
	t.Helper()
	return editPart(t, data, "xl/worksheets/sheet1.xml", func(s string) string {
		if !strings.Contains(s, from) {
			t.Fatalf("the sheet has no %s: %s", from, s)
		}
		return strings.Replace(s, from, to, 1)
	})
}

const formulaFix = `open the workbook in Excel, WPS or LibreOffice and save it, so that the values are stored, or paste the cells as values`

// A formula cell of a workbook whose program never computed its value (a
// file written by a library, not saved by a spreadsheet program since) holds
// the formula and no value, and used to be read as an empty cell: in a wide
// table, a year's figure left out without a word; in a long one, "value is
// missing" for a cell that shows a number in Excel. It is refused at its
// cell, quoting the formula and saying how to store the values; a column's
// cells are one problem, at the first of them. A row with such a cell is not
// read further, so the cell is not also called missing.
func TestAFormulaCellWithoutAComputedValueIsRefused(t *testing.T) {
	one := func(row, col, formula string) string {
		return `s.xlsx sheet Sheet1 row ` + row + ` column ` + col + `: the cell holds the formula "` + formula +
			`" but no value computed from it, so it would be read as empty: ` + formulaFix
	}
	for _, c := range []struct {
		name     string
		rows     [][]any
		formulas map[string]string
		edit     []string // from, to, from, to … in the sheet's XML
		want     []string
		figures  int
	}{
		{"a year of a wide table (it was left out)", [][]any{
			{"region", "indicator", "2022", "2023"},
			{"houma", "gdp", 140.0},
			{"houma", "budget_revenue", 5.0, 5.3},
		}, map[string]string{"D2": "C2*1.05"}, nil, []string{one("2", "D", "=C2*1.05")}, 2},
		{"a long table's value", [][]any{
			{"region", "indicator", "year", "value"},
			{"houma", "gdp", 2023, 150.0},
			{"houma", "gdp", 2024},
		}, map[string]string{"D3": "D2*1.058"}, nil, []string{one("3", "D", "=D2*1.058")}, 1},
		{"a unit, which would have been the indicator's", [][]any{
			{"region", "indicator", "year", "value", "unit"},
			{"houma", "gdp", 2024, 1587000},
		}, map[string]string{"E2": `"万"&"元"`}, nil, []string{one("2", "E", `=\"万\"&\"元\"`)}, 0},
		{"a column's cells are one problem, at its first", [][]any{
			{"region", "indicator", "year", "value"},
			{"houma", "gdp", 2021, 130.5},
			{"houma", "gdp", 2022},
			{"houma", "gdp", 2023},
			{"houma", "gdp", 2024},
		}, map[string]string{"D3": "D2*1.07", "D4": "D3*1.07", "D5": "D4*1.06"}, nil, []string{
			`s.xlsx sheet Sheet1 row 3 column D: the cell holds the formula "=D2*1.07" but no value computed from it, as do 2 more cells of column D, ` +
				`down to row 5, so they would be read as empty: ` + formulaFix,
		}, 1},
		{"one more cell", [][]any{
			{"region", "indicator", "year", "value"},
			{"houma", "gdp", 2022},
			{"houma", "gdp", 2023},
		}, map[string]string{"D2": "130*1.07", "D3": "D2*1.07"}, nil, []string{
			`s.xlsx sheet Sheet1 row 2 column D: the cell holds the formula "=130*1.07" but no value computed from it, as does 1 more cell of column D ` +
				`(row 3), so they would be read as empty: ` + formulaFix,
		}, 0},
		{"an empty value, as openpyxl writes a formula", [][]any{
			{"region", "indicator", "year", "value"},
			{"houma", "gdp", 2024, 158.7},
		}, nil, []string{`<c r="D2"><v>158.7</v></c>`, `<c r="D2"><f>150*1.058</f><v></v></c>`},
			[]string{one("2", "D", "=150*1.058")}, 0},
		{"a shared formula is quoted as its own cell's", [][]any{
			{"region", "indicator", "year", "value", "growth"},
			{"houma", "gdp", 2023, 150.0, 5.2},
			{"houma", "gdp", 2024, 158.7},
		}, nil, []string{
			`<c r="E2"><v>5.2</v></c>`, `<c r="E2"><f t="shared" ref="E2:E3" si="0">ROUND(D2/D1*100-100,1)</f><v>5.2</v></c>`,
			`<c r="D3"><v>158.7</v></c>`, `<c r="D3"><v>158.7</v></c><c r="E3"><f t="shared" si="0"/></c>`,
		},
			[]string{one("3", "E", "=ROUND(D3/D2*100-100,1)")}, 1},
		{"a title naming the region", [][]any{
			{nil},
			{"指标", "2023年"},
			{"地区生产总值", 150.0},
		}, map[string]string{"A1": `"侯马市"&"主要指标"`}, nil, []string{
			one("1", "A", `=\"侯马市\"&\"主要指标\"`),
			`s.xlsx sheet Sheet1 row 3 (region): region is missing: add a region (地区) column or name the region in the table title`,
		}, 0},
	} {
		data := formulaBook(t, c.rows, c.formulas)
		for i := 0; i+1 < len(c.edit); i += 2 {
			data = editSheet(t, data, c.edit[i], c.edit[i+1])
		}
		b := parseSheet(t, data)
		if got, want := strings.Join(problemTexts(b.Problems), "\n"), strings.Join(c.want, "\n"); got != want {
			t.Errorf("%s: problems\n%s\nwant\n%s", c.name, got, want)
		}
		if n := len(b.Observations) + len(b.Targets); n != c.figures {
			t.Errorf("%s: %d figures and targets read, want %d", c.name, n, c.figures)
		}
	}
}

// A formula cell whose value the spreadsheet program computed and stored
// is read as that value, as before: a number, a text, and an empty text
// (=IF(C2="","",C2*2) where C2 is blank), which is a cell with no figure.
func TestAFormulaCellWithItsComputedValueIsReadAsTheValue(t *testing.T) {
	data := formulaBook(t, [][]any{
		{"region", "indicator", "2022", "2023", "2024"},
		{"houma", "gdp", 140.0, 150.0},
		{"houma", "budget_revenue", 5.0, 5.3, 5.6},
	}, nil)
	// As Excel writes them: a number (no type), a text (t="str") and an
	// empty text.
	data = editSheet(t, data, `<c r="D2"><v>150</v></c>`, `<c r="D2"><f>C2*1.0714285714</f><v>150</v></c>`)
	data = editSheet(t, data, `<c r="A2" t="s"><v>5</v></c>`, `<c r="A2" t="str"><f>LOWER("HOUMA")</f><v>houma</v></c>`)
	data = editSheet(t, data, `</row><row r="3">`, `<c r="E2" t="str"><f>IF(E3="","",E3*2)</f><v></v></c></row><row r="3">`)
	b := parseSheet(t, data)
	noProblems(t, b)
	checkFigures(t, b, []figure{
		{region: "houma", indicator: "gdp", year: 2022, value: 140},
		{region: "houma", indicator: "gdp", year: 2023, value: 150},
		{region: "houma", indicator: "budget_revenue", year: 2022, value: 5},
		{region: "houma", indicator: "budget_revenue", year: 2023, value: 5.3},
		{region: "houma", indicator: "budget_revenue", year: 2024, value: 5.6},
	})
}

// A formula cell without a computed value is found however its sheet's XML
// is written: with a namespace prefix (<x:f>), and in a sheet the XML scan
// gives up on (a style written as an entity, here), where excelize is asked
// about each empty cell instead.
func TestAFormulaCellWithoutAComputedValueIsFoundInAnySheetXML(t *testing.T) {
	const fix = `s.xlsx sheet Sheet1 row 2 column D: the cell holds the formula "=150*1.058" but no value computed from it, so it would be read as empty: ` + formulaFix
	text := func(prefix, ref, s string) string {
		return `<` + prefix + `c r="` + ref + `" t="inlineStr"><` + prefix + `is><` + prefix + `t>` + s + `</` + prefix + `t></` + prefix + `is></` + prefix + `c>`
	}
	header := func(prefix string) string {
		return `<` + prefix + `row r="1">` + text(prefix, "A1", "region") + text(prefix, "B1", "indicator") + text(prefix, "C1", "year") + text(prefix, "D1", "value") + `</` + prefix + `row>`
	}
	for _, c := range []struct{ name, xml string }{
		{"a namespace prefix", `<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
			`<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` + header("x:") +
			`<x:row r="2">` + text("x:", "A2", "houma") + text("x:", "B2", "gdp") + `<x:c r="C2"><x:v>2024</x:v></x:c><x:c r="D2"><x:f>150*1.058</x:f></x:c></x:row>` +
			`</x:sheetData></x:worksheet>`},
		{"a sheet the scan gives up on", worksheetXML(`<sheetData>` + header("") +
			`<row r="2">` + text("", "A2", "houma") + text("", "B2", "gdp") + `<c r="C2" s="&#48;"><v>2024</v></c><c r="D2"><f>150*1.058</f></c></row>` +
			`</sheetData>`)},
	} {
		b := parseSheet(t, sheetWorkbook(t, c.xml))
		if got := strings.Join(problemTexts(b.Problems), "\n"); got != fix {
			t.Errorf("%s: problems\n%s\nwant\n%s", c.name, got, fix)
		}
	}
}

// A sheet whose every formula is followed by its value is not scanned for
// formulas without one; where the bytes leave any doubt, it is.
func TestASheetWhoseFormulasAllHaveValuesIsNotScanned(t *testing.T) {
	for _, c := range []struct {
		xml    string
		valued bool
	}{
		{`<c r="A1"><v>1</v></c>`, true},
		{`<c r="A1"><f>B1*2</f><v>3</v></c><c r="A2"><f t="shared" si="0"/><v>4</v></c>`, true},
		{`<autoFilter><filterColumn colId="0"/></autoFilter><c r="A1"><f>B1</f><v>3</v></c>`, true},
		{`<c r="A1"><f>B1*2</f></c>`, false},
		{`<c r="A1"><f>B1*2</f><v></v></c>`, false},
		{`<c r="A1"><f>B1*2</f><v/></c>`, false},
		{`<c r="A1"><f t="shared" si="0"/></c>`, false},
		{`<c r="A1"><f>B1*2</f>` + "\n" + `<v>3</v></c>`, false},
		{`<c r="A1"><f>B1*2`, false},
		{`<c r="A1"><f`, false},
	} {
		if got := formulasValued([]byte(c.xml)); got != c.valued {
			t.Errorf("formulasValued(%s) = %v, want %v", c.xml, got, c.valued)
		}
	}
}

// BenchmarkParseLongXLSX100kFormulas is BenchmarkParseLongXLSX100k with
// every figure a formula whose value is stored, as a spreadsheet program
// saves them: the sheet's XML is scanned once for formula cells without a
// value, and each figure is read as its value.
func BenchmarkParseLongXLSX100kFormulas(b *testing.B) {
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	_ = sw.SetRow("A1", []any{"地区", "指标", "年份", "数值", "单位"})
	for i := 0; i < xlsxBenchRows; i++ {
		ind := benchIndicators[i%9]
		v, _ := parseNumber(ind.value)
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		value := excelize.Cell{Formula: fmt.Sprintf("%v*1", v), Value: v}
		if err := sw.SetRow(cell, []any{fmt.Sprintf("county%03d", i/(9*28)%400), ind.code, 1995 + (i/9)%28, value, ind.unit}); err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		b.Fatal(err)
	}
	benchParseXLSX(b, buf.Bytes(), nil)
}
