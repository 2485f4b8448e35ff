package ingest

import (
	"strings"
	"testing"
)

// A CSV file's cells in a column whose header cell is blank, between named
// columns, used to be left out without a word: a figure of a wide table
// under a year header someone forgot, a unit or a status beside a row. They
// are refused as a workbook's are (TestACellInAColumnWithoutAHeaderIsRefused):
// once a column, at its first such cell, saying the column has no header and
// what to do. The rows are read as before, but a batch with a problem writes
// nothing.
func TestACSVCellInAGapBetweenHeaderColumnsIsRefused(t *testing.T) {
	const hint = `give column %s a header (备注 or note for a remark), or delete `
	one := func(row, col, text string) string {
		return `c.csv row ` + row + ` column ` + col + `: "` + text + `" is in a column without a header, so it would be lost: ` +
			strings.Replace(hint, "%s", col, 1) + `the cell`
	}
	for _, c := range []struct {
		name, table string
		want        []string
		figures     int
	}{
		{"a unit in a gap of a long table", "region,indicator,,year,value\nhouma,gdp,万元,2024,1587000\n",
			[]string{one("2", "C", "万元")}, 1},
		{"a year of a wide table without its header", "region,indicator,2019,,2021\nhouma,gdp,116,120.8,130\n",
			[]string{one("2", "D", "120.8")}, 2},
		{"a targets table", "region,indicator,plan,,kind,year,value\nhouma,gdp,14th-fyp,5,level,2025,250\n",
			[]string{one("2", "D", "5")}, 1},
		{"a column's cells are one problem, at its first", "地区,指标,年份,,数值\n" +
			"侯马市,地区生产总值,2021,a,130.5\n" +
			"侯马市,地区生产总值,2022,,140\n" +
			"侯马市,地区生产总值,2023,b,150\n" +
			"侯马市,地区生产总值,2024,c,158.7\n",
			[]string{`c.csv row 2 column D: "a" is in a column without a header, as are 2 more cells of column D, down to row 5, so they would be lost: ` +
				strings.Replace(hint, "%s", "D", 1) + `them`}, 4},
		{"two gaps, each its own problem", "region,,indicator,,year,value\nhouma,a,gdp,,2023,150\nhouma,,gdp,b,2024,158.7\n",
			[]string{one("2", "B", "a"), one("3", "D", "b")}, 2},
	} {
		b := parseString(t, "c.csv", c.table, Options{})
		if got, want := strings.Join(problemTexts(b.Problems), "\n"), strings.Join(c.want, "\n"); got != want {
			t.Errorf("%s: problems\n%s\nwant\n%s", c.name, got, want)
		}
		if n := len(b.Observations) + len(b.Targets); n != c.figures {
			t.Errorf("%s: %d figures and targets read, want %d", c.name, n, c.figures)
		}
	}
}

// What is clearly not a figure in a CSV file's gap column is left out as
// before, as in a workbook: a gap blank all the way down, missing marks
// ("—"), a note beside a row ("注：…"), and blank header cells at the end of
// the header with blank cells under them (spreadsheet programs export every
// row as wide as the widest).
func TestACSVGapColumnThatHoldsNoFigureIsAccepted(t *testing.T) {
	for _, c := range []struct {
		name, table string
		figures     int
	}{
		{"a gap blank all the way down", "region,indicator,,year,value\nhouma,gdp,,2023,150\nhouma,gdp, ,2024,158.7\n", 2},
		{"missing marks in a gap", "region,,indicator,year,value\nhouma,—,gdp,2023,150\nhouma,…,gdp,2024,158.7\n", 2},
		{"a note in a gap", "region,indicator,year,value,,status\nhouma,gdp,2024,158.7,注：初步核算数,preliminary\n", 1},
		{"blank header cells at the end", "region,indicator,year,value,,\nhouma,gdp,2023,150,,\nhouma,gdp,2024,158.7,,\n", 2},
		{"a wide table with a blank gap", "侯马市\n指标,2019年,,2021年\n地区生产总值,116,,130\n", 2},
	} {
		b := parseString(t, "c.csv", c.table, Options{})
		for _, p := range b.Problems {
			t.Errorf("%s: unexpected problem: %s", c.name, p.Error())
		}
		if n := len(b.Observations) + len(b.Targets); n != c.figures {
			t.Errorf("%s: %d figures and targets read, want %d", c.name, n, c.figures)
		}
	}
}
