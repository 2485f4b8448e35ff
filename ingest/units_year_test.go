package ingest

import (
	"strings"
	"testing"
)

// A wide table's year header may give its figures' unit, as a value header
// does ("数值（万元）"): "2024年（万元）" is the year 2024 in 万元, converted
// to the indicator's unit as a unit column's figures are. Every year header
// with a unit made the table one "without a header row"; one with a unit
// was refused with the hint to head it "2024", which, followed, stored a
// 万元 figure as 亿元.
func TestAUnitInAYearHeaderIsTheUnitOfItsFigures(t *testing.T) {
	houma := Options{Region: "houma"}
	for _, c := range []struct {
		name, table string
		want        []figure
	}{
		{"every year in 万元", "指标,2023年（万元）,2024年（万元）\n一般公共预算收入,65500,68900\n社会消费品零售总额,501000,534000\n",
			[]figure{
				{region: "houma", indicator: "budget_revenue", year: 2023, value: 6.55},
				{region: "houma", indicator: "budget_revenue", year: 2024, value: 6.89},
				{region: "houma", indicator: "retail_sales", year: 2023, value: 50.1},
				{region: "houma", indicator: "retail_sales", year: 2024, value: 53.4},
			}},
		{"each column its own unit", "指标,2023年（亿元）,2024年（万元）\n一般公共预算收入,6.55,68900\n",
			[]figure{
				{region: "houma", indicator: "budget_revenue", year: 2023, value: 6.55},
				{region: "houma", indicator: "budget_revenue", year: 2024, value: 6.89},
			}},
		{"a year without one is in the indicator's unit", "指标,2023年,2024年（万元）\n一般公共预算收入,6.55,68900\n",
			[]figure{
				{region: "houma", indicator: "budget_revenue", year: 2023, value: 6.55},
				{region: "houma", indicator: "budget_revenue", year: 2024, value: 6.89},
			}},
		{"with a status, before or beside the unit", "指标,2023年（万元，最终核实）,2024年（初步）（万元）\n一般公共预算收入,65500,68900\n",
			[]figure{
				{region: "houma", indicator: "budget_revenue", year: 2023, value: 6.55},
				{region: "houma", indicator: "budget_revenue", year: 2024, value: 6.89, status: "preliminary"},
			}},
		{"in English, a unit of words", "indicator,2024 (10 thousand yuan),2024 H1 (100 million yuan)\nbudget_revenue,68900,3.3\n",
			[]figure{
				{region: "houma", indicator: "budget_revenue", year: 2024, value: 6.89},
				{region: "houma", indicator: "budget_revenue", year: 2024, period: "h1", value: 3.3},
			}},
		{"a per-capita income in 万元", "指标,2024年（万元）\n城镇居民人均可支配收入,4.125\n",
			[]figure{{region: "houma", indicator: "urban_disposable_income", year: 2024, value: 41250}}},
		{"a unit of another dimension, by its word or its code", "指标,2023年（万人）,2024 (10k_persons),2024年（万千瓦时）\n城镇新增就业,0.62,0.65,\n售电量,,,125\n",
			[]figure{
				{region: "houma", indicator: "new_urban_jobs", year: 2023, value: 6200},
				{region: "houma", indicator: "new_urban_jobs", year: 2024, value: 6500},
				{region: "houma", indicator: "electricity_sales", year: 2024, value: 0.0125},
			}},
		{"a unit column that says the same", "指标,单位,2024年（万元）\n一般公共预算收入,万元,68900\n",
			[]figure{{region: "houma", indicator: "budget_revenue", year: 2024, value: 6.89}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := parseString(t, "y.csv", c.table, houma)
			noProblems(t, b)
			checkFigures(t, b, c.want)
		})
	}

	// The same in a workbook, under a header of two lines.
	b := parseSheet(t, sheetBook(t, [][]any{
		{"侯马市主要指标"},
		{"指标", "年份", nil},
		{nil, "2023年（万元）", "2024年（万元）"},
		{"一般公共预算收入", 65500.0, 68900.0},
	}, "B2:C2"))
	noProblems(t, b)
	checkFigures(t, b, []figure{
		{region: "houma", indicator: "budget_revenue", year: 2023, value: 6.55},
		{region: "houma", indicator: "budget_revenue", year: 2024, value: 6.89},
	})
}

// A unit in a year header that does not convert to a row's indicator's,
// or that disagrees with the row's own unit, is refused as a unit column's
// would be; nothing of the row is read.
func TestAUnitInAYearHeaderThatDoesNotFitIsRefused(t *testing.T) {
	b := parseString(t, "y.csv", "指标,单位,2023年,2024年（万元）\n"+
		"城镇登记失业率,,3.3,3.1\n"+
		"一般公共预算收入,亿元,6.55,68900\n"+
		"地区生产总值,,152.6,—\n", Options{Region: "houma"})
	want := []string{
		`y.csv row 2 column D (value): unit 10k_yuan (万元) does not convert to percent (%): indicator unemployment_rate is measured in percent (%); ` +
			`write it in percent (%), the only unit that converts to it`,
		`y.csv row 3 column B (unit): the unit 100m_yuan (亿元) given in column B disagrees with the header of column D ("2024年（万元）"), which gives 10k_yuan (万元): ` +
			`a figure has one unit; give it in the unit column (单位) or in the year's header, not both`,
	}
	if got := strings.Join(problemTexts(b.Problems), "\n"); got != strings.Join(want, "\n") {
		t.Errorf("problems\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
}

// A year header with a unit and more that plancast does not read is
// refused with the hint to head it, which keeps the unit: followed, a hint
// that dropped it would store 万元 figures as 亿元.
func TestTheHintForAnUnreadYearHeaderKeepsItsUnit(t *testing.T) {
	b := parseString(t, "y.csv", "指标,2023年（万元）,2024年（万元，调整后）\n一般公共预算收入,65500,68900\n", Options{Region: "houma"})
	want := `y.csv row 1 column C: the column "2024年（万元，调整后）" holds figures ("68900" in row 2) but is not read: ` +
		`its header is neither a year alone nor a year with a status, a period or a unit plancast reads; ` +
		`head a column of one year's figures in 万元 "2024年（万元）", with their status or period if any ("2024年（初步）（万元）", "2024年1-6月（万元）"), ` +
		`or delete the column if it holds no year's figures`
	if got := strings.Join(problemTexts(b.Problems), "\n"); got != want {
		t.Errorf("problems\n%s\nwant\n%s", got, want)
	}
}
