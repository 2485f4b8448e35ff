package ingest

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// A CSV row with more cells than its header has columns used to lose the
// cells past the last column without a word: "houma,gdp,2024,158,7" under
// "region,indicator,year,value" was stored as 158, a decimal comma
// ("158,7") cut into a wrong figure. Such a row is refused at its row and
// the column of its first extra cell, naming the count, the row as written
// and, when two cells look like one number cut at a comma, that number. The
// row is not read, since its cells no longer line up with their columns.
func TestACSVRowWiderThanItsHeaderIsRefused(t *testing.T) {
	const long = "region,indicator,year,value\n"
	const cut = `an unquoted comma ends a cell`
	for _, c := range []struct {
		name, table string
		want        []string
		figures     int
	}{
		{"a decimal comma in a long table's value", long + "houma,gdp,2023,150\nhouma,gdp,2024,158,7\n",
			[]string{`c.csv row 3 column E: 5 cells where the header has 4 columns ("houma,gdp,2024,158,7"): ` +
				`is "158,7" one number, written with a decimal comma? ` + cut + `; write it with a point (158.7)`}, 1},
		{"a decimal comma in a wide table's year column", "region,indicator,2021,2022\nhouma,retail_sales,50,55,5\n",
			[]string{`c.csv row 2 column E: 5 cells where the header has 4 columns ("houma,retail_sales,50,55,5"): ` +
				`is "50,55" or "55,5" one number, written with a decimal comma? ` + cut + `; write it with a point (50.55 or 55.5)`}, 0},
		{"a decimal comma in a wide table, after a missing figure", "region,indicator,2021,2022\nhouma,retail_sales,—,55,5\n",
			[]string{`c.csv row 2 column E: 5 cells where the header has 4 columns ("houma,retail_sales,—,55,5"): ` +
				`is "55,5" one number, written with a decimal comma? ` + cut + `; write it with a point (55.5)`}, 0},
		{"a long table's value and growth", "region,indicator,year,value,growth\nhouma,gdp,2024,158,7,5\n",
			[]string{`c.csv row 2 column F: 6 cells where the header has 5 columns ("houma,gdp,2024,158,7,5"): ` +
				`is "158,7" or "7,5" one number, written with a decimal comma? ` + cut + `; write it with a point (158.7 or 7.5)`}, 0},
		{"a decimal comma in a column before the last", "region,indicator,year,value,status\nhouma,gdp,2024,158,7,final\n",
			[]string{`c.csv row 2 column F: 6 cells where the header has 5 columns ("houma,gdp,2024,158,7,final"): ` +
				`is "158,7" one number, written with a decimal comma? ` + cut + `; write it with a point (158.7)`}, 0},
		{"thousands grouped with an unquoted comma", long + "houma,gdp,2024,1,234.5\n",
			[]string{`c.csv row 2 column E: 5 cells where the header has 4 columns ("houma,gdp,2024,1,234.5"): ` +
				`is "1,234.5" one number, its thousands grouped with a comma? ` + cut + `; quote the cell ("1,234.5") or write it without the comma (1234.5)`}, 0},
		{"three digits after the comma, either reading", long + "houma,gdp,2024,1,234\n",
			[]string{`c.csv row 2 column E: 5 cells where the header has 4 columns ("houma,gdp,2024,1,234"): ` +
				`is "1,234" one number? ` + cut + `; for 1234 quote the cell ("1,234") or write it without the comma, for a decimal comma write 1.234`}, 0},
		{"a note typed beside the table", long + "houma,gdp,2024,158,checked by Li\n",
			[]string{`c.csv row 2 column E: 5 cells where the header has 4 columns ("houma,gdp,2024,158,checked by Li"): ` +
				`the cells past column D have no column and would be lost; give their column a header (备注 or note for a remark), or remove them`}, 0},
		{"every such row, each at its own row", long + "houma,gdp,2022,140,1\nhouma,gdp,2023,150\nhouma,gdp,2024,158,7\n",
			[]string{`c.csv row 2 column E: 5 cells where the header has 4 columns ("houma,gdp,2022,140,1"): ` +
				`is "140,1" one number, written with a decimal comma? ` + cut + `; write it with a point (140.1)`,
				`c.csv row 4 column E: 5 cells where the header has 4 columns ("houma,gdp,2024,158,7"): ` +
					`is "158,7" one number, written with a decimal comma? ` + cut + `; write it with a point (158.7)`}, 1},
		{"extra cells after empty ones", long + "houma,gdp,2024,158,,,x\n",
			[]string{`c.csv row 2 column G: 7 cells where the header has 4 columns ("houma,gdp,2024,158,,,x"): ` +
				`the cells past column D have no column and would be lost; give their column a header (备注 or note for a remark), or remove them`}, 0},
		{"a header with empty cells at its end is as wide as its last name", "region,indicator,year,value,,\nhouma,gdp,2024,158,7,\n",
			[]string{`c.csv row 2 column E: 5 cells where the header has 4 columns ("houma,gdp,2024,158,7"): ` +
				`is "158,7" one number, written with a decimal comma? ` + cut + `; write it with a point (158.7)`}, 0},
		{"a semicolon file", "region;indicator;year;value\nhouma;gdp;2024;158;7\n",
			[]string{`c.csv row 2 column E: 5 cells where the header has 4 columns ("houma;gdp;2024;158;7"): ` +
				`the cells past column D have no column and would be lost; give their column a header (备注 or note for a remark), or remove them`}, 0},
		{"a tab-separated file", "region\tindicator\tyear\tvalue\nhouma\tgdp\t2024\t158\t7\n",
			[]string{`c.csv row 2 column E: 5 cells where the header has 4 columns ("houma\tgdp\t2024\t158\t7"): ` +
				`the cells past column D have no column and would be lost; give their column a header (备注 or note for a remark), or remove them`}, 0},
		{"a targets table", "region,indicator,plan,kind,year,value\nhouma,gdp,14th-fyp,level,2025,250,5\n",
			[]string{`c.csv row 2 column G: 7 cells where the header has 6 columns ("houma,gdp,14th-fyp,level,2025,250,5"): ` +
				`is "250,5" one number, written with a decimal comma? ` + cut + `; write it with a point (250.5)`}, 0},
		{"a table under a title row", "子洲县经济指标（单位：亿元）\n地区,指标,年份,数值\n子洲县,地区生产总值,2020,80,5\n",
			[]string{`c.csv row 3 column E: 5 cells where the header has 4 columns ("子洲县,地区生产总值,2020,80,5"): ` +
				`is "80,5" one number, written with a decimal comma? ` + cut + `; write it with a point (80.5)`}, 0},
		{"a header over two lines", "地区,指标,年份,年份\n,,2020,2021\n子洲县,地区生产总值,80,85,5\n",
			[]string{`c.csv row 3 column E: 5 cells where the header has 4 columns ("子洲县,地区生产总值,80,85,5"): ` +
				`is "80,85" or "85,5" one number, written with a decimal comma? ` + cut + `; write it with a point (80.85 or 85.5)`}, 0},
		{"numbers cut both ways", "region,indicator,2021,2022,2023\nhouma,retail_sales,50,1,234.5,7\n",
			[]string{`c.csv row 2 column F: 6 cells where the header has 5 columns ("houma,retail_sales,50,1,234.5,7"): ` +
				`are two of its cells one number cut at an unquoted comma? write a decimal with a point (158.7), and quote a number grouped with commas ("1,234.5")`}, 0},
	} {
		b := parseString(t, "c.csv", c.table, Options{})
		if got, want := strings.Join(problemTexts(b.Problems), "\n"), strings.Join(c.want, "\n"); got != want {
			t.Errorf("%s: problems\n%s\nwant\n%s", c.name, got, want)
		}
		if len(b.Observations)+len(b.Targets) != c.figures {
			t.Errorf("%s: %d figures and targets read, want %d: none from a refused row", c.name, len(b.Observations)+len(b.Targets), c.figures)
		}
	}
}

