package ingest

import (
	"testing"

	"github.com/plancast/plancast"
)

// Cells a bureau's tables hold that plancast does not read are named for
// what they are, with what to do: a footnote's mark after a figure, a
// units row under the header, the NBS's statuses (最终核实数, 初步核算数,
// which are read), a preliminary and a final column of one year side by
// side, and a bound written with a target's number in a targets table.

func TestAFootnoteMarkAfterAFigureIsNamedAsOne(t *testing.T) {
	b := parseString(t, "marks.csv", "指标,单位,2023年,2024年\n地区生产总值,亿元,2230.1,2318.6*\n一般公共预算收入,亿元,139.8,145.0 1)\n城镇居民人均可支配收入,元,\"38,900\",41235①\n", Options{Region: "houma"})
	want := []string{
		`marks.csv row 2 column D (value): "2318.6*" is the figure 2318.6 with a footnote's mark after it, "*": drop the mark, or move it to the end of the indicator's name (as in "地区生产总值*"), where a footnote's mark is read`,
		`marks.csv row 3 column D (value): "145.0 1)" is the figure 145.0 with a footnote's mark after it, "1)": drop the mark (a footnote's text under the table is left out as a note); to keep the mark, put a mark such as ① or * at the end of the indicator's name (as in "地区生产总值①"), where it is read`,
		`marks.csv row 4 column D (value): "41235①" is the figure 41235 with a footnote's mark after it, "①": drop the mark, or move it to the end of the indicator's name (as in "地区生产总值①"), where a footnote's mark is read`,
	}
	got := problemTexts(b.Problems)
	if len(got) != len(want) {
		t.Fatalf("problems %q; want %d", got, len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("problem %d\n %q\nwant\n %q", i, got[i], want[i])
		}
	}
}

func TestAUnitsRowUnderTheHeaderIsNamedOnce(t *testing.T) {
	b := parseString(t, "u1.csv", "年份,地区生产总值,一般公共预算收入,城镇居民人均可支配收入\n单位,亿元,万元,元\n2023年,2230.1,1398000,38900\n", Options{Region: "houma"})
	want := `u1.csv row 2 column A: row 2 is a units row ("单位": 亿元, 万元, 元), which plancast does not read: give each column its unit in its header, as in "地区生产总值（亿元）", and delete the row`
	if got := problemTexts(b.Problems); len(got) != 1 || got[0] != want {
		t.Errorf("problems\n %q\nwant\n %q", got, want)
	}
}

func TestTheNBSsWordsForFinalAndPreliminaryAreRead(t *testing.T) {
	b := parseString(t, "st2.csv", "地区,指标,年份,数值,单位,状态\n侯马市,地区生产总值,2023年,138.2,亿元,最终核实数\n侯马市,地区生产总值,2024年,145.6,亿元,初步核算数\n", Options{})
	noProblems(t, b)
	if len(b.Observations) != 2 || b.Observations[0].Status != plancast.StatusFinal || b.Observations[1].Status != plancast.StatusPreliminary {
		t.Errorf("read %+v; want 2023 final and 2024 preliminary", b.Observations)
	}
}

func TestAPreliminaryAndAFinalColumnOfOneYearSayHowToPushBoth(t *testing.T) {
	b := parseString(t, "pf2.csv", "指标,单位,2024年（初步）,2024年\n地区生产总值,亿元,2318.6,2325.3\n", Options{Region: "houma"})
	want := `pf2.csv row 2 column D (value): houma gdp 2024: 2325.3 here but 2318.6 (preliminary) in row 2 column C; ` +
		`a push holds one figure of a year: push the preliminary figure and the final one in two pushes, each dated the day it was published ` +
		`(a published column, 发布日期, or plancast ingest --published YYYY-MM-DD), the earlier first`
	if got := problemTexts(b.Problems); len(got) != 1 || got[0] != want {
		t.Errorf("problems\n %q\nwant\n %q", got, want)
	}
}

func TestABoundWithATargetsNumberPointsToTheNumberAndTheKind(t *testing.T) {
	const head = "region,indicator,plan,kind,year,value,unit\n"
	for row, want := range map[string]string{
		"houma,gdp,2026-annual,growth,2026,6以上,%\n": `tgb.csv row 2 column F (value): "6以上" is a number with a bound (以上), as a plan's table writes it: ` +
			`a targets table takes the number alone in its value column and the bound from its kind column (floor: at least, 以上 or ≥; ceiling: at most, 以内 or ≤); ` +
			`a growth target of gdp is met at or above its value already: write 6`,
		"houma,unemployment_rate,2026-annual,level,2026,控制在5.5%以内,%\n": `tgb.csv row 2 column F (value): "控制在5.5%以内" is a number with a bound (控制在…以内), as a plan's table writes it: ` +
			`a targets table takes the number alone in its value column and the bound from its kind column (floor: at least, 以上 or ≥; ceiling: at most, 以内 or ≤); ` +
			`a level target of unemployment_rate is met at or below its value already: write 5.5`,
		"houma,gdp,2026-annual,ceiling,2026,≥6,%\n": `tgb.csv row 2 column F (value): "≥6" is a number with a bound (≥), as a plan's table writes it: ` +
			`a targets table takes the number alone in its value column and the bound from its kind column (floor: at least, 以上 or ≥; ceiling: at most, 以内 or ≤); ` +
			`write 6, with kind floor (at least)`,
	} {
		b := parseString(t, "tgb.csv", head+row, Options{})
		if got := problemTexts(b.Problems); len(got) != 1 || got[0] != want {
			t.Errorf("%s: problems\n %q\nwant\n %q", row, got, want)
		}
	}
}
