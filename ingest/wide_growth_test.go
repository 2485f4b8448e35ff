package ingest

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// The commonest table of a statistical bulletin, 指标 | 单位 | 2024年 |
// 比上年增长（%）, gives one year's figures and the growth the bureau states
// for them. Its growth column was left out without a word, and the year's
// growth targets were judged on the levels' current-price growth. Beside
// the one year column, it is that year's figures' stated growth, year on
// year, as a long table's growth column gives it.
func TestAGrowthColumnBesideTheOneYearOfAWideTableIsItsFiguresStatedGrowth(t *testing.T) {
	for _, header := range []string{"比上年增长（%）", "增长（%）", "比上年增长%", "增速", "growth (%)"} {
		b := parseString(t, "zz.csv", "指标,单位,2024年,"+header+"\n"+
			"地区生产总值,亿元,318.6,6.2\n"+
			"社会消费品零售总额,亿元,41.7,−5.5\n"+
			"一般公共预算收入,万元,68900,\n", Options{Region: "zizhou"})
		noProblems(t, b)
		if len(b.Notes) > 0 {
			t.Errorf("%s: notes %q", header, b.Notes)
		}
		checkGrowths(t, b, []stated{
			{region: "zizhou", indicator: "gdp", year: 2024, growth: pct(6.2)},
			{region: "zizhou", indicator: "retail_sales", year: 2024, growth: pct(-5.5)},
			{region: "zizhou", indicator: "budget_revenue", year: 2024}, // an empty cell states none
		})
	}

	// A workbook: a title, the header, a percent-formatted growth read as
	// shown (5.10%), a note under the table.
	data := growthWorkbook(t, [][]any{
		{"侯马市2024年主要经济指标完成情况"},
		{"指标名称", "计量单位", "2024年", "比上年增长（%）"},
		{"地区生产总值", "亿元", 160.2, 0.051},
		{"农村居民人均可支配收入", "元", 23300, 7.4},
		{"注：增长速度按不变价格计算。"},
	}, "D3")
	b, err := Parse("awk.xlsx", "", bytes.NewReader(data), seedCatalog(t), Options{Published: pushDate})
	if err != nil {
		t.Fatal(err)
	}
	noProblems(t, b)
	checkGrowths(t, b, []stated{
		{region: "houma", indicator: "gdp", year: 2024, growth: pct(5.1)},
		{region: "houma", indicator: "rural_disposable_income", year: 2024, growth: pct(7.4)},
	})

	// With a growth_base_year column (增长基期), the growths are since it.
	b = parseString(t, "g.csv", "指标,2020年,年均增长（%）,增长基期\n地区生产总值,120.8,5.3,2015\n", Options{Region: "houma"})
	noProblems(t, b)
	checkGrowths(t, b, []stated{{region: "houma", indicator: "gdp", year: 2020}})
	b = parseString(t, "g.csv", "指标,2020年,增长（%）,增长基期\n地区生产总值,120.8,5.3,2015\n", Options{Region: "houma"})
	noProblems(t, b)
	checkGrowths(t, b, []stated{{region: "houma", indicator: "gdp", year: 2020, growth: pct(5.3), base: 2015}})
}

// A growth column whose header names its year is that year's, beside
// several year columns too: "2024年比上年增长%", or "2024年" merged over
// "绝对值" and "增长（%）".
func TestAGrowthColumnThatNamesItsYearIsThatYearsFigures(t *testing.T) {
	b := parseString(t, "w.csv", "指标,2023年,2024年,2024年比上年增长%\n地区生产总值,152.6,160.2,5.1\n", Options{Region: "houma"})
	noProblems(t, b)
	checkGrowths(t, b, []stated{
		{region: "houma", indicator: "gdp", year: 2023},
		{region: "houma", indicator: "gdp", year: 2024, growth: pct(5.1)},
	})

	b = parseSheet(t, sheetBook(t, [][]any{
		{"侯马市主要指标"},
		{"指标", "2023年", nil, "2024年", nil},
		{nil, "绝对值", "增长（%）", "绝对值", "增长（%）"},
		{"地区生产总值", 152.6, 4.9, 160.2, 5.1},
	}, "B2:C2", "D2:E2"))
	noProblems(t, b)
	checkGrowths(t, b, []stated{
		{region: "houma", indicator: "gdp", year: 2023, growth: pct(4.9)},
		{region: "houma", indicator: "gdp", year: 2024, growth: pct(5.1)},
	})
}

// A wide table's growth is refused as a long table's is: a column in
// percentage points, a cell that is no number or not above −100%, and a
// growth without its figure, each at its row and column; nothing of the
// table is then written.
func TestAWideTablesGrowthIsRefusedAsALongTablesIs(t *testing.T) {
	b := parseString(t, "w.csv", "指标,2024年,比上年增长（百分点）\n城镇登记失业率,3.1,-0.2\n", Options{Region: "houma"})
	if got := strings.Join(problemTexts(b.Problems), "\n"); got !=
		`w.csv row 1 column C (growth): "比上年增长（百分点）" is a change in percentage points, not a growth: the growth column is in percent` {
		t.Errorf("a change in points: problems\n%s", got)
	}
	b = parseString(t, "w.csv", "指标,2024年,增长（%）\n"+
		"地区生产总值,160.2,abc\n"+
		"一般公共预算收入,6.89,-120\n"+
		"社会消费品零售总额,—,5.5\n", Options{Region: "houma"})
	want := []string{
		`w.csv row 2 column C (growth): "abc" is not a number`,
		`w.csv row 3 column C (growth): growth -120% is not above -100%: nothing falls by all of itself or more`,
		`w.csv row 4 column C (growth): growth "5.5" is given without a figure of 2024 in column B ("2024年"): ` +
			`a stated growth goes with its figure; give the figure, or leave the growth empty`,
	}
	if got := strings.Join(problemTexts(b.Problems), "\n"); got != strings.Join(want, "\n") {
		t.Errorf("problems\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
}

// Pushed, the bulletin's stated growth is stored with its figure and
// served with it; pushed again with the growth cell emptied, the figure
// states none, as a long table's empty growth cell says.
func TestTheBulletinsStatedGrowthIsStored(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	table := "指标,单位,2024年,比上年增长（%）\n地区生产总值,亿元,318.6,6.2\n"
	if rep := apply(t, st, parseString(t, "zz.csv", table, Options{Region: "zizhou"}), false); counts(rep) != [4]int{1, 0, 0, 0} {
		t.Fatalf("push: %+v", rep)
	}
	s, err := st.Series(ctx, plancast.SeriesQuery{Region: "zizhou", Indicator: "gdp", Period: plancast.PeriodYear})
	if err != nil {
		t.Fatal(err)
	}
	checkGrowths(t, &Batch{Observations: s.Observations}, []stated{{region: "zizhou", indicator: "gdp", year: 2024, growth: pct(6.2)}})
	if rep := apply(t, st, parseString(t, "zz.csv", table, Options{Region: "zizhou"}), false); counts(rep) != [4]int{0, 0, 1, 0} {
		t.Errorf("the same table again: %+v, want unchanged", rep)
	}
	if rep := apply(t, st, parseString(t, "zz.csv", strings.Replace(table, ",6.2", ",", 1), Options{Region: "zizhou"}), false); counts(rep) != [4]int{0, 1, 0, 0} {
		t.Errorf("the growth emptied: %+v, want revised", rep)
	}
}