// Empty cells past the header are nothing lost: spreadsheet programs export
// a row as wide as the widest of the sheet ("a,b,c,d,,"). They are read as
// before, and so are rows as wide as the header, shorter rows, notes under
// the table and rows above its header.
func TestEmptyCellsPastTheHeaderAreAccepted(t *testing.T) {
	for _, c := range []struct {
		name, table string
		figures     int
	}{
		{"empty cells after a long row", "region,indicator,year,value\nhouma,gdp,2023,150,,\nhouma,gdp,2024,158.7,\n", 2},
		{"spaces are empty too", "region,indicator,year,value\nhouma,gdp,2024,158.7, , \n", 1},
		{"a wide row", "region,indicator,2021,2022\nhouma,retail_sales,50,55.5,,,\n", 2},
		{"a semicolon row", "region;indicator;year;value\nhouma;gdp;2024;158.7;;\n", 1},
		{"a targets row", "region,indicator,plan,kind,year,value\nhouma,gdp,14th-fyp,level,2025,250,,\n", 1},
		{"a quoted number with its comma", "region,indicator,year,value\nhouma,gdp,2024,\"1,234.5\"\n", 1},
		{"a shorter row", "region,indicator,year,value,source\nhouma,gdp,2024,158.7\n", 1},
		{"a note under the table", "region,indicator,year,value\nhouma,gdp,2024,158.7\n注：2024年为初步核算数,据统计公报,第3页\n", 1},
		{"a title row wider than the header", "侯马市主要经济指标,,,,,,（单位：亿元）\n地区,指标,年份,数值\n侯马市,地区生产总值,2020,120.8\n", 1},
	} {
		b := parseString(t, "c.csv", c.table, Options{})
		noProblems(t, b)
		if n := len(b.Observations) + len(b.Targets); n != c.figures {
			t.Errorf("%s: %d figures and targets read, want %d", c.name, n, c.figures)
		}
	}
}

// Chinese Excel saves CSV in GB18030: the row is shown as written, decoded.
func TestAWideRowIsRefusedInGB18030(t *testing.T) {
	gb, err := simplifiedchinese.GB18030.NewEncoder().String("地区,指标,年份,数值\n侯马市,地区生产总值,2020,120,8\n")
	if err != nil {
		t.Fatal(err)
	}
	b := parseString(t, "gb.csv", gb, Options{})
	want := `gb.csv row 2 column E: 5 cells where the header has 4 columns ("侯马市,地区生产总值,2020,120,8"): ` +
		`is "120,8" one number, written with a decimal comma? an unquoted comma ends a cell; write it with a point (120.8)`
	if got := strings.Join(problemTexts(b.Problems), "\n"); got != want {
		t.Errorf("problems\n%s\nwant\n%s", got, want)
	}
}
