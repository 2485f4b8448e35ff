package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/plancast/plancast"
)

// A figure may carry the growth its source states with it, in percent, and
// the year that growth is measured from (none: year on year). Every format
// reads the two; wide tables (a column per year) carry values only.

// stated is what a test expects of one figure's stated growth.
type stated struct {
	region, indicator string
	year              int
	period            string   // "" is the whole year
	growth            *float64 // nil: none stated
	base              int      // GrowthBaseYear as stored: 0 is year on year
}

func pct(v float64) *float64 { return &v }

func checkGrowths(t *testing.T, b *Batch, want []stated) {
	t.Helper()
	find := figureFinder(t, b, len(want))
	for _, w := range want {
		o, ok := find(w.region, w.indicator, w.period, w.year)
		if !ok {
			continue
		}
		if growthText(o.Growth, o.GrowthBaseYear) != growthText(w.growth, w.base) {
			t.Errorf("%s %s %d: growth %s, want %s", w.region, w.indicator, w.year,
				growthText(o.Growth, o.GrowthBaseYear), growthText(w.growth, w.base))
		}
	}
}

func growthText(g *float64, base int) string {
	if g == nil {
		return fmt.Sprintf("none (base %d)", base)
	}
	return fmt.Sprintf("%g%% since %d", *g, base)
}

// houmaAndGuyang is what the documents below state: Houma's 2020 GDP 5.3% a
// year since 2015, Guyang's January to November GDP +17.1% and electricity
// sales −36.1% year on year, a base year one before the figure's (the same
// as none), and a figure without a growth.
var houmaAndGuyang = []stated{
	{region: "houma", indicator: "gdp", year: 2020, growth: pct(5.3), base: 2015},
	{region: "guyang", indicator: "gdp", year: 2009, period: "jan-nov", growth: pct(17.1)},
	{region: "guyang", indicator: "electricity_sales", year: 2009, period: "jan-nov", growth: pct(-36.1)},
	{region: "houma", indicator: "budget_revenue", year: 2020, growth: pct(-3.2)},
	{region: "houma", indicator: "retail_sales", year: 2020},
}

