package ingest

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/plancast/plancast"
)

// withChartSheet adds a chart sheet named name, drawn from the sheet of
// figures from, at the end of a workbook.
func withChartSheet(t *testing.T, data []byte, name, from string) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	active := f.GetActiveSheetIndex()
	chart := &excelize.Chart{Type: excelize.Col, Series: []excelize.ChartSeries{{
		Name: from + "!$D$1", Categories: from + "!$C$2:$C$2", Values: from + "!$D$2:$D$2",
	}}}
	if err := f.AddChartSheet(name, chart); err != nil {
		t.Fatal(err)
	}
	f.SetActiveSheet(active)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// revenueSheet is a long table of Houma's budget revenue in some years.
func revenueSheet(name string, rows ...[]any) sheetSpec {
	return sheetSpec{name: name, rows: append([][]any{{"地区", "指标", "年份", "数值", "单位"}}, rows...)}
}

// A workbook of one sheet per indicator or part of the plan is pushed in
// one batch with AllSheets (plancast ingest --all-sheets, ?all_sheets=true):
// every visible sheet that holds a table is read, figures and targets
// alike, in the workbook's order. The sheets left out are named in one
// note, each with why: an empty one, a cover or notes without a header
// row, a chart sheet, and a hidden sheet, which is left out table or not
// (its author does not see it; a hidden sheet of last year's figures was
// once pushed in place of the visible one), saying how to read one that
// holds a table by name.
func TestAllSheetsReadsEveryVisibleSheetThatHoldsATable(t *testing.T) {
	old := gdpSheet("旧数据", 2019, 999)
	old.hidden = true
	lookup := sheetSpec{name: "代码表", rows: [][]any{{"侯马市", "houma"}}, hidden: true}
	data := sheetsWorkbook(t, 0,
		sheetSpec{name: "封面", rows: [][]any{{"侯马市2022年统计数据"}, {"侯马市统计局"}}},
		sheetSpec{name: "GDP", rows: [][]any{{"地区", "指标", "年份", "数值"}, {"侯马市", "地区生产总值", 2021, 130.5}, {"侯马市", "地区生产总值", 2022, 140.1}}},
		revenueSheet("财政", []any{"侯马市", "一般公共预算收入", 2022, 9.8, "亿元"}),
		sheetSpec{name: "2021年目标", rows: [][]any{
			{"地区", "指标", "规划", "目标类型", "目标年份", "目标值"},
			{"侯马市", "地区生产总值", "2021-annual", "growth", 2021, 8}}},
		sheetSpec{name: "空白"},
		old,
		sheetSpec{name: "说明", rows: [][]any{{"数据来源：侯马市统计局"}, {"单位：亿元"}}},
		lookup,
	)
	data = withChartSheet(t, data, "图表", "GDP")
	b := parseWorkbook(t, data, Options{AllSheets: true})
	noProblems(t, b)
	checkFigures(t, b, []figure{
		{region: "houma", indicator: "gdp", year: 2021, value: 130.5},
		{region: "houma", indicator: "gdp", year: 2022, value: 140.1},
		{region: "houma", indicator: "budget_revenue", year: 2022, value: 9.8},
	})
	if len(b.Targets) != 1 || b.Targets[0].Plan != "2021-annual" || b.Targets[0].Value != 8 {
		t.Errorf("targets %+v; want the 2021 annual plan's growth of 8", b.Targets)
	}
	for i, want := range []string{"GDP", "GDP", "财政"} {
		if got := b.obsOrigin(i).Sheet; got != want {
			t.Errorf("figure %d read from sheet %q; want %q", i, got, want)
		}
	}
	want := []string{`book.xlsx: sheets "GDP", "财政", "2021年目标" were read, and 6 sheets left out: ` +
		`"封面" (no header row), "空白" (empty), ` +
		`"旧数据" (hidden; it holds a table, and a hidden sheet is read only when named: plancast ingest --sheet "旧数据" book.xlsx, or ?sheet=旧数据 on the push), ` +
		`"说明" (no header row), "代码表" (hidden, without a table), "图表" (a chart sheet, without cells)`}
	if fmt.Sprint(b.Notes) != fmt.Sprint(want) {
		t.Errorf("notes\n%q\nwant\n%q", b.Notes, want)
	}

	// Read one at a time, as before, the push reads the sheet the
	// workbook opens at, and says how to read them all.
	b = parseWorkbook(t, data, Options{})
	if len(b.Problems) != 1 || !strings.Contains(b.Problems[0].Message,
		"push every visible sheet that holds a table in one batch (plancast ingest --all-sheets book.xlsx, or ?all_sheets=true on the push)") {
		t.Errorf("one sheet, the cover: problems %v; want the cover's, saying how to read every sheet", problemTexts(b.Problems))
	}
}

