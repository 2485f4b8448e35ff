package api

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func sampleTable(lang string) *table {
	growth, share := 0.15657, 0.2046
	return &table{
		Sheet:  "assessment",
		Header: []string{"region", "year", "target", "required_growth", "note"},
		Rows: [][]cell{
			{textCell("houma"), yearCell(2025), numCell(1234567.891, 1), percentCell(&growth), textCell("=HYPERLINK(\"x\")")},
			{textCell("侯马市"), yearCell(2021), numCell(8.5, 2), percentCell(nil), percentCell(&share)},
		},
		About: [][2]string{{"Method", "auto"}},
		Lang:  lang,
	}
}

func TestACSVCarriesEveryDigitWithoutExponents(t *testing.T) {
	tb := sampleTable("en")
	tb.Rows = append(tb.Rows, []cell{textCell("big"), yearCell(1999), numCell(1e6, 0), {}, numCell(-3.5, 1)})
	body, err := tb.render(formatCSV)
	if err != nil {
		t.Fatal(err)
	}
	want := "region,year,target,required_growth,note\n" +
		"houma,2025,1234567.891,0.15657,\"'=HYPERLINK(\"\"x\"\")\"\n" +
		"侯马市,2021,8.5,,0.2046\n" +
		"big,1999,1000000,,-3.5\n"
	if string(body) != want {
		t.Fatalf("csv =\n%s\nwant\n%s", body, want)
	}
	zh, err := sampleTable("zh").render(formatCSV)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(zh, []byte("\uFEFFregion,")) {
		t.Fatalf("a Chinese CSV starts with a byte-order mark: %q", zh[:12])
	}
}

func TestAnXLSXKeepsNumbersAsNumbersShownByTheirPrecision(t *testing.T) {
	body, err := sampleTable("zh").render(formatXLSX)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if sheets := f.GetSheetList(); len(sheets) != 2 || sheets[0] != "assessment" || sheets[1] != "说明" {
		t.Fatalf("sheets = %q, want the table and its notes", sheets)
	}
	checks := []struct{ ref, raw, shown string }{
		{"A1", "region", "region"},
		{"B2", "2025", "2025"},               // a year: no separator
		{"C2", "1234567.891", "1,234,567.9"}, // every digit kept, one shown
		{"D2", "0.15657", "15.7%"},           // a fraction shown as a percentage
		{"E2", "=HYPERLINK(\"x\")", "=HYPERLINK(\"x\")"},
		{"C3", "8.5", "8.50"},
		{"D3", "", ""},
		{"A3", "侯马市", "侯马市"},
	}
	for _, c := range checks {
		raw, err := f.GetCellValue("assessment", c.ref, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		shown, err := f.GetCellValue("assessment", c.ref)
		if err != nil {
			t.Fatal(err)
		}
		if raw != c.raw || shown != c.shown {
			t.Errorf("%s = %q shown as %q, want %q shown as %q", c.ref, raw, shown, c.raw, c.shown)
		}
	}
	// Text that looks like a formula stays text.
	if formula, _ := f.GetCellFormula("assessment", "E2"); formula != "" {
		t.Errorf("E2 became the formula %q", formula)
	}
	if typ, _ := f.GetCellType("assessment", "C2"); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("C2 is text, want a number")
	}
	panes, err := f.GetPanes("assessment")
	if err != nil {
		t.Fatal(err)
	}
	if !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("panes = %+v, want the header row frozen", panes)
	}
	tables, err := f.GetTables("assessment")
	if err != nil {
		t.Fatal(err)
	}
	if len(tables) != 1 || tables[0].Range != "A1:E3" {
		t.Errorf("tables = %+v, want one over A1:E3 (filter buttons on the header)", tables)
	}
	if k, _ := f.GetCellValue("说明", "A1"); k != "Method" {
		t.Errorf("notes A1 = %q, want the key Method", k)
	}
	if key, _ := f.GetCellStyle("说明", "A1"); key == 0 {
		t.Errorf("notes A1 has the default style, want the header's")
	}
	if v, _ := f.GetCellValue("说明", "B1"); v != "auto" {
		t.Errorf("notes B1 = %q, want auto", v)
	}
	if w, _ := f.GetColWidth("assessment", "A"); w < 8 || w > 60 {
		t.Errorf("column A is %.1f wide", w)
	}
}

func TestAnEmptyTableIsAHeader(t *testing.T) {
	tb := &table{Sheet: "assessment", Header: []string{"region", "status"}, Lang: "en"}
	for _, format := range []string{formatCSV, formatXLSX} {
		body, err := tb.render(format)
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if format == formatCSV && string(body) != "region,status\n" {
			t.Fatalf("csv = %q", body)
		}
		if format == formatXLSX {
			f, err := excelize.OpenReader(bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			rows, _ := f.GetRows("assessment")
			f.Close()
			if len(rows) != 1 || strings.Join(rows[0], ",") != "region,status" {
				t.Fatalf("xlsx rows = %q", rows)
			}
		}
	}
}
