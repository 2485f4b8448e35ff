package ingest

import (
	"strings"
	"testing"
)

// A unit written with a space inside it ("亿 元", "万 元"), as a table typed
// by hand, typeset, or copied from a page gives it, is the unit without the
// space, wherever a file gives a unit: a unit cell, a header, the bracket
// after an indicator's name, a title's 单位 line, a JSON "unit". Any space
// will do: the ASCII one, the ideographic (full-width) one, the no-break
// space, the thin and narrow no-break spaces of typeset text, a zero-width
// space. A unit plancast does not know stays refused.

var unitSpaces = []struct{ name, s string }{
	{"space", " "},
	{"two spaces", "  "},
	{"ideographic space U+3000", "\u3000"},
	{"no-break space U+00A0", "\u00a0"},
	{"thin space U+2009", "\u2009"},
	{"narrow no-break space U+202F", "\u202f"},
	{"zero-width space U+200B", "\u200b"},
}

func TestAUnitWithASpaceInsideIsTheUnitWithoutIt(t *testing.T) {
	for _, sp := range unitSpaces {
		t.Run(sp.name, func(t *testing.T) {
			yi := "亿" + sp.s + "元"
			wan := "万" + sp.s + "元"
			for _, c := range []struct {
				name, file, content string
				want                []figure
			}{
				{"unit column, 亿元", "unitcol.csv",
					"region,indicator,year,value,unit\nhouma,gdp,2020,120.8," + yi + "\n",
					[]figure{{region: "houma", indicator: "gdp", year: 2020, value: 120.8}}},
				{"unit column, 万元", "unitcol.csv",
					"region,indicator,year,value,unit\nhouma,gdp,2020,1208000," + wan + "\n",
					[]figure{{region: "houma", indicator: "gdp", year: 2020, value: 120.8}}},
				{"header 数值（亿 元）", "header.csv",
					"地区,指标,年份,数值（" + yi + "）\n侯马市,地区生产总值,2020,120.8\n",
					[]figure{{region: "houma", indicator: "gdp", year: 2020, value: 120.8}}},
				{"header 数值（万 元）", "header.csv",
					"地区,指标,年份,数值（" + wan + "）\n侯马市,地区生产总值,2020,1208000\n",
					[]figure{{region: "houma", indicator: "gdp", year: 2020, value: 120.8}}},
				{"indicator name with its unit, wide table", "wide.csv",
					"地区,指标,2019,2020\n侯马市,地区生产总值（" + wan + "）,1100000,1208000\n",
					[]figure{
						{region: "houma", indicator: "gdp", year: 2019, value: 110},
						{region: "houma", indicator: "gdp", year: 2020, value: 120.8},
					}},
				{"title 单位：万 元", "title.csv",
					"单位：" + wan + "\n地区,指标,年份,数值\n侯马市,地区生产总值,2020,1208000\n",
					[]figure{{region: "houma", indicator: "gdp", year: 2020, value: 120.8}}},
				{"JSON unit", "unit.json",
					`[{"region":"houma","indicator":"gdp","unit":"` + wan + `","year":2020,"value":1208000}]`,
					[]figure{{region: "houma", indicator: "gdp", year: 2020, value: 120.8}}},
			} {
				b := parseString(t, c.file, c.content, Options{})
				if len(b.Problems) > 0 {
					t.Errorf("%s: %q", c.name, problemTexts(b.Problems))
					continue
				}
				checkFigures(t, b, c.want)
			}
			if got, ok := ParseUnit("单位：" + yi); !ok || got != "100m_yuan" {
				t.Errorf("ParseUnit(%q) = %q, %v; want 100m_yuan", "单位："+yi, got, ok)
			}
		})
	}
}

func TestAnUnknownUnitWithASpaceInsideIsStillRefused(t *testing.T) {
	for _, sp := range unitSpaces {
		unit := "亿" + sp.s + "斤"
		b := parseString(t, "jin.csv", "region,indicator,year,value,unit\nhouma,gdp,2020,120.8,"+unit+"\n", Options{})
		if len(b.Observations) != 0 {
			t.Errorf("%s: %d figures read in a unit 亿斤", sp.name, len(b.Observations))
		}
		texts := problemTexts(b.Problems)
		if len(texts) != 1 || !strings.Contains(texts[0], "jin.csv row 2 column E (unit): unit ") ||
			!strings.Contains(texts[0], "is not a known unit: indicator gdp is measured in 100m_yuan (亿元); write it in a unit that converts to it: 亿元, 万元, 千元, 元, billion yuan or million yuan") {
			t.Errorf("%s: problems %q, want one at row 2 column E saying the unit is not known", sp.name, texts)
		}
	}
}