// A problem on any sheet refuses the whole push, naming its sheet and
// row; nothing of the other sheets is written either.
func TestAllSheetsAProblemOnOneSheetRefusesThemAll(t *testing.T) {
	data := sheetsWorkbook(t, 0,
		gdpSheet("GDP", 2022, 140.1),
		revenueSheet("财政", []any{"侯马市", "一般公共预算收入", 2021, 9.1, "亿元"}, []any{"侯马市", "一般公共预算收入", 2022, "九点八", "亿元"}))
	b := parseWorkbook(t, data, Options{AllSheets: true})
	got := problemTexts(b.Problems)
	if len(got) != 1 || !strings.HasPrefix(got[0], "book.xlsx sheet 财政 row 3 column D (value): ") {
		t.Fatalf("problems %q; want one, at sheet 财政 row 3 column D", got)
	}
	st := openStore(t)
	ctx := context.Background()
	before, _ := st.DataVersion(ctx)
	if _, err := Apply(ctx, st, b, ApplyOptions{}); plancast.ErrorCode(err) != plancast.EINVALID {
		t.Fatalf("Apply: %v; want the push refused as invalid", err)
	}
	for _, ind := range []string{"gdp", "budget_revenue"} {
		if _, err := st.Series(ctx, plancast.SeriesQuery{Region: "houma", Indicator: ind}); plancast.ErrorCode(err) != plancast.ENOTFOUND {
			t.Errorf("houma %s after the refused push: %v; want nothing written (not found)", ind, err)
		}
	}
	if after, _ := st.DataVersion(ctx); after != before {
		t.Errorf("data version %v, then %v: the refused push changed the store", before, after)
	}
}

// The same figure on two sheets is one figure when the two agree (a
// summary sheet repeating the yearly ones), as two rows of one sheet are
// (checkBatch keeps the first and drops the repeat); given differently, it
// is a conflict at the second, naming the first's sheet and row.
func TestAllSheetsTheSameFigureOnTwoSheets(t *testing.T) {
	agree := parseWorkbook(t, sheetsWorkbook(t, 0, gdpSheet("2022年", 2022, 140.1), gdpSheet("汇总", 2022, 140.1)), Options{AllSheets: true})
	noProblems(t, agree)
	checkFigures(t, agree, []figure{{region: "houma", indicator: "gdp", year: 2022, value: 140.1}})

	differ := parseWorkbook(t, sheetsWorkbook(t, 0, gdpSheet("2022年", 2022, 140.1), gdpSheet("汇总", 2022, 141)), Options{AllSheets: true})
	want := []string{"book.xlsx sheet 汇总 row 2 column D (value): houma gdp 2022: 141 here but 140.1 in sheet 2022年 row 2"}
	if got := problemTexts(differ.Problems); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("problems\n%q\nwant\n%q", got, want)
	}
}

// A sheet whose header row holds years typed as dates is a table, refused
// at those cells as when it is read alone: it is not left out as a sheet
// without a header row, which would push the other sheets without its
// figures.
func TestAllSheetsASheetOfYearsTypedAsDatesIsRefusedNotLeftOut(t *testing.T) {
	data := sheetsWorkbook(t, 0, gdpSheet("GDP", 2022, 140.1),
		sheetSpec{name: "财政", rows: [][]any{{"地区", "指标", "2021", "2022"}, {"侯马市", "一般公共预算收入", 9.1, 9.8}}})
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	style, err := f.NewStyle(&excelize.Style{NumFmt: 14}) // m/d/yy
	if err != nil {
		t.Fatal(err)
	}
	for cell, serial := range map[string]int{"C1": 44197, "D1": 44562} { // 2021-01-01, 2022-01-01
		if err := f.SetCellValue("财政", cell, serial); err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellStyle("财政", cell, cell, style); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	f.Close()
	b := parseWorkbook(t, buf.Bytes(), Options{AllSheets: true})
	got := problemTexts(b.Problems)
	if len(got) != 2 || !strings.HasPrefix(got[0], "book.xlsx sheet 财政 row 1 column C (year): the cell is a date") || len(b.Notes) != 0 {
		t.Errorf("problems %q, notes %q; want the two year cells of sheet 财政 refused, and no note", got, b.Notes)
	}
}

// A workbook in which no sheet holds a table to read is refused, naming
// each sheet and why it was left out; a hidden sheet that holds one is
// named with how to read it.
func TestAllSheetsWithoutATableAnywhere(t *testing.T) {
	old := gdpSheet("旧数据", 2019, 999)
	old.hidden = true
	b := parseWorkbook(t, sheetsWorkbook(t, 0,
		sheetSpec{name: "封面", rows: [][]any{{"侯马市2022年统计数据"}}}, sheetSpec{name: "空白"}, old), Options{AllSheets: true})
	want := []string{`book.xlsx: no sheet holds a table to read (a header row with columns such as region/地区, indicator/指标, year/年份 and value/数值, ` +
		`or year columns (2019, 2019年), in its first 30 rows): "封面" (no header row), "空白" (empty), ` +
		`"旧数据" (hidden; it holds a table, and a hidden sheet is read only when named: plancast ingest --sheet "旧数据" book.xlsx, or ?sheet=旧数据 on the push)`}
	if got := problemTexts(b.Problems); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("problems\n%q\nwant\n%q", got, want)
	}
}

