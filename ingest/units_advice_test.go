package ingest

import (
	"strings"
	"testing"
)

// A unit plancast does not know, or one that does not convert to its
// indicator's, is refused naming the units that do: the units of its
// indicator's dimension in plancast.Units (money, a count of persons,
// electricity, a volume, a mass), a unit alone in its dimension (percent)
// or of none only itself. The message used to offer money units whatever
// the indicator ("亿元, 万元, 元, billion yuan, million yuan, %, or a unit
// code"), though a gas output goes in 亿立方米; and then it offered a unit
// other than money only itself, refusing 万人 for persons and 吨 for 万吨,
// which the report reader converted.
func TestAUnitThatDoesNotFitIsToldTheUnitsThatConvertToItsIndicators(t *testing.T) {
	b := parseString(t, "u.csv", "地区,指标,年份,数值,单位\n"+
		"子洲县,原油产量,2022,10500,立方米\n"+
		"子洲县,天然气产量,2022,125,万千瓦时\n"+
		"子洲县,城镇新增就业,2023,0.21,万元\n"+
		"子洲县,地区生产总值,2023,130,亿斤\n"+
		"子洲县,城镇登记失业率,2023,3.1,万元\n", Options{})
	want := []string{
		`u.csv row 2 column E (unit): unit m3 (立方米) does not convert to 10k_tons (万吨): indicator crude_oil_output is measured in 10k_tons (万吨); ` +
			`write it in a unit that converts to it: 百万吨, 万吨 or 吨`,
		`u.csv row 3 column E (unit): unit 10k_kwh (万千瓦时) does not convert to 100m_m3 (亿立方米): indicator natural_gas_output is measured in 100m_m3 (亿立方米); ` +
			`write it in a unit that converts to it: 亿立方米, 万立方米, 立方米, billion m³ or million m³`,
		`u.csv row 4 column E (unit): unit 10k_yuan (万元) does not convert to persons (人): indicator new_urban_jobs is measured in persons (人); ` +
			`write it in a unit that converts to it: 万人, 千人 or 人`,
		`u.csv row 5 column E (unit): unit "亿斤" is not a known unit: indicator gdp is measured in 100m_yuan (亿元); ` +
			`write it in a unit that converts to it: 亿元, 万元, 千元, 元, billion yuan or million yuan`,
		`u.csv row 6 column E (unit): unit 10k_yuan (万元) does not convert to percent (%): indicator unemployment_rate is measured in percent (%); ` +
			`write it in percent (%), the only unit that converts to it`,
	}
	if got := strings.Join(problemTexts(b.Problems), "\n"); got != strings.Join(want, "\n") {
		t.Errorf("problems\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}

	// Without an indicator known, the message names units of every kind.
	b = parseString(t, "u.json", `[{"region":"zizhou","indicator":"原油","year":2022,"value":1.05,"unit":"吨吨"}]`, Options{})
	if got := strings.Join(problemTexts(b.Problems), "\n"); !strings.Contains(got,
		`unit "吨吨" is not a known unit: write one such as 亿元, 万元, 元, %, 万吨, 亿立方米 or 亿千瓦时, or a unit code (100m_yuan)`) {
		t.Errorf("problems\n%s\nwant one naming units of every kind", got)
	}
}
