package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

var (
	isoDate     = "yyyy-mm-dd"
	shortDate   = &excelize.Style{NumFmt: 14} // m/d/yy, as a spreadsheet formats 2022-01-01 typed in a cell
	customDate  = &excelize.Style{CustomNumFmt: &isoDate}
	chineseDate = &excelize.Style{NumFmt: 31} // yyyy"年"m"月"d"日"
)

// A year typed as a date (2022-01-01), or a year column formatted as dates,
// makes the cell hold the date's serial number: 44562 was read as the year
// 44562 and refused as "year 44562 is outside 1900–2150", which says
// nothing of the cell's date. The cell is refused at its column, saying
// what it shows and holds and what to type; the year is not guessed from
// the date. A year typed into a cell formatted as a date holds that year,
// and is read as it was.
func TestAYearCellFormattedAsADateIsRefusedSayingWhatToType(t *testing.T) {
	const typeIt = "a year is a number; type 2022, formatted as a number or text"
	for _, c := range []struct {
		name  string
		rows  [][]any
		cells []styled
		want  []string
		read  int // figures and targets read from the other rows
	}{
		{"a date typed in a long table's year", [][]any{
			{"region", "indicator", "year", "value"},
			{"houma", "gdp", 2021, 131.2},
			{"houma", "gdp", 44562, 140.1},
		}, []styled{{"C3", shortDate}},
			[]string{"d.xlsx sheet Sheet1 row 3 column C (year): the cell is a date (shows 2022-01-01, holds 44562): " + typeIt}, 1},
		{"a year column formatted as dates, in a custom format", [][]any{
			{"地区", "指标", "年份", "数值"},
			{"侯马市", "地区生产总值", 44562, 140.1},
		}, []styled{{"C:C", customDate}},
			[]string{"d.xlsx sheet Sheet1 row 2 column C (year): the cell is a date (shows 2022-01-01, holds 44562): " + typeIt}, 0},
		{"a year typed into a cell formatted as a date is the year typed", [][]any{
			{"region", "indicator", "year", "value"},
			{"houma", "gdp", 2022, 140.1}, // shows 1905-07-14
		}, []styled{{"C2", chineseDate}}, nil, 1},
		{"a stated growth's base year", [][]any{
			{"region", "indicator", "year", "value", "growth", "growth_base_year"},
			{"houma", "gdp", 2020, 120.8, 5.3, 42005},
		}, []styled{{"F2", shortDate}},
			[]string{"d.xlsx sheet Sheet1 row 2 column F (growth_base_year): the cell is a date (shows 2015-01-01, holds 42005): " +
				"a year is a number; type 2015, formatted as a number or text"}, 0},
		{"a target's year", [][]any{
			{"region", "indicator", "plan", "kind", "year", "value"},
			{"houma", "gdp", "14th-fyp", "level", 45658, 250},
			{"houma", "gdp", "2021-annual", "growth", 2021, 8.5},
		}, []styled{{"E2", shortDate}},
			[]string{"d.xlsx sheet Sheet1 row 2 column E (year): the cell is a date (shows 2025-01-01, holds 45658): " +
				"a year is a number; type 2025, formatted as a number or text"}, 1},
		{"a date where a date belongs, a percentage read beside it", [][]any{
			{"region", "indicator", "year", "value", "published"},
			{"houma", "unemployment_rate", 2021, 0.029, 44621}, // published 2022-03-01
		}, []styled{{"E2", shortDate}, {"D2", twoPlacesPct}}, nil, 1},
	} {
		b, err := Parse("d.xlsx", "", bytes.NewReader(styledWorkbook(t, c.rows, c.cells...)), seedCatalog(t), Options{Published: pushDate})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := strings.Join(problemTexts(b.Problems), "\n"), strings.Join(c.want, "\n"); got != want {
			t.Errorf("%s: problems\n%s\nwant\n%s", c.name, got, want)
		}
		if n := len(b.Observations) + len(b.Targets); n != c.read {
			t.Errorf("%s: %d figures and targets read, want %d: none from a refused row", c.name, n, c.read)
		}
		for _, o := range b.Observations {
			if o.Indicator == "unemployment_rate" && (o.Value != 2.9 || o.Published.String() != "2022-03-01") {
				t.Errorf("%s: %+v, want 2.9 (the percentage shown) published 2022-03-01", c.name, o)
			}
		}
	}
}

