package ingest

import (
	"strings"
	"testing"
)

// Statistical tables head the change column "比上年增减（%）" as often as
// "比上年增长（%）" (增减 because some rows fall), and bulletins write "±%".
// Such a column was left out without a word, and the figures stored
// without their stated growth. With its percent sign it is the growth
// column, whatever the words: 增减 and ± as 增长.
func TestAGrowthColumnHeadedWithIncreaseOrDecreaseIsTheStatedGrowth(t *testing.T) {
	for _, header := range []string{"比上年增减(%)", "增减%", "比上年同期增减(%)", "比上年±%", "±（%）", "同比增减（%）", "增减率"} {
		b := parseString(t, "zj.csv", "指标,单位,2024年,"+header+"\n"+
			"地区生产总值,亿元,160.4,5.1\n"+
			"一般公共预算收入,亿元,6.62,-4.3\n", Options{Region: "houma"})
		noProblems(t, b)
		if len(b.Notes) > 0 {
			t.Errorf("%s: notes %q", header, b.Notes)
		}
		checkGrowths(t, b, []stated{
			{region: "houma", indicator: "gdp", year: 2024, growth: pct(5.1)},
			{region: "houma", indicator: "budget_revenue", year: 2024, growth: pct(-4.3)},
		})
	}

	// A long table reads it too.
	b := parseString(t, "zj.csv", "地区,指标,年份,数值,比上年增减（%）\n侯马,地区生产总值,2024,160.4,5.1\n", Options{})
	noProblems(t, b)
	checkGrowths(t, b, []stated{{region: "houma", indicator: "gdp", year: 2024, growth: pct(5.1)}})

	// In percentage points it is refused as "比上年增长（百分点）" is.
	b = parseString(t, "zj.csv", "指标,2024年,比上年增减（百分点）\n城镇登记失业率,3.1,-0.2\n", Options{Region: "houma"})
	if got := strings.Join(problemTexts(b.Problems), "\n"); got !=
		`zj.csv row 1 column C (growth): "比上年增减（百分点）" is a change in percentage points, not a growth: the growth column is in percent` {
		t.Errorf("a change in points: problems\n%s", got)
	}
}

// A column of numbers in a wide table is never left out silently. One
// plancast does not read ("比上年增减" without its percent sign, which may
// be the change in the figures' unit; "增减额"; "数值" beside the years) is
// named in a note, with its first number and how to head it if it is the
// growth; the figures are read. A column numbering the rows (序号) and a
// column of words (备注) are not noted.
func TestAColumnOfNumbersAWideTableDoesNotReadIsNoted(t *testing.T) {
	for _, header := range []string{"比上年增减", "增减额", "数值", "占比"} {
		b := parseString(t, "zj.csv", "序号,指标,单位,2024年,"+header+",备注\n"+
			"1,地区生产总值,亿元,160.4,7.9,初步核算\n"+
			"2,一般公共预算收入,亿元,6.62,—,\n"+
			"3,固定资产投资,亿元,83.0,-1.2,\n", Options{Region: "houma"})
		noProblems(t, b)
		want := `zj.csv: column E ("` + header + `") holds numbers ("7.9" in row 2, and 1 more) that were not read: ` +
			`a wide table reads the figures under its year columns and their stated growth in percent beside them; ` +
			`if these are that growth, head the column with its percent sign ("比上年增长（%）", "比上年增减（%）"); ` +
			`a change in the figures' unit or in percentage points, a share or a target is not read from it; the figures were read without them`
		if got := strings.Join(b.Notes, "\n"); got != want {
			t.Errorf("%s: notes\n%s\nwant\n%s", header, got, want)
		}
		checkGrowths(t, b, []stated{
			{region: "houma", indicator: "gdp", year: 2024},
			{region: "houma", indicator: "budget_revenue", year: 2024},
			{region: "houma", indicator: "fixed_asset_investment", year: 2024},
		})
	}

	// A column of one indicator's values beside the years of the
	// title's indicator is noted too.
	b := parseString(t, "zj.csv", "侯马市地区生产总值\n地区,2024年,一般公共预算收入\n侯马,160.4,6.62\n", Options{})
	noProblems(t, b)
	if got := strings.Join(b.Notes, "\n"); !strings.HasPrefix(got, `zj.csv: column C ("一般公共预算收入") holds numbers ("6.62" in row 3) that were not read`) {
		t.Errorf("an indicator's column: notes\n%s", got)
	}
	checkFigures(t, b, []figure{{region: "houma", indicator: "gdp", year: 2024, value: 160.4}})

	// A column of words only says nothing.
	b = parseString(t, "zj.csv", "指标,2024年,口径\n地区生产总值,160.4,现价\n", Options{Region: "houma"})
	noProblems(t, b)
	if len(b.Notes) > 0 {
		t.Errorf("a column of words: notes %q", b.Notes)
	}
}
