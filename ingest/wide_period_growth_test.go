package ingest

import (
	"strings"
	"testing"
	"time"

	"github.com/plancast/plancast"
)

// A year-to-date table puts the growth of the year's figures beside the
// figures of the same months a year before and this year's:
// 指标 | 单位 | 2025年1-9月 | 2026年1-9月 | 2026年1-9月同比增长（%）. The growth
// column, headed with its year and its period, was refused as a year
// column plancast does not read, with the advice to head it as a column of
// 2026's figures in % (which would have stored the growths 5.4 and 3.3 as
// the figures of GDP and investment). It is the stated growth of the
// column of that year and period, as "2026年比上年增长（%）" is beside
// "2026年".
func TestAGrowthColumnHeadedWithItsYearAndPeriodIsThatPeriodsFiguresGrowth(t *testing.T) {
	opt := Options{Region: "houma", Published: plancast.NewDate(2026, time.October, 20)}
	for _, header := range []string{
		"2026年1-9月同比增长(%)", "2026年1-9月比上年同期增长(%)", "2026年1—9月比上年同期增长（%）",
		"2026年1-9月 同比增长%", "2026年1-9月增长（%）",
	} {
		b := parseString(t, "q3.csv", "指标,单位,2025年1-9月,2026年1-9月,"+header+"\n"+
			"地区生产总值,亿元,118.2,124.9,5.4\n"+
			"固定资产投资,亿元,64.0,66.1,3.3\n", opt)
		noProblems(t, b)
		if len(b.Notes) > 0 {
			t.Errorf("%s: notes %q", header, b.Notes)
		}
		checkGrowths(t, b, []stated{
			{region: "houma", indicator: "gdp", year: 2025, period: "jan-sep"},
			{region: "houma", indicator: "gdp", year: 2026, period: "jan-sep", growth: pct(5.4)},
			{region: "houma", indicator: "fixed_asset_investment", year: 2025, period: "jan-sep"},
			{region: "houma", indicator: "fixed_asset_investment", year: 2026, period: "jan-sep", growth: pct(3.3)},
		})
	}

	// The period picks the column among the year's: beside 2026's
	// first half and its first nine months, "2026年上半年同比增长" is the
	// first half's.
	b := parseString(t, "q.csv", "指标,2026年上半年,2026年1-9月,2026年上半年同比增长(%)\n地区生产总值,80.1,124.9,5.1\n", opt)
	noProblems(t, b)
	checkGrowths(t, b, []stated{
		{region: "houma", indicator: "gdp", year: 2026, period: "h1", growth: pct(5.1)},
		{region: "houma", indicator: "gdp", year: 2026, period: "jan-sep"},
	})

	// A workbook's "2024年1-9月" merged over its figures and their growth.
	b = parseSheet(t, sheetBook(t, [][]any{
		{"侯马市1-9月主要指标"},
		{"指标", "2023年1-9月", "2024年1-9月", nil},
		{nil, nil, "绝对值", "同比增长(%)"},
		{"地区生产总值", 118.2, 124.9, 5.4},
	}, "C2:D2", "A2:A3", "B2:B3"))
	noProblems(t, b)
	checkGrowths(t, b, []stated{
		{region: "houma", indicator: "gdp", year: 2023, period: "jan-sep"},
		{region: "houma", indicator: "gdp", year: 2024, period: "jan-sep", growth: pct(5.4)},
	})
}

// A growth column that names a period no year column is of is not read,
// and the note names the period and says how to head the column: with the
// year and the period of the figures it is beside.
func TestAGrowthColumnOfAPeriodNoColumnIsOfIsNotedWithTheHeaderToGiveIt(t *testing.T) {
	b := parseString(t, "q3.csv", "指标,2025年1-9月,2026年1-9月,2026年1-6月同比增长(%)\n地区生产总值,118.2,124.9,5.4\n",
		Options{Region: "houma", Published: plancast.NewDate(2026, time.October, 20)})
	noProblems(t, b)
	want := `q3.csv: column D ("2026年1-6月同比增长(%)") holds stated growths ("5.4" in row 2) that were not read, ` +
		`as the header names 2026年1—6月, but no year column is of 2026年1—6月 alone: ` +
		`push them in a long table (地区, 指标, 年份, 数值, 增长（%）), or head the column with its year ("2026年1—9月比上年同期增长（%）"); the figures were read without them`
	if got := strings.Join(b.Notes, "\n"); got != want {
		t.Errorf("notes\n%s\nwant\n%s", got, want)
	}
}

// A column headed with a year and a change plancast does not read as a
// growth ("2026年累计增长(%)") is refused as before, since it holds
// numbers; but never with the advice to head it as a column of the year's
// figures, which would store the growths as figures.
func TestAYearHeadedChangeNotReadIsNeverToldToBeHeadedAsFigures(t *testing.T) {
	b := parseString(t, "q3.csv", "指标,单位,2025年1-9月,2026年1-9月,2026年累计增长(%)\n地区生产总值,亿元,118.2,124.9,5.4\n",
		Options{Region: "houma", Published: plancast.NewDate(2026, time.October, 20)})
	want := `q3.csv row 1 column E: the column "2026年累计增长(%)" holds numbers ("5.4" in row 2) but is not read: ` +
		`its header names a year and a change that plancast does not read as a growth; ` +
		`a growth in percent is headed with the year and period of the figures it is of, beside their column ` +
		`("2026年比上年增长（%）", "2026年1—9月比上年同期增长（%）"); a change in percentage points or in the figures' unit is not read: delete the column`
	if got := strings.Join(problemTexts(b.Problems), "\n"); got != want {
		t.Errorf("problems\n%s\nwant\n%s", got, want)
	}
}

// In a long table, whose rows give their period in a period column, a
// growth column headed with a period is refused at its header, not left
// out.
func TestALongTablesGrowthColumnHeadedWithAPeriodIsRefused(t *testing.T) {
	b := parseString(t, "l.csv", "地区,指标,年份,期间,数值,1-9月同比增长(%)\n侯马,地区生产总值,2026,1-9月,124.9,5.4\n",
		Options{Published: plancast.NewDate(2026, time.October, 20)})
	want := `l.csv row 1 column F (growth): "1-9月同比增长(%)" names the period of its growths (1—9月), which a long table's row gives in its period column (期间): ` +
		`head the growth column "同比增长（%）", and give each row's period (1-9月) in a period column`
	if got := strings.Join(problemTexts(b.Problems), "\n"); got != want {
		t.Errorf("problems\n%s\nwant\n%s", got, want)
	}
}

// A year header plancast does not read that names a level, not a change
// ("2024年工业增加值": value added), keeps the advice to head it as the
// year's figures; a long table's growth column headed with the whole year
// ("年度增长（%）") is its growth column.
func TestAYearHeadedLevelIsNotTakenForAChange(t *testing.T) {
	b := parseString(t, "v.csv", "指标,2023年,2024年工业增加值\n地区生产总值,145.1,60.2\n", Options{Region: "houma"})
	if got := strings.Join(problemTexts(b.Problems), "\n"); !strings.Contains(got, `the column "2024年工业增加值" holds figures ("60.2" in row 2) but is not read: its header is neither a year alone`) {
		t.Errorf("a level: problems\n%s", got)
	}

	b = parseString(t, "l.csv", "地区,指标,年份,数值,年度增长（%）\n侯马,地区生产总值,2024,160.2,5.1\n", Options{})
	noProblems(t, b)
	checkGrowths(t, b, []stated{{region: "houma", indicator: "gdp", year: 2024, growth: pct(5.1)}})
}
