package ingest

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A unit in the indicator column's header ("指标（万元）", "指标(万元)",
// "项目（亿元）") is said once for every row, as a unit line above the
// table is, and is read by the same rule (unit_line_test.go): for the rows
// of an aggregate, converted and named in a note; a per-person row in 元
// (or an aggregate under a per-person unit, "指标（元/人）") is refused at
// its name, saying which header gave the unit and how to give the row its
// own. Before, 38,900 元 of per-capita disposable income under "指标（万元）"
// was stored as 389,000,000 yuan per person, and under "项目（亿元）" as
// 3,890,000,000,000, without a word.

// headerUnitRefusal is the problem of the income row (row 3, its name in
// column col) under the indicator header header (row 1, column col) giving
// unit.
func headerUnitRefusal(file, col, header, unit string) string {
	return fmt.Sprintf(`%s row 3 column %s (indicator): "城镇居民人均可支配收入" (urban_disposable_income) is measured per person, in yuan (元), `+
		`but the indicator column's header "%s" (row 1 column %s) gives %s, a unit of aggregates: `+
		`it is not read for this row, whose figures could be in either unit. `+
		`Give the row its own unit: in a unit column (单位), or after its name, as in "城镇居民人均可支配收入（元）"`, file, col, header, col, unit)
}

// readFigures are a batch's observations, by "indicator year".
func readFigures(b *Batch) map[string]float64 {
	got := map[string]float64{}
	for _, o := range b.Observations {
		got[fmt.Sprintf("%s %d", o.Indicator, o.Year)] = o.Value
	}
	return got
}

func TestAnIndicatorHeadersUnitOfAggregatesIsNotReadForAPerPersonRow(t *testing.T) {
	for _, tc := range []struct {
		header, unit string
		// revenue is 1,450,000 万元 or 145 亿元 as the header's unit
		// writes it; stored in 亿元, 145 either way.
		revenue string
	}{
		{"指标（万元）", "10k_yuan (万元)", "1450000"},
		{"指标(万元)", "10k_yuan (万元)", "1450000"},
		{"项目（亿元）", "100m_yuan (亿元)", "145"},
	} {
		wide := tc.header + ",2024年\n一般公共预算收入," + tc.revenue + "\n城镇居民人均可支配收入,41235\n"
		long := "地区," + tc.header + ",年份,数值\n侯马市,一般公共预算收入,2024," + tc.revenue + "\n侯马市,城镇居民人均可支配收入,2024,41235\n"
		for layout, table := range map[string]struct{ text, col string }{"wide": {wide, "A"}, "long": {long, "B"}} {
			b := parseString(t, "h.csv", table.text, Options{Region: "houma"})
			want := headerUnitRefusal("h.csv", table.col, tc.header, tc.unit)
			if got := problemTexts(b.Problems); len(got) != 1 || got[0] != want {
				t.Errorf("%s %s: problems\n %q\nwant\n %q", tc.header, layout, got, want)
			}
			got := readFigures(b)
			if _, read := got["urban_disposable_income 2024"]; read || got["budget_revenue 2024"] != 145 {
				t.Errorf("%s %s: read %v; want budget revenue 145 (亿元) and no income", tc.header, layout, got)
			}
		}
	}
}

func TestAnIndicatorHeadersUnitOfAggregatesIsNotReadForAPerPersonRowOfAWorkbook(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	setRows(t, f, "Sheet1", [][]any{
		{"指标（万元）", "2023年", "2024年"},
		{"一般公共预算收入", 1398000, 1450000},
		{"城镇居民人均可支配收入", 38900, 41235},
	})
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	b, err := Parse("h.xlsx", "", bytes.NewReader(buf.Bytes()), seedCatalog(t), Options{Region: "houma", Published: pushDate})
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(headerUnitRefusal("h.xlsx", "A", "指标（万元）", "10k_yuan (万元)"), "h.xlsx row 3", "h.xlsx sheet Sheet1 row 3", 1)
	if got := problemTexts(b.Problems); len(got) != 1 || got[0] != want {
		t.Errorf("problems\n %q\nwant\n %q", got, want)
	}
	got := readFigures(b)
	if _, read := got["urban_disposable_income 2024"]; read || got["budget_revenue 2023"] != 139.8 || got["budget_revenue 2024"] != 145 {
		t.Errorf("read %v; want budget revenue 139.8 and 145 (亿元) and no income", got)
	}
}

