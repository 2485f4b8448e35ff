package ingest

import (
	"strings"
	"testing"
)

// A year header may label its unit as a title line does ("2024年（单位：亿元）",
// "2024年 单位：万元") or put it after a slash ("2024年/亿元"): the unit of
// its figures, as "2024年（亿元）" gives it. Such headers made the whole
// table one "without a header row", with the hint to give year columns
// (2019, 2019年), which the table had.
func TestAYearHeadersLabelledOrSlashedUnitIsTheUnitOfItsFigures(t *testing.T) {
	for _, c := range []struct {
		name, table string
		want        []figure
	}{
		{"labelled in brackets", "指标,2023年（单位：亿元）,2024年（单位：亿元）\n地区生产总值,145.1,152.8\n一般公共预算收入,6.1,6.35\n",
			[]figure{
				{region: "houma", indicator: "gdp", year: 2023, value: 145.1},
				{region: "houma", indicator: "gdp", year: 2024, value: 152.8},
				{region: "houma", indicator: "budget_revenue", year: 2023, value: 6.1},
				{region: "houma", indicator: "budget_revenue", year: 2024, value: 6.35},
			}},
		{"labelled in 万元, converted", "指标,2024年(单位:万元)\n一般公共预算收入,63500\n",
			[]figure{{region: "houma", indicator: "budget_revenue", year: 2024, value: 6.35}}},
		{"labelled after a space", "指标,2024年 计量单位：万元\n一般公共预算收入,63500\n",
			[]figure{{region: "houma", indicator: "budget_revenue", year: 2024, value: 6.35}}},
		{"after a slash", "指标,2023年/亿元,2024年/万元\n一般公共预算收入,6.1,63500\n",
			[]figure{
				{region: "houma", indicator: "budget_revenue", year: 2023, value: 6.1},
				{region: "houma", indicator: "budget_revenue", year: 2024, value: 6.35},
			}},
		{"a period and a slashed unit", "指标,2024年1-6月/万元\n一般公共预算收入,31000\n",
			[]figure{{region: "houma", indicator: "budget_revenue", year: 2024, period: "jan-jun", value: 3.1}}},
		// plancast's own English label of 万元, "10,000 yuan": its number
		// split at the comma left "yuan" alone, 10,000 times too small, and
		// the hint said to head the column "2023年（yuan）".
		{"a unit whose number has a thousands separator", "indicator,\"2023 (10,000 yuan)\",\"2024年（10,000 yuan）\"\ngdp,1125000,1200000\n",
			[]figure{
				{region: "houma", indicator: "gdp", year: 2023, value: 112.5},
				{region: "houma", indicator: "gdp", year: 2024, value: 120},
			}},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := parseString(t, "y.csv", c.table, Options{Region: "houma"})
			noProblems(t, b)
			checkFigures(t, b, c.want)
		})
	}
}

// A wide table none of whose year headers plancast reads
// ("2023年（调整后）" in every year column) is refused at each header, with
// the header to write, as when another year column is read; it was "no
// header row found", which named neither the row nor the headers.
func TestAWideTableWhoseEveryYearHeaderIsUnreadNamesThem(t *testing.T) {
	b := parseString(t, "adj.csv", "指标,2023年（调整后）,2024年（调整后）\n地区生产总值,145.1,152.8\n", Options{Region: "houma"})
	header := func(col, header, first string, y string) string {
		return `adj.csv row 1 column ` + col + `: the column "` + header + `" holds figures ("` + first + `" in row 2) but is not read: ` +
			`its header is neither a year alone nor a year with a status, a period or a unit plancast reads; head a column of one year's figures "` + y + `" or "` + y + `年", ` +
			`with their status, period or unit if any ("` + y + `年（初步）", "` + y + ` (estimate)", "` + y + `年1-6月", "` + y + `年（万元）"), or delete the column if it holds no year's figures`
	}
	want := []string{header("B", "2023年（调整后）", "145.1", "2023"), header("C", "2024年（调整后）", "152.8", "2024")}
	if got := strings.Join(problemTexts(b.Problems), "\n"); got != strings.Join(want, "\n") {
		t.Errorf("problems\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
	if len(b.Observations) != 0 {
		t.Errorf("%d figures read, want none", len(b.Observations))
	}

	// Without a figure under them, each is named too.
	b = parseString(t, "adj.csv", "指标,2023年（调整后）,2024年（调整后）\n地区生产总值,—,\n", Options{Region: "houma"})
	want = []string{
		`adj.csv row 1 column B: the column "2023年（调整后）" is not read, nor is any other year column of the table: ` +
			`its header is neither a year alone nor a year with a status, a period or a unit plancast reads; head a column of one year's figures ` +
			`"2023" or "2023年", with their status, period or unit if any ("2023年（初步）", "2023 (estimate)", "2023年1-6月", "2023年（万元）")`,
		`adj.csv row 1 column C: the column "2024年（调整后）" is not read, nor is any other year column of the table: ` +
			`its header is neither a year alone nor a year with a status, a period or a unit plancast reads; head a column of one year's figures ` +
			`"2024" or "2024年", with their status, period or unit if any ("2024年（初步）", "2024 (estimate)", "2024年1-6月", "2024年（万元）")`,
	}
	if got := strings.Join(problemTexts(b.Problems), "\n"); got != strings.Join(want, "\n") {
		t.Errorf("no figures: problems\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}

	// A unit plancast does not know, labelled: the header is named, with
	// the unit it read kept out of the hint.
	b = parseString(t, "u.csv", "指标,2024年（单位：千万元）\n地区生产总值,15.28\n", Options{Region: "houma"})
	if got := strings.Join(problemTexts(b.Problems), "\n"); !strings.HasPrefix(got, `u.csv row 1 column B: the column "2024年（单位：千万元）" holds figures ("15.28" in row 2) but is not read`) {
		t.Errorf("an unknown unit: problems\n%s", got)
	}
}
