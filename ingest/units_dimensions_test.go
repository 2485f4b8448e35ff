package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/ingest/report"
)

// A table's figure in any unit of its indicator's dimension is converted to
// the indicator's unit by the sizes of plancast.Units, exactly (value ×
// size(from) / size(to), to 12 significant digits): counts of persons in
// 人, 千人 or 万人; electricity in 千瓦时, 万千瓦时 or 亿千瓦时; volumes in
// 立方米, 万立方米 or 亿立方米; masses in 吨, 万吨 or 百万吨; money as before.
// Statistical yearbooks write jobs in 万人 and electricity in 万千瓦时; a
// table used to refuse them ("unit 10k_persons does not convert to
// persons", "unit "万千瓦时" is not a known unit") while the report reader
// converted the same words.
func TestATableConvertsEveryUnitOfItsIndicatorsDimension(t *testing.T) {
	for _, c := range []struct {
		indicator string // its unit in the seed catalog after the colon
		value     string
		unit      string
		want      float64
	}{
		// new_urban_jobs: persons
		{"城镇新增就业", "0.62", "万人", 6200},
		{"城镇新增就业", "6.2", "千人", 6200},
		{"城镇新增就业", "6500", "人", 6500},
		{"城镇新增就业", "1.25", "ten thousand persons", 12500},
		{"城镇新增就业", "0.62", "10k_persons", 6200},
		// electricity_sales: 100m_kwh
		{"售电量", "125", "万千瓦时", 0.0125},
		{"售电量", "125", "万度", 0.0125},
		{"售电量", "12500000", "千瓦时", 0.125},
		{"售电量", "3.7", "亿千瓦时", 3.7},
		{"售电量", "1.2", "billion kWh", 12},
		{"售电量", "250", "million kWh", 2.5},
		// natural_gas_output: 100m_m3
		{"天然气产量", "125", "万立方米", 0.0125},
		{"天然气产量", "125", "万方", 0.0125},
		{"天然气产量", "2500000", "立方米", 0.025},
		{"天然气产量", "12.5", "亿立方米", 12.5},
		// crude_oil_output: 10k_tons
		{"原油产量", "1.05", "百万吨", 105},
		{"原油产量", "10500", "吨", 1.05},
		{"原油产量", "2.5", "万吨", 2.5},
		// money, as before: gdp in 100m_yuan
		{"地区生产总值", "41000", "万元", 4.1},
		{"地区生产总值", "1.3", "billion yuan", 13},
	} {
		b := parseString(t, "u.csv", "地区,指标,年份,数值,单位\n侯马市,"+c.indicator+",2022,"+c.value+","+c.unit+"\n", Options{})
		if len(b.Problems) > 0 || len(b.Observations) != 1 {
			t.Errorf("%s %s %s: problems %q, figures %v; want one figure of %v", c.indicator, c.value, c.unit, problemTexts(b.Problems), b.Observations, c.want)
			continue
		}
		if got := b.Observations[0].Value; got != c.want {
			t.Errorf("%s %s %s read as %v; want exactly %v", c.indicator, c.value, c.unit, got, c.want)
		}
	}
}

// The unit may be in the header ("数值（万人）"), in a JSON item's unit, or
// in a workbook's unit column: each converts as a CSV unit column does.
func TestAUnitOfAnotherSizeConvertsInEveryFormat(t *testing.T) {
	for _, c := range []struct {
		name, content string
		want          float64
	}{
		{"h.csv", "地区,指标,年份,数值（万人）\n侯马市,城镇新增就业,2021,0.62\n", 6200},
		{"h2.csv", "region,indicator,year,value (万千瓦时)\nhouma,electricity_sales,2021,125\n", 0.0125},
		{"u.json", `[{"region":"houma","indicator":"new_urban_jobs","year":2021,"value":0.62,"unit":"万人"}]`, 6200},
		{"v.json", `[{"region":"houma","indicator":"natural_gas_output","year":2021,"value":125,"unit":"万立方米"}]`, 0.0125},
		{"w.json", `[{"region":"zizhou","indicator":"crude_oil_output","year":2021,"value":1.05,"unit":"百万吨"}]`, 105},
	} {
		b := parseString(t, c.name, c.content, Options{})
		if len(b.Problems) > 0 || len(b.Observations) != 1 || b.Observations[0].Value != c.want {
			t.Errorf("%s: problems %q, figures %v; want one figure of exactly %v", c.name, problemTexts(b.Problems), b.Observations, c.want)
		}
	}
	data := growthWorkbook(t, [][]any{
		{"地区", "指标", "年份", "数值", "单位"},
		{"侯马市", "城镇新增就业", 2021, 0.62, "万人"},
		{"侯马市", "售电量", 2021, 125, "万千瓦时"},
		{"子洲县", "原油产量", 2021, 1.05, "百万吨"},
	}, "")
	b, err := Parse("u.xlsx", "", bytes.NewReader(data), seedCatalog(t), Options{Published: pushDate})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, o := range b.Observations {
		got = append(got, fmt.Sprintf("%s %v", o.Indicator, o.Value))
	}
	if want := "new_urban_jobs 6200, electricity_sales 0.0125, crude_oil_output 105"; len(b.Problems) > 0 || strings.Join(got, ", ") != want {
		t.Errorf("u.xlsx: problems %q, figures %q; want %s", problemTexts(b.Problems), got, want)
	}
}