func TestAPerPersonRowWithItsOwnUnitTakesItUnderAnIndicatorHeadersUnit(t *testing.T) {
	for name, table := range map[string]string{
		"in the name":   "指标（万元）,2024年\n一般公共预算收入,1450000\n城镇居民人均可支配收入（元）,41235\n",
		"in its column": "指标（万元）,单位,2024年\n一般公共预算收入,,1450000\n城镇居民人均可支配收入,元,41235\n",
		"long":          "地区,指标（万元）,单位,年份,数值\n侯马市,一般公共预算收入,,2024,1450000\n侯马市,城镇居民人均可支配收入,元,2024,41235\n",
	} {
		b := parseString(t, "h.csv", table, Options{Region: "houma"})
		if len(b.Problems) != 0 {
			t.Errorf("%s: %q", name, problemTexts(b.Problems))
			continue
		}
		if got := readFigures(b); got["budget_revenue 2024"] != 145 || got["urban_disposable_income 2024"] != 41235 {
			t.Errorf("%s: read %v; want budget revenue 145 (亿元) and income 41235 (元)", name, got)
		}
	}
}

func TestAnIndicatorHeadersPerPersonUnitIsNotReadForAnAggregate(t *testing.T) {
	b := parseString(t, "yuan.csv", "指标（元/人）,2024年\n地区生产总值,2318.6\n城镇居民人均可支配收入,41235\n", Options{Region: "houma"})
	got := problemTexts(b.Problems)
	if len(got) != 1 || !strings.HasPrefix(got[0], `yuan.csv row 2 column A (indicator): "地区生产总值" (gdp) is an aggregate, measured in 100m_yuan (亿元), `+
		`but the indicator column's header "指标（元/人）" (row 1 column A) gives yuan (元), the unit of per-person figures`) {
		t.Errorf("problems %q; want the GDP row refused at its name", got)
	}
	if figures := readFigures(b); figures["urban_disposable_income 2024"] != 41235 || len(figures) != 1 {
		t.Errorf("read %v; want only the income, 41235 元", figures)
	}
}

// The indicator header is the nearer of the two: under a unit line of 元
// and "指标（万元）", the header's unit is the rows' and the line is not
// read (as before); the header's refuses the income row.
func TestAnIndicatorHeadersUnitIsReadBeforeAUnitLine(t *testing.T) {
	b := parseString(t, "both.csv", "单位：元\n指标（万元）,2024年\n一般公共预算收入,1450000\n城镇居民人均可支配收入,41235\n", Options{Region: "houma"})
	got := problemTexts(b.Problems)
	if len(got) != 1 || !strings.Contains(got[0], `but the indicator column's header "指标（万元）" (row 2 column A) gives 10k_yuan (万元)`) {
		t.Errorf("problems %q; want the income row refused for the header's unit", got)
	}
	if figures := readFigures(b); figures["budget_revenue 2024"] != 145 {
		t.Errorf("read %v; want budget revenue 145 (亿元)", figures)
	}
}

func TestThePushNamesTheRowsAnIndicatorHeadersUnitConverted(t *testing.T) {
	b := parseString(t, "wan.csv", "指标（万元）,2024年\n一般公共预算收入,1450000\n", Options{Region: "houma"})
	want := `wan.csv: the figures of rows that give no unit of their own were read in 10k_yuan (万元), from the indicator column's header "指标（万元）" (row 1 column A), and converted: budget_revenue (to 100m_yuan (亿元))`
	if len(b.Problems) != 0 || !slices.Contains(b.Notes, want) {
		t.Errorf("problems %q, notes %q; want the note\n %q", problemTexts(b.Problems), b.Notes, want)
	}
}