// A workbook whose dates count from 1904 (as Excel for the Mac once saved
// them) holds 43100 for 2022-01-01.
func TestADateYearOfA1904WorkbookShowsItsDate(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	on := true
	if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &on}); err != nil {
		t.Fatal(err)
	}
	setRows(t, f, "Sheet1", [][]any{{"region", "indicator", "year", "value"}, {"houma", "gdp", 43100, 140.1}})
	if err := f.SetCellStyle("Sheet1", "C2", "C2", numberStyle(t, f, shortDate)); err != nil {
		t.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	b, err := Parse("d.xlsx", "", buf, seedCatalog(t), Options{Published: pushDate})
	if err != nil {
		t.Fatal(err)
	}
	want := "d.xlsx sheet Sheet1 row 2 column C (year): the cell is a date (shows 2022-01-01, holds 43100): a year is a number; type 2022, formatted as a number or text"
	if got := strings.Join(problemTexts(b.Problems), "\n"); got != want {
		t.Errorf("problems\n%s\nwant\n%s", got, want)
	}
}

func TestDateFormatsAreToldFromOthers(t *testing.T) {
	for format, want := range map[string]bool{
		"yyyy-mm-dd": true, `yyyy"年"m"月"d"日"`: true, "[$-804]yyyy/m/d": true, "h:mm": true, "[h]:mm:ss": true, "d-mmm": true,
		"0.00": false, "#,##0": false, `0.0"days"`: false, "[Red]0.00": false, "0.00E+00": false, "General": false,
		`#,##0_);[Red](#,##0)`: false, `\d0`: false, `_d0`: false, "0%": false, "@": false,
	} {
		if got := dateFormat(&excelize.Style{CustomNumFmt: &format}); got != want {
			t.Errorf("%q: date %v, want %v", format, got, want)
		}
	}
	for id, want := range map[int]bool{0: false, 2: false, 9: false, 14: true, 22: true, 31: true, 45: true, 49: false, 57: true} {
		if got := dateFormat(&excelize.Style{NumFmt: id}); got != want {
			t.Errorf("built-in format %d: date %v, want %v", id, got, want)
		}
	}
}

// A wide table's years typed as dates in its header hold 44197 and 44562,
// no year at all: the sheet had "no header row found", or, beside years
// typed as numbers, the column of a year typed as a date was left out with
// its figures as one plancast does not read. Each such header cell is
// refused as a year column's is.
func TestAWideHeaderOfYearsTypedAsDatesIsRefused(t *testing.T) {
	const typed = "d.xlsx sheet Sheet1 row 1 column %s (year): the cell is a date (shows %d-01-01, holds %d): a year is a number; type %d, formatted as a number or text"
	for _, c := range []struct {
		name  string
		rows  [][]any
		cells []styled
		want  []string
	}{
		{"every year a date", [][]any{{"indicator", 44197, 44562}, {"gdp", 131.2, 140.1}},
			[]styled{{"B1", shortDate}, {"C1", customDate}},
			[]string{fmt.Sprintf(typed, "B", 2021, 44197, 2021), fmt.Sprintf(typed, "C", 2022, 44562, 2022)}},
		{"one year a date beside a number", [][]any{{"region", "indicator", 2021, 44562}, {"houma", "gdp", 131.2, 140.1}},
			[]styled{{"D1", shortDate}},
			[]string{fmt.Sprintf(typed, "D", 2022, 44562, 2022)}},
	} {
		b, err := Parse("d.xlsx", "", bytes.NewReader(styledWorkbook(t, c.rows, c.cells...)), seedCatalog(t), Options{Published: pushDate, Region: "houma"})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := strings.Join(problemTexts(b.Problems), "\n"), strings.Join(c.want, "\n"); got != want {
			t.Errorf("%s: problems\n%s\nwant\n%s", c.name, got, want)
		}
	}
}