// A sheet and every sheet asked for at once is refused: which was meant
// cannot be told. "*" as a sheet's name (no sheet has one: Excel refuses
// it) says how to ask for every sheet.
func TestAllSheetsAskedWithASheetOrAsStar(t *testing.T) {
	data := sheetsWorkbook(t, 0, gdpSheet("GDP", 2022, 140.1))
	b := parseWorkbook(t, data, Options{AllSheets: true, Sheet: "GDP"})
	want := []string{`book.xlsx: sheet "GDP" and every sheet were both asked for: ask for one ` +
		`(plancast ingest --sheet NAME or --all-sheets; ?sheet=NAME or ?all_sheets=true on the push)`}
	if got := problemTexts(b.Problems); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("both: problems\n%q\nwant\n%q", got, want)
	}
	b = parseWorkbook(t, data, Options{Sheet: "*"})
	want = []string{`book.xlsx: no sheet "*": the workbook has GDP; to read every sheet that holds a table in one batch, ` +
		`ask for all sheets (plancast ingest --all-sheets book.xlsx, or ?all_sheets=true on the push)`}
	if got := problemTexts(b.Problems); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("*: problems\n%q\nwant\n%q", got, want)
	}
}

// Rows of a targets download left out as versions no longer in force are
// named sheet by sheet: each sheet's rows under its own name, not all of
// them under the last sheet read.
func TestAllSheetsNamesTheVersionsNotInForceOfEachSheet(t *testing.T) {
	header := []any{}
	for _, h := range strings.Split(strings.TrimSpace(targetsDownloadHeader), ",") {
		header = append(header, h)
	}
	row := func(plan, kind string, year int, value float64, published, version string) []any {
		return []any{"houma", "Houma", "gdp", "Gross regional product", "100 million yuan", plan, kind, year, value,
			"100 million yuan", "expected", 2020, published, version, "", "report.txt", ""}
	}
	b := parseWorkbook(t, sheetsWorkbook(t, 0,
		sheetSpec{name: "十四五", rows: [][]any{header,
			row("14th-fyp", "level", 2025, 250, "2021-04-20", "replaced"),
			row("14th-fyp", "level", 2025, 230, "2023-06-01", "in force")}},
		sheetSpec{name: "2021年", rows: [][]any{header,
			row("2021-annual", "level", 2021, 150, "2021-04-20", "in force"),
			row("2021-annual", "level", 2021, 160, "2021-01-10", "replaced"),
			row("2021-annual", "level", 2021, 170, "2020-12-10", "replaced")}}),
		Options{AllSheets: true})
	noProblems(t, b)
	if len(b.Targets) != 2 {
		t.Errorf("targets %+v; want the two in force", b.Targets)
	}
	want := []string{
		"book.xlsx sheet 十四五: row 2 is a version no longer in force (replaced, or a withdrawal, in its version column) and was not pushed",
		"book.xlsx sheet 2021年: 2 rows are versions no longer in force (replaced, or withdrawals, in their version column) and were not pushed: rows 3, 4",
	}
	if fmt.Sprint(b.Notes) != fmt.Sprint(want) {
		t.Errorf("notes\n%q\nwant\n%q", b.Notes, want)
	}
}
