package ingest

import (
	"strings"
	"testing"
)

// The footnotes a yearbook prints under a table are notes, whatever their
// form: a circled number, a bracketed 注, 附注, a numbered line. They were
// read as rows and refused as unknown indicators ("①2024年为初步核算数。"
// is unknown). A line is a note only when it holds no figure in the table's
// figure columns.
func TestFootnotesUnderATableAreNotes(t *testing.T) {
	for _, note := range []string{
		"①2024年为初步核算数。",
		"（注：2024年为初步核算数）",
		"(注) 2024年为初步核算数",
		"附注：2024年为初步核算数。",
		"1.2024年为初步核算数。",
		"1、地区生产总值按现价计算。",
		"（1）地区生产总值按现价计算。",
		"⑴ 2024年为初步核算数",
		"† 初步核算数",
		"※本表不含开发区",
		"注：2024年为初步核算数",
		"资料来源：侯马市统计局",
	} {
		b := parseString(t, "fn.csv", "指标,单位,2024年\r\n地区生产总值,亿元,160.2\r\n\r\n"+note+",,\r\n", Options{Region: "houma"})
		if texts := problemTexts(b.Problems); len(texts) > 0 {
			t.Errorf("%s: problems %q", note, texts)
		}
		if len(b.Observations) != 1 {
			t.Errorf("%s: %d figures, want 1", note, len(b.Observations))
		}
	}

	// In a workbook, a footnote merged across the table's columns.
	b := parseSheet(t, sheetBook(t, [][]any{
		{"侯马市2024年主要指标"},
		{"指标", "单位", "2024年", "比上年增长（%）"},
		{"地区生产总值", "亿元", 160.2, 5.1},
		{"①2024年为初步核算数。"},
		{"1.增长速度按不变价格计算。"},
	}, "A4:D4"))
	noProblems(t, b)
	checkFigures(t, b, []figure{{region: "houma", indicator: "gdp", year: 2024, value: 160.2}})
}

// A line that starts as a note but holds a figure in a figure column is
// never left out: its figure would be lost. It is refused at the figure,
// saying why; a note's start used to drop such a line without a word.
// A numbered indicator with its figures is a row, as before, and so is an
// indicator whose name begins as a note would (a region's name likewise).
func TestALineThatStartsAsANoteButHoldsAFigureIsNotDropped(t *testing.T) {
	b := parseString(t, "fn.csv", "指标,单位,2023年,2024年\n"+
		"1.地区生产总值,亿元,152.6,160.2\n"+
		"注：一般公共预算收入,亿元,,6.89\n"+
		"①城镇居民人均可支配收入,元,39400,\n", Options{Region: "houma"})
	want := []string{
		`fn.csv row 3 column D (value): the row starts as a note does ("注：一般公共预算收入" in column A) but holds a figure in column D ("6.89"): ` +
			`a note's row is not read, so the figure would be lost; if the row is a figure's, name its indicator (and region) in their columns; ` +
			`if it is a note, keep its text out of the figures' columns`,
		`fn.csv row 4 column C (value): the row starts as a note does ("①城镇居民人均可支配收入" in column A) but holds a figure in column C ("39400"): ` +
			`a note's row is not read, so the figure would be lost; if the row is a figure's, name its indicator (and region) in their columns; ` +
			`if it is a note, keep its text out of the figures' columns`,
	}
	if got := strings.Join(problemTexts(b.Problems), "\n"); got != strings.Join(want, "\n") {
		t.Errorf("problems\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
	checkFigures(t, b, []figure{
		{region: "houma", indicator: "gdp", year: 2023, value: 152.6},
		{region: "houma", indicator: "gdp", year: 2024, value: 160.2},
	})

	// A long table: the value column is the figure column.
	b = parseString(t, "fn.csv", "region,indicator,year,value\nhouma,gdp,2024,160.2\n*2024年为初步数,,,\nNote: 2024 is preliminary,gdp,2024,160.3\n", Options{})
	if got := strings.Join(problemTexts(b.Problems), "\n"); !strings.Contains(got, `fn.csv row 4 column D (value): the row starts as a note does ("Note: 2024 is preliminary" in column A) but holds a figure in column D ("160.3")`) {
		t.Errorf("a long table: problems\n%s\nwant one at row 4", got)
	}
}

// A footnote's mark at the end of an indicator's name (①–⑳, *, †) made
// the name unknown ("地区生产总值①" is unknown; did you mean gdp?). The mark
// is dropped when the name is known without it, and a note says which
// names were read so; a name unknown without its mark is refused as
// written.
func TestAFootnoteMarkOnAnIndicatorsNameIsDropped(t *testing.T) {
	b := parseString(t, "fn.csv", "指标,单位,2024年\n"+
		"地区生产总值①,亿元,160.2\n"+
		"一般公共预算收入*,亿元,6.89\n"+
		"城镇居民人均可支配收入 †（元）,,41250\n"+
		"社会消费品零售总额⑵,亿元,53.4\n", Options{Region: "houma"})
	noProblems(t, b)
	checkFigures(t, b, []figure{
		{region: "houma", indicator: "gdp", year: 2024, value: 160.2},
		{region: "houma", indicator: "budget_revenue", year: 2024, value: 6.89},
		{region: "houma", indicator: "urban_disposable_income", year: 2024, value: 41250},
		{region: "houma", indicator: "retail_sales", year: 2024, value: 53.4},
	})
	want := `fn.csv: the footnote marks at the end of 4 indicators' names were dropped, and the names read without them: ` +
		`row 2 "地区生产总值①" as gdp, row 3 "一般公共预算收入*" as budget_revenue, row 4 "城镇居民人均可支配收入 †（元）" as urban_disposable_income, ` +
		`row 5 "社会消费品零售总额⑵" as retail_sales`
	if got := strings.Join(b.Notes, "\n"); got != want {
		t.Errorf("notes\n%s\nwant\n%s", got, want)
	}

	b = parseString(t, "fn.csv", "指标,单位,2024年\n地区总产值①,亿元,160.2\n", Options{Region: "houma"})
	if got := strings.Join(problemTexts(b.Problems), "\n"); got != `fn.csv row 2 column A (indicator): indicator "地区总产值①" is unknown` {
		t.Errorf("an unknown name with a mark: problems\n%s", got)
	}
}