func TestEachFormatReadsTheStatedGrowthAndItsBaseYear(t *testing.T) {
	for _, c := range []struct {
		name, file, content string
		want                []stated
	}{
		{"JSON: numbers, or strings as values may be", "growth.json", `[
  {"region": "houma", "indicator": "gdp", "year": 2020, "value": 120.8, "growth": 5.3, "growth_base_year": 2015},
  {"region": "guyang", "indicator": "gdp", "year": 2009, "period": "jan-nov", "value": 56, "growth": "17.1%"},
  {"region": "guyang", "indicator": "electricity_sales", "year": 2009, "period": "jan-nov", "value": 5.09, "growth": "−36.1"},
  {"region": "houma", "indicator": "budget_revenue", "year": 2020, "value": 5.29, "growth": -3.2, "growth_base_year": "2019年"},
  {"region": "houma", "indicator": "retail_sales", "year": 2020, "value": 40, "growth": null}
]`, houmaAndGuyang},
		{"CSV, English headers", "growth.csv",
			"region,indicator,year,period,value,growth (%),growth_base_year\n" +
				"houma,gdp,2020,,120.8,5.3,2015\n" +
				"guyang,gdp,2009,jan-nov,56,17.1%,\n" +
				"guyang,electricity_sales,2009,jan-nov,5.09,−36.1,\n" + // a Unicode minus
				"houma,budget_revenue,2020,,5.29,-3.2,2019\n" +
				"houma,retail_sales,2020,,40,,\n", houmaAndGuyang},
		{"CSV, growth_pct and a dash for none", "growth.csv",
			"region,indicator,year,period,value,growth_pct,growth base year\n" +
				"houma,gdp,2020,,120.8,+5.3,2015\n" +
				"guyang,gdp,2009,jan-nov,56,17.1,\n" +
				"guyang,electricity_sales,2009,jan-nov,5.09,-36.1,\n" +
				"houma,budget_revenue,2020,,5.29,-3.2%,\n" +
				"houma,retail_sales,2020,,40,—,\n", houmaAndGuyang},
		{"CSV, Chinese headers: 增长（%） and 基期", "增长.csv",
			"地区,指标,年份,时期,数值,增长（%）,基期\n" +
				"侯马市,地区生产总值,2020年,,120.8,5.3,2015年\n" +
				"固阳县,地区生产总值,2009,1-11月,56,17.1,\n" +
				"固阳县,售电量,2009,1-11月,5.09,－36.1,\n" + // full-width minus
				"侯马市,一般公共预算收入,2020,,5.29,-3.2,\n" +
				"侯马市,社会消费品零售总额,2020,,40,,\n", houmaAndGuyang},
		{"CSV, Chinese headers: 比上年增长% and 增长基期", "增长.csv",
			"地区,指标,年份,时期,数值,比上年增长%,增长基期\n" +
				"侯马,gdp,2020,,120.8,5.3,2015\n" +
				"固阳,gdp,2009,jan-nov,56,17.1,\n" +
				"固阳,electricity_sales,2009,jan-nov,5.09,-36.1,\n" +
				"侯马,budget_revenue,2020,,5.29,-3.2,\n" +
				"侯马,retail_sales,2020,,40,,\n", houmaAndGuyang},
		{"CSV, 增速 and 基年", "增速.csv",
			"地区,指标,年份,数值,增速,基年\n" +
				"侯马,gdp,2020,120.8,5.3,2015\n", houmaAndGuyang[:1]},
		{"CSV, 同比增长 beside a table's one indicator column", "gdp.csv",
			"地区,年份,时期,地区生产总值（亿元）,同比增长\n" +
				"固阳,2009,1-11月,56,17.1\n" +
				"侯马,2020,,120.8,\n",
			[]stated{houmaAndGuyang[1], {region: "houma", indicator: "gdp", year: 2020}}},
		// The series download (GET .../series?format=csv) reads back as it was written.
		{"CSV, the series download's English headers", "houma_gdp.csv",
			"region,indicator,year,period,value,unit,status,growth,growth_base_year,published,source_document,source_quote\n" +
				"houma,gdp,2020,year,120.8,100m_yuan,final,5.3,2015,2021-04-20,report,quote\n" +
				"guyang,gdp,2009,jan-nov,56,100m_yuan,estimate,17.1,,2010-01-01,report,quote\n",
			houmaAndGuyang[:2]},
		{"CSV, the series download's Chinese headers", "houma_gdp.csv",
			"地区代码,指标代码,年份,期间,数值,单位,数据状态,增速(%),增速基期,发布日期,来源文件,来源原文\n" +
				"houma,gdp,2020,全年,120.8,亿元,终值,5.3,2015,2021-04-20,工作报告,原文\n" +
				"guyang,gdp,2009,1—11月,56,亿元,预计,17.1,,2010-01-01,工作总结,原文\n",
			houmaAndGuyang[:2]},
		{"CSV, base_year without a growth column is not read", "base.csv",
			"region,indicator,year,value,base_year\n" +
				"houma,gdp,2020,120.8,2015\n",
			[]stated{{region: "houma", indicator: "gdp", year: 2020}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := parseString(t, c.file, c.content, Options{})
			noProblems(t, b)
			checkGrowths(t, b, c.want)
		})
	}
}

