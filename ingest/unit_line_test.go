package ingest

import (
	"fmt"
	"strings"
	"testing"
)

// A unit line above a table ("单位：万元") is read for the rows that give no
// unit of their own only where it is the kind of money their indicator is
// kept in: an aggregate's (亿元, 万元) for an aggregate, 元 for a figure per
// person. A row of the other kind is refused at its name, saying where the
// line is and how to give the row its own unit; the rows it converted are
// named in a note. Before, 38,900 元 of per-capita disposable income under
// "单位：万元" was stored as 389,000,000 yuan per person, and the push said
// "4 new" and nothing else.

const mixedUnitLine = "临汾市主要指标\n,,单位：万元\n指标,2023年,2024年\n一般公共预算收入,1398000,1450000\n城镇居民人均可支配收入,38900,41235\n"

func TestAUnitLineOfAggregatesIsNotReadForAPerPersonRow(t *testing.T) {
	b := parseString(t, "ul2.csv", mixedUnitLine, Options{Region: "houma"})
	want := `ul2.csv row 5 column A (indicator): "城镇居民人均可支配收入" (urban_disposable_income) is measured per person, in yuan (元), ` +
		`but the unit line "单位：万元" above the table (row 2 column C) gives 10k_yuan (万元), a unit of aggregates: ` +
		`it is not read for this row, whose figures could be in either unit. ` +
		`Give the row its own unit: in a unit column (单位), or after its name, as in "城镇居民人均可支配收入（元）"`
	if got := problemTexts(b.Problems); len(got) != 1 || got[0] != want {
		t.Errorf("problems\n %q\nwant\n %q", got, want)
	}
	for _, o := range b.Observations {
		if o.Indicator == "urban_disposable_income" {
			t.Errorf("the per-person row was read: %+v", o)
		}
	}
}

func TestAPerPersonRowWithItsOwnUnitTakesItUnderAUnitLineOfAggregates(t *testing.T) {
	for name, table := range map[string]string{
		"in the name":   strings.Replace(mixedUnitLine, "城镇居民人均可支配收入,", "城镇居民人均可支配收入（元）,", 1),
		"in its column": "临汾市主要指标\n,,,单位：万元\n指标,单位,2023年,2024年\n一般公共预算收入,,1398000,1450000\n城镇居民人均可支配收入,元,38900,41235\n",
	} {
		b := parseString(t, "ul2.csv", table, Options{Region: "houma"})
		if len(b.Problems) != 0 {
			t.Errorf("%s: %q", name, problemTexts(b.Problems))
			continue
		}
		got := map[string]float64{}
		for _, o := range b.Observations {
			got[fmt.Sprintf("%s %d", o.Indicator, o.Year)] = o.Value
		}
		if got["budget_revenue 2024"] != 145 || got["urban_disposable_income 2024"] != 41235 {
			t.Errorf("%s: read %v; want budget revenue 145 (亿元) and income 41235 (元) for 2024", name, got)
		}
	}
}

func TestAUnitLineOfAggregatesIsNotReadForAPerPersonRowOfALongTable(t *testing.T) {
	b := parseString(t, "long.csv", "单位：万元\n地区,指标,年份,数值\n侯马市,一般公共预算收入,2024,1450000\n侯马市,城镇居民人均可支配收入,2024,41235\n", Options{})
	got := problemTexts(b.Problems)
	if len(got) != 1 || !strings.HasPrefix(got[0], `long.csv row 4 column B (indicator): "城镇居民人均可支配收入" (urban_disposable_income) is measured per person`) {
		t.Errorf("problems %q; want the income row refused at its name", got)
	}
}

func TestAUnitLineOfYuanIsNotReadForAnAggregate(t *testing.T) {
	b := parseString(t, "yuan.csv", "单位：元\n指标,2024年\n地区生产总值,2318.6\n城镇居民人均可支配收入,41235\n", Options{Region: "houma"})
	got := problemTexts(b.Problems)
	if len(got) != 1 || !strings.HasPrefix(got[0], `yuan.csv row 3 column A (indicator): "地区生产总值" (gdp) is an aggregate, measured in 100m_yuan (亿元), but the unit line "单位：元" above the table (row 1 column A) gives yuan (元), the unit of per-person figures`) {
		t.Errorf("problems %q; want the GDP row refused at its name", got)
	}
}

func TestThePushNamesTheRowsAUnitLineConverted(t *testing.T) {
	b := parseString(t, "wan.csv", "单位：万元\n指标,2024年\n一般公共预算收入,1450000\n", Options{Region: "houma"})
	want := `wan.csv: the figures of rows that give no unit of their own were read in 10k_yuan (万元), from the unit line "单位：万元" above the table (row 1 column A), and converted: budget_revenue (to 100m_yuan (亿元))`
	found := false
	for _, n := range b.Notes {
		found = found || n == want
	}
	if len(b.Problems) != 0 || !found {
		t.Errorf("problems %q, notes %q; want the note\n %q", problemTexts(b.Problems), b.Notes, want)
	}
}
