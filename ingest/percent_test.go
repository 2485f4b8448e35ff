package ingest

import (
	"strings"
	"testing"
)

// A figure written with a percent sign ("140%") used to lose the sign and
// be stored as it stood, whatever the indicator: "houma,gdp,2022,140%"
// went in as 140 亿元. A percentage is refused at its cell when the
// indicator is not measured in percent, naming the indicator and its unit,
// as a figure typed with another unit ("130 亿元") is; rates (an indicator
// in percent), stated growths and growth and share targets keep their %.
func TestAPercentageOfAnIndicatorNotInPercentIsRefused(t *testing.T) {
	const figureHint = `write the figure without the % sign; a growth rate goes in a growth column (growth, 增速)`
	const targetHint = `write the level without the % sign, or make it a growth target (kind growth or avg_growth: 增速, 年均增速)`
	for _, c := range []struct {
		name, file, content string
		want                []string
		read                int // figures and targets read from the other rows
	}{
		{"a long table's value", "p.csv", "region,indicator,year,value\nhouma,gdp,2021,130.5\nhouma,gdp,2022,140%\n",
			[]string{`p.csv row 3 column D (value): "140%" is a percentage, but indicator gdp is measured in 100m_yuan (亿元), not in percent: ` + figureHint}, 1},
		{"a full-width sign", "p.csv", "region,indicator,year,value\nhouma,gdp,2022,140％\n",
			[]string{`p.csv row 2 column D (value): "140％" is a percentage, but indicator gdp is measured in 100m_yuan (亿元), not in percent: ` + figureHint}, 0},
		{"a value beside its unit", "p.csv", "region,indicator,year,value,unit\nhouma,gdp,2022,14000%,万元\n",
			[]string{`p.csv row 2 column D (value): "14000%" is a percentage, but indicator gdp is measured in 100m_yuan (亿元), not in percent: ` + figureHint}, 0},
		{"a figure per head", "p.csv", "region,indicator,year,value\nhouma,urban_disposable_income,2022,5.1%\n",
			[]string{`p.csv row 2 column D (value): "5.1%" is a percentage, but indicator urban_disposable_income is measured in yuan (元), not in percent: ` + figureHint}, 0},
		{"every one of a wide table", "p.csv", "region,indicator,2021,2022\nhouma,retail_sales,50%,55%\n",
			[]string{`p.csv row 2 column C (value): "50%" is a percentage, but indicator retail_sales is measured in 100m_yuan (亿元), not in percent: ` + figureHint,
				`p.csv row 2 column D (value): "55%" is a percentage, but indicator retail_sales is measured in 100m_yuan (亿元), not in percent: ` + figureHint}, 0},
		{"an indicator column", "p.csv", "地区,年份,地区生产总值（亿元）\n侯马市,2022,140%\n",
			[]string{`p.csv row 2 column C (value): "140%" is a percentage, but indicator gdp is measured in 100m_yuan (亿元), not in percent: ` + figureHint}, 0},
		{"a level target", "t.csv", "region,indicator,plan,kind,year,value\nhouma,gdp,14th-fyp,level,2025,250%\n",
			[]string{`t.csv row 2 column F (value): "250%" is a percentage, but a level target of indicator gdp is in 100m_yuan (亿元), not in percent: ` + targetHint}, 0},
		{"a ceiling target", "t.csv", "region,indicator,plan,kind,year,value\nhouma,retail_sales,14th-fyp,ceiling,2025,80%\n",
			[]string{`t.csv row 2 column F (value): "80%" is a percentage, but a ceiling target of indicator retail_sales is in 100m_yuan (亿元), not in percent: ` + targetHint}, 0},
		{"a JSON figure", "p.json", `[{"region":"houma","indicator":"gdp","year":2022,"value":"140%"}]`,
			[]string{`p.json line 1 (value): "140%" is a percentage, but indicator gdp is measured in 100m_yuan (亿元), not in percent: write the figure without the % sign; a growth rate goes in "growth"`}, 0},
	} {
		b := parseString(t, c.file, c.content, Options{})
		if got, want := strings.Join(problemTexts(b.Problems), "\n"), strings.Join(c.want, "\n"); got != want {
			t.Errorf("%s: problems\n%s\nwant\n%s", c.name, got, want)
		}
		if n := len(b.Observations) + len(b.Targets); n != c.read {
			t.Errorf("%s: %d figures and targets read, want %d: none from a refused cell", c.name, n, c.read)
		}
	}
}

// A percentage stays where percent is the unit: an indicator in percent
// (with or without its sign), a stated growth beside a level, and growth
// and share targets, or a level target of an indicator in percent.
func TestAPercentageWhereItIsTheUnitIsAccepted(t *testing.T) {
	for _, c := range []struct {
		name, file, content string
		figures, targets    int
	}{
		{"a rate", "p.csv", "region,indicator,year,value\nhouma,unemployment_rate,2022,4.5%\nhouma,unemployment_rate,2021,4.2\n", 2, 0},
		{"a rate in a wide table", "p.csv", "region,indicator,2021,2022\nhouma,unemployment_rate,4.2%,4.5%\n", 2, 0},
		{"a stated growth beside a level", "p.csv", "region,indicator,year,value,growth\nhouma,gdp,2022,140,5.3%\n", 1, 0},
		{"a stated growth under 增速", "p.csv", "地区,指标,年份,数值,增速\n侯马市,地区生产总值,2022,140,5.3%\n", 1, 0},
		{"a growth target", "t.csv", "region,indicator,plan,kind,year,base_year,value\nhouma,gdp,14th-fyp,avg_growth,2025,2020,6.5%\nhouma,gdp,14th-fyp,growth,2025,,7%\n", 0, 2},
		{"a share target", "t.csv", "region,indicator,plan,kind,year,value\nhouma,secondary_industry_share,14th-fyp,share,2025,45%\n", 0, 1},
		{"a level target of a rate", "t.csv", "region,indicator,plan,kind,year,value\nhouma,unemployment_rate,14th-fyp,ceiling,2025,5.5%\n", 0, 1},
		{"a JSON growth", "p.json", `[{"region":"houma","indicator":"gdp","year":2022,"value":140,"growth":"5.3%"}]`, 1, 0},
	} {
		b := parseString(t, c.file, c.content, Options{})
		noProblems(t, b)
		if len(b.Observations) != c.figures || len(b.Targets) != c.targets {
			t.Errorf("%s: %d figures and %d targets, want %d and %d", c.name, len(b.Observations), len(b.Targets), c.figures, c.targets)
		}
	}
}