// growthWorkbook is a long sheet with a growth column: numbers, a cell
// formatted as a percentage (0.171 shown as 17.10%), text with a Unicode
// minus, and an empty cell; the header in Chinese.
func growthWorkbook(t *testing.T, rows [][]any, percentCell string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		if err := f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", i+1), &r); err != nil {
			t.Fatal(err)
		}
	}
	if percentCell != "" {
		style, err := f.NewStyle(&excelize.Style{NumFmt: 10}) // 0.00%
		if err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellStyle("Sheet1", percentCell, percentCell, style); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestXLSXReadsTheStatedGrowthAsTheAuthorSeesIt(t *testing.T) {
	data := growthWorkbook(t, [][]any{
		{"地区", "指标", "年份", "时期", "数值", "增长率(%)", "基期"},
		{"侯马市", "地区生产总值", 2020, nil, 120.8, 5.3, 2015},
		{"固阳县", "地区生产总值", 2009, "1-11月", 56, 0.171, nil}, // shown as 17.10%
		{"固阳县", "售电量", 2009, "1-11月", 5.09, "−36.1", nil},
		{"侯马市", "一般公共预算收入", 2020, nil, 5.29, -3.2, 2019},
		{"侯马市", "社会消费品零售总额", 2020, nil, 40, nil, nil},
	}, "F3")
	b, err := Parse("growth.xlsx", "", bytes.NewReader(data), seedCatalog(t), Options{Published: pushDate})
	if err != nil {
		t.Fatal(err)
	}
	noProblems(t, b)
	checkGrowths(t, b, houmaAndGuyang)
}

// A wide table of several years reads a growth column only where it can
// say whose growth it is: "2020年" merged above "绝对值" and "增长(%)" is one
// column of 2020 values and one of their growth. A growth column beside
// several years whose header names none is not read, and a note says so
// (wide_growth_test.go has the rest).
func TestAWideTableOfSeveralYearsReadsOnlyAGrowthItCanPlace(t *testing.T) {
	for _, c := range []struct {
		name, table string
		growth      *float64
		note        string
	}{
		{"a growth column beside the years", "侯马市主要指标\n" +
			"指标,2019年,2020年,比上年增长（%）\n" +
			"地区生产总值,116.0,120.8,3.6\n", nil,
			`wide.csv: column D ("比上年增长（%）") holds stated growths ("3.6" in row 3) that were not read, ` +
				`as the table has 2 year columns (2019年, 2020年) and the header does not say which year's figures they are of: ` +
				`push them in a long table (地区, 指标, 年份, 数值, 增长（%）), or head the column with its year ("2020年比上年增长（%）"); the figures were read without them`},
		{"the year over its value and its growth", "侯马市主要指标\n" +
			"指标,2019年,2020年,2020年\n" +
			",绝对值,绝对值,增长(%)\n" +
			"地区生产总值,116.0,120.8,3.6\n", pct(3.6), ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := parseString(t, "wide.csv", c.table, Options{})
			noProblems(t, b)
			checkFigures(t, b, []figure{
				{region: "houma", indicator: "gdp", year: 2019, value: 116},
				{region: "houma", indicator: "gdp", year: 2020, value: 120.8},
			})
			checkGrowths(t, b, []stated{
				{region: "houma", indicator: "gdp", year: 2019},
				{region: "houma", indicator: "gdp", year: 2020, growth: c.growth},
			})
			if got := strings.Join(b.Notes, "\n"); got != c.note {
				t.Errorf("notes\n%s\nwant\n%s", got, c.note)
			}
		})
	}
}

// What a push states comes back: from the store, and through the JSON the
// API answers with, which is itself a document the JSON reader takes.
func TestTheStatedGrowthRoundTripsThroughTheStoreAndJSON(t *testing.T) {
	const csv = "region,indicator,year,period,value,status,growth,growth_base_year\n" +
		"houma,gdp,2020,,120.8,,5.3,2015\n" +
		"guyang,gdp,2009,jan-nov,56,estimate,17.1%,\n" +
		"guyang,electricity_sales,2009,jan-nov,5.09,estimate,−36.1,\n" +
		"houma,budget_revenue,2020,,5.29,,-3.2,2019\n" +
		"houma,retail_sales,2020,,40,,,\n"
	st := openStore(t)
	ctx := context.Background()
	if rep := apply(t, st, parseString(t, "growth.csv", csv, Options{}), false); counts(rep) != [4]int{5, 0, 0, 0} {
		t.Fatalf("first push: %+v", rep)
	}
	var stored []plancast.Observation
	for _, w := range houmaAndGuyang {
		period := w.period
		if period == "" {
			period = plancast.PeriodYear
		}
		s, err := st.Series(ctx, plancast.SeriesQuery{Region: w.region, Indicator: w.indicator, Period: period})
		if err != nil {
			t.Fatal(err)
		}
		stored = append(stored, s.Observations...)
	}
	checkGrowths(t, &Batch{Observations: stored}, houmaAndGuyang)

	doc, err := json.Marshal(stored)
	if err != nil {
		t.Fatal(err)
	}
	again := parseString(t, "series.json", string(doc), Options{})
	noProblems(t, again)
	checkGrowths(t, again, houmaAndGuyang)
	if rep := apply(t, st, again, false); counts(rep) != [4]int{0, 0, 5, 0} {
		t.Errorf("re-push of what the store answered: %+v, want all unchanged", rep)
	}

	// A changed growth is a new vintage, as a changed value is.
	revised := strings.Replace(csv, "120.8,,5.3,2015", "120.8,,5.4,2015", 1)
	if rep := apply(t, st, parseString(t, "growth.csv", revised, Options{}), false); counts(rep) != [4]int{0, 1, 4, 0} {
		t.Errorf("push with Houma's growth revised: %+v, want 1 revised and 4 unchanged", rep)
	}
}

