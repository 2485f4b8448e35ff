package ingest

import (
	"bytes"
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/plancast/plancast"
)

// styled is a cell ("D3") or a column ("D:D") and its style.
type styled struct {
	at    string
	style *excelize.Style
}

// styledWorkbook is a workbook of one sheet, Sheet1, holding rows, with
// cells and columns styled in the order given.
func styledWorkbook(t *testing.T, rows [][]any, cells ...styled) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	setRows(t, f, "Sheet1", rows)
	for _, c := range cells {
		id := numberStyle(t, f, c.style)
		if col, last, ok := strings.Cut(c.at, ":"); ok && col == last {
			if err := f.SetColStyle("Sheet1", col, id); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := f.SetCellStyle("Sheet1", c.at, c.at, id); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var (
	wholePercent = &excelize.Style{NumFmt: 9}  // 0%
	twoPlacesPct = &excelize.Style{NumFmt: 10} // 0.00%
	oneDecimal   = "0.0%"
	customPct    = &excelize.Style{CustomNumFmt: &oneDecimal}
)

// Typing 140% into a cell of a GDP row makes the cell a percentage: it
// holds 1.4 and shows 140%. Read raw, it used to go in as 1.4 亿元 without
// a word. A cell formatted as a percentage whose figure is not in percent
// (a value of an indicator not measured in percent, a level, ceiling or
// floor target of one) is refused at its cell, saying what the cell shows,
// what it holds, and the indicator's unit, as "140%" typed in a CSV file is
// refused. The rows around it are read as before, but a batch with a
// problem writes nothing.
func TestAPercentFormattedCellOfAFigureNotInPercentIsRefused(t *testing.T) {
	const figureHint = `a growth rate goes in a growth column (growth, 增速)`
	const targetHint = `or make it a growth target (kind growth or avg_growth: 增速, 年均增速)`
	for _, c := range []struct {
		name  string
		rows  [][]any
		cells []styled
		want  []string
		read  int // figures and targets read from the other cells
	}{
		{"a long table's value", [][]any{
			{"region", "indicator", "year", "value"},
			{"houma", "gdp", 2021, 130.5},
			{"houma", "gdp", 2022, 1.4},
		}, []styled{{"D3", wholePercent}},
			[]string{`p.xlsx sheet Sheet1 row 3 column D (value): the cell is formatted as a percentage (shows 140%), but indicator gdp is measured in 100m_yuan (亿元), not in percent: ` +
				`format the cell as a number, and check the figure it then shows (1.4); ` + figureHint}, 1},
		{"a value beside its unit: the message shows the cell, not the converted figure", [][]any{
			{"region", "indicator", "year", "value", "unit"},
			{"houma", "gdp", 2022, 140.25, "万元"},
		}, []styled{{"D2", twoPlacesPct}},
			[]string{`p.xlsx sheet Sheet1 row 2 column D (value): the cell is formatted as a percentage (shows 14025%), but indicator gdp is measured in 100m_yuan (亿元), not in percent: ` +
				`format the cell as a number, and check the figure it then shows (140.25); ` + figureHint}, 0},
		{"a figure per head, in a custom format", [][]any{
			{"地区", "指标", "年份", "数值"},
			{"侯马市", "城镇居民人均可支配收入", 2022, 0.051},
		}, []styled{{"D2", customPct}},
			[]string{`p.xlsx sheet Sheet1 row 2 column D (value): the cell is formatted as a percentage (shows 5.1%), but indicator urban_disposable_income is measured in yuan (元), not in percent: ` +
				`format the cell as a number, and check the figure it then shows (0.051); ` + figureHint}, 0},
		{"every one of a wide table, the others read", [][]any{
			{"region", "indicator", "2020", "2021", "2022"},
			{"houma", "retail_sales", 48.0, 0.5, 0.55},
		}, []styled{{"D2", wholePercent}, {"E2", wholePercent}},
			[]string{`p.xlsx sheet Sheet1 row 2 column D (value): the cell is formatted as a percentage (shows 50%), but indicator retail_sales is measured in 100m_yuan (亿元), not in percent: ` +
				`format the cell as a number, and check the figure it then shows (0.5); ` + figureHint,
				`p.xlsx sheet Sheet1 row 2 column E (value): the cell is formatted as a percentage (shows 55%), but indicator retail_sales is measured in 100m_yuan (亿元), not in percent: ` +
					`format the cell as a number, and check the figure it then shows (0.55); ` + figureHint}, 1},
		{"an indicator column", [][]any{
			{"地区", "年份", "地区生产总值（亿元）", "城镇登记失业率（%）"},
			{"侯马市", 2022, 1.4, 0.045},
		}, []styled{{"C2", wholePercent}, {"D2", twoPlacesPct}},
			[]string{`p.xlsx sheet Sheet1 row 2 column C (value): the cell is formatted as a percentage (shows 140%), but indicator gdp is measured in 100m_yuan (亿元), not in percent: ` +
				`format the cell as a number, and check the figure it then shows (1.4); ` + figureHint}, 1},
		{"a column formatted as percentages, a cell of it as a number", [][]any{
			{"region", "indicator", "year", "value"},
			{"houma", "gdp", 2021, 120.8},
			{"houma", "gdp", 2022, 130.5},
		}, []styled{{"D:D", wholePercent}, {"D3", &excelize.Style{NumFmt: 2}}},
			[]string{`p.xlsx sheet Sheet1 row 2 column D (value): the cell is formatted as a percentage (shows 12080%), but indicator gdp is measured in 100m_yuan (亿元), not in percent: ` +
				`format the cell as a number, and check the figure it then shows (120.8); ` + figureHint}, 1},
		{"a level target", [][]any{
			{"region", "indicator", "plan", "kind", "year", "value"},
			{"houma", "gdp", "14th-fyp", "level", 2025, 2.5},
		}, []styled{{"F2", wholePercent}},
			[]string{`p.xlsx sheet Sheet1 row 2 column F (value): the cell is formatted as a percentage (shows 250%), but a level target of indicator gdp is in 100m_yuan (亿元), not in percent: ` +
				`format the cell as a number, and check the level it then shows (2.5), ` + targetHint}, 0},
		{"a ceiling and a floor target, a growth target read", [][]any{
			{"region", "indicator", "plan", "kind", "year", "value"},
			{"houma", "retail_sales", "14th-fyp", "ceiling", 2025, 0.8},
			{"houma", "industrial_output", "14th-fyp", "floor", 2025, 4},
			{"houma", "gdp", "2021-annual", "growth", 2021, 0.085},
		}, []styled{{"F2", wholePercent}, {"F3", wholePercent}, {"F4", customPct}},
			[]string{`p.xlsx sheet Sheet1 row 2 column F (value): the cell is formatted as a percentage (shows 80%), but a ceiling target of indicator retail_sales is in 100m_yuan (亿元), not in percent: ` +
				`format the cell as a number, and check the level it then shows (0.8), ` + targetHint,
				`p.xlsx sheet Sheet1 row 3 column F (value): the cell is formatted as a percentage (shows 400%), but a floor target of indicator industrial_output is in 100m_yuan (亿元), not in percent: ` +
					`format the cell as a number, and check the level it then shows (4), ` + targetHint}, 1},
	} {
		b, err := Parse("p.xlsx", "", bytes.NewReader(styledWorkbook(t, c.rows, c.cells...)), seedCatalog(t), Options{Published: pushDate})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := strings.Join(problemTexts(b.Problems), "\n"), strings.Join(c.want, "\n"); got != want {
			t.Errorf("%s: problems\n%s\nwant\n%s", c.name, got, want)
		}
		if n := len(b.Observations) + len(b.Targets); n != c.read {
			t.Errorf("%s: %d figures and targets read, want %d: none from a refused cell", c.name, n, c.read)
		}
	}
}

// A batch with a refused cell writes nothing, not even the figures of the
// rows around it.
func TestAPercentFormattedGDPCellWritesNothing(t *testing.T) {
	data := styledWorkbook(t, [][]any{
		{"region", "indicator", "year", "value"},
		{"houma", "budget_revenue", 2021, 5.29},
		{"houma", "gdp", 2022, 1.4},
	}, styled{"D3", wholePercent})
	b, err := Parse("p.xlsx", "", bytes.NewReader(data), seedCatalog(t), Options{Published: pushDate})
	if err != nil {
		t.Fatal(err)
	}
	st := openStore(t)
	ctx := context.Background()
	before, _ := st.DataVersion(ctx)
	rep, err := Apply(ctx, st, b, ApplyOptions{})
	if plancast.ErrorCode(err) != plancast.EINVALID || len(rep.Problems) != 1 || !strings.Contains(rep.Problems[0].Message, "formatted as a percentage") {
		t.Fatalf("Apply: %v, problems %v; want EINVALID and the percent-formatted cell", err, problemTexts(rep.Problems))
	}
	for _, ind := range []string{"budget_revenue", "gdp"} {
		if _, err := st.Series(ctx, plancast.SeriesQuery{Region: "houma", Indicator: ind}); plancast.ErrorCode(err) != plancast.ENOTFOUND {
			t.Errorf("series houma/%s after a refused batch: %v, want not found", ind, err)
		}
	}
	if after, _ := st.DataVersion(ctx); after != before {
		t.Errorf("data version changed from %s to %s", before, after)
	}
}

// Where percent is the unit, a percent-formatted cell is read as the
// percentage it shows, as before: a rate (an indicator in percent), a
// stated growth beside a level, growth and share targets, and a level
// target of a rate. A withdrawal's value cell is not read at all.
func TestAPercentFormattedCellWherePercentIsTheUnitIsReadAsItShows(t *testing.T) {
	data := styledWorkbook(t, [][]any{
		{"region", "indicator", "year", "value", "growth", "status"},
		{"houma", "unemployment_rate", 2022, 0.045, nil, nil},
		{"houma", "gdp", 2022, 140.0, 0.053, nil},
		{"houma", "gdp", 2021, 0.9, nil, "withdrawn"},
	}, styled{"D2", twoPlacesPct}, styled{"E3", customPct}, styled{"D4", wholePercent})
	b, err := Parse("p.xlsx", "", bytes.NewReader(data), seedCatalog(t), Options{Published: pushDate})
	if err != nil {
		t.Fatal(err)
	}
	noProblems(t, b)
	find := figureFinder(t, b, 3)
	if o, ok := find("houma", "unemployment_rate", "", 2022); ok && o.Value != 4.5 {
		t.Errorf("the rate: %v, want 4.5", o.Value)
	}
	if o, ok := find("houma", "gdp", "", 2022); ok && (o.Value != 140 || o.Growth == nil || *o.Growth != 5.3) {
		t.Errorf("gdp: %v growth %s, want 140 growth 5.3", o.Value, growthText(o.Growth, 0))
	}
	if o, ok := find("houma", "gdp", "", 2021); ok && o.Status != plancast.StatusWithdrawn {
		t.Errorf("the withdrawal: status %s", o.Status)
	}

	targets := styledWorkbook(t, [][]any{
		{"region", "indicator", "plan", "kind", "year", "base_year", "value"},
		{"houma", "gdp", "14th-fyp", "avg_growth", 2025, 2020, 0.065},
		{"houma", "gdp", "2021-annual", "growth", 2021, nil, 0.085},
		{"houma", "secondary_industry_share", "14th-fyp", "share", 2025, nil, 0.45},
		{"houma", "unemployment_rate", "14th-fyp", "ceiling", 2025, nil, 0.055},
	}, styled{"G:G", customPct})
	tb, err := Parse("t.xlsx", "", bytes.NewReader(targets), seedCatalog(t), Options{Published: pushDate})
	if err != nil {
		t.Fatal(err)
	}
	noProblems(t, tb)
	want := map[string]float64{"avg_growth": 6.5, "growth": 8.5, "share": 45, "ceiling": 5.5}
	if len(tb.Targets) != len(want) {
		t.Errorf("%d targets, want %d", len(tb.Targets), len(want))
	}
	for _, tg := range tb.Targets {
		if tg.Value != want[tg.Kind] {
			t.Errorf("%s target of %s: %v, want %v", tg.Kind, tg.Indicator, tg.Value, want[tg.Kind])
		}
	}
}

// The styles of a workbook are looked at first, up to maxStylesChecked of
// them; a percent style past those is found when a figure's cell has it,
// and read as any other.
func TestAPercentStylePastTheStylesLookedAtFirstIsFound(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	setRows(t, f, "Sheet1", [][]any{
		{"region", "indicator", "year", "value"},
		{"houma", "unemployment_rate", 2022, 0.045},
		{"houma", "gdp", 2022, 1.4},
	})
	for i := 0; i <= maxStylesChecked; i++ {
		code := fmt.Sprintf(`0"%d"`, i)
		numberStyle(t, f, &excelize.Style{CustomNumFmt: &code})
	}
	pct := numberStyle(t, f, wholePercent)
	if pct < maxStylesChecked {
		t.Fatalf("the percent style is %d, within the %d looked at first", pct, maxStylesChecked)
	}
	for _, at := range []string{"D2", "D3"} {
		if err := f.SetCellStyle("Sheet1", at, at, pct); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	b, err := Parse("p.xlsx", "", bytes.NewReader(buf.Bytes()), seedCatalog(t), Options{Published: pushDate})
	if err != nil {
		t.Fatal(err)
	}
	want := `p.xlsx sheet Sheet1 row 3 column D (value): the cell is formatted as a percentage (shows 140%), but indicator gdp is measured in 100m_yuan (亿元), not in percent: ` +
		`format the cell as a number, and check the figure it then shows (1.4); a growth rate goes in a growth column (growth, 增速)`
	if got := strings.Join(problemTexts(b.Problems), "\n"); got != want {
		t.Errorf("problems\n%s\nwant\n%s", got, want)
	}
	checkFigures(t, b, []figure{{region: "houma", indicator: "unemployment_rate", year: 2022, value: 4.5}})
}

// Where the style scan cannot read the sheet as excelize does (here a style
// written as an entity), excelize tells the cell's style and value: the
// cell is refused with the same message.
func TestAPercentFormattedCellIsRefusedWhereExcelizeReadsTheSheet(t *testing.T) {
	data := styledWorkbook(t, [][]any{
		{"region", "indicator", "year", "value"},
		{"houma", "gdp", 2022, 1.4},
	}, styled{"D2", wholePercent})
	data = editPart(t, data, "xl/worksheets/sheet1.xml", func(x string) string {
		styledD2 := regexp.MustCompile(`<c r="D2" s="(\d)"`)
		if !styledD2.MatchString(x) {
			t.Fatalf("no styled D2 in:\n%s", x)
		}
		return styledD2.ReplaceAllString(x, `<c r="D2" s="&#x3$1;"`)
	})
	if _, err := scanSheetStyles(sheetDoc(data, "Sheet1"), map[cellRef]bool{{col: 4, row: 2}: true}); err == nil {
		t.Fatal("the style scan reads a style written as an entity")
	}
	b, err := Parse("p.xlsx", "", bytes.NewReader(data), seedCatalog(t), Options{Published: pushDate})
	if err != nil {
		t.Fatal(err)
	}
	want := `p.xlsx sheet Sheet1 row 2 column D (value): the cell is formatted as a percentage (shows 140%), but indicator gdp is measured in 100m_yuan (亿元), not in percent: ` +
		`format the cell as a number, and check the figure it then shows (1.4); a growth rate goes in a growth column (growth, 增速)`
	if got := strings.Join(problemTexts(b.Problems), "\n"); got != want {
		t.Errorf("problems\n%s\nwant\n%s", got, want)
	}
	if len(b.Observations) != 0 {
		t.Errorf("%d figures read, want none", len(b.Observations))
	}
}
