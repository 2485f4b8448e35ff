package ingest

import (
	"testing"
)

// A table without an indicator column takes its indicator from its title
// only when the title names one indicator, and names its figures: a title
// naming two is refused at its cell, as is one naming an indicator's growth
// or share; the push says in a note which indicator it read from the
// title. Before, "临汾市地区生产总值及一般公共预算收入" filed GDP's figures
// as budget revenue, and "…地区生产总值增速" filed growth rates of 4.9 and
// 4.5 as GDP of 4.9 and 4.5 亿元, without a word.

func TestATitleNamingTwoIndicatorsIsRefusedAtItsCell(t *testing.T) {
	b := parseString(t, "title2b.csv", "临汾市地区生产总值及一般公共预算收入\n地区,2023年,2024年\n侯马市,138.2,145.6\n临汾市,2230.1,2318.6\n", Options{})
	want := `title2b.csv row 1 column A: the title "临汾市地区生产总值及一般公共预算收入" names 2 indicators, 地区生产总值 (gdp) and 一般公共预算收入 (budget_revenue), ` +
		`and the table has no indicator column (指标): which one its figures are of cannot be known. ` +
		`Add an indicator column, or give each indicator a table of its own with only its name in the title`
	if got := problemTexts(b.Problems); len(got) != 1 || got[0] != want || len(b.Observations) != 0 {
		t.Errorf("problems\n %q\nwant\n %q\n(%d figures read)", got, want, len(b.Observations))
	}
}

func TestATitleNamingAnIndicatorsGrowthIsRefusedAtItsCell(t *testing.T) {
	want := map[string]string{
		"各县（市、区）地区生产总值增速": `title3c.csv row 1 column A: the title "各县（市、区）地区生产总值增速" is of the growth (增速) of 地区生产总值 (gdp), not of its figures: ` +
			`a table of its growth is not read as gdp's level. ` +
			`Push the levels, with the growth beside them in a growth column (比上年增长（%）), or title the table with the name of the indicator whose figures it holds`,
		"一般公共预算收入占地区生产总值比重": `title3c.csv row 1 column A: the title "一般公共预算收入占地区生产总值比重" is of the share (占) of 一般公共预算收入 (budget_revenue), not of its figures: ` +
			`a table of its share is not read as budget_revenue's level. ` +
			`Push the levels, with the growth beside them in a growth column (比上年增长（%）), or title the table with the name of the indicator whose figures it holds`,
	}
	for title, w := range want {
		b := parseString(t, "title3c.csv", title+"\n地区,2023年,2024年\n临汾市,4.9,4.5\n", Options{})
		if got := problemTexts(b.Problems); len(got) != 1 || got[0] != w || len(b.Observations) != 0 {
			t.Errorf("%s: problems\n %q\nwant\n %q\n(%d figures read)", title, got, w, len(b.Observations))
		}
	}
}

func TestThePushSaysWhichIndicatorItReadFromTheTitle(t *testing.T) {
	b := parseString(t, "gdp.csv", "临汾市地区生产总值\n地区,2023年,2024年\n临汾市,2230.1,2318.6\n", Options{})
	want := `gdp.csv: the rows name no indicator, and their figures were read as 地区生产总值 (gdp), named in the title "临汾市地区生产总值" (row 1 column A)`
	found := false
	for _, n := range b.Notes {
		found = found || n == want
	}
	if len(b.Problems) != 0 || len(b.Observations) != 2 || !found {
		t.Errorf("problems %q, %d figures, notes %q; want 2 figures and the note\n %q", problemTexts(b.Problems), len(b.Observations), b.Notes, want)
	}
}