// Every problem with a stated growth names the row (or JSON line), the
// column and the field, and says what to do.
func TestGrowthProblemsNameTheirRowAndField(t *testing.T) {
	const header = "region,indicator,year,status,value,growth,growth_base_year\n"
	for _, c := range []struct {
		name, file, content string
		want                []string
	}{
		{"not a number", "g.csv", header + "houma,gdp,2020,,120.8,5.3,2015\nhouma,gdp,2019,,116,abc,\n",
			[]string{`g.csv row 3 column F (growth): "abc" is not a number`}},
		{"not finite", "g.csv", header + "houma,gdp,2020,,120.8,NaN,\n",
			[]string{`g.csv row 2 column F (growth): "NaN" is not a finite number (NaN or infinity)`}},
		{"a fall of everything", "g.csv", header + "houma,gdp,2020,,120.8,-100%,\n",
			[]string{`g.csv row 2 column F (growth): growth -100% is not above -100%: nothing falls by all of itself or more`}},
		{"a withdrawal with a growth", "g.csv", header + "houma,gdp,2020,withdrawn,,5.3,\n",
			[]string{`g.csv row 2 column F (growth): a withdrawal carries no figure: leave its growth empty (it is 5.3%)`}},
		{"a base year without a growth", "g.csv", header + "houma,gdp,2020,,120.8,,2015\n",
			[]string{`g.csv row 2 column G (growth_base_year): growth_base_year 2015 is given without a growth: ` +
				`give the growth (in percent) measured from it, or leave the base year empty`}},
		{"a base year without a growth column", "g.csv", "region,indicator,year,value,growth_base_year\nhouma,gdp,2020,120.8,2015\n",
			[]string{`g.csv row 2 column E (growth_base_year): growth_base_year 2015 is given without a growth: ` +
				`give the growth (in percent) measured from it, or leave the base year empty`}},
		{"a base year not before the figure", "g.csv", header + "houma,gdp,2020,,120.8,5.3,2020\n",
			[]string{`g.csv row 2 column G (growth_base_year): growth_base_year 2020 must be one of the 30 years before the figure's year 2020 (empty for year on year)`}},
		{"a base year too far back", "g.csv", header + "houma,gdp,2020,,120.8,5.3,1949\n",
			[]string{`g.csv row 2 column G (growth_base_year): growth_base_year 1949 must be one of the 30 years before the figure's year 2020 (empty for year on year)`}},
		{"a base year that is not a year", "g.csv", header + "houma,gdp,2020,,120.8,5.3,十三五\n",
			[]string{`g.csv row 2 column G (growth_base_year): "十三五" is not a year`}},
		{"two rows of one figure stating different growths", "g.csv", header + "houma,gdp,2020,,120.8,5.3,2015\nhouma,gdp,2020,,120.8,5.4,2015\n",
			[]string{`g.csv row 3 column F (growth): houma gdp 2020: 120.8, growth 5.4% a year since 2015 here but 120.8, growth 5.3% a year since 2015 in row 2`}},
		{"an increase in 亿元 is not a growth", "g.csv", "地区,指标,年份,数值,增长（亿元）\n侯马,gdp,2020,120.8,4.8\n",
			[]string{`g.csv row 1 column E (growth): "增长（亿元）" is a change in 100m_yuan (亿元), not a growth: the growth column is in percent`}},
		{"a change in percentage points is not a growth", "g.csv", "地区,指标,年份,数值,增长（百分点）\n侯马,unemployment_rate,2020,2.9,-0.1\n",
			[]string{`g.csv row 1 column E (growth): "增长（百分点）" is a change in percentage points, not a growth: the growth column is in percent`}},
		{"a growth beside several indicator columns", "g.csv", "地区,年份,地区生产总值,一般公共预算收入,增速\n侯马,2020,120.8,5.29,5.3\n",
			[]string{`g.csv row 1 column E (growth): a table with a column per indicator cannot say whose growth "增速" is: ` +
				`put one figure per row (region, indicator, year, value, growth), or one indicator per table`}},
		{"JSON: growth not a number", "g.json", "[\n  {\"region\": \"houma\", \"indicator\": \"gdp\", \"year\": 2020, \"value\": 120.8, \"growth\": true}\n]",
			[]string{`g.json line 2 (growth): "true" is not a number`}},
		{"JSON: a withdrawal with a growth", "g.json", "[\n  {\"region\": \"houma\", \"indicator\": \"gdp\", \"year\": 2020, \"status\": \"withdrawn\", \"growth\": 5.3}\n]",
			[]string{`g.json line 2 (growth): a withdrawal carries no figure: leave its growth empty (it is 5.3%)`}},
		{"JSON: a base year without a growth", "g.json", "[\n  {\"region\": \"houma\", \"indicator\": \"gdp\", \"year\": 2020, \"value\": 120.8,\n   \"growth_base_year\": 2015}\n]",
			[]string{`g.json line 2 (growth_base_year): growth_base_year 2015 is given without a growth: ` +
				`give the growth (in percent) measured from it, or leave the base year empty`}},
		{"JSON: a base year that is not a year", "g.json", "[\n  {\"region\": \"houma\", \"indicator\": \"gdp\", \"year\": 2020, \"value\": 120.8, \"growth\": 5.3, \"growth_base_year\": 2015.5}\n]",
			[]string{`g.json line 2 (growth_base_year): "2015.5" is not a year`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := parseString(t, c.file, c.content, Options{})
			if got := problemTexts(b.Problems); !slices.Equal(got, c.want) {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

func TestAPercentCellOfAFallOfEverythingIsAProblemOfItsCell(t *testing.T) {
	data := growthWorkbook(t, [][]any{
		{"region", "indicator", "year", "value", "growth"},
		{"houma", "gdp", 2020, 120.8, -1.5}, // shown as -150.00%
	}, "E2")
	b, err := Parse("g.xlsx", "", bytes.NewReader(data), seedCatalog(t), Options{Published: pushDate})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{`g.xlsx sheet Sheet1 row 2 column E (growth): growth -150% is not above -100%: nothing falls by all of itself or more`}
	if got := problemTexts(b.Problems); !slices.Equal(got, want) {
		t.Errorf("problems %q, want %q", got, want)
	}
}

// One bad growth anywhere and nothing of the batch is written.
func TestOneBadGrowthWritesNothing(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	before, _ := st.DataVersion(ctx)
	b := parseString(t, "g.csv", "region,indicator,year,value,growth\n"+
		"houma,gdp,2019,116,6.1\n"+
		"houma,gdp,2020,120.8,4.1\n"+
		"houma,budget_revenue,2020,5.29,5.6.\n", Options{})
	rep, err := Apply(ctx, st, b, ApplyOptions{})
	if plancast.ErrorCode(err) != plancast.EINVALID {
		t.Fatalf("Apply error = %v, want EINVALID", err)
	}
	want := []string{`g.csv row 4 column E (growth): "5.6." is not a number`}
	if got := problemTexts(rep.Problems); !slices.Equal(got, want) || counts(rep) != [4]int{0, 0, 0, 1} {
		t.Errorf("report %+v, problems %q; want %q and nothing written", counts(rep), got, want)
	}
	if after, _ := st.DataVersion(ctx); after != before {
		t.Errorf("the store changed (data version %v → %v)", before, after)
	}
}
