package ingest

import (
	"strconv"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// A wide table's year header may say the status of the year's figures, as
// yearbooks and bulletins print the latest year: "2023年（初步）", "2023
// (preliminary)", "2024年预计", "2023年初步核算数". Such a column used to be
// left out without a word, its figures with it. It is read as a year column
// whose figures have that status, the status a long table gives in its
// status column, in the same words (初步, 快报, 预计, estimate, ...).
func TestAWideYearHeaderWithAStatusReadsTheYearWithThatStatus(t *testing.T) {
	b := parseString(t, "w.csv", "region,indicator,2022年,2023年（初步）,2024年预计\n"+
		"houma,gdp,140,150,158\n"+
		"houma,budget_revenue,5,5.3,—\n", Options{})
	noProblems(t, b)
	checkFigures(t, b, []figure{
		{region: "houma", indicator: "gdp", year: 2022, value: 140},
		{region: "houma", indicator: "gdp", year: 2023, value: 150, status: plancast.StatusPreliminary},
		{region: "houma", indicator: "gdp", year: 2024, value: 158, status: plancast.StatusEstimate},
		{region: "houma", indicator: "budget_revenue", year: 2022, value: 5},
		{region: "houma", indicator: "budget_revenue", year: 2023, value: 5.3, status: plancast.StatusPreliminary},
	})

	for _, header := range []string{"2023 (preliminary)", "2023年(初步核算)", "2023年快报", "2023年初步核算数", "Y2023 (prelim)", "２０２３年（初步）"} {
		b := parseString(t, "w.csv", "region,indicator,2022,"+header+"\nhouma,gdp,140,150\n", Options{})
		noProblems(t, b)
		checkFigures(t, b, []figure{
			{region: "houma", indicator: "gdp", year: 2022, value: 140},
			{region: "houma", indicator: "gdp", year: 2023, value: 150, status: plancast.StatusPreliminary},
		})
	}

	// A workbook, its header in two lines: "年份" merged over the years.
	b = parseSheet(t, sheetBook(t, [][]any{
		{"侯马市主要经济指标"},
		{"指标", "年份", nil},
		{nil, "2023年", "2024年（预计）"},
		{"地区生产总值", 150.0, 158.7},
	}, "B2:C2"))
	noProblems(t, b)
	checkFigures(t, b, []figure{
		{region: "houma", indicator: "gdp", year: 2023, value: 150},
		{region: "houma", indicator: "gdp", year: 2024, value: 158.7, status: plancast.StatusEstimate},
	})
}

// A wide table's year header may name a part of the year, as monthly and
// half-year bulletins do: "2024年1-6月", "2024 H1", "2024年上半年",
// "2024年1-9月（初步）". Its figures are read as of that period (jan-jun, h1,
// jan-sep), as a long table's period column gives them, in its words.
func TestAWideYearHeaderWithAPeriodReadsThatPartOfTheYear(t *testing.T) {
	b := parseString(t, "w.csv", "region,indicator,2023年1-6月,2024年1-6月,2024 H1,2024年1-9月（初步）\n"+
		"houma,retail_sales,20.1,21.5,,32.4\n"+
		"zizhou,retail_sales,,,9.8,\n", Options{})
	noProblems(t, b)
	want := []struct {
		region, period string
		year           int
		value          float64
		status         string
	}{
		{"houma", "jan-jun", 2023, 20.1, plancast.StatusFinal},
		{"houma", "jan-jun", 2024, 21.5, plancast.StatusFinal},
		{"houma", "jan-sep", 2024, 32.4, plancast.StatusPreliminary},
		{"zizhou", "h1", 2024, 9.8, plancast.StatusFinal},
	}
	find := figureFinder(t, b, len(want))
	for _, w := range want {
		if o, ok := find(w.region, "retail_sales", w.period, w.year); ok && (o.Value != w.value || o.Status != w.status) {
			t.Errorf("%s %s %d: %v %s, want %v %s", w.region, w.period, w.year, o.Value, o.Status, w.value, w.status)
		}
	}
}

// A row's status or period cell and its year header's may not say two
// things of one figure: "final" in the status column of a row and
// "2023年（初步）" above its figure are refused at the row's cell. Where
// they agree, or the row's cell is blank, the figure is read.
func TestAWideRowsStatusOrPeriodThatDisagreesWithItsYearHeaderIsRefused(t *testing.T) {
	b := parseString(t, "w.csv", "region,indicator,status,period,2022年,2023年（初步）,2024年1-6月\n"+
		"houma,gdp,,,140,150,80\n"+
		"houma,budget_revenue,preliminary,,,5.3,\n"+
		"zizhou,gdp,final,,130,135,\n"+
		"guyang,gdp,,year,,,40\n", Options{})
	want := []string{
		`w.csv row 4 column C (status): status "final", but the header of column F ("2023年（初步）") says its figures are preliminary: ` +
			`leave the row's status blank, or take the status out of the header ("2023")`,
		`w.csv row 5 column D (period): period "year", but the header of column G ("2024年1-6月") says its figures are of jan-jun: ` +
			`leave the row's period blank, or take the period out of the header ("2024")`,
	}
	if got := strings.Join(problemTexts(b.Problems), "\n"); got != strings.Join(want, "\n") {
		t.Errorf("problems\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
}

// A header that holds a year and more that plancast does not read
// ("2023年（调整后）", "2023E", "2021-2025年", "2015年价") was left out with
// its figures without a word. When figures are under it, it is refused at
// the header cell, once, saying the column is not read, where its first
// figure is, and what header to write.
func TestAYearHeaderWithMoreThanPlancastReadsIsRefusedWhenFiguresAreUnderIt(t *testing.T) {
	refused := func(file, col, header, first string, row, more, year int) string {
		figures := first + " in row " + strconv.Itoa(row)
		if more > 0 {
			figures += ", and " + strconv.Itoa(more) + " more"
		}
		y := strconv.Itoa(year)
		return file + ` row 1 column ` + col + `: the column "` + header + `" holds figures (` + figures + `) but is not read: ` +
			`its header is neither a year alone nor a year with a status, a period or a unit plancast reads; head a column of one year's figures "` + y + `" or "` + y + `年", ` +
			`with their status, period or unit if any ("` + y + `年（初步）", "` + y + ` (estimate)", "` + y + `年1-6月", "` + y + `年（万元）"), or delete the column if it holds no year's figures`
	}
	for _, c := range []struct {
		name, table string
		want        []string
		figures     int
	}{
		{"a qualifier that is not a status", "region,indicator,2022年,2023年（调整后）\nhouma,gdp,140,150\nhouma,budget_revenue,5,5.3\n",
			[]string{refused("c.csv", "D", "2023年（调整后）", `"150"`, 2, 1, 2023)}, 2},
		{"an estimate mark", "region,indicator,2022,2023E\nhouma,gdp,140,150\n",
			[]string{refused("c.csv", "D", "2023E", `"150"`, 2, 0, 2023)}, 1},
		// An average growth is never told to be headed as a year's
		// figures.
		{"a plan period", "region,indicator,2020年,2021-2025年均增长%\nhouma,gdp,120.8,6.5\n",
			[]string{`c.csv row 1 column D: the column "2021-2025年均增长%" holds numbers ("6.5" in row 2) but is not read: ` +
				`its header names an average growth over several years, which a table of figures does not read; ` +
				`to push them as the figures' stated growth, head the column 增长（%） and give the year it runs from in a growth_base_year column (增长基期); ` +
				`a plan's average growth targets go in a plan's targets table (指标, 2020年, 2025年, 年均增长（%）); else delete the column`}, 1},
		{"a year's end", "region,indicator,year,value,2023年末\nhouma,gdp,2023,150,151\n",
			[]string{refused("c.csv", "E", "2023年末", `"151"`, 2, 0, 2023)}, 1},
		{"a status and a period twice", "region,indicator,2022,2023年（初步）（预计）\nhouma,gdp,140,—\nhouma,budget_revenue,5,5.3\n",
			[]string{refused("c.csv", "D", "2023年（初步）（预计）", `"5.3"`, 3, 0, 2023)}, 2},
	} {
		b := parseString(t, "c.csv", c.table, Options{})
		if got, want := strings.Join(problemTexts(b.Problems), "\n"), strings.Join(c.want, "\n"); got != want {
			t.Errorf("%s: problems\n%s\nwant\n%s", c.name, got, want)
		}
		if n := len(b.Observations); n != c.figures {
			t.Errorf("%s: %d figures read, want %d", c.name, n, c.figures)
		}
	}

	b := parseSheet(t, sheetBook(t, [][]any{
		{"region", "indicator", "2022", "2023 (revised)"},
		{"houma", "gdp", 140.0, 150.0},
	}))
	if got, want := strings.Join(problemTexts(b.Problems), "\n"), refused("s.xlsx sheet Sheet1", "D", "2023 (revised)", `"150"`, 2, 0, 2023); got != want {
		t.Errorf("a workbook: problems\n%s\nwant\n%s", got, want)
	}

	// In a header of two lines, "年份" merged over the years, the problem
	// is at the year's line, and quotes both.
	b = parseSheet(t, sheetBook(t, [][]any{
		{"侯马市主要经济指标"},
		{"指标", "年份", nil},
		{nil, "2023年", "2024年（调整后）"},
		{"地区生产总值", 150.0, 158.7},
	}, "B2:C2"))
	want := strings.Replace(refused("s.xlsx sheet Sheet1", "C", "年份 2024年（调整后）", `"158.7"`, 4, 0, 2024), "row 1 ", "row 3 ", 1)
	if got := strings.Join(problemTexts(b.Problems), "\n"); got != want {
		t.Errorf("a header of two lines: problems\n%s\nwant\n%s", got, want)
	}
}

// A column whose header holds a year and more but no figure under it is
// left out as before: text (a remark of the year), blanks and missing marks.
// So are the columns a table does not read whose headers hold no year
// (名称, 单位, 备注, a region's name), and a year's growth beside a wide
// table's years ("2023年比上年增长%"), which a wide table does not read, as
// it does not read "比上年增长%".
func TestAYearHeaderWithMoreIsAcceptedWhenNoFigureIsUnderIt(t *testing.T) {
	for _, c := range []struct {
		name, table string
		figures     int
	}{
		{"remarks of a year", "region,indicator,2023,2023年说明\nhouma,gdp,150,据统计公报\nhouma,budget_revenue,5.3,\n", 2},
		{"missing marks", "region,indicator,2023,2024年（调整后）\nhouma,gdp,150,—\nhouma,budget_revenue,5.3,…\n", 2},
		{"label columns", "名称,region,indicator,单位,2022年,2023年,备注\n生产总值,houma,gdp,亿元,140,150,2023年为初步数\n", 2},
		{"a year's growth", "region,indicator,2022年,2023年,2023年比上年增长%\nhouma,gdp,140,150,7.1\n", 2},
	} {
		b := parseString(t, "c.csv", c.table, Options{})
		for _, p := range b.Problems {
			t.Errorf("%s: unexpected problem: %s", c.name, p.Error())
		}
		if n := len(b.Observations); n != c.figures {
			t.Errorf("%s: %d figures read, want %d", c.name, n, c.figures)
		}
	}
}

// A year in a header with more is four digits, 1900 to 2099, that are a
// year by their 年 or by starting the header, set apart; numbers that are
// not years, a year alone and a year in brackets after a name are not.
func TestAYearInAHeaderWithMore(t *testing.T) {
	for _, c := range []struct {
		header string
		year   int
		pieces []string
	}{
		{"2023年（初步）", 2023, []string{"初步"}},
		{"2023 (preliminary)", 2023, []string{"preliminary"}},
		{"2024年1-6月（初步）", 2024, []string{"1-6月", "初步"}},
		{"预计2023年", 2023, []string{"预计"}},
		{"FY2023 (e)", 2023, []string{"e"}},
		{"2024 H1", 2024, []string{"H1"}},
		{"2023E", 2023, []string{"E"}},
		{"2021-2025年均增长%", 2021, []string{"-2025年均增长%"}},
		{"地区生产总值（2015年价）", 2015, []string{"地区生产总值", "价"}},
		{"２０２３年度 快报", 2023, []string{"快报"}},

		{"2023", 0, nil},
		{"2023年", 0, nil},
		{"Y2023年", 0, nil},
		{"2000元以上", 0, nil},
		{"1500万", 0, nil},
		{"202301", 0, nil},
		{"12023年", 0, nil},
		{"备注（2023）", 0, nil},
		{"3000 (x)", 0, nil},
		{"名称", 0, nil},
	} {
		year, _, pieces, ok := headerYear(c.header)
		if ok != (c.year != 0) || year != c.year || strings.Join(pieces, "|") != strings.Join(c.pieces, "|") {
			t.Errorf("headerYear(%q) = %d %q %v, want %d %q", c.header, year, pieces, ok, c.year, c.pieces)
		}
	}
}