// A unit converts only within its dimension: a count of persons is no sum
// of money, and a batch with one such row lands not at all, the row refused
// at its unit cell naming the units that would do.
func TestAUnitOfAnotherDimensionIsRefused(t *testing.T) {
	b := parseString(t, "u.csv", "地区,指标,年份,数值,单位\n"+
		"侯马市,城镇新增就业,2021,0.62,万人\n"+
		"侯马市,地区生产总值,2021,0.62,万人\n", Options{})
	want := `u.csv row 3 column E (unit): unit 10k_persons (万人) does not convert to 100m_yuan (亿元): indicator gdp is measured in 100m_yuan (亿元); ` +
		`write it in a unit that converts to it: 亿元, 万元, 千元, 元, billion yuan or million yuan`
	if got := strings.Join(problemTexts(b.Problems), "\n"); got != want {
		t.Errorf("problems\n%s\nwant\n%s", got, want)
	}
	for _, c := range [][2]string{{"10k_persons", plancast.Unit100mYuan}, {"10k_kwh", "100m_m3"}, {"million_tons", "persons"}, {plancast.UnitYuan, "tons"}} {
		if _, err := Convert(1, c[0], c[1]); plancast.ErrorCode(err) != plancast.EINVALID {
			t.Errorf("Convert(1, %s, %s) error = %v; want EINVALID", c[0], c[1], err)
		}
	}
}

// The same figure read from a table and from a report is the same number:
// the report reader reads 0.62万人 as 6200 persons and 125万千瓦时 as 0.0125
// 亿千瓦时, and so does a table with those units.
func TestATableAndAReportReadTheSameFigureAlike(t *testing.T) {
	text := "侯马市2022年政府工作报告\n\n过去一年，城镇新增就业0.62万人，全年售电量125万千瓦时，天然气产量125万立方米，原油产量1.05百万吨。\n"
	ex, err := report.Extract([]byte(text), report.Options{Region: "houma", Indicators: seedCatalog(t).Indicators})
	if err != nil {
		t.Fatal(err)
	}
	fromReport := map[string]float64{}
	for _, c := range ex.Observations {
		fromReport[c.Indicator] = c.Value
	}
	b := parseString(t, "u.csv", "region,indicator,year,value,unit\n"+
		"houma,new_urban_jobs,2021,0.62,万人\n"+
		"houma,electricity_sales,2021,125,万千瓦时\n"+
		"houma,natural_gas_output,2021,125,万立方米\n"+
		"houma,crude_oil_output,2021,1.05,百万吨\n", Options{})
	noProblems(t, b)
	want := map[string]float64{"new_urban_jobs": 6200, "electricity_sales": 0.0125, "natural_gas_output": 0.0125, "crude_oil_output": 105}
	for _, o := range b.Observations {
		if r, ok := fromReport[o.Indicator]; !ok || r != o.Value || o.Value != want[o.Indicator] {
			t.Errorf("%s: the table reads %v, the report %v (read: %v); want both %v", o.Indicator, o.Value, r, ok, want[o.Indicator])
		}
	}
	if len(b.Observations) != len(want) {
		t.Errorf("the table read %d figures; want %d", len(b.Observations), len(want))
	}
}
